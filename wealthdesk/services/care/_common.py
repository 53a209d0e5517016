"""What the care modules share: the task states as stored, reading raw rows, the
manager's part of the book."""

from __future__ import annotations

import functools

import peewee

from ...db.connection import database
from ...db.models import Client
from ...domain.care import CareTaskStatus
from ...domain.masking import mask_name

OPEN = CareTaskStatus.OPEN.value
DONE = CareTaskStatus.DONE.value
CANCELLED = CareTaskStatus.CANCELLED.value


def for_manager(query: peewee.ModelSelect, manager: str | None, nullable: bool = False):
    """*manager*'s clients and the unassigned ones; the whole book for None or ""."""
    if not manager:
        return query
    mine = Client.manager.in_([manager, ""])
    return query.where(mine | Client.id.is_null()) if nullable else query.where(mine)


@functools.lru_cache(maxsize=65536)
def masked(name: str | None) -> str:
    return mask_name(name)


def raw_rows(query: peewee.Query) -> list[tuple]:
    """The query's rows as the driver gives them, without peewee's per-column conversion."""
    return database.execute_sql(*query.sql()).fetchall()


def source_in_sql(prefix: str, column: peewee.Field) -> peewee.Node:
    """``'maturity:' || id`` in SQL, as the rules write it in Python."""
    return peewee.Value(prefix).concat(peewee.Cast(column, "VARCHAR"))
