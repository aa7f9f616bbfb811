"""The whole graph in-process: generated registers → Dagster → dbt → marts and exports.

Expected figures are computed here from the generated spells, not from the code under test.
"""

from __future__ import annotations

import contextlib
import json
import shutil
from collections import defaultdict
from datetime import date
from pathlib import Path

import duckdb
import polars as pl
import pytest

from pipelines.run import run_pipeline
from pipelines.runlog import read_runs
from pipelines.settings import Paths
from pipelines.synthetic.people import Spell

FIXTURES = Path(__file__).parents[1] / "fixtures"

OUTCOMES = {"Arbete": "work", "Studier": "studies", "Arbetssökande": "job_seeking",
            "Fortsatt rehabilitering": "continued_rehab", "Sjukdom": "illness", "Flytt": "moved",
            "Övrigt": "other"}


def _active_years(spell: Spell, as_of: date) -> range:
    return range(spell.start_date.year, (spell.end_date or as_of).year + 1)


def expected_insats_year(spells: list[Spell]) -> dict[tuple[str, int], dict[str, object]]:
    as_of: dict[str, date] = {}
    for s in spells:
        latest = s.end_date or s.start_date
        as_of[s.forbund_name] = max(as_of.get(s.forbund_name, latest), latest)
    cells: dict[tuple[str, int], dict[str, object]] = defaultdict(lambda: defaultdict(int))
    people: dict[tuple[str, int], set[str]] = defaultdict(set)
    months: dict[tuple[str, int], list[float]] = defaultdict(list)
    for s in spells:
        if s.end_reason == "Felregistrering":
            continue
        sex = "women" if s.sex == "Kvinna" else "men"
        for year in _active_years(s, as_of[s.forbund_name]):
            key = (s.insats_id, year)
            people[key].add(s.participant_id)
            cell = cells[key]
            cell[f"participants_active_{sex}"] += 0  # make the key exist
            if year == s.start_date.year:
                cell["participants_new"] += 1
                cell[f"participants_new_{sex}"] += 1
            if s.end_date is not None and year == s.end_date.year:
                cell["participants_ended"] += 1
                cell[f"participants_ended_{sex}"] += 1
                cell[f"ended_{OUTCOMES[s.end_reason]}"] += 1
                months[key].append((s.end_date - s.start_date).days / 30.4375)
    for key, cell in cells.items():
        cell["participants_active"] = len(people[key])
        ended = cell["participants_ended"]
        work = cell["ended_work"] + cell["ended_studies"]
        cell["share_work_or_studies_pct"] = round(100.0 * work / ended, 1) if ended else None
        cell["avg_months_in_insats"] = (round(sum(months[key]) / len(months[key]), 1)
                                        if months[key] else None)
    return cells


def test_run_succeeds_and_loads_every_file(built):
    paths, spells, outcome = built
    assert outcome.success
    assert outcome.refused_files == []
    with duckdb.connect(str(paths.warehouse), read_only=True) as con:
        loaded = con.execute("select count(*) from bronze.register_participations").fetchone()
    assert loaded[0] == len(spells)


def test_demo_reports_name_register_forbund_and_insatser(built):
    paths, _, _ = built
    with duckdb.connect(str(paths.warehouse), read_only=True) as con:
        statuses = dict(con.execute("select match_status, count(*) from marts.dim_report_names "
                                    "group by 1").fetchall())
        figures = con.execute("select count(*) from marts.fct_report_figures "
                              "where assignment = 'assigned'").fetchone()[0]
    assert set(statuses) == {"matched"} and figures > 100


def test_insats_year_matches_counts_from_generated_rows(built):
    paths, spells, _ = built
    expected = expected_insats_year(spells)
    with duckdb.connect(str(paths.warehouse), read_only=True) as con:
        mart = con.sql("select * from marts.fct_insats_year").pl()
    assert mart.height == len(expected)
    compared = 0
    for row in mart.iter_rows(named=True):
        cell = expected[(row["insats_id"], row["year"])]
        for column in ("participants_active", "participants_new", "participants_new_women",
                       "participants_new_men", "participants_ended", "participants_ended_women",
                       "participants_ended_men", "ended_work", "ended_studies",
                       "ended_continued_rehab", "ended_illness", "ended_other",
                       "share_work_or_studies_pct", "avg_months_in_insats"):
            assert row[column] == cell.get(column, 0), (row["insats_name"], row["year"], column)
            compared += 1
    assert compared > 100


