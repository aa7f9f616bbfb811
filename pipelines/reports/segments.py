"""The raw lines of a report, each with its offset in the original: a newline or a table
row's end (`</tr>`) ends one; a form's paragraph cells holding sentences stand apart; two
columns side by side are read one after the other (`columns`); a table whose cells stand one
per line gives a line for each of its rows (`markup.table_spans`)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipelines.reports.columns import split_columns
from pipelines.reports.markup import one_cell, table_spans

_ROW = re.compile(r".*?(?:</tr>|\n|\Z)", re.DOTALL | re.IGNORECASE)
_CELL_GAP = re.compile(r"(?<=</p>)[ \t]*\t[ \t]*(?=<p)", re.IGNORECASE)
CELL = re.compile(r"<p[^>]*>(.*?)</p>", re.IGNORECASE)


def _holds_sentence(cell: str) -> bool:
    words = re.sub(r"<[^>]+>", " ", cell).split()
    return len(words) >= 7 or (len(words) >= 3 and words[-1].endswith((".", "!", "?")))


def segments(original: str) -> Iterator[tuple[int, str]]:
    """(offset, raw text) of each working line; a table whose cells stand one per line
    (`markup.table_spans`) gives a line for each of its rows."""
    pending: list[tuple[int, str]] = []
    for segment in split_columns(list(_cell_segments(original))):
        if one_cell(segment[1]) is not None:
            pending.append(segment)
            continue
        yield from _rows(original, pending)
        pending = []
        yield segment
    yield from _rows(original, pending)


def _rows(original: str, segments: list[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    at = 0
    plain = not any("<" in raw for _, raw in segments)
    for first, end, width in table_spans([one_cell(raw) or "" for _, raw in segments], plain):
        if not all(b[0] - a[0] - len(a[1]) >= 0 and not original[a[0] + len(a[1]):b[0]].strip()
                   for a, b in zip(segments[first:end], segments[first + 1:end], strict=False)):
            continue  # cells that do not stand one after the other in the original
        yield from segments[at:first]
        for i in range(first, end, width):
            start, (last, raw) = segments[i][0], segments[i + width - 1]
            yield start, original[start:last + len(raw)]
        at = end
    yield from segments[at:]


def _cell_segments(original: str) -> Iterator[tuple[int, str]]:
    """(offset, raw text) of each line.

    A table row (`</tr>`) ends a line as a newline does. A line of paragraph cells
    separated by tabs (`<p>question</p>\t<p>answer</p>\t…`) is a form when a cell holds a
    sentence: then each cell is a line of its own; short cells stay one tab-separated row.
    """
    for row in _ROW.finditer(original):
        if row.start() == len(original) and row.start() > 0:
            break
        raw = row.group().removesuffix("\n")
        if not (_CELL_GAP.search(raw) and any(map(_holds_sentence, CELL.findall(raw)))):
            yield row.start(), raw
            continue
        start = 0
        for gap in _CELL_GAP.finditer(raw):
            yield row.start() + start, raw[start:gap.start()]
            start = gap.end()
        yield row.start() + start, raw[start:]
