"""The branch's working days and office hours: China's public holidays and weekend make-up
working days (调休) where the holiday data covers the year, weekends, and the branch's
own closed days."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from .errors import QT_TRANSLATE_NOOP, Phrase, Problem
from .settings import SPECS, parse_time


class HolidaySource(Protocol):
    """Where the national holidays come from: ``chinese_calendar`` or a test's stand-in.

    ``get_holiday_detail(day)`` answers ``(closed, name)``: a public holiday is
    ``(True, "National Day")``, a make-up working day ``(False, "National Day")``, a plain
    weekend ``(True, None)``, a plain weekday ``(False, None)``. It raises
    ``NotImplementedError`` for a year its data does not cover.
    """

    def get_holiday_detail(self, day: dt.date) -> tuple[bool, str | None]: ...


def _chinese_calendar() -> HolidaySource:
    import chinese_calendar  # imported when first needed: it loads twenty years of dates

    return chinese_calendar


# chinese_calendar's holiday names (the values of its ``Holiday`` enum) as the reason a
# day is closed.
HOLIDAY_LABELS: dict[str, str] = {
    "New Year's Day": QT_TRANSLATE_NOOP("domain", "New Year's Day holiday"),
    "Spring Festival": QT_TRANSLATE_NOOP("domain", "Spring Festival holiday"),
    "Tomb-sweeping Day": QT_TRANSLATE_NOOP("domain", "Tomb-sweeping Day holiday"),
    "Labour Day": QT_TRANSLATE_NOOP("domain", "Labour Day holiday"),
    "Dragon Boat Festival": QT_TRANSLATE_NOOP("domain", "Dragon Boat Festival holiday"),
    "National Day": QT_TRANSLATE_NOOP("domain", "National Day holiday"),
    "Mid-autumn Festival": QT_TRANSLATE_NOOP("domain", "Mid-autumn Festival holiday"),
    "Anti-Fascist 70th Day": QT_TRANSLATE_NOOP("domain", "Victory Day holiday"),
}
PUBLIC_HOLIDAY = QT_TRANSLATE_NOOP("domain", "Public holiday")  # a name the table lacks
WEEKEND = QT_TRANSLATE_NOOP("domain", "Weekend")
BRANCH_CLOSED = QT_TRANSLATE_NOOP("domain", "The branch is closed")
_NO_DATA = QT_TRANSLATE_NOOP(
    "domain",
    "The holiday calendar has no data for {year}: only weekends and the branch's own "
    "closed days are known.",
)

# How far next_working_day looks before giving up (a year and then some).
_SEARCH_DAYS = 400


def _as_date(day: dt.date) -> dt.date:
    return day.date() if isinstance(day, dt.datetime) else day


class WorkingCalendar:
    """Which days the branch is open, and why it is closed on the others.

    A day is closed when it is a public holiday, a weekend that is not a make-up working
    day, or one of the branch's own *closed_days* (closed whatever the national calendar
    says). For a year the holiday data does not cover, only weekends and the branch's
    days are known (:meth:`covers`, :meth:`coverage_note`).

    The calendar is immutable: build a new one when the branch's closed days change.
    Answers are cached per day and per year, because validation asks about the same
    few days again and again.
    """

    def __init__(
        self, closed_days: Iterable[dt.date] = (), holidays_source: HolidaySource | None = None
    ) -> None:
        self.closed_days = frozenset(_as_date(day) for day in closed_days)
        self._source = holidays_source if holidays_source is not None else _chinese_calendar()
        self._reasons: dict[dt.date, Phrase | None] = {}
        self._covered: dict[int, bool] = {}

    def covers(self, year: int) -> bool:
        """Whether the holiday data covers *year* (chinese_calendar raises
        NotImplementedError for a date outside its data, so one date of the year is asked)."""
        covered = self._covered.get(year)
        if covered is None:
            try:
                self._source.get_holiday_detail(dt.date(year, 1, 1))
                covered = True
            except NotImplementedError:
                covered = False
            self._covered[year] = covered
        return covered

    def coverage_note(self, year: int, field: str = "date") -> Problem | None:
        """For a year the holiday data does not cover, a note saying that only weekends
        and the branch's closed days are known; None for a covered year. A note, not a
        refusal: the UI shows it beside the date."""
        if self.covers(year):
            return None
        return Problem(field, _NO_DATA, {"year": str(year)})

    def closed_reason(self, day: dt.date) -> Phrase | None:
        """Why the branch is closed on *day*, or None on a working day: the holiday's name
        ("National Day holiday"), "The branch is closed" or "Weekend", in that order of
        precedence. A :class:`Phrase`, so a message carrying it translates it too."""
        day = _as_date(day)
        try:
            return self._reasons[day]
        except KeyError:
            reason = self._reasons[day] = self._find_reason(day)
            return reason

    def is_working_day(self, day: dt.date) -> bool:
        return self.closed_reason(day) is None

    def next_working_day(self, day: dt.date) -> dt.date:
        """The first working day after *day* (not *day* itself)."""
        return self._step(_as_date(day), 1)

    def previous_working_day(self, day: dt.date) -> dt.date:
        """The last working day before *day* (not *day* itself)."""
        return self._step(_as_date(day), -1)

    def _step(self, day: dt.date, direction: int) -> dt.date:
        for _ in range(_SEARCH_DAYS):
            day += dt.timedelta(days=direction)
            if self.is_working_day(day):
                return day
        raise ValueError(f"no working day within {_SEARCH_DAYS} days of {day}")

    def _find_reason(self, day: dt.date) -> Phrase | None:
        if self.covers(day.year):
            closed, name = self._source.get_holiday_detail(day)
            if closed and name:
                name = getattr(name, "value", name)  # an enum member from another source
                return Phrase(HOLIDAY_LABELS.get(str(name), PUBLIC_HOLIDAY))
            if day in self.closed_days:
                return Phrase(BRANCH_CLOSED)
            if closed:
                return Phrase(WEEKEND if day.weekday() >= 5 else PUBLIC_HOLIDAY)
            return None  # a weekday, or a weekend made a working day (调休)
        if day in self.closed_days:
            return Phrase(BRANCH_CLOSED)
        return Phrase(WEEKEND) if day.weekday() >= 5 else None


@dataclass(frozen=True)
class OfficeHours:
    """The branch's day: open → lunch break → close, local wall-clock times."""

    open: dt.time
    lunch_start: dt.time
    lunch_end: dt.time
    close: dt.time

    @classmethod
    def from_settings(cls, values: dict[str, object]) -> OfficeHours:
        """From the ``office_open``, ``lunch_start``, ``lunch_end`` and ``office_close``
        settings (HH:MM text); a missing or unreadable one takes its default."""

        def time_of(key: str) -> dt.time:
            value = parse_time(str(values.get(key, "")))
            return value or parse_time(str(SPECS[key].default))

        return cls(
            time_of("office_open"),
            time_of("lunch_start"),
            time_of("lunch_end"),
            time_of("office_close"),
        )

    def within(self, start: dt.time, end: dt.time) -> bool:
        """Whether *start*–*end* lies inside the office day (lunch included)."""
        return self.open <= start and end <= self.close and start <= end

    def overlaps_lunch(self, start: dt.time, end: dt.time) -> bool:
        """Whether *start*–*end* takes any of the lunch break; touching it does not."""
        return start < self.lunch_end and self.lunch_start < end
