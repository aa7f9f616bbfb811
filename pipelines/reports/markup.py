"""What conversion leaves inside a line of report text, read as plain cells and characters:
rule and box lines, HTML entities, ticked and unticked form boxes, Markdown tables and
links, and columns aligned with spaces. Each helper maps positions in the raw line to what
stands there in the working text, so offsets back to the original stay exact."""

from __future__ import annotations

import html
import re

SPACES = {"\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ", "\t": "\t"}

# A line drawn with rule or box characters only ("-----", "=====", "└────┘") frames what it
# surrounds and reads as blank; box characters around words read as spaces.
RULE_LINE = re.compile(r"^[\s\-=_~*+|#.·\u2500-\u257f]{3,}$")


_ENTITY = re.compile(r"&(?:#\d{1,6}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,10});")


def entities(raw: str) -> dict[int, tuple[int, str]]:
    """Start → (end, text) of each HTML character entity ('&ndash;' → '–', '&nbsp;' → ' ')."""
    found = {}
    for m in _ENTITY.finditer(raw):
        text = html.unescape(m.group())
        if text != m.group():
            found[m.start()] = (m.end(), "".join(SPACES.get(ch, ch) for ch in text))
    return found


# An option a form leaves unticked ("☐ Helår   ☒ Halvår 1") is no statement: it is dropped.
_UNTICKED = re.compile(r"[☐□]\s*[^☐☒☑□■\t]*?(?=\s{2,}|\t|[☐☒☑□■]|$)")


def dropped(raw: str) -> dict[int, int]:
    """Start → end of unticked options and of the ticks themselves."""
    found = {m.start(): m.end() for m in _UNTICKED.finditer(raw)}
    found.update({i: i + 1 for i, ch in enumerate(raw) if ch in "☒☑■"})
    return found


def is_box(ch: str) -> bool:
    return "\u2500" <= ch <= "\u257f"


# Columns aligned with spaces (PDF text): runs of three or more spaces between cells.
_ALIGNED_GAP = re.compile(r"(?<=\S) {3,}(?=\S)")
_LEADING_GAP = re.compile(r"^ {3,}(?=\S)")
_NUMBER_CELL = re.compile(r"^\d+(?:[,.]\d+)?\s*%?$")


# Markdown tables ("| Avslutade | 9 | 6 |", "|---|---|") and links ("[2. Resultat 4](#resultat)").
_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
PIPE_RULE = re.compile(r"^\s*\|[\s:|-]*\|\s*$")
_LINK = re.compile(r"\[([^\]]{1,200})\]\([^)]{0,200}\)")


def pipes(raw: str) -> dict[int, str]:
    """Position → replacement for the pipes of a Markdown table row: the outer ones go, the
    inner ones separate cells."""
    if not _PIPE_ROW.match(raw):
        return {}
    at = [i for i, ch in enumerate(raw) if ch == "|"]
    return {i: ("" if i in (at[0], at[-1]) else "\t") for i in at}


def links(raw: str) -> dict[int, int]:
    """Start → end of the markup around a Markdown link's text, to be dropped."""
    dropped: dict[int, int] = {}
    for m in _LINK.finditer(raw):
        dropped[m.start()] = m.start() + 1
        dropped[m.end(1)] = m.end()
    return dropped


def column_gaps(raw: str) -> dict[int, int]:
    """Start → end of each space run that separates the cells of a space-aligned table row:
    a row with two gaps or more, or one gap before a number ('Arbete          4')."""
    if "\t" in raw or "<" in raw or _PIPE_ROW.match(raw):
        return {}  # tabs, HTML cells and Markdown pipes already separate the cells
    gaps = list(_ALIGNED_GAP.finditer(raw))
    if not gaps:
        return {}
    lead = _LEADING_GAP.match(raw)
    if len(gaps) == 1 and not lead and not _NUMBER_CELL.match(raw[gaps[0].end():].strip()):
        return {}
    found = {m.start(): m.end() for m in gaps}
    if lead and not _indented_label(raw):
        found[0] = lead.end()  # a header row whose first cell is empty
    return found


