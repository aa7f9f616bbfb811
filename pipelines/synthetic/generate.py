"""Generate demo register exports, count forms and cost files into `data/raw/`.

For every insats that `../shared/gold` states figures for, participants are
generated so that the register reproduces the report for that insats' main
period; a few discrepancies are planted on purpose and listed, with every other
known difference, in `data/raw/synthetic_discrepancies.csv`. Extra förbund get
several years of realistic flow and demo reports in four template families
(`pipelines.synthetic.reports`). The same seed gives the same files.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from pipelines.synthetic.discrepancies import (
    DISCREPANCY_FILE,
    OUTCOME_REASONS,
    Unit,
    discrepancies,
    period_counts,
    plant,
    slip_rows,
    write_discrepancies,
)
from pipelines.synthetic.money import count_form_rows, count_form_unit, write_money
from pipelines.synthetic.names import INSATS_NAMES, forbund_names
from pipelines.synthetic.people import Spell, new_spell, random_day, random_duration, random_outcome
from pipelines.synthetic.reports import write_reports
from pipelines.synthetic.targets import InsatsTarget, insats_targets
from pipelines.synthetic.writers import write_anonymous_counts, write_participations

SEX_LABELS = {"women": "Kvinna", "men": "Man"}


def _digest(*parts: str) -> int:
    return int(hashlib.sha256("|".join(parts).encode()).hexdigest(), 16)


def org_number(forbund: str, salt: int = 0) -> str:
    """A stable fake org number; month digits 20 keep it from looking like a personnummer."""
    h = _digest(forbund, str(salt)) if salt else _digest(forbund)
    return f"2220{h % 100:02d}-{h // 100 % 10000:04d}"


class _OrgNumbers(dict[str, str]):
    """A distinct org number per förbund name: its stable one, salted only on a collision."""

    def __missing__(self, forbund: str) -> str:
        salt = 0
        while (candidate := org_number(forbund, salt)) in self.values():
            salt += 1
        self[forbund] = candidate
        return candidate


def insats_id(forbund: str, insats: str) -> str:
    return f"{_digest(forbund, insats) % 90000 + 10000}"


class _Ids:
    """Unique pseudonymous participant ids per förbund."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def __call__(self) -> str:
        while True:
            candidate = f"D{self.rng.randrange(16**7):07X}"
            if candidate not in self.used:
                self.used.add(candidate)
                return candidate


# ---------------------------------------------------------------- reproducing a report


def _total(target: InsatsTarget, metric: str) -> int | None:
    women, men = target.get(metric, "women"), target.get(metric, "men")
    if women is not None and men is not None:
        return women + men
    return target.get(metric)


def _split(target: InsatsTarget, metric: str, total: int, rng: random.Random,
           floors: tuple[int, int] = (0, 0), caps: tuple[int, int] | None = None,
           share_women: float = 0.6) -> tuple[int, int]:
    """Women and men for `total`: as stated, else random within floors and caps."""
    women, men = target.get(metric, "women"), target.get(metric, "men")
    if women is not None and men is not None:
        return women, men
    if women is not None:
        return women, max(total - women, 0)
    if men is not None:
        return max(total - men, 0), men
    low_w = max(floors[0], total - caps[1]) if caps else floors[0]
    high_w = min(total - floors[1], caps[0]) if caps else total - floors[1]
    w = sum(rng.random() < share_women for _ in range(total))
    w = min(max(w, low_w), max(high_w, low_w))
    return w, total - w


def _stated_outcomes(target: InsatsTarget, sex: str) -> int:
    metrics = (*OUTCOME_REASONS, "ended_work_or_studies")
    return sum(target.get(m, sex) or 0 for m in metrics)


def resolve_counts(target: InsatsTarget, rng: random.Random) -> dict[str, dict[str, int]]:
    """Consistent participants/new/ended per sex, as close to the report as possible."""
    p, n = _total(target, "participants"), _total(target, "participants_new")
    e, o = _total(target, "participants_ended"), _total(target, "participants_ongoing")
    outcomes = max(_stated_outcomes(target, "all"),
                   _stated_outcomes(target, "women") + _stated_outcomes(target, "men"))
    if p is None:
        p = e + o if e is not None and o is not None else (
            max(n or 0, (e or outcomes) + (o or 0)) + rng.randint(2, 6))
    if e is None:
        e = max(p - o, 0) if o is not None else max(round(p * 0.4), outcomes)
    n = min(round(p * 0.5) if n is None else n, p)
    e = min(e, p)
    ended_floor = tuple(max(target.get("participants_ended", s) or 0, _stated_outcomes(target, s))
                        for s in ("women", "men"))
    floors = tuple(max(target.get("participants_new", s) or 0, f)
                   for s, f in zip(("women", "men"), ended_floor, strict=True))
    pw, pm = _split(target, "participants", p, rng, floors=floors)
    nw, nm = _split(target, "participants_new", n, rng, caps=(pw, pm))
    ew, em = _split(target, "participants_ended", e, rng, floors=ended_floor, caps=(pw, pm))
    ow, om = target.get("participants_ongoing", "women"), target.get("participants_ongoing", "men")
    if ow is not None and om is not None and target.get("participants_ended", "women") is None:
        ew, em = max(pw - ow, 0), max(pm - om, 0)
    return {"Kvinna": {"P": pw, "N": min(nw, pw), "E": min(ew, pw)},
            "Man": {"P": pm, "N": min(nm, pm), "E": min(em, pm)}}


