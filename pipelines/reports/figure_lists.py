"""Lists: items under a lead-in ('Under året har 33 personer varit aktuella:' or a caption
'Deltagare januari–april', then '• 14 kvinnor', '• 19 män', '• 26 totalt'), and key figures
with dot leaders ('Aktuella deltagare ........ 23'). Mixed into `SectionFigures`."""

from __future__ import annotations

import re

from pipelines.reports import lexicon as lx
from pipelines.reports.figure_types import Figure, Mention, Sentence
from pipelines.reports.numbers import Token
from pipelines.reports.text import Line

_ITEM = re.compile(r"^\s*[•·▪*–-]\s*(?P<n>\d{1,4})\s+(?P<word>[a-zåäö]+)\s*[.,;]?\s*$",
                   re.IGNORECASE)
# "Aktuella deltagare ....... 23": a label, a leader of dots, a number at the end.
_DOT_LEADER = re.compile(r"^(?P<label>\s*\S.*?)\s*(?:\.{3,}|…)[.…\s]*(?=\d[\d\s,.]*%?\s*$)")
def _has_leader(text: str) -> bool:
    return ("..." in text or "…" in text) and _DOT_LEADER.match(text) is not None


_CHAPTER = re.compile(r"^\s*\d+(\.\d+)*\.?\s")
_LISTED_TABLE = re.compile(r"^\s*(?:tabell|figur|diagram|bild)\s*\d", re.IGNORECASE)


def is_contents(block: list[Line], text: str) -> bool:
    """Table rows of chapters and their pages, the pages never falling and most chapters
    headed again in the text ('4.1 Deltagare per år <tab> 6'): a table of contents."""
    cells = [line.text.rstrip(" \t").split("\t") for line in block]
    if len(block) < 3 or any(len(row) != 2 or not row[1].strip().isdecimal() for row in cells):
        return False
    pages = [int(row[1]) for row in cells]
    return pages == sorted(pages) and 2 * sum(
        text.count(row[0].strip()) >= 2 for row in cells) > len(block)


_COUNTS = ("participants", "participants_new", "participants_ended", "participants_ongoing")
_TOTAL_WORDS = ("totalt", "sammanlagt", "personer", "deltagare", "st")


class ListRules:
    """The count a list's lead-in names, given to each item that only says kön or total."""

    text: str
    figures: list[Figure]
    _list_metric: str | None = None
    _list_caption: str = ""  # a short line a list may follow ('Deltagare januari–april')

    def _list_lead(self, text: str, emitted_from: int) -> None:
        """What the list under `text` counts: the count its lead-in line just stated
        ('… 33 personer varit aktuella:'), or what a short caption names ('Deltagare
        januari–april 2024', 'Deltagare fördelat på kön:')."""
        text = text.strip().strip("*_ ")
        stated = [f for f in self.figures[emitted_from:] if f.metric in _COUNTS]
        self._list_metric, self._list_caption = None, ""
        if text.endswith(":") and stated:
            self._list_metric = stated[-1].metric
        elif len(text.split()) <= 6 and not stated and not re.search(r"[.!?]$", text):
            # what a caption counts is worked out when an item follows it
            self._list_caption = " ".join(re.sub(r"[^a-zåäö ]", " ", text.lower()).split())

    def _list_item(self, line: Line) -> bool:
        """'• 14 kvinnor' under a lead-in: the lead-in's count for women."""
        m = _ITEM.match(line.text)
        if not m:
            return False
        if self._list_caption:
            metric = self._label_metric(self._list_caption)
            self._list_metric = metric if metric in _COUNTS else None
            self._list_caption = ""
        if not self._list_metric:
            return False
        word = m.group("word").lower()
        sex = lx.SEX_WORDS.get(word) or ("all" if word in _TOTAL_WORDS else None)
        if sex is None:
            return False
        value = float(m.group("n"))
        token = Token(m.group("n"), line.start + m.start("n"), line.start + m.end("n"))
        s = Sentence(line.text, line.start, [token], "")
        self._emit(self._list_metric, sex, value, s, Mention(0, token, value), "list:item")
        return True

    def _dot_leaders(self, lines: list[Line], i: int) -> int:
        """Read the block of dot-leader lines from `i` as labelled values; a block whose
        numbers never fall is a table of contents and is skipped. Returns the next line."""
        block = []
        while i + len(block) < len(lines) and _has_leader(lines[i + len(block)].text):
            block.append(lines[i + len(block)])
        if not block:
            return i
        numbers = [float(re.findall(r"\d+", line.text)[-1]) for line in block]
        if 2 * sum(bool(_LISTED_TABLE.match(line.text)) for line in block) >= len(block):
            return i + len(block)  # a list of tables: "Tabell 11. Aktiva deltagare …… 5"
        if len(block) > 1 and numbers == sorted(numbers) and (len(block) > 2 or any(
                _CHAPTER.match(line.text) for line in block)):
            return i + len(block)  # page numbers of a table of contents
        for line in block:
            m = _DOT_LEADER.match(line.text)
            self._label_value(line, m.end(), m.group("label").strip(" -•*·").lower())
        return i + len(block)

