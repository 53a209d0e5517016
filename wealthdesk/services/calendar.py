"""The working calendar: the one place that answers "is this a working day?" for the
whole app, and the State Council's schedules the branch loads (with a preview, audited).

The layers are built in ``domain/calendar.py``; this module reads the branch's closed
and open days from the settings and the loaded schedules from the database, and keeps
one calendar per state of them (it caches its answers per day).
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, replace
from pathlib import Path

import peewee

from .. import db
from ..db.connection import database
from ..db.models import HolidayScheduleDay
from ..domain.audit import AuditAction
from ..domain.calendar import DayStatus, Source, WorkingCalendar
from ..domain.csv_file import decode_csv
from ..domain.errors import QT_TRANSLATE_NOOP, Problem
from ..domain.holidays import DayKind, ParsedSchedule, ScheduleDay, ScheduleLine, parse_schedule
from ..domain.settings import parse_closed_days
from . import audit, clock
from . import settings as branch_settings

# From this day of the year on, a missing schedule for next year is worth a notice.
NOTICE_FROM = (11, 1)

_lock = threading.Lock()
_cache: dict[tuple, WorkingCalendar] = {}
_CACHE_MAX = 8


def working_calendar(values: dict[str, object] | None = None) -> WorkingCalendar:
    """The branch's calendar now: the national layer (bundled, loaded or computed) and
    the ``closed_days`` and ``open_days`` settings (*values*, the settings already read,
    saves reading them again). One instance per state, so its per-day cache is kept
    while nothing changes; a schedule loaded at another desk is seen at the next ask."""
    if values is None:
        values = branch_settings.load("1")
    closed = str(values.get("closed_days") or "")
    opened = str(values.get("open_days") or "")
    where = db.current()
    key = (where.display if where else "", closed, opened, _signature())
    with _lock:
        calendar = _cache.get(key)
    if calendar is None:
        calendar = WorkingCalendar(
            parse_closed_days(closed), open_days=parse_closed_days(opened), loaded=_loaded()
        )
        with _lock:
            if len(_cache) >= _CACHE_MAX:
                _cache.clear()
            _cache[key] = calendar
    return calendar


def _signature() -> tuple:
    """What changes whenever a loaded schedule does: how many days, the latest load."""
    row = HolidayScheduleDay.select(
        peewee.fn.COUNT(HolidayScheduleDay.day), peewee.fn.MAX(HolidayScheduleDay.loaded_at)
    ).tuples()
    count, latest = next(iter(row))
    return (count, str(latest))


def _loaded() -> list[tuple[int, ScheduleDay]]:
    return [
        (row.schedule_year, ScheduleDay(row.day, DayKind(row.kind), row.name))
        for row in HolidayScheduleDay.select().order_by(
            HolidayScheduleDay.schedule_year, HolidayScheduleDay.day
        )
    ]


# ---------------------------------------------------------------- what the app shows


@dataclass(frozen=True)
class YearSchedule:
    """Where a year's holidays come from, and who loaded its schedule when."""

    year: int
    source: Source
    days: int = 0  # days in the loaded schedule
    loaded_at: dt.datetime | None = None  # local, aware
    loaded_by: str = ""


def year_schedule(year: int) -> YearSchedule:
    source = working_calendar().source(year)
    if source is not Source.LOADED:
        return YearSchedule(year, source)
    rows = list(
        HolidayScheduleDay.select().where(HolidayScheduleDay.schedule_year == year).limit(1000)
    )
    latest = max(rows, key=lambda r: r.loaded_at)
    return YearSchedule(year, source, len(rows), clock.to_local(latest.loaded_at), latest.loaded_by)


def month(year: int, month_number: int) -> tuple[YearSchedule, list[DayStatus]]:
    """A month's days and where its year's holidays come from."""
    return year_schedule(year), working_calendar().month(year, month_number)


def schedule_notice(today: dt.date | None = None) -> Problem | None:
    """From 1 November, while next year has no State Council schedule (bundled or
    loaded), a notice saying so and how to load it; otherwise None."""
    today = today or clock.today()
    if (today.month, today.day) < NOTICE_FROM:
        return None
    year = today.year + 1
    if working_calendar().covers(year):
        return None
    return Problem(
        "calendar",
        QT_TRANSLATE_NOOP(
            "domain",
            "There is no official holiday schedule for {year} yet: its holidays are computed "
            "by rule and marked provisional, without days in lieu or make-up working days. "
            "When the State Council publishes it, load it in Settings → Working calendar → "
            "Load schedule… (or: wealthdesk calendar import FILE.csv).",
        ),
        {"year": year},
    )


