"""Normalise converted report text while keeping a map back to the original characters.

Markup left by PDF/DOCX conversion (`**bold**`, `*italic*`, HTML tags, soft hyphens,
non-breaking spaces, words hyphenated across lines) is removed from the working text;
`offsets[i]` is the position in the original of working character `i`, so every span
found in the working text can be quoted verbatim from the original.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from pipelines.reports import lexicon as lx
from pipelines.reports.markup import (
    PIPE_RULE,
    RULE_LINE,
    SPACES,
    bullet_tabs,
    column_gaps,
    dropped,
    entities,
    is_box,
    links,
    pipes,
    semicolon_cells,
    semicolon_sheet,
)
from pipelines.reports.segments import CELL, segments

_TAG = re.compile(r"</?[a-zA-Z][^<>\n]{0,40}>|<!--.{0,200}?-->")
_DROP = {"*", "\u00ad", "\r", "\\", "\u200b", "\ufeff"}
_EMPHASIS_LINE = re.compile(r"^\s*(?:<p[^>]*>\s*)?(\*{1,3}|_{1,2}|<(b|i|strong|em)>)(?P<body>.+?)"
                            r"(\*{1,3}|_{1,2}|</(b|i|strong|em)>)\s*:?\s*(?:</p>)?\s*$")
_HEADING = re.compile(r"^\s*(#{1,6})\s+")
@cache
def _form_prefix() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in lx.FORM_PREFIXES)
    return re.compile(rf"^\s*(?:{words})\s*:\s*", re.IGNORECASE)


_HTML_HEADING = re.compile(r"^\s*<h([1-6])[^>]*>", re.IGNORECASE)


def _paragraph_row(raw: str) -> bool:
    """A table row of paragraph cells: inside `<tr>`, or a line of `<p>` cells one of which
    is a bare number ('<p>Nya under året</p><p>10</p><p>7</p>'), or three or more short ones."""
    start = raw.lstrip()[:3].lower()
    cells = CELL.findall(raw)
    return start == "<tr" or start == "<p>" and (bool(
        re.search(r"<p[^>]*>\s*\d[\d\s,.%]*</p>", raw, re.IGNORECASE)) or len(cells) >= 3
        and all(len(cell.split()) <= 4 for cell in cells))  # its header


@dataclass(frozen=True)
class Line:
    """One line of working text: where it is and how it was marked up in the original."""

    start: int
    end: int
    text: str
    heading_level: int
    emphasized: bool

    @property
    def is_heading_like(self) -> bool:
        return self.heading_level > 0 or self.emphasized


def nonblank(lines: list[Line]) -> list[tuple[int, Line]]:
    """(index, line) of the lines that hold text."""
    return [(i, line) for i, line in enumerate(lines) if line.text.strip()]


@dataclass
class Document:
    """A report as working text with its offset map and lines."""

    source: str
    original: str
    text: str = ""
    offsets: list[int] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a working-text span to the original text."""
        if end <= start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1

    def quote(self, start: int, end: int) -> str:
        first, last = self.original_span(start, end)
        return self.original[first:last]


def _normalise_line(raw: str, base: int, sheet: bool = False) -> tuple[list[str], list[int]]:
    chars: list[str] = []
    offsets: list[int] = []
    i = 0
    if RULE_LINE.match(raw) and not raw.strip().startswith("#") or PIPE_RULE.match(raw):
        return chars, offsets
    gaps, cells, skipped, chars_of = column_gaps(raw), pipes(raw), links(raw), entities(raw)
    cells.update(bullet_tabs(raw))
    if sheet:  # a `;`-separated spreadsheet saved as text: its semicolons separate cells
        cells.update(semicolon_cells(raw))
    skipped.update(dropped(raw))
    paragraph_row = "</p>" in raw.lower() and _paragraph_row(raw)
    heading = _HEADING.match(raw)
    if heading:
        i = heading.end()
    elif prefix := _form_prefix().match(raw):
        i = prefix.end()  # "Svar: Vägen In" is the answer "Vägen In"
    while i < len(raw):
        if i in chars_of:
            end, text = chars_of[i]
            chars.extend(text)
            offsets.extend([base + i] * len(text))
            i = end
            continue
        if i in skipped:
            i = skipped[i]
            continue
        if i in cells:
            if cells[i]:
                chars.append(cells[i])
                offsets.append(base + i)
            i += 1
            continue
        if i in gaps:
            chars.append("\t")
            offsets.append(base + i)
            i = gaps[i]
            continue
        tag = _TAG.match(raw, i)
        if tag:
            # Table cells become tab-separated; a closing paragraph keeps words apart.
            name = tag.group().lower()
            if name.startswith(("</td", "</th")):
                chars.append("\t")
                offsets.append(base + i)
            elif name.startswith("</p") or name.startswith("<br"):
                # paragraphs side by side in a table row are its cells: "<tr><p>A</p><p>1</p>"
                chars.append("\t" if paragraph_row and re.match(
                    r"\s*<p\b", raw[tag.end():], re.IGNORECASE) else " ")  # no tab between
                offsets.append(base + i)
            i = tag.end()
            continue
        ch = raw[i]
        if ch in _DROP:
            i += 1
            continue
        if ch == "\n":  # between the cells of a row that stood one per line
            if chars and chars[-1] != "\t":
                chars.append("\t")
                offsets.append(base + i)
            i += 1
            continue
        chars.append(" " if is_box(ch) else str(unicodedata.digit(ch)) if ch.isdecimal()
                     and not ch.isascii() else SPACES.get(ch, ch))  # "٣" reads as "3"
        offsets.append(base + i)
        i += 1
    return chars, offsets


