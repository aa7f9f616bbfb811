"""Which heading texts are topics and which can name an insats.

A topic heading ("Syfte och mål", "Resultat", "Avslutsorsak", any question) belongs to the
insats above it and never names an insats itself; the topic words are language data
(`lexicon.TOPIC_FIRST_WORDS`). A title names the förbund or the kind of report.
"""

from __future__ import annotations

import re
from functools import cache

from pipelines.reports import lexicon as lx
from pipelines.reports.folding import fold
from pipelines.reports.page_furniture import is_page_marker
from pipelines.reports.periods import MONTHS

# "2.1 Namn", "3. Namn", or "2 Namn" (a bare number only before a capital: "29 platser …"
# is a sentence).
# Chapters may be lettered: "B. INSATSER", "B1. Arbetslivsbron", "B1.2 Resultat".
_NUMBERING = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}\.|\d{1,2}(?=\s+[\"“A-ZÅÄÖ])"
                        r"|[A-H]\d{1,2}(?:\.\d{1,2})*\.?|[A-H]\.(?=\s+[A-ZÅÄÖ]{2}))\s+(?=\S)")
_DATELINE = re.compile(r"\b(?:" + "|".join(MONTHS) + r")\s+(?:19|20)\d\d\s*$", re.IGNORECASE)
_FORBUND_WORDS = ("samordningsförbund", "finsam")


@cache
def _topic_words() -> frozenset[str]:
    return frozenset(fold(w) for w in lx.TOPIC_FIRST_WORDS)


@cache
def _name_opening_topics() -> frozenset[str]:
    return frozenset(fold(w) for w in lx.NAME_OPENING_TOPICS)


def without_numbering(text: str) -> tuple[int, str]:
    """The numbering depth of a heading (`2.1` → 2, none → 0) and the text after it."""
    m = _NUMBERING.match(text)
    if not m:
        return 0, text.strip()
    numbering = m.group(1).rstrip(".")
    lettered = numbering[0].isalpha() and len(numbering) > 1  # "B1" is one level below "B."
    return numbering.count(".") + 1 + lettered, text[m.end():].strip()


@cache
def _topic_endings() -> tuple[str, ...]:
    return tuple(fold(e) for e in lx.TOPIC_ENDINGS)


def is_topic(text: str) -> bool:
    """A heading about a topic (or a question), not a name."""
    _, rest = without_numbering(text)
    rest = rest.strip(" :*\t")
    if not rest or rest.endswith("?"):
        return True
    words = fold(rest).split()
    if words and words[0] in _name_opening_topics() and _named_after(rest.split()[1:]):
        return False
    return not words or words[0] in _topic_words() or words[0].endswith(_topic_endings())


def _named_after(words: list[str]) -> bool:
    """Words after a topic word that make a name: 'Ny Start', '… (KoV)'."""
    return bool(words) and (words[0][:1].isupper() and not words[0].isupper() or any(
        re.fullmatch(r"\((?=[^)]*[A-ZÅÄÖ][^)]*[A-ZÅÄÖ])[A-Za-zÅÄÖåäö-]{2,8}\)", w) for w in words))


_APPENDIX = re.compile(r"^\s*(?i:bilaga|appendix)\s+(?:\d{1,2}|[A-Z])\b\s*[.:–-]?\s*")


def without_appendix(text: str) -> str:
    """A heading without its appendix number: 'Bilaga 2 Steg för steg' → 'Steg för steg'."""
    return _APPENDIX.sub("", text)


def named_in_topic(text: str) -> str | None:
    """The insats a topic heading is about: 'Uppföljning av Steget Vidare 2024' → 'Steget
    Vidare'; None when the heading names none."""
    _, rest = without_numbering(text)
    if (name := without_appendix(rest.strip(" *\t")).strip(" :*")) != rest.strip(" :*\t"):
        # "Bilaga 2 Steg för steg", "Bilaga 2 Rapport från Steg för steg"
        return name if name[:1].isupper() and fold(name.split()[0]) not in _topic_words() \
            else named_in_topic(name)
    words = rest.strip(" :*\t").split()
    if len(words) < 3 or fold(words[0]) not in _topic_words() or words[1] not in lx.TOPIC_OF:
        return None
    name = " ".join(words[2:]).split(",")[0].split()  # "Rapport från Steget, skriven av …"
    while name and re.fullmatch(r"(19|20)\d\d([-–/]\d+)?", name[-1]):
        name.pop()
    if not name or not name[0][:1].isupper() or fold(name[0]) in _topic_words():
        return None
    return " ".join(name)


def is_title(text: str, forbund: str = "") -> bool:
    """A title line: a förbund, part of this report's förbund name, or a kind of report."""
    low = text.lower()
    # A kind of report stands as a word of its own ("Delårsrapport 2024"), not inside a name
    # ("Rehabsamverkan Hammarå (slutredovisning)").
    if any(word in low for word in _FORBUND_WORDS) or re.search(
            r"(?<![a-zåäö])(kvartals|halvårs|delårs|tertial|månads|års)?("
            + "|".join(lx.REPORT_KINDS) + ")", low):
        return True
    folded = fold(text)
    return bool(folded) and bool(forbund) and f" {folded} " in f" {fold(forbund)} "


def is_insats_name(text: str, forbund: str = "") -> bool:
    """A heading or listed name that can be an insats: neither a topic, a title nor a
    dateline ("Storåsen i februari 2025")."""
    if is_page_marker(text) or _DATELINE.search(text):
        return False
    named = named_in_topic(text)
    if named is not None:
        return not is_title(named, forbund)
    # "UNGA I FOKUS (gemensam insats med Samordningsförbundet Bruksberg)": the aside names
    # a partner, the heading an insats
    bare = re.sub(r"\([^)]*\)", " ", text).strip() or text
    return not is_topic(text) and not is_title(bare, forbund)


def topic_line(text: str) -> bool:
    """A short line that names a topic ('Resultat', 'Om insatsen') above its paragraph."""
    text = text.strip()
    return len(text.split()) <= 5 and not re.search(r"[\d.,;\t]", text) and is_topic(text)
