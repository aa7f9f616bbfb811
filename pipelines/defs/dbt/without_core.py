"""Import dagster-dbt as if dbt-core were not installed (see this package's docstring)."""

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
    that runs dbt itself keeps dagster-dbt's dbt-core path)."""
    if "dagster_dbt" in sys.modules or "dbt" in sys.modules:
        return
    finder = _WithoutDbtCore()
    sys.meta_path.insert(0, finder)
    try:
        import dagster_dbt  # noqa: F401
    finally:
        sys.meta_path.remove(finder)
