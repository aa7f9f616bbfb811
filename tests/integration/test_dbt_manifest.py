"""The dbt manifest is parsed again only when something it depends on changed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipelines.dbt_manifest import MANIFEST_STAMP, manifest_digest, prepare_manifest


def test_a_current_manifest_is_not_parsed_again_and_a_stale_one_is(dbt_manifest: Path) -> None:
    prepare_manifest()  # current now, whatever other tests' `dbt build` wrote in target/
    before = dbt_manifest.stat().st_mtime_ns
    assert prepare_manifest() == dbt_manifest
    assert dbt_manifest.stat().st_mtime_ns == before
    (dbt_manifest.parent / MANIFEST_STAMP).write_text("edited by hand")
    prepare_manifest()
    assert dbt_manifest.stat().st_mtime_ns != before


def test_the_digest_covers_neither_the_warehouse_nor_the_run_id(
        dbt_manifest: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FINSAM_DUCKDB", str(tmp_path / "a" / "warehouse.duckdb"))
    first = manifest_digest(dbt_manifest)
    monkeypatch.setenv("FINSAM_RUN_ID", "another-run")
    monkeypatch.setenv("FINSAM_DUCKDB", str(tmp_path / "b" / "warehouse.duckdb"))
    assert manifest_digest(dbt_manifest) == first  # another data folder needs no new parse
    monkeypatch.setenv("DBT_STATIC_PARSER", "false")
    assert manifest_digest(dbt_manifest) != first  # dbt's own settings do


def test_loads_that_start_together_never_read_half_a_manifest(
        dbt_manifest: Path) -> None:
    (dbt_manifest.parent / MANIFEST_STAMP).write_text("edited by hand")
    code = "from pipelines.dbt_manifest import prepare_manifest; prepare_manifest()"
    loads = [subprocess.Popen([sys.executable, "-c", code]) for _ in range(2)]
    reads = 0
    while any(load.poll() is None for load in loads):
        json.loads(dbt_manifest.read_text(encoding="utf-8"))  # whole, old or new
        reads += 1
    assert [load.returncode for load in loads] == [0, 0]
    assert reads > 0
    assert (dbt_manifest.parent / MANIFEST_STAMP).read_text() == manifest_digest(dbt_manifest)
    assert not list(dbt_manifest.parent.glob(".parse-*"))


def test_dbt_builds_the_warehouse_finsam_duckdb_names(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from dbt_common.exceptions import DbtRuntimeError

    from pipelines.dbt_warehouse import warehouse_path

    default = "../data/marts/warehouse.duckdb"
    monkeypatch.delenv("FINSAM_DUCKDB", raising=False)
    assert warehouse_path(default) == default
    monkeypatch.setenv("FINSAM_DUCKDB", str(tmp_path / "x" / "warehouse.duckdb"))
    assert warehouse_path(default) == str(tmp_path / "x" / "warehouse.duckdb")
    monkeypatch.setenv("FINSAM_DUCKDB", str(tmp_path / "mine.duckdb"))
    with pytest.raises(DbtRuntimeError, match=r"must be called warehouse\.duckdb"):
        warehouse_path(default)
