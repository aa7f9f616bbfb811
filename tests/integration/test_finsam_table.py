"""The one-statement table materialization (dbt_project/macros/materializations/
finsam_table.sql) on a small dbt project of its own: it builds, rebuilds, replaces a view of
the same name, enforces a contract, and leaves the old table when the new one fails."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import duckdb

from pipelines.dbt_manifest import dbt_executable
from pipelines.settings import DBT_PROJECT_DIR
from tests.integration.toy_dbt import write_toy_project


def _project(root: Path, sql: str, materialized: str) -> None:
    write_toy_project(root, root / "toy.duckdb")
    shutil.copyfile(DBT_PROJECT_DIR / "macros" / "materializations" / "finsam_table.sql",
                    root / "macros" / "finsam_table.sql")
    (root / "models" / "deltagare.sql").write_text(
        f"{{{{ config(materialized='{materialized}') }}}}\n{sql}", encoding="utf-8")


def _build(root: Path) -> int:
    return subprocess.run([dbt_executable(), "build", "--project-dir", str(root),
                           "--profiles-dir", str(root)], capture_output=True, text=True,
                          check=False, cwd=root).returncode


def _read(root: Path) -> tuple[str, list[tuple]]:
    with duckdb.connect(str(root / "toy.duckdb"), read_only=True) as con:
        kind = con.execute("select table_type from information_schema.tables "
                           "where table_name = 'deltagare'").fetchall()[0][0]
        return kind, con.execute("select * from deltagare order by all").fetchall()


def test_built_rebuilt_replacing_a_view_and_kept_when_the_new_one_fails(tmp_path: Path):
    root = tmp_path / "toy"
    _project(root, "select 'Lund' as kommun, 3 as antal", "view")
    assert _build(root) == 0 and _read(root) == ("VIEW", [("Lund", 3)])
    _project(root, "select 'Lund' as kommun, 4 as antal union all select 'Eslöv', 7",
             "finsam_table")
    assert _build(root) == 0 and _read(root) == ("BASE TABLE", [("Eslöv", 7), ("Lund", 4)])
    _project(root, "select 'Ystad' as kommun, 1 as antal", "finsam_table")
    assert _build(root) == 0 and _read(root) == ("BASE TABLE", [("Ystad", 1)])
    _project(root, "select kommun from en_tabell_som_inte_finns", "finsam_table")
    assert _build(root) != 0 and _read(root) == ("BASE TABLE", [("Ystad", 1)])
    (root / "models" / "deltagare.yml").write_text(
        "models:\n  - name: deltagare\n    config:\n      contract: {enforced: true}\n"
        "    columns:\n      - name: kommun\n        data_type: varchar\n"
        "      - name: antal\n        data_type: integer\n", encoding="utf-8")
    _project(root, "select 'Ystad' as kommun, 2 as antal", "finsam_table")
    assert _build(root) == 0 and _read(root) == ("BASE TABLE", [("Ystad", 2)])
    _project(root, "select 'Ystad' as kommun, 'två' as antal", "finsam_table")
    assert _build(root) != 0 and _read(root) == ("BASE TABLE", [("Ystad", 2)])  # contract
