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
    except peewee.DatabaseError as exc:
        where = db.current()
        display = where.display if where else "?"
        log.warning("database failure on %s: %s", display, exc)
        raise storage_error(exc, display, where is None or where.is_sqlite) from exc


def guarded(function: Callable[P, R]) -> Callable[P, R]:
    """Decorator form of :func:`storage_errors`."""

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with storage_errors():
            return function(*args, **kwargs)

    return wrapper


__all__ = ["StorageError", "guarded", "storage_errors"]
