"""Workbooks written a column at a time read back, cell by cell, as what was written."""

from __future__ import annotations

from datetime import date, datetime

import fastexcel
import openpyxl
import polars as pl
import pytest

from pipelines import xlsx_sheets
from pipelines.xlsx_sheets import Sheet, write_workbook


def _frame() -> pl.DataFrame:
    return pl.DataFrame({
        "insats": ["=HYPERLINK(\"http://x\")", "A & <B>", "Steg\tför\x01steg", "", None, " Lots"],
        "deltagare": [12, None, 3, 0, -4, 1_200_000],
        "andel_pct": [25.0, 50.5, None, float("nan"), 100.0, 0.1],
        "kostnad_kr": [1_500.5, None, 0.0, 2.25, float("inf"), 7.0],
        "slut": [date(2024, 12, 31), None, date(1999, 1, 1), date(2024, 2, 29),
                 date(2024, 1, 1), date(2024, 1, 1)],
        "publicerad": [True, False, None, True, True, False],
        "laddad": [datetime(2024, 3, 1, 6, 30)] * 6,
    })


def test_values_formats_and_layout_read_back(tmp_path):
    path = tmp_path / "bok.xlsx"
    frame = _frame()
    write_workbook(path, [Sheet("Insatser", frame, ["Insats", "Deltagare", "Andel", "Kostnad",
                                                    "Slut", "Publicerad", "Laddad"]),
                          Sheet("Tom", frame.head(0), list(frame.columns))])
    book = openpyxl.load_workbook(path)
    sheet = book["Insatser"]
    assert [c.value for c in sheet[1]] == ["Insats", "Deltagare", "Andel", "Kostnad", "Slut",
                                           "Publicerad", "Laddad"]
    assert (sheet.freeze_panes, sheet.auto_filter.ref, sheet.max_row) == ("A2", "A1:G7", 7)
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert [r[0] for r in rows] == ["=HYPERLINK(\"http://x\")", "A & <B>", "Steg\tför_x0001_steg",
                                    None, None, " Lots"]  # openpyxl leaves Excel's escape as is
    assert all(sheet.cell(row=r, column=1).data_type == "s" for r in (2, 3, 4, 7))
    assert [r[1] for r in rows] == [12, None, 3, 0, -4, 1_200_000]
    assert [r[2] for r in rows] == [0.25, 0.505, None, None, 1.0, 0.001]  # NaN left blank
    assert [r[3] for r in rows] == [1_500.5, None, 0.0, 2.25, None, 7.0]
    assert [r[4] for r in rows][:4] == [datetime(2024, 12, 31), None, datetime(1999, 1, 1),
                                        datetime(2024, 2, 29)]
    assert [r[5] for r in rows] == ["Ja", "Nej", None, "Ja", "Ja", "Nej"]
    assert rows[0][6] == datetime(2024, 3, 1, 6, 30)
    formats = [sheet.cell(row=2, column=c).number_format for c in range(2, 8)]
    assert formats == ["#,##0", "0.0%", '#,##0 "kr"', "yyyy-mm-dd", "General",
                       "yyyy-mm-dd hh:mm"]
    assert [c.value for c in book["Tom"][1]] == list(frame.columns)
    assert book["Tom"].max_row == 1


def test_another_reader_sees_the_same_text(tmp_path):
    path = tmp_path / "bok.xlsx"
    write_workbook(path, [Sheet("Blad", _frame(), list(_frame().columns))])
    read = fastexcel.read_excel(path).load_sheet(0).to_polars()
    assert read["insats"].to_list() == ["=HYPERLINK(\"http://x\")", "A & <B>",
                                        "Steg\tför\x01steg", None, None, " Lots"]
    literal = pl.DataFrame({"namn": ["_x0041_ stays as typed"]})
    write_workbook(path, [Sheet("Blad", literal, ["namn"])])
    assert fastexcel.read_excel(path).load_sheet(0).to_polars()["namn"].to_list() == [
        "_x0041_ stays as typed"]


def test_rows_in_several_chunks_keep_their_numbers(tmp_path, monkeypatch):
    monkeypatch.setattr(xlsx_sheets, "ROWS_PER_CHUNK", 7)
    frame = pl.DataFrame({"n": list(range(1, 24)), "namn": [f"rad {i}" for i in range(1, 24)]})
    path = tmp_path / "bok.xlsx"
    write_workbook(path, [Sheet("Blad", frame, ["Nummer", "Namn"])])
    sheet = openpyxl.load_workbook(path)["Blad"]
    assert [(r[0].value, r[1].value) for r in sheet.iter_rows(min_row=2)] == [
        (i, f"rad {i}") for i in range(1, 24)]
    assert sheet.dimensions == "A1:B24"


def test_a_giant_cell_is_cut_where_excel_cuts_it(tmp_path):
    path = tmp_path / "bok.xlsx"
    write_workbook(path, [Sheet("Blad", pl.DataFrame({"text": ["å" * 40_000]}), ["Text"])])
    assert openpyxl.load_workbook(path)["Blad"]["A2"].value == "å" * 32_767


@pytest.mark.parametrize("dtype", [pl.Int8, pl.UInt64, pl.Float32, pl.Decimal(10, 2)])
def test_every_number_type_is_a_number(tmp_path, dtype):
    path = tmp_path / "bok.xlsx"
    write_workbook(path, [Sheet("Blad", pl.DataFrame({"x": [1, 2]}, schema={"x": dtype}), ["X"])])
    assert [c.value for c in openpyxl.load_workbook(path)["Blad"]["A"]][1:] == [1, 2]


def test_lists_times_and_empty_columns_are_written_as_text(tmp_path):
    from datetime import time

    path = tmp_path / "bok.xlsx"
    frame = pl.DataFrame({"koder": [["A", "B"], None], "tid": [time(8, 30), None],
                          "tom": [None, None]})
    write_workbook(path, [Sheet("Blad", frame, ["Koder", "Tid", "Tom"])])
    rows = [[c.value for c in row] for row in openpyxl.load_workbook(path)["Blad"].iter_rows()]
    assert rows[1] == ["['A', 'B']", "08:30:00", None]


def test_a_failure_while_writing_leaves_no_file(tmp_path):
    path = tmp_path / "bok.xlsx"
    cannot_be_text = pl.DataFrame({"a": [1, 2], "b": pl.Series([object(), object()],
                                                                 dtype=pl.Object)})
    with pytest.raises(pl.exceptions.ComputeError):
        write_workbook(path, [Sheet("Insatser", _frame(), list(_frame().columns)),
                              Sheet("Trasig", cannot_be_text, ["A", "B"])])
    assert not path.exists()
