"""Publish: the checked working warehouse and its exports, or nothing that an ERROR affects."""

import dagster as dg

from pipelines.defs.quality.assets import QUALITY_KEY
from pipelines.defs.resources import Warehouse
from pipelines.publish import publish_warehouse, replace_file, write_workbook
from pipelines.reports.review import write_review
from pipelines.runlog import record

EXPORT_VIEWS = {"insats_year": "exp_insats_year", "forbund_year": "exp_forbund_year",
                "report_figures": "exp_report_figures",
                "benchmark_insats_year": "exp_benchmark_insats_year",
                "benchmark_forbund_year": "exp_benchmark_forbund_year"}
# What an ERROR-level quality flag blocks (Flag.affects → exports not published).
BLOCKED_BY = {"register": ("insats_year", "forbund_year", "benchmark_insats_year",
                           "benchmark_forbund_year"),
              "reports": ("report_figures", "benchmark_insats_year", "benchmark_forbund_year")}
WORKBOOK = "finsam_marts.xlsx"


@dg.asset(
    key=["published", "marts"],
    deps=[*(dg.AssetKey(["exports", view]) for view in EXPORT_VIEWS.values()), QUALITY_KEY],
    group_name="published",
)
def published_marts(context: dg.AssetExecutionContext,
                    warehouse: Warehouse) -> dg.MaterializeResult:
    """The warehouse analysts open, data/marts/<name>.parquet and one workbook, as one set.

    With no ERROR-level flag the working warehouse replaces the published one and every
    export is replaced. An ERROR publishes nothing: warehouse, Parquet files and workbooks
    stay as the last good run left them, so they always belong together.
    """
    paths = warehouse.paths
    marts_dir = paths.marts_dir
    with warehouse.connect(read_only=True) as con:
        blocked_by = dict(con.execute(
            "select affects, count(*) from marts.fct_quality_flags where severity = 'ERROR' "
            "group by affects").fetchall())
        blocked = {name for affects in blocked_by for name in BLOCKED_BY.get(affects, ())}
        frames = {} if blocked else {
            name: con.sql(f"select * from exports.{view} order by all").pl()
            for name, view in EXPORT_VIEWS.items()}
    run_id = context.run.run_id
    if blocked:
        kept = ["the warehouse", *(f"{name}.parquet" for name in EXPORT_VIEWS), WORKBOOK,
                "the review workbook"]
        context.log.error(f"nothing published: ERROR-level quality flags affect "
                          f"{', '.join(sorted(blocked))} (see "
                          f"{marts_dir / 'quality' / 'quality_report.md'}); "
                          f"{', '.join(kept)} stay as the last good run left them")
        record(paths.ops_dir, run_id, "blocked", blocked=sorted(blocked))
        raise dg.Failure(description=f"ERROR-level quality flags ({', '.join(sorted(blocked))})"
                                     ": nothing was published",
                         metadata={"published": {}, "blocked": sorted(blocked)})
    written: dict[str, str] = {}
    for name, frame in frames.items():
        target = marts_dir / f"{name}.parquet"
        replace_file(target, frame.write_parquet)
        written[name] = str(target)
        context.log.info(f"wrote {target} ({frame.height} rows)")

    replace_file(marts_dir / WORKBOOK, lambda path: write_workbook(path, frames))
    written["workbook"] = str(marts_dir / WORKBOOK)
    if warehouse.working != paths.warehouse:
        publish_warehouse(warehouse.working, paths.warehouse)
    written["warehouse"] = str(paths.warehouse)
    review, to_review = write_review(paths.warehouse, marts_dir / "review")
    written["review"] = str(review[0])
    context.log.info(f"{to_review} report figures to review → {review[0]}")
    record(paths.ops_dir, run_id, "published", files=sorted(written))
    return dg.MaterializeResult(metadata={
        **{f"{name}_rows": frame.height for name, frame in frames.items()},
        "files": written,
    })

