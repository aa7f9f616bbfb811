"""Quality flags after dbt: suites, report consistency and reconciliation as asset checks.

ERROR-level checks block publishing of the exports they affect (published_marts reads
the flags); WARN-level checks only flag.
"""

import dagster as dg

from pipelines.defs.resources import Warehouse
from pipelines.quality.flags import FLAGS_SCHEMA, FLAGS_TABLE

QUALITY_KEY = dg.AssetKey([FLAGS_SCHEMA, FLAGS_TABLE])
UPSTREAM = [dg.AssetKey(["marts", "fct_reconciliation"]),
            dg.AssetKey(["intermediate", "int_report_consistency"]),
            dg.AssetKey(["marts", "fct_insats_year"]),
            dg.AssetKey(["staging", "stg_reports__figures"])]
CHECKS = {
    "register_suite": "GX suite on the raw register (expectations/register_participations.json)",
    "report_figures_suite": "GX suite on report figures (expectations/report_figures.json)",
    "marts_suite": "GX suite on the marts (expectations/marts.json)",
    "report_consistency": "Report-internal rules: women + men = all, outcomes ≤ ended, …",
    "reconciliation": "Report figures against the register for the same period",
    "register_file": "Register files: headers that look like a known column but were not used",
}
SUITE_CHECKS = {"register_participations": "register_suite",
                "report_figures": "report_figures_suite", "marts": "marts_suite"}


@dg.asset(
    key=QUALITY_KEY,
    deps=UPSTREAM,
    group_name="quality",
    check_specs=[dg.AssetCheckSpec(name, asset=QUALITY_KEY, description=text)
                 for name, text in CHECKS.items()],
)
def quality_flags(context: dg.AssetExecutionContext, warehouse: Warehouse):
    """Every failed check as a row (marts.fct_quality_flags) and data/marts/quality/ reports."""
    from pipelines.quality.check import run_quality

    paths = warehouse.paths
    result = run_quality(warehouse.working, paths.marts_dir / "quality", context.run.run_id,
                         log=context.log.info)
    yield dg.MaterializeResult(metadata={
        "errors": len(result.errors()), "flags": len(result.flags),
        "report": str(result.reports[0])})
    for suite, check in SUITE_CHECKS.items():
        failures = [f for f in result.suite_failures if f.suite == suite]
        worst = "ERROR" if any(f.severity == "ERROR" for f in failures) else "WARN"
        yield dg.AssetCheckResult(
            check_name=check, passed=not failures,
            severity=dg.AssetCheckSeverity.ERROR if worst == "ERROR"
            else dg.AssetCheckSeverity.WARN,
            metadata={"failed_expectations": [f"{f.expectation} on {f.column}: "
                                              f"{f.unexpected} unexpected" for f in failures]})
    for check in ("report_consistency", "reconciliation", "register_file"):
        flagged = [f for f in result.flags if f.check == check]
        yield dg.AssetCheckResult(
            check_name=check, passed=not flagged, severity=dg.AssetCheckSeverity.WARN,
            metadata={"flags": len(flagged)})
