"""Report files are hashed; an unchanged report is not read again."""

from pathlib import Path

from pipelines.reports.load import DOCUMENTS, load_documents
from pipelines.warehouse import read_table

TEXT = ("Årsrapport 2022\n\nInsatsens namn: Vägen framåt\n\n"
        + "Under året har 14 deltagare varit inskrivna. " * 10)


def test_unchanged_reports_are_kept_and_changed_ones_read_again(tmp_path: Path):
    reports = tmp_path / "raw" / "reports"
    reports.mkdir(parents=True)
    (reports / "a.txt").write_text(TEXT, encoding="utf-8")
    (reports / "b.txt").write_text(TEXT, encoding="utf-8")
    warehouse = tmp_path / "w.duckdb"
    messages: list[str] = []
    load_documents(reports, tmp_path / "q", warehouse, log=messages.append)
    first = {r["source_file"]: r["load_id"] for r in
             read_table(warehouse, DOCUMENTS).iter_rows(named=True)}
    (reports / "b.txt").write_text(TEXT + "Ändrad.", encoding="utf-8")
    messages.clear()
    load_documents(reports, tmp_path / "q", warehouse, log=messages.append)
    second = {r["source_file"]: (r["load_id"], r["sha256"]) for r in
              read_table(warehouse, DOCUMENTS).iter_rows(named=True)}
    assert second["reports/a.txt"][0] == first["reports/a.txt"]
    assert second["reports/b.txt"][0] != first["reports/b.txt"]
    assert messages == [f"read reports/b.txt: {len(TEXT + 'Ändrad.')} characters",
                        "1 reports unchanged since the last load"]
