"""Move a refused input file out of the drop folder, with an error report beside it."""

from __future__ import annotations

import shutil
from pathlib import Path

from pipelines.errors import CellProblem


def quarantine(path: Path, quarantine_dir: Path, reason: str,
               problems: list[CellProblem] = (), what_to_do: str = "") -> Path:
    """Move `path` to `quarantine_dir` and write `<name>.errors.txt` (file, row, column, reason)."""
    quarantine_dir.mkdir(parents=True, exist_ok=True)
    target = quarantine_dir / path.name
    if target.exists():  # keep an earlier quarantined version of the same name
        stem = 1
        while (quarantine_dir / f"{path.stem}.{stem}{path.suffix}").exists():
            stem += 1
        target = quarantine_dir / f"{path.stem}.{stem}{path.suffix}"
    shutil.move(str(path), target)
    lines = [f"File: {path}", f"Reason: {reason}"]
    lines += [f"  row {p.row}, column '{p.column}': {p.message}" if p.column
              else f"  row {p.row}: {p.message}" for p in problems]
    default = f"correct the file and drop it in {path.parent} again"
    lines.append(f"What to do: {what_to_do or default}")
    target.with_name(target.name + ".errors.txt").write_text("\n".join(lines) + "\n",
                                                            encoding="utf-8")
    return target
