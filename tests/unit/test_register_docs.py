"""docs/register-format.md stays in step with the alias mapping in code."""

from __future__ import annotations

import pytest

from pipelines import vocabulary
from pipelines.register.columns import COLUMNS
from pipelines.settings import PROJECT_ROOT

DOC = (PROJECT_ROOT / "docs" / "register-format.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("column", [c for cols in COLUMNS.values() for c in cols],
                         ids=lambda c: c.name)
def test_every_column_and_alias_is_documented(column):
    row = next((line for line in DOC.splitlines() if line.startswith(f"| `{column.name}` |")), None)
    assert row is not None, f"{column.name} has no row in docs/register-format.md"
    assert column.label in row
    for alias in column.aliases:
        assert alias in row, f"alias '{alias}' of {column.name} is not documented"


def test_every_category_label_is_documented():
    for label in (*vocabulary.end_reasons(), *vocabulary.sexes()):
        assert f"`{label}`" in DOC
