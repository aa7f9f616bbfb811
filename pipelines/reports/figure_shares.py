"""Sentence rules for percentages, averages and places. Mixed into `SectionFigures`."""

from __future__ import annotations

import re

from pipelines.reports import lexicon as lx
from pipelines.reports.figure_types import Mention, Sentence


class ShareRules:
    """Shares of work or studies, goals, average months, budgeted places."""

    def _averages(self, s: Sentence, mentions: list[Mention]) -> bool:
        toks, emitted = s.tokens, False
        have_all = False
        for m in mentions:
            after = [t.lower for t in toks[m.index + 1:m.index + 4]]
            prev = toks[m.index - 1].lower if m.index else ""
            sex = lx.SEX_WORDS.get(prev) if prev in lx.SEX_WORDS else None
            if after[:1] and after[0] in lx.SEX_WORDS:
                sex = lx.SEX_WORDS[after[0]]
            elif after[:1] and after[0].startswith("mån"):
                if after[1:3] and after[1] == "för" and after[2] in lx.SEX_WORDS:
                    sex = lx.SEX_WORDS[after[2]]
            elif sex is None or "mån" not in s.text.lower():
                continue  # "(kvinnor 11,1 och män 9,0)" counts in a sentence about months
            if sex is None:
                if have_all:
                    continue
                have_all = True
            self._emit("avg_months_in_insats", sex or "all", m.value, s, m, "average")
            emitted = True
        return emitted

    def _share(self, s: Sentence, mentions: list[Mention], m: Mention, value: float,
               topic_from: int) -> None:
        """A stated share (or goal) of ended participants going to work or studies."""
        low_tokens = [t.lower for t in s.tokens]
        # "(mål 50 %)" takes its topic from the clause before the parenthesis.
        open_paren = max((j for j in range(m.index) if low_tokens[j] == "("), default=-1)
        inside_goal = open_paren >= 0 and ")" not in low_tokens[open_paren:m.index] and \
            any(w.startswith("mål") for w in low_tokens[open_paren + 1:m.index])
        if inside_goal:
            topic = low_tokens[:open_paren]
            topic = topic[max((j for j, w in enumerate(topic) if w == ")"), default=-1) + 1:]
        else:
            right = next((o.index for o in mentions if o.index >= topic_from), len(low_tokens))
            right = next((j for j in range(topic_from, right) if low_tokens[j] == ";" or (
                low_tokens[j] == "," and j + 1 < right
                and low_tokens[j + 1] in lx.CLAUSE_CONJUNCTIONS)), right)
            topic, depth = [], 0
            for word in low_tokens[topic_from:right]:
                depth += (word == "(") - (word == ")")
                if depth == 0 and word not in ("(", ")"):
                    topic.append(word)
            if len([w for w in topic if w.isalpha()]) <= 1:
                # "Andelen som gått vidare till arbete eller studier är 47 procent",
                # "Andel till arbete eller studier: 60 %"
                left = self._clause_left(s, mentions, m)
                if {"vilket", "motsvarar", "dvs"} & set(low_tokens[left:m.index]):
                    left = 0  # "…, vilket motsvarar 44 procent": the share of the clause before
                topic = low_tokens[left:m.index] + topic
                if len([w for w in topic if w.isalpha()]) <= 1:
                    topic = s.label.split() + topic
        has_work = any(lx.stem_match(w, lx.WORK_WORDS) for w in topic)
        has_study = any(lx.stem_match(w, lx.STUDY_WORDS) for w in topic)
        other = any(lx.stem_match(w, lx.OTHER_DESTINATIONS + lx.SURVEY_WORDS) or w in lx.NEGATIONS
                    for w in topic)
        clause_from = max((j + 1 for j in range(m.index) if low_tokens[j] == ";"), default=0)
        goal = inside_goal or s.goal_block and not clause_from or any(
            w in lx.GOAL_WORDS for w in topic) or any(
            w in ("mål", "målet") for w in low_tokens[clause_from:m.index])
        if not other and not (has_work or has_study) and (
                goal and self._follows("share_work_or_studies_pct", s) or
                not goal and any(w in lx.RESULT_WORDS for w in low_tokens[:m.index + 2])
                and not any(w in lx.SEX_WORDS for w in low_tokens[:m.index])  # "andelen kvinnor"
                and self._follows("goal_work_or_studies_pct", s)):
            # "60 % gick till arbete eller studier. Målet är 40 %." / "Målet är 30 % till
            # arbete eller studier; utfallet blev 39 %."
            has_work = has_study = True
        if not (has_work and has_study) or other:
            return
        metric = "goal_work_or_studies_pct" if goal else "share_work_or_studies_pct"
        self._emit(metric, "all", value, s, m, "share")

    def _follows(self, metric: str, s: Sentence) -> bool:
        """Whether the figure just before this sentence (or clause) is a `metric`."""
        last = self.figures[-1] if self.figures else None
        return last is not None and last.metric == metric and s.start - last.end < 300

    def _places(self, s: Sentence, m: Mention) -> None:
        low = s.text.lower()
        stated = any(c in low for c in lx.PLACES_CONTEXT) or re.search(
            r"\b(har|finns|erbjuder|erbjuds)\b(\s+\w+){0,2}\s+" + re.escape(m.token.text)
            + r"\s+(nya\s+)?platser", low) or re.fullmatch(  # a list item "• 20 platser"
            r"[•·▪*–-]?\s*" + re.escape(m.token.text) + r"\s+platser\.?", low.strip())
        near = self.text[m.token.start:m.token.end + 40].lower()
        if "praktik" in near or "företag" in near or not stated:
            return
        self._emit("places", "all", m.value, s, m, "places")
