"""Time as stored and time as shown: the one rule for turning one into the other.

Time stamps are stored as naive UTC. The times a manager sees and types are the branch's
wall-clock time, in the zone of the app's clock (``services.clock``, which every service
reads). A naive time handed in is taken as written in that zone, never in the computer's
own: the two differ whenever the clock is set (tests, the demo's past days) or the
branch's zone is not the computer's.

Pure functions of the zone, so the domain can use them too; ``services.clock`` binds them
to the clock's zone.
"""

from __future__ import annotations

import datetime as dt


def in_zone(moment: dt.datetime, zone: dt.tzinfo | None) -> dt.datetime:
    """*moment* as wall-clock time in *zone*: a naive one is taken as written there, an
    aware one converted."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=zone)
    return moment.astimezone(zone)


def as_stored(moment: dt.datetime | None, zone: dt.tzinfo | None) -> dt.datetime | None:
    """*moment* as stored: UTC, naive (``None`` stays ``None``); a naive *moment* is
    wall-clock time in *zone*."""
    if moment is None:
        return None
    return in_zone(moment, zone).astimezone(dt.UTC).replace(tzinfo=None)


def from_stored(stored: dt.datetime | None, zone: dt.tzinfo | None) -> dt.datetime | None:
    """A stored time stamp (naive UTC) as aware wall-clock time in *zone*."""
    if stored is None:
        return None
    return stored.replace(tzinfo=dt.UTC).astimezone(zone)


def stored_midnight(day: dt.date, zone: dt.tzinfo | None) -> dt.datetime:
    """The start of *day* in *zone*, as stored (UTC, naive)."""
    return as_stored(dt.datetime.combine(day, dt.time(0), zone), zone)  # type: ignore[return-value]


def stored_days(
    first: dt.date, past: dt.date | None, zone: dt.tzinfo | None
) -> tuple[dt.datetime, dt.datetime]:
    """From midnight of *first* to midnight of *past* (the day after *first* when
    ``None``), days in *zone*, as stored: ``first_stamp <= t < past_stamp``."""
    past = past or first + dt.timedelta(days=1)
    return stored_midnight(first, zone), stored_midnight(past, zone)


def stored_date(value: object) -> dt.date | None:
    """A date read through a raw column: SQLite hands back the ISO text peewee wrote,
    PostgreSQL a date (``None`` stays ``None``)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def stored_value(value: object) -> dt.datetime | None:
    """A time stamp read through a raw column: SQLite hands back the ISO text peewee
    wrote, PostgreSQL a datetime already."""
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


__all__ = [
    "as_stored",
    "from_stored",
    "in_zone",
    "stored_date",
    "stored_days",
    "stored_midnight",
    "stored_value",
]
