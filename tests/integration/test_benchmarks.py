"""Benchmark marts: rates, national quartiles, ranks and peer groups recomputed here from the
counts (and, for median months, from the generated spells), and what is published of them
checked against the published counts.
"""

from __future__ import annotations

import csv
import statistics
from collections import defaultdict

import duckdb
import polars as pl

from pipelines.settings import DBT_PROJECT_DIR

MIN_DENOMINATOR = 10


def _mart(paths, name: str) -> list[dict]:
    with duckdb.connect(str(paths.warehouse), read_only=True) as con:
        return con.sql(f"select * from marts.{name}").pl().to_dicts()


def _quartiles(values: list[float]) -> tuple[float, float, float]:
    if len(values) == 1:
        return values[0], values[0], values[0]
    q1, q2, q3 = statistics.quantiles(values, n=4, method="inclusive")  # = percentile_cont
    return q1, q2, q3


def _close(got: float | None, expected: float) -> bool:
    """Equal after rounding to one decimal (DuckDB and Python round halves differently)."""
    return got is not None and abs(float(got) - float(expected)) <= 0.051


def _bands(level: str) -> list[tuple[int, int, str]]:
    with (DBT_PROJECT_DIR / "seeds" / "size_bands.csv").open(encoding="utf-8") as handle:
        return [(int(r["min_participants"]), int(r["max_participants"]), r["size_band"])
                for r in csv.DictReader(handle) if r["level"] == level]


def test_share_to_work_or_studies_quartiles_ranks_and_peers(built):
    paths, _, _ = built
    counts = {(r["insats_key"], r["year"]): r for r in _mart(paths, "fct_insats_year")}
    rows = [r for r in _mart(paths, "mart_benchmark_insats_year")
            if r["rate"] == "share_work_or_studies"]
    assert len(rows) == len(counts)
    ranked: dict[int, list[float]] = defaultdict(list)
    for row in rows:
        cell = counts[(row["insats_key"], row["year"])]
        ended, work_or_studies = cell["participants_ended"], cell["ended_work_or_studies"]
        assert (row["numerator"], row["denominator"]) == (work_or_studies, ended)
        expected = round(100 * work_or_studies / ended, 1) if ended else None
        assert row["value"] == expected
        assert row["is_ranked"] == (ended >= MIN_DENOMINATOR)
        if row["is_ranked"]:
            ranked[row["year"]].append(row["value"])
        else:
            assert row["rank_in_year"] is None
    assert sum(len(v) for v in ranked.values()) >= 6, "too few ranked insatser to test"
    bands = _bands("insats")
    for row in rows:
        values = ranked.get(row["year"], [])
        if values:
            p25, median, p75 = _quartiles(sorted(values))
            assert _close(row["national_p25"], p25) and _close(row["national_median"], median) \
                and _close(row["national_p75"], p75), row
            assert row["national_units"] == len(values)
        size = counts[(row["insats_key"], row["year"])]["participants_active"]
        assert row["size_band"] == next(b for lo, hi, b in bands if lo <= size <= hi)
        if row["is_ranked"]:
            higher = sum(v > row["value"] for v in values)
            assert row["rank_in_year"] == higher + 1
            assert row["tied_with"] == sum(v == row["value"] for v in values) - 1
            peers = [r["value"] for r in rows if r["year"] == row["year"] and r["is_ranked"]
                     and r["size_band"] == row["size_band"]]
            assert _close(row["peer_median"], statistics.median(peers)), row
            assert row["rank_note"].endswith(f"av {len(values)}")


def test_median_months_from_the_generated_spells(built):
    paths, spells, _ = built
    months: dict[tuple[str, int], list[float]] = defaultdict(list)
    for s in spells:
        if s.end_date is not None and s.end_reason != "Felregistrering":
            months[(s.insats_id, s.end_date.year)].append((s.end_date - s.start_date).days
                                                          / 30.4375)
    rows = [r for r in _mart(paths, "mart_benchmark_insats_year")
            if r["rate"] == "median_months_in_insats" and r["denominator"] > 0]
    assert rows
    keys = {r["insats_key"]: r["insats_key"].split("/")[-1] for r in rows}
    for row in rows:
        expected = statistics.median(months[(keys[row["insats_key"]], row["year"])])
        assert _close(row["value"], expected), row


