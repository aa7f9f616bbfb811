"""Tab-separated tables: what each header cell and row label says a number counts.

Three shapes are read, told apart by the header row:
- rows of counts (`Inskrivna`, `Avslutade`, …) under sex or total columns
  (`Kvinnor | Män | Totalt`);
- the same rows under period columns (`2023 | 2022`, `Under året | Sedan start 2021`),
  each number carrying its column as the period text;
- one row per insats (`Insats | Deltagare | Kvinnor | Män | Avslutade`), each number
  carrying the row's insats name.
Month-by-month columns are not figures (only a stated total is).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pipelines.reports import lexicon as lx
from pipelines.reports.long_tables import is_long_by_insats, read_long_table
from pipelines.reports.periods import MONTHS, explicit_period, within_year, year_period
from pipelines.reports.table_cells import (
    SHARES,
    Cell,
    captioned_metric,
    cell_with_sexes,
    column_metric,
    joined_header,
    row_label,
    row_numbers,
    sex_of,
    share_metric,
)
from pipelines.reports.text import Line
from pipelines.reports.topics import is_topic

_TOTAL = ("totalt", "total", "summa", "antal", "alla", "sammanlagt")
# Header cells of the column that holds what happened, beside a column of targets.
_OUTCOME_COLUMNS = ("utfall", "resultat", "värde", "faktiskt", "faktiskt utfall", "utfall/värde")
_GOAL_COLUMNS = ("mål", "målvärde", "målnivå", "mål för året", "mål enligt plan")
_NAME_HEADERS = ("insats", "insatser", "insatsens namn", "projekt", "namn")
_PERIOD_HEADERS = ("år", "period", "kvartal", "tertial", "halvår", "verksamhetsår")
# First header cells of a table whose columns are insatser and whose rows are outcomes.
_OUTCOME_HEADERS = ("avslutsorsak", "avslutsorsaker", "avslutsanledning", "orsak", "avslut",
                    "resultat vid avslut", "nyckeltal", "deltagarflöde", "", "mått", "indikator",
                    "uppgift", "uppföljning")
_PERIODIC = re.compile(
    r"(19|20)\d\d|under (året|perioden|kvartalet)|sedan|hittills|ack(umulerat)?\b|totalt sedan"
    r"|hela (perioden|projekt)"
    r"|\b(t[1-3]|tertial|q[1-4]|kv(artal)?\.?\s*[1-4]|h[12]|halvår)\b"
    r"|\b(projekt)?år\s*[1-9]\b", re.IGNORECASE)


def _column(cell: str, label_metric: Callable[[str], str | None]
            ) -> tuple[str, str | None]:
    """('sex', women|men) | ('all', None) | ('period', None) | ('metric', metric) | ('', None)."""
    text = re.sub(r"\s*\((andel|%|antal|st)\)", "", cell.strip().lower()).rstrip(":")
    words = text.split()
    if words and words[-1] in lx.SEX_WORDS and len(words) <= 2:  # "Kvinnor", "varav män"
        return "sex", lx.SEX_WORDS[words[-1]]
    if cell.strip() in lx.SEX_LETTERS:  # "K | M | Totalt"
        return "sex", lx.SEX_LETTERS[cell.strip()]
    if text in _TOTAL or text in _OUTCOME_COLUMNS:
        return "all", None
    if text in _GOAL_COLUMNS:
        return "goal", None
    if text.split()[:1] and text.split()[0] in MONTHS:
        return "", None
    if _PERIODIC.search(text) and (explicit_period(text) or year_period(text)
                                   or not label_metric(text)) or within_year(text, 2000) or (
            text in _PERIOD_LABELS):
        return "period", None
    metric = label_metric(text) if text else None
    return ("metric", metric) if metric else ("", None)


def read_table(rows: list[Line], label_metric: Callable[[str], str | None],
               caption_metric: str | None = None,
               is_insats: Callable[[str], bool] = lambda name: False,
               is_known: Callable[[str], bool] = lambda name: False,
               title_metric: str | None = None) -> list[Cell]:
    """The figures of a table whose first line is its header; rows of sexes under a caption
    ('Tabell 2. Nya deltagare per kvartal') count what the caption names. `is_insats` tells
    a name the report uses as an insats, `is_known` one of the report's insats headings;
    `title_metric` what a table's title (not a sentence above it) says it counts."""
    rows = joined_header(rows)
    header = rows[0].text.rstrip().split("\t")  # no empty cell after the last
    if is_long_by_insats(header, _NAME_HEADERS):
        return read_long_table(rows, lambda block: read_table(
            block, label_metric, caption_metric, is_insats, is_known, title_metric),
            _all_insatser)
    money = [bool(set(re.findall(r"[a-zåäö]+", cell.lower())) & set(lx.MONEY_WORDS))
             for cell in header]
    if money[0] or len(header) > 1 and all(money[1:]) or lx.names_forbund_wide(
            header[0]):
        # "Belopp i tkr | Budget 2024 | Utfall jan–apr", "Insats | Utfall (kr)", and
        # "Samtliga insatser | 2023 | 2024": the whole förbund's
        return []
    # "Uppgift | Samtliga insatser 2023": a column for the whole förbund holds no insats' count
    kinds = [("", None) if paid or j and lx.names_forbund_wide(cell)
             else _column(cell, label_metric)
             for j, (cell, paid) in enumerate(zip(header, money, strict=True))]
    first = header[0].strip().lower().rstrip(":")
    # "Insats | 2022 | 2023", or no first header at all over rows the report heads as insatser
    by_insats = first in _NAME_HEADERS or not first and len(rows) > 1 and all(
        is_known(row_label(row)) for row in rows[1:] if row_label(row) not in _TOTAL)
    # "IPS Rönnåsen | 2023 | 2022": a table of one insats names it in its first header cell.
    named = header[0].strip() if header[0].strip() and not by_insats and is_insats(
        header[0].strip()) and any(kind in ("period", "sex", "all") for kind, _ in kinds[1:]) \
        else None
    # "År | 2022 | 2023": the columns are the periods, the rows what is counted.
    by_period = first in _PERIOD_HEADERS and not any(kind == "period" for kind, _ in kinds[1:])
    # "Kommun | Deltagare | …": one insats by place; its "Totalt" row is the insats' figure
    by_part = first in lx.BREAKDOWN_HEADERS and not by_period
    if by_part:
        return _part_totals(rows, header, kinds)
    # Columns named like insatser the report names ("Jobbspåret | IPS Kust"), not sexes,
    # totals or periods.
    named_columns = sum(is_insats(cell.strip()) for cell, (kind, _)
                        in zip(header[1:], kinds[1:], strict=True)
                        if cell.strip() and kind not in ("sex", "all", "period")
                        and cell.strip().lower().split()[0] not in MONTHS)
    # "Avslutsorsak | Lidå | Fjällsjö | Totalt": columns beside a total that are not insatser
    # the report heads are parts of one insats; its total column is read like any other
    parts = any(cell.strip().lower() in _TOTAL for cell in header[1:]) and not all(
        is_known(cell.strip()) for cell, (kind, _) in zip(header[1:], kinds[1:], strict=True)
        if cell.strip() and kind not in ("sex", "all", "period"))
    # "Tabell 2. Nya deltagare per insats och kvartal" over "Insats | Kv 1 | Kv 2 …": the
    # caption says what columns without a count of their own hold
    captioned = title_metric if by_insats else None
    if not (any(kind for kind, _ in kinds[1:]) or captioned) or named_columns >= 2 and not parts:
        return _by_insats_columns(rows, header, label_metric, named_columns >= 2)
    labels = [row_label(row) for row in rows[1:]]
    if not all(label in _TOTAL or label.split()[-1:] and label.split()[-1] in lx.SEX_WORDS
               for label in labels if label):
        caption_metric = None  # the caption names the count only of a table of sexes
    cells: list[Cell] = []
    last_metric = None
    # "Nya deltagare | varav kvinnor | varav män": a 'varav' sex column counts what the
    # column before it counts
    inherited: dict[int, str] = {}
    for j in range(2, len(header)):
        if kinds[j][0] == "sex" and header[j].strip().lower().startswith("varav"):
            before = inherited.get(j - 1) or column_metric(header[j - 1], *kinds[j - 1], False)
            if before:
                inherited[j] = before
    for row in rows[1:]:
        parts = row.text.split("\t")
        label = row_label(row)
        if caption_metric and label in _TOTAL and not (by_insats or by_period):
            last_metric = caption_metric  # "Totalt" under "Kvinnor" and "Män"
        elif not label or label.split()[0] in MONTHS or label in _TOTAL and not by_period or (
                by_insats and _all_insatser(label)):
            # "Totalt samtliga insatser", "Förbundets mål (samtliga insatser)"
            continue
        sex_row = sex_of(label)
        row_metric = None if by_insats or by_period else (
            (last_metric or caption_metric) if sex_row and _sex_label(label)
            else caption_metric if label in _TOTAL
            else label_metric(label.removeprefix("varav ").strip()))
        if row_metric is None and not (by_insats or by_period):
            continue
        last_metric = row_metric if not sex_row else last_metric
        for j, m, cell, offset in row_numbers(row):
            if j == 0 or j >= len(kinds):
                continue
            kind, what = kinds[j]
            if m is None and kind == "all" and row_metric:
                cells.extend(cell_with_sexes(cell, offset, row, row_metric))
            if m is None:
                continue
            if kind == "goal":  # a target: only a target share of work or studies is a figure
                if m.group(2) and lx.names_work_and_studies(label) or captioned in SHARES:
                    kind, row_metric_here = "all", "goal_work_or_studies_pct"
                else:
                    continue
            else:
                row_metric_here = row_metric
            metric, sex, period_text = row_metric_here, sex_row or "all", ""
            if by_insats or by_period:
                metric = inherited.get(j) or (
                    row_metric_here if row_metric_here == SHARES[1] else None) or (
                    captioned_metric(captioned, header[j]) if captioned and kind in (
                        "sex", "all", "period", "") and column_metric(
                        header[j], "", None, bool(m.group(2))) is None else None
                ) or column_metric(header[j], kind, what, bool(m.group(2)))
                period_text = header[j].strip() if captioned and kind == "period" else ""
                sex = what if kind == "sex" else "all"
                period_text = parts[0].strip() if by_period else period_text
            elif kind == "sex":
                sex = what
            elif kind == "period":
                period_text = header[j].strip()
            elif kind != "all":
                continue
            if (m.group(2) or re.search(r"%|\bandel", label)) and not (by_insats or by_period) \
                    and metric != "goal_work_or_studies_pct":
                # a percentage: only the share to work or studies is a figure
                metric = share_metric(label) if lx.names_work_and_studies(label) else None
            if metric is None:
                continue
            start = offset + len(cell) - len(cell.lstrip())
            cells.append(Cell(metric, sex, float(m.group(1).replace(",", ".")), start,
                              start + len(m.group(1)), row,
                              parts[0].strip() if by_insats else named, period_text))
    return cells


