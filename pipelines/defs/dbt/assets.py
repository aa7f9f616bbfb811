"""dbt models as Dagster assets; dbt tests become asset checks."""

import dagster as dg
from dagster_dbt import DbtCliResource, dbt_assets

from pipelines.defs.dbt.resources import dbt_project
from pipelines.defs.dbt.translator import FinsamTranslator
from pipelines.defs.resources import Warehouse
from pipelines.quality import warm_up
from pipelines.runlog import record


def build_dbt_assets() -> dg.AssetsDefinition:
    project = dbt_project()

    @dbt_assets(manifest=project.manifest_path, project=project,
                dagster_dbt_translator=FinsamTranslator(), name="finsam_dbt")
    def finsam_dbt(context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: Warehouse):
        """`dbt build` into the run's working warehouse (`warehouse` names it in FINSAM_DUCKDB,
        which pipelines/dbt_warehouse.py opens)."""
        warm_up.start()  # the checks after dbt need Great Expectations
        target = warehouse.paths.dbt_target_dir
        (target / "run_results.json").unlink(missing_ok=True)  # only this build's results
        # dbt's unit tests check the SQL, not the night's data: they run in the test suite
        # (tests/integration/test_dbt_unit_tests.py), not in every nightly build. Nothing
        # that changes from run to run reaches dbt (an env_var or --vars would make it parse
        # again every night); rows carry dbt's invocation id, tied to the run here.
        invocation = dbt.cli(["build", "--exclude-resource-type", "unit_test"],
                             context=context, target_path=target)
        yield from invocation.stream()
        record(warehouse.paths.ops_dir, context.run.run_id, "dbt",
               invocation_id=invocation.get_artifact("run_results.json")["metadata"]
               ["invocation_id"])

    return finsam_dbt
