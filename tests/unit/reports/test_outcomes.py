"""Where the ended went: verbs of moving on, 'till' lists, causes, 'X av Y'."""

import pytest

from tests.unit.reports.helpers import figures


@pytest.mark.parametrize(("text", "expected"), [
    ("3 gick till arbete", {("ended_work", "all", 3)}),
    ("13 till fortsatt rehabilitering", {("ended_continued_rehab", "all", 13)}),
    ("1 har flyttat", {("ended_moved", "all", 1)}),
    ("1 deltagare skrevs ut pga. flytt", {("ended_moved", "all", 1)}),
    ("1 har avslutats pga. sjukdom", {("ended_illness", "all", 1)}),
    ("1 slutade i förtid", {("ended_other", "all", 1)}),
    ("1 gick vidare till ålderspension.", {("ended_other", "all", 1)}),
    ("1 deltagare gick vidare till Arbetsförmedlingen som arbetssökande och redo att ta ett "
     "arbete.", {("ended_job_seeking", "all", 1)}),
    ("10 deltagare har gått vidare till arbetsträning/praktik",
     {("ended_continued_rehab", "all", 10)}),
    ("8 personer har fortsatt i rehabilitering", {("ended_continued_rehab", "all", 8)}),
    ("En deltagare avslutades i oktober och gick till arbetsutredning via AF",
     {("ended_continued_rehab", "all", 1)}),
    ("6 har gått till arbetsträning (5 kvinnor, 1 man)",
     {("ended_continued_rehab", "all", 6), ("ended_continued_rehab", "women", 5),
      ("ended_continued_rehab", "men", 1)}),
    ("1 av 5 kvinnor har efter insatsen återgått till förvärvsarbete.",
     {("ended_work", "women", 1), ("participants", "women", 5)}),
    ("2 av 7 män har under insatsperioden avslutat sin insats av personliga skäl.",
     {("ended_other", "men", 2), ("participants", "men", 7)}),
])
def test_outcomes(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Av dem har 3 personer gått vidare till arbete, studier eller arbetssökande.", set()),
    ("3 har avslutats p.g.a. sjukdom och fortsatt rehabilitering.", set()),
    ("4 deltagare gick vidare till arbete, två av dessa till subventionerat arbete.",
     {("ended_work", "all", 4)}),
])
def test_listed_or_subset_outcomes_are_not_split(text, expected):
    assert figures(text) == expected


def test_outcome_words_inside_an_insats_name_are_not_outcomes():
    text = "Ansökan har kommit direkt till Hälsa för Alla för 22 personer som gått vidare till den."
    assert not any(metric.startswith("ended_") for metric, _, _ in
                   figures(text, names=("Hälsa för Alla",)))
    assert ("ended_illness", "all", 22) not in figures(
        "22 personer har gått vidare till Hälsa för Alla.", names=("Hälsa för Alla",))


def test_insats_name_as_a_label_is_another_insats():
    assert figures("Cresco Creare: 2 deltagare. (1 Man/1 Kvinna)", names=("Cresco Creare",)) \
        == {("ended_continued_rehab", "all", 2), ("ended_continued_rehab", "men", 1),
            ("ended_continued_rehab", "women", 1)}
