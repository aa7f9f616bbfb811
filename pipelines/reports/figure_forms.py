"""Form and table rules: a label and its value, a question and its bare-number answer, and
tab-separated tables (`pipelines.reports.tables`). Mixed into `SectionFigures`."""

from __future__ import annotations

import re

from pipelines.reports import lexicon as lx
from pipelines.reports.figure_types import Mention, Sentence
from pipelines.reports.folding import fold
from pipelines.reports.form_answers import FormAnswers
from pipelines.reports.form_rows import FORM_NUMBERING, sex_cells
from pipelines.reports.headings import mentions
from pipelines.reports.numbers import Token, digit_value, tokenize
from pipelines.reports.table_cells import is_header_row
from pipelines.reports.tables import is_period_label, read_table
from pipelines.reports.text import Line
from pipelines.reports.topics import is_topic, without_numbering

# "12", "12 deltagare (5 kvinnor)", "10, varav 6 kvinnor och 4 män", "59 %".
_LABELLED_VALUE = re.compile(
    r"\s*(?P<value>\d+(?:,\d+)?)\s*(?P<pct>%|procent)?\s*"
    r"(?:deltagare|personer|st|stycken|månader|mån|platser|plats)?\s*\.?"
    r"\s*(?:\([^)]*\)\s*\.?\s*)*(?:,?\s*varav\s+\d+\s*(?:kvinnor|kvinna|män|man)"
    r"(?:\s*(?:och|,)\s*\d+\s*(?:kvinnor|kvinna|män|man))?\s*\.?)?"
    r"(?:\s*[-–,;]\s*(?:kvinnor|män|K|M):?\s*\d+(?:\s*(?:och|,|/)\s*(?:kvinnor|män|K|M):?\s*\d+)?"
    r"\s*\.?)?$", re.IGNORECASE)


def _names_goal(label: str) -> bool:
    """A label about a target: 'Mål', 'Målsättning', and compounds such as 'Projektmål'."""
    return lx.stem_match_any(label, lx.GOAL_WORDS) or any(
        w.endswith(("mål", "målet")) for w in re.findall(r"[a-zåäö]+", label.lower()))


# A share answered in words: "40 % till arbete eller studier".
_SHARE_PHRASE = re.compile(r"\s*(?P<value>\d+(?:,\d+)?)\s*(?P<pct>%|procent)\s+(?:till|av|i|gick)\b"
                           r"[a-zåäö /]*\.?$", re.IGNORECASE)
_GOAL_IN_BRACKETS = re.compile(r"\(\s*mål\w*:?\s*(\d+(?:,\d+)?)\s*(?:%|procent)", re.IGNORECASE)
# "6 kvinnor", and the other way round "kvinnor 20".
# "K: 10, M: 16" as a line of its own.
_LETTER_LABELS = re.compile(r"^\s*K\s*:\s*(?P<k>\d+)\s*[,;/]\s*M\s*:\s*(?P<m>\d+)\s*\.?\s*$")
# "(K 25 / M 16)", "(25 K, 16 M)": letters as a pair.
_LETTER_PAIR = re.compile(r"\bK:?\s*\d+\s*[/,]\s*M:?\s*\d+\b|\b\d+\s*K\s*[/,]\s*\d+\s*M\b")
_SEX_SPLIT = re.compile(r"(?P<a>\d+)\s*(?P<sa>kvinnor|kvinna|män|man|K|M)\b"
                        r"|\b(?P<sb>kvinnor|kvinna|män|man|K|M):?\s*(?P<b>\d+)", re.IGNORECASE)


_QUESTION_NUMBER = re.compile(r"\d{1,2}[a-h]?[.)]?")


def _indented(cells: list[str]) -> list[str]:
    """A row's cells without the empty ones that indent it."""
    n = 0
    while n < len(cells) - 2 and not cells[n].strip():
        n += 1
    return cells[n:]


def _paired(cells: list[str]) -> bool:
    """Cells that alternate label and value: 'Antal deltagare | 29' or 'Antal inskrivna | 112 |
    Antal avslutade | 98'."""
    if len(cells) == 2:
        return True
    if len(cells) % 2 or not all(cells[j].strip() and not cells[j].strip()[0].isdigit()
                                 for j in range(0, len(cells), 2)):
        return False
    return any(cells[j].strip()[:1].isdigit() for j in range(1, len(cells), 2))


