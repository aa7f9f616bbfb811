"""The pipeline built once for the integration tests that read its results."""

from __future__ import annotations

import pytest

from pipelines.run import run_pipeline
from pipelines.settings import Paths
from pipelines.synthetic.generate import generate


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory):
    data = tmp_path_factory.mktemp("pipeline") / "data"
    paths = Paths(data_dir=data, warehouse=data / "marts" / "warehouse.duckdb")
    generated = generate(paths.raw_dir, seed=99, extra_forbund=2, years=[2023, 2024],
                         gold_dir=None, log=lambda _: None)
    with pytest.MonkeyPatch.context() as monkeypatch:  # run_pipeline exports its paths
        monkeypatch.setenv("FINSAM_DATA_DIR", str(paths.data_dir))
        monkeypatch.setenv("FINSAM_DUCKDB", str(paths.warehouse))
        outcome = run_pipeline(paths, generate_if_empty=False, log=lambda _: None)
    return paths, generated.spells, outcome
