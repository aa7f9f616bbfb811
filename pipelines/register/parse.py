"""Turn text cells into typed, validated register rows.

Every problem is collected with its row and column; a file with any problem is
refused whole, so nothing of it is half-loaded.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import polars as pl

from pipelines.register import vocabulary
from pipelines.register.columns import (
    COLUMNS,
    Column,
    Kind,
    Type,
    detect_kind,
    header_lookup,
    normalise_header,
)
from pipelines.register.dialects import RawTable, read_cells
from pipelines.register.errors import CellProblem, RegisterFileError
from pipelines.register.personnummer import find_personnummer_column

POLARS_TYPES: dict[Type, pl.DataType] = {
    Type.TEXT: pl.String(),
    Type.INTEGER: pl.Int64(),
    Type.DECIMAL: pl.Float64(),
    Type.DATE: pl.Date(),
    Type.YES_NO: pl.Boolean(),
    Type.SEX: pl.String(),
    Type.END_REASON: pl.String(),
    Type.TEXT_LIST: pl.String(),
}

_DATE_FORMATS = ("%Y-%m-%d", "%Y%m%d", "%Y/%m/%d", "%y%m%d")
_YES = {"ja", "j", "yes", "1", "sant", "true"}
_NO = {"nej", "n", "no", "0", "falskt", "false"}


def _integer(text: str) -> int:
    cleaned = text.replace("\u00a0", "").replace(" ", "")
    if re.fullmatch(r"-?\d+([.,]0+)?", cleaned):
        return int(re.split(r"[.,]", cleaned)[0])
    raise ValueError(f"'{text}' is not a whole number")


def _decimal(text: str) -> float:
    cleaned = text.replace("\u00a0", "").replace(" ", "")
    if re.fullmatch(r"-?\d+([.,]\d+)?", cleaned):
        return float(cleaned.replace(",", "."))
    raise ValueError(f"'{text}' is not a number (use decimal comma or point, e.g. 2,5)")


def _date(text: str) -> date:
    head = text.split(" ")[0].split("T")[0]
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(head, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"'{text}' is not a date (use ÅÅÅÅ-MM-DD)")


def _yes_no(text: str) -> bool:
    folded = text.lower()
    if folded in _YES:
        return True
    if folded in _NO:
        return False
    raise ValueError(f"'{text}' is not Ja or Nej")


def _choice(allowed: tuple[str, ...], what: str) -> Callable[[str], str]:
    by_fold = {a.casefold(): a for a in allowed}

    def parse(text: str) -> str:
        try:
            return by_fold[text.casefold()]
        except KeyError:
            raise ValueError(
                f"'{text}' is not a known {what}; allowed: {', '.join(allowed)}") from None

    return parse


def _text_list(text: str) -> str:
    items = [item.strip() for item in re.split(r"[|,]", text) if item.strip()]
    return "|".join(sorted(set(items)))


def _parsers() -> dict[Type, Callable[[str], object]]:
    return {
        Type.TEXT: str,
        Type.INTEGER: _integer,
        Type.DECIMAL: _decimal,
        Type.DATE: _date,
        Type.YES_NO: _yes_no,
        Type.SEX: _choice(vocabulary.sexes(), "kön"),
        Type.END_REASON: _choice(vocabulary.end_reasons(), "avslutsanledning"),
        Type.TEXT_LIST: _text_list,
    }


@dataclass(frozen=True)
class ParsedFile:
    """A fully valid register file, typed, with the spreadsheet row number of each row."""

    path: Path
    kind: Kind
    frame: pl.DataFrame
    encoding: str
    separator: str | None


def _map_headers(path: Path, kind: Kind, headers: list[str]) -> dict[str, int]:
    """Canonical column name → position in the file; refuses missing and doubled columns."""
    lookup = header_lookup(kind)
    positions: dict[str, int] = {}
    problems: list[CellProblem] = []
    for index, header in enumerate(headers):
        column = lookup.get(normalise_header(header))
        if column is None:
            continue
        if column.name in positions:
            problems.append(CellProblem(1, header, f"a second column for {column.label}"))
        positions[column.name] = index
    for column in COLUMNS[kind]:
        if column.required and column.name not in positions:
            problems.append(CellProblem(
                1, column.label, f"required column missing (accepted headers: "
                f"{', '.join(column.aliases)})"))
    if problems:
        raise RegisterFileError(path, problems, "See docs/register-format.md for the columns.")
    return positions


def _row_rules(kind: Kind, record: dict[str, object], header_of: dict[str, str]) -> list[
        tuple[str, str]]:
    """Cross-column rules for one typed row: (column header, message)."""
    if kind is not Kind.PARTICIPATIONS:
        return []
    problems: list[tuple[str, str]] = []
    start, end, reason = record["start_date"], record["end_date"], record["end_reason"]
    if isinstance(start, date) and isinstance(end, date) and end < start:
        problems.append((header_of.get("end_date", "Utskrivningsdatum"),
                         f"{end} is before the start date {start}"))
    if end is not None and reason is None:
        problems.append((header_of.get("end_reason", "Avslutsanledning"),
                         "an ended participation needs an avslutsanledning"))
    if end is None and reason is not None:
        problems.append((header_of.get("end_date", "Utskrivningsdatum"),
                         f"avslutsanledning '{reason}' given but no end date"))
    return problems


def parse_table(path: Path, table: RawTable) -> ParsedFile:
    """Type and validate a table of text cells; raise with every problem found."""
    found = find_personnummer_column(table.headers, table.rows, table.row_numbers)
    if found:
        header, row = found
        raise RegisterFileError(
            path, [CellProblem(row, header, "holds what looks like a personnummer")],
            "The warehouse never stores personnummer: export a pseudonymous deltagar-ID "
            "instead and delete this file.")
    kind = detect_kind(table.headers)
    if kind is None:
        raise RegisterFileError(path, [CellProblem(
            1, "", "cannot tell the kind of register: expected a 'Deltagar-ID' column "
            "(participations) or 'Antal anonyma' (anonymous counts)")])
    positions = _map_headers(path, kind, table.headers)
    columns: list[Column] = [c for c in COLUMNS[kind] if c.name in positions]
    header_of = {c.name: table.headers[positions[c.name]] for c in columns}
    parsers = _parsers()
    values: dict[str, list[object]] = {c.name: [] for c in COLUMNS[kind]}
    problems: list[CellProblem] = []
    for cells, row_number in zip(table.rows, table.row_numbers, strict=True):
        record: dict[str, object] = {}
        for column in COLUMNS[kind]:
            text = cells[positions[column.name]] if column.name in positions else ""
            value: object = None
            if text:
                try:
                    value = parsers[column.type](text)
                except ValueError as exc:
                    problems.append(CellProblem(row_number, header_of[column.name], str(exc)))
            elif column.required:
                problems.append(CellProblem(row_number, header_of[column.name], "empty"))
            record[column.name] = value
        for header, message in _row_rules(kind, record, header_of):
            problems.append(CellProblem(row_number, header, message))
        for name, value in record.items():
            values[name].append(value)
    if problems:
        raise RegisterFileError(path, problems, "Correct the file and drop it again.")
    schema = {c.name: POLARS_TYPES[c.type] for c in COLUMNS[kind]}
    frame = pl.DataFrame(values, schema=schema).with_columns(
        pl.Series("source_row", table.row_numbers, dtype=pl.Int64))
    return ParsedFile(path, kind, frame, table.encoding, table.separator)


def parse_file(path: Path) -> ParsedFile:
    """Read and validate one register export."""
    return parse_table(path, read_cells(path))
