"""Fast multi-row inserts for imports: plain ``executemany`` instead of building one
huge statement per chunk, which costs more than the insert itself."""

from __future__ import annotations

from collections.abc import Sequence

import peewee

from .connection import database

# The driver's cursor raises the driver's errors; this turns them into peewee's
# (IntegrityError, OperationalError…), as every other write raises them.
_AS_PEEWEE_ERRORS = peewee.ExceptionWrapper(peewee.EXCEPTIONS)


def insert_rows(
    table: str, columns: Sequence[str], rows: Sequence[Sequence[object]], returning_id: bool
) -> list[int]:
    """Insert *rows* into *table*; call inside a transaction. Returns the new ids when
    *returning_id* (the table's key must be ``id``)."""
    if not rows:
        return []
    db = database.obj
    param = db.param
    names = ", ".join(columns)
    marks = ", ".join([param] * len(columns))
    sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"
    cursor = db.cursor()
    with _AS_PEEWEE_ERRORS:
        if isinstance(db, peewee.PostgresqlDatabase):
            if not returning_id:
                cursor.executemany(sql, rows)
                return []
            cursor.executemany(sql + " RETURNING id", rows, returning=True)
            ids = []
            while True:
                ids.append(cursor.fetchone()[0])
                if not cursor.nextset():
                    break
            return ids
        cursor.executemany(sql, rows)
    if not returning_id:
        return []
    # Inside the write transaction SQLite numbers the rows of one executemany
    # consecutively (AUTOINCREMENT, nobody else can write meanwhile).
    last = db.execute_sql("SELECT last_insert_rowid()").fetchone()[0]
    return list(range(last - len(rows) + 1, last + 1))
