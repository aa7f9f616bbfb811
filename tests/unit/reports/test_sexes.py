"""Women and men: in parentheses, after 'varav', as a sentence of their own, 'av dessa'."""

import pytest

from tests.unit.reports.helpers import figures


@pytest.mark.parametrize(("text", "expected"), [
    ("Könsfördelning: 88 kvinnor, 28 män.",
     {("participants", "women", 88), ("participants", "men", 28)}),
    ("45 deltagare (17 män, 28 kvinnor) varav 22 nya deltagare (7 män, 15 kvinnor).",
     {("participants", "all", 45), ("participants", "men", 17), ("participants", "women", 28),
      ("participants_new", "all", 22), ("participants_new", "men", 7),
      ("participants_new", "women", 15)}),
    ("238 deltagare har avslutats, varav 126 kvinnor och 112 män.",
     {("participants_ended", "all", 238), ("participants_ended", "women", 126),
      ("participants_ended", "men", 112)}),
    ("Vi har under året haft 17 deltagare i projektet, varav 9 tjejer och 8 killar.",
     {("participants", "all", 17), ("participants", "women", 9), ("participants", "men", 8)}),
    ("Under året har vi skrivit in 11 nya deltagare. 9 kvinnor och 2 män.",
     {("participants_new", "all", 11), ("participants_new", "women", 9),
      ("participants_new", "men", 2)}),
    ("Totalt 18 personer har skrivits ut under 2022. Av dessa 18 personer är 13 personer "
     "kvinnor och 5 personer män.",
     {("participants_ended", "all", 18), ("participants_ended", "women", 13),
      ("participants_ended", "men", 5)}),
    ("2 kvinnor skrevs in i projektet i slutet av året.",
     {("participants_new", "women", 2)}),
])
def test_sex_splits(text, expected):
    assert figures(text) == expected


def test_sex_counts_of_an_age_group_are_not_figures():
    text = ("Åldersmässigt var 4 personer under 30 år (2 kvinnor, 2 män), 8 personer 30-44 år "
            "(3 kvinnor, 5 män).")
    assert figures(text) == set()


def test_sex_counts_of_survey_answers_are_not_figures():
    assert figures("Utav dessa har det varit 159 kvinnor som svarat och 74 män.") == set()