def _indented_label(raw: str) -> bool:
    """An indented row of a label and its count ('   varav män      24'), not a header."""
    cells = re.split(r" {3,}", raw.strip())
    return bool(re.search(r"[A-Za-zÅÄÖåäö]", cells[0]) and _NUMBER_CELL.match(cells[-1])
                and not re.fullmatch(r"(19|20)\d\d", cells[-1]))


# A list item exported from Word: "•<tab>text", "<tab>–<tab>text". Its tabs are no table.
_BULLET_TABS = re.compile(r"^(\t*)([•·▪◦o*–-])(\t+)(?=\S)")


def bullet_tabs(raw: str) -> dict[int, str]:
    """Position → replacement for the tabs around a leading bullet: a space after it, none
    before it."""
    m = _BULLET_TABS.match(raw)
    if not m:
        return {}
    found = {i: "" for i in range(m.start(1), m.end(1))}
    found.update({i: (" " if i == m.start(3) else "") for i in range(m.start(3), m.end(3))})
    return found


_SHEET_ROW = re.compile(r"^[^;.!?]{0,80};")


def semicolon_sheet(original: str) -> bool:
    """A report saved from a spreadsheet as `;`-separated text ('Nyckeltal;Q1;Q2', 'Nya;4;3'):
    most of its non-blank lines open with a short cell and a semicolon."""
    lines = [line for line in original.splitlines() if line.strip(" ;\t")]
    rows = sum(bool(_SHEET_ROW.match(line)) for line in lines)
    return len(lines) >= 5 and rows >= 0.6 * len(lines)


def semicolon_cells(raw: str) -> dict[int, str]:
    """Position → tab for each semicolon of a row of such a sheet."""
    return {i: "\t" for i, ch in enumerate(raw) if ch == ";"} if _SHEET_ROW.match(raw) else {}


# A table whose cells came out one per line ("<p>Avslutsorsak</p>", "<p>År 1</p>", …,
# "<p>Arbete</p>", "<p>8</p>", … or the same as plain short lines): a header row, then rows
# of a label and numbers.
_ONE_CELL = re.compile(r"^\s*<(p|td)\b[^>]*>([^<]*)</\1>\s*$", re.IGNORECASE)
_NUMBERISH = re.compile(r"^[\d\s,.%–-]*$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_CELL_WORDS = 6


def one_cell(raw: str) -> str | None:
    """The text of a line that holds one table cell and nothing else: a `<p>` or `<td>`
    cell, or a short plain line that is no sentence."""
    if m := _ONE_CELL.match(raw):
        return m.group(2).strip()
    text = raw.strip()
    if not text or "\t" in raw or "<" in raw or len(text.split()) > _CELL_WORDS or \
            text.endswith((".", "!", "?", ",", ";")):
        return None
    return text


def _rows_from(cells: list[str], start: int, width: int) -> int:
    """How many rows of a label and numbers follow a header of `width` cells at `start`
    (each header cell names its column: words or a year)."""
    header = cells[start:start + width]
    if len(header) < width or not all(re.search(r"[A-Za-zÅÄÖåäö]", c) or _YEAR.match(c)
                                      for c in header[1:]):
        return 0
    rows, at = 0, start + width
    while at + width <= len(cells):
        row = cells[at:at + width]
        if not (re.search(r"[A-Za-zÅÄÖåäö]", row[0]) and all(
                _NUMBERISH.match(cell) for cell in row[1:])):
            break
        rows, at = rows + 1, at + width
    return rows


def table_spans(cells: list[str], plain: bool = False) -> list[tuple[int, int, int]]:
    """(first, end, width) of each table among a run of one-cell lines: a header and at
    least two rows of a label and numbers. Plain lines make a table of three columns or
    more (a label over its value on the next line is a form's answer, not a table)."""
    spans, start = [], 0
    while start < len(cells):
        best = max(((_rows_from(cells, start, width), width)
                    for width in range(3 if plain else 2, 9)),
                   key=lambda found: (found[0], -found[1]))
        if best[0] >= 2:
            end = start + best[1] * (best[0] + 1)
            spans.append((start, end, best[1]))
            start = end
        else:
            start += 1
    return spans
