"""The register file format: canonical columns, their Swedish header aliases and types.

docs/register-format.md documents this table for the people who export the files;
a test keeps the two in step.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum


class Kind(StrEnum):
    """The two kinds of register file."""

    PARTICIPATIONS = "participations"
    ANONYMOUS_COUNTS = "anonymous_counts"


class Type(StrEnum):
    TEXT = "text"
    INTEGER = "integer"
    DECIMAL = "decimal"
    DATE = "date"
    YES_NO = "yes_no"
    SEX = "sex"
    END_REASON = "end_reason"
    TEXT_LIST = "text_list"


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

COLUMNS: dict[Kind, tuple[Column, ...]] = {
    Kind.PARTICIPATIONS: PARTICIPATION_COLUMNS,
    Kind.ANONYMOUS_COUNTS: ANONYMOUS_COUNT_COLUMNS,
}


def normalise_header(header: str) -> str:
    """Fold a header for matching: case, accents, spaces and punctuation do not matter.

    `Utskrivnings-datum`, `UTSKRIVNINGS_DATUM:` and `utskrivningsdatum` fold alike, as do
    `Arbetar / studerar efter` and `arbetar/studerar efter`: only letters and digits count.
    """
    text = unicodedata.normalize("NFKD", header.replace("\ufeff", "").casefold())
    return "".join(ch for ch in text if ch.isalnum() and not unicodedata.combining(ch))


def header_lookup(kind: Kind) -> dict[str, Column]:
    """Normalised header → canonical column, including the canonical names themselves."""
    lookup: dict[str, Column] = {}
    for column in COLUMNS[kind]:
        for alias in (column.name, column.label, *column.aliases):
            lookup[normalise_header(alias)] = column
    return lookup


def detect_kind(headers: list[str]) -> Kind | None:
    """Tell the file kind from its headers: a participant id means participations."""
    for kind, marker in ((Kind.PARTICIPATIONS, "participant_id"),
                         (Kind.ANONYMOUS_COUNTS, "anonymous_count")):
        lookup = header_lookup(kind)
        if any(lookup.get(normalise_header(h), None) and lookup[normalise_header(h)].name == marker
               for h in headers):
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
