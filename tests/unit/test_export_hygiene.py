"""Text that a spreadsheet would run is written as text in every workbook and CSV."""

from pathlib import Path

import openpyxl
import polars as pl

from pipelines.publish import write_workbook
from pipelines.reports.extract import ExtractedFigure, write_csv

HOSTILE = ['=HYPERLINK("http://example.invalid","klicka")', "+cmd|' /C calc'!A0", "-2+3",
           "@SUM(A1:A2)", "\t=1+1"]


def test_workbook_cells_that_look_like_formulas_are_text(tmp_path: Path):
    path = tmp_path / "marts.xlsx"
    write_workbook(path, {"insats_year": pl.DataFrame({"insats": [*HOSTILE, "Lotsen"],
                                                      "n": range(len(HOSTILE) + 1)})})
    sheet = openpyxl.load_workbook(path)["insats_year"]
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert [c.value for c in cells] == [*HOSTILE, "Lotsen"]
    assert {c.data_type for c in cells} == {"s"}


def test_extracted_figures_csv_neutralises_formula_text(tmp_path: Path):
    rows = [ExtractedFigure(source="r.txt", forbund="=1+1", insats="+cmd|x", section="",
                            period_start=None, period_end=None, metric="participants",
                            sex="all", value=3, quote="@SUM(A1)", char_start=0, char_end=1,
                            rule="count")]
    path = tmp_path / "figures.csv"
    write_csv(rows, path)
    text = path.read_text(encoding="utf-8")
    assert "'=1+1" in text and "'+cmd|x" in text and "'@SUM(A1)" in text
