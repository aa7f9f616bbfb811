"""Year attribution through the real loader and the real `dbt build` on a DuckDB file."""

from __future__ import annotations

import duckdb
import pytest

from pipelines.register.load import load_registers
from pipelines.reports.load import load_all
from pipelines.settings import Paths
from tests.integration.dbt_runner import dbt_build

HEADER = ("Förbund;Organisationsnummer;Insats-ID;Insats;Deltagar-ID;Kön;Födelseår;"
          "Inskrivningsdatum;Utskrivningsdatum;Avslutsanledning")
# id, kön, start, end, reason — the export's latest date is 2024-03-31 (the "late" spell):
# a Felregistrering dated in 2025 is left out of it, so no open spell runs into 2025.
SPELLS = [
    ("cross", "Kvinna", "2022-11-15", "2024-02-01", "Studier"),
    ("open", "Man", "2023-06-01", "", ""),
    ("sameday", "Man", "2023-03-03", "2023-03-03", "Övrigt"),
    ("error", "Kvinna", "2023-01-10", "2023-01-12", "Felregistrering"),
    ("late", "Kvinna", "2024-03-31", "", ""),
    ("work", "Kvinna", "2023-01-01", "2023-12-31", "Arbete"),
    ("error_late", "Man", "2025-01-03", "2025-01-04", "Felregistrering"),
]


@pytest.fixture(scope="module")
def warehouse(module_paths: Paths, dbt_manifest) -> str:
    paths = module_paths
    rows = [f"Förbund X;222000-0001;7;Insats Y;{pid};{sex};1990;{start};{end};{reason}"
            for pid, sex, start, end, reason in SPELLS]
    (paths.registers_dir / "x.csv").write_text("\n".join([HEADER, *rows]) + "\n",
                                               encoding="utf-8")
    load_registers(paths.registers_dir, paths.warehouse, log=lambda _: None)
    load_all(paths.reports_dir, paths.figures_dir, paths.quarantine_dir, paths.warehouse,
             log=lambda _: None)
    dbt_build()
    return str(paths.warehouse)


def test_spells_are_attributed_to_every_year_they_touch(warehouse: str):
    with duckdb.connect(warehouse, read_only=True) as con:
        got = set(con.execute(
            "select participant_id, year, is_new, is_ended "
            "from intermediate.int_participations_by_year").fetchall())
    assert got == {
        ("cross", 2022, 1, 0), ("cross", 2023, 0, 0), ("cross", 2024, 0, 1),
        ("open", 2023, 1, 0), ("open", 2024, 0, 0),
        ("sameday", 2023, 1, 1),
        ("late", 2024, 1, 0),
        ("work", 2023, 1, 1),
    }


def test_insats_year_counts(warehouse: str):
    with duckdb.connect(warehouse, read_only=True) as con:
        rows = con.sql("select * from marts.fct_insats_year order by year").pl()
    by_year = {r["year"]: r for r in rows.iter_rows(named=True)}
    assert sorted(by_year) == [2022, 2023, 2024]
    y2023 = by_year[2023]
    # cross, open, sameday, work; the Felregistrering spell is left out
    assert y2023["participants_active"] == 4
    assert (y2023["participants_active_women"], y2023["participants_active_men"]) == (2, 2)
    assert y2023["participants_new"] == 3
    assert y2023["participants_ended"] == 2
    assert (y2023["ended_work"], y2023["ended_other"], y2023["ended_studies"]) == (1, 1, 0)
    assert y2023["share_work_or_studies_pct"] == 50.0
    # sameday lasted 0 days, work 364 days
    assert y2023["avg_months_in_insats"] == round((0 + 364 / 30.4375) / 2, 1)
    y2024 = by_year[2024]
    assert (y2024["participants_active"], y2024["participants_ended"]) == (3, 1)
    assert y2024["share_work_or_studies_pct"] == 100.0
    assert by_year[2022]["share_work_or_studies_pct"] is None


def test_published_exports_blank_small_counts(warehouse: str):
    with duckdb.connect(warehouse, read_only=True) as con:
        row = con.sql("select * from exports.exp_insats_year where year = 2023").pl().row(
            0, named=True)
    assert row["participants_active"] is None  # 4 < 5
    # Only 2 ended: the count is blanked, so no outcome can be worked out as ended minus the
    # others, and a zero beside a blanked outcome may be shown.
    assert row["participants_ended"] is None
    assert row["ended_work"] is None and row["ended_other"] is None  # 1 each
    assert row["share_work_or_studies_pct"] is None  # only 2 ended
    assert row["insats_name"] == "Insats Y"
