"""Backups of this PC's SQLite database: a copy made with SQLite's online backup API (the
app may be running), the last few kept, one a day at the first start; and a restore that
checks the copy first and keeps the database it replaces."""

from __future__ import annotations

import datetime as dt
import json
import logging
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from .. import db
from ..db import presence
from ..db.connection import integrity_problem, translate_sqlite_error
from ..db.migrations import LATEST_VERSION, backup_sqlite
from ..domain.errors import QT_TRANSLATE_NOOP, DomainError, Problem
from ..private_files import copy_atomically, replacing, write_atomically
from . import clock

log = logging.getLogger(__name__)

KEEP = 14  # daily backups kept; the oldest go first
PREFIX = "wealthdesk-"
SUFFIX = ".sqlite3"


class BackupRefused(DomainError):
    """A backup or restore that cannot be done here: the message says why."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: dt.datetime  # local, from the file's name
    schema: int
    clients: int


def backup_now(folder: Path, keep: int = KEEP) -> Path:
    """Copy the connected SQLite database into *folder* as ``wealthdesk-YYYYMMDD-HHMMSS``
    (written whole or not at all), then keep the newest *keep* of them."""
    where = db.current()
    if where is None or not where.is_sqlite:
        raise BackupRefused(
            Problem(
                "database",
                QT_TRANSLATE_NOOP(
                    "domain",
                    "The branch server is backed up on the server (pg_dump) by its "
                    "administrator; this PC backs up only its own database.",
                ),
            )
        )
    problem = integrity_problem(db.database.obj)
    if problem is not None:
        # A damaged copy would become the day's backup and push out a good one.
        log.error("no backup of a damaged database: %s", problem)
        raise BackupRefused(
            Problem(
                "database",
                QT_TRANSLATE_NOOP(
                    "domain",
                    "The database is damaged ({reason}): no backup was made, and every "
                    "backup already in {folder} was kept. Restore the newest of them.",
                ),
                {"reason": problem, "folder": str(folder)},
            )
        )
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{PREFIX}{stamp}{SUFFIX}"
    try:
        backup_sqlite(db.database.obj, target)
    except sqlite3.Error as exc:
        # SQLite writes the copy: a full disk is its error, named as the folder's.
        raise translate_sqlite_error(exc, str(folder)) from exc
    try:
        _verify_copy(target)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    prune(folder, keep, verified=target)
    _note_backed_up(folder, where.path)
    log.info("backed up to %s", target)
    return target


# Which database each day's backup in a folder was taken of: several databases (a desk's,
# a test's, a second branch's) may share the backups folder, and each is backed up once
# a day, not the first of them only.
LEDGER = "daily-backups.json"


def _ledger(folder: Path) -> dict[str, str]:
    try:
        found = json.loads((folder / LEDGER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def _note_backed_up(folder: Path, database: Path | None) -> None:
    if database is None:
        return
    ledger = _ledger(folder)
    ledger[str(Path(database).resolve())] = clock.today().isoformat()
    text = json.dumps(ledger, ensure_ascii=False, indent=1)
    try:
        write_atomically(folder / LEDGER, text.encode("utf-8"))
    except OSError as exc:  # the backup itself is made: at worst another one tomorrow
        log.warning("the backups' ledger was not written: %s", exc)


def _verify_copy(path: Path) -> None:
    """The copy just written read back and checked: a backup that cannot be restored is
    not kept (and so never pushes out an older good one)."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        verdict = connection.execute("PRAGMA quick_check(1)").fetchone()[0]
    finally:
        connection.close()
    if verdict != "ok":
        raise BackupRefused(
            Problem(
                "file",
                QT_TRANSLATE_NOOP("domain", "{path} is damaged: {reason}."),
                {"path": str(path), "reason": verdict},
            )
        )


def backups(folder: Path) -> list[Path]:
    """The backups in *folder*, newest first (by the time in their names)."""
    if not folder.is_dir():
        return []
    found = [p for p in folder.glob(f"{PREFIX}*{SUFFIX}") if made_at(p) is not None]
    return sorted(found, key=lambda p: made_at(p), reverse=True)


def prune(folder: Path, keep: int = KEEP, verified: Path | None = None) -> list[Path]:
    """Remove all but the newest *keep* backups; returns the ones removed. *verified*,
    the copy just made and checked, is never among them (whatever the clock says)."""
    old = [p for p in backups(folder)[max(keep, 1) :] if p != verified]
    for path in old:
        path.unlink(missing_ok=True)
    return old


def daily_backup(folder: Path, keep: int = KEEP) -> Path | None:
    """The day's backup of the connected database at its first start of the day (None
    when this database's backup of today exists)."""
    where = db.current()
    if where is not None and where.path is not None:
        done = _ledger(folder).get(str(Path(where.path).resolve()))
        if done == clock.today().isoformat():
            return None
    return backup_now(folder, keep)


