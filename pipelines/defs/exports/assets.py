"""Publish the export views (small counts blanked) as Parquet and XLSX in data/marts/."""

import os
from pathlib import Path

import dagster as dg
import polars as pl

from pipelines.defs.quality.assets import QUALITY_KEY
from pipelines.defs.resources import Warehouse

EXPORT_VIEWS = {"insats_year": "exp_insats_year", "forbund_year": "exp_forbund_year",
                "report_figures": "exp_report_figures"}
# What an ERROR-level quality flag blocks (Flag.affects → exports not published).
BLOCKED_BY = {"register": ("insats_year", "forbund_year"), "reports": ("report_figures",)}
WORKBOOK = "finsam_marts.xlsx"


def _replace_atomically(target: Path, write) -> None:
    partial = target.with_name(f".{target.name}.partial")
    write(partial)
    os.replace(partial, target)


@dg.asset(
    key=["published", "marts"],
    deps=[*(dg.AssetKey(["exports", view]) for view in EXPORT_VIEWS.values()), QUALITY_KEY],
    group_name="published",
)
def published_marts(
    context: dg.AssetExecutionContext, warehouse: Warehouse
) -> dg.MaterializeResult:
    """data/marts/<name>.parquet per export view and one workbook with a sheet each."""
    marts_dir = warehouse.paths.marts_dir
    marts_dir.mkdir(parents=True, exist_ok=True)
    with warehouse.connect(read_only=True) as con:
        blocked_by = dict(con.execute(
            "select affects, count(*) from marts.fct_quality_flags where severity = 'ERROR' "
            "group by affects").fetchall())
        blocked = {name for affects in blocked_by for name in BLOCKED_BY.get(affects, ())}
        frames = {name: con.sql(f"select * from exports.{view} order by all").pl()
                  for name, view in EXPORT_VIEWS.items() if name not in blocked}
    for name in sorted(blocked):
        context.log.error(f"not publishing {name}: ERROR-level quality flags "
                          f"(see {marts_dir / 'quality' / 'quality_report.md'}); "
                          "the previous export stays")
    written: dict[str, str] = {}
    for name, frame in frames.items():
        target = marts_dir / f"{name}.parquet"
        _replace_atomically(target, frame.write_parquet)
        written[name] = str(target)
        context.log.info(f"wrote {target} ({frame.height} rows)")

    def write_workbook(path: Path) -> None:
        import xlsxwriter

        with xlsxwriter.Workbook(path) as workbook:
            for name, frame in frames.items():
                frame.write_excel(workbook, worksheet=name, autofit=True)

    if not blocked:  # the workbook holds every export: all of it or the previous one
        _replace_atomically(marts_dir / WORKBOOK, write_workbook)
        written["workbook"] = str(marts_dir / WORKBOOK)
    if blocked:
        raise dg.Failure(description=f"ERROR-level quality flags blocked publishing of "
                                     f"{', '.join(sorted(blocked))}",
                         metadata={"published": written, "blocked": sorted(blocked)})
    return dg.MaterializeResult(metadata={
        **{f"{name}_rows": frame.height for name, frame in frames.items()},
        "files": written,
    })


def read_published(marts_dir: Path, name: str) -> pl.DataFrame:
    return pl.read_parquet(marts_dir / f"{name}.parquet")
