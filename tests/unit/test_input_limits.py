"""Files over a limit are refused with a clear message; the limits are settings."""

import zipfile
from pathlib import Path

import pytest

from pipelines.errors import InputFileError
from pipelines.register.dialects import read_cells
from pipelines.reports.readers import UnreadableReport, read_report

HEADER = "Förbund;Organisationsnummer;Insats-ID;Insats;Deltagar-ID;Kön;Födelseår\n"


def test_a_stray_quote_names_the_file_and_row(tmp_path: Path):
    path = tmp_path / "stray.csv"
    path.write_text(HEADER + 'F;1;I1;Lotsen;"P1;K;1980\n' + "F;1;I1;Lotsen;P2;M;1981\n" * 3,
                    encoding="utf-8")
    with pytest.raises(InputFileError) as error:
        read_cells(path)
    assert "stray.csv" in str(error.value) and "row" in str(error.value)


@pytest.mark.parametrize(("quote", "expected"), [
    ("", "over the limit of 10,000"),  # split as plain text: the cell is named by row, column
    ('"', "10,000 characters"),  # read by csv: refused before the value becomes a field
])
def test_a_50_mb_value_is_refused(tmp_path: Path, quote: str, expected: str):
    path = tmp_path / "long.csv"
    path.write_text(HEADER + f"F;1;I1;{quote}" + "x" * 50_000_000 + f"{quote};P1;K;1980\n",
                    encoding="utf-8")
    with pytest.raises(InputFileError) as error:
        read_cells(path)
    assert "row 2" in str(error.value) and expected in str(error.value)


def test_a_file_over_the_size_limit_is_refused(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("FINSAM_MAX_FILE_MB", "1")
    path = tmp_path / "big.csv"
    path.write_text(HEADER + "F;1;I1;Lotsen;P1;K;1980\n" * 60_000, encoding="utf-8")
    with pytest.raises(InputFileError) as error:
        read_cells(path)
    assert "FINSAM_MAX_FILE_MB" in str(error.value)


def test_rows_over_the_limit_are_refused(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("FINSAM_MAX_ROWS", "10")
    path = tmp_path / "many.csv"
    path.write_text(HEADER + "".join(f"F;1;I1;Lotsen;P{i};K;1980\n" for i in range(20)),
                    encoding="utf-8")
    with pytest.raises(InputFileError) as error:
        read_cells(path)
    assert "FINSAM_MAX_ROWS" in str(error.value)


def _zip_bomb(path: Path) -> None:
    """A small .xlsx-shaped zip whose shared strings unpack to 300 MB."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/sharedStrings.xml", "w") as handle:
            chunk = b"A" * (1024 * 1024)
            for _ in range(300):
                handle.write(chunk)


def test_an_xlsx_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path):
    path = tmp_path / "bomb.xlsx"
    _zip_bomb(path)
    assert path.stat().st_size < 2 * 1024 * 1024
    with pytest.raises(InputFileError) as error:
        read_cells(path)
    assert "unpacks to 300 MB" in str(error.value)


def test_a_docx_zip_bomb_report_is_unreadable_not_a_crash(tmp_path: Path):
    path = tmp_path / "bomb.docx"
    _zip_bomb(path)
    with pytest.raises(UnreadableReport) as error:
        read_report(path)
    assert "unpacks to" in str(error.value)


def test_utf16_without_a_bom_gets_a_clear_message(tmp_path: Path):
    path = tmp_path / "unicode.csv"
    path.write_bytes((HEADER + "F;1;I1;Lotsen;P1;K;1980\n").encode("utf-16-le"))
    with pytest.raises(InputFileError) as error:
        read_cells(path)
    assert "UTF-16 without a byte-order mark" in str(error.value)
    assert "expected" not in str(error.value)


def test_utf16_with_a_bom_is_read(tmp_path: Path):
    path = tmp_path / "unicode_bom.txt"
    path.write_bytes((HEADER + "F;1;I1;Lotsen;P1;K;1980\n").encode("utf-16"))
    table = read_cells(path)
    assert table.rows == [["F", "1", "I1", "Lotsen", "P1", "K", "1980"]]
