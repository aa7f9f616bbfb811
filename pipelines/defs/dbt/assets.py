"""dbt models as Dagster assets; dbt tests become asset checks."""

import json

import dagster as dg
import duckdb
from dagster_dbt import dbt_assets

from pipelines.dbt_changes import BuildPlan, plan_build, save_build_inputs, write_scope
from pipelines.defs.dbt.resources import FinsamDbtCli, dbt_project
from pipelines.defs.dbt.translator import FinsamTranslator
from pipelines.defs.resources import Warehouse
from pipelines.quality import warm_up
from pipelines.run_stamp import published_edited
from pipelines.runlog import record


def build_dbt_assets() -> dg.AssetsDefinition:
    project = dbt_project()

    @dbt_assets(manifest=project.manifest_path, project=project,
                dagster_dbt_translator=FinsamTranslator(), name="finsam_dbt")
    def finsam_dbt(context: dg.AssetExecutionContext, dbt: FinsamDbtCli, warehouse: Warehouse):
        """`dbt build` into the run's working warehouse (`warehouse` names it in FINSAM_DUCKDB,
        which pipelines/dbt_warehouse.py opens), of the nodes that a changed bronze table
        feeds (pipelines/dbt_changes.py); the others are kept as the last build left them."""
        warm_up.start()  # the checks after dbt need Great Expectations
        target = warehouse.paths.dbt_target_dir
        (target / "run_results.json").unlink(missing_ok=True)  # only this build's results
        manifest = json.loads(project.manifest_path.read_text(encoding="utf-8"))
        # everything when asked, for a subset, or when the published warehouse was edited
        # since it was published (its models may no longer be what their sources give)
        full = warehouse.full_dbt_build or context.is_subset or published_edited(
            warehouse.paths)
        with duckdb.connect(str(warehouse.working)) as con:
            plan = plan_build(con, manifest, full=full)
            write_scope(con, plan.scope)
        context.log.info(_describe(plan, len(manifest["nodes"])))
        invocation_id = None
        # first what is kept: nothing kept is fed by a node built now (Dagster takes a
        # multi-asset's outputs parents first)
        yield from _kept_outputs(context, manifest, plan)
        if not plan.nothing_to_build:
            # dbt's unit tests check the SQL, not the night's data: they run in the test
            # suite (tests/integration/test_dbt_unit_tests.py), not in every nightly build.
            # Nothing that changes from run to run reaches dbt (an env_var or --vars would
            # make it parse again every night); rows carry dbt's invocation id, tied to the
            # run here.
            args = ["build", "--exclude-resource-type", "unit_test"]
            if plan.changed is None:  # incremental models too, from nothing
                args.append("--full-refresh")
            if plan.kept:
                # exactly these left out: a test of a kept and a rebuilt model still runs
                # (dbt's default would leave out every test touching a left-out model)
                args += ["--indirect-selection", "empty", "--exclude",
                         " ".join(manifest["nodes"][uid]["name"] for uid in plan.kept)]
            invocation = dbt.cli_in_worker(args, context=context, target_path=target)
            yield from invocation.stream()
            invocation_id = invocation.get_artifact("run_results.json")["metadata"][
                "invocation_id"]
        with duckdb.connect(str(warehouse.working)) as con:
            # a subset leaves the other nodes older than the sources: the next build is full
            save_build_inputs(con, None if context.is_subset else plan)
        record(warehouse.paths.ops_dir, context.run.run_id, "dbt", invocation_id=invocation_id,
               changed_sources=plan.changed, kept_nodes=len(plan.kept),
               forbund_scope=plan.scope)

    return finsam_dbt


def _describe(plan: BuildPlan, nodes: int) -> str:
    if plan.changed is None:
        return ("building every dbt node (a first build, new dbt rules, a full build asked "
                "for, or a published warehouse edited since it was published)")
    if plan.nothing_to_build:
        return "no bronze table changed since the last build: every dbt node kept as it is"
    forbund = ("every förbund" if plan.scope is None else
               f"{len(plan.scope)} förbund ({', '.join(plan.scope[:5])}"
               f"{', …' if len(plan.scope) > 5 else ''})")
    return (f"changed since the last build: {', '.join(plan.changed)}; building what they "
            f"feed, keeping {len(plan.kept)} of {nodes} dbt nodes as they are; "
            f"förbund-partitioned models rebuild the rows of {forbund}")


def _kept_outputs(context: dg.AssetExecutionContext, manifest: dict, plan: BuildPlan):
    """An output for each kept model that a later step reads (Dagster skips a step whose
    input was not output), so that those steps run; the other kept nodes are simply not
    materialized by this run (each output costs Dagster ≈ 15 ms)."""
    translator = FinsamTranslator()
    selected = context.op_execution_context.selected_output_names
    graph, own = context.job_def.asset_layer.asset_graph, context.assets_def.keys
    for uid in plan.kept:
        node = manifest["nodes"][uid]
        if node["resource_type"] == "test":
            continue
        key = translator.get_asset_key(node)
        if not graph.has(key) or not graph.get(key).child_keys - own:
            continue
        name = context.assets_def.get_output_name_for_asset_key(key)
        if name in selected:
            yield dg.Output(None, output_name=name, metadata={
                "rebuilt": False, "why": "no bronze table it depends on changed"})
