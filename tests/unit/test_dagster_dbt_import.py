"""`finsam run` loads dagster-dbt without dbt-core (pipelines/defs/dbt/without_core.py); the
code location loaded otherwise (the Dagster UI, tests) keeps dagster-dbt's dbt-core path."""

import subprocess
import sys

WITHOUT_CORE = """
from pipelines.defs.dbt.without_core import import_dagster_dbt
import_dagster_dbt()
"""
LOAD = """
import sys
import pipelines.definitions
from dagster_dbt.compat import DBT_PYTHON_VERSION
print(DBT_PYTHON_VERSION, sorted(m for m in sys.modules if m == "dbt" or m.startswith("dbt.")))
import dbt.version  # still importable afterwards, by whatever needs it
print(dbt.version.__version__)
"""


def _load(first: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", first + LOAD], capture_output=True,
                          text=True, check=True)
    return done.stdout.splitlines()


def test_the_run_s_dagster_dbt_is_loaded_without_dbt_core_which_stays_importable():
    first, second = _load(WITHOUT_CORE)
    assert first == "None []"
    assert second.startswith("1.")


def test_the_code_location_loaded_as_the_ui_loads_it_keeps_dbt_core():
    assert not _load("")[0].startswith("None")


def test_a_process_that_imported_dbt_first_keeps_dbt_core():
    assert not _load("import dbt.version\n" + WITHOUT_CORE)[0].startswith("None")
