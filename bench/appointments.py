"""Appointment benchmarks: checking a new booking against a manager's whole book."""

from __future__ import annotations

import datetime as dt
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
    calendar = WorkingCalendar({dt.date(2026, 12, 31)})  # fresh: each day's first ask is cold
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
