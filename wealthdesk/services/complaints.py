"""The complaints register: registering a complaint (from the queue, the lobby or the
client screen), changing who handles it, resolving it with the client's answer, and
the lists the Today page and the day close read. Every step is audited; every list
shows the client masked."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee

from ..db.connection import database
from ..db.models import Client, Complaint, Visit
from ..domain.audit import AuditAction
from ..domain.complaints import (
    ComplaintCategory,
    ComplaintChannel,
    ComplaintDraft,
    ComplaintStatus,
    Urgency,
    choice_problems,
    deadline,
    draft_problems,
    handler_problems,
    resolution_problems,
    tidy_contact,
    urgency,
    what_problems,
)
from ..domain.errors import QT_TRANSLATE_NOOP, ConflictError, NotFound, Problem, ValidationError
from ..domain.masking import mask_mobile, mask_name
from ..domain.times import stored_date
from . import audit, clients, clock
from . import calendar as calendar_service
from . import settings as branch_settings

LIST_LIMIT = 500


@dataclass(frozen=True)
class ComplaintInfo:
    """A complaint as the register shows it. ``masked_name`` and ``masked_phone`` are
    what lists and documents print; ``name`` (the client's or the visitor's) only the
    complaint's own form shows, and ``what``/``resolution`` only there too."""

    id: int
    received_on: dt.date
    received_at: dt.datetime  # local
    client_id: int | None
    name: str
    masked_name: str
    masked_phone: str
    visit_id: int | None
    channel: ComplaintChannel
    category: ComplaintCategory
    what: str
    handler: str
    deadline: dt.date
    status: ComplaintStatus
    resolution: str
    resolved_at: dt.datetime | None  # local
    accepted: bool | None
    desk: str
    row_version: int
    urgency: Urgency

    @property
    def days_left(self) -> int:
        """Days to the deadline from today (negative: overdue by so many)."""
        return (self.deadline - clock.today()).days


# ---------------------------------------------------------------- the clock


def deadline_for(received: dt.date, values: dict[str, object] | None = None) -> dt.date:
    """The answer's deadline for a complaint received on *received*, by the branch's
    settings: ``complaint_deadline_days`` (15) calendar days, or working days of the
    one working calendar when ``complaint_working_days`` is on."""
    if values is None:
        values = branch_settings.load("1")
    days = int(values["complaint_deadline_days"])
    if not values.get("complaint_working_days"):
        return deadline(received, days)
    return deadline(received, days, True, calendar_service.working_calendar(values))


# ---------------------------------------------------------------- changing


def register(draft: ComplaintDraft, actor: str, desk: str = "") -> ComplaintInfo:
    """Put a complaint in the register, its deadline counted from today; audited."""
    problems = draft_problems(draft)
    if problems:
        raise ValidationError(problems)
    name, phone = tidy_contact(draft)
    now = clock.now()
    received = now.date()
    values = branch_settings.load(desk or "1")
    with database.atomic():
        if draft.client_id is not None:
            clients.require_in_book(draft.client_id)
        visit_id = draft.visit_id
        if visit_id is not None and not Visit.select().where(Visit.id == visit_id).exists():
            visit_id = None  # the visit went (erased): the complaint stands without it
        row = Complaint.create(
            received_on=received,
            received_at=clock.now_utc(),
            client=draft.client_id,
            contact_name=name,
            contact_phone=phone,
            visit=visit_id,
            channel=ComplaintChannel(draft.channel).value,
            category=ComplaintCategory(draft.category).value,
            what=draft.what.strip(),
            handler=" ".join(draft.handler.split()),
            deadline=deadline_for(received, values),
            status=ComplaintStatus.OPEN.value,
            desk=desk,
        )
        audit.record(
            AuditAction.COMPLAINT_REGISTERED,
            actor,
            draft.client_id,
            f"complaint {row.id} {row.category} due {row.deadline}",
        )
    return get(row.id)


def update(
    complaint_id: int,
    actor: str,
    handler: str,
    what: str,
    category: ComplaintCategory | str,
    expected_version: int | None = None,
) -> ComplaintInfo:
    """Change who handles the complaint, what it says or its category; audited."""
    problems = handler_problems(handler) + what_problems(what)
    problems += choice_problems(ComplaintChannel.PHONE, category)
    if problems:
        raise ValidationError(problems)
    return _change(
        complaint_id,
        actor,
        expected_version,
        AuditAction.COMPLAINT_UPDATED,
        {
            "handler": " ".join(handler.split()),
            "what": what.strip(),
            "category": ComplaintCategory(category).value,
        },
        "",
    )


