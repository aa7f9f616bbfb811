"""A model's not_null_columns test (one dbt node for all its always-filled columns) finds
the column that lost values, and how many, in a real build's compiled SQL."""

from __future__ import annotations

import json
import shutil

import duckdb


def test_a_missing_value_is_named_by_its_column(built, tmp_path):
    paths, _, _ = built
    results = json.loads((paths.dbt_target_dir / "run_results.json").read_text())["results"]
    compiled = [r["compiled_code"] for r in results
                if r["unique_id"].startswith("test.finsam.not_null_columns_fct_insats_year_")]
    assert len(compiled) == 1
    query = compiled[0]
    copy = tmp_path / paths.warehouse.name  # the compiled SQL names the warehouse's catalog
    shutil.copyfile(paths.warehouse, copy)
    copy.chmod(0o644)
    with duckdb.connect(str(copy)) as con:
        assert con.execute(query).fetchall() == []
        con.execute("update marts.fct_insats_year set participants_new = null "
                    "where rowid in (select rowid from marts.fct_insats_year limit 3)")
        con.execute("update marts.fct_insats_year set ended_work = null "
                    "where rowid in (select rowid from marts.fct_insats_year limit 1)")
        assert sorted(con.execute(query).fetchall()) == [("ended_work", 1),
                                                          ("participants_new", 3)]
