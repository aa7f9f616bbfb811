"""Sections from each layout, and the periods reports write."""

from datetime import date

import pytest

from pipelines.reports.periods import explicit_period, year_period
from pipelines.reports.sections import document_period, find_sections, forbund_name
from pipelines.reports.text import normalise


def _sections(text: str) -> list[tuple[str, date | None, date | None]]:
    doc = normalise("t", text)
    return [(s.name, *(s.period or (None, None))) for s in find_sections(doc)]


def test_markdown_headings_matched_to_a_cover_list():
    text = ("## **Verksamhetsrapporter januari till och med augusti 2019**\n\n"
            "**Stegvis ESF projekt**\n\n**Språngbrädan i Norrby**\n\n**Hälsa för Alla**\n\n"
            "## Uppföljning januari- augusti 2019 Språngbrädan\n\nText om insatsen.\n\n"
            "## Uppföljning januari- augusti 2019\n\n### Hälsa för Alla\n\nMer text.\n\n"
            "## Uppföljning\n\njanuari- augusti\n\n2019 Stegvis\n\nÄnnu mer text.\n")
    assert _sections(text) == [
        ("Språngbrädan i Norrby", date(2019, 1, 1), date(2019, 8, 31)),
        ("Hälsa för Alla", date(2019, 1, 1), date(2019, 8, 31)),
        ("Stegvis ESF projekt", date(2019, 1, 1), date(2019, 8, 31)),
    ]


def test_table_of_contents_and_standalone_names():
    text = ("PROJEKTREDOVISNING\n\n2022\n\nInnehållsförteckning\n\n<i>Alfa</i>\t3\n"
            "<i>Beta Gamma</i>\t5\n<i>Delta insats</i>\t8\n\nAlfa\n\nPeriod\n\n"
            "210101-230228\n\nResultat\n\nText.\n\nBeta Gamma\n\nPeriod\n\n220101-221231\n\n"
            "Text som nämner Alfa.\n\nDelta insats\n\nText.\n")
    doc = normalise("t", text)
    sections = find_sections(doc)
    assert [s.name for s in sections] == ["Alfa", "Beta Gamma", "Delta insats"]
    assert sections[0].period == (date(2022, 1, 1), date(2022, 12, 31))
    assert sections[0].lifetime == (date(2021, 1, 1), date(2023, 2, 28))


def test_name_fields_of_a_form():
    text = ("Slutrapport\n\n1. Insatsens namn: Vägen framåt\n\n2.1 Antal deltagare: 34\n\n"
            "1. Insatsens namn: Nästa steg\n\n2.1 Antal deltagare: 12\n")
    assert [name for name, _, _ in _sections(text)] == ["Vägen framåt", "Nästa steg"]


def test_headings_followed_by_form_fields():
    text = ("Årsrapport 2021\n\nKompassen\n\nPeriod\n\n210101-211231\n\nSyfte\n\nText.\n\n"
            "Trappan\n\nProjektägare\n\nKommunen\n\nText.\n")
    assert [name for name, _, _ in _sections(text)] == ["Kompassen", "Trappan"]


def test_a_report_without_sections_is_one():
    assert [name for name, _, _ in _sections("Rapport om läget\n\n34 deltagare.\n")] \
        == ["Rapport om läget"]


@pytest.mark.parametrize("title", ["Slutrapport Vägen framåt", "SLUTRAPPORT Vägen framåt 2021–2023",
                                   "Kvartalsrapport Vägen framåt Q2 2024"])
def test_a_title_naming_a_kind_of_report_and_an_insats_is_that_insats(title: str):
    text = (f"{title}\n\nInnehåll\n1. Bakgrund ..... 2\n2. Utfall ..... 3\n\n"
            "1. Bakgrund\n\nText.\n\n2. Utfall\n\n34 deltagare.\n")
    assert [name for name, _, _ in _sections(text)] == ["Vägen framåt"]


@pytest.mark.parametrize(("text", "expected"), [
    ("januari–augusti 2019", (date(2019, 1, 1), date(2019, 8, 31))),
    ("januari till och med augusti 2019", (date(2019, 1, 1), date(2019, 8, 31))),
    ("Jan–Aug 2020", (date(2020, 1, 1), date(2020, 8, 31))),
    ("Under perioden januari-juni 2022", (date(2022, 1, 1), date(2022, 6, 30))),
    ("220101-221231", (date(2022, 1, 1), date(2022, 12, 31))),
    ("220101 - 220331", (date(2022, 1, 1), date(2022, 3, 31))),
    ("Startdatum: 2018-01-01\nSlutdatum: 2021-12-31", (date(2018, 1, 1), date(2021, 12, 31))),
    ("2022-08-15 – 2023-12-31", (date(2022, 8, 15), date(2023, 12, 31))),
    ("Kvartal 2 2021", (date(2021, 4, 1), date(2021, 6, 30))),
])
def test_explicit_periods(text, expected):
    assert explicit_period(text) == expected


def test_a_year_alone_is_the_whole_year():
    assert year_period("PROJEKTREDOVISNING\n2022") == (date(2022, 1, 1), date(2022, 12, 31))


