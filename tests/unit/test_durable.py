"""Published files reach the disk before they take their names (pipelines/durable.py).

A power cut cannot be run in a test; what is checked is the order: each file is flushed
while it still has its partial name, and its folder after the rename.
"""

import errno
import os
import sys
from pathlib import Path

import pytest

from pipelines import durable
from pipelines.publish import replace_file, replace_folder
from pipelines.run_stamp import save_stamp
from pipelines.settings import Paths

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="reads /proc/self/fd")


@pytest.fixture
def flushed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths flushed, in order (the real fsync still runs)."""
    seen: list[str] = []
    real = os.fsync

    def fsync(descriptor: int) -> None:
        seen.append(os.readlink(f"/proc/self/fd/{descriptor}"))
        real(descriptor)

    monkeypatch.setattr(durable.os, "fsync", fsync)
    return seen


def test_a_replaced_file_is_flushed_under_its_partial_name_then_its_folder(tmp_path, flushed):
    target = tmp_path / "out" / "insats_year.parquet"
    replace_file(target, lambda path: path.write_bytes(b"rows"))
    assert target.read_bytes() == b"rows"
    partial = target.with_name(f".{target.name}.partial")
    assert flushed == [str(partial), str(target.parent)]


def test_a_replaced_folder_is_flushed_file_by_file_before_it_takes_the_name(tmp_path, flushed):
    target = tmp_path / "excel"
    target.mkdir()
    (target / "old.xlsx").write_bytes(b"old")

    def write(building: Path) -> None:
        (building / "sub").mkdir()
        (building / "a.xlsx").write_bytes(b"a")
        (building / "sub" / "b.html").write_bytes(b"b")

    replace_folder(target, write)
    building = tmp_path / ".excel.building"
    assert sorted(p.name for p in target.rglob("*")) == ["a.xlsx", "b.html", "sub"]
    assert sorted(flushed[:-2]) == sorted(
        str(building / name) for name in ("a.xlsx", "sub", "sub/b.html"))
    assert flushed[-2:] == [str(building), str(tmp_path)]


def test_the_stamp_is_flushed_before_and_after_its_rename(tmp_path, flushed):
    paths = Paths(data_dir=tmp_path, warehouse=tmp_path / "marts" / "warehouse.duckdb")
    save_stamp(paths, "inputs")
    assert flushed == [str(paths.ops_dir / ".last_published.json.partial"), str(paths.ops_dir)]


def test_the_published_warehouse_is_flushed_before_and_after_its_rename(tmp_path, flushed):
    import duckdb

    from pipelines.publish import publish_warehouse

    working, published = tmp_path / "work" / "w.duckdb", tmp_path / "marts" / "w.duckdb"
    working.parent.mkdir()
    with duckdb.connect(str(working)) as con:
        con.execute("create table t as select 1 as x")
    publish_warehouse(working, published)
    assert flushed == [str(working), str(published.parent)]
    with duckdb.connect(str(published), read_only=True) as con:
        assert con.execute("select x from t").fetchall() == [(1,)]


def _failing(monkeypatch: pytest.MonkeyPatch, call: str, code: int, folders_only: bool) -> None:
    """`os.<call>` fails with `code` (for folders only, or for everything)."""
    real = getattr(os, call)

    def failing(first, *args):
        path = first if call == "open" else os.readlink(f"/proc/self/fd/{first}")
        if not folders_only or Path(path).is_dir():
            raise OSError(code, os.strerror(code))
        return real(first, *args)

    monkeypatch.setattr(durable.os, call, failing)


@pytest.mark.parametrize(("call", "code"), [("fsync", errno.EINVAL), ("fsync", errno.ENOTSUP),
                                            ("open", errno.EACCES)])
def test_a_folder_that_cannot_be_flushed_still_publishes(tmp_path, monkeypatch, call, code):
    _failing(monkeypatch, call, code, folders_only=True)
    target = tmp_path / "quality_report.md"
    replace_file(target, lambda path: path.write_text("rapport"))
    replace_folder(tmp_path / "excel", lambda building: (building / "a.xlsx").write_bytes(b"a"))
    assert target.read_text() == "rapport" and (tmp_path / "excel" / "a.xlsx").exists()


def test_a_file_the_disk_fails_to_flush_is_not_published(tmp_path, monkeypatch):
    _failing(monkeypatch, "fsync", errno.EIO, folders_only=False)
    target = tmp_path / "insats_year.parquet"
    with pytest.raises(OSError, match="Input/output error"):
        replace_file(target, lambda path: path.write_bytes(b"rows"))
    assert not target.exists() and list(tmp_path.iterdir()) == []


def test_a_link_in_a_rebuilt_folder_is_left_alone(tmp_path):
    def write(building: Path) -> None:
        (building / "a.html").write_text("a")
        (building / "gone.html").symlink_to(tmp_path / "nowhere.html")

    replace_folder(tmp_path / "report", write)
    assert (tmp_path / "report" / "a.html").read_text() == "a"
