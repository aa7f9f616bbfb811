"""The offline HTML report, written after the marts are published."""

import dagster as dg

from pipelines.defs.resources import Warehouse
from pipelines.site.build import build_report


@dg.asset(key=["published", "report"], deps=[dg.AssetKey(["published", "marts"])],
          group_name="published")
def report_site(context: dg.AssetExecutionContext, warehouse: Warehouse) -> dg.MaterializeResult:
    """data/marts/report/: overview, one page per förbund and the quality flags, from the
    published exports only; charts are inline SVG, so the pages work without network."""
    paths = warehouse.paths
    index = build_report(paths.marts_dir, paths.warehouse, log=context.log.info)
    return dg.MaterializeResult(metadata={"index": str(index)})
