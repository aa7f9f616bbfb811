"""Find the period a report, a section or a sentence refers to."""

from __future__ import annotations

import calendar
import re
from datetime import date
from functools import cache

from pipelines.reports import lexicon as lx

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "mars": 3, "mar": 3, "april": 4, "apr": 4,
    "maj": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augusti": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
Period = tuple[date, date]

_MONTH = r"(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_MONTH_RANGE = re.compile(
    rf"(?:\b(\d{{1,2}})\s+)?\b{_MONTH}\s*(?:[-–—]|till och med|t\.?\s?o\.?\s?m\.?|till)\s*"
    rf"(?:(\d{{1,2}})\s+)?{_MONTH}\s*,?\s*((?:19|20)\d\d)\b",
    re.IGNORECASE)
# "1 mars 2021 – 31 december 2023": two whole dates written out.
_DATE_RANGE = re.compile(
    rf"\b(\d{{1,2}})\s+{_MONTH}\s+((?:19|20)\d\d)\s*(?:[-–—]|till och med|t\.?\s?o\.?\s?m\.?|till)"
    rf"\s*(?:den\s+)?(\d{{1,2}})\s+{_MONTH}\s+((?:19|20)\d\d)\b", re.IGNORECASE)
# "2021 (mars–dec)": a year, then the months of it.
_YEAR_MONTHS = re.compile(rf"\b((?:19|20)\d\d)\s*\(?\s*{_MONTH}\s*[-–—]\s*{_MONTH}",
                          re.IGNORECASE)
_DAY_MONTH_YEAR = rf"(\d{{1,2}})\s+{_MONTH}\s+((?:19|20)\d\d)"
_ISO = r"((?:19|20)\d\d-\d\d-\d\d)"
# "startade den 1 september 2019", "Den startade 2023-03-01", "startade i januari 2021".
_STARTED = re.compile(
    rf"\b(?:startade|startat|började|påbörjades|inleddes|drog igång|kom igång|med start|"
    rf"projektstart(?:en)?|startdatum:?)\s+(?:den\s+|i\s+)?"
    rf"(?:{_ISO}|{_DAY_MONTH_YEAR}|{_MONTH}\s+((?:19|20)\d\d))", re.IGNORECASE)
_COMPACT_RANGE = re.compile(r"(?<!\d)(\d{6}|\d{8})\s*[-–—]\s*(\d{6}|\d{8})(?!\d)")
_ISO_RANGE = re.compile(
    r"(?<!\d)((?:19|20)\d\d-\d\d-\d\d)\s*(?:[-–—]+|till(?: och med)?|t\.?\s?o\.?\s?m\.?)\s*:?\s*"
    r"((?:19|20)\d\d-\d\d-\d\d)", re.IGNORECASE)
_START_END = re.compile(
    r"Startdatum:?\s*((?:19|20)\d\d-\d\d-\d\d).{0,200}?Slutdatum:?\s*((?:19|20)\d\d-\d\d-\d\d)",
    re.IGNORECASE | re.DOTALL)
# "Q3 2024", "Kvartalsrapport 3 2024", "kv. 3/2024", "Tertialuppföljning 2 – 2024", "tredje
# kvartalet 2024"; the same for
# tertials and halves of the year.
_PART = {"kvartal": 3, "kv": 3, "q": 3, "tertial": 4, "t": 4, "halvår": 6, "h": 6}
_PART_OF_YEAR = re.compile(
    r"\b(kvartal|kv|q|tertial|t|halvår|h)"
    r"(?:s?(?:rapport(?:ering)?|uppföljning|redovisning|bokslut))?\.?\s*(?:nr\.?\s*)?([1-4])"
    r"\s*(?:[,/–-]\s*|\s+år\s+)?((?:19|20)\d\d)\b", re.IGNORECASE)
_ORDINAL_PART = re.compile(
    rf"\b({'|'.join(lx.ORDINALS)})\s+(kvartal|tertial|halvår)(?:et)?\s+(?:år\s+)?((?:19|20)\d\d)\b",
    re.IGNORECASE)


