"""A report saved from a spreadsheet as `;`-separated text, and forms numbered A1., B2. with
counts by sex in cells. Written for these tests in my own words."""

from datetime import date

from pipelines.reports.extract import extract_document
from pipelines.reports.sections import find_sections
from pipelines.reports.text import normalise

SHEET = """RAPPORT;Halvårsuppföljning 2025
Förbund;Samordningsförbundet Västerby
Rapportperiod;2025-01-01--2025-06-30
;;;
INSATS;Verkstan
Budgeterade platser;12
;;;
Nyckeltal;Kv 1;Kv 2;Halvår
Deltagare totalt;10;11;14
Nya;3;4;7
Avslutade;1;2;3
;;;
INSATS;Lotsen
Budgeterade platser;8
;;;
Nyckeltal;Kv 1;Kv 2;Halvår
Deltagare totalt;6;7;9
Avslutade;0;2;2
"""

FORM = """UPPFÖLJNING AV INSATS 2024
A1. Insatsens namn:\tTrappan
A2. Period:\t2024-01-01 – 2024-12-31
B1. Antal deltagare under perioden\tKvinnor:\t9\tMän:\t12\tTotalt:\t21
B2. Varav nya\tKvinnor:\t4\tMän:\t5\tTotalt:\t
B3. Antal deltagare kvar vid periodens slut:\t15
"""


def test_a_semicolon_sheet_has_a_section_per_insats_and_its_quarter_columns():
    doc = normalise("ark.txt", SHEET)
    assert [s.name for s in find_sections(doc)] == ["Verkstan", "Lotsen"]
    found = {(f.insats, f.metric, f.value, (f.period_start, f.period_end))
             for f in extract_document(doc)}
    half = (date(2025, 1, 1), date(2025, 6, 30))
    assert {("Verkstan", "participants", 14, half), ("Verkstan", "places", 12, half),
            ("Verkstan", "participants", 10, (date(2025, 1, 1), date(2025, 3, 31))),
            ("Lotsen", "participants_ended", 2, half)} <= found


def test_a_lettered_form_with_counts_by_sex_in_cells():
    doc = normalise("form.txt", FORM)
    assert [s.name for s in find_sections(doc)] == ["Trappan"]
    found = {(f.metric, f.sex, f.value) for f in extract_document(doc)}
    assert {("participants", "all", 21), ("participants", "women", 9),
            ("participants", "men", 12), ("participants_new", "women", 4),
            ("participants_new", "men", 5), ("participants_ongoing", "all", 15)} <= found
    assert ("participants_new", "all", 5) not in found


def test_how_many_of_them_were_new_or_ended_is_stated_in_its_own_right():
    from tests.unit.reports.helpers import figures

    assert ("participants_new", "all", 14) in figures(
        "Under året deltog 40 personer. Fjorton av dem skrevs in under året.")
    assert ("participants_ended", "all", 9) in figures(
        "Under året deltog 40 personer. Nio av dessa avslutades under hösten.")
    assert ("participants_ended", "all", 2) not in figures(
        "Tolv avslutades. Två av de fem som avslutades i maj hade varit inskrivna kort tid.")
