"""Page furniture a PDF or slide conversion leaves inside the text: page and slide markers,
page footers with their page number and the running header lines after them, and how a
table broken over a page by them goes on."""

from __future__ import annotations

import re

from pipelines.reports.table_cells import is_header_row
from pipelines.reports.text import Line

_PAGE_MARKER = re.compile(r"^[\s\-–=*#|]*(bild|sida|slide|page|sid)\s*\.?\s*\d+"
                          r"(\s*(av|/|of)\s*\d+)?[\s\-–=*#|]*$", re.IGNORECASE)
# "Delårsrapport 2024 <tabs> Sida 4 (11)", "Samordningsförbundet X | Sida 6 av 6", "sida 2"
_FOOTER = re.compile(r"(?:^|[\s|–—-])(?:sida|sid\.?|page)\s*\d+\s*(?:\(\s*\d+\s*\)|"
                     r"(?:av|/|of)\s*\d+)?\s*$", re.IGNORECASE)
_RUNNING_HEADER_WORDS = 10  # a running header is a short line: a name, a title, a date


def is_page_marker(text: str) -> bool:
    """A page or slide marker a converter leaves ('--- Bild 4 ---', '-- Sida 2 av 7 --')."""
    return bool(_PAGE_MARKER.match(text))


def is_page_footer(text: str) -> bool:
    """A line that ends with its page's number ('Delårsrapport 2024  Sida 4 (11)')."""
    return len(text.split()) <= 16 and bool(_FOOTER.search(text.strip()))


def _cells(line: Line) -> int:
    return len(line.text.rstrip(" \t").split("\t"))


def _after_page_break(lines: list[Line], footer: int) -> int | None:
    """The first table row after a page footer and the running header lines that follow it
    (at most two short lines without a full stop), or None when other text comes first."""
    headers = 0
    for k in range(footer + 1, min(len(lines), footer + 8)):
        text = lines[k].text.strip()
        if not text:
            continue
        if "\t" in lines[k].text:
            return k
        headers += 1
        if headers > 2 or len(text.split()) > _RUNNING_HEADER_WORDS or text.endswith("."):
            return None
    return None


def table_block(lines: list[Line], i: int) -> tuple[list[Line], int]:
    """The rows of the tab-separated table that starts at line i, and the index of its last
    line. After a blank line, a header or a row of another width starts a new table; a page
    break inside the table (footer, running header, the header row repeated) is stepped
    over when the rows go on in the same width."""
    first = lines[i]
    block = [first]
    while i + 1 < len(lines):
        line = lines[i + 1]
        if is_page_footer(line.text) or is_page_marker(line.text):
            k = _after_page_break(lines, i + 1)
            if k is not None and lines[k].text.strip() == first.text.strip():
                k = k + 1 if k + 1 < len(lines) and "\t" in lines[k + 1].text else None
            if k is None or _cells(lines[k]) != _cells(block[-1]) or is_header_row(lines[k]):
                return block, i
            i = k - 1  # the rows go on after the page break
            continue
        if "\t" not in line.text.rstrip(" \t") and line.text.strip(" \t"):
            break  # text, or text with empty cells after it ("# Anteckning ;;;;")
        i += 1
        if line.text.strip(" \t"):  # a line of empty cells is a blank line
            if not lines[i - 1].text.strip(" \t") and (
                    _cells(line) != _cells(first) or is_header_row(line)):
                return block, i - 1
            block.append(line)
    return block, i
