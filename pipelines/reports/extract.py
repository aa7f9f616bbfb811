"""Document → sections → figures, as rows in the answer-key schema of ../shared/README.md."""

from __future__ import annotations

import csv
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from pipelines.reports.attribution import attribute
from pipelines.reports.figure_periods import figure_period
from pipelines.reports.figures import Figure, SectionFigures
from pipelines.reports.headings import heading_path, sub_headings
from pipelines.reports.sections import Section, document_period, find_sections, forbund_name
from pipelines.reports.text import Document
from pipelines.spreadsheet import neutralise

CSV_COLUMNS = ("forbund", "insats", "period_start", "period_end", "metric", "sex", "value",
               "quote", "note")
_OUTCOME_PREFIX = "ended_"
_BREAKDOWN_SPAN = 1500


@dataclass(frozen=True)
class ExtractedFigure:
    """One stated figure with its provenance."""

    source: str
    forbund: str
    insats: str
    section: str
    period_start: date | None
    period_end: date | None
    metric: str
    sex: str
    value: int | float
    quote: str
    char_start: int
    char_end: int
    rule: str
    heading_path: str = ""  # "IPS Hagfjärden › Resultat": the headings above the figure

    def gold_row(self) -> dict[str, object]:
        return {"forbund": self.forbund, "insats": self.insats,
                "period_start": self.period_start.isoformat() if self.period_start else "",
                "period_end": self.period_end.isoformat() if self.period_end else "",
                "metric": self.metric, "sex": self.sex, "value": self.value,
                "quote": self.quote, "note": f"rule={self.rule}"}

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def _dedupe(figures: list[Figure]) -> list[Figure]:
    """The same fact stated again is one figure; the lines of one breakdown are kept.

    Outcome lines with equal values ("1 gick till …", "1 gick till …") are separate
    facts when they follow each other by the same rule with no other figure between.
    """
    kept: list[Figure] = []
    for figure in figures:
        twin_at = next((i for i in range(len(kept) - 1, -1, -1) if
                        (kept[i].metric, kept[i].sex, kept[i].value, kept[i].insats,
                         kept[i].period_text) ==
                        (figure.metric, figure.sex, figure.value, figure.insats,
                         figure.period_text)), None)
        if twin_at is None:
            kept.append(figure)
            continue
        twin, between = kept[twin_at], kept[twin_at + 1:]
        if figure.metric.startswith(_OUTCOME_PREFIX) and figure.rule == twin.rule and \
                figure.start - twin.end < _BREAKDOWN_SPAN and \
                all(k.metric.startswith(_OUTCOME_PREFIX) for k in between):
            kept.append(figure)
    return kept


def extract_document(doc: Document, sections: list[Section] | None = None,
                     stored: tuple[str | None, tuple[date, date] | None] | None = None
                     ) -> list[ExtractedFigure]:
    """Every figure a document states, section by section. The sections and the document's
    förbund and period (`stored`, as bronze.report_documents holds them) are found here
    unless given."""
    forbund, doc_period = stored if stored is not None else (forbund_name(doc),
                                                             document_period(doc))
    forbund = forbund or ""
    sections = find_sections(doc) if sections is None else sections
    names = tuple(s.name for s in sections)
    rows: list[ExtractedFigure] = []
    if sections and sections[0].start > 0:
        # Before the first insats: only tables whose rows name their insats count.
        preamble = Section("", 0, sections[0].start, doc_period or sections[0].period, None, "")
        sections = [preamble, *sections]
    found = []
    for section in sections:
        lines = [line for line in doc.lines
                 if line.start >= section.start and line.end <= section.end]
        found.append((section, lines, _dedupe(SectionFigures(doc.text, names).run(
            lines if not section.name or section.run_in else lines[1:]))))
    # Names the report gives its insatser: its sections and the tables that name one.
    known = list(dict.fromkeys([*(s.name for s in sections if s.name),
                                *(f.insats for _, _, figures in found for f in figures
                                  if f.insats)]))
    for section, lines, figures in found:
        attribute(figures, lines, doc.text, known, section.name)
        if not section.name:
            figures = [f for f in figures if f.insats]
        subs = sub_headings(lines)
        for figure in figures:
            period = figure_period(doc, doc_period, section, figure)
            first, last = doc.original_span(figure.clause_start, figure.clause_end)
            number_start, number_end = doc.original_span(figure.start, figure.end)
            rows.append(ExtractedFigure(
                source=doc.source, forbund=forbund, insats=figure.insats or section.name,
                section=section.heading,
                period_start=period[0] if period else None,
                period_end=period[1] if period else None,
                metric=figure.metric, sex=figure.sex, value=figure.value,
                quote=doc.original[first:last].strip(),
                char_start=number_start, char_end=number_end, rule=figure.rule,
                heading_path=heading_path(section.heading, subs, figure.start),
            ))
    return _stated_twice(rows)


_CELL_RULES = ("table", "form")


def _stated_twice(rows: list[ExtractedFigure]) -> list[ExtractedFigure]:
    """A fact stated in one way and repeated in another (a table and the text, a form and a
    summary table) is one figure; repeats of one kind (two quarters' columns) are kept."""
    seen: dict[tuple[object, ...], str] = {}
    kept = []
    for row in rows:
        key = (row.insats, row.metric, row.sex, row.value, row.period_start, row.period_end)
        family = row.rule.split(":")[0]
        family = family if family in _CELL_RULES else "text"
        if key in seen and seen[key] != family:
            continue
        seen.setdefault(key, family)
        kept.append(row)
    return kept


def write_csv(rows: list[ExtractedFigure], path: Path) -> None:
    """Rows in the answer-key schema, so that ../shared/tools/score_extraction.py can score them."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        for row in rows:  # a text cell a spreadsheet would run ('=…', '+…') is written as text
            writer.writerow({k: neutralise(v) if isinstance(v, str) else v
                             for k, v in row.gold_row().items()})
