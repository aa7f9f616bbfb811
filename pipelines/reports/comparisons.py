"""A figure with last year's value beside it: in brackets, "42 deltagare (fg år 37)",
"25 kvinnor (föregående år 21)", "138 deltagare (2023: 141)", or as a change, "Antalet
avslutade ökade från 14 till 15". The earlier value is taken out of the sentence before the
rules read it (a change reads as "Antalet avslutade var 15"), and gives a figure of its own:
the same count for the earlier period, when the sentence says which."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from pipelines.reports.figure_types import Figure
from pipelines.reports.numbers import Token, as_number, digit_value

# The period a bracket names before its value; PREVIOUS_YEAR for "fg år", "i fjol" and the
# like (the same part of the year before the section's period).
PREVIOUS_YEAR = "föregående år"
_ASIDE = re.compile(
    r"\(\s*(?P<label>fg\.?\s*år|f\.\s*g\.\s*år|föregående\s+år|förra\s+året|i\s+fjol|fjolåret"
    r"|(?:19|20)\d\d)\s*:?\s*(?P<value>\d{1,4}(?:,\d+)?)\s*(?P<pct>%|procent)?\s*\)",
    re.IGNORECASE)


# "Siffror inom parentes avser 2022", "Inom parentes anges motsvarande siffror för 2022":
# a legend that makes every bare bracket beside a count ("47 personer (39)") that period's.
_LEGEND = re.compile(
    r"(?:inom|i)\s+parentes(?:er)?\s+(?:i\s+\w+\s+)?(?:avser|anger|anges|är|gäller|visar"
    r"|redovisas|står)\s+(?:\w+\s+){0,3}?(?P<what>(?:19|20)\d\d|föregående\s+års?|fjolåret"
    r"|förra\s+året)", re.IGNORECASE)
_BARE = re.compile(r"\(\s*(?P<value>\d{1,4}(?:,\d+)?)\s*(?P<pct>%|procent)?\s*\)")


@lru_cache(maxsize=4)  # asked once per section of the same document
def bracket_legend(text: str) -> str | None:
    """The period a document's legend gives its bare brackets, if it has such a legend."""
    m = _LEGEND.search(text)
    if not m:
        return None
    return m.group("what") if m.group("what")[:1].isdigit() else PREVIOUS_YEAR


@dataclass(frozen=True)
class Aside:
    start: int  # of the bracket, in the document's text
    end: int
    value_token: Token
    period_text: str
    percent: bool
    after: bool = False  # the figure it compares with comes after it ("från 48 till 39")


def comparison_asides(tokens: list[Token], sentence: str, base: int, legend: str | None = None
                      ) -> tuple[list[Token], list[Aside]]:
    """The sentence's tokens without its comparison brackets, and the brackets (bare ones
    too when the document's legend says what they hold)."""
    asides = []
    bare = list(_BARE.finditer(sentence)) if legend else []
    for m in [*_ASIDE.finditer(sentence), *bare]:
        label = m.groupdict().get("label") or legend or ""
        period = label if label[:1].isdigit() else PREVIOUS_YEAR
        token = Token(m.group("value"), base + m.start("value"), base + m.end("value"))
        asides.append(Aside(base + m.start(), base + m.end(), token, period,
                            bool(m.group("pct"))))
    tokens = [t for t in tokens if not any(a.start <= t.start < a.end for a in asides)]
    if change := _CHANGE.search(sentence):
        # "ökade från 14 till" reads as "var"; 14 is last year's when the sentence says so
        at, end = base + change.start(), base + change.end("till")
        tokens = [t for t in tokens if not at <= t.start < end]
        tokens.insert(next((n for n, t in enumerate(tokens) if t.start >= end), len(tokens)),
                      Token("var", at, at + 3))
        if _EARLIER.search(sentence):
            value = Token(change.group("was"), base + change.start("was"),
                          base + change.end("was"))
            asides.append(Aside(at, end, value, PREVIOUS_YEAR, False, after=True))
    return tokens, asides


# "ökade från 14 till 15", "har minskat från 48 till 39"
_CHANGE = re.compile(r"\b(?:har\s+)?(?:ökade|ökat|minskade|minskat|steg|stigit|sjönk|sjunkit)"
                     r"\s+från\s+(?P<was>\d{1,4})\s+(?:\w+\s+)?(?P<till>till)\s+(?=\d)",
                     re.IGNORECASE)
_EARLIER = re.compile(r"föregående år|fg\.? år|i fjol|förra året|året innan|året före",
                      re.IGNORECASE)


def comparison_figures(stated: list[Figure], asides: list[Aside]) -> list[Figure]:
    """For each bracket, the figure stated just before it, with the bracket's value and
    period; a percentage only beside a share, a count only beside a count."""
    found = []
    for aside in asides:
        if aside.after:
            near = [f for f in stated if f.start >= aside.end and f.start - aside.end <= 20]
        else:
            near = [f for f in stated if f.end <= aside.start and aside.start - f.end <= 80]
        if not near:
            continue
        figure = min(near, key=lambda f: abs(f.start - aside.start))
        if aside.percent != figure.metric.endswith("_pct"):
            continue
        found.append(replace(figure, value=as_number(digit_value(aside.value_token.text)),
                             start=aside.value_token.start, end=aside.value_token.end,
                             clause_start=aside.start, clause_end=aside.end,
                             rule=f"{figure.rule}:comparison", period_text=aside.period_text))
    return found
