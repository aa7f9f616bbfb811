"""A contents list without page numbers, tables that break one insats down by kommun, slides
of short bullets, a whole-year column beside the quarters, key figures aligned with spaces,
and counts written 'K/M/totalt'. Written for these tests in my own words."""

from datetime import date

from pipelines.reports.extract import extract_document
from pipelines.reports.sections import find_sections
from pipelines.reports.text import normalise

from .helpers import figures

CONTENTS = """Samordningsförbundet Norrvik
ÅRSRAPPORT 2024

Innehåll
1 Förbundet i korthet
2 Våra insatser
2.1 Trampolinen
2.2 Stegvis
3 Ekonomi

1 FÖRBUNDET I KORTHET

Förbundet har fyra parter och ett kansli på 1,5 tjänster.

2.1 Trampolinen

Under 2024 deltog 31 personer i Trampolinen, varav 12 nya.

2.2 Stegvis

Stegvis hade 18 deltagare under året och 7 avslutade.

3 EKONOMI

Budgeten var 3 100 000 kr.
"""

BY_KOMMUN = """2 Lotsen

Lotsen – deltagare per kommun 2024
Kommun\tDeltagare\tKvinnor\tMän\tAvslutade
Åby\t12\t7\t5\t4
Bro\t9\t4\t5\t3
Totalt\t21\t11\t10\t7

Avslutade efter orsak och kommun
Avslutsorsak\tÅby\tBro\tTotalt
Arbete\t2\t1\t3
Studier\t1\t0\t1

I Åby har man arbetat tätt med Åby kommuns vuxenutbildning, och Bro har fått en ny lokal.
"""

SLIDES = """Styrelsemöte 12 mars 2025

Dagordning
• Ekonomin
• Arbetslivsteamet (ALT)
• Ung kraft

Arbetslivsteamet – om insatsen
• Startade hösten 2023
• 16 platser

ALT – deltagare 2024
• 23 deltagare (14 K, 9 M)
• 8 nya sedan januari
• Avslutade: 9
   – arbete 3
   – studier 2
   – flytt 1

Ung kraft
• 19 deltagare – 11 kvinnor, 8 män
• Kö: 3 personer väntar på inskrivning
"""

QUARTERS = """Kvartalsrapport 4 2024

1 Jobbvägen

Deltagare per kvartal
Jobbvägen                      K1    K2    K3    K4    Helår
Aktuella deltagare             12    14    15    13       21
Avslutade                       1     2     3     2        8
"""

KEY_FIGURES = """Nyckeltal januari–juni 2025

Inskrivna deltagare                       44
   varav kvinnor                          26
   varav män                              18
Nyinskrivna                               15
Antal besök                            1 120
"""


def test_a_contents_list_without_page_numbers_opens_no_sections():
    doc = normalise("norrvik.txt", CONTENTS)
    assert [s.name for s in find_sections(doc)] == ["Trampolinen", "Stegvis"]
    found = {(f.insats, f.metric, f.value) for f in extract_document(doc)}
    assert {("Trampolinen", "participants", 31), ("Trampolinen", "participants_new", 12),
            ("Stegvis", "participants", 18), ("Stegvis", "participants_ended", 7)} <= found


def test_a_table_by_kommun_gives_only_its_totals_to_the_insats():
    found = figures(BY_KOMMUN)
    assert {("participants", "all", 21), ("participants", "women", 11),
            ("participants", "men", 10), ("participants_ended", "all", 7),
            ("ended_work", "all", 3), ("ended_studies", "all", 1)} <= found
    assert not {("participants", "all", 12), ("participants", "all", 9),
                ("ended_work", "all", 2), ("ended_work", "all", 1)} & found
    doc = normalise("lotsen.txt", BY_KOMMUN)
    assert {f.insats for f in extract_document(doc)} == {"Lotsen"}


def test_slides_of_bullets_and_an_agenda_with_a_short_form():
    doc = normalise("styrelse.txt", SLIDES)
    names = [s.name for s in find_sections(doc)]
    assert "Ekonomin" not in names and "Ung kraft" in names
    found = {(f.metric, f.sex, f.value) for f in extract_document(doc)}
    assert {("places", "all", 16), ("participants", "all", 23), ("participants", "women", 14),
            ("participants", "men", 9), ("participants_new", "all", 8),
            ("participants_ended", "all", 9), ("ended_work", "all", 3),
            ("ended_studies", "all", 2), ("ended_moved", "all", 1),
            ("participants", "all", 19), ("participants", "women", 11),
            ("participants", "men", 8)} <= found
    assert ("participants", "all", 3) not in found  # people waiting are not participants
    alt = {(f.metric, f.value) for f in extract_document(doc) if "ALT" in f.insats
           or "Arbetslivsteamet" in f.insats}
    assert {("places", 16), ("participants", 23)} <= alt


def test_a_whole_year_column_beside_the_quarters():
    doc = normalise("kv4.txt", QUARTERS)
    found = {(f.metric, f.value, f.period_start, f.period_end) for f in extract_document(doc)}
    assert ("participants", 21, date(2024, 1, 1), date(2024, 12, 31)) in found
    assert ("participants_ended", 8, date(2024, 1, 1), date(2024, 12, 31)) in found
    assert ("participants", 13, date(2024, 10, 1), date(2024, 12, 31)) in found


def test_key_figures_aligned_with_spaces_and_indented_parts():
    assert {("participants", "all", 44), ("participants", "women", 26),
            ("participants", "men", 18), ("participants_new", "all", 15)} <= figures(KEY_FIGURES)


def test_counts_written_in_the_order_a_label_gives():
    assert figures("7. Antal deltagare (K/M/totalt): 9/6/15") == {
        ("participants", "women", 9), ("participants", "men", 6), ("participants", "all", 15)}
    assert figures("Avslutade (kvinnor/män/totalt): 3/2/5") == {
        ("participants_ended", "women", 3), ("participants_ended", "men", 2),
        ("participants_ended", "all", 5)}


def test_long_sentences_with_number_words():
    text = ("Stödet har under året omfattat tjugoen deltagare, av vilka tolv var kvinnor och nio "
            "män. Nytillkomna under året var åtta personer, medan sju avslutade sin medverkan. "
            "Lotsarna har mött fjorton unga.")
    assert {("participants", "all", 21), ("participants", "women", 12),
            ("participants", "men", 9), ("participants_new", "all", 8),
            ("participants_ended", "all", 7), ("participants", "all", 14)} <= figures(text)
    assert ("participants_ended", "all", 5) not in figures(
        "Av fem avslutade gick två till arbete.")


def test_an_abbreviation_inside_a_label():
    text = "Orsak till avslut:\n   a. Arbete (inkl. lönestöd): 4\n   b. Studier: 2\n"
    assert {("ended_work", "all", 4), ("ended_studies", "all", 2)} <= figures(text)
