"""Whether anything a run depends on changed since the last published run.

A stamp of the inputs (every file in the drop folder, the dbt project, the expectation
suites, the pipeline code and the FINSAM_* settings) and of the published warehouse is kept
in data/ops/ after each published run. A run that finds the same stamp has nothing to do:
it says so and stops before Dagster, dbt or Great Expectations are imported. A warehouse
edited by hand, a file touched in the drop folder or a changed rule all differ from the
stamp and run in full.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from pipelines.durable import replace
from pipelines.files import file_hash
from pipelines.settings import DBT_PROJECT_DIR, PROJECT_ROOT, Paths

STAMP_FILE = "last_published.json"
_DBT_OUTPUTS = ("target", "logs")  # what dbt writes into a project, not what it reads
_CODE_PARTS = ("expectations", "pipelines")
_LOCATION_SETTINGS = ("FINSAM_DATA_DIR", "FINSAM_DUCKDB")


def _files(root: Path) -> list[Path]:
    if not root.exists():
        return []
    return sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def _add_files(digest: hashlib._Hash, base: Path, files: list[Path]) -> None:
    for path in files:
        digest.update(f"{path.relative_to(base)}\0{file_hash(path)}\n".encode())


def dbt_project_digest(project_dir: Path = DBT_PROJECT_DIR, profiles_dir: Path | None = None,
                       written: Path | None = None) -> str:
    """A digest of the files a parse of a dbt project reads: every file of the project (but
    hidden ones and what dbt writes there: its target and log folders, and `written`) and
    the profile in `profiles_dir`."""
    skipped = {(project_dir / name).resolve() for name in _DBT_OUTPUTS}
    if written is not None:
        skipped.add(written.resolve())
    files = [p for p in _files(project_dir)
             if not any(part.startswith(".") for part in p.relative_to(project_dir).parts)
             and not any(folder in skipped for folder in p.resolve().parents)]
    digest = hashlib.sha256()
    _add_files(digest, project_dir, files)
    profile = (profiles_dir or project_dir) / "profiles.yml"
    if profile.exists() and profile not in files:
        digest.update(f"profile\0{file_hash(profile)}\n".encode())
    return digest.hexdigest()


def extraction_digest() -> str:
    """What reading a report into sections and figures depends on besides its text: the
    pipeline code, the code lists (seeds) and the FINSAM_* settings. Any change to them
    reads every report again."""
    digest = hashlib.sha256()
    _add_files(digest, PROJECT_ROOT, _files(PROJECT_ROOT / "pipelines")
               + _files(DBT_PROJECT_DIR / "seeds"))
    digest.update(json.dumps(_settings()).encode())
    return digest.hexdigest()


def _settings() -> list[tuple[str, str]]:
    return sorted((k, v) for k, v in os.environ.items()
                  if k.startswith("FINSAM_") and k not in _LOCATION_SETTINGS)


def inputs_stamp(paths: Paths) -> str:
    """A digest of everything a run reads, apart from the warehouse itself."""
    digest = hashlib.sha256()
    _add_files(digest, paths.raw_dir, _files(paths.raw_dir))
    digest.update(dbt_project_digest().encode())
    code = [p for part in _CODE_PARTS for p in _files(PROJECT_ROOT / part)]
    _add_files(digest, PROJECT_ROOT, code)
    digest.update(json.dumps(_settings()).encode())
    return digest.hexdigest()


# DuckDB's file header and its two database headers, one of which every checkpoint rewrites
DUCKDB_HEADERS = 3 * 4096


def _wal(warehouse: Path) -> Path:
    return warehouse.with_name(warehouse.name + ".wal")


def _published(paths: Paths) -> str | None:
    """What identifies the published warehouse without reading all of it (a national one
    is ≈ 100 MB, 10× ≈ 1 GB): its size and time of last modification, DuckDB's headers (a
    checkpoint rewrites them) and the size and time of a write-ahead log beside it."""
    warehouse = paths.warehouse
    try:
        stat = warehouse.stat()
        with warehouse.open("rb") as handle:
            headers = handle.read(DUCKDB_HEADERS)
    except FileNotFoundError:
        return None
    try:
        wal = _wal(warehouse).stat()
        pending = f"{wal.st_size}:{wal.st_mtime_ns}"
    except FileNotFoundError:
        pending = "no log"
    identity = f"{stat.st_size}:{stat.st_mtime_ns}:{pending}:"
    return hashlib.sha256(identity.encode() + headers).hexdigest()


def _as_published(paths: Paths, last: dict) -> bool:
    """True when the warehouse is the one the last publishing run recorded (or none was
    recorded and there is none). A copy that keeps modification times (`cp -a`, `rsync -a`,
    a restored backup) is recognised without reading it; one that does not (`touch`, `cp`,
    an archive that keeps whole seconds) by the digest of its bytes, as long as no
    write-ahead log lies beside it."""
    fingerprint = _published(paths)
    if last.get("warehouse") == fingerprint:
        return True
    recorded = last.get("warehouse_sha256")
    return (fingerprint is not None and recorded is not None
            and not _wal(paths.warehouse).exists() and file_hash(paths.warehouse) == recorded)


def unchanged_since_last_publish(paths: Paths, stamp: str) -> bool:
    """True when the inputs and the published warehouse are as the last published run left
    them."""
    last = _last(paths)
    return last.get("inputs") == stamp and _as_published(paths, last)


def published_edited(paths: Paths) -> bool:
    """True when the published warehouse is not the one the last publishing run recorded
    (edited by hand or replaced), or when none was recorded."""
    return paths.warehouse.exists() and not _as_published(paths, _last(paths))


def record_published(paths: Paths) -> None:
    """Right after a run (any: `finsam run`, the schedule, the UI) publishes the warehouse:
    its fingerprint (`_published`) and the digest of its bytes, which `published_edited`
    compares with. The inputs recorded before no longer describe it: they go, and `finsam
    run` records its own once the run has ended."""
    _write(paths, {"warehouse": _published(paths),
                   "warehouse_sha256": file_hash(paths.warehouse)
                   if paths.warehouse.exists() else None})


def _last(paths: Paths) -> dict:
    saved = paths.ops_dir / STAMP_FILE
    try:
        last = json.loads(saved.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, OSError):
        return {}
    return last if isinstance(last, dict) else {}


def save_stamp(paths: Paths, stamp: str) -> None:
    """After a published run: the inputs it started from, beside the fingerprint of the
    warehouse its publishing step recorded (`record_published`; taken once, not again here)."""
    _write(paths, {**_last(paths), "inputs": stamp})


def _write(paths: Paths, content: dict) -> None:
    paths.ops_dir.mkdir(parents=True, exist_ok=True)
    partial = paths.ops_dir / f".{STAMP_FILE}.partial"
    partial.write_text(json.dumps(content), encoding="utf-8")
    # after the published files it describes, and on disk like them
    replace(partial, paths.ops_dir / STAMP_FILE)
