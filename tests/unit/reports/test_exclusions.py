"""Numbers that are never figures: dates, years, phones, org numbers, ages, hours, money, …"""

import pytest

from tests.unit.reports.helpers import figures


@pytest.mark.parametrize("text", [
    "- Skrivs ut 10 januari. Deltagare från FK. Kvinna.",
    "Under 2022 har arbetet fortsatt enligt plan.",
    "Ring oss på 0500-123456 om du har frågor om de 3 deltagare som började.",
    "Organisationsnummer 222000-1234.",
    "Målgruppen är unga vuxna 20-29 år och kvinnor upp till 45 år.",
    "Deltagarna erbjuds aktiviteter upp till 12h/vecka under 12 veckor.",
    "Aktivitet cirka 2 timmar/dag, 5 dagar/vecka.",
    "Projektet har fått 500 000 kr för 2 år.",
    "Från januari-maj arbetade det 3 personal i insatsen.",
    "Cresco Create\t3\nElings ark\t5\nFriskvågen\t8",
    "2.1 Aktiviteter: vi har haft gruppträffar varje vecka.",
    "Det innebär att 11/16 (69%) av deltagarna är igång.",
    "Till och med 22/12 har vi haft möten.",
    "Tidaholm 11\nGötene 13\nTöreboda 10",
    "Vi har haft 5 gemensamma möten med handläggare.",
    "84% uppger att de mår bättre efter insatsen.",
])
def test_never_figures(text):
    assert figures(text) == set()
