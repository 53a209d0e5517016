"""SQLite's quick check of the window's database, started on a thread of its own as the
program starts, so that it reads the file while the window's modules load.

:func:`wealthdesk.db.connect` still refuses a damaged file before anything is written to
it: it waits for this verdict where it would have run the check, and runs the check
itself unless this one found the same, unchanged file sound. A damaged or unreadable
file is always checked again by ``check_integrity``, so its refusal reads as before.

Only the standard library: the check starts before the database layer is loaded."""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from pathlib import Path
from urllib.parse import unquote

log = logging.getLogger(__name__)

_lock = threading.Lock()
_pending: _Check | None = None


class _Check:
    def __init__(self, url: str):
        self.url = url
        self.path: Path | None = None
        self.identity: tuple[int, ...] | None = None
        self.sound = False
        self.thread = threading.Thread(target=self._run, name="quick-check", daemon=True)

    def _run(self) -> None:
        self.path = _sqlite_file(self.url)
        if self.path is None:
            return
        self.identity = _identity(self.path)
        if self.identity is None or not self.identity[2]:
            return  # no file yet (or an empty one): connect() makes it, nothing to check
        try:
            # mode=rw: never creates a file, and (unlike read-only) opens a WAL file
            # whose shared-memory file is not there yet. Nothing is written.
            connection = sqlite3.connect(f"{self.path.as_uri()}?mode=rw", uri=True)
        except (sqlite3.Error, ValueError) as exc:
            log.debug("early quick check not run on %s: %s", self.path, exc)
            return
        try:
            rows = connection.execute("PRAGMA quick_check(1)").fetchall()
            self.sound = bool(rows) and str(rows[0][0]) == "ok"
        except sqlite3.Error as exc:
            log.debug("early quick check failed on %s: %s", self.path, exc)
        finally:
            connection.close()


def _sqlite_file(url: str) -> Path | None:
    """The file of an absolute ``sqlite:///`` address, read without the database layer
    (which loads peewee). Only a guess: :func:`passed` counts the verdict only for the
    file ``connect()`` opens, as ``db.connection.parse_url`` reads the address."""
    url = url.strip()
    if not url.startswith("sqlite:///"):
        return None
    raw = unquote(url[len("sqlite://") :])
    if not raw.strip("/") or raw.startswith(("/./", "/../", "/~")) or raw[2:3] == ":":
        return None  # relative, in a home folder, or a Windows drive: left to connect()
    return Path("/" + raw.lstrip("/")).absolute()


def _identity(path: Path) -> tuple[int, ...] | None:
    """What tells the file apart from one put in its place or written since."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


def start(url: str) -> None:
    """Begin the quick check of the SQLite database at *url* (when it is one, and there)
    in the background; :func:`passed` collects its verdict."""
    global _pending
    check = _Check(url)
    with _lock:
        _pending = check
    check.thread.start()


def passed(path: Path) -> bool:
    """Whether the check started for *path* found the file sound, waiting for it if it
    is still running. True only for the same file, unchanged since; consumed once."""
    global _pending
    with _lock:
        check, _pending = _pending, None
    if check is None:
        return False
    check.thread.join()
    path = Path(path).expanduser().absolute()
    return check.sound and check.path == path and check.identity == _identity(path)