def _part_of_year(text: str) -> Period | None:
    if m := _PART_OF_YEAR.search(text):
        months, number, year = _PART[m.group(1).lower()], int(m.group(2)), int(m.group(3))
    elif m := _ORDINAL_PART.search(text):
        months, number = _PART[m.group(2).lower()], lx.ORDINALS[m.group(1).lower()]
        year = int(m.group(3))
    else:
        return None
    if number * months > 12:
        return None
    return date(year, months * (number - 1) + 1, 1), _month_end(year, months * number)
# a year, not a report number ("Rapport 2024:3", "SFS 2003:1210")
_YEAR = re.compile(r"(?<![\d-])((?:19|20)\d\d)(?![\d-]|:\d)")


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _compact(text: str) -> date | None:
    try:
        if len(text) == 6:
            return date(2000 + int(text[:2]), int(text[2:4]), int(text[4:]))
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        return None


def explicit_period(text: str) -> Period | None:
    """A period written out in `text`: month ranges, date ranges, quarters."""
    if m := _START_END.search(text):
        return date.fromisoformat(m.group(1)), date.fromisoformat(m.group(2))
    if m := _DATE_RANGE.search(text):
        try:
            first = date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
            last = date(int(m.group(6)), MONTHS[m.group(5).lower()], int(m.group(4)))
        except ValueError:
            first = last = None
        if first and last and first <= last:
            return first, last
    if m := _MONTH_RANGE.search(text):
        year = int(m.group(5))
        first, last = MONTHS[m.group(2).lower()], MONTHS[m.group(4).lower()]
        if first <= last:
            start, end = date(year, first, 1), _month_end(year, last)
            try:
                start = start.replace(day=int(m.group(1))) if m.group(1) else start
                end = end.replace(day=int(m.group(3))) if m.group(3) else end
            except ValueError:
                pass
            return start, end
    if m := _YEAR_MONTHS.search(text):
        year, first, last = int(m.group(1)), MONTHS[m.group(2).lower()], MONTHS[m.group(3).lower()]
        if first <= last:
            return date(year, first, 1), _month_end(year, last)
    if m := _ISO_RANGE.search(text):
        first, last = date.fromisoformat(m.group(1)), date.fromisoformat(m.group(2))
        if first <= last:
            return first, last
    if m := _COMPACT_RANGE.search(text):
        first, last = _compact(m.group(1)), _compact(m.group(2))
        if first and last and first <= last:
            return first, last
    return _part_of_year(text)


_LEADING_ISO = re.compile(rf"\s*{_ISO}\b")


def leading_date(text: str) -> date | None:
    """The ISO date a field's value opens with: '2023-02-01', '2024-01-01 (beslut)'."""
    m = _LEADING_ISO.match(text)
    return _written_date(m, 1) if m else None


def _written_date(m: re.Match[str], at: int) -> date | None:
    """The date in groups `at` (an ISO date) or `at`+1..`at`+3 (day, month name, year)."""
    try:
        if m.group(at):
            return date.fromisoformat(m.group(at))
        return date(int(m.group(at + 3)), MONTHS[m.group(at + 2).lower()], int(m.group(at + 1)))
    except ValueError:
        return None


def started_on(text: str) -> date | None:
    """The day an insats started, from 'startade den 1 september 2019' and the like."""
    m = _STARTED.search(text)
    if not m:
        return None
    if m.group(1) or m.group(2):
        return _written_date(m, 1)
    try:
        return date(int(m.group(6)), MONTHS[m.group(5).lower()], 1)
    except ValueError:
        return None


@cache
def _titled() -> re.Pattern[str]:
    kinds = "|".join(sorted(lx.REPORT_KINDS, key=len, reverse=True))
    return re.compile(rf"\b\w*(?:{kinds})\w*(?:\s+[^\s\d]+){{0,3}}?\s+(?:för\s+)?(?:år\s+)?"
                      r"((?:19|20)\d\d)(?![\d-]|:\d)", re.IGNORECASE)


