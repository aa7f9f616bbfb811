"""The dbt project's manifest, parsed when the project changed (without importing Dagster
or dbt: a run checks it first thing)."""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

from pipelines.run_stamp import dbt_project_digest
from pipelines.settings import DBT_PROJECT_DIR, MANIFEST_PATH

MANIFEST_STAMP = "finsam_manifest.stamp"
MANIFEST_LOCK = "finsam_manifest.lock"
PARTIAL_PARSE = "partial_parse.msgpack"


def dbt_executable() -> str:
    """The dbt installed beside this Python, not whichever is first on PATH."""
    return str(Path(sys.executable).parent / "dbt")


def manifest_digest(manifest: Path) -> str:
    """What the parsed manifest depends on: the project's files, dbt's version, dbt's own
    settings and the manifest file itself as the last parse left it. Not the warehouse a
    build writes nor the run id: the manifest is the same for every data folder and run."""
    digest = hashlib.sha256(f"dbt-core {version('dbt-core')}\n".encode())
    digest.update(dbt_project_digest().encode())
    settings = sorted((k, v) for k, v in os.environ.items() if k.startswith("DBT_"))
    digest.update(repr(settings).encode())
    if manifest.exists():
        stat = manifest.stat()
        digest.update(f"{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def prepare_manifest() -> Path:
    """Parse the dbt project so that its manifest is current; returns the manifest path.

    Nothing is parsed when the project, dbt and its settings are as at the last parse. The
    profile names one fixed warehouse (`pipelines/dbt_warehouse.py`), so the manifest does
    not depend on the data folder; each data folder's builds keep their own target folder
    (`Paths.dbt_target_dir`), where dbt parses only what changed since its last build.
    Loads of two data folders may start together: one parses while the other waits, and a
    manifest is replaced whole, never read half-written.
    """
    target = MANIFEST_PATH.parent
    target.mkdir(parents=True, exist_ok=True)
    stamp = target / MANIFEST_STAMP
    with (target / MANIFEST_LOCK).open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (stamp.exists() and stamp.read_text() == manifest_digest(MANIFEST_PATH)):
            _parse(target)
            stamp.write_text(manifest_digest(MANIFEST_PATH))
    return MANIFEST_PATH


def _parse(target: Path) -> None:
    """`dbt parse` into a scratch folder (from the last parse's state), then its files
    renamed into `target`, the manifest last."""
    scratch = Path(tempfile.mkdtemp(prefix=".parse-", dir=target))
    try:
        state = target / PARTIAL_PARSE
        if state.exists():
            shutil.copy2(state, scratch / PARTIAL_PARSE)
        parsed = subprocess.run(
            [dbt_executable(), "parse", "--quiet", "--project-dir", str(DBT_PROJECT_DIR),
             "--profiles-dir", str(DBT_PROJECT_DIR), "--target-path", str(scratch)],
            capture_output=True, text=True, check=False)
        if parsed.returncode:
            raise RuntimeError(f"dbt parse failed:\n{(parsed.stdout + parsed.stderr)[-4000:]}")
        for name in (PARTIAL_PARSE, "manifest.json"):
            os.replace(scratch / name, target / name)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
