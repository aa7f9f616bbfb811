"""Form questions answered on the next line: a number ('6. Antal nya deltagare' / '11'), a
number word ('Sju'), or several labelled counts ('Totalt 33, kvinnor 14, män 19'; 'Arbete 3,
studier 1, …' under a question about where those who ended went)."""

from __future__ import annotations

import re

from pipelines.reports import lexicon as lx
from pipelines.reports.figure_types import Mention, Sentence
from pipelines.reports.form_rows import FORM_NUMBERING, NUMBERING, FormRows, sex_of_word
from pipelines.reports.numbers import Token, digit_value, word_value
from pipelines.reports.text import Line

# A form question, numbered or not, and an answer line holding only a number.
_FORM_QUESTION = re.compile(rf"^(?:{NUMBERING})?[A-ZÅÄÖ][^\d]*$")
# The answer line: a number, perhaps "ca" before and a unit or a few words after it
# ("Ca 8 månader.", "35 platser enligt överenskommelsen"), no other number.
_FORM_ANSWER = re.compile(r"^\s*(?:(?i:ca|cirka|omkring|ungefär|minst|högst|drygt|knappt|totalt)"
                          r"\.?\s+)?\d+(?:,\d+)?"
                          r"\s*(?:%|procent)?\s*(?:\([^)]*\))?\s*(?:[a-zåäö]+\.?\s*){0,6}$"
                          r"|^\s*(?i:totalt\s+)?\d+\s*,\s*K:?\s*\d+\s*,\s*M:?\s*\d+\s*$")
# "Totalt 33, kvinnor 14, män 19", "Totalt: 18 (K: 15, M: 3)", "Arbete 0, studier 1, …": an
# answer of labelled counts; "–" is a count left blank.
_ITEM = re.compile(r"(?P<label>[A-Za-zÅÄÖåäö][A-Za-zÅÄÖåäö /.-]{0,40}?)\s*:?\s*"
                   r"(?P<n>\d+(?:,\d+)?|[–-])(?=\s*(?:[,;()]|$)|\s{2,}|\t)")
_ITEM_GAP = re.compile(r"^[\s,;()]*(?:och\s+)?$")


class FormAnswers(FormRows):
    """The rules of questions and their answer lines (mixed into FormRules)."""

    def _question_and_answer(self, lines: list[Line], i: int) -> int | None:
        """'6. Antal deltagare under perioden (totalt)' with its number on the next line:
        a labelled value; the index of the answer line, or None."""
        text = lines[i].text.strip()
        if "?" in text[:-1] and FORM_NUMBERING.match(text) and len(
                text[text.index("?"):].split()) <= 12:
            text = text[:text.index("?") + 1]  # "5. Hur många …? Ange totalt samt per kön."
        bare = re.sub(r"\s*\([^)]*\)", "", text)  # "(30 juni)", "(månader)"
        if "\t" in text or not _FORM_QUESTION.match(bare) or len(text.split()) > 25 or \
                text.endswith((".", ",", ";")):
            return None
        j = next((k for k in range(i + 1, min(i + 3, len(lines))) if lines[k].text.strip()), None)
        if j is not None and self._triple(lines[j], text):
            return j
        label = FORM_NUMBERING.sub("", text).rstrip(" :?").lower()
        if j is not None and FORM_NUMBERING.match(text) and (
                self._answer_items(lines[j], text, metric := self._label_metric(label))
                or self._word_answer(lines[j], text, metric)):
            return j
        if j is None or not _FORM_ANSWER.match(lines[j].text):
            return None
        value_at = re.search(r"\d", lines[j].text).start()
        return j if self._label_value(lines[j], value_at, label) else None

    def _answer_items(self, answer: Line, question: str, metric: str | None) -> bool:
        """An answer of labelled counts under a form question: each label a sex or a total
        of what the question counts, or (under a question about those who ended) where
        they went."""
        text = answer.text.rstrip(" .")
        items = list(_ITEM.finditer(text))
        ends = [0] + [m.end() for m in items]
        if len(items) < 2 or not all(_ITEM_GAP.match(text[a:m.start()]) for a, m in zip(
                ends, items, strict=False)) or not _ITEM_GAP.match(text[ends[-1]:]):
            return False
        outcomes = bool(re.search(lx.OUTCOME_LIST_CONTEXT, question.lower()))
        found = []
        for m in items:
            label = m.group("label").strip(" .").lower()
            sex = sex_of_word(label)
            own = None if sex else self._label_metric(label)
            if sex and metric:
                found.append((metric, sex, m))
            elif own and outcomes and own.startswith("ended_"):
                found.append((own, "all", m))
            else:
                return False
        for figure_metric, sex, m in found:
            if not m.group("n")[0].isdigit():
                continue  # a count left blank
            token = Token(m.group("n"), answer.start + m.start("n"), answer.start + m.end("n"))
            value = digit_value(token.text)
            self._emit(figure_metric, sex, value, Sentence(answer.text, answer.start, [token],
                                                           question),
                       Mention(0, token, value), "form")
        return True

    def _word_answer(self, answer: Line, question: str, metric: str | None) -> bool:
        """A count written as a word under a form question ('Sju')."""
        word = answer.text.strip().rstrip(".")
        value = word_value(word) if metric and re.fullmatch(r"[A-Za-zÅÄÖåäö]+", word) else None
        if value is None or metric is None:
            return False
        at = answer.start + answer.text.index(word)
        token = Token(word, at, at + len(word))
        self._emit(metric, "all", value, Sentence(answer.text, answer.start, [token], question),
                   Mention(0, token, value), "form")
        return True
