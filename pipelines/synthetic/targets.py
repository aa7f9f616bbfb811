"""Figures that real reports state, read from the shared answer keys.

The generator uses them so that the demo register reproduces what a report says
for one period of each insats. Several rows for the same metric and sex are
resolved here: lines marked PARTIAL add up; otherwise the first stated value wins
(a later contradicting one is the report's own inconsistency).
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pipelines import vocabulary

COUNT_METRICS = vocabulary.people_metrics()  # seeds/report_metrics.csv


@dataclass
class InsatsTarget:
    """What one report states for one insats and period: metric → sex → value."""

    forbund: str
    insats: str
    period_start: date
    period_end: date
    values: dict[str, dict[str, int]] = field(default_factory=dict)
    # Figures the report states for other periods: (start, end, metric, sex) → value.
    other_periods: dict[tuple[date, date, str, str], int] = field(default_factory=dict)
    # A figure stated again for the same period with another value: (metric, sex, value).
    restated: list[tuple[str, str, int]] = field(default_factory=list)

    def get(self, metric: str, sex: str = "all") -> int | None:
        return self.values.get(metric, {}).get(sex)


def read_gold_rows(gold_dir: Path) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for path in sorted(gold_dir.glob("*.figures.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            rows.extend(csv.DictReader(handle))
    return rows


def _primary_period(rows: list[dict[str, str]]) -> tuple[str, str]:
    """The period most count figures of an insats refer to (latest, then shortest, on ties)."""
    counts = Counter((r["period_start"], r["period_end"]) for r in rows)
    return max(counts, key=lambda p: (counts[p], p[1], p[0]))


def insats_targets(gold_dir: Path) -> list[InsatsTarget]:
    """One target per insats stated in the answer keys, in the order first seen."""
    by_insats: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for row in read_gold_rows(gold_dir):
        if row["metric"] in COUNT_METRICS:
            by_insats[(row["forbund"], row["insats"])].append(row)
    targets: list[InsatsTarget] = []
    for (forbund, insats), rows in by_insats.items():
        start, end = _primary_period(rows)
        target = InsatsTarget(forbund, insats, date.fromisoformat(start), date.fromisoformat(end))
        partial: dict[tuple[str, str], int] = defaultdict(int)
        for row in rows:
            if (row["period_start"], row["period_end"]) != (start, end):
                key = (date.fromisoformat(row["period_start"]),
                       date.fromisoformat(row["period_end"]), row["metric"], row["sex"])
                value = round(float(row["value"]))
                if "PARTIAL" in row.get("note", ""):
                    target.other_periods[key] = target.other_periods.get(key, 0) + value
                else:
                    target.other_periods.setdefault(key, value)
                continue
            value = round(float(row["value"]))
            key = (row["metric"], row["sex"])
            if "PARTIAL" in row.get("note", ""):
                partial[key] += value
            elif target.values.setdefault(key[0], {}).setdefault(key[1], value) != value:
                target.restated.append((key[0], key[1], value))
        for (metric, sex), value in partial.items():
            target.values.setdefault(metric, {}).setdefault(sex, value)
        targets.append(target)
    return targets
