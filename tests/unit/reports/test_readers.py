"""DOCX and PDF round trips built here from text, and unreadable files refused."""

from pathlib import Path

import pytest

from pipelines.reports.extract import extract_document
from pipelines.reports.readers import UnreadableReport, read_document

RESULT = ("Under året har 14 deltagare varit inskrivna, varav 9 kvinnor och 5 män. "
          "6 deltagare har avslutats.")


def _figures(path: Path) -> set[tuple[str, str, str, float]]:
    return {(f.insats, f.metric, f.sex, f.value) for f in extract_document(read_document(path))}


EXPECTED = {("Vägen framåt", "participants", "all", 14),
            ("Vägen framåt", "participants", "women", 9),
            ("Vägen framåt", "participants", "men", 5),
            ("Vägen framåt", "participants_ended", "all", 6)}


def test_docx_round_trip(tmp_path: Path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading("Årsrapport 2022", level=1)
    document.add_paragraph("Insatsens namn: Vägen framåt")
    document.add_paragraph("Period: 220101-221231")
    document.add_heading("Resultat", level=2)
    document.add_paragraph(RESULT)
    document.add_paragraph("Insatsen har pågått hela året med gruppträffar varje vecka. " * 3)
    path = tmp_path / "rapport.docx"
    document.save(path)
    assert _figures(path) == EXPECTED


def test_pdf_round_trip(tmp_path: Path):
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in ("Årsrapport 2022", "", "Insatsens namn: Vägen framåt", "",
                 "Period: 220101-221231", "", RESULT, "",
                 "Insatsen har pågått hela året med gruppträffar varje vecka. " * 3):
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "rapport.pdf"
    pdf.output(str(path))
    assert _figures(path) == EXPECTED


def test_empty_and_unreadable_reports_are_refused(tmp_path: Path):
    empty = tmp_path / "tom.pdf"
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.output(str(empty))
    with pytest.raises(UnreadableReport, match="characters of text"):
        read_document(empty)
    broken = tmp_path / "trasig.docx"
    broken.write_bytes(b"not a zip file")
    with pytest.raises(UnreadableReport, match="cannot be read as .docx|not a valid .docx"):
        read_document(broken)