def test_forbund_year_counts_people_once(built):
    paths, spells, _ = built
    as_of: dict[str, date] = {}
    for s in spells:
        as_of[s.forbund_name] = max(as_of.get(s.forbund_name, date.min), s.end_date or s.start_date)
    active: dict[tuple[str, int], set[str]] = defaultdict(set)
    for s in spells:
        if s.end_reason != "Felregistrering":
            for year in _active_years(s, as_of[s.forbund_name]):
                active[(s.forbund_name, year)].add(s.participant_id)
    with duckdb.connect(str(paths.warehouse), read_only=True) as con:
        rows = con.execute("select forbund_name, year, participants_active "
                           "from marts.fct_forbund_year").fetchall()
    assert {(name, year): n for name, year, n in rows} == {k: len(v) for k, v in active.items()}


def test_published_parquet_suppresses_small_counts(built):
    paths, _, _ = built
    published = pl.read_parquet(paths.marts_dir / "insats_year.parquet")
    with duckdb.connect(str(paths.warehouse), read_only=True) as con:
        mart = con.sql("select * from marts.fct_insats_year").pl()
    assert published.height == mart.height
    joined = published.join(mart, on=["insats_key", "year"], suffix="_mart")
    small = joined.filter(pl.col("ended_work_mart").is_between(1, 4))
    assert small.height > 0 and small["ended_work"].null_count() == small.height
    large = joined.filter(pl.col("participants_new_mart") >= 5
                          & pl.col("participants_new").is_not_null())
    assert large.height > 0 and (large["participants_new"] == large["participants_new_mart"]).all()
    assert (paths.marts_dir / "finsam_marts.xlsx").stat().st_size > 0
    assert (paths.marts_dir / "review" / "figures_review.xlsx").stat().st_size > 0


def _recoverable(rows: list[dict], total: str, parts: list[str]) -> list[str]:
    """Cells an attacker works out as total minus the other parts: one blank part, the
    total and every other part published."""
    found = []
    for row in rows:
        blank = [p for p in parts if row[p] is None]
        if row[total] is not None and len(blank) == 1:
            found.append(f"{blank[0]} of {row.get('insats_key') or row.get('forbund_org_nr')}"
                         f" {row['year']}")
    return found


def test_no_blanked_count_can_be_worked_out_from_what_is_published(built):
    """The recovery attack: women = total - men; one outcome = ended - the others; ended to
    work or studies = share × ended = work + studies; one insats = the förbund's figure - the
    other insatser."""
    paths, _, _ = built
    insats = pl.read_parquet(paths.marts_dir / "insats_year.parquet")
    forbund = pl.read_parquet(paths.marts_dir / "forbund_year.parquet")
    outcomes = [c for c in insats.columns if c.startswith("ended_")
                and c not in ("ended_work_or_studies", "ended_working_or_studying_after")]
    found: list[str] = []
    for frame in (insats, forbund):
        rows = frame.to_dicts()
        for what in ("active", "new", "ended"):
            found += _recoverable(rows, f"participants_{what}",
                                  [f"participants_{what}_women", f"participants_{what}_men"])
        found += _recoverable(rows, "participants_ended", outcomes)
        found += [f"share → ended_work_or_studies of {r.get('insats_key')} {r['year']}"
                  for r in rows if r["ended_work_or_studies"] is None
                  and r["share_work_or_studies_pct"] is not None
                  and r["participants_ended"] is not None]
        # work or studies = work + studies
        found += _recoverable(rows, "ended_work_or_studies", ["ended_work", "ended_studies"])
        found += [f"ended_work_or_studies of {r.get('insats_key')} {r['year']} as the sum"
                  for r in rows if r["ended_work_or_studies"] is None
                  and r["ended_work"] is not None and r["ended_studies"] is not None]
    totals = {(r["forbund_org_nr"], r["year"]): r for r in forbund.to_dicts()}
    for (org, year), group in insats.group_by(["forbund_org_nr", "year"]):
        for column in ("participants_new", "participants_ended", "ended_work"):
            blank = group.filter(pl.col(column).is_null())
            if totals[(org, year)][column] is not None and blank.height == 1:
                found.append(f"{column} of {blank['insats_key'][0]} {year} from the förbund")
    assert insats.null_count().sum_horizontal()[0] > 0  # something was blanked
    assert found == []


def test_no_blank_of_the_count_form_or_the_costs_can_be_worked_out(built):
    """The recovery attack on the newer exports: women = total - men on the count form, and a
    blanked count = utfall ÷ the published cost per participant (or per outcome)."""
    paths, _, _ = built
    form = pl.read_parquet(paths.marts_dir / "count_form_insats_year.parquet").to_dicts()
    found = _recoverable(form, "participants_total", ["participants_women", "participants_men"])
    for name in ("insats_costs", "forbund_costs"):
        for row in pl.read_parquet(paths.marts_dir / f"{name}.parquet").to_dicts():
            if row["participants"] is None and row["cost_per_participant_kr"] is not None:
                found.append(f"participants of {name} {row['year']} from the cost")
            if (row["ended_work_or_studies"] is None
                    and row["cost_per_work_or_studies_kr"] is not None):
                found.append(f"work or studies of {name} {row['year']} from the cost")
    with duckdb.connect(str(paths.warehouse), read_only=True) as con:
        small = con.sql("select count(*) from marts.fct_count_form_insats_year where "
                        "least(participants_women, participants_men) between 1 and 4"
                        ).fetchall()[0][0]
    blanked = sum(row["participants_women"] is None for row in form)
    assert len(form) > 0 and blanked >= small  # every small sex was blanked, with its pair
    assert found == []


