"""Split a report into insats sections and find each section's period.

Names come from the report itself: a table of contents, a list of names on the
cover, "Insatsens namn: …" fields, or headings followed by the usual form fields
("Period", "Syfte", …). Nothing here knows any förbund or insats.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from pipelines.reports import lexicon as lx
from pipelines.reports.fields import (
    kind_title_insats,
    label_of,
    name_fields,
    title_insats,
)
from pipelines.reports.folding import fold
from pipelines.reports.forbund import forbund_name
from pipelines.reports.headings import (
    chapter_insatser,
    heading_sections,
    is_standalone,
    mentions,
    numbered_insatser,
    style,
)
from pipelines.reports.listed_sections import heading_candidates, listed_sections, section_name
from pipelines.reports.listings import (
    bullet_names,
    cover_names,
    is_run_in,
    menu_names,
    run_in_names,
    toc_names,
)
from pipelines.reports.named_paragraphs import (
    named_paragraph_sections,
    opening_name_sections,
    times_named,
)
from pipelines.reports.periods import (
    Period,
    clip,
    explicit_period,
    titled_year,
    year_period,
)
from pipelines.reports.report_periods import (
    document_period,
    insats_lifetime,
    section_period_field,
)
from pipelines.reports.tables import table_insats_names
from pipelines.reports.text import Document, Line
from pipelines.reports.topics import is_insats_name, without_numbering

_FORM_FIELDS = ("period", "projektperiod", "samverkande parter", "projektägare", "syfte",
                "bakgrund", "målgrupp", "insatsperiod", "projektägare/ansvarig part")
@dataclass
class Section:
    name: str
    start: int
    end: int
    period: Period | None
    lifetime: Period | None
    heading: str
    run_in: bool = False  # the heading opens the first paragraph ("1) Namn. Text …")


def _form_sections(doc: Document) -> list[tuple[int, str]]:
    """Headings followed closely by the usual insats form fields."""
    lines = doc.lines
    found = []
    fields = {fold(f) for f in _FORM_FIELDS}
    for i in heading_candidates(doc, 0):
        if fold(lines[i].text) in fields or not is_insats_name(lines[i].text):
            continue
        following = [label_of(line.text) for line in lines[i + 1:i + 8]
                     if line.text.strip()][:3]
        if following and following[0] in fields:
            found.append((i, without_numbering(lines[i].text.strip())[1].strip(" :*")))
    return found


def _insats_names(listed: tuple[list[str], int], forbund: str) -> tuple[list[str], int]:
    """The names of a listing that can be insatser; none when fewer than two are left."""
    names = [name for name in listed[0] if is_insats_name(name, forbund)]
    return (names, listed[1]) if len(names) >= 2 else ([], 0)


def _found_again(doc: Document, names: list[str], after: int) -> list[tuple[int, str]]:
    """The sections of a listing's names found again as headings; none when fewer than two
    (or than the listing holds) are found: then it lists something else."""
    starts = listed_sections(doc, names, after) if names else []
    return starts if starts and len({n for _, n in starts}) >= min(2, len(names)) else []


def _fields_or_headings(doc: Document, forbund: str) -> list[tuple[int, str]]:
    """The insatser of name fields; when headings name more insatser, among them those of the
    fields (a form for one insats inside a report on several), the headings; and headings
    after the forms that a sentence names together with a form's insats."""
    fields = name_fields(doc.lines)
    if not fields:
        return []
    headed = heading_sections(doc.lines, forbund)
    names = {fold(name) for _, name in headed}
    own = {fold(name) for _, name in fields}
    field_lines = {i for i, _ in fields}
    if len(headed) > len(fields) and (own <= names or field_lines <= {i for i, _ in headed}):
        others = [(i, name) for i, name in headed
                  if fold(name) not in own and i not in field_lines]
        named = [(i, name) for i, name in others if mentions(name, doc.text) >= 2]
        if len(named) == len(others) and own <= names:
            return headed  # insatser the text names
        return sorted([*fields, *named])
    # A form for one insats beside another insats' section in a layout of its own
    later = [(i, name) for i, name in headed if i > max(field_lines) and fold(name) not in own]
    if not later:
        return fields
    # "… två insatser: Aktivitetshuset och Resursteam Älvsala."
    sentences = [fold(s) for s in re.split(r"(?<=[.!?])\s|\n\s*\n", doc.text)]
    after = [(i, name) for i, name in later if any(
        fold(name) in sentence and mine in sentence for sentence in sentences for mine in own)]
    return sorted([*fields, *after])


