"""Opening the database named by a URL: ``sqlite:///path`` or ``postgresql://…``.

Every way the database can refuse to open becomes one :class:`StorageError` whose
message says what is wrong and what to do; nothing here ever replaces or rewrites a
file it could not read.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import peewee

from ..domain.errors import QT_TRANSLATE_NOOP, Phrase, Translate, os_error_reason

log = logging.getLogger(__name__)

database = peewee.DatabaseProxy()

# How long a write waits for another desk's or window's transaction before giving up.
BUSY_TIMEOUT_MS = 5000
# Per-connection pragmas only: WAL is a property of the file, switched on by
# enable_wal() once the schema is known to be ours, so that opening a database this
# program must refuse (a newer schema) writes nothing to it.
SQLITE_PRAGMAS = {
    "foreign_keys": 1,
    "synchronous": "normal",
}
_SQLITE_MAGIC = b"SQLite format 3\x00"


class StorageError(Exception):
    """The database cannot be used; the message is for the user."""

    template = QT_TRANSLATE_NOOP("storage", "The database cannot be used: {detail}")

    def __init__(self, location: str, detail: str = "", **extra: object):
        self.location = location
        self.detail = detail
        self.extra = extra  # further names in the template (a folder, say)
        super().__init__(self.render())

    def render(self, translate: Translate | None = None) -> str:
        text = translate("storage", self.template) if translate else self.template
        return text.format(
            location=self.location, detail=self.translated_detail(translate), **self.extra
        )

    def translated_detail(self, translate: Translate | None = None) -> str:
        """The detail in the user's language: the phrases marked in this module (and the
        operating system's reasons) are translated; a server's own text comes back as it
        is."""
        detail = self.detail
        if not translate or not detail:
            return detail
        context = detail.context if isinstance(detail, Phrase) else "storage"
        return translate(context, str(detail))


class BadDatabaseUrl(StorageError):
    template = QT_TRANSLATE_NOOP(
        "storage",
        "{location} is not a database address; use sqlite:///path/to/file.sqlite3 "
        "or postgresql://user@host:port/dbname.",
    )


class NotADatabase(StorageError):
    template = QT_TRANSLATE_NOOP(
        "storage",
        "{location} is not a WealthDesk database (it may be damaged). It was left untouched; "
        "restore a backup or choose another file.",
    )


class ForeignDatabase(StorageError):
    template = QT_TRANSLATE_NOOP(
        "storage",
        "{location} belongs to another program: it holds tables, but not WealthDesk's. It "
        "was left untouched; choose WealthDesk's own database file.",
    )


class DatabaseDamaged(StorageError):
    template = QT_TRANSLATE_NOOP(
        "storage",
        "{location} is damaged ({detail}). Nothing was written to it and it was not backed "
        "up; restore a backup.",
    )


class DiskFull(StorageError):
    template = QT_TRANSLATE_NOOP(
        "storage",
        "The disk that holds {location} is full. What was being saved was not kept, and "
        "nothing was half-written; free some space on that disk, then try again.",
    )


class DatabaseUnreadable(StorageError):
    template = QT_TRANSLATE_NOOP(
        "storage",
        "{location} cannot be opened for reading and writing ({detail}). Check the file's "
        "permissions and that its folder exists.",
    )


class DatabaseLocked(StorageError):
    template = QT_TRANSLATE_NOOP(
        "storage",
        "{location} is locked by another program. Close the other program (or the other "
        "WealthDesk window) and try again.",
    )


class DatabaseNewer(StorageError):
    template = QT_TRANSLATE_NOOP(
        "storage",
        "{location} was written by a newer WealthDesk (schema {detail}). It was left "
        "untouched; install the newer version to open it.",
    )


class BackupFailed(StorageError):
    template = QT_TRANSLATE_NOOP(
        "storage",
        "{location} needs an upgrade, but the backup made before it could not be written "
        "into {folder} ({detail}). The database was left untouched; free some disk space "
        "there or check that folder's permissions.",
    )


class ServerUnreachable(StorageError):
    template = QT_TRANSLATE_NOOP(
        "storage", "The database server at {location} cannot be reached: {detail}"
    )


class ServerLost(StorageError):
    """The branch server went away (stopped, restarted, the network dropped) in the
    middle of a read or an action: said in the user's words, never the driver's."""

    template = QT_TRANSLATE_NOOP(
        "storage",
        "The branch server cannot be reached; nothing was changed. WealthDesk reconnects "
        "by itself: try again when the status bar no longer says offline.",
    )


class ServerRefused(StorageError):
    template = QT_TRANSLATE_NOOP(
        "storage",
        "The database server at {location} refused the work: {detail}. Ask whoever runs "
        "the branch's database to check this desk's access.",
    )


class DriverMissing(StorageError):
    template = QT_TRANSLATE_NOOP(
        "storage",
        "PostgreSQL support is not installed; install it with: pip install 'wealthdesk[postgres]'",
    )
    # An installed package (the .deb, the Windows installer) has no pip to run: it ships
    # PostgreSQL support, so a copy without it is broken and is installed again.
    bundled_template = QT_TRANSLATE_NOOP(
        "storage",
        "This copy of WealthDesk lacks PostgreSQL support, so it cannot join the branch "
        "server at {location}. Ask IT to install the WealthDesk package again.",
    )

    def __init__(self, location: str, detail: str = ""):
        if getattr(sys, "frozen", False):  # set by PyInstaller in a bundled program
            self.template = self.bundled_template
        super().__init__(location, detail)


@dataclass(frozen=True)
class DatabaseUrl:
    """A parsed database address; ``display`` never contains a password."""

    backend: str
    path: Path | None = None
    dbname: str = ""
    params: tuple[tuple[str, object], ...] = ()
    display: str = ""

    @property
    def is_sqlite(self) -> bool:
        return self.backend == "sqlite"


def parse_url(url: str) -> DatabaseUrl:
    url = (url or "").strip()
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        raw = unquote(url[len("sqlite://") :] if url.startswith("sqlite://") else url[7:])
        # sqlite:///C:/… on Windows, and sqlite:///./relative or sqlite:///~/… as typed
        if re.match(r"^/[A-Za-z]:", raw) or raw.startswith(("/./", "/../", "/~")):
            raw = raw[1:]
        else:
            raw = re.sub(r"^/+", "/", raw)  # sqlite:////abs as SQLAlchemy writes it
        if not raw.strip("/"):
            raise BadDatabaseUrl(url)
        path = Path(raw).expanduser()
        return DatabaseUrl("sqlite", path=path, display=str(path))
    if parts.scheme in ("postgresql", "postgres"):
        dbname = parts.path.lstrip("/")
        if not dbname or not parts.hostname:
            raise BadDatabaseUrl(url)
        params: dict[str, object] = {"host": parts.hostname}
        if parts.port:
            params["port"] = parts.port
        if parts.username:
            params["user"] = unquote(parts.username)
        if parts.password:
            params["password"] = unquote(parts.password)
        for key, values in parse_qs(parts.query).items():
            params[key] = values[-1]
        user = f"{parts.username}@" if parts.username else ""
        port = f":{parts.port}" if parts.port else ""
        display = f"postgresql://{user}{parts.hostname}{port}/{dbname}"
        return DatabaseUrl(
            "postgresql", dbname=dbname, params=tuple(params.items()), display=display
        )
    raise BadDatabaseUrl(url or "(empty)")


def sqlite_url(path: Path) -> str:
    return "sqlite:///" + Path(path).resolve().as_posix().lstrip("/")


def _check_sqlite_file(path: Path, display: str) -> None:
    """Refuse, before SQLite touches it, a file that is not ours to open."""
    if path.exists():
        if path.is_dir():
            raise DatabaseUnreadable(display, QT_TRANSLATE_NOOP("storage", "it is a folder"))
        if not os.access(path, os.R_OK | os.W_OK):
            raise DatabaseUnreadable(display, QT_TRANSLATE_NOOP("storage", "permission denied"))
        if path.stat().st_size:
            with path.open("rb") as fh:
                if fh.read(16) != _SQLITE_MAGIC:
                    raise NotADatabase(display)
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseUnreadable(display, os_error_reason(exc)) from exc
        if not os.access(path.parent, os.W_OK):
            raise DatabaseUnreadable(
                display, QT_TRANSLATE_NOOP("storage", "the folder is not writable")
            )


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def storage_error(exc: BaseException, display: str, is_sqlite: bool) -> StorageError:
    """A database failure as the one clear message the user sees."""
    if is_sqlite:
        return translate_sqlite_error(exc, display)
    if server_lost(exc):
        # In the user's words, not the driver's (issue 25): the server went away.
        return ServerLost(display)
    return ServerRefused(display, _first_line(exc))


# What a server gone away says: no SQLSTATE at all (the client's own error), class 08
# (connection exception), or 57P01–57P03 (shut down, crashed, starting up).
_LOST_STATES = ("08", "57P01", "57P02", "57P03")
_LOST_WORDS = (
    "connection refused",
    "could not connect",
    "server closed the connection",
    "connection is closed",
    "connection is lost",
    "terminating connection",
    "no connection to the server",
    "connection timeout",
    "the database system is shutting down",
    "the database system is starting up",
)


def uncaught_server_loss(value: BaseException) -> bool:
    """Whether an exception nobody caught is the branch server gone (a lost connection
    or its :class:`ServerLost` message), not a fault of WealthDesk."""
    if isinstance(value, ServerLost):
        return True
    if isinstance(value, StorageError):
        return False
    return isinstance(value, (peewee.DatabaseError, peewee.InterfaceError)) and server_lost(value)


def server_lost(exc: BaseException) -> bool:
    """Whether a PostgreSQL failure means the server cannot be reached (stopped, restarted,
    the network gone), not that it refused the work."""
    if isinstance(exc, peewee.InterfaceError):
        return True
    seen: list[BaseException] = [exc, *(a for a in exc.args if isinstance(a, BaseException))]
    for cause in (exc.__cause__, exc.__context__):
        if cause is not None:
            seen.append(cause)
    for error in seen:
        state = getattr(error, "sqlstate", "missing")
        if state is None and type(error).__module__.startswith("psycopg"):
            return True
        if isinstance(state, str) and state.startswith(_LOST_STATES):
            return True
    text = str(exc).lower()
    return any(words in text for words in _LOST_WORDS)


# SQLite's own words for the failures a desk PC meets, as phrases the user can read in
# their language; anything else is passed on as SQLite says it.
_SQLITE_REASONS = (
    ("unable to open database file", QT_TRANSLATE_NOOP("storage", "the file cannot be opened")),
    ("readonly database", QT_TRANSLATE_NOOP("storage", "the file is read-only")),
    ("disk i/o error", QT_TRANSLATE_NOOP("storage", "the disk could not be read or written")),
)


def _with_causes(exc: BaseException) -> str:
    """The error's words and those of the errors it happened during: a commit that found
    the disk full is followed by "cannot rollback - no transaction is active", which
    alone would hide the cause."""
    texts, seen = [], set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        texts.append(str(exc).lower())
        exc = exc.__cause__ or exc.__context__
    return " | ".join(texts)


def _nearly_full(display: str) -> bool:
    """Whether the disk under the file named *display* has (almost) no room left."""
    import shutil

    try:
        return shutil.disk_usage(Path(display).parent).free < 256 * 1024
    except (OSError, ValueError):
        return False


def translate_sqlite_error(exc: Exception, display: str) -> StorageError:
    everything = _with_causes(exc)
    if "disk is full" in everything or "no space left" in everything:
        return DiskFull(display)
    if "disk i/o error" in everything and _nearly_full(display):
        return DiskFull(display)  # in WAL mode a full disk is an I/O error of the -wal file
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return DatabaseLocked(display)
    if "not a database" in text or "malformed" in text or "encrypted" in text:
        return NotADatabase(display)
    for words, reason in _SQLITE_REASONS:
        if words in text:
            return DatabaseUnreadable(display, reason)
    return DatabaseUnreadable(display, str(exc))


def integrity_problem(db: peewee.SqliteDatabase) -> str | None:
    """SQLite's quick check of the whole file (every page and record, not the indexes'
    agreement with their tables, which is what makes the full check slow): None when it
    holds, else SQLite's first complaint."""
    try:
        rows = db.execute_sql("PRAGMA quick_check(1)").fetchall()
    except (peewee.DatabaseError, sqlite3.DatabaseError) as exc:
        if isinstance(translate_sqlite_error(exc, ""), NotADatabase):
            return _first_line(exc)  # too damaged for the check to finish
        raise
    verdict = str(rows[0][0]) if rows else "ok"
    return None if verdict == "ok" else verdict