def test_dbt_tests_ran_as_asset_checks(built):
    from pipelines.definitions import build_definitions

    paths, _, _ = built
    defs = build_definitions(paths)
    checks = list(defs.resolve_asset_graph().asset_check_keys)
    assert any(c.asset_key.path == ["marts", "fct_insats_year"] for c in checks)
    keys = {tuple(k.path) for k in defs.resolve_asset_graph().get_all_asset_keys()}
    assert {("bronze", "register_participations"), ("marts", "fct_insats_year"),
            ("published", "marts")} <= keys


def _marts(paths: Paths) -> dict[str, list[tuple]]:
    with duckdb.connect(str(paths.warehouse), read_only=True) as con:
        return {table: con.execute(f"select * from marts.{table} order by all").fetchall()
                for table in ("fct_insats_year", "fct_forbund_year", "dim_insats")}


def _run_again(paths: Paths, force: bool = True):
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv("FINSAM_DATA_DIR", str(paths.data_dir))
        monkeypatch.setenv("FINSAM_DUCKDB", str(paths.warehouse))
        return run_pipeline(paths, generate_if_empty=False, force=force, log=lambda _: None)


def _run_in_a_process(paths: Paths, force: bool, report: str, first: str = "", **env: str):
    """run_pipeline in a fresh Python process (`first` run before it, `env` added to its
    environment); it prints RESULT, success and `report`."""
    import os
    import subprocess
    import sys

    script = (f"import sys\n{first}"
              "from pipelines.run import run_pipeline\n"
              f"outcome = run_pipeline(generate_if_empty=False, force={force}, log=print)\n"
              f"print('RESULT', outcome.success, {report})\n")
    env = {**os.environ, "FINSAM_DATA_DIR": str(paths.data_dir),
           "FINSAM_DUCKDB": str(paths.warehouse), **env}
    return subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                          text=True, check=True)


def test_a_night_with_nothing_changed_stops_before_dagster_dbt_and_gx(built):
    paths, _, _ = built
    before = {p: p.stat().st_mtime_ns for p in paths.marts_dir.glob("*.parquet")}
    done = _run_in_a_process(paths, False, "outcome.unchanged, [m for m in ('dagster', 'dbt', "
                                           "'great_expectations') if m in sys.modules]")
    assert "RESULT True True []" in done.stdout, done.stdout + done.stderr
    assert "nothing changed since the last published run" in done.stdout
    assert {p: p.stat().st_mtime_ns for p in before} == before


def test_a_run_reads_dbt_s_results_as_written_and_validates_the_suites_in_gx_s_worker(
        built_copy, tmp_path):
    """A run in its own process, as `finsam run`: dagster-dbt without dbt-core
    (pipelines/defs/dbt/without_core.py) gives the asset checks of dagster-dbt's dbt-core
    path, each as run_results.json says, a warning as a WARN; and the Great Expectations
    suites run in their worker, never importing GX in the run's process."""
    import dagster as dg

    # a report of a förbund the register does not know: dim_report_names' test warns
    shutil.copy(FIXTURES / "reports" / "arsrapport.txt", built_copy.reports_dir / "mittland.txt")
    evaluations = {}
    for path, first in (("without dbt-core", ""), ("dbt-core", "import dbt.version\n")):
        home = tmp_path / path
        home.mkdir()
        done = _run_in_a_process(
            built_copy, True, "sys.modules['dagster_dbt.compat'].DBT_PYTHON_VERSION, "
            "'great_expectations' in sys.modules", first=first, DAGSTER_HOME=str(home))
        assert "RESULT True" in done.stdout, done.stdout[-2000:] + done.stderr[-2000:]
        assert ("RESULT True None False" in done.stdout) == (path == "without dbt-core")
        # the suites ran (a run whose suites fail to run does not succeed), in the worker
        assert "running the Great Expectations suites" in done.stdout + done.stderr
        with dg.DagsterInstance.from_config(str(home)) as instance:
            (run,) = instance.get_runs()
            records = instance.get_records_for_run(
                run.run_id, of_type=dg.DagsterEventType.ASSET_CHECK_EVALUATION).records
            evaluations[path] = {
                e.check_name: (e.passed, e.severity) for e in
                (r.event_log_entry.dagster_event.event_specific_data for r in records)}
    checks = evaluations["without dbt-core"]
    assert checks == evaluations["dbt-core"]
    results = json.loads((built_copy.dbt_target_dir / "run_results.json").read_text())
    statuses = {r["unique_id"].split(".")[2]: r["status"] for r in results["results"]
                if r["unique_id"].startswith("test.")}
    assert "warn" in statuses.values()
    # every test of a model is a check (a source's tests are not: its tables are Dagster's)
    tests = {name: status for name, status in statuses.items()
             if not name.startswith("source_")}
    assert set(tests) <= set(checks)
    severity = {"warn": dg.AssetCheckSeverity.WARN}
    assert {name: checks[name] for name in tests} == {
        name: (status == "pass", severity.get(status, dg.AssetCheckSeverity.ERROR))
        for name, status in tests.items()}


