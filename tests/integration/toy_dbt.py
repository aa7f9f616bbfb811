"""A small dbt project of a test's own, on a DuckDB file beside it."""

from __future__ import annotations

from pathlib import Path


def write_toy_project(root: Path, database: Path) -> None:
    """`dbt_project.yml` and `profiles.yml` of project `toy` (models/ and macros/ made)."""
    (root / "models").mkdir(parents=True, exist_ok=True)
    (root / "macros").mkdir(exist_ok=True)
    (root / "dbt_project.yml").write_text(
        "name: toy\nversion: '1.0'\nprofile: toy\nconfig-version: 2\n", encoding="utf-8")
    (root / "profiles.yml").write_text(
        "toy:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n"
        f"      path: {database}\n      threads: 1\n", encoding="utf-8")
