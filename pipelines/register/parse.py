"""Turn text cells into typed, validated register rows, column by column with polars.

Every problem is collected with its row and column; a file with any problem is
refused whole, so nothing of it is half-loaded.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from pipelines import vocabulary
from pipelines.errors import CellProblem, InputFileError
from pipelines.personnummer import find_personnummer_column
from pipelines.register.columns import (
    COLUMNS,
    Column,
    Kind,
    Type,
    detect_kind,
    header_lookup,
    lookalike,
    money_scale,
    normalise_header,
)
from pipelines.register.dialects import RawTable, read_cells
from pipelines.register.yearly import yearly_row_problems

POLARS_TYPES: dict[Type, pl.DataType] = {
    Type.TEXT: pl.String(),
    Type.INTEGER: pl.Int64(),
    Type.DECIMAL: pl.Float64(),
    Type.DATE: pl.Date(),
    Type.YES_NO: pl.Boolean(),
    Type.SEX: pl.String(),
    Type.END_REASON: pl.String(),
    Type.TEXT_LIST: pl.String(),
    Type.MONEY: pl.Float64(),
}

DATE_FORMATS = ("%Y-%m-%d", "%Y%m%d", "%Y/%m/%d", "%y%m%d")
YES_NO = {"ja": True, "j": True, "yes": True, "1": True, "sant": True, "true": True,
          "nej": False, "n": False, "no": False, "0": False, "falskt": False, "false": False}


def _choice(raw: pl.Expr, allowed: tuple[str, ...]) -> pl.Expr:
    return raw.str.to_lowercase().replace_strict(
        {a.lower(): a for a in allowed}, default=None, return_dtype=pl.String)


def typed_value(column_type: Type, raw: pl.Expr) -> pl.Expr:
    """The typed value of a text cell; null when empty or not valid for the type."""
    compact = raw.str.replace_all(r"[\s\u00a0]", "")
    match column_type:
        case Type.TEXT:
            return pl.when(raw != "").then(raw)
        case Type.INTEGER:
            return pl.when(compact.str.contains(r"^-?\d+([.,]0+)?$")).then(
                compact.str.extract(r"^(-?\d+)", 1).cast(pl.Int64))
        case Type.DECIMAL:
            return pl.when(compact.str.contains(r"^-?\d+([.,]\d+)?$")).then(
                compact.str.replace(",", ".").cast(pl.Float64))
        case Type.MONEY:  # "1 250 000 kr", "1.250.000", "98 500,50", "12 000:-"
            amount = compact.str.to_lowercase().str.replace(r"(kr|sek|:-)$", "")
            amount = pl.when(amount.str.contains(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$")).then(
                amount.str.replace_all(r"\.", "")).otherwise(amount)
            return pl.when(amount.str.contains(r"^-?\d+([.,]\d+)?$")).then(
                amount.str.replace(",", ".").cast(pl.Float64))
        case Type.DATE:
            head = raw.str.extract(r"^([^ T]+)", 1)
            return pl.coalesce([head.str.strptime(pl.Date, f, strict=False) for f in DATE_FORMATS])
        case Type.YES_NO:
            return raw.str.to_lowercase().replace_strict(YES_NO, default=None,
                                                         return_dtype=pl.Boolean)
        case Type.SEX:
            return _choice(raw, vocabulary.sexes())
        case Type.END_REASON:
            return _choice(raw, vocabulary.end_reasons())
        case Type.TEXT_LIST:
            items = raw.str.replace_all(",", "|").str.split("|").list.eval(
                pl.element().str.strip_chars().filter(pl.element().str.strip_chars() != ""))
            return pl.when(raw != "").then(items.list.unique().list.sort().list.join("|"))
    raise ValueError(column_type)


def expectation(column_type: Type) -> str:
    """What a valid cell of this type looks like, for error messages."""
    return {
        Type.INTEGER: "is not a whole number",
        Type.DECIMAL: "is not a number (use decimal comma or point, e.g. 2,5)",
        Type.DATE: "is not a date (use ÅÅÅÅ-MM-DD)",
        Type.MONEY: "is not an amount in kronor (e.g. 1 250 000 or 98 500,50)",
        Type.YES_NO: "is not Ja or Nej",
        Type.SEX: f"is not a known kön; allowed: {', '.join(vocabulary.sexes())}",
        Type.END_REASON: "is not a known avslutsanledning; allowed: "
                         f"{', '.join(vocabulary.end_reasons())}",
    }.get(column_type, "is not valid")


@dataclass(frozen=True)
class ParsedFile:
    """A fully valid register file, typed, with the spreadsheet row number of each row."""

    path: Path
    kind: Kind
    frame: pl.DataFrame
    encoding: str
    separator: str | None
    rejected: list[CellProblem] = field(default_factory=list)
    warnings: list[CellProblem] = field(default_factory=list)


def _map_headers(path: Path, kind: Kind,
                 headers: list[str]) -> tuple[dict[str, int], list[CellProblem]]:
    """Canonical column name → position in the file, and a warning for each header that
    resembles a known column but was not used. Refuses missing and doubled columns."""
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
        raise InputFileError(path, problems, "See docs/register-format.md for the columns.")
    missing = {c.name for c in COLUMNS[kind]} - set(positions)
    warnings = []
    for index, header in enumerate(headers):
        if index in positions.values():
            continue
        column = lookalike(header, kind, missing)
        if column is not None:
            warnings.append(CellProblem(
                1, header, f"not used: looks like {column.label} but is not one of its "
                f"accepted headers ({', '.join(column.aliases)}); rename it if it is"))
    return positions, warnings


def _cell_problems(raw: pl.DataFrame, typed: pl.DataFrame, columns: list[Column],
                   header_of: dict[str, str]) -> list[CellProblem]:
    problems: list[CellProblem] = []
    for column in columns:
        text, value = raw[column.name], typed[column.name]
        invalid = (text != "") & value.is_null()
        for row, cell in zip(raw["source_row"].filter(invalid), text.filter(invalid), strict=True):
            problems.append(CellProblem(row, header_of[column.name],
                                        f"'{cell}' {expectation(column.type)}"))
        if column.required:
            for row in raw["source_row"].filter(text == ""):
                problems.append(CellProblem(row, header_of[column.name], "empty"))
    return problems


def _row_problems(typed: pl.DataFrame, header_of: dict[str, str]) -> list[CellProblem]:
    """Cross-column rules of a participation row."""
    end_header = header_of.get("end_date")
    reason_header = header_of.get("end_reason")
    problems: list[CellProblem] = []
    for row in typed.filter(pl.col("end_date") < pl.col("start_date")).iter_rows(named=True):
        problems.append(CellProblem(row["source_row"], end_header or "",
                                    f"{row['end_date']} is before the start date "
                                    f"{row['start_date']}"))
    ended_without_reason = typed.filter(pl.col("end_date").is_not_null()
                                        & pl.col("end_reason").is_null())
    need_reason = ("an ended participation needs an avslutsanledning" if reason_header else
                   "an ended participation needs an avslutsanledning, and the file has no "
                   "column recognised as Avslutsanledning")
    for row in ended_without_reason["source_row"]:
        problems.append(CellProblem(row, reason_header or end_header or "", need_reason))
    reason_without_end = typed.filter(pl.col("end_date").is_null()
                                      & pl.col("end_reason").is_not_null())
    for row, reason in reason_without_end.select("source_row", "end_reason").iter_rows():
        problems.append(
            CellProblem(row, end_header, f"avslutsanledning '{reason}' given but no end date")
            if end_header else
            CellProblem(row, reason_header or "", f"avslutsanledning '{reason}' given, but the "
                        "file has no column recognised as Utskrivningsdatum"))
    return problems


def parse_table(path: Path, table: RawTable, max_invalid_rows: int = 0) -> ParsedFile:
    """Type and validate a table of text cells; raise with every problem found.

    With `max_invalid_rows` > 0, a file with at most that many invalid rows loads without
    them (they are listed in `rejected`); a file with more is refused whole.
    """
    found = None if table.screened else find_personnummer_column(
        table.headers, table.cells, table.row_numbers)
    if found:
        header, row = found
        raise InputFileError(
            path, [CellProblem(row, header, "holds what looks like a personnummer")],
            "The warehouse never stores personnummer: export a pseudonymous deltagar-ID "
            "instead and delete this file.")
    kind = detect_kind(table.headers)
    if kind is None:
        raise InputFileError(path, [CellProblem(
            1, "", "cannot tell the kind of file: expected a 'Deltagar-ID' column "
            "(participations), 'Antal anonyma' (anonymous counts), 'Antal kvinnor' and "
            "'Antal män' (the national count form), 'Budget' or 'Utfall' (insats costs) or "
            "'Tilldelade medel' (förbund funds)")])
    positions, warnings = _map_headers(path, kind, table.headers)
    present = [c for c in COLUMNS[kind] if c.name in positions]
    header_of = {c.name: table.headers[positions[c.name]] for c in present}
    raw = table.cells.select(
        *(pl.col(str(positions[c.name])).alias(c.name) for c in present),
        pl.Series("source_row", table.row_numbers, dtype=pl.Int64))
    typed = raw.select(
        *(typed_value(c.type, pl.col(c.name)).cast(POLARS_TYPES[c.type]).alias(c.name)
          if c.name in positions else pl.lit(None, POLARS_TYPES[c.type]).alias(c.name)
          for c in COLUMNS[kind]),
        "source_row",
    )
    typed = typed.with_columns(pl.col(c.name) * money_scale(header_of[c.name])
                               for c in present if c.type is Type.MONEY)
    problems = _cell_problems(raw, typed, present, header_of)
    problems += (_row_problems(typed, header_of) if kind is Kind.PARTICIPATIONS
                 else yearly_row_problems(kind, typed, header_of))
    problems.sort(key=lambda p: p.row)
    bad_rows = {p.row for p in problems}
    if len(bad_rows) > max_invalid_rows:
        raise InputFileError(path, problems, "Correct the file and drop it again.")
    typed = typed.filter(~pl.col("source_row").is_in(sorted(bad_rows)))
    if kind is Kind.PARTICIPATIONS:
        typed, repeated = _without_repeats(path, typed, header_of)
        warnings = warnings + repeated
    return ParsedFile(path, kind, typed, table.encoding, table.separator, problems, warnings)


SPELL_KEY = ("forbund_org_nr", "insats_id", "participant_id", "start_date")


def max_duplicate_share() -> float:
    """The share of repeated spells a file may hold (FINSAM_MAX_DUPLICATE_SHARE, default 5 %)."""
    try:
        return float(os.environ.get("FINSAM_MAX_DUPLICATE_SHARE", "0.05"))
    except ValueError:
        return 0.05


def _without_repeats(path: Path, typed: pl.DataFrame, header_of: dict[str, str]
                     ) -> tuple[pl.DataFrame, list[CellProblem]]:
    """One row per spell (person, insats, start): repeats are dropped with a warning, and a
    file with more than `max_duplicate_share()` of repeats is refused. Counts never grow
    with copies of a row."""
    first = typed.with_columns(
        pl.col("source_row").min().over(list(SPELL_KEY)).alias("_first"))
    repeats = first.filter(pl.col("source_row") != pl.col("_first"))
    if repeats.is_empty():
        return typed, []
    share = repeats.height / typed.height
    column = header_of.get("participant_id", "")
    if share > max_duplicate_share():
        raise InputFileError(path, [CellProblem(
            int(repeats["source_row"][0]), column,
            f"{repeats.height:,} of {typed.height:,} rows ({share:.0%}) repeat a spell already "
            f"in the file (same person, insats and start date); more than "
            f"{max_duplicate_share():.0%} (FINSAM_MAX_DUPLICATE_SHARE) means a broken export")],
            "Export the register again; each spell once.")
    shown = ", ".join(str(r) for r in repeats["source_row"].head(10))
    more = f" and {repeats.height - 10:,} more" if repeats.height > 10 else ""
    warning = CellProblem(int(repeats["source_row"][0]), column,
                          f"duplicate spells: rows {shown}{more} repeat a spell already in "
                          "the file (same person, insats and start date); each was loaded once")
    return typed.filter(pl.col("source_row").is_in(first["_first"].unique().to_list())), [warning]


def parse_file(path: Path, max_invalid_rows: int = 0) -> ParsedFile:
    """Read and validate one register export."""
    return parse_table(path, read_cells(path), max_invalid_rows)
