"""Insatser reported in appendices as numbered forms, a report of numbered tables whose
captions say what they count, a final report naming its project under the kind, and table
rows of paragraph cells. Written for these tests in my own words."""

from datetime import date

from pipelines.reports.extract import extract_document
from pipelines.reports.report_periods import document_period
from pipelines.reports.sections import find_sections
from pipelines.reports.text import normalise

APPENDICES = """ÅRSREDOVISNING 2024
Samordningsförbundet Norrlid

INNEHÅLL
1 Om förbundet\t3
2 Ekonomi\t5
Bilaga 1 Vägen ut\t8
Bilaga 2 Kraftsamling\t9

1 OM FÖRBUNDET

Förbundet har fyra medlemmar.

BILAGA 1 VÄGEN UT

1. Antal deltagare under året: 44
2. Avslutade under året: 12
3. Andel avslutade till arbete eller studier: 42 %

BILAGA 2 KRAFTSAMLING

1. Antal deltagare under året: 19
2. Avslutade under året: 5
"""

TABLES = """Rapport 2025:1

Tabellrapport för verksamhetsåret 2024

Innehåll
1 Resultat per insats ........ 2
2 Slutsatser ................. 6

Tabellförteckning
Tabell 1. Nya deltagare per insats och kvartal ........ 2
Tabell 2. Pågående deltagare vid årets slut ........... 3
Tabell 3. Andel till arbete eller studier samt mål ..... 3
Tabell 4. Platser och beläggning ...................... 4

1 RESULTAT PER INSATS

Tabell 1. Nya deltagare per insats och kvartal, 2024

Insats\tKv 1\tKv 2\tKv 3\tKv 4\tHelår
Lyftet\t3\t4\t2\t5\t14
Ankaret\t1\t2\t2\t1\t6

Tabell 2. Pågående deltagare vid årets slut, efter kön

Insats\tKvinnor\tMän\tTotalt
Lyftet\t9\t7\t16
Ankaret\t4\t5\t9

Tabell 3. Andel till arbete eller studier samt mål, 2024 (procent)

Insats\tUtfall 2024\tMål
Lyftet\t41\t35
Ankaret\t22\t30

Tabell 4. Platser och beläggning, 2024

Insats\tPlatser\tBeläggning (%)
Lyftet\t20\t85
Ankaret\t12\t64

Tabell 5. Genomsnittlig tid i insatsen bland avslutade, 2024 (månader)

Insats\tMånader
Lyftet\t8,5
Ankaret\t6,0
"""

PROJECT = """SLUTRAPPORT
Projekt Trappan – stöd till arbete för unga vuxna

Projektperiod: 2022-01-01 – 2024-06-30

Sammanfattning
Totalt 58 personer har deltagit i Trappan under projekttiden.
"""

PARAGRAPH_ROWS = """UPPFÖLJNING

Lotsen

<table>
<tr><p>Lotsen</p><p>Jan–jun 2025</p><p>Helår 2024</p></tr>
<tr><p>Inskrivna deltagare</p><p>27</p><p>40</p></tr>
<tr><p>Avslutade</p><p>9</p><p>15</p></tr>
</table>
"""


def test_insatser_in_appendices_with_numbered_fields():
    doc = normalise("arsredovisning.txt", APPENDICES)
    assert [s.name.lower() for s in find_sections(doc)] == ["vägen ut", "kraftsamling"]
    found = {(f.insats.lower(), f.metric, f.value) for f in extract_document(doc)}
    assert {("vägen ut", "participants", 44), ("vägen ut", "participants_ended", 12),
            ("vägen ut", "share_work_or_studies_pct", 42), ("kraftsamling", "participants", 19),
            ("kraftsamling", "participants_ended", 5)} <= found


