"""A desk's state as the manager, the lobby and the door see it, and when it is back."""

from __future__ import annotations

import datetime as dt

from .errors import QT_TRANSLATE_NOOP, Problem
from .labeled import Labeled
from .settings import parse_time


class DeskState(Labeled):
    AVAILABLE = "available"
    SERVING = "serving"
    AWAY = "away"
    LUNCH = "lunch"
    CLOSED = "closed"

    @classmethod
    def _labels(cls):
        return {
            "available": QT_TRANSLATE_NOOP("domain", "Available"),
            "serving": QT_TRANSLATE_NOOP("domain", "Serving"),
            "away": QT_TRANSLATE_NOOP("domain", "Away"),
            "lunch": QT_TRANSLATE_NOOP("domain", "Lunch break"),
            "closed": QT_TRANSLATE_NOOP("domain", "Closed"),
        }

    @classmethod
    def _aliases(cls):
        return {
            "available": ("空闲", "可服务"),
            "serving": ("服务中",),
            "away": ("暂时离开", "离开"),
            "lunch": ("午休",),
            "closed": ("已下班", "关闭"),
        }

    @property
    def locks_desk(self) -> bool:
        """The manager is not at the desk: the screen is cleared and locked."""
        return self in (DeskState.AWAY, DeskState.LUNCH, DeskState.CLOSED)

    @property
    def takes_return_time(self) -> bool:
        return self in (DeskState.AWAY, DeskState.LUNCH)


# How long "I'm stepping away" lasts unless the manager says otherwise.
DEFAULT_AWAY_MINUTES = 15


def suggested_return(state: DeskState, now: dt.datetime, lunch_end: str) -> dt.time:
    """The return time a dialog offers: the end of the lunch break, or a quarter of an
    hour from now rounded up to five minutes."""
    if state is DeskState.LUNCH:
        end = parse_time(lunch_end)
        if end is not None and end > now.time():
            return end
    later = now + dt.timedelta(minutes=DEFAULT_AWAY_MINUTES)
    minute = -(-later.minute // 5) * 5
    rounded = later.replace(minute=0, second=0, microsecond=0) + dt.timedelta(minutes=minute)
    if rounded.date() != now.date():
        return dt.time(23, 55)
    return rounded.time()


def return_time_problem(text: str, now: dt.datetime, field: str = "until") -> Problem | None:
    """Why *text* is not a usable return time today: not HH:MM, or not after *now*."""
    back = parse_time(text)
    if back is None:
        return Problem(
            field, QT_TRANSLATE_NOOP("domain", "A return time is written HH:MM, like 15:30.")
        )
    if back <= now.time().replace(second=0, microsecond=0):
        return Problem(
            field,
            QT_TRANSLATE_NOOP("domain", "The return time {time} has already passed."),
            {"time": text.strip()},
        )
    return None
