"""The period one figure refers to, from the nearest words that name one."""

from __future__ import annotations

import re
from datetime import date, timedelta

from pipelines.reports.comparisons import PREVIOUS_YEAR
from pipelines.reports.figures import Figure
from pipelines.reports.periods import (
    Period,
    clip,
    explicit_period,
    is_year_to_date,
    named_year,
    within_year,
    year_period,
)
from pipelines.reports.sections import Section
from pipelines.reports.text import Document

_CUMULATIVE = re.compile(r"totalt enligt sus|sedan (upp)?start|sedan projektstart|hittills .{0,40}"
                         r"(genomförandefas|projekt)|sedan insatsen start|under projektt?iden"
                         r"|under projektperioden|under hela projektet|hela perioden"
                         r"|hela projekt", re.IGNORECASE)
# "År 2", "Projektår 3": the n-th year from the project's start.
_PROJECT_YEAR = re.compile(r"(?:projekt)?år\s*([1-9])", re.IGNORECASE)
# Figures set ahead for a period that may outlast the report's: budgeted places, goals.
_AHEAD = ("places", "goal_work_or_studies_pct")
# The year a goal or a budget is set for, named just before its figure.
_AHEAD_YEAR = re.compile(r"\b(?:mål\w*|budget\w*|plan\w*|platser)\b[^.\d]{0,20}?\b((?:19|20)\d\d)\b"
                         r"[^\d]{0,25}$", re.IGNORECASE)
_CUT = re.compile(r"[,;]\s")
_COUNT = re.compile(r"(?<![\d-])(?!(?:19|20)\d\d(?![\d-]))\d+(?:[,.]\d+)?")


# Prose that counts from the start of the year to the period's end.
_YEAR_SO_FAR = re.compile(r"hittills i år|hittills under (?:året|(?:19|20)\d\d)|sedan årets "
                          r"(?:början|start)|under årets (?:första|hittillsvarande)", re.IGNORECASE)
_WHOLE_YEAR = re.compile(r"hel(år|året)|hela året", re.IGNORECASE)


def _year_before(period: Period) -> Period:
    """The same part of the year before ('jan–jun 2025' → 'jan–jun 2024')."""
    def back(day: date) -> date:
        return day.replace(year=day.year - 1, day=min(day.day, 28) if day.month == 2 else day.day)
    return back(period[0]), back(period[1])


def _stretch(text: str, figure: Figure) -> tuple[int, int]:
    """Where the figure's clause runs between the counts before and after it: 'jämfört med
    41 deltagare under 2023' for 41, not for the 21 stated earlier in the same sentence."""
    start, end = figure.clause_start, figure.clause_end
    before = [m.end() for m in _COUNT.finditer(text, start, figure.start)]
    after = next(_COUNT.finditer(text, figure.end, end), None)
    return before[-1] if before else start, after.start() if after else end


def _own_segment(text: str, figure: Figure, stretch: tuple[int, int]) -> tuple[str, str]:
    """The figure's stretch cut at commas and semicolons, before and after the figure:
    ('under 2022 deltog ', ' personer')."""
    start, end = stretch
    cuts = [m.end() for m in _CUT.finditer(text, start, figure.start)]
    after = next(_CUT.finditer(text, figure.end, end), None)
    return (text[cuts[-1] if cuts else start:figure.start],
            text[figure.end:after.start() if after else end])


def _lead_in(text: str, line_start: int, reach: int = 12) -> str:
    """The line ending in ':' that introduces the list a line stands in ('Avsluten fördelar
    sig så här för hela projektperioden:'), when no blank line comes between."""
    end = line_start - 1
    for _ in range(reach):
        if end <= 0:
            return ""
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip()
        if not line:
            return ""
        if line.endswith(":"):
            return line + "\n"
        end = start - 1
    return ""


def _from_start(period: Period, section: Section) -> Period:
    """A year the insats started in, from its start: 2021 → 2021-09-01 – 2021-12-31."""
    if section.lifetime and period[0] < section.lifetime[0] <= period[1]:
        return section.lifetime[0], period[1]
    return period


