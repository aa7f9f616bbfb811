"""Demo reports that state figures from the synthetic register, in four template families.

For each synthetic förbund: a verksamhetsberättelse with Markdown headings and topic
sub-headings (.docx), a delårsrapport with a plain upper-case cover list (.pdf), a numbered
quarterly form without colons (.txt) and a slutrapport laid out as `<p>` cells (.txt).
Every figure comes from the generator's own tally of the spells (`period_counts`), except a
few slips made on purpose — women and men that do not add up to the total, an outcome count
off by some — which are returned so that the caller lists them as known discrepancies.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date
from pathlib import Path

from pipelines.synthetic.people import Spell

Tally = Callable[[list[Spell], date, date], dict[tuple[str, str], int]]
OUTCOME_PHRASES = {
    "ended_work": ("gick till arbete", "har fått anställning", "gick vidare till arbete"),
    "ended_studies": ("började studera", "gick till studier", "har påbörjat studier"),
    "ended_job_seeking": ("skrevs ut som arbetssökande", "är arbetssökande hos "
                          "Arbetsförmedlingen"),
    "ended_continued_rehab": ("gick vidare till arbetsträning", "gick till fortsatt "
                              "rehabilitering"),
    "ended_illness": ("avslutades på grund av sjukdom",),
    "ended_moved": ("flyttade från kommunen",),
    "ended_other": ("avslutades av övriga skäl",),
}
WRITTEN = (".docx", ".pdf", ".txt", ".txt")


def _slug(name: str) -> str:
    return "".join(ch if ch.isalnum() else "_" for ch in name.lower()).strip("_")[:40]


class _Writer:
    """Sentences for one förbund; slips are recorded as (insats, first, last, metric, sex,
    stated, register)."""

    def __init__(self, rng: random.Random, tally: Tally, slips: list[tuple]) -> None:
        self.rng, self.tally, self.slips = rng, tally, slips
        self.slip_left = 2

    def counts(self, spells: list[Spell], first: date, last: date) -> dict[str, int]:
        found = self.tally(spells, first, last)
        return {f"{m}:{s}": n for (m, s), n in found.items()}

    def _maybe_slip(self, insats: str, first: date, last: date, metric: str, sex: str,
                    value: int) -> int:
        if self.slip_left and value >= 4 and self.rng.random() < 0.25:
            self.slip_left -= 1
            stated = value + self.rng.choice((-2, -1, 1, 2))
            self.slips.append((insats, first, last, metric, sex, stated, value))
            return stated
        return value

    def participants(self, insats: str, c: dict[str, int], first: date, last: date) -> str:
        total, women = c.get("participants:all", 0), c.get("participants:women", 0)
        men = self._maybe_slip(insats, first, last, "participants", "men",
                               c.get("participants:men", 0))
        return self.rng.choice((
            f"Under perioden har {total} deltagare varit inskrivna, {women} kvinnor och "
            f"{men} män.",
            f"Totalt {total} personer har deltagit ({women} kvinnor, {men} män).",
        ))

    def flow(self, c: dict[str, int]) -> str:
        new, ended = c.get("participants_new:all", 0), c.get("participants_ended:all", 0)
        ongoing = c.get("participants_ongoing:all", 0)
        return (f"{new} nya deltagare har skrivits in och {ended} deltagare har avslutats. "
                f"Vid periodens slut var {ongoing} deltagare fortfarande inskrivna.")

    def outcomes(self, insats: str, c: dict[str, int], first: date, last: date) -> str:
        parts = []
        for metric, phrases in OUTCOME_PHRASES.items():
            value = c.get(f"{metric}:all", 0)
            if value:
                value = self._maybe_slip(insats, first, last, metric, "all", value)
                parts.append(f"{value} {self.rng.choice(phrases)}")
        if not parts:
            return ""
        listed = ", ".join(parts[:-1]) + f" och {parts[-1]}" if len(parts) > 1 else parts[0]
        return f"Resultat för de avslutade: {listed}."

    def share(self, c: dict[str, int]) -> str:
        ended = c.get("participants_ended:all", 0)
        if not ended:
            return ""
        share = round(100 * (c.get("ended_work:all", 0) + c.get("ended_studies:all", 0)) / ended)
        return f"Andelen som gick till arbete eller studier var {share} %."


def _annual(w: _Writer, forbund: str, units: dict[str, list[Spell]], year: int) -> str:
    first, last = date(year, 1, 1), date(year, 12, 31)
    lines = [f"# Verksamhetsberättelse {year}", "", forbund, "",
             f"Förbundet hade under {year} en budget på 6 200 000 kronor och styrelsen "
             "sammanträdde sex gånger.", "", "# Insatser", ""]
    for insats, spells in units.items():
        c = w.counts(spells, first, last)
        lines += [f"## {insats}", "", "### Syfte och mål", "",
                  f"{insats} stödjer personer som står långt från arbetsmarknaden. Målet är "
                  "att 35 % av de avslutade ska gå vidare till arbete eller studier.", "",
                  "### Resultat", "", w.participants(insats, c, first, last), w.flow(c), "",
                  "### Avslutsorsak", "", w.outcomes(insats, c, first, last), w.share(c), ""]
    return "\n".join(lines)


def _interim(w: _Writer, forbund: str, units: dict[str, list[Spell]], year: int) -> str:
    first, last = date(year, 1, 1), date(year, 8, 31)
    lines = [forbund, "", f"Delårsrapport januari-augusti {year}", "",
             "Insatser som förbundet finansierar:", "", *[i.upper() for i in units], ""]
    for insats, spells in units.items():
        c = w.counts(spells, first, last)
        lines += [insats.upper(), "", "Resultat", w.participants(insats, c, first, last),
                  w.flow(c), "", "Avslut", w.outcomes(insats, c, first, last), ""]
    return "\n".join(lines)


def _quarterly(w: _Writer, forbund: str, units: dict[str, list[Spell]], year: int) -> str:
    first, last = date(year, 1, 1), date(year, 3, 31)
    lines = [f"Kvartalsrapport 1 {year}", f"Förbund: {forbund}", ""]
    for insats, spells in units.items():
        c = w.counts(spells, first, last)
        lines += [f"1. Insatsens namn {insats}", "",
                  f"2. Rapporten gäller för perioden {first:%y%m%d} - {last:%y%m%d}", "",
                  "3. Hur många deltagare har varit aktuella under perioden?",
                  w.participants(insats, c, first, last), "",
                  "4. Hur många har börjat och avslutat?", w.flow(c), "",
                  "5. Vart gick de som avslutades?", w.outcomes(insats, c, first, last), "",
                  "-" * 40, ""]
    return "\n".join(lines)


def _final(w: _Writer, forbund: str, insats: str, spells: list[Spell], years: list[int]) -> str:
    first, last = date(years[0], 1, 1), date(years[-1], 12, 31)
    c = w.counts(spells, first, last)
    cells = [("Insatsens namn", insats), ("Projektperiod", f"{first} – {last}"),
             ("Samordningsförbund", forbund),
             ("Antal deltagare under projekttiden", w.participants(insats, c, first, last)),
             ("Deltagarflöde", w.flow(c)),
             ("Resultat vid avslut", w.outcomes(insats, c, first, last) + " " + w.share(c))]
    rows = ["<p>Slutrapport</p>"]
    for k in range(0, len(cells), 2):
        rows.append("\t".join(f"<p>{q}</p>\t<p>{a}</p>" for q, a in cells[k:k + 2]))
    return "\n".join(rows) + "\n"


def _save(path: Path, text: str) -> Path:
    if path.suffix == ".docx":
        import docx

        document = docx.Document()
        for line in text.splitlines():
            if line.startswith("#"):
                document.add_heading(line.lstrip("# "), level=line.count("#", 0, 3))
            else:
                document.add_paragraph(line)
        document.save(path)
    elif path.suffix == ".pdf":
        from fpdf import FPDF

        pdf = FPDF()
        pdf.add_page()
        pdf.set_font("Helvetica", size=10)
        for line in text.replace("–", "-").splitlines():
            pdf.multi_cell(0, 5, line or " ", new_x="LMARGIN", new_y="NEXT")
        pdf.output(str(path))
    else:
        path.write_text(text, encoding="utf-8")
    return path


def write_reports(folder: Path, forbund: str, units: dict[str, list[Spell]], years: list[int],
                  rng: random.Random, tally: Tally) -> tuple[list[Path], list[tuple]]:
    """The four demo reports of one förbund, and the slips they make on purpose."""
    folder.mkdir(parents=True, exist_ok=True)
    slips: list[tuple] = []
    writer = _Writer(rng, tally, slips)
    year, slug = years[-1], _slug(forbund)
    insats, spells = next(iter(units.items()))
    texts = (_annual(writer, forbund, units, year), _interim(writer, forbund, units, year),
             _quarterly(writer, forbund, units, year), _final(writer, forbund, insats, spells,
                                                               years))
    names = (f"{slug}_verksamhetsberattelse_{year}", f"{slug}_delarsrapport_{year}",
             f"{slug}_kvartalsrapport_1_{year}", f"{slug}_slutrapport_{_slug(insats)}")
    paths = [_save(folder / f"{name}{suffix}", text)
             for name, suffix, text in zip(names, WRITTEN, texts, strict=True)]
    return paths, slips
