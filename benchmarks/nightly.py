"""The nightly load at national scale beside its floor: wall, CPU and peak memory.

    .venv/bin/python benchmarks/nightly.py [--preset national] [--growth] [--repeat N]
                                           [--against CHECKOUT]

Writes the preset (`finsam generate --preset`, one `;` CSV per förbund) into a scratch
folder, then runs `finsam run --no-generate` as a separate process for each night:

  full        an empty warehouse
  no change   the same inputs again
  one export  one förbund's register export changed (its last row removed)
  one report  one new report dropped in

The dbt project is parsed beforehand (`dbt parse`, once after any change to the project),
so that the full night is measured as every first night in a new data folder runs. Beside
the nights, the floor: one hand-written DuckDB SQL over the same CSVs that computes the
counts of fct_insats_year (year-expanded, by sex, outcomes, share, average months) and
writes them to Parquet. `--growth` repeats the full night and the floor for the presets
tenth, national and 10x. `--repeat N` runs the floor and the nights N times on the same
generated files (a fresh data folder each time) and shows each one's fastest run with all
its walls: on a shared machine whose speed drifts, the fastest of several is the figure to
compare. `--against CHECKOUT` runs another checkout's nights (its own .venv, e.g. a clone
at the commit before a change) on the same files in the same rounds, alternating which
goes first, and prints both: before and after measured side by side. Every figure is
measured, printed and never asserted; the results go to benchmarks/RESULTS.md by hand, with
the machine and this command.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pipelines.timings import describe, timings_of

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "dbt_project" / "seeds" / "avslutsanledningar.csv"
PYTHON = sys.executable
FINSAM = str(Path(PYTHON).parent / "finsam")

FLOOR_SQL = """
copy (
with
raw as (
    select * from read_csv('{registers}/*_deltagare.csv', delim = ';', header = true,
                           encoding = 'latin-1', all_varchar = true, filename = true)
),
spells as (
    select "Organisationsnummer" as org, "Insats-ID" as insats, "Deltagar-ID" as pid,
           "Kön" as kon, cast("Inskrivningsdatum" as date) as start_date,
           cast(nullif("Utskrivningsdatum", '') as date) as end_date,
           nullif("Avslutsanledning", '') as reason, filename
    from raw
),
reasons as (select * from read_csv('{seed}', header = true)),
counted as (
    select spells.*, reasons.outcome_code, coalesce(reasons.counts_as_work_or_studies, false)
               as work_or_studies
    from spells left join reasons on spells.reason = reasons.avslutsanledning
    where not coalesce(reasons.is_registration_error, false)
),
as_of as (
    select filename, max(greatest(start_date, coalesce(end_date, start_date))) as as_of
    from counted group by filename
),
by_year as (
    select counted.*, unnest(generate_series(year(start_date),
                                             year(coalesce(end_date, as_of.as_of)))) as year
    from counted join as_of using (filename)
)
select
    org, insats, year,
    count(distinct pid) as participants_active,
    count(distinct pid) filter (where kon = 'Kvinna') as participants_active_women,
    count(distinct pid) filter (where kon = 'Man') as participants_active_men,
    count(*) filter (where year(start_date) = year) as participants_new,
    count(*) filter (where year(end_date) = year) as participants_ended,
    count(*) filter (where year(end_date) = year and outcome_code = 'work') as ended_work,
    count(*) filter (where year(end_date) = year and outcome_code = 'studies') as ended_studies,
    count(*) filter (where year(end_date) = year and work_or_studies) as ended_work_or_studies,
    round(100.0 * count(*) filter (where year(end_date) = year and work_or_studies)
          / nullif(count(*) filter (where year(end_date) = year), 0), 1)
        as share_work_or_studies_pct,
    round(avg(datediff('day', start_date, end_date) / 30.4375)
          filter (where year(end_date) = year), 1) as avg_months_in_insats
from by_year
group by all
) to '{out}' (format parquet)
"""


def measure(command: list[str], env: dict[str, str] | None = None) -> dict[str, float]:
    """Wall, CPU and peak RSS of one command run as a child of a fresh measuring process."""
    probe = ("import json, resource, subprocess, sys, time\n"
             "t = time.perf_counter()\n"
             "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
             "wall = time.perf_counter() - t\n"
             "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
             "print(json.dumps({'wall': wall, 'cpu': u.ru_utime + u.ru_stime,\n"
             "                  'rss_mb': u.ru_maxrss / 1024, 'code': code}))\n")
    done = subprocess.run([PYTHON, "-c", probe, *command], env=env, capture_output=True,
                          text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


PARSE = "from pipelines.dbt_manifest import prepare_manifest\nprepare_manifest()\n"


def night(data: Path, force: bool = False, finsam: str = FINSAM) -> dict:
    """One `finsam run`, measured, with the run's own timings (step by step) when it ran."""
    env = {**os.environ, "FINSAM_DATA_DIR": str(data)}
    env.pop("FINSAM_DUCKDB", None)
    before = timings_of(data / "ops")
    result = measure([finsam, "run", "--no-generate", *(["--force"] if force else [])], env)
    after = timings_of(data / "ops")  # none new when the night stopped early
    return {**result, "timings": after if after != before else None}


