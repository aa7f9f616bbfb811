"""The dbt project and CLI resource, built on demand (never at import time)."""

from __future__ import annotations

import os
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
from pipelines.dbt_manifest import dbt_executable
from pipelines.settings import DBT_PROJECT_DIR


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
        # dbt's log file at info, unless asked otherwise: at debug it holds every statement
        # and adapter event (≈ 2,500 JSON lines a one-export night, ≈ 0.2 s of the build);
        # the compiled SQL stays in the target folder
        env.setdefault("DBT_LOG_LEVEL_FILE", "info")
        if params.indirect_selection:
            env["DBT_INDIRECT_SELECTION"] = params.indirect_selection
        profile = [*(["--profile", self.profile] if self.profile else []),
                   *(["--target", self.target] if self.target else [])]
        command = [*self.global_config_flags, *cleaned, *profile, *params.selection_args]
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
