"""Other common ways reports state their figures (beyond the shared reports)."""

import pytest

from tests.unit.reports.helpers import figures


@pytest.mark.parametrize(("text", "expected"), [
    ("Antal avslutade deltagare: 15, varav 6 till arbete och 3 till studier.",
     {("participants_ended", "all", 15), ("ended_work", "all", 6), ("ended_studies", "all", 3)}),
    ("Av de 15 som avslutats har 6 gått till arbete, 3 till studier och 2 till arbetssökande.",
     {("ended_work", "all", 6), ("ended_studies", "all", 3), ("ended_job_seeking", "all", 2)}),
    ("Under året avslutades 15 deltagare. Av dessa gick 6 till arbete och 3 till studier.",
     {("participants_ended", "all", 15), ("ended_work", "all", 6), ("ended_studies", "all", 3)}),
    ("Andel till arbete eller studier: 60 %", {("share_work_or_studies_pct", "all", 60)}),
    ("Avslutsorsaker: Arbete 6, Studier 3, Arbetssökande 2, Sjukdom 1, Övrigt 3.",
     {("ended_work", "all", 6), ("ended_studies", "all", 3), ("ended_job_seeking", "all", 2),
      ("ended_illness", "all", 1), ("ended_other", "all", 3)}),
    ("Sex deltagare har fått arbete.", {("ended_work", "all", 6)}),
    ("Antalet inskrivna deltagare under perioden var 33.", {("participants", "all", 33)}),
    ("Insatsen har under året haft 27 deltagare varav 10 nya.",
     {("participants", "all", 27), ("participants_new", "all", 10)}),
    ("12 av 20 avslutade deltagare har gått till arbete eller studier.",
     {("ended_work_or_studies", "all", 12), ("participants_ended", "all", 20)}),
    ("\tTotalt\tKvinnor\tMän\nAntal deltagare\t45\t25\t20\nNya\t12\t7\t5\n",
     {("participants", "all", 45), ("participants", "women", 25), ("participants", "men", 20),
      ("participants_new", "all", 12), ("participants_new", "women", 7),
      ("participants_new", "men", 5)}),
    ("Antal deltagare: 45\nKvinnor: 25\nMän: 20",
     {("participants", "all", 45), ("participants", "women", 25), ("participants", "men", 20)}),
])
def test_phrasings(text, expected):
    assert figures(text) == expected


def test_a_list_of_three_destinations_is_not_split():
    assert figures("12 deltagare av 17 gått vidare till arbetsträning/praktik, studier eller "
                   "jobb.") == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("Av de 20 deltagare som avslutades under året gick 8 vidare till arbete.",
     {("participants_ended", "all", 20), ("ended_work", "all", 8)}),
    ("Under perioden har 5 deltagare avbrutit insatsen.", {("participants_ended", "all", 5)}),
    ("Deltagarna har i snitt varit inskrivna 10,2 månader (kvinnor 11,1 och män 9,0).",
     {("avg_months_in_insats", "all", 10.2), ("avg_months_in_insats", "women", 11.1),
      ("avg_months_in_insats", "men", 9)}),
    ("Av 25 avslutade har 11 gått till arbete eller studier, vilket motsvarar 44 procent.",
     {("participants_ended", "all", 25), ("ended_work_or_studies", "all", 11),
      ("share_work_or_studies_pct", "all", 44)}),
    ("Två deltagare har avslutats på grund av sjukdom och en på grund av flytt.",
     {("ended_illness", "all", 2), ("ended_moved", "all", 1)}),
    ("Antal deltagare 2022: 56\nKvinnor 34, män 22.",
     {("participants", "all", 56), ("participants", "women", 34), ("participants", "men", 22)}),
    ("Vid periodens slut fanns 31 aktiva deltagare.", {("participants_ongoing", "all", 31)}),
])
def test_more_phrasings(text, expected):
    assert figures(text) == expected


def test_counts_with_a_split_after_varav_and_places_dimensioned():
    from tests.unit.reports.helpers import figures as found

    assert found("Insatsen har haft sammanlagt 19 deltagare, varav 12 kvinnor och 7 män.") == {
        ("participants", "all", 19), ("participants", "women", 12), ("participants", "men", 7)}
    assert found("Verksamheten är dimensionerad för 14 platser.") == {("places", "all", 14)}
    assert found("Under året avslutades 6 deltagare; två har avslutats av hälsoskäl och en "
                 "utan känd orsak.") >= {("ended_illness", "all", 2), ("ended_other", "all", 1)}
