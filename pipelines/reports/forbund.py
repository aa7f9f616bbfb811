"""The förbund a report is from: a name field, the title area, or the body's usual name."""

from __future__ import annotations

import re
from collections import Counter

from pipelines.reports.folding import fold
from pipelines.reports.text import Document, nonblank

_NAME_WORD = r"[A-ZÅÄÖ][\wåäöÅÄÖ-]+"
_FORBUND = re.compile(
    rf"(?i:(samordningsförbundet|finsamförbundet|finsam))[ \t]+({_NAME_WORD}"
    rf"(?:(?:,[ \t]*|[ \t]+och[ \t]+|[ \t]+i[ \t]+|[ \t]*/[ \t]*|[ \t]+){_NAME_WORD})*)")
_FORBUND_FIELDS = ("förbund", "samordningsförbund", "förbundets namn", "förbundsnamn",
                   "organisation", "huvudman")
_TITLE_LINES = 15
_PREFIXES = {"samordningsförbundet": "Samordningsförbundet", "finsamförbundet": "Finsamförbundet",
             "finsam": "Finsam"}


def _forbund_names(text: str) -> list[str]:
    names = []
    for m in _FORBUND.finditer(re.sub(r"-\s*\n\s*", "", text)):
        name = re.split(r"\s+(?:och|i)\s+[a-zåäö]", m.group(2))[0].strip(" ,")
        words = name.split()
        while words and words[-1].lower() in {"och", "i"}:
            words.pop()
        if words:
            names.append(_PREFIXES[m.group(1).lower()] + " " + " ".join(
                w if not w.isupper() else "/".join(p.title() for p in w.split("/"))
                for w in words))
    return names


def forbund_name(doc: Document) -> str | None:
    """The förbund the report is from: a name field, else the title area, else the name the
    body mentions most often ('Samordningsförbundet X')."""
    fields = {fold(f) for f in _FORBUND_FIELDS}
    lines = [line.text for line in doc.lines]
    for i, text in enumerate(lines):
        if fold(re.split(r"[:\t]", text, maxsplit=1)[0]) in fields:
            value = text.split(":", 1)[1] if ":" in text else " ".join(lines[i:i + 2])
            if found := _forbund_names(value):
                return found[0]
    title = "\n".join(line.text for _, line in nonblank(doc.lines)[:_TITLE_LINES])
    if found := _forbund_names(title):
        return found[0]
    counted = Counter(_forbund_names(doc.text))
    return counted.most_common(1)[0][0] if counted else None
