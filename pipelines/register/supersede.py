"""Which file supplies each insats: a newer export replaces what it covers, never adds.

The unit of replacement is one kind of register, one förbund and one insats, whatever the
grouping of files: a file may hold several förbund, or a förbund may send one file per
insats. For each unit the file with the latest export date wins. When files tie on the
export date, identical rows are one export dropped twice (the first path wins, the rows are
the same); different rows are a conflict nobody can settle from the files alone, so the
tied newcomers are refused with a message naming the other file, and a file that already
supplied the unit in the previous load keeps it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

import polars as pl

from pipelines.register.columns import Kind

Unit = tuple[Kind, str, str]  # kind, förbund org nr, insats id
LINEAGE_COLUMNS = ("source_file", "source_row", "load_id", "loaded_at")


@dataclass(frozen=True)
class Candidate:
    """A file that validated, with the units it held after the previous load."""

    source: str
    kind: Kind
    export_date: date | None
    frame: pl.DataFrame
    held_before: frozenset[Unit] = frozenset()

    def units(self) -> set[Unit]:
        pairs = self.frame.select("forbund_org_nr", "insats_id").unique().iter_rows()
        return {(self.kind, org, insats) for org, insats in pairs}

    def rows_of(self, unit: Unit) -> pl.DataFrame:
        _, org, insats = unit
        rows = self.frame.filter((pl.col("forbund_org_nr") == org)
                                 & (pl.col("insats_id") == insats))
        rows = rows.drop([c for c in LINEAGE_COLUMNS if c in rows.columns])
        return rows.sort(rows.columns, nulls_last=True)


@dataclass
class Decision:
    """Per file: the units it supplies, those taken over by another file, and refusals."""

    supplies: dict[str, set[Unit]] = field(default_factory=dict)
    superseded: dict[str, dict[Unit, str]] = field(default_factory=dict)
    conflicts: dict[str, list[str]] = field(default_factory=dict)


def _describe(unit: Unit) -> str:
    return f"insats {unit[2]} of förbund {unit[1]}"


def _winner(unit: Unit, group: list[Candidate], conflicts: dict[str, list[str]]
            ) -> Candidate | None:
    latest = max(c.export_date or date.min for c in group)
    tied = sorted((c for c in group if (c.export_date or date.min) == latest),
                  key=lambda c: c.source)
    first = tied[0].rows_of(unit)
    if all(c.rows_of(unit).equals(first) for c in tied[1:]):
        return tied[0]
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
    for unit, winner in winners.items():
        for candidate in by_unit[unit]:
            if candidate is winner:
                decision.supplies[candidate.source].add(unit)
            else:
                decision.superseded[candidate.source][unit] = winner.source
    return decision


def supplied_rows(frame: pl.DataFrame, units: set[Unit]) -> pl.DataFrame:
    """The rows of `frame` that belong to `units`."""
    keys = pl.DataFrame([(org, insats) for _, org, insats in units],
                        schema={"forbund_org_nr": pl.String, "insats_id": pl.String},
                        orient="row")
    return frame.join(keys, on=["forbund_org_nr", "insats_id"], how="semi")
