"""What the demo reports and registers are known to disagree on, and the register's own tally.

Every stated figure the synthetic register does not reproduce is listed in
`data/raw/synthetic_discrepancies.csv` with its kind: planted (a difference made on purpose
for reconciliation to find), report_inconsistent, not_targeted (another period), or
report_slip (a demo report states it wrongly on purpose).
"""

from __future__ import annotations

import csv
import math
import random
from collections.abc import Callable
from datetime import date
from pathlib import Path

from pipelines.synthetic.people import Spell, new_spell, random_day
from pipelines.synthetic.targets import InsatsTarget

DISCREPANCY_FILE = "synthetic_discrepancies.csv"
OUTCOME_REASONS = {
    "ended_work": "Arbete", "ended_studies": "Studier", "ended_job_seeking": "Arbetssökande",
    "ended_continued_rehab": "Fortsatt rehabilitering", "ended_illness": "Sjukdom",
    "ended_moved": "Flytt", "ended_other": "Övrigt",
}
Unit = tuple[str, str, str, str]  # förbund name, org nr, insats id, insats name


def period_counts(spells: list[Spell], first: date, last: date) -> dict[tuple[str, str], int]:
    """The generator's own tally of what the register says for a period (metric, sex)."""
    tally: dict[tuple[str, str], int] = {}

    def add(metric: str, spell: Spell) -> None:
        for sex in ("all", "women" if spell.sex == "Kvinna" else "men"):
            tally[(metric, sex)] = tally.get((metric, sex), 0) + 1

    reasons = {reason: metric for metric, reason in OUTCOME_REASONS.items()}
    for s in spells:
        if s.end_reason == "Felregistrering" or s.start_date > last or (
                s.end_date is not None and s.end_date < first):
            continue
        add("participants", s)
        if s.start_date >= first:
            add("participants_new", s)
        if s.end_date is not None and s.end_date <= last:
            add("participants_ended", s)
            add(reasons[s.end_reason], s)
        else:
            add("participants_ongoing", s)
    return tally


def plant(spells: list[Spell], target: InsatsTarget, rng: random.Random,
          ids: Callable[[], str], unit: Unit) -> str:
    """Register participants the report does not count, all of one sex, still ongoing.

    The difference (at least 3 and 8 %) is larger than the default reconciliation
    tolerance (±1 or ±5 %), so reconciliation must find it.
    """
    in_period = period_counts(spells, target.period_start, target.period_end)
    k = max(3, math.ceil(in_period.get(("participants", "all"), 0) * 0.08))
    sex = rng.choice(("Kvinna", "Man"))
    for _ in range(k):
        start = random_day(rng, target.period_start, target.period_end)
        spells.append(new_spell(rng, unit, ids(), sex, start))
    return f"{k} participants ({sex}) registered as new and ongoing but not in the report"


def discrepancies(target: InsatsTarget, spells: list[Spell], planted: str | None
                  ) -> list[dict[str, object]]:
    """Every stated figure the register does not reproduce, and why."""
    stated = [(target.period_start, target.period_end, metric, sex, value)
              for metric, by_sex in target.values.items() for sex, value in by_sex.items()]
    stated += [(*key, value) for key, value in target.other_periods.items()]
    stated += [(target.period_start, target.period_end, metric, sex, value)
               for metric, sex, value in target.restated]
    rows = []
    for first, last, metric, sex, value in stated:
        tally = period_counts(spells, first, last)
        register = tally.get((metric, sex), 0)
        if metric == "ended_work_or_studies":
            register = tally.get(("ended_work", sex), 0) + tally.get(("ended_studies", sex), 0)
        if register == value:
            continue
        primary = (first, last) == (target.period_start, target.period_end)
        kind = ("planted" if planted else "report_inconsistent") if primary else "not_targeted"
        description = {
            "planted": planted,
            "report_inconsistent": "the report's own figures cannot all hold at once",
            "not_targeted": "another period of the report; the demo reproduces one period",
        }[kind]
        rows.append({"forbund": target.forbund, "insats": target.insats,
                     "period_start": first.isoformat(), "period_end": last.isoformat(),
                     "metric": metric, "sex": sex, "report_value": value,
                     "register_value": register, "kind": kind, "description": description})
    return rows


def slip_rows(forbund: str, slips: list[tuple]) -> list[dict[str, object]]:
    return [{"forbund": forbund, "insats": insats, "period_start": first.isoformat(),
             "period_end": last.isoformat(), "metric": metric, "sex": sex,
             "report_value": stated, "register_value": register, "kind": "report_slip",
             "description": "a demo report states this figure wrongly on purpose"}
            for insats, first, last, metric, sex, stated, register in slips]


def write_discrepancies(path: Path, rows: list[dict[str, object]]) -> None:
    fields = ["forbund", "insats", "period_start", "period_end", "metric", "sex",
              "report_value", "register_value", "kind", "description"]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
