"""Storage: peewee models, the connection from a URL, and numbered migrations."""

from __future__ import annotations

import logging
from pathlib import Path

import peewee

from .. import early_check
from .connection import (
    DatabaseUrl,
    StorageError,
    check_integrity,
    database,
    enable_wal,
    open_database,
)
from .migrations import migrate

log = logging.getLogger(__name__)
_current: DatabaseUrl | None = None


def connect(url: str, backup_dir: Path | None = None) -> DatabaseUrl:
    """Open *url*, bring its schema up to date and make it the database of every model.

    Raises :class:`StorageError` (with a message for the user) when it cannot.
    """
    db, parsed = open_database(url)
    if parsed.is_sqlite:
        from ..private_files import database_files, make_private

        assert parsed.path is not None
        make_private(database_files(parsed.path))  # left readable by an earlier release
    try:
        if parsed.is_sqlite and not early_check.passed(parsed.path):
            check_integrity(db, parsed.display)
        migrate(db, parsed.display, backup_dir)
        if parsed.is_sqlite:
            enable_wal(db, parsed.display)
        restored = restore_protections(db, parsed.display)
        # Whether the log is chained, known before any transaction asks: read inside a
        # deferred SQLite transaction, it would start a snapshot that the append then
        # cannot upgrade while another process writes ("database is locked").
        db._wealthdesk_chained = any(c.name == "hash" for c in db.get_columns("audit_entry"))
    except BaseException:
        db.close()
        raise
    global _current
    close()
    database.initialize(db)
    _current = parsed
    log.info("connected to %s", parsed.display)
    if restored:
        _record_protections_restored(db, restored)
    return parsed


def _record_protections_restored(db: peewee.Database, names: list[str]) -> None:
    """The audit log's protections were found missing and put back: said in the log
    itself, where an inspection reads it (at the computer's time: the start, before any
    clock of the app's is set)."""
    import datetime as dt

    from ..domain.audit import AuditAction
    from .audit_chain import append

    at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    with db.atomic():
        append(
            db,
            at,
            "wealthdesk",
            AuditAction.PROTECTION_RESTORED.value,
            None,
            "missing: " + ", ".join(names),
        )


def restore_protections(db: peewee.Database, display: str) -> list[str]:
    """Put back the audit log's protections someone dropped, disabled or replaced (the
    caller then records that they were missing); returns their names."""
    from .audit_chain import CHAIN_VERSION, install_protections, missing_protections
    from .connection import storage_error
    from .migrations import schema_version

    try:
        if schema_version(db) < CHAIN_VERSION:
            return []  # an older release's schema (tests that stand in for one)
        missing = missing_protections(db)
        if missing:
            log.error("the audit log's protections were missing on %s: %s", display, missing)
            with db.atomic():
                install_protections(db)
    except peewee.DatabaseError as exc:
        raise storage_error(exc, display, isinstance(db, peewee.SqliteDatabase)) from exc
    return missing


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
