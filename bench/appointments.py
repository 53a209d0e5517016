"""Appointment benchmarks: checking a new booking against a manager's whole book."""

from __future__ import annotations

import datetime as dt
import os
import random
import time

from harness import Figure, Goal, Run, benchmark, p95

VALIDATE_GOAL_MS = 2.0
BOOK_SIZE = 10_000  # the size, quick or not: it is cheap to build
CANDIDATES = {False: 3000, True: 1000}
# A manager's busy day: six 30-minute appointments, each on the hour.
DAY_TIMES = ("09:00", "10:00", "11:00", "14:00", "15:00", "16:00")


def _book(now: dt.datetime, calendar) -> list:
    """BOOK_SIZE appointments on the working days from *now* on, sorted by start, as
    the service would pass them (spanning years the holiday data does and does not
    cover)."""
    from wealthdesk.domain.appointment import Slot

    slots, day, ident = [], now.date(), 0
    while len(slots) < BOOK_SIZE:
        if calendar.is_working_day(day):
            for hhmm in DAY_TIMES[: BOOK_SIZE - len(slots)]:
                start = dt.datetime.combine(day, dt.time.fromisoformat(hhmm), now.tzinfo)
                ident += 1
                slots.append(Slot(start, start + dt.timedelta(minutes=30), ident, f"#{ident}"))
        day += dt.timedelta(days=1)
    return slots


