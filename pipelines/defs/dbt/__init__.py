"""dbt's part of the code location.

dagster-dbt is imported here without dbt-core, as where only the `dbt` command is
installed (dbt Fusion): this process never runs dbt itself. Builds run in a dbt worker
(pipelines/dbt_worker.py) and the CLI resource has no in-process adapter
(resources.py), so dbt-core's import here (≈ 1 s of the run's start-up, its dataclasses
compiled) bought nothing. dagster-dbt then reads the manifest as JSON and dbt's events as
the command prints them, which is what it does with dbt-core too.
"""

from pipelines.defs.dbt.without_core import import_dagster_dbt

import_dagster_dbt()
