"""Header spellings: one folding rule (case, accents, spaces, punctuation); warnings else."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipelines.errors import InputFileError
from pipelines.register.columns import COLUMNS, Kind, header_lookup, normalise_header
from pipelines.register.parse import parse_file

BASE = ["Förbund", "Organisationsnummer", "Insats-ID", "Insats", "Deltagar-ID", "Kön",
        "Födelseår", "Inskrivningsdatum"]
ENDED = "Norrby;222000-4444;3;Steget;P1;Kvinna;1979;2023-02-01;{end};{reason}"


def _file(tmp_path: Path, end_header: str, reason_header: str, *rows: str) -> Path:
    path = tmp_path / "export.csv"
    header = ";".join([*BASE, end_header, reason_header])
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("separator", [" ", "_", "-", ".", ":", " - ", "  ", "/"])
def test_every_separator_inside_a_header_is_ignored(tmp_path: Path, separator: str):
    end = f"Utskrivnings{separator}datum"
    reason = f"AVSLUTS{separator}ANLEDNING"
    path = _file(tmp_path, end, reason, ENDED.format(end="2023-09-30", reason="Arbete"))
    row = parse_file(path).frame.row(0, named=True)
    assert row["end_date"] == date(2023, 9, 30) and row["end_reason"] == "Arbete"


@pytest.mark.parametrize("header", ["UTSKRIVNINGS_DATUM:", "utskrivningsdatum.",
                                    "Utskrivnings-datum", " Utskrivnings datum ",
                                    "\ufeffUtskrivningsdatum"])
def test_end_date_header_variants(tmp_path: Path, header: str):
    path = _file(tmp_path, header, "Avslutsanledning",
                 ENDED.format(end="2023-09-30", reason="Studier"))
    assert parse_file(path).frame["end_date"].to_list() == [date(2023, 9, 30)]


def test_slash_headers_with_spaces_are_recognised():
    lookup = header_lookup(Kind.PARTICIPATIONS)
    for header in ("Arbetar / studerar efter", "ARBETAR/STUDERAR EFTER", "arbetar-studerar efter"):
        assert lookup[normalise_header(header)].name == "working_or_studying_after", header
    assert normalise_header("Födelseår (ÅÅÅÅ)") == normalise_header("fodelsear aaaa")


def test_no_two_columns_share_a_folded_header():
    for kind in Kind:
        seen: dict[str, str] = {}
        for column in COLUMNS[kind]:
            for alias in {normalise_header(a) for a in (column.name, column.label,
                                                        *column.aliases)}:
                assert seen.setdefault(alias, column.name) == column.name, alias


def test_a_lookalike_header_that_is_not_used_gets_a_warning(tmp_path: Path):
    path = _file(tmp_path, "Utskrivnigsdatum", "Avslutsanledningen",
                 ENDED.format(end="", reason=""))
    parsed = parse_file(path)
    warned = {w.column: w.message for w in parsed.warnings}
    assert set(warned) == {"Utskrivnigsdatum", "Avslutsanledningen"}
    assert "Utskrivningsdatum" in warned["Utskrivnigsdatum"]
    assert "Avslutsanledning" in warned["Avslutsanledningen"]


def test_an_unrelated_extra_column_gets_no_warning(tmp_path: Path):
    path = _file(tmp_path, "Utskrivningsdatum", "Handläggare",
                 ENDED.format(end="", reason="Anna"))
    assert parse_file(path).warnings == []


def test_reason_without_a_recognised_end_date_column_says_so(tmp_path: Path):
    path = _file(tmp_path, "Slutdag", "Avslutsanledning",
                 ENDED.format(end="2023-09-30", reason="Arbete"))
    with pytest.raises(InputFileError) as caught:
        parse_file(path)
    [problem] = caught.value.problems
    assert problem.column == "Avslutsanledning"
    assert "no column recognised as Utskrivningsdatum" in problem.message


def test_missing_trailing_fields_are_empty_cells(tmp_path: Path):
    path = _file(tmp_path, "Utskrivningsdatum", "Avslutsanledning",
                 "Norrby;222000-4444;3;Steget;P1;Kvinna;1979;2023-02-01",
                 "Norrby;222000-4444;3;Steget;P2;Man;1985;2023-03-01;;",
                 "Norrby;222000-4444;3;Steget;P3;Man;1985;2023-03-01;2023-04-01;Flytt;;;")
    frame = parse_file(path).frame
    assert frame["participant_id"].to_list() == ["P1", "P2", "P3"]
    assert frame["end_date"].to_list() == [None, None, date(2023, 4, 1)]


def test_a_cut_off_last_line_is_refused(tmp_path: Path):
    path = tmp_path / "cut.csv"
    header = ";".join([*BASE, "Utskrivningsdatum", "Avslutsanledning"])
    path.write_text(f"{header}\nNorrby;222000-4444;3;Steget;P1;Kvinna;1979;2023-02-01",
                    encoding="utf-8")
    with pytest.raises(InputFileError) as caught:
        parse_file(path)
    assert "cut off" in caught.value.problems[0].message
