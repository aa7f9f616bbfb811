"""Great Expectations suites kept as reviewable JSON files in expectations/.

Each file names the warehouse table it validates, what a failure affects ("register"
or "reports"), and its expectations with a severity (ERROR or WARN) and what to check.
A `value_set_from_seed: "<seed>.<column>"` takes the allowed values from a dbt seed, so
that categories have one definition. Tables are read read-only from DuckDB and validated
as pandas frames (GX's SQL path is not used). Great Expectations is imported only here
and, ahead of the checks, in the worker of `warm_up`.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from pipelines import vocabulary
from pipelines.settings import PROJECT_ROOT

EXPECTATIONS_DIR = PROJECT_ROOT / "expectations"
SEVERITIES = ("ERROR", "WARN")


@dataclass(frozen=True)
class Suite:
    name: str
    description: str
    table: str
    affects: str
    expectations: list[dict] = field(default_factory=list)

    def columns(self) -> list[str] | None:
        """The columns the expectations name, in order; None when one names none (a table-level
        expectation) or applies to some rows only (`row_condition` names columns in an
        expression), so that the whole table is read."""
        named: list[str] = []
        for expectation in self.expectations:
            kwargs = expectation.get("kwargs", {})
            if "row_condition" in kwargs:
                return None
            found = [kwargs[k] for k in ("column", "column_A", "column_B") if k in kwargs]
            found += list(kwargs.get("column_list", []))
            if not found:
                return None
            named += [column for column in found if column not in named]
        return named


@dataclass(frozen=True)
class SuiteFailure:
    suite: str
    table: str
    affects: str
    expectation: str
    column: str
    severity: str
    unexpected: int
    examples: str
    what_to_check: str


def _resolve(kwargs: dict) -> dict:
    resolved = dict(kwargs)
    if seed := resolved.pop("value_set_from_seed", None):
        seed_name, column = seed.split(".")
        resolved["value_set"] = list(vocabulary.seed_column(seed_name, column))
    return resolved


def load_suites(folder: Path = EXPECTATIONS_DIR) -> list[Suite]:
    suites = []
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for expectation in data["expectations"]:
            severity = expectation.get("meta", {}).get("severity")
            if severity not in SEVERITIES:
                raise ValueError(f"{path}: expectation {expectation['type']} needs meta.severity "
                                 f"ERROR or WARN")
        suites.append(Suite(data["name"], data.get("description", ""), data["table"],
                            data["affects"], data["expectations"]))
    return suites


def quiet_gx() -> None:
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    logging.getLogger("great_expectations").setLevel(logging.ERROR)


def run_suites(warehouse: Path, suites: list[Suite]) -> list[SuiteFailure]:
    """Validate each suite's table; one failure per unmet expectation."""
    quiet_gx()
    import great_expectations as gx
    from great_expectations.expectations.expectation_configuration import (
        ExpectationConfiguration,
    )

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = {"globally": False}
    source = context.data_sources.add_pandas("warehouse")
    failures: list[SuiteFailure] = []
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for suite in suites:
            columns = suite.columns()  # only what is validated: 4 million rows are many
            selected = ", ".join(f'"{c}"' for c in columns) if columns else "*"
            frame = con.sql(f"select {selected} from {suite.table}").df()
            batch_definition = source.add_dataframe_asset(suite.name) \
                .add_batch_definition_whole_dataframe("whole")
            gx_suite = gx.ExpectationSuite(name=suite.name)
            for spec in suite.expectations:
                config = ExpectationConfiguration(
                    type=spec["type"], kwargs=_resolve(spec["kwargs"]), meta=spec.get("meta", {}))
                gx_suite.add_expectation_configuration(config)
            gx_suite = context.suites.add(gx_suite)
            result = batch_definition.get_batch(batch_parameters={"dataframe": frame}).validate(
                gx_suite, result_format="SUMMARY")
            for outcome in result.results:
                if outcome.success:
                    continue
                config = outcome.expectation_config
                kwargs = config.kwargs
                column = kwargs.get("column") or ", ".join(
                    str(kwargs.get(k)) for k in ("column_A", "column_B", "column_list")
                    if kwargs.get(k))
                details = outcome.result or {}
                failures.append(SuiteFailure(
                    suite=suite.name, table=suite.table, affects=suite.affects,
                    expectation=config.type, column=column, severity=config.meta["severity"],
                    unexpected=int(details.get("unexpected_count") or 0),
                    examples=", ".join(str(v) for v in (details.get("partial_unexpected_list")
                                                         or [])[:5]),
                    what_to_check=config.meta.get("what_to_check", "")))
    return failures
