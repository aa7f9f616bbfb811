"""Costs and the national count form through the real loader and `dbt build`: which source
counts, costs per participant and per outcome worked out here from the files' own numbers,
and what disclosure control leaves of them in the exports."""

from __future__ import annotations

import duckdb
import pytest

from pipelines.register.load import load_registers
from pipelines.reports.load import load_all
from pipelines.settings import Paths
from tests.integration.dbt_runner import dbt_build

ORG, SMALL = "222000-0401", "222000-0402"
HEADER = ("Förbund;Organisationsnummer;Insats-ID;Insats;Deltagar-ID;Kön;Födelseår;"
          "Inskrivningsdatum;Utskrivningsdatum;Avslutsanledning")
# Insats 1 in 2023: 7 women and 5 men; ten ended: 4 to work, 1 to studies, 5 job seeking.
REASONS = ["Arbete"] * 4 + ["Studier"] + ["Arbetssökande"] * 5 + ["", ""]


def _register_rows() -> list[str]:
    rows = []
    for index, reason in enumerate(REASONS):
        sex = "Kvinna" if index < 7 else "Man"
        end = "2023-11-30" if reason else ""
        rows.append(f"Norrby;{ORG};1;Steget;P{index};{sex};1990;2023-02-01;{end};{reason}")
    rows += [f"Litenby;{SMALL};9;Lilla;L{i};Man;1985;2023-03-01;;" for i in range(3)]
    return rows


@pytest.fixture(scope="module")
def warehouse(module_paths: Paths, dbt_manifest) -> duckdb.DuckDBPyConnection:
    paths = module_paths
    paths.costs_dir.mkdir(parents=True, exist_ok=True)
    (paths.registers_dir / "deltagare.csv").write_text(
        "\n".join([HEADER, *_register_rows()]) + "\n", encoding="utf-8")
    # The count form repeats insats 1 for 2023 (must never be added) and has insats 2 only.
    (paths.registers_dir / "uppfoljning.csv").write_text(
        "Förbund;Organisationsnummer;Insats-ID;Insatsnamn;År;Kvinnor;Män;Totalt\n"
        f"Norrby;{ORG};1;Steget;2023;20;20;40\n"
        f"Norrby;{ORG};2;Vägen;2023;9;3;12\n"
        f"Norrby;{ORG};2;Vägen;2024;8;7;15\n", encoding="cp1252")
    (paths.costs_dir / "kostnader.csv").write_text(
        "Förbund;Org nr;Insats-ID;Insats;År;Budget (tkr);Utfall\n"
        f"Norrby;{ORG};1;Steget;2023;600;540 000\n"
        f"Norrby;{ORG};2;Vägen;2023;250;240 000 kr\n"
        f"Litenby;{SMALL};9;Lilla;2023;;90 000\n", encoding="utf-8")
    (paths.costs_dir / "medel.csv").write_text(
        f"Förbund;Orgnr;År;Tilldelade medel\nNorrby;{ORG};2023;2 000 000\n", encoding="utf-8")
    (paths.costs_dir / "trasig.csv").write_text(
        f"Förbund;Orgnr;Insats-ID;Insats;År;Utfall\nNorrby;{ORG};3;Tredje;2023;mycket\n",
        encoding="utf-8")
    result = load_registers(paths.input_dirs, paths.warehouse, log=lambda _: None)
    assert [e.path.name for e in result.refused] == ["trasig.csv"]
    assert "row 2, column 'Utfall'" in str(result.refused[0])
    load_all(paths.reports_dir, paths.figures_dir, paths.quarantine_dir, paths.warehouse,
             log=lambda _: None)
    dbt_build()
    with duckdb.connect(str(paths.warehouse), read_only=True) as con:
        yield con


def _rows(con, sql: str) -> list[dict]:
    return con.sql(sql).pl().to_dicts()


def test_the_register_counts_where_it_has_anyone_and_the_form_elsewhere(warehouse):
    rows = {(r["insats_key"], r["year"]): r for r in _rows(
        warehouse, "select * from marts.fct_participants_by_source where level = 'insats'")}
    steget = rows[(f"{ORG}/1", 2023)]
    assert (steget["source"], steget["participants"]) == ("person_register", 12)
    assert (steget["register_participants"], steget["count_form_participants"]) == (12, 40)
    vagen = rows[(f"{ORG}/2", 2023)]
    assert (vagen["source"], vagen["participants"], vagen["participants_women"]) == (
        "count_form", 12, 9)
    forbund = _rows(warehouse, "select * from marts.fct_participants_by_source where level = "
                    f"'forbund' and unit_key = '{ORG}' and year = 2023")
    assert [(r["source"], r["participants"]) for r in forbund] == [("person_register", 12)]


