"""Numbers as Swedish reports write them: digits with decimal comma, number words, 'inga'."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipelines.reports.lexicon import SHORT_FORMS

WORDS = {
    "noll": 0, "inga": 0, "ingen": 0, "inget": 0, "en": 1, "ett": 1, "två": 2, "tre": 3,
    "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9, "tio": 10, "elva": 11,
    "tolv": 12, "tretton": 13, "fjorton": 14, "femton": 15, "sexton": 16, "sjutton": 17,
    "arton": 18, "nitton": 19, "tjugo": 20,
}

_TENS = {"tjugo": 20, "trettio": 30, "fyrtio": 40, "femtio": 50, "sextio": 60, "sjuttio": 70,
         "åttio": 80, "nittio": 90}
_UNITS = {"en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7,
          "åtta": 8, "nio": 9}


def _below_hundred(word: str) -> int | None:
    if word in WORDS and word not in ("inga", "ingen", "inget"):
        return WORDS[word]
    for tens, value in _TENS.items():
        if word == tens:
            return value
        if word.startswith(tens) and word[len(tens):] in _UNITS:
            return value + _UNITS[word[len(tens):]]
    return None


@cache
def word_value(word: str) -> int | None:
    """The value of a Swedish number word: 'tolv' 12, 'tjugotre' 23, 'etthundratjugotre' 123,
    'inga' 0; None for any other word."""
    word = word.lower()
    if word in WORDS:
        return WORDS[word]
    if "hundra" in word:
        head, _, rest = word.partition("hundra")
        hundreds = 1 if head in ("", "ett", "en") else _UNITS.get(head)
        below = _below_hundred(rest) if rest else 0
        return None if hundreds is None or below is None else hundreds * 100 + below
    return _below_hundred(word)


_TOKEN = re.compile(r"\d+(?:[.,]\d+)?|[A-Za-zÅÄÖåäöéü]+|\S")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        """The word in lower case, a short form read as its word ('avsl' → 'avslutade')."""
        low = self.text.lower()
        return SHORT_FORMS.get(low, low)

    @property
    def is_digit_number(self) -> bool:
        return self.text[0].isdecimal()  # not a footnote mark: "43¹"


def tokenize(text: str, base: int = 0) -> list[Token]:
    return [Token(m.group(), base + m.start(), base + m.end()) for m in _TOKEN.finditer(text)]


def digit_value(text: str) -> float:
    return float(text.replace(",", "."))


def as_number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def without_asides(tokens: list[Token]) -> list[Token]:
    """'21 (33 %) gick till arbete': a share in brackets between a count and its predicate
    is an aside; the count and the predicate form one clause."""
    if not any(t.text == "(" for t in tokens):
        return tokens
    kept: list[Token] = []
    i = 0
    while i < len(tokens):
        window = [t.lower for t in tokens[i:i + 5]]
        if (kept and kept[-1].is_digit_number and len(window) == 5 and window[0] == "("
                and tokens[i + 1].is_digit_number and window[2] in ("%", "procent")
                and window[3] == ")" and window[4].isalpha()):
            i += 4
            continue
        kept.append(tokens[i])
        i += 1
    return kept
