"""The branch's working days and office hours.

One calendar in three layers, in this order of authority: the State Council's schedule
for a year (the bundled chinese_calendar data, or a schedule the branch loaded), or for
a year without one the statutory holidays computed by rule (provisional); then the
branch's own closed days and open days on top.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from .errors import QT_TRANSLATE_NOOP, Phrase, Problem
from .holidays import DayKind, Holiday, ScheduleDay, holiday_named, rules_cover, statutory_holidays
from .settings import SPECS, parse_time


class HolidaySource(Protocol):
    """Where the bundled national holidays come from: ``chinese_calendar`` or a test's
    stand-in.

    ``get_holiday_detail(day)`` answers ``(closed, name)``: a public holiday is
    ``(True, "National Day")``, a make-up working day ``(False, "National Day")``, a plain
    weekend ``(True, None)``, a plain weekday ``(False, None)``. It raises
    ``NotImplementedError`` for a year its data does not cover.
    """

    def get_holiday_detail(self, day: dt.date) -> tuple[bool, str | None]: ...


def _chinese_calendar() -> HolidaySource:
    import chinese_calendar  # imported when first needed: it loads twenty years of dates

    return chinese_calendar


class Source(StrEnum):
    """Where a year's national holidays come from."""

    BUNDLED = "bundled"  # the State Council's schedule shipped with the app
    LOADED = "loaded"  # the State Council's schedule the branch loaded
    COMPUTED = "computed"  # the statutory days computed by rule: provisional
    NONE = "none"  # nothing known: weekends only

    @property
    def official(self) -> bool:
        return self in (Source.BUNDLED, Source.LOADED)


SOURCE_LABELS: dict[Source, str] = {
    Source.BUNDLED: QT_TRANSLATE_NOOP("domain", "the State Council's schedule (bundled)"),
    Source.LOADED: QT_TRANSLATE_NOOP("domain", "the State Council's schedule (loaded)"),
    Source.COMPUTED: QT_TRANSLATE_NOOP(
        "domain", "statutory holidays computed by rule (provisional)"
    ),
    Source.NONE: QT_TRANSLATE_NOOP("domain", "no holiday data: weekends only"),
}

# The holidays' names (chinese_calendar's ``Holiday`` values) as the reason a day is closed.
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
# The same for a day computed by rule, which the State Council has not yet scheduled.
PROVISIONAL_LABELS: dict[str, str] = {
    Holiday.NEW_YEAR: QT_TRANSLATE_NOOP("domain", "New Year's Day holiday (provisional)"),
    Holiday.SPRING_FESTIVAL: QT_TRANSLATE_NOOP("domain", "Spring Festival holiday (provisional)"),
    Holiday.QINGMING: QT_TRANSLATE_NOOP("domain", "Tomb-sweeping Day holiday (provisional)"),
    Holiday.LABOUR_DAY: QT_TRANSLATE_NOOP("domain", "Labour Day holiday (provisional)"),
    Holiday.DRAGON_BOAT: QT_TRANSLATE_NOOP("domain", "Dragon Boat Festival holiday (provisional)"),
    Holiday.NATIONAL_DAY: QT_TRANSLATE_NOOP("domain", "National Day holiday (provisional)"),
    Holiday.MID_AUTUMN: QT_TRANSLATE_NOOP("domain", "Mid-autumn Festival holiday (provisional)"),
}
_PROVISIONAL_BY_LABEL = {HOLIDAY_LABELS[h.value]: PROVISIONAL_LABELS[h] for h in Holiday}
PUBLIC_HOLIDAY = QT_TRANSLATE_NOOP("domain", "Public holiday")  # a name the table lacks
WEEKEND = QT_TRANSLATE_NOOP("domain", "Weekend")
BRANCH_CLOSED = QT_TRANSLATE_NOOP("domain", "The branch is closed")
MAKE_UP_DAY = QT_TRANSLATE_NOOP("domain", "Make-up working day")
BRANCH_OPEN = QT_TRANSLATE_NOOP("domain", "Branch open day")
_NO_DATA = QT_TRANSLATE_NOOP(
    "domain",
    "The holiday calendar has no data for {year}: only weekends and the branch's own "
    "closed days are known.",
)
_PROVISIONAL = QT_TRANSLATE_NOOP(
    "domain",
    "The holidays of {year} are provisional: computed by the holiday regulations until the "
    "State Council's schedule is loaded (Settings → Working calendar); days in lieu and "
    "make-up working days are not known yet.",
)

