"""Tables broken over a page, cells one per line, contents and lists of tables with tab or
dot-leader pages, insats names opening with a topic word, project years, form answers of
several labelled counts, legends for bracketed values and indented sub-rows. Written for
these tests in my own words."""

from datetime import date

from pipelines.reports.extract import extract_document
from pipelines.reports.sections import find_sections
from pipelines.reports.text import normalise

from .helpers import figures

BROKEN_TABLE = """Samordningsförbundet Östra Lunden
Delårsrapport januari–juni 2025

1. Insatserna i siffror

Tabell 1. Deltagare per insats januari–juni 2025
Insats\tDeltagare\tKvinnor\tMän\tAvslutade
Lyftet\t22\t12\t10\t6
Ankaret\t15\t9\t6\t4

Delårsrapport 2025\t\t\tSida 3 (9)

Samordningsförbundet Östra Lunden
Vägvisaren\t31\t20\t11\t9
Totalt\t68\t41\t27\t19

2. Kommentarer

2.1 Lyftet
Lyftet har haft god tillströmning.

2.2 Ankaret
Ankaret har bytt lokal.

2.3 Vägvisaren
Vägvisaren har anställt en coach.
"""

CELLS_PER_LINE = """SLUTRAPPORT

Projekt Bron
Projektperiod 2022-07-01 – 2025-06-30

Projektåren räknas från start, så att År 1 är 2022-07-01 – 2023-06-30.

Tabell 2. Vart de avslutade gick
<td>Avslut</td>
<td>År 1</td>
<td>År 2</td>
<td>År 3</td>
<td>Arbete</td>
<td>4</td>
<td>7</td>
<td>9</td>
<td>Studier</td>
<td>2</td>
<td>3</td>
<td>1</td>
"""

CONTENTS = """VERKSAMHETSBERÄTTELSE 2024
Samordningsförbundet Kärrby

Innehåll
1 Inledning\t2
2 Insatser\t3
2.1 Deltagare per insats\t4
2.2 Avslutade deltagare\t6

1 Inledning
Förbundet har fyra parter.

2 Insatser

2.1 Deltagare per insats
Text.

2.2 Avslutade deltagare
Text.

Tabellförteckning
Tabell 1. Nya deltagare per kvartal ........ 4
Tabell 2. Aktiva deltagare per månad ........ 2
Tabell 3. Avslutade deltagare ........ 6
"""

TOPIC_WORD_NAMES = """Verksamhetsberättelse 2024
Samordningsförbundet Hagaby

3. Insatser

3.1 Kartläggning Mot Arbete
Under året deltog 40 personer.

3.2 Samverkan (SAMKO)
Under året deltog 12 personer.

3.3 Ledstången
Under året deltog 9 personer.

Kartläggning
Kartläggningen tar fyra veckor.
"""

FORM = """UPPFÖLJNINGSBLANKETT
Samordningsförbundet Tallmo
Uppföljningsperiod 2025-01-01 – 2025-06-30

1. Insatsens namn
Ledstången
2. Hur många har deltagit under perioden? Ange totalt och per kön.
Totalt 21, kvinnor 9, män 12
3. Hur många har avslutats under perioden?
Åtta
4. Vart har de avslutade gått? (ange antal)
Arbete 3, studier 1, arbetssökande –, annan insats 2, sjukskrivning 2
5. Antal nya deltagare: 10
6. Varav kvinnor / män: 4 / 6
"""

LEGEND = """Årsredovisning 2024
Samordningsförbundet Bäckby

Siffror inom parentes avser 2023.

2.1 Lyftet
Under året deltog 47 personer (39) i Lyftet, varav 30 kvinnor (25).
"""

SUB_ROWS = """# Lyftet

Tabell 3. Situation vid avslut, 2024
Arbete\t12
\tvarav med lönestöd\t5
Studier\t4
Sjukskrivning\t2
"""


def test_a_table_broken_over_a_page_goes_on_after_the_running_header():
    found = {(f.insats, f.metric, f.sex, f.value)
             for f in extract_document(normalise("delar.txt", BROKEN_TABLE))}
    assert {("Vägvisaren", "participants", "all", 31), ("Vägvisaren", "participants", "men", 11),
            ("Vägvisaren", "participants_ended", "all", 9),
            ("Lyftet", "participants", "women", 12)} <= found
    assert not any(value == 3 for *_, value in found)  # the page number is no count


def test_cells_one_per_line_and_years_counted_from_the_project_start():
    found = {(f.metric, f.value, f.period_start, f.period_end)
             for f in extract_document(normalise("slut.txt", CELLS_PER_LINE))}
    assert {("ended_work", 4, date(2022, 7, 1), date(2023, 6, 30)),
            ("ended_work", 9, date(2024, 7, 1), date(2025, 6, 30)),
            ("ended_studies", 3, date(2023, 7, 1), date(2024, 6, 30))} <= found


