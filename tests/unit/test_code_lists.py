"""Every code the Python side writes is one the seeds define: the seeds are the one home."""

from __future__ import annotations

import csv

from pipelines import vocabulary
from pipelines.reports import lexicon
from pipelines.settings import SEEDS_DIR


def _seed(name: str) -> list[dict[str, str]]:
    with (SEEDS_DIR / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_report_wording_maps_only_to_outcome_metrics_of_the_seed() -> None:
    outcome_metrics = {row["metric"] for row in _seed("report_metrics")
                       if row["kind"] == "outcome"}
    named = ({metric for metric, _ in lexicon.OUTCOMES} | set(lexicon.OUTCOME_WORDS.values())
             | set(lexicon.OUTCOME_PHRASE_CATEGORIES.values()))
    assert named <= outcome_metrics


def test_every_register_outcome_code_has_a_report_metric() -> None:
    """The register's outcome codes (columns ended_<code>) are metrics reports can state."""
    codes = {row["outcome_code"] for row in _seed("avslutsanledningar")
             if row["is_registration_error"] == "false"}
    assert {f"ended_{code}" for code in codes} <= set(vocabulary.report_metrics())


def test_outcome_codes_keep_the_seed_order() -> None:
    """The SQL macro orders outcome columns by the seed's position column."""
    positions = [int(row["position"]) for row in _seed("avslutsanledningar")]
    assert positions == sorted(positions) and len(set(positions)) == len(positions)
