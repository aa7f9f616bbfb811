"""Forms (label: value, numbered questions) and tab-separated tables."""

from tests.unit.reports.helpers import figures


def test_tab_table_with_women_and_men_columns():
    text = ("\tKvinnor\tMän\nAvslutat\t21\t3\nFrån FK\t17\t2\nTill sjksk.\t5\t0\n"
            "Pension\t1\t0\nOklart\t2\t0\n")
    assert figures(text) == {
        ("participants_ended", "women", 21), ("participants_ended", "men", 3),
        ("ended_illness", "women", 5), ("ended_illness", "men", 0),
        ("ended_other", "women", 1), ("ended_other", "men", 0),
        ("ended_other", "women", 2)}


def test_month_by_month_table_states_no_period_figure():
    text = ("Månad:\tInskrivning:\tUtskrivning:\tMan:\tKvinna:\nJanuari:\t0\t3\t-\t3\n"
            "Februari:\t2\t0\t-\t2\n")
    assert figures(text) == set()


def test_label_value_outcome_with_sexes():
    assert figures("Arbetsträning: 4 deltagare. (3FK/1K) (3 Kvinnor/1 man)") == {
        ("ended_continued_rehab", "all", 4), ("ended_continued_rehab", "women", 3),
        ("ended_continued_rehab", "men", 1)}


def test_numbered_form_questions():
    text = ("2.1 Antal deltagare under perioden: 34\n2.2 Varav kvinnor: 20\n2.3 Varav män: 14\n"
            "2.4 Antal avslutade: 12\n2.5 Antal nya deltagare: 9\n")
    assert figures(text) == {
        ("participants", "all", 34), ("participants", "women", 20), ("participants", "men", 14),
        ("participants_ended", "all", 12), ("participants_new", "all", 9)}


def test_questions_themselves_are_skipped():
    text = ("Hur många deltagare har avslutats under 2022? 5 stycken deltagare har avslutats "
            "under året.")
    assert figures(text) == {("participants_ended", "all", 5)}


def test_html_table_cells():
    text = ("<table><tr><td><p></p></td><td><p>Kvinnor</p></td><td><p>Män</p></td></tr>"
            "<tr><td><p>Avslutade</p></td><td><p>12</p></td><td><p>7</p></td></tr></table>")
    assert figures(text) == {("participants_ended", "women", 12), ("participants_ended", "men", 7)}


def test_key_figure_lines():
    text = ("Budgeterade platser: 20\nDeltagare under perioden: 41 (kvinnor 23, män 18)\n"
            "Avslutade: 11, varav 7 kvinnor och 4 män\nAndel arbete/studier: 36 %\n"
            "Målsättning: 35 % till arbete eller studier\nOkänt: 1\n")
    assert figures(text) == {
        ("places", "all", 20), ("participants", "all", 41), ("participants", "women", 23),
        ("participants", "men", 18), ("participants_ended", "all", 11),
        ("participants_ended", "women", 7), ("participants_ended", "men", 4),
        ("share_work_or_studies_pct", "all", 36), ("goal_work_or_studies_pct", "all", 35),
        ("ended_other", "all", 1)}


def test_a_two_column_html_table_is_a_list_of_labelled_values():
    text = ("<table><tr><td><p>Antal deltagare</p></td><td><p>18</p></td></tr>"
            "<tr><td><p>Nyinskrivna</p></td><td><p>6</p></td></tr>"
            "<tr><td><p>Till studier</p></td><td><p>2</p></td></tr></table>")
    assert figures(text) == {("participants", "all", 18), ("participants_new", "all", 6),
                             ("ended_studies", "all", 2)}


def test_a_labelled_percentage_about_something_else_is_no_figure():
    assert figures("Beläggning: 95 %\nNöjda deltagare: 80 %\n") == set()


def _by_insats(text: str) -> set[tuple]:
    from pipelines.reports.figures import SectionFigures
    from pipelines.reports.text import normalise

    doc = normalise("snippet", text)
    return {(f.insats, f.metric, f.sex, f.value)
            for f in SectionFigures(doc.text, ()).run(doc.lines)}


def test_one_row_per_insats_with_split_goal_share_and_months():
    text = ("Insats\tInskrivna\tvarav kvinnor\tvarav män\tMål arbete/studier\tUtfall\t"
            "Snittid (mån)\nLotsen\t30\t18\t12\t30 %\t41 %\t7,5\nTotalt alla insatser\t30\t18\t"
            "12\t–\t–\t–\n")
    assert _by_insats(text) == {
        ("Lotsen", "participants", "all", 30), ("Lotsen", "participants", "women", 18),
        ("Lotsen", "participants", "men", 12), ("Lotsen", "goal_work_or_studies_pct", "all", 30),
        ("Lotsen", "share_work_or_studies_pct", "all", 41),
        ("Lotsen", "avg_months_in_insats", "all", 7.5)}


def test_columns_that_are_insatser():
    text = ("Avslutsorsak\tLotsen\tTrappan\nArbete\t3\t1\nStudier\t–\t2\n")
    assert _by_insats(text) == {("Lotsen", "ended_work", "all", 3),
                                ("Trappan", "ended_work", "all", 1),
                                ("Trappan", "ended_studies", "all", 2)}


def test_a_finance_table_by_insats_states_no_figure():
    text = "Insats\tBudget 2024\tUtfall jan–jun\nLotsen\t1 200\t640\nTrappan\t900\t410\n"
    assert _by_insats(text) == set()


def test_a_dash_for_a_missing_value_does_not_end_a_table():
    text = ("Orsak\tAntal\n\nArbete\t3\n\nArbetssökande\t–\n\nSjukdom\t1\n\n"
            "Mål för andel till arbete/studier\t35 %\n\nUtfall andel till arbete/studier\t50 %\n")
    assert figures(text) == {("ended_work", "all", 3), ("ended_illness", "all", 1),
                             ("goal_work_or_studies_pct", "all", 35),
                             ("share_work_or_studies_pct", "all", 50)}


def test_sex_columns_headed_by_letters_and_a_period_column_named_perioden():
    assert figures("Deltagare\tK\tM\tTotalt\nAktuella under året\t14\t19\t33\n") == {
        ("participants", "women", 14), ("participants", "men", 19), ("participants", "all", 33)}
    text = "7. Antal avslutade deltagare\n   Under perioden:\t2\n   Sedan start:\t28\n"
    assert {("participants_ended", "all", 2), ("participants_ended", "all", 28)} <= figures(text)


def test_a_padded_markdown_table_keeps_its_columns():
    text = ("| **Kategori**       | **Kvinnor** | **Män** | **Totalt** |\n"
            "|--------------------|-------------|---------|------------|\n"
            "| Avslutade under året         | 18          | 13      | 31         |\n")
    assert figures(text) == {("participants_ended", "women", 18), ("participants_ended", "men", 13),
                             ("participants_ended", "all", 31)}
