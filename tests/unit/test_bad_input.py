"""Bad register files are refused whole, with file, row and column; other files still load."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipelines.errors import InputFileError
from pipelines.personnummer import looks_like_personnummer
from pipelines.register.load import load_registers
from pipelines.register.parse import parse_file

HEADER = ("Förbund;Organisationsnummer;Insats-ID;Insats;Deltagar-ID;Kön;Födelseår;"
          "Inskrivningsdatum;Utskrivningsdatum;Avslutsanledning")
GOOD = "F;222000-1111;501;S;{pid};Kvinna;1980;2022-01-10;2022-06-30;Arbete"


def _write(path: Path, *rows: str, header: str = HEADER) -> Path:
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def _problem(path: Path) -> InputFileError:
    with pytest.raises(InputFileError) as caught:
        parse_file(path)
    return caught.value


def test_end_before_start_names_row_and_column(tmp_path: Path):
    path = _write(tmp_path / "a.csv", GOOD.format(pid="A"),
                  "F;222000-1111;501;S;B;Man;1980;2022-05-01;2022-04-01;Arbete")
    error = _problem(path)
    assert [(p.row, p.column) for p in error.problems] == [(3, "Utskrivningsdatum")]
    assert "a.csv" in str(error) and "row 3" in str(error) and "before" in str(error)


def test_unknown_sex_and_end_reason(tmp_path: Path):
    path = _write(tmp_path / "a.csv", "F;222000-1111;501;S;A;K;1980;2022-01-10;2022-06-30;Jobb")
    error = _problem(path)
    assert {(p.row, p.column) for p in error.problems} == {(2, "Kön"), (2, "Avslutsanledning")}
    assert "Kvinna, Man" in str(error)


def test_missing_required_column(tmp_path: Path):
    header = HEADER.replace(";Inskrivningsdatum", "")
    path = _write(tmp_path / "a.csv", "F;222000-1111;501;S;A;Kvinna;1980;2022-06-30;Arbete",
                  header=header)
    error = _problem(path)
    assert [(p.row, p.column) for p in error.problems] == [(1, "Inskrivningsdatum")]
    assert "required column missing" in str(error)


def test_ragged_row_names_the_row(tmp_path: Path):
    # Missing trailing fields are empty cells: here required ones, so row 3 is refused.
    path = _write(tmp_path / "a.csv", GOOD.format(pid="A"), "F;222000-1111;501;S;B;Man")
    assert {(p.row, p.column) for p in _problem(path).problems} == {
        (3, "Födelseår"), (3, "Inskrivningsdatum")}
    # A field too many, with a value in it, is an unquoted separator.
    path = _write(tmp_path / "b.csv", GOOD.format(pid="A") + ";extra", GOOD.format(pid="B"))
    problems = _problem(path).problems
    assert [p.row for p in problems] == [2] and "quoted" in problems[0].message


@pytest.mark.parametrize("value", ["850312-1234", "198503121234", "19850312-1234",
                                   "850372-1234", "850312+1234"])
def test_personnummer_like_values(value: str):
    assert looks_like_personnummer(value)


@pytest.mark.parametrize("value", ["222000-1234", "2022-03-12", "20220312", "D1A2B3C",
                                   "851332-1234", "1234567890", "501"])
def test_values_that_are_not_personnummer(value: str):
    assert not looks_like_personnummer(value)


def test_personnummer_column_refuses_file_without_echoing_it(tmp_path: Path):
    path = _write(tmp_path / "a.csv", GOOD.format(pid="A"), GOOD.format(pid="19850312-1234"))
    error = _problem(path)
    assert [(p.row, p.column) for p in error.problems] == [(3, "Deltagar-ID")]
    assert "personnummer" in str(error)
    assert "1234" not in str(error).replace("222000-1111", "")


def test_bad_file_is_not_loaded_and_good_files_are(tmp_path: Path):
    folder = tmp_path / "registers"
    folder.mkdir()
    _write(folder / "good.csv", GOOD.format(pid="A"), GOOD.format(pid="B"))
    _write(folder / "bad.csv", GOOD.format(pid="C"),
           "F;222000-1111;501;S;D;Man;1980;2022-05-01;2022-04-01;Arbete")
    _write(folder / "pnr.csv", GOOD.format(pid="850312-1234"))
    warehouse = tmp_path / "w.duckdb"
    result = load_registers(folder, warehouse, log=lambda _: None)
    assert sorted(e.path.name for e in result.refused) == ["bad.csv", "pnr.csv"]
    with duckdb.connect(str(warehouse), read_only=True) as con:
        ids = con.execute("select participant_id from bronze.register_participations "
                          "order by 1").fetchall()
        log = dict(con.execute("select source_file, status from bronze.register_files").fetchall())
    assert ids == [("A",), ("B",)]
    assert log == {"registers/good.csv": "loaded", "registers/bad.csv": "refused",
                   "registers/pnr.csv": "refused"}


def test_a_repeated_spell_is_loaded_once_with_a_warning(tmp_path: Path):
    rows = [GOOD.format(pid=f"P{i}") for i in range(60)]
    path = _write(tmp_path / "a.csv", *rows, rows[3], rows[3])
    parsed = parse_file(path)
    assert parsed.frame.height == 60
    assert any("duplicate spells: rows 62, 63" in w.message for w in parsed.warnings)


def test_a_flood_of_repeated_spells_refuses_the_file(tmp_path: Path):
    path = _write(tmp_path / "a.csv", GOOD.format(pid="A"), *[GOOD.format(pid="A")] * 5000)
    error = _problem(path)
    assert "5,000 of 5,001 rows" in str(error) and "FINSAM_MAX_DUPLICATE_SHARE" in str(error)
