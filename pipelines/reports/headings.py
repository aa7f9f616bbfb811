"""Headings: the evidence that makes a line a heading, and the sections they open.

A heading is marked by Markdown level, numbering (`2.1 Namn`), upper case, emphasis or a
closing colon; whether its text is a topic or can name an insats is `topics`.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from pipelines.reports import lexicon as lx
from pipelines.reports.folding import fold
from pipelines.reports.page_furniture import is_page_marker
from pipelines.reports.text import Line
from pipelines.reports.topics import (
    is_insats_name,
    is_topic,
    named_in_topic,
    topic_line,
    without_numbering,
)

_MAX_WORDS = 10
# Styles in the order they are trusted to name insatser, when two or more headings share one.
_STYLE_ORDER = ("md6", "md5", "md4", "md3", "md2", "num3", "num2", "caps", "emph", "num1",
                "colon", "md1")


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
    # part of a short name ("3.4 Steg 1", "2.1 Vägen 2.0", "4.2 Jobbspåret 50+")
    if depth and rest and (not re.search(r"\d\s*$", rest) or re.search(r"\d\s*[–-]\s*\d+\s*$",
                                                                      rest)
                           or re.fullmatch(r"[A-ZÅÄÖ]\S*( \S+){0,2} (?:[1-9]|\d\.\d|\d+\+)",
                                           rest.strip())):
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
        before and _opens_fact_box(lines[i + 1].text)) or (  # "Steg In" / "Huvudman: …"
        before and topic_line(lines[i + 1].text) and not is_topic(text))  # "Lyftet" / "Syfte"
    return before and after


_FACT_BOX_LABELS = frozenset(fold(w) for w in lx.FACT_BOX_LABELS)


def _opens_fact_box(text: str) -> bool:
    """A field of the facts about an insats, as a box of them opens under its name."""
    m = re.match(r"^\s*([A-Za-zÅÄÖåäö ]{3,25}):\s+\S", text)
    return bool(m) and fold(m.group(1)) in _FACT_BOX_LABELS


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
            and (style(line) or is_standalone(lines, i) or topic_line(line.text))]


def heading_path(section_heading: str, subs: list[tuple[int, str]], position: int) -> str:
    """The section's heading and the last of its `sub_headings` above `position`:
    'IPS Hagfjärden › Resultat'."""
    above = bisect.bisect_right([end for end, _ in subs], position)
    parts = [p for p in (section_heading.strip(), subs[above - 1][1] if above else "") if p]
    return " › ".join(dict.fromkeys(parts))


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
    styles = [style(line) for line in lines]
    for i, (line, found) in enumerate(zip(lines, styles, strict=True)):
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
        return _tight_headings(lines, forbund)
    # Insatser are proper names the text speaks of; chapters ("Framåt") are not. The style
    # whose names the text mentions most wins; without mentions, the most trusted style.
    body = _body_text(lines, {i for name in shared for i, _ in by_style[name]})
    mentioned = {name: sum(mentions(n, body) > 0 for _, n in by_style[name]) /
                 len(by_style[name]) for name in shared}
    best = _leaves(by_style, shared, mentioned,
                   max(shared, key=lambda name: mentioned[name]))
    if best == "alone":  # a marking that heads every line set apart, and more, is the marking
        alone = {i for i, _ in by_style["alone"]}
        best = next((name for name in shared if name != "alone"
                     and alone <= {i for i, _ in by_style[name]}), best)
    chosen = by_style[best] if mentioned[best] >= 0.5 else by_style[shared[0]]
    if chosen is by_style["alone"]:  # unmarked lines: only those the text names elsewhere
        chosen = _named_again(chosen, body) or chosen
    return sorted([*chosen, *_above(styles, by_style, best, body)])


def _named_again(headings: list[tuple[int, str]], body: str) -> list[tuple[int, str]]:
    """The headings the text names elsewhere, when two or more are."""
    named = [(i, name) for i, name in headings if mentions(name, body) > 0]
    return named if len(named) >= 2 else []


def _leaves(by_style: dict[str, list[tuple[int, str]]], shared: list[str],
            mentioned: dict[str, float], best: str) -> str:
    """A deeper level of the same marking with more headings, most of which the text names,
    over `best`: chapters by target group hold the insatser ('# 1 UNGA VUXNA' over '## Ung
    Kraft Hallberga', '## Navigator Unga')."""
    family, level = best[:-1], best[-1:]
    if family not in ("md", "num") or not level.isdigit():
        return best
    deeper = [f"{family}{n}" for n in range(int(level) + 1, 7) if f"{family}{n}" in shared]
    deeper = [name for name in deeper if len(by_style[name]) > len(by_style[best])
              and mentioned[name] >= 0.5]
    return deeper[0] if deeper else best


def _tight(lines: list[Line], i: int) -> bool:
    """A short line after a blank one with its paragraph right under it ('Hälsoguide' over
    'En liten försöksinsats som startade i mars …'): a heading with no space below."""
    text = lines[i].text.strip()
    if not text[:1].isupper() or len(text.split()) > 5 or "\t" in lines[i].text or \
            text.endswith((".", ",", ";", ":", "!", "?")) or re.search(r"\d\s*$", text) or \
            i + 1 >= len(lines) or (i and lines[i - 1].text.strip()):
        return False
    below = lines[i + 1].text.strip()
    return below[:1].isupper() and "\t" not in lines[i + 1].text and \
        len(below) >= max(40, 2 * len(text))


def _tight_headings(lines: list[Line], forbund: str) -> list[tuple[int, str]]:
    """Headings with their paragraph right under them, when no other headings are found:
    those the text names again, two or more."""
    found = [(i, line.text.strip()) for i, line in enumerate(lines)
             if _tight(lines, i) and is_insats_name(line.text, forbund)]
    return _named_again(found, _body_text(lines, {i for i, _ in found}))


def _above(styles: list[str | None], by_style: dict[str, list[tuple[int, str]]], best: str,
           body: str) -> list[tuple[int, str]]:
    """A lone insats heading one level above the chosen ones ('## 1. Lotsen' beside
    '### 2.1 Ungkraft'), when the text names it again; a chapter with chosen headings under
    it is no insats of its own."""
    family, level = best[:-1], best[-1:]
    if family not in ("md", "num") or not level.isdigit():
        return []
    higher = {f"{family}{n}" for n in range(1, int(level))}
    chapters = [i for i, found in enumerate(styles) if found in higher]
    chosen = [i for i, _ in by_style[best]]
    found = []
    for style_name in higher:
        for i, name in by_style.get(style_name, ()):
            end = next((j for j in chapters if j > i), len(styles))
            if mentions(name, body) > 0 and not any(i < j < end for j in chosen):
                found.append((i, name))
    return found


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
        if any(w.lower() not in _lowered(body) for w in words):
            continue  # a word the text never has: no need to scan it
        pattern = r"(?<!\w)" + r"\W{1,3}".join(re.escape(w) for w in words) + r"(?!\w)"
        best = max(best, sum(m.group()[0].isupper()
                             for m in re.finditer(pattern, body, re.IGNORECASE)))
    return best


@lru_cache(maxsize=4)
def _lowered(body: str) -> str:
    return body.lower()