def where_the_time_goes(name: str, timings: dict) -> str:
    dbt = describe(timings.get("dbt", {}))
    return f"{name}: {describe(timings['steps'])}" + (
        f"\n{'':<{len(name) + 2}}dbt nodes: {dbt}" if dbt else "")


def floor(data: Path) -> dict[str, float]:
    sql = FLOOR_SQL.format(registers=data / "raw" / "registers", seed=SEED,
                           out=data / "floor.parquet")
    script = f"import duckdb\nduckdb.sql({sql!r})\n"
    return measure([PYTHON, "-c", script])


def generate(data: Path, preset: str) -> dict[str, float]:
    return measure([FINSAM, "generate", "--preset", preset, "--out", str(data / "raw")])


def change_one_export(data: Path) -> None:
    path = sorted((data / "raw" / "registers").glob("*_deltagare.csv"))[0]
    lines = path.read_bytes().rstrip(b"\r\n").split(b"\r\n")
    path.write_bytes(b"\r\n".join(lines[:-1]) + b"\r\n")


def drop_one_report(data: Path) -> None:
    report = data / "raw" / "reports" / "tillagd_lagesrapport.txt"
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text("Lägesrapport 2024\nSamordningsförbundet Centrala Östergötland\n\n"
                      "Steg till arbete\n\nUnder 2024 har 41 deltagare varit inskrivna i "
                      "insatsen, varav 23 kvinnor och 18 män. 12 deltagare har avslutat "
                      "insatsen under året: fem gick till arbete, två till studier och fem "
                      "till annan insats. Vid årets slut var 29 personer inskrivna. Insatsen "
                      "har haft två coacher på heltid och samarbetar med Arbetsförmedlingen "
                      "och kommunens arbetsmarknadsenhet. Målet är att 35 procent av de "
                      "avslutade ska gå till arbete eller studier.\n",
                      encoding="utf-8")


def row(name: str, m: dict, floor_wall: float | None = None) -> str:
    ratio = f"{m['wall'] / floor_wall:6.1f}×" if floor_wall else "       "
    status = "" if m.get("code", 0) == 0 else f"  (exit {m['code']})"
    walls = m.get("walls", [])
    runs = f"  (of {' / '.join(f'{w:.1f}' for w in walls)} s)" if len(walls) > 1 else ""
    return (f"{name:<28} wall {m['wall']:7.1f} s  cpu {m['cpu']:7.1f} s  "
            f"peak {m['rss_mb']:7.0f} MB  {ratio}{status}{runs}")


def _one_round(data: Path, all_nights: bool, finsam: str = FINSAM) -> dict[str, dict]:
    results = {"floor": floor(data), "full": night(data, finsam=finsam)}
    if all_nights:
        results["no change"] = night(data, finsam=finsam)
        change_one_export(data)
        results["one changed export"] = night(data, finsam=finsam)
        drop_one_report(data)
        results["one new report"] = night(data, finsam=finsam)
    return results


