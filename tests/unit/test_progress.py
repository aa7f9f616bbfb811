"""Long steps log how far they have come now and then, and a summary — not a line per file
(each line is an event in the run's storage)."""

from __future__ import annotations

from pathlib import Path

from pipelines.progress import Progress
from pipelines.register.load import load_registers

HEADER = ("Förbund;Organisationsnummer;Insats-ID;Insats;Deltagar-ID;Kön;Födelseår;"
          "Inskrivningsdatum;Utskrivningsdatum;Avslutsanledning\n")


def test_a_line_only_when_the_interval_has_passed_and_never_for_the_last_item():
    lines: list[str] = []
    often = Progress(lines.append, 3, "read", "files", every=0)
    for _ in range(3):
        often.step()
    assert lines == ["read 1 of 3 files…", "read 2 of 3 files…"]
    lines.clear()
    seldom = Progress(lines.append, 100, "read", "files", every=3600)
    for _ in range(100):
        seldom.step()
    assert lines == []


def test_many_register_files_give_one_summary_line(tmp_path: Path):
    registers = tmp_path / "registers"
    registers.mkdir()
    for n in range(12):
        org = f"2220000{n:03d}"[:6] + "-" + f"{n:04d}"
        rows = "".join(f"Förbundet {n};{org};{i};Insats {i};p{n}-{i};Kvinna;1990;2023-01-0{i}"
                       ";;\n" for i in range(1, 4))
        (registers / f"forbund_{n:02d}.csv").write_text(HEADER + rows, encoding="utf-8")
    lines: list[str] = []
    result = load_registers(registers, tmp_path / "w.duckdb", log=lines.append)
    assert len(result.loaded) == 12
    assert lines == ["read 12 new or changed files: 12 participations (36 rows); "
                     "0 unchanged kept from the last load"]
    lines.clear()
    load_registers(registers, tmp_path / "w.duckdb", log=lines.append)
    assert lines == ["registers unchanged since the last load: nothing written"]