def project_year(start: date, n: int, within: Period | None) -> Period:
    """The n-th year from `start`: 2021-03-01, 2 → 2022-03-01 – 2023-02-28."""
    def shifted(years: int) -> date:
        try:
            return start.replace(year=start.year + years)
        except ValueError:  # 29 February
            return start.replace(year=start.year + years, day=28)
    return clip((shifted(n - 1), shifted(n) - timedelta(days=1)), within)


def _years_long(period: Period | None) -> Period | None:
    """A period of more than a year (a project's whole life), whose years 'År 1', 'År 2' …
    count from its start."""
    return period if period and (period[1] - period[0]).days > 366 else None


def figure_period(doc: Document, doc_period: Period | None, section: Section,
                  figure: Figure) -> Period | None:
    """The period a figure refers to: its table column or row, its own words, its sentence,
    the lead-in of its list, or else its section's."""
    year = section.period[1].year if section.period else None
    if figure.period_text:  # a table column or row: "2022", "Sedan projektstart 2021"
        if section.lifetime and section.period and _CUMULATIVE.search(figure.period_text):
            return section.lifetime[0], section.period[1]
        if (span := section.lifetime or _years_long(section.period)) and (
                nth := _PROJECT_YEAR.fullmatch(figure.period_text.strip())):
            return project_year(span[0], int(nth.group(1)), section.period)
        if section.period and figure.period_text == PREVIOUS_YEAR:  # "(fg år 37)"
            return _year_before(section.period)
        if year and _WHOLE_YEAR.fullmatch(figure.period_text.strip()):
            return date(year, 1, 1), date(year, 12, 31)  # "Helår" beside the quarters
        if section.period and is_year_to_date(figure.period_text):
            return date(year, 1, 1), section.period[1]
        if re.search(r"sedan", figure.period_text, re.IGNORECASE) and section.period and \
                (start := year_period(figure.period_text)):
            return start[0], section.period[1]
        if column := explicit_period(figure.period_text) or year_period(figure.period_text) or (
                year and within_year(figure.period_text, year)):
            return clip(_from_start(column, section), doc_period)
    clause = doc.text[figure.clause_start:figure.clause_end]
    sentence_start = doc.text.rfind("\n", 0, figure.start) + 1
    sentence_end = doc.text.find("\n", figure.end)
    line = doc.text[sentence_start:sentence_end if sentence_end >= 0 else None]
    stretch = _stretch(doc.text, figure)
    before, after = _own_segment(doc.text, figure, stretch)
    if (stated := explicit_period(before) or named_year(before) or explicit_period(after)
            or named_year(after)) and stated != section.period:
        # "under 2022 deltog 51 personer, under 2023 deltog 58": each count its own year
        stated = _from_start(stated, section)
        return stated if figure.metric in _AHEAD else clip(stated, doc_period)
    if stated := explicit_period(clause) or explicit_period(line) or (
            year and (within_year(clause, year) or within_year(line, year))):
        # Places and goals are set ahead; any other figure cannot be stated for the future.
        return stated if figure.metric in _AHEAD else clip(stated, doc_period)
    own_start = max(doc.text.rfind(". ", sentence_start, figure.start) + 1, sentence_start)
    if figure.metric in _AHEAD and (ahead := _AHEAD_YEAR.search(doc.text[own_start:figure.start])):
        return year_period(ahead.group(1))  # "Mål 2024: 35 procent", "Platser (budget 2025): 20"
    if (named := named_year(doc.text[stretch[0]:stretch[1]])) and section.period and \
            named[1] < section.period[0]:
        return named  # an earlier year the sentence compares with
    if section.period and year and _YEAR_SO_FAR.search(doc.text[own_start:figure.clause_end]):
        return date(year, 1, 1), section.period[1]  # "Av de 14 som avslutats hittills i år …"
    # this paragraph up to the figure, and the lead-in of the list it stands in
    so_far = _lead_in(doc.text, sentence_start) + doc.text[sentence_start:figure.clause_end]
    if section.period and section.lifetime and _CUMULATIVE.search(so_far):
        if figure.metric == "places":  # places over the whole project
            return section.lifetime
        return section.lifetime[0], section.period[1]
    return section.period
