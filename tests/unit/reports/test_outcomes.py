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


@pytest.mark.parametrize(("text", "expected"), [
    # A list without verbs under an intro about those who ended, one item per line.
    ("Nio deltagare lämnade insatsen och fördelas så här:\nJobb med lönestöd 4 st\n"
     "Studier (Komvux) 2 st\nAnnan insats 3 st\n",
     {("participants_ended", "all", 9), ("ended_work", "all", 4), ("ended_studies", "all", 2),
      ("ended_continued_rehab", "all", 3)}),
    # The same list inline, with a two-word label.
    ("Utfall för de avslutade: arbete 4, studier 2, annan insats 3.",
     {("ended_work", "all", 4), ("ended_studies", "all", 2),
      ("ended_continued_rehab", "all", 3)}),
])
def test_outcome_lists_without_verbs(text, expected):
    assert figures(text) == expected


def test_outcome_list_needs_an_intro_about_ending():
    assert figures("Kostnader:\nPersonal 4 st\nLokaler 2 st\n") == set()


def test_a_sentence_after_one_about_the_ended_names_where_they_went():
    text = "Under våren avslutades 6 deltagare. Tre fick jobb i handeln och 1 började studera."
    assert {("ended_work", "all", 3), ("ended_studies", "all", 1)} <= figures(text)
    assert ("ended_work", "all", 3) not in figures("Tre fick jobb i handeln.")


def test_a_named_destination_is_another_insats_not_work():
    text = "4 avslutade och gick vidare till Jobbverkstaden."
    assert ("ended_continued_rehab", "all", 4) in figures(text)
    assert not any(m == "ended_work" for m, _, _ in figures(text))


def test_short_forms_in_terse_notes():
    text = "Läget: 14 delt. (K 8 / M 6), 4 avsl. Avsl. fördelade: arb. 2, stud. 1, sjukskr. 1."
    assert {("participants", "all", 14), ("participants", "women", 8), ("participants", "men", 6),
            ("participants_ended", "all", 4), ("ended_work", "all", 2),
            ("ended_studies", "all", 1), ("ended_illness", "all", 1)} <= figures(text)
