"""The analyst guide's queries run against a built warehouse, read-only, as `finsam sql`
runs them; a write is refused with the guide's message."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipelines.analyst_sql import SqlError, sql_command

GUIDE = Path(__file__).parents[2] / "docs" / "analyst-guide.md"
QUERIES = re.findall(r"```sql\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.DOTALL)


def test_the_guide_answers_at_least_ten_questions():
    assert len(QUERIES) >= 10


@pytest.mark.parametrize("query", QUERIES, ids=[f"q{n}" for n in range(1, len(QUERIES) + 1)])
def test_each_guide_query_runs(built, query):
    paths, _, _ = built
    output = sql_command(paths.warehouse, query)
    assert "│" in output  # a table came back


def test_csv_and_parquet_out(built, tmp_path):
    paths, _, _ = built
    assert "rows →" in sql_command(paths.warehouse, QUERIES[2], csv_out=tmp_path / "a.csv")
    assert (tmp_path / "a.csv").read_text(encoding="utf-8").startswith("forbund_name,")
    sql_command(paths.warehouse, QUERIES[2], parquet_out=tmp_path / "a.parquet")
    assert (tmp_path / "a.parquet").stat().st_size > 0


@pytest.mark.parametrize("statement", ["delete from marts.fct_insats_year",
                                       "create table marts.x as select 1",
                                       "update marts.dim_forbund set forbund_name = 'x'"])
def test_writes_are_refused(built, statement):
    paths, _, _ = built
    with pytest.raises(SqlError, match="read-only"):
        sql_command(paths.warehouse, statement)


def test_shell_reads_statements_until_quit(built):
    from pipelines.analyst_sql import shell

    paths, _, _ = built
    typed = iter(["select count(*) as n", "from marts.fct_insats_year;", ".tables",
                  "drop table marts.fct_insats_year;", ".quit"])
    shown: list[str] = []
    shell(paths.warehouse, read=lambda _: next(typed), write=shown.append)
    assert any("│" in s and " n " in s for s in shown)
    assert any("mart_benchmark_insats_year" in s for s in shown)
    assert any(s.startswith("Error: refused") for s in shown)
