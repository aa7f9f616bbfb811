"""Register cases that once gave silently wrong marts, through the real loader and `dbt build`.

Each förbund (its own org nr) is one case: a rename between two per-insats exports, a file
holding two förbund with a newer export for one of them, headers spelled with spaces and
dashes, and a Felregistrering dated after everything else.
"""

from __future__ import annotations

import duckdb
import pytest

from pipelines.register.load import load_registers
from pipelines.reports.load import load_all
from pipelines.settings import Paths
from tests.integration.dbt_runner import dbt_build

HEADER = ("Förbund;Organisationsnummer;Insats-ID;Insats;Deltagar-ID;Kön;Födelseår;"
          "Inskrivningsdatum;Utskrivningsdatum;Avslutsanledning")
SPACED_HEADER = ("Förbundets namn;Org nr;Insats nr;Insatsens namn;Deltagar id;KÖN;Född år;"
                 "Inskrivnings datum;Utskrivnings-datum;Avsluts_anledning")
RENAMED, SHARED, OTHER, SPACED = "222000-0301", "222000-0302", "222000-0303", "222000-0304"
RENAMED_IN_FILE = "222000-0305"


def _file(paths: Paths, name: str, rows: list[str], header: str = HEADER) -> None:
    (paths.registers_dir / name).write_text("\n".join([header, *rows]) + "\n",
                                            encoding="utf-8")


@pytest.fixture(scope="module")
def warehouse(module_paths: Paths, dbt_manifest) -> str:
    paths = module_paths
    # A rename: the older per-insats export still carries the old name.
    _file(paths, "renamed_insats_1.csv", [
        f"Förbundet Förr;{RENAMED};1;Steget;R1;Kvinna;1980;2022-03-01;;"])
    _file(paths, "renamed_insats_2.csv", [
        f"Förbundet Nu;{RENAMED};2;Trappan;R2;Man;1981;2023-04-01;2024-02-01;Arbete"])
    # A rename inside one export: the insats that ended before it keeps the old name.
    _file(paths, "renamed_in_file.csv", [
        f"Förbundet Förr;{RENAMED_IN_FILE};1;Steget;F1;Kvinna;1980;2021-03-01;2021-09-01;Flytt",
        f"Förbundet Nu;{RENAMED_IN_FILE};2;Trappan;F2;Man;1981;2023-04-01;;"])
    # Two förbund in one file; a newer export of one of them alone.
    _file(paths, "two_forbund_2023.csv", [
        f"Delat;{SHARED};1;Ett;S1;Kvinna;1990;2023-02-01;2023-05-01;Studier",
        f"Delat;{SHARED};1;Ett;S2;Man;1991;2023-03-01;;",
        f"Annat;{OTHER};1;Två;O1;Man;1992;2023-06-01;;"])
    load_registers(paths.registers_dir, paths.warehouse, log=lambda _: None)
    _file(paths, "shared_2024.csv", [
        f"Delat;{SHARED};1;Ett;S1;Kvinna;1990;2023-02-01;2023-05-01;Studier",
        f"Delat;{SHARED};1;Ett;S2;Man;1991;2023-03-01;2024-01-15;Arbete",
        f"Delat;{SHARED};1;Ett;S3;Kvinna;1993;2024-02-01;;"])
    # Headers with spaces, dashes and underscores; the ended spell must count as ended.
    _file(paths, "spaced.csv", [
        f"Mellanrum;{SPACED};1;Glipan;M1;Kvinna;1985;2023-01-10;2023-08-31;Arbete",
        f"Mellanrum;{SPACED};1;Glipan;M2;Man;1986;2023-02-10;;"], header=SPACED_HEADER)
    load_registers(paths.registers_dir, paths.warehouse, log=lambda _: None)
    load_all(paths.reports_dir, paths.figures_dir, paths.quarantine_dir, paths.warehouse,
             log=lambda _: None)
    dbt_build()
    return str(paths.warehouse)


def _rows(warehouse: str, sql: str) -> list[tuple]:
    with duckdb.connect(warehouse, read_only=True) as con:
        return con.execute(sql).fetchall()


@pytest.mark.parametrize("org", [RENAMED, RENAMED_IN_FILE])
def test_a_renamed_forbund_has_one_name_in_every_mart(warehouse: str, org: str):
    names = set()
    for table in ("marts.fct_insats_year", "marts.fct_forbund_year", "marts.dim_forbund",
                  "marts.dim_insats"):
        names |= {r[0] for r in _rows(warehouse, f"select distinct forbund_name from {table} "
                                                 f"where forbund_org_nr = '{org}'")}
    assert names == {"Förbundet Nu"}
    assert len(_rows(warehouse, "select distinct insats_key from marts.fct_insats_year "
                                f"where forbund_org_nr = '{org}'")) == 2


def test_a_newer_export_of_one_forbund_does_not_double_it(warehouse: str):
    got = _rows(warehouse, "select year, participants_new, participants_ended, ended_work, "
                           "ended_studies from marts.fct_insats_year where forbund_org_nr = "
                           f"'{SHARED}' order by year")
    assert got == [(2023, 2, 1, 0, 1), (2024, 1, 1, 1, 0)]
    # The other förbund of the shared file is still there, once.
    assert _rows(warehouse, "select year, participants_active from marts.fct_insats_year "
                            f"where forbund_org_nr = '{OTHER}'") == [(2023, 1)]


def test_headers_with_spaces_and_dashes_load_the_ended_spell(warehouse: str):
    got = _rows(warehouse, "select year, participants_active, participants_ended, ended_work "
                           f"from marts.fct_insats_year where forbund_org_nr = '{SPACED}' "
                           "order by year")
    assert got == [(2023, 2, 1, 1)]
