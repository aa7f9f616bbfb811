"""Which reports each report stage reads again, and which it keeps as the last load left them.

`bronze.report_extractions` holds, per report text (source file and sha256) and stage
(documents, sections, figures), the reading rules that made the stage's rows
(`run_stamp.extraction_digest`: the pipeline code, the seeds and the FINSAM_* settings). A
stage keeps a report's rows when its record names the current rules; a stage that reads a
report again drops the report's records of the later stages, whose rows came from what it
made before.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl

from pipelines.run_stamp import extraction_digest
from pipelines.warehouse import read_table

EXTRACTIONS = "report_extractions"
STAGES = ("documents", "sections", "figures")
SCHEMA = {"source_file": pl.String, "sha256": pl.String, "stage": pl.String,
          "extractor": pl.String}


def records(warehouse: Path) -> pl.DataFrame:
    """Every stage's record, or none when the warehouse has none yet."""
    try:
        frame = read_table(warehouse, EXTRACTIONS)
    except duckdb.Error:
        return pl.DataFrame(schema=SCHEMA)
    return frame if set(SCHEMA) <= set(frame.columns) else pl.DataFrame(schema=SCHEMA)


def current(made: pl.DataFrame, stage: str, texts: pl.DataFrame) -> set[str]:
    """The reports of `texts` (source_file, sha256) whose `stage` rows the current rules
    made."""
    now = made.filter((pl.col("stage") == stage) & (pl.col("extractor") == extraction_digest()))
    return set(texts.join(now, on=["source_file", "sha256"], how="semi")["source_file"])


def after(made: pl.DataFrame, stage: str, texts: pl.DataFrame) -> pl.DataFrame:
    """The records once `stage` has made its rows for `texts`: the reports it did not keep
    (`current`) it read again."""
    redone = set(texts["source_file"]) - current(made, stage, texts)
    later = STAGES[STAGES.index(stage) + 1:]
    stale = pl.col("source_file").is_in(sorted(redone)) & pl.col("stage").is_in(later)
    present = pl.col("source_file").is_in(sorted(set(texts["source_file"])))
    kept = made.filter((pl.col("stage") != stage) & ~stale & present)
    mine = texts.select("source_file", "sha256").with_columns(
        pl.lit(stage).alias("stage"), pl.lit(extraction_digest()).alias("extractor"))
    return pl.concat([kept.select(list(SCHEMA)).cast(SCHEMA), mine.cast(SCHEMA)]).sort(
        "source_file", "stage")
