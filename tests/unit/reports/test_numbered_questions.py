"""Follow-up forms whose numbered questions carry their answers on the same line without a
colon, or in a table of number, question and answer cells. Written for these tests in my
own words."""

from pipelines.reports.extract import extract_document
from pipelines.reports.text import normalise

from .helpers import figures


def test_a_numbered_question_with_its_answer_after_it_on_the_line():
    text = ("4. Antal nya deltagare under perioden 19\n"
            "5. Antal avslutade deltagare under perioden 17\n"
            "9. Insatsens mål för andel till arbete eller studier 40 %\n"
            "11. Genomsnittlig tid i insatsen (månader) 9,5\n")
    assert figures(text) == {("participants_new", "all", 19), ("participants_ended", "all", 17),
                             ("goal_work_or_studies_pct", "all", 40),
                             ("avg_months_in_insats", "all", 9.5)}


def test_contents_entries_and_titles_with_a_year_are_no_answers():
    text = ("Innehåll\n4. Resultat 12\n4.1 Deltagare 12\n4.2 Utfall vid avslut 14\n\n"
            "Bilagor\n4. Årsrapport Jobbstart Norrlid 2024\n")
    assert figures(text) == set()


FORM_TABLE = """Samordningsförbundet Lövsta
Uppföljning 2024

# Blankett – Trappsteget

Nr\tFråga\tSvar
1\tInsatsens namn\tTrappsteget
2\tAnsvarig organisation\tLövsta kommun
3\tAntal deltagare under perioden\t26
3a\tvarav kvinnor\t15
3b\tvarav män\t11
4\tAntal nya deltagare under perioden\t9
7a\tAvslut till arbete\t3
7b\tAvslut till studier\t0
10\tAntal budgeterade platser\t18

# Sammanställning

Uppgift\tSamtliga insatser 2024
Deltagare under året\t112
Nya deltagare\t41
"""


def test_a_table_of_numbered_questions_is_a_form():
    found = {(f.insats, f.metric, f.sex, f.value)
             for f in extract_document(normalise("lovsta.txt", FORM_TABLE))}
    assert {("Trappsteget", "participants", "all", 26),
            ("Trappsteget", "participants", "women", 15),
            ("Trappsteget", "participants", "men", 11),
            ("Trappsteget", "participants_new", "all", 9),
            ("Trappsteget", "ended_work", "all", 3), ("Trappsteget", "ended_studies", "all", 0),
            ("Trappsteget", "places", "all", 18)} <= found


def test_a_column_for_all_insatser_together_gives_no_insats_a_figure():
    found = {f.value for f in extract_document(normalise("lovsta.txt", FORM_TABLE))}
    assert not found & {112, 41}


def test_a_table_headed_by_all_insatser_together_is_the_forbunds():
    text = ("Samordningsförbundet Lövsta\nUppföljning 2024\n\n# Trappsteget\n\n"
            "Trappsteget har haft 26 deltagare under året.\n\n# Lotsen\n\n"
            "Lotsen har haft 14 deltagare under året.\n\n"
            "Samtliga insatser\t2023\t2024\nDeltagare\t98\t112\nAvslutade\t40\t47\n")
    found = {(f.insats, f.value) for f in extract_document(normalise("lovsta.txt", text))}
    assert found == {("Trappsteget", 26), ("Lotsen", 14)}
