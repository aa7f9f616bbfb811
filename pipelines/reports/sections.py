"""Split a report into insats sections and find each section's period.

Names come from the report itself: a table of contents, a list of names on the
cover, "Insatsens namn: …" fields, or headings followed by the usual form fields
("Period", "Syfte", …). Nothing here knows any förbund or insats.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache

from pipelines.reports.periods import MONTHS, Period, clip, explicit_period, year_period
from pipelines.reports.text import Document, Line

_TOC_LINE = re.compile(r"^(?P<name>\S.{1,80}?)(?:\t+|\s{2,}|\.{3,}\s*)(?P<page>\d{1,3})\s*$")
_NAME_FIELD = re.compile(
    r"^\s*(?:\d+(?:\.\d+)*\.?\s*)?(?:insatsens namn|insatsnamn|namn på insatsen|namn på insats|"
    r"projektets namn|projektnamn|projekt|insats)\s*[:：]\s*(?P<name>\S.{1,80})$", re.IGNORECASE)
_FORM_FIELDS = ("period", "projektperiod", "samverkande parter", "projektägare", "syfte",
                "bakgrund", "målgrupp", "insatsperiod", "projektägare/ansvarig part")
_LIFETIME_FIELDS = ("period", "projektperiod", "insatsperiod", "projekttid", "insatstid")
_BOILERPLATE = {"uppföljning", "verksamhetsrapport", "rapport", "delårsrapport", "årsrapport",
                "slutrapport", "kvartalsrapport", "insatsen", "insats", "projektet", "och", "till",
                "med", "för", "av", "i", "år", "om"} | set(MONTHS)
_FORBUND = re.compile(
    r"(?:samordningsförbundet|finsamförbundet|finsam)[ \t]+((?:[A-ZÅÄÖ][\wåäöÅÄÖ-]+)"
    r"(?:(?:,[ \t]*|[ \t]+och[ \t]+|[ \t]+i[ \t]+|[ \t]+)[A-ZÅÄÖ][\wåäöÅÄÖ-]+)*)", re.IGNORECASE)


@cache
def fold(text: str) -> str:
    """Lower case, no accents, no punctuation, single spaces."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


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


def _nonblank(lines: list[Line]) -> list[tuple[int, Line]]:
    return [(i, line) for i, line in enumerate(lines) if line.text.strip()]


def toc_names(lines: list[Line]) -> tuple[list[str], int]:
    """Names in a table of contents (lines ending in page numbers) and the line after it."""
    best: list[tuple[int, str]] = []
    run: list[tuple[int, str]] = []
    for i, line in _nonblank(lines):
        m = _TOC_LINE.match(line.text.strip())
        if m and not m.group("name").strip().isdigit():
            run.append((i, m.group("name").strip(" .\t")))
            continue
        if len(run) > len(best):
            best = run
        run = []
    if len(run) > len(best):
        best = run
    if len(best) < 3:
        return [], 0
    return [name for _, name in best], best[-1][0] + 1


def cover_names(lines: list[Line]) -> tuple[list[str], int]:
    """A run of short emphasised lines near the start, as on a cover listing the insatser."""
    run: list[tuple[int, str]] = []
    for i, line in _nonblank(lines)[:40]:
        text = line.text.strip()
        if line.emphasized and line.heading_level == 0 and len(text.split()) <= 8 \
                and "http" not in text and "www" not in text:
            run.append((i, text))
        elif run and len(run) >= 3:
            break
        else:
            run = []
    if len(run) < 3:
        return [], 0
    return [t for _, t in run], run[-1][0] + 1


def _is_standalone(lines: list[Line], i: int) -> bool:
    text = lines[i].text.strip()
    if (not text or len(text.split()) > 9 or text.endswith((".", ",", ";", ")"))
            or "\t" in text or re.search(r"\d\s*$", text) or re.match(r"^[-–•\d]", text)
            and not re.match(r"^(19|20)\d\d\s+\D", text)):
        return False
    before = i == 0 or not lines[i - 1].text.strip()
    after = i + 1 >= len(lines) or not lines[i + 1].text.strip()
    return before and after


def _same_word(a: str, b: str) -> bool:
    """Equal, or the same word with a short ending (Vindar/Vindars)."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 5 and long_.startswith(short) and len(long_) - len(short) <= 2


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
        elif difflib.SequenceMatcher(None, " ".join(words), " ".join(nwords)).ratio() >= 0.85:
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
    similar = difflib.SequenceMatcher(None, fold(cleaned), fold(listed)).ratio() >= 0.85
    if fold(cleaned) and (fold(cleaned) == fold(listed) or similar):
        return cleaned
    return listed


def _field_value(lines: list[Line], i: int) -> str:
    """The value of a form field: after its colon, or the next non-blank line."""
    text = lines[i].text
    if ":" in text and text.split(":", 1)[1].strip():
        return text.split(":", 1)[1].strip()
    for line in lines[i + 1:i + 4]:
        if line.text.strip():
            return line.text.strip()
    return ""


def _lifetime(doc: Document, first: int, last: int) -> Period | None:
    lines = doc.lines
    for i in range(first, min(last, first + 40)):
        label = fold(lines[i].text.split(":")[0])
        if label in {fold(f) for f in _LIFETIME_FIELDS}:
            value = _field_value(lines, i)
            if found := explicit_period(value):
                return found
    head = doc.text[lines[first].start:lines[min(last, first + 15) - 1].end]
    if m := re.search(r"\((\d{6}\s*[-–]\s*\d{6})\)", head):
        return explicit_period(m.group(1))
    if m := re.search(r"sedan\s+(\d{6}|(?:19|20)\d\d-\d\d-\d\d)", head, re.IGNORECASE):
        start = explicit_period(f"{m.group(1)}-{m.group(1)}")
        if start:
            return start[0], start[0]
    return None


def document_period(doc: Document) -> Period | None:
    """The period in the title lines; an insats' own 'Period' field does not count."""
    fields = {fold(f) for f in _LIFETIME_FIELDS}
    head, previous = [], ""
    for _, line in _nonblank(doc.lines)[:12]:
        label = fold(line.text.split(":")[0])
        if previous not in fields and label not in fields:
            head.append(line.text)
        previous = label
    return explicit_period("\n".join(head)) or year_period(
        "\n".join(t for t in head if len(t) < 60 and "\t" not in t))


