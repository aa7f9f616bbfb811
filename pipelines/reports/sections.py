"""Split a report into insats sections and find each section's period.

Names come from the report itself: a table of contents, a list of names on the
cover, "Insatsens namn: …" fields, or headings followed by the usual form fields
("Period", "Syfte", …). Nothing here knows any förbund or insats.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from pipelines.reports.fields import (
    kind_title_insats,
    label_of,
    name_fields,
    title_insats,
)
from pipelines.reports.folding import fold
from pipelines.reports.forbund import forbund_name
from pipelines.reports.headings import (
    chapter_insatser,
    heading_sections,
    is_insats_name,
    is_standalone,
    mentions,
    without_numbering,
)
from pipelines.reports.listings import bullet_names, cover_names, toc_names
from pipelines.reports.periods import (
    MONTHS,
    Period,
    clip,
    explicit_period,
    titled_year,
    year_period,
)
from pipelines.reports.report_periods import document_period, insats_lifetime
from pipelines.reports.tables import table_insats_names
from pipelines.reports.text import Document, Line

_FORM_FIELDS = ("period", "projektperiod", "samverkande parter", "projektägare", "syfte",
                "bakgrund", "målgrupp", "insatsperiod", "projektägare/ansvarig part")
_BOILERPLATE = {"uppföljning", "verksamhetsrapport", "rapport", "delårsrapport", "årsrapport",
                "slutrapport", "kvartalsrapport", "insatsen", "insats", "projektet", "och", "till",
                "med", "för", "av", "i", "år", "om"} | set(MONTHS)
# "Samordningsförbundet" in any case, then capitalised name words joined by spaces, commas,
# "och", "i" or a slash: "Samordningsförbundet för en dialog …" names no förbund.

_FOLDED_BOILERPLATE = frozenset(fold(b) for b in _BOILERPLATE)


def _words(text: str) -> list[str]:
    return [w for w in fold(text).split() if w not in _FOLDED_BOILERPLATE and not w.isdigit()]


@dataclass
class Section:
    name: str
    start: int
    end: int
    period: Period | None
    lifetime: Period | None
    heading: str



def _same_word(a: str, b: str) -> bool:
    """Equal, or the same word with a short ending (Vindar/Vindars)."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 5 and long_.startswith(short) and len(long_) - len(short) <= 2


def _similar(a: str, b: str) -> bool:
    """Two spellings of one name (ratio ≥ 0.85); the cheap upper bounds rule most pairs out."""
    matcher = difflib.SequenceMatcher(None, a, b)
    return matcher.real_quick_ratio() >= 0.85 and matcher.quick_ratio() >= 0.85 and \
        matcher.ratio() >= 0.85


def _match_name(text: str, names: list[str], used: set[str], strict: bool) -> str | None:
    """The listed name a heading line refers to, preferring names not yet used.

    `strict` (for plain standalone lines) allows at most one word beyond the name.
    """
    folded, words = fold(text), _words(text)
    if not words:
        return None
    scored: list[tuple[float, int, str]] = []
    for order, name in enumerate(names):
        nwords = _words(name)
        if not nwords:
            continue
        shared = sum(any(_same_word(w, n) for n in nwords) for w in words)
        extra = len(words) - shared
        if fold(name) == folded or (shared == len(words) == len(nwords)):
            score = 3.0
        elif all(any(_same_word(w, n) for w in words) for n in nwords):
            score = 2.0 + len(nwords) / 100  # the whole name stands in the line
        elif shared == len(words) and (shared >= 2 or not strict):
            score = 1.5  # the line is part of the name
        elif _similar(" ".join(words), " ".join(nwords)):
            score = 1.8
        else:
            continue
        if strict and extra > 1:
            continue
        scored.append((score - (0.5 if name in used else 0), -order, name))
    if not scored:
        return None
    return max(scored)[2]


