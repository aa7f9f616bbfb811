"""Sentence rules: what a count in a clause counts (participants, new, ended, ongoing), where
the ended went, and the women/men split of a total. Mixed into `SectionFigures`."""

from __future__ import annotations

import re

from pipelines.reports import lexicon as lx
from pipelines.reports.figure_types import Figure, Mention, Sentence
from pipelines.reports.numbers import Token
from pipelines.reports.periods import MONTHS

_SEX_ORDER = ("women", "men")


class CountRules:
    """Counts, outcomes and sex splits in sentences."""

    @staticmethod
    def _sex_after(tokens: list[Token], i: int) -> str | None:
        """'88 kvinnor', '9 personer kvinnor', '254 av dessa är kvinnor'."""
        fillers = ("personer", "st", "stycken", "är", "var", "av", "dessa", "varit", "deltagare")
        if i + 1 < len(tokens) and tokens[i + 1].text in lx.SEX_LETTERS:
            return lx.SEX_LETTERS[tokens[i + 1].text]  # "(14 K / 9 M)"
        for word in [t.lower for t in tokens[i + 1:i + 6]]:
            if word in lx.SEX_WORDS:
                return lx.SEX_WORDS[word]
            if word not in fillers:
                return None
        return None

    @staticmethod
    def _sex_before(tokens: list[Token], i: int) -> str | None:
        """'Kvinnor 34, män 22': a sex word opening a list item, then its count."""
        letter = i >= 1 and tokens[i - 1].text in lx.SEX_LETTERS  # "(K 33 / M 25)"
        if i < 1 or tokens[i - 1].lower not in lx.SEX_WORDS and not letter:
            return None
        if i >= 2 and tokens[i - 2].text not in (",", ":", "(", ";", "/") and \
                tokens[i - 2].lower not in ("och", "varav"):
            return None
        after = tokens[i + 1].lower if i + 1 < len(tokens) else ""
        if after in ("%", "procent") or after.startswith("mån"):
            return None
        return lx.SEX_LETTERS[tokens[i - 1].text] if letter else lx.SEX_WORDS[tokens[i - 1].lower]

    def _clause_text(self, s: Sentence, first: int, last: int) -> str:
        if first >= last:
            return ""
        return self.text[s.tokens[first].start:s.tokens[last - 1].end].lower()

    def _listed_outcome(self, s: Sentence, m: Mention) -> Figure | None:
        """'Avslutsorsaker: Arbete 6, Studier 3, annan insats 2': an outcome label opening a list
        item, then its count."""
        toks = s.tokens
        first, depth, label = m.index, 0, []
        while first > 0 and len(label) < 4:
            word = toks[first - 1].lower
            if word == ")" or word == "(":
                depth += 1 if word == ")" else -1
            elif word == ".":
                pass  # the point of a short form: "arb. 2"
            elif depth == 0 and word in lx.ITEM_BREAKS:
                break
            elif depth == 0:
                label.append(word)
            first -= 1
        if depth or (first > 0 and toks[first - 1].lower not in lx.ITEM_BREAKS):
            return None  # "Arbete (inkl. lönestöd) 5": asides in brackets are skipped
        label.reverse()
        if not label or not all(w.isalpha() for w in label) or any(
                w in lx.VERBS - {"till", "av", "fortsatt"} and lx.outcome_of(w) is None
                for w in label):
            return None  # "…, hade insatsen 19 deltagare": a clause, not a list label
        outcomes = [o for w in label if (o := lx.outcome_of(w))]
        if not outcomes:
            return None
        context = f"{s.label} {s.text.lower()}"
        if not s.after_ended and not re.search(lx.OUTCOME_LIST_CONTEXT, context):
            return None
        metric = "ended_work_or_studies" if set(outcomes) == {"ended_work", "ended_studies"} \
            else outcomes[0]
        return self._emit(metric, "all", m.value, s, m, "outcome:listed", (first, m.index + 1))

    def _count(self, s: Sentence, mentions: list[Mention], m: Mention) -> Figure | None:
        toks = s.tokens
        left, right = self._clause_left(s, mentions, m), self._clause_right(s, mentions, m)
        after = [t.lower for t in toks[m.index + 1:right]]
        before = [t.lower for t in toks[left:m.index]]
        predicate_words = lx.COUNT_PREDICATES
        has_people = bool(after[:2]) and any(w in lx.PEOPLE for w in after[:2])
        starts_clause = m.index == left and (
            not after or after[0] in lx.VERBS or after[0] in predicate_words
            or lx.outcome_of(after[0]) is not None or after[0] in lx.OUTCOME_MODIFIERS
            and len(after) > 1 and lx.outcome_of(after[1]) is not None)
        ended_context = s.after_ended or bool(re.search(lx.ENDED_PATTERN, s.text, re.IGNORECASE))
        moves_on = bool(after) and (after[0] in lx.MOTION_VERBS or after[0] == "till" or (
            ended_context and after[0] in lx.START_VERBS))
        # "Antal avslutade deltagare: 15, varav …" — the label says what is counted.
        labelled = m.index >= 1 and toks[m.index - 1].text == ":" and any(
            w in lx.PEOPLE for w in s.label.split())
        if labelled:
            before = s.label.split()
        # "Antalet inskrivna deltagare under perioden var 33."
        ends_clause = (all(not w.isalnum() for w in after) or after[:1] == ["jämfört"]) and \
            bool(before) and \
            before[-1] in ("var", "är", "blev") and any(
                w in lx.PEOPLE or w in lx.COUNTED_WORDS for w in before)
        states = bool(after) and after[0] in predicate_words  # "Av 25 avslutade har …"
        # "Motsvarande period var antalet deltagare 19."
        states = states or all(not w.isalnum() for w in after) and len(before) >= 2 and \
            before[-1] in lx.PEOPLE and any(w in ("antal", "antalet") for w in before[-4:-1])
        if not (has_people or m.word or starts_clause or moves_on or labelled or ends_clause
                or states or
                (before[-1:] and before[-1] in ("alla", "samtliga", "totalt"))):
            return None
        if after[:1] and after[0] in lx.NOT_PARTICIPANTS:
            return None
        clause = self._clause_text(s, left, right)
        outcome = self._outcome(after, clause[clause.find(m.token.text.lower()):],
                                toks[m.index + 1:right], ended_context)
        if outcome == "ambiguous":
            return None
        if outcome:
            return self._emit(outcome, "all", m.value, s, m, "outcome", (left, right))
        if m.value != 0 and (any(w in lx.MODALS for w in before[-5:] + after)
                             or any(w in lx.NEGATIONS for w in after)):
            return None
        if re.search(r"sedan tidigare|tidigare år|startade (året|\d{4}) med|började (året|\d{4}) "
                     r"med|följde med|från (föregående|förra) år|när de|\bväntar\b|väntelista",
                     clause):
            return None
        if re.search(r"\bi (" + "|".join(MONTHS) + r")\b", clause) or \
                re.search(r"inom \d+ (månader|veckor)", clause):
            return None
        phrase = " ".join(before + ["#"] + after)
        metric = self._predicate(phrase, before, after, s.label)
        if metric is None and has_people and (re.match(
                r"\d+ \w+\.?\s*(\(|,?\s*varav|;|\s[–-])\s*"
                r"(\d+ (unga )?(kvinn|män|man)|[KM] \d+|\d+ ?[KM]\b)",
                self.text[m.token.start:m.token.start + 40], re.IGNORECASE) or re.fullmatch(
                r"[•·▪*–-]?\s*" + re.escape(m.token.text) + r" \w+\.?", s.text.strip())):
            # "45 deltagare (17 män, 28 kvinnor)", "27 deltagare, varav 21 kvinnor och 6 män",
            # "19 deltagare – 17 kvinnor, 2 män", a list item "• 23 deltagare"
            metric = "participants"
        if metric is None:
            return None
        return self._emit(metric, "all", m.value, s, m, f"count:{metric}", (left, right))

    @staticmethod
    def _predicate(phrase: str, before: list[str], after: list[str], label: str) -> str | None:
        """Which participant count a clause states: new, ended, ongoing or all participants
        (the phrasings are language data: `lexicon.PREDICATES`)."""
        text = f" {phrase} {label} "
        definite = bool(before[-1:]) and before[-1] in ("de", "dessa", "alla", "samtliga")
        relative = re.search(r"# \w+ som ", text) is not None and not definite
        if re.search(lx.PREDICATES["still_enrolled"], text) and "varit" not in after:
            return "participants_ongoing"  # "… fortfarande inskrivna när projektet avslutades"
        if re.search(lx.PREDICATES["participants_new"], text) and not relative:
            return "participants_new"
        if re.search(lx.PREDICATES["participants_ended"], text) and not relative:
            return "participants_ended"
        if re.search(lx.PREDICATES["participants_ongoing"], text) and \
                "varit" not in before + after:
            return "participants_ongoing"
        if re.search(lx.PREDICATES["participants"], text):
            return "participants"
        return None

    def _outcome(self, after: list[str], clause: str, tokens: list[Token] | None = None,
                 ended_context: bool = False) -> str | None:
        """The outcome named in a clause, 'ambiguous' when several are listed, or None.

        Outcomes are named after a verb of moving on ("gick vidare till", "har gått till"),
        after "till" right behind the number ("13 till fortsatt rehabilitering"), or after
        a cause ("p.g.a."); moving away and a few other reasons name themselves.
        """
        start = None
        for j, word in enumerate(after):
            previous = after[j - 1] if j else ""
            following = after[j + 1] if j + 1 < len(after) else ""
            if word == "och" and following in ("är", "var"):
                break  # "… 64 deltagare och är fortsatt förbundets största insats"
            if word in lx.MOTION_VERBS or (word == "till" and (
                    j == 0 or previous.startswith("avslut"))) or (
                    word == "fått" and lx.stem_match(following, lx.WORK_WORDS)) or (
                    word in lx.START_VERBS and ended_context and (
                        lx.stem_match(following, lx.WORK_WORDS)
                        or lx.stem_match(following, lx.STUDY_WORDS))) or (
                    # "skrevs ut som arbetssökande", "2 är arbetssökande" (after an ending)
                    ended_context and lx.outcome_of(following) == "ended_job_seeking" and (
                        word == "som" or j == 0 and word in ("är", "blev"))):
                start = j + 1
                break
        if any(p in clause for p in lx.CAUSE_PHRASES):
            cause_at = min(clause.find(p) for p in lx.CAUSE_PHRASES if p in clause)
            start = 0 if start is None else start
            start = min(start, len(clause[:cause_at].split()) - 1) if cause_at >= 0 else start
        stated = [(clause.find(p), m) for p, m in lx.OUTCOME_PHRASE_CATEGORIES.items()
                  if p in clause]
        named, at = self._outcome_word(after, tokens, start, ended_context)
        if stated and (named is None or min(stated)[0] < clause.find(after[at])):
            return min(stated)[1]  # the phrase nearest the count
        return named

    def _outcome_word(self, after: list[str], tokens: list[Token] | None, start: int | None,
                      ended_context: bool) -> tuple[str | None, int]:
        """The outcome a word after the count names, and where; 'ambiguous' for a list."""
        for j, word in enumerate(after):
            metric = lx.outcome_of(word)
            if metric is None or (tokens and self._in_name(tokens[j])) or (
                    word in lx.OUTCOME_WORDS and j and after[j - 1] in lx.LEAVING_VERBS):
                continue  # "lämnade insatsen" names no destination
            if tokens and j > 0 and tokens[j].text[:1].isupper() and metric in (
                    "ended_work", "ended_studies") and word not in lx.WORK_WORDS + lx.STUDY_WORDS:
                metric = "ended_continued_rehab"  # "gick vidare till Jobbverkstan": a name
            right_after = j == 0 or j == 1 and after[0] in lx.OUTCOME_MODIFIERS
            if (start is None or j < start) and metric != "ended_moved" and not (
                    ended_context and right_after):  # "15 avslut: 4 arbete, 3 annan insats"
                continue
            listed, last, separated = {metric}, j, False
            for k in range(j + 1, len(after)):  # "arbete, studier eller arbetssökande"
                if k - last > 3:
                    break
                if after[k] in (",", "/", "och", "eller"):
                    separated = True
                elif (other := lx.outcome_of(after[k])) and separated:
                    listed.add(other)
                    last, separated = k, False
            if listed == {"ended_work", "ended_studies"}:
                return "ended_work_or_studies", j  # only the combined count is stated
            return (metric if len(listed) == 1 else "ambiguous"), j
        return None, -1

    def _part_of_total(self, s: Sentence, mentions: list[Mention], part: Mention,
                       total: Mention) -> Figure | None:
        """'1 av 5 kvinnor har …': the part by its predicate, the total as participants."""
        toks = s.tokens
        sex = self._sex_after(toks, total.index)
        right = self._clause_right(s, mentions, total)
        after = [t.lower for t in toks[total.index + 1:right]]
        clause = self._clause_text(s, total.index, right)
        outcome = self._outcome(after, clause, toks[total.index + 1:right])
        figure = None
        if outcome and outcome != "ambiguous":
            figure = self._emit(outcome, sex or "all", part.value, s, part, "part-of:outcome")
        elif not outcome:
            metric = self._predicate(" ".join(["#", *after]), [], after, "")
            if metric and sex:
                figure = self._emit(metric, sex, part.value, s, part, "part-of:count")
        if sex:
            self._emit("participants", sex, total.value, s, total, "part-of:total")
        elif after[:1] and after[0].startswith("avslutade"):
            self._emit("participants_ended", "all", total.value, s, total, "part-of:total")
        return figure

    def _attach_sexes(self, s: Sentence, anchors: list[Figure],
                      owners: dict[int, Figure | None],
                      sexed: list[tuple[str, float, Mention, int | None]]) -> None:
        """Women/men counts belong to the figure they follow, or break down an earlier one."""
        if not sexed:
            return
        loose = [(sex, value, m) for sex, value, m, owner in sexed if owner is None]
        for sex, value, m, owner in sexed:
            if owner is None:
                continue
            anchor = owners.get(owner)
            if anchor is not None and value <= anchor.value:
                self._emit(anchor.metric, sex, value, s, m, "sex-split")
        if not loose or len(loose) > 2:
            return
        total = sum(v for _, v, _ in loose)
        anchor = self._earlier_anchor(s, total, len({sex for sex, _, _ in loose}) == 2)
        if anchor is not None:
            for sex, value, m in loose:
                if value <= anchor.value:
                    self._emit(anchor.metric, sex, value, s, m, "sex-split")
            return
        if re.search(r"\b(?:av )?(?:dessa|de) \d+", s.text.lower()):
            return  # breaks down a group this section gives no figure for
        phrase = f"{s.text.lower()} {s.label}"
        metric = "participants" if "könsfördelning" in phrase else self._predicate(
            phrase.replace(str(int(loose[0][1])), "#", 1), [], phrase.split(), "")
        if metric is None:
            return
        for sex, value, m in loose:
            self._emit(metric, sex, value, s, m, "sex-only")

    def _earlier_anchor(self, s: Sentence, total: float, both: bool) -> Figure | None:
        """An earlier figure these sex counts break down: 'Av dessa 18 …' or matching sums."""
        low = s.text.lower()
        ref = re.search(r"\b(?:av )?(?:dessa|de|våra) (\d+)", low)
        wanted = float(ref.group(1)) if ref else (total if both else None)
        if wanted is None:
            return None
        for figure in reversed(self.figures[-8:]):
            if figure.sex == "all" and figure.value == wanted and s.start - figure.end < 600:
                return figure
        return None
