"""Written data flushed to disk before a rename makes it the published version.

A rename is durable only once the renamed file's bytes and the folder's new entry are on
disk. Without the flushes, a power cut soon after a night could bring back older files
beside newer ones, or (on some file systems) leave an empty file under a published name,
and a stamp written after them could describe files that are gone. Flushing what a night
wrote (≈ 30 MB on a one-export night at national scale) takes a few hundredths of a
second here; a file linked unchanged from the last night costs almost nothing.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

# what a file system says when it cannot flush a file or folder at all (some network and
# FUSE file systems, some folders); like PostgreSQL and SQLite, publish without it
_UNSUPPORTED = {errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EBADF}
# a folder this process may write in but not open (mode -wx)
_FOLDER_UNREADABLE = {errno.EACCES, errno.EPERM}


def sync(path: Path) -> None:
    """Flush a file's bytes, or a folder's entries, to disk, where the file system can."""
    folder = path.is_dir()
    if folder and os.name == "nt":  # Windows opens no folder for flushing
        return
    try:
        descriptor = os.open(path, os.O_RDONLY | (os.O_DIRECTORY if folder else 0))
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
    except OSError as error:
        if error.errno not in _UNSUPPORTED | (_FOLDER_UNREADABLE if folder else set()):
            raise


def sync_tree(folder: Path) -> None:
    """Flush every file and folder under `folder`, then `folder` itself (a symbolic link's
    target is not the folder's to flush)."""
    for path in folder.rglob("*"):
        if not path.is_symlink():
            sync(path)
    sync(folder)


def replace(source: Path, target: Path) -> None:
    """Rename `source` over `target` once its bytes are on disk, then make the new name
    durable too."""
    sync(source)
    os.replace(source, target)
    sync(target.parent)
