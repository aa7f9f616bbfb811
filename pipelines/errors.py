"""Errors a person who exported the file can act on: file, row, column, what to do."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipelines.personnummer import mask_personnummer


@dataclass(frozen=True)
class CellProblem:
    """One problem in one cell (or one row, when `column` is empty).

    `row` counts as a spreadsheet does: the header is row 1, the first data row 2.
    """

    row: int
    column: str
    message: str

    def describe(self) -> str:
        where = f"row {self.row}" + (f", column '{self.column}'" if self.column else "")
        return f"{where}: {self.message}"


class InputFileError(Exception):
    """An input file (register, curated figures) that cannot be loaded; none of it is written."""

    def __init__(self, path: Path, problems: list[CellProblem], hint: str = "") -> None:
        self.path = path
        self.problems = problems
        self.hint = hint
        shown = "\n".join(f"  - {p.describe()}" for p in problems[:20])
        more = f"\n  … and {len(problems) - 20} more" if len(problems) > 20 else ""
        tail = f"\n{hint}" if hint else ""
        # A message never repeats a personnummer, whichever cell or file name held one.
        super().__init__(mask_personnummer(
            f"{path}: not loaded, {len(problems)} problem(s):\n{shown}{more}{tail}"))

    def __reduce__(self):  # pickled whole: files are parsed in worker processes
        return (type(self), (self.path, self.problems, self.hint))
