"""Database failures midway through an action, as the one message the user reads."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

import peewee

from .. import db
from ..db.connection import StorageError, storage_error

log = logging.getLogger(__name__)
P = ParamSpec("P")
R = TypeVar("R")


@contextmanager
def storage_errors() -> Iterator[None]:
    """Turn a failing database call (a lock held past the busy timeout, a server that
    went away or refuses) into a :class:`StorageError`; the transaction has already
    rolled back, so nothing is half-written."""
    try:
        yield
    except (peewee.DatabaseError, peewee.InterfaceError) as exc:
        where = db.current()
        display = where.display if where else "?"
        log.warning("database failure on %s: %s", display, exc)
        if where is not None and not where.is_sqlite:
            _drop_broken_connection()
        raise storage_error(exc, display, where is None or where.is_sqlite) from exc


def reset_server_connection() -> None:
    """The server was lost (the live-update listener saw it go): close the app's own
    connection too, so the next action connects afresh instead of failing once on a
    dead socket. Nothing to do on SQLite."""
    where = db.current()
    database = db.database.obj
    if where is None or where.is_sqlite or database is None or database.is_closed():
        return
    try:
        database.close()
    except (peewee.PeeweeException, peewee.DatabaseError):
        database.dispose()


def _drop_broken_connection() -> None:
    """A server connection that broke (the server restarted, the network dropped) is
    closed, so that the next action connects afresh; the action that failed is not
    retried behind the manager's back: it was rolled back and says so."""
    database = db.database.obj
    if database is None or database.is_closed():
        return
    connection = database.connection()
    if getattr(connection, "broken", False) or getattr(connection, "closed", False):
        log.info("dropping the broken server connection; the next action reconnects")
        try:
            database.close()
        except (peewee.PeeweeException, peewee.DatabaseError):
            # Closing refuses while peewee still counts a transaction open: forget it.
            database.dispose()


# A long write (an import) tries this many times, each after the busy timeout's wait.
LOCK_ATTEMPTS = 6


def is_lock_error(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def write_transaction():
    """A transaction that takes SQLite's write lock at its start (waiting the busy
    timeout for it), so that a long write that reads first is never refused halfway
    because another desk wrote between its read and its write (WAL's snapshot rule);
    an ordinary transaction on PostgreSQL."""
    database = db.database.obj
    if isinstance(database, peewee.SqliteDatabase):
        return database.atomic("IMMEDIATE")
    return database.atomic()


def guarded(function: Callable[P, R]) -> Callable[P, R]:
    """Decorator form of :func:`storage_errors`."""

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with storage_errors():
            return function(*args, **kwargs)

    return wrapper


__all__ = [
    "LOCK_ATTEMPTS",
    "StorageError",
    "guarded",
    "is_lock_error",
    "reset_server_connection",
    "storage_errors",
    "write_transaction",
]
