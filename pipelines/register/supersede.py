"""Which file supplies each insats: a newer export replaces what it covers, never adds.

The unit of replacement is one kind of register, one förbund and one insats, whatever the
grouping of files: a file may hold several förbund, or a förbund may send one file per
insats. For each unit the file with the latest export date wins, for the period it covers:
spells that start before the winner's first spell of the unit stay with the older file that
holds them (a history sent in two files, 2021–2022 and 2022–2023, keeps 2021).

When files tie on the export date, identical rows are one export dropped twice (the first
path wins). Otherwise a date in the file name ("…_2024-03-01.csv", "…20240301…") or a word
of correction ("korrigerad", "rättad", "ny version") decides; failing those, the rows
differ and nobody can settle it from the files alone: the tied newcomers are refused with a
message naming the other file, and a file that already supplied the unit keeps it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

import polars as pl

from pipelines.register.columns import Kind

Unit = tuple[Kind, str, str]  # kind, förbund org nr, insats id ("" for förbund funds)
LINEAGE_COLUMNS = ("source_file", "source_row", "load_id", "loaded_at")


def _insats(frame: pl.DataFrame) -> pl.Expr:
    return pl.col("insats_id") if "insats_id" in frame.columns else pl.lit("")


def unit_keys(frame: pl.DataFrame) -> pl.DataFrame:
    """Förbund org nr and insats id of every row (insats "" in a file per förbund)."""
    return frame.select("forbund_org_nr", _insats(frame).alias("insats_id"))


def _of_unit(frame: pl.DataFrame, org: str, insats: str) -> pl.DataFrame:
    return frame.filter((pl.col("forbund_org_nr") == org) & (_insats(frame) == insats))


def _period(frame: pl.DataFrame) -> str | None:
    """The column a file's rows are dated by: spell starts, or years."""
    return next((c for c in ("start_date", "year") if c in frame.columns), None)


@dataclass(frozen=True)
class Candidate:
    """A file that validated, with the units it held after the previous load."""

    source: str
    kind: Kind
    export_date: date | None
    frame: pl.DataFrame
    held_before: frozenset[Unit] = frozenset()
    covers: frozenset[Unit] | None = None  # its units, when known beforehand

    def units(self) -> set[Unit]:
        if self.covers is not None:
            return set(self.covers)
        pairs = unit_keys(self.frame).unique().iter_rows()
        return {(self.kind, org, insats) for org, insats in pairs}

    def rows_of(self, unit: Unit) -> pl.DataFrame:
        _, org, insats = unit
        rows = _of_unit(self.frame, org, insats)
        rows = rows.drop([c for c in LINEAGE_COLUMNS if c in rows.columns])
        return rows.sort(rows.columns, nulls_last=True)


@dataclass
class Decision:
    """Per file: the units it supplies, those taken over by another file, and refusals."""

    supplies: dict[str, set[Unit]] = field(default_factory=dict)
    superseded: dict[str, dict[Unit, str]] = field(default_factory=dict)
    conflicts: dict[str, list[str]] = field(default_factory=dict)
    # Spells of a superseded unit that start before this date stay with the older file.
    history: dict[str, dict[Unit, date | int]] = field(default_factory=dict)


def _describe(unit: Unit) -> str:
    return f"insats {unit[2]} of förbund {unit[1]}"


_NAME_DATE = re.compile(r"(20\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?([0-3]\d)")
_CORRECTION = re.compile(r"korr|rättad|rattad|rättelse|ny[_ -]?version|version[_ -]?\d|\bv\d",
                         re.IGNORECASE)


def _name_rank(source: str) -> tuple[str, bool]:
    """What a file name says about its age: the latest date in it, and a word of correction."""
    name = source.rsplit("/", 1)[-1]
    dates = ["".join(m.groups()) for m in _NAME_DATE.finditer(name)]
    return (max(dates) if dates else "", bool(_CORRECTION.search(name)))


def _winner(unit: Unit, group: list[Candidate], conflicts: dict[str, list[str]]
            ) -> Candidate | None:
    latest = max(c.export_date or date.min for c in group)
    tied = sorted((c for c in group if (c.export_date or date.min) == latest),
                  key=lambda c: c.source)
    if len(tied) == 1:
        return tied[0]
    first = tied[0].rows_of(unit)
    if all(c.rows_of(unit).equals(first) for c in tied[1:]):
        return tied[0]
    ranks = {c.source: _name_rank(c.source) for c in tied}
    best = max(ranks.values())
    if sum(rank == best for rank in ranks.values()) == 1 and best != ("", False):
        return next(c for c in tied if ranks[c.source] == best)  # the name tells the newer
    holder = next((c for c in tied if unit in c.held_before), None)
    for candidate in tied:
        if candidate is holder:
            continue
        others = ", ".join(c.source for c in tied if c is not candidate)
        conflicts.setdefault(candidate.source, []).append(
            f"{_describe(unit)}: the same export date ({latest}) as {others}, with other rows; "
            "it cannot be told which export is newer")
    return holder


def decide(candidates: list[Candidate]) -> Decision:
    """Assign every unit to one file; refuse files whose export date ties with other rows."""
    conflicts: dict[str, list[str]] = {}
    while True:
        active = [c for c in candidates if c.source not in conflicts]
        by_unit: dict[Unit, list[Candidate]] = defaultdict(list)
        for candidate in active:
            for unit in candidate.units():
                by_unit[unit].append(candidate)
        found: dict[str, list[str]] = {}
        winners = {unit: _winner(unit, group, found) for unit, group in by_unit.items()}
        if not found:
            break
        conflicts.update(found)
    decision = Decision(conflicts=conflicts)
    for candidate in active:
        decision.supplies[candidate.source] = set()
        decision.superseded[candidate.source] = {}
    for candidate in active:
        decision.history[candidate.source] = {}
    for unit, winner in winners.items():
        contested = winner is not None and len(by_unit[unit]) > 1
        covered = _first_start(winner, unit) if contested else None
        for candidate in by_unit[unit]:
            if candidate is winner:
                decision.supplies[candidate.source].add(unit)
            else:
                decision.superseded[candidate.source][unit] = winner.source
                if covered is not None:
                    decision.history[candidate.source][unit] = covered
    return decision


def _first_start(candidate: Candidate, unit: Unit) -> date | int | None:
    """The first spell start (or year) of `unit` in a file: what it covers begins there."""
    column = _period(candidate.frame)
    if column is None:
        return None
    _, org, insats = unit
    starts = _of_unit(candidate.frame, org, insats)[column]
    return starts.min() if starts.len() else None


def supplied_rows(frame: pl.DataFrame, units: set[Unit],
                  history: dict[Unit, date | int] | None = None) -> pl.DataFrame:
    """The rows of `frame` that belong to `units`, and of each unit in `history` the spells
    (or years) before its start (the period a newer export does not cover)."""
    keys = pl.DataFrame([(org, insats) for _, org, insats in units],
                        schema={"forbund_org_nr": pl.String, "insats_id": pl.String},
                        orient="row")
    kept = frame.with_columns(_insats(frame).alias("_insats")).join(
        keys.rename({"insats_id": "_insats"}), on=["forbund_org_nr", "_insats"],
        how="semi").drop("_insats")
    column = _period(frame)
    for (_, org, insats), before in (history or {}).items():
        kept = pl.concat([kept, _of_unit(frame, org, insats).filter(
            pl.col(column) < before)], how="vertical")
    return kept
