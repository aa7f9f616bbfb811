"""dbt models as Dagster assets; dbt tests become asset checks."""

import dagster as dg
from dagster_dbt import DbtCliResource, dbt_assets

from pipelines.defs.dbt.resources import dbt_project
from pipelines.defs.dbt.translator import FinsamTranslator
from pipelines.defs.resources import Warehouse
from pipelines.quality import warm_up
from pipelines.settings import environment


def build_dbt_assets() -> dg.AssetsDefinition:
    project = dbt_project()

    @dbt_assets(manifest=project.manifest_path, project=project,
                dagster_dbt_translator=FinsamTranslator(), name="finsam_dbt")
    def finsam_dbt(context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: Warehouse):
        """`dbt build` into the run's working warehouse (`warehouse` points the profile there)."""
        # the run id through the environment, not --vars: changed vars make dbt parse the
        # whole project again, a changed env_var only the models that read it
        warm_up.start()  # the checks after dbt need Great Expectations
        with environment("FINSAM_RUN_ID", context.run.run_id):
            yield from dbt.cli(["build"], context=context).stream()

    return finsam_dbt
