"""A newer export replaces what it covers — per förbund and insats — and never adds to it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from pipelines.register.load import load_registers

HEADER = ("Förbund;Organisationsnummer;Insats-ID;Insats;Deltagar-ID;Kön;Födelseår;"
          "Inskrivningsdatum;Utskrivningsdatum;Avslutsanledning\n")
NORR, SODER = "222000-0101", "222000-0202"


def _row(pid: str, start: str, org: str = NORR, insats: str = "1", end: str = "",
         reason: str = "") -> str:
    return f"Förbundet {org[-4:]};{org};{insats};Insats {insats};{pid};Man;1980;{start};{end};" \
           f"{reason}\n"


def _write(path: Path, *rows: str) -> None:
    path.write_text(HEADER + "".join(rows), encoding="utf-8")


def _bronze(warehouse: Path) -> list[tuple[str, str, str]]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute("select forbund_org_nr, participant_id, source_file from "
                           "bronze.register_participations order by 1, 2").fetchall()


def _manifest(warehouse: Path) -> dict[str, tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return {r[0]: r[1:] for r in con.execute(
            "select source_file, status, export_date, superseded_by from bronze.register_files"
        ).fetchall()}


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path, Path]:
    registers = tmp_path / "raw" / "registers"
    registers.mkdir(parents=True)
    return registers, tmp_path / "w.duckdb", tmp_path / "quarantine"


def _load(folders, **kwargs):
    registers, warehouse, quarantine = folders
    return load_registers(registers, warehouse, quarantine_dir=quarantine,
                          log=lambda _: None, **kwargs)


def test_a_newer_export_of_one_forbund_replaces_only_its_rows_in_a_shared_file(folders):
    registers, warehouse, _ = folders
    _write(registers / "both_2023.csv", _row("A1", "2023-02-01"), _row("A2", "2023-05-01"),
           _row("B1", "2023-04-01", org=SODER))
    _load(folders)
    _write(registers / "norr_2024.csv", _row("A1", "2023-02-01"), _row("A2", "2023-05-01"),
           _row("A3", "2024-01-10"))
    result = _load(folders)
    assert _bronze(warehouse) == [
        (NORR, "A1", "registers/norr_2024.csv"), (NORR, "A2", "registers/norr_2024.csv"),
        (NORR, "A3", "registers/norr_2024.csv"), (SODER, "B1", "registers/both_2023.csv")]
    manifest = _manifest(warehouse)
    assert manifest["registers/both_2023.csv"][0] == "partly superseded"
    assert manifest["registers/both_2023.csv"][2] == "registers/norr_2024.csv"
    # The file keeps its own export date: B1's open spell still runs to 2023-05-01.
    assert manifest["registers/both_2023.csv"][1] == date(2023, 5, 1)
    assert result.superseded == ["registers/both_2023.csv"]


def test_one_file_per_insats_with_the_same_export_date_all_load(folders):
    registers, warehouse, _ = folders
    for insats in ("1", "2", "3"):
        _write(registers / f"insats_{insats}.csv", _row(f"P{insats}", "2023-01-01",
                                                        insats=insats),
               _row(f"Q{insats}", "2023-06-30", insats=insats))
    result = _load(folders)
    assert not result.refused and not result.superseded
    assert len(_bronze(warehouse)) == 6


def test_a_tie_with_other_rows_refuses_the_newcomer_and_keeps_the_loaded(folders):
    registers, warehouse, quarantine = folders
    _write(registers / "export.csv", _row("A1", "2023-02-01"), _row("A2", "2023-06-30"))
    _load(folders)
    _write(registers / "export_b.csv", _row("A1", "2023-02-01", end="2023-06-30",
                                            reason="Arbete"),
           _row("A2", "2023-06-30"))
    result = _load(folders)
    [error] = result.refused
    assert error.path.name == "export_b.csv"
    assert "registers/export.csv" in str(error) and "same export date" in str(error)
    assert (quarantine / "export_b.csv.errors.txt").exists()
    assert {source for *_, source in _bronze(warehouse)} == {"registers/export.csv"}


@pytest.mark.parametrize("name", ["export_korrigerad.csv", "export_2024-03-02.csv",
                                  "export 20240302.csv", "export_rättad.csv"])
def test_a_tie_settled_by_the_file_name(folders, name: str):
    registers, warehouse, _ = folders
    _write(registers / "export.csv", _row("A1", "2023-02-01"), _row("A2", "2023-06-30"))
    _write(registers / name, _row("A1", "2023-02-01", end="2023-06-30", reason="Arbete"),
           _row("A2", "2023-06-30"))
    result = _load(folders)
    assert not result.refused
    assert {source for *_, source in _bronze(warehouse)} == {f"registers/{name}"}


def test_a_newer_export_keeps_the_history_it_does_not_cover(folders):
    registers, warehouse, _ = folders
    _write(registers / "history_2021_2022.csv", _row("A0", "2021-03-01", end="2021-09-30",
                                                     reason="Arbete"),
           _row("A1", "2022-02-01"))
    _write(registers / "current_2022_2023.csv", _row("A1", "2022-02-01", end="2023-05-31",
                                                     reason="Studier"),
           _row("A2", "2023-06-30"))
    _load(folders)
    rows = {(pid, source) for _, pid, source in _bronze(warehouse)}
    assert rows == {("A0", "registers/history_2021_2022.csv"),
                    ("A1", "registers/current_2022_2023.csv"),
                    ("A2", "registers/current_2022_2023.csv")}


def test_an_identical_copy_is_not_counted_twice(folders):
    registers, warehouse, _ = folders
    _write(registers / "a.csv", _row("A1", "2023-02-01"), _row("A2", "2023-06-30"))
    _write(registers / "copy of a.csv", _row("A2", "2023-06-30"), _row("A1", "2023-02-01"))
    result = _load(folders)
    assert not result.refused
    assert [pid for _, pid, _ in _bronze(warehouse)] == ["A1", "A2"]


def test_registration_errors_do_not_set_the_export_date(folders):
    registers, warehouse, _ = folders
    _write(registers / "a.csv", _row("A1", "2023-02-01"),
           _row("X", "2023-03-01", end="2025-01-05", reason="Felregistrering"))
    _load(folders)
    # The Felregistrering row is left out whole: its start date does not count either.
    assert _manifest(warehouse)["registers/a.csv"][1] == date(2023, 2, 1)


def test_a_file_with_a_felregistrering_in_next_year_does_not_win_a_newer_export(folders):
    registers, warehouse, _ = folders
    _write(registers / "old.csv", _row("A1", "2023-02-01"),
           _row("X", "2023-03-01", end="2025-01-05", reason="Felregistrering"))
    _write(registers / "new.csv", _row("A1", "2023-02-01", end="2024-05-01", reason="Arbete"))
    _load(folders)
    assert {source for *_, source in _bronze(warehouse)} == {"registers/new.csv"}
