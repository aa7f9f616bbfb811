"""Charts as inline SVG, drawn here: horizontal bars with a median rule, and lines over
years. No script, no network, no chart engine (rendering through one cost about 0.1 s a
chart, most of the report's time). Marks are grouped as `g.mark-rect`, `g.mark-rule`,
`g.mark-line` and `g.mark-symbol`; every text is escaped.
"""

from __future__ import annotations

import math
from html import escape

WIDTH = 560  # the plot area; labels and margins come on top
COLOURS = {"value": "#2f6690", "national": "#d1495b", "peers": "#edae49"}
PALETTE = (COLOURS["value"], COLOURS["national"], COLOURS["peers"], "#00798c", "#6c757d")
FONT = 'font-family="sans-serif"'
BAR, GAP = 16, 4
LABEL_CHARS = 44  # longer labels are cut with "…" (the whole label is in the tooltip)
CHAR_WIDTH = 6.2  # average width of an 11 px sans-serif character
AXIS = f'<g class="axis" {FONT} font-size="10" fill="#55607a">'


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values from at or below `low` to at or above `high` (steps of 1, 2 or 5
    times a power of ten)."""
    if not (math.isfinite(low) and math.isfinite(high)):
        low, high = 0.0, 1.0
    if high <= low:
        high = low + 1
    rough = (high - low) / count
    power = 10 ** math.floor(math.log10(rough))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= rough)
    first = math.floor(low / step) * step
    ticks = [first]
    while ticks[-1] < high - step * 1e-9:
        ticks.append(ticks[-1] + step)
    return [round(t, 10) for t in ticks]


def tick_label(value: float) -> str:
    """Swedish: a space between thousands, a decimal comma."""
    text = f"{value:,.10f}".rstrip("0").rstrip(".")
    return text.replace(",", " ").replace(".", ",")


def _svg(width: float, height: float, title: str, body: list[str]) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
            f'viewBox="0 0 {width:.0f} {height:.0f}" style="max-width:100%;height:auto" '
            f'role="img" aria-label="{escape(title)}">'
            f"<title>{escape(title)}</title>"
            f'<text x="0" y="16" {FONT} font-size="13" font-weight="bold" fill="#1d2330">'
            f"{escape(title)}</text>{''.join(body)}</svg>")


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[:LABEL_CHARS - 1] + "…"


def bars_with_median(rows: list[tuple[str, float]], median: float | None, title: str,
                     axis_title: str) -> str:
    """Horizontal bars per unit, largest first, with the national median as a red rule."""
    rows = sorted(((str(label or "–"), value) for label, value in rows if value is not None
                   and math.isfinite(value)), key=lambda row: -row[1])
    values = [value for _, value in rows] + ([median] if median is not None else [])
    ticks = nice_ticks(min([0.0, *values]), max([0.0, *values]))
    left = 8 + CHAR_WIDTH * max([len(_short(label)) for label, _ in rows] or [4])
    top, plot_height = 30, max(len(rows), 1) * (BAR + GAP)

    def x(value: float) -> float:
        return left + (value - ticks[0]) / (ticks[-1] - ticks[0]) * WIDTH

    body = [_x_axis(ticks, x, top, plot_height, axis_title)]
    body.append('<g class="mark-rect">' + "".join(
        f'<rect x="{min(x(0), x(value)):.1f}" y="{top + i * (BAR + GAP) + GAP / 2:.1f}" '
        f'width="{abs(x(value) - x(0)):.1f}" height="{BAR}" fill="{COLOURS["value"]}">'
        f"<title>{escape(label)}: {escape(tick_label(round(value, 1)))}</title></rect>"
        for i, (label, value) in enumerate(rows)) + "</g>")
    body.append("".join(
        f'<text x="{left - 6:.1f}" y="{top + i * (BAR + GAP) + GAP / 2 + BAR - 4:.1f}" '
        f'text-anchor="end" {FONT} font-size="11" fill="#1d2330">{escape(_short(label))}</text>'
        for i, (label, _) in enumerate(rows)))
    if median is not None and math.isfinite(median):
        body.append(f'<g class="mark-rule"><line x1="{x(median):.1f}" x2="{x(median):.1f}" '
                    f'y1="{top - 4}" y2="{top + plot_height + 2}" '
                    f'stroke="{COLOURS["national"]}" stroke-width="2">'
                    f"<title>Median: {escape(tick_label(round(median, 1)))}</title></line></g>")
    return _svg(left + WIDTH + 24, top + plot_height + 44, title, body)


def _grid_line(x1: float, x2: float, y1: float, y2: float, tick: float, label_x: float,
               label_y: float, anchor: str) -> str:
    """A light grid line at a tick, and the tick's label."""
    return (f'<line x1="{x1:.1f}" x2="{x2:.1f}" y1="{y1:.1f}" y2="{y2:.1f}" stroke="#e3e7ee"/>'
            f'<text x="{label_x:.1f}" y="{label_y:.1f}" text-anchor="{anchor}">'
            f"{escape(tick_label(tick))}</text>")