def _assign_outcomes(target: InsatsTarget, ended: list[Spell], rng: random.Random) -> list[str]:
    """Outcome for each ended spell: stated counts first, the rest from the usual mix."""
    reasons: list[str | None] = [None] * len(ended)

    def take(count: int, reason: str, sex: str | None) -> int:
        free = [i for i, s in enumerate(ended)
                if reasons[i] is None and (sex is None or s.sex == sex)]
        chosen = rng.sample(free, k=min(count, len(free)))
        for i in chosen:
            reasons[i] = reason
        return len(chosen)

    for metric, reason in OUTCOME_REASONS.items():
        by_sex = 0
        for sex_code, label in SEX_LABELS.items():
            if (count := target.get(metric, sex_code)) is not None:
                by_sex += take(count, reason, label)
        if (count := target.get(metric)) is not None:
            take(max(count - by_sex, 0), reason, None)
    if (count := target.get("ended_work_or_studies")) is not None:
        for _ in range(count):
            take(1, rng.choice(("Arbete", "Studier")), None)
    stated = {OUTCOME_REASONS[m] for m in OUTCOME_REASONS if m in target.values}
    if "ended_work_or_studies" in target.values:
        stated |= {"Arbete", "Studier"}
    return [r or random_outcome(rng, avoid=stated) for r in reasons]


def spells_for_report(target: InsatsTarget, unit: Unit, rng: random.Random,
                      ids: Callable[[], str]) -> list[Spell]:
    """Spells whose counts for the target period are what the report states."""
    first, last = target.period_start, target.period_end
    spells: list[Spell] = []
    ended: list[Spell] = []
    for sex, counts in resolve_counts(target, rng).items():
        people: list[tuple[Spell, bool]] = []
        for i in range(counts["P"]):
            is_new = i < counts["N"]
            start = (random_day(rng, first, last - timedelta(days=14)) if is_new
                     else random_day(rng, first - timedelta(days=540), first - timedelta(days=1)))
            people.append((new_spell(rng, unit, ids(), sex, start), is_new))
        # Those carried over from before the period end first, as in real flows.
        by_seniority = sorted(people, key=lambda item: (item[1], rng.random()))
        ended.extend(spell for spell, _ in by_seniority[:counts["E"]])
        spells.extend(spell for spell, _ in people)
    for spell, reason in zip(ended, _assign_outcomes(target, ended, rng), strict=True):
        spell.end(random_day(rng, max(spell.start_date, first), last), reason, rng)
    for _ in range(round(len(spells) * 0.3)):  # earlier participants, ended before the period
        start = random_day(rng, first - timedelta(days=900), first - timedelta(days=200))
        spell = new_spell(rng, unit, ids(), rng.choice(("Kvinna", "Man")), start)
        spell.end(min(start + random_duration(rng), first - timedelta(days=1)),
                  random_outcome(rng), rng)
        spells.append(spell)
    return spells


# ---------------------------------------------------------------- years of ordinary flow


def spells_for_years(unit: Unit, years: list[int], rng: random.Random,
                     ids: Callable[[], str], intake_range: tuple[int, int] = (10, 40)
                     ) -> list[Spell]:
    """A few years of intake and exits for an insats without a report."""
    export_date = date(years[-1], 12, 31)
    intake = rng.randint(*intake_range)
    spells: list[Spell] = []
    for year in years:
        for _ in range(max(0, int(rng.gauss(intake, intake * 0.2)))):
            start = random_day(rng, date(year, 1, 1), date(year, 12, 31))
            spell = new_spell(rng, unit, ids(), rng.choices(("Kvinna", "Man"), (0.58, 0.42))[0],
                              start)
            end = start + random_duration(rng)
            if rng.random() < 0.02:
                spell.end(start, "Felregistrering", rng)
            elif end <= export_date:
                spell.end(end, random_outcome(rng), rng)
            spells.append(spell)
    return spells


