"""Rules that turn the sentences, forms and tables of one report section into figures.

Each figure keeps the character span of its number and of the clause that states
it, and the name of the rule that fired. The rules are about Swedish report
language only (see `lexicon.py`): none names an insats, a förbund or a report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipelines.reports import lexicon as lx
from pipelines.reports.comparisons import (
    bracket_legend,
    comparison_asides,
    comparison_figures,
)
from pipelines.reports.figure_forms import FormRules
from pipelines.reports.figure_lists import ListRules, is_contents
from pipelines.reports.figure_numbers import NumberRules
from pipelines.reports.figure_rules import CountRules
from pipelines.reports.figure_shares import ShareRules
from pipelines.reports.figure_types import Figure, Mention, Sentence
from pipelines.reports.numbers import Token, as_number, tokenize, without_asides
from pipelines.reports.page_furniture import is_page_footer, table_block
from pipelines.reports.periods import MONTHS
from pipelines.reports.text import Line

__all__ = ["Figure", "SectionFigures"]

# "Antal deltagare: …", "Kvar 30/6: …", "Nya 2024: …": a label of words, a year or a day/month.
# "Kvar 31 december: 34" too.
_LABEL = re.compile(r"^\s*((?:[^:\d.!?]|(?<!\d)(?:19|20)\d\d(?!\d)|\d{1,2}/\d{1,2}(?!\d)"
                    r"|\.(?=\s?[a-zåäö])"  # an abbreviation: "Arbete (inkl. lönestöd): 3"
                    rf"|\d{{1,2}}\s+(?:{'|'.join(MONTHS)})\b)"
                    r"{2,60}):\s*(?=\S)")
# A numbered form question with its answer after it on the line, no colon between: the
# answer a number, perhaps a unit or a bracket after it, nothing more.
_NUMBERED_ANSWER = re.compile(r"([A-ZÅÄÖ][^\d:!?]{2,80}?)\s+(?!(?:19|20)\d\d\b)"
                              r"(?=\d+(?:,\d+)?\s*(?:%|procent"
                              r"|månader|mån|st|personer|platser)?\.?\s*(?:\([^)]*\))?\s*$)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"”(]?[A-ZÅÄÖ0-9])")


# Counts that a "N av dem …" clause states in their own right: how many of them were new or
# ended.
_SUBSETS_STATED = ("participants_new", "participants_ended")


@dataclass
class SectionFigures(NumberRules, CountRules, ShareRules, FormRules, ListRules):
    """Extracts figures from the lines of one section, keeping context across sentences."""

    text: str
    insats_names: tuple[str, ...] = ()
    figures: list[Figure] = field(default_factory=list)
    _goal_block: bool = False
    _ended_list: bool = False  # the lines follow an intro such as "Avslutade fördelade på:"

    _name_spans: list[tuple[int, int]] | None = None

    def _in_name(self, token: Token) -> bool:
        """Inside an insats name where it stands in the text: 'Hälsa för Alla' is no outcome."""
        if self._name_spans is None:
            low = self.text.lower()
            self._name_spans = [
                (m.start(), m.end()) for name in self.insats_names if len(name) >= 6
                for m in re.finditer(re.escape(name.lower()), low)]
        return any(a <= token.start < b for a, b in self._name_spans)

    # ------------------------------------------------------------------ driving

    def run(self, lines: list[Line]) -> list[Figure]:
        i = 0
        while i < len(lines):
            line = lines[i]
            text = line.text.strip()
            if not text:
                i += 1
                continue
            if answered := self._question_and_answer(lines, i):
                i = answered + 1
                continue
            if (after := self._dot_leaders(lines, i)) > i:
                i = after
                continue
            if is_page_footer(text):
                i += 1
                continue
            if "\t" in line.text.rstrip(" \t"):  # not a line of empty cells after the first
                caption = next((lines[k].text.strip() for k in range(i - 1, max(-1, i - 3), -1)
                                if lines[k].text.strip()), "")
                block, i = table_block(lines, i)
                if is_contents(block, self.text):
                    i += 1
                    continue
                self._table(block, "" if "\t" in caption else caption)
                i += 1
                continue
            if line.heading_level or self._is_subheading(lines, i):
                self._list_lead(text, len(self.figures))
                self._goal_block = lx.stem_match(text.lower().strip(" :*"), lx.GOAL_HEADINGS) \
                    and len(text.split()) <= 4
                self._ended_list = bool(re.search(lx.OUTCOME_LIST_CONTEXT, text.lower())) \
                    and text.endswith(":")
                i += 1
                continue
            if len(text.split()) > 10:
                self._ended_list = False
            if self._list_item(line):
                i += 1
                continue
            emitted_from = len(self.figures)
            self._line(line)
            self._list_lead(text, emitted_from)
            if (text.endswith(":") or "?" in text and not re.search(r"\d", text[3:])) and \
                    re.search(lx.OUTCOME_LIST_CONTEXT, text.lower()):
                self._ended_list = True  # "Avslutade fördelade på:", "Vart har de avslutade gått?"
            elif len(text.split()) <= 4 and any(f.metric == "participants_ended"
                                                for f in self.figures[emitted_from:]):
                self._ended_list = True  # "• Avslutade: 11" over "– arbete 3", "– studier 4"
            i += 1
        return self.figures

    @staticmethod
    def _is_subheading(lines: list[Line], i: int) -> bool:
        text = lines[i].text.strip()
        if len(text.split()) > 5 or re.search(r"\d", text) or text.endswith((".", "?")):
            return False
        return lines[i].emphasized or text.endswith(":") or (
            (i + 1 >= len(lines) or not lines[i + 1].text.strip())
            and (i == 0 or not lines[i - 1].text.strip()))

    def _line(self, line: Line) -> None:
        text = line.text
        if self._letter_pair(line):
            return
        label = ""
        numbering = re.match(r"^\s*\d+(?:\.\d+)+\.?\s+(?=[A-ZÅÄÖa-zåäö])"
                             r"|^\s*(?:\d+[a-h]?|[a-h])[.)]\s+(?=[A-ZÅÄÖ])"  # "5.", "5a)", "b."
                             r"|^\s*\d+[a-h]\s+(?=[A-ZÅÄÖ])", text)  # "5a Arbete: 3"
        if m := _LABEL.match(text[numbering.end():] if numbering else text):
            label = m.group(1).strip(" -•*·▪–").lower()
            offset = numbering.end() if numbering else 0
            if self._label_value(line, offset + m.end(), label):
                return
        elif numbering and "." not in numbering.group().strip()[:-1] and (
                m := _NUMBERED_ANSWER.match(text[numbering.end():])) and \
                len(m.group(1).split()) >= 2 and \
                self._label_value(line, numbering.end() + m.end(), m.group(1).lower()):
            # "4. Antal nya deltagare under perioden 19": a question and its answer; not
            # "4.1 Deltagare 12" in a list of contents
            return
        if re.match(r"^\s*(?:[-•]\s*)?m[aå]l(?:et)?\b", text, re.IGNORECASE):
            label = label or "mål"
        question = ""
        ended = self._ended_list
        for n, (start, sentence) in enumerate(self._sentences(text)):
            if n == 1 and label == "mål":
                label = ""  # "Målet är 40 %. Utfallet blev 62 %.": only the first is a goal
            if (start or len(sentence) < len(text.rstrip())) and (
                    m := _LABEL.match(sentence)) and self._label_value(
                    Line(line.start + start, line.start + start + len(sentence), sentence, 0,
                         False), m.end(), m.group(1).strip(" -•*·▪–").lower()):
                continue  # "… 8 nya. Kvar 30/6: 17. Platser: 25."
            if sentence.rstrip().endswith("?"):
                question = sentence.lower()
                continue
            tokens, asides = comparison_asides(without_asides(
                tokenize(sentence, base=line.start + start)), sentence, line.start + start,
                bracket_legend(self.text))
            if question and self._answer(tokens, question, line.start + start, sentence):
                question = ""
                continue
            question = ""
            before = len(self.figures)
            self._sentence(Sentence(sentence, line.start + start, tokens, label,
                                     self._goal_block or "mål" in label, ended))
            self.figures.extend(comparison_figures(self.figures[before:], asides))
            ended = ended or bool(re.search(lx.ENDED_PATTERN, sentence, re.IGNORECASE))

    @staticmethod
    def _sentences(text: str) -> list[tuple[int, str]]:
        pieces: list[tuple[int, str]] = []
        last = 0
        for m in _SENTENCE_END.finditer(text):
            before = text[last:m.start()].lower()
            if before.endswith(lx.ABBREVIATIONS):
                continue
            pieces.append((last, text[last:m.start()]))
            last = m.end()
        pieces.append((last, text[last:]))
        return [(s, t) for s, t in pieces if t.strip()]

    # ------------------------------------------------------------------ sentences

    def _sentence(self, s: Sentence) -> None:
        mentions = self._mentions(s)
        if not mentions:
            return
        low = s.text.lower()
        if any(low.lstrip().startswith(subject) for subject in lx.FORBUND_SUBJECT) or \
                re.search(r"\b(samordningsförbundet|förbundet) har\b", low):
            return
        if (any(w in low for w in lx.AVERAGE_WORDS) or "tid i insats" in s.label) and \
                self._averages(s, mentions):
            return
        toks = s.tokens
        # Numbers with a unit (years of age, hours, weeks, money) are not counts, and do not
        # end the clause of the count before them.
        counted = [m for m in mentions
                   if not (m.index + 1 < len(toks) and toks[m.index + 1].lower in lx.UNITS_TO_SKIP)]
        anchors: list[Figure] = []
        owners: dict[int, Figure | None] = {}
        sexed: list[tuple[str, float, Mention, int | None]] = []
        skip: set[int] = set()
        owner: int | None = None
        after_subset = False
        for m in counted:
            if m.index in skip:
                continue
            nxt = [t.lower for t in toks[m.index + 1:m.index + 4]]
            prev = [t.lower for t in toks[max(0, m.index - 2):m.index]]
            sex = self._sex_after(toks, m.index) or self._sex_before(toks, m.index)
            if sex:
                sexed.append((sex, m.value, m, owner))
                continue
            ended_group = re.match(r"\s*(deltagar\w*|personer)?\s*som (har )?avslut",
                                   self.text[m.token.end:m.token.end + 40].lower())
            if (prev[-1:] == ["dessa"] or prev == ["av", "de"] or prev[-1:] == ["de"] and
                    m.index == 1) and not ended_group:
                owner = None
                continue  # "Av dessa 18 personer", "Av de 8 deltagare som …": a reference
            owner = m.index
            owners[m.index] = None
            if nxt[:1] and nxt[0] in ("%", "procent"):
                self._share(s, counted, m, m.value, m.index + 1)
                continue
            if nxt[:1] == ["av"] and m.index + 2 < len(toks) and toks[m.index + 2].is_digit_number:
                total = next((o for o in counted if o.index == m.index + 2), None)
                if total is not None:
                    skip.add(total.index)
                    if total.value in (10, 100):
                        self._share(s, counted, m, m.value * 100 / total.value, total.index + 1)
                        continue
                    figure = self._part_of_total(s, counted, m, total)
                    owners[m.index] = figure
                    if figure:
                        anchors.append(figure)
                    continue
            if nxt[:2] in (["av", "dessa"], ["av", "dem"], ["av", "de"]) or after_subset:
                after_subset = True  # "två av dessa till …": a breakdown of an earlier figure;
                figure = self._count(s, counted, m)  # only where they went counts (and
                # how many of them were new or ended: "Åtta av dem var nya"), and
                stated = figure is not None and figure.metric in _SUBSETS_STATED and \
                    nxt[1:2] in (["dem"], ["dessa"])  # not "två av de fem som avslutades …"
                if figure is not None and not stated and (
                        not figure.metric.startswith("ended_") or any(
                        f is not figure and f.metric == figure.metric and f.start >= s.start
                        for f in self.figures)):  # not a split of an outcome just stated
                    self.figures.remove(figure)
                continue
            if nxt[:1] and nxt[0] in lx.NOT_PARTICIPANTS:
                if nxt[0].startswith("plats"):
                    self._places(s, m)
                continue
            if any(w.startswith("plats") for w in nxt[:2]) or (
                    prev[-1:] == ["för"] and m.index >= 2
                    and toks[m.index - 2].lower.startswith("plats")) or (
                    prev[-1:] in (["är"], ["var"]) and self._places_subject(toks, m.index)):
                self._places(s, m)
                continue
            figure = self._listed_outcome(s, m) or self._count(s, counted, m)
            owners[m.index] = figure
            if figure:
                anchors.append(figure)
        self._attach_sexes(s, anchors, owners, sexed)

    @staticmethod
    def _places_subject(toks: list[Token], index: int) -> bool:
        """'Antalet platser i Nya vägar är 35': places named shortly before, no count between."""
        window = toks[max(0, index - 7):index]
        at = max((j for j, t in enumerate(window) if t.lower.startswith("plats")), default=None)
        return at is not None and not any(t.is_digit_number for t in window[max(0, at - 1):])

    # ------------------------------------------------------------------ rules

    def _emit(self, metric: str, sex: str, value: float, s: Sentence, m: Mention,
              rule: str, clause: tuple[int, int] | None = None) -> Figure:
        first, last = clause or (0, len(s.tokens))
        figure = Figure(metric, sex, as_number(round(value, 1)), m.token.start, m.token.end,
                        s.tokens[first].start if first < len(s.tokens) else m.token.start,
                        s.tokens[last - 1].end if last > first else m.token.end, rule)
        self.figures.append(figure)
        return figure
