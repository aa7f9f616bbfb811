"""dbt in a process that starts before its build: it imports dbt and parses the project
while the run loads its inputs, then runs the one command it is sent.

A `dbt build` started from nothing spends about 3 s on two cores before its first node
(Python and dbt imported, the project parsed from the partial-parse state) and about 1 s
after its last (the interpreter's teardown). A worker started at the beginning of a run
does the first on the other core while the bronze steps run, and ends at once when dbt has
closed the warehouse. It speaks as the `dbt` command does — JSON log lines on stdout, dbt's
exit codes — so dagster-dbt reads it as it reads `dbt` (pipelines/defs/dbt/resources.py).

The parsed project is used only for a command that would parse it the same way: no file
of the project changed since the parse began (`run_stamp.dbt_project_digest`), the same
project, profiles and target folders, no argument that changes a parse, and the same
environment but for settings of where dbt writes and what it prints; otherwise dbt parses
again, as the command would.

    python -m pipelines.dbt_worker PROJECT_DIR PROFILES_DIR TARGET_DIR
      then one line on stdin: {"args": [...], "env": {...}, "cwd": "..."}
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from pipelines.dbt_manifest import PARTIAL_PARSE
from pipelines.run_stamp import dbt_project_digest

# environment variables that may differ between the parse and the build: where dbt writes
# and what it prints, Dagster's own, and the warehouse file, which the run names after the
# worker started and which dbt reads when it connects (pipelines/dbt_warehouse.py)
NOT_PARSED = {"DBT_TARGET_PATH", "DBT_LOG_PATH", "DBT_LOG_FORMAT", "DBT_LOG_LEVEL_FILE",
              "DBT_INDIRECT_SELECTION", "DBT_SEND_ANONYMOUS_USAGE_STATS", "DBT_PROJECT_DIR",
              "DBT_PROFILES_DIR", "DBT_QUIET", "DBT_PRINTER_WIDTH", "DBT_USE_COLORS",
              "DAGSTER_DBT_CLI", "PYTHONUNBUFFERED", "FINSAM_DUCKDB"}
# options of a build that leave its parse as it is (any other option parses again)
BUILD_OPTIONS = {"--select", "-s", "--exclude", "--selector", "--exclude-resource-type",
                 "--resource-type", "--indirect-selection", "--fail-fast", "--full-refresh",
                 "--threads", "--use-colors", "--no-use-colors", "--quiet", "-q",
                 "--log-level", "--log-format", "--printer-width", "--no-write-json"}

_warm: dict[tuple[str, str, str], subprocess.Popen] = {}


def _key(*paths: Path | str) -> tuple[str, str, str]:
    project_dir, profiles_dir, target = (str(Path(path).resolve()) for path in paths)
    return project_dir, profiles_dir, target


def start(project_dir: Path, profiles_dir: Path, target: Path) -> None:
    """Start a worker for builds into `target` now (one per target)."""
    key = _key(project_dir, profiles_dir, target)
    if key not in _warm:
        _warm[key] = _launch(*key)


def take(project_dir: Path, profiles_dir: Path, target: Path) -> subprocess.Popen:
    """The worker started for this build, else a new one; the caller sends it a command."""
    key = _key(project_dir, profiles_dir, target)
    warm = _warm.pop(key, None)
    if warm is not None and warm.poll() is None:
        return warm
    if warm is not None:  # it ended before it was needed (killed, out of memory)
        _end(warm)
    return _launch(*key)


def send(process: subprocess.Popen, args: list[str], env: dict[str, str], cwd: Path) -> None:
    """Give the worker its command; its output is then read from `process.stdout`."""
    assert process.stdin is not None and process.stdout is not None
    try:
        with process.stdin:
            process.stdin.write(json.dumps({"args": args, "env": env, "cwd": str(cwd)})
                                .encode() + b"\n")
    except BrokenPipeError:
        said = process.stdout.read().decode(errors="replace")[-2000:]
        raise RuntimeError(f"the dbt worker ended (exit code {process.wait()}) before it "
                           f"was sent its build: {said or 'it printed nothing'}") from None


def stop() -> None:
    """End every worker that was started and not taken (the run built nothing)."""
    while _warm:
        _end(_warm.popitem()[1])


def _end(process: subprocess.Popen) -> None:
    for stream in (process.stdin, process.stdout):  # end of input: it exits, building nothing
        if stream is not None:
            stream.close()
    process.wait()


def _launch(project_dir: str, profiles_dir: str, target: str) -> subprocess.Popen:
    Path(target).mkdir(parents=True, exist_ok=True)
    # a new target folder starts from the project's own partial-parse state (as dagster-dbt
    # does for a subprocess)
    own = Path(project_dir) / "target" / PARTIAL_PARSE
    if own.exists() and not (Path(target) / PARTIAL_PARSE).exists():
        shutil.copy(own, Path(target) / PARTIAL_PARSE)
    return subprocess.Popen(
        [sys.executable, "-m", "pipelines.dbt_worker", project_dir, profiles_dir, target],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONUNBUFFERED": "1", "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"})


def _parse(project_dir: str, profiles_dir: str, target: str):
    """The project parsed as a build into `target` would parse it; None when it fails (the
    build then parses and reports why)."""
    from dbt.cli.main import dbtRunner

    parsed = dbtRunner().invoke([
        "parse", "--log-level", "none", "--log-level-file", "debug", "--project-dir", project_dir,
        "--profiles-dir", profiles_dir, "--target-path", target, "--log-path", target])
    if isinstance(parsed.exception, KeyboardInterrupt):
        raise parsed.exception  # dbt caught Ctrl-C: the worker ends
    return parsed.result if parsed.success else None


def _project_files(project_dir: str, profiles_dir: str, target: str) -> str:
    return dbt_project_digest(Path(project_dir), Path(profiles_dir), written=Path(target))


def _fits(manifest, parsed_with: dict[str, str], request: dict, paths: tuple[str, ...]) -> bool:
    """Whether the command would parse the project as it was parsed (the files aside)."""
    env: dict[str, str] = request["env"]
    asked = (env.get("DBT_PROJECT_DIR", request["cwd"]), env.get("DBT_PROFILES_DIR", ""),
             env.get("DBT_TARGET_PATH", ""))
    if "" in asked or _key(*asked) != paths:
        return False
    if any(arg.startswith("-") and arg.split("=")[0] not in BUILD_OPTIONS
           for arg in request["args"]):
        return False
    changed = {name for name in {*env, *parsed_with} if env.get(name) != parsed_with.get(name)}
    if changed - NOT_PARSED:
        return False
    return all(env.get(name) == value for name, value in manifest.env_vars.items())


def _untracked_locks() -> None:
    """dbt's locks from a context whose semaphores no helper process tracks: dbt uses them
    only between its own threads, and a tracked semaphore is reported as leaked when the
    worker ends with os._exit."""
    import multiprocessing

    import dbt.mp_context

    dbt.mp_context._MP_CONTEXT = multiprocessing.get_context("fork")


def _end_with_the_run() -> None:
    """On Linux the kernel ends the worker when the process that started it dies (a run
    killed alone, say by the out-of-memory killer, would otherwise leave it building into
    the working warehouse and its target folder while the next run starts)."""
    import ctypes

    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (AttributeError, OSError):  # not Linux
        return
    if os.getppid() == 1:  # the run died before the request took effect
        os._exit(1)


def main(argv: list[str]) -> int:
    _end_with_the_run()
    # Ctrl-C ends the build even when the run was started with it ignored (`finsam run &`
    # in a script): the worker starts before Dagster sets its own handler
    signal.signal(signal.SIGINT, signal.default_int_handler)
    paths = tuple(argv)
    _untracked_locks()
    parsed_with = dict(os.environ)
    state = _project_files(*paths)
    manifest = _parse(*paths)
    line = sys.stdin.buffer.readline()
    if not line:
        return 0  # stopped before a command came
    request = json.loads(line)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    if manifest is not None and not (_fits(manifest, parsed_with, request, paths)
                                     and _project_files(*paths) == state):
        manifest = None
    from dbt.cli.main import dbtRunner

    result = dbtRunner(manifest=manifest).invoke(request["args"])
    _close_warehouse()
    return 0 if result.success else 2 if result.exception is not None else 1


def _close_warehouse() -> None:
    """Close dbt's DuckDB database (it checkpoints) before the process ends."""
    from dbt.adapters.duckdb.connections import DuckDBConnectionManager

    environment = DuckDBConnectionManager._ENV
    if environment is not None:
        environment.close()


if __name__ == "__main__":
    code = main(sys.argv[1:])
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)  # dbt's objects need no teardown: its database is closed and flushed
