"""Shared fixtures: every test gets its own data folder and DuckDB file under tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.settings import SHARED_DIR, Paths


@pytest.fixture
def paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Paths:
    """A fresh data folder and warehouse, exported to the environment for dbt."""
    data = tmp_path / "data"
    result = Paths(data_dir=data, warehouse=data / "marts" / "warehouse.duckdb")
    monkeypatch.setenv("FINSAM_DATA_DIR", str(result.data_dir))
    monkeypatch.setenv("FINSAM_DUCKDB", str(result.warehouse))
    result.registers_dir.mkdir(parents=True)
    return result


@pytest.fixture(scope="session")
def dbt_manifest() -> Path:
    """Parse the dbt project once per session."""
    from pipelines.defs.dbt.resources import prepare_manifest

    return prepare_manifest()


@pytest.fixture
def shared_gold() -> Path:
    gold = SHARED_DIR / "gold"
    if not gold.exists():
        pytest.skip("../shared/gold is not present")
    return gold
