"""The dbt project and CLI resource, built on demand (never at import time)."""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

from dagster_dbt import DbtCliResource, DbtProject

from pipelines.settings import DBT_PROJECT_DIR


def dbt_executable() -> str:
    """The dbt installed beside this Python, not whichever is first on PATH."""
    return str(Path(sys.executable).parent / "dbt")


@cache
def dbt_project() -> DbtProject:
    # dagster-dbt's manifest preparer runs `dbt` from PATH: make it this environment's.
    bin_dir = str(Path(dbt_executable()).parent)
    if os.environ.get("PATH", "").split(os.pathsep)[0] != bin_dir:
        os.environ["PATH"] = bin_dir + os.pathsep + os.environ.get("PATH", "")
    return DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)


def dbt_resource() -> DbtCliResource:
    return DbtCliResource(project_dir=dbt_project(), dbt_executable=dbt_executable())


def prepare_manifest() -> Path:
    """Parse the dbt project so that its manifest exists; returns the manifest path."""
    project = dbt_project()
    project.preparer.prepare(project)
    return project.manifest_path
