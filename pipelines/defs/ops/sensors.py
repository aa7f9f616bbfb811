"""Start a load when files arrive in or change under data/raw/."""

import hashlib
from pathlib import Path

import dagster as dg

from pipelines.defs.ops.schedules import NIGHTLY_JOB
from pipelines.settings import current_paths


def raw_fingerprint(raw_dir: Path) -> str:
    """Names, sizes and modification times of every file in the drop folder."""
    digest = hashlib.sha256()
    if raw_dir.exists():
        for path in sorted(p for p in raw_dir.rglob("*") if p.is_file()
                           and not p.name.startswith(".")):
            stat = path.stat()
            digest.update(f"{path.relative_to(raw_dir)}|{stat.st_size}|{stat.st_mtime_ns}\n"
                          .encode())
    return digest.hexdigest()


@dg.sensor(name="raw_drop_folder", job_name=NIGHTLY_JOB, minimum_interval_seconds=60,
           default_status=dg.DefaultSensorStatus.RUNNING,
           description="A load when anything in data/raw/ is added, changed or removed.")
def raw_drop_folder(context: dg.SensorEvaluationContext):
    fingerprint = raw_fingerprint(current_paths().raw_dir)
    if fingerprint == context.cursor:
        return dg.SkipReason("data/raw/ unchanged since the last load request")
    context.update_cursor(fingerprint)
    return dg.RunRequest(run_key=fingerprint)
