"""The no-change stamp: any change to an input, a setting or the published warehouse means a
full run; the same inputs mean none."""

from __future__ import annotations

import pytest

from pipelines.run_stamp import (
    inputs_stamp,
    record_published,
    save_stamp,
    unchanged_since_last_publish,
)
from pipelines.settings import Paths


@pytest.fixture
def published(tmp_path) -> Paths:
    paths = Paths(data_dir=tmp_path / "data", warehouse=tmp_path / "data" / "marts" / "w.duckdb")
    (paths.registers_dir).mkdir(parents=True)
    (paths.registers_dir / "a.csv").write_text("Förbund;Deltagar-ID\nX;1\n", encoding="utf-8")
    paths.warehouse.parent.mkdir(parents=True)
    paths.warehouse.write_bytes(b"published warehouse")
    record_published(paths)  # as the publishing step does, then the run's end
    save_stamp(paths, inputs_stamp(paths))
    return paths


def test_the_same_inputs_and_warehouse_are_unchanged(published):
    assert unchanged_since_last_publish(published, inputs_stamp(published))


def test_a_changed_or_new_input_file_is_a_change(published):
    (published.registers_dir / "a.csv").write_text("Förbund;Deltagar-ID\nX;2\n", encoding="utf-8")
    assert not unchanged_since_last_publish(published, inputs_stamp(published))


def test_a_new_cost_file_is_a_change(published):
    published.costs_dir.mkdir(parents=True)
    (published.costs_dir / "k.csv").write_text("x\n", encoding="utf-8")
    assert not unchanged_since_last_publish(published, inputs_stamp(published))


def test_a_warehouse_edited_by_hand_is_a_change(published):
    published.warehouse.write_bytes(b"edited by hand")
    assert not unchanged_since_last_publish(published, inputs_stamp(published))


def test_a_changed_setting_is_a_change(published, monkeypatch):
    monkeypatch.setenv("FINSAM_MAX_DUPLICATE_SHARE", "0.5")
    assert not unchanged_since_last_publish(published, inputs_stamp(published))


def test_no_stamp_means_a_full_run(tmp_path):
    paths = Paths(data_dir=tmp_path, warehouse=tmp_path / "w.duckdb")
    assert not unchanged_since_last_publish(paths, inputs_stamp(paths))


def test_a_duckdb_edit_or_an_unfinished_one_is_a_change(tmp_path):
    import duckdb

    paths = Paths(data_dir=tmp_path / "data",
                  warehouse=tmp_path / "data" / "marts" / "warehouse.duckdb")
    paths.warehouse.parent.mkdir(parents=True)
    with duckdb.connect(str(paths.warehouse)) as con:
        con.execute("create table t as select 1 as a")
    record_published(paths)
    save_stamp(paths, inputs_stamp(paths))
    assert unchanged_since_last_publish(paths, inputs_stamp(paths))
    with duckdb.connect(str(paths.warehouse), read_only=True) as con:  # reading is no edit
        con.execute("select * from t").fetchall()
    assert unchanged_since_last_publish(paths, inputs_stamp(paths))

    wal = paths.warehouse.with_name("warehouse.duckdb.wal")
    wal.write_bytes(b"an edit not yet checkpointed")
    assert not unchanged_since_last_publish(paths, inputs_stamp(paths))
    wal.unlink()
    with duckdb.connect(str(paths.warehouse)) as con:
        con.execute("update t set a = 2")
    assert not unchanged_since_last_publish(paths, inputs_stamp(paths))


def test_a_copy_that_keeps_times_is_the_same_warehouse(published, tmp_path):
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(published.data_dir, copy)  # as `cp -a` or a restored backup
    moved = Paths(data_dir=copy, warehouse=copy / "marts" / "w.duckdb")
    assert unchanged_since_last_publish(moved, inputs_stamp(moved))


def test_a_touched_or_plainly_copied_warehouse_is_the_same_one(published):
    import os

    os.utime(published.warehouse, ns=(1, 1))  # `touch -d`, `cp` without -a, a tar restore
    assert unchanged_since_last_publish(published, inputs_stamp(published))


def test_a_log_that_grows_after_publishing_is_a_change(published):
    wal = published.warehouse.with_name("w.duckdb.wal")
    wal.write_bytes(b"left by an edit before the last publishing")
    record_published(published)
    save_stamp(published, inputs_stamp(published))
    assert unchanged_since_last_publish(published, inputs_stamp(published))
    with wal.open("ab") as log:
        log.write(b" and another edit since")
    assert not unchanged_since_last_publish(published, inputs_stamp(published))


def test_publishing_removes_a_log_left_by_an_edit_never_checkpointed(tmp_path):
    import subprocess
    import sys

    import duckdb

    from pipelines.publish import publish_warehouse

    published, working = tmp_path / "warehouse.duckdb", tmp_path / "work" / "warehouse.duckdb"
    working.parent.mkdir()
    with duckdb.connect(str(published)) as con:
        con.execute("create table t as select 1 as a")
    # a hand edit in a process that ended before DuckDB wrote it into the file
    subprocess.run([sys.executable, "-c", (
        "import duckdb, os\n"
        f"con = duckdb.connect({str(published)!r})\n"
        "con.execute(\"set checkpoint_threshold = '1TB'\")\n"
        "con.execute('insert into t values (2)')\n"
        "os._exit(0)\n")], check=True)
    assert published.with_name("warehouse.duckdb.wal").exists()
    with duckdb.connect(str(working)) as con:
        con.execute("create table t as select 7 as a")
    publish_warehouse(working, published)
    with duckdb.connect(str(published), read_only=True) as con:
        assert con.execute("select a from t").fetchall() == [(7,)]
