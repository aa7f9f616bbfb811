"""Tables saved from a spreadsheet in long form: a block of rows per insats, its name in the
first column of the block's first row only ('Insats | Uppgift | Kv1 | … | Helår' over
'Arbetsträning Tärnå | Inskrivna | 14 | …' and ' | varav kvinnor | 8 | …'). Each block is
read as a table of its own, labels in the second column, and its figures carry its name."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from pipelines.reports.table_cells import Cell
from pipelines.reports.text import Line

# Second header cells that say the column holds what each row counts.
_LABEL_HEADERS = ("uppgift", "mått", "matt", "nyckeltal", "indikator", "variabel", "kategori",
                  "avser", "typ", "parameter")


def is_long_by_insats(header: list[str], name_headers: tuple[str, ...]) -> bool:
    """'Insats | Uppgift | Kv1 | …': a block of label rows per insats."""
    return len(header) >= 3 and header[0].strip().lower() in name_headers and \
        header[1].strip().lower().rstrip(":") in _LABEL_HEADERS


def _without_first_cell(line: Line) -> Line:
    first = line.text.split("\t", 1)[0]
    return Line(line.start + len(first) + 1, line.end, line.text[len(first) + 1:], 0, False)


def read_long_table(rows: list[Line], read: Callable[[list[Line]], list[Cell]],
                    all_insatser: Callable[[str], bool]) -> list[Cell]:
    """The figures of each insats' block, read by `read` as a table of its own; blocks that
    `all_insatser` names a total or a topic are left out."""
    header = _without_first_cell(rows[0])
    cells: list[Cell] = []
    name, block = "", []
    for row in [*rows[1:], None]:
        first = row.text.split("\t", 1)[0].strip() if row is not None else "x"
        if first and block:
            if not (name and all_insatser(name.lower())):
                cells += [replace(cell, insats=name) for cell in read([header, *block])]
            block = []
        if row is None:
            break
        name = first or name
        block.append(_without_first_cell(row))
    return cells
