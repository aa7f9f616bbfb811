"""Numbered paragraphs that open with the insats name ('1) Vägen ut. …'), key figures with
dot leaders, a 'K: 15, M: 10' line, a fact stated in prose and again in a table, groups of
participants that are not all of them, and a closing summary for the whole förbund. Written
for this test; the expected figures are what a careful reader records."""

from pathlib import Path

from pipelines.reports.extract import extract_document
from pipelines.reports.readers import read_document

FIXTURE = Path(__file__).parents[2] / "fixtures" / "reports" / "numbered_paragraphs_dot_leaders.txt"

EXPECTED = {
    ("Vägen ut", "participants", "all", 36),
    ("Vägen ut", "participants", "women", 20),
    ("Vägen ut", "participants", "men", 16),
    ("Vägen ut", "participants_ended", "all", 12),
    ("Starta om", "participants", "all", 18),
    ("Starta om", "participants", "women", 7),
    ("Starta om", "participants", "men", 11),
    ("Starta om", "participants_new", "all", 9),
    ("Starta om", "ended_work", "all", 2),
    ("Starta om", "participants_ongoing", "all", 12),
    ("Balans", "participants", "all", 25),
    ("Balans", "participants", "women", 15),
    ("Balans", "participants", "men", 10),
    ("Balans", "participants", "all", 61),
}


def _figures() -> list[tuple[str, str, str, float]]:
    return [(f.insats, f.metric, f.sex, f.value)
            for f in extract_document(read_document(FIXTURE))]


def test_each_numbered_paragraph_is_a_section_with_its_figures():
    found = _figures()
    assert set(found) >= EXPECTED, sorted(EXPECTED - set(found))


def test_no_page_numbers_groups_or_forbund_totals_and_each_fact_once():
    found = _figures()
    values = {value for _, _, _, value in found}
    assert not values & {3, 6, 14, 23, 79}  # pages, groups of participants, the förbund total
    assert found.count(("Balans", "participants", "all", 25)) == 1  # prose and table: one fact
