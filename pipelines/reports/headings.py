"""Headings: the evidence that makes a line a heading, and which headings are topics.

A heading is marked by Markdown level, numbering (`2.1 Namn`), upper case, emphasis or a
closing colon. A topic heading ("Syfte och mål", "Resultat", "Avslutsorsak", any question)
belongs to the insats above it and never names an insats itself; the topic words are
language data (`lexicon.TOPIC_FIRST_WORDS`).
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from pipelines.reports import lexicon as lx
from pipelines.reports.folding import fold
from pipelines.reports.text import Line

# "2.1 Namn", "3. Namn", or "2 Namn" (a bare number only before a capital: "29 platser …"
# is a sentence).
# Chapters may be lettered: "B. INSATSER", "B1. Arbetslivsbron", "B1.2 Resultat".
_NUMBERING = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}\.|\d{1,2}(?=\s+[\"“A-ZÅÄÖ])"
                        r"|[A-H]\d{1,2}(?:\.\d{1,2})*\.?|[A-H]\.(?=\s+[A-ZÅÄÖ]{2}))\s+(?=\S)")
_MAX_WORDS = 10
# Styles in the order they are trusted to name insatser, when two or more headings share one.
_STYLE_ORDER = ("md6", "md5", "md4", "md3", "md2", "num3", "num2", "caps", "emph", "num1",
                "colon", "md1")
_FORBUND_WORDS = ("samordningsförbund", "finsam")


@cache
def _topic_words() -> frozenset[str]:
    return frozenset(fold(w) for w in lx.TOPIC_FIRST_WORDS)


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
    return not words or words[0] in _topic_words() or words[0].endswith(_topic_endings())


_APPENDIX = re.compile(r"^\s*(?i:bilaga|appendix)\s+(?:\d{1,2}|[A-Z])\b\s*[.:–-]?\s*")


def without_appendix(text: str) -> str:
    """A heading without its appendix number: 'Bilaga 2 Steg för steg' → 'Steg för steg'."""
    return _APPENDIX.sub("", text)


def named_in_topic(text: str) -> str | None:
    """The insats a topic heading is about: 'Uppföljning av Steget Vidare 2024' → 'Steget
    Vidare'; None when the heading names none."""
    _, rest = without_numbering(text)
    if (name := without_appendix(rest.strip(" *\t")).strip(" :*")) != rest.strip(" :*\t"):
        # "Bilaga 2 Steg för steg"
        return name if name[:1].isupper() and fold(name.split()[0]) not in _topic_words() \
            else None
    words = rest.strip(" :*\t").split()
    if len(words) < 3 or fold(words[0]) not in _topic_words() or words[1] not in lx.TOPIC_OF:
        return None
    name = words[2:]
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
    """A heading or listed name that can be an insats: neither a topic nor a title."""
    if is_page_marker(text):
        return False
    named = named_in_topic(text)
    if named is not None:
        return not is_title(named, forbund)
    # "UNGA I FOKUS (gemensam insats med Samordningsförbundet Bruksberg)": the aside names
    # a partner, the heading an insats
    bare = re.sub(r"\([^)]*\)", " ", text).strip() or text
    return not is_topic(text) and not is_title(bare, forbund)


def style(line: Line) -> str | None:
    """How a line is marked as a heading, if it is one."""
    text = line.text.strip()
    # "JOBBCENTRUM UNGA – ARBETSMARKNADSINSATS FÖR UNGA …": a name, then what it is
    named = re.split(r"\s[–—]\s", text)[0]
    if (not text or "\t" in text or len(named.split()) > _MAX_WORDS
            or text.endswith((".", ",", ";", "?", "!")) or re.search(r"\.{3,}\s*\d+$", text)):
        return None  # a table-of-contents entry ("FRAMTIDSVERKSTAN ...... 7") is no heading
    if line.heading_level:
        return f"md{line.heading_level}"
    depth, rest = without_numbering(text)
    if depth and re.match(r"[^:]{2,80}:\s*\S*\d", rest):
        return None  # a numbered form field with its answer: "6. Andel till arbete: 33 %"
    # a number at the end is a page number, but not an age range ("Bryggan – unga 16–24") nor
    # part of a short name ("3.4 Steg 1")
    if depth and rest and (not re.search(r"\d\s*$", rest) or re.search(r"\d\s*[–-]\s*\d+\s*$",
                                                                      rest)
                           or re.fullmatch(r"[A-ZÅÄÖ]\S*( \S+){0,2} [1-9]", rest.strip())):
        return f"num{min(depth, 3)}"
    letters = [ch for ch in text.split("(")[0] if ch.isalpha()]
    if len(letters) >= 3 and all(ch.isupper() for ch in letters):
        return "caps"  # "BRYGGAN (ESF-projekt, avslutat 2025-08-31)" too
    if line.emphasized:
        return "emph"
    if text.endswith(":") and len(text.split()) <= 6:
        return "colon"
    return None


