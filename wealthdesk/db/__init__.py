"""Storage: peewee models, the connection from a URL, and numbered migrations."""

from __future__ import annotations

import logging
from pathlib import Path

import peewee

from .connection import DatabaseUrl, StorageError, database, enable_wal, open_database
from .migrations import migrate

log = logging.getLogger(__name__)
_current: DatabaseUrl | None = None


def connect(url: str, backup_dir: Path | None = None) -> DatabaseUrl:
    """Open *url*, bring its schema up to date and make it the database of every model.

    Raises :class:`StorageError` (with a message for the user) when it cannot.
    """
    db, parsed = open_database(url)
    try:
        migrate(db, parsed.display, backup_dir)
        if parsed.is_sqlite:
            enable_wal(db, parsed.display)
    except BaseException:
        db.close()
        raise
    global _current
    close()
    database.initialize(db)
    _current = parsed
    log.info("connected to %s", parsed.display)
    return parsed


def current() -> DatabaseUrl | None:
    """The address of the connected database (for messages), or None before connect()."""
    return _current


def close() -> None:
    current = database.obj
    if current is not None and not current.is_closed():
        current.close()


def backend() -> str:
    return "postgresql" if isinstance(database.obj, peewee.PostgresqlDatabase) else "sqlite"


__all__ = [
    "DatabaseUrl",
    "StorageError",
    "backend",
    "close",
    "connect",
    "current",
    "database",
]
