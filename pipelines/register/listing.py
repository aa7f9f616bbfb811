"""Which register files a load reads: every export in the drop folders, and of those the
new and changed ones (the others keep their rows from the last load)."""

from __future__ import annotations

from pathlib import Path

from pipelines.files import file_hash
from pipelines.personnummer import mask_personnummer
from pipelines.register.dialects import SUFFIXES


def register_files(folder: Path | list[Path]) -> list[Path]:
    """Exports in the drop folder (or folders: registers and costs), in a stable order."""
    folders = folder if isinstance(folder, list) else [folder]
    return [p for one in folders if one.exists() for p in sorted(one.rglob("*"))
            if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith(".")]


def unchanged(before: dict | None, digest: str) -> bool:
    """Whether a file with this digest was loaded whole last time (its rows are kept)."""
    return bool(before) and before["sha256"] == digest and before["status"] == "loaded"


def data_root(folder: Path | list[Path]) -> Path:
    """The folder the manifest's file names start from: the drop folders' parent."""
    return (folder[0] if isinstance(folder, list) else folder).parent


def source_name(path: Path, root: Path) -> str:
    """How the load manifest names a file: its path under `data_root`, any personnummer in
    it masked."""
    return mask_personnummer(path.relative_to(root).as_posix())


def listed_files(folder: Path | list[Path]) -> list[tuple[Path, str, str, int]]:
    """Each register file of the drop folder(s): path, source name, sha256, size."""
    root = data_root(folder)
    return [(path, source_name(path, root), file_hash(path), path.stat().st_size)
            for path in register_files(folder)]


def to_parse(files: list[tuple[Path, str, str, int]], previous: dict[str, dict]
             ) -> list[tuple[Path, str, int]]:
    """The new and changed files (path, sha256, size): those not kept from the last load."""
    return [(path, digest, size) for path, source, digest, size in files
            if not unchanged(previous.get(source), digest)]
