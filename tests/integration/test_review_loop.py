"""The review loop: `finsam review` lists doubtful figures; decisions come back as curated
figures through the real loaders and the real dbt build."""

from __future__ import annotations

import csv

import duckdb
import openpyxl
import pytest

from pipelines.register.load import load_registers
from pipelines.reports.load import load_all
from pipelines.reports.review import write_review
from pipelines.settings import Paths
from tests.integration.dbt_runner import dbt_build
from tests.integration.test_reports_warehouse import REGISTER, REPORT


def _load(paths: Paths) -> None:
    load_registers(paths.registers_dir, paths.warehouse, log=lambda _: None)
    load_all(paths.reports_dir, paths.figures_dir, paths.quarantine_dir / "reports",
             paths.warehouse, log=lambda _: None)
    dbt_build()


@pytest.fixture(scope="module")
def reviewed(module_paths: Paths, dbt_manifest) -> tuple[Paths, list[dict[str, str]]]:
    paths = module_paths
    (paths.registers_dir / "norrby.csv").write_text(REGISTER, encoding="utf-8")
    paths.reports_dir.mkdir(parents=True)
    (paths.reports_dir / "norrby_2022.txt").write_text(REPORT, encoding="utf-8")
    _load(paths)
    written, _ = write_review(paths.warehouse, paths.marts_dir / "review")
    with written[1].open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return paths, rows


def _figures(paths: Paths) -> set[tuple]:
    with duckdb.connect(str(paths.warehouse), read_only=True) as con:
        return set(con.execute("select insats_name_reported, metric, value, origin from "
                               "marts.fct_report_figures").fetchall())


def test_the_workbook_lists_unassigned_figures_with_a_reason(reviewed):
    paths, rows = reviewed
    unassigned = [r for r in rows if r["insats"] == "Okänd insats"]
    assert unassigned and all("insatsen saknas i registret" in r["note"] for r in unassigned)
    assert all(r["decision"] == "" for r in rows)
    sheet = openpyxl.load_workbook(paths.marts_dir / "review" / "figures_review.xlsx").active
    header = [c.value for c in sheet[1]]
    assert {"forbund", "insats", "metric", "value", "decision", "corrected_value"} <= set(header)
    assert sheet.max_row == len(rows) + 1


def test_decisions_dropped_back_reject_and_correct(reviewed):
    paths, rows = reviewed
    assert ("Okänd insats", "participants", 5, "extracted") in _figures(paths)
    decided = [{**r, "decision": "avvisa"} for r in rows if r["insats"] == "Okänd insats"]
    kept = {"forbund": "Samordningsförbundet Norrby", "insats": "Nästa steg",
            "period_start": "2022-01-01", "period_end": "2022-12-31",
            "metric": "participants", "sex": "all", "value": "9", "quote": "", "note": "",
            "decision": "rätta", "corrected_value": "10"}
    paths.figures_dir.mkdir(parents=True, exist_ok=True)
    with (paths.figures_dir / "granskat.csv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(kept))
        writer.writeheader()
        writer.writerows([{k: r.get(k, "") for k in kept} for r in decided] + [kept])
    _load(paths)
    figures = _figures(paths)
    assert not any(name == "Okänd insats" for name, *_ in figures)
    assert ("Nästa steg", "participants", 10, "curated") in figures
    assert ("Nästa steg", "participants", 9, "extracted") not in figures
