"""The one clock every service reads, so tests can set the time instead of sleeping."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

_now: Callable[[], dt.datetime] = lambda: dt.datetime.now().astimezone()  # noqa: E731


def now() -> dt.datetime:
    """The local, timezone-aware time."""
    return _now()


def now_utc() -> dt.datetime:
    """UTC without tzinfo, the form every time stamp is stored in."""
    return _now().astimezone(dt.UTC).replace(tzinfo=None)


def today() -> dt.date:
    return _now().date()


def set_clock(source: Callable[[], dt.datetime] | None) -> None:
    """Replace the clock (tests); ``None`` restores the system clock."""
    global _now
    _now = source or (lambda: dt.datetime.now().astimezone())


def to_local(stored_utc: dt.datetime | None) -> dt.datetime | None:
    if stored_utc is None:
        return None
    return stored_utc.replace(tzinfo=dt.UTC).astimezone(_now().tzinfo)
