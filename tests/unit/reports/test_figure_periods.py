"""The period each figure refers to, when a report mixes periods."""

from datetime import date

import pytest

from pipelines.reports.extract import extract_document
from pipelines.reports.periods import explicit_period
from pipelines.reports.text import normalise


def _periods(text: str) -> dict[tuple[str, str, float], tuple[date | None, date | None]]:
    doc = normalise("t", text)
    return {(f.metric, f.sex, f.value): (f.period_start, f.period_end)
            for f in extract_document(doc)}


@pytest.mark.parametrize(("title", "first", "last"), [
    ("Kvartalsrapport 3 2024", date(2024, 7, 1), date(2024, 9, 30)),
    ("KVARTALSRAPPORT NR 2, 2023", date(2023, 4, 1), date(2023, 6, 30)),
    ("Rapport för tredje kvartalet 2024", date(2024, 7, 1), date(2024, 9, 30)),
    ("Tertialrapport 2 2025", date(2025, 5, 1), date(2025, 8, 31)),
    ("Uppföljning andra tertialet 2022", date(2022, 5, 1), date(2022, 8, 31)),
    ("Halvårsrapport 1 2024", date(2024, 1, 1), date(2024, 6, 30)),
    ("Från: 2023-01-01 Till: 2023-12-31", date(2023, 1, 1), date(2023, 12, 31)),
])
def test_parts_of_a_year_and_ranges_written_as_fields(title, first, last):
    assert explicit_period(title) == (first, last)


def test_a_fifth_quarter_is_no_period():
    assert explicit_period("Kvartal 5 2024") is None


def test_a_closing_paragraph_dates_do_not_set_the_next_sections_period():
    intro = "".join(f"Inledande rad {n} om förbundets arbete.\n\n" for n in range(12))
    text = ("Verksamhetsberättelse 2023\n\n" + intro + "## 1. Alfa\n\nAlfa hade 20 deltagare.\n\n"
            "En tjänst var vakant under perioden 2023-03-01 – 2023-05-15 vilket påverkade "
            "arbetet med arbetsgivarkontakter under våren, men nu är teamet fullt igen.\n\n"
            "## 2. Beta\n\nBeta hade 31 deltagare.\n")
    assert _periods(text)[("participants", "all", 31)] == (date(2023, 1, 1), date(2023, 12, 31))


def test_an_earlier_year_named_beside_its_own_figure():
    text = ("Delårsrapport januari–augusti 2024\n\n## Alfa\n\n"
            "Hittills i år har 44 deltagare varit inskrivna, varav 20 kvinnor.\n\n"
            "Som jämförelse hade Alfa 58 deltagare under helåret 2023.\n")
    periods = _periods(text)
    assert periods[("participants", "all", 58)] == (date(2023, 1, 1), date(2023, 12, 31))
    assert periods[("participants", "women", 20)] == (date(2024, 1, 1), date(2024, 8, 31))


def test_a_list_under_a_lead_in_for_the_whole_project():
    text = ("Verksamhetsberättelse 2024\n\n## Projekt Alfa\n\n"
            "Projektet startade den 1 mars 2022 och avslutades i december 2024.\n\n"
            "Under 2024 avslutades 12 deltagare.\n\n"
            "Avsluten fördelar sig så här för hela projektperioden:\n"
            "· arbete: 9\n· studier: 4\n· sjukdom: 3\n")
    periods = _periods(text)
    assert periods[("ended_work", "all", 9)] == (date(2022, 3, 1), date(2024, 12, 31))
    assert periods[("ended_illness", "all", 3)] == (date(2022, 3, 1), date(2024, 12, 31))
    assert periods[("participants_ended", "all", 12)] == (date(2024, 1, 1), date(2024, 12, 31))


def test_a_start_date_field_gives_the_cumulative_column_its_start():
    text = ("Uppföljning kvartal 3 2024\n\n1. Insatsens namn:\tVerkstan\n"
            "2. Rapportperiod:\t2024-07-01 – 2024-09-30\n3. Insatsens startdatum:\t2023-02-01\n\n"
            "4. Antal deltagare\n\tPerioden\tSedan start\nKvinnor\t6\t18\nMän\t8\t22\n")
    periods = _periods(text)
    assert periods[("participants", "women", 6)] == (date(2024, 7, 1), date(2024, 9, 30))
    assert periods[("participants", "women", 18)] == (date(2023, 2, 1), date(2024, 9, 30))


def test_a_year_column_starts_with_the_project():
    text = ("Slutrapport Alfa\n\nProjektperiod: 2021-09-01 – 2023-12-31\n\n"
            "Tabell 1. Deltagare per år\n\t2021\t2022\t2023\nNya deltagare\t21\t40\t33\n")
    periods = _periods(text)
    assert periods[("participants_new", "all", 21)] == (date(2021, 9, 1), date(2021, 12, 31))
    assert periods[("participants_new", "all", 40)] == (date(2022, 1, 1), date(2022, 12, 31))


def test_project_year_columns_count_from_the_start():
    text = ("Slutrapport Alfa\n\nProjektperiod: 2021-03-01 – 2024-02-29\n\n"
            "Tabell 1. Deltagare per projektår\n\tÅr 1\tÅr 2\tÅr 3\tHela perioden\n"
            "Nya deltagare\t34\t29\t25\t88\n")
    periods = _periods(text)
    assert periods[("participants_new", "all", 34)] == (date(2021, 3, 1), date(2022, 2, 28))
    assert periods[("participants_new", "all", 25)] == (date(2023, 3, 1), date(2024, 2, 29))
    assert periods[("participants_new", "all", 88)] == (date(2021, 3, 1), date(2024, 2, 29))


def test_a_heading_whose_aside_names_a_partner_forbund_is_an_insats():
    from pipelines.reports.sections import find_sections

    text = ("Årsredovisning 2024\nSamordningsförbundet Ekby\n\n"
            "ARBETSBRON\n\nArbetsbron hade 30 deltagare.\n\n"
            "UNGA FRAMÅT (gemensam insats med Samordningsförbundet Västby)\n\n"
            "Unga framåt hade 40 deltagare.\n")
    names = [s.name for s in find_sections(normalise("t", text))]
    assert names[0] == "ARBETSBRON" and names[1].startswith("UNGA FRAMÅT")


def test_a_report_period_in_two_fields():
    text = ("Insatsuppföljning\n\n1.1 Insatsens namn\tAlfa\n2.1 Fr.o.m.\t2024-01-01\n"
            "2.2 T.o.m.\t2024-08-31\n3.1 Antal deltagare under perioden\t23\n")
    assert _periods(text)[("participants", "all", 23)] == (date(2024, 1, 1), date(2024, 8, 31))


def test_a_summary_table_row_under_the_abbreviation_of_a_section():
    text = ("Verksamhetsberättelse 2023\n\n## Individanpassat stöd till arbete (IPS)\n\n"
            "IPS hade ett bra år.\n\n## Unga vägar (UV)\n\nUV hade ett bra år.\n\n"
            "## Sammanställning\n\nInsats\tDeltagare\tAvslutade\nIPS\t61\t23\nUV\t31\t16\n")
    found = {(f.insats, f.metric, f.value) for f in extract_document(normalise("t", text))}
    assert ("Individanpassat stöd till arbete (IPS)", "participants", 61) in found
    assert ("Unga vägar (UV)", "participants_ended", 16) in found