def is_standalone(lines: list[Line], i: int) -> bool:
    """A short line alone between blank lines that does not read as a sentence or a list."""
    text = lines[i].text.strip()
    # A number at the end is a page number, a count or a date; a year after words is not.
    ends_in_number = re.search(r"\d\s*$", text) and not re.search(r"\D\s(19|20)\d\d$", text)
    if (not text or len(text.split()) > 9 or text.endswith((".", ",", ";", "!"))
            or text.endswith(")") and len(text.split("(")[0].split()) > 5
            or "\t" in text or ends_in_number or re.match(r"^[-–•\d]", text)
            and not re.match(r"^(19|20)\d\d\s+\D", text)):
        return False
    before = i == 0 or not lines[i - 1].text.strip() or is_page_marker(lines[i - 1].text)
    after = i + 1 >= len(lines) or not lines[i + 1].text.strip() or (
        before and i > 0 and is_page_marker(lines[i - 1].text)) or (  # a slide's title
        before and _opens_fact_box(lines[i + 1].text))  # "Steg In" / "Huvudman: …"
    return before and after


_FACT_BOX_LABELS = frozenset(fold(w) for w in lx.FACT_BOX_LABELS)


def _opens_fact_box(text: str) -> bool:
    """A field of the facts about an insats, as a box of them opens under its name."""
    m = re.match(r"^\s*([A-Za-zÅÄÖåäö ]{3,25}):\s+\S", text)
    return bool(m) and fold(m.group(1)) in _FACT_BOX_LABELS


_PAGE_MARKER = re.compile(r"^[\s\-–=*#|]*(bild|sida|slide|page|sid)\s*\.?\s*\d+"
                          r"(\s*(av|/|of)\s*\d+)?[\s\-–=*#|]*$", re.IGNORECASE)


def is_page_marker(text: str) -> bool:
    """A page or slide marker a converter leaves ('--- Bild 4 ---', '-- Sida 2 av 7 --')."""
    return bool(_PAGE_MARKER.match(text))


def chapter_insatser(lines: list[Line], starts: set[int],
                     forbund: str = "") -> list[tuple[int, str]]:
    """Insatser headed inside a chapter about insatser that a listing did not name: the
    sub-headings of 'Insatser för unga vuxna' up to the next section or chapter."""
    found: list[tuple[int, str]] = []
    for c, line in enumerate(lines):
        chapter = style(line)
        if c in starts or chapter in (None, "colon") or not is_topic(line.text) or not any(
                w.startswith("insats") for w in fold(line.text).split()):
            continue
        for i in range(c + 1, len(lines)):
            if i in starts or style(lines[i]) == chapter:
                break
            if style(lines[i]) and is_insats_name(lines[i].text, forbund):
                found.append((i, without_numbering(lines[i].text.strip())[1].strip(" :*")))
    return found


def numbered_insatser(lines: list[Line], starts: list[tuple[int, str]],
                      forbund: str = "") -> list[tuple[int, str]]:
    """A chapter listed as a section ('3 Unga vuxna 16–29 år') that numbers insatser under
    it ('3.1 Ung Framtid', '3.2 Navet'): the insatser replace the chapter."""
    bounds = [i for i, _ in starts] + [len(lines)]
    by_chapter = []
    for (i, _), end in zip(starts, bounds[1:], strict=True):
        chapter = re.match(r"^\s*(\d{1,2})\.?\s+\S", lines[i].text)
        by_chapter.append([(j, without_numbering(lines[j].text.strip())[1].strip(" :*"))
                           for j in range(i + 1, end) if chapter and re.match(
                               rf"^\s*{chapter.group(1)}\.\d{{1,2}}\.?\s+\S", lines[j].text)
                           and style(lines[j]) and is_insats_name(lines[j].text, forbund)])
    # a sub-heading under every chapter ("1.1 Kort om insatsen") is the template's
    kept = set(_unrepeated([sub for subs in by_chapter for sub in subs], _listing_lines(lines)))
    found: list[tuple[int, str]] = []
    for start, subs in zip(starts, by_chapter, strict=True):
        found.extend([sub for sub in subs if sub in kept] or [start])
    return found


def sub_headings(lines: list[Line]) -> list[tuple[int, str]]:
    """(end, text) of each sub-heading of a section's lines, its own heading (the first line)
    left out, in reading order."""
    return [(line.end, line.text.strip().strip(" :*")) for i, line in enumerate(lines)
            if i > 0 and line.text.strip()
            and (style(line) or is_standalone(lines, i) or _topic_line(line.text))]


def heading_path(section_heading: str, subs: list[tuple[int, str]], position: int) -> str:
    """The section's heading and the last of its `sub_headings` above `position`:
    'IPS Hagfjärden › Resultat'."""
    above = bisect.bisect_right([end for end, _ in subs], position)
    parts = [p for p in (section_heading.strip(), subs[above - 1][1] if above else "") if p]
    return " › ".join(dict.fromkeys(parts))