# ---------------------------------------------------------------- loading a schedule


@dataclass(frozen=True)
class DayChange:
    """A day the loaded schedule changes: as it was, and as it will be."""

    before: DayStatus
    after: DayStatus


@dataclass(frozen=True)
class SchedulePreview:
    """What loading a file would do: its schedule (with every wrong line), and the days
    whose status would change. Nothing is stored by a preview."""

    path: Path
    schedule: ParsedSchedule
    changes: tuple[DayChange, ...]
    replaces: int  # days of the year's schedule loaded before (0: none)

    @property
    def ok(self) -> bool:
        return self.schedule.ok


class ScheduleRefused(Exception):
    """A schedule that cannot be loaded: the file's problems, or its wrong lines."""

    def __init__(self, preview: SchedulePreview | None, problem: Problem | None = None):
        self.preview = preview
        self.problem = problem
        super().__init__(problem.render() if problem else "schedule refused")


def preview_schedule(path: Path) -> SchedulePreview:
    """Read the schedule in *path* and say what loading it would change. Raises
    :class:`~wealthdesk.domain.client_csv.CsvFileError` when the file cannot be read
    as text at all."""
    from .client_import import read_csv_file  # the client CSV's reader: not at start-up

    decoded = decode_csv(read_csv_file(path))
    schedule = parse_schedule(decoded.text)
    if decoded.bad_lines:  # lines no encoding reads right: the file loads nothing
        unreadable = tuple(
            ScheduleLine(number, (problem,))
            for number, problem in sorted(decoded.bad_lines.items())
        )
        schedule = replace(
            schedule,
            bad_lines=tuple(sorted(schedule.bad_lines + unreadable, key=lambda b: b.line)),
        )
    if not schedule.ok:
        return SchedulePreview(Path(path), schedule, (), 0)
    return SchedulePreview(Path(path), schedule, *_changes(schedule))


def _changes(schedule: ParsedSchedule) -> tuple[tuple[DayChange, ...], int]:
    year = schedule.year
    assert year is not None
    before = working_calendar()
    kept = [(y, entry) for y, entry in _loaded() if y != year]
    replaces = sum(1 for y, _ in _loaded() if y == year)
    values = branch_settings.load("1")
    after = WorkingCalendar(
        parse_closed_days(str(values.get("closed_days") or "")),
        open_days=parse_closed_days(str(values.get("open_days") or "")),
        loaded=kept + [(year, entry) for entry in schedule.days],
    )
    days = {entry.day for entry in schedule.days}
    day = dt.date(year, 1, 1)
    while day.year == year:
        days.add(day)
        day += dt.timedelta(days=1)
    changes = []
    for day in sorted(days):
        old, new = before.status(day), after.status(day)
        if (old.open, old.label, old.provisional) != (new.open, new.label, new.provisional):
            changes.append(DayChange(old, new))
    return tuple(changes), replaces


def load_schedule(path: Path, actor: str) -> SchedulePreview:
    """Load the schedule in *path*: it replaces the year's schedule loaded before, in
    one transaction, audited. Raises :class:`ScheduleRefused` (nothing stored) when
    any line is wrong. Returns the preview of what it changed."""
    preview = preview_schedule(path)
    if not preview.ok:
        raise ScheduleRefused(preview)
    schedule = preview.schedule
    year = schedule.year
    now = clock.now_utc()
    with database.atomic():
        HolidayScheduleDay.delete().where(HolidayScheduleDay.schedule_year == year).execute()
        HolidayScheduleDay.insert_many(
            [
                {
                    "schedule_year": year,
                    "day": entry.day,
                    "kind": entry.kind.value,
                    "name": entry.name,
                    "loaded_at": now,
                    "loaded_by": actor,
                }
                for entry in schedule.days
            ]
        ).execute()
        holidays = sum(1 for d in schedule.days if d.kind is DayKind.HOLIDAY)
        audit.record(
            AuditAction.CALENDAR_LOADED,
            actor,
            None,
            f"{year}: {holidays} holidays, {len(schedule.days) - holidays} working days, "
            f"{len(preview.changes)} days changed, from {Path(path).name}",
        )
    with _lock:
        _cache.clear()
    return preview


__all__ = [
    "NOTICE_FROM",
    "DayChange",
    "SchedulePreview",
    "ScheduleRefused",
    "YearSchedule",
    "load_schedule",
    "month",
    "preview_schedule",
    "schedule_notice",
    "working_calendar",
    "year_schedule",
]
