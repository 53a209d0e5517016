"""The one clock every service reads, so tests can set the time instead of sleeping."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator

from ..domain import times

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


@contextlib.contextmanager
def at(when: dt.datetime) -> Iterator[dt.datetime]:
    """Within the block, every service reads *when* as the time (naive means local);
    the clock in place before comes back on leaving it, also on an error.

    For scripted data generation (the demo's past visits) and tests only, never the
    window's normal running: the clock is one for the whole process, so anything else
    that reads it meanwhile (a timer, another thread) would see *when* too. Keep the
    block to the few service calls that happen at *when*.
    """
    global _now
    fixed = when if when.tzinfo else when.astimezone()
    previous = _now
    _now = lambda: fixed  # noqa: E731
    try:
        yield fixed
    finally:
        _now = previous


# ---------------------------------------------------------------- the branch's zone
#
# The clock's zone is the branch's: every time shown or typed is wall-clock time there,
# and a naive time handed to a service is taken as written there (domain/times.py).


def zone() -> dt.tzinfo | None:
    """The zone of the clock, the branch's own."""
    return _now().tzinfo


def local(moment: dt.datetime) -> dt.datetime:
    """*moment* as aware wall-clock time in the clock's zone (a naive one is taken as
    written there)."""
    return times.in_zone(moment, _now().tzinfo)


def to_stored(moment: dt.datetime | None) -> dt.datetime | None:
    """*moment* as stored, UTC and naive; a naive *moment* is in the clock's zone."""
    return times.as_stored(moment, _now().tzinfo)


def to_local(stored_utc: dt.datetime | None) -> dt.datetime | None:
    """A stored time stamp (naive UTC) as aware time in the clock's zone."""
    return times.from_stored(stored_utc, _now().tzinfo)


def stored_days(first: dt.date, past: dt.date | None = None) -> tuple[dt.datetime, dt.datetime]:
    """From local midnight of *first* to that of *past* (default: the day after), as
    stored (UTC, naive): the bounds of a query over those days."""
    return times.stored_days(first, past, _now().tzinfo)
