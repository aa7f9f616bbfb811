"""The Dagster code location: every asset, job, schedule and sensor defined at module level in
pipelines/defs/, bound to the warehouse and dbt resources.

The dbt manifest must exist before this loads: `dagster dev` builds it (prepare_if_dev);
elsewhere `finsam run`, `make run` and the tests parse the project first.
"""

from __future__ import annotations

import warnings

import dagster as dg

import pipelines.defs
from pipelines.defs.dbt.resources import dbt_project, dbt_resource
from pipelines.defs.ops.schedules import NIGHTLY_JOB
from pipelines.defs.resources import Warehouse
from pipelines.settings import Paths

__all__ = ["NIGHTLY_JOB", "build_definitions", "defs"]


def build_definitions(paths: Paths | None = None, full_dbt_build: bool = False
                      ) -> dg.Definitions:
    """Everything in pipelines/defs/, writing to `paths` (default: from the environment);
    `full_dbt_build` builds every dbt node, not only those a changed bronze table feeds."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", dg.PreviewWarning)  # the loader is marked preview
        return dg.load_definitions_from_package_module(
            pipelines.defs,
            resources={"warehouse": Warehouse.from_paths(paths, full_dbt_build=full_dbt_build),
                       "dbt": dbt_resource()},
            # One step at a time: DuckDB allows a single writer (dbt threads: 1 as well).
            executor=dg.in_process_executor,
        )


@dg.definitions
def defs() -> dg.Definitions:
    dbt_project().prepare_if_dev()
    return build_definitions()