def resolve(
    complaint_id: int,
    actor: str,
    resolution: str,
    accepted: bool | None,
    expected_version: int | None = None,
) -> ComplaintInfo:
    """Close the complaint with its resolution and whether the client accepted it
    (None: not known yet); audited with the answer, never the text."""
    problems = resolution_problems(resolution)
    if problems:
        raise ValidationError(problems)
    answer = {True: "accepted", False: "not accepted", None: "answer unknown"}[accepted]
    return _change(
        complaint_id,
        actor,
        expected_version,
        AuditAction.COMPLAINT_RESOLVED,
        {
            "status": ComplaintStatus.RESOLVED.value,
            "resolution": resolution.strip(),
            "resolved_at": clock.now_utc(),
            "accepted": accepted,
        },
        answer,
    )


def reopen(complaint_id: int, actor: str, expected_version: int | None = None) -> ComplaintInfo:
    """The client came back: the complaint is handled again, against its deadline."""
    return _change(
        complaint_id,
        actor,
        expected_version,
        AuditAction.COMPLAINT_REOPENED,
        {"status": ComplaintStatus.OPEN.value, "resolved_at": None},
        "",
    )


def _change(
    complaint_id: int,
    actor: str,
    expected_version: int | None,
    action: AuditAction,
    changes: dict,
    detail: str,
) -> ComplaintInfo:
    with database.atomic():
        row = Complaint.get_or_none(Complaint.id == complaint_id)
        if row is None:
            raise _gone()
        if expected_version is not None and row.row_version != expected_version:
            raise _changed_elsewhere()
        wanted = changes.get("status")
        if wanted == ComplaintStatus.RESOLVED.value and row.status == wanted:
            raise ConflictError(
                Problem(
                    "status",
                    QT_TRANSLATE_NOOP("domain", "This complaint is resolved already."),
                )
            )
        if wanted == ComplaintStatus.OPEN.value and row.status == wanted:
            raise ConflictError(
                Problem("status", QT_TRANSLATE_NOOP("domain", "This complaint is being handled."))
            )
        changed = (
            Complaint.update(row_version=Complaint.row_version + 1, **changes)
            .where((Complaint.id == complaint_id) & (Complaint.row_version == row.row_version))
            .execute()
        )
        if changed != 1:
            raise _changed_elsewhere()
        audit.record(action, actor, row.client_id, f"complaint {complaint_id} {detail}".strip())
    return get(complaint_id)


# ---------------------------------------------------------------- reading

_FIELDS = (
    Complaint.id,
    Complaint.received_on,
    Complaint.received_at,
    Complaint.client,
    Complaint.contact_name,
    Complaint.contact_phone,
    Complaint.visit,
    Complaint.channel,
    Complaint.category,
    Complaint.what,
    Complaint.handler,
    Complaint.deadline,
    Complaint.status,
    Complaint.resolution,
    Complaint.resolved_at,
    Complaint.accepted,
    Complaint.desk,
    Complaint.row_version,
    Client.name,
    Client.mobile,
)


def _select() -> peewee.ModelSelect:
    return Complaint.select(*_FIELDS).join(
        Client, peewee.JOIN.LEFT_OUTER, on=(Complaint.client == Client.id)
    )


def _info(values: tuple, today: dt.date) -> ComplaintInfo:
    (cid, received_on, received_at, client_id, contact_name, contact_phone, visit_id,
     channel, category, what, handler, due, status, resolution, resolved_at, accepted,
     desk, version, client_name, client_mobile) = values  # fmt: skip
    name = (client_name or "") if client_id is not None else contact_name
    phone = client_mobile if client_id is not None else contact_phone
    due = stored_date(due)
    status = ComplaintStatus(status)
    return ComplaintInfo(
        id=cid,
        received_on=stored_date(received_on),
        received_at=clock.to_local(received_at),
        client_id=client_id,
        name=name,
        masked_name=mask_name(name),
        masked_phone=mask_mobile(phone),
        visit_id=visit_id,
        channel=ComplaintChannel(channel),
        category=ComplaintCategory(category),
        what=what,
        handler=handler,
        deadline=due,
        status=status,
        resolution=resolution,
        resolved_at=clock.to_local(resolved_at) if resolved_at else None,
        accepted=None if accepted is None else bool(accepted),
        desk=desk,
        row_version=version,
        urgency=urgency(due, today, status is ComplaintStatus.RESOLVED),
    )


