"""Run the real dbt CLI against the warehouse named by FINSAM_DUCKDB, with its artifacts
beside that warehouse (as a run keeps them in its data folder), not in the project."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from pipelines.dbt_manifest import dbt_executable
from pipelines.settings import DBT_PROJECT_DIR


def dbt_build(*args: str) -> str:
    return dbt_cli("build", *args)


def dbt_cli(command: str, *args: str) -> str:
    completed = subprocess.run(
        [dbt_executable(), command, "--project-dir", str(DBT_PROJECT_DIR),
         "--profiles-dir", str(DBT_PROJECT_DIR),
         "--target-path", str(_target_path(os.environ["FINSAM_DUCKDB"])), *args],
        capture_output=True, text=True, check=False)
    assert completed.returncode == 0, completed.stdout[-5000:] + completed.stderr[-2000:]
    return completed.stdout


def _target_path(warehouse: str) -> Path:
    """A target folder of the warehouse's own, outside the project and its data folder."""
    name = hashlib.sha256(warehouse.encode()).hexdigest()[:12]
    target = Path(tempfile.gettempdir()) / f"finsam-dbt-{name}"
    state = DBT_PROJECT_DIR / "target" / "partial_parse.msgpack"  # as dagster-dbt starts one
    if not (target / state.name).exists() and state.exists():
        target.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(state, target / state.name)
    return target