def _clean_heading(heading: str) -> str:
    """A heading without leading/trailing report words, months, years and quotes."""
    words = re.sub(r"[\"“”'*]", "", heading).split()

    def noise(word: str) -> bool:
        return (fold(word) in _FOLDED_BOILERPLATE or not fold(word)
                or bool(re.fullmatch(r"[\d\-–—.:]+", word)))

    while words and noise(words[0]):
        words.pop(0)
    while words and noise(words[-1]):
        words.pop()
    return " ".join(words).strip(" -–:")


def _section_name(heading: str, listed: str | None) -> str:
    """The heading as written when it is the name; the listed name when the heading is vaguer."""
    cleaned = _clean_heading(heading)
    if listed is None:
        return cleaned or heading.strip()
    similar = _similar(fold(cleaned), fold(listed))
    if fold(cleaned) and (fold(cleaned) == fold(listed) or similar):
        return cleaned
    return listed


def _heading_candidates(doc: Document, first_line: int,
                        names: frozenset[str] = frozenset()) -> list[int]:
    """Lines that may head a section: marked as headings, standing alone, or exactly a name
    the report lists elsewhere."""
    lines = doc.lines
    signature = re.compile(r"(\d{6,8}|\d{4}[- ]\d\d[- ]\d\d)\s*$")
    return [i for i in range(first_line, len(lines))
            if lines[i].text.strip() and not signature.search(lines[i].text)
            and (lines[i].is_heading_like or is_standalone(lines, i)
                 or fold(lines[i].text) in names or _opens_with_name(lines[i].text, names))]


def _opens_with_name(text: str, names: frozenset[str]) -> bool:
    """A short title line that opens with a listed name: 'IPS Älvkusten – resultat 2024'."""
    text = text.strip()
    if len(text.split()) > 10 or text.endswith((".", ",", ";")) or "\t" in text:
        return False
    folded = fold(re.split(r"\s[–-]\s|:", text)[0])
    return folded in names


def _follows_heading(lines: list[Line], i: int) -> bool:
    """A short line that continues a heading a few lines up ('## Uppföljning' / '2019 Namn')."""
    for j in range(i - 1, max(-1, i - 6), -1):
        if not lines[j].text.strip():
            continue
        if lines[j].heading_level:
            return True
        if len(lines[j].text.split()) > 4:
            return False
    return False


def _listed_sections(doc: Document, names: list[str], after: int) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    used: set[str] = set()
    for i in _heading_candidates(doc, after, frozenset(fold(n) for n in names)):
        line = doc.lines[i]
        name = _match_name(line.text, names, used,
                           strict=not (line.is_heading_like or _follows_heading(doc.lines, i)))
        if name is None or (found and found[-1][1] == name and i - found[-1][0] < 8):
            continue
        found.append((i, name))
        used.add(name)
    return found


def _form_sections(doc: Document) -> list[tuple[int, str]]:
    """Headings followed closely by the usual insats form fields."""
    lines = doc.lines
    found = []
    fields = {fold(f) for f in _FORM_FIELDS}
    for i in _heading_candidates(doc, 0):
        if fold(lines[i].text) in fields or not is_insats_name(lines[i].text):
            continue
        following = [label_of(line.text) for line in lines[i + 1:i + 8]
                     if line.text.strip()][:3]
        if following and following[0] in fields:
            found.append((i, without_numbering(lines[i].text.strip())[1].strip(" :*")))
    return found


def _insats_names(listed: tuple[list[str], int], forbund: str) -> tuple[list[str], int]:
    """The names of a listing that can be insatser; none when fewer than two are left."""
    names = [name for name in listed[0] if is_insats_name(name, forbund)]
    return (names, listed[1]) if len(names) >= 2 else ([], 0)


def _found_again(doc: Document, names: list[str], after: int) -> list[tuple[int, str]]:
    """The sections of a listing's names found again as headings; none when fewer than two
    (or than the listing holds) are found: then it lists something else."""
    starts = _listed_sections(doc, names, after) if names else []
    return starts if starts and len({n for _, n in starts}) >= min(2, len(names)) else []


