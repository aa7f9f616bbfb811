"""The dbt manifest is parsed again only when something it depends on changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.defs.dbt.resources import MANIFEST_STAMP, prepare_manifest


def test_a_current_manifest_is_not_parsed_again(dbt_manifest: Path) -> None:
    prepare_manifest()  # current now, whatever other tests' `dbt build` wrote in target/
    before = dbt_manifest.stat().st_mtime_ns
    assert prepare_manifest() == dbt_manifest
    assert dbt_manifest.stat().st_mtime_ns == before


def test_another_profile_database_or_a_stale_stamp_parses_again(
        dbt_manifest: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = dbt_manifest.stat().st_mtime_ns
    prepare_manifest(tmp_path / "other" / "warehouse.duckdb")
    moved = dbt_manifest.stat().st_mtime_ns
    assert moved != before  # the build's database differs: parsed with its profile
    (dbt_manifest.parent / MANIFEST_STAMP).write_text("edited by hand")
    prepare_manifest(tmp_path / "other" / "warehouse.duckdb")
    assert dbt_manifest.stat().st_mtime_ns != moved
