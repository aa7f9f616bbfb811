"""Limits on what one input file may hold, so that no file can exhaust the nightly run.

Every limit can be raised with an environment variable; a file over a limit is refused with
a message that names the limit and the variable.

| limit | default | variable |
|---|---|---|
| file size | 200 MB | `FINSAM_MAX_FILE_MB` |
| rows per register file | 2,000,000 | `FINSAM_MAX_ROWS` |
| characters in one cell | 10,000 | `FINSAM_MAX_CELL_CHARS` |
| unpacked .xlsx/.docx | 1,000 MB, at most 200 × the file | `FINSAM_MAX_UNPACKED_MB` |
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

_MB = 1024 * 1024
_MAX_RATIO = 200


def _limit(variable: str, default: int) -> int:
    try:
        return max(1, int(os.environ.get(variable, default)))
    except ValueError:
        return default


def max_file_bytes() -> int:
    return _limit("FINSAM_MAX_FILE_MB", 200) * _MB


def max_rows() -> int:
    return _limit("FINSAM_MAX_ROWS", 2_000_000)


def max_cell_chars() -> int:
    return _limit("FINSAM_MAX_CELL_CHARS", 10_000)


def file_problem(path: Path) -> str | None:
    """Why `path` is too big to read, or None. Zip containers (.xlsx, .docx) are checked
    for what they unpack to before anything reads them: a small file can unpack to
    gigabytes (a zip bomb)."""
    size = path.stat().st_size
    if size > max_file_bytes():
        return (f"the file is {size / _MB:.0f} MB, over the limit of "
                f"{max_file_bytes() // _MB} MB (FINSAM_MAX_FILE_MB)")
    if path.suffix.lower() not in (".xlsx", ".docx"):
        return None
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        return f"the file is not a valid {path.suffix} (zip) file"
    limit = _limit("FINSAM_MAX_UNPACKED_MB", 1000) * _MB
    if unpacked > limit or unpacked > _MAX_RATIO * max(size, _MB):
        return (f"the file unpacks to {unpacked / _MB:.0f} MB from {size / _MB:.1f} MB, over "
                f"the limit of {limit // _MB} MB or {_MAX_RATIO} times its size "
                "(FINSAM_MAX_UNPACKED_MB)")
    return None
