"""A night builds only the dbt nodes that a changed bronze table feeds, and the result is the
warehouse a full build gives."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest

from pipelines.dbt_changes import RULES, STATE_SCHEMA, STATE_TABLE, plan_build
from pipelines.defs.dbt.resources import dbt_project
from pipelines.run import run_pipeline
from pipelines.runlog import read_runs
from pipelines.settings import Paths

REPORT = """Delårsrapport januari–augusti 2024

Arbetsträning Nord

Under perioden har 27 personer deltagit i insatsen, 15 kvinnor och 12 män. Nio deltagare
har avslutat insatsen; fyra av dem fick ett arbete och två började studera.
"""


def _manifest() -> dict:
    return json.loads(dbt_project().manifest_path.read_text(encoding="utf-8"))


def _run(paths: Paths, force: bool = False):
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv("FINSAM_DATA_DIR", str(paths.data_dir))
        monkeypatch.setenv("FINSAM_DUCKDB", str(paths.warehouse))
        return run_pipeline(paths, generate_if_empty=False, force=force, log=lambda _: None)


def _tables(warehouse: Path) -> dict[str, list[tuple]]:
    """Every dbt-built table, without the columns that name the run or the dbt build."""
    found = {}
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for schema, table in con.execute(
                "select table_schema, table_name from information_schema.tables where "
                "table_schema in ('staging', 'intermediate', 'marts', 'exports', 'reference') "
                "order by 1, 2").fetchall():
            columns = [c for (c,) in con.execute(
                "select column_name from information_schema.columns where table_schema = ? "
                "and table_name = ?", [schema, table]).fetchall()
                if c not in ("dbt_invocation_id", "run_id")]
            listed = ", ".join(f'"{c}"' for c in columns)
            found[f"{schema}.{table}"] = con.execute(
                f"select {listed} from {schema}.{table} order by all").fetchall()
    return found


def _assert_as_a_full_build_gives(paths: Paths, full: Path) -> None:
    """The warehouse of `paths` equals a full build (`--force`) of a copy of its data."""
    shutil.copytree(paths.data_dir, full, symlinks=True)
    full_paths = Paths(data_dir=full, warehouse=full / paths.warehouse.relative_to(
        paths.data_dir))
    assert _run(full_paths, force=True).success
    assert _tables(paths.warehouse) == _tables(full_paths.warehouse)


def test_the_plan_follows_what_changed_since_the_last_build(built, tmp_path):
    warehouse = tmp_path / "warehouse.duckdb"
    shutil.copyfile(built[0].warehouse, warehouse)
    warehouse.chmod(0o644)
    manifest = _manifest()
    with duckdb.connect(str(warehouse)) as con:
        assert plan_build(con, manifest).nothing_to_build  # as the published build left it
        assert plan_build(con, manifest, full=True).changed is None

        con.execute("update bronze.report_figures set value = value + 1 "
                    "where rowid = (select min(rowid) from bronze.report_figures)")
        plan = plan_build(con, manifest)
        assert plan.changed == ["reports.report_figures"]
        kept = set(plan.kept)
        assert {"model.finsam.fct_insats_year", "model.finsam.exp_insats_year",
                "seed.finsam.kon"} <= kept
        assert not {"model.finsam.fct_report_figures", "model.finsam.exp_report_figures"} & kept
        # a view holds no rows: it shows the changed source as it is, and its tests run
        assert "model.finsam.stg_reports__figures" in kept
        assert not any(uid.startswith("test.") and "stg_reports__figures" in uid
                       for uid in kept)
        # a test that reads a kept and a rebuilt model runs again
        assert all(node.startswith(("model.", "seed.", "test.")) for node in kept)
        order = {uid: i for i, uid in enumerate(plan.kept)}
        for uid in plan.kept:  # parents before children
            assert all(order[p] < order[uid] for p in manifest["parent_map"][uid] if p in order)

        con.execute(f"update {STATE_SCHEMA}.{STATE_TABLE} set digest = 'other' "
                    "where input = ?", [RULES])
        assert plan_build(con, manifest).changed is None  # other dbt rules: build it all


def test_a_new_report_rebuilds_only_what_reports_feed_and_matches_a_full_build(built_copy,
                                                                                tmp_path):
    paths = built_copy
    paths.reports_dir.mkdir(parents=True, exist_ok=True)
    (paths.reports_dir / "delarsrapport_nord_2024.txt").write_text(REPORT, encoding="utf-8")
    outcome = _run(paths)
    assert outcome.success and not outcome.unchanged
    run = list(read_runs(paths.ops_dir).values())[-1]
    dbt = next(e for e in run if e["event"] == "dbt")
    assert "reports.report_documents" in dbt["changed_sources"]
    assert not any(s.startswith("register.") for s in dbt["changed_sources"])
    built_now = {r["unique_id"] for r in json.loads(
        (paths.dbt_target_dir / "run_results.json").read_text(encoding="utf-8"))["results"]}
    assert "model.finsam.fct_report_figures" in built_now
    # the staging view is kept as it is (it shows the new rows), and its tests run
    assert "model.finsam.stg_reports__figures" not in built_now
    assert any(uid.startswith("test.") and "stg_reports__figures" in uid for uid in built_now)
    assert "model.finsam.int_participations_by_year" not in built_now
    assert dbt["kept_nodes"] == len(_manifest()["nodes"]) - len(built_now) - sum(
        1 for uid in _manifest()["nodes"] if uid.startswith("unit_test."))

    _assert_as_a_full_build_gives(paths, tmp_path / "full")


def test_changed_exports_rebuild_their_forbund_only_and_match_a_full_build(built_copy,
                                                                          tmp_path):
    """One förbund's export loses a spell and gives one row an Organisationsnummer with a
    comma (as a list of förbund is written), another förbund's export is gone: the
    förbund-partitioned models rebuild those förbund's rows (the others' stay), and every
    table is what a full build gives — the vanished förbund's rows too."""
    paths = built_copy
    with duckdb.connect(str(paths.warehouse), read_only=True) as con:
        files = con.execute(
            "select source_file, forbund_org_nr from bronze.register_files where kind = "
            "'participations' and status = 'loaded' and forbund_org_nr not like '%,%' "
            "order by source_file").fetchall()
        spells = dict(con.execute("select forbund_org_nr, count(*) from "
                                  "intermediate.int_participations_enriched group by all"
                                  ).fetchall())
    (edited, edited_org), (gone, gone_org) = files[0], files[-1]
    edited_path = paths.raw_dir / edited
    lines = edited_path.read_bytes().rstrip(b"\r\n").split(b"\n")
    comma_org = edited_org.replace("-", ",")
    lines[1] = lines[1].replace(edited_org.encode(), comma_org.encode(), 1)
    edited_path.write_bytes(b"\n".join(lines[:-1]) + b"\n")
    (paths.raw_dir / gone).unlink()

    assert _run(paths).success
    dbt = next(e for e in list(read_runs(paths.ops_dir).values())[-1] if e["event"] == "dbt")
    scope = set(dbt["forbund_scope"])
    assert {edited_org, gone_org, comma_org} <= scope  # (with the file's list of förbund)
    assert scope & set(spells) == {edited_org, gone_org}  # no other förbund
    results = {r["unique_id"]: r for r in json.loads(
        (paths.dbt_target_dir / "run_results.json").read_text(encoding="utf-8"))["results"]}
    assert "model.finsam.int_participations_enriched" in results
    with duckdb.connect(str(paths.warehouse), read_only=True) as con:
        after = dict(con.execute("select forbund_org_nr, count(*) from "
                                 "intermediate.int_participations_enriched group by all"
                                 ).fetchall())
        assert con.execute("select * from ops.dbt_build_scope").fetchall() == [(None,)]
    assert gone_org not in after and after[comma_org] == 1
    assert after[edited_org] + 1 < spells[edited_org]
    assert {k: v for k, v in after.items() if k not in (edited_org, comma_org)} == {
        k: v for k, v in spells.items() if k not in (edited_org, gone_org)}

    _assert_as_a_full_build_gives(paths, tmp_path / "full")


