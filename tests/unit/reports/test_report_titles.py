"""What a report's title block says and does not say: whom a report is for is no insats,
and a period the report compares with is not the period it covers. Written for these tests
in my own words."""

from datetime import date

from pipelines.reports.report_periods import document_period
from pipelines.reports.sections import find_sections
from pipelines.reports.text import normalise

ADDRESSED = """Samordningsförbundet Västerkulla

LÄGESRAPPORT TILL STYRELSEN
Januari–juni 2025

1. LÄGET I KORTHET

Förbundet har tre insatser i gång.

2. STEGET

Steget har haft 19 deltagare under perioden.

3. BALANSEN

Balansen har haft 12 deltagare under perioden.
"""

COMPARED = """Samordningsförbundet Västerkulla
ÅRSRAPPORT 2024
med jämförelse mot delårsrapporten (januari–augusti 2024)

1. INLEDNING

Rapporten redovisar helåret. Där det går har vi också tagit med siffrorna för
januari–augusti, så att utvecklingen under hösten syns.

2. STEGET

Nyckeltal\tJan–aug 2024\tHelår 2024
Deltagare\t21\t30
"""


def test_a_report_addressed_to_the_board_names_no_insats_in_its_title():
    names = [s.name for s in find_sections(normalise("vasterkulla.txt", ADDRESSED))]
    assert names == ["STEGET", "BALANSEN"]


def test_the_period_a_title_compares_with_is_not_the_reports_own():
    doc = normalise("vasterkulla_2024.txt", COMPARED)
    assert document_period(doc) == (date(2024, 1, 1), date(2024, 12, 31))


def test_a_numbered_chapter_in_capitals_ends_the_title_block():
    # the months in the introduction's paragraph are no part of the title
    text = COMPARED.replace("med jämförelse mot delårsrapporten (januari–augusti 2024)\n", "")
    assert document_period(normalise("v.txt", text)) == (date(2024, 1, 1), date(2024, 12, 31))