def test_forbund_level_ranks_each_forbund_once_per_year_and_rate(built):
    paths, _, _ = built
    rows = _mart(paths, "mart_benchmark_forbund_year")
    forbund = {(r["forbund_org_nr"], r["year"]) for r in _mart(paths, "fct_forbund_year")}
    rates = {r["rate"] for r in rows}
    assert len(rows) == len(forbund) * len(rates) and len(rates) == 7
    women = [r for r in rows if r["rate"] == "share_women"]
    assert all(r["denominator"] > 0 and 0 <= r["value"] <= 100 for r in women)


def test_published_rates_reveal_no_blanked_count(built):
    paths, _, _ = built
    published = pl.read_parquet(paths.marts_dir / "benchmark_insats_year.parquet").to_dicts()
    counts = {(r["insats_key"], r["year"]): r
              for r in pl.read_parquet(paths.marts_dir / "insats_year.parquet").to_dicts()}
    internal = {(r["insats_key"], r["year"], r["rate"]): r
                for r in _mart(paths, "mart_benchmark_insats_year")}
    rates = {r["rate"]: r for r in csv.DictReader(
        (DBT_PROJECT_DIR / "seeds" / "benchmark_rates.csv").open(encoding="utf-8"))}
    form = {(r["insats_key"], r["year"]): {
                "participants_active": r["participants_total"],
                "participants_active_women": r["participants_women"],
                "participants_active_men": r["participants_men"]}
            for r in pl.read_parquet(paths.marts_dir / "count_form_insats_year.parquet").to_dicts()}
    shown = hidden = 0
    for row in published:
        source = form if row["source"] == "count_form" else counts
        cell = source[(row["insats_key"], row["year"])]
        rate = rates[row["rate"]]
        needed = [rate["denominator"]] + ([rate["numerator"]] if rate["numerator"] else [])
        if row["value"] is None:
            hidden += internal[(row["insats_key"], row["year"], row["rate"])]["value"] is not None
            continue
        shown += 1
        # A published rate stands only on published counts, so it gives away nothing new.
        assert all(cell[column] is not None for column in needed), row
        assert row["denominator"] >= MIN_DENOMINATOR
    assert shown > 20 and hidden > 0
    # The published national figures are those of the published rates alone.
    by_year_rate: dict[tuple[int, str], list[float]] = defaultdict(list)
    for row in published:
        if row["value"] is not None:
            by_year_rate[(row["year"], row["rate"])].append(row["value"])
    for row in published:
        values = by_year_rate.get((row["year"], row["rate"]))
        if values:
            assert _close(row["national_median"], statistics.median(values)), row
            assert row["national_units"] == len(values)


def test_goal_attainment_against_the_generated_spells(built):
    paths, spells, _ = built
    rows = [r for r in _mart(paths, "mart_goal_attainment") if r["insats_key"]]
    assert len(rows) >= 3, "the demo reports state goals"
    assert {r["status"] for r in rows} & {"met", "not_met"}
    for row in rows:
        insats_id = row["insats_key"].split("/")[-1]
        ended = [s for s in spells if s.insats_id == insats_id and s.end_date is not None
                 and s.end_reason != "Felregistrering"
                 and row["period_start"] <= s.end_date <= row["period_end"]]
        to_work_or_studies = sum(s.end_reason in ("Arbete", "Studier") for s in ended)
        assert (row["participants_ended"], row["ended_work_or_studies"]) == (
            len(ended), to_work_or_studies), row
        outcome = 100 * to_work_or_studies / len(ended) if ended else None
        if outcome is not None:
            assert _close(row["outcome_pct"], outcome)
            assert _close(float(row["gap_pct"]), outcome - float(row["goal_pct"]))
        expected = ("too_few_ended" if len(ended) < MIN_DENOMINATOR
                    else "met" if row["outcome_pct"] >= row["goal_pct"] else "not_met")
        assert row["status"] == expected, row