def _all_insatser(label: str) -> bool:
    """A row of a table by insats that is no insats: 'Totalt samtliga insatser', a topic."""
    return label.startswith(_TOTAL) or is_topic(label) or "samtliga" in label


def _sex_label(label: str) -> bool:
    """A row label that is a sex of the row above: 'Kvinnor', 'varav tjejer'."""
    words = label.removeprefix("varav ").split()
    return bool(words) and words[0] in lx.SEX_WORDS


# Labels of a period column or row that name no dates: the report's period, the insats' life.
_PERIOD_LABELS = ("perioden", "period", "kvartalet", "året", "halvåret", "tertialet",
                  "denna period", "aktuell period", "rapportperioden", "under perioden",
                  "under kvartalet", "under året", "sedan start", "totalt sedan start",
                  "hittills i år", "sedan insatsens start", "ackumulerat", "helår", "helåret",
                  "hela året")


def is_period_label(text: str) -> bool:
    """'Perioden', 'Under perioden', 'Sedan start': a column or row label naming a period."""
    return text.strip().lower().rstrip(":") in _PERIOD_LABELS or bool(
        re.fullmatch(r"(under |sedan )?\w*(perioden|start|året)", text.strip().lower()))


def _is_period(cell: str) -> bool:
    """A column header naming part of a year: 'Jan–apr', 'Q2', 'Helår'."""
    return bool(_PERIODIC.search(cell) or within_year(cell, 2000) or re.match(r"hel(år|året)\b",
                                                                             cell.lower()))