def _candidates(count: int, first: dt.datetime, last: dt.datetime, rng: random.Random) -> list:
    """Random starts within office hours (any day, so weekends and holidays too) and
    durations of 15 to 90 minutes: some free, most clashing with the book."""
    days = (last.date() - first.date()).days
    wanted = []
    for _ in range(count):
        day = first.date() + dt.timedelta(days=rng.randrange(days))
        minute = rng.randrange(9 * 60, 16 * 60 + 30, 5)
        start = dt.datetime.combine(day, dt.time(minute // 60, minute % 60), first.tzinfo)
        wanted.append((start, dt.timedelta(minutes=rng.choice((15, 30, 45, 60, 90)))))
    return wanted


@benchmark("appointment_validate")
def appointment_validate(run: Run) -> list[Figure]:
    from wealthdesk.domain.appointment import appointment_problems
    from wealthdesk.domain.calendar import OfficeHours, WorkingCalendar

    zone = dt.timezone(dt.timedelta(hours=8))
    now = dt.datetime(2026, 1, 5, 8, 0, tzinfo=zone)
    from wealthdesk.domain.holidays import DayKind, ScheduleDay

    # Fresh, so each day's first ask is cold; every layer in play: 2026 bundled, 2027 a
    # loaded schedule, later years computed by rule, the branch's closed and open days.
    loaded = [
        (2027, ScheduleDay(dt.date(2027, 2, day), DayKind.HOLIDAY, "春节")) for day in range(5, 12)
    ] + [(2027, ScheduleDay(dt.date(2027, 2, 20), DayKind.WORKDAY, "春节"))]
    calendar = WorkingCalendar(
        {dt.date(2026, 12, 31)}, open_days={dt.date(2028, 3, 5)}, loaded=loaded
    )
    hours = OfficeHours.from_settings({})
    book = _book(now, WorkingCalendar())
    candidates = _candidates(CANDIDATES[run.quick], now, book[-1].start, random.Random(4))
    pairs = [(slot.start, slot.end) for slot in book]

    samples, bare, refused = [], [], 0
    for start, duration in candidates:
        began = time.perf_counter()
        problems = appointment_problems(start, duration, now, calendar, hours, book)
        samples.append((time.perf_counter() - began) * 1000)
        refused += bool(problems)
        # The floor a plain scan would cost: every one of the book's 10,000 slots looked at.
        end = start + duration
        began = time.perf_counter()
        _clashes = [pair for pair in pairs if pair[0] < end and start < pair[1]]
        bare.append((time.perf_counter() - began) * 1000)
    value, floor = p95(samples), p95(bare)
    return [
        Figure(
            "appointment_validate",
            value,
            "ms",
            baseline=floor,
            ratio=value / floor,
            goals=(Goal("value", "<=", VALIDATE_GOAL_MS),),
            note=(
                f"p95 of {len(samples)} candidate bookings (random days and times, 15-90 min; "
                f"{refused} refused) through appointment_problems against {BOOK_SIZE:,} "
                "others sorted by start, the working calendar cold on each day's first ask; "
                f"median {sorted(samples)[len(samples) // 2] * 1000:.0f} µs; baseline: a "
                "plain scan of the 10,000 (start, end) pairs for the same candidate"
            ),
        )
    ]


WEEK_SIZE = 500  # the week: 100 a working day, many side by side
WEEK_GOAL_MS = 50.0
WEEK_REPEATS = {False: 60, True: 20}


def _week(monday: dt.date, rng: random.Random) -> list:
    """WEEK_SIZE appointments over Monday to Friday, starts on the quarter hour, 15 to 90
    minutes, every status, each with a checklist: as the service returns them."""
    from wealthdesk.domain.appointment import AppointmentStatus
    from wealthdesk.domain.queue import Purpose
    from wealthdesk.services.appointments import AppointmentInfo, ItemInfo

    zone = dt.timezone(dt.timedelta(hours=8))
    made = dt.datetime(2026, 1, 1, tzinfo=zone)
    statuses = list(AppointmentStatus)
    rows = []
    for ident in range(1, WEEK_SIZE + 1):
        day = monday + dt.timedelta(days=rng.randrange(5))
        minute = rng.randrange(9 * 60, 16 * 60 + 30, 15)
        start = dt.datetime.combine(day, dt.time(minute // 60, minute % 60), zone)
        items = tuple(
            ItemInfo(ident * 10 + n, n, f"item {n}", rng.random() < 0.5, None) for n in range(4)
        )
        rows.append(
            AppointmentInfo(
                id=ident,
                client_id=ident,
                name="张伟",
                masked_name="张*",
                masked_mobile="138****5678",
                tier=None,
                is_prospect=False,
                manager="王经理",
                desk="1",
                start=start,
                duration_minutes=rng.choice((15, 30, 45, 60, 90)),
                purposes=(Purpose.PURCHASE,),
                products=(),
                topics=(),
                team=(),
                notes="",
                lunch_reason="",
                status=rng.choice(statuses),
                cancelled_by=None,
                cancelled_at=None,
                rescheduled_to_id=None,
                visit_id=None,
                checked_in_at=None,
                reminded_at=None,
                created_at=made,
                updated_at=made,
                row_version=1,
                items=items,
            )
        )
    rows.sort(key=lambda a: (a.start, a.id))
    return rows


@benchmark("agenda_week")
def agenda_week(run: Run) -> list[Figure]:
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from wealthdesk.domain.calendar import OfficeHours
    from wealthdesk.ui.appointments.agenda_model import AgendaDay, AgendaModel
    from wealthdesk.ui.appointments.agenda_view import AgendaGrid
    from wealthdesk.ui.appointments.appointment_model import AppointmentTableModel

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication([])
    monday = dt.date(2026, 11, 30)
    rows = _week(monday, random.Random(7))
    days = [AgendaDay(monday + dt.timedelta(days=n)) for n in range(5)]
    hours = OfficeHours.from_settings({})
    model, table = AgendaModel(), AppointmentTableModel()
    samples, bare = [], []
    for _ in range(WEEK_REPEATS[run.quick]):
        began = time.perf_counter()
        model.show(days, rows, hours)
        samples.append((time.perf_counter() - began) * 1000)
        # The floor: the list view's table model taking the same 500 rows.
        began = time.perf_counter()
        table.set_rows(rows)
        bare.append((time.perf_counter() - began) * 1000)
    # Painting the grid once, for the note: what the manager waits for after the model.
    grid = AgendaGrid(model)
    grid.resize(900, 700)
    grid.fit_to(700)
    image = QImage(grid.size(), QImage.Format.Format_ARGB32)
    began = time.perf_counter()
    grid.render(image)
    painted = (time.perf_counter() - began) * 1000
    del grid, app
    lanes = max(p.lanes for p in model.placed)
    value, floor = p95(samples), p95(bare)
    return [
        Figure(
            "agenda_week",
            value,
            "ms",
            baseline=floor,
            ratio=value / floor,
            goals=(Goal("value", "<=", WEEK_GOAL_MS),),
            note=(
                f"p95 of {len(samples)} builds of the week view's model from {WEEK_SIZE} "
                f"appointments over 5 days ({len(model.placed)} placed, the rest cancelled or "
                f"rescheduled; up to {lanes} side by side), masking and lanes included; "
                f"baseline: the list's table model taking the same rows; painting the "
                f"900x700 grid once took {painted:.1f} ms"
            ),
        )
    ]
