"""Read-only SQL on the published warehouse: `finsam sql` and `finsam shell`.

The connection is opened read-only, so a write is refused by DuckDB itself; the message says
so in plain words. The DuckDB CLI on PyPI (duckdb-cli 1.5) cannot open a file that DuckDB 2.0
wrote (storage version 69 against 64–68), so these commands are the way in from a terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import duckdb

READ_ONLY_HINT = ("the published warehouse is read-only: finsam sql and finsam shell only read. "
                  "Marts are rebuilt by `finsam run`; to experiment, copy the file and open "
                  "the copy with duckdb.connect(...).")


class SqlError(Exception):
    """A query the warehouse refused, with a message for an analyst."""


def connect(warehouse: Path) -> duckdb.DuckDBPyConnection:
    if not warehouse.exists():
        raise SqlError(f"no published warehouse at {warehouse}: run `finsam run` first")
    return duckdb.connect(str(warehouse), read_only=True)


def run_query(con: duckdb.DuckDBPyConnection, sql: str) -> duckdb.DuckDBPyRelation | None:
    """The result of `sql`, or None for a statement without rows."""
    try:
        return con.sql(sql)
    except duckdb.Error as error:
        text = str(error)
        if "read-only" in text.lower() or "read only" in text.lower():
            raise SqlError(f"refused: {READ_ONLY_HINT}") from error
        raise SqlError(text.splitlines()[0] if text else type(error).__name__) from error


def sql_command(warehouse: Path, sql: str, csv_out: Path | None = None,
                parquet_out: Path | None = None) -> str:
    """Run one query; write it to CSV or Parquet when asked, else return it as a table."""
    with connect(warehouse) as con:
        result = run_query(con, sql)
        if result is None:
            return "(no rows)"
        if csv_out is not None:
            result.write_csv(str(csv_out))
            return f"{len(result)} rows → {csv_out}"
        if parquet_out is not None:
            result.write_parquet(str(parquet_out))
            return f"{len(result)} rows → {parquet_out}"
        return str(result)


def statements(lines: Iterable[str]) -> Iterable[str]:
    """SQL statements from input lines, each ended by ';'."""
    buffer: list[str] = []
    for line in lines:
        buffer.append(line)
        if line.rstrip().endswith(";"):
            yield "\n".join(buffer).strip()
            buffer = []
    if "".join(buffer).strip():
        yield "\n".join(buffer).strip()


def shell(warehouse: Path, read: Callable[[str], str] = input,
          write: Callable[[str], None] = print) -> None:
    """A minimal read-only SQL prompt: statements end with ';', `.tables` lists the marts,
    `.quit` (or end of input) leaves."""
    def lines() -> Iterable[str]:
        while True:
            try:
                line = read("finsam> ")
            except EOFError:
                return
            if line.strip() in (".quit", ".exit"):
                return
            if line.strip() == ".tables":
                yield "select table_schema, table_name from information_schema.tables " \
                      "where table_schema in ('marts', 'exports') order by 1, 2;"
                continue
            yield line

    with connect(warehouse) as con:
        write(f"{warehouse} (read-only). End statements with ';'. .tables lists the marts, "
              ".quit leaves.")
        for statement in statements(lines()):
            try:
                result = run_query(con, statement)
                write("(no rows)" if result is None else str(result))
            except SqlError as error:
                write(f"Error: {error}")
