"""Vocabularies read from the dbt seeds, so that Python and SQL share one definition."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from pipelines.settings import SEEDS_DIR


def seed_column(seed: str, column: str, seeds_dir: Path = SEEDS_DIR) -> tuple[str, ...]:
    """One column of a dbt seed."""
    with (seeds_dir / f"{seed}.csv").open(encoding="utf-8", newline="") as handle:
        return tuple(row[column] for row in csv.DictReader(handle))


@cache
def end_reasons() -> tuple[str, ...]:
    """Allowed `avslutsanledning` labels (Swedish, as in SUS)."""
    return seed_column("avslutsanledningar", "avslutsanledning")


@cache
def registration_errors() -> tuple[str, ...]:
    """`avslutsanledning` labels that mark a registration error: loaded, never counted."""
    with (SEEDS_DIR / "avslutsanledningar.csv").open(encoding="utf-8", newline="") as handle:
        return tuple(row["avslutsanledning"] for row in csv.DictReader(handle)
                     if row["is_registration_error"] == "true")


@cache
def sexes() -> tuple[str, ...]:
    """Allowed `kön` labels."""
    return seed_column("kon", "kon")


@cache
def report_sexes() -> tuple[str, ...]:
    """The sex codes of report figures: 'all' and those of seeds/kon.csv."""
    return ("all", *seed_column("kon", "sex"))


@cache
def report_metrics() -> tuple[str, ...]:
    """Metric codes of report figures (seeds/report_metrics.csv)."""
    return seed_column("report_metrics", "metric")


@cache
def people_metrics() -> tuple[str, ...]:
    """Metric codes that count people: participants and where the ended went."""
    kinds = dict(zip(seed_column("report_metrics", "metric"),
                     seed_column("report_metrics", "kind"), strict=True))
    return tuple(metric for metric, kind in kinds.items() if kind in ("count", "outcome"))


@cache
def review_decisions() -> dict[str, str]:
    """Review decision codes and their Swedish labels, each mapped to the code."""
    codes = seed_column("review_decisions", "decision")
    labels = seed_column("review_decisions", "label")
    return {**{c: c for c in codes}, **dict(zip(labels, codes, strict=True))}


@cache
def column_labels() -> dict[str, tuple[str, str]]:
    """Published column → its Swedish heading and explanation (seeds/column_labels.csv)."""
    with (SEEDS_DIR / "column_labels.csv").open(encoding="utf-8", newline="") as handle:
        return {row["column_name"]: (row["label"], row["explanation"])
                for row in csv.DictReader(handle)}


@cache
def quality_rules() -> dict[str, str]:
    """Every quality rule's id and what an analyst should check when it fails
    (seeds/quality_rules.csv; the SQL rules are tested against the same list)."""
    return dict(zip(seed_column("quality_rules", "rule"),
                    seed_column("quality_rules", "what_to_check"), strict=True))