def test_document_period_and_forbund():
    doc = normalise("t", "SAMORDNINGS-\nFÖRBUNDET\nNorrby\n\nÅRSRAPPORT\n\n2021\n\n"
                         "Projektägare: Samordningsförbundet Norrby\n")
    assert document_period(doc) == (date(2021, 1, 1), date(2021, 12, 31))
    assert forbund_name(doc) == "Samordningsförbundet Norrby"


def test_parts_of_a_year_without_the_year():
    from datetime import date

    from pipelines.reports.periods import is_year_to_date, within_year

    assert within_year("T2", 2024) == (date(2024, 5, 1), date(2024, 8, 31))
    assert within_year("Tertial 3", 2024) == (date(2024, 9, 1), date(2024, 12, 31))
    assert within_year("andra halvåret", 2024) == (date(2024, 7, 1), date(2024, 12, 31))
    assert within_year("H1", 2023) == (date(2023, 1, 1), date(2023, 6, 30))
    assert within_year("Kv 3 (jul–sep)", 2024) == (date(2024, 7, 1), date(2024, 9, 30))
    assert within_year("jan–mar", 2025) == (date(2025, 1, 1), date(2025, 3, 31))
    assert within_year("Deltagare", 2024) is None
    assert is_year_to_date("Ack.") and is_year_to_date("Hittills 2024")


def test_insatser_headed_inside_a_chapter_about_insatser_are_sections():
    text = ("# Årsrapport 2024\n\n## 1. Lotsen\n\nLotsen har haft 20 deltagare.\n\n"
            "## 2. Insatser för unga\n\nTvå insatser riktar sig till unga.\n\n"
            "### 2.1 Ungkraft\n\nUngkraft har haft 12 deltagare.\n\n"
            "### 2.2 Sommarjobbet\n\nSommarjobbet har haft 30 deltagare.\n\n"
            "## 3. Ekonomi\n\nBudgeten höll.\n")
    assert [name for name, _, _ in _sections(text)] == ["Lotsen", "Ungkraft", "Sommarjobbet"]


def test_a_final_report_names_its_project_on_the_line_under_its_kind():
    text = ("SLUTRAPPORT OCH UTVÄRDERING\n\nBROBYGGET\n\nProjektperiod 2021-01-01 – 2023-12-31\n\n"
            "INNEHÅLL\n1 SAMMANFATTNING\t3\n2 RESULTAT\t5\n3 DELPROJEKTET UNGA\t7\n\n"
            "1 SAMMANFATTNING\n\nText.\n\n2 RESULTAT\n\n40 deltagare.\n\n3 DELPROJEKTET UNGA\n\n"
            "Text.\n")
    assert [name for name, _, _ in _sections(text)] == ["BROBYGGET"]


@pytest.mark.parametrize(("text", "expected"), [
    # HTML entities are characters: "januari&ndash;augusti".
    ("<h1>Delårsrapport januari&ndash;augusti 2024</h1>\n<p>Text.</p>\n",
     (date(2024, 1, 1), date(2024, 8, 31))),
    # A form's unticked options are no statement; its version year is no period.
    ("UPPFÖLJNINGSBLANKETT\nVersion 2023:2\n\n4. Rapportperiod\n☐ Helår   ☒ Halvår 1 (jan–jun)   "
     "☐ Slutrapport\t\tÅr: 2024\n", (date(2024, 1, 1), date(2024, 6, 30))),
    # A slide deck: a comment line first, the title with its year, a later meeting date.
    ("<!-- Slide number: 1 -->\n# Året som gick – 2023\nSamordningsförbundet Sjö\n"
     "Medlemssamråd 18 april 2024\n", (date(2023, 1, 1), date(2023, 12, 31))),
])
def test_document_period_of_converted_forms_and_pages(text: str, expected):
    assert document_period(normalise("x", text)) == expected


def test_a_kind_of_report_inside_an_insats_name_does_not_make_it_a_title():
    from pipelines.reports.topics import is_insats_name, is_title

    assert is_insats_name("Rehabsamverkan Hammarå (slutredovisning)")
    assert is_title("KVARTALSUPPFÖLJNING") and is_title("Delårsrapport januari–juni 2024")


def test_a_form_inside_a_report_on_several_insatser_does_not_hide_the_others():
    text = ("<h1>Lägesrapport kvartal 2 2024</h1>\n<h2>1. Lotsen</h2>\n"
            "<p>Lotsen har haft 30 deltagare.</p>\n<h2>2. Balans</h2>\n"
            "<p><b>1. Insatsens namn</b></p><p>Balans</p>\n<p>Balans har haft 20 deltagare.</p>\n"
            "<h2>3. Nyckeln till jobb</h2>\n<p>Nyckeln till jobb har haft 12 deltagare.</p>\n")
    assert [name for name, _, _ in _sections(text)] == ["Lotsen", "Balans", "Nyckeln till jobb"]


def test_a_final_report_covers_its_projects_whole_period():
    text = ("SLUTRAPPORT\nProjektet Kompass\n\nProjektperiod: 2021-09-01 – 2024-06-30\n"
            "Dnr 2021/14\n\nSlutrapport Kompass 2021–2024\n")
    assert document_period(normalise("x", text)) == (date(2021, 9, 1), date(2024, 6, 30))