def _topic_line(text: str) -> bool:
    """A short line that names a topic ('Resultat', 'Om insatsen') above its paragraph."""
    text = text.strip()
    return len(text.split()) <= 5 and not re.search(r"[\d.,;\t]", text) and is_topic(text)


def _listing_lines(lines: list[Line]) -> set[int]:
    """Lines in a run of three or more adjacent heading-like lines: a listing (a table of
    contents without page numbers, an agenda), not headings."""
    found: set[int] = set()
    run: list[int] = []
    for i, line in [*enumerate(lines), (len(lines), None)]:
        if line is not None and line.text.strip() and style(line) is not None:
            run.append(i)
            continue
        if len(run) >= 3:
            found.update(run)
        run = []
    return found


def _unrepeated(named: list[tuple[int, str]], listing: set[int]) -> list[tuple[int, str]]:
    """Headings whose text occurs once: a heading repeated under every insats ("Kort om
    insatsen", "FAKTARUTA") belongs to the report's template, not to one insats. The lines
    of a listing are not headings and are not counted."""
    named = [(i, name) for i, name in named if i not in listing]
    counts: dict[str, int] = {}
    for _, name in named:
        counts[fold(name)] = counts.get(fold(name), 0) + 1
    return [(i, name) for i, name in named if counts[fold(name)] == 1]


def heading_sections(lines: list[Line], forbund: str = "") -> list[tuple[int, str]]:
    """Headings that name insatser: the most trusted style shared by two or more headings
    that are neither topics nor titles; their names without numbering."""
    by_style: dict[str, list[tuple[int, str]]] = {}
    for i, line in enumerate(lines):
        found = style(line)
        if found is None or not is_insats_name(line.text, forbund):
            continue
        name = named_in_topic(line.text) or without_numbering(line.text.strip())[1].strip(" :*")
        by_style.setdefault(found, []).append((i, name))
    listing = _listing_lines(lines)
    for found, named in by_style.items():
        by_style[found] = _unrepeated(named, listing)
    # Headings set apart by blank lines, whatever their marking.
    by_style["alone"] = _unrepeated(listing=listing, named=[
        (i, named_in_topic(line.text) or line.text.strip().strip(" :*"))
        for i, line in enumerate(lines)
        if is_standalone(lines, i) and is_insats_name(line.text, forbund)])
    shared = [name for name in (*_STYLE_ORDER, "alone") if len(by_style.get(name, ())) >= 2]
    if not shared:
        return []
    # Insatser are proper names the text speaks of; chapters ("Framåt") are not. The style
    # whose names the text mentions most wins; without mentions, the most trusted style.
    body = _body_text(lines, {i for name in shared for i, _ in by_style[name]})
    mentioned = {name: sum(mentions(n, body) > 0 for _, n in by_style[name]) /
                 len(by_style[name]) for name in shared}
    best = max(shared, key=lambda name: mentioned[name])
    chosen = by_style[best] if mentioned[best] >= 0.5 else by_style[shared[0]]
    if chosen is by_style["alone"]:  # unmarked lines: only those the text names elsewhere
        named = [(i, n) for i, n in chosen if mentions(n, body) > 0]
        chosen = named if len(named) >= 2 else chosen
    return sorted([*chosen, *_above(by_style, best, body)])


def _above(by_style: dict[str, list[tuple[int, str]]], best: str,
           body: str) -> list[tuple[int, str]]:
    """A lone insats heading one level above the chosen ones ('## 1. Lotsen' beside
    '### 2.1 Ungkraft'), when the text names it again."""
    family, level = best[:-1], best[-1:]
    if family not in ("md", "num") or not level.isdigit():
        return []
    higher = {f"{family}{n}" for n in range(1, int(level))}
    return [(i, name) for style_name in higher for i, name in by_style.get(style_name, ())
            if mentions(name, body) > 0]


def _body_text(lines: list[Line], headings: set[int]) -> str:
    return "\n".join(line.text for i, line in enumerate(lines) if i not in headings)


def mentions(name: str, body: str) -> int:
    """How often the text names `name` (or its short form) with a capital, as a proper name."""
    bracketed = re.search(r"\(([^)]{2,30})\)", name)
    plain = re.sub(r"\([^)]*\)", " ", name)
    dashed = re.split(r"\s[–-]\s", plain)
    # "Arbetslivsinriktad rehabilitering – ALR-teamet": the text may use the short form after
    # the dash
    short = dashed[-1] if len(dashed) == 2 and len(dashed[-1].split()) <= 2 else ""
    variants = {plain, re.split(r"\s[–-]\s|:", plain)[0], short,
                bracketed.group(1) if bracketed else ""}
    best = 0
    for variant in variants:
        words = re.findall(r"\w+", variant)
        if not words or len("".join(words)) < 3:
            continue
        pattern = r"(?<!\w)" + r"\W{1,3}".join(re.escape(w) for w in words) + r"(?!\w)"
        best = max(best, sum(m.group()[0].isupper()
                             for m in re.finditer(pattern, body, re.IGNORECASE)))
    return best
