"""Register exports (data/raw/registers/) and cost files (data/raw/costs/) → typed bronze."""

import dagster as dg

from pipelines.defs.resources import Warehouse
from pipelines.register import ahead as register_ahead
from pipelines.register.columns import Kind
from pipelines.register.load import FILE_LOG_TABLE, TABLES, load_registers
from pipelines.settings import max_invalid_rows
from pipelines.warehouse import BRONZE_SCHEMA

BRONZE_KEYS = {kind: dg.AssetKey([BRONZE_SCHEMA, table]) for kind, table in TABLES.items()}
FILE_LOG_KEY = dg.AssetKey([BRONZE_SCHEMA, FILE_LOG_TABLE])


@dg.multi_asset(
    specs=[
        dg.AssetSpec(BRONZE_KEYS[Kind.PARTICIPATIONS], group_name="bronze",
                     description="Participant spells from every register export that validated."),
        dg.AssetSpec(BRONZE_KEYS[Kind.ANONYMOUS_COUNTS], group_name="bronze",
                     description="Anonymous participant counts per insats, start year and kön."),
        dg.AssetSpec(BRONZE_KEYS[Kind.COUNT_FORM], group_name="bronze",
                     description="Participants per insats, year and kön from the national "
                     "count-only form (Uppföljning Finsam)."),
        dg.AssetSpec(BRONZE_KEYS[Kind.INSATS_COSTS], group_name="bronze",
                     description="Budget and utfall in kronor per insats and year."),
        dg.AssetSpec(BRONZE_KEYS[Kind.FORBUND_FUNDS], group_name="bronze",
                     description="Tilldelade medel in kronor per förbund and year."),
        dg.AssetSpec(FILE_LOG_KEY, group_name="bronze",
                     description="Load manifest of the register files: hash, size, kind, "
                     "förbund, export date, status (loaded, partly superseded, superseded, "
                     "quarantined), rows, header warnings."),
    ],
    name="register_tables",
)
def register_tables(context: dg.AssetExecutionContext, warehouse: Warehouse):
    """Bring the bronze tables in line with data/raw/registers/ and data/raw/costs/ (one
    transaction).

    Unchanged files are not read again; a newer export replaces what it covers, förbund by
    förbund and insats by insats; a file that cannot be loaded is quarantined with an error
    report naming file, row and column, and the other files still load.
    """
    paths = warehouse.paths
    result = load_registers(paths.input_dirs, warehouse.working,
                            quarantine_dir=paths.quarantine_dir / "registers",
                            max_invalid_rows=max_invalid_rows(), log=context.log.info,
                            parsed_ahead=register_ahead.take)
    for error in result.refused:
        context.log.warning(str(error))
    refused = [str(e.path.name) for e in result.refused]
    for kind, key in BRONZE_KEYS.items():
        yield dg.MaterializeResult(asset_key=key, metadata={
            "rows": result.rows[kind], "changed": result.changed, "load_id": result.load_id})
    yield dg.MaterializeResult(asset_key=FILE_LOG_KEY, metadata={
        "loaded": len(result.loaded), "unchanged": len(result.unchanged),
        "superseded": result.superseded, "refused": len(refused), "refused_files": refused,
    })
