"""One cell or row of a tab-separated table: its number, its label, a sex split inside it."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from pipelines.reports import lexicon as lx
from pipelines.reports.text import Line

# "47 (K 20, M 27)", "31 (18 kvinnor, 13 män)": a sex split inside a cell.
_CELL_SEXES = re.compile(r"\b(?P<sa>K|M|kvinnor|män)\s*(?P<a>\d+)"
                         r"|(?P<b>\d+)\s*(?P<sb>K|M|kvinnor|män)\b")
_CELL_WITH_SEXES = re.compile(r"\s*(\d+)\s*\(([^)]*)\)\s*")
NUMBER = re.compile(r"\s*(\d+(?:[,.]\d+)?)\s*(%|procent)?\s*")
@dataclass(frozen=True)
class Cell:
    """A number in a table, with what its row and column say about it."""

    metric: str
    sex: str
    value: float
    start: int
    end: int
    row: Line
    insats: str | None = None
    period_text: str = ""


def row_numbers(row: Line) -> list[tuple[int, re.Match[str] | None, str, int]]:
    """(column, number match, cell, offset of the cell in the text) for every cell of a row."""
    cells, found, offset = row.text.split("\t"), [], row.start
    for j, cell in enumerate(cells):
        m = NUMBER.fullmatch(cell)
        found.append((j, m, cell, offset))
        offset += len(cell) + 1
    return found


def row_label(row: Line) -> str:
    """A row's first cell as a label: 'Avslutade:', '– varav kvinnor' → 'avslutade', 'varav
    kvinnor'."""
    return row.text.split("\t")[0].strip().lower().rstrip(":").lstrip("–-•·* ")


def sex_of(label: str) -> str | None:
    """The sex a row label names ('varav kvinnor'), if any."""
    return next((lx.SEX_WORDS[w] for w in re.findall(r"[a-zåäö]+", label)
                 if w in lx.SEX_WORDS), None)


def share_metric(label: str) -> str:
    """A percentage of work or studies: a target when its label says 'mål'."""
    return "goal_work_or_studies_pct" if re.search(r"\bmål", label) else \
        "share_work_or_studies_pct"


def cell_with_sexes(cell: str, offset: int, row: Line, metric: str) -> list[Cell]:
    """'47 (K 20, M 27)': the count of the row, then its women and men."""
    whole = _CELL_WITH_SEXES.fullmatch(cell)
    if not whole:
        return []
    found = [Cell(metric, "all", float(whole.group(1)), offset + whole.start(1),
                  offset + whole.end(1), row)]
    inner = offset + whole.start(2)
    for m in _CELL_SEXES.finditer(whole.group(2)):
        number = "a" if m.group("a") else "b"
        word = (m.group("sa") or m.group("sb"))
        sex = lx.SEX_LETTERS.get(word) or lx.SEX_WORDS[word.lower()]
        found.append(Cell(metric, sex, float(m.group(number)), inner + m.start(number),
                          inner + m.end(number), row))
    return found

_PARTICIPANT_HEADERS = ("deltagare", "antal deltagare", "antal", "deltagare totalt")
SHARES = ("share_work_or_studies_pct", "goal_work_or_studies_pct")


def column_metric(header: str, kind: str, what: str | None, percent: bool) -> str | None:
    """What a column of a table with one row per insats (or period) counts."""
    column = header.strip().lower()
    percent = percent or "%" in column or column.startswith("andel")
    if percent and set(re.findall(r"[a-zåäö]+", column)) & set(lx.MONEY_WORDS):
        return None  # "Andel av budget", "Förbrukat (%)"
    if percent:  # "Mål arbete/studier", "Utfall jan–jun", "Andel till arbete/studier"
        if re.search(r"\bmål", column):
            return "goal_work_or_studies_pct"
        about = re.search(r"utfall|andel", column) or lx.names_work_and_studies(column)
        return "share_work_or_studies_pct" if about else None
    if re.search(r"snitt|genomsnitt|medel", column) or (
            "tid" in column.split() and "mån" in column):
        return "avg_months_in_insats"  # "Snittid (mån)", "Tid i insats (mån)"
    if column in _PARTICIPANT_HEADERS or kind in ("sex", "all") or column in (
            "inskrivna", "aktuella", "deltagare"):
        return "participants"
    return what if kind == "metric" else None


def captioned_metric(metric: str, header: str) -> str | None:
    """What a column counts by its table's caption: a share or a goal by its header ("Utfall",
    "Mål"); a count never in a column of percentages ("Beläggning (%)")."""
    if metric in SHARES:
        return SHARES[1] if re.search(r"\bmål", header.lower()) else SHARES[0]
    return None if "%" in header or "andel" in header.lower() else metric


def is_header_row(line: Line) -> bool:
    """A table row with no count in it: its cells name columns ('IPS | 2023 | 2022')."""
    cells = [c.strip() for c in line.text.split("\t")[1:] if c.strip()]
    named = any(re.search(r"[A-Za-zÅÄÖåäö]|(?:19|20)\d\d", c) for c in cells)  # not "–"
    return named and all(not re.fullmatch(r"\d+(?:[,.]\d+)?\s*%?", c)
                         or re.fullmatch(r"(?:19|20)\d\d", c) for c in cells)


def joined_header(rows: list[Line]) -> list[Line]:
    """A header over two lines as one ('Praktik-' over 'bron', 'Unga vuxna' over 'i rörelse'):
    the second line has no label of its own, no number, and a cell, empty or not, under each
    header cell (columns aligned by spaces lose their empty cells and so their places)."""
    if len(rows) < 3:
        return rows
    top, under = rows[0].text.rstrip().split("\t"), rows[1].text.rstrip(" \n").split("\t")
    if under[0].strip() or len(under) != len(top) or not any(c.strip() for c in under) or any(
            ch.isdigit() for ch in rows[1].text):
        return rows
    cells = []
    for cell, more in zip(top, (c.strip() for c in under), strict=True):
        if not more:
            cells.append(cell)
        elif cell.rstrip().endswith("-") and more[0].islower():
            cells.append(cell.rstrip()[:-1] + more)  # a word split over the two lines
        else:
            cells.append(f"{cell.rstrip()} {more}".strip())
    return [replace(rows[0], text="\t".join(cells)), *rows[2:]]
