"""Row rules of the files that hold one row per insats (or förbund) and year.

The national count form, insats costs and förbund funds each state one value per unit and
year: a unit named twice for the same year, a year outside the follow-up's span, a total
that is not women plus men, a negative amount or a cost row with no amount is refused with
its row and column.
"""

from __future__ import annotations

from datetime import date

import polars as pl

from pipelines.errors import CellProblem
from pipelines.register.columns import Kind

FIRST_YEAR = 2004  # Finsam began in 2004


def _keys(typed: pl.DataFrame) -> list[str]:
    return [c for c in ("forbund_org_nr", "insats_id", "year") if c in typed.columns]


def _repeated(typed: pl.DataFrame, header_of: dict[str, str]) -> list[CellProblem]:
    keys = _keys(typed)
    if "year" not in keys:
        return []
    first = typed.filter(pl.all_horizontal(pl.col(k).is_not_null() for k in keys)).with_columns(
        pl.col("source_row").min().over(keys).alias("_first"))
    what = "insats" if "insats_id" in keys else "förbund"
    return [CellProblem(row["source_row"], header_of.get("year", ""),
                        f"the same {what} and year {row['year']} again (first in row "
                        f"{row['_first']}); one row per {what} and year")
            for row in first.filter(pl.col("source_row") != pl.col("_first")).iter_rows(
                named=True)]


def _bad_years(typed: pl.DataFrame, header_of: dict[str, str]) -> list[CellProblem]:
    last = date.today().year + 1
    outside = typed.filter((pl.col("year") < FIRST_YEAR) | (pl.col("year") > last))
    return [CellProblem(row, header_of.get("year", ""),
                        f"year {year} is outside {FIRST_YEAR}–{last}")
            for row, year in outside.select("source_row", "year").iter_rows()]


def _negative(typed: pl.DataFrame, header_of: dict[str, str]) -> list[CellProblem]:
    problems = []
    for column in ("participants_women", "participants_men", "participants_total", "budget",
                   "cost_outcome", "allotted_funds"):
        if column in header_of:
            for row, value in typed.filter(pl.col(column) < 0).select(
                    "source_row", column).iter_rows():
                problems.append(CellProblem(row, header_of[column], f"{value:g} is negative"))
    return problems


def _count_form(typed: pl.DataFrame, header_of: dict[str, str]) -> list[CellProblem]:
    if "participants_total" not in header_of:
        return []
    wrong = typed.filter(pl.col("participants_total")
                         != pl.col("participants_women") + pl.col("participants_men"))
    return [CellProblem(row["source_row"], header_of["participants_total"],
                        f"{row['participants_total']} is not {row['participants_women']} "
                        f"women + {row['participants_men']} men")
            for row in wrong.iter_rows(named=True)]


def _costs(typed: pl.DataFrame, header_of: dict[str, str]) -> list[CellProblem]:
    empty = typed.filter(pl.col("budget").is_null() & pl.col("cost_outcome").is_null())
    column = header_of.get("cost_outcome") or header_of.get("budget", "")
    return [CellProblem(row, column, "neither budget nor utfall given")
            for row in empty["source_row"]]


def yearly_row_problems(kind: Kind, typed: pl.DataFrame,
                        header_of: dict[str, str]) -> list[CellProblem]:
    """Every cross-column and cross-row problem of a file with one row per unit and year."""
    if kind is Kind.ANONYMOUS_COUNTS:
        return []  # one row per insats, start year and kön; counted as given
    problems = _repeated(typed, header_of) + _bad_years(typed, header_of)
    problems += _negative(typed, header_of)
    if kind is Kind.COUNT_FORM:
        problems += _count_form(typed, header_of)
    if kind is Kind.INSATS_COSTS:
        problems += _costs(typed, header_of)
    return problems
