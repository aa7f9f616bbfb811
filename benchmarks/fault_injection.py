"""Fault-injection proof for the nightly load: nothing lost, nothing doubled, never half-published.

    .venv/bin/python benchmarks/fault_injection.py --rounds 100 [--seed 1] [--keep DIR]

In a bounded loop on local files, each round injects one fault into data/raw/registers/ —
a corrupt file, a truncated copy, a duplicate, a re-encoded file, a schema-drifted copy, a
newer export of a förbund — or none, and runs the load as `finsam run` in a subprocess,
killing it with SIGKILL at a random moment in some rounds. After a kill the published
warehouse and exports must still open; the load then runs to the end, and the published
marts are compared row for row with a clean rebuild (a fresh data folder holding only the
accepted inputs). Prints rounds, faults, kills, rows lost and rows doubled; exits 1 on any
loss or doubling (or an unreadable published state).
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import duckdb

from pipelines.register.listing import register_files
from pipelines.synthetic.generate import generate

FAULTS = ("kill", "corrupt", "truncated", "duplicate", "reencoded", "schema_drift",
          "new_version", "none")


def run_load(data_dir: Path, kill_after: float | None = None) -> int | None:
    """`finsam run --no-generate` on `data_dir`; SIGKILL after `kill_after` seconds if given."""
    env = {**os.environ, "FINSAM_DATA_DIR": str(data_dir), "FINSAM_LOCK_TIMEOUT": "60"}
    env.pop("FINSAM_DUCKDB", None)
    finsam = Path(sys.executable).parent / "finsam"
    process = subprocess.Popen([str(finsam), "run", "--no-generate"], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    if kill_after is None:
        return process.wait()
    try:
        process.wait(timeout=kill_after)
        return process.returncode
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        return None


@functools.cache
def _published_views() -> tuple[str, ...]:
    """The published exports, as the dbt project declares them."""
    from pipelines.dbt_manifest import prepare_manifest
    from pipelines.published_exports import published_exports

    return tuple(f"exports.{e.view}" for e in published_exports(prepare_manifest()))


def published_rows(data_dir: Path) -> Counter:
    """Every row of the published marts, as a multiset."""
    warehouse = data_dir / "marts" / "warehouse.duckdb"
    rows: Counter = Counter()
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for table in _published_views():
            for row in con.execute(f"select * from {table}").fetchall():
                rows[(table, *row)] += 1
    return rows


def published_is_readable(data_dir: Path) -> bool:
    try:
        published_rows(data_dir)
        for export in (data_dir / "marts").glob("*.parquet"):
            duckdb.sql(f"select count(*) from '{export}'").fetchall()
        return True
    except Exception:  # noqa: BLE001 - any failure to read is what we look for
        return False


def inject(fault: str, registers: Path, rng: random.Random, round_no: int) -> None:
    files = [p for p in register_files(registers) if p.suffix == ".csv"]
    source = rng.choice(files) if files else None
    name = f"fault_{round_no:03d}"
    if fault == "corrupt":
        (registers / f"{name}_corrupt.csv").write_bytes(rng.randbytes(2000))
    elif fault == "truncated" and source:
        data = source.read_bytes()
        (registers / f"{name}_{source.stem}.csv").write_bytes(data[:rng.randint(10, len(data))])
    elif fault == "duplicate" and source:
        shutil.copyfile(source, registers / f"{name}_{source.name}")
    elif fault == "reencoded" and source:
        text = source.read_bytes().decode("utf-8-sig", errors="ignore")
        try:
            source.write_bytes(text.encode("cp1252"))
        except UnicodeEncodeError:
            source.write_bytes(("\ufeff" + text).encode("utf-8"))
    elif fault == "schema_drift" and source:
        text = source.read_bytes().decode("utf-8-sig", errors="ignore")
        header, _, body = text.partition("\n")
        drifted = header.replace("Kön", "Gender").replace("kön", "gender") + ";Extra\n" + body
        (registers / f"{name}_drift_{source.stem}.csv").write_text(drifted, encoding="utf-8")
    elif fault == "new_version" and source:
        generate(registers.parent.parent / f"new_{round_no}", seed=round_no, extra_forbund=1,
                 years=[2024, 2025], log=lambda _: None)
        fresh = registers.parent.parent / f"new_{round_no}" / "registers"
        for path in fresh.iterdir():
            shutil.copyfile(path, registers / f"{name}_{path.name}")
        shutil.rmtree(fresh.parent)


def inputs_fingerprint(registers: Path) -> str:
    """What the accepted inputs are: the bytes of every file left in the drop folder."""
    digest = hashlib.sha256()
    for path in register_files(registers):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def clean_rebuild(data_dir: Path, scratch: Path) -> Counter:
    rebuild = scratch / "rebuild"
    shutil.rmtree(rebuild, ignore_errors=True)
    rebuild.mkdir(parents=True)
    shutil.copytree(data_dir / "raw", rebuild / "raw")  # registers, costs and reports
    if run_load(rebuild) != 0:
        raise SystemExit("the clean rebuild failed")
    return published_rows(rebuild)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--max-kill-seconds", type=float, default=25.0)
    parser.add_argument("--every-fault", action="store_true",
                        help="inject every fault in every round (the short test version)")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    scratch = args.keep or Path(tempfile.mkdtemp(prefix="finsam-faults-"))
    data_dir = scratch / "data"
    generate(data_dir / "raw", seed=args.seed, extra_forbund=2, years=[2023, 2024],
             log=lambda _: None)
    started = time.perf_counter()
    if run_load(data_dir) != 0:
        print("the first load failed")
        return 1
    faults, kills, lost, doubled, unreadable = Counter(), 0, 0, 0, 0
    rebuilt: tuple[str, Counter] | None = None  # inputs → expected rows of the last rebuild
    for round_no in range(1, args.rounds + 1):
        chosen = [f for f in FAULTS if f != "none"] if args.every_fault else [rng.choice(FAULTS)]
        for fault in chosen:
            faults[fault] += 1
            inject(fault, data_dir / "raw" / "registers", rng, round_no)
        fault = "+".join(chosen) if len(chosen) < 3 else "every fault"
        kill = "kill" in chosen or rng.random() < 0.3
        if kill and run_load(data_dir, kill_after=rng.uniform(0.5, args.max_kill_seconds)) is None:
            kills += 1
            if not published_is_readable(data_dir):
                unreadable += 1
        if run_load(data_dir) != 0:
            print(f"round {round_no}: the load after fault '{fault}' failed")
            unreadable += 1
            continue
        inputs = inputs_fingerprint(data_dir / "raw" / "registers")
        if rebuilt is None or rebuilt[0] != inputs:  # same accepted inputs, same rebuild
            rebuilt = (inputs, clean_rebuild(data_dir, scratch))
        expected, published = rebuilt[1], published_rows(data_dir)
        round_lost = sum((expected - published).values())
        round_doubled = sum((published - expected).values())
        lost, doubled = lost + round_lost, doubled + round_doubled
        print(f"round {round_no:3d}: {fault:<12} lost {round_lost} doubled {round_doubled}",
              flush=True)
    print(f"\nrounds: {args.rounds}  time: {time.perf_counter() - started:.0f} s")
    print("faults injected: " + ", ".join(f"{k} {v}" for k, v in sorted(faults.items())))
    print(f"loads killed: {kills}  unreadable published states: {unreadable}")
    print(f"rows lost: {lost}  rows doubled: {doubled}")
    if not args.keep:
        shutil.rmtree(scratch, ignore_errors=True)
    return 1 if lost or doubled or unreadable else 0


if __name__ == "__main__":
    sys.exit(main())
