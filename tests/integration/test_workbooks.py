"""Excel per förbund: written from the published exports with Swedish sheets and headings,
frozen headers, number formats, an explanation of each column, and no formulas ever."""

from __future__ import annotations

from datetime import date

import openpyxl
import polars as pl

from pipelines import vocabulary
from pipelines.dbt_manifest import prepare_manifest
from pipelines.published_exports import Export, published_exports
from pipelines.workbooks import EXPLAIN_SHEET, write_forbund_workbooks


def test_every_published_column_has_a_swedish_heading_and_explanation(built):
    paths, _, _ = built
    labels = vocabulary.column_labels()
    for export in published_exports(prepare_manifest()):
        frame = pl.read_parquet(paths.marts_dir / f"{export.name}.parquet")
        missing = [c for c in frame.columns if c not in labels or not labels[c][1]]
        assert not missing, f"{export.view}: no Swedish heading for {missing}"


def test_one_workbook_per_forbund_with_only_its_published_rows(built):
    paths, _, _ = built
    insats_year = pl.read_parquet(paths.marts_dir / "insats_year.parquet")
    orgs = set(insats_year["forbund_org_nr"])
    books = sorted((paths.marts_dir / "excel").glob("*.xlsx"))
    assert len(books) == len(orgs)
    exports = {e.sheet: e for e in published_exports(prepare_manifest())}
    for book_path in books:
        book = openpyxl.load_workbook(book_path)
        assert book.sheetnames[-1] == EXPLAIN_SHEET
        sheet = book[exports_sheet := next(s for s in book.sheetnames if s in exports
                                           and exports[s].name == "insats_year")]
        assert sheet.freeze_panes == "A2"
        headers = [c.value for c in sheet[1]]
        org_column = headers.index("Organisationsnummer")
        org = {row[org_column] for row in sheet.iter_rows(min_row=2, values_only=True)}
        assert len(org) == 1 and org <= orgs
        rows = insats_year.filter(pl.col("forbund_org_nr") == org.pop())
        assert sheet.max_row - 1 == rows.height, exports_sheet
        explained = {row[1] for row in book[EXPLAIN_SHEET].iter_rows(min_row=2, values_only=True)}
        assert set(rows.columns) <= explained


def test_formula_looking_names_stay_text_and_formats_are_set(tmp_path):
    hostile = ["=HYPERLINK(\"http://x\",\"klicka\")", "+46 70 123", "-1+1", "@SUM(A1:A2)"]
    frame = pl.DataFrame({
        "forbund_org_nr": ["222000-0001"] * 4, "forbund_name": ["Norrby"] * 4,
        "insats_name": hostile, "year": [2024] * 4, "participants_active": [12, 40, 7, 1200],
        "share_work_or_studies_pct": [25.0, 50.5, None, 10.0],
        "cost_outcome_kr": [100_000.0] * 4, "period_end": [date(2024, 12, 31)] * 4})
    export = Export("insats_year", "exp_insats_year", "Insatser per år", "fct_insats_year",
                    ("register",), "", {})
    written = write_forbund_workbooks(tmp_path / "excel", [export], {"insats_year": frame},
                                      log=lambda _: None)
    assert [p.name for p in written] == ["norrby_222000_0001.xlsx"]
    sheet = openpyxl.load_workbook(written[0])["Insatser per år"]
    names = [sheet.cell(row=r, column=3) for r in range(2, 6)]
    assert [c.value for c in names] == hostile
    assert all(c.data_type == "s" for c in names)  # strings, never formulas ('f')
    share = sheet.cell(row=3, column=6)
    assert (share.value, share.number_format) == (0.505, "0.0%")
    assert sheet.cell(row=2, column=7).number_format == '#,##0 "kr"'
    assert sheet.cell(row=2, column=8).number_format == "yyyy-mm-dd"
    assert sheet.cell(row=1, column=5).value == vocabulary.column_labels()[
        "participants_active"][0]


def test_a_forbund_name_cannot_escape_the_folder(tmp_path):
    frame = pl.DataFrame({"forbund_org_nr": ["../../etc"], "forbund_name": ["../../passwd"],
                          "year": [2024]})
    export = Export("x", "exp_x", "Blad", "fct_x", (), "", {})
    written = write_forbund_workbooks(tmp_path / "excel", [export], {"x": frame},
                                      log=lambda _: None)
    assert written[0].parent == tmp_path / "excel" and written[0].exists()
