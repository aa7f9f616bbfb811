"""Reports of small förbund (headings with their paragraph right under them, a spreadsheet
export in long form, a dateline at the end) and of large ones (chapters by target group with
the insatser headed under them, a project's own parts). Written for these tests in my own
words."""

from pipelines.reports.extract import extract_document
from pipelines.reports.sections import find_sections
from pipelines.reports.text import normalise

from .helpers import figures

TIGHT = """VERKSAMHETSBERÄTTELSE 2024
Samordningsförbundet Lillån

Förbundet i korthet
Förbundet har fyra medlemmar och en förbundschef på halvtid som också skriver
det här. Styrelsen har haft fem möten.

Vägvisaren
Vår största insats. Under året deltog 22 personer i Vägvisaren, 12 kvinnor och
10 män. Sju avslutade under året.

Nystart
En mindre insats med en coach på deltid. Under året deltog 9 personer i Nystart
och tre av dem har avslutat.

Lillån i mars 2025
Karin Ek, förbundschef
"""

LONG_SHEET = """# Export från arbetsboken Uppföljning 2024
Insats;Uppgift;Kv1;Kv2;Helår 2024;Kommentar
Vägvisaren;Inskrivna;12;14;20;
;  varav kvinnor;7;8;11;
;Avslutade;2;3;6;
Nystart;Inskrivna;5;6;8;ny i mars
;Avslutade;1;;2;
;;;;;
# Slut
"""

CHAPTERS = """# Innehåll
1 Unga vuxna\t3
2 Psykisk ohälsa\t5
3 Ekonomi\t8

# 1 UNGA VUXNA
Förbundet satsar på unga vuxna.

## Ung Start
Under året deltog 30 personer i Ung Start.

## Vägen Ut
Under året deltog 12 personer i Vägen Ut.

# 2 PSYKISK OHÄLSA

## IPS Lillån
Under året deltog 40 personer i IPS Lillån.

## Må Bra
Under året deltog 15 personer i Må Bra.

# 3 EKONOMI
Budgeten var 4 000 000 kr.
"""

SUB_PROJECTS = """SLUTRAPPORT

Projekt Brobygget
Projektperiod 2022-01-01 – 2024-12-31

1. Sammanfattning
Under projekttiden deltog totalt 140 personer i Brobygget.

2. Delprojekten

2.1 Delprojekt A – Kartläggning
I delprojekt A deltog 80 personer under projekttiden.

2.2 Delprojekt B – Praktik
I delprojekt B deltog 60 personer under projekttiden.
"""


def test_headings_with_their_paragraph_right_under_them():
    doc = normalise("vb.txt", TIGHT)
    assert [s.name for s in find_sections(doc)] == ["Vägvisaren", "Nystart"]
    found = {(f.insats, f.metric, f.sex, f.value) for f in extract_document(doc)}
    assert {("Vägvisaren", "participants", "all", 22), ("Vägvisaren", "participants", "men", 10),
            ("Nystart", "participants", "all", 9)} <= found


def test_a_spreadsheet_saved_in_long_form_one_block_per_insats():
    found = {(f.insats, f.metric, f.sex, f.value)
             for f in extract_document(normalise("export.txt", LONG_SHEET))}
    assert {("Vägvisaren", "participants", "all", 20), ("Vägvisaren", "participants", "women", 11),
            ("Vägvisaren", "participants_ended", "all", 6), ("Nystart", "participants", "all", 8),
            ("Nystart", "participants_ended", "all", 2)} <= found
    # Nystart's count is not Vägvisaren's: each block is its own insats
    assert ("Vägvisaren", "participants", "all", 8) not in found


def test_chapters_by_target_group_hold_the_insatser():
    names = [s.name for s in find_sections(normalise("vb.txt", CHAPTERS))]
    assert names == ["Ung Start", "Vägen Ut", "IPS Lillån", "Må Bra"]


def test_a_project_reports_its_own_parts_as_insatser():
    found = {(f.insats, f.value) for f in extract_document(normalise("slut.txt", SUB_PROJECTS))}
    assert {("Brobygget", 140), ("Delprojekt A – Kartläggning", 80),
            ("Delprojekt B – Praktik", 60)} <= found


def test_columns_of_counts_are_no_insats_names():
    text = ("# Förbundet\n\nNya deltagare har skrivits in. Platser finns. Inskrivna får stöd.\n\n"
            "Insats\tPlatser\tInskrivna\tNya\nLyftet\t12\t18\t9\nSteget\t8\t9\t6\n")
    assert {("places", "all", 12), ("participants", "all", 18),
            ("participants_new", "all", 6)} <= figures(text)
