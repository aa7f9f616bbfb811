"""The scale presets: a whole country of förbund, one dialect, every file accepted."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from pipelines.register.columns import Kind
from pipelines.register.parse import parse_file
from pipelines.synthetic.presets import PRESETS, generate_preset


def test_the_tenth_preset_writes_a_country_of_accepted_files(tmp_path: Path):
    result = generate_preset(tmp_path, "tenth", seed=7, log=lambda _: None)
    preset = PRESETS["tenth"]
    people = sorted((tmp_path / "registers").glob("*_deltagare.csv"))
    assert len(people) == preset.forbund
    parsed = [parse_file(p) for p in people]
    assert {p.kind for p in parsed} == {Kind.PARTICIPATIONS}
    assert {(p.separator, p.encoding) for p in parsed} == {(";", "cp1252")}
    frame = pl.concat([p.frame for p in parsed])
    assert frame.height == result.spells
    assert frame["forbund_org_nr"].n_unique() == preset.forbund
    insatser = frame.select("forbund_org_nr", "insats_id").unique().height
    assert preset.forbund * preset.insatser[0] <= insatser <= preset.forbund * preset.insatser[1]
    assert frame["start_date"].dt.year().min() == preset.years[0]
    costs = sorted((tmp_path / "costs").glob("*.csv"))
    assert len(costs) == 2 * preset.forbund
    assert {parse_file(p).kind for p in costs} == {Kind.INSATS_COSTS, Kind.FORBUND_FUNDS}
    assert len(result.reports) == 4 * preset.reports_for
