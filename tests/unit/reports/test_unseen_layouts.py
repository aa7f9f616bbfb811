"""Layouts the rules were not written for: upper-case headings under a plain cover list with
topic sub-headings, a numbered form without colons, a form of HTML cells, a förbund name with
a slash, a sex split of the ended, a board memo whose headings name the insats inside a
topic ("Uppföljning av X 2024"), a Fråga/Svar form, and a table with one row per insats
followed by short comments (tests/fixtures/reports/, written for these tests).

Expected figures are what a careful reader records by the rules of ../shared/README.md.
"""

from datetime import date
from pathlib import Path

import pytest

from pipelines.reports.extract import extract_document
from pipelines.reports.readers import read_document
from pipelines.reports.sections import fold

FIXTURES = Path(__file__).parents[2] / "fixtures" / "reports"

EXPECTED = {
    "versaler.txt": {
        ("lotsen", "goal_work_or_studies_pct", "all", 35),
        ("lotsen", "participants", "all", 48),
        ("lotsen", "participants", "women", 27),
        ("lotsen", "participants", "men", 21),
        ("lotsen", "participants_new", "all", 19),
        ("lotsen", "participants_ended", "all", 22),
        ("lotsen", "ended_work", "all", 6),
        ("lotsen", "ended_studies", "all", 3),
        ("lotsen", "ended_continued_rehab", "all", 5),
        ("krafttag unga", "participants", "all", 31),
        ("krafttag unga", "participants", "women", 14),
        ("krafttag unga", "participants", "men", 17),
        ("krafttag unga", "participants_ongoing", "all", 18),
        ("krafttag unga", "participants_ended", "all", 13),
        ("krafttag unga", "participants_ended", "women", 5),
        ("krafttag unga", "participants_ended", "men", 8),
        ("krafttag unga", "ended_studies", "all", 4),
        ("krafttag unga", "ended_work", "all", 2),
        ("framtidsverkstaden", "places", "all", 12),
        ("framtidsverkstaden", "participants", "all", 16),
        ("framtidsverkstaden", "avg_months_in_insats", "all", 7),
    },
    "formular.txt": {
        ("vagen framat", "participants", "all", 26),
        ("vagen framat", "participants", "women", 15),
        ("vagen framat", "participants", "men", 11),
        ("vagen framat", "participants_new", "all", 7),
        ("vagen framat", "participants_new", "women", 4),
        ("vagen framat", "participants_new", "men", 3),
        ("vagen framat", "participants_ended", "all", 5),
        ("vagen framat", "ended_work", "all", 2),
        ("vagen framat", "ended_studies", "all", 1),
        ("vagen framat", "share_work_or_studies_pct", "all", 60),
    },
    "celler.txt": {
        ("steget vidare", "participants", "all", 58),
        ("steget vidare", "participants", "women", 33),
        ("steget vidare", "participants", "men", 25),
        ("steget vidare", "participants_ended", "all", 51),
        ("steget vidare", "participants_ongoing", "all", 7),
        ("steget vidare", "ended_work", "all", 14),
        ("steget vidare", "ended_studies", "all", 6),
        ("steget vidare", "ended_continued_rehab", "all", 9),
        ("steget vidare", "ended_illness", "all", 4),
    },
    "memo.txt": {
        ("vagvisaren", "participants", "all", 36),
        ("vagvisaren", "participants", "women", 20),
        ("vagvisaren", "participants", "men", 16),
        ("vagvisaren", "participants_ended", "all", 14),
        ("vagvisaren", "ended_work", "all", 5),
        ("nya kliv", "participants", "all", 22),
        ("nya kliv", "participants_ended", "all", 9),
        ("nya kliv", "ended_studies", "all", 2),
    },
    "fragasvar.txt": {
        ("trappsteget", "participants", "all", 44),
        ("trappsteget", "participants", "women", 25),
        ("trappsteget", "participants", "men", 19),
        ("trappsteget", "participants_ended", "all", 40),
        ("trappsteget", "ended_work", "all", 11),
        ("trappsteget", "ended_studies", "all", 4),
    },
    "tabellrader.txt": {
        ("lotsen aby", "participants", "all", 31),
        ("lotsen aby", "participants", "women", 18),
        ("lotsen aby", "participants", "men", 13),
        ("lotsen aby", "participants_ended", "all", 12),
        ("lotsen aby", "ended_work", "all", 4),
        ("lotsen aby", "places", "all", 15),
        ("steg framat", "participants", "all", 17),
        ("steg framat", "participants", "women", 9),
        ("steg framat", "participants", "men", 8),
        ("steg framat", "participants_ended", "all", 6),
        ("steg framat", "ended_studies", "all", 2),
    },
}
PERIODS = {
    "versaler.txt": (date(2023, 1, 1), date(2023, 12, 31)),
    "formular.txt": (date(2023, 4, 1), date(2023, 6, 30)),
    "celler.txt": (date(2021, 3, 1), date(2023, 2, 28)),
    "memo.txt": (date(2024, 1, 1), date(2024, 12, 31)),
    "fragasvar.txt": (date(2022, 1, 1), date(2023, 12, 31)),
    "tabellrader.txt": (date(2024, 1, 1), date(2024, 12, 31)),
}
FORBUND = {
    "versaler.txt": "Samordningsförbundet Norrby/Söderby",
    "formular.txt": "Samordningsförbundet Älvsbygd Öst",
    "celler.txt": "Samordningsförbundet Bergslagen Väst",
    "memo.txt": "Samordningsförbundet Sjöstaden",
    "fragasvar.txt": "Samordningsförbundet Mellanbygden",
    "tabellrader.txt": "Samordningsförbundet Åbygden",
}


def _rows(name: str):
    return extract_document(read_document(FIXTURES / name))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_figures(name: str):
    assert {(fold(r.insats), r.metric, r.sex, r.value) for r in _rows(name)} == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_periods(name: str):
    assert {(r.period_start, r.period_end) for r in _rows(name)} == {PERIODS[name]}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_forbund(name: str):
    assert {r.forbund for r in _rows(name)} == {FORBUND[name]}


@pytest.mark.parametrize(("title", "expected"), [
    ("Finsam Lund\n\nÅrsrapport 2024\n", "Finsam Lund"),
    ("SAMORDNINGSFÖRBUNDET NORRA DALEN\n\nÅrsrapport 2024\n", "Samordningsförbundet Norra Dalen"),
    ("Årsrapport 2024\n\nSamordningsförbundet för en dialog med parterna.\n", None),
])
def test_forbund_name_keeps_the_prefix_it_is_written_with(title: str, expected: str | None):
    from pipelines.reports.sections import forbund_name
    from pipelines.reports.text import normalise

    assert forbund_name(normalise("x", title)) == expected
