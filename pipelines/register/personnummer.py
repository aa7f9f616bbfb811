"""Refuse anything that looks like a Swedish personnummer or samordningsnummer.

The warehouse never stores one. A value looks like one when it is ten or twelve
digits, with or without `-`/`+` before the last four, and the date part is a real
calendar date (samordningsnummer add 60 to the day). Org numbers (month digits
20 or more) therefore pass.
"""

from __future__ import annotations

import re
from datetime import date

_PATTERN = re.compile(r"^(\d{2})?(\d{2})(\d{2})(\d{2})[-+]?(\d{4})$")


def looks_like_personnummer(value: str) -> bool:
    match = _PATTERN.match(value.strip().replace(" ", ""))
    if not match:
        return False
    century, yy, mm, dd, _ = match.groups()
    year = int((century or "19") + yy)
    day = int(dd) - 60 if int(dd) > 60 else int(dd)
    try:
        date(year, int(mm), day)
    except ValueError:
        return False
    return True


def find_personnummer_column(headers: list[str], rows: list[list[str]],
                             row_numbers: list[int]) -> tuple[str, int] | None:
    """The first (header, row number) holding a personnummer-like value, if any."""
    for row, number in zip(rows, row_numbers, strict=True):
        for header, cell in zip(headers, row, strict=True):
            if cell and looks_like_personnummer(cell):
                return header, number
    return None
