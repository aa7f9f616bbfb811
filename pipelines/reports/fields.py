"""Form fields: a label and its value, after a colon, in the next cell or on the next line.

Forms state the insats name in a field ("Insatsens namn: X", "1. Insatsens namn X",
"<p>Insatsens namn</p>\t<p>X</p>", or the label on its own line and the name below).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from pipelines.reports import lexicon as lx
from pipelines.reports.folding import fold
from pipelines.reports.text import Line, nonblank

_NUMBER = r"^\s*(?:(?:[A-Z]\d{1,2}|\d+(?:\.\d+)*)\.?\s*)?"  # "3.", "2.1", "A1."
_MAX_NAME_WORDS = 10
# What follows a name in a title: a year, a period, a quarter ("2021–2023", "Q2 2024", "jan–jun").
# What follows a name in a title: a period, or an occasion ("inför styrelsemötet 17/10").
_PERIOD_TAIL = re.compile(r"\s*(?:[-–,]\s*)?(?:\(|(?:19|20)\d\d\b|[QT][1-4]\b|(?i:inför|per)\s"
                          r"|(?i:kv(?:artal)?\.?\s*[1-4]|jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec|första|andra|tredje"
                          r"|fjärde|halvår|tertial)).*$")


def label_of(text: str) -> str:
    """The folded label of a field line: what stands before its colon or first cell."""
    return fold(re.split(r"[:：\t]", text, maxsplit=1)[0])


def field_value(lines: list[Line], i: int) -> str:
    """The value of a form field: after its colon or tab, or the next non-blank line."""
    parts = re.split(r"[:：\t]", lines[i].text, maxsplit=1)
    if len(parts) == 2 and parts[1].strip():
        return parts[1].strip()
    for line in lines[i + 1:i + 4]:
        if line.text.strip():
            return line.text.strip()
    return ""


@cache
def _name_field() -> re.Pattern[str]:
    labels = "|".join(sorted(lx.NAME_FIELD_LABELS, key=len, reverse=True))
    return re.compile(rf"{_NUMBER}(?P<label>{labels})(?P<sep>\s*[:：\t]\s*|\s+|\s*$)"
                      r"(?P<name>[^\t]*[^\s\t])?(?:\s*\t.*)?$", re.IGNORECASE)


def _is_name(text: str) -> bool:
    text = text.strip()
    return bool(text) and len(text.split()) <= _MAX_NAME_WORDS and not text.endswith(
        (".", "?", ";", ",")) and not _name_field().match(text)


# The title of a column of numbers: "Insats | Månader" heads a table, "Insats | Lotsen" names
_COLUMN_TITLE = re.compile(r"(?i)(månader|antal|andel|procent|%|deltagare|platser|kvinnor|män"
                           r"|totalt|utfall|mål|budget|(19|20)\d\d|kv\.? ?\d|q\d)\b")


def name_fields(lines: list[Line]) -> list[tuple[int, str]]:
    """(line, insats name) of every name field."""
    found = []
    for i, line in enumerate(lines):
        m = _name_field().match(line.text)
        if not m:
            continue
        name, sep = m.group("name"), m.group("sep")
        # a colon, or a tab before the one other cell ("INSATS | Steg in", not a table header)
        separated = bool(sep.strip(" \t")) or "\t" in sep and name is not None and \
            "\t" not in line.text[m.end("name"):]
        following = next((x.text for x in lines[i + 1:i + 3] if x.text.strip()), "")
        if name is None:  # the label alone: the name is on the next line
            name = following if _is_name(following) else None
        elif not separated and (m.group("label").lower() in lx.NAME_FIELD_LABELS_NEED_COLON
                                or not _is_name(name)):
            name = None
        if name and "\t" in line.text and _COLUMN_TITLE.match(name.strip()) \
                and re.search(r"\t\s*\d+(?:[,.]\d+)?\s*$", following):
            continue  # "Insats | Månader" over "IPS | 9,4": a table's header, not a field
        if name:
            found.append((i, name.strip(" .*\t")))
    return found


_SUBJECT = re.compile(r"^(?i:ämne|rubrik|subject)\s*:\s*(?:(?i:sv|vb|re|fw|fwd)\s*:\s*)*")


def kind_title_insats(lines: list[Line], is_name: Callable[[str], bool],
                      head: int = 12) -> tuple[int, str] | None:
    """(line, name) of a title that names a kind of report and then one insats:
    'Slutrapport Brobyggarna 2021–2023', 'Kvartalsrapport Vägen vidare Q2'."""
    kinds = "|".join(sorted(lx.REPORT_KINDS, key=len, reverse=True))
    pattern = re.compile(rf"^\s*\w*(?i:{kinds})\b\s*(?:[-–:]\s*)?(?:(?i:för|avseende)\s+)?"
                         r"(?:(?i:projekt(?:et)?|insats(?:en)?)\s+)?(?P<name>[A-ZÅÄÖ][^\t]{1,120})$")
    # A report about one project names it on the line under its kind: "SLUTRAPPORT" / "BRON".
    alone = re.compile(rf"^\s*(?i:{'|'.join(lx.PROJECT_REPORT_KINDS)})"
                       r"(?:\s+(?i:och|samt)\s+\w+)?\s*$")
    shown = nonblank(lines)[:head]
    if len(shown) >= 2 and (first := shown[0][1].text.strip(" .*")) and _is_name(first) and \
            len(first.split()) <= 6 and not re.search(r"\d", first) and is_name(first) and \
            re.search(rf"(?i:{'|'.join(lx.PROJECT_REPORT_KINDS)})", shown[1][1].text):
        return shown[0][0], first  # "Steg mot egen försörjning" / "Extern utvärdering – …"
    after_kind = False
    for i, line in shown:
        # an e-mail's subject: "Ämne: SV: Lägesrapport IPS Norrvik inför styrelsemötet"
        text = _SUBJECT.sub("", line.text.split("\t")[0].strip())
        if after_kind:  # "Hållbar väg – ett tvåårigt projekt för …": the name before its subtitle
            text = re.split(r"\s[–—-]\s", text)[0].strip()
            text = re.sub(r"^(?i:projekt(?:et)?|insats(?:en)?)\s+(?=[A-ZÅÄÖ])", "", text)
        if after_kind and _is_name(text) and len(text.split()) <= 6 and not re.search(
                r"\d", text) and is_name(text) and _PERIOD_TAIL.sub("", text) == text:
            return i, text.strip(" .*")  # "SLUTRAPPORT OCH UTVÄRDERING" / "VÄGEN VIDARE"
        after_kind = bool(alone.match(text))
        if after_kind or not (m := pattern.match(text)):
            continue
        name = _PERIOD_TAIL.sub("", m.group("name")).strip(" .,–-*")
        if fold(name).split()[:1] and fold(name).split()[0] in (*lx.TOPIC_OF, *lx.ADDRESSED_TO):
            continue  # "HALVÅRSUPPFÖLJNING AV INSATSER", "… TILL STYRELSEN": no name
        if name and _is_name(name) and len(name.split()) <= 6 and is_name(name):
            return i, name
    return None


def title_insats(lines: list[Line], head: int = 12) -> tuple[int, str] | None:
    """(line, name) of a title line naming the one insats a report is about: 'Projekt
    Bryggan', 'Insats: Steget' — within the first `head` non-blank lines."""
    words = "|".join(lx.TITLE_INSATS_WORDS)
    pattern = re.compile(rf"^\s*(?i:{words})\s*:?\s+(?P<name>[A-ZÅÄÖ\"“][^\t]{{1,60}})$")
    for i, line in nonblank(lines)[:head]:
        if (m := pattern.match(line.text.strip())) and _is_name(m.group("name")):
            return i, m.group("name").strip(" .*")
    return None
