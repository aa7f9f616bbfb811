"""Form answers that give one count by sex: cells 'B1. Antal deltagare | Kvinnor: | 13 |
Män: | 15 | Totalt: | 28', or '33 / 19 / 14' under '… (totalt / kvinnor / män)'. The label
says what is counted, the sex cells or the label's order which number is whose."""

from __future__ import annotations

import re

from pipelines.reports import lexicon as lx
from pipelines.reports.figure_types import Mention, Sentence
from pipelines.reports.numbers import Token, digit_value
from pipelines.reports.text import Line

# A form question's number: "3.", "2.1", "4b)", "B1." (the lettered forms).
NUMBERING = r"(?:[A-Z]\d{1,2}|\d+[a-z]?(?:\.\d+)*)[.)]?\s+"
FORM_NUMBERING = re.compile(rf"^\s*{NUMBERING}")
_SEX_CELL = re.compile(r"^\s*(?P<sex>kvinnor|kvinna|män|man|k|m|totalt|total|summa|alla)"
                       r"\s*:?\s*$", re.IGNORECASE)
_VALUE_CELL = re.compile(r"^\s*\d+(?:[,.]\d+)?\s*$")
TOTAL_WORDS = ("totalt", "total", "summa", "alla")


def sex_of_word(word: str, totals: tuple[str, ...] = TOTAL_WORDS) -> str | None:
    """'all', 'women' or 'men' for a total, a sex word or a sex letter ('K'); else None."""
    word = word.lower()
    if word in totals:
        return "all"
    return lx.SEX_LETTERS.get(word.upper()) if len(word) == 1 else lx.SEX_WORDS.get(word)


def sex_cells(cells: list[str]) -> list[tuple[int, str]] | None:
    """(cell index of the value, sex) of each sex cell after the label cell; None unless the
    row is a label followed by at least two sex cells, each with a number or left empty."""
    rest = cells[1:]
    if len(rest) < 3 or not cells[0].strip() or _VALUE_CELL.match(cells[0]):
        return None
    found: list[tuple[int, str]] = []
    for j in range(1, len(cells), 2):
        m = _SEX_CELL.match(cells[j])
        value = cells[j + 1] if j + 1 < len(cells) else ""
        if not m or value.strip() and not _VALUE_CELL.match(value):
            return None
        sex = sex_of_word(m.group("sex"))
        if value.strip() and sex:
            found.append((j + 1, sex))
    return found if len({sex for _, sex in found} | {"x"}) >= 3 else None


# "33 / 19 / 14" under (or after) "Antal deltagare (totalt / kvinnor / män)" or "(K/M/totalt)",
# "22 / 17" after "Varav kvinnor / män:": the parts in the label's order.
_PARTS_ANSWER = re.compile(r"^\s*(\d+)\s*/\s*(\d+)(?:\s*/\s*(\d+))?\s*$")
_PARTS_LABEL = re.compile(r"\(?([a-zåäö]+)\s*/\s*([a-zåäö]+)(?:\s*/\s*([a-zåäö]+))?\)?\s*:?\s*$")


class FormRows:
    """The rules of forms that give a count by sex in one answer (mixed into FormRules)."""

    def _triple(self, answer: Line, question: str) -> bool:
        """'33 / 19 / 14' answering '… (totalt / kvinnor / män)', '22 / 17' after 'Varav
        kvinnor / män': each part by the label; a 'varav' label counts what the figure
        before it counts."""
        parts, order = _PARTS_ANSWER.match(answer.text), _PARTS_LABEL.search(question.lower())
        if not parts or not order:
            return False
        words = [w for w in order.groups() if w]
        sexes = [sex_of_word(w, (*TOTAL_WORDS, "tot", "samtliga")) for w in words]
        if len(words) != len([g for g in parts.groups() if g]) or sorted(map(str, sexes)) not in (
                ["all", "men", "women"], ["men", "women"]):
            return False
        label = FORM_NUMBERING.sub("", question[:order.start()]).lower().strip(" :")
        metric = self._label_metric(label) if label not in ("varav", "därav", "") else (
            self.figures[-1].metric if self.figures else None)
        if metric is None:
            return False
        for n, sex in enumerate(sexes, start=1):
            token = Token(parts.group(n), answer.start + parts.start(n),
                          answer.start + parts.end(n))
            value = digit_value(token.text)
            self._emit(metric, sex, value, Sentence(answer.text, answer.start, [token], question),
                       Mention(0, token, value), "form")
        return True

    def _sex_row(self, row: Line, cells: list[str], by_sex: list[tuple[int, str]]) -> None:
        """'B1. Antal deltagare | Kvinnor: | 13 | Män: | 15 | Totalt: | 28'."""
        metric = self._label_metric(FORM_NUMBERING.sub("", cells[0]).strip().lower()
                                    .rstrip(":"))
        if metric is None:
            return
        starts = [0]
        for cell in cells[:-1]:
            starts.append(starts[-1] + len(cell) + 1)
        for j, sex in by_sex:
            text = cells[j].strip()
            at = row.start + starts[j] + cells[j].index(text)
            token = Token(text, at, at + len(text))
            value = digit_value(text)
            self._emit(metric, sex, value, Sentence(row.text, row.start, [token], cells[0]),
                       Mention(0, token, value), "form")
