"""Who has this PC's SQLite database open: each window leaves a small note beside the
file (its role, desk and process id) while it runs, and SQLite itself says whether any
other connection holds the file. A restore refuses while either says someone is there."""

from __future__ import annotations

import atexit
import json
import logging
import os
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Presence:
    role: str  # desk, lobby, display, or command line
    desk: str
    pid: int


def _folder(database: Path) -> Path:
    return database.with_name(database.name + ".in-use")


def announce(database: Path, role: str, desk: str) -> Path | None:
    """Leave this process's note beside *database* until it ends (best effort: a folder
    that cannot be written only loses the names in a later refusal)."""
    note = _folder(database) / f"{os.getpid()}.json"
    try:
        note.parent.mkdir(mode=0o700, exist_ok=True)
        note.write_text(json.dumps({"role": role, "desk": desk, "pid": os.getpid()}))
    except OSError as exc:
        log.warning("cannot leave a note that %s is in use: %s", database, exc)
        return None
    atexit.register(withdraw, note)
    return note


def withdraw(note: Path | None) -> None:
    if note is not None:
        note.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    if sys.platform == "win32":
        return True  # a note left by a crash stays until the next restore is refused
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def others(database: Path) -> list[Presence]:
    """The other processes whose notes are beside *database* and still running; notes of
    processes that ended without removing them are removed."""
    found = []
    folder = _folder(database)
    if not folder.is_dir():
        return []
    for note in sorted(folder.glob("*.json")):
        try:
            data = json.loads(note.read_text())
            who = Presence(str(data["role"]), str(data.get("desk", "")), int(data["pid"]))
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if who.pid == os.getpid():
            continue
        if not _alive(who.pid):
            note.unlink(missing_ok=True)
            continue
        found.append(who)
    return found


def held_open(database: Path) -> bool:
    """Whether another connection (any program) has *database* open. A WAL file cannot
    leave WAL mode while another connection has it open: the switch is tried on a
    connection of our own, which a restore about to replace the file may well change."""
    if not database.exists():
        return False
    try:
        connection = sqlite3.connect(str(database), timeout=0)
    except sqlite3.Error:
        return False
    try:
        mode = connection.execute("PRAGMA journal_mode=delete").fetchone()[0]
    except sqlite3.OperationalError as exc:
        return "locked" in str(exc) or "busy" in str(exc)
    except sqlite3.DatabaseError:
        return False  # damaged: nobody can be using it
    finally:
        connection.close()
    return str(mode).lower() == "wal"


__all__ = ["Presence", "announce", "held_open", "others", "withdraw"]
