"""Participant exports in data/raw/registers/ → typed bronze tables."""

import dagster as dg

from pipelines.defs.resources import Warehouse
from pipelines.register.columns import Kind
from pipelines.register.load import FILE_LOG_TABLE, TABLES, load_registers
from pipelines.warehouse import BRONZE_SCHEMA

BRONZE_KEYS = {kind: dg.AssetKey([BRONZE_SCHEMA, table]) for kind, table in TABLES.items()}
FILE_LOG_KEY = dg.AssetKey([BRONZE_SCHEMA, FILE_LOG_TABLE])


@dg.multi_asset(
    specs=[
        dg.AssetSpec(BRONZE_KEYS[Kind.PARTICIPATIONS], group_name="bronze",
                     description="Participant spells from every register export that validated."),
        dg.AssetSpec(BRONZE_KEYS[Kind.ANONYMOUS_COUNTS], group_name="bronze",
                     description="Anonymous participant counts per insats, start year and kön."),
        dg.AssetSpec(FILE_LOG_KEY, group_name="bronze",
                     description="Each register file of the last load: loaded or refused, "
                     "and why."),
    ],
    name="register_tables",
)
def register_tables(context: dg.AssetExecutionContext, warehouse: Warehouse):
    """Validate every register file and rebuild the bronze tables in one transaction.

    A file with any problem is refused whole (the error names file, row and column);
    the other files still load.
    """
    paths = warehouse.paths
    result = load_registers(paths.registers_dir, paths.warehouse, log=context.log.info)
    for error in result.refused:
        context.log.warning(str(error))
    refused = [str(e.path.name) for e in result.refused]
    for kind, key in BRONZE_KEYS.items():
        yield dg.MaterializeResult(asset_key=key, metadata={
            "rows": result.rows[kind],
            "files": [f.path.name for f in result.loaded if f.kind is kind],
            "load_id": result.load_id,
        })
    yield dg.MaterializeResult(asset_key=FILE_LOG_KEY, metadata={
        "loaded": len(result.loaded), "refused": len(refused), "refused_files": refused,
    })
