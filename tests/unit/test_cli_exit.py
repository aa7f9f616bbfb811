"""The `finsam` command ends without Python's final collection (pipelines.cli.entry): its
exit codes and its output through a pipe must be what click's would be."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

FINSAM = str(Path(sys.executable).parent / "finsam")


def _finsam(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "FINSAM_DATA_DIR": str(tmp_path)}
    env.pop("FINSAM_DUCKDB", None)
    return subprocess.run([FINSAM, *args], env=env, capture_output=True, text=True,
                          timeout=120, check=False)


def test_every_line_reaches_a_pipe_and_success_exits_0(tmp_path):
    done = _finsam(tmp_path, "generate", "--out", str(tmp_path / "raw"), "--no-reports",
                   "--forbund", "1", "--years", "2024")
    assert done.returncode == 0
    last = done.stdout.splitlines()[-1]  # the last line, printed just before the end
    assert "participations in" in last and "synthetic_discrepancies.csv" in last


def test_a_command_that_fails_exits_1_with_its_message(tmp_path):
    done = _finsam(tmp_path, "sql", "select 1")
    assert done.returncode == 1
    assert "no published warehouse" in done.stderr


def test_a_usage_error_exits_2(tmp_path):
    done = _finsam(tmp_path, "no-such-command")
    assert done.returncode == 2
    assert "No such command" in done.stderr