def test_contents_and_lists_of_tables_are_not_figures():
    assert figures(CONTENTS) == set()


def test_numbered_rows_of_rising_counts_are_not_contents():
    text = "# Lyftet\n\n6. Pågående vid periodens slut\t16\n7. Platser enligt plan\t18\n" \
           "8. Nya under perioden\t25\n"
    assert {("participants_ongoing", "all", 16), ("places", "all", 18),
            ("participants_new", "all", 25)} <= figures(text)


def test_insats_names_that_open_with_a_topic_word():
    names = [s.name for s in find_sections(normalise("vb.txt", TOPIC_WORD_NAMES))]
    assert "Kartläggning Mot Arbete" in names and "Samverkan (SAMKO)" in names
    assert "Kartläggning" not in names


def test_form_answers_of_several_labelled_counts_and_number_words():
    found = {(f.metric, f.sex, f.value)
             for f in extract_document(normalise("blankett.txt", FORM))}
    assert {("participants", "all", 21), ("participants", "women", 9),
            ("participants", "men", 12), ("participants_ended", "all", 8),
            ("ended_work", "all", 3), ("ended_studies", "all", 1),
            ("ended_continued_rehab", "all", 2), ("ended_illness", "all", 2),
            ("participants_new", "women", 4), ("participants_new", "men", 6)} <= found
    assert not any(metric == "ended_job_seeking" for metric, _, _ in found)  # left blank


def test_a_legend_says_what_bare_brackets_hold():
    found = {(f.metric, f.sex, f.value, f.period_start)
             for f in extract_document(normalise("ar.txt", LEGEND))}
    assert {("participants", "all", 47, date(2024, 1, 1)),
            ("participants", "all", 39, date(2023, 1, 1)),
            ("participants", "women", 25, date(2023, 1, 1))} <= found
    assert figures("# Lyftet\nUnder året deltog 47 personer (39) i Lyftet.") == {
        ("participants", "all", 47)}  # without a legend a bracket is no figure


def test_indented_rows_are_parts_of_the_row_above():
    assert figures(SUB_ROWS) == {("ended_work", "all", 12), ("ended_studies", "all", 4),
                                 ("ended_illness", "all", 2)}


def test_a_sentence_wrapped_before_a_number():
    text = ("# Lyftet\nTotalt har 60 personer deltagit i Lyftet under året, 33 kvinnor och\n"
            "27 män. Det är fler än planerat.\n")
    assert ("participants", "men", 27) in figures(text)


def test_rows_of_girls_and_boys_and_budget_shares():
    table = ("# Lyftet\n\n\tKvartal 1\tHittills i år\nInskrivna\t17\t29\nTjejer\t7\t12\n"
             "Killar\t10\t17\n")
    assert {("participants", "women", 7), ("participants", "men", 17)} <= figures(table)
    budget = ("Kostnader per insats (kronor)\n\nInsats\tBudget 2024\tUtfall jan–aug\t"
              "Andel av budget\nLyftet\t2 100 000\t1 246 300\t59 %\n")
    assert figures(budget, ("Lyftet",)) == set()


def test_a_version_number_belongs_to_the_name():
    text = "Delårsrapport 2024\n\n2.1 Vägen 2.0\n\nText.\n\n2.2 Jobbspåret 50+\n\nText.\n"
    assert [s.name for s in find_sections(normalise("d.txt", text))] == [
        "Vägen 2.0", "Jobbspåret 50+"]


def test_a_goal_for_a_named_year_covers_the_whole_year():
    text = ("Samordningsförbundet Älvnäs\nKvartalsrapport juli–september 2024\n\n# Lyftet\n"
            "Mål 2024: 35 procent av de avslutade ska gå till arbete eller studier.\n")
    goal = [f for f in extract_document(normalise("kv.txt", text))
            if f.metric == "goal_work_or_studies_pct"]
    assert [(f.value, f.period_start, f.period_end) for f in goal] == [
        (35, date(2024, 1, 1), date(2024, 12, 31))]


PLAIN_CELLS = """# Lyftet

Tabell 2. Deltagare januari–juni 2025
Kategori
Kvinnor
Män
Totalt
Deltagare under perioden
12
15
27
Avslutade
4
5
9
"""

TWO_COLUMNS = """3.2 BRYGGAN
Bryggan är ett stöd för unga vuxna som        Resultat 2024
står långt från arbete och studier och        Deltagare: 31 (18 kv / 13 m)
som behöver samordnat stöd från flera         Nya under året: 14
parter. Insatsen drivs av kommunen och        Avslutade: 11
regionen tillsammans med Arbetsförmedlingen.  Platser: 20
Deltagarna har i snitt varit inskrivna i sju månader.
"""