# How far next_working_day looks before giving up (a year and then some).
_SEARCH_DAYS = 400


def _as_date(day: dt.date) -> dt.date:
    return day.date() if isinstance(day, dt.datetime) else day


@dataclass(frozen=True)
class DayStatus:
    """One day as the calendar sees it: open or closed, and the words for it.

    *reason* says why a closed day is closed ("Spring Festival holiday (provisional)",
    "Weekend"); *label* names the day without the provisional mark, for a list that
    marks it apart ("Spring Festival holiday", "Make-up working day", "Branch open
    day"), or None for a plain working day. *provisional* is set on a holiday computed
    by rule; *branch* when the branch's own list decided the day."""

    day: dt.date
    open: bool
    label: Phrase | None
    provisional: bool
    source: Source
    branch: bool = False

    @property
    def reason(self) -> Phrase | None:
        if self.open:
            return None
        if self.provisional and self.label in _PROVISIONAL_BY_LABEL:
            return Phrase(_PROVISIONAL_BY_LABEL[self.label])
        return self.label

    @property
    def make_up(self) -> bool:
        """A weekend day worked: a make-up working day or the branch's open day."""
        return self.open and self.day.weekday() >= 5


def _holiday_label(name: object, as_written: bool = False) -> Phrase:
    """A holiday's name (an enum member, chinese_calendar's English name, a loaded
    schedule's 春节) as the phrase a closed day shows. A name nobody knows is "Public
    holiday", or *as_written* (a schedule the branch loaded names its own days)."""
    name = str(getattr(name, "value", name) or "").strip()
    if name in HOLIDAY_LABELS:
        return Phrase(HOLIDAY_LABELS[name])
    holiday = holiday_named(name)
    if holiday is not None:
        return Phrase(HOLIDAY_LABELS[holiday.value])
    return Phrase(name if as_written and name else PUBLIC_HOLIDAY)


