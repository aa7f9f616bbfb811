"""dagster-dbt imported as if dbt-core were not installed, for `finsam run`'s process.

That process never runs dbt: builds run in a dbt worker (pipelines/dbt_worker.py) and the
CLI resource has no in-process adapter (resources.py), yet `dagster_dbt.compat` imports
dbt-core's adapters, contracts and node types (≈ 1 s of the run's start-up, mostly
mashumaro compiling dbt's dataclasses). Imported while `import dbt…` fails, dagster-dbt
takes its path for where only the `dbt` command is installed (dbt Fusion): the manifest read
as JSON, dbt's events as printed, node types and statuses from its own string enums.

Only `finsam run` asks for it (pipelines/run.py). Elsewhere, the Dagster UI's code location
(which prepares the project with dbt-core in dev mode) and tests, dagster-dbt keeps its
dbt-core path. On this path a dbt selection other than every node (`@dbt_assets(select=…,
exclude=…)`, `build_dbt_asset_selection`) cannot be resolved: dagster-dbt says dbt-core
is not installed. The job selects every node; one that selects fewer must drop this.
"""

from __future__ import annotations

import sys
from importlib.abc import MetaPathFinder


class _WithoutDbtCore(MetaPathFinder):
    """Makes `import dbt…` fail while dagster-dbt is first imported."""

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if name == "dbt" or name.startswith("dbt."):
            raise ModuleNotFoundError(f"No module named {name!r} (hidden from dagster-dbt)",
                                      name=name)
        return None


def import_dagster_dbt() -> None:
    """Import dagster_dbt without dbt-core, unless either is imported already (a process
    that runs dbt itself keeps dagster-dbt's dbt-core path). dbt stays importable after."""
    if "dagster_dbt" in sys.modules or "dbt" in sys.modules:
        return
    finder = _WithoutDbtCore()
    sys.meta_path.insert(0, finder)
    try:
        import dagster_dbt  # noqa: F401
    finally:
        sys.meta_path.remove(finder)