def _fastest(rounds: list[dict[str, dict]]) -> dict[str, dict]:
    """Each night's fastest run, with the walls of all its runs."""
    return {name: {**min((r[name] for r in rounds), key=lambda m: m["wall"]),
                   "walls": [r[name]["wall"] for r in rounds]} for name in rounds[0]}


def nights(preset: str, scratch: Path, all_nights: bool, repeat: int = 1,
           against: Path | None = None) -> tuple[dict[str, dict], dict[str, dict]]:
    """This checkout's nights (fastest of `repeat`), and those of the checkout `against`
    (its own .venv) on the same files, alternating which runs first."""
    data = scratch / preset
    shutil.rmtree(data, ignore_errors=True)
    results = {"generate": generate(data, preset)}
    # dbt parses once after a change to the dbt project, whichever night comes first: here,
    # so that the first night is measured as every first night is
    results["dbt parse"] = measure([PYTHON, "-c", PARSE])
    sides = {"now": (data, FINSAM)}
    if against is not None:
        measure([str(against / ".venv" / "bin" / "python"), "-c", PARSE])
        sides["before"] = (scratch / f"{preset}.before", str(against / ".venv" / "bin" / "finsam"))
    generated = scratch / f".{preset}.generated"
    if repeat > 1 or against is not None:
        shutil.rmtree(generated, ignore_errors=True)
        shutil.copytree(data / "raw", generated)
    rounds: dict[str, list] = {side: [] for side in sides}
    for round_ in range(repeat):
        order = list(sides) if round_ % 2 else list(sides)[::-1]
        for side in order:
            folder, finsam = sides[side]
            if folder.exists() and (round_ or side != "now"):  # the same files, nothing else
                shutil.rmtree(folder)
            if not folder.exists():
                shutil.copytree(generated, folder / "raw")
            rounds[side].append(_one_round(folder, all_nights, finsam))
    shutil.rmtree(generated, ignore_errors=True)
    before = _fastest(rounds["before"]) if against is not None else {}
    return {**results, **_fastest(rounds["now"])}, before


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--preset", default="national", choices=["tenth", "national", "10x"])
    parser.add_argument("--growth", action="store_true",
                        help="also the full night and the floor at tenth, national and 10x")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--repeat", type=int, default=1, metavar="N",
                        help="run the floor and the nights N times; show the fastest of each")
    parser.add_argument("--against", type=Path, metavar="CHECKOUT",
                        help="also run the nights of another checkout (with its .venv, e.g. "
                             "a clone at an older commit) on the same files, alternating")
    args = parser.parse_args(argv)
    scratch = args.keep or Path(tempfile.mkdtemp(prefix="finsam-nightly-"))
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, scratch {scratch}",
          flush=True)
    started = time.perf_counter()
    results, before = nights(args.preset, scratch, all_nights=True,
                             repeat=max(args.repeat, 1), against=args.against)
    base = results["floor"]["wall"]
    print(f"\npreset {args.preset}")
    for name, m in results.items():
        print(row(name, m, None if name in ("generate", "dbt parse", "floor") else base))
    if before:
        print(f"\nthe same nights, {args.against}")
        for name, m in before.items():
            print(row(name, m, None if name == "floor" else before["floor"]["wall"]))
        print("\nbefore → now (fastest runs)")
        for name, m in before.items():
            print(f"{name:<28} {m['wall']:7.1f} s → {results[name]['wall']:7.1f} s  "
                  f"peak {m['rss_mb']:6.0f} → {results[name]['rss_mb']:6.0f} MB")
    print("\nwhere the time goes (seconds, from each run's own timings)")
    for name, m in results.items():
        if m.get("timings"):
            print(where_the_time_goes(name, m["timings"]))
    if args.growth:
        print("\ngrowth (full night and floor)")
        for preset in ("tenth", "national", "10x"):
            grown = results if preset == args.preset else nights(
                preset, scratch, False, repeat=max(args.repeat, 1))[0]
            print(row(f"{preset}: full", grown["full"], grown["floor"]["wall"]))
            print(row(f"{preset}: floor", grown["floor"]))
    print(f"\nbenchmark time {time.perf_counter() - started:.0f} s; peak of this process "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    if not args.keep:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
