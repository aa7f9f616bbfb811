"""The dbt project's models as one multi-asset, read from the manifest when the code location
loads (pipelines/definitions.py loads every module of pipelines/defs/)."""

from pipelines.defs.dbt.assets import build_dbt_assets

finsam_dbt = build_dbt_assets()
