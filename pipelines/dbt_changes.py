"""Which dbt nodes a night must build: those downstream of a bronze table that changed.

After each successful build the working warehouse records what it was built from
(`ops.dbt_build_inputs`): a digest of every dbt source table (rows and columns) and of the
build rules (the dbt project's files; dbt's, the adapter's and DuckDB's versions). The next night,
built from a copy of the published warehouse, compares: with the same rules, every model and
test that no changed source feeds is as it would be built again, and is kept. New rules, a
first build or a missing record build everything.

Sources with a `forbund_org_nr` column are also digested per förbund
(`ops.dbt_build_inputs_forbund`). When only such sources changed, the build scope
(`ops.dbt_build_scope`, read by dbt_project/macros/build_scope.sql) names the förbund whose
rows changed, and the förbund-partitioned incremental models rebuild only those.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib.metadata import version
from typing import Any

import duckdb

from pipelines.run_stamp import dbt_project_digest

STATE_SCHEMA = "ops"
STATE_TABLE = "dbt_build_inputs"
FORBUND_STATE_TABLE = "dbt_build_inputs_forbund"
SCOPE_TABLE = "dbt_build_scope"
FORBUND = "forbund_org_nr"  # a source with this column is digested per förbund
RULES = "dbt rules"  # the row of the build rules' digest, beside one row per source
BUILT = ("model", "seed", "snapshot", "test")


@dataclass(frozen=True)
class BuildPlan:
    """What this night builds. `changed` is None when everything is built."""

    digests: dict[str, str]
    changed: list[str] | None
    kept: list[str]  # unique ids of nodes left as the last build left them, parents first
    forbund_digests: dict[tuple[str, str], str] = field(default_factory=dict)
    scope: list[str] | None = None  # the förbund incremental models rebuild; None: all

    @property
    def nothing_to_build(self) -> bool:
        return self.changed == []


def rules_digest() -> str:
    """The dbt project as dbt reads it, and the dbt and DuckDB that build it."""
    text = (f"dbt-core {version('dbt-core')}\ndbt-duckdb {version('dbt-duckdb')}\n"
            f"duckdb {version('duckdb')}\n")
    return hashlib.sha256((text + dbt_project_digest()).encode()).hexdigest()


def _source_digest(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> str:
    columns = con.execute(
        "select string_agg(column_name || ' ' || data_type, ', ' order by ordinal_position) "
        "from information_schema.columns where table_schema = ? and table_name = ?",
        [schema, table]).fetchone()[0]
    if columns is None:
        return "missing"
    # DuckDB's row hash, summed: the same rows in any order give the same digest
    rows, total = con.execute(  # an alias no column is called (a column `t` would shadow t)
        f'select count(*), sum(hash(finsam_row__)::hugeint) from "{schema}"."{table}" '
        'as finsam_row__').fetchone()
    return hashlib.sha256(f"{columns}\n{rows}\n{total}".encode()).hexdigest()


def source_digests(con: duckdb.DuckDBPyConnection, manifest: Mapping[str, Any]
                   ) -> dict[str, str]:
    """A digest per dbt source, keyed `source_name.table_name` (dbt's `source:` selector)."""
    digests = {}
    for source in manifest["sources"].values():
        key = f"{source['source_name']}.{source['name']}"
        digests[key] = _source_digest(con, source["schema"], source["identifier"])
    return {RULES: rules_digest(), **digests}


def forbund_digests(con: duckdb.DuckDBPyConnection, manifest: Mapping[str, Any]
                    ) -> dict[tuple[str, str], str]:
    """A digest per (source, förbund) of every source with a `forbund_org_nr` column. A row
    counts for its value as it is, and when that is a list (`a,b`, as the manifest names the
    förbund of a file of several) for each one named too; a row naming none for ''."""
    digests = {}
    for source in manifest["sources"].values():
        schema, table = source["schema"], source["identifier"]
        if not _has_column(con, schema, table, FORBUND):
            continue
        key = f"{source['source_name']}.{source['name']}"
        for forbund, rows, total in con.execute(
                f"select f, count(*), sum(hash(finsam_row__)::hugeint) "
                f'from "{schema}"."{table}" as finsam_row__, unnest(list_distinct('
                f"list_transform(string_split(coalesce(finsam_row__.{FORBUND}, ''), ','), "
                f"lambda x: trim(x)) || [coalesce(finsam_row__.{FORBUND}, '')])) as u(f) "
                "group by all").fetchall():
            digests[(key, forbund)] = f"{rows}:{total}"
    return digests


def _has_column(con: duckdb.DuckDBPyConnection, schema: str, table: str, column: str) -> bool:
    return bool(con.execute(
        "select count(*) from information_schema.columns where table_schema = ? and "
        "table_name = ? and column_name = ?", [schema, table, column]).fetchone()[0])


def _table_exists(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    return bool(con.execute("select count(*) from information_schema.tables "
                            "where table_schema = ? and table_name = ?",
                            [STATE_SCHEMA, table]).fetchone()[0])


def _previous(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    if not _table_exists(con, STATE_TABLE):
        return {}
    return dict(con.execute(
        f"select input, digest from {STATE_SCHEMA}.{STATE_TABLE}").fetchall())


def _previous_forbund(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, str], str] | None:
    if not _table_exists(con, FORBUND_STATE_TABLE):
        return None
    return {(source, forbund): digest for source, forbund, digest in con.execute(
        f"select input, forbund_org_nr, digest from {STATE_SCHEMA}.{FORBUND_STATE_TABLE}"
    ).fetchall()}


def _scope(changed: list[str], now: dict[tuple[str, str], str],
           before: dict[tuple[str, str], str] | None) -> list[str] | None:
    """The förbund whose rows changed, when every changed source is digested per förbund and
    no row without a förbund changed; else None (every förbund)."""
    if before is None:
        return None
    tracked = {source for source, _ in now.keys() | before.keys()}
    if any(source not in tracked for source in changed):
        return None
    differ = {forbund for (source, forbund) in now.keys() | before.keys()
              if now.get((source, forbund)) != before.get((source, forbund))}
    return None if "" in differ else sorted(differ)


def downstream(manifest: Mapping[str, Any], sources: list[str]) -> set[str]:
    """Unique ids of every node fed, directly or not, by the sources `source_name.table`."""
    ids = {uid for uid, s in manifest["sources"].items()
           if f"{s['source_name']}.{s['name']}" in sources}
    found, stack = set(), list(ids)
    while stack:
        for child in manifest["child_map"].get(stack.pop(), []):
            if child not in found:
                found.add(child)
                stack.append(child)
    return found


def plan_build(con: duckdb.DuckDBPyConnection, manifest: Mapping[str, Any],
               full: bool = False) -> BuildPlan:
    """Compare the warehouse's sources with what its models were last built from."""
    digests, by_forbund = source_digests(con, manifest), forbund_digests(con, manifest)
    previous = _previous(con)
    if full or not previous or previous.get(RULES) != digests[RULES]:
        return BuildPlan(digests, None, [], by_forbund)
    changed = sorted(k for k, v in digests.items() if k != RULES and previous.get(k) != v)
    affected = downstream(manifest, changed)
    # a view holds no rows: with the same rules it shows the changed sources as it is
    kept = {uid for uid, node in manifest["nodes"].items()
            if node["resource_type"] in BUILT and (uid not in affected or _is_view(node))}
    return BuildPlan(digests, changed, _parents_first(manifest, kept), by_forbund,
                     _scope(changed, by_forbund, _previous_forbund(con)))


def _is_view(node: Mapping[str, Any]) -> bool:
    return node["resource_type"] == "model" and node["config"].get("materialized") == "view"


def _parents_first(manifest: Mapping[str, Any], ids: set[str]) -> list[str]:
    """`ids` in an order where each node comes after its parents among them."""
    ordered: list[str] = []
    done: set[str] = set()

    def visit(uid: str) -> None:
        if uid in done:
            return
        done.add(uid)
        for parent in sorted(manifest["parent_map"].get(uid, [])):
            if parent in ids:
                visit(parent)
        ordered.append(uid)

    for uid in sorted(ids):
        visit(uid)
    return ordered


def write_scope(con: duckdb.DuckDBPyConnection, scope: list[str] | None) -> None:
    """The förbund the next dbt build's incremental models rebuild (None: every förbund)."""
    con.execute(f"create schema if not exists {STATE_SCHEMA}")
    con.execute(f"create or replace table {STATE_SCHEMA}.{SCOPE_TABLE} "
                f"({FORBUND} varchar)")
    _insert(con, SCOPE_TABLE, [scope if scope is not None else [None]])


def save_build_inputs(con: duckdb.DuckDBPyConnection, plan: BuildPlan | None) -> None:
    """Record, after a successful build, what the warehouse's models are built from
    (None: nothing recorded, the next build builds everything). The scope goes back to
    every förbund, so that a dbt build by hand recomputes every row."""
    write_scope(con, None)
    con.execute(f"create or replace table {STATE_SCHEMA}.{STATE_TABLE} "
                "(input varchar primary key, digest varchar not null)")
    con.execute(f"create or replace table {STATE_SCHEMA}.{FORBUND_STATE_TABLE} "
                f"(input varchar, {FORBUND} varchar, digest varchar not null, "
                f"primary key (input, {FORBUND}))")
    if plan is None:
        return
    _insert(con, STATE_TABLE, [list(plan.digests), list(plan.digests.values())])
    keys = list(plan.forbund_digests)
    _insert(con, FORBUND_STATE_TABLE, [[source for source, _ in keys],
                                       [forbund for _, forbund in keys],
                                       list(plan.forbund_digests.values())])


def _insert(con: duckdb.DuckDBPyConnection, table: str, columns: list[list]) -> None:
    """Rows given column by column, in one statement (an executemany is a statement a row)."""
    if columns and columns[0]:
        lists = ", ".join("unnest(?::varchar[])" for _ in columns)
        con.execute(f"insert into {STATE_SCHEMA}.{table} select {lists}", columns)
