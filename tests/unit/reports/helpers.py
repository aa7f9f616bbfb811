"""Run the extraction rules over a short text, as one section."""

from __future__ import annotations

from pipelines.reports.figures import SectionFigures
from pipelines.reports.text import normalise


def figures(text: str, names: tuple[str, ...] = ()) -> set[tuple[str, str, float]]:
    doc = normalise("snippet", text)
    return {(f.metric, f.sex, f.value) for f in SectionFigures(doc.text, names).run(doc.lines)}
