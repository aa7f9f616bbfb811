"""Demo cost files and national count forms, written beside the demo registers.

Costs (`data/raw/costs/`): per insats and year a budget and an utfall in kronor, roughly
30,000–60,000 kr per participant, and per förbund and year the tilldelade medel, somewhat
more than its insatser budget. Count forms (`data/raw/registers/`): one insats per förbund
that reports only counts by kön to the national follow-up, as since 2023.
"""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

from pipelines.synthetic.discrepancies import Unit
from pipelines.synthetic.names import INSATS_NAMES
from pipelines.synthetic.people import Spell
from pipelines.synthetic.writers import write_count_form, write_forbund_funds, write_insats_costs

COUNT_FORM_YEARS = (2023, 2024)


def _active(spells: list[Spell], year: int) -> int:
    return sum(1 for s in spells if s.start_date.year <= year
               and (s.end_date is None or s.end_date.year >= year))


def count_form_unit(forbund: str, org: str, taken: set[str],
                    insats_id: str) -> Unit | None:
    """An insats of `forbund` that no register names, reported on the count form."""
    name = next((n for n in INSATS_NAMES if n not in taken), None)
    return None if name is None else (forbund, org, insats_id, name)


def count_form_rows(unit: Unit, rng: random.Random) -> list[dict[str, object]]:
    rows = []
    for year in COUNT_FORM_YEARS:
        women, men = rng.randint(3, 30), rng.randint(2, 24)
        rows.append({"forbund_name": unit[0], "forbund_org_nr": unit[1], "insats_id": unit[2],
                     "insats_name": unit[3], "year": year, "participants_women": women,
                     "participants_men": men, "participants_total": women + men})
    return rows


def write_money(raw_dir: Path, forbund: str, units: list[Unit], spells: list[Spell],
                form_unit: Unit | None, form_rows: list[dict[str, object]],
                rng: random.Random, variant: int) -> list[Path]:
    """The cost files of one förbund, and its count form when it has one."""
    by_insats = {unit[2]: [s for s in spells if s.insats_id == unit[2]] for unit in units}
    years = sorted({s.start_date.year for s in spells})
    counted = Counter({(r["insats_id"], r["year"]): r["participants_total"] for r in form_rows})
    cost_rows, budgets = [], Counter()
    for unit in [*units, *([form_unit] if form_unit else [])]:
        for year in years:
            people = _active(by_insats.get(unit[2], []), year) or counted[(unit[2], year)]
            if not people:
                continue
            outcome = round(people * rng.uniform(30_000, 60_000), -3)
            budget = round(outcome * rng.uniform(0.9, 1.15), -4)
            budgets[year] += budget
            cost_rows.append({"forbund_name": unit[0], "forbund_org_nr": unit[1],
                              "insats_id": unit[2], "insats_name": unit[3], "year": year,
                              "budget": float(budget), "cost_outcome": float(outcome)})
    org = units[0][1]
    fund_rows = [{"forbund_name": forbund, "forbund_org_nr": org, "year": year,
                  "allotted_funds": float(round(budgets[year] * rng.uniform(1.1, 1.4), -4))}
                 for year in years if budgets[year]]
    costs = raw_dir / "costs"
    costs.mkdir(parents=True, exist_ok=True)
    files = [write_insats_costs(costs, forbund, cost_rows, variant),
             write_forbund_funds(costs, forbund, fund_rows, variant)]
    if form_rows:
        files.append(write_count_form(raw_dir / "registers", forbund, form_rows, variant))
    return files
