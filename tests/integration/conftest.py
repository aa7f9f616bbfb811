"""The pipeline built once for the integration tests that read its results.

Built once per test session, shared by every pytest-xdist worker (a lock in the session's
temporary folder: the first worker builds, the others wait and read). Tests that run the
pipeline again work on a copy (`built_copy`), never on the shared folder.
"""

from __future__ import annotations

import fcntl
import os
import pickle
import shutil
from pathlib import Path

import pytest

from pipelines.run import run_pipeline
from pipelines.settings import Paths
from pipelines.synthetic.generate import generate


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the session's folder, above each worker's own
    result = root / "built.pickle"
    with (root / "built.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not result.exists():
            result.write_bytes(pickle.dumps(_build(root / "built" / "data")))
    return pickle.loads(result.read_bytes())


def _build(data: Path):
    paths = Paths(data_dir=data, warehouse=data / "marts" / "warehouse.duckdb")
    generated = generate(paths.raw_dir, seed=99, extra_forbund=2, years=[2023, 2024],
                         gold_dir=None, log=lambda _: None)
    with pytest.MonkeyPatch.context() as monkeypatch:  # run_pipeline exports its paths
        monkeypatch.setenv("FINSAM_DATA_DIR", str(paths.data_dir))
        monkeypatch.setenv("FINSAM_DUCKDB", str(paths.warehouse))
        outcome = run_pipeline(paths, generate_if_empty=False, log=lambda _: None)
    return paths, generated.spells, outcome


@pytest.fixture
def built_copy(built, tmp_path: Path) -> Paths:
    """The built data folder copied for a test that loads again."""
    paths = built[0]
    data = tmp_path / "data"
    shutil.copytree(paths.data_dir, data, symlinks=True)
    return Paths(data_dir=data, warehouse=data / paths.warehouse.relative_to(paths.data_dir))
