"""Score `finsam extract` on folders of reports with answer keys, micro-averaged.

    .venv/bin/python benchmarks/extraction_score.py ../shared/reports:../shared/gold DIR ...

Each argument is a folder of `<stem>.txt` reports, optionally `:KEYDIR` where the
`<stem>.figures.csv` keys live (default: beside the reports). Scoring is the shared
tool's (../shared/tools/score_extraction.py). Prints per report and in total: gold rows,
extracted, matched, precision, recall and period accuracy among matches.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import io
from pathlib import Path

from pipelines.reports.extract import extract_document
from pipelines.reports.readers import read_document
from pipelines.settings import SHARED_DIR


def _scorer():
    spec = importlib.util.spec_from_file_location(
        "score_extraction", SHARED_DIR / "tools" / "score_extraction.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _extracted_rows(path: Path) -> list[dict[str, str]]:
    rows = [r.gold_row() for r in extract_document(read_document(path))]
    return [{k: str(v) for k, v in row.items()} for row in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", help="REPORTS[:KEYS]")
    parser.add_argument("--misses", action="store_true", help="list misses and extras")
    args = parser.parse_args()
    scorer = _scorer()
    totals = [0, 0, 0, 0]
    for spec in args.folders:
        reports, _, keys = spec.partition(":")
        for report in sorted(Path(reports).glob("*.txt")):
            key = Path(keys or reports) / f"{report.stem}.figures.csv"
            if not key.exists():
                continue
            gold = list(csv.DictReader(io.StringIO(key.read_text(encoding="utf-8-sig"))))
            extracted = _extracted_rows(report)
            found, misses, extras, period_ok = scorer.score(gold, extracted)
            for i, n in enumerate((len(gold), len(extracted), len(found), period_ok)):
                totals[i] += n
            print(f"{report.stem[:44]:<44} gold {len(gold):4d} extracted {len(extracted):4d} "
                  f"P {len(found) / max(len(extracted), 1):.3f} "
                  f"R {len(found) / max(len(gold), 1):.3f} period {period_ok}/{len(found)}")
            if args.misses:
                for g in misses:
                    print(f"   MISS  {g['insats']} | {g['metric']} {g['sex']} = {g['value']}"
                          f"  «{g.get('quote', '')}»")
                for e in extras:
                    print(f"   EXTRA {e['insats']} | {e['metric']} {e['sex']} = {e['value']}"
                          f"  «{e.get('quote', '')[:90]}»")
    gold, extracted, found, period_ok = totals
    print(f"TOTAL gold {gold} extracted {extracted} matched {found} "
          f"precision={found / max(extracted, 1):.3f} recall={found / max(gold, 1):.3f} "
          f"period={period_ok}/{found}")


if __name__ == "__main__":
    main()
