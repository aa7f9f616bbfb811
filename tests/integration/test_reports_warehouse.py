"""Reports through the real stages and the real dbt build: precedence, names, quarantine."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipelines.register.load import load_registers
from pipelines.reports.load import load_all
from pipelines.settings import Paths
from tests.integration.dbt_runner import dbt_build

REGISTER = ("Förbund;Organisationsnummer;Insats-ID;Insats;Deltagar-ID;Kön;Födelseår;"
            "Inskrivningsdatum;Utskrivningsdatum;Avslutsanledning\n"
            "Samordningsförbundet Norrby;222000-0001;7;Vägen framåt;A;Kvinna;1990;2022-02-01;;\n"
            "Samordningsförbundet Norrby;222000-0001;8;Nästa steg;B;Man;1985;2022-03-01;;\n")
REPORT = """Samordningsförbundet Norrby

ÅRSRAPPORT 2022

Innehållsförteckning

Vägen framåt\t2
Nästa steg\t3
Okänd insats\t4

Vägen framåt

Under året har 14 deltagare varit inskrivna. 6 deltagare har avslutats.

Nästa steg

Under året har 9 deltagare varit inskrivna.

Okänd insats

Under året har 5 deltagare varit inskrivna.
"""
CURATED = ("forbund,insats,period_start,period_end,metric,sex,value,quote,note\n"
           "Samordningsförbundet Norrby,Vägen framåt,2022-01-01,2022-12-31,participants,all,15,,"
           "corrected after checking SUS\n")


@pytest.fixture(scope="module")
def warehouse(module_paths: Paths, dbt_manifest) -> Paths:
    paths = module_paths
    (paths.registers_dir / "norrby.csv").write_text(REGISTER, encoding="utf-8")
    paths.reports_dir.mkdir(parents=True)
    (paths.reports_dir / "norrby_2022.txt").write_text(REPORT, encoding="utf-8")
    (paths.reports_dir / "scan.pdf").write_bytes(b"%PDF-1.4 broken")
    (paths.reports_dir / "protokoll.txt").write_text(
        "Protokoll från styrelsemöte\n\n" + "Styrelsen diskuterade verksamheten och beslutade "
        "att anta budgeten för nästa år. Ordföranden tackade ledamöterna för mötet.\n" * 4,
        encoding="utf-8")
    paths.figures_dir.mkdir(parents=True)
    (paths.figures_dir / "rattelser.csv").write_text(CURATED, encoding="utf-8")
    load_registers(paths.registers_dir, paths.warehouse, log=lambda _: None)
    load_all(paths.reports_dir, paths.figures_dir, paths.quarantine_dir / "reports",
             paths.warehouse, log=lambda _: None)
    dbt_build()
    return paths


def _query(paths: Paths, sql: str) -> list[tuple]:
    with duckdb.connect(str(paths.warehouse), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_curated_figure_replaces_the_extracted_one(warehouse: Paths):
    rows = _query(warehouse, "select insats_name, metric, value, origin from "
                             "marts.fct_report_figures order by insats_name, metric")
    assert ("Vägen framåt", "participants", 15, "curated") in rows
    assert ("Vägen framåt", "participants", 14, "extracted") not in rows
    assert ("Vägen framåt", "participants_ended", 6, "extracted") in rows
    assert ("Nästa steg", "participants", 9, "extracted") in rows


def test_figures_keep_their_quote_and_position(warehouse: Paths):
    (quote, start, end, source), = _query(
        warehouse, "select quote, char_start, char_end, source_file from marts.fct_report_figures"
                   " where insats_name = 'Nästa steg'")
    assert REPORT[start:end] == "9"
    assert "9 deltagare varit inskrivna" in quote
    assert source == "reports/norrby_2022.txt"


def test_unmatched_names_are_listed_not_dropped(warehouse: Paths):
    names = _query(warehouse, "select insats_name_reported, match_status, insats_key "
                              "from marts.dim_report_names order by 1")
    assert names == [("Nästa steg", "matched", "222000-0001/8"),
                     ("Okänd insats", "unmatched insats", None),
                     ("Vägen framåt", "matched", "222000-0001/7")]
    unmatched = _query(warehouse, "select value, is_matched from marts.fct_report_figures "
                                  "where insats_name_reported = 'Okänd insats'")
    assert unmatched == [(5, False)]


def test_unreadable_report_is_quarantined_with_a_reason(warehouse: Paths):
    quarantined = warehouse.quarantine_dir / "reports" / "scan.pdf"
    assert quarantined.exists() and not (warehouse.reports_dir / "scan.pdf").exists()
    reason = quarantined.with_name("scan.pdf.errors.txt").read_text(encoding="utf-8")
    assert "cannot be read as .pdf" in reason
    assert _query(warehouse, "select status from bronze.report_documents "
                             "where source_file = 'reports/scan.pdf'") == [("quarantined",)]


def test_bad_curated_file_is_refused_with_row_and_column(tmp_path: Path):
    from pipelines.errors import InputFileError
    from pipelines.reports.curated import parse_curated

    path = tmp_path / "bad.csv"
    path.write_text(CURATED.replace(",participants,", ",deltagare,"), encoding="utf-8")
    with pytest.raises(InputFileError) as caught:
        parse_curated(path)
    assert [(p.row, p.column) for p in caught.value.problems] == [(2, "metric")]


def test_a_report_without_figures_is_listed_not_refused(warehouse: Paths):
    from pipelines.status import describe

    status = describe(warehouse).split("Reports without figures:")[1].split("Published:")[0]
    assert "reports/protokoll.txt" in status and "no figures found" in status
    assert "norrby_2022.txt" not in status
    assert not (warehouse.quarantine_dir / "reports" / "protokoll.txt").exists()
