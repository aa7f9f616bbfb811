"""The register file format: canonical columns, their Swedish header aliases and types.

docs/register-format.md documents this table for the people who export the files;
a test keeps the two in step.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum
from functools import cache


class Kind(StrEnum):
    """The kinds of input file, told apart by their columns (docs/register-format.md)."""

    PARTICIPATIONS = "participations"
    ANONYMOUS_COUNTS = "anonymous_counts"
    COUNT_FORM = "count_form"  # Uppföljning Finsam: participants per insats, year and kön
    INSATS_COSTS = "insats_costs"  # budget and utfall per insats and year (data/raw/costs/)
    FORBUND_FUNDS = "forbund_funds"  # tilldelade medel per förbund and year (data/raw/costs/)


class Type(StrEnum):
    TEXT = "text"
    INTEGER = "integer"
    DECIMAL = "decimal"
    DATE = "date"
    YES_NO = "yes_no"
    SEX = "sex"
    END_REASON = "end_reason"
    TEXT_LIST = "text_list"
    MONEY = "money"


@dataclass(frozen=True)
class Column:
    """One canonical column: English identifier, Swedish display name, accepted headers."""

    name: str
    label: str
    type: Type
    required: bool
    aliases: tuple[str, ...] = ()


_FORBUND = (
    Column("forbund_name", "Förbund", Type.TEXT, True,
           ("förbund", "samordningsförbund", "förbundsnamn", "förbundets namn")),
    Column("forbund_org_nr", "Organisationsnummer", Type.TEXT, True,
           ("organisationsnummer", "org nr", "orgnr", "org.nr", "förbundets organisationsnummer")),
    Column("insats_id", "Insats-ID", Type.TEXT, True,
           ("insats-id", "insatsid", "insats id", "insatsnummer", "insats nr", "sus insats-id")),
    Column("insats_name", "Insats", Type.TEXT, True,
           ("insats", "insatsnamn", "insatsens namn", "namn på insats")),
)

PARTICIPATION_COLUMNS: tuple[Column, ...] = (
    *_FORBUND,
    Column("participant_id", "Deltagar-ID", Type.TEXT, True,
           ("deltagar-id", "deltagarid", "deltagare id", "deltagarnummer", "löpnummer",
            "pseudonym", "pseudonym id")),
    Column("sex", "Kön", Type.SEX, True, ("kön", "kon")),
    Column("birth_year", "Födelseår", Type.INTEGER, True,
           ("födelseår", "född år", "födelse år", "födelseår (åååå)")),
    Column("education_level", "Utbildningsnivå", Type.TEXT, False,
           ("utbildningsnivå", "utbildning", "högsta utbildning", "högsta utbildningsnivå")),
    Column("support_before", "Försörjning före start", Type.TEXT_LIST, False,
           ("försörjning före start", "försörjning", "försörjningskälla före insats",
            "ersättning före start", "försörjning vid start")),
    Column("years_in_support_before", "Tid i offentlig försörjning (år)", Type.DECIMAL, False,
           ("tid i offentlig försörjning (år)", "tid i offentlig försörjning",
            "år i offentlig försörjning", "tid i offentlig försörjning före start (år)")),
    Column("start_date", "Inskrivningsdatum", Type.DATE, True,
           ("inskrivningsdatum", "inskriven", "startdatum", "inskrivningsdag",
            "datum inskrivning", "inskrivning", "datum för inskrivning", "startdag")),
    Column("end_date", "Utskrivningsdatum", Type.DATE, False,
           ("utskrivningsdatum", "utskriven", "slutdatum", "avslutsdatum",
            "datum utskrivning", "utskrivning", "datum för avslut", "utskrivningsdag",
            "avslutsdag", "avslutad")),
    Column("end_reason", "Avslutsanledning", Type.END_REASON, False,
           ("avslutsanledning", "avslutsorsak", "orsak till avslut", "anledning till avslut",
            "orsak avslut", "anledning avslut")),
    Column("working_or_studying_after", "Arbetar/studerar efter", Type.YES_NO, False,
           ("arbetar/studerar efter", "arbetar eller studerar efter avslut",
            "arbete/studier efter avslut", "arbetar/studerar efter avslut")),
)

ANONYMOUS_COUNT_COLUMNS: tuple[Column, ...] = (
    *_FORBUND,
    Column("start_year", "År", Type.INTEGER, True, ("år", "startår", "inskrivningsår")),
    Column("sex", "Kön", Type.SEX, True, ("kön", "kon")),
    Column("anonymous_count", "Antal anonyma", Type.INTEGER, True,
           ("antal anonyma", "antal anonyma deltagare", "anonyma deltagare", "antal")),
)

_YEAR = Column("year", "År", Type.INTEGER, True,
               ("år", "verksamhetsår", "kalenderår", "uppföljningsår", "redovisningsår"))

COUNT_FORM_COLUMNS: tuple[Column, ...] = (
    *_FORBUND,
    _YEAR,
    Column("participants_women", "Antal kvinnor", Type.INTEGER, True,
           ("antal kvinnor", "kvinnor", "deltagare kvinnor", "antal deltagare kvinnor")),
    Column("participants_men", "Antal män", Type.INTEGER, True,
           ("antal män", "män", "deltagare män", "antal deltagare män")),
    Column("participants_total", "Antal deltagare", Type.INTEGER, False,
           ("antal deltagare", "totalt antal deltagare", "deltagare totalt", "totalt", "summa")),
)

INSATS_COST_COLUMNS: tuple[Column, ...] = (
    *_FORBUND,
    _YEAR,
    Column("budget", "Budget", Type.MONEY, False,
           ("budget", "budget (kr)", "budgeterat", "budgeterade medel", "beviljad budget",
            "beviljade medel", "budget (tkr)")),
    Column("cost_outcome", "Utfall", Type.MONEY, False,
           ("utfall", "utfall (kr)", "kostnad", "kostnader", "faktisk kostnad",
            "förbrukade medel", "upparbetat", "utfall (tkr)")),
)

FORBUND_FUND_COLUMNS: tuple[Column, ...] = (
    *_FORBUND[:2],
    _YEAR,
    Column("allotted_funds", "Tilldelade medel", Type.MONEY, True,
           ("tilldelade medel", "tilldelade medel (kr)", "tilldelat", "medel från huvudmännen",
            "medlemsbidrag", "tillskjutna medel", "tilldelade medel (tkr)")),
)

COLUMNS: dict[Kind, tuple[Column, ...]] = {
    Kind.PARTICIPATIONS: PARTICIPATION_COLUMNS,
    Kind.ANONYMOUS_COUNTS: ANONYMOUS_COUNT_COLUMNS,
    Kind.COUNT_FORM: COUNT_FORM_COLUMNS,
    Kind.INSATS_COSTS: INSATS_COST_COLUMNS,
    Kind.FORBUND_FUNDS: FORBUND_FUND_COLUMNS,
}

# The column that tells each kind, tried in this order (the first kind with one wins).
MARKERS: dict[Kind, tuple[str, ...]] = {
    Kind.PARTICIPATIONS: ("participant_id",),
    Kind.ANONYMOUS_COUNTS: ("anonymous_count",),
    Kind.COUNT_FORM: ("participants_women", "participants_men"),
    Kind.INSATS_COSTS: ("cost_outcome", "budget"),
    Kind.FORBUND_FUNDS: ("allotted_funds",),
}


@cache
def normalise_header(header: str) -> str:
    """Fold a header for matching: case, accents, spaces and punctuation do not matter.

    `Utskrivnings-datum`, `UTSKRIVNINGS_DATUM:` and `utskrivningsdatum` fold alike, as do
    `Arbetar / studerar efter` and `arbetar/studerar efter`: only letters and digits count.
    """
    text = unicodedata.normalize("NFKD", header.replace("\ufeff", "").casefold())
    return "".join(ch for ch in text if ch.isalnum() and not unicodedata.combining(ch))


MONEY_UNITS = {"tkr": 1_000, "tusenkronor": 1_000, "mkr": 1_000_000, "mnkr": 1_000_000}


def money_scale(header: str) -> int:
    """Kronor per unit of a money column: `Budget (tkr)` holds thousands of kronor."""
    folded = normalise_header(header)
    return next((scale for unit, scale in MONEY_UNITS.items() if folded.endswith(unit)), 1)


@cache
def header_lookup(kind: Kind) -> dict[str, Column]:
    """Normalised header → canonical column, including the canonical names themselves
    (built once per kind; read it, never change it)."""
    lookup: dict[str, Column] = {}
    for column in COLUMNS[kind]:
        for alias in (column.name, column.label, *column.aliases):
            lookup[normalise_header(alias)] = column
            if column.type is Type.MONEY:  # the same header with its unit: `Utfall, tkr`
                for unit in MONEY_UNITS:
                    lookup.setdefault(normalise_header(alias) + unit, column)
                lookup.setdefault(normalise_header(alias) + "kr", column)
                lookup.setdefault(normalise_header(alias) + "sek", column)
    return lookup


def detect_kind(headers: list[str]) -> Kind | None:
    """Tell the file kind from its headers: a participant id means participations, and so
    on down `MARKERS`."""
    folded = [normalise_header(h) for h in headers]
    for kind, markers in MARKERS.items():
        lookup = header_lookup(kind)
        if any(lookup[h].name in markers for h in folded if h in lookup):
            return kind
    return None


def lookalike(header: str, kind: Kind, unmatched: set[str]) -> Column | None:
    """The known column an unrecognised header probably means, among those still missing.

    A header resembles a column when it contains one of its folded names or is spelled
    within a few letters of one; a column the file already has is never proposed again.
    """
    folded = normalise_header(header)
    if not folded:
        return None
    best: tuple[float, Column] | None = None
    for column in COLUMNS[kind]:
        if column.name not in unmatched:
            continue
        for alias in (column.name, column.label, *column.aliases):
            name = normalise_header(alias)
            score = 1.0 if len(name) >= 5 and name in folded else SequenceMatcher(
                None, folded, name).ratio()
            if score >= 0.8 and (best is None or score > best[0]):
                best = (score, column)
    return best[1] if best else None
