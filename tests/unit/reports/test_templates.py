"""Whole reports in templates other than the shared ones (tests/fixtures/reports/).

Expected figures are what a careful reader records by the rules of ../shared/README.md.
"""

from datetime import date
from pathlib import Path

import pytest

from pipelines.reports.extract import extract_document
from pipelines.reports.readers import read_document

FIXTURES = Path(__file__).parents[2] / "fixtures" / "reports"

EXPECTED = {
    "numbered.txt": {
        ("Arbetsbron", "participants_new", "all", 42),
        ("Arbetsbron", "participants_new", "women", 25),
        ("Arbetsbron", "participants_new", "men", 17),
        ("Arbetsbron", "participants_ended", "all", 38),
        ("Arbetsbron", "ended_work", "all", 9),
        ("Arbetsbron", "ended_studies", "all", 4),
        ("Arbetsbron", "share_work_or_studies_pct", "all", 34),
        ("Arbetsbron", "avg_months_in_insats", "all", 8),
    },
    "slutrapport.txt": {
        ("Steg för steg", "participants", "all", 112),
        ("Steg för steg", "participants", "women", 64),
        ("Steg för steg", "participants", "men", 48),
        ("Steg för steg", "participants_ended", "all", 98),
        ("Steg för steg", "participants_ongoing", "all", 14),
        ("Steg för steg", "ended_work", "all", 21),
        ("Steg för steg", "ended_studies", "all", 9),
        ("Steg för steg", "ended_job_seeking", "all", 14),
        ("Steg för steg", "ended_continued_rehab", "all", 30),
        ("Steg för steg", "ended_illness", "all", 11),
        ("Steg för steg", "ended_moved", "all", 3),
        ("Steg för steg", "ended_other", "all", 10),
        ("Steg för steg", "share_work_or_studies_pct", "all", 31),
        ("Steg för steg", "goal_work_or_studies_pct", "all", 30),
        ("Steg för steg", "avg_months_in_insats", "all", 7.5),
    },
    "kvartal.txt": {
        ("Jobbverkstan", "participants_ongoing", "all", 23),
        ("Jobbverkstan", "participants_new", "all", 6),
        ("Jobbverkstan", "participants_ended", "all", 4),
        ("Jobbverkstan", "ended_work", "all", 1),
        ("Jobbverkstan", "ended_studies", "all", 1),
        ("Hälsolotsen", "participants_ongoing", "all", 15),
        ("Hälsolotsen", "participants_new", "all", 3),
        ("Hälsolotsen", "participants_ended", "all", 2),
    },
    "arsrapport.txt": {
        ("Arbetsträning Mitt", "participants", "all", 37),
        ("Arbetsträning Mitt", "participants", "women", 21),
        ("Arbetsträning Mitt", "participants", "men", 16),
        ("Arbetsträning Mitt", "participants_new", "all", 19),
        ("Arbetsträning Mitt", "participants_ended", "all", 17),
        ("Arbetsträning Mitt", "ended_work", "all", 6),
        ("Arbetsträning Mitt", "ended_studies", "all", 2),
        ("Arbetsträning Mitt", "ended_continued_rehab", "all", 5),
        ("Arbetsträning Mitt", "ended_other", "all", 4),
        ("Arbetsträning Mitt", "participants_ongoing", "all", 20),
        ("Arbetsträning Mitt", "share_work_or_studies_pct", "all", 47),
        ("Arbetsträning Mitt", "goal_work_or_studies_pct", "all", 40),
        ("Unga in", "places", "all", 25),
        ("Unga in", "participants", "all", 41),
        ("Unga in", "participants", "women", 18),
        ("Unga in", "participants", "men", 23),
        ("Unga in", "avg_months_in_insats", "all", 9),
    },
}
PERIODS = {
    "numbered.txt": (date(2020, 3, 1), date(2022, 2, 28)),
    "slutrapport.txt": (date(2019, 1, 1), date(2021, 12, 31)),
    "kvartal.txt": (date(2023, 1, 1), date(2023, 3, 31)),
    "arsrapport.txt": (date(2021, 1, 1), date(2021, 12, 31)),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_template(name: str):
    rows = extract_document(read_document(FIXTURES / name))
    assert {(r.insats, r.metric, r.sex, r.value) for r in rows} == EXPECTED[name]
    assert {(r.period_start, r.period_end) for r in rows} == {PERIODS[name]}


def test_forbund_is_found_in_each_template():
    found = {name: extract_document(read_document(FIXTURES / name))[0].forbund
             for name in EXPECTED}
    assert found == {"numbered.txt": "Samordningsförbundet Södra Lappland",
                     "slutrapport.txt": "Samordningsförbundet Västra Dalarna",
                     "kvartal.txt": "Samordningsförbundet Östra Norrbotten",
                     "arsrapport.txt": "Samordningsförbundet Mittland"}
