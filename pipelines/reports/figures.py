"""Rules that turn the sentences, forms and tables of one report section into figures.

Each figure keeps the character span of its number and of the clause that states
it, and the name of the rule that fired. The rules are about Swedish report
language only (see `lexicon.py`): none names an insats, a förbund or a report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipelines.reports import lexicon as lx
from pipelines.reports.numbers import Token, as_number, digit_value, tokenize, word_value
from pipelines.reports.periods import MONTHS
from pipelines.reports.tables import read_table
from pipelines.reports.text import Line

_ABBREVIATIONS = ("p.g.a.", "t.ex.", "bl.a.", "s.k.", "ca.", "m.m.", "dvs.", "osv.", "inkl.",
                  "fr.o.m.", "t.o.m.", "resp.", "ev.", "pga.", "jmf.", "mfl.", "st.", "kl.")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"”(]?[A-ZÅÄÖ0-9])")
_CLAUSE_BREAKS = {",", ";", "och", "samt", "varav", "(", ")", ":", "men", "medan", "vilket", "–"}
_VERBS = {"har", "hade", "gick", "gått", "är", "var", "blev", "blivit", "fick", "fått", "skrevs",
          "skrivits", "avslutades", "avslutats", "avslutat", "slutade", "slutat", "till", "av",
          "varit", "ligger", "deltog", "deltar", "började", "kom", "lämnade", "flyttade",
          "flyttat", "återgick", "påbörjade", "fortsatt", "fortsatte", "valde", "avbröt"}
_GOAL_HEADINGS = ("mål", "målet", "mål och syfte", "syfte och mål", "målsättning", "mål:",
                  "förväntade resultat", "projektets mål", "delmål", "effektmål")
_SEX_ORDER = ("women", "men")
# A sentence about participants who ended: a start verb there names where they went.
_ENDED = r"avslut|utskriv|\bslutat|\bslutade|\blämna"
# Words that say what a count is of on their own ("Nyinskrivna under 2023 var 11").
_COUNTED_WORDS = ("nyinskrivna", "inskrivna", "avslutade", "aktuella", "utskrivna", "deltagarna")


def _without_asides(tokens: list[Token]) -> list[Token]:
    """'21 (33 %) gick till arbete': a share in brackets between a count and its predicate
    is an aside; the count and the predicate form one clause."""
    if not any(t.text == "(" for t in tokens):
        return tokens
    kept: list[Token] = []
    i = 0
    while i < len(tokens):
        window = [t.lower for t in tokens[i:i + 5]]
        if (kept and kept[-1].is_digit_number and len(window) == 5 and window[0] == "("
                and tokens[i + 1].is_digit_number and window[2] in ("%", "procent")
                and window[3] == ")" and window[4].isalpha()):
            i += 4
            continue
        kept.append(tokens[i])
        i += 1
    return kept


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
class _Mention:
    index: int
    token: Token
    value: float
    word: bool = False


@dataclass
class _Sentence:
    text: str
    start: int
    tokens: list[Token]
    label: str = ""
    goal_block: bool = False


@dataclass
class SectionFigures:
    """Extracts figures from the lines of one section, keeping context across sentences."""

    text: str
    insats_names: tuple[str, ...] = ()
    figures: list[Figure] = field(default_factory=list)
    _goal_block: bool = False

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
            if "\t" in line.text:
                block = [line]
                while i + 1 < len(lines) and ("\t" in lines[i + 1].text
                                              or not lines[i + 1].text.strip()):
                    i += 1
                    if lines[i].text.strip():
                        block.append(lines[i])
                self._table(block)
                i += 1
                continue
            if line.heading_level or self._is_subheading(lines, i):
                self._goal_block = lx.stem_match(text.lower().strip(" :*"), _GOAL_HEADINGS) \
                    and len(text.split()) <= 4
                i += 1
                continue
            self._line(line)
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
        label = ""
        numbering = re.match(r"^\s*\d+(?:\.\d+)+\.?\s+(?=[A-ZÅÄÖa-zåäö])"
                             r"|^\s*\d+[.)]\s+(?=[A-ZÅÄÖ])", text)
        if m := re.match(r"^\s*((?:[^:\d.!?]|(?<!\d)(?:19|20)\d\d(?!\d)){2,60}):\s*(?=\S)",
                         text[numbering.end():] if numbering else text):
            label = m.group(1).strip(" -•*").lower()
            offset = numbering.end() if numbering else 0
            if self._label_value(line, offset + m.end(), label):
                return
        if re.match(r"^\s*(?:[-•]\s*)?m[aå]l(?:et)?\b", text, re.IGNORECASE):
            label = label or "mål"
        question = ""
        for start, sentence in self._sentences(text):
            if sentence.rstrip().endswith("?"):
                question = sentence.lower()
                continue
            tokens = _without_asides(tokenize(sentence, base=line.start + start))
            if question and self._answer(tokens, question, line.start + start, sentence):
                question = ""
                continue
            question = ""
            self._sentence(_Sentence(sentence, line.start + start, tokens, label,
                                     self._goal_block or "mål" in label))

    @staticmethod
    def _sentences(text: str) -> list[tuple[int, str]]:
        pieces: list[tuple[int, str]] = []
        last = 0
        for m in _SENTENCE_END.finditer(text):
            before = text[last:m.start()].lower()
            if before.endswith(_ABBREVIATIONS):
                continue
            pieces.append((last, text[last:m.start()]))
            last = m.end()
        pieces.append((last, text[last:]))
        return [(s, t) for s, t in pieces if t.strip()]

    # ------------------------------------------------------------------ numbers

    def _mentions(self, s: _Sentence) -> list[_Mention]:
        tokens, found = s.tokens, []
        for i, tok in enumerate(tokens):
            if tok.is_digit_number:
                if self._is_noise_number(s, i):
                    continue
                found.append(_Mention(i, tok, digit_value(tok.text)))
            elif (value := word_value(tok.lower)) is not None and self._word_is_number(tokens, i):
                found.append(_Mention(i, tok, value, word=True))
        return found

    def _is_noise_number(self, s: _Sentence, i: int) -> bool:
        tok, tokens, text = s.tokens[i], s.tokens, self.text
        after = text[tok.end:tok.end + 1]
        before = text[tok.start - 1:tok.start] if tok.start else ""
        nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
        if after.isalpha() or before.isalpha() or (before and before in "-–.:") or (
                after and after in "/:"):
            return True
        if before == "/" and text[tok.start - 2:tok.start - 1].isdigit():
            return True  # 11/16, 31/5: fractions and dates
        if re.match(r"[-–]\s?\d", text[tok.end:tok.end + 3]) or re.match(r"\s\d{3}\b",
                                                                         text[tok.end:tok.end + 5]):
            return True
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
            listed = i > 0 and tokens[i - 1].lower in ("och", ",") and nxt in (
                "till", "på", "pga", "gick", "har", "flyttade", "slutade")
            return listed or leading and (nxt in lx.PEOPLE or nxt in _VERBS - {"av"} or (
                nxt == "av" and i + 2 < len(tokens)
                and tokens[i + 2].lower in ("deltagarna", "dessa", "dem")))
        return nxt in lx.PEOPLE or nxt in lx.SEX_WORDS or nxt in _VERBS

    # ------------------------------------------------------------------ sentences

    def _clause_left(self, s: _Sentence, mentions: list[_Mention], m: _Mention) -> int:
        first = 0
        for other in mentions:
            if other.index < m.index:
                first = other.index + 1
        for j in range(m.index - 1, first - 1, -1):
            if s.tokens[j].lower in _CLAUSE_BREAKS:
                return j + 1
        return first

    def _clause_right(self, s: _Sentence, mentions: list[_Mention], m: _Mention) -> int:
        end = next((o.index for o in mentions if o.index > m.index), len(s.tokens))
        for j in range(m.index + 1, end):
            word = s.tokens[j].lower
            nxt = s.tokens[j + 1].lower if j + 1 < len(s.tokens) else ""
            if word == ";" or (word == "," and nxt in ("vilket", "men", "medan", "där", "då",
                                                       "eftersom", "som")):
                return j
        return end

    def _sentence(self, s: _Sentence) -> None:
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
        sexed: list[tuple[str, float, _Mention, int | None]] = []
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
                figure = self._count(s, counted, m)  # only where they went counts, and
                if figure is not None and (not figure.metric.startswith("ended_") or any(
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
                    and toks[m.index - 2].lower.startswith("plats")):
                self._places(s, m)
                continue
            figure = self._listed_outcome(s, m) or self._count(s, counted, m)
            owners[m.index] = figure
            if figure:
                anchors.append(figure)
        self._attach_sexes(s, anchors, owners, sexed)

    # ------------------------------------------------------------------ rules

    def _emit(self, metric: str, sex: str, value: float, s: _Sentence, m: _Mention,
              rule: str, clause: tuple[int, int] | None = None) -> Figure:
        first, last = clause or (0, len(s.tokens))
        figure = Figure(metric, sex, as_number(round(value, 1)), m.token.start, m.token.end,
                        s.tokens[first].start if first < len(s.tokens) else m.token.start,
                        s.tokens[last - 1].end if last > first else m.token.end, rule)
        self.figures.append(figure)
        return figure

    @staticmethod
    def _sex_after(tokens: list[Token], i: int) -> str | None:
        """'88 kvinnor', '9 personer kvinnor', '254 av dessa är kvinnor'."""
        fillers = ("personer", "st", "stycken", "är", "var", "av", "dessa", "varit", "deltagare")
        for word in [t.lower for t in tokens[i + 1:i + 6]]:
            if word in lx.SEX_WORDS:
                return lx.SEX_WORDS[word]
            if word not in fillers:
                return None
        return None

    @staticmethod
    def _sex_before(tokens: list[Token], i: int) -> str | None:
        """'Kvinnor 34, män 22': a sex word opening a list item, then its count."""
        if i < 1 or tokens[i - 1].lower not in lx.SEX_WORDS:
            return None
        if i >= 2 and tokens[i - 2].text not in (",", ":", "(", ";", "/") and \
                tokens[i - 2].lower not in ("och", "varav"):
            return None
        after = tokens[i + 1].lower if i + 1 < len(tokens) else ""
        return None if after in ("%", "procent") or after.startswith("mån") else \
            lx.SEX_WORDS[tokens[i - 1].lower]

    def _clause_text(self, s: _Sentence, first: int, last: int) -> str:
        if first >= last:
            return ""
        return self.text[s.tokens[first].start:s.tokens[last - 1].end].lower()

    def _listed_outcome(self, s: _Sentence, m: _Mention) -> Figure | None:
        """'Avslutsorsaker: Arbete 6, Studier 3, …': an outcome word, then its count."""
        toks = s.tokens
        if m.index < 1 or not (lx.outcome_of(toks[m.index - 1].lower)):
            return None
        opens_item = m.index == 1 or toks[m.index - 2].text in (",", ":", ";", "-", "•")
        context = f"{s.label} {s.text.lower()}"
        if not opens_item or not re.search(r"avslut|orsak|utfall|utskriv|gått vidare|gick vidare",
                                           context):
            return None
        return self._emit(lx.outcome_of(toks[m.index - 1].lower), "all", m.value, s, m,
                          "outcome:listed", (m.index - 1, m.index + 1))

    def _count(self, s: _Sentence, mentions: list[_Mention], m: _Mention) -> Figure | None:
        toks = s.tokens
        left, right = self._clause_left(s, mentions, m), self._clause_right(s, mentions, m)
        after = [t.lower for t in toks[m.index + 1:right]]
        before = [t.lower for t in toks[left:m.index]]
        predicate_words = ("avslutade", "pågående", "nya", "kvar", "inskrivna")
        has_people = bool(after[:2]) and any(w in lx.PEOPLE for w in after[:2])
        starts_clause = m.index == left and (
            not after or after[0] in _VERBS or after[0] in predicate_words
            or lx.outcome_of(after[0]) is not None)
        ended_context = bool(re.search(_ENDED, s.text, re.IGNORECASE))
        moves_on = bool(after) and (after[0] in lx.MOTION_VERBS or after[0] == "till" or (
            ended_context and after[0] in lx.START_VERBS))
        # "Antal avslutade deltagare: 15, varav …" — the label says what is counted.
        labelled = m.index >= 1 and toks[m.index - 1].text == ":" and any(
            w in lx.PEOPLE for w in s.label.split())
        if labelled:
            before = s.label.split()
        # "Antalet inskrivna deltagare under perioden var 33."
        ends_clause = all(not w.isalnum() for w in after) and bool(before) and \
            before[-1] in ("var", "är", "blev") and any(
                w in lx.PEOPLE or w in _COUNTED_WORDS for w in before)
        states = bool(after) and after[0] in predicate_words  # "Av 25 avslutade har …"
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
                     r"med|följde med|från (föregående|förra) år|när de", clause):
            return None
        if re.search(r"\bi (" + "|".join(MONTHS) + r")\b", clause) or \
                re.search(r"inom \d+ (månader|veckor)", clause):
            return None
        phrase = " ".join(before + ["#"] + after)
        metric = self._predicate(phrase, before, after, s.label)
        if metric is None and has_people and re.match(
                r"\d+ \w+ \(\s*\d+ (kvinn|män|man)", self.text[m.token.start:m.token.start + 40],
                re.IGNORECASE):
            metric = "participants"  # "45 deltagare (17 män, 28 kvinnor)"
        if metric is None:
            return None
        return self._emit(metric, "all", m.value, s, m, f"count:{metric}", (left, right))

    @staticmethod
    def _predicate(phrase: str, before: list[str], after: list[str], label: str) -> str | None:
        """Which participant count a clause states: new, ended, ongoing or all participants."""
        text = f" {phrase} {label} "
        definite = bool(before[-1:]) and before[-1] in ("de", "dessa", "alla", "samtliga")
        relative = re.search(r"# \w+ som ", text) is not None and not definite
        if re.search(r"(fortfarande|fortsatt) (inskriv|aktuell)", text) and "varit" not in after:
            return "participants_ongoing"  # "… fortfarande inskrivna när projektet avslutades"
        if re.search(r"(^| )(# )?nya (#|deltagare|personer|individer)|# nya|nyinskriv|nyantag"
                     r"|skrivits in|skrevs in|skrivit in|skrivs in|inskrivningar|\bstartat\b"
                     r"|\btillkommit\b|\bantagits\b|(på)?börjat (i )?(insatsen|projektet)", text) \
                and not relative:
            return "participants_new"
        if re.search(r"\bavslut(at|ats|ade|ades)\b|(är|var|blivit) avslutad\b|\bslutat\b"
                     r"|\bavbrutit\b|\bavbröt\b"
                     r"|skrivits ut|skrevs ut|skrivit ut|utskrivna|utskrivits", text) \
                and not relative:
            return "participants_ended"
        if re.search(r"pågående|\bkvar\b|oavslutad|(fortfarande|fortsatt) (inskriv|aktuell)"
                     r"|(inskrivna|aktuella) (\w+ )?vid"
                     r"|vid (periodens|årets|kvartalets|månadens|projektets) (slut|utgång)"
                     r"|\bär (det )?(?:[#\w]+ )*?inskrivna", text) \
                and "varit" not in before + after:
            return "participants_ongoing"
        if re.search(r"inskriv|deltagit|\bdeltar\b|\bdeltog\b|\b(haft|hade) (\w+ )?#|registrer"
                     r"|fått ta del"
                     r"|\baktuella\b|tagit del|haft kontakt med|fått stöd"
                     r"|könsfördelning|\bunika\b|omfattats|^ ?av (våra )?# \w+ (var|har)"
                     r"|# (deltagare|personer) totalt\s*(,|$|varav|enligt|\(|\.)", text):
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
        for phrase, metric in lx.OUTCOME_PHRASE_CATEGORIES.items():
            if phrase in clause:
                return metric
        for j, word in enumerate(after):
            metric = lx.outcome_of(word)
            if metric is None or (tokens and self._in_name(tokens[j])):
                continue
            if (start is None or j < start) and metric != "ended_moved":
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
                return "ended_work_or_studies"  # only the combined count is stated
            return metric if len(listed) == 1 else "ambiguous"
        return None

    def _part_of_total(self, s: _Sentence, mentions: list[_Mention], part: _Mention,
                       total: _Mention) -> Figure | None:
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

    def _attach_sexes(self, s: _Sentence, anchors: list[Figure],
                      owners: dict[int, Figure | None],
                      sexed: list[tuple[str, float, _Mention, int | None]]) -> None:
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

    def _earlier_anchor(self, s: _Sentence, total: float, both: bool) -> Figure | None:
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

    def _averages(self, s: _Sentence, mentions: list[_Mention]) -> bool:
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

    def _share(self, s: _Sentence, mentions: list[_Mention], m: _Mention, value: float,
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
        if not (has_work and has_study) or other:
            return
        goal = inside_goal or s.goal_block or any(w in lx.GOAL_WORDS for w in topic) or \
            any(w in ("mål", "målet") for w in low_tokens[:m.index])
        metric = "goal_work_or_studies_pct" if goal else "share_work_or_studies_pct"
        self._emit(metric, "all", value, s, m, "share")

    def _places(self, s: _Sentence, m: _Mention) -> None:
        low = s.text.lower()
        stated = any(c in low for c in lx.PLACES_CONTEXT) or re.search(
            r"\b(har|finns|erbjuder|erbjuds)\b(\s+\w+){0,2}\s+" + re.escape(m.token.text)
            + r"\s+(nya\s+)?platser", low)
        if "praktik" in low or "företag" in low or not stated:
            return
        self._emit("places", "all", m.value, s, m, "places")

    # ------------------------------------------------------------------ forms and tables

    def _label_value(self, line: Line, value_at: int, label: str) -> bool:
        """'Arbetsträning: 4 deltagare (3 Kvinnor/1 man)' and form cells 'Antal avslutade: 12'."""
        rest = line.text[value_at:]
        m = re.match(r"\s*(\d+)\s*(deltagare|personer|st|stycken)?\s*\.?\s*(\([^)]*\)\s*\.?\s*)*$",
                     rest)
        if not m:
            return False
        base = line.start + value_at
        tokens = tokenize(rest, base=base)
        s = _Sentence(rest, base, tokens, label)
        value_token = tokens[0]
        mention = _Mention(0, value_token, digit_value(value_token.text))
        label_words = re.findall(r"[a-zåäöé]+", label)
        metric = self._label_metric(label)
        if metric is None:
            sex = next((lx.SEX_WORDS[w] for w in label_words if w in lx.SEX_WORDS), None)
            if sex and self.figures:
                self._emit(self.figures[-1].metric, sex, mention.value, s, mention, "form:sex")
                return True
            return False
        anchor = self._emit(metric, "all", mention.value, s, mention, "form")
        for sm in re.finditer(r"(\d+)\s*(kvinnor|kvinna|män|man)\b", rest, re.IGNORECASE):
            sex = lx.SEX_WORDS[sm.group(2).lower()]
            value = float(sm.group(1))
            token = Token(sm.group(1), base + sm.start(1), base + sm.end(1))
            if value <= anchor.value:
                self._emit(metric, sex, value, s, _Mention(0, token, value), "form:sex-split")
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
        self._emit(metric, "all", value, _Sentence(text, base, tokens, question),
                   _Mention(0, tokens[0], value), "form:answer")
        return True

    def _label_metric(self, label: str) -> str | None:
        """What a form label or table row label counts ('Avslutat', 'Till sjksk.', …)."""
        words = re.findall(r"[a-zåäöé]+", label)
        # "… som påbörjat insatsen": the insats itself names no outcome in a label.
        metric = next((lx.outcome_of(w) for w in words
                       if lx.outcome_of(w) and w not in ("insats", "insatsen", "projekt",
                                                         "projektet")), None)
        if metric in ("ended_work", "ended_studies") and lx.stem_match_any(
                label, lx.WORK_WORDS) and lx.stem_match_any(label, lx.STUDY_WORDS):
            metric = "ended_work_or_studies"  # "Till arbete/studier"
        if metric is None and any(label.strip() == n.lower() for n in self.insats_names):
            metric = "ended_continued_rehab"  # went on to another insats
        if metric is None:
            metric = self._predicate(f" {label} # ", words, [], "")
        if metric is None and re.search(r"\b(antal|totalt)\b.*\b(deltagare|personer|individer)\b",
                                        label):
            metric = "participants"  # "Antal deltagare under perioden: 34"
        return metric

    def _table(self, rows: list[Line]) -> None:
        """Tab-separated tables (`pipelines.reports.tables`)."""
        for cell in read_table(rows, self._label_metric):
            token = Token(self.text[cell.start:cell.end], cell.start, cell.end)
            s = _Sentence(cell.row.text, cell.row.start, [token], "")
            figure = self._emit(cell.metric, cell.sex, cell.value, s,
                                _Mention(0, token, cell.value), "table")
            figure.insats, figure.period_text = cell.insats, cell.period_text
