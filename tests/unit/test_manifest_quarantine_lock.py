"""Register manifest (skip, replace), quarantine of each bad-file kind, and the load lock."""

from __future__ import annotations

import threading
from pathlib import Path

import duckdb
import pytest

from pipelines.lock import LoadInProgress, exclusive_load
from pipelines.register.load import load_registers

HEADER = ("Förbund;Organisationsnummer;Insats-ID;Insats;Deltagar-ID;Kön;Födelseår;"
          "Inskrivningsdatum;Utskrivningsdatum;Avslutsanledning\n")


def _row(pid: str, start: str, org: str = "222000-0001") -> str:
    return f"F;{org};7;S;{pid};Kvinna;1980;{start};;\n"


def _write(path: Path, *rows: str) -> Path:
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return path


def _bronze(warehouse: Path) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute("select participant_id, source_file, load_id from "
                           "bronze.register_participations order by 1").fetchall()


def _manifest(warehouse: Path) -> dict[str, str]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return dict(con.execute("select source_file, status from bronze.register_files")
                    .fetchall())


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path, Path]:
    registers = tmp_path / "raw" / "registers"
    registers.mkdir(parents=True)
    return registers, tmp_path / "w.duckdb", tmp_path / "quarantine"


def test_unchanged_files_are_skipped_and_nothing_is_written(folders):
    registers, warehouse, _ = folders
    _write(registers / "a.csv", _row("A", "2022-01-01"))
    _write(registers / "b.csv", _row("B", "2022-02-01", org="222000-0002"))
    first = load_registers(registers, warehouse, log=lambda _: None)
    before = _bronze(warehouse)
    second = load_registers(registers, warehouse, log=lambda _: None)
    assert first.changed and not second.changed
    assert sorted(second.unchanged) == ["registers/a.csv", "registers/b.csv"]
    assert _bronze(warehouse) == before  # same rows, same load ids: nothing rewritten


def test_a_changed_file_is_read_again_and_replaces_its_rows(folders):
    registers, warehouse, _ = folders
    _write(registers / "a.csv", _row("A", "2022-01-01"))
    _write(registers / "b.csv", _row("B", "2022-02-01", org="222000-0002"))
    load_registers(registers, warehouse, log=lambda _: None)
    load_a = {pid: load for pid, _, load in _bronze(warehouse)}["A"]
    _write(registers / "b.csv", _row("B", "2022-02-01", org="222000-0002"),
           _row("C", "2022-03-01", org="222000-0002"))
    result = load_registers(registers, warehouse, log=lambda _: None)
    assert result.unchanged == ["registers/a.csv"]
    rows = {pid: load for pid, _, load in _bronze(warehouse)}
    assert sorted(rows) == ["A", "B", "C"] and rows["A"] == load_a


def test_a_newer_export_of_the_same_forbund_replaces_the_older(folders):
    registers, warehouse, _ = folders
    _write(registers / "export_2022.csv", _row("A", "2022-01-01"))
    load_registers(registers, warehouse, log=lambda _: None)
    _write(registers / "export_2023.csv", _row("A", "2022-01-01"), _row("B", "2023-05-01"))
    result = load_registers(registers, warehouse, log=lambda _: None)
    assert result.superseded == ["registers/export_2022.csv"]
    assert [(pid, source) for pid, source, _ in _bronze(warehouse)] == [
        ("A", "registers/export_2023.csv"), ("B", "registers/export_2023.csv")]
    assert _manifest(warehouse) == {"registers/export_2022.csv": "superseded",
                                    "registers/export_2023.csv": "loaded"}


def test_a_removed_file_takes_its_rows_with_it(folders):
    registers, warehouse, _ = folders
    _write(registers / "a.csv", _row("A", "2022-01-01"))
    _write(registers / "b.csv", _row("B", "2022-02-01", org="222000-0002"))
    load_registers(registers, warehouse, log=lambda _: None)
    (registers / "b.csv").unlink()
    assert load_registers(registers, warehouse, log=lambda _: None).changed
    assert [pid for pid, _, _ in _bronze(warehouse)] == ["A"]


@pytest.mark.parametrize(("name", "content", "message"), [
    ("garbage.csv", bytes(range(256)) * 4, "cannot decode the file"),
    ("utf16.csv", (HEADER + _row("A", "2022-01-01")).encode("utf-16-le"),
     "cannot decode the file (the file is UTF-16 without a byte-order mark)"),
    ("no_kon.csv", (HEADER.replace("Kön;", "") + "F;222000-0001;7;S;A;1980;2022-01-01;;\n")
     .encode(), "column 'Kön': required column missing"),
    ("bad_rows.csv", (HEADER + _row("A", "2022-01-01") + "F;222000-0001;7;S;B;X;1980;"
                      "2022-01-01;;\n" + "F;222000-0001;7;S;C;Man;1980;nej;;\n").encode(),
     "row 3, column 'Kön'"),
    ("truncated.csv", (HEADER + _row("A", "2022-01-01") + "F;222000-0001;7").encode(),
     "row 3: the last row has fewer fields than the header"),
])
def test_bad_files_are_quarantined_with_an_error_report(folders, name, content, message):
    registers, warehouse, quarantine = folders
    _write(registers / "good.csv", _row("G", "2022-01-01", org="222000-0009"))
    (registers / name).write_bytes(content)
    result = load_registers(registers, warehouse, quarantine_dir=quarantine, log=lambda _: None)
    assert [e.path.name for e in result.refused] == [name]
    assert not (registers / name).exists() and (quarantine / name).exists()
    report = (quarantine / f"{name}.errors.txt").read_text(encoding="utf-8")
    assert message in report and "What to do:" in report
    assert [pid for pid, _, _ in _bronze(warehouse)] == ["G"]
    assert _manifest(warehouse)[f"registers/{name}"] == "quarantined"


