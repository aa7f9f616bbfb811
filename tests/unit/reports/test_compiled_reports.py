"""A report put together from parts that different people wrote: a numbered follow-up form
for one insats (sex counts side by side, lettered outcome lines), then another insats' own
report under an appendix heading that names it only as "Rapport från …". Written for these
tests in my own words."""

from pipelines.reports.extract import extract_document
from pipelines.reports.text import normalise

from .helpers import figures

COMPILED = """Samordningsförbundet Ekbacka
Verksamhetsberättelse 2024

Insatser

Förbundet har under året finansierat Verkstaden och Stegvis Ekbacka. Båda
insatsernas egna uppföljningar finns som bilagor.

Bilaga 1

Insatsens namn: Verkstaden
Period: 2024-01-01 – 2024-12-31

1. Antal deltagare under året
   Kvinnor: 21    Män: 16    Totalt: 37

2. Avslutsorsaker (antal)
   2a Arbete: 5
   2b Studier: 2
   2c Annan insats: 4

Bilaga 2

Rapport från Stegvis Ekbacka, sammanställd av teamets samordnare

Så gick året för teamet

Stegvis är ett team med handläggare från fyra myndigheter. Under året har 28
personer deltagit i Stegvis, och nio av dem har avslutat insatsen.
"""


def test_sex_counts_side_by_side_under_a_numbered_question():
    text = "4. Antal nya deltagare\n   Kvinnor: 8    Män: 7    Totalt: 15\n"
    assert figures(text) == {("participants_new", "women", 8), ("participants_new", "men", 7),
                             ("participants_new", "all", 15)}


def test_lettered_outcome_lines_of_a_form():
    text = ("5. Avslutsorsaker\n   5a Arbete (inkl. lönestöd): 3\n   5b) Studier: 1\n"
            "   c) Flytt: 0\n")
    assert figures(text) == {("ended_work", "all", 3), ("ended_studies", "all", 1),
                             ("ended_moved", "all", 0)}


def test_each_part_keeps_its_own_insats():
    found = {(f.insats, f.metric, f.sex, f.value)
             for f in extract_document(normalise("ekbacka.txt", COMPILED))}
    assert {("Verkstaden", "participants", "women", 21),
            ("Verkstaden", "participants", "all", 37), ("Verkstaden", "ended_work", "all", 5),
            ("Verkstaden", "ended_continued_rehab", "all", 4),
            ("Stegvis Ekbacka", "participants", "all", 28),
            ("Stegvis Ekbacka", "participants_ended", "all", 9)} <= found
    assert ("Verkstaden", "participants", "all", 28) not in found
