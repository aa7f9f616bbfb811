"""A short fault-injection run: every fault kind, a SIGKILL, then the published marts
compared row for row with a clean rebuild (benchmarks/fault_injection.py; 100 rounds there)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from pipelines.settings import PROJECT_ROOT


def _script():
    spec = importlib.util.spec_from_file_location(
        "fault_injection", PROJECT_ROOT / "benchmarks" / "fault_injection.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_fault_kind_loses_and_doubles_nothing(tmp_path: Path, capsys):
    exit_code = _script().main(["--rounds", "1", "--seed", "3", "--every-fault",
                                "--max-kill-seconds", "12", "--keep", str(tmp_path)])
    output = capsys.readouterr().out
    assert "rows lost: 0  rows doubled: 0" in output, output
    assert "unreadable published states: 0" in output, output
    assert exit_code == 0, output
    quarantined = {p.name for p in (tmp_path / "data" / "quarantine" / "registers").iterdir()}
    assert any("corrupt" in name for name in quarantined)
    assert any("drift" in name for name in quarantined)
