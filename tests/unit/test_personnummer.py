"""The personnummer guard: both centuries, `+`, samordningsnummer, Luhn as evidence."""

from __future__ import annotations

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
    assert find_personnummer_column(["id", "anteckning", "antal"], rows, [2, 3, 4, 5]) == (
        "anteckning", 4)


def test_a_register_column_scan_passes_dates_and_organisation_numbers():
    rows = [["2022-01-15", "222000-1111", "20220115", "1234567890", "12345678901234"]] * 3
    assert find_personnummer_column(list("abcde"), rows, [2, 3, 4]) is None


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
