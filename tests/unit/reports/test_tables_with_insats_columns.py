"""A table whose columns are the insatser, under a header that a conversion broke over two
lines, beside a column for all insatser together. Written for these tests in my own words."""

from pipelines.reports.extract import extract_document
from pipelines.reports.text import normalise

MEMO = """Samordningsförbundet Kvarnbyn
Halvårsuppföljning 2025 (januari–juni)

1 Sammanfattning

Tabell 1. Resultat per insats januari–juni 2025
Uppgift\tArbets-\tNya vägar\tMotivation\tTotalt
\tkraft\tför unga\tKvarnbyn\t
Deltagare\t41\t17\t22\t80
– varav kvinnor\t25\t9\t12\t46
Avslutade\t12\t5\t6\t23
Till arbete\t4\t1\t2\t7

2 Insatserna

2.1 Arbetskraft
Insatsen drivs av kommunens arbetsmarknadsenhet.

2.2 Nya vägar för unga
Ett samarbete med gymnasieskolan.

2.3 Motivation Kvarnbyn
En gruppverksamhet två dagar i veckan.
"""


def _found() -> set[tuple[str, str, str, float]]:
    return {(f.insats, f.metric, f.sex, f.value)
            for f in extract_document(normalise("memo.txt", MEMO))}


def test_a_header_broken_over_two_lines_names_each_column_whole():
    found = _found()
    assert {("Arbetskraft", "participants", "all", 41),
            ("Nya vägar för unga", "participants", "all", 17),
            ("Motivation Kvarnbyn", "participants", "women", 12),
            ("Arbetskraft", "participants_ended", "all", 12),
            ("Nya vägar för unga", "ended_work", "all", 1)} <= found


def test_the_column_for_all_insatser_together_is_no_insats():
    found = _found()
    assert not any(value in (80, 46, 23, 7) for _, _, _, value in found)
    assert not any(insats in ("Totalt", "Arbets-", "kraft") for insats, *_ in found)
