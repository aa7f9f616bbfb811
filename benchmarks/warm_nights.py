"""Nights run one after another in one Python process: what a process kept loaded between
nights would save (Dagster and dagster-dbt imported once; dbt's and Great Expectations'
workers still start each night).

    .venv/bin/python benchmarks/warm_nights.py DATA_DIR [DATA_DIR …]

Each DATA_DIR is a data folder that `finsam run --no-generate` could load (for example
copies of one folder, each with a different export changed). Prints each night's wall, the
CPU of this process and the run's own time by step; nothing is asserted.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path


def main(folders: list[str]) -> None:
    from pipelines.run import run_pipeline

    for folder in map(Path, folders):
        os.environ["FINSAM_DATA_DIR"] = str(folder)  # the folder, as `finsam run` finds it
        wall, cpu = time.perf_counter(), time.process_time()
        outcome = run_pipeline(generate_if_empty=False, log=lambda line: print(
            f"  {line}") if line.startswith("time by step") else None)
        print(f"{folder}: {'ok' if outcome.success else 'FAILED'}, wall "
              f"{time.perf_counter() - wall:.1f} s, CPU of this process "
              f"{time.process_time() - cpu:.1f} s", flush=True)


if __name__ == "__main__":  # spawned workers import this module again: run only here
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
