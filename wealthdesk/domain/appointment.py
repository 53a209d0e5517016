"""Appointments as the rules see them: statuses and their transitions, the preparation
checklist, when a time may be booked, reminders, the unresolved worklist and the day's
figures.

Times: every datetime given to one call is local wall-clock time of the branch, either
all timezone-aware (what ``services.clock.now()`` gives, the services' choice) or all
naive; mixing them raises ``TypeError`` like any comparison of the two. Office hours are
compared with the wall-clock time of the start, so an aware datetime must be in the
branch's own zone, not UTC.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import attrgetter

from .calendar import OfficeHours, WorkingCalendar
from .client import Labeled
from .errors import QT_TRANSLATE_NOOP, Phrase, Problem
from .queue import Purpose

MIN_DURATION = dt.timedelta(minutes=5)
MAX_DURATION = dt.timedelta(minutes=240)
# After the end of an appointment nobody checked in for, until it is unresolved.
DEFAULT_GRACE = dt.timedelta(minutes=30)
# A client who checks in more than this after the start counts as late on the day close.
LATE_AFTER = dt.timedelta(minutes=10)


class AppointmentStatus(Labeled):
    BOOKED = "booked"
    CONFIRMED = "confirmed"
    CHECKED_IN = "checked_in"
    COMPLETED = "completed"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"
    RESCHEDULED = "rescheduled"

    @classmethod
    def _labels(cls):
        return {
            "booked": QT_TRANSLATE_NOOP("domain", "Booked"),
            "confirmed": QT_TRANSLATE_NOOP("domain", "Confirmed"),
            "checked_in": QT_TRANSLATE_NOOP("domain", "Checked in"),
            "completed": QT_TRANSLATE_NOOP("domain", "Completed"),
            "no_show": QT_TRANSLATE_NOOP("domain", "No-show"),
            "cancelled": QT_TRANSLATE_NOOP("domain", "Cancelled"),
            "rescheduled": QT_TRANSLATE_NOOP("domain", "Rescheduled"),
        }

    @classmethod
    def _aliases(cls):
        return {
            "booked": ("已预约", "预约"),
            "confirmed": ("已确认", "确认"),
            "checked_in": ("已到店", "到店", "已签到"),
            "completed": ("已完成", "完成"),
            "no_show": ("未到", "爽约"),
            "cancelled": ("已取消", "取消"),
            "rescheduled": ("已改期", "改期"),
        }

    @property
    def is_closed(self) -> bool:
        """Nothing more happens to an appointment in this status."""
        return self in CLOSED_STATUSES

    @property
    def is_expected(self) -> bool:
        """The client is still expected: booked or confirmed, not yet here."""
        return self in EXPECTED_STATUSES

    @property
    def holds_slot(self) -> bool:
        """The appointment takes its time in the manager's day (others may not overlap
        it); a cancelled, rescheduled or missed one frees it."""
        return self in SLOT_STATUSES


S = AppointmentStatus
CLOSED_STATUSES = frozenset({S.COMPLETED, S.NO_SHOW, S.CANCELLED, S.RESCHEDULED})
EXPECTED_STATUSES = frozenset({S.BOOKED, S.CONFIRMED})
SLOT_STATUSES = frozenset({S.BOOKED, S.CONFIRMED, S.CHECKED_IN, S.COMPLETED})
KEPT_STATUSES = frozenset({S.CHECKED_IN, S.COMPLETED})


class CancelledBy(Labeled):
    CLIENT = "client"
    BANK = "bank"

    @classmethod
    def _labels(cls):
        return {
            "client": QT_TRANSLATE_NOOP("domain", "The client"),
            "bank": QT_TRANSLATE_NOOP("domain", "The bank"),
        }

    @classmethod
    def _aliases(cls):
        return {"client": ("客户", "客户取消"), "bank": ("银行", "行方", "银行取消")}


# Which status may follow which. A client not yet here may still be marked a no-show,
# cancelled or rescheduled; one who has arrived is served (completed).
STATUS_TRANSITIONS: dict[AppointmentStatus, frozenset[AppointmentStatus]] = {
    S.BOOKED: frozenset({S.CONFIRMED, S.CHECKED_IN, S.CANCELLED, S.RESCHEDULED, S.NO_SHOW}),
    S.CONFIRMED: frozenset({S.CHECKED_IN, S.CANCELLED, S.RESCHEDULED, S.NO_SHOW}),
    S.CHECKED_IN: frozenset({S.COMPLETED}),
    S.COMPLETED: frozenset(),
    S.NO_SHOW: frozenset(),
    S.CANCELLED: frozenset(),
    S.RESCHEDULED: frozenset(),
}

_ILLEGAL_CHANGE = QT_TRANSLATE_NOOP(
    "domain", "An appointment that is “{current}” cannot become “{wanted}”; it was left as it was."
)
_CLOSED_CHANGE = QT_TRANSLATE_NOOP(
    "domain", "This appointment is closed (“{current}”) and cannot become “{wanted}”."
)


def can_change_status(current: AppointmentStatus, wanted: AppointmentStatus) -> bool:
    return wanted in STATUS_TRANSITIONS[current]


def status_problem(current: AppointmentStatus, wanted: AppointmentStatus) -> Problem | None:
    """Why an appointment in *current* cannot become *wanted*, or None when it may
    (field ``status``)."""
    if can_change_status(current, wanted):
        return None
    template = _CLOSED_CHANGE if current.is_closed else _ILLEGAL_CHANGE
    params = {"current": Phrase(current.label), "wanted": Phrase(wanted.label)}
    return Problem("status", template, params)


# ---------------------------------------------------------------- preparation

# What to have ready for each purpose. English texts marked for translation (context
# ``domain``): translate them when the checklist is made, so the stored items read like
# the ones the manager types.
PREP_TEMPLATES: dict[Purpose, tuple[str, ...]] = {
    Purpose.PURCHASE: (
        QT_TRANSLATE_NOOP("domain", "Product brochure"),
        QT_TRANSLATE_NOOP("domain", "Risk disclosure statement"),
        QT_TRANSLATE_NOOP("domain", "Product contract forms"),
        QT_TRANSLATE_NOOP("domain", "Audio-video recording room booked"),
    ),
    Purpose.RISK_ASSESSMENT: (
        QT_TRANSLATE_NOOP("domain", "Risk questionnaire (blank)"),
        QT_TRANSLATE_NOOP("domain", "Previous risk assessment"),
    ),
    Purpose.CONSULTATION: (
        QT_TRANSLATE_NOOP("domain", "Portfolio statement"),
        QT_TRANSLATE_NOOP("domain", "Market outlook"),
    ),
    Purpose.REDEMPTION: (
        QT_TRANSLATE_NOOP("domain", "Holdings statement"),
        QT_TRANSLATE_NOOP("domain", "Redemption form"),
    ),
    Purpose.ACCOUNT_SERVICE: (
        QT_TRANSLATE_NOOP("domain", "Account opening forms"),
        QT_TRANSLATE_NOOP("domain", "ID documents checklist"),
    ),
    Purpose.COMPLAINT: (
        QT_TRANSLATE_NOOP("domain", "Complaint register form"),
        QT_TRANSLATE_NOOP("domain", "Notes of earlier contacts"),
    ),
    Purpose.OTHER: (),
}


def default_checklist(purposes: Iterable[Purpose]) -> list[str]:
    """The template items of *purposes*, in the order given, each item once."""
    items: dict[str, None] = {}
    for purpose in purposes:
        items.update(dict.fromkeys(PREP_TEMPLATES.get(Purpose(purpose), ())))
    return list(items)


def prep_progress(done: int, total: int) -> float:
    """The share of the checklist ticked, 0.0 to 1.0; an empty checklist is ready."""
    if total <= 0:
        return 1.0
    return min(max(done, 0), total) / total


# ---------------------------------------------------------------- booking a time


@dataclass(frozen=True)
class Slot:
    """Time the manager's day already gives to an appointment. *label* names it in a
    conflict message (the client's name, the purpose); the message adds its time."""

    start: dt.datetime
    end: dt.datetime
    appointment_id: int | None
    label: str


_slot_start = attrgetter("start")


def sorted_slots(slots: Iterable[Slot]) -> list[Slot]:
    """*slots* in the order :func:`appointment_problems` needs them: by start."""
    return sorted(slots, key=_slot_start)


def conflicts(
    start: dt.datetime,
    end: dt.datetime,
    others: Sequence[Slot],
    editing_id: int | None = None,
    longest: dt.timedelta = MAX_DURATION,
) -> list[Slot]:
    """The slots of *others* that overlap *start*–*end*, in start order; back to back
    (one ends when the other starts) is no overlap. The slot of the appointment being
    edited (*editing_id*) is skipped.

    *others* must be sorted by start (:func:`sorted_slots`); none may last longer than
    *longest* (the booking rule's maximum unless told otherwise). Two binary searches
    find the few slots that can overlap, so 10,000 others cost next to nothing.
    """
    first = bisect.bisect_right(others, start - longest, key=_slot_start)
    past = bisect.bisect_left(others, end, key=_slot_start)  # the first to start at or after end
    return [
        other
        for other in others[first:past]
        if other.end > start and (editing_id is None or other.appointment_id != editing_id)
    ]


def _hm(moment: dt.datetime | dt.time) -> str:
    return moment.strftime("%H:%M")


_MINUTE = dt.timedelta(minutes=1)


def _to_minute(moment: dt.datetime) -> dt.datetime:
    return moment.replace(second=0, microsecond=0)


_DURATION = QT_TRANSLATE_NOOP("domain", "An appointment lasts from {min} to {max} minutes.")
_PAST = QT_TRANSLATE_NOOP("domain", "{when} has already passed.")
_CLOSED_DAY = QT_TRANSLATE_NOOP("domain", "{date} is not a working day: {reason}.")
_TOO_EARLY = QT_TRANSLATE_NOOP("domain", "The branch opens at {open}; {start} is too early.")
_TOO_LATE = QT_TRANSLATE_NOOP("domain", "The branch closes at {close}; {start} is too late.")
_ENDS_TOO_LATE = QT_TRANSLATE_NOOP(
    "domain", "The branch closes at {close}; this appointment would end at {end}."
)
_LUNCH = QT_TRANSLATE_NOOP(
    "domain",
    "{start}–{end} falls in the lunch break ({lunch_start}–{lunch_end}); give a reason to book it.",
)
_OVERLAP = QT_TRANSLATE_NOOP("domain", "This time overlaps {other} ({other_start}–{other_end}).")
_OVERLAPS = QT_TRANSLATE_NOOP(
    "domain", "This time overlaps {other} ({other_start}–{other_end}) and {more} more."
)


def appointment_problems(
    start: dt.datetime,
    duration: dt.timedelta,
    now: dt.datetime,
    calendar: WorkingCalendar,
    hours: OfficeHours,
    others: Sequence[Slot],
    lunch_reason: str = "",
    editing_id: int | None = None,
) -> list[Problem]:
    """Everything wrong with booking *start* for *duration*; empty when it may be booked.

    - ``duration``: 5 to 240 minutes;
    - ``start``: not in the past (compared to the minute, so the current minute may be
      booked); on a working day (the message says why the day is closed); from opening
      time; not at or after closing time;
    - ``duration``: ending by closing time (when the start itself is in hours);
    - ``lunch_reason``: not touching the lunch break unless a reason is given;
    - ``start``: no overlap with *others* except the slot of *editing_id*; the message
      names the first conflicting appointment and its time, and how many more there are.

    *others* are the manager's appointments that hold their slot
    (:attr:`AppointmentStatus.holds_slot`), **sorted by start**; see :func:`conflicts`.
    A bad duration skips the checks that need the end. Whether the holiday data covers
    the year is a note, not a problem: :func:`calendar_notes`.
    """
    problems: list[Problem] = []
    duration_ok = MIN_DURATION <= duration <= MAX_DURATION
    if not duration_ok:
        problems.append(
            Problem(
                "duration",
                _DURATION,
                {"min": MIN_DURATION // _MINUTE, "max": MAX_DURATION // _MINUTE},
            )
        )
    if _to_minute(start) < _to_minute(now):
        problems.append(Problem("start", _PAST, {"when": start.strftime("%Y-%m-%d %H:%M")}))
    reason = calendar.closed_reason(start.date())
    if reason is not None:
        problems.append(
            Problem("start", _CLOSED_DAY, {"date": start.date().isoformat(), "reason": reason})
        )
    begins = start.time()
    if begins < hours.open:
        problems.append(
            Problem("start", _TOO_EARLY, {"open": _hm(hours.open), "start": _hm(begins)})
        )
    elif begins >= hours.close:
        problems.append(
            Problem("start", _TOO_LATE, {"close": _hm(hours.close), "start": _hm(begins)})
        )
        return problems  # the rest is about a time the branch is closed anyway
    if not duration_ok:
        return problems
    end = start + duration
    # An appointment past midnight ends after closing time whatever the clock says.
    ends = end.time() if end.date() == start.date() else dt.time.max
    if ends > hours.close:
        problems.append(
            Problem("duration", _ENDS_TOO_LATE, {"close": _hm(hours.close), "end": _hm(end)})
        )
    if hours.overlaps_lunch(begins, ends) and not lunch_reason.strip():
        problems.append(
            Problem(
                "lunch_reason",
                _LUNCH,
                {
                    "start": _hm(start),
                    "end": _hm(end),
                    "lunch_start": _hm(hours.lunch_start),
                    "lunch_end": _hm(hours.lunch_end),
                },
            )
        )
    clashes = conflicts(start, end, others, editing_id)
    if clashes:
        first = clashes[0]
        params: dict[str, object] = {
            "other": first.label,
            "other_start": _hm(first.start),
            "other_end": _hm(first.end),
        }
        if len(clashes) > 1:
            params["more"] = len(clashes) - 1
        problems.append(Problem("start", _OVERLAPS if len(clashes) > 1 else _OVERLAP, params))
    return problems


def calendar_notes(start: dt.datetime | dt.date, calendar: WorkingCalendar) -> list[Problem]:
    """Notes to show beside a booking that do not refuse it: for a year the holiday data
    does not cover, that only weekends and the branch's closed days are known."""
    note = calendar.coverage_note(start.year, "start")
    return [note] if note else []


# ---------------------------------------------------------------- after the time


def unresolved_from(
    start: dt.datetime, duration: dt.timedelta, grace: dt.timedelta = DEFAULT_GRACE
) -> dt.datetime:
    """When an appointment nobody checked in for becomes unresolved: its slot, then the
    grace time, has passed (the issue's "the slot plus a grace time")."""
    return start + duration + grace


def is_unresolved(
    status: AppointmentStatus,
    start: dt.datetime,
    duration: dt.timedelta,
    now: dt.datetime,
    grace: dt.timedelta = DEFAULT_GRACE,
) -> bool:
    """Whether the appointment belongs on the unresolved worklist: the client is still
    expected (booked or confirmed) and the end of the slot plus *grace* is past. Never
    marked a no-show by itself: the manager decides (no-show, cancelled, rescheduled)."""
    return status.is_expected and now > unresolved_from(start, duration, grace)


def is_late(
    start: dt.datetime, checked_in_at: dt.datetime | None, late_after: dt.timedelta = LATE_AFTER
) -> bool:
    """Whether a client who checked in at *checked_in_at* came late: more than
    *late_after* (10 minutes) after the start. Not checked in is not late (it is open,
    a no-show, cancelled…). Both times in the same zone."""
    return checked_in_at is not None and checked_in_at > start + late_after


@dataclass(frozen=True)
class AppointmentTimes:
    """What the day's figures need of one appointment; times in one zone."""

    status: AppointmentStatus
    start: dt.datetime
    checked_in_at: dt.datetime | None = None


@dataclass(frozen=True)
class AppointmentFigures:
    booked: int  # every appointment of the day, whatever became of it
    kept: int  # checked in or completed
    late: int  # kept, but checked in more than LATE_AFTER after the start
    no_show: int
    cancelled: int
    rescheduled: int
    open: int  # still booked or confirmed: expected, or waiting on the manager to resolve


def appointment_figures(
    appointments: Iterable[AppointmentTimes], late_after: dt.timedelta = LATE_AFTER
) -> AppointmentFigures:
    """The day close's counts for the appointments of one day."""
    rows = list(appointments)

    def count(*statuses: AppointmentStatus) -> int:
        return sum(1 for a in rows if a.status in statuses)

    return AppointmentFigures(
        booked=len(rows),
        kept=count(*KEPT_STATUSES),
        late=sum(
            1
            for a in rows
            if a.status in KEPT_STATUSES and is_late(a.start, a.checked_in_at, late_after)
        ),
        no_show=count(S.NO_SHOW),
        cancelled=count(S.CANCELLED),
        rescheduled=count(S.RESCHEDULED),
        open=count(*EXPECTED_STATUSES),
    )


# ---------------------------------------------------------------- reminders


def reminder_due(
    start: dt.datetime, minutes_before: int, now: dt.datetime, already_sent: bool
) -> bool:
    """Whether to remind the manager of an appointment now: from *minutes_before* the
    start until the start, once. 0 minutes means no reminders. The caller asks only
    about appointments whose client is still expected."""
    if already_sent or minutes_before <= 0:
        return False
    return start - dt.timedelta(minutes=minutes_before) <= now < start


def needs_prep_reminder(
    day: dt.date,
    now: dt.datetime,
    incomplete: bool,
    opens: dt.time,
    calendar: WorkingCalendar | None = None,
) -> bool:
    """Whether an appointment on *day* whose checklist is *incomplete* should be
    brought up now: from opening time on the working day before (the previous working
    day by *calendar*, else the calendar day before) and from opening time on the day
    itself. Showing it once per day is the caller's part."""
    if not incomplete:
        return False
    today = now.date()
    if today == day:
        return now.time() >= opens
    before = calendar.previous_working_day(day) if calendar else day - dt.timedelta(days=1)
    return today == before and now.time() >= opens
