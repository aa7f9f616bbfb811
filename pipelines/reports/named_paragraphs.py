"""Sections of a report that names its insatser only inside its paragraphs.

A board memo or a letter may have headings by topic alone (Bakgrund, Ärendet, Bedömning)
and name each insats in quotes or bold as it goes: ”Steg vidare”, **Hälsokraft**. Then a
paragraph that names exactly one of them starts (or continues) that insats' section, and a
paragraph that names none or several belongs to the section before it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from pipelines.reports import lexicon as lx
from pipelines.reports.folding import fold
from pipelines.reports.text import Document, nonblank

_MARKED = re.compile(r"[”“\"«]([^”“\"«»\n]{2,60})[”“\"»]|\*\*([^*\n]{2,60})\*\*")


def times_named(key: str, folded_text: str) -> int:
    """How often a folded name stands as whole words in a folded text."""
    return len(re.findall(rf"\b{re.escape(key)}\b", folded_text))


def marked_names(doc: Document, keep: Callable[[str], bool]) -> list[str]:
    """Names that `keep` accepts, set in quotes or bold at least twice, or in bold once and
    named again in the text; in order of first use."""
    counts: Counter[str] = Counter()
    bold: set[str] = set()
    first: dict[str, str] = {}
    for m in _MARKED.finditer(doc.original):  # bold is markup, gone from the working text
        name = (m.group(1) or m.group(2)).strip()
        if not name[:1].isupper() or len(name.split()) > 6 or name.endswith((".", ",")):
            continue
        counts[fold(name)] += 1
        if m.group(2):
            bold.add(fold(name))
        first.setdefault(fold(name), name)
    text = fold(doc.text)
    return [first[key] for key, n in counts.items() if keep(first[key]) and (
        n >= 2 or key in bold and times_named(key, text) >= 2)]


def named_paragraph_sections(doc: Document, keep: Callable[[str], bool]
                             ) -> list[tuple[int, str]]:
    """(line, name) where a paragraph names one marked insats other than the current one;
    none unless two or more insatser are marked."""
    names = marked_names(doc, keep)
    if len(names) < 2:
        return []
    folded = [(fold(name), name) for name in names]
    starts: list[tuple[int, str]] = []
    for i, line in nonblank(doc.lines):
        text = fold(line.text)
        named = [name for key, name in folded if key in text]
        if len(named) > 1:  # "Kompetensbron avslutades …, åtta fortsatte i IPS Vallmora"
            named = [name for key, name in folded if text.startswith(key)] or named
        if len(named) == 1 and (not starts or starts[-1][1] != named[0]):
            starts.append((i, named[0]))
    return starts if len({name for _, name in starts}) >= 2 else []


# "Vägen vidare är vår största insats …", "Jobbverkstan i Tallberga har …": a paragraph that
# opens with a name, then a verb.
_OPENING = re.compile(r"^([A-ZÅÄÖ][\wåäöÅÄÖ-]*(?:\s+[\wåäöÅÄÖ-]+){0,3}?)\s+(?:är|har|hade|"
                      r"drivs|vänder|startade|riktar|erbjuder|arbetar|fortsätter|avslutades|i)\b")


def opening_name_sections(doc: Document, keep: Callable[[str], bool]
                          ) -> list[tuple[int, str]]:
    """(line, name) of paragraphs that open with the name of an insats the text names again
    elsewhere, as a memo without insats headings does; none unless two or more."""
    text = fold(doc.text)
    starts: list[tuple[int, str]] = []
    for i, line in enumerate(doc.lines):
        if not line.text.strip() or (i and doc.lines[i - 1].text.strip()):
            continue
        m = _OPENING.match(line.text.strip())
        if not m or fold(m.group(1).split()[0]) in lx.SENTENCE_STARTERS or not keep(m.group(1)):
            continue
        name = m.group(1)
        if times_named(fold(name), text) >= 2 and (
                not starts or fold(starts[-1][1]) != fold(name)):
            starts.append((i, name))
    return starts if len({fold(name) for _, name in starts}) >= 2 else []
