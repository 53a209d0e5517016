"""Appointments: booking and changing them, their preparation checklists, reminders,
the unresolved worklist, the day's figures, and check-in through the visitor queue.

The rules live in ``domain/appointment.py`` and ``domain/calendar.py``; this module
reads the branch's settings, keeps the rows and wraps each change in one transaction.
Times are stored in UTC and handed out in the clock's zone (local, aware).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

import peewee

from ..db.connection import database
from ..db.models import Appointment, AppointmentItem, Client, PrepTemplate
from ..db.transactions import is_postgres, writing
from ..domain import times
from ..domain.appointment import (
    PREP_TEMPLATES,
    SLOT_STATUSES,
    AppointmentFigures,
    AppointmentStatus,
    AppointmentTimes,
    CancelledBy,
    Slot,
    appointment_figures,
    appointment_problems,
    calendar_notes,
    is_unresolved,
    needs_prep_reminder,
    prep_progress,
    reminder_due,
    status_problem,
)
from ..domain.audit import AuditAction
from ..domain.calendar import OfficeHours, WorkingCalendar
from ..domain.client import TEXT_MAX, Tier
from ..domain.errors import (
    QT_TRANSLATE_NOOP,
    ConflictError,
    DomainError,
    NotFound,
    Problem,
    ValidationError,
)
from ..domain.identity import mobile_problem, normalize_phone
from ..domain.masking import mask_mobile, mask_name
from ..domain.names import NAME_MAX, name_problem
from ..domain.pinyin import name_pinyin
from ..domain.queue import Purpose, VisitKind, purposes_from_text, purposes_text
from ..domain.search import client_search_keys, query_prefixes
from ..domain.settings import parse_date
from . import audit, clients, clock
from . import calendar as calendar_service
from . import queue as visitor_queue
from . import settings as branch_settings
from .appointment_visits import appointment_detail as _detail
from .appointment_visits import visit_finished

# Appointments and the queue share one write discipline (on SQLite the write lock is
# taken at once), because a check-in changes both in one transaction.

S = AppointmentStatus
DEFAULT_DURATION = 30  # minutes, what a form proposes
LABEL_MAX = 200  # characters of one checklist item
SEARCH_LIMIT = 200
_DEFAULT_DESK = "1"  # whose settings to read when a draft names no desk (branch settings)
_MINUTE = dt.timedelta(minutes=1)


# ---------------------------------------------------------------- what goes in and out


@dataclass(frozen=True)
class AppointmentDraft:
    """What the form proposes: a client of the book (*client_id*) or a new prospect
    (*prospect_name* and *prospect_mobile*, both needed), a local start (aware, or naive
    meaning the clock's zone) and what to prepare.

    *items* is the preparation checklist; None takes the purposes' templates
    (:func:`suggested_items`), an empty tuple means no checklist. :func:`update` leaves
    the checklist alone: it changes through :func:`add_item`, :func:`tick_item` and
    :func:`remove_item`.
    """

    start: dt.datetime
    duration_minutes: int = DEFAULT_DURATION
    client_id: int | None = None
    prospect_name: str = ""
    prospect_mobile: str = ""
    purposes: tuple[Purpose, ...] = ()
    products: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    team: tuple[str, ...] = ()
    notes: str = ""
    lunch_reason: str = ""
    manager: str = ""
    desk: str = ""
    items: tuple[str, ...] | None = None


@dataclass(frozen=True)
class ItemInfo:
    """One line of a preparation checklist."""

    id: int
    position: int
    label: str
    done: bool
    done_at: dt.datetime | None


@dataclass(frozen=True)
class AppointmentInfo:
    """One appointment as the panel shows it: times local, the client's mobile masked.

    *calendar_notes* is set only on what :func:`create`, :func:`update` and
    :func:`reschedule` return: remarks that did not refuse the booking ("the holiday
    calendar has no data for 2027…"), for the form to show beside the date.
    """

    id: int
    client_id: int | None
    name: str  # the client's, or the prospect's
    masked_name: str
    masked_mobile: str
    tier: Tier | None
    is_prospect: bool
    manager: str
    desk: str
    start: dt.datetime
    duration_minutes: int
    purposes: tuple[Purpose, ...]
    products: tuple[str, ...]
    topics: tuple[str, ...]
    team: tuple[str, ...]
    notes: str
    lunch_reason: str
    status: AppointmentStatus
    cancelled_by: CancelledBy | None
    cancelled_at: dt.datetime | None
    rescheduled_to_id: int | None
    visit_id: int | None
    checked_in_at: dt.datetime | None
    reminded_at: dt.datetime | None
    created_at: dt.datetime
    updated_at: dt.datetime
    row_version: int
    items: tuple[ItemInfo, ...] = ()
    calendar_notes: tuple[Problem, ...] = ()

    @property
    def end(self) -> dt.datetime:
        return self.start + self.duration_minutes * _MINUTE

    @property
    def items_done(self) -> int:
        return sum(1 for item in self.items if item.done)

    @property
    def items_total(self) -> int:
        return len(self.items)

    @property
    def progress(self) -> float:
        """The share of the checklist ticked, 0.0 to 1.0 (an empty one is ready)."""
        return prep_progress(self.items_done, self.items_total)

    @property
    def prepared(self) -> bool:
        return self.items_done == self.items_total


# ---------------------------------------------------------------- reading

_FIELDS = (
    Appointment.id,
    Appointment.client,
    Appointment.prospect_name,
    Appointment.prospect_mobile,
    Appointment.manager,
    Appointment.desk,
    Appointment.start_at,
    Appointment.duration_minutes,
    Appointment.purposes,
    Appointment.products,
    Appointment.topics,
    Appointment.team,
    Appointment.notes,
    Appointment.lunch_reason,
    Appointment.status,
    Appointment.cancelled_by,
    Appointment.cancelled_at,
    Appointment.rescheduled_to,
    Appointment.visit,
    Appointment.checked_in_at,
    Appointment.reminded_at,
    Appointment.created_at,
    Appointment.updated_at,
    Appointment.row_version,
    Client.name,
    Client.mobile,
    Client.tier,
)


def _select() -> peewee.ModelSelect:
    return Appointment.select(*_FIELDS).join(
        Client, peewee.JOIN.LEFT_OUTER, on=(Appointment.client == Client.id)
    )


def _infos(query: Iterable[tuple]) -> list[AppointmentInfo]:
    """Rows of :data:`_FIELDS` with their checklists, read in one more query."""
    rows = list(query)
    zone = clock.now().tzinfo
    items = _items_of([row[0] for row in rows], zone)
    return [_info(row, zone, items.get(row[0], ())) for row in rows]


def _info(values: tuple, zone: dt.tzinfo | None, items: tuple[ItemInfo, ...]) -> AppointmentInfo:
    (aid, client_id, p_name, p_mobile, manager, desk, start, minutes, purposes, products,
     topics, team, notes, lunch_reason, status, cancelled_by, cancelled_at, moved_to, visit_id,
     checked_in, reminded, created, updated, version, c_name, c_mobile, tier) = values  # fmt: skip
    prospect = client_id is None
    name = (p_name if prospect else c_name) or ""
    return AppointmentInfo(
        id=aid,
        client_id=client_id,
        name=name,
        masked_name=mask_name(name),
        masked_mobile=mask_mobile(p_mobile if prospect else c_mobile),
        tier=Tier(tier) if tier else None,
        is_prospect=prospect,
        manager=manager,
        desk=desk,
        start=times.from_stored(start, zone),
        duration_minutes=minutes,
        purposes=_purposes(purposes),
        products=_lines(products),
        topics=_lines(topics),
        team=_lines(team),
        notes=notes,
        lunch_reason=lunch_reason,
        status=S(status),
        cancelled_by=CancelledBy(cancelled_by) if cancelled_by else None,
        cancelled_at=times.from_stored(cancelled_at, zone),
        rescheduled_to_id=moved_to,
        visit_id=visit_id,
        checked_in_at=times.from_stored(checked_in, zone),
        reminded_at=times.from_stored(reminded, zone),
        created_at=times.from_stored(created, zone),
        updated_at=times.from_stored(updated, zone),
        row_version=version,
        items=items,
    )


def _items_of(ids: Sequence[int], zone: dt.tzinfo | None) -> dict[int, tuple[ItemInfo, ...]]:
    found: dict[int, list[ItemInfo]] = {}
    for start in range(0, len(ids), 500):
        query = (
            AppointmentItem.select(
                AppointmentItem.appointment,
                AppointmentItem.id,
                AppointmentItem.position,
                AppointmentItem.label,
                AppointmentItem.done,
                AppointmentItem.done_at,
            )
            .where(AppointmentItem.appointment.in_(list(ids[start : start + 500])))
            .order_by(AppointmentItem.appointment, AppointmentItem.position, AppointmentItem.id)
            .tuples()
        )
        for aid, iid, position, label, done, done_at in query:
            found.setdefault(aid, []).append(
                ItemInfo(iid, position, label, bool(done), times.from_stored(done_at, zone))
            )
    return {aid: tuple(items) for aid, items in found.items()}


def get(appointment_id: int) -> AppointmentInfo:
    found = _infos(_select().where(Appointment.id == appointment_id).tuples())
    if not found:
        raise _gone()
    return found[0]


def day(date: dt.date, manager: str | None = None) -> list[AppointmentInfo]:
    """The appointments of *date* (every status), by start; one manager's when named."""
    return _between(date, date + dt.timedelta(days=1), manager)


def week(monday: dt.date, manager: str | None = None) -> dict[dt.date, list[AppointmentInfo]]:
    """The seven days from *monday* (any day: the week starts there), each with its
    appointments by start; a day without any has an empty list."""
    days = [monday + dt.timedelta(days=n) for n in range(7)]
    by_day: dict[dt.date, list[AppointmentInfo]] = {d: [] for d in days}
    for info in _between(days[0], days[-1] + dt.timedelta(days=1), manager):
        by_day[info.start.date()].append(info)
    return by_day


def _between(first: dt.date, past: dt.date, manager: str | None) -> list[AppointmentInfo]:
    begin, end = _day_bounds(first, past)
    query = _select().where((Appointment.start_at >= begin) & (Appointment.start_at < end))
    if manager is not None:
        query = query.where(Appointment.manager == manager)
    return _infos(query.order_by(Appointment.start_at, Appointment.id).tuples())


def todays_for_client(client_id: int) -> list[AppointmentInfo]:
    """The client's appointments today (every status), by start: what check-in looks at."""
    begin, end = _day_bounds(clock.today(), clock.today() + dt.timedelta(days=1))
    query = _select().where(
        (Appointment.client == client_id)
        & (Appointment.start_at >= begin)
        & (Appointment.start_at < end)
    )
    return _infos(query.order_by(Appointment.start_at, Appointment.id).tuples())


def search(text: str, limit: int = SEARCH_LIMIT) -> list[AppointmentInfo]:
    """Appointments found by a date (``YYYY-MM-DD``: that day's), or by the client's or
    prospect's name, pinyin, initials or mobile tail (4 digits or more), as the client
    book finds clients; the latest start first."""
    date = parse_date(text)
    if date is not None:
        return day(date)
    prefixes = query_prefixes(text)
    if not prefixes:
        return []
    client_ids = [c.id for c in clients.search_clients(text, limit).rows]
    prospect_ids = _matching_prospects(prefixes)
    if not client_ids and not prospect_ids:
        return []
    query = (
        _select()
        .where(Appointment.client.in_(client_ids) | Appointment.id.in_(prospect_ids))
        .order_by(Appointment.start_at.desc(), Appointment.id.desc())
        .limit(limit)
    )
    return _infos(query.tuples())


def _matching_prospects(prefixes: list[str]) -> list[int]:
    """Prospects are not in the client book's search index; there are few of them, so
    their keys are made here, the same way."""
    found = []
    query = Appointment.select(
        Appointment.id, Appointment.prospect_name, Appointment.prospect_mobile
    ).where(Appointment.client.is_null())
    for aid, name, mobile in query.tuples():
        keys = _prospect_keys(name, mobile)
        if any(key.startswith(prefix) for key in keys for prefix in prefixes):
            found.append(aid)
    return found


@functools.lru_cache(maxsize=1024)
def _prospect_keys(name: str, mobile: str) -> frozenset[str]:
    return frozenset(client_search_keys(name, name_pinyin(name), mobile))


def unresolved(now: dt.datetime | None = None) -> list[AppointmentInfo]:
    """Appointments still booked or confirmed whose slot and the branch's grace time
    (``appointment_grace_minutes``) are over: the manager's worklist, marked no-show,
    cancelled or rescheduled by hand, never silently. Oldest first."""
    now = now or clock.now()
    grace = int(branch_settings.get("appointment_grace_minutes")) * _MINUTE
    query = _select().where(
        Appointment.status.in_(_EXPECTED) & (Appointment.start_at < clock.to_stored(now - grace))
    )
    found = _infos(query.order_by(Appointment.start_at, Appointment.id).tuples())
    return [
        a
        for a in found
        if is_unresolved(a.status, a.start, a.duration_minutes * _MINUTE, now, grace)
    ]


def due_reminders(now: dt.datetime | None = None) -> list[AppointmentInfo]:
    """Appointments to remind the manager of now: the client still expected, the start
    within the branch's ``appointment_reminder_minutes``, not reminded yet. Call
    :func:`mark_reminded` once shown, so each is reminded once."""
    now = now or clock.now()
    minutes = int(branch_settings.get("appointment_reminder_minutes"))
    if minutes <= 0:
        return []
    query = _select().where(
        Appointment.status.in_(_EXPECTED)
        & Appointment.reminded_at.is_null()
        & (Appointment.start_at > clock.to_stored(now))
        & (Appointment.start_at <= clock.to_stored(now + minutes * _MINUTE))
    )
    found = _infos(query.order_by(Appointment.start_at, Appointment.id).tuples())
    return [a for a in found if reminder_due(a.start, minutes, now, a.reminded_at is not None)]


def mark_reminded(appointment_id: int) -> None:
    """The reminder of this appointment was shown; it is not due again (until its time
    changes)."""
    with writing():
        Appointment.update(reminded_at=clock.now_utc()).where(
            Appointment.id == appointment_id
        ).execute()


def needing_preparation(now: dt.datetime | None = None) -> list[AppointmentInfo]:
    """Appointments whose checklist is incomplete and that should be brought up now: on
    their day, and on the working day before, from opening time. Showing them once a day
    is the caller's part."""
    now = now or clock.now()
    values = branch_settings.load(_DEFAULT_DESK)
    calendar = working_calendar(values)
    opens = OfficeHours.from_settings(values).open
    today = now.date()
    upto = calendar.next_working_day(today) + dt.timedelta(days=1)
    begin, end = _day_bounds(today, upto)
    query = _select().where(
        Appointment.status.in_(_EXPECTED)
        & (Appointment.start_at >= begin)
        & (Appointment.start_at < end)
        & (Appointment.start_at > clock.to_stored(now))
    )
    found = _infos(query.order_by(Appointment.start_at, Appointment.id).tuples())
    return [
        a
        for a in found
        if needs_prep_reminder(a.start.date(), now, not a.prepared, opens, calendar)
    ]


def day_figures(date: dt.date, manager: str | None = None) -> AppointmentFigures:
    """The day close's counts of *date*: booked, kept, late, no-show, cancelled,
    rescheduled, still open."""
    begin, end = _day_bounds(date, date + dt.timedelta(days=1))
    query = Appointment.select(
        Appointment.status, Appointment.start_at, Appointment.checked_in_at
    ).where((Appointment.start_at >= begin) & (Appointment.start_at < end))
    if manager is not None:
        query = query.where(Appointment.manager == manager)
    # Both times in UTC: lateness is a difference, the zone does not matter.
    return appointment_figures(
        AppointmentTimes(S(status), start, checked_in)
        for status, start, checked_in in query.tuples()
    )


# ---------------------------------------------------------------- booking


def create(draft: AppointmentDraft, actor: str) -> AppointmentInfo:
    """Book an appointment; refused with every problem at once (nothing written) when
    the client is missing, the prospect's name or mobile is wrong, or the time breaks a
    booking rule (office hours, closed days, lunch without a reason, past, overlap with
    the same manager's appointments)."""
    draft = _clean(draft)
    with writing():
        notes = _check(draft, editing_id=None)
        labels = draft.items if draft.items is not None else suggested_items(draft.purposes)
        now = clock.now_utc()
        row = Appointment.create(**_columns(draft), created_at=now, updated_at=now)
        _insert_items(row.id, labels)
        audit.record(AuditAction.APPOINTMENT_CREATED, actor, draft.client_id, _detail(row.id))
        return replace(get(row.id), calendar_notes=tuple(notes))


def update(
    appointment_id: int, draft: AppointmentDraft, expected_version: int, actor: str
) -> AppointmentInfo:
    """Save the form's changes to a booked or confirmed appointment, validated like
    :func:`create` (its own slot is no conflict; an unchanged time already begun is not
    "past"), unless someone changed it since it was read. A new time is reminded anew.
    The checklist is not touched. A prospect's mobile left empty keeps the stored one:
    the form only ever shows it masked."""
    with writing():
        row = _row(appointment_id)
        _check_version(row, expected_version)
        draft = _clean(_keeping_mobile(draft, row))
        status = S(row.status)
        if not status.is_expected:
            raise DomainError(
                Problem(
                    "status",
                    QT_TRANSLATE_NOOP(
                        "domain",
                        "Only a booked or confirmed appointment can be changed; this one is "
                        "“{status}”.",
                    ),
                    {"status": status.label},
                )
            )
        start_utc = clock.to_stored(draft.start)
        same_time = start_utc == row.start_at and draft.duration_minutes == row.duration_minutes
        notes = _check(draft, editing_id=appointment_id, keep_time=same_time)
        after = _columns(draft)
        changed = sorted(k for k, v in after.items() if getattr(row, _attr(k)) != v)
        if not changed:
            return replace(get(appointment_id), calendar_notes=tuple(notes))
        extra = {} if same_time else {"reminded_at": None}
        _write(row, **after, **extra)
        # Which fields changed, never their values: the log must not hold a prospect's data.
        audit.record(
            AuditAction.APPOINTMENT_UPDATED,
            actor,
            draft.client_id,
            f"{_detail(appointment_id)} {','.join(changed)}",
        )
        return replace(get(appointment_id), calendar_notes=tuple(notes))


def check_problems(draft: AppointmentDraft, editing_id: int | None = None) -> list[Problem]:
    """What :func:`create` (or :func:`update` of *editing_id*) would refuse, without
    writing: for a form that checks as the manager types."""
    try:
        if editing_id is not None:
            draft = _keeping_mobile(draft, _row(editing_id))
        _check(_clean(draft), editing_id, lock=False)
    except (ValidationError, NotFound) as refused:
        return refused.problems
    return []


def _keeping_mobile(draft: AppointmentDraft, row: Appointment) -> AppointmentDraft:
    """*draft* with the prospect's stored mobile when the form left it empty."""
    if draft.client_id is None and not draft.prospect_mobile.strip() and row.prospect_mobile:
        return replace(draft, prospect_mobile=row.prospect_mobile)
    return draft


def _check(
    draft: AppointmentDraft, editing_id: int | None, keep_time: bool = False, lock: bool = True
) -> list[Problem]:
    """Raise with every problem of *draft*; return the calendar's notes otherwise. With
    *lock* (inside a write), another desk booking for the same manager waits."""
    values = branch_settings.load(draft.desk or _DEFAULT_DESK)
    calendar = working_calendar(values)
    hours = OfficeHours.from_settings(values)
    start = clock.local(draft.start)
    now = clock.now()
    if keep_time:
        now = min(now, start)  # an appointment under way is not in the past for an edit
    problems = _party_problems(draft) + _text_problems(draft)
    problems += appointment_problems(
        start,
        draft.duration_minutes * _MINUTE,
        now,
        calendar,
        hours,
        _slots(draft.manager, start, lock),
        draft.lunch_reason,
        editing_id,
    )
    if problems:
        raise ValidationError(problems)
    if draft.client_id is not None:
        clients.require_in_book(draft.client_id)
    return calendar_notes(start, calendar)


def _slots(manager: str, start: dt.datetime, lock: bool = False) -> list[Slot]:
    """The manager's appointments holding a slot on the day of *start*, by start: one
    query through the start's index (no appointment runs past midnight)."""
    if lock and is_postgres():
        # SQLite's write transaction is taken at once (IMMEDIATE) and serialises this.
        # Two desks booking for one manager at once: the second waits for the first.
        database.execute_sql("SELECT pg_advisory_xact_lock(7143002, hashtext(%s))", (manager,))
    zone = start.tzinfo
    begin, end = _day_bounds(start.date(), start.date() + dt.timedelta(days=1), zone)
    query = (
        Appointment.select(
            Appointment.id,
            Appointment.start_at,
            Appointment.duration_minutes,
            Client.name,
            Appointment.prospect_name,
        )
        .join(Client, peewee.JOIN.LEFT_OUTER, on=(Appointment.client == Client.id))
        .where(
            (Appointment.start_at >= begin)
            & (Appointment.start_at < end)
            & (Appointment.manager == manager)
            & Appointment.status.in_(_HOLDING)
        )
        .order_by(Appointment.start_at)
        .tuples()
    )
    slots = []
    for aid, start_at, minutes, client_name, prospect in query:
        begins = times.from_stored(start_at, zone)
        slots.append(Slot(begins, begins + minutes * _MINUTE, aid, client_name or prospect))
    return slots


def _party_problems(draft: AppointmentDraft) -> list[Problem]:
    if draft.client_id is not None:
        return []
    problems = []
    name_wrong = name_problem(draft.prospect_name, "prospect_name")
    if name_wrong:
        problems.append(name_wrong)
    if not draft.prospect_mobile:
        problems.append(
            Problem(
                "prospect_mobile",
                QT_TRANSLATE_NOOP("domain", "A new prospect's mobile number is required."),
            )
        )
    elif wrong := mobile_problem(draft.prospect_mobile, "prospect_mobile"):
        problems.append(wrong)
    return problems


def _text_problems(draft: AppointmentDraft) -> list[Problem]:
    problems = []
    if len(draft.manager) > NAME_MAX:
        problems.append(
            Problem(
                "manager",
                QT_TRANSLATE_NOOP("domain", "The name is longer than {max} characters."),
                {"max": NAME_MAX},
            )
        )
    for field in ("notes", "lunch_reason"):
        if len(getattr(draft, field)) > TEXT_MAX:
            problems.append(_too_long(field, TEXT_MAX))
    for field in ("products", "topics", "team"):
        if len("\n".join(getattr(draft, field))) > TEXT_MAX:
            problems.append(_too_long(field, TEXT_MAX))
    for label in draft.items or ():
        if len(label) > LABEL_MAX:
            problems.append(_too_long("items", LABEL_MAX))
            break
    return problems


def _too_long(field: str, limit: int) -> Problem:
    return Problem(
        field,
        QT_TRANSLATE_NOOP("domain", "This text is longer than {max} characters."),
        {"max": limit},
    )


def _clean(draft: AppointmentDraft) -> AppointmentDraft:
    """Spaces trimmed, lists without empty entries, a prospect's fields dropped for a
    client of the book."""

    def entries(values: Iterable[str]) -> tuple[str, ...]:
        return tuple(v for v in (" ".join(str(x).split()) for x in values) if v)

    prospect = draft.client_id is None
    return replace(
        draft,
        prospect_name=" ".join(draft.prospect_name.split()) if prospect else "",
        prospect_mobile=normalize_phone(draft.prospect_mobile) if prospect else "",
        purposes=tuple(Purpose(p) for p in draft.purposes),
        products=entries(draft.products),
        topics=entries(draft.topics),
        team=entries(draft.team),
        notes=draft.notes.strip(),
        lunch_reason=draft.lunch_reason.strip(),
        manager=" ".join(draft.manager.split()),
        desk=draft.desk.strip(),
        items=None if draft.items is None else entries(draft.items),
    )


def _columns(draft: AppointmentDraft) -> dict[str, object]:
    return {
        "client": draft.client_id,
        "prospect_name": draft.prospect_name,
        "prospect_mobile": draft.prospect_mobile,
        "manager": draft.manager,
        "desk": draft.desk,
        "start_at": clock.to_stored(draft.start),
        "duration_minutes": draft.duration_minutes,
        "purposes": purposes_text(draft.purposes),
        "products": "\n".join(draft.products),
        "topics": "\n".join(draft.topics),
        "team": "\n".join(draft.team),
        "notes": draft.notes,
        "lunch_reason": draft.lunch_reason,
    }


def _attr(column: str) -> str:
    return "client_id" if column == "client" else column


# ---------------------------------------------------------------- what became of it


def confirm(
    appointment_id: int, actor: str, expected_version: int | None = None
) -> AppointmentInfo:
    """The client confirmed they are coming."""
    return _change(appointment_id, S.CONFIRMED, actor, expected_version)


def cancel(
    appointment_id: int, by: CancelledBy, actor: str, expected_version: int | None = None
) -> AppointmentInfo:
    """Cancelled by the client or the bank; when is kept. Its slot is free again."""
    by = CancelledBy(by)
    return _change(
        appointment_id,
        S.CANCELLED,
        actor,
        expected_version,
        {"cancelled_by": by.value, "cancelled_at": clock.now_utc()},
        detail=by.value,
    )


def mark_no_show(
    appointment_id: int, actor: str, expected_version: int | None = None
) -> AppointmentInfo:
    """The client did not come (the manager's decision, from the unresolved worklist)."""
    return _change(appointment_id, S.NO_SHOW, actor, expected_version)


def reschedule(
    appointment_id: int,
    new_start: dt.datetime,
    new_duration_minutes: int,
    actor: str,
    expected_version: int | None = None,
    lunch_reason: str | None = None,
) -> AppointmentInfo:
    """Book the same appointment at another time and mark this one rescheduled, linked
    to the new one; the checklist comes along with its ticks. The new time is validated
    like :func:`create` (the old slot is no conflict). Returns the new appointment.
    *lunch_reason* None keeps the old reason."""
    with writing():
        row = _row(appointment_id)
        _check_version(row, expected_version)
        problem = status_problem(S(row.status), S.RESCHEDULED)
        if problem is not None:
            raise DomainError(problem)
        old = get(appointment_id)
        draft = _clean(
            AppointmentDraft(
                start=new_start,
                duration_minutes=new_duration_minutes,
                client_id=old.client_id,
                prospect_name=row.prospect_name,
                prospect_mobile=row.prospect_mobile,
                purposes=old.purposes,
                products=old.products,
                topics=old.topics,
                team=old.team,
                notes=old.notes,
                lunch_reason=old.lunch_reason if lunch_reason is None else lunch_reason,
                manager=old.manager,
                desk=old.desk,
            )
        )
        notes = _check(draft, editing_id=appointment_id)
        now = clock.now_utc()
        new = Appointment.create(**_columns(draft), created_at=now, updated_at=now)
        rows = [
            (new.id, i.position, i.label, i.done, clock.to_stored(i.done_at)) for i in old.items
        ]
        if rows:
            AppointmentItem.insert_many(
                rows,
                fields=[
                    AppointmentItem.appointment,
                    AppointmentItem.position,
                    AppointmentItem.label,
                    AppointmentItem.done,
                    AppointmentItem.done_at,
                ],
            ).execute()
        _write(row, status=S.RESCHEDULED.value, rescheduled_to=new.id)
        audit.record(
            AuditAction.APPOINTMENT_RESCHEDULED,
            actor,
            old.client_id,
            f"{_detail(appointment_id)} -> {new.id}",
        )
        return replace(get(new.id), calendar_notes=tuple(notes))


def _change(
    appointment_id: int,
    wanted: AppointmentStatus,
    actor: str,
    expected_version: int | None,
    changes: dict | None = None,
    detail: str = "",
) -> AppointmentInfo:
    """Move an appointment to *wanted* if the rules allow it and nobody changed it since
    the caller saw it (*expected_version*); else change nothing."""
    with writing():
        row = _row(appointment_id)
        _check_version(row, expected_version)
        problem = status_problem(S(row.status), wanted)
        if problem is not None:
            raise DomainError(problem)
        _write(row, status=wanted.value, **(changes or {}))
        audit.record(
            _ACTIONS[wanted], actor, row.client_id, f"{_detail(appointment_id)} {detail}".strip()
        )
        return get(appointment_id)


_ACTIONS = {
    S.CONFIRMED: AuditAction.APPOINTMENT_CONFIRMED,
    S.CANCELLED: AuditAction.APPOINTMENT_CANCELLED,
    S.NO_SHOW: AuditAction.APPOINTMENT_NO_SHOW,
    S.COMPLETED: AuditAction.APPOINTMENT_COMPLETED,
}


# ---------------------------------------------------------------- the queue


def check_in(
    appointment_id: int, actor: str, expected_version: int | None = None
) -> visitor_queue.VisitInfo:
    """The client of today's appointment is here: check them in as an appointment
    (ahead of walk-ins in the queue), link the visit and mark the appointment checked
    in, all in one transaction. A prospect without a client record comes in as an
    anonymous visitor with the prospect's name and mobile."""
    with writing():
        row = _row(appointment_id)
        _check_version(row, expected_version)
        problem = status_problem(S(row.status), S.CHECKED_IN)
        if problem is not None:
            raise DomainError(problem)
        on = clock.to_local(row.start_at).date()
        if on != clock.today():
            raise DomainError(
                Problem(
                    "start",
                    QT_TRANSLATE_NOOP(
                        "domain",
                        "This appointment is on {date}; only today's appointments are checked in.",
                    ),
                    {"date": on.isoformat()},
                )
            )
        prospect = row.client_id is None
        visit = visitor_queue.check_in(
            visitor_queue.CheckIn(
                kind=VisitKind.APPOINTMENT,
                client_id=row.client_id,
                walk_in_name=row.prospect_name if prospect else "",
                walk_in_phone=row.prospect_mobile if prospect else "",
                purposes=_purposes(row.purposes),
            ),
            actor,
        )
        _write(row, status=S.CHECKED_IN.value, visit=visit.id, checked_in_at=clock.now_utc())
        audit.record(
            AuditAction.APPOINTMENT_CHECKED_IN,
            actor,
            row.client_id,
            f"{_detail(appointment_id)} {visit.ticket}",
        )
        return visit


def reveal_mobile(appointment_id: int, actor: str) -> str:
    """The full mobile to call about the appointment, written to the audit log before it
    is returned: a client's through :func:`clients.reveal_identifier` (the client form's
    Show), a prospect's as the same action naming the appointment."""
    row = _row(appointment_id)
    if row.client_id is not None:
        return clients.reveal_identifier(row.client_id, "mobile", actor)
    with database.atomic():
        audit.record(AuditAction.REVEAL_MOBILE, actor, None, _detail(appointment_id))
    return row.prospect_mobile or ""


# ---------------------------------------------------------------- the checklist


def suggested_items(
    purposes: Iterable[Purpose], translate: Callable[[str, str], str] | None = None
) -> tuple[str, ...]:
    """The checklist a new appointment with *purposes* starts with: for each purpose the
    branch's own items (:func:`save_prep_template`) or, when it has none, the domain's
    defaults; each item once. The defaults are English source texts; with *translate*
    (the UI's ``translate("domain", text)``) they come in the user's language, which is
    what the form should store. Without it (the command line, the demo) the English
    text is stored."""
    stored = _stored_templates()
    items: dict[str, None] = {}
    for purpose in purposes:
        purpose = Purpose(purpose)
        own = stored.get(purpose)
        if own:
            items.update(dict.fromkeys(own))
        else:
            defaults = PREP_TEMPLATES.get(purpose, ())
            items.update(
                dict.fromkeys(translate("domain", t) if translate else t for t in defaults)
            )
    return tuple(items)


def prep_template(purpose: Purpose) -> tuple[str, ...]:
    """The branch's own checklist items for *purpose*; empty when it uses the defaults."""
    return _stored_templates().get(Purpose(purpose), ())


def save_prep_template(purpose: Purpose, labels: Sequence[str], actor: str) -> tuple[str, ...]:
    """Replace the branch's items for *purpose*; an empty list goes back to the defaults."""
    purpose = Purpose(purpose)
    clean = tuple(dict.fromkeys(v for v in (" ".join(x.split()) for x in labels) if v))
    if any(len(label) > LABEL_MAX for label in clean):
        raise ValidationError(_too_long("items", LABEL_MAX))
    with writing():
        PrepTemplate.delete().where(PrepTemplate.purpose == purpose.value).execute()
        if clean:
            PrepTemplate.insert_many(
                [(purpose.value, n, label) for n, label in enumerate(clean, start=1)],
                fields=[PrepTemplate.purpose, PrepTemplate.position, PrepTemplate.label],
            ).execute()
        audit.record(AuditAction.SETTINGS_CHANGED, actor, None, f"prep_template:{purpose.value}")
    return clean


def _stored_templates() -> dict[Purpose, tuple[str, ...]]:
    found: dict[Purpose, list[str]] = {}
    query = PrepTemplate.select(PrepTemplate.purpose, PrepTemplate.label).order_by(
        PrepTemplate.purpose, PrepTemplate.position, PrepTemplate.id
    )
    for purpose, label in query.tuples():
        try:
            found.setdefault(Purpose(purpose), []).append(label)
        except ValueError:
            continue  # a purpose a later release knows
    return {p: tuple(v) for p, v in found.items()}


def add_item(appointment_id: int, label: str) -> AppointmentInfo:
    """Add an item at the end of the checklist."""
    label = " ".join((label or "").split())
    if not label:
        raise ValidationError(Problem("items", QT_TRANSLATE_NOOP("domain", "Say what to prepare.")))
    if len(label) > LABEL_MAX:
        raise ValidationError(_too_long("items", LABEL_MAX))
    with writing():
        _row(appointment_id)
        last = (
            AppointmentItem.select(peewee.fn.MAX(AppointmentItem.position))
            .where(AppointmentItem.appointment == appointment_id)
            .scalar()
        )
        _insert_items(appointment_id, [label], first=(last or 0) + 1)
        return get(appointment_id)


def tick_item(item_id: int, done: bool = True) -> AppointmentInfo:
    """Tick (or untick) a checklist item; when it was ticked is kept."""
    with writing():
        item = _item(item_id)
        if bool(item.done) != done:
            AppointmentItem.update(done=done, done_at=clock.now_utc() if done else None).where(
                AppointmentItem.id == item_id
            ).execute()
        return get(item.appointment_id)


def remove_item(item_id: int) -> AppointmentInfo:
    with writing():
        item = _item(item_id)
        AppointmentItem.delete().where(AppointmentItem.id == item_id).execute()
        return get(item.appointment_id)


def _insert_items(appointment_id: int, labels: Sequence[str], first: int = 1) -> None:
    if labels:
        AppointmentItem.insert_many(
            [(appointment_id, n, label) for n, label in enumerate(labels, start=first)],
            fields=[AppointmentItem.appointment, AppointmentItem.position, AppointmentItem.label],
        ).execute()


def _item(item_id: int) -> AppointmentItem:
    item = AppointmentItem.get_or_none(AppointmentItem.id == item_id)
    if item is None:
        raise NotFound(
            Problem("items", QT_TRANSLATE_NOOP("domain", "This checklist item no longer exists."))
        )
    return item


# ---------------------------------------------------------------- helpers

_EXPECTED = [S.BOOKED.value, S.CONFIRMED.value]
_HOLDING = [s.value for s in S if s in SLOT_STATUSES]


def working_calendar(values: dict[str, object] | None = None) -> WorkingCalendar:
    """The branch's working days (``services/calendar.py``, the one calendar): for
    booking, reminders, date navigation and the demo."""
    return calendar_service.working_calendar(values)


def _row(appointment_id: int) -> Appointment:
    row = Appointment.get_or_none(Appointment.id == appointment_id)
    if row is None:
        raise _gone()
    return row


def _check_version(row: Appointment, expected_version: int | None) -> None:
    if expected_version is not None and row.row_version != expected_version:
        raise _changed_elsewhere()


def _write(row: Appointment, **changes) -> None:
    """Change *row* unless someone changed it since it was read."""
    written = (
        Appointment.update(
            **changes, updated_at=clock.now_utc(), row_version=Appointment.row_version + 1
        )
        .where((Appointment.id == row.id) & (Appointment.row_version == row.row_version))
        .execute()
    )
    if written != 1:
        raise _changed_elsewhere()


def _day_bounds(
    first: dt.date, past: dt.date, zone: dt.tzinfo | None = None
) -> tuple[dt.datetime, dt.datetime]:
    """From midnight of *first* to midnight of *past*, local days, as stored (UTC)."""
    return times.stored_days(first, past, zone or clock.zone())


@functools.lru_cache(maxsize=256)
def _purposes(text: str | None) -> tuple[Purpose, ...]:
    return purposes_from_text(text)


def _lines(text: str | None) -> tuple[str, ...]:
    return tuple(line for line in (text or "").split("\n") if line)


def _gone() -> NotFound:
    return NotFound(
        Problem("appointment", QT_TRANSLATE_NOOP("domain", "This appointment no longer exists."))
    )


def _changed_elsewhere() -> ConflictError:
    return ConflictError(
        Problem(
            "appointment",
            QT_TRANSLATE_NOOP(
                "domain",
                "Someone else changed this appointment a moment ago; nothing was changed. "
                "Look at it again.",
            ),
        )
    )


__all__ = [
    "AppointmentDraft",
    "AppointmentInfo",
    "ItemInfo",
    "add_item",
    "cancel",
    "check_in",
    "check_problems",
    "confirm",
    "create",
    "day",
    "day_figures",
    "due_reminders",
    "get",
    "mark_no_show",
    "mark_reminded",
    "needing_preparation",
    "prep_template",
    "remove_item",
    "reschedule",
    "reveal_mobile",
    "save_prep_template",
    "search",
    "suggested_items",
    "tick_item",
    "todays_for_client",
    "unresolved",
    "update",
    "visit_finished",
    "week",
    "working_calendar",
]