def forbund_name(doc: Document) -> str | None:
    """The förbund the report is from: the most often named 'Samordningsförbundet X'."""
    text = re.sub(r"-\s*\n\s*", "", doc.text)
    names = Counter()
    for m in _FORBUND.finditer(text):
        name = re.split(r"\s+(?:och|i)\s+[a-zåäö]", m.group(1))[0].strip(" ,")
        words = name.split()
        while words and words[-1].lower() in {"och", "i"}:
            words.pop()
        if words:
            names["Samordningsförbundet " + " ".join(w if not w.isupper() else w.title()
                                                      for w in words)] += 1
    return names.most_common(1)[0][0] if names else None


def _heading_candidates(doc: Document, first_line: int) -> list[int]:
    lines = doc.lines
    signature = re.compile(r"(\d{6,8}|\d{4}[- ]\d\d[- ]\d\d)\s*$")
    return [i for i in range(first_line, len(lines))
            if lines[i].text.strip() and not signature.search(lines[i].text)
            and (lines[i].is_heading_like or _is_standalone(lines, i))]


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
    for i in _heading_candidates(doc, after):
        line = doc.lines[i]
        name = _match_name(line.text, names, used,
                           strict=not (line.is_heading_like or _follows_heading(doc.lines, i)))
        if name is None or (found and found[-1][1] == name and i - found[-1][0] < 8):
            continue
        found.append((i, name))
        used.add(name)
    return found


def _field_sections(doc: Document) -> list[tuple[int, str]]:
    found = []
    for i, line in enumerate(doc.lines):
        if m := _NAME_FIELD.match(line.text):
            found.append((i, m.group("name").strip(" .*")))
    return found


def _form_sections(doc: Document) -> list[tuple[int, str]]:
    """Headings followed closely by the usual insats form fields."""
    lines = doc.lines
    found = []
    fields = {fold(f) for f in _FORM_FIELDS}
    for i in _heading_candidates(doc, 0):
        if fold(lines[i].text) in fields:
            continue
        following = [fold(line.text.split(":")[0]) for line in lines[i + 1:i + 8]
                     if line.text.strip()][:3]
        if following and following[0] in fields:
            found.append((i, lines[i].text.strip()))
    return found


_GENERIC_HEADINGS = {fold(h) for h in (
    "innehåll", "innehållsförteckning", "bakgrund", "syfte", "mål", "målgrupp", "resultat",
    "analys", "metod", "metod/strategi", "samverkan", "sammanfattning", "inledning", "ekonomi",
    "förbundets verksamhet", "styrelse", "organisation", "uppföljning", "utveckling",
    "horisontella principer", "slutsatser", "bilagor", "individinriktade insatser",
    "strukturinriktade insatser", "insatser", "aktiviteter", "implementeringsplan")}


def _level_sections(doc: Document) -> list[tuple[int, str]]:
    """Markdown headings of the level that names insatser: the deepest with two or more
    headings that are not the usual report chapters (Bakgrund, Syfte, Resultat, …)."""
    by_level: dict[int, list[tuple[int, str]]] = {}
    for i, line in enumerate(doc.lines):
        text = line.text.strip()
        if line.heading_level and text and fold(text) not in _GENERIC_HEADINGS \
                and not re.match(r"^\d", text):
            by_level.setdefault(line.heading_level, []).append((i, text))
    levels = [level for level, found in by_level.items() if len(found) >= 2 and level > 1]
    return by_level[max(levels)] if levels else []


def find_sections(doc: Document) -> list[Section]:
    """Insats sections in reading order; a report without any is one section."""
    doc_period = document_period(doc)
    names, after = toc_names(doc.lines)
    if not names:
        names, after = cover_names(doc.lines)
    starts = _listed_sections(doc, names, after) if names else []
    listed = dict(starts)
    if not starts:
        starts = _field_sections(doc) or _form_sections(doc) or _level_sections(doc)
    if not starts:
        title = next((line.text.strip() for line in doc.lines if line.text.strip()), doc.source)
        starts = [(0, title)]
    sections: list[Section] = []
    for n, (i, name) in enumerate(starts):
        last = starts[n + 1][0] if n + 1 < len(starts) else len(doc.lines)
        previous_end = starts[n - 1][0] + 1 if n else 0
        window = "\n".join(line.text for line in doc.lines[max(previous_end, i - 4):i + 1])
        heading = doc.lines[i].text.strip()
        lifetime = _lifetime(doc, i, last)
        period = explicit_period(window)
        if period:
            period = clip(period, doc_period)
        elif doc_period and lifetime and doc_period[0] < lifetime[1] and \
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