@pytest.mark.parametrize("stamp", ["kept", "removed"])
def test_a_mart_edited_in_the_published_warehouse_is_built_again(built_copy, stamp):
    paths = built_copy
    if stamp == "removed":  # a warehouse no run recorded counts as edited
        (paths.ops_dir / "last_published.json").unlink()
    query = "select participants_active from marts.fct_forbund_year order by all"
    with duckdb.connect(str(paths.warehouse), read_only=True) as con:
        before = con.execute(query).fetchall()
    paths.warehouse.chmod(0o644)  # published read-only: an edit takes a deliberate step
    with duckdb.connect(str(paths.warehouse)) as con:
        con.execute("update marts.fct_forbund_year set participants_active = -1")
    assert _run(paths).success  # no input changed, but the warehouse did: it runs
    dbt = next(e for e in list(read_runs(paths.ops_dir).values())[-1] if e["event"] == "dbt")
    assert dbt["changed_sources"] is None and dbt["kept_nodes"] == 0
    with duckdb.connect(str(paths.warehouse), read_only=True) as con:
        assert con.execute(query).fetchall() == before


def test_a_subset_from_the_ui_builds_what_was_picked_and_the_next_night_builds_all(built_copy):
    """A materialization of a few dbt assets (as the Dagster UI starts one): dbt builds the
    picked models through the worker, and nothing is recorded, so the next night is full."""
    import dagster as dg

    from pipelines.definitions import NIGHTLY_JOB, build_definitions

    paths = built_copy
    with duckdb.connect(str(paths.warehouse), read_only=True) as con:
        before = con.execute("select count(*) from marts.dim_forbund").fetchall()
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv("FINSAM_DATA_DIR", str(paths.data_dir))
        job = build_definitions(paths).resolve_job_def(NIGHTLY_JOB)
        picked = [dg.AssetKey(["marts", "dim_forbund"]), dg.AssetKey(["marts", "dim_insats"])]
        result = job.execute_in_process(asset_selection=picked,
                                        instance=dg.DagsterInstance.ephemeral())
    assert result.success
    built_keys = {event.asset_key for event in result.get_asset_materialization_events()}
    assert built_keys == set(picked)
    # the working warehouse holds the build (a subset publishes nothing)
    with duckdb.connect(str(paths.work_warehouse), read_only=True) as con:
        assert con.execute("select count(*) from marts.dim_forbund").fetchall() == before
        assert con.execute(f"select count(*) from {STATE_SCHEMA}.{STATE_TABLE}"
                           ).fetchall() == [(0,)]
        assert plan_build(con, _manifest()).changed is None  # the next build: everything
