"""Last year's value beside this year's, an evaluation whose period is stated in its opening
sentence, insatser named in bold inside running text, a form inside a report, a table of
HTML paragraph cells, and a short name ending in a digit. Written for these tests in my own
words."""

from datetime import date

from pipelines.reports.extract import extract_document
from pipelines.reports.report_periods import document_period
from pipelines.reports.sections import find_sections
from pipelines.reports.text import normalise

from .helpers import figures

YEAR = (date(2024, 1, 1), date(2024, 12, 31))
LAST_YEAR = (date(2023, 1, 1), date(2023, 12, 31))

COMPARED = """Verksamhetsberättelse 2024

1 Bryggan

Under året hade Bryggan 31 deltagare (fg år 27), varav 18 kvinnor (fg år 15) och 13 män.
Antalet avslutade ökade från 9 till 12 jämfört med föregående år.
"""

EVALUATION = """Utvärdering av Lotsen och Kompassen
Rapport 2024:2, juni 2024

Sammanfattning
Utvärderingen omfattar deltagare som varit inskrivna under perioden 1 januari 2022 – 30 april 2024.

1 Lotsen
Under utvärderingsperioden har 88 personer deltagit i Lotsen.

2 Kompassen
Under utvärderingsperioden har 51 personer deltagit i Kompassen.
"""

BOLD_IN_TEXT = """VERKSAMHETSBERÄTTELSE 2024

Samordningsförbundet Sjöviken

INSATSER

Den största insatsen är **Arbetsbron**, där 40 personer har deltagit under året, varav 12 nya.
Arbetsbron drivs av kommunen.

Under året har **Hälsosteget** haft 22 deltagare. Hälsosteget vänder sig till sjukskrivna.

**Språkvägen** avslutades i juni. Av de nio som avslutades gick tre vidare till Arbetsbron.
Språkvägen hade under sitt sista halvår 14 deltagare.
"""

FORM_INSIDE = """Delårsrapport januari–april 2025

3.1 Jobbstegen

Under perioden har 30 personer deltagit i Jobbstegen.

3.2 Resursteamet

1. Uppgiftslämnare
1.1 Insatsägare: Region Nordkust, öppenvården
1.2 Kontaktperson: Kim Berg
2. Deltagare
2.1 Antal deltagare: 21

3.3 Steg 2

Steg 2 startade i februari. Under perioden har 11 personer deltagit i Steg 2.
"""

PARAGRAPH_CELLS = """<table>
<tr><td><p>Avslutsorsak</p></td><td><p>Bryggan</p></td><td><p>Lotsen</p></td></tr>
<tr><td><p>Arbete</p></td><td><p>4</p></td><td><p>2</p></td></tr>
<tr><td><p>Studier</p></td><td><p>1</p></td><td><p>3</p></td></tr>
</table>
"""


def test_last_years_value_in_brackets_and_as_a_change():
    doc = normalise("vb.txt", COMPARED)
    found = {(f.metric, f.sex, f.value, (f.period_start, f.period_end))
             for f in extract_document(doc)}
    assert {("participants", "all", 31, YEAR), ("participants", "all", 27, LAST_YEAR),
            ("participants", "women", 18, YEAR), ("participants", "women", 15, LAST_YEAR),
            ("participants", "men", 13, YEAR), ("participants_ended", "all", 12, YEAR),
            ("participants_ended", "all", 9, LAST_YEAR)} <= found
    assert ("participants_ended", "all", 9, YEAR) not in found


def test_an_evaluation_states_its_period_in_its_opening_sentence():
    doc = normalise("utvardering.txt", EVALUATION)
    assert document_period(doc) == (date(2022, 1, 1), date(2024, 4, 30))
    found = {(f.insats, f.value, f.period_start) for f in extract_document(doc)}
    assert {("Lotsen", 88, date(2022, 1, 1)), ("Kompassen", 51, date(2022, 1, 1))} <= found


def test_insatser_named_in_bold_inside_running_text():
    doc = normalise("vb.md", BOLD_IN_TEXT)
    assert [s.name for s in find_sections(doc)] == ["Arbetsbron", "Hälsosteget", "Språkvägen"]
    found = {(f.insats, f.metric, f.value) for f in extract_document(doc)}
    assert {("Arbetsbron", "participants", 40), ("Arbetsbron", "participants_new", 12),
            ("Hälsosteget", "participants", 22), ("Språkvägen", "participants", 14)} <= found
    assert ("Språkvägen", "ended_continued_rehab", 14) not in found


def test_a_form_inside_a_report_and_a_name_ending_in_a_digit():
    doc = normalise("delar.txt", FORM_INSIDE)
    assert [s.name for s in find_sections(doc)] == ["Jobbstegen", "Resursteamet", "Steg 2"]
    found = {(f.insats, f.metric, f.value) for f in extract_document(doc)}
    assert {("Resursteamet", "participants", 21), ("Steg 2", "participants", 11)} <= found


def test_a_table_of_paragraph_cells_with_an_insats_per_column():
    assert {("ended_work", "all", 4), ("ended_work", "all", 2), ("ended_studies", "all", 1),
            ("ended_studies", "all", 3)} <= figures(PARAGRAPH_CELLS, ("Bryggan", "Lotsen"))