def test_a_second_run_on_the_same_inputs_changes_nothing(built_copy):
    paths = built_copy
    marts = _marts(paths)
    query = "select distinct load_id from bronze.register_participations order by 1"
    with duckdb.connect(str(paths.warehouse), read_only=True) as con:
        loads = con.execute(query).fetchall()
    assert _run_again(paths).success
    assert _marts(paths) == marts
    with duckdb.connect(str(paths.warehouse), read_only=True) as con:
        assert con.execute(query).fetchall() == loads  # unchanged files were not read again


def test_a_run_records_where_its_time_went_and_which_dbt_build_it_ran(built):
    from pipelines.timings import timings_of

    paths, _, _ = built
    timings = timings_of(paths.ops_dir)
    assert timings is not None
    steps = timings["steps"]
    assert {"start-up", "register_tables", "finsam_dbt", "marts__fct_quality_flags",
            "published__marts"} <= set(steps)
    assert all(seconds >= 0 for seconds in steps.values())
    assert 0 < sum(steps.values()) <= timings["total"] + 1
    assert "all tests" in timings["dbt"]
    with duckdb.connect(str(paths.warehouse), read_only=True) as con:
        built_by = con.execute(
            "select distinct dbt_invocation_id from marts.fct_reconciliation").fetchall()
    dbt_builds = [e for e in read_runs(paths.ops_dir)[timings["run_id"]] if e["event"] == "dbt"]
    assert len(dbt_builds) == 1
    assert built_by == [(dbt_builds[0]["invocation_id"],)]


def test_a_new_data_folder_starts_from_the_projects_parse(built):
    paths, _, _ = built  # its first build: dbt parsed nothing again for another folder
    logs = "".join(p.read_text(encoding="utf-8") for p in paths.dbt_target_dir.glob("dbt.log*"))
    assert "skipping parsing" in logs
    assert "Unable to do partial parsing" not in logs


def test_an_error_level_check_leaves_the_published_warehouse_untouched(built_copy):
    import hashlib

    paths = built_copy

    def digest(path: Path) -> str:
        return hashlib.sha256(path.read_bytes()).hexdigest()

    before = {p: digest(p) for p in (paths.warehouse, paths.marts_dir / "report_figures.parquet",
                                     paths.marts_dir / "insats_year.parquet",
                                     paths.marts_dir / "forbund_year.parquet",
                                     paths.marts_dir / "finsam_marts.xlsx")}
    paths.figures_dir.mkdir(parents=True, exist_ok=True)
    (paths.figures_dir / "typo.csv").write_text(
        "forbund,insats,period_start,period_end,metric,sex,value,quote,note\n"
        "F,I,2024-01-01,2024-12-31,share_work_or_studies_pct,all,150,,typo\n", encoding="utf-8")
    outcome = _run_again(paths)
    assert not outcome.success
    assert {p: digest(p) for p in before} == before
    (paths.figures_dir / "typo.csv").unlink()


def _dbt_workers() -> list[str]:
    """This process's children that run pipelines/dbt_worker.py (an ended one has no
    command line left)."""
    import os

    children = [pid for task in Path(f"/proc/{os.getpid()}/task").iterdir()
                for pid in (task / "children").read_text().split()]
    lines = []
    for pid in children:
        with contextlib.suppress(FileNotFoundError):
            lines.append(Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode())
    return [line for line in lines if "pipelines.dbt_worker" in line]


def test_a_run_leaves_no_dbt_worker_behind(built_copy):
    from pipelines import dbt_worker

    assert _run_again(built_copy).success  # the build went through the worker started early
    assert not dbt_worker._warm and not _dbt_workers()


def test_a_run_that_fails_before_dbt_ends_its_dbt_worker(built_copy, monkeypatch):
    import pipelines.definitions
    from pipelines import dbt_worker

    def broken(*args, **kwargs):
        raise RuntimeError("the definitions could not load")

    monkeypatch.setattr(pipelines.definitions, "build_definitions", broken)
    with pytest.raises(RuntimeError, match="could not load"):
        _run_again(built_copy)
    assert not dbt_worker._warm and not _dbt_workers()