def _fields_or_headings(doc: Document, forbund: str) -> list[tuple[int, str]]:
    """The insatser of name fields; when headings name more insatser, among them those of the
    fields (a form for one insats inside a report on several), the headings."""
    fields = name_fields(doc.lines)
    if not fields:
        return []
    headed = heading_sections(doc.lines, forbund)
    names = {fold(name) for _, name in headed}
    own = {fold(name) for _, name in fields}
    others = [name for _, name in headed if fold(name) not in own]
    if len(headed) > len(fields) and own <= names and all(
            mentions(name, doc.text) >= 2 for name in others):  # insatser the text names
        return headed
    return fields


def find_sections(doc: Document) -> list[Section]:
    """Insats sections in reading order; a report without any is one section."""
    doc_period = document_period(doc)
    forbund = forbund_name(doc) or ""
    # A form names its insats in a field ("Projektets namn: Steg in"), a report about one insats
    # in its title ("Slutrapport Brobyggarna 2021–2023"); either outranks a list of chapters.
    def keep(name: str) -> bool:
        return is_insats_name(name, forbund)

    titled_kind = kind_title_insats(doc.lines, keep)
    single: list[tuple[int, str]] = _fields_or_headings(doc, forbund) or (
        [(0, titled_kind[1])] if titled_kind else [])  # the whole report is about it
    starts, listed = single, {}
    # A listing of the insatser: a table of contents, a cover list or an agenda; the first
    # whose names are found again as headings.
    listings = (lambda: _insats_names(toc_names(doc.lines), forbund),
                lambda: cover_names(doc.lines, keep), lambda: bullet_names(doc.lines, keep))
    for listing in listings if not starts else ():
        if starts := _found_again(doc, *listing()):
            listed = dict(starts)
            break
    if not starts:
        titled = title_insats(doc.lines)
        starts = ([titled] if titled else []) or _form_sections(doc) or heading_sections(
            doc.lines, forbund)
    if starts and not single:
        # "5. Insatser för unga vuxna" with "5.1 Ungdomsguiden" under it
        starts = sorted([*starts, *chapter_insatser(doc.lines, {i for i, _ in starts}, forbund)])
    if not starts:  # the rows of a table with one row per insats, found again as headings
        starts = _found_again(doc, *_insats_names((table_insats_names(doc.lines), 0), forbund))
        listed = dict(starts)
    if not starts:
        title = next((line.text.strip() for line in doc.lines if line.text.strip()), doc.source)
        starts = [(0, title)]
    sections: list[Section] = []
    for n, (i, name) in enumerate(starts):
        last = starts[n + 1][0] if n + 1 < len(starts) else len(doc.lines)
        previous_end = starts[n - 1][0] + 1 if n else 0
        # Short lines just above the heading ("Period: 2024-01-01 – 2024-06-30"), not the
        # previous section's closing paragraph.
        window = "\n".join(line.text for line in doc.lines[max(previous_end, i - 4):i + 1]
                           if len(line.text.strip()) <= 80)
        heading = doc.lines[i].text.strip()
        lifetime = insats_lifetime(doc, i, last)
        period = explicit_period(heading) or titled_year(heading) or (
            year_period(heading) if re.search(r"\D\s(19|20)\d\d$", heading) else None
        ) or explicit_period(window)
        if period:
            period = clip(period, doc_period)
        elif doc_period and lifetime and lifetime[0] < lifetime[1] and \
                doc_period[0] < lifetime[1] and \
                (doc_period[1] - lifetime[1]).days > 31:
            period = doc_period[0], lifetime[1]  # the insats ended within the report's period
        else:
            period = doc_period or lifetime
        sections.append(Section(
            name=_section_name(heading, listed.get(i)) if i in listed else name,
            start=doc.lines[i].start,
            end=doc.lines[last - 1].end if last > i else doc.lines[i].end,
            period=period,
            lifetime=lifetime,
            heading=heading,
        ))
    return sections
