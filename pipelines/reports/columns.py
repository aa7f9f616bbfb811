"""Two columns of text side by side, as a PDF converted with its layout kept leaves them
("Livsstilsstödet är en hälsofrämjande         Resultat 2023" over "gruppinsats i samarbete
med vårdcen-         Deltagare: 40"): read as the left column's lines, then the right's.
Each part keeps its offset in the original, so quotes stay verbatim."""

from __future__ import annotations

import re

Segment = tuple[int, str]  # (offset in the original, raw text)

_GAP = re.compile(r"\S( {3,})(?=\S)")
# A form's numbered labels and bare values beside them are no second column of text.
_NUMBERED = re.compile(r"^\d+[a-z]?[.)]\s")
_VALUE = re.compile(r"^[\d\s,.%–/:-]*(?:st|kr|mån|månader|personer)?\s*$")
_MIN_COLUMN = 30  # the right column starts past the middle of a line of text
_MIN_LINES = 4  # lines that hold both columns
_PROSE_WORDS = 4  # words of a left part that reads as running text, not a table's label
_INDENT = 4  # how far past the column's edge a right part may start


def _right_at(raw: str, column: int) -> int | None:
    """Where the right part of a line starts, when the line has one at `column`."""
    if len(raw) <= column or raw[column - 2:column] != "  " or raw[:column].rstrip() != \
            raw[:column - 2].rstrip():
        return None
    start = len(raw) - len(raw[column:].lstrip()) if raw[column:].strip() else None
    return start if start is not None and start - column < _INDENT else None


def _block(segments: list[Segment], first: int) -> tuple[int, int] | None:
    """The column where a block of two-column lines starting at `first` splits, and the end
    of the block; None when no such block starts there."""
    raw = segments[first][1]
    for m in _GAP.finditer(raw):
        column = m.end()
        if column < _MIN_COLUMN or "\t" in raw or "|" in raw:
            continue  # cells of a Markdown table are no column of text
        end, both, prose, values = first, 0, 0, 0
        while end < len(segments) and segments[end][1].strip():
            line = segments[end][1]
            right = _right_at(line, column) if "|" not in line else None
            if right is None and len(line.rstrip()) >= column - 2:
                break  # a line across both columns
            if right is not None:
                both += 1
                left = line[:column].strip()
                prose += len(re.findall(r"[A-Za-zÅÄÖåäö]+", left)) >= _PROSE_WORDS and \
                    not _GAP.search(left) and \
                    not _NUMBERED.match(left)
                values += bool(_VALUE.match(line[right:]))
            end += 1
        if both >= _MIN_LINES and 2 * prose >= both and 3 * values < both:
            return column, end
    return None


def split_columns(segments: list[Segment]) -> list[Segment]:
    """The segments with each block of two columns read column by column."""
    out: list[Segment] = []
    i = 0
    while i < len(segments):
        found = _block(segments, i) if _GAP.search(segments[i][1]) else None
        if found is None:
            out.append(segments[i])
            i += 1
            continue
        column, end = found
        left, right = [], []
        for offset, raw in segments[i:end]:
            start = _right_at(raw, column)
            if start is None:
                left.append((offset, raw))
                continue
            if raw[:column].strip():
                left.append((offset, raw[:column].rstrip()))
            right.append((offset + start, raw[start:]))
        out.extend(left + right)
        i = end
    return out
