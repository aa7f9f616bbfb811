"""More layouts the rules were not written for (tests/fixtures/reports/, written for these
tests): an e-mail whose insats headings are framed by rule lines, fact boxes drawn with box
characters under a template heading repeated for every insats, upper-case chapters above
plain insats headings, a numbered form whose answers stand on the next line, an indicator
table with a target column, PDF text whose table columns are aligned with spaces, board
minutes that name each insats at the start of a paragraph with an appendix of one table per
insats, slides with an agenda, and Markdown pipe tables under a table of contents of links.

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
    "epost.txt": {
        ("arbetsbron", "participants", "all", 19),
        ("arbetsbron", "participants", "women", 11),
        ("arbetsbron", "participants", "men", 8),
        ("arbetsbron", "participants_new", "all", 6),
        ("arbetsbron", "participants_ended", "all", 7),
        ("arbetsbron", "ended_work", "all", 2),
        ("arbetsbron", "ended_studies", "all", 1),
        ("arbetsbron", "ended_continued_rehab", "all", 4),
        ("arbetsbron", "participants_ongoing", "all", 12),
        ("arbetsbron", "places", "all", 15),
        ("motivera mera", "participants", "all", 27),
        ("motivera mera", "participants", "women", 16),
        ("motivera mera", "participants", "men", 11),
        ("motivera mera", "participants_new", "all", 9),
        ("motivera mera", "participants_ongoing", "all", 20),
    },
    "faktaruta.txt": {
        ("vagen in", "places", "all", 18),
        ("vagen in", "participants", "all", 26),
        ("vagen in", "participants_new", "all", 10),
        ("vagen in", "participants_ended", "all", 8),
        ("vagen in", "ended_work", "all", 3),
        ("halsosteget", "places", "all", 12),
        ("halsosteget", "participants", "all", 15),
        ("halsosteget", "participants_ended", "all", 4),
    },
    "kapitel.txt": {
        ("jobbnara", "places", "all", 14),
        ("jobbnara", "participants", "all", 22),
        ("jobbnara", "participants", "women", 12),
        ("jobbnara", "participants", "men", 10),
        ("jobbnara", "participants_ended", "all", 9),
        ("jobbnara", "ended_work", "all", 4),
        ("tillsammans framat", "participants", "all", 17),
    },
    "kvartalsblankett.txt": {
        ("stodlinjen", "participants", "all", 21),
        ("stodlinjen", "participants", "women", 13),
        ("stodlinjen", "participants", "men", 8),
        ("stodlinjen", "participants_new", "all", 6),
        ("stodlinjen", "participants_new", "women", 4),
        ("stodlinjen", "participants_new", "men", 2),
        ("stodlinjen", "participants_ended", "all", 5),
        ("stodlinjen", "ended_work", "all", 2),
        ("stodlinjen", "share_work_or_studies_pct", "all", 40),
        ("stodlinjen", "avg_months_in_insats", "all", 6.5),
    },
    "indikatorer.txt": {
        ("lotsa", "participants", "all", 40),
        ("lotsa", "participants", "women", 22),
        ("lotsa", "participants", "men", 18),
        ("lotsa", "participants_new", "all", 17),
        ("lotsa", "participants_ended", "all", 15),
        ("lotsa", "ended_work", "all", 4),
        ("lotsa", "ended_studies", "all", 2),
        ("lotsa", "share_work_or_studies_pct", "all", 40),
        ("lotsa", "goal_work_or_studies_pct", "all", 35),
        ("arbetsverket", "participants", "all", 25),
        ("arbetsverket", "participants_ended", "all", 10),
    },
    "pdfkolumner.txt": {
        ("sprakbron", "places", "all", 25),
        *{("sprakbron", "participants_new", "women", v) for v in (3, 5, 2, 4, 14)},
        *{("sprakbron", "participants_new", "men", v) for v in (2, 1, 3, 8)},
        *{("sprakbron", "participants_new", "all", v) for v in (5, 6, 22)},
        ("sprakbron", "participants_ended", "all", 12),
        ("sprakbron", "ended_work", "all", 3),
        ("sprakbron", "ended_studies", "all", 5),
        ("steget", "participants", "all", 31),
    },
    "protokoll.txt": {
        ("jobbverkstaden", "participants", "all", 21),
        ("jobbverkstaden", "participants", "women", 9),
        ("jobbverkstaden", "participants", "men", 12),
        ("jobbverkstaden", "participants_ended", "all", 5),
        ("jobbverkstaden", "ended_work", "all", 2),
        ("jobbverkstaden", "participants_new", "all", 6),
        ("halsotrappan", "participants", "all", 14),
        ("halsotrappan", "participants_new", "all", 3),
    },
    "presentation.txt": {
        ("arbetsnara", "participants", "all", 33),
        ("arbetsnara", "participants", "women", 20),
        ("arbetsnara", "participants", "men", 13),
        ("arbetsnara", "participants_ended", "all", 12),
        ("arbetsnara", "ended_work", "all", 5),
        ("arbetsnara", "goal_work_or_studies_pct", "all", 40),
        ("kompassen", "participants", "all", 18),
        ("kompassen", "participants_new", "all", 4),
    },
    "pipetabell.txt": {
        ("stegvis", "participants", "all", 22),
        ("stegvis", "participants", "women", 12),
        ("stegvis", "participants", "men", 10),
        ("stegvis", "participants_ended", "all", 7),
        ("stegvis", "participants_ended", "women", 4),
        ("stegvis", "participants_ended", "men", 3),
        ("brobygget", "participants", "all", 15),
        ("brobygget", "ended_studies", "all", 2),
    },
}
PERIODS = {
    "epost.txt": (date(2024, 1, 1), date(2024, 9, 30)),
    "faktaruta.txt": (date(2025, 1, 1), date(2025, 8, 31)),
    "kapitel.txt": (date(2023, 1, 1), date(2023, 12, 31)),
    "kvartalsblankett.txt": (date(2025, 1, 1), date(2025, 3, 31)),
    "indikatorer.txt": (date(2024, 1, 1), date(2024, 12, 31)),
    "protokoll.txt": (date(2025, 1, 1), date(2025, 4, 30)),
    "presentation.txt": (date(2024, 1, 1), date(2024, 12, 31)),
    "pipetabell.txt": (date(2024, 1, 1), date(2024, 12, 31)),
}
FORBUND = {
    "epost.txt": "Samordningsförbundet Västerbygd",
    "faktaruta.txt": "Samordningsförbundet Ådalen Syd",
    "kapitel.txt": "Samordningsförbundet Fjällsjö",
    "kvartalsblankett.txt": "Samordningsförbundet Norrliden",
    "indikatorer.txt": "Samordningsförbundet Vättervik",
    "pdfkolumner.txt": "Samordningsförbundet Glimmingebygd",
    "protokoll.txt": "Samordningsförbundet Skogslunda",
    "presentation.txt": "Samordningsförbundet Lommabygd",
    "pipetabell.txt": "Samordningsförbundet Sjöviken",
}


def _rows(name: str):
    return extract_document(read_document(FIXTURES / name))


def _insats(name: str, expected: set[tuple]) -> str:
    """The expected insats a headed name starts with: 'Arbetsbron (arbetsträning)' is
    Arbetsbron, as the heading gives it."""
    folded = fold(name)
    return next((e[0] for e in expected if folded.startswith(e[0])), folded)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_figures(name: str):
    expected = EXPECTED[name]
    assert {(_insats(r.insats, expected), r.metric, r.sex, r.value)
            for r in _rows(name)} == expected


@pytest.mark.parametrize("name", sorted(PERIODS))
def test_periods(name: str):
    assert {(r.period_start, r.period_end) for r in _rows(name)} == {PERIODS[name]}


@pytest.mark.parametrize("name", sorted(FORBUND))
def test_forbund(name: str):
    assert {r.forbund for r in _rows(name)} == {FORBUND[name]}


def test_quarter_columns_of_a_space_aligned_table_carry_their_quarter():
    rows = {(r.metric, r.sex, r.value): (r.period_start, r.period_end)
            for r in _rows("pdfkolumner.txt") if r.metric == "participants_new"}
    assert rows[("participants_new", "women", 5)] == (date(2024, 4, 1), date(2024, 6, 30))
    assert rows[("participants_new", "men", 8)] == (date(2024, 1, 1), date(2024, 12, 31))
    assert rows[("participants_new", "all", 22)] == (date(2024, 1, 1), date(2024, 12, 31))


def test_each_figure_keeps_the_headings_above_it():
    paths = {(r.metric, r.value): r.heading_path for r in _rows("kapitel.txt")}
    assert paths[("ended_work", 4)] == "Jobbnära › Resultat"
    assert paths[("participants", 17)].startswith("Tillsammans Framåt")