class WorkingCalendar:
    """Which days the branch is open, and why it is closed on the others.

    The national layer, per year: a schedule the branch *loaded* (its days override the
    bundled data, day by day, and a loaded year is official), else the bundled data
    (*holidays_source*), else the statutory holidays computed by rule (provisional),
    else weekends only. Then the branch's own list: a day in *closed_days* is closed
    whatever the national calendar says (a holiday keeps its name); a day in
    *open_days* is open (a make-up Saturday, an event Sunday, a holiday on duty).

    The calendar is immutable: build a new one when a layer changes. Answers are cached
    per day and per year, because validation asks about the same few days again and
    again.
    """

    def __init__(
        self,
        closed_days: Iterable[dt.date] = (),
        holidays_source: HolidaySource | None = None,
        open_days: Iterable[dt.date] = (),
        loaded: Iterable[tuple[int, ScheduleDay]] = (),
    ) -> None:
        self.closed_days = frozenset(_as_date(day) for day in closed_days)
        self.open_days = frozenset(_as_date(day) for day in open_days) - self.closed_days
        self._source = holidays_source if holidays_source is not None else _chinese_calendar()
        self.loaded_years = frozenset()
        self._loaded: dict[dt.date, ScheduleDay] = {}
        years = set()
        # (schedule year, day): a later year's schedule decides a day both name.
        for year, entry in sorted(loaded, key=lambda pair: pair[0]):
            years.add(year)
            self._loaded[entry.day] = entry
        self.loaded_years = frozenset(years)
        self._status: dict[dt.date, DayStatus] = {}
        self._covered: dict[int, bool] = {}

    # ------------------------------------------------------------ years
    def bundled(self, year: int) -> bool:
        """Whether the bundled data covers *year* (chinese_calendar raises
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

    def source(self, year: int) -> Source:
        """Where *year*'s national holidays come from."""
        if year in self.loaded_years:
            return Source.LOADED
        if self.bundled(year):
            return Source.BUNDLED
        if rules_cover(year):
            return Source.COMPUTED
        return Source.NONE

    def covers(self, year: int) -> bool:
        """Whether the State Council's schedule for *year* is known (bundled or loaded)."""
        return self.source(year).official

    def coverage_note(self, year: int, field: str = "date") -> Problem | None:
        """For a year without the State Council's schedule, a note saying its holidays are
        provisional (or unknown); None for a scheduled year. A note, not a refusal: the
        UI shows it beside the date."""
        source = self.source(year)
        if source.official:
            return None
        template = _PROVISIONAL if source is Source.COMPUTED else _NO_DATA
        return Problem(field, template, {"year": str(year)})

    # ------------------------------------------------------------ days
    def status(self, day: dt.date) -> DayStatus:
        """The day, open or closed, with its words (cached)."""
        day = _as_date(day)
        try:
            return self._status[day]
        except KeyError:
            status = self._status[day] = self._find_status(day)
            return status

    def closed_reason(self, day: dt.date) -> Phrase | None:
        """Why the branch is closed on *day*, or None on a working day: the holiday's name
        ("National Day holiday", "… (provisional)" for a computed one), "The branch is
        closed" or "Weekend", in that order of precedence. A :class:`Phrase`, so a message
        carrying it translates it too."""
        return self.status(day).reason

    def is_working_day(self, day: dt.date) -> bool:
        return self.status(day).open

    def next_working_day(self, day: dt.date) -> dt.date:
        """The first working day after *day* (not *day* itself)."""
        return self._step(_as_date(day), 1)

    def previous_working_day(self, day: dt.date) -> dt.date:
        """The last working day before *day* (not *day* itself)."""
        return self._step(_as_date(day), -1)

    def month(self, year: int, month: int) -> list[DayStatus]:
        """Every day of the month, in order."""
        day = dt.date(year, month, 1)
        days = []
        while day.month == month:
            days.append(self.status(day))
            day += dt.timedelta(days=1)
        return days

    def _step(self, day: dt.date, direction: int) -> dt.date:
        for _ in range(_SEARCH_DAYS):
            day += dt.timedelta(days=direction)
            if self.is_working_day(day):
                return day
        raise ValueError(f"no working day within {_SEARCH_DAYS} days of {day}")

    def _national(self, day: dt.date) -> tuple[bool, Phrase | None, bool, Source]:
        """(closed, label, provisional, source) of the national layer alone."""
        weekend = day.weekday() >= 5
        source = self.source(day.year)
        loaded = self._loaded.get(day)
        if loaded is not None:
            if loaded.kind is DayKind.HOLIDAY:
                return True, _holiday_label(loaded.name, as_written=True), False, Source.LOADED
            return False, Phrase(MAKE_UP_DAY) if weekend else None, False, Source.LOADED
        if source is Source.BUNDLED:
            closed, name = self._source.get_holiday_detail(day)
            if closed and name:
                return True, _holiday_label(name), False, source
            if closed:
                return True, Phrase(WEEKEND if weekend else PUBLIC_HOLIDAY), False, source
            return False, Phrase(MAKE_UP_DAY) if weekend else None, False, source
        if source is Source.COMPUTED:
            holiday = statutory_holidays(day.year).get(day)
            if holiday is not None:
                return True, _holiday_label(holiday), True, source
        return weekend, Phrase(WEEKEND) if weekend else None, False, source

    def _find_status(self, day: dt.date) -> DayStatus:
        closed, label, provisional, source = self._national(day)
        if day in self.closed_days:
            if closed and label != WEEKEND:
                return DayStatus(day, False, label, provisional, source, branch=True)
            return DayStatus(day, False, Phrase(BRANCH_CLOSED), False, source, branch=True)
        if day in self.open_days:
            if closed or day.weekday() >= 5:
                return DayStatus(day, True, Phrase(BRANCH_OPEN), False, source, branch=True)
            return DayStatus(day, True, label, False, source, branch=True)
        return DayStatus(day, not closed, label, provisional, source)


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
