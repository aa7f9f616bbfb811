"""The dbt worker (pipelines/dbt_worker.py) on a small dbt project of its own: it answers as
the `dbt` command does, ends when it is not needed, and builds with its own parse only
when the command would parse the project the same way."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import duckdb
import pytest

from pipelines import dbt_worker
from tests.integration.toy_dbt import write_toy_project


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    root = tmp_path / "toy"
    write_toy_project(root, tmp_path / "toy.duckdb")
    (root / "models" / "kommuner.sql").write_text(
        "select 'Lund' as kommun, 3 as deltagare", encoding="utf-8")
    (root / "models" / "trasig.sql").write_text(
        "select * from en_tabell_som_inte_finns", encoding="utf-8")
    return root


def _command(project: Path, target: Path, *args: str) -> tuple[list[str], dict[str, str]]:
    env = {**os.environ, "DBT_LOG_FORMAT": "json", "DBT_TARGET_PATH": str(target),
           "DBT_LOG_PATH": str(target), "DBT_PROJECT_DIR": str(project),
           "DBT_PROFILES_DIR": str(project), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    return list(args), env


def _read(process: subprocess.Popen) -> list[dict]:
    assert process.stdout is not None
    lines = [line.decode() for line in process.stdout]
    process.wait(timeout=120)
    return [json.loads(line) for line in lines if line.startswith("{")]


def test_the_worker_started_early_builds_and_answers_as_dbt_does(project, tmp_path):
    target = tmp_path / "target"
    dbt_worker.start(project, project, target)
    process = dbt_worker.take(project, project, target)
    other = dbt_worker.take(project, project, target)
    assert other is not process  # taken once: the next is a new one
    dbt_worker._end(other)
    args, env = _command(project, target, "build", "--select", "kommuner")
    dbt_worker.send(process, args, env, project)
    events = _read(process)
    results = [e for e in events if e["info"]["name"] == "LogModelResult"]
    assert [r["data"]["node_info"]["unique_id"] for r in results] == ["model.toy.kommuner"]
    assert results[0]["data"]["node_info"]["node_status"] == "success"
    assert process.returncode == 0
    assert json.loads((target / "run_results.json").read_text())["results"]
    # dbt closed the database before the worker ended: it opens, the table is there
    with duckdb.connect(str(tmp_path / "toy.duckdb"), read_only=True) as con:
        assert con.execute("select deltagare from main.kommuner").fetchall() == [(3,)]


def test_a_failing_model_ends_the_worker_with_dbts_exit_code(project, tmp_path):
    target = tmp_path / "target"
    process = dbt_worker.take(project, project, target)  # none started: a new one
    args, env = _command(project, target, "build")
    dbt_worker.send(process, args, env, project)
    events = _read(process)
    assert process.returncode == 1  # as `dbt build` with a failing node
    errors = " ".join(e["info"]["msg"] for e in events if e["info"]["level"] == "error")
    assert "en_tabell_som_inte_finns" in errors


def test_an_unused_worker_is_ended(project, tmp_path):
    dbt_worker.start(project, project, tmp_path / "target")
    (process,) = dbt_worker._warm.values()
    dbt_worker.stop()
    assert process.returncode == 0
    assert not dbt_worker._warm


def _wait_for_parse(target: Path) -> None:
    for _ in range(600):
        if (target / "manifest.json").exists():
            return
        time.sleep(0.1)
    raise AssertionError("the worker never parsed")


def test_a_model_edited_after_the_parse_is_built_as_edited(project, tmp_path):
    target = tmp_path / "target"
    dbt_worker.start(project, project, target)
    _wait_for_parse(target)
    model = project / "models" / "kommuner.sql"
    model.write_text("select 'Lund' as kommun, 4 as deltagare", encoding="utf-8")
    process = dbt_worker.take(project, project, target)
    dbt_worker.send(process, *_command(project, target, "build", "--select", "kommuner"),
                    project)
    _read(process)
    assert process.returncode == 0
    with duckdb.connect(str(tmp_path / "toy.duckdb"), read_only=True) as con:
        assert con.execute("select deltagare from main.kommuner").fetchall() == [(4,)]


def test_a_worker_that_died_before_its_build_is_replaced(project, tmp_path):
    target = tmp_path / "target"
    dbt_worker.start(project, project, target)
    (dead,) = dbt_worker._warm.values()
    dead.kill()
    dead.wait()
    process = dbt_worker.take(project, project, target)
    assert process is not dead
    dbt_worker.send(process, *_command(project, target, "build", "--select", "kommuner"),
                    project)
    _read(process)
    assert process.returncode == 0


def test_ctrl_c_ends_a_worker_started_with_it_ignored(project, tmp_path):
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # as `finsam run &` in a script
    try:
        dbt_worker.start(project, project, tmp_path / "target")
    finally:
        signal.signal(signal.SIGINT, previous)
    (process,) = dbt_worker._warm.values()
    _wait_for_parse(tmp_path / "target")
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=30) != 0
    dbt_worker.stop()


@pytest.mark.parametrize(("change", "fits"), [
    ({}, True),
    ({"env": {"DBT_TARGET_PATH": "/elsewhere"}}, False),
    ({"env": {"REGION_KOD": "12"}}, False),  # a variable the project reads, now different
    ({"env": {"PROFIL_SCHEMA": "b"}}, False),  # any other variable (a profile may read it)
    ({"env": {"DBT_STATIC_PARSER": "false"}}, False),  # a dbt setting of the parse
    ({"env": {"DBT_INDIRECT_SELECTION": "empty"}}, True),  # a setting of the build only
    ({"env": {"FINSAM_DUCKDB": "/d/warehouse.duckdb"}}, True),  # read when dbt connects
    ({"args": ["build", "--vars", "{år: 2024}"]}, False),
    ({"args": ["build", "--no-static-parser"]}, False),
    ({"args": ["--no-use-colors", "build", "--exclude", "a b", "--select", "c"]}, True),
])
def test_the_early_parse_is_used_only_for_a_command_that_parses_the_same(change, fits):
    paths = ("/p", "/p", "/p/target")
    env = {"DBT_PROJECT_DIR": "/p", "DBT_PROFILES_DIR": "/p", "DBT_TARGET_PATH": "/p/target",
           "REGION_KOD": "11", **change.get("env", {})}
    request = {"args": change.get("args", ["build"]), "env": env, "cwd": "/p"}
    manifest = SimpleNamespace(env_vars={"REGION_KOD": "11"})
    assert dbt_worker._fits(manifest, {"REGION_KOD": "11"}, request, paths) is fits


def test_a_worker_ends_when_the_run_that_started_it_is_killed(project, tmp_path):
    (project / "models" / "langsam.sql").write_text(  # a minute of DuckDB's time
        "{{ config(materialized='table') }}\n"
        "select sum(i % 7) as s from range(200000000000) t(i)", encoding="utf-8")
    target = tmp_path / "target"
    args, env = _command(project, target, "build", "--select", "langsam")
    script = ("import sys, time\nfrom pathlib import Path\nfrom pipelines import dbt_worker\n"
              f"p = dbt_worker.take(Path({str(project)!r}), Path({str(project)!r}), "
              f"Path({str(target)!r}))\n"
              f"dbt_worker.send(p, {args!r}, {env!r}, Path({str(project)!r}))\n"
              "for line in p.stdout:\n"
              "    if b'START sql' in line:\n"
              "        print(p.pid, flush=True)\n"
              "        time.sleep(600)\n")
    run = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    worker = int(run.stdout.readline())  # it is building now
    run.kill()  # the run alone, as the out-of-memory killer would
    run.wait()
    for _ in range(100):
        if _state(worker) == "Z":
            return
        time.sleep(0.1)
    os.kill(worker, signal.SIGKILL)
    raise AssertionError("the worker outlived the run that started it")


def _state(pid: int) -> str:
    """The process's state letter (Z: ended, not yet reaped)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return "Z"
