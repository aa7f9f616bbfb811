"""Fold names and headings for matching: case, accents and punctuation do not matter."""

from __future__ import annotations

import re
import unicodedata
from functools import cache


@cache
def fold(text: str) -> str:
    """Lower case, no accents, no punctuation, single spaces."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", " ", text).strip()
