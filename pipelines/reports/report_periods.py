"""The periods a report states: its own (title, a report-period field) and an insats'
lifetime (a 'Projektperiod' field, a start date)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipelines.reports import lexicon as lx
from pipelines.reports.fields import field_value, label_of
from pipelines.reports.folding import fold
from pipelines.reports.periods import (
    Period,
    as_of,
    explicit_period,
    leading_date,
    started_on,
    titled_year,
    within_year,
    year_period,
)
from pipelines.reports.text import Document, Line, nonblank
from pipelines.reports.topics import without_numbering

_LIFETIME_FIELDS = ("period", "projektperiod", "insatsperiod", "projekttid", "insatstid")
_FINAL_REPORT = re.compile("|".join(lx.FINAL_REPORT_KINDS), re.IGNORECASE)


def insats_lifetime(doc: Document, first: int, last: int) -> Period | None:
    """When the insats ran: a 'Projektperiod' field, a start-date field or 'startade …'."""
    lines = doc.lines
    starts = {fold(f) for f in lx.START_FIELDS}
    for i in range(first, min(last, first + 40)):
        label = label_of(lines[i].text)
        if label in {fold(f) for f in _LIFETIME_FIELDS}:
            value = field_value(lines, i)
            if found := explicit_period(value):
                return found
        if fold(without_numbering(label)[1]) in starts and (
                day := leading_date(field_value(lines, i))):
            return day, day  # the end is not stated
    head = doc.text[lines[first].start:lines[min(last, first + 15) - 1].end]
    if m := re.search(r"\((\d{6}\s*[-–]\s*\d{6})\)", head):
        return explicit_period(m.group(1))
    if m := re.search(r"sedan\s+(\d{6}|(?:19|20)\d\d-\d\d-\d\d)", head, re.IGNORECASE):
        start = explicit_period(f"{m.group(1)}-{m.group(1)}")
        if start:
            return start[0], start[0]
    if started := started_on(head):
        return started, started  # the end is not stated
    return None


def document_period(doc: Document) -> Period | None:
    """The period in the title lines; an insats' own 'Period' field does not count. A web
    page saved as text opens with its menu and cookie notice: when the first lines name no
    period, the first lines after such chrome are read as the title."""
    shown = nonblank(doc.lines)
    found = _title_period(doc, shown[:12]) or _title_period(
        doc, [(i, line) for i, line in shown[:80] if not _chrome(line.text)][:12])
    whole_year = found is not None and (found[0].month, found[0].day, found[1].month,
                                        found[1].day) == (1, 1, 12, 31) and \
        found[0].year == found[1].year
    if found is None or whole_year:
        # "Utvärderingen omfattar … perioden 1 januari 2022 – 31 mars 2024" under a title
        # that names only the year it was written
        scope = _scope_period(" ".join(line.text for _, line in shown[:40]))
        if scope and (found is None or scope[1].year == found[1].year) and scope != found:
            return scope
    return found


_SCOPE = re.compile(r"\b(avser|omfattar|gäller|täcker|redovisar|beskriver)\b[^.]{0,80}?"
                    r"\b(perioden|tiden|tidsperioden)\b([^.]{0,60})", re.IGNORECASE)


def _scope_period(text: str) -> Period | None:
    """The period a report says it covers in a sentence of its opening."""
    for m in _SCOPE.finditer(text):
        if found := explicit_period(m.group(3)):
            return found
    return None


def _chrome(text: str) -> bool:
    """A menu item or a cookie notice: a few words without a figure, or a long paragraph."""
    words = text.split()
    return (len(words) <= 3 and not re.search(r"\d", text)) or len(text) > 150


def _title_period(doc: Document, shown: list[tuple[int, Line]]) -> Period | None:
    fields = {fold(f) for f in _LIFETIME_FIELDS}
    head, previous = [], ""
    final = _FINAL_REPORT.search(" ".join(x.text for _, x in shown[:4]))
    for i, line in shown:
        depth, rest = without_numbering(line.text.strip())
        if head and depth and (line.heading_level or rest.isupper()):
            break  # "# 1. Sammanfattning", "1. INLEDNING": the body begins
        label = label_of(line.text)
        # "Projektperiod 2022-09-01 – 2025-08-31" without a colon is a field too
        lifetime_line = (fold(line.text).split() or [""])[0] in fields - {"period"}
        if (label in fields or lifetime_line) and final and (found := explicit_period(
                field_value(doc.lines, i) if label in fields else line.text)):
            return found  # a final report covers the project's whole period
        if previous not in fields and label not in fields and "\t" not in line.text and \
                not lifetime_line and \
                not label.startswith(lx.NOT_PERIOD_FIELDS) and \
                not any(word in fold(line.text) for word in lx.COMPARISON_TITLE_WORDS):
            head.append(line.text)  # a table's header ("Kv 1 | Kv 2") is no title
        previous = label
    title = "\n".join(head)
    year = titled_year(title) or year_period(
        "\n".join(t for t in head if len(t) < 60 and "\t" not in t)) or (
        year_period(head[0]) if head else None)  # "Året som gick – 2023" above later dates
    # A part of the year the title names without repeating it: "Kvartalsrapport juli–september".
    return explicit_period(title) or _period_field(doc) or (
        year and within_year(title, year[0].year)) or as_of(
        "\n".join(t for t in head if len(t) <= 100)) or year  # a status "per 30 september 2024"


def _label(text: str) -> str:
    return fold(re.sub(r"\([^)]*\)", " ", without_numbering(
        re.split(r"[:：\t]", text, maxsplit=1)[0])[1]))


def _from_to_fields(lines: list[tuple[int, Line]], doc: Document) -> Period | None:
    """'2.1 Fr.o.m. | 2024-01-01' with '2.2 T.o.m. | 2024-08-31' a line or two below."""
    starts, ends = {fold(f) for f in lx.PERIOD_FROM_FIELDS}, {fold(f) for f in lx.PERIOD_TO_FIELDS}
    for n, (i, line) in enumerate(lines):
        if _label(line.text) not in starts:
            continue
        first = leading_date(field_value(doc.lines, i))
        for j, other in lines[n + 1:n + 4]:
            last = leading_date(field_value(doc.lines, j))
            if first and last and _label(other.text) in ends:
                return (first, last) if first <= last else None
    return None


def _period_field(doc: Document, head: int = 80) -> Period | None:
    """A form's report-period field: '3. Rapportperiod (ÅÅMMDD–ÅÅMMDD)' and its value, or a
    pair of from and to fields."""
    if found := _from_to_fields(nonblank(doc.lines)[:head], doc):
        return found
    for value in _report_period_values(doc, nonblank(doc.lines)[:head]):
        year = year_period(value)
        # "Halvår 1 (jan–jun)   År: 2024", "240401–240630"
        if found := explicit_period(value) or (year and within_year(value, year[0].year)):
            return found
    return None


def section_period_field(doc: Document, first: int, last: int) -> Period | None:
    """A report-period field among a section's first lines: a form per insats in one
    document, each with its own 'Rapporten avser perioden: 2023-03-01 – 2023-12-31'."""
    window = [(i, doc.lines[i]) for i in range(first, min(last, first + 15))]
    return next((found for value in _report_period_values(doc, window)
                 if (found := explicit_period(value))), None)


def _report_period_values(doc: Document, lines: list[tuple[int, Line]]) -> Iterator[str]:
    """The values of the report-period fields among `lines`, in order."""
    labels = tuple(fold(f) for f in lx.REPORT_PERIOD_FIELDS)
    for i, line in lines:
        if _label(line.text).startswith(labels):
            yield field_value(doc.lines, i)