def anonymous_counts(unit: Unit, years: list[int], rng: random.Random) -> list[dict[str, object]]:
    """Anonymous participants by start year and kön: SUS keeps nothing else about them."""
    return [
        {"forbund_name": unit[0], "forbund_org_nr": unit[1], "insats_id": unit[2],
         "insats_name": unit[3], "start_year": year, "sex": sex,
         "anonymous_count": rng.choice((0, 0, 1, 1, 2, 3, 4))}
        for year in years for sex in ("Kvinna", "Man")
    ]


# ---------------------------------------------------------------- the whole demo


@dataclass
class Generated:
    files: list[Path] = field(default_factory=list)  # register exports
    reports: list[Path] = field(default_factory=list)  # demo reports
    spells: list[Spell] = field(default_factory=list)
    discrepancies: list[dict[str, object]] = field(default_factory=list)


def generate(raw_dir: Path, *, seed: int = 2026, extra_forbund: int = 3,
             years: list[int] | None = None, gold_dir: Path | None = None,
             reports: bool = True, log: Callable[[str], None] = print) -> Generated:
    """Write demo exports for the report förbund (if `gold_dir`) and `extra_forbund` more,
    with demo reports for the latter (`pipelines.synthetic.reports`) unless `reports` is off."""
    rng = random.Random(seed)
    years = years or [2022, 2023, 2024]
    targets = insats_targets(gold_dir) if gold_dir and gold_dir.exists() else []
    forbund_spells: dict[str, list[Spell]] = {}
    units: dict[str, list[Unit]] = {}
    out = Generated()
    planted_left = 3
    orgs = _OrgNumbers()
    for index, target in enumerate(targets):
        unit = (target.forbund, orgs[target.forbund],
                insats_id(target.forbund, target.insats), target.insats)
        ids = _ids_for(target.forbund, forbund_spells, rng)
        spells = spells_for_report(target, unit, rng, ids)
        planted = None
        if planted_left and index % 4 == 1:
            planted = plant(spells, target, rng, ids, unit)
            planted_left -= 1
        out.discrepancies.extend(discrepancies(target, spells, planted))
        forbund_spells.setdefault(target.forbund, []).extend(spells)
        units.setdefault(target.forbund, []).append(unit)
    extra_names = forbund_names(extra_forbund, taken=set(forbund_spells))
    for name in extra_names:
        ids = _ids_for(name, forbund_spells, rng)
        for insats in rng.sample(INSATS_NAMES, k=rng.randint(2, 4)):
            unit = (name, orgs[name], insats_id(name, insats), insats)
            forbund_spells.setdefault(name, []).extend(spells_for_years(unit, years, rng, ids))
            units.setdefault(name, []).append(unit)
    registers = raw_dir / "registers"
    registers.mkdir(parents=True, exist_ok=True)
    for index, (name, spells) in enumerate(forbund_spells.items()):
        spell_years = sorted({s.start_date.year for s in spells})
        counts = [row for unit in units[name] for row in anonymous_counts(unit, spell_years, rng)]
        out.files.append(write_participations(registers, name, spells, variant=index))
        out.files.append(write_anonymous_counts(registers, name, counts, variant=index))
        form = count_form_unit(name, units[name][0][1], {u[3] for u in units[name]},
                               insats_id(name, "uppföljning")) if name in extra_names else None
        out.files.extend(write_money(raw_dir, name, units[name], spells, form,
                                     count_form_rows(form, rng) if form else [], rng, index))
        out.spells.extend(spells)
        log(f"generated {len(spells):5d} participations for {name}")
    if reports:
        for name in extra_names:
            by_insats: dict[str, list[Spell]] = {}
            for spell in forbund_spells[name]:
                by_insats.setdefault(spell.insats_name, []).append(spell)
            files, slips = write_reports(raw_dir / "reports", name, by_insats, years,
                                         random.Random(f"{seed}/{name}"), period_counts)
            out.reports.extend(files)
            out.discrepancies.extend(slip_rows(name, slips))
            log(f"generated {len(files)} demo reports for {name}")
    write_discrepancies(raw_dir / DISCREPANCY_FILE, out.discrepancies)
    return out


def _ids_for(forbund: str, seen: dict[str, list[Spell]], rng: random.Random) -> _Ids:
    ids = _Ids(rng)
    ids.used.update(s.participant_id for s in seen.get(forbund, []))
    return ids
