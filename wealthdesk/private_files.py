"""Client data readable by this account only: on Linux and macOS every file WealthDesk
creates is 0600 in 0700 folders (the database, its WAL and SHM, backups, the log,
exports), and files an earlier release left readable by others are narrowed at start.
On Windows the user's AppData folder already admits only that user (and the
administrators); its access lists are left as they are.

Every file WealthDesk writes whole (a document the user saves from the command line or
the window, a CSV export, a backup, the backups' ledger) is written by
:func:`replacing`: to a temporary file beside it, renamed over it at the end, so a failed
write leaves no broken file and no temporary one. One permission rule for all of them:
a new file gets 0666 less the umask, the permissions any file the user saves gets;
:func:`restrict_new_files` makes that 0600 for every run of WealthDesk."""

from __future__ import annotations

import logging
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger(__name__)

PRIVATE_UMASK = 0o077
FILE_MODE, FOLDER_MODE = 0o600, 0o700
NEW_FILE_MODE = 0o666  # less the umask, as for any file the user saves


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


@contextmanager
def replacing(target: Path | str, mode: int = NEW_FILE_MODE) -> Iterator[Path]:
    """A new empty file beside *target* for the block to write by its path (open it,
    copy onto it, back a database up into it); renamed over *target* when the block
    ends, removed when the block or the rename fails, so *target* is whole or as it
    was. It is created with *mode* less the umask (not ``tempfile.mkstemp``'s 0600: a
    document gets the permissions any file the user saves gets). Raises ``OSError``."""
    target = Path(target)
    partial = target.parent / f".{target.name}.{os.urandom(4).hex()}.part"
    os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode))
    try:
        yield partial
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def write_atomically(target: Path | str, data: bytes, mode: int = NEW_FILE_MODE) -> Path:
    """*data* written to *target* whole or not at all (see :func:`replacing`); returns
    *target* as a path. Raises ``OSError`` naming *target* (never its temporary name)."""
    target = Path(target)
    try:
        with replacing(target, mode) as partial, open(partial, "wb") as file:
            file.write(data)
    except OSError as exc:
        exc.filename, exc.filename2 = str(target), None
        raise
    return target


def write_all(files: Iterable[tuple[Path, bytes]]) -> list[Path]:
    """Each (path, data) written as :func:`write_atomically` writes, all or none: a
    failure removes those already written. Returns the paths."""
    written: list[Path] = []
    try:
        for path, data in files:
            written.append(write_atomically(path, data))
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return written


def copy_atomically(source: Path | str, target: Path | str) -> Path:
    """A copy of *source* at *target*, written as :func:`write_atomically` writes."""
    import shutil

    target = Path(target)
    with replacing(target) as partial:
        shutil.copyfile(source, partial)
    return target
