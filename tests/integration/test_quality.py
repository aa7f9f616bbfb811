"""Quality checks on a real warehouse: consistency rules, reconciliation, GX suites, publishing.

The register is generated from ../shared/gold (with planted discrepancies) and the gold
figures are loaded as curated report figures, so reconciliation must find every planted
discrepancy and flag nothing the generator did not list.
"""

from __future__ import annotations

import csv
import shutil

import duckdb
import pytest

from pipelines.register.load import load_registers
from pipelines.reports.load import load_all
from pipelines.settings import SHARED_DIR, Paths
from pipelines.synthetic.generate import DISCREPANCY_FILE, generate
from pipelines.synthetic.targets import COUNT_METRICS
from tests.integration.dbt_runner import dbt_build

HEADER = "forbund,insats,period_start,period_end,metric,sex,value,quote,note\n"
FB = "Samordningsförbundet Testfall"


def _rows(insats: str, figures: list[tuple[str, str, float]]) -> str:
    return "".join(f"{FB},{insats},2022-01-01,2022-12-31,{m},{s},{v},,\n" for m, s, v in figures)


CONSISTENT = _rows("Stämmer", [
    ("participants", "all", 45), ("participants", "women", 28), ("participants", "men", 17),
    ("participants_new", "all", 22), ("participants_ended", "all", 21),
    ("participants_ongoing", "all", 24), ("ended_work", "all", 3), ("ended_studies", "all", 2),
    ("ended_illness", "all", 16), ("share_work_or_studies_pct", "all", 24)])
INCONSISTENT = _rows("Stämmer inte", [
    ("participants", "all", 10), ("participants", "women", 6), ("participants", "men", 5),
    ("participants_new", "all", 12), ("participants_new", "all", 13),
    ("participants_ended", "all", 11), ("participants_ongoing", "all", 3),
    ("ended_work", "all", 8), ("ended_illness", "all", 5), ("ended_moved", "all", 1),
    ("share_work_or_studies_pct", "all", 90)])
RULES = {"women_plus_men_equals_all", "participants_new_not_above_participants",
         "participants_ended_not_above_participants", "ongoing_plus_ended_equals_participants",
         "outcomes_not_above_ended", "outcomes_equal_ended", "share_matches_counts"}
BAD_PERCENT = _rows("Fel procent", [("share_work_or_studies_pct", "all", 150)])
ODD_REGISTER = ("Förbund;Organisationsnummer;Insats-ID;Insats;Deltagar-ID;Kön;Födelseår;"
                "Inskrivningsdatum;Utskrivningsdatum;Avslutsanledning\n"
                f"{FB};222000-0009;1;Udda;X1;Kvinna;1850;2022-01-10;;\n")


@pytest.fixture(scope="module")
def warehouse(module_paths: Paths, dbt_manifest) -> Paths:
    gold = SHARED_DIR / "gold"
    if not gold.exists():
        pytest.skip("../shared/gold is not present")
    paths = module_paths
    generate(paths.raw_dir, gold_dir=gold, extra_forbund=0, log=lambda _: None)
    (paths.registers_dir / "udda.csv").write_text(ODD_REGISTER, encoding="utf-8")
    paths.figures_dir.mkdir(parents=True)
    for answer_key in gold.glob("*.figures.csv"):
        shutil.copyfile(answer_key, paths.figures_dir / answer_key.name)
    (paths.figures_dir / "rules.csv").write_text(HEADER + CONSISTENT + INCONSISTENT,
                                                encoding="utf-8")
    load_registers(paths.registers_dir, paths.warehouse, log=lambda _: None)
    load_all(paths.reports_dir, paths.figures_dir, paths.quarantine_dir, paths.warehouse,
             log=lambda _: None)
    dbt_build()
    return paths


def _query(paths: Paths, sql: str) -> list[tuple]:
    with duckdb.connect(str(paths.warehouse), read_only=True) as con:
        return con.execute(sql).fetchall()


def _rule_results(paths: Paths, insats: str) -> dict[str, set[bool]]:
    results: dict[str, set[bool]] = {}
    for rule, passed in _query(paths, "select rule, passed from "
                               "intermediate.int_report_consistency where insats_name_reported "
                               f"= '{insats}'"):
        results.setdefault(rule, set()).add(passed)
    return results


def test_every_rule_passes_on_a_consistent_section(warehouse: Paths):
    results = _rule_results(warehouse, "Stämmer")
    assert set(results) >= RULES
    assert all(passed == {True} for passed in results.values())