SPACED_FORM = """UPPFÖLJNING 2024
Samordningsförbundet Västerby

1. Insatsens namn                   Steget
2. Period som rapporten avser       2024-01-01 – 2024-12-31
3. Antal budgeterade platser        25
4. Antal deltagare under perioden   38
5. Antal nya deltagare              17
6. Antal avslutade deltagare        19
7. Genomsnittlig tid (månader)      9
"""


def test_cells_of_a_table_one_per_plain_line():
    assert {("participants", "women", 12), ("participants", "all", 27),
            ("participants_ended", "men", 5)} <= figures(PLAIN_CELLS)


def test_two_columns_side_by_side_are_read_one_after_the_other():
    found = {(f.insats, f.metric, f.sex, f.value)
             for f in extract_document(normalise("vb.txt", TWO_COLUMNS))}
    assert {("BRYGGAN", "participants", "all", 31), ("BRYGGAN", "participants_new", "all", 14),
            ("BRYGGAN", "places", "all", 20),
            ("BRYGGAN", "participants_ended", "all", 11)} <= {
        (i.upper(), m, s, v) for i, m, s, v in found}


def test_a_form_with_values_beside_its_labels_is_not_two_columns():
    found = {(f.metric, f.value) for f in extract_document(normalise("f.txt", SPACED_FORM))}
    assert {("places", 25), ("participants", 38), ("participants_new", 17),
            ("participants_ended", 19), ("avg_months_in_insats", 9)} <= found


def test_a_footnote_mark_beside_a_count_is_no_number():
    assert figures("# Lyftet\nUnder året deltog 52¹ personer i Lyftet.") == {
        ("participants", "all", 52)}


def test_a_name_over_its_topic_headings_is_an_insats():
    text = ("Lägesrapport kvartal 2 2025\nSamordningsförbundet Åby\n\nSammanfattning\n"
            "Allt går enligt plan.\n\nVägen Vidare\nKort om insatsen\nEtt stöd för unga.\n"
            "Deltagare\nUnder kvartalet deltog 14 personer.\n\nSteget\nKort om insatsen\n"
            "Ett stöd.\n"
            "Resultat\nUnder kvartalet deltog 9 personer.\n")
    found = {(f.insats, f.value) for f in extract_document(normalise("l.txt", text))}
    assert found == {("Vägen Vidare", 14), ("Steget", 9)}


def test_a_table_of_counts_is_no_table_of_contents():
    text = ("Delårsrapport 2024\n\n3.1 Lyftet\n\nAvslutsorsak\tAntal\nArbete\t5\nStudier\t2\n"
            "Arbetssökande\t3\nSjukdom\t2\nTotalt\t12\n\n3.2 Steget\n\nUnder perioden deltog "
            "8 personer.\n")
    names = [s.name for s in find_sections(normalise("d.txt", text))]
    assert names == ["Lyftet", "Steget"]


def test_counts_so_far_this_year_in_a_quarterly_report():
    text = ("Samordningsförbundet Åby\nKvartalsrapport juli–september 2024\n\n# Lyftet\n"
            "Av de 14 som avslutats hittills i år har 3 fått arbete och 2 börjat studera.\n")
    work = [f for f in extract_document(normalise("kv.txt", text)) if f.metric == "ended_work"]
    assert [(f.value, f.period_start, f.period_end) for f in work] == [
        (3, date(2024, 1, 1), date(2024, 9, 30))]


def test_lines_around_cells_one_per_line_stand_once():
    text = ("Tabell 2 Avslut\n<td>Avslut</td>\n<td>År 1</td>\n<td>År 2</td>\n<td>Arbete</td>\n"
            "<td>4</td>\n<td>7</td>\n<td>Studier</td>\n<td>2</td>\n<td>3</td>\nSlut.\n")
    lines = [line.text.rstrip("\t") for line in normalise("t.txt", text).lines]
    assert lines == ["Tabell 2 Avslut", "Avslut\tÅr 1\tÅr 2", "Arbete\t4\t7", "Studier\t2\t3",
                     "Slut."]


def test_digits_of_other_scripts_and_footnote_marks_do_not_break_a_report():
    text = ("SLUTRAPPORT\n\nProjekt Bron\nProjektperiod 2021-0٣-01 – 2023-12-31\n\n"
            "Innehåll\n1 Inledning\t2\n2 Resultat\t¹3\n3 Ekonomi\t4\n\n"
            "Totalt har ٤٢ personer deltagit i Bron, varav 20¹ kvinnor.\n")
    found = {(f.metric, f.sex, f.value, f.period_start)
             for f in extract_document(normalise("slut.txt", text))}
    assert ("participants", "all", 42, date(2021, 3, 1)) in found
