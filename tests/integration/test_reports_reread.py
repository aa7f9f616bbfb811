"""Reports read again only when their text or the reading rules changed; the tables are
those a load from scratch gives."""

from __future__ import annotations

from pathlib import Path

import duckdb

from pipelines.reports.load import load_all

FIRST = """Samordningsförbundet Västerå

Verksamhetsberättelse 2023

Jobbspåret

Under 2023 deltog 31 personer i Jobbspåret, 17 kvinnor och 14 män. Elva avslutade
insatsen och sex av dem gick vidare till arbete.

Hälsoslingan

Hälsoslingan hade 12 deltagare under året.
"""
SECOND = """Samordningsförbundet Österå — delårsrapport januari–juni 2024

Steg för steg

Insatsen har haft 22 deltagare (varav 9 män). Fyra personer har avslutat insatsen.
Handledarna har under våren arbetat med att stärka samarbetet med kommunens
arbetsmarknadsenhet och Försäkringskassan, och gruppträffarna har flyttats till nya lokaler.
"""


def _load(folder: Path, warehouse: Path) -> list[str]:
    said: list[str] = []
    load_all(folder / "reports", folder / "figures", folder / "quarantine", warehouse,
             log=said.append)
    return said


def _tables(warehouse: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return {table: con.execute(f"select * from bronze.{table} order by all").fetchall()
                for table in ("report_sections", "report_figures")}


def _write(folder: Path, name: str, text: str) -> None:
    (folder / "reports").mkdir(parents=True, exist_ok=True)
    (folder / "reports" / name).write_text(text, encoding="utf-8")


def test_only_changed_reports_are_read_again(tmp_path, monkeypatch):
    data, warehouse = tmp_path / "raw", tmp_path / "warehouse.duckdb"
    _write(data, "vastera_2023.txt", FIRST)
    _write(data, "ostera_2024.txt", SECOND)
    said = _load(data, warehouse)
    assert any("vastera_2023.txt: " in line and "figures" in line for line in said)
    assert _tables(warehouse)["report_figures"]  # the reports hold figures to keep

    said = _load(data, warehouse)  # nothing changed: no report split or read again
    assert not any(line.startswith("reports/") for line in said), said
    assert sum("2 reports as read at the last load" in line for line in said) == 2

    _write(data, "ostera_2024.txt", SECOND.replace("22 deltagare", "24 deltagare"))
    said = _load(data, warehouse)
    assert any(line.startswith("reports/ostera_2024.txt: ") for line in said)
    assert not any(line.startswith("reports/vastera_2023.txt: ") for line in said)
    fresh = tmp_path / "fresh.duckdb"
    _load(data, fresh)
    assert _tables(warehouse) == _tables(fresh)
    values = [row for row in _tables(warehouse)["report_figures"]
              if row[0].endswith("ostera_2024.txt")]
    assert any(24.0 in row for row in values)

    monkeypatch.setenv("FINSAM_MAX_CELL_CHARS", "99999")  # other rules: every report again
    said = _load(data, warehouse)
    assert not any("unchanged since the last load" in line for line in said)  # documents too
    assert not any("as read at the last load" in line for line in said)
    assert _tables(warehouse) == _tables(fresh)


def test_figures_read_from_sections_of_older_rules_are_read_again(tmp_path, monkeypatch):
    """The figures stage run alone after the rules changed (as from the UI) reads the old
    rules' sections; the next load reads the sections again, and the figures after them."""
    from pipelines.reports.load import load_documents, load_figures

    data, warehouse = tmp_path / "raw", tmp_path / "warehouse.duckdb"
    _write(data, "vastera_2023.txt", FIRST)
    _load(data, warehouse)
    monkeypatch.setenv("FINSAM_MAX_CELL_CHARS", "99999")
    load_documents(data / "reports", data / "quarantine", warehouse, log=lambda _: None)
    load_figures(warehouse, log=lambda _: None)  # sections as the old rules made them
    said = _load(data, warehouse)
    assert "reports/vastera_2023.txt: 2 sections" in said
    assert any(line.startswith("reports/vastera_2023.txt: ") and "figures" in line
               for line in said)
    fresh = tmp_path / "fresh.duckdb"
    _load(data, fresh)
    assert _tables(warehouse) == _tables(fresh)
