"""A dbt-duckdb plugin: dbt builds the warehouse that FINSAM_DUCKDB names, while the profile
names one fixed path.

dbt keeps its partial-parse state only while the profile is unchanged, and a profile that
read the path from FINSAM_DUCKDB changed with every data folder: each new folder (a test, a
benchmark, a second deployment) cost a full parse, about 8 s on two cores. Here the path
is set when dbt connects, after parsing. dbt names the catalog after the file, and every
relation in the manifest is in the catalog `warehouse`, so the file must be called
`warehouse.duckdb` (any folder).
"""

from __future__ import annotations

import os
from pathlib import Path

from dbt.adapters.duckdb.plugins import BasePlugin
from dbt_common.exceptions import DbtRuntimeError

CATALOG = "warehouse"


def warehouse_path(default: str) -> str:
    """The warehouse this build writes: FINSAM_DUCKDB, else the profile's own path."""
    path = os.environ.get("FINSAM_DUCKDB") or default
    if Path(path).stem != CATALOG:
        raise DbtRuntimeError(
            f"FINSAM_DUCKDB={path}: the warehouse file must be called {CATALOG}.duckdb (dbt "
            f"names the catalog after the file); use e.g. {Path(path).parent / CATALOG}.duckdb")
    return path


class Plugin(BasePlugin):
    def update_connection_config(self, creds, config: dict) -> None:
        creds.path = warehouse_path(creds.path)