def _sub_projects(doc: Document, forbund: str, project: str) -> list[tuple[int, str]]:
    """The parts of a project a report on it heads as its own ('4.1 Delprojekt A – Verkstan',
    'Spår Arbete', 'Framsteg Unga' in a report on Framsteg), two or more; its text before
    them is about the whole project."""
    named = f"{fold(project)} "
    parts = [(i, name) for i, name in heading_sections(doc.lines, forbund)
             if (fold(name).split() or [""])[0] in _SUB_PROJECT_WORDS
             or (fold(name).startswith(named) and len(fold(name)) > len(named))]
    if len(parts) < 2:
        return []
    # a chapter numbered above the parts ("5. Resultat för hela projektet" after "4.2 …")
    # is about the whole project again
    depth = without_numbering(doc.lines[parts[-1][0]].text.strip())[0]
    chapter = next((i for i in range(parts[-1][0] + 1, len(doc.lines))
                    if (found := style(doc.lines[i])) and found.startswith("num")
                    and 0 < without_numbering(doc.lines[i].text.strip())[0] < depth), None)
    return parts + ([(chapter, project)] if chapter is not None else [])


def _headed_under(doc: Document, starts: list[tuple[int, str]],
                  forbund: str) -> list[tuple[int, str]]:
    """When the listed chapters are target groups with the insatser headed under them ('1
    Unga vuxna' over 'Ung Kraft', 'Navigator Unga'), those headings; else `starts`."""
    chapters = {i for i, _ in starts}
    levels = {found for i in chapters if (found := style(doc.lines[i])) and found[-1:].isdigit()}
    if not any((found := style(line)) and found[-1:].isdigit() and any(
            found[:-1] == level[:-1] and found[-1] > level[-1] for level in levels)
               for line in doc.lines[min(chapters):]):
        return starts  # no heading a level below the chapters'
    leaves = [(i, n) for i, n in heading_sections(doc.lines, forbund)
              if i not in chapters and i > min(chapters)]
    bounds = [*sorted(chapters), len(doc.lines)]
    holding = sum(any(a < i < b for i, _ in leaves)
                  for a, b in zip(bounds, bounds[1:], strict=False))
    return leaves if holding >= 2 and len(leaves) > len(starts) else starts


def _unnamed(doc: Document, starts: list[tuple[int, str]]) -> bool:
    """Whether the text speaks of none of the headings it has by name: then
    they are topics ("Kort om perioden", "Insatserna"), not insatser."""
    text = fold(doc.text)

    def named(name: str) -> bool:
        first = fold(name).split()[:1]
        return mentions(name, doc.text) >= 2 or bool(first) and len(first[0]) >= 5 and \
            first[0] not in lx.SENTENCE_STARTERS and \
            times_named(first[0], text) >= 2  # "Jobbslussen" for "Jobbslussen Sjöstrand"

    return not any(named(name) for _, name in starts)


def _forbund_wide(lines: list[Line], first: int, last: int) -> int | None:
    """The first heading between `first` and `last` about the whole förbund."""
    for j in range(first, last):
        text = lines[j].text.strip()
        if len(text.split()) <= 8 and lx.names_forbund_wide(text) and (
                style(lines[j]) or is_standalone(lines, j)):
            return j
    return None


_SUB_PROJECT_WORDS = frozenset(fold(w) for w in lx.SUB_PROJECT_WORDS)