def titled_year(text: str) -> Period | None:
    """The year a title gives beside the kind of report: 'Verksamhetsberättelse 2023'."""
    if m := _titled().search(text):
        year = int(m.group(1))
        return date(year, 1, 1), date(year, 12, 31)
    return None


_HALF = re.compile(r"\b(första|andra)\s+halvåret\b|\bh([12])\b|\bhalvår\s*([12])\b",
                   re.IGNORECASE)
_TERTIAL = re.compile(r"\b(?:t|tertial\s*)([1-3])\b", re.IGNORECASE)
_SO_FAR = re.compile(r"\back(?:umulerat)?\b|\bhittills\b|\btotalt i år\b", re.IGNORECASE)
_BARE_QUARTER = re.compile(r"\b(?:(?:kv(?:artal)?\.?|q)\s*|k(?=[1-4]\b))([1-4])\b", re.IGNORECASE)
_BARE_MONTHS = re.compile(rf"\b{_MONTH}\s*[-–—]\s*{_MONTH}(?!\s*,?\s*(?:19|20)\d\d)",
                          re.IGNORECASE)


def within_year(text: str, year: int) -> Period | None:
    """A part of `year` named without the year: 'första halvåret', 'Kv 2', 'jan–mar'."""
    if m := _HALF.search(text):
        first = (m.group(1) or "").lower() == "första" or "1" in (m.group(2), m.group(3))
        return (date(year, 1, 1), date(year, 6, 30)) if first \
            else (date(year, 7, 1), date(year, 12, 31))
    if m := _TERTIAL.search(text):
        tertial = int(m.group(1))
        return date(year, 4 * tertial - 3, 1), _month_end(year, 4 * tertial)
    if m := _BARE_QUARTER.search(text):
        quarter = int(m.group(1))
        return date(year, 3 * quarter - 2, 1), _month_end(year, 3 * quarter)
    if m := _BARE_MONTHS.search(text):
        first, last = MONTHS[m.group(1).lower()], MONTHS[m.group(2).lower()]
        if first <= last:
            return date(year, first, 1), _month_end(year, last)
    return None


# "under 2023", "under helåret 2023", "för år 2022", "hösten 2021": the year a sentence names
# for its figure (a season stands for its year, which the insats' start may cut).
_NAMED_YEAR = re.compile(r"(?<!sedan )(?<!från )\b(?:under|för|helåret|hela|hösten|våren)\s+"
                         r"(?:hela\s+)?"
                         r"(?:(?:hel)?året\s+|år\s+|hösten\s+|våren\s+)?"
                         r"((?:19|20)\d\d)(?![\d-]|:\d)", re.IGNORECASE)


def named_year(text: str) -> Period | None:
    """The one whole year `text` names as the time of its figures ('under helåret 2023')."""
    years = {int(y) for y in _NAMED_YEAR.findall(text)}
    if len(years) == 1:
        year = years.pop()
        return date(year, 1, 1), date(year, 12, 31)
    return None


_AS_OF = re.compile(rf"\bper\s+(?:den\s+)?(?:{_ISO}|{_DAY_MONTH_YEAR})", re.IGNORECASE)


def as_of(text: str) -> Period | None:
    """'Lägesrapport per den 30 september 2024': the year up to the day named."""
    if not (m := _AS_OF.search(text)) or not (day := _written_date(m, 1)):
        return None
    return date(day.year, 1, 1), day


def is_year_to_date(text: str) -> bool:
    """'Ack.', 'Hittills i år', 'Totalt i år': from the start of the year to the period end."""
    return bool(_SO_FAR.search(text))


def year_period(text: str) -> Period | None:
    """A whole calendar year named alone, e.g. a title '2022'."""
    years = {int(y) for y in _YEAR.findall(text)}
    if len(years) == 1:
        year = years.pop()
        return date(year, 1, 1), date(year, 12, 31)
    return None


def clip(period: Period, within: Period | None) -> Period:
    """`period` cut to end no later than `within` (a report cannot state the future)."""
    if within is None or period[1] <= within[1]:
        return period
    return period[0], max(period[0], within[1])
