"""The dbt project and CLI resource, built on demand (never at import time)."""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Sequence
from functools import cache, cached_property
from importlib.metadata import version
from pathlib import Path

from dagster_dbt import DbtCliResource, DbtProject
from packaging.version import Version

from pipelines.run_stamp import dbt_project_digest
from pipelines.settings import DBT_PROJECT_DIR, environment

MANIFEST_STAMP = "finsam_manifest.stamp"


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


class FinsamDbtCli(DbtCliResource):
    """dagster-dbt's CLI resource without its start-up per call (about 8 s on two cores):
    dbt's version from the installed package instead of a `dbt --version` subprocess, and
    no in-process dbt adapter, which dagster-dbt uses only to fetch column metadata and row
    counts after a build (these assets fetch neither)."""

    @cached_property
    def _cli_version(self) -> Version:
        return Version(version("dbt-core"))

    def _initialize_dbt_core_adapter(self, args: Sequence[str]) -> None:  # type: ignore[override]
        return None


def dbt_resource() -> DbtCliResource:
    return FinsamDbtCli(project_dir=dbt_project(), dbt_executable=dbt_executable())


def manifest_digest(manifest: Path) -> str:
    """What the parsed manifest depends on: the project's files, dbt's version, the settings
    the profile and models read, and the manifest file itself as the last parse left it."""
    digest = hashlib.sha256(f"dbt-core {version('dbt-core')}\n".encode())
    digest.update(dbt_project_digest().encode())
    settings = sorted((k, v) for k, v in os.environ.items()
                      if k.startswith(("FINSAM_", "DBT_")) and k != "FINSAM_RUN_ID")
    digest.update(repr(settings).encode())
    if manifest.exists():
        stat = manifest.stat()
        digest.update(f"{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def prepare_manifest(database: Path | None = None) -> Path:
    """Parse the dbt project so that its manifest is current; returns the manifest path.

    `database` is the warehouse the build will write: parsing with the same profile lets
    `dbt build` parse only what changed (partial parsing) instead of the whole project.
    Nothing is parsed when the project, dbt and the settings are as at the last parse.
    """
    project = dbt_project()
    stamp = project.manifest_path.parent / MANIFEST_STAMP
    with environment("FINSAM_DUCKDB", None if database is None else str(database)):
        if stamp.exists() and stamp.read_text() == manifest_digest(project.manifest_path):
            return project.manifest_path
        project.preparer.prepare(project)
        stamp.write_text(manifest_digest(project.manifest_path))
    return project.manifest_path
