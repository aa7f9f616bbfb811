"""dbt models as Dagster assets; dbt tests become asset checks."""

import json

import dagster as dg
from dagster_dbt import DbtCliResource, dbt_assets

from pipelines.defs.dbt.resources import dbt_project
from pipelines.defs.dbt.translator import FinsamTranslator
from pipelines.defs.resources import Warehouse


def build_dbt_assets() -> dg.AssetsDefinition:
    project = dbt_project()

    @dbt_assets(manifest=project.manifest_path, project=project,
                dagster_dbt_translator=FinsamTranslator(), name="finsam_dbt")
    def finsam_dbt(context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: Warehouse):
        """`dbt build` into the run's working warehouse (`warehouse` points the profile there)."""
        run_vars = json.dumps({"run_id": context.run.run_id})
        yield from dbt.cli(["build", "--vars", run_vars], context=context).stream()

    return finsam_dbt