def test_invalid_rows_under_the_threshold_are_left_out(folders):
    registers, warehouse, quarantine = folders
    _write(registers / "a.csv", _row("A", "2022-01-01"), "F;222000-0001;7;S;B;X;1980;"
           "2022-01-01;;\n", _row("C", "2022-03-01"))
    result = load_registers(registers, warehouse, quarantine_dir=quarantine,
                            max_invalid_rows=1, log=lambda _: None)
    assert not result.refused
    assert [pid for pid, _, _ in _bronze(warehouse)] == ["A", "C"]


def test_a_second_load_waits_then_stops_with_a_clear_message(tmp_path: Path):
    lock = tmp_path / "load.lock"
    holding, release = threading.Event(), threading.Event()

    def first_load() -> None:
        with exclusive_load(lock, owner="nightly run 1", timeout=0):
            holding.set()
            release.wait(5)

    thread = threading.Thread(target=first_load)
    thread.start()
    holding.wait(5)
    with pytest.raises(LoadInProgress, match="nightly run 1"), \
            exclusive_load(lock, owner="manual run", timeout=0.5):
        pass
    release.set()
    thread.join()
    with exclusive_load(lock, owner="manual run", timeout=0):
        pass  # free again once the first load is done


def test_a_second_finsam_run_stops_with_one_line(tmp_path: Path):
    """Another process holds the load lock: `run_pipeline` starts nothing and says so."""
    import subprocess
    import sys
    import time

    from pipelines.lock import LOCK_FILE
    from pipelines.run import run_pipeline
    from pipelines.settings import Paths

    paths = Paths(data_dir=tmp_path / "data", warehouse=tmp_path / "data" / "marts" / "w.duckdb")
    lock = paths.ops_dir / LOCK_FILE
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from pathlib import Path; from pipelines.lock import exclusive_load\n"
        f"with exclusive_load(Path({str(lock)!r}), owner='nightly run 7'):\n"
        "    print('held', flush=True); time.sleep(30)")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        lines: list[str] = []
        started = time.monotonic()
        outcome = run_pipeline(paths, generate_if_empty=False, log=lines.append)
        assert outcome.busy and not outcome.success
        assert len(lines) == 1 and "nightly run 7" in lines[0] and "\n" not in lines[0]
        assert time.monotonic() - started < 10
    finally:
        holder.kill()
        holder.wait()


def test_a_hand_edit_of_bronze_is_undone_not_published(folders):
    registers, warehouse, _ = folders
    _write(registers / "a.csv", _row("A", "2022-01-01"), _row("B", "2022-02-01"))
    load_registers(registers, warehouse, log=lambda _: None)
    with duckdb.connect(str(warehouse)) as con:
        con.execute("update bronze.register_participations set participant_id = 'EDITED' "
                    "where participant_id = 'A'")
    again = load_registers(registers, warehouse, log=lambda _: None)
    assert again.changed and "registers/a.csv" not in again.unchanged
    assert [pid for pid, _, _ in _bronze(warehouse)] == ["A", "B"]


def test_the_published_warehouse_is_read_only_on_disk_and_the_working_copy_is_not(
        tmp_path: Path):
    import stat

    from pipelines.publish import prepare_working_copy, publish_warehouse

    working, published = tmp_path / "work" / "w.duckdb", tmp_path / "marts" / "w.duckdb"
    working.parent.mkdir()
    with duckdb.connect(str(working)) as con:
        con.execute("create table t as select 1 as x")
    publish_warehouse(working, published)
    assert not published.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    prepare_working_copy(published, working)
    assert working.stat().st_mode & stat.S_IWUSR
    with duckdb.connect(str(working)) as con:  # the next run builds on a writable copy
        con.execute("insert into t values (2)")
    publish_warehouse(working, published)  # and replaces the read-only file
    with duckdb.connect(str(published), read_only=True) as con:
        assert con.execute("select count(*) from t").fetchone()[0] == 2


def test_files_parsed_in_worker_processes_load_and_refuse_as_in_threads(folders, monkeypatch):
    """A large load parses in worker processes: the same rows, and a bad file's error (row,
    column) comes back whole and is quarantined."""
    import pipelines.register.load as load

    registers, warehouse, quarantine = folders
    _write(registers / "a.csv", _row("A", "2022-01-01"), _row("B", "2022-02-01"))
    _write(registers / "c.csv", _row("C", "2022-03-01", org="222000-0002"))
    (registers / "bad.csv").write_text(HEADER + "F;222000-0003;7;S;D;X;1980;2022-01-01;;\n",
                                       encoding="utf-8")
    monkeypatch.setattr(load, "PROCESSES_FROM_BYTES", 0)
    monkeypatch.setenv("FINSAM_WORKERS", "2")
    result = load_registers(registers, warehouse, quarantine_dir=quarantine, log=lambda _: None)
    assert [e.path.name for e in result.refused] == ["bad.csv"]
    assert "row 2, column 'Kön'" in str(result.refused[0])
    assert (quarantine / "bad.csv").exists()
    assert [(pid, source) for pid, source, _ in _bronze(warehouse)] == [
        ("A", "registers/a.csv"), ("B", "registers/a.csv"), ("C", "registers/c.csv")]
