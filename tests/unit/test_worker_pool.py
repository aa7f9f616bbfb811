"""Files written by worker processes: every task runs, and a failure reaches the caller."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipelines.worker_pool import InlineExecutor, wait_all, worker_pool


@pytest.mark.parametrize("workers", [1, 2])
def test_every_task_runs_and_writes_its_file(tmp_path: Path, workers: int) -> None:
    source = tmp_path / "source.txt"
    source.write_text("rad 1\nrad 2\n", encoding="utf-8")
    targets = [tmp_path / f"copy_{n}.txt" for n in range(5)]
    with worker_pool(workers) as pool:
        wait_all([pool.submit(shutil.copyfile, source, target) for target in targets])
    assert [t.read_text(encoding="utf-8") for t in targets] == ["rad 1\nrad 2\n"] * 5


@pytest.mark.parametrize("workers", [1, 2])
def test_a_failing_task_is_raised_after_the_others_ran(tmp_path: Path, workers: int) -> None:
    source = tmp_path / "source.txt"
    source.write_text("x", encoding="utf-8")
    with worker_pool(workers) as pool:
        futures = [pool.submit(shutil.copyfile, tmp_path / "missing.txt", tmp_path / "a.txt"),
                   pool.submit(shutil.copyfile, source, tmp_path / "b.txt")]
        with pytest.raises(FileNotFoundError):
            wait_all(futures)
    assert (tmp_path / "b.txt").exists()
    assert not (tmp_path / "a.txt").exists()


def test_small_work_runs_in_this_process() -> None:
    with worker_pool(2, rows=100) as pool:
        assert isinstance(pool, InlineExecutor)
    with worker_pool(2, rows=1_000_000) as pool:
        assert not isinstance(pool, InlineExecutor)


def test_one_worker_runs_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FINSAM_WORKERS", "1")
    with worker_pool() as pool:
        assert isinstance(pool, InlineExecutor)
        assert pool.submit(len, "abc").result() == 3


def test_a_shared_pool_serves_every_step_until_unshared(monkeypatch: pytest.MonkeyPatch) -> None:
    """`finsam run` shares one pool across its steps: started by the first task, the same
    worker processes each time after, a new pool once a worker died, none left at the end."""
    import os
    import signal
    import time

    from pipelines import worker_pool as module

    monkeypatch.setenv("FINSAM_WORKERS", "2")
    module.share()
    try:
        with module.shared_pool(10) as early:  # not started: reports are read here
            assert isinstance(early, InlineExecutor)
        with worker_pool() as first:
            assert module._SHARED.pool is None  # nothing given to it yet
            pids = {first.submit(os.getpid).result() for _ in range(6)}
        started = module._SHARED.pool
        with worker_pool() as second:
            assert second.submit(os.getpid).result() in pids
        with module.shared_pool(10) as reports:
            assert reports.submit(os.getpid).result() in pids
        with module.shared_pool(3) as few:  # fewer than two a worker: here
            assert isinstance(few, InlineExecutor)
        assert module._SHARED.pool is started
        os.kill(next(iter(pids)), signal.SIGKILL)
        for _ in range(100):  # until the pool's process is seen dead
            if module._running() is None:
                break
            time.sleep(0.05)
        with worker_pool() as third:
            assert third.submit(os.getpid).result() not in pids
        assert module._SHARED.pool is not started
        with worker_pool(1) as inline:  # another size: not the shared pool
            assert isinstance(inline, InlineExecutor)
    finally:
        module.unshare()
    assert module._SHARED.pool is None and not module._SHARED.enabled
