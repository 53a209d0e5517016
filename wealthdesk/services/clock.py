"""The one clock every service reads, so tests can set the time instead of sleeping."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator

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


def to_local(stored_utc: dt.datetime | None) -> dt.datetime | None:
    if stored_utc is None:
        return None
    return stored_utc.replace(tzinfo=dt.UTC).astimezone(_now().tzinfo)
