"""A board memo (tjänsteskrivelse) with plain headings, lettered chapters ('B1. Namn'), lists
under a lead-in, an earlier year for comparison, K/M letters and a money table. Written for
this test; the expected figures are what a careful reader records."""

from datetime import date
from pathlib import Path

from pipelines.reports.extract import extract_document
from pipelines.reports.readers import read_document
from pipelines.reports.sections import find_sections

FIXTURE = Path(__file__).parents[2] / "fixtures" / "reports" / "tjansteskrivelse_lettered.txt"
YEAR_TO_SEPTEMBER = (date(2025, 1, 1), date(2025, 9, 30))

EXPECTED = {
    ("Jobbslussen", "participants", "all", 40, YEAR_TO_SEPTEMBER),
    ("Jobbslussen", "participants", "women", 22, YEAR_TO_SEPTEMBER),
    ("Jobbslussen", "participants", "men", 18, YEAR_TO_SEPTEMBER),
    ("Jobbslussen", "participants_new", "all", 9, YEAR_TO_SEPTEMBER),
    ("Jobbslussen", "participants_ended", "all", 12, YEAR_TO_SEPTEMBER),
    ("Jobbslussen", "participants_ongoing", "all", 28, YEAR_TO_SEPTEMBER),
    ("Vägvisarna", "participants", "all", 17, YEAR_TO_SEPTEMBER),
    ("Vägvisarna", "participants", "women", 10, YEAR_TO_SEPTEMBER),
    ("Vägvisarna", "participants", "men", 7, YEAR_TO_SEPTEMBER),
    ("Vägvisarna", "participants_new", "all", 6, YEAR_TO_SEPTEMBER),
    ("Vägvisarna", "participants_ended", "all", 5, YEAR_TO_SEPTEMBER),
    ("Vägvisarna", "ended_work", "all", 2, YEAR_TO_SEPTEMBER),
    ("Vägvisarna", "ended_continued_rehab", "all", 3, YEAR_TO_SEPTEMBER),
    ("Vägvisarna", "participants", "all", 21, (date(2024, 1, 1), date(2024, 12, 31))),
    ("Hälsospåret", "participants", "all", 26, YEAR_TO_SEPTEMBER),
    ("Hälsospåret", "participants", "women", 15, YEAR_TO_SEPTEMBER),
    ("Hälsospåret", "participants", "men", 11, YEAR_TO_SEPTEMBER),
    ("Hälsospåret", "participants_new", "all", 8, YEAR_TO_SEPTEMBER),
    ("Hälsospåret", "places", "all", 20, YEAR_TO_SEPTEMBER),
}


def test_memo_sections_are_the_insatser_named_elsewhere_without_their_lettering():
    names = [s.name for s in find_sections(read_document(FIXTURE))]
    assert {"Jobbslussen", "Vägvisarna", "Hälsospåret"} <= set(names)
    assert not {"Till styrelsen", "Ärendebeskrivning", "Konsekvenser för jämställdhet"} \
        & set(names)
    assert not any(name.startswith(("B1", "B2", "A1")) for name in names)


def test_memo_figures_and_their_periods():
    found = {(f.insats, f.metric, f.sex, f.value, (f.period_start, f.period_end))
             for f in extract_document(read_document(FIXTURE))}
    assert found >= EXPECTED, sorted(EXPECTED - found)
    # The money table and the staff of the shared activity are no participant figures.
    assert not {f for f in found if f[3] in (1310, 702, 488, 140)}


def test_an_email_about_one_insats_names_it_in_the_subject():
    from pipelines.reports.text import normalise

    text = ("Från: Eva Berg <eva@example.se>\nSkickat: den 3 oktober 2024\n"
            "Ämne: SV: Lägesrapport Steg vidare inför styrelsemötet 17/10\n\nHej!\n\n"
            "KORT OM LÄGET\n\nUnder juli–september har vi haft 21 deltagare.\n\n"
            "NÅGRA TANKAR\n\nVi har haft 4 studiebesök.\n")
    names = {s.name for s in find_sections(normalise("mejl.txt", text))}
    assert names == {"Steg vidare"}
