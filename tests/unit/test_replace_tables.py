"""Bronze tables are replaced all or nothing, written a slice at a time (a real DuckDB file)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl
import pytest

from pipelines import warehouse
from pipelines.warehouse import read_table, replace_tables


def _tables(path: Path) -> set[str]:
    with duckdb.connect(str(path), read_only=True) as con:
        return {r[0] for r in con.execute("select table_name from information_schema.tables "
                                          "where table_schema = 'bronze'").fetchall()}


def test_a_frame_larger_than_a_slice_arrives_whole_and_in_order(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(warehouse, "_SLICE_ROWS", 3)
    db = tmp_path / "w.duckdb"
    frame = pl.DataFrame({"n": list(range(10)), "name": [f"Insats {i}" for i in range(10)]})
    replace_tables(db, {"spells": frame, "empty": frame.head(0)})
    assert read_table(db, "spells").equals(frame)
    assert read_table(db, "empty").schema == frame.schema
    assert _tables(db) == {"spells", "empty"}


def test_a_load_killed_before_the_swap_leaves_the_old_tables_and_is_replaced_next_time(
        tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    replace_tables(db, {"spells": pl.DataFrame({"n": [1, 2]})})
    with duckdb.connect(str(db)) as con:  # what a load killed mid-way leaves behind
        con.execute("create table bronze.spells__incoming as select 99 as n")
    assert read_table(db, "spells")["n"].to_list() == [1, 2]
    replace_tables(db, {"spells": pl.DataFrame({"n": [3]})})
    assert read_table(db, "spells")["n"].to_list() == [3]
    assert _tables(db) == {"spells"}


def test_rows_of_files_in_place_stay_and_the_rest_is_replaced(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    first = pl.DataFrame({"source_file": ["a", "a", "b", "c"], "n": [1, 2, 3, 4]})
    replace_tables(db, {"spells": first})
    with duckdb.connect(str(db)) as con:  # a marker the frame below does not have
        con.execute("update bronze.spells set n = n + 100 where source_file = 'a'")
    # a: as it was (in place); b: changed; c: gone; d: new
    second = pl.DataFrame({"source_file": ["a", "a", "b", "d"], "n": [1, 2, 30, 5]})
    replace_tables(db, {"spells": second}, in_place={"spells": {"a"}})
    rows = sorted(read_table(db, "spells").iter_rows())
    assert rows == [("a", 101), ("a", 102), ("b", 30), ("d", 5)]  # a's rows not rewritten
    assert _tables(db) == {"spells"}


def test_a_table_whose_columns_changed_is_replaced_whole(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    replace_tables(db, {"spells": pl.DataFrame({"source_file": ["a"], "n": [1]})})
    wider = pl.DataFrame({"source_file": ["a", "b"], "n": [1, 2], "sex": ["Kvinna", "Man"]})
    replace_tables(db, {"spells": wider}, in_place={"spells": {"a"}})
    assert read_table(db, "spells").sort("source_file").equals(wider)
