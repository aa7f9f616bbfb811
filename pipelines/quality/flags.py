"""Quality flags: every failed check as one row, in the warehouse and as a readable report."""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields
from datetime import date
from pathlib import Path

import duckdb
import polars as pl

from pipelines import vocabulary
from pipelines.publish import replace_file
from pipelines.quality.suites import SuiteFailure
from pipelines.warehouse import replace_tables

FLAGS_TABLE = "fct_quality_flags"
FLAGS_SCHEMA = "marts"

WHAT_TO_CHECK = vocabulary.quality_rules()  # rule → what to check (seeds/quality_rules.csv)


@dataclass(frozen=True)
class Flag:
    run_id: str
    check: str
    rule: str
    severity: str
    affects: str
    forbund: str | None
    insats: str | None
    period_start: date | None
    period_end: date | None
    metric: str | None
    sex: str | None
    left: str
    right: str
    quote: str | None
    what_to_check: str


def suite_flags(run_id: str, failures: Iterable[SuiteFailure]) -> list[Flag]:
    return [Flag(run_id, f"suite:{f.suite}", f.expectation, f.severity, f.affects, None, None,
                 None, None, None, None, f"{f.table}: {f.column}",
                 f"{f.unexpected} unexpected" + (f" (e.g. {f.examples})" if f.examples else ""),
                 None, f.what_to_check) for f in failures]


def _number(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:g}"


def consistency_flags(run_id: str, warehouse: Path) -> list[Flag]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.sql("select * from intermediate.int_report_consistency where not passed "
                       "order by forbund_name_reported, insats_name_reported, rule").pl()
    return [Flag(run_id, "report_consistency", r["rule"], r["severity"], "reports",
                 r["forbund_name_reported"], r["insats_name_reported"], r["period_start"],
                 r["period_end"], r["metric"], None,
                 f"{r['left_side']} = {_number(r['left_value'])}",
                 f"{r['right_side']} = {_number(r['right_value'])}",
                 # left before right, a quote shared by both once (a set's order varies)
                 " | ".join(dict.fromkeys(q for q in (r["left_quote"], r["right_quote"]) if q)),
                 WHAT_TO_CHECK.get(r["rule"], "")) for r in rows.iter_rows(named=True)]


def reconciliation_flags(run_id: str, warehouse: Path) -> list[Flag]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.sql("select * from marts.fct_reconciliation where classification = "
                       "'mismatch' order by forbund_name_reported, insats_name_reported, "
                       "metric, sex").pl()
    return [Flag(run_id, "reconciliation", "mismatch", "WARN", "reports",
                 r["forbund_name_reported"], r["insats_name_reported"], r["period_start"],
                 r["period_end"], r["metric"], r["sex"],
                 f"report = {_number(r['report_value'])}",
                 f"register = {_number(r['register_value'])}", r["quote"],
                 WHAT_TO_CHECK["mismatch"]) for r in rows.iter_rows(named=True)]


def register_file_flags(run_id: str, warehouse: Path) -> list[Flag]:
    """A WARN for each header of a loaded register file that looked like a known column, each
    repeated spell, and each file a newer export (partly) superseded."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        files = con.sql("select * from bronze.register_files order by source_file").pl()
    if "warnings" not in files.columns:
        return []
    def rule(warning: str) -> str:
        return "duplicate_spells" if "duplicate spells" in warning else "unused_header"

    flags = [Flag(run_id, "register_file", rule(warning), "WARN", "registers",
                  None, None, None, None, None, None, r["source_file"], warning, None,
                  WHAT_TO_CHECK[rule(warning)])
             for r in files.filter(pl.col("warnings").is_not_null()).iter_rows(named=True)
             for warning in r["warnings"].splitlines()]
    if "superseded_by" in files.columns:
        flags += [Flag(run_id, "register_file", "superseded", "WARN", "registers",
                       r["forbund_org_nr"], None, None, None, None, None, r["source_file"],
                       f"{r['status']} by {r['superseded_by']}", None,
                       WHAT_TO_CHECK["superseded"])
                  for r in files.filter(pl.col("superseded_by").is_not_null()).iter_rows(
                      named=True)]
    return flags


def write_flags(warehouse: Path, flags: list[Flag]) -> None:
    schema = {f.name: pl.Date if f.name.startswith("period") else pl.String
              for f in fields(Flag)}
    frame = pl.DataFrame([asdict(f) for f in flags], schema=schema)
    replace_tables(warehouse, {FLAGS_TABLE: frame}, schema=FLAGS_SCHEMA)


def render_markdown(flags: list[Flag], run_id: str) -> str:
    lines = [f"# Quality report — run {run_id}", "",
             f"{sum(f.severity == 'ERROR' for f in flags)} ERROR, "
             f"{sum(f.severity == 'WARN' for f in flags)} WARN.", ""]
    for flag in sorted(flags, key=lambda f: (f.severity != "ERROR", f.forbund or "",
                                            f.insats or "", f.check, f.rule)):
        where = " / ".join(x for x in (flag.forbund, flag.insats) if x) or flag.left
        period = f" ({flag.period_start} – {flag.period_end})" if flag.period_start else ""
        lines.append(f"## {flag.severity}: {flag.check} — {flag.rule}")
        lines.append(f"- **Where:** {where}{period}")
        if flag.metric:
            lines.append(f"- **Figure:** {flag.metric}" + (f", {flag.sex}" if flag.sex else ""))
        lines.append(f"- **Found:** {flag.left} vs {flag.right}")
        if flag.quote:
            lines.append(f"- **Quote:** «{flag.quote}»")
        lines.append(f"- **What to check:** {flag.what_to_check}")
        lines.append("")
    return "\n".join(lines)


def render_html(flags: list[Flag], run_id: str) -> str:
    rows = "\n".join(
        "<tr>" + "".join(f"<td>{html.escape(str(v)) if v is not None else ''}</td>" for v in (
            f.severity, f.check, f.rule, f.forbund, f.insats,
            f"{f.period_start} – {f.period_end}" if f.period_start else "", f.metric, f.sex,
            f"{f.left} vs {f.right}", f.quote, f.what_to_check)) + "</tr>"
        for f in sorted(flags, key=lambda f: (f.severity != "ERROR", f.forbund or "")))
    head = "".join(f"<th>{h}</th>" for h in ("Severity", "Check", "Rule", "Förbund", "Insats",
                                             "Period", "Metric", "Sex", "Found", "Quote",
                                             "What to check"))
    return (f"<!doctype html><html lang='sv'><meta charset='utf-8'>"
            f"<title>Quality report {html.escape(run_id)}</title>"
            "<style>body{font-family:sans-serif}td,th{border:1px solid #ccc;padding:4px;"
            "vertical-align:top}table{border-collapse:collapse}</style>"
            f"<h1>Quality report — run {html.escape(run_id)}</h1>"
            f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></html>")


def write_reports(folder: Path, flags: list[Flag], run_id: str) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in (("quality_report.md", render_markdown(flags, run_id)),
                       ("quality_report.html", render_html(flags, run_id))):
        target = folder / name
        replace_file(target, lambda path, text=text: path.write_text(text, encoding="utf-8"))
        written.append(target)
    return written
