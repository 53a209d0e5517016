"""Client data readable by this account only: on Linux and macOS every file WealthDesk
creates is 0600 in 0700 folders (the database, its WAL and SHM, backups, the log,
exports), and files an earlier release left readable by others are narrowed at start.
On Windows the user's AppData folder already admits only that user (and the
administrators); its access lists are left as they are."""

from __future__ import annotations

import logging
import os
import stat
import sys
from collections.abc import Iterable
from pathlib import Path

log = logging.getLogger(__name__)

PRIVATE_UMASK = 0o077
FILE_MODE, FOLDER_MODE = 0o600, 0o700


def applies() -> bool:
    return sys.platform != "win32"


def restrict_new_files() -> None:
    """From here on, what this process creates is its user's only."""
    if applies():
        os.umask(PRIVATE_UMASK)


def make_private(paths: Iterable[Path]) -> list[Path]:
    """Take group and other access away from *paths* that this account owns (folders
    0700, files 0600); returns the ones changed. A path owned by another account (a
    shared folder an administrator set up) is left as it is."""
    changed = []
    if not applies():
        return changed
    for path in paths:
        try:
            info = path.stat()
        except OSError:
            continue
        if info.st_uid != os.getuid() or not info.st_mode & 0o077:
            continue
        mode = FOLDER_MODE if stat.S_ISDIR(info.st_mode) else FILE_MODE
        try:
            path.chmod(mode)
        except OSError as exc:
            log.warning("cannot make %s private: %s", path, exc)
            continue
        changed.append(path)
    if changed:
        log.info("made private (readable by this account only): %s", [str(p) for p in changed])
    return changed


def database_files(database: Path) -> list[Path]:
    """An SQLite database with its journal files."""
    return [database, *(database.with_name(database.name + s) for s in ("-wal", "-shm"))]


def own_folders(data: Path, backups: Path, logs: Path) -> list[Path]:
    """WealthDesk's own folders and everything in the backups and log folders."""
    found = [data, backups, logs]
    for folder in (backups, logs):
        if folder.is_dir():
            found += [p for p in folder.iterdir() if p.is_file()]
    return found