def _rows(query: peewee.ModelSelect) -> list[ComplaintInfo]:
    today = clock.today()
    return [_info(values, today) for values in query.tuples()]


def get(complaint_id: int) -> ComplaintInfo:
    found = _rows(_select().where(Complaint.id == complaint_id))
    if not found:
        raise _gone()
    return found[0]


def register_list(open_only: bool = False, limit: int = LIST_LIMIT) -> list[ComplaintInfo]:
    """The register: open complaints by deadline (the most urgent first), then the
    resolved ones, newest first."""
    query = _select()
    if open_only:
        query = query.where(Complaint.status == ComplaintStatus.OPEN.value)
    resolved_last = peewee.Case(None, [(Complaint.status == ComplaintStatus.OPEN.value, 0)], 1)
    query = query.order_by(
        resolved_last,
        peewee.Case(None, [(Complaint.status == ComplaintStatus.OPEN.value, Complaint.deadline)]),
        Complaint.received_at.desc(),
        Complaint.id.desc(),
    ).limit(limit)
    return _rows(query)


def client_complaints(client_id: int) -> list[ComplaintInfo]:
    """A client's complaints, newest first."""
    return _rows(
        _select()
        .where(Complaint.client == client_id)
        .order_by(Complaint.received_at.desc(), Complaint.id.desc())
    )


def needing_attention(day: dt.date | None = None) -> list[ComplaintInfo]:
    """Open complaints overdue or due within a few days of *day*, the most urgent first:
    what the Today page lists."""
    day = day or clock.today()
    from ..domain.complaints import DUE_SOON_DAYS

    query = (
        _select()
        .where(
            (Complaint.status == ComplaintStatus.OPEN.value)
            & (Complaint.deadline <= day + dt.timedelta(days=DUE_SOON_DAYS))
        )
        .order_by(Complaint.deadline, Complaint.id)
        .limit(LIST_LIMIT)
    )
    today = day
    return [_info(values, today) for values in query.tuples()]


@dataclass(frozen=True)
class DayComplaints:
    """The day close's complaints: received that day, resolved that day, and open past
    their deadline at the day's end."""

    new: tuple[ComplaintInfo, ...]
    resolved: tuple[ComplaintInfo, ...]
    overdue: tuple[ComplaintInfo, ...]

    @property
    def empty(self) -> bool:
        return not (self.new or self.resolved or self.overdue)


def day_complaints(day: dt.date) -> DayComplaints:
    start, end = clock.stored_days(day)
    new = (
        _select().where(Complaint.received_on == day).order_by(Complaint.received_at, Complaint.id)
    )
    resolved = (
        _select()
        .where(Complaint.resolved_at.between(start, end - dt.timedelta(microseconds=1)))
        .order_by(Complaint.resolved_at, Complaint.id)
    )
    overdue = (
        _select()
        .where(
            (Complaint.status == ComplaintStatus.OPEN.value)
            & (Complaint.deadline < day)
            & (Complaint.received_on <= day)
        )
        .order_by(Complaint.deadline, Complaint.id)
        .limit(LIST_LIMIT)
    )
    return DayComplaints(
        new=tuple(_info(v, day) for v in new.tuples()),
        resolved=tuple(_info(v, day) for v in resolved.tuples()),
        overdue=tuple(_info(v, day) for v in overdue.tuples()),
    )


# ---------------------------------------------------------------- helpers


def _gone() -> NotFound:
    return NotFound(
        Problem("complaint", QT_TRANSLATE_NOOP("domain", "This complaint no longer exists."))
    )


def _changed_elsewhere() -> ConflictError:
    return ConflictError(
        Problem(
            "complaint",
            QT_TRANSLATE_NOOP(
                "domain",
                "Someone else changed this complaint a moment ago; nothing was changed. "
                "Open it again.",
            ),
        )
    )


__all__ = [
    "ComplaintInfo",
    "DayComplaints",
    "client_complaints",
    "day_complaints",
    "deadline_for",
    "get",
    "needing_attention",
    "register",
    "register_list",
    "reopen",
    "resolve",
    "update",
]
