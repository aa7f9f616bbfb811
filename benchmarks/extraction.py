"""Report extraction speed: pages per second on a corpus made by repeating the shared reports.

    .venv/bin/python benchmarks/extraction.py [--repeat 20]

A page is 3,000 characters. Target: at least 50 pages/s on the 2-core reference machine.
Prints the corpus size, seconds, pages/s and figures found.
"""

from __future__ import annotations

import argparse
import time

from pipelines.reports.extract import extract_document
from pipelines.reports.text import normalise
from pipelines.settings import SHARED_DIR

PAGE = 3000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20, help="copies of each shared report")
    args = parser.parse_args()
    reports = sorted((SHARED_DIR / "reports").glob("*.txt"))
    if not reports:
        raise SystemExit(f"no reports in {SHARED_DIR / 'reports'}")
    texts = [p.read_text(encoding="utf-8") for p in reports] * args.repeat
    characters = sum(len(t) for t in texts)
    started = time.perf_counter()
    figures = sum(len(extract_document(normalise(f"doc{i}", t))) for i, t in enumerate(texts))
    seconds = time.perf_counter() - started
    pages = characters / PAGE
    print(f"corpus:   {len(texts)} documents, {characters:,} characters, {pages:,.0f} pages")
    print(f"time:     {seconds:.2f} s")
    print(f"speed:    {pages / seconds:,.0f} pages/s (target ≥ 50)")
    print(f"figures:  {figures}")


if __name__ == "__main__":
    main()
