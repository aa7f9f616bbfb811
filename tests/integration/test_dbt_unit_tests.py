"""dbt's unit tests (the `unit_tests:` of the model files) run here, in the test suite, and
not in every nightly build: they check the models' SQL on fixed rows, not the night's data."""

from __future__ import annotations

import shutil

import pytest

from tests.integration.dbt_runner import dbt_cli


def test_the_dbt_unit_tests_pass(built, tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths, _, outcome = built
    assert outcome.success
    warehouse = tmp_path / "warehouse.duckdb"  # the unit tests read the built parents' columns
    shutil.copyfile(paths.warehouse, warehouse)
    warehouse.chmod(0o644)
    monkeypatch.setenv("FINSAM_DUCKDB", str(warehouse))
    output = dbt_cli("test", "--select", "test_type:unit")
    assert "PASS=6 " in output and "ERROR=0" in output, output[-3000:]
