"""A web page saved as text (menu, cookie notice, headlines that open with the insats) and a
letter that names its insatser only inside paragraphs, in quotes or bold. Written for these
tests; the expected figures are what a careful reader records."""

from datetime import date
from pathlib import Path

from pipelines.reports.extract import extract_document
from pipelines.reports.readers import read_document
from pipelines.reports.sections import find_sections
from tests.unit.reports.helpers import figures

FIXTURES = Path(__file__).parents[2] / "fixtures" / "reports"
YEAR_2024 = (date(2024, 1, 1), date(2024, 12, 31))


def _found(name: str) -> set[tuple]:
    return {(f.insats, f.metric, f.sex, f.value, (f.period_start, f.period_end))
            for f in extract_document(read_document(FIXTURES / name))}


def test_a_web_page_has_the_insatser_of_its_menu_and_the_year_of_its_headline():
    sections = find_sections(read_document(FIXTURES / "webbsida.txt"))
    assert [s.name for s in sections] == ["Jobbvägen", "Unga framåt", "Friskvägen"]
    assert {s.period for s in sections} == {YEAR_2024}
    found = _found("webbsida.txt")
    assert found >= {
        ("Jobbvägen", "participants", "all", 44, YEAR_2024),
        ("Jobbvägen", "participants", "women", 20, YEAR_2024),
        ("Jobbvägen", "ended_work", "all", 7, YEAR_2024),
        ("Jobbvägen", "participants_ongoing", "all", 26, YEAR_2024),
        ("Unga framåt", "participants", "all", 31, YEAR_2024),
        ("Unga framåt", "participants_new", "all", 14, YEAR_2024),
        ("Friskvägen", "participants", "all", 22, YEAR_2024),
    }
    assert not {f for f in found if f[0] not in ("Jobbvägen", "Unga framåt", "Friskvägen")}


def test_a_letter_naming_its_insatser_in_quotes_and_bold():
    sections = find_sections(read_document(FIXTURES / "brev_citerade.txt"))
    assert {s.name for s in sections} == {"Trappsteget", "Hemmaplan"}
    found = _found("brev_citerade.txt")
    assert found >= {
        ("Trappsteget", "participants", "all", 29, YEAR_2024),
        ("Trappsteget", "participants", "men", 12, YEAR_2024),
        ("Trappsteget", "participants_ended", "all", 11, YEAR_2024),
        ("Trappsteget", "ended_work", "all", 4, YEAR_2024),
        ("Hemmaplan", "participants", "all", 14, YEAR_2024),
        ("Hemmaplan", "participants_ended", "all", 6, YEAR_2024),
    }
    assert ("Trappsteget", "participants", "all", 14, YEAR_2024) not in found


def test_a_header_cell_wrapped_in_a_pdf_is_one_cell():
    text = ("Insats            Deltagare   Avslutade   Till arbete/\n"
            "                                          studier\n"
            "Kompassen         30          12          5\n")
    assert ("ended_work_or_studies", "all", 5) in figures(text, ("Kompassen",))


def test_form_answers_in_the_order_the_question_gives():
    text = ("5. Antal deltagare (totalt / kvinnor / män)\n33 / 19 / 14\n"
            "6. Budgeterade platser\n20 platser\n"
            "7. Mål för andel till arbete eller studier (%)\n40\n")
    assert figures(text) >= {("participants", "all", 33), ("participants", "women", 19),
                             ("participants", "men", 14), ("places", "all", 20),
                             ("goal_work_or_studies_pct", "all", 40)}
    assert ("ended_work_or_studies", "all", 40) not in figures(text)


def test_a_total_with_lettered_sexes_after_a_question():
    text = "3. Antal deltagare under perioden\nTotalt 25, K: 18, M: 7\n"
    assert figures(text) >= {("participants", "all", 25), ("participants", "women", 18),
                             ("participants", "men", 7)}


def test_outcome_columns_of_a_table_of_insatser_are_no_insatser():
    text = ("Kolumnerna \"Till arbete\" och \"Till studier\" avser läget direkt efter avslut."
            " Till arbete räknas även lönestöd; Till studier räknas från första kursdagen.\n\n"
            "Insats\tDeltagare\tAvslutade\tTill arbete\tTill studier\n"
            "Kompassen\t30\t12\t5\t2\n"
            "Bryggan\t22\t9\t3\t1\n")
    found = figures(text, ("Kompassen", "Bryggan"))
    assert {("participants", "all", 30), ("ended_work", "all", 5), ("ended_studies", "all", 1),
            ("participants_ended", "all", 9)} <= found