def _level(heading: re.Match[str] | None) -> int:
    """The heading level of a Markdown (`## `) or HTML (`<h2>`) heading line, else 0."""
    if heading is None:
        return 0
    return int(heading.group(1)) if heading.group(1).isdigit() else len(heading.group(1))


_WRAPPED_MIN = 50  # a line this long that stops mid-sentence was wrapped


def _continues(previous: Line, line_chars: list[str], marked: bool) -> bool:
    """Whether a line goes on with the sentence the previous line left unfinished."""
    text = previous.text
    return (len(text) >= _WRAPPED_MIN and not marked and not previous.is_heading_like
            and "\t" not in text and (text[-1:].isalnum() or text.endswith(","))
            and bool(line_chars) and (line_chars[0].islower() or line_chars[0].isdigit() and (
                text.rsplit(" ", 1)[-1].lower() in lx.UNFINISHED_WORDS))
            and "\t" not in line_chars)


_HEADER_TAIL = re.compile(r"^ {10,}(?P<word>[^\s\d]+(?: [^\s\d]+)?)\s*$")


def _header_tail(previous: Line | None, raw: str) -> bool:
    """A deeply indented word or two under a table row: the end of its last header cell,
    wrapped in the PDF ('Arbete/' over 'studier')."""
    return previous is not None and "\t" in previous.text and \
        _HEADER_TAIL.match(raw) is not None and not previous.text.rstrip()[-1:].isdigit()


def normalise(source: str, original: str) -> Document:
    """Working text, offsets and lines for `original`."""
    doc = Document(source=source, original=original)
    sheet = semicolon_sheet(original)
    chars: list[str] = []
    offsets: list[int] = []
    lines: list[Line] = []
    for base, raw in segments(original):
        tail = False
        line_chars, line_offsets = _normalise_line(raw, base, sheet)
        while line_chars and line_chars[-1] == " ":  # a closing </p> or trailing spaces
            line_chars.pop()
            line_offsets.pop()
        heading = _HEADING.match(raw) or _HTML_HEADING.match(raw)
        emphasized = bool(_EMPHASIS_LINE.match(raw)) or (
            raw.strip().startswith("<i>") and raw.strip().split("\t")[0].endswith("</i>"))
        # A word hyphenated across lines continues on this line.
        if (chars and len(chars) >= 2 and chars[-1] == "-" and chars[-2].isalpha()
                and line_chars and line_chars[0].islower()):
            chars.pop()
            offsets.pop()
            joined_start = lines.pop()
            start = joined_start.start
            level, emph = joined_start.heading_level, joined_start.emphasized
        elif lines and (_continues(lines[-1], line_chars, heading is not None or emphasized)
                        or (tail := _header_tail(lines[-1], raw))):
            # A sentence wrapped onto the next line (PDF text) is one line.
            if tail:  # 'Arbete/' + 'studier' is one cell
                while line_chars and line_chars[0] in " \t":
                    line_chars.pop(0)
                    line_offsets.pop(0)
            if not (tail and chars[-1:] in (["/"], ["-"])):
                chars.append(" ")
                offsets.append(base - 1)
            joined_start = lines.pop()
            start = joined_start.start
            level, emph = joined_start.heading_level, joined_start.emphasized
        else:
            if chars:
                chars.append("\n")
                offsets.append(base - 1)
            start = len(chars)
            level = _level(heading)
            emph = emphasized
        chars.extend(line_chars)
        offsets.extend(line_offsets)
        lines.append(Line(start, len(chars), "".join(chars[start:]), level, emph))
    offsets.append(len(original))
    doc.text = "".join(chars)
    doc.offsets = offsets
    doc.lines = lines
    return doc
