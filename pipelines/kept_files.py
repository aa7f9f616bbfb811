"""Files of a published folder that are written again only when what they hold changed.

A folder of many files (a workbook per förbund, a page per förbund) is still rebuilt as one
set (`publish.replace_folder`), but a file whose inputs have the same digest as last time is
linked from the folder before instead of being written: a night that changes one förbund
rewrites that förbund's files only. The digests are kept beside the folder; they are removed
before the folder is replaced and written after, so a run killed in between rewrites all.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

import polars as pl

from pipelines.publish import replace_folder


def frame_digest(frames: Iterable[pl.DataFrame], *salt: str) -> str:
    """A digest of what the frames hold (schema and rows in order) and of `salt`."""
    digest = hashlib.sha256()
    for text in salt:
        digest.update(text.encode("utf-8"))
    for frame in frames:
        digest.update(repr(frame.schema).encode("utf-8"))
        digest.update(frame.hash_rows(seed=0).to_numpy().tobytes())
    return digest.hexdigest()


def source_digest(*modules: Path) -> str:
    """A digest of source files, so that a change in how a file is written rewrites all."""
    return hashlib.sha256(b"".join(path.read_bytes() for path in modules)).hexdigest()


class KeptFiles:
    """The files of `target`, each kept when its digest is unchanged."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self.ledger = target.with_name(f".{target.name}.digests.json")
        try:
            self.before: dict[str, str] = json.loads(self.ledger.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.before = {}
        self.after: dict[str, str] = {}
        self.kept = 0

    def keep(self, building: Path, name: str, digest: str) -> bool:
        """Link `name` into `building` from the folder before when its digest is unchanged;
        False when the caller must write it."""
        self.after[name] = digest
        old, new = self.target / name, building / name
        if self.before.get(name) != digest or not old.is_file():
            return False
        try:
            os.link(old, new)
        except OSError:
            shutil.copy2(old, new)
        self.kept += 1
        return True

    def replace(self, write: Callable[[Path], None]) -> None:
        """Rebuild the folder with `write` (which calls `keep` for each file), then keep the
        digests."""
        self.ledger.unlink(missing_ok=True)
        replace_folder(self.target, write)
        self.ledger.write_text(json.dumps(self.after, sort_keys=True), encoding="utf-8")
