"""A figure in a paragraph that opens with the name of an insats belongs to that insats, even
under another heading: board minutes, memos and chapters that speak of several insatser in
turn ("Steg för steg har under kvartalet haft 23 deltagare. …")."""

from __future__ import annotations

import re

from pipelines.reports.figures import Figure
from pipelines.reports.folding import fold
from pipelines.reports.text import Line
from pipelines.reports.topics import without_numbering

# Words that may stand before the name: "I Unga till arbete har …", "För Trappan blev …".
_LEADING = ("i", "for", "inom", "hos", "pa", "av", "vid")
_MIN_NAME = 3


def _variants(name: str) -> list[str]:
    """Folded forms a text may use for `name`: whole, without its bracket, the bracket alone
    ('Samverkansteam Unga (STU)'), the part before a dash ('AIT – Arbetsintegrerande team')."""
    plain = without_numbering(name)[1]
    bracketed = re.search(r"\(([^)]{2,30})\)", plain)
    bare = re.sub(r"\([^)]*\)", " ", plain)
    forms = {plain, bare, re.split(r"\s[–-]\s", bare)[0],
             bracketed.group(1) if bracketed else ""}
    return [f for f in (fold(form) for form in forms) if len(f) >= _MIN_NAME]


def named_at_start(text: str, forms: dict[str, list[str]]) -> str | None:
    """The name (of `forms`: name → its `_variants`) a paragraph or sentence opens with."""
    folded = fold(text[:200])
    words = folded.split(" ", 1)
    starts = [folded] + ([words[1]] if len(words) == 2 and words[0] in _LEADING else [])
    best = None
    for name, variants in forms.items():
        for form in variants:
            if any(s == form or s.startswith(form + " ") for s in starts) and (
                    best is None or len(form) > best[1]):
                best = (name, len(form))
    return best[0] if best else None


def attribute(figures: list[Figure], lines: list[Line], text: str, names: list[str],
              own: str) -> None:
    """Give each figure stated in a sentence the insats its sentence or paragraph opens with,
    when that is a known name other than the section's `own`."""
    if not names:
        return
    forms = {name: _variants(name) for name in names}
    for figure in figures:
        if figure.insats or figure.rule.startswith(("table", "form")):
            continue  # a table or form cell belongs to its table, not to a paragraph
        at = next((n for n, ln in enumerate(lines) if ln.start <= figure.start < ln.end + 1),
                  None)
        if at is None:
            continue
        line = lines[at]
        before = text[line.start:figure.clause_start]
        cut = max(before.rfind(". "), before.rfind("! "))
        sentence_at = cut + 2 if cut >= 0 else 0
        while at and lines[at - 1].text.strip():
            at -= 1  # a paragraph wrapped over lines opens on its first line
        named = named_at_start(text[line.start + sentence_at:line.end], forms) or \
            named_at_start(lines[at].text, forms)
        if named and fold(named) != fold(own):
            figure.insats = named