class FormRules(FormAnswers):
    """Labelled values, answered questions and tables."""

    def _letter_pair(self, line: Line) -> bool:
        """'K: 10, M: 16' on a line of its own: the women and men of the count just stated."""
        if not (pair := _LETTER_LABELS.match(line.text)) or not self.figures:
            return False
        metric = self.figures[-1].metric
        for sex, group in (("women", "k"), ("men", "m")):
            token = Token(pair.group(group), line.start + pair.start(group),
                          line.start + pair.end(group))
            value = digit_value(token.text)
            self._emit(metric, sex, value, Sentence(line.text, line.start, [token], ""),
                       Mention(0, token, value), "form:sex")
        return True

    def _label_value(self, line: Line, value_at: int, label: str) -> bool:
        """'Arbetsträning: 4 deltagare (3 Kvinnor/1 man)' and form cells 'Antal avslutade: 12'."""
        rest = line.text[value_at:]
        if self._triple(Line(line.start + value_at, line.end, rest, 0, False), label):
            return True  # "Antal deltagare (K/M/totalt): 12/7/19"
        m = _LABELLED_VALUE.match(rest) or _SHARE_PHRASE.match(rest)
        if not m:
            return False
        if m.group("pct"):
            return self._labelled_share(line, value_at, label, m)
        base = line.start + value_at
        tokens = tokenize(rest, base=base)
        s = Sentence(rest, base, tokens, label)
        value_token = tokens[0]
        mention = Mention(0, value_token, digit_value(value_token.text))
        label_words = re.findall(r"[a-zåäöé]+", label)
        metric = self._label_metric(label)
        if metric is None:
            sex = next((lx.SEX_WORDS[w] for w in label_words if w in lx.SEX_WORDS), None)
            if sex and self.figures:
                self._emit(self.figures[-1].metric, sex, mention.value, s, mention, "form:sex")
                return True
            return False
        anchor = self._emit(metric, "all", mention.value, s, mention, "form")
        for sm in _SEX_SPLIT.finditer(rest):
            number = "a" if sm.group("a") else "b"
            word = sm.group("sa") or sm.group("sb")
            if len(word) == 1 and (word not in lx.SEX_LETTERS or not _LETTER_PAIR.search(rest)):
                continue  # "K" alone may be the kommun: letters count only as a K/M pair
            sex = lx.SEX_LETTERS.get(word) or lx.SEX_WORDS[word.lower()]
            value = float(sm.group(number))
            token = Token(sm.group(number), base + sm.start(number), base + sm.end(number))
            if value <= anchor.value:
                self._emit(metric, sex, value, s, Mention(0, token, value), "form:sex-split")
        return True

    def _labelled_share(self, line: Line, value_at: int, label: str, m: re.Match[str]) -> bool:
        """'Andel arbete/studier: 59 %', 'Målsättning: 30 % till arbete eller studier'."""
        words = f"{label} {line.text[value_at:]}".lower()
        if not lx.names_work_and_studies(words):
            return False
        goal = _names_goal(label)
        rest = line.text[value_at:]
        if not goal and (target := _GOAL_IN_BRACKETS.search(rest)):
            start = line.start + value_at + target.start(1)  # "50 % (mål 45 %)"
            token = Token(target.group(1), start, start + len(target.group(1)))
            value = digit_value(token.text)
            self._emit("goal_work_or_studies_pct", "all", value,
                       Sentence(rest, line.start + value_at, [token], label),
                       Mention(0, token, value), "form")
        start = line.start + value_at + m.start("value")
        token = Token(m.group("value"), start, start + len(m.group("value")))
        value = digit_value(token.text)
        self._emit("goal_work_or_studies_pct" if goal else "share_work_or_studies_pct", "all",
                   value, Sentence(line.text[value_at:], line.start + value_at, [token], label),
                   Mention(0, token, value), "form")
        return True

    def _answer(self, tokens: list[Token], question: str, base: int, text: str) -> bool:
        """'Hur många gick vidare till arbete? 9' — a bare number answers the question."""
        if not tokens or not tokens[0].is_digit_number or any(
                t.is_digit_number for t in tokens[1:]) or len(tokens) > 4:
            return False
        question = re.sub(r"^\s*\d+(\.\d+)*\.?\s*", "", question).rstrip(" ?")
        metric = self._label_metric(question)
        if metric is None:
            return False
        value = digit_value(tokens[0].text)
        self._emit(metric, "all", value, Sentence(text, base, tokens, question),
                   Mention(0, tokens[0], value), "form:answer")
        return True

    def _period_value(self, row: Line, metric: str) -> bool:
        """A row under a form question that gives its answer for a period: 'Under perioden: 2'
        below '7. Antal avslutade deltagare'."""
        cells = row.text.rstrip(" \t").split("\t")
        label = cells[0].strip().rstrip(":")
        value = re.fullmatch(r"\s*(\d+(?:,\d+)?)\s*(%?)\s*", cells[-1]) if len(cells) == 2 else None
        if value is None or not is_period_label(label) or (value.group(2) and not metric.endswith(
                "_pct")):
            return False
        start = row.start + len(cells[0]) + 1 + value.start(1)
        token = Token(value.group(1), start, start + len(value.group(1)))
        number = digit_value(token.text)
        figure = self._emit(metric, "all", number, Sentence(row.text, row.start, [token], label),
                            Mention(0, token, number), "form:period")
        figure.period_text = label
        return True

    def _canonical(self, name: str | None) -> str | None:
        """A table's name for an insats as the report heads it: 'IPS 2024' above a table in
        the section 'IPS – individanpassat stöd till arbete' is that section."""
        if not name:
            return name
        short = fold(re.sub(r"\b(19|20)\d\d\b", " ", without_numbering(name)[1]))
        heads = [n for n in self.insats_names
                 if short and f" {fold(without_numbering(n)[1])} ".startswith(f" {short} ")]
        if not heads:  # "IPS" for the section "Individanpassat stöd … (IPS)"
            heads = [n for n in self.insats_names
                     if (m := re.search(r"\(([^()]{2,15})\)\s*$", n)) and fold(m.group(1)) == short]
        return heads[0] if len(heads) == 1 else name

    def _names_insats(self, text: str) -> bool:
        """Whether a table's first header cell names an insats: a name the report uses again,
        or one of its sections."""
        folded = fold(without_numbering(text)[1])
        if folded in {fold(without_numbering(n)[1]) for n in self.insats_names}:
            return True
        words = folded.split()
        if is_topic(text) or folded in lx.TABLE_HEADER_WORDS or lx.outcome_of(folded) and \
                len(words) == 1 and len(folded) <= 10 or words and words[0] == "till" and \
                len(words) <= 3 and any(lx.outcome_of(w) for w in words[1:]) or \
                len(words) == 1 and (self._label_metric(folded) or "").startswith(
                    ("participants", "places")):
            return False  # "Arbete", "Till studier", "Platser", "Nya" head columns of counts;
            # "Jobbverkstaden" is a name
        return mentions(text, self.text) >= 2

    def _label_metric(self, label: str) -> str | None:
        """What a form label or table row label counts ('Avslutat', 'Till sjksk.', …)."""
        if not any(w in lx.SEX_WORDS for w in label.split()):
            label = label.removeprefix("varav ")  # "varav nya under perioden: 11"
        raw = label
        words = [lx.SHORT_FORMS.get(w, w) for w in re.findall(r"[a-zåäöé]+", label)]
        label = " ".join(words) if any(w in lx.SHORT_FORMS for w in re.findall(
            r"[a-zåäöé]+", label)) else label
        if lx.names_work_and_studies(label) and ("%" in raw or "andel" in words or
                                                 "procent" in words):
            goal = _names_goal(raw)  # "Mål för andel till arbete … (%)"
            return "goal_work_or_studies_pct" if goal else "share_work_or_studies_pct"
        if any(w.startswith(("genomsnitt", "snitt", "medel")) for w in words) and any(
                "tid" in w or w.startswith("mån") for w in words):
            return "avg_months_in_insats"  # "Genomsnittlig tid i insatsen (månader)"
        # "… som påbörjat insatsen": the insats itself names no outcome in a label.
        metric = next((lx.outcome_of(w) for w in words
                       if lx.outcome_of(w) and w not in ("insats", "insatsen", "projekt",
                                                         "projektet")), None)
        other = re.search(r"/\s*([a-zåäö]+)", raw)
        other_metric = lx.outcome_of({"ins": "insats"}.get(other.group(1), other.group(1))) \
            if other else None
        if metric and other_metric and other_metric != metric and {metric, other_metric} != {
                "ended_work", "ended_studies"}:
            return None  # "Till arb/ins.": two outcomes in one count
        if metric in ("ended_work", "ended_studies") and lx.names_work_and_studies(label):
            metric = "ended_work_or_studies"  # "Till arbete/studier"
        if metric is None and re.search(lx.OTHER_INSATS, label):
            metric = "ended_continued_rehab"  # "Vidare till annan insats"
        if metric is None and any(label.strip() == n.lower() for n in self.insats_names):
            metric = "ended_continued_rehab"  # went on to another insats
        if metric is None:
            metric = self._predicate(f" {label} # ", words, [], "")
        if metric is None and re.search(r"\b(antal|totalt)\b.*\b(deltagare|personer|individer)\b",
                                        label):
            metric = "participants"  # "Antal deltagare under perioden: 34"
        if metric is None and words and words[0] in lx.NEW_LABELS:
            metric = "participants_new"  # "Nya under året: 17", "Nytillkomna: 11"
        if metric and metric.startswith("participants") and re.search(lx.SUBGROUP, label):
            return None  # "Deltagare under 25 år": a group of them
        if metric is None and words and words[0] in lx.PEOPLE and words[0] != "nya" and \
                not re.search(lx.SUBGROUP, label):
            metric = "participants"  # "Deltagare under året: 63"
        if metric is None and any(w.startswith("plats") for w in words[:3]):
            metric = "places"  # "Budgeterade platser: 40"
        return metric

    def _table(self, rows: list[Line], caption: str = "") -> None:
        """Tab-separated tables (`pipelines.reports.tables`); a table of two columns, label and
        value, is a list of labelled values ('Antal deltagare | 29')."""
        if len(rows) > 2 and all(cell.strip().lower() in lx.FORM_TABLE_HEADERS
                                 for cell in rows[0].text.split("\t")):
            rows = rows[1:]  # "Nr | Fråga | Svar" over a form's questions
        headed = len(rows) > 2 and is_header_row(rows[0])  # "Jobbverkstaden | T1 2025"
        caption_metric = self._label_metric(
            FORM_NUMBERING.sub("", caption).lower()) if caption else None
        split = [row.text.rstrip(" \t").split("\t") for row in rows]
        # an indented row under a label ("Arbete | 31" over " | varav subventionerat | 12")
        indents = [len(cells) - len(_indented(cells)) for cells in split]
        split = [_indented(cells) for cells in split]
        # a question's number in a cell of its own: "7a | Avslut till arbete | 1"
        numbered = [len(cells[0]) + 1 if len(cells) == 3 and _QUESTION_NUMBER.fullmatch(
            cells[0].strip()) else 0 for cells in split]
        split = [cells[1:] if width else cells for cells, width in zip(split, numbered,
                                                                       strict=True)]
        headed = headed and not all(numbered)  # every row a numbered question: a form
        by_sex = [sex_cells(cells) for cells in split]
        if (not headed or any(found is not None for found in by_sex)) and all(
                found is not None or _paired(cells)
                for cells, found in zip(split, by_sex, strict=True)):
            for row, cells, found, indent, width in zip(rows, split, by_sex, indents, numbered,
                                                        strict=True):
                # label | value (| label | value …): form cells in pairs
                if caption_metric and self._period_value(row, caption_metric):
                    continue  # "7. Antal avslutade" / "Under perioden: 2" / "Sedan start: 28"
                if indent and not set(cells[0].lower().split()) & set(lx.SEX_WORDS):
                    continue  # a part of the row above, not a count of its own
                offset = indent + width
                if found is not None:
                    self._sex_row(row, cells, found)
                    continue
                for j, cell in enumerate(cells):
                    if j % 2 == 0 and j + 1 < len(cells):
                        value = cells[j + 1]
                        pair = Line(row.start + offset, row.start + offset + len(cell) + 1
                                    + len(value), f"{cell}\t{value}", 0, False)
                        self._label_value(pair, len(cell) + 1, cell.strip().lower().rstrip(":"))
                    offset += len(cell) + 1
            return
        known = {fold(without_numbering(n)[1]) for n in self.insats_names}
        titled = len(caption.split()) <= 16 and not caption.rstrip().endswith((".", "!", ":"))
        for cell in read_table(rows, self._label_metric, caption_metric, self._names_insats,
                               lambda name: fold(without_numbering(name)[1]) in known,
                               caption_metric if titled else None):
            token = Token(self.text[cell.start:cell.end], cell.start, cell.end)
            s = Sentence(cell.row.text, cell.row.start, [token], "")
            figure = self._emit(cell.metric, cell.sex, cell.value, s,
                                Mention(0, token, cell.value), "table")
            figure.insats, figure.period_text = self._canonical(cell.insats), cell.period_text
