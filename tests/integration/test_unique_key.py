"""A model's unique_key test (one dbt node for its key and its always-filled columns) finds
a repeated key and the columns that lost values, with how many rows, in a real build's
compiled SQL; so does not_null_columns (the same check of values, without a key)."""

from __future__ import annotations

import json
import shutil

import duckdb


def _compiled_test(paths, prefix: str) -> str:
    results = json.loads((paths.dbt_target_dir / "run_results.json").read_text())["results"]
    compiled = [r["compiled_code"] for r in results if r["unique_id"].startswith(prefix)]
    assert len(compiled) == 1
    return compiled[0]


def test_a_missing_value_and_a_repeated_key_are_named(built, tmp_path):
    paths, _, _ = built
    query = _compiled_test(paths, "test.finsam.unique_key_fct_insats_year.")
    copy = tmp_path / paths.warehouse.name  # the compiled SQL names the warehouse's catalog
    shutil.copyfile(paths.warehouse, copy)
    copy.chmod(0o644)
    with duckdb.connect(str(copy)) as con:
        assert con.execute(query).fetchall() == []
        con.execute("update marts.fct_insats_year set participants_new = null "
                    "where rowid in (select rowid from marts.fct_insats_year limit 3)")
        con.execute("update marts.fct_insats_year set ended_work = null "
                    "where rowid in (select rowid from marts.fct_insats_year limit 1)")
        assert sorted(con.execute(query).fetchall()) == [
            ("missing value", "ended_work", 1), ("missing value", "participants_new", 3)]
        # two rows of one insats and year (its first year moved onto its last), and two rows
        # of another insats alike in lacking their year
        with_years = ("select insats_key from marts.fct_insats_year group by insats_key "
                      "having count(*) >= 2 order by insats_key {} limit 1")
        first = with_years.format("asc")
        con.execute(f"""
            update marts.fct_insats_year
            set year = (select max(year) from marts.fct_insats_year where insats_key = ({first}))
            where rowid = (select rowid from marts.fct_insats_year
                           where insats_key = ({first}) order by year limit 1)""")
        con.execute(f"""
            update marts.fct_insats_year set year = null
            where rowid in (select rowid from marts.fct_insats_year
                            where insats_key = ({with_years.format('desc')}) limit 2)""")
        assert ("repeated key", "insats_key, year", 4) in con.execute(query).fetchall()


def test_not_null_columns_names_the_column_that_lost_values(built, tmp_path):
    paths, _, _ = built
    query = _compiled_test(paths, "test.finsam.not_null_columns_int_participations_by_year_")
    copy = tmp_path / paths.warehouse.name
    shutil.copyfile(paths.warehouse, copy)
    copy.chmod(0o644)
    with duckdb.connect(str(copy)) as con:
        assert con.execute(query).fetchall() == []
        con.execute("update intermediate.int_participations_by_year set year = null where "
                    "rowid in (select rowid from intermediate.int_participations_by_year "
                    "limit 2)")
        assert con.execute(query).fetchall() == [("missing value", "year", 2)]