def test_benchmark_takes_the_womens_share_from_the_form_saying_so(warehouse):
    rows = _rows(warehouse, "select * from marts.mart_benchmark_insats_year "
                 f"where insats_key = '{ORG}/2' and year = 2023")
    assert [(r["rate"], r["source"], r["numerator"], r["denominator"]) for r in rows] == [
        ("share_women", "count_form", 9, 12)]
    assert rows[0]["value"] == round(100 * 9 / 12, 1)
    published = _rows(warehouse, "select * from exports.exp_benchmark_insats_year "
                      f"where insats_key = '{ORG}/2' and year = 2023")
    assert published[0]["is_published"] is False  # 3 men: both sexes blanked
    assert published[0]["value"] is None


def test_costs_per_participant_per_outcome_and_share_of_funds(warehouse):
    rows = {r["insats_key"]: r for r in _rows(
        warehouse, "select * from marts.fct_insats_costs where year = 2023")}
    steget = rows[f"{ORG}/1"]
    assert (steget["budget_kr"], steget["cost_outcome_kr"]) == (600_000, 540_000)
    assert steget["cost_per_participant_kr"] == 540_000 / 12
    assert steget["cost_per_work_or_studies_kr"] == 540_000 / 5
    assert steget["share_of_forbund_funds_pct"] == 27.0
    assert steget["budget_used_pct"] == 90.0
    vagen = rows[f"{ORG}/2"]
    assert (vagen["participants_source"], vagen["cost_per_participant_kr"]) == (
        "count_form", 20_000)
    assert vagen["cost_per_work_or_studies_kr"] is None  # the form has no outcomes
    forbund = _rows(warehouse, f"select * from marts.fct_forbund_costs where forbund_org_nr = "
                    f"'{ORG}' and year = 2023")[0]
    assert (forbund["allotted_funds_kr"], forbund["cost_outcome_kr"]) == (2_000_000, 780_000)
    assert forbund["share_of_funds_spent_pct"] == 39.0


def test_no_published_cost_reveals_a_blanked_count(warehouse):
    published = {r["insats_key"]: r for r in _rows(
        warehouse, "select * from exports.exp_insats_costs where year = 2023")}
    internal = {r["insats_key"]: r for r in _rows(
        warehouse, "select * from marts.fct_insats_costs where year = 2023")}
    small = published[f"{SMALL}/9"]
    assert internal[f"{SMALL}/9"]["cost_per_participant_kr"] == 30_000
    assert (small["participants"], small["cost_per_participant_kr"]) == (None, None)
    assert small["cost_outcome_kr"] == 90_000  # kronor are not about people
    steget = published[f"{ORG}/1"]
    assert steget["cost_per_participant_kr"] == 45_000
    # 4 to work and 1 to studies are each blanked, but their sum hides which is which
    assert (steget["ended_work_or_studies"], steget["cost_per_work_or_studies_kr"]) == (
        5, 108_000)
    counts = {(r["insats_key"], r["year"]): r for r in _rows(
        warehouse, "select * from exports.exp_insats_year")}
    for row in published.values():  # every published cost divides back to a published count
        if row["cost_per_participant_kr"] is not None:
            assert row["participants"] is not None
        if row["cost_per_work_or_studies_kr"] is not None:
            published_count = counts[(row["insats_key"], row["year"])]["ended_work_or_studies"]
            assert row["ended_work_or_studies"] == published_count is not None


def test_the_count_form_export_blanks_a_small_sex_and_its_complement(warehouse):
    rows = {(r["insats_key"], r["year"]): r for r in _rows(
        warehouse, "select * from exports.exp_count_form_insats_year")}
    small = rows[(f"{ORG}/2", 2023)]
    assert (small["participants_women"], small["participants_men"]) == (None, None)
    assert rows[(f"{ORG}/2", 2024)]["participants_women"] == 8
