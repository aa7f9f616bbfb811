"""The nightly load: 02:00 Stockholm time."""

import dagster as dg

NIGHTLY_JOB = "nightly_load"


def nightly_schedule() -> dg.ScheduleDefinition:
    return dg.ScheduleDefinition(
        name="nightly_load_0200",
        job_name=NIGHTLY_JOB,
        cron_schedule="0 2 * * *",
        execution_timezone="Europe/Stockholm",
        default_status=dg.DefaultScheduleStatus.RUNNING,
        description="Load registers and reports, build, check and publish every night.",
    )
