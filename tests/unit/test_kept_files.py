"""Files of a published folder are written again only when what they hold changed."""

from pathlib import Path

import polars as pl

from pipelines.kept_files import KeptFiles, frame_digest


def _publish(target: Path, contents: dict[str, str], written: list[str]) -> KeptFiles:
    kept = KeptFiles(target)

    def write(building: Path) -> None:
        for name, text in contents.items():
            if not kept.keep(building, name, frame_digest([pl.DataFrame({"v": [text]})])):
                written.append(name)
                (building / name).write_text(text, encoding="utf-8")

    kept.replace(write)
    return kept


def test_unchanged_files_are_kept_and_changed_ones_written(tmp_path):
    target, written = tmp_path / "excel", []
    _publish(target, {"a.txt": "1", "b.txt": "2"}, written)
    assert sorted(written) == ["a.txt", "b.txt"]
    written.clear()
    kept = _publish(target, {"a.txt": "1", "b.txt": "3", "c.txt": "4"}, written)
    assert sorted(written) == ["b.txt", "c.txt"] and kept.kept == 1
    assert {p.name: p.read_text() for p in target.iterdir()} == {
        "a.txt": "1", "b.txt": "3", "c.txt": "4"}


def test_a_run_killed_before_its_digests_were_kept_writes_everything_again(tmp_path):
    target, written = tmp_path / "report", []
    kept = _publish(target, {"a.txt": "1"}, written)
    kept.ledger.unlink()  # as when a run dies between replacing the folder and keeping digests
    written.clear()
    _publish(target, {"a.txt": "1"}, written)
    assert written == ["a.txt"]


def test_the_digest_follows_rows_types_and_salt():
    frame = pl.DataFrame({"n": [1, 2]})
    assert frame_digest([frame]) == frame_digest([pl.DataFrame({"n": [1, 2]})])
    assert frame_digest([frame]) != frame_digest([pl.DataFrame({"n": [2, 1]})])
    assert frame_digest([frame]) != frame_digest([frame.cast(pl.Float64)])
    assert frame_digest([frame], "v1") != frame_digest([frame], "v2")


def test_a_workbook_is_written_again_when_its_explanations_change(tmp_path):
    from pipelines.published_exports import Export
    from pipelines.workbooks import write_forbund_workbooks

    frames = {"forbund_year": pl.DataFrame({"forbund_org_nr": ["222000-0001"],
                                            "forbund_name": ["Finsam Ås"], "year": [2024]})}

    def export(explanation: str) -> Export:
        return Export("forbund_year", "exp_forbund_year", "Förbund per år", "fct_forbund_year",
                      (), "", {"year": explanation})

    messages: list[str] = []
    write_forbund_workbooks(tmp_path / "excel", [export("År")], frames,
                            log=messages.append)
    write_forbund_workbooks(tmp_path / "excel", [export("År")], frames,
                            log=messages.append)
    write_forbund_workbooks(tmp_path / "excel", [export("Kalenderår")], frames,
                            log=messages.append)
    assert [m.split(" workbooks")[0] for m in messages] == ["wrote 1", "wrote 0", "wrote 1"]
