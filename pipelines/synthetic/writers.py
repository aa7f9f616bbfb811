"""Write synthetic registers in the dialects real förbund export.

`variant` rotates through: `;` + Windows-1252 + decimal comma + Swedish labels;
`,` + UTF-8 with BOM + alternative headers; `.xlsx`; `;` + UTF-8 + compact dates.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import asdict
from pathlib import Path

import polars as pl

from pipelines.register.columns import (
    ANONYMOUS_COUNT_COLUMNS,
    COUNT_FORM_COLUMNS,
    FORBUND_FUND_COLUMNS,
    INSATS_COST_COLUMNS,
    PARTICIPATION_COLUMNS,
    Column,
)
from pipelines.synthetic.people import Spell


def _slug(name: str) -> str:
    folded = name.lower().translate(str.maketrans("åäöé", "aaoe"))
    return re.sub(r"[^a-z0-9]+", "_", folded).strip("_")


def _header(column: Column, variant: int) -> str:
    if variant % 4 == 0:
        return column.label
    choices = (column.label, *column.aliases)
    return choices[variant % len(choices)]


def _cell(value: object, variant: int) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Ja" if value else "Nej"
    if isinstance(value, float) and variant % 4 in (0, 3):
        return f"{value}".replace(".", ",")
    if hasattr(value, "isoformat"):
        return value.strftime("%Y%m%d") if variant % 4 == 3 else value.isoformat()
    if isinstance(value, str) and "|" in value and variant % 4 == 1:
        return value.replace("|", ", ")
    return value


def _write(path: Path, columns: tuple[Column, ...], rows: list[dict[str, object]],
           variant: int) -> Path:
    headers = [_header(c, variant) for c in columns]
    if variant % 4 == 2:
        path = path.with_suffix(".xlsx")
        frame = pl.DataFrame([{h: row[c.name] for h, c in zip(headers, columns, strict=True)}
                              for row in rows], infer_schema_length=None)
        if frame.is_empty():
            frame = pl.DataFrame({h: [] for h in headers})
        frame.write_excel(path, autofit=False)
        return path
    separator, encoding = {0: (";", "cp1252"), 1: (",", "utf-8-sig"), 3: (";", "utf-8")}[
        variant % 4]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=separator, lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([_cell(row[c.name], variant) for c in columns])
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_participations(folder: Path, forbund: str, spells: list[Spell], variant: int) -> Path:
    rows = [asdict(s) for s in sorted(spells, key=lambda s: (s.insats_id, s.start_date,
                                                             s.participant_id))]
    return _write(folder / f"{_slug(forbund)}_deltagare.csv", PARTICIPATION_COLUMNS, rows, variant)


def write_anonymous_counts(folder: Path, forbund: str, rows: list[dict[str, object]],
                           variant: int) -> Path:
    return _write(folder / f"{_slug(forbund)}_anonyma.csv", ANONYMOUS_COUNT_COLUMNS, rows,
                  variant)


def write_count_form(folder: Path, forbund: str, rows: list[dict[str, object]],
                     variant: int) -> Path:
    return _write(folder / f"{_slug(forbund)}_uppfoljning.csv", COUNT_FORM_COLUMNS, rows,
                  variant)


def write_insats_costs(folder: Path, forbund: str, rows: list[dict[str, object]],
                       variant: int) -> Path:
    return _write(folder / f"{_slug(forbund)}_kostnader.csv", INSATS_COST_COLUMNS, rows,
                  variant)


def write_forbund_funds(folder: Path, forbund: str, rows: list[dict[str, object]],
                        variant: int) -> Path:
    return _write(folder / f"{_slug(forbund)}_medel.csv", FORBUND_FUND_COLUMNS, rows, variant)
