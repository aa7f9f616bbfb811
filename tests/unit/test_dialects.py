"""The same register in every accepted dialect reads to the same typed rows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest

from pipelines.errors import InputFileError
from pipelines.register.columns import Kind
from pipelines.register.parse import parse_file

SWEDISH_HEADERS = ["Förbund", "Organisationsnummer", "Insats-ID", "Insats", "Deltagar-ID", "Kön",
                   "Födelseår", "Utbildningsnivå", "Försörjning före start",
                   "Tid i offentlig försörjning (år)", "Inskrivningsdatum", "Utskrivningsdatum",
                   "Avslutsanledning", "Arbetar/studerar efter"]
ALTERNATIVE_HEADERS = ["samordningsförbund", "orgnr", "insatsnummer", "insatsens namn", "löpnummer",
                       "KON", "född år", "högsta utbildning", "försörjningskälla före insats",
                       "år i offentlig försörjning", "startdatum", "slutdatum",
                       "orsak till avslut", "arbete/studier efter avslut"]
ROWS = [
    ["Samordningsförbundet Älvdalen", "222000-1111", "501", "Steg för steg", "A1", "Kvinna",
     "1985", "Gymnasial", "Sjukpenning|Försörjningsstöd", "2,5", "2022-02-01", "2022-11-30",
     "Arbete", "Ja"],
    ["Samordningsförbundet Älvdalen", "222000-1111", "501", "Steg för steg", "A2", "Man",
     "1999", "", "", "", "2022-05-16", "", "", ""],
]


def _expected_first_row() -> dict[str, object]:
    return {"forbund_name": "Samordningsförbundet Älvdalen", "forbund_org_nr": "222000-1111",
            "insats_id": "501", "participant_id": "A1", "sex": "Kvinna", "birth_year": 1985,
            "support_before": "Försörjningsstöd|Sjukpenning", "years_in_support_before": 2.5,
            "start_date": date(2022, 2, 1), "end_date": date(2022, 11, 30),
            "end_reason": "Arbete", "working_or_studying_after": True}


def _csv(path: Path, headers: list[str], rows: list[list[str]], sep: str, encoding: str,
         decimal_point: bool = False) -> Path:
    lines = [sep.join(headers)]
    for row in rows:
        cells = [c.replace(",", ".") if decimal_point and c == "2,5" else c for c in row]
        cells = [f'"{c}"' if sep in c else c for c in cells]
        lines.append(sep.join(cells))
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


@pytest.mark.parametrize(("sep", "encoding", "headers", "decimal_point"), [
    (";", "cp1252", SWEDISH_HEADERS, False),
    (";", "utf-8-sig", ALTERNATIVE_HEADERS, False),
    (",", "utf-8", SWEDISH_HEADERS, True),
    (",", "utf-8-sig", ALTERNATIVE_HEADERS, True),
    ("\t", "cp1252", ALTERNATIVE_HEADERS, False),
])
def test_csv_dialects_read_the_same(tmp_path: Path, sep, encoding, headers, decimal_point):
    path = _csv(tmp_path / "export.csv", headers, ROWS, sep, encoding, decimal_point)
    parsed = parse_file(path)
    assert parsed.kind is Kind.PARTICIPATIONS
    assert parsed.frame.height == 2
    first = parsed.frame.row(0, named=True)
    for name, value in _expected_first_row().items():
        assert first[name] == value, name
    second = parsed.frame.row(1, named=True)
    assert second["end_date"] is None and second["end_reason"] is None
    assert second["education_level"] is None
    assert parsed.frame["source_row"].to_list() == [2, 3]


def test_windows_1252_is_detected(tmp_path: Path):
    path = _csv(tmp_path / "export.csv", SWEDISH_HEADERS, ROWS, ";", "cp1252")
    assert "Ä".encode("cp1252") in path.read_bytes()
    assert parse_file(path).encoding == "cp1252"


def test_xlsx_with_date_cells(tmp_path: Path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(SWEDISH_HEADERS)
    for row in ROWS:
        cells: list[object] = list(row)
        cells[6] = int(row[6])
        cells[9] = float(row[9].replace(",", ".")) if row[9] else None
        cells[10] = date.fromisoformat(row[10])
        cells[11] = date.fromisoformat(row[11]) if row[11] else None
        sheet.append([c if c != "" else None for c in cells])
    path = tmp_path / "export.xlsx"
    book.save(path)
    parsed = parse_file(path)
    first = parsed.frame.row(0, named=True)
    for name, value in _expected_first_row().items():
        assert first[name] == value, name
    assert parsed.frame.schema["start_date"] == pl.Date


def test_anonymous_counts_file(tmp_path: Path):
    path = tmp_path / "anonyma.csv"
    path.write_text("Förbund;Org nr;Insats-ID;Insats;År;Kön;Antal anonyma\n"
                    "F;222000-1111;501;S;2022;Kvinna;3\nF;222000-1111;501;S;2022;Man;0\n",
                    encoding="utf-8")
    parsed = parse_file(path)
    assert parsed.kind is Kind.ANONYMOUS_COUNTS
    assert parsed.frame["anonymous_count"].to_list() == [3, 0]
    assert parsed.frame["start_year"].to_list() == [2022, 2022]


# Quote-free files are split over whole columns at once (`_split_lines`); every other file
# goes through Python's csv reader. For quote-free text both must give the same table, or the
# same problems.
PLAIN_FILES = [
    "A;B;C\n1;2;3\n4;5;6\n",
    "A;B;C\r\n1;2;3\r\n\r\n4;5;6\r\n",  # Windows line ends and a blank line
    "A;B;C\n 1 ; 2 ;3\u00a0\n;;\n  \n4;5\n",  # spaces, a line of separators, a short row
    "A;B;C\n1;2;3;;\n4;5;6;x\n",  # trailing separators, and a row with one field too many
    "A;B;C\n1;2;3\n4;5",  # a cut-off last row
    "A;B;C\n1;2;3\n4;5\n",  # a short last row with its line break
    "A\tB\tC\n1\t2\t3\n",
    "A;B;C\r1;2;3\r4;5;6",  # old Mac line ends
    "A;B;C\n1;2;3\n\n\n",
]


def _careful(path: Path, text: str):
    import csv
    import io

    from pipelines.register.dialects import _rows, sniff_separator

    separator = sniff_separator(text.splitlines()[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    headers = [h.strip() for h in next(reader)]
    return _rows(reader, headers, path, "utf-8", separator, text.endswith(("\n", "\r")))


@pytest.mark.parametrize("text", PLAIN_FILES)
def test_quote_free_files_split_as_the_csv_reader_reads_them(tmp_path: Path, text: str):
    from pipelines.register.dialects import _split_lines, sniff_separator

    path = tmp_path / "plain.csv"
    outcomes = []
    for read in (lambda: _careful(path, text), lambda: _split_lines(
            path, text, text.splitlines(), "utf-8", sniff_separator(text.splitlines()[0]))):
        try:
            table = read()
            outcomes.append((table.headers, table.rows, table.row_numbers))
        except InputFileError as error:
            outcomes.append(str(error))
    assert outcomes[0] == outcomes[1]


def test_a_stray_quote_that_swallows_the_rest_is_named_by_the_row_it_opens(tmp_path: Path):
    from pipelines.register.dialects import read_cells

    body = "".join(f"D{i};Steget;2024-01-0{1 + i % 9}\n" for i in range(2, 2000))
    path = tmp_path / "stray.csv"
    path.write_text("Deltagar-ID;Insats;Inskrivningsdatum\nD1;\"Steget;2024-01-01\n" + body,
                    encoding="utf-8")  # the quotation mark opens on row 2 and never closes
    with pytest.raises(InputFileError) as error:
        read_cells(path)
    assert "row 2:" in str(error.value) and "stray quotation mark" in str(error.value)
