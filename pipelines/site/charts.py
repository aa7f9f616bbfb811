"""Vega-Lite charts rendered to SVG in-process (vl-convert ships its own engine): no
network, no script in the pages."""

from __future__ import annotations

from typing import Any

WIDTH = 560
COLOURS = {"value": "#2f6690", "national": "#d1495b", "peers": "#edae49"}


def to_svg(spec: dict[str, Any]) -> str:
    """The chart as an inline `<svg>` element."""
    import vl_convert

    svg = vl_convert.vegalite_to_svg({"$schema": "https://vega.github.io/schema/vega-lite/v5.json",
                                      "config": {"font": "sans-serif"}, **spec})
    return svg[svg.index("<svg"):]


def bars_with_median(rows: list[dict], label: str, value: str, median: float | None,
                     title: str, axis_title: str) -> dict[str, Any]:
    """Horizontal bars per unit with the national median as a rule."""
    layers: list[dict[str, Any]] = [{
        "mark": {"type": "bar", "color": COLOURS["value"]},
        "encoding": {"y": {"field": label, "type": "nominal", "sort": "-x", "title": None},
                     "x": {"field": value, "type": "quantitative", "title": axis_title}}}]
    if median is not None:
        layers.append({"data": {"values": [{"median": median}]},
                       "mark": {"type": "rule", "color": COLOURS["national"], "strokeWidth": 2},
                       "encoding": {"x": {"field": "median", "type": "quantitative"}}})
    return {"title": title, "width": WIDTH, "data": {"values": rows}, "layer": layers}


def trend(rows: list[dict], title: str, axis_title: str) -> dict[str, Any]:
    """Lines over years, one per series (`series`, `year`, `value`)."""
    series = sorted({r["series"] for r in rows})
    palette = [COLOURS["value"], COLOURS["national"], COLOURS["peers"]]
    return {
        "title": title, "width": WIDTH, "height": 220, "data": {"values": rows},
        "mark": {"type": "line", "point": True},
        "encoding": {
            "x": {"field": "year", "type": "ordinal", "title": "År"},
            "y": {"field": "value", "type": "quantitative", "title": axis_title},
            "color": {"field": "series", "type": "nominal", "title": None,
                      "scale": {"domain": series, "range": palette[:len(series)]}}}}
