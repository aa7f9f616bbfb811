"""The Dagster code location: assembles the assets, resources and jobs in pipelines/defs/.

The dbt manifest must exist before this loads: `dagster dev` builds it (prepare_if_dev);
elsewhere `finsam run`, `make run` and the tests parse the project first.
"""

from __future__ import annotations

import dagster as dg

from pipelines.defs.dbt.assets import build_dbt_assets
from pipelines.defs.dbt.resources import dbt_project, dbt_resource
from pipelines.defs.exports.assets import build_published_marts
from pipelines.defs.exports.report import report_site
from pipelines.defs.ops.schedules import NIGHTLY_JOB, nightly_schedule
from pipelines.defs.ops.sensors import raw_drop_folder
from pipelines.defs.quality.assets import quality_flags
from pipelines.defs.register.assets import register_tables
from pipelines.defs.reports.assets import (
    report_documents,
    report_figures,
    report_figures_curated,
    report_sections,
)
from pipelines.defs.resources import Warehouse
from pipelines.published_exports import published_exports
from pipelines.settings import Paths


def build_definitions(paths: Paths | None = None) -> dg.Definitions:
    """Everything in the code location, writing to `paths` (default: from the environment)."""
    return dg.Definitions(
        assets=[register_tables, report_documents, report_sections, report_figures,
                report_figures_curated, build_dbt_assets(), quality_flags,
                build_published_marts(published_exports(dbt_project().manifest_path)),
                report_site],
        jobs=[dg.define_asset_job(
            NIGHTLY_JOB, selection=dg.AssetSelection.all(),
            description="Registers and reports → bronze → dbt build → published marts.")],
        schedules=[nightly_schedule()],
        sensors=[raw_drop_folder],
        resources={"warehouse": Warehouse.from_paths(paths), "dbt": dbt_resource()},
        # One step at a time: DuckDB allows a single writer (dbt also runs with threads: 1).
        executor=dg.in_process_executor,
    )


@dg.definitions
def defs() -> dg.Definitions:
    dbt_project().prepare_if_dev()
    return build_definitions()
