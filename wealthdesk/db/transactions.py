"""The one write transaction every service uses, and which backend is behind it."""

from __future__ import annotations

import peewee

from .connection import database


def is_postgres() -> bool:
    """Whether the open database is the branch's PostgreSQL server (else SQLite)."""
    return isinstance(database.obj, peewee.PostgresqlDatabase)


def writing():
    """A write transaction; on SQLite it takes the write lock at once, so a read made
    inside it is never overtaken by another process's write."""
    if is_postgres():
        return database.atomic()
    return database.atomic("IMMEDIATE")


__all__ = ["is_postgres", "writing"]
