"""The values the figure rules pass around: a figure, a number mention, a sentence."""

from __future__ import annotations

from dataclasses import dataclass

from pipelines.reports.numbers import Token


@dataclass
class Figure:
    metric: str
    sex: str
    value: int | float
    start: int
    end: int
    clause_start: int
    clause_end: int
    rule: str
    insats: str | None = None  # a table row that names its insats
    period_text: str = ""  # a table column that names its period


@dataclass
class Mention:
    index: int
    token: Token
    value: float
    word: bool = False


@dataclass
class Sentence:
    text: str
    start: int
    tokens: list[Token]
    label: str = ""
    goal_block: bool = False
    after_ended: bool = False  # an earlier sentence or list intro is about those who ended
