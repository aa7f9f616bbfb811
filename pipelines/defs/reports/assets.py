"""Förbund reports in data/raw/reports/ → documents → sections → figures (bronze tables)."""

import dagster as dg

from pipelines.defs.resources import Warehouse
from pipelines.reports import load
from pipelines.warehouse import BRONZE_SCHEMA

DOCUMENTS_KEY = dg.AssetKey([BRONZE_SCHEMA, load.DOCUMENTS])
SECTIONS_KEY = dg.AssetKey([BRONZE_SCHEMA, load.SECTIONS])
FIGURES_KEY = dg.AssetKey([BRONZE_SCHEMA, load.FIGURES])
CURATED_KEY = dg.AssetKey([BRONZE_SCHEMA, load.CURATED])


@dg.asset(key=DOCUMENTS_KEY, group_name="bronze")
def report_documents(context: dg.AssetExecutionContext,
                     warehouse: Warehouse) -> dg.MaterializeResult:
    """Every report read to text; unreadable or empty ones quarantined with a reason."""
    paths = warehouse.paths
    result = load.load_documents(paths.reports_dir, paths.quarantine_dir / "reports",
                                 warehouse.working, log=context.log.info)
    for source in result.quarantined:
        context.log.warning(f"quarantined {source}")
    return dg.MaterializeResult(metadata={"documents": result.rows,
                                          "quarantined": result.quarantined})


@dg.asset(key=SECTIONS_KEY, deps=[DOCUMENTS_KEY], group_name="bronze")
def report_sections(context: dg.AssetExecutionContext,
                    warehouse: Warehouse) -> dg.MaterializeResult:
    """Insats sections of each report, with their periods."""
    result = load.load_sections(warehouse.working, log=context.log.info)
    return dg.MaterializeResult(metadata={"sections": result.rows})


@dg.asset(key=FIGURES_KEY, deps=[SECTIONS_KEY], group_name="bronze")
def report_figures(context: dg.AssetExecutionContext,
                   warehouse: Warehouse) -> dg.MaterializeResult:
    """Figures each section states, with quote, character span and rule."""
    result = load.load_figures(warehouse.working, log=context.log.info)
    return dg.MaterializeResult(metadata={"figures": result.rows})


@dg.asset(key=CURATED_KEY, group_name="bronze")
def report_figures_curated(context: dg.AssetExecutionContext,
                           warehouse: Warehouse) -> dg.MaterializeResult:
    """Figures analysts typed or corrected (data/raw/figures/*.csv); they override extraction."""
    paths = warehouse.paths
    result = load.load_curated(paths.figures_dir, warehouse.working, log=context.log.info,
                               quarantine_dir=paths.quarantine_dir / "figures")
    for error in result.refused:
        context.log.warning(str(error))
    return dg.MaterializeResult(metadata={
        "figures": result.rows, "refused_files": [str(e.path.name) for e in result.refused]})
