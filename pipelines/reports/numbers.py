"""Numbers as Swedish reports write them: digits with decimal comma, number words, 'inga'."""

from __future__ import annotations

import re
from dataclasses import dataclass

WORDS = {
    "noll": 0, "inga": 0, "ingen": 0, "inget": 0, "en": 1, "ett": 1, "två": 2, "tre": 3,
    "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9, "tio": 10, "elva": 11,
    "tolv": 12, "tretton": 13, "fjorton": 14, "femton": 15, "sexton": 16, "sjutton": 17,
    "arton": 18, "nitton": 19, "tjugo": 20,
}

_TOKEN = re.compile(r"\d+(?:[.,]\d+)?|[A-Za-zÅÄÖåäöéü]+|\S")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_digit_number(self) -> bool:
        return self.text[0].isdigit()


def tokenize(text: str, base: int = 0) -> list[Token]:
    return [Token(m.group(), base + m.start(), base + m.end()) for m in _TOKEN.finditer(text)]


def digit_value(text: str) -> float:
    return float(text.replace(",", "."))


def as_number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value
