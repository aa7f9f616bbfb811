"""The dbt project and CLI resource, built on demand (never at import time)."""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from functools import cache, cached_property
from importlib.metadata import version
from pathlib import Path

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DbtCliInvocation, DbtCliResource, DbtProject
from dagster_dbt.asset_utils import (
    extract_runtime_selection_from_args,
    get_updated_cli_invocation_params_for_context,
)
from packaging.version import Version

from pipelines import dbt_worker
from pipelines.run_stamp import dbt_project_digest
from pipelines.settings import DBT_PROJECT_DIR

MANIFEST_STAMP = "finsam_manifest.stamp"
MANIFEST_LOCK = "finsam_manifest.lock"
PARTIAL_PARSE = "partial_parse.msgpack"


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

    def cli_in_worker(self, args: Sequence[str], *, context: dg.AssetExecutionContext,
                      target_path: Path) -> DbtCliInvocation:
        """`cli(args, context=…, target_path=…)`, run by a dbt worker (pipelines/dbt_worker.py)
        instead of a new `dbt` process: the same selection for the context, the same
        settings, and dagster-dbt reads its events as it reads the command's."""
        cleaned, selects, excludes = extract_runtime_selection_from_args(args)
        params = get_updated_cli_invocation_params_for_context(
            context=context, manifest={}, dagster_dbt_translator=DagsterDbtTranslator(),
            runtime_selects=selects, runtime_excludes=excludes)
        project_dir = Path(params.dbt_project.project_dir if params.dbt_project
                           else self.project_dir)
        env = {**os.environ, "DAGSTER_DBT_CLI": "true", "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
               "DBT_LOG_FORMAT": "json", "DBT_TARGET_PATH": str(target_path),
               "DBT_LOG_PATH": str(target_path), "DBT_PROFILES_DIR": str(self.profiles_dir),
               "DBT_PROJECT_DIR": str(project_dir)}
        if params.indirect_selection:
            env["DBT_INDIRECT_SELECTION"] = params.indirect_selection
        command = [*self.global_config_flags, *cleaned, *params.selection_args]
        process = dbt_worker.take(Path(self.project_dir), Path(self.profiles_dir), target_path)
        dbt_worker.send(process, command, env, project_dir)
        process.args = [self.dbt_executable, *command]  # what the run log names
        return DbtCliInvocation(
            process=process, manifest=params.manifest,
            dagster_dbt_translator=params.dagster_dbt_translator, project_dir=project_dir,
            target_path=target_path, raise_on_error=True, context=context, adapter=None,
            cli_version=self._cli_version, project=params.dbt_project)


def dbt_resource() -> DbtCliResource:
    return FinsamDbtCli(project_dir=dbt_project(), dbt_executable=dbt_executable())


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
    project = dbt_project()
    target = project.manifest_path.parent
    target.mkdir(parents=True, exist_ok=True)
    stamp = target / MANIFEST_STAMP
    with (target / MANIFEST_LOCK).open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (stamp.exists() and stamp.read_text() == manifest_digest(project.manifest_path)):
            _parse(project, target)
            stamp.write_text(manifest_digest(project.manifest_path))
    return project.manifest_path


def _parse(project: DbtProject, target: Path) -> None:
    """`dbt parse` into a scratch folder (from the last parse's state), then its files
    renamed into `target`, the manifest last."""
    scratch = Path(tempfile.mkdtemp(prefix=".parse-", dir=target))
    try:
        state = target / PARTIAL_PARSE
        if state.exists():
            shutil.copy2(state, scratch / PARTIAL_PARSE)
        parsed = subprocess.run(
            [dbt_executable(), "parse", "--quiet", "--project-dir", str(project.project_dir),
             "--profiles-dir", str(project.profiles_dir), "--target-path", str(scratch)],
            capture_output=True, text=True, check=False)
        if parsed.returncode:
            raise RuntimeError(f"dbt parse failed:\n{(parsed.stdout + parsed.stderr)[-4000:]}")
        for name in (PARTIAL_PARSE, "manifest.json"):
            os.replace(scratch / name, target / name)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
