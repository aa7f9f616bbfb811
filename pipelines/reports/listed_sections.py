"""The sections of a listing's names (a table of contents, a cover list) found again as
headings in the text, matched leniently: case, accents, report words and small spelling
differences do not matter."""

from __future__ import annotations

import difflib
import re

from pipelines.reports.folding import fold
from pipelines.reports.headings import is_standalone
from pipelines.reports.periods import MONTHS
from pipelines.reports.text import Document, Line
from pipelines.reports.topics import without_appendix, without_numbering

_BOILERPLATE = {"uppföljning", "verksamhetsrapport", "rapport", "delårsrapport", "årsrapport",
                "slutrapport", "kvartalsrapport", "insatsen", "insats", "projektet", "och", "till",
                "med", "för", "av", "i", "år", "om"} | set(MONTHS)
# "Samordningsförbundet" in any case, then capitalised name words joined by spaces, commas,
# "och", "i" or a slash: "Samordningsförbundet för en dialog …" names no förbund.

_FOLDED_BOILERPLATE = frozenset(fold(b) for b in _BOILERPLATE)


def _words(text: str) -> list[str]:
    return [w for w in fold(text).split() if w not in _FOLDED_BOILERPLATE and not w.isdigit()]


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


def _forms(name: str) -> set[str]:
    """Folded forms a heading may use for a listed name: whole, without its bracket, the
    bracket alone ('Arbetsintegrerande team (AIT)' → 'AIT')."""
    bracketed = re.search(r"\(([^)]{2,30})\)", name)
    forms = {name, re.sub(r"\([^)]*\)", " ", name), bracketed.group(1) if bracketed else ""}
    return {fold(form) for form in forms if fold(form)}


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
        if fold(name) == folded or (shared == len(words) == len(nwords)) or \
                folded in _forms(name):
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
    """A heading without leading/trailing report words, months, years, quotes and an
    appendix number ("Bilaga 2")."""
    heading = without_appendix(heading)
    words = re.sub(r"[\"“”'*]", "", heading).split()

    def noise(word: str) -> bool:
        return (fold(word) in _FOLDED_BOILERPLATE or not fold(word)
                or bool(re.fullmatch(r"[\d\-–—.:]+", word)))

    while words and noise(words[0]):
        words.pop(0)
    while words and noise(words[-1]):
        words.pop()
    return " ".join(words).strip(" -–:")


def section_name(heading: str, listed: str | None) -> str:
    """The heading as written when it is the name; the listed name when the heading is vaguer."""
    cleaned = _clean_heading(heading)
    if listed is None:
        return cleaned or heading.strip()
    listed = without_numbering(listed)[1] or listed  # "3.2 Steg vidare" in a contents list
    similar = _similar(fold(cleaned), fold(listed))
    if fold(cleaned) and (fold(cleaned) == fold(listed) or similar):
        return cleaned
    return without_appendix(listed) or listed  # "Bilaga 2 Steg för steg"


def heading_candidates(doc: Document, first_line: int,
                        names: frozenset[str] = frozenset()) -> list[int]:
    """Lines that may head a section: marked as headings, standing alone, or exactly a name
    the report lists elsewhere."""
    lines = doc.lines
    signature = re.compile(r"(\d{6,8}|\d{4}[- ]\d\d[- ]\d\d)\s*$")
    return [i for i in range(first_line, len(lines))
            if lines[i].text.strip() and not signature.search(lines[i].text)
            and (lines[i].is_heading_like or is_standalone(lines, i)
                 or fold(lines[i].text) in names or _opens_with_name(lines[i].text, names))]


def _title_head(text: str) -> str:
    """What a title says before its subtitle: 'IPS Älvkusten' of 'IPS Älvkusten: fler i jobb'."""
    return re.split(r"\s[–-]\s|:", text.strip())[0]


def _opens_with_name(text: str, names: frozenset[str]) -> bool:
    """A title line that opens with a listed name, a subtitle after a colon or dash:
    'IPS Älvkusten – resultat 2024', 'Ungdomsporten: en väg in för unga 16–29 år'."""
    text = text.strip()
    if len(text.split()) > 16 or text.endswith((".", ",", ";")) or "\t" in text:
        return False
    return fold(_title_head(text)) in names


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


def listed_sections(doc: Document, names: list[str], after: int) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    used: set[str] = set()
    folded = frozenset(form for n in names for form in _forms(n))
    for i in heading_candidates(doc, after, folded):
        line = doc.lines[i]
        text = _title_head(line.text) if _opens_with_name(line.text, folded) else line.text
        name = _match_name(text, names, used,
                           strict=not (line.is_heading_like or _follows_heading(doc.lines, i)))
        if name is None or (found and found[-1][1] == name and i - found[-1][0] < 8):
            continue
        found.append((i, name))
        used.add(name)
    return found
