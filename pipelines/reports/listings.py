"""Listings of the insatser a report names up front: a table of contents or a cover list."""

from __future__ import annotations

import re
from collections.abc import Callable

from pipelines.reports import lexicon as lx
from pipelines.reports.folding import fold
from pipelines.reports.text import Line, nonblank

_TOC_LINE = re.compile(r"^(?P<name>\S.{1,80}?)(?:\t+|\s{2,}|\.{3,}\s*)(?P<page>\d{1,3})\s*$")
# A numbered entry with its page after one space, as a table of contents of links leaves it:
# "4.2 Vägen vidare 7".
_NUMBERED_TOC_LINE = re.compile(
    r"^(?P<name>\d{1,2}(?:\.\d{1,2})*\.?\s+[A-ZÅÄÖ][^\d\t]{1,70}?)\s(?P<page>\d{1,3})\s*$")


def toc_names(lines: list[Line]) -> tuple[list[str], int]:
    """Names in a table of contents (lines ending in page numbers that never fall) and the
    line after it."""
    best: list[tuple[int, str, int]] = []
    run: list[tuple[int, str, int]] = []
    for i, line in nonblank(lines):
        m = _TOC_LINE.match(line.text.strip()) or _NUMBERED_TOC_LINE.match(line.text.strip())
        # a list of tables or figures ("Tabell 3. Avslutade …  7") lists no sections
        if m and not m.group("name").strip().isdigit() and "\t" not in m.group("name") and \
                not re.match(r"(?i)(tabell|figur|diagram)\s*\d", m.group("name").strip()):
            run.append((i, m.group("name").strip(" .\t"), int(m.group("page"))))
            continue
        best = _longer_contents(best, run)
        run = []
    best = _longer_contents(best, run)
    if len(best) < 3:
        return [], 0
    return [name for _, name, _ in best], best[-1][0] + 1


def _longer_contents(best: list[tuple[int, str, int]], run: list[tuple[int, str, int]]
                     ) -> list[tuple[int, str, int]]:
    """The longer of `best` and the entries of `run` up to where its pages first fall (a
    table's counts fall at once; a page footer after the contents comes after them)."""
    end = next((n for n in range(1, len(run)) if run[n][2] < run[n - 1][2]), len(run))
    return run[:end] if end > len(best) else best


def cover_names(lines: list[Line], keep: Callable[[str], bool]) -> tuple[list[str], int]:
    """The first run near the start of short emphasised or upper-case lines, as on a cover
    listing the insatser, that holds two or more names `keep` accepts."""
    run: list[tuple[int, str]] = []
    for i, line in [*nonblank(lines)[:40], (len(lines), None)]:
        text = line.text.strip() if line else ""
        marked = line is not None and (line.emphasized or sum(ch.isupper() for ch in text) >= 3
                                       and not any(ch.islower() for ch in text))
        if marked and line.heading_level == 0 and len(text.split()) <= 8 \
                and "\t" not in text and "http" not in text and "www" not in text:
            run.append((i, text))
            continue
        names = [t for _, t in run if keep(t)]
        if len(names) >= 2:
            return names, run[-1][0] + 1
        run = []
    return [], 0


def menu_names(lines: list[Line], keep: Callable[[str], bool]) -> tuple[list[str], int]:
    """The items indented under a menu or list title near the start ("Insatser" with
    "   IPS Ljungådalen", "   Ungdomsporten" under it, as a web page saved as text leaves its
    navigation), when two or more are names `keep` accepts."""
    shown = nonblank(lines)[:80]
    titles = {fold(t) for t in lx.LISTING_TITLES}
    for n, (_, line) in enumerate(shown):
        if fold(line.text.strip().rstrip(":")) not in titles or line.text[:1].isspace():
            continue
        items = []
        for j, item in shown[n + 1:]:
            if not item.text[:1].isspace() or len(item.text.split()) > 8:
                break
            items.append((j, item.text.strip()))
        names = [text for _, text in items if keep(text)]
        if len(names) >= 2:
            return names, items[-1][0] + 1
    return [], 0


_BULLET = re.compile(r"^\s*[•·▪*–-]\s+(?P<name>\S.*?)\s*$")


def bullet_names(lines: list[Line], keep: Callable[[str], bool]) -> tuple[list[str], int]:
    """The first bulleted run near the start whose short items name two or more insatser, as
    on an agenda slide ('• IPS Älvkusten', '• Unga till arbete')."""
    run: list[tuple[int, str]] = []
    for i, line in [*nonblank(lines)[:60], (len(lines), None)]:
        m = _BULLET.match(line.text) if line else None
        if m and len(m.group("name").split()) <= 8 and not re.search(r"\d", m.group("name")) \
                and not m.group("name").endswith((".", ":")):
            run.append((i, re.split(r"\s[–-]\s", m.group("name"))[0].strip()))
            continue
        names = [t for _, t in run if keep(t)]
        if len(run) >= 3 and len(names) >= 2:
            return names, run[-1][0] + 1
        run = []
    return [], 0


# "1) IPS – stöd till arbete. IPS har drivits av …": a numbered paragraph whose first words,
# up to a full stop or colon, name what it is about.
_RUN_IN = re.compile(r"^\s*(?P<n>\d{1,2})[).]\s+(?P<name>[A-ZÅÄÖ][^.:!?\t]{1,70}?)[.:]\s+\S")


def is_run_in(text: str) -> bool:
    """A numbered paragraph that opens with a name: '1) Vägen ut. Vägen ut drivs av …'."""
    return _RUN_IN.match(text) is not None


def run_in_names(lines: list[Line], keep: Callable[[str], bool]) -> list[tuple[int, str]]:
    """(line, name) of numbered paragraphs 1), 2), 3) … that each open with an insats name;
    none unless two or more follow in order."""
    found: list[tuple[int, str]] = []
    for i, line in nonblank(lines):
        m = _RUN_IN.match(line.text)
        if m and int(m.group("n")) == len(found) + 1 and len(m.group("name").split()) <= 8 \
                and keep(m.group("name").strip()):
            found.append((i, m.group("name").strip()))
    return found if len(found) >= 2 else []

