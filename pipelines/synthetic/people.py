"""Random but realistic participant spells: ages, durations, outcomes, background."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

# Outcome mix among ended participants, roughly as the reports describe it.
OUTCOME_MIX: dict[str, float] = {
    "Arbete": 0.18, "Studier": 0.08, "Arbetssökande": 0.12,
    "Fortsatt rehabilitering": 0.36, "Sjukdom": 0.12, "Flytt": 0.04, "Övrigt": 0.10,
}
EDUCATION = ("Förgymnasial", "Gymnasial", "Eftergymnasial", "Okänd")
SUPPORT = ("Försörjningsstöd", "Sjukpenning", "Aktivitetsstöd", "Aktivitetsersättning",
           "Sjukersättning", "Etableringsersättning", "Ingen ersättning")


@dataclass
class Spell:
    """One participant period in one insats, as a register export row holds it."""

    forbund_name: str
    forbund_org_nr: str
    insats_id: str
    insats_name: str
    participant_id: str
    sex: str
    birth_year: int
    education_level: str
    support_before: str
    years_in_support_before: float
    start_date: date
    end_date: date | None = None
    end_reason: str | None = None
    working_or_studying_after: bool | None = None

    def end(self, when: date, reason: str, rng: random.Random) -> None:
        self.end_date = when
        self.end_reason = reason
        work = reason in ("Arbete", "Studier")
        self.working_or_studying_after = work or rng.random() < 0.05


def random_outcome(rng: random.Random, avoid: set[str] = frozenset()) -> str:
    """An avslutsanledning from the usual mix, avoiding `avoid` while anything else is left."""
    mix = {r: w for r, w in OUTCOME_MIX.items() if r not in avoid} or OUTCOME_MIX
    return rng.choices(list(mix), list(mix.values()))[0]


def random_day(rng: random.Random, first: date, last: date) -> date:
    if last <= first:
        return first
    return first + timedelta(days=rng.randint(0, (last - first).days))


def random_duration(rng: random.Random) -> timedelta:
    """Weeks to two years, median about seven months."""
    days = rng.lognormvariate(5.3, 0.7)
    return timedelta(days=int(min(max(days, 14), 730)))


def new_spell(rng: random.Random, unit: tuple[str, str, str, str], participant_id: str,
              sex: str, start: date) -> Spell:
    forbund_name, org_nr, insats_id, insats_name = unit
    age = int(rng.triangular(18, 64, 32))
    support = rng.sample(SUPPORT, k=rng.choice((1, 1, 2)))
    return Spell(
        forbund_name=forbund_name, forbund_org_nr=org_nr, insats_id=insats_id,
        insats_name=insats_name, participant_id=participant_id, sex=sex,
        birth_year=start.year - age,
        education_level=rng.choices(EDUCATION, (0.35, 0.4, 0.15, 0.1))[0],
        support_before="|".join(sorted(support)),
        years_in_support_before=round(min(rng.lognormvariate(0.8, 0.9), 25.0), 1),
        start_date=start,
    )
