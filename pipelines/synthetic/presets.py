"""Scale presets for `finsam generate --preset`: the country, and ten times it.

`national` writes about what the country holds: 80 förbund with 12–16 insatser each
(≈ 1,100), ≈ 40,000 spells a year over 2015–2024 (≈ 400,000 rows), anonymous counts, a
national count form and cost files per förbund, and the four demo reports for a few of
them. Every file is in one dialect (`;`, Windows-1252, Swedish headers), so that the
floor in benchmarks/nightly.py reads the same files. `10x` is the same country with ten
times the intake (≈ 4 million rows), for memory and growth measurements; `tenth` a tenth
of it. Förbund are written one at a time, so memory
stays that of one förbund whatever the preset.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pipelines.synthetic.discrepancies import period_counts
from pipelines.synthetic.generate import (
    _Ids,
    _OrgNumbers,
    anonymous_counts,
    insats_id,
    spells_for_years,
)
from pipelines.synthetic.money import count_form_rows, count_form_unit, write_money
from pipelines.synthetic.names import INSATS_NAMES, forbund_names
from pipelines.synthetic.people import Spell
from pipelines.synthetic.reports import write_reports
from pipelines.synthetic.writers import write_anonymous_counts, write_participations


@dataclass(frozen=True)
class Preset:
    forbund: int
    insatser: tuple[int, int]  # per förbund
    intake: tuple[int, int]  # new spells per insats and year
    years: tuple[int, ...]
    reports_for: int  # förbund that also get the four demo reports


_DECADE = tuple(range(2015, 2025))
PRESETS = {
    "tenth": Preset(80, (12, 16), (2, 5), _DECADE, 2),
    "national": Preset(80, (12, 16), (28, 44), _DECADE, 4),
    "10x": Preset(80, (12, 16), (280, 440), _DECADE, 4),
}


@dataclass
class PresetResult:
    files: list[Path]
    reports: list[Path]
    spells: int


def generate_preset(raw_dir: Path, name: str, *, seed: int = 2026,
                    log: Callable[[str], None] = print) -> PresetResult:
    """Write the preset's registers, count forms, costs and reports under `raw_dir`."""
    preset = PRESETS[name]
    rng, orgs = random.Random(seed), _OrgNumbers()
    registers = raw_dir / "registers"
    registers.mkdir(parents=True, exist_ok=True)
    result = PresetResult([], [], 0)
    years = list(preset.years)
    for index, forbund in enumerate(forbund_names(preset.forbund)):
        names = rng.sample(INSATS_NAMES, k=min(len(INSATS_NAMES) - 1,
                                                rng.randint(*preset.insatser)))
        units = [(forbund, orgs[forbund], insats_id(forbund, insats), insats)
                 for insats in names]
        ids = _Ids(rng)
        spells: list[Spell] = []
        for unit in units:
            spells += spells_for_years(unit, years, rng, ids, preset.intake)
        counts = [row for unit in units for row in anonymous_counts(unit, years, rng)]
        form = count_form_unit(forbund, units[0][1], set(names),
                               insats_id(forbund, "uppföljning"))
        result.files += [write_participations(registers, forbund, spells, variant=0),
                         write_anonymous_counts(registers, forbund, counts, variant=0)]
        result.files += write_money(raw_dir, forbund, units, spells, form,
                                    count_form_rows(form, rng) if form else [], rng, 0)
        if index < preset.reports_for:
            by_insats: dict[str, list[Spell]] = {}
            for spell in spells:
                by_insats.setdefault(spell.insats_name, []).append(spell)
            files, _ = write_reports(raw_dir / "reports", forbund, by_insats, years[-3:],
                                     random.Random(f"{seed}/{forbund}"), period_counts)
            result.reports += files
        result.spells += len(spells)
        log(f"[{index + 1}/{preset.forbund}] {forbund}: {len(units)} insatser, "
            f"{len(spells):,} spells")
    log(f"{name}: {result.spells:,} spells in {len(result.files)} files, "
        f"{len(result.reports)} reports under {raw_dir}")
    return result
