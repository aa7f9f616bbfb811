"""Publish: the checked working warehouse and its exports, or nothing that an ERROR affects."""

from concurrent.futures import ThreadPoolExecutor

import dagster as dg

from pipelines.defs.quality.assets import QUALITY_KEY
from pipelines.defs.resources import Warehouse
from pipelines.publish import WORKBOOK, publish_warehouse, replace_file, replacing, write_workbook
from pipelines.published_exports import Export
from pipelines.reports.review import write_review
from pipelines.run_stamp import record_published
from pipelines.runlog import record
from pipelines.workbooks import write_forbund_workbooks
from pipelines.worker_pool import worker_pool


def build_published_marts(exports: list[Export]) -> dg.AssetsDefinition:
    """The publishing asset for the exports the dbt project declares (`meta.publish`)."""
    @dg.asset(
        key=["published", "marts"],
        deps=[*(dg.AssetKey(["exports", export.view]) for export in exports), QUALITY_KEY],
        group_name="published",
    )
    def published_marts(context: dg.AssetExecutionContext,
                        warehouse: Warehouse) -> dg.MaterializeResult:
        """The warehouse analysts open, data/marts/<name>.parquet and workbooks, as one set.

        With no ERROR-level flag the working warehouse replaces the published one and every
        export is replaced. An ERROR publishes nothing: warehouse, Parquet files and
        workbooks stay as the last good run left them, so they always belong together.
        """
        return _publish(context, warehouse, exports)

    return published_marts


def _publish(context: dg.AssetExecutionContext, warehouse: Warehouse,
             exports: list[Export]) -> dg.MaterializeResult:
    paths = warehouse.paths
    marts_dir = paths.marts_dir
    with warehouse.connect(read_only=True) as con:
        blocked_by = dict(con.execute(
            "select affects, count(*) from marts.fct_quality_flags where severity = 'ERROR' "
            "group by affects").fetchall())
        blocked = {e.name for e in exports if set(e.blocked_by) & set(blocked_by)}
        frames = {} if blocked else {
            e.name: con.sql(f"select * from exports.{e.view} order by all").pl()
            for e in exports}
    run_id = context.run.run_id
    if blocked:
        kept = ["the warehouse", *(f"{e.name}.parquet" for e in exports), WORKBOOK,
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

    rows = sum(frame.height for frame in frames.values())
    with ThreadPoolExecutor(1) as thread, replacing(marts_dir / WORKBOOK) as partial:
        # the all-in-one workbook in a thread (polars and zlib let go of the interpreter
        # lock) while the förbund workbooks are compared and, where changed, written (by
        # the run's worker processes when several changed)
        everything = thread.submit(write_workbook, partial, frames)
        with worker_pool(rows=rows) as pool:
            write_forbund_workbooks(marts_dir / "excel", exports, frames, pool=pool,
                                    log=context.log.info)
        everything.result()
    written["workbook"] = str(marts_dir / WORKBOOK)
    written["workbooks"] = str(marts_dir / "excel")
    if warehouse.working != paths.warehouse:
        publish_warehouse(warehouse.working, paths.warehouse)
    written["warehouse"] = str(paths.warehouse)
    with ThreadPoolExecutor(1) as thread:
        # what a later hand edit is told by (the next build is then a full one): its bytes
        # digested while the review workbook is written
        recorded = thread.submit(record_published, paths)
        review, to_review = write_review(paths.warehouse, marts_dir / "review")
        recorded.result()
    written["review"] = str(review[0])
    context.log.info(f"{to_review} report figures to review → {review[0]}")
    record(paths.ops_dir, run_id, "published", files=sorted(written))
    return dg.MaterializeResult(metadata={
        **{f"{name}_rows": frame.height for name, frame in frames.items()},
        "files": written,
    })

