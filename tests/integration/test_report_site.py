"""The offline HTML report in a real headless browser (Debian's chromium, driven by
playwright; no browser is downloaded): every page loads without console errors or network
requests, and every chart is an inline SVG with data marks."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import polars as pl
import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DATA_MARKS = ("g.mark-rect path, g.mark-line path, g.mark-symbol path, g.mark-rule line, "
              "g.mark-rect rect")


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed: .ci/run installs it with apt-get")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


def _pages(report: Path) -> list[Path]:
    return [report / "index.html", report / "kvalitet.html",
            *sorted((report / "forbund").glob("*.html"))]


def test_every_page_loads_offline_with_charts_that_hold_data(built, browser, tmp_path):
    paths, _, _ = built
    report = paths.marts_dir / "report"
    pages = _pages(report)
    forbund = pl.read_parquet(paths.marts_dir / "forbund_year.parquet")["forbund_org_nr"]
    assert len(pages) == 2 + forbund.n_unique()
    charts_seen = 0
    for page_path in pages:
        page = browser.new_page()
        problems: list[str] = []
        page.on("console", lambda m, p=problems: p.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e, p=problems: p.append(str(e)))
        page.on("request", lambda r, p=problems: p.append(f"request {r.url}")
                if not r.url.startswith("file://") else None)
        page.goto(page_path.as_uri())
        page.wait_for_load_state("load")
        assert not problems, f"{page_path.name}: {problems}"
        for chart in page.query_selector_all("figure.chart svg"):
            box = chart.bounding_box()
            assert box and box["width"] > 50 and box["height"] > 50, page_path.name
            assert chart.query_selector_all(DATA_MARKS), f"{page_path.name}: a chart without data"
            charts_seen += 1
        page.screenshot(path=str(tmp_path / f"{page_path.stem}.png"), full_page=True)
        page.close()
    assert charts_seen >= 3
    assert (tmp_path / "index.png").stat().st_size > 10_000


def test_links_between_pages_resolve(built, browser):
    paths, _, _ = built
    report = paths.marts_dir / "report"
    page = browser.new_page()
    page.goto((report / "index.html").as_uri())
    links = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
    page.close()
    targets = {Path(link.removeprefix("file://")) for link in links}
    assert any(t.parent.name == "forbund" for t in targets)
    for target in targets:
        assert target.exists(), target


def test_a_blanked_count_shows_as_a_dash(built):
    import re
    from html import unescape

    paths, _, _ = built
    published = pl.read_parquet(paths.marts_dir / "forbund_year.parquet")
    html = (paths.marts_dir / "report" / "index.html").read_text(encoding="utf-8")
    rows = [[unescape(re.sub(r"<[^>]+>", "", cell))
             for cell in re.findall(r"<td[^>]*>(.*?)</td>", tr)]
            for tr in re.findall(r"<tr>(.*?)</tr>", html)]
    shown = {(cells[0], cells[1]): cells for cells in rows if len(cells) == 6}
    assert len(shown) == published.height
    for row in published.iter_rows(named=True):
        cells = shown[(row["forbund_name"], str(row["year"]))]
        for index, column in ((2, "participants_active"), (3, "participants_ended")):
            value = row[column]
            assert cells[index] == ("–" if value is None else f"{value:,}".replace(",", " "))
