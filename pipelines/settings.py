"""Where things live. Every path can be moved with an environment variable.

`FINSAM_DATA_DIR` moves the whole data folder (raw drop folder, marts, warehouse);
`FINSAM_DUCKDB` moves only the warehouse file. dbt builds the same `FINSAM_DUCKDB`
(pipelines/dbt_warehouse.py), so Python and dbt always write the same database.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DBT_PROJECT_DIR = PROJECT_ROOT / "dbt_project"
SEEDS_DIR = DBT_PROJECT_DIR / "seeds"
MANIFEST_PATH = DBT_PROJECT_DIR / "target" / "manifest.json"  # written by `dbt parse`
SHARED_DIR = PROJECT_ROOT.parent / "shared"


@dataclass(frozen=True)
class Paths:
    """Resolved locations of the data folders for one run."""

    data_dir: Path
    warehouse: Path

    @property
    def raw_dir(self) -> Path:
        return self.data_dir / "raw"

    @property
    def registers_dir(self) -> Path:
        return self.raw_dir / "registers"

    @property
    def costs_dir(self) -> Path:
        """Budget, utfall and tilldelade medel (docs/register-format.md, Costs)."""
        return self.raw_dir / "costs"

    @property
    def input_dirs(self) -> list[Path]:
        """The folders of tabular exports, loaded together into bronze."""
        return [self.registers_dir, self.costs_dir]

    @property
    def reports_dir(self) -> Path:
        return self.raw_dir / "reports"

    @property
    def figures_dir(self) -> Path:
        """Curated figures an analyst typed or corrected."""
        return self.raw_dir / "figures"

    @property
    def quarantine_dir(self) -> Path:
        return self.data_dir / "quarantine"

    @property
    def marts_dir(self) -> Path:
        return self.data_dir / "marts"

    @property
    def work_warehouse(self) -> Path:
        """Where a run builds and checks before anything is published."""
        return self.data_dir / "work" / "warehouse.duckdb"

    @property
    def dbt_target_dir(self) -> Path:
        """dbt's artifacts of this data folder's builds (manifest, run results, the partial
        parse that lets the next build parse only what changed), replaced by each build."""
        return self.data_dir / "work" / "dbt"

    @property
    def ops_dir(self) -> Path:
        """Run log and lock."""
        return self.data_dir / "ops"


def current_paths() -> Paths:
    """Paths from the environment, falling back to `data/` in the project."""
    data_dir = Path(os.environ.get("FINSAM_DATA_DIR", PROJECT_ROOT / "data")).resolve()
    warehouse = os.environ.get("FINSAM_DUCKDB") or str(data_dir / "marts" / "warehouse.duckdb")
    return Paths(data_dir=data_dir, warehouse=Path(warehouse).resolve())


def max_invalid_rows() -> int:
    """Invalid rows a register file may have and still load without them (default 0)."""
    return int(os.environ.get("FINSAM_MAX_INVALID_ROWS", "0"))


@contextmanager
def environment(**values: str | None) -> Iterator[None]:
    """Each name set to its value in the environment for the block (unset when None), and
    back to what it was after: how the run's working warehouse reaches dbt, a subprocess."""
    previous = {name: os.environ.get(name) for name in values}
    _apply(values)
    try:
        yield
    finally:
        _apply(previous)


def _apply(values: dict[str, str | None]) -> None:
    for name, value in values.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
