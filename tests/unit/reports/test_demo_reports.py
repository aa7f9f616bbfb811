"""Demo reports: four template families in .docx, .pdf and .txt that state the synthetic
register's figures, except the slips listed in synthetic_discrepancies.csv."""

from __future__ import annotations

import csv
from pathlib import Path

from pipelines.reports.extract import extract_document
from pipelines.reports.folding import fold
from pipelines.reports.readers import read_document
from pipelines.synthetic.generate import DISCREPANCY_FILE, generate, period_counts

COUNTED = {"participants", "participants_new", "participants_ended", "participants_ongoing",
           "ended_work", "ended_studies", "ended_job_seeking", "ended_continued_rehab",
           "ended_illness", "ended_moved", "ended_other"}


def test_demo_reports_state_the_register_except_the_listed_slips(tmp_path: Path):
    result = generate(tmp_path, seed=5, extra_forbund=2, years=[2023, 2024],
                      log=lambda _: None)
    reports = sorted((tmp_path / "reports").iterdir())
    assert len(reports) == 8 and {p.suffix for p in reports} == {".docx", ".pdf", ".txt"}
    with (tmp_path / DISCREPANCY_FILE).open(encoding="utf-8") as handle:
        slips = {(fold(r["forbund"]), fold(r["insats"]), r["period_start"], r["period_end"],
                  r["metric"], r["sex"]):
                 int(r["report_value"]) for r in csv.DictReader(handle)
                 if r["kind"] == "report_slip"}
    spells: dict[str, list] = {}
    for spell in result.spells:
        spells.setdefault((fold(spell.forbund_name), fold(spell.insats_name)), []).append(spell)
    checked = 0
    for report in reports:
        rows = [r for r in extract_document(read_document(report)) if r.metric in COUNTED]
        assert len(rows) >= 8, report.name
        for row in rows:
            key = (fold(row.forbund), fold(row.insats), row.period_start.isoformat(),
                   row.period_end.isoformat(), row.metric, row.sex)
            register = period_counts(spells[key[:2]], row.period_start, row.period_end).get(
                (row.metric, row.sex), 0)
            assert row.value == slips.get(key, register), (report.name, row.quote)
            checked += 1
    assert checked >= 100 and slips
