"""Report text, file names, curated quotes and error messages never keep a personnummer."""

from pathlib import Path

import pytest

from pipelines.errors import CellProblem, InputFileError
from pipelines.personnummer import mask_personnummer
from pipelines.reports.curated import parse_curated
from pipelines.reports.extract import extract_document
from pipelines.reports.readers import read_document


@pytest.mark.parametrize("number", ["850101-1234", "850101–1234", "19850101-1234",
                                    "850101+1234", "850101 1234", "8501011234",
                                    "850161-1234"])
def test_each_form_is_masked_with_its_length_kept(number: str):
    text = f"Deltagaren ({number}) har avslutat."
    masked = mask_personnummer(text)
    assert number not in masked and len(masked) == len(text)
    assert not any(ch.isdigit() for ch in masked)


@pytest.mark.parametrize("text", ["Org.nr 222000-3187", "tel 0581-402 17",
                                  "perioden 2024-01-01 – 2024-12-31", "budget 1 250 000 kr"])
def test_other_numbers_stay(text: str):
    assert mask_personnummer(text) == text


def test_a_report_is_masked_before_figures_and_quotes(tmp_path: Path):
    report = tmp_path / "rapport_850101-1234.txt"
    report.write_text("Samordningsförbundet Testby\nVerksamhetsberättelse 2024\n\n"
                      "## Lotsen\n\nDeltagaren 850101-1234 avslutades. Lotsen har haft 12 "
                      "deltagare under året.\n" + "Text om insatsen. " * 20, encoding="utf-8")
    doc = read_document(report)
    assert "850101" not in doc.original and "850101" not in doc.source
    rows = extract_document(doc)
    assert rows and all("850101" not in r.quote for r in rows)
    assert ("participants", 12) in {(r.metric, r.value) for r in rows}


def test_curated_quotes_are_masked(tmp_path: Path):
    path = tmp_path / "figures.csv"
    path.write_text("forbund,insats,period_start,period_end,metric,sex,value,quote\n"
                    "Samordningsförbundet Testby,Lotsen,2024-01-01,2024-12-31,participants,all,"
                    "12,deltagare 850101-1234 m.fl.\n", encoding="utf-8")
    frame = parse_curated(path)
    assert "850101" not in frame["quote"][0]


def test_an_error_message_never_repeats_one():
    error = InputFileError(Path("export_850101-1234.csv"),
                           [CellProblem(3, "Namn", "'850101-1234 Anna' is not a date")])
    assert "850101" not in str(error)