def _part_totals(rows: list[Line], header: list[str],
                 kinds: list[tuple[str, str | None]]) -> list[Cell]:
    """The total rows of a table whose rows are parts of one insats (kommuner, units), each
    column counting what its header names."""
    cells: list[Cell] = []
    for row in rows[1:]:
        if row_label(row) not in _TOTAL:
            continue
        for j, m, cell, offset in row_numbers(row):
            if not j or j >= len(kinds) or m is None:
                continue
            kind, what = kinds[j]
            metric = column_metric(header[j], kind, what, bool(m.group(2)))
            if metric is None:
                continue
            start = offset + len(cell) - len(cell.lstrip())
            cells.append(Cell(metric, what if kind == "sex" else "all",
                              float(m.group(1).replace(",", ".")), start,
                              start + len(m.group(1)), row, None, ""))
    return cells


def _by_insats_columns(rows: list[Line], header: list[str],
                       label_metric: Callable[[str], str | None],
                       named: bool = False) -> list[Cell]:
    """A table whose columns are insatser ('Nyckeltal Q3 | Navet | Lyktan | …') and whose rows
    say what is counted; each figure carries its column's insats. A row without numbers
    ('Ackumulerat jan–sep 2024') gives the period of the rows under it."""
    names = [cell.strip() for cell in header[1:]]
    first = header[0].strip().lower().rstrip(":")
    listed = (first.split()[:1] or [""])[0] in _OUTCOME_HEADERS or first in _OUTCOME_HEADERS
    if not (named or listed) or len(names) < 2 or not all(
            n and not n[0].isdigit() and not is_topic(n) and not _is_period(n) for n in names):
        return []
    cells: list[Cell] = []
    last_metric, period_text = None, ""
    for row in rows[1:]:
        label = row_label(row)
        numbers = [(j, m, cell, offset) for j, m, cell, offset in row_numbers(row)
                   if j and m is not None and j <= len(names)]
        if label and not numbers:
            period_text = row.text.split("\t")[0].strip()  # a divider row
            continue
        sex = sex_of(label)
        if sex and _sex_label(label):
            metric = last_metric
        else:
            metric = label_metric(label) if label and label not in _TOTAL else None
            last_metric = metric
            sex = None
        share = lx.names_work_and_studies(label) and (
            "%" in label or "andel" in label or "mål" in label)
        for j, m, cell, offset in numbers:
            if _all_insatser(names[j - 1].lower()):
                continue  # "Summa": all insatser together, as a total row is
            kind = metric
            if m.group(2) or share:
                kind = share_metric(label) if share else None
            if kind is None:
                continue
            start = offset + len(cell) - len(cell.lstrip())
            cells.append(Cell(kind, sex or "all", float(m.group(1).replace(",", ".")), start,
                              start + len(m.group(1)), row, names[j - 1], period_text))
    return cells


def table_insats_names(lines: list[Line]) -> list[str]:
    """The row labels of tables whose first header cell says the rows are insatser."""
    names: list[str] = []
    header = False
    for line in lines:
        cells = line.text.split("\t")
        if len(cells) < 2:
            header = False
            continue
        first = cells[0].strip().lower().rstrip(":")
        if first in _NAME_HEADERS:
            header = True
        elif header and first and first not in _TOTAL and not first.startswith(_TOTAL):
            names.append(cells[0].strip())
    return list(dict.fromkeys(names))
