"""Write the offline report to data/marts/report/ from what is published, and nothing else.

Pages: an overview across förbund by year (`index.html`), one page per förbund beside its
peer group and the national median (`forbund/<name>.html`), and the quality flags with their
quotes (`kvalitet.html`). Figures come from the published Parquet exports, so the report
shows no count that disclosure control blanked; the flags come from the published warehouse.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

import duckdb
import polars as pl

from pipelines.kept_files import KeptFiles, frame_digest, source_digest
from pipelines.site import charts
from pipelines.site.pages import figure, number, page, table
from pipelines.workbooks import forbund_file_stem

MAIN_RATE = "share_work_or_studies"
EXPORTS = ("forbund_year", "insats_costs", "forbund_costs", "benchmark_forbund_year",
           "benchmark_insats_year")


def _read(marts_dir: Path) -> dict[str, pl.DataFrame]:
    frames = {}
    for name in EXPORTS:
        path = marts_dir / f"{name}.parquet"
        if not path.exists():
            raise FileNotFoundError(f"{path} is missing: run `finsam run` first")
        frames[name] = pl.read_parquet(path)
    return frames


def _flags(warehouse: Path) -> pl.DataFrame:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.sql("select * from marts.fct_quality_flags "
                       "order by severity, forbund, insats, period_start").pl()


def _page_name(org_nr: str, name: str) -> str:
    return forbund_file_stem(name, org_nr) + ".html"


def _rate(frame: pl.DataFrame, rate: str) -> pl.DataFrame:
    return frame.filter((pl.col("rate") == rate) & pl.col("is_published"))


def _overview(frames: dict[str, pl.DataFrame], names: dict[str, str]) -> str:
    rates = _rate(frames["benchmark_forbund_year"], MAIN_RATE)
    parts = []
    if rates.height:
        year = rates["year"].max()
        latest = rates.filter(pl.col("year") == year)
        bars = [(names.get(r["forbund_org_nr"], r["forbund_org_nr"]), r["value"])
                for r in latest.iter_rows(named=True)]
        median = latest["national_median"].drop_nulls().first()
        parts.append(figure(charts.bars_with_median(
            bars, median, f"Andel avslutade till arbete eller studier {year}", "Procent"),
            "Röd linje: rikets median samma år."))
        national = rates.group_by("year").agg(pl.col("national_median").first()).sort("year")
        trend = [(y, v) for y, v in national.iter_rows() if v is not None]
        if trend:
            parts.append(figure(charts.trend(
                {"Riket, median": trend}, "Rikets median över åren", "Procent"),
                "Medianen bland förbund med minst 10 avslutade samma år."))
    else:
        parts.append("<p>Inga publicerade andelar ännu.</p>")
    costs = frames["forbund_costs"].filter(pl.col("cost_per_participant_kr").is_not_null())
    if costs.height:
        year = costs["year"].max()
        bars = [(names.get(r["forbund_org_nr"], r["forbund_name"]), r["cost_per_participant_kr"])
                for r in costs.filter(pl.col("year") == year).iter_rows(named=True)]
        parts.append(figure(charts.bars_with_median(
            bars, None, f"Kostnad per deltagare {year}", "Kronor"),
            "Insatsernas utfall delat med förbundets deltagare."))
    years = frames["forbund_year"].sort("forbund_name", "year")
    cost_of = {(r["forbund_org_nr"], r["year"]): r["cost_per_participant_kr"]
               for r in frames["forbund_costs"].iter_rows(named=True)}
    rows = [[f'<a href="forbund/{_page_name(r["forbund_org_nr"], r["forbund_name"])}">'
             f'{escape(r["forbund_name"])}</a>', str(r["year"]),
             number(r["participants_active"]), number(r["participants_ended"]),
             number(r["share_work_or_studies_pct"], 1),
             number(cost_of.get((r["forbund_org_nr"], r["year"])), 0, " kr")]
            for r in years.iter_rows(named=True)]
    parts.append("<h2>Förbund per år</h2>" + table(
        ["Förbund", "År", "Deltagare", "Avslutade", "Till arbete eller studier (%)",
         "Kostnad per deltagare"], rows, numeric={2, 3, 4, 5}))
    return "\n".join(parts)


def _forbund_page(org_nr: str, frames: dict[str, pl.DataFrame]) -> str:
    rates = frames["benchmark_forbund_year"].filter(pl.col("forbund_org_nr") == org_nr)
    main = _rate(rates, MAIN_RATE).sort("year")
    parts = []
    series = [(label, column) for label, column in (
        ("Förbundet", "value"), ("Riket, median", "national_median"),
        ("Storleksgruppen, median", "peer_median"))]
    trend = {label: [(r["year"], r[column]) for r in main.iter_rows(named=True)
                     if r[column] is not None] for label, column in series}
    if any(trend.values()):
        parts.append(figure(charts.trend(
            trend, "Andel avslutade till arbete eller studier", "Procent"),
            "Förbundet, rikets median och medianen bland förbund av samma storlek."))
    latest = rates.filter(pl.col("year") == rates["year"].max()) if rates.height else rates
    rows = [[escape(r["rate_label"]), number(r["value"], 1), number(r["national_median"], 1),
             number(r["peer_median"], 1),
             "–" if r["rank_in_year"] is None else f'{r["rank_in_year"]} av {r["national_units"]}']
            for r in latest.sort("rate").iter_rows(named=True)]
    if rows:
        parts.append(f"<h2>Jämförelse {latest['year'].max()}</h2>" + table(
            ["Mått", "Förbundet", "Riket, median", "Storleksgruppen, median", "Placering"],
            rows, numeric={1, 2, 3}))
    costs = frames["insats_costs"].filter(pl.col("forbund_org_nr") == org_nr)
    shown = costs.filter(pl.col("cost_per_participant_kr").is_not_null())
    if shown.height:
        year = shown["year"].max()
        bars = [(r["insats_name"], r["cost_per_participant_kr"])
                for r in shown.filter(pl.col("year") == year).iter_rows(named=True)]
        parts.append(figure(charts.bars_with_median(
            bars, None, f"Kostnad per deltagare och insats {year}", "Kronor"),
            "Utfall delat med insatsens deltagare."))
    rows = [[escape(r["insats_name"]), str(r["year"]), number(r["budget_kr"], 0, " kr"),
             number(r["cost_outcome_kr"], 0, " kr"), number(r["participants"]),
             number(r["cost_per_participant_kr"], 0, " kr"),
             number(r["cost_per_work_or_studies_kr"], 0, " kr")]
            for r in costs.sort("insats_name", "year").iter_rows(named=True)]
    if rows:
        parts.append("<h2>Kostnader per insats</h2>" + table(
            ["Insats", "År", "Budget", "Utfall", "Deltagare", "Per deltagare",
             "Per avslutad till arbete eller studier"], rows, numeric={2, 3, 4, 5, 6}))
    return "\n".join(parts) or "<p>Inga publicerade uppgifter för förbundet.</p>"


def _write_forbund_page(path: Path, org_nr: str, name: str,
                        frames: dict[str, pl.DataFrame]) -> None:
    path.write_text(page(name, _forbund_page(org_nr, frames), root="../"), encoding="utf-8")


def _quality(flags: pl.DataFrame) -> str:
    if not flags.height:
        return "<p>Inga kvalitetsflaggor.</p>"
    rows = [[escape(r["severity"] or ""), escape(r["forbund"] or ""), escape(r["insats"] or ""),
             escape(f"{r['period_start'] or ''} – {r['period_end'] or ''}"),
             escape(f"{r['left'] or ''} / {r['right'] or ''}"),
             f"<blockquote>{escape(r['quote'] or '')}</blockquote>",
             escape(r["what_to_check"] or "")]
            for r in flags.iter_rows(named=True)]
    return table(["Nivå", "Förbund", "Insats", "Period", "Uppgifter", "Citat", "Att kontrollera"],
                 rows)


def build_report(marts_dir: Path, warehouse: Path, target: Path | None = None,
                 log: Callable[[str], None] = print) -> Path:
    """Write the whole report to `target` (default marts_dir/report) as one set."""
    target = target or marts_dir / "report"
    frames, flags = _read(marts_dir), _flags(warehouse)
    names = dict(frames["forbund_year"].select("forbund_org_nr", "forbund_name").unique()
                 .iter_rows())

    kept = KeptFiles(target)
    salt = source_digest(*sorted(Path(__file__).parent.glob("*.py")))

    def write(folder: Path) -> None:
        (folder / "forbund").mkdir()
        for org_nr, name in sorted(names.items(), key=lambda item: item[1]):
            own = {key: frame.filter(pl.col("forbund_org_nr") == org_nr)
                   for key, frame in frames.items() if "forbund_org_nr" in frame.columns}
            file_name = f"forbund/{_page_name(org_nr, name)}"
            if not kept.keep(folder, file_name, frame_digest(own.values(), salt, name)):
                _write_forbund_page(folder / file_name, org_nr, name, own)
        (folder / "index.html").write_text(
            page("Finsam – jämförelse mellan förbund", _overview(frames, names)),
            encoding="utf-8")
        (folder / "kvalitet.html").write_text(
            page("Kvalitetsflaggor", _quality(flags)), encoding="utf-8")

    kept.replace(write)
    log(f"wrote the report ({len(names) + 2 - kept.kept} pages, {kept.kept} unchanged kept) "
        f"to {target}")
    return target / "index.html"