def test_numbered_tables_whose_captions_say_what_they_count():
    doc = normalise("tabellrapport.txt", TABLES)
    assert document_period(doc) == (date(2024, 1, 1), date(2024, 12, 31))  # not "2025:1"
    found = {(f.insats, f.metric, f.sex, f.value) for f in extract_document(doc)}
    assert {("Lyftet", "participants_new", "all", 3), ("Lyftet", "participants_new", "all", 14),
            ("Ankaret", "participants_new", "all", 6),
            ("Lyftet", "participants_ongoing", "women", 9),
            ("Ankaret", "participants_ongoing", "all", 9),
            ("Lyftet", "share_work_or_studies_pct", "all", 41),
            ("Lyftet", "goal_work_or_studies_pct", "all", 35),
            ("Ankaret", "places", "all", 12),
            ("Lyftet", "avg_months_in_insats", "all", 8.5)} <= found
    assert not {("Lyftet", "places", "all", 85), ("Lyftet", "goal_work_or_studies_pct", "all", 41),
                ("Lyftet", "participants", "all", 16)} & found


def test_a_final_report_names_its_project_under_the_kind():
    doc = normalise("slutrapport.txt", PROJECT)
    assert [s.name for s in find_sections(doc)] == ["Trappan"]
    assert {(f.insats, f.value) for f in extract_document(doc)} == {("Trappan", 58)}


def test_table_rows_of_paragraph_cells():
    found = {(f.metric, f.value, f.period_start) for f in
             extract_document(normalise("uppfoljning.txt", PARAGRAPH_ROWS))}
    assert {("participants", 27, date(2025, 1, 1)), ("participants", 40, date(2024, 1, 1)),
            ("participants_ended", 9, date(2025, 1, 1))} <= found


MEMO = """Samordningsförbundet Åsby
Delårsrapport januari–juni 2025

Kort om halvåret

Vi har haft en lugn vår med stabilt inflöde till insatserna.

Insatserna

Stigen är förbundets största insats och drivs av kommunen. Under perioden har 26 personer
varit inskrivna i Stigen, varav 8 nya.

Nystart i Åsby vänder sig till unga vuxna. Nystart har haft 12 deltagare under våren och
fyra har avslutats.

Framåt

Till hösten planerar vi en workshop om Stigen och Nystart.
"""


def test_a_memo_names_its_insatser_only_as_the_first_words_of_paragraphs():
    doc = normalise("memo.txt", MEMO)
    assert [s.name for s in find_sections(doc)] == ["Stigen", "Nystart"]
    found = {(f.insats, f.metric, f.value) for f in extract_document(doc)}
    assert {("Stigen", "participants", 26), ("Stigen", "participants_new", 8),
            ("Nystart", "participants", 12), ("Nystart", "participants_ended", 4)} <= found


FACT_BOXES = """VERKSAMHETSBERÄTTELSE 2024

INSATSERNA I KORTHET

Lyftet
Huvudman: Åsby kommun
Syfte: Arbetsträning i egen verkstad.
Lyftet har 15 platser och hade 22 deltagare under året.

Ankaret
Huvudman: Region Mittland
Ankaret hade 11 deltagare under året.

Tabell 1. Deltagare per insats, 2024
\tLyftet\tAnkaret\tTotalt
Avslutade under året\t9\t4\t13
"""

PARAGRAPH_LINE = """Lyftet

Resultat 2024

<p>Deltagare</p><p>Kvinnor</p><p>Män</p><p>Totalt</p>
<p>Aktuella under året</p><p>12</p><p>10</p><p>22</p>
"""


def test_names_over_boxes_of_facts_and_a_table_with_their_columns():
    doc = normalise("vb.txt", FACT_BOXES)
    assert [s.name for s in find_sections(doc)] == ["Lyftet", "Ankaret"]
    found = {(f.insats, f.metric, f.value) for f in extract_document(doc)}
    assert {("Lyftet", "places", 15), ("Lyftet", "participants", 22),
            ("Ankaret", "participants", 11), ("Lyftet", "participants_ended", 9),
            ("Ankaret", "participants_ended", 4)} <= found


def test_a_line_of_paragraph_cells_is_a_table_row():
    found = {(f.metric, f.sex, f.value) for f in
             extract_document(normalise("vb.txt", PARAGRAPH_LINE))}
    assert {("participants", "women", 12), ("participants", "men", 10),
            ("participants", "all", 22)} <= found
