"""The run's process loads dagster-dbt without dbt-core (pipelines/defs/dbt/__init__.py)."""

import subprocess
import sys

LOAD = """
import sys
import pipelines.defs.dbt.assets, pipelines.defs.dbt.resources
from dagster_dbt.compat import DBT_PYTHON_VERSION
print(DBT_PYTHON_VERSION, sorted(m for m in sys.modules if m == "dbt" or m.startswith("dbt.")))
import dbt.version  # still importable afterwards, by whatever needs it
print(dbt.version.__version__)
"""


def test_dagster_dbt_is_loaded_without_dbt_core_which_stays_importable():
    done = subprocess.run([sys.executable, "-c", LOAD], capture_output=True, text=True,
                          check=True)
    first, second = done.stdout.splitlines()
    assert first == "None []"
    assert second.startswith("1.")


def test_a_process_that_imported_dbt_keeps_dagster_dbt_s_dbt_core_path():
    done = subprocess.run(
        [sys.executable, "-c", "import dbt.version\n" + LOAD], capture_output=True,
        text=True, check=True)
    assert not done.stdout.startswith("None")
