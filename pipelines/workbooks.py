"""One Excel workbook per förbund, from the published exports only.

Each workbook has one sheet per published export that holds rows of the förbund (Swedish
sheet names from the export's `meta.publish.sheet`), Swedish headings and a frozen header
row, number, kronor, percent and date formats, and a sheet `Förklaringar` that explains each
column (seeds/column_labels.csv). Every text cell is written as text: a name that begins
with `=`, `+`, `-` or `@` never becomes a formula.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Executor
from pathlib import Path

import polars as pl

from pipelines import vocabulary, xlsx_sheets
from pipelines.kept_files import KeptFiles, frame_digest, source_digest
from pipelines.published_exports import Export
from pipelines.reports.folding import fold
from pipelines.worker_pool import InlineExecutor, few_tasks, wait_all
from pipelines.xlsx_sheets import Sheet, row_xml, write_workbook

EXPLAIN_SHEET = "Förklaringar"


def forbund_file_stem(forbund_name: str, org_nr: str) -> str:
    """A file name stem that no förbund name can turn into a path: `<name>_<org nr>`, folded
    as names are for matching (`reports/folding.fold`), spaces as underscores."""
    return f"{fold(forbund_name)[:60].strip() or 'forbund'}_{fold(org_nr)}".replace(" ", "_")


def _label(column: str) -> str:
    return vocabulary.column_labels().get(column, (column, ""))[0]


def _explanations(workbook, formats: dict, sheets: list[tuple[Export, pl.DataFrame]]) -> None:
    worksheet = workbook.add_worksheet(EXPLAIN_SHEET)
    for col, heading in enumerate(("Blad", "Kolumn", "Rubrik", "Förklaring")):
        worksheet.write_string(0, col, heading, formats["header"])
    row = 1
    for export, frame in sheets:
        for column in frame.columns:
            label, explanation = vocabulary.column_labels().get(
                column, (column, export.columns.get(column, "")))
            for col, text in enumerate((export.sheet, column, label, explanation)):
                worksheet.write_string(row, col, text)
            row += 1
    worksheet.set_column(0, 0, 24)
    worksheet.set_column(1, 2, 34)
    worksheet.set_column(3, 3, 100)
    worksheet.freeze_panes(1, 0)


def write_workbook_for(path: Path, sheets: list[tuple[Export, pl.DataFrame]],
                       rows: list[pl.Series]) -> None:
    """One förbund's workbook: its rows of each export, then the explanations; `rows` are
    the sheets' `<row>` elements, built beforehand (`_rows_by_forbund`)."""
    write_workbook(path, [Sheet(export.sheet, frame, [_label(c) for c in frame.columns], xml)
                          for (export, frame), xml in zip(sheets, rows, strict=True)],
                   add_sheets=lambda workbook, formats: _explanations(workbook, formats, sheets))


def _rows_by_forbund(frame: pl.DataFrame) -> dict[str, pl.Series]:
    """Each förbund's rows of `frame` as `<row>` elements numbered from 2, built at once
    for all förbund (per förbund, building costs more than writing)."""
    number = pl.int_range(pl.len(), dtype=pl.Int64).over("forbund_org_nr") + 2
    xml = frame.select("forbund_org_nr", row_xml(frame, number).alias("xml"))
    return {org_nr: part["xml"] for org_nr, part in _by_forbund(xml).items()}


def _by_forbund(frame: pl.DataFrame) -> dict[str, pl.DataFrame]:
    """The rows of each förbund, in their order in `frame` (one pass, not a filter each)."""
    return {org_nr: part for (org_nr,), part in
            frame.partition_by("forbund_org_nr", as_dict=True).items() if org_nr is not None}


def write_forbund_workbooks(folder: Path, exports: list[Export],
                            frames: dict[str, pl.DataFrame], pool: Executor | None = None,
                            log: Callable[[str], None] = print) -> list[Path]:
    """A workbook per förbund in `folder`, replacing what was there as one set; written by
    `pool`'s workers when given."""
    with_forbund = [e for e in exports if "forbund_org_nr" in frames[e.name].columns]
    names = pl.concat([frames[e.name].select("forbund_org_nr", "forbund_name")
                       for e in with_forbund]).drop_nulls("forbund_org_nr")
    forbund = names.group_by("forbund_org_nr").agg(pl.col("forbund_name").drop_nulls().first())
    books = [(forbund_file_stem(name or org_nr, org_nr) + ".xlsx", org_nr)
             for org_nr, name in forbund.sort("forbund_org_nr").iter_rows()]

    kept = KeptFiles(folder)
    # what a workbook shows besides its rows: the code, the Swedish headings (seed) and each
    # export's sheet name and column explanations
    salt = source_digest(Path(__file__), Path(xlsx_sheets.__file__)) + repr(
        sorted(vocabulary.column_labels().items()))

    executor = pool or InlineExecutor()

    def write(building: Path) -> None:
        parts = {e.name: _by_forbund(frames[e.name]) for e in with_forbund}
        changed = []
        for file_name, org_nr in books:
            sheets = [(e, parts[e.name][org_nr]) for e in with_forbund
                      if org_nr in parts[e.name]]
            digest = frame_digest((f for _, f in sheets), salt, *(repr(e) for e, _ in sheets))
            if not kept.keep(building, file_name, digest):
                changed.append((file_name, org_nr, sheets))
        # the `<row>` elements of the changed workbooks' förbund only
        wanted = pl.Series([org_nr for _, org_nr, _ in changed], dtype=pl.String)
        rows = {e.name: _rows_by_forbund(frames[e.name].filter(
                    pl.col("forbund_org_nr").is_in(wanted))) for e in with_forbund} \
            if changed else {}
        # a workbook or two are written here: starting workers would take longer
        writer = InlineExecutor() if few_tasks(len(changed)) else executor
        wait_all([writer.submit(write_workbook_for, building / file_name, sheets,
                                  [rows[e.name][org_nr] for e, _ in sheets])
                  for file_name, org_nr, sheets in changed])
    kept.replace(write)
    log(f"wrote {len(books) - kept.kept} workbooks per förbund to {folder} "
        f"({kept.kept} unchanged kept)")
    return [folder / file_name for file_name, _ in books]
