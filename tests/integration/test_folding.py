"""The name folding of Python (reports/folding.py) and of SQL (macros/normalise_name.sql)
give the same key for the same names, so a name matched in one is matched in the other."""

from __future__ import annotations

import json
import subprocess

from pipelines.dbt_manifest import dbt_executable
from pipelines.reports.folding import fold
from pipelines.settings import DBT_PROJECT_DIR

NAMES = ["Samordningsförbundet Östra Södertörn", "IPS – Individanpassat stöd (IPS)",
         "Steg-för-steg: Unga vuxna!", "  Åsa/Nisse,  Ölme  ", "Café Ängel & Co.",
         "Jobbcentrum \"Norr\"", "Kunskaps-Ñandú 2024", "Ärlig?Ja;Nej", "Motivationslotsen",
         "Hälsoslussen   (del 2)", "Brobyggarna+", "Ü-bro Çentrum"]


def test_python_and_sql_fold_names_alike(module_paths, dbt_manifest):
    module_paths.warehouse.parent.mkdir(parents=True, exist_ok=True)  # an empty warehouse
    literals = ["'" + name.replace("'", "''").replace('"', '\\"') + "'" for name in NAMES]
    values = " union all ".join(
        f'select {n} as n, {{{{ normalise_name("{literal}") }}}} as folded'
        for n, literal in enumerate(literals))
    done = subprocess.run(
        [dbt_executable(), "show", "--inline", f"select * from ({values}) order by n",
         "--limit", str(len(NAMES)), "--output", "json", "--log-format", "text", "--quiet",
         "--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(DBT_PROJECT_DIR)],
        capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    shown = json.loads(done.stdout[done.stdout.index("{"):])["show"]
    assert [row["folded"] for row in shown] == [fold(name) for name in NAMES]
