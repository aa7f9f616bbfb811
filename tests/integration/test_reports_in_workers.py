"""Reports read side by side by the run's worker processes give the rows one process gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipelines import worker_pool
from pipelines.reports.load import FIGURES, SECTIONS, load_documents, load_figures, load_sections
from pipelines.warehouse import read_table

TEMPLATE = """Verksamhetsberättelse {year}

Samordningsförbundet {name}

{insats}

Under {year} har {total} personer deltagit i insatsen, {women} kvinnor och {men} män. {ended}
deltagare har avslutat insatsen; {work} av dem fick ett arbete och två började studera.

Stödteamet

Insatsen hade {other} deltagare under året.
"""


def _reports(folder: Path) -> None:
    folder.mkdir(parents=True)
    for n in range(6):
        (folder / f"rapport_{n}.txt").write_text(TEMPLATE.format(
            year=2020 + n, name=f"Norra Dalen {n}", insats=f"Arbetsträning {n}",
            total=20 + n, women=11, men=9 + n, ended=7 + n, work=3, other=15 + 2 * n),
            encoding="utf-8")


def test_sections_and_figures_from_workers_equal_those_of_one_process(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _reports(tmp_path / "raw" / "reports")
    inline = tmp_path / "inline.duckdb"
    load_documents(tmp_path / "raw" / "reports", tmp_path / "q", inline, log=lambda _: None)
    pooled = tmp_path / "pooled.duckdb"
    shutil.copyfile(inline, pooled)
    load_sections(inline, log=lambda _: None)
    load_figures(inline, log=lambda _: None)

    monkeypatch.setenv("FINSAM_WORKERS", "2")
    worker_pool.share()
    try:
        with worker_pool.worker_pool() as pool:  # started by an earlier step (registers)
            pool.submit(int).result()
        with worker_pool.shared_pool(6) as pool:
            assert not isinstance(pool, worker_pool.InlineExecutor)  # the workers read them
        load_sections(pooled, log=lambda _: None)
        load_figures(pooled, log=lambda _: None)
    finally:
        worker_pool.unshare()

    for table in (SECTIONS, FIGURES):
        assert read_table(pooled, table).drop("load_id", "loaded_at", strict=False).equals(
            read_table(inline, table).drop("load_id", "loaded_at", strict=False))
    figures = read_table(pooled, FIGURES)
    assert figures.height > 6 and figures["source_file"].n_unique() == 6
