"""Participant counts: all, new, ended, ongoing; digits, number words and 'inga'."""

import pytest

from tests.unit.reports.helpers import figures


@pytest.mark.parametrize(("text", "expected"), [
    ("Under året har 14 deltagare varit inskrivna.", {("participants", "all", 14)}),
    ("Totalt har 24 personer varit inskriva i insatsen under 2022.",
     {("participants", "all", 24)}),
    ("Vi har under året haft 17 deltagare i projektet.", {("participants", "all", 17)}),
    ("29 deltagare totalt, varav:", {("participants", "all", 29)}),
    ("7 nya deltagare har skrivits in under perioden.", {("participants_new", "all", 7)}),
    ("Av dem har 14 personer startat under 2019.", {("participants_new", "all", 14)}),
    ("Inga nya deltagare har skrivits in under perioden.", {("participants_new", "all", 0)}),
    ("17 deltagare totalt har avslutats under 2022", {("participants_ended", "all", 17)}),
    ("Totalt 18 personer har skrivits ut under 2022.", {("participants_ended", "all", 18)}),
    ("Ingen deltagare har avslutats under året.", {("participants_ended", "all", 0)}),
    ("Alla 10 deltagarna har avslutats.", {("participants_ended", "all", 10)}),
    ("8 är kvar i insatsen över årsskiftet.", {("participants_ongoing", "all", 8)}),
    ("Totalt är det 21 deltagare inskrivna.", {("participants_ongoing", "all", 21)}),
    ("En deltagare ligger oavslutad.", {("participants_ongoing", "all", 1)}),
    ("Hittills har det börjat 15 nya deltagare och 12 deltagare har slutat under året, "
     "16 deltagare är pågående.",
     {("participants_new", "all", 15), ("participants_ended", "all", 12),
      ("participants_ongoing", "all", 16)}),
    ("Av de potentiella deltagarna så har tre blivit inskrivna.",
     {("participants", "all", 3)}),
])
def test_counts(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text", [
    "Tänkt var att varje grupp skulle kunna ha 8 deltagare.",
    "Vi kunde erbjuda 8 nya deltagare plats.",
    "Vi startade 2022 med 16 deltagare.",
    "13 deltagare var sedan tidigare inskrivna från år 2019.",
    "En skrevs in i januari och är här 4 dagar/vecka.",
    "Ett exempel är en deltagare som nu deltar regelbundet i aktiviteter.",
    "De två deltagarna som inte vart redo att skrivas in har remitterats.",
    "Samordningsförbundet har under 2022 haft totalt 642 deltagare i olika insatser.",
    "12 deltagare har varit under 30 år och 16 deltagare över 30 år.",
])
def test_not_counts(text):
    assert figures(text) == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("Vid årsskiftet var 14 personer inskrivna.", {("participants_ongoing", "all", 14)}),
    ("- 8 har avslutat", {("participants_ended", "all", 8)}),
    ("• 8 nya har skrivits in", {("participants_new", "all", 8)}),
])
def test_counts_at_year_end_and_in_bullets(text, expected):
    assert figures(text) == expected
