"""A final report on one project with parts named after it ('Brobygget Norr', 'Brobygget
Syd'), converted from PDF: paragraphs wrapped over lines, a table over the parts without a
first header, rough counts and thousands with a space. Written for these tests in my own
words."""

from pipelines.reports.extract import extract_document
from pipelines.reports.sections import find_sections
from pipelines.reports.text import normalise

from .helpers import figures

FINAL_REPORT = """SLUTRAPPORT

Projekt Brobygget
Projektperiod: 2022-01-01 – 2024-12-31
Projektägare: Samordningsförbundet Ödmarken

INNEHÅLL
1. Bakgrund ........................................ 2
2. Genomförande .................................... 3
   2.1 Brobygget Norr .............................. 3
   2.2 Brobygget Syd ............................... 4
3. Resultat för projektet som helhet ............... 5

SAMMANFATTNING

Projektet har haft två delar, Brobygget Norr i Lillby och Brobygget Syd
i Storby. Under projekttiden har 96 deltagare tagit del av Brobygget,
51 kvinnor och 45 män.

1. BAKGRUND

En kartläggning visade att cirka 1 200 personer i de båda kommunerna
hade haft försörjningsstöd i mer än ett år.

2. GENOMFÖRANDE

Tabell 1. Nya deltagare per år och del

                    2022    2023    2024
Brobygget Norr         9      14      17
Brobygget Syd         11      16      12

2.1 Brobygget Norr

Resultat
I Brobygget Norr har 40 deltagare medverkat, varav 22 kvinnor och 18 män.

2.2 Brobygget Syd

Resultat
I Brobygget Syd har 39 deltagare medverkat, 21 kvinnor och 18 män.

3. RESULTAT FÖR PROJEKTET SOM HELHET

Av de avslutade har 33 personer gått vidare till arbete.
"""


def _found() -> set[tuple[str, str, str, str, float]]:
    doc = normalise("brobygget.txt", FINAL_REPORT)
    return {(f.insats, f.period_start.isoformat(), f.metric, f.sex, f.value)
            for f in extract_document(doc)}


def test_parts_named_after_the_project_are_sections_and_a_higher_chapter_returns():
    doc = normalise("brobygget.txt", FINAL_REPORT)
    names = [s.name for s in find_sections(doc)]
    assert names == ["Brobygget", "Brobygget Norr", "Brobygget Syd", "Brobygget"]


def test_each_part_and_the_whole_project_keep_their_own_figures():
    found = {(insats, metric, sex, value) for insats, _, metric, sex, value in _found()}
    assert {("Brobygget Norr", "participants", "all", 40),
            ("Brobygget Norr", "participants", "women", 22),
            ("Brobygget Syd", "participants", "men", 18),
            ("Brobygget", "ended_work", "all", 33)} <= found


def test_a_wrapped_paragraph_belongs_to_its_first_line_not_to_a_name_that_opens_a_line():
    text = ("Samordningsförbundet Ödmarken\nVerksamhetsberättelse 2024\n\n## Vägen ut\n\n"
            "Många deltagare har fått stöd både av oss och av teamet i\n"
            "Lotsen. Under året har 17 deltagare varit inskrivna i\ninsatsen.\n\n"
            "## Lotsen\n\nUnder året har 12 deltagare varit inskrivna.\n")
    found = {(f.insats, f.metric, f.value)
             for f in extract_document(normalise("odmarken.txt", text))}
    assert ("Vägen ut", "participants", 17) in found
    assert ("Lotsen", "participants", 17) not in found


def test_rows_named_as_the_parts_under_a_caption_count_what_the_caption_names_per_year():
    found = _found()
    assert ("Brobygget Norr", "2023-01-01", "participants_new", "all", 14) in found
    assert ("Brobygget Syd", "2024-01-01", "participants_new", "all", 12) in found
    assert not {row for row in found if row[2].startswith("ended_") and row[4] in (9, 11)}


def test_rough_counts_and_thousands_are_no_figures():
    assert figures("En kartläggning visade att cirka 1 200 personer hade försörjningsstöd.\n"
                   ) == set()
    assert figures("Under året har ungefär 30 deltagare tagit del av insatsen.\n") == set()
    assert ("avg_months_in_insats", "all", 8) in figures(
        "Snittiden i insatsen var ca 8 månader.\n")


def test_numbering_of_a_contents_list_is_no_part_of_a_name():
    text = ("Samordningsförbundet Ödmarken\nVerksamhetsberättelse 2024\n\nInnehåll\n"
            "1. Förbundet i korthet ........... 2\n2. Insatser ........... 3\n"
            "2.1 Steg vidare .............. 3\n2.2 Lotsen ........... 4\n"
            "3. Ekonomi ........... 5\n\n## 1. Förbundet i korthet\n\nFörbundet har fyra "
            "medlemmar.\n\n## 2. Insatser\n\n## 2.1 Steg vidare\n\nUnder året har 17 "
            "deltagare varit inskrivna.\n\n## 2.2 Lotsen\n\nUnder året har 12 deltagare "
            "varit inskrivna.\n\n## 3. Ekonomi\n\nUtfallet blev 2 100 000 kr.\n")
    names = {s.name for s in find_sections(normalise("odmarken.txt", text))}
    assert names == {"Steg vidare", "Lotsen"}
