"""Cost files and the national count form: amounts as Swedish spreadsheets write them, and
every bad row named by row and column."""

from __future__ import annotations

import pytest

from pipelines.errors import InputFileError
from pipelines.register.columns import Kind
from pipelines.register.parse import parse_file

COSTS = "Förbund;Organisationsnummer;Insats-ID;Insats;År;{budget};{outcome}\n"


def _costs(tmp_path, rows: list[str], budget: str = "Budget", outcome: str = "Utfall",
           encoding: str = "utf-8"):
    path = tmp_path / "kostnader.csv"
    path.write_bytes((COSTS.format(budget=budget, outcome=outcome)
                      + "".join(f"Norrby;222000-0001;{r}\n" for r in rows)).encode(encoding))
    return path


@pytest.mark.parametrize(("cell", "kronor"), [
    ("1 250 000", 1_250_000), ("1\u00a0250\u00a0000", 1_250_000), ("1.250.000", 1_250_000),
    ("98 500,50", 98_500.5), ("12 000 kr", 12_000), ("12000:-", 12_000), ("750000", 750_000),
    ("1250000.75", 1_250_000.75)])
def test_amounts_in_the_ways_swedish_sheets_write_them(tmp_path, cell, kronor):
    parsed = parse_file(_costs(tmp_path, [f"1;Steget;2023;;{cell}"]))
    assert parsed.kind is Kind.INSATS_COSTS
    assert parsed.frame["cost_outcome"].to_list() == [kronor]


def test_a_tkr_header_means_thousands_of_kronor(tmp_path):
    parsed = parse_file(_costs(tmp_path, ["1;Steget;2023;1 250;980,5"],
                               budget="Budget (tkr)", outcome="Utfall tkr", encoding="cp1252"))
    assert parsed.frame.select("budget", "cost_outcome").row(0) == (1_250_000, 980_500)


@pytest.mark.parametrize(("row", "column", "says"), [
    ("1;Steget;2023;;tolv tusen", "Utfall", "not an amount"),
    ("1;Steget;2023;;-5 000", "Utfall", "negative"),
    ("1;Steget;2023;;", "Utfall", "neither budget nor utfall"),
    ("1;Steget;1899;100;100", "År", "outside"),
])
def test_a_bad_cost_row_is_refused_naming_row_and_column(tmp_path, row, column, says):
    with pytest.raises(InputFileError) as caught:
        parse_file(_costs(tmp_path, ["2;Vägen;2023;100;90", row]))
    problem = caught.value.problems[0]
    assert (problem.row, problem.column) == (3, column)
    assert says in problem.message


def test_one_row_per_insats_and_year(tmp_path):
    with pytest.raises(InputFileError) as caught:
        parse_file(_costs(tmp_path, ["1;Steget;2023;100;90", "1;Steget;2023;200;190"]))
    assert "first in row 2" in str(caught.value)


def test_funds_per_forbund_and_year(tmp_path):
    path = tmp_path / "medel.xlsx.csv"
    path.write_text("Samordningsförbund,Org.nr,Verksamhetsår,Tilldelade medel (tkr)\n"
                    "Norrby,222000-0001,2024,4 200\n", encoding="utf-8-sig")
    parsed = parse_file(path)
    assert parsed.kind is Kind.FORBUND_FUNDS
    assert parsed.frame.select("year", "allotted_funds").row(0) == (2024, 4_200_000)


def test_the_count_form_checks_its_total(tmp_path):
    path = tmp_path / "uppfoljning.csv"
    path.write_text("Förbund;Orgnr;Insatsnummer;Insatsens namn;År;Antal kvinnor;Antal män;"
                    "Totalt antal deltagare\n"
                    "Norrby;222000-0001;7;Steget;2023;12;9;21\n"
                    "Norrby;222000-0001;8;Vägen;2023;4;4;9\n", encoding="utf-8")
    with pytest.raises(InputFileError) as caught:
        parse_file(path)
    problem = caught.value.problems[0]
    assert (problem.row, problem.column) == (3, "Totalt antal deltagare")
    assert "9 is not 4 women + 4 men" in problem.message


def test_the_count_form_without_a_total(tmp_path):
    path = tmp_path / "uppfoljning.csv"
    path.write_text("Förbund;Orgnr;Insats-ID;Insats;År;Kvinnor;Män\n"
                    "Norrby;222000-0001;7;Steget;2024;12;9\n", encoding="utf-8")
    parsed = parse_file(path)
    assert parsed.kind is Kind.COUNT_FORM
    assert parsed.frame.select("participants_women", "participants_men").row(0) == (12, 9)
