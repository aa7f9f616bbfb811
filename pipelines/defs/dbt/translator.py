"""One place that decides the Dagster asset keys and groups of dbt nodes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator

from pipelines.warehouse import BRONZE_SCHEMA


class FinsamTranslator(DagsterDbtTranslator):
    """Keys are [schema, name]: bronze/<table> for sources, marts/fct_… for models."""

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        if dbt_resource_props["resource_type"] == "source":
            return dg.AssetKey([BRONZE_SCHEMA, dbt_resource_props["name"]])
        return dg.AssetKey([dbt_resource_props["schema"], dbt_resource_props["name"]])

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        if dbt_resource_props["resource_type"] == "source":
            return BRONZE_SCHEMA
        return dbt_resource_props["schema"]
