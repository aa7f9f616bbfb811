"""Shared fixtures: every test gets its own data folder and DuckDB file under tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.settings import SHARED_DIR, Paths


def _fresh_paths(root: Path, monkeypatch: pytest.MonkeyPatch) -> Paths:
    data = root / "data"
    result = Paths(data_dir=data, warehouse=data / "marts" / "warehouse.duckdb")
    monkeypatch.setenv("FINSAM_DATA_DIR", str(result.data_dir))
    monkeypatch.setenv("FINSAM_DUCKDB", str(result.warehouse))
    result.registers_dir.mkdir(parents=True)
    return result


@pytest.fixture
def paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Paths:
    """A fresh data folder and warehouse, exported to the environment for dbt."""
    return _fresh_paths(tmp_path, monkeypatch)


@pytest.fixture(scope="module")
def module_paths(tmp_path_factory: pytest.TempPathFactory):
    """Like `paths`, shared by the tests of one module (one dbt build for all of them)."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        yield _fresh_paths(tmp_path_factory.mktemp("warehouse"), monkeypatch)


@pytest.fixture(scope="session")
def dbt_manifest() -> Path:
    """Parse the dbt project once per session."""
    from pipelines.dbt_manifest import prepare_manifest

    return prepare_manifest()


@pytest.fixture
def shared_gold() -> Path:
    gold = SHARED_DIR / "gold"
    if not gold.exists():
        pytest.skip("../shared/gold is not present")
    return gold