def test_every_rule_fails_on_an_inconsistent_section(warehouse: Paths):
    results = _rule_results(warehouse, "Stämmer inte")
    assert RULES | {"stated_once"} <= set(results)
    for rule in RULES | {"stated_once"}:
        assert False in results[rule], rule


def test_known_contradictions_of_the_shared_reports_are_flagged(warehouse: Paths):
    failed = set(_query(warehouse, "select insats_name_reported, rule from "
                                   "intermediate.int_report_consistency where not passed"))
    assert ("Promise Hjo", "outcomes_not_above_ended") in failed
    assert ("Förberedande insats Gullspång", "outcomes_not_above_ended") in failed
    trampolinen = _rule_results(warehouse, "Trampolinen i Trollhättan")
    assert trampolinen["women_plus_men_equals_all"] == {True}
    assert trampolinen["ongoing_plus_ended_equals_participants"] == {True}


def test_reconciliation_finds_every_planted_discrepancy_and_nothing_else(warehouse: Paths):
    with (warehouse.raw_dir / DISCREPANCY_FILE).open(encoding="utf-8") as handle:
        listed = list(csv.DictReader(handle))
    key = ("insats_name_reported", "period_start", "period_end", "metric", "sex")
    planted = {(r["insats"], r["period_start"], r["period_end"], r["metric"], r["sex"])
               for r in listed if r["kind"] == "planted"}
    known = {(r["insats"], r["period_start"], r["period_end"], r["metric"], r["sex"])
             for r in listed}
    assert planted
    rows = _query(warehouse, f"select {', '.join(key)}, classification from "
                             "marts.fct_reconciliation where forbund_name_reported <> "
                             f"'{FB}'")
    # The demo register reproduces the stated counts (not averages or shares).
    flagged = {(i, str(a), str(b), m, s) for i, a, b, m, s, c in rows
               if c in ("mismatch", "within_tolerance", "match_with_anonymous")
               and m in COUNT_METRICS}
    mismatched = {(i, str(a), str(b), m, s) for i, a, b, m, s, c in rows if c == "mismatch"}
    assert planted <= mismatched
    assert flagged <= known


def test_quality_run_flags_suites_rules_and_blocks_publishing(warehouse: Paths):
    import dagster as dg

    from pipelines.dbt_manifest import prepare_manifest
    from pipelines.defs.exports.assets import build_published_marts
    from pipelines.defs.resources import Warehouse
    from pipelines.published_exports import published_exports
    from pipelines.quality.check import run_quality

    (warehouse.figures_dir / "bad.csv").write_text(HEADER + BAD_PERCENT, encoding="utf-8")
    load_all(warehouse.reports_dir, warehouse.figures_dir, warehouse.quarantine_dir,
             warehouse.warehouse, log=lambda _: None)
    dbt_build("--select", "stg_reports__figures+")
    result = run_quality(warehouse.warehouse, warehouse.marts_dir / "quality", "test-run",
                         log=lambda _: None)
    errors = {(f.check, f.rule) for f in result.errors()}
    assert ("suite:report_figures", "expect_column_values_to_be_between") in errors
    warns = {(f.check, f.rule) for f in result.flags if f.severity == "WARN"}
    assert ("suite:register_participations", "expect_column_values_to_be_between") in warns
    assert ("report_consistency", "outcomes_not_above_ended") in warns
    assert _query(warehouse, "select count(*) from marts.fct_quality_flags where run_id = "
                             "'test-run' and severity = 'ERROR'")[0][0] == len(result.errors())
    report = (warehouse.marts_dir / "quality" / "quality_report.md").read_text(encoding="utf-8")
    assert "Promise Hjo" in report and "What to check" in report

    published_marts = build_published_marts(published_exports(prepare_manifest()))
    outcome = dg.materialize([published_marts], raise_on_error=False, resources={
        "warehouse": Warehouse.from_paths(warehouse, working_database=str(warehouse.warehouse),
                                          isolate_run=False)})
    assert not outcome.success  # an ERROR publishes nothing, not even the unaffected exports
    assert not (warehouse.marts_dir / "insats_year.parquet").exists()
    assert not (warehouse.marts_dir / "report_figures.parquet").exists()

    import hashlib

    from click.testing import CliRunner

    from pipelines.cli import main

    before = hashlib.sha256(warehouse.warehouse.read_bytes()).hexdigest()
    checked = CliRunner().invoke(main, ["check"])
    assert checked.exit_code == 1, checked.output
    assert hashlib.sha256(warehouse.warehouse.read_bytes()).hexdigest() == before  # only read
    assert (warehouse.marts_dir / "quality" / "check" / "quality_report.md").exists()
    assert "Samordningsförbundet Skaraborg" in checked.output
