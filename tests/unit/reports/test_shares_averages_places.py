"""Shares and goals for work or studies, average months, places."""

import pytest

from tests.unit.reports.helpers import figures


@pytest.mark.parametrize(("text", "expected"), [
    ("Vid avslut har 6 av 10 deltagare (drygt hälften är kvinnor) nått arbete eller börjat "
     "studera (mål 5 av 10).",
     {("share_work_or_studies_pct", "all", 60), ("goal_work_or_studies_pct", "all", 50)}),
    ("4 av 10 avslutade har börjat arbeta/studera.", {("share_work_or_studies_pct", "all", 40)}),
    ("Mål\n\n- 30% av deltagarna har fått arbete/påbörjat studier.",
     {("goal_work_or_studies_pct", "all", 30)}),
    ("40% av deltagarna ska vara i någon form av arbete/studier efter projektet.",
     {("goal_work_or_studies_pct", "all", 40)}),
])
def test_shares_and_goals(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text", [
    "57 % har nått rehabilitering mot arbetsmarknaden eller studier (mål 50 %).",
    "20 % av de som avslutats har gått till arbete.",
    "84% av de 19 som svarat uppger att de mår bättre efter hälsoskolan.",
    "95% känner sig mer motiverade till arbete eller studier.",
    "7 av 10 ska uppleva en ökad livskvalitet efter avslutad insats.",
    "Närmare 40 % av deltagarna har valt att delta på seminarium.",
])
def test_percentages_that_are_not_shares(text):
    assert figures(text) == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("Genomsnittstid för inskrivning har varit 4,3 månader (3,7 månader för kvinnor och "
     "4,8 månader för män).",
     {("avg_months_in_insats", "all", 4.3), ("avg_months_in_insats", "women", 3.7),
      ("avg_months_in_insats", "men", 4.8)}),
    ("Den totala snitt tiden är 6,6 månader. Kvinnorna har i snitt varit inskrivna längre "
     "(6,9 kvinnor/5,8 män).",
     {("avg_months_in_insats", "all", 6.6), ("avg_months_in_insats", "women", 6.9),
      ("avg_months_in_insats", "men", 5.8)}),
    ("Tid i insats: 8 månader", {("avg_months_in_insats", "all", 8)}),
])
def test_averages(text, expected):
    assert figures(text) == expected


def test_a_single_spell_length_is_no_average():
    assert figures("Individen har varit i insatsen i 19 månader.") == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("Insatsen har en budget för 30 platser.", {("places", "all", 30)}),
    ("Det finns plats för 12 individer/omgång.", {("places", "all", 12)}),
    ("Projektet ska skapa 200 nya platser för deltagare.", {("places", "all", 200)}),
])
def test_places(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text", [
    "Att skapa 100 platser för praktik/arbetsträning inom privat näringsliv.",
    "En platsbank med 32 företag (37 platser) har upprättats.",
])
def test_places_that_are_not_insats_places(text):
    assert figures(text) == set()


def test_a_goal_right_after_a_share_takes_its_topic():
    text = "Av de avslutade gick 45 % till arbete eller studier. Målet för året var 35 %."
    assert {("share_work_or_studies_pct", "all", 45),
            ("goal_work_or_studies_pct", "all", 35)} <= figures(text)
    assert figures("Målet för året var 35 %.") == set()


def test_a_goal_clause_ends_before_a_comma_and_men():
    text = "För insatsen är målet 45 procent till arbete eller studier, men inget kan ännu sägas."
    assert figures(text) == {("goal_work_or_studies_pct", "all", 45)}
