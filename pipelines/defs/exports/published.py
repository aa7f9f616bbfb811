"""The publishing asset over every export whose yml declares `meta.publish`, read from the
manifest when the code location loads (pipelines/definitions.py loads pipelines/defs/)."""

from pipelines.defs.dbt.resources import dbt_project
from pipelines.defs.exports.assets import build_published_marts
from pipelines.published_exports import published_exports

published_marts = build_published_marts(published_exports(dbt_project().manifest_path))
