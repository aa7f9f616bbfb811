"""Synthetic registers: deterministic, accepted by ingest, and faithful to the reports."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from pipelines.register.parse import parse_file
from pipelines.synthetic.generate import DISCREPANCY_FILE, generate
from pipelines.synthetic.targets import insats_targets


def _read_all(raw: Path) -> dict[str, pl.DataFrame]:
    return {p.name: parse_file(p).frame
            for folder in ("registers", "costs") for p in sorted((raw / folder).iterdir())}


def test_same_seed_same_registers(tmp_path: Path):
    first = generate(tmp_path / "a", seed=11, extra_forbund=4, years=[2023, 2024], log=print)
    second = generate(tmp_path / "b", seed=11, extra_forbund=4, years=[2023, 2024], log=print)
    a, b = _read_all(tmp_path / "a"), _read_all(tmp_path / "b")
    # per förbund: participations, anonymous counts, a count form, insats costs, funds
    assert a.keys() == b.keys() and len(a) == 4 * 5
    for name in a:
        assert a[name].equals(b[name]), name
    assert len(first.spells) == len(second.spells) > 0
    other = generate(tmp_path / "c", seed=12, extra_forbund=4, years=[2023, 2024], log=print)
    assert [s.participant_id for s in other.spells] != [s.participant_id for s in first.spells]


def test_every_dialect_is_written_and_accepted(tmp_path: Path):
    result = generate(tmp_path, seed=3, extra_forbund=4, years=[2024], log=print)
    suffixes = {p.suffix for p in result.files}
    assert suffixes == {".csv", ".xlsx"}
    encodings = {parse_file(p).encoding for p in result.files}
    assert {"cp1252", "utf-8-sig", "utf-8", "xlsx"} <= encodings


def test_realistic_ranges(tmp_path: Path):
    spells = generate(tmp_path, seed=5, extra_forbund=3, years=[2022, 2023, 2024],
                      log=print).spells
    ages = [s.start_date.year - s.birth_year for s in spells]
    assert min(ages) >= 18 and max(ages) <= 64
    lengths = [(s.end_date - s.start_date).days for s in spells if s.end_date]
    assert max(lengths) <= 731
    reasons = {s.end_reason for s in spells if s.end_reason}
    assert {"Arbete", "Studier", "Fortsatt rehabilitering", "Sjukdom"} <= reasons


def _period_tally(spells, first: date, last: date) -> dict[tuple[str, str], int]:
    """The test's own count of what a register says about a period."""
    outcome = {"Arbete": "ended_work", "Studier": "ended_studies",
               "Arbetssökande": "ended_job_seeking",
               "Fortsatt rehabilitering": "ended_continued_rehab", "Sjukdom": "ended_illness",
               "Flytt": "ended_moved", "Övrigt": "ended_other"}
    tally: dict[tuple[str, str], int] = {}
    for s in spells:
        if s.end_reason == "Felregistrering" or s.start_date > last:
            continue
        if s.end_date is not None and s.end_date < first:
            continue
        metrics = ["participants"]
        if s.start_date >= first:
            metrics.append("participants_new")
        if s.end_date is not None and s.end_date <= last:
            metrics += ["participants_ended", outcome[s.end_reason]]
        else:
            metrics.append("participants_ongoing")
        for metric in metrics:
            for sex in ("all", {"Kvinna": "women", "Man": "men"}[s.sex]):
                tally[(metric, sex)] = tally.get((metric, sex), 0) + 1
    return tally


def test_register_reproduces_report_figures_except_listed(tmp_path: Path, shared_gold: Path):
    result = generate(tmp_path, gold_dir=shared_gold, extra_forbund=0, log=print)
    with (tmp_path / DISCREPANCY_FILE).open(encoding="utf-8") as handle:
        listed = {(r["insats"], r["period_start"], r["period_end"], r["metric"], r["sex"],
                   r["report_value"]): r for r in csv.DictReader(handle)}
    assert any(r["kind"] == "planted" for r in listed.values())
    checked = 0
    for target in insats_targets(shared_gold):
        spells = [s for s in result.spells if s.insats_name == target.insats]
        tally = _period_tally(spells, target.period_start, target.period_end)
        for metric, by_sex in target.values.items():
            if metric == "ended_work_or_studies":
                continue
            for sex, stated in by_sex.items():
                register = tally.get((metric, sex), 0)
                key = (target.insats, target.period_start.isoformat(),
                       target.period_end.isoformat(), metric, sex, str(stated))
                if key in listed:
                    assert register == int(listed[key]["register_value"]) != stated, key
                else:
                    assert register == stated, key
                    checked += 1
    assert checked >= 100
    # Planted differences exceed the default reconciliation tolerance (±1 or ±5 %).
    for row in listed.values():
        if row["kind"] == "planted":
            report, register = int(row["report_value"]), int(row["register_value"])
            assert abs(report - register) > 1 or report == 0


def test_as_many_forbund_as_asked_each_with_its_own_org_number(tmp_path: Path):
    result = generate(tmp_path, seed=5, extra_forbund=12, years=[2024], log=lambda _: None)
    frames = _read_all(tmp_path)
    names = {n for f in frames.values() for n in f["forbund_name"].unique().to_list()}
    orgs = {o for f in frames.values() for o in f["forbund_org_nr"].unique().to_list()}
    assert len(names) == len(orgs) == 12 and len(result.files) == 12 * 5


def test_national_scale_names_and_a_clear_refusal_beyond():
    from pipelines.synthetic.generate import _OrgNumbers
    from pipelines.synthetic.names import forbund_names

    names = forbund_names(80)
    orgs = _OrgNumbers()
    assert len(set(names)) == 80 and len({orgs[n] for n in names}) == 80
    with pytest.raises(ValueError, match="cannot name 100000 förbund"):
        forbund_names(100_000)