def check_backup(path: Path) -> BackupInfo:
    """Open *path* read-only and prove it is a whole WealthDesk database this release can
    use; raises :class:`BackupRefused` naming what is wrong."""
    if not path.is_file():
        raise BackupRefused(
            Problem(
                "file", QT_TRANSLATE_NOOP("domain", "There is no file {path}."), {"path": str(path)}
            )
        )
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            verdict = conn.execute("PRAGMA integrity_check").fetchone()[0]
            schema = conn.execute("SELECT max(version) FROM schema_version").fetchone()[0]
            clients = conn.execute("SELECT count(*) FROM client").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise BackupRefused(
            Problem(
                "file",
                QT_TRANSLATE_NOOP("domain", "{path} is not a WealthDesk database ({reason})."),
                {"path": str(path), "reason": str(exc)},
            )
        ) from exc
    if verdict != "ok":
        raise BackupRefused(
            Problem(
                "file",
                QT_TRANSLATE_NOOP("domain", "{path} is damaged: {reason}."),
                {"path": str(path), "reason": verdict},
            )
        )
    if schema is None or schema > LATEST_VERSION:
        raise BackupRefused(
            Problem(
                "file",
                QT_TRANSLATE_NOOP(
                    "domain",
                    "{path} is from a newer WealthDesk (schema {schema}); update this PC first.",
                ),
                {"path": str(path), "schema": schema},
            )
        )
    made = made_at(path) or dt.datetime.fromtimestamp(path.stat().st_mtime)
    return BackupInfo(path=path, made_at=made, schema=int(schema), clients=int(clients))


def restore(source: Path, database: Path, folder: Path) -> Path:
    """Replace the SQLite file *database* (not connected: close it first) with the
    checked copy *source*; the database it replaces is kept in *folder* first, as
    ``wealthdesk-before-restore-…``. Returns that kept copy."""
    check_backup(source)
    refuse_while_in_use(database)
    folder.mkdir(parents=True, exist_ok=True)
    kept = folder / f"{PREFIX}before-restore-{clock.now():%Y%m%d-%H%M%S}{SUFFIX}"
    if database.exists():
        try:
            _copy_whole(database, kept)
        except sqlite3.DatabaseError:
            # Damaged, or not a database at all: kept byte for byte, journal too, for
            # whoever looks into it later.
            _copy_bytes(database, kept)
    with replacing(database) as partial:
        shutil.copyfile(source, partial)
        for leftover in (Path(f"{database}-wal"), Path(f"{database}-shm")):
            leftover.unlink(missing_ok=True)  # the old database's journal must not replay
    log.info("restored %s from %s (the old one kept as %s)", database, source, kept)
    return kept


_ROLES = {
    "desk": QT_TRANSLATE_NOOP("domain", "desk {desk}"),
    "lobby": QT_TRANSLATE_NOOP("domain", "the lobby's check-in screen"),
    "display": QT_TRANSLATE_NOOP("domain", "the waiting-room display"),
}


def refuse_while_in_use(database: Path) -> None:
    """A restore under a running window would lose what it saves next (and what it saved
    since the backup, silently): refuse while any other process has the file open,
    naming the WealthDesk windows that said so."""
    holders = presence.others(database)
    if not holders and not presence.held_open(database):
        return
    if holders:
        raise BackupRefused(
            Problem(
                "database",
                QT_TRANSLATE_NOOP(
                    "domain",
                    "{path} is open in another WealthDesk window ({who}). Close it first, "
                    "then restore; nothing was changed.",
                ),
                {"path": str(database), "who": _Holders(holders)},
            )
        )
    raise BackupRefused(
        Problem(
            "database",
            QT_TRANSLATE_NOOP(
                "domain",
                "{path} is open in another program. Close every WealthDesk window and "
                "command on this PC first, then restore; nothing was changed.",
            ),
            {"path": str(database)},
        )
    )


class _Holders:
    """The windows holding the database, named in the reader's language when shown."""

    def __init__(self, holders: list[presence.Presence]):
        self.holders = holders

    def render(self, translate=None) -> str:
        names = []
        for who in self.holders:
            label = _ROLES.get(who.role, who.role)
            text = translate("domain", label) if translate else label
            names.append(f"{text.format(desk=who.desk)}, pid {who.pid}")
        return "; ".join(names)

    def __str__(self) -> str:
        return self.render()


def _copy_whole(source: Path, target: Path) -> None:
    """A closed SQLite file (and its WAL) copied consistently through the backup API."""
    src = sqlite3.connect(str(source))
    try:
        with replacing(target) as partial:
            dest = sqlite3.connect(str(partial))
            try:
                src.backup(dest)
            finally:
                dest.close()
    finally:
        src.close()


def _copy_bytes(source: Path, target: Path) -> None:
    for suffix in ("", "-wal"):
        original = Path(f"{source}{suffix}")
        if original.exists():
            copy_atomically(original, Path(f"{target}{suffix}"))


def made_at(path: Path) -> dt.datetime | None:
    """When a backup was made, from its name; None for a file not named as ours."""
    stem = path.name[len(PREFIX) : -len(SUFFIX)]
    try:
        return dt.datetime.strptime(stem, "%Y%m%d-%H%M%S")
    except ValueError:
        return None


__all__ = [
    "KEEP",
    "BackupInfo",
    "BackupRefused",
    "backup_now",
    "backups",
    "check_backup",
    "daily_backup",
    "made_at",
    "prune",
    "restore",
]
