"""The one guard against Swedish personnummer and samordningsnummer.

The warehouse never stores one: a register cell with one refuses its file, report text and
every other text that enters is masked (`mask_personnummer`), and error messages never
echo one. A number looks like one when, anywhere in a cell, ten or
twelve digits stand together (or with `-`, `–`, `+` or a space before the last four) and
their date part is a real calendar date in a century a living person can be born in
(samordningsnummer add 60 to the day). A ten-digit number names no century: it counts when
the date is real as 19ÅÅ or as 20ÅÅ (`000229` is 29 February 2000), and `+` (over 100
years old) changes nothing about that. The Luhn check digit is supporting evidence: a
spreadsheet number of nine digits (a leading zero lost) counts only when its check digit
is right. Organisation numbers (month digits 20 or more) pass.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import polars as pl

_SEPARATOR = r"[-–+ ]?"
_CANDIDATE = re.compile(
    rf"(?<![\d])(?P<century>\d{{2}})?(?P<date>\d{{6}}){_SEPARATOR}(?P<serial>\d{{4}})(?![\d])")
_LOST_ZERO = re.compile(r"^\d{9}$")
_LOST_ZERO_WORD = re.compile(r"(?<![\d\w.,-])\d{9}(?![\d\w])")
_CENTURIES = (19, 20, 18)


def luhn_valid(digits: str) -> bool:
    """The Luhn check over ÅÅMMDDNNNN, as the Swedish tax agency computes it."""
    total = 0
    for index, char in enumerate(digits):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def _real_date(century: int, yymmdd: str) -> bool:
    year, month, day = century * 100 + int(yymmdd[:2]), int(yymmdd[2:4]), int(yymmdd[4:])
    if day > 60:  # samordningsnummer
        day -= 60
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _is_personnummer(century: str | None, yymmdd: str) -> bool:
    if century is not None:
        return int(century) in _CENTURIES and _real_date(int(century), yymmdd)
    return any(_real_date(c, yymmdd) for c in _CENTURIES)


def looks_like_personnummer(value: str) -> bool:
    """Whether a personnummer or samordningsnummer stands anywhere in `value`."""
    text = value.strip()
    if _LOST_ZERO.match(text):
        padded = "0" + text
        return luhn_valid(padded) and _is_personnummer(None, padded[:6])
    return any(_is_personnummer(m["century"], m["date"]) for m in _CANDIDATE.finditer(text))


def mask_personnummer(text: str) -> str:
    """`text` with the digits of every personnummer or samordningsnummer replaced by X.

    The length stays the same, so character offsets into the text stay valid. A nine-digit
    number standing alone counts when its leading zero restored gives a valid Luhn digit.
    """
    def masked(m: re.Match[str]) -> str:
        if _is_personnummer(m["century"], m["date"]):
            return re.sub(r"\d", "X", m.group())
        return m.group()

    def masked_lost_zero(m: re.Match[str]) -> str:
        padded = "0" + m.group()
        return "X" * 9 if luhn_valid(padded) and _is_personnummer(None, padded[:6]) \
            else m.group()

    return _LOST_ZERO_WORD.sub(masked_lost_zero, _CANDIDATE.sub(masked, text))


# Every value `looks_like_personnummer` accepts matches this (and more do): a fast first pass
# over whole columns, after which only the matching cells are checked one by one. The month's
# first digit is 0 or 1 (or a digit of another script), so organisation numbers stay out.
_DATE_AND_NUMBER = r"\d{2}(?:[01]|[^\x00-\x7f])\d{3}[-–+ ]?\d{4}"
_WITHIN_REACH = rf"{_DATE_AND_NUMBER}|^\s*\d{{9}}\s*$"
# … and every text holding such a cell matches this (a nine-digit cell holds nine digits in
# a row): a first pass over whole lines of a file before it is split into cells.
IN_TEXT = rf"{_DATE_AND_NUMBER}|\d{{9}}"


def find_personnummer_column(headers: list[str], cells: pl.DataFrame,
                             row_numbers: list[int]) -> tuple[str, int] | None:
    """The first (header, row number) holding a personnummer-like value, if any: the
    earliest row, and in it the first column. `cells` holds one String column per header,
    in the headers' order."""
    first: tuple[int, int] | None = None  # (row index, column index)
    for col, column in enumerate(cells.iter_columns()):
        for index in column.str.contains(_WITHIN_REACH).fill_null(False).arg_true():
            if first is not None and index >= first[0]:
                break
            if looks_like_personnummer(column[index]):
                first = (index, col)
                break
    return None if first is None else (headers[first[1]], row_numbers[first[0]])
