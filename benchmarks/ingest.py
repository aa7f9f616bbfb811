"""Register ingest throughput: generate a large demo register, then time parse + bronze load.

    .venv/bin/python benchmarks/ingest.py [--forbund 10] [--years 2015-2024]

Prints rows, seconds and rows per second for each stage, and peak memory.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from pipelines.cli import parse_years
from pipelines.register.load import load_registers
from pipelines.synthetic.generate import generate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--forbund", type=int, default=10)
    parser.add_argument("--years", default="2015-2024")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw"
        started = time.perf_counter()
        result = generate(raw, extra_forbund=args.forbund, years=parse_years(args.years),
                          log=lambda _: None)
        generated = time.perf_counter() - started
        started = time.perf_counter()
        load = load_registers(raw / "registers", Path(tmp) / "w.duckdb", log=lambda _: None)
        loaded = time.perf_counter() - started
    rows = sum(load.rows.values())
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"generate: {len(result.spells):>8} spells   {generated:6.2f} s")
    print(f"ingest:   {rows:>8} rows     {loaded:6.2f} s   {rows / loaded:10.0f} rows/s")
    print(f"peak RSS: {peak_mib:.0f} MiB")


if __name__ == "__main__":
    main()
