"""Which numbers in a sentence are counts: digits that are not dates, years, list numbering or
parts of names, and number words that stand before people or a verb. Mixed into
`SectionFigures`."""

from __future__ import annotations

import re

from pipelines.reports import lexicon as lx
from pipelines.reports.figure_types import Mention, Sentence
from pipelines.reports.numbers import Token, digit_value, word_value
from pipelines.reports.periods import MONTHS


class NumberRules:
    """The number mentions of a sentence."""

    text: str

    def _mentions(self, s: Sentence) -> list[Mention]:
        tokens, found = s.tokens, []
        for i, tok in enumerate(tokens):
            if tok.is_digit_number:
                if self._is_noise_number(s, i):
                    continue
                found.append(Mention(i, tok, digit_value(tok.text)))
            elif (value := word_value(tok.lower)) is not None and self._word_is_number(tokens, i):
                found.append(Mention(i, tok, value, word=True))
        return found

    def _is_noise_number(self, s: Sentence, i: int) -> bool:
        tok, tokens, text = s.tokens[i], s.tokens, self.text
        after = text[tok.end:tok.end + 1]
        before = text[tok.start - 1:tok.start] if tok.start else ""
        nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
        if i and tokens[i - 1].lower in lx.REFERENCE_WORDS:
            return True  # "Tabell 2", "bilaga 3", "§ 12": a reference, not a count
        if after.isalpha() or before.isalpha() or (before and before in "-–.:") or (
                after and after in "/:"):
            return True
        if before == "/" and text[tok.start - 2:tok.start - 1].isdigit():
            return True  # 11/16, 31/5: fractions and dates
        if re.match(r"[-–]\s?\d", text[tok.end:tok.end + 3]) or re.match(r"\s\d{3}\b",
                                                                         text[tok.end:tok.end + 5]):
            return True
        if re.fullmatch(r"\d{3}", tok.text) and re.search(r"[^\d\s]\s?\d{1,3}[ \u00a0]$",
                                                          text[max(0, tok.start - 6):tok.start]):
            return True  # the thousands of "1 400"
        if i and tokens[i - 1].lower.rstrip(".") in lx.APPROXIMATE_WORDS and (
                nxt in lx.PEOPLE or nxt in lx.SEX_WORDS):
            return True  # "cirka 30 deltagare": a rough count of people
        if re.fullmatch(r"(19|20)\d\d", tok.text) and nxt not in lx.PEOPLE:
            return True
        if nxt in MONTHS or nxt.rstrip(".") in MONTHS:
            return True
        # list or question numbering: "1. Trygghet", "2.1 Aktiviteter"
        return i == 0 and bool(re.match(r"^\s*\d+(\.\d+)*[.)]?\s+[A-ZÅÄÖ]", s.text)
                               and re.match(r"^\s*\d+(\.\d+)+|^\s*\d+[.)]\s", s.text))

    @staticmethod
    def _word_is_number(tokens: list[Token], i: int) -> bool:
        word = tokens[i].lower
        nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
        if word in ("inga", "ingen", "inget"):
            return nxt in lx.PEOPLE
        if word in ("en", "ett"):
            # "En deltagare avslutades …", "En av deltagarna …"; mid-sentence it is an article.
            leading = i == 0 or tokens[i - 1].text in ("-", "•", ":")
            listed = i > 0 and tokens[i - 1].lower in ("och", ",") and (nxt in (
                "till", "på", "pga", "gick", "har", "flyttade", "slutade", "utan")
                or nxt in lx.VERBS - {"av"})
            third = tokens[i + 2].lower if i + 2 < len(tokens) else ""
            destination = nxt == "till" and lx.outcome_of(third) is not None or (
                nxt == "av" and third in lx.REASON_WORDS)  # "en till sjukskrivning", "en av
            # övriga skäl"
            return listed or destination or leading and (
                nxt in lx.PEOPLE or nxt in lx.VERBS - {"av"} or (
                nxt == "av" and i + 2 < len(tokens)
                and tokens[i + 2].lower in ("deltagarna", "dessa", "dem")))
        # "… medan femton avslutade sin medverkan"; not "Av åtta avslutade gick …", where
        # the ended are the subject of what follows
        counted = nxt in lx.COUNT_PREDICATES and i > 0 and tokens[i - 1].lower not in (
            "av", "övriga", "de", "dessa", "resterande", "återstående")
        return nxt in lx.PEOPLE or nxt in lx.SEX_WORDS or nxt in lx.VERBS or \
            nxt in lx.START_VERBS or counted

    def _clause_left(self, s: Sentence, mentions: list[Mention], m: Mention) -> int:
        first = 0
        for other in mentions:
            if other.index < m.index:
                first = other.index + 1
        for j in range(m.index - 1, first - 1, -1):
            if s.tokens[j].lower in lx.CLAUSE_BREAKS:
                return j + 1
        return first

    def _clause_right(self, s: Sentence, mentions: list[Mention], m: Mention) -> int:
        end = next((o.index for o in mentions if o.index > m.index), len(s.tokens))
        for j in range(m.index + 1, end):
            word = s.tokens[j].lower
            nxt = s.tokens[j + 1].lower if j + 1 < len(s.tokens) else ""
            if word == ";" or (word == "," and nxt in lx.CLAUSE_CONJUNCTIONS):
                return j
        return end
