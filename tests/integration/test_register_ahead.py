"""Register files parsed ahead of their step by the run's worker processes: a parse is used
only for the file as it was parsed, and a load that takes them writes what a load without
them writes."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import duckdb
import pytest

from pipelines import worker_pool
from pipelines.register import ahead, load
from pipelines.register.load import load_registers
from pipelines.worker_pool import spawned_pool

HEADER = ("Förbund;Organisationsnummer;Insats-ID;Insats;Deltagar-ID;Kön;Födelseår;"
          "Inskrivningsdatum;Utskrivningsdatum;Avslutsanledning\n")


def _export(path: Path, org: str, people: int, ended: str = "") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = "".join(f"Förbund {org};{org};7;Steget;P{i:04d};{'Kvinna' if i % 2 else 'Man'};"
                   f"1980;2022-01-{1 + i % 28:02d};{ended};{'Arbete' if ended else ''}\n"
                   for i in range(people))
    path.write_text(HEADER + rows, encoding="utf-8")


def _bronze(warehouse: Path) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(
            "select * exclude (load_id, loaded_at) from bronze.register_participations "
            "order by all").fetchall()


@pytest.fixture
def shared_workers(monkeypatch):
    monkeypatch.setattr(load, "PROCESSES_FROM_BYTES", 0)  # these small files count as many
    monkeypatch.setenv("FINSAM_WORKERS", "2")
    worker_pool.share()
    yield
    ahead.stop()
    worker_pool.unshare()


def test_parses_started_ahead_are_taken_for_unchanged_files_only(tmp_path, shared_workers):
    registers = tmp_path / "raw" / "registers"
    _export(registers / "a.csv", "222000-0001", 30)
    _export(registers / "b.csv", "222000-0002", 20)
    published = tmp_path / "published.duckdb"  # no load yet: every file is new
    assert ahead.start([registers], published) == 2
    _export(registers / "b.csv", "222000-0002", 20, ended="2022-06-30")  # edited meanwhile
    taken: list[str] = []

    def take(path: Path, digest: str, max_invalid_rows: int):
        future = ahead.take(path, digest, max_invalid_rows)
        if future is not None:
            taken.append(path.name)
        return future

    warehouse = tmp_path / "w.duckdb"
    load_registers([registers], warehouse, log=lambda _: None, parsed_ahead=take)
    assert taken == ["a.csv"]  # b.csv changed after its parse began: parsed again
    alone = tmp_path / "alone.duckdb"
    load_registers([registers], alone, log=lambda _: None)
    assert _bronze(warehouse) == _bronze(alone)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("select distinct end_reason from bronze.register_participations "
                           "where forbund_org_nr = '222000-0002'").fetchall() == [("Arbete",)]


def test_nothing_starts_ahead_for_files_of_the_last_load_or_without_shared_workers(
        tmp_path, monkeypatch):
    registers = tmp_path / "raw" / "registers"
    _export(registers / "a.csv", "222000-0001", 30)
    warehouse = tmp_path / "w.duckdb"
    load_registers([registers], warehouse, log=lambda _: None)
    monkeypatch.setattr(load, "PROCESSES_FROM_BYTES", 0)
    assert ahead.start([registers], warehouse) == 0  # not shared: the step parses
    monkeypatch.setenv("FINSAM_WORKERS", "2")
    worker_pool.share()
    try:
        assert ahead.start([registers], warehouse) == 0  # as loaded last time
        _export(registers / "a.csv", "222000-0001", 31)  # another size: started
        assert ahead.start([registers], warehouse) == 1
        assert ahead.take(registers / "a.csv", "not its digest", 0) is None
    finally:
        ahead.stop()
        worker_pool.unshare()


def test_a_parse_whose_worker_died_is_done_again_in_the_step(tmp_path):
    """A worker killed (the out-of-memory killer) while a parse waited for it: the register
    step parses that file itself and the night goes on."""
    registers = tmp_path / "raw" / "registers"
    _export(registers / "a.csv", "222000-0001", 30)
    pool = spawned_pool(1)
    try:
        worker = pool.submit(os.getpid).result()
        pool.submit(time.sleep, 30)
        waiting = pool.submit(time.sleep, 30)  # stands for a parse not begun
        os.kill(worker, signal.SIGKILL)
        result = load_registers([registers], tmp_path / "w.duckdb", log=lambda _: None,
                                parsed_ahead=lambda path, digest, limit: waiting)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    assert result.changed and not result.refused
    alone = tmp_path / "alone.duckdb"
    load_registers([registers], alone, log=lambda _: None)
    assert _bronze(tmp_path / "w.duckdb") == _bronze(alone)


def test_a_setting_the_step_would_refuse_starts_nothing_ahead(tmp_path, shared_workers,
                                                             monkeypatch):
    registers = tmp_path / "raw" / "registers"
    _export(registers / "a.csv", "222000-0001", 30)
    monkeypatch.setenv("FINSAM_MAX_INVALID_ROWS", "many")
    assert ahead.start([registers], tmp_path / "published.duckdb") == 0
