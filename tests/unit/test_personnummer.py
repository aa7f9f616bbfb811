"""The personnummer guard: both centuries, `+`, samordningsnummer, Luhn as evidence."""

from __future__ import annotations

import polars as pl
import pytest

from pipelines.personnummer import find_personnummer_column, looks_like_personnummer, luhn_valid

PERSONNUMMER_FORMS = [
    "000229-2384",      # 29 Feb 2000: real only in the 2000s
    "000229+2384",      # the same, over 100 years old (`+`)
    "0002292384",       # no separator
    "20000229-2384",    # twelve digits name the century
    "040229-1234",      # 1904 and 2004 were both leap years
    "091231-1234",      # last day of 2009
    "000101-1234",      # first day of 2000
    "000289-1234",      # samordningsnummer: 29 + 60
    "850312–1234",      # en dash
    "850312 1234",      # space
    "Stöd till 850312-1234 Anna",  # inside a longer text
    " 101011005 ",      # nine digits, leading zero lost, valid check digit, padded
    "٨٥٠٣١٢-١٢٣٤",      # digits of another script
]


@pytest.mark.parametrize("value", PERSONNUMMER_FORMS)
def test_personnummer_forms(value: str):
    assert looks_like_personnummer(value)


@pytest.mark.parametrize("value", PERSONNUMMER_FORMS)
def test_a_register_column_scan_finds_every_form(value: str):
    rows = [["D1", "2022-01-15", "12"], ["D2", "", "850312"], ["D3", value, "3"],
            ["D4", "x", value]]
    assert find_personnummer_column(["id", "anteckning", "antal"], _cells(rows), [2, 3, 4, 5]) == (
        "anteckning", 4)


def test_a_register_column_scan_passes_dates_and_organisation_numbers():
    rows = [["2022-01-15", "222000-1111", "20220115", "1234567890", "12345678901234"]] * 3
    assert find_personnummer_column(list("abcde"), _cells(rows), [2, 3, 4]) is None


@pytest.mark.parametrize("value", [
    "19000229-1234",    # 1900 was not a leap year
    "010229-1234",      # neither was 1901 nor 2001
    "000230-1234",      # no 30 February in any century
    "222000-1111",      # organisation number: month 20
    "1234567890",       # month 34
    "2022-01-15",       # a date
    "20220115",         # a date without separators
    "123456789",        # nine digits with a wrong check digit
    "12345678901234",   # a longer number
])
def test_not_personnummer(value: str):
    assert not looks_like_personnummer(value)


def test_luhn_check_digit():
    assert luhn_valid("8112189876") and not luhn_valid("8112189875")


def test_a_spreadsheet_number_that_lost_its_leading_zero():
    # 010101-... with a correct check digit, stored as a number (the zero lost).
    serial = next(s for s in range(1000, 10000) if luhn_valid(f"010101{s}"))
    assert looks_like_personnummer(f"10101{serial}")
    assert not looks_like_personnummer(f"10101{serial + 1 if serial < 9999 else serial - 1}")


def _cells(rows: list[list[str]]) -> pl.DataFrame:
    """Rows of text cells as the register reader holds them: a String column per header."""
    return pl.DataFrame({str(j): [row[j] for row in rows] for j in range(len(rows[0]))})


@pytest.mark.parametrize("value", PERSONNUMMER_FORMS)
def test_the_line_screen_lets_every_form_through_to_the_column_scan(value: str):
    # a file whose lines all fail IN_TEXT skips the column scan: every form must match it
    import re

    from pipelines.personnummer import IN_TEXT

    assert re.search(IN_TEXT, f"D1;{value};Arbete")
    assert pl.Series([f"D1;{value};Arbete"]).str.contains(IN_TEXT).all()


def test_a_personnummer_in_a_plain_register_file_is_found_by_row_and_column(tmp_path):
    from pipelines.errors import InputFileError
    from pipelines.register.parse import parse_file

    path = tmp_path / "deltagare.csv"
    path.write_text("Deltagar-ID;Insats-ID;Kommentar\nD1;I1;ok\nD2;I1;ring 19850312-1234\n",
                    encoding="utf-8")
    with pytest.raises(InputFileError) as error:
        parse_file(path)
    message = str(error.value)
    assert "row 3" in message and "Kommentar" in message and "1234" not in message