def _x_axis(ticks: list[float], x, top: float, plot_height: float, axis_title: str) -> str:
    bottom = top + plot_height
    parts = [AXIS, *(_grid_line(x(tick), x(tick), top, bottom, tick, x(tick), bottom + 13,
                                "middle") for tick in ticks)]
    parts.append(f'<text x="{x(ticks[0]) + WIDTH / 2:.1f}" y="{bottom + 30}" '
                 f'text-anchor="middle" font-size="11">{escape(axis_title)}</text></g>')
    return "".join(parts)


def trend(series: dict[str, list[tuple[int, float]]], title: str, axis_title: str) -> str:
    """Lines with points over years, one per series (name → (year, value)), with a legend."""
    series = {name: sorted((year, value) for year, value in points
                           if value is not None and math.isfinite(value))
              for name, points in series.items()}
    series = {name: points for name, points in series.items() if points}
    years = sorted({year for points in series.values() for year, _ in points})
    values = [value for points in series.values() for _, value in points]
    ticks = nice_ticks(min([0.0, *values]), max([0.0, *values]))
    left, top, height = 56, 30, 220
    step = WIDTH / max(len(years), 1)

    def x(year: int) -> float:
        return left + step * (years.index(year) + 0.5)

    def y(value: float) -> float:
        return top + height - (value - ticks[0]) / (ticks[-1] - ticks[0]) * height

    body = [AXIS, *(_grid_line(left, left + WIDTH, y(tick), y(tick), tick, left - 6,
                               y(tick) + 3, "end") for tick in ticks)]
    body.extend(f'<text x="{x(year):.1f}" y="{top + height + 14}" text-anchor="middle">'
                f"{year}</text>" for year in years)
    body.append(f'<text x="{left + WIDTH / 2}" y="{top + height + 30}" text-anchor="middle" '
                f'font-size="11">År</text><text transform="translate(12,{top + height / 2}) '
                f'rotate(-90)" text-anchor="middle" font-size="11">{escape(axis_title)}</text>'
                "</g>")
    for index, (name, points) in enumerate(sorted(series.items())):
        colour = PALETTE[index % len(PALETTE)]
        path = " ".join(f"{'M' if i == 0 else 'L'}{x(yr):.1f},{y(v):.1f}"
                        for i, (yr, v) in enumerate(points))
        body.append(f'<g class="mark-line"><path d="{path}" fill="none" stroke="{colour}" '
                    f'stroke-width="2"/></g><g class="mark-symbol">' + "".join(
                        f'<path d="M{x(yr) - 3:.1f},{y(v):.1f}a3,3 0 1,0 6,0a3,3 0 1,0 -6,0" '
                        f'fill="{colour}"><title>{escape(name)} {yr}: '
                        f"{escape(tick_label(round(v, 1)))}</title></path>"
                        for yr, v in points) + "</g>")
        legend_y = top + 4 + 16 * index
        body.append(f'<g class="legend"><rect x="{left + WIDTH + 12}" y="{legend_y}" '
                    f'width="10" height="10" fill="{colour}"/><text x="{left + WIDTH + 27}" '
                    f'y="{legend_y + 9}" {FONT} font-size="11" fill="#1d2330">'
                    f"{escape(name)}</text></g>")
    legend_width = 12 + CHAR_WIDTH * max([len(name) for name in series] or [0]) + 30
    return _svg(left + WIDTH + legend_width, top + height + 40, title, body)
