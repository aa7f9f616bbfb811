"""What is done with one report apart from the others — its sections, its figures — with
plain data in and out, so that the run's worker processes can take reports side by side."""

from __future__ import annotations

from datetime import date

from pipelines.reports.extract import extract_document
from pipelines.reports.sections import Section, find_sections
from pipelines.reports.text import normalise


def _period(start: date | None, end: date | None) -> tuple[date, date] | None:
    return (start, end) if start and end else None


def section_rows(source: str, text: str) -> list[dict]:
    """The insats sections of one report, as rows of bronze.report_sections."""
    doc = normalise(source, text)
    rows = []
    for number, section in enumerate(find_sections(doc), start=1):
        first, last = doc.original_span(section.start, section.end)
        rows.append({
            "source_file": doc.source, "section_no": number, "insats": section.name,
            "heading": section.heading, "text_start": section.start,
            "text_end": section.end, "char_start": first, "char_end": last,
            "period_start": section.period[0] if section.period else None,
            "period_end": section.period[1] if section.period else None,
            "lifetime_start": section.lifetime[0] if section.lifetime else None,
            "lifetime_end": section.lifetime[1] if section.lifetime else None,
        })
    return rows


def figure_rows(document: dict, sections: list[dict]) -> list[dict]:
    """The figures of one report (a row of bronze.report_documents) from its sections (rows
    of bronze.report_sections, in order)."""
    found = [Section(name=r["insats"], start=r["text_start"], end=r["text_end"],
                     period=_period(r["period_start"], r["period_end"]),
                     lifetime=_period(r["lifetime_start"], r["lifetime_end"]),
                     heading=r["heading"]) for r in sections]
    doc = normalise(document["source_file"], document["original_text"])
    period = _period(document["period_start"], document["period_end"])
    return [figure.as_dict() for figure in extract_document(doc, found,
                                                            (document["forbund"], period))]