def check_integrity(db: peewee.SqliteDatabase, display: str) -> None:
    """Refuse a damaged file before anything is written to it or copied from it."""
    try:
        problem = integrity_problem(db)
    except (peewee.DatabaseError, sqlite3.DatabaseError) as exc:
        raise translate_sqlite_error(exc, display) from exc
    if problem is not None:
        log.error("%s fails SQLite's quick check: %s", display, problem)
        raise DatabaseDamaged(display, problem)


def enable_wal(db: peewee.SqliteDatabase, display: str) -> None:
    """Put an SQLite file in write-ahead-log mode, so readers never wait for a writer."""
    try:
        mode = db.execute_sql("PRAGMA journal_mode=wal").fetchone()[0]
    except (peewee.DatabaseError, sqlite3.DatabaseError) as exc:
        raise translate_sqlite_error(exc, display) from exc
    if str(mode).lower() != "wal":
        log.warning("%s stays in journal mode %s", display, mode)


def open_database(url: str) -> tuple[peewee.Database, DatabaseUrl]:
    """Connect to *url* and prove the connection works; no schema change yet."""
    parsed = parse_url(url)
    if parsed.is_sqlite:
        assert parsed.path is not None
        _check_sqlite_file(parsed.path, parsed.display)
        db = peewee.SqliteDatabase(
            str(parsed.path),
            pragmas={**SQLITE_PRAGMAS, "busy_timeout": BUSY_TIMEOUT_MS},
            timeout=BUSY_TIMEOUT_MS / 1000,
        )
        from .audit_chain import register_sqlite_function

        register_sqlite_function(db)
        try:
            db.connect()
            db.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
        except (peewee.DatabaseError, sqlite3.DatabaseError) as exc:
            db.close()
            raise translate_sqlite_error(exc, parsed.display) from exc
        return db, parsed
    try:
        import psycopg  # noqa: F401  (peewee picks psycopg 3 when it is importable)
    except ImportError as exc:
        raise DriverMissing(parsed.display) from exc
    db = peewee.PostgresqlDatabase(parsed.dbname, **dict(parsed.params))
    try:
        db.connect()
        db.execute_sql("SELECT 1").fetchone()
    except peewee.DatabaseError as exc:
        db.close()
        raise ServerUnreachable(parsed.display, _first_line(exc)) from exc
    return db, parsed
