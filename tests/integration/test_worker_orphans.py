"""Worker processes end when the process that started them is killed (by the out-of-memory
killer, say): they do not wait for tasks forever."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

STARTER = """
import os, sys, time
from pipelines import worker_pool
pool = worker_pool.spawned_pool(2)
pids = {pool.submit(os.getpid).result() for _ in range(6)}
print(" ".join(map(str, sorted(pids))), flush=True)
time.sleep(120)
"""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "State:\tZ" not in state  # a zombie has ended; only its exit status is left


def test_workers_end_when_their_starter_is_killed():
    starter = subprocess.Popen([sys.executable, "-c", STARTER], stdout=subprocess.PIPE,
                               text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        workers = [int(pid) for pid in starter.stdout.readline().split()]
        assert workers and all(_alive(pid) for pid in workers)
        starter.send_signal(signal.SIGKILL)
        starter.wait()
        deadline = time.monotonic() + 15
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(_alive(pid) for pid in workers)
    finally:
        starter.kill()
