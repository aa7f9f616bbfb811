"""Charts drawn as SVG: one mark per value, in order and to scale, every text escaped."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

import pytest

from pipelines.site.charts import bars_with_median, nice_ticks, tick_label, trend

SVG = "{http://www.w3.org/2000/svg}"


def _marks(svg: str, mark: str, element: str) -> list[ET.Element]:
    root = ET.fromstring(svg)  # well-formed XML, or this raises
    return [e for g in root.iter(f"{SVG}g") if g.get("class") == mark
            for e in g.iter(f"{SVG}{element}")]


def test_bars_are_sorted_largest_first_and_drawn_to_scale():
    svg = bars_with_median([("Norrby", 20.0), ("Söderby", 80.0), ("Mellanby", 40.0),
                            ("Utan värde", None)], 40.0, "Andel", "Procent")
    bars = _marks(svg, "mark-rect", "rect")
    assert [b.find(f"{SVG}title").text.split(":")[0] for b in bars] == [
        "Söderby", "Mellanby", "Norrby"]
    widths = [float(b.get("width")) for b in bars]
    assert widths[0] == pytest.approx(4 * widths[2], rel=0.01)
    rule = _marks(svg, "mark-rule", "line")
    assert len(rule) == 1
    start = float(bars[0].get("x"))
    assert float(rule[0].get("x1")) == pytest.approx(start + widths[1], abs=0.2)


def test_names_are_text_never_markup():
    hostile = "<script>alert(1)</script> & \"citat\""
    svg = bars_with_median([(hostile, 5.0)], None, "Titel <b>", "Kronor")
    assert "<script>" not in svg and "<b>" not in svg
    texts = [t.text for t in ET.fromstring(svg).iter(f"{SVG}text")]
    assert hostile in texts and "Titel <b>" in texts


def test_a_long_name_is_cut_on_screen_and_whole_in_the_tooltip():
    name = "Samordningsförbundet " + "Långt namn " * 8
    svg = bars_with_median([(name, 1.0)], None, "T", "Kronor")
    shown = [t.text for t in ET.fromstring(svg).iter(f"{SVG}text") if t.text.startswith("Sam")]
    assert shown[0].endswith("…") and len(shown[0]) < len(name)
    assert _marks(svg, "mark-rect", "rect")[0].find(f"{SVG}title").text.startswith(name)


def test_nothing_to_draw_is_still_a_chart():
    for svg in (bars_with_median([], None, "Tom", "Kronor"),
                bars_with_median([("A", 0.0), ("B", 0.0)], 0.0, "Nollor", "Procent"),
                trend({"Förbundet": []}, "Tom", "Procent")):
        root = ET.fromstring(svg)
        assert not re.search(r"nan|inf", svg, re.IGNORECASE)
        assert float(root.get("width")) > 100


def test_lines_one_per_series_with_a_point_per_year_higher_values_higher_up():
    svg = trend({"Förbundet": [(2022, 10.0), (2023, 30.0), (2024, 20.0)],
                 "Riket, median": [(2023, 25.0), (2024, None)]}, "Andel", "Procent")
    lines = _marks(svg, "mark-line", "path")
    points = _marks(svg, "mark-symbol", "path")
    assert len(lines) == 2 and len(points) == 4
    first = [tuple(map(float, p.split(","))) for p in
             re.findall(r"[ML]([\d.]+,[\d.]+)", lines[0].get("d"))]
    assert [x for x, _ in first] == sorted(x for x, _ in first)  # years left to right
    y2022, y2023, y2024 = (y for _, y in first)
    assert y2023 < y2024 < y2022  # 30 above 20 above 10 (SVG y grows downwards)
    assert {t.text for t in ET.fromstring(svg).iter(f"{SVG}text")} >= {"2022", "2023", "2024"}


@pytest.mark.parametrize("low, high", [(0, 87), (0, 1), (0, 0.37), (0, 123_456), (-12, 40),
                                       (0, 0), (5, 5)])
def test_ticks_are_round_and_cover_the_values(low, high):
    ticks = nice_ticks(low, high)
    assert ticks[0] <= low and ticks[-1] >= high and 2 <= len(ticks) <= 12
    step = ticks[1] - ticks[0]
    mantissa = step / 10 ** math.floor(math.log10(step))
    assert round(mantissa, 6) in {1, 2, 5, 10}


def test_tick_labels_are_swedish():
    assert [tick_label(v) for v in (0, 2.5, 15000, 1_250_000.5)] == [
        "0", "2,5", "15 000", "1 250 000,5"]
