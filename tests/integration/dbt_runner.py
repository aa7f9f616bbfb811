"""Run the real dbt CLI against the warehouse named by FINSAM_DUCKDB."""

from __future__ import annotations

import subprocess

from pipelines.defs.dbt.resources import dbt_executable
from pipelines.settings import DBT_PROJECT_DIR


def dbt_build(*args: str) -> str:
    completed = subprocess.run(
        [dbt_executable(), "build", "--project-dir", str(DBT_PROJECT_DIR),
         "--profiles-dir", str(DBT_PROJECT_DIR), *args],
        capture_output=True, text=True, check=False)
    assert completed.returncode == 0, completed.stdout[-5000:] + completed.stderr[-2000:]
    return completed.stdout