def find_sections(doc: Document) -> list[Section]:
    """Insats sections in reading order; a report without any is one section."""
    doc_period = document_period(doc)
    forbund = forbund_name(doc) or ""
    # A form names its insats in a field ("Projektets namn: Steg in"), a report about one insats
    # in its title ("Slutrapport Brobyggarna 2021–2023"); either outranks a list of chapters.
    def keep(name: str) -> bool:
        return is_insats_name(name, forbund)

    titled_kind = kind_title_insats(doc.lines, keep)
    single: list[tuple[int, str]] = _fields_or_headings(doc, forbund) or (
        [(0, titled_kind[1]), *_sub_projects(doc, forbund, titled_kind[1])] if titled_kind else [])
    starts, listed, paragraphs = single, {}, set()
    # A listing of the insatser: a table of contents, a cover list or an agenda; the first
    # whose names are found again as headings.
    listings = (lambda: _insats_names(toc_names(doc.lines), forbund),
                lambda: cover_names(doc.lines, keep), lambda: menu_names(doc.lines, keep),
                lambda: bullet_names(doc.lines, keep))
    for listing in listings if not starts else ():
        if starts := _found_again(doc, *listing()):
            listed = dict(starts)
            if (leaves := _headed_under(doc, starts, forbund)) != starts:
                starts, listed = leaves, {}
            break
    if not starts:
        titled = title_insats(doc.lines)
        starts = ([titled] if titled else []) or _form_sections(doc) or run_in_names(
            doc.lines, keep) or heading_sections(doc.lines, forbund)
    if not starts and (starts := named_paragraph_sections(doc, keep)):
        paragraphs = {i for i, _ in starts}  # each opens with its own paragraph's figures
    elif not listed and not single and _unnamed(doc, starts) and (
            opening := opening_name_sections(doc, keep)):
        starts, paragraphs = opening, {i for i, _ in opening}  # headings the text never names
    if starts and not single:
        # "5. Insatser för unga vuxna" with "5.1 Ungdomsguiden" under it
        starts = sorted([*starts, *chapter_insatser(doc.lines, {i for i, _ in starts}, forbund)])
        numbered = numbered_insatser(doc.lines, starts, forbund)
        if numbered != starts:  # chapters by target group, insatser numbered under them
            listed = {i: name for i, name in numbered if i in listed}
            starts = numbered
    if not starts:  # the rows of a table with one row per insats, found again as headings
        starts = _found_again(doc, *_insats_names((table_insats_names(doc.lines), 0), forbund))
        listed = dict(starts)
    # entries of a listing on adjacent lines (a table of contents without page numbers)
    # whose names head sections again further on open no section of their own
    adjacent = {i for (i, _), (j, _) in zip(starts, starts[1:], strict=False) if j == i + 1}
    listing = {i for i, _ in starts if i in adjacent or i - 1 in adjacent}
    again = Counter(fold(name) for _, name in starts)
    starts = [(i, name) for i, name in starts if i not in listing or again[fold(name)] == 1]
    if not starts:
        title = next((line.text.strip() for line in doc.lines if line.text.strip()), doc.source)
        starts = [(0, without_numbering(title)[1].strip() or title)]
    sections: list[Section] = []
    for n, (i, name) in enumerate(starts):
        last = starts[n + 1][0] if n + 1 < len(starts) else len(doc.lines)
        if (wide := _forbund_wide(doc.lines, i + 1, last)) is not None:
            rest = Section("", doc.lines[wide].start, doc.lines[last - 1].end, doc_period, None,
                           doc.lines[wide].text.strip())
            last = wide  # what follows is about the whole förbund
        previous_end = starts[n - 1][0] + 1 if n else 0
        # Short lines just above the heading ("Period: 2024-01-01 – 2024-06-30"), not the
        # previous section's closing paragraph.
        window = "\n".join(line.text for line in doc.lines[max(previous_end, i - 4):i + 1]
                           if len(line.text.strip()) <= 80)
        heading = doc.lines[i].text.strip()
        lifetime = insats_lifetime(doc, i, last)
        period = explicit_period(heading) or titled_year(heading) or (
            year_period(heading) if re.search(r"\D\s(19|20)\d\d$", heading) else None
        ) or explicit_period(window) or section_period_field(doc, i, last)
        if period:
            period = clip(period, doc_period)
        elif doc_period and lifetime and lifetime[0] < lifetime[1] and \
                doc_period[0] < lifetime[1] and \
                (doc_period[1] - lifetime[1]).days > 31:
            period = doc_period[0], lifetime[1]  # the insats ended within the report's period
        else:
            period = doc_period or lifetime
        sections.append(Section(
            name=section_name(heading, listed.get(i)) if i in listed else name,
            start=doc.lines[i].start,
            end=doc.lines[last - 1].end if last > i else doc.lines[i].end,
            period=period,
            lifetime=lifetime,
            heading=heading,
            run_in=is_run_in(doc.lines[i].text) or i in paragraphs,
        ))
        if wide is not None:
            sections.append(rest)
    return sections
