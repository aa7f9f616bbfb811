"""The nightly load (every asset, in-process) and its schedule: 02:00 Stockholm time."""

import dagster as dg

NIGHTLY_JOB = "nightly_load"

nightly_load = dg.define_asset_job(
    NIGHTLY_JOB, selection=dg.AssetSelection.all(),
    description="Registers and reports → bronze → dbt build → published marts.")

nightly_load_0200 = dg.ScheduleDefinition(
    name="nightly_load_0200",
    job_name=NIGHTLY_JOB,
    cron_schedule="0 2 * * *",
    execution_timezone="Europe/Stockholm",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Load registers and reports, build, check and publish every night.",
)
