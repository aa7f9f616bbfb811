"""The year expansion of spells (dbt_project/macros/expand_years.sql): DuckDB's form and the
portable form give the same rows, edge cases included, on a small dbt project of its own."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import duckdb

from pipelines.dbt_manifest import dbt_executable
from pipelines.settings import DBT_PROJECT_DIR
from tests.integration.toy_dbt import write_toy_project

SPELLS = """
select * from (values
    (1, 2019, 2024),  -- six years
    (2, 2023, 2023),  -- one
    (3, 2020, 2019),  -- ends before it starts: none
    (4, 2021, null),  -- no last year: none
    (5, null, 2022),  -- no first year: none
    (6, 1900, 2024),  -- a century and more: the first 100 years
    (7, 1990, 2089)   -- exactly 100 years
) as spells (id, first_year, last_year)
"""


def test_duckdb_and_portable_forms_expand_the_same_years(tmp_path: Path):
    root = tmp_path / "toy"
    write_toy_project(root, root / "toy.duckdb")
    shutil.copyfile(DBT_PROJECT_DIR / "macros" / "expand_years.sql",
                    root / "macros" / "expand_years.sql")
    models = root / "models"
    (models / "spells.sql").write_text(SPELLS, encoding="utf-8")
    for form in ("duckdb", "default"):
        (models / f"{form}_years.sql").write_text(
            "{{ config(materialized='table') }}\n"
            f"with spells as (select * from {{{{ ref('spells') }}}})\n"
            f"{{{{ {form}__expand_years('spells', 'first_year', 'last_year') }}}}\n",
            encoding="utf-8")
    built = subprocess.run([dbt_executable(), "build", "--project-dir", str(root),
                            "--profiles-dir", str(root)], capture_output=True, text=True,
                           check=False, cwd=root)
    assert built.returncode == 0, built.stdout[-2000:]
    with duckdb.connect(str(root / "toy.duckdb"), read_only=True) as con:
        years = {form: con.execute(f"select id, year from {form}_years order by all").fetchall()
                 for form in ("duckdb", "default")}
        types = {form: con.execute(
            f"select data_type from information_schema.columns where table_name = "
            f"'{form}_years' and column_name = 'year'").fetchall() for form in years}
    assert years["duckdb"] == years["default"]
    counts = {spell: sum(1 for id_, _ in years["duckdb"] if id_ == spell) for spell in range(1, 8)}
    assert counts == {1: 6, 2: 1, 3: 0, 4: 0, 5: 0, 6: 100, 7: 100}
    assert (1, 2019) in years["duckdb"] and (6, 1999) in years["duckdb"]
    assert types["duckdb"] == types["default"] == [("BIGINT",)]
