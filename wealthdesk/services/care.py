"""Client care: the day's care list (made once a task from the book: birthdays,
maturities, expiring assessments, follow-ups, long silences, event invitations),
calls and their outcomes, events, colleague support, the day's time on client work
against the target, and the care figures of the day close.

The rules live in ``domain/care.py``; this module asks the database for the few
candidates of each rule through its indexes, turns them into tasks once (the task's
unique *source* makes a second run add nothing) and wraps each change in one
transaction. Times are stored in UTC and handed out in the clock's zone.
"""

from __future__ import annotations

import datetime as dt
import functools
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import peewee
from peewee import JOIN, SQL, fn

from ..db.connection import database
from ..db.migrations import BIRTH_MONTH_DAY_PG, BIRTH_MONTH_DAY_SQLITE
from ..db.models import (
    CareCall,
    CareEvent,
    CareTask,
    Client,
    ColleagueSupport,
    FinancialPlan,
    Holding,
    Product,
    RiskAssessment,
    ServicePart,
    Visit,
)
from ..db.transactions import is_postgres, writing
from ..domain.audit import AuditAction
from ..domain.care import (
    BIRTHDAY_DAYS_AHEAD,
    CONTACT_OUTCOMES,
    NEVER,
    NO_CONTACT_PER_DAY,
    PLAN_REVIEW_DAYS_AHEAD,
    RISK_EXPIRED_DAYS,
    RISK_EXPIRY_DAYS,
    CallOutcome,
    CareKind,
    CareReason,
    CareTaskStatus,
    ClientWorkTime,
    SupportKind,
    age_on,
    birthday_due,
    birthday_month_days,
    call_problems,
    care_reason,
    client_work_total,
    event_problems,
    follow_up_due_date,
    list_order,
    no_contact_days,
    shown_until,
    support_problems,
    tiers_from,
    yuan,
)
from ..domain.client import Tier
from ..domain.errors import (
    QT_TRANSLATE_NOOP,
    ConflictError,
    NotFound,
    Phrase,
    Problem,
    ValidationError,
)
from ..domain.masking import mask_name
from ..domain.queue import ServiceOutcome, VisitState, VisitTimes, service_time_of
from . import audit, clients, clock
from . import calendar as calendar_service
from . import settings as branch_settings

OPEN = CareTaskStatus.OPEN.value
DONE = CareTaskStatus.DONE.value
CANCELLED = CareTaskStatus.CANCELLED.value
FOLLOW_UP_LOOKBACK_DAYS = 30  # a finished visit older than this makes no follow-up any more
EXPIRING_LIMIT = 200
CARE_LIST_LIMIT = 500  # more than a day's calls; the counts by kind say how many in all
_INSERT_CHUNK = 500


# ---------------------------------------------------------------- what goes out


@dataclass(frozen=True)
class CareItem:
    """One line of the care list: the client masked, never the full name."""

    task_id: int
    client_id: int | None
    masked_name: str
    tier: Tier | None
    kind: CareKind
    due: dt.date
    overdue: bool
    detail: object  # what the task stored: the product and amount, the level, the age…
    attempts: int  # calls without an answer so far
    event_id: int | None = None

    @property
    def reason(self) -> CareReason:
        """The detail column's text, to render in the user's language."""
        return care_reason(self.kind, self.due, self.detail, self.overdue)


@dataclass(frozen=True)
class CallInfo:
    id: int
    task_id: int | None
    client_id: int | None
    outcome: CallOutcome
    called_at: dt.datetime
    duration_minutes: int
    info_sent: bool
    call_back_at: dt.datetime | None
    notes: str
    next_task_id: int | None = None  # the call-back task this call made


@dataclass(frozen=True)
class EventInfo:
    id: int
    name: str
    event_date: dt.date
    min_tier: Tier
    place: str
    notes: str
    invited: int  # invitation tasks made
    invitations_open: int


@dataclass(frozen=True)
class SupportInfo:
    id: int
    supported_at: dt.datetime
    colleague: str
    kind: SupportKind
    duration_minutes: int
    sale_followed: bool
    notes: str


@dataclass(frozen=True)
class ExpiringAssessment:
    """A client's latest risk assessment, expiring soon or lately expired."""

    client_id: int
    masked_name: str
    tier: Tier | None
    level: int
    valid_until: dt.date
    expired: bool


@dataclass(frozen=True)
class CareFigures:
    """What the day close says about care (calls and support of *desk* when one is
    named, tasks of the whole book)."""

    day: dt.date
    tasks_planned: int  # on the day's list: still open, or done that day
    tasks_done: int
    calls: int
    calls_by_outcome: dict[CallOutcome, int]
    call_minutes: int
    info_sent: int
    invitations_done: int
    support_count: int
    support_minutes: int
    support_sales: int  # support after which a sale followed
    open_for_tomorrow: int


# ---------------------------------------------------------------- the care list


def care_list(
    day: dt.date | None = None,
    manager: str | None = None,
    kind: CareKind | None = None,
    limit: int = CARE_LIST_LIMIT,
) -> list[CareItem]:
    """The open tasks of *day* (today by default), overdue first, then by kind and due
    date: the first *limit* of them, of one *kind* when given (:func:`care_counts` says
    how many there are). Before reading, the day's tasks are made from the book in one
    transaction, each once. *manager* narrows it to that manager's clients and the
    unassigned ones; None or "" is the whole book (a branch with one desk)."""
    day = day or clock.today()
    settings = branch_settings.load("1")
    maturity_days = int(settings["care_maturity_days"])
    generate(day, manager, maturity_days, int(settings["care_no_contact_days"]))
    return open_items(day, manager, maturity_days, kind, limit)


def care_counts(day: dt.date | None = None, manager: str | None = None) -> dict[CareKind, int]:
    """How many open tasks of each kind *day*'s list holds (as :func:`care_list` made
    them; this makes none)."""
    day = day or clock.today()
    maturity_days = int(branch_settings.load("1")["care_maturity_days"])
    query = (
        _shown(day, manager, maturity_days)
        .select(CareTask.kind, fn.COUNT(CareTask.id))
        .group_by(CareTask.kind)
    )
    counts = dict(_rows(query))
    return {kind: counts.get(kind.value, 0) for kind in CareKind}


def generate(day: dt.date, manager: str | None, maturity_days: int, silence_days: int) -> int:
    """Make *day*'s tasks that are not there yet; returns how many were made.

    Each rule's query leaves out what already has its task (a probe of the task's unique
    source, or of the client's tasks), so a refresh reads few rows and writes none."""
    now = clock.now_utc()
    with writing():
        # An invitation to an event that is over is no call any more.
        CareTask.update(status=CANCELLED).where(
            (CareTask.status == OPEN)
            & (CareTask.kind == CareKind.INVITATION.value)
            & (CareTask.due_date < day)
        ).execute()
        rows = [
            *_birthday_rows(day, manager),
            *_maturity_rows(day, manager, maturity_days),
            *_risk_rows(day, manager),
            *_plan_review_rows(day, manager),
            *_follow_up_rows(day, manager),
            *_no_contact_rows(day, manager, silence_days),
        ]
        made = _insert(rows, now)
        made += _invite_all(day, manager, now)
    return made


def _shown(day: dt.date, manager: str | None, maturity_days: int) -> peewee.ModelSelect:
    """The open tasks *day*'s list shows: due within their kind's window (the
    care_task_due index)."""
    closed_until = _closed_until(day)
    until = {kind: shown_until(kind, day, maturity_days, closed_until) for kind in CareKind}
    window = peewee.Case(CareTask.kind, [(k.value, until[k]) for k in CareKind], day)
    query = CareTask.select(CareTask.id).where(
        (CareTask.status == OPEN)
        & (CareTask.due_date <= max(until.values()))
        & (CareTask.due_date <= window)
    )
    if manager:
        query = query.join(Client, JOIN.LEFT_OUTER, on=(CareTask.client == Client.id))
        query = _for_manager(query, manager, nullable=True)
    return query


def _listed_on(day: dt.date, maturity_days: int, start, end) -> int:
    """How many tasks *day*'s list showed (for a past day; *start*/*end* its UTC bounds)."""
    closed_until = _closed_until(day)
    until = {kind: shown_until(kind, day, maturity_days, closed_until) for kind in CareKind}
    window = peewee.Case(CareTask.kind, [(k.value, until[k]) for k in CareKind], day)
    return (
        CareTask.select(CareTask.id)
        .where(
            (CareTask.due_date <= max(until.values()))
            & (CareTask.due_date <= window)
            & (CareTask.created_at < end)
            & (CareTask.done_at.is_null() | (CareTask.done_at >= start))
            & ((CareTask.status == OPEN) | (CareTask.status == DONE))
        )
        .count()
    )


def _closed_until(day: dt.date) -> dt.date:
    """The last day the branch stays closed after *day* (*day* itself when it opens
    the next day), from the one working calendar."""
    try:
        return calendar_service.working_calendar().next_working_day(day) - dt.timedelta(days=1)
    except ValueError:  # no working day within a year: nothing to look ahead to
        return day


def open_items(
    day: dt.date,
    manager: str | None,
    maturity_days: int,
    kind: CareKind | None = None,
    limit: int = CARE_LIST_LIMIT,
) -> list[CareItem]:
    """The first *limit* open tasks shown on *day*, as the list orders them: chosen and
    ordered in the database, so a big book's thousands cost no Python objects."""
    overdue = CareTask.due_date < day
    rank = peewee.Case(CareTask.kind, [(k.value, k.rank) for k in CareKind], len(CareKind))
    chosen = _shown(day, manager, maturity_days)
    if kind is not None:
        chosen = chosen.where(CareTask.kind == CareKind(kind).value)
    chosen = chosen.order_by(
        peewee.Case(None, [(overdue, 0)], 1),
        peewee.Case(None, [(overdue, CareTask.due_date)], None),
        rank,
        CareTask.due_date,
        CareTask.id,
    ).limit(limit)
    ids = [task_id for (task_id,) in _rows(chosen)]
    if not ids:
        return []
    query = (
        CareTask.select(
            CareTask.id,
            CareTask.client,
            Client.name,
            Client.tier,
            CareTask.kind,
            CareTask.due_date,
            CareTask.title,
            CareTask.event,
        )
        .join(Client, JOIN.LEFT_OUTER, on=(CareTask.client == Client.id))
        .where(CareTask.id.in_(ids))
    )
    attempts = dict(
        _rows(
            CareCall.select(CareCall.task, fn.COUNT(CareCall.id))
            .where(CareCall.task.in_(ids) & (CareCall.outcome == CallOutcome.NO_ANSWER.value))
            .group_by(CareCall.task)
        )
    )
    kinds = {k.value: k for k in CareKind}
    tiers = {tier.value: tier for tier in Tier}
    items = []
    for task_id, client_id, name, tier, code, due, title, event_id in _rows(query):
        kind_ = kinds[code]
        due = _date(due)
        detail: object = title
        if kind_ is CareKind.NO_CONTACT and not title:
            detail = Phrase(NEVER)
        items.append(
            CareItem(
                task_id=task_id,
                client_id=client_id,
                masked_name=_masked(name),
                tier=tiers.get(tier),
                kind=kind_,
                due=due,
                overdue=due < day,
                detail=detail,
                attempts=attempts.get(task_id, 0),
                event_id=event_id,
            )
        )
    items.sort(key=lambda i: list_order(i.kind, i.due, day, i.task_id))
    return items


def _without_task(source: peewee.Node) -> peewee.Node:
    """No task with this source yet (a probe of the unique index)."""
    return ~fn.EXISTS(CareTask.select(CareTask.id).where(CareTask.source == source))


def _source(prefix: str, column: peewee.Field) -> peewee.Node:
    """``'maturity:' || id`` in SQL, as :func:`_task` writes it in Python."""
    return peewee.Value(prefix).concat(peewee.Cast(column, "VARCHAR"))


def _birthday_rows(day: dt.date, manager: str | None) -> list[dict]:
    """Clients whose birthday is today or in the coming week, without its task yet. The
    month and day of the stored date are compared with the window's few ``MM-DD``
    through the index on that very expression (schema 8; SQLite keeps dates as ISO
    text, PostgreSQL's month * 100 + day is immutable, as an index needs)."""
    month_days = birthday_month_days(day)
    if is_postgres():
        month_day = SQL(BIRTH_MONTH_DAY_PG)
        month_days = [int(md[:2]) * 100 + int(md[3:]) for md in month_days]
    else:
        month_day = SQL(BIRTH_MONTH_DAY_SQLITE)
    greeted = CareTask.select(CareTask.id).where(
        (CareTask.client == Client.id)
        & (CareTask.kind == CareKind.BIRTHDAY.value)
        & (CareTask.due_date >= day)
    )
    query = Client.select(Client.id, Client.birth_date).where(
        Client.birth_date.is_null(False) & month_day.in_(month_days) & ~fn.EXISTS(greeted)
    )
    rows = []
    for client_id, birth in _rows(_for_manager(query, manager)):
        birth = _date(birth)
        due = birthday_due(birth, day, BIRTHDAY_DAYS_AHEAD)
        if due is not None:
            rows.append(
                _task(
                    client_id,
                    CareKind.BIRTHDAY,
                    due,
                    f"birthday:{client_id}:{due.year}",
                    str(age_on(birth, due)),
                )
            )
    return rows


def _maturity_rows(day: dt.date, manager: str | None, days: int) -> list[dict]:
    """Open holdings maturing from *day* to *days* days on (the holding_maturity index)."""
    query = (
        Holding.select(
            Holding.id, Holding.client, Holding.maturity_date, Holding.amount_fen, Product.name
        )
        .join(Product, on=(Holding.product == Product.id))
        .where(
            Holding.maturity_date.between(day, day + dt.timedelta(days=days))
            & Holding.closed_on.is_null()
            & _without_task(_source("maturity:", Holding.id))
        )
    )
    if manager:
        query = query.join(Client, on=(Holding.client == Client.id), src=Holding)
    return [
        _task(
            client_id,
            CareKind.MATURITY,
            _date(due),
            f"maturity:{holding_id}",
            f"{product} {yuan(amount)}",
        )
        for holding_id, client_id, due, amount, product in _rows(_for_manager(query, manager))
    ]


def _newer_assessment() -> peewee.ModelSelect:
    """A later assessment of the same client (the latest is the one without)."""
    later = RiskAssessment.alias()
    return later.select(later.id).where(
        (later.client == RiskAssessment.client)
        & (
            (later.valid_until > RiskAssessment.valid_until)
            | ((later.valid_until == RiskAssessment.valid_until) & (later.id > RiskAssessment.id))
        )
    )


def _in_risk_window(day: dt.date) -> peewee.Expression:
    """Expiring within 30 days of *day*, or expired within the 30 before it."""
    return RiskAssessment.valid_until.between(
        day - dt.timedelta(days=RISK_EXPIRED_DAYS), day + dt.timedelta(days=RISK_EXPIRY_DAYS)
    )


def _latest_expiring(day: dt.date, manager: str | None) -> peewee.ModelSelect:
    """Each client's latest assessment when it expires within 30 days or expired within
    the last 30 (the risk_assessment_valid index, then one probe per hit)."""
    newer = _newer_assessment()
    query = (
        RiskAssessment.select(
            RiskAssessment.id,
            RiskAssessment.client,
            RiskAssessment.valid_until,
            RiskAssessment.level,
            Client.name,
            Client.tier,
        )
        .join(Client, on=(RiskAssessment.client == Client.id))
        .where(_in_risk_window(day) & ~fn.EXISTS(newer) & Client.in_book())
    )
    return _for_manager(query, manager)


def _risk_rows(day: dt.date, manager: str | None) -> list[dict]:
    """Latest assessments in the window without their task yet (the cheap probe of the
    task's source first, then whether a later assessment exists)."""
    newer = _newer_assessment()
    query = (
        RiskAssessment.select(
            RiskAssessment.id,
            RiskAssessment.client,
            RiskAssessment.valid_until,
            RiskAssessment.level,
        )
        .join(Client, on=(RiskAssessment.client == Client.id))
        .where(
            _in_risk_window(day)
            & _without_task(_source("risk_expiry:", RiskAssessment.id))
            & ~fn.EXISTS(newer)
            & Client.in_book()
        )
    )
    return [
        _task(
            client_id,
            CareKind.RISK_EXPIRY,
            _date(valid_until),
            f"risk_expiry:{assessment_id}",
            f"C{level}",
        )
        for assessment_id, client_id, valid_until, level in _rows(_for_manager(query, manager))
    ]


def _plan_review_rows(day: dt.date, manager: str | None) -> list[dict]:
    """Each client's latest financial plan due for review within two weeks: a year after
    it was made, or when the client was assessed at another level since
    (``domain/plan.py``). Plans are few beside clients: read whole, checked in Python."""
    later = FinancialPlan.alias()
    newer = later.select(later.id).where(
        (later.client == FinancialPlan.client)
        & (
            (later.made_at > FinancialPlan.made_at)
            | ((later.made_at == FinancialPlan.made_at) & (later.id > FinancialPlan.id))
        )
    )
    query = (
        FinancialPlan.select(
            FinancialPlan.id, FinancialPlan.client, FinancialPlan.made_at, FinancialPlan.level
        )
        .join(Client, on=(FinancialPlan.client == Client.id))
        .where(~fn.EXISTS(newer) & Client.in_book())
    )
    plans = _rows(_for_manager(query, manager))
    if not plans:
        return []
    # The plans' and assessments' modules only when there are plans (not at start-up).
    from ..domain.plan import plan_review
    from . import risk as risk_service

    assessed = risk_service.latest_for_clients(client_id for _p, client_id, _m, _l in plans)
    rows = []
    for plan_id, client_id, made_at, level in plans:
        made_on = clock.to_local(_stamp(made_at)).date()
        latest = assessed.get(client_id)
        due, changed = plan_review(
            made_on,
            level,
            int(latest.level) if latest else None,
            latest.assessed_on if latest else None,
        )
        if due > day + dt.timedelta(days=PLAN_REVIEW_DAYS_AHEAD):
            continue
        if changed:
            source, title = (
                f"plan_level:{plan_id}:{int(latest.level)}",
                f"C{level} → C{int(latest.level)}",
            )
        else:
            source, title = f"plan_review:{plan_id}", f"{made_on:%Y-%m-%d} C{level}"
        rows.append(_task(client_id, CareKind.PLAN_REVIEW, due, source, title))
    if not rows:
        return []
    taken = {
        source
        for (source,) in CareTask.select(CareTask.source)
        .where(CareTask.source.in_([r["source"] for r in rows]))
        .tuples()
    }
    return [row for row in rows if row["source"] not in taken]


def _follow_up_rows(day: dt.date, manager: str | None) -> list[dict]:
    """Services of the last weeks finished with "follow-up needed" (the visit_day_state
    index), each due on a working day."""
    calendar = calendar_service.working_calendar()
    query = (
        Visit.select(Visit.id, Visit.client, Visit.service_date)
        .join(Client, on=(Visit.client == Client.id))
        .where(
            Visit.service_date.between(day - dt.timedelta(days=FOLLOW_UP_LOOKBACK_DAYS), day)
            & (Visit.state == VisitState.DONE.value)
            & (Visit.outcome == ServiceOutcome.FOLLOW_UP.value)
            & _without_task(_source("follow_up:visit:", Visit.id))
            & Client.in_book()
        )
    )
    return [
        _task(
            client_id,
            CareKind.FOLLOW_UP,
            follow_up_due_date(_date(served), calendar),
            f"follow_up:visit:{visit_id}",
            f"{_date(served):%m-%d}",
        )
        for visit_id, client_id, served in _rows(_for_manager(query, manager))
    ]


def last_contacts() -> peewee.SelectQuery:
    """Each client's last contact (UTC): a finished service, a call they answered, a
    care task marked done."""
    visits = Visit.select(Visit.client.alias("client_id"), Visit.finished_at.alias("at")).where(
        (Visit.state == VisitState.DONE.value) & Visit.client.is_null(False)
    )
    calls = CareCall.select(CareCall.client, CareCall.called_at).where(
        CareCall.outcome.in_([o.value for o in CONTACT_OUTCOMES]) & CareCall.client.is_null(False)
    )
    tasks = CareTask.select(CareTask.client, CareTask.done_at).where(
        (CareTask.status == DONE) & CareTask.client.is_null(False)
    )
    contacts = (visits | calls | tasks).alias("contacts")  # UNION: a duplicate is no harm
    return (
        peewee.Select([contacts], [contacts.c.client_id, fn.MAX(contacts.c.at).alias("last_at")])
        .group_by(contacts.c.client_id)
        .alias("last_contact")
    )


def _no_contact_rows(day: dt.date, manager: str | None, silence_days: int) -> list[dict]:
    """Up to :data:`NO_CONTACT_PER_DAY` clients a day silent longer than their tier
    allows, private banking first, then platinum, gold and standard; within a tier in
    the order they joined the book; none twice while one is open. Once the day's share
    is made the book is not read again that day.

    No index serves the tier, so each tier's query walks the book in id order and stops
    at the day's share: in a big book it reads a few hundred rows, not all of them."""
    made_today = (
        CareTask.select()
        .where((CareTask.kind == CareKind.NO_CONTACT.value) & (CareTask.due_date == day))
        .count()
    )
    room = NO_CONTACT_PER_DAY - made_today
    if room <= 0:
        return []
    start = _utc_start(day)
    last = last_contacts()
    since = fn.COALESCE(last.c.last_at, Client.created_at)
    open_task = CareTask.select(CareTask.id).where(
        (CareTask.client == Client.id)
        & (CareTask.kind == CareKind.NO_CONTACT.value)
        & (CareTask.status == OPEN)
    )
    rows = []
    for tier in sorted(Tier, key=lambda t: t.rank):
        if len(rows) >= room:
            break
        cutoff = start - dt.timedelta(days=no_contact_days(tier, silence_days))
        query = (
            Client.select(Client.id, last.c.last_at)
            .join(last, JOIN.LEFT_OUTER, on=(last.c.client_id == Client.id))
            .where(
                (Client.tier == tier.value)
                & (since < cutoff)
                & ~fn.EXISTS(open_task)
                & Client.in_book()
            )
            .order_by(Client.id)
            .limit(room - len(rows))
        )
        for client_id, last_at in _rows(_for_manager(query, manager)):
            seen = clock.to_local(_stamp(last_at))
            rows.append(
                _task(
                    client_id,
                    CareKind.NO_CONTACT,
                    day,
                    f"no_contact:{client_id}:{day.isoformat()}",
                    f"{seen:%Y-%m-%d}" if seen else "",
                )
            )
    return rows


# Events whose invitations this process brought up to date, and on which day: a client
# who became eligible since (a new tier, consent given) is invited the next day, and a
# refresh does not probe tens of thousands of invitations every minute.
_invited_on: dict[tuple[int, str | None], dt.date] = {}


def _invite_all(day: dt.date, manager: str | None, now: dt.datetime) -> int:
    made = 0
    for (event_id,) in CareEvent.select(CareEvent.id).where(CareEvent.event_date >= day).tuples():
        if _invited_on.get((event_id, manager or None)) == day:
            continue
        made += _invite(CareEvent.get_by_id(event_id), manager, now)
        _invited_on[(event_id, manager or None)] = day
    return made


def _invite(event: CareEvent, manager: str | None, now: dt.datetime) -> int:
    """Invitation tasks for the event's tier and above who agreed to marketing contact,
    made in the database in one statement (a big book has tens of thousands)."""
    eligible = _eligible(Tier(event.min_tier), manager)
    source = _source(f"invitation:{event.id}:", Client.id)
    query = eligible.select(
        Client.id,
        peewee.Value(CareKind.INVITATION.value),
        peewee.Value(_date(event.event_date)),
        source,
        peewee.Value(event.name),
        peewee.Value(event.id),
        peewee.Value(OPEN),
        peewee.Value(now),
    )
    before = _invitations(event.id)
    CareTask.insert_from(
        query,
        [
            CareTask.client,
            CareTask.kind,
            CareTask.due_date,
            CareTask.source,
            CareTask.title,
            CareTask.event,
            CareTask.status,
            CareTask.created_at,
        ],
    ).on_conflict_ignore().execute()
    return _invitations(event.id) - before


def _eligible(min_tier: Tier, manager: str | None) -> peewee.ModelSelect:
    query = Client.select(Client.id).where(
        Client.tier.in_([t.value for t in tiers_from(min_tier)])
        & (Client.consent_marketing == True)  # noqa: E712
    )
    return _for_manager(query, manager)


def _invitations(event_id: int) -> int:
    return CareTask.select().where(CareTask.event == event_id).count()


def _task(client_id: int, kind: CareKind, due: dt.date, source: str, title: str) -> dict:
    return {
        "client": client_id,
        "kind": kind.value,
        "due_date": due,
        "source": source,
        "title": title,
        "status": OPEN,
    }


def _insert(rows: Sequence[dict], now: dt.datetime) -> int:
    """Insert the tasks (a source made meanwhile by another desk is left alone); returns
    how many were asked for."""
    for start in range(0, len(rows), _INSERT_CHUNK):
        chunk = [{**row, "created_at": now} for row in rows[start : start + _INSERT_CHUNK]]
        CareTask.insert_many(chunk).on_conflict_ignore().execute()
    return len(rows)


@functools.lru_cache(maxsize=65536)
def _masked(name: str | None) -> str:
    return mask_name(name)


def _rows(query: peewee.Query) -> list[tuple]:
    """The query's rows as the driver gives them, without peewee's per-column conversion."""
    return database.execute_sql(*query.sql()).fetchall()


# ---------------------------------------------------------------- working a task


def log_call(
    outcome: CallOutcome | str,
    actor: str,
    desk: str,
    task_id: int | None = None,
    client_id: int | None = None,
    notes: str = "",
    duration_minutes: int = 0,
    info_sent: bool = False,
    call_back_at: dt.datetime | None = None,
) -> CallInfo:
    """Log a call for a task of the list (or a client without one). Reached and
    declined close the task; a call-back closes it and makes the next task, due on the
    call-back's day and chained to this call; no answer leaves it open (counted)."""
    now = clock.now()
    when = _aware(call_back_at) if call_back_at else None
    problems = call_problems(outcome, duration_minutes, notes, when, now)
    if task_id is None and client_id is None:
        problems.append(
            Problem(
                "client", QT_TRANSLATE_NOOP("domain", "Choose the client or task the call is for.")
            )
        )
    if problems:
        raise ValidationError(problems)
    outcome = CallOutcome(outcome)
    with writing():
        task = None
        if task_id is not None:
            task = CareTask.get_or_none(CareTask.id == task_id)
            if task is None:
                raise _task_gone()
            if task.status != OPEN:
                raise _task_closed()
            client_id = task.client_id
        else:
            clients.require_in_book(client_id)
        if info_sent and not _marketing_consent(client_id):
            # 《银行保险机构消费者权益保护管理办法》(2023): no product marketing to a
            # client who has not agreed to it; the service call itself is fine.
            raise ValidationError(
                Problem(
                    "info_sent",
                    QT_TRANSLATE_NOOP(
                        "domain",
                        "The client has not agreed to marketing: a call or message may not "
                        "carry product information. Log the call without it.",
                    ),
                )
            )
        call = CareCall.create(
            task=task_id,
            client=client_id,
            called_at=clock.now_utc(),
            outcome=outcome.value,
            notes=(notes or "").strip(),
            duration_minutes=duration_minutes,
            info_sent=bool(info_sent),
            call_back_at=_utc(when),
            actor=actor,
            desk=desk,
        )
        if task is not None and outcome.closes_task:
            _close(task.id, DONE)
        next_id = None
        if outcome is CallOutcome.CALL_BACK:
            next_id = CareTask.insert(
                client=client_id,
                kind=CareKind.CALL_BACK.value,
                due_date=when.date(),
                source=f"call_back:{call.id}",
                title=f"{when:%H:%M}",
                status=OPEN,
                created_at=clock.now_utc(),
            ).execute()
        detail = f"{outcome.value}" + (f" task {task_id}" if task_id else "")
        audit.record(AuditAction.CARE_CALL_LOGGED, actor, client_id, detail)
    return _call_info(call, next_id)


def _marketing_consent(client_id: int | None) -> bool:
    found = Client.select(Client.consent_marketing).where(Client.id == client_id).tuples().first()
    return bool(found and found[0])


def close_task(task_id: int, actor: str, status: CareTaskStatus = CareTaskStatus.DONE) -> None:
    """Mark a task done (the manager dealt with it another way) or cancelled."""
    status = CareTaskStatus(status)
    if status is CareTaskStatus.OPEN:
        raise ValueError("a task is closed as done or cancelled")
    with writing():
        task = CareTask.get_or_none(CareTask.id == task_id)
        if task is None:
            raise _task_gone()
        if not _close(task_id, status.value):
            raise _task_closed()
        audit.record(
            AuditAction.CARE_TASK_CLOSED, actor, task.client_id, f"{task.kind} {status.value}"
        )


def _close(task_id: int, status: str) -> bool:
    """Close an open task; False when someone closed it first."""
    return bool(
        CareTask.update(status=status, done_at=clock.now_utc())
        .where((CareTask.id == task_id) & (CareTask.status == OPEN))
        .execute()
    )


def calls_of(task_id: int | None = None, client_id: int | None = None) -> list[CallInfo]:
    """A task's or a client's calls, the latest first."""
    query = CareCall.select().order_by(CareCall.called_at.desc(), CareCall.id.desc())
    if task_id is not None:
        query = query.where(CareCall.task == task_id)
    if client_id is not None:
        query = query.where(CareCall.client == client_id)
    nexts = {}
    calls = list(query)
    if calls:
        sources = {
            f"call_back:{c.id}": c.id for c in calls if c.outcome == CallOutcome.CALL_BACK.value
        }
        if sources:
            for tid, source in (
                CareTask.select(CareTask.id, CareTask.source)
                .where(CareTask.source.in_(list(sources)))
                .tuples()
            ):
                nexts[sources[source]] = tid
    return [_call_info(c, nexts.get(c.id)) for c in calls]


def _call_info(call: CareCall, next_id: int | None) -> CallInfo:
    return CallInfo(
        id=call.id,
        task_id=call.task_id,
        client_id=call.client_id,
        outcome=CallOutcome(call.outcome),
        called_at=clock.to_local(_stamp(call.called_at)),
        duration_minutes=call.duration_minutes,
        info_sent=bool(call.info_sent),
        call_back_at=clock.to_local(_stamp(call.call_back_at)),
        notes=call.notes,
        next_task_id=next_id,
    )


# ---------------------------------------------------------------- events


def invitation_count(min_tier: Tier | str, manager: str | None = None) -> int:
    """How many clients an event from *min_tier* up would invite (what the form shows)."""
    return _eligible(Tier(min_tier), manager).count()


def create_event(
    name: str,
    event_date: dt.date,
    min_tier: Tier | str,
    actor: str,
    place: str = "",
    notes: str = "",
    manager: str | None = None,
) -> EventInfo:
    """A client event (a 理财沙龙) and its invitation tasks, due on the event's day."""
    problems = event_problems(name, event_date, place, clock.today())
    try:
        min_tier = Tier(min_tier)
    except ValueError:
        problems.append(Problem("min_tier", QT_TRANSLATE_NOOP("domain", "Choose a tier.")))
    if problems:
        raise ValidationError(problems)
    with writing():
        event = CareEvent.create(
            name=" ".join(name.split()),
            event_date=event_date,
            min_tier=min_tier.value,
            place=(place or "").strip(),
            notes=(notes or "").strip(),
            created_at=clock.now_utc(),
        )
        invited = _invite(event, manager, clock.now_utc())
        audit.record(
            AuditAction.CARE_EVENT_CREATED, actor, None, f"event {event.id}: {invited} invited"
        )
    return get_event(event.id)


def get_event(event_id: int) -> EventInfo:
    found = events(event_id=event_id)
    if not found:
        raise NotFound(
            Problem("event", QT_TRANSLATE_NOOP("domain", "This event no longer exists."))
        )
    return found[0]


def events(from_day: dt.date | None = None, event_id: int | None = None) -> list[EventInfo]:
    """Events from *from_day* on (all when None), soonest first, with their invitations."""
    query = CareEvent.select().order_by(CareEvent.event_date, CareEvent.id)
    if from_day is not None:
        query = query.where(CareEvent.event_date >= from_day)
    if event_id is not None:
        query = query.where(CareEvent.id == event_id)
    rows = list(query)
    counts: Counter = Counter()
    opened: Counter = Counter()
    if rows:
        for event_id_, status, count in (
            CareTask.select(CareTask.event, CareTask.status, fn.COUNT(CareTask.id))
            .where(CareTask.event.in_([e.id for e in rows]))
            .group_by(CareTask.event, CareTask.status)
            .tuples()
        ):
            counts[event_id_] += count
            if status == OPEN:
                opened[event_id_] += count
    return [
        EventInfo(
            e.id,
            e.name,
            _date(e.event_date),
            Tier(e.min_tier),
            e.place,
            e.notes,
            counts[e.id],
            opened[e.id],
        )
        for e in rows
    ]


# ---------------------------------------------------------------- colleague support


def log_support(
    colleague: str,
    kind: SupportKind | str,
    duration_minutes: int,
    actor: str,
    desk: str,
    sale_followed: bool = False,
    notes: str = "",
) -> SupportInfo:
    """Time given to a colleague's sale (no client's data: the colleague's client is
    theirs to record)."""
    problems = support_problems(colleague, kind, duration_minutes, notes)
    if problems:
        raise ValidationError(problems)
    with writing():
        row = ColleagueSupport.create(
            supported_at=clock.now_utc(),
            colleague=" ".join(colleague.split()),
            kind=SupportKind(kind).value,
            duration_minutes=duration_minutes,
            sale_followed=bool(sale_followed),
            notes=(notes or "").strip(),
            actor=actor,
            desk=desk,
        )
        audit.record(
            AuditAction.COLLEAGUE_SUPPORTED, actor, None, f"{row.kind} {duration_minutes} min"
        )
    return _support_info(row)


def supports(day: dt.date, desk: str | None = None) -> list[SupportInfo]:
    start, end = _utc_bounds(day)
    query = ColleagueSupport.select().where(
        (ColleagueSupport.supported_at >= start) & (ColleagueSupport.supported_at < end)
    )
    if desk is not None:
        query = query.where(ColleagueSupport.desk == desk)
    return [_support_info(r) for r in query.order_by(ColleagueSupport.supported_at)]


def _support_info(row: ColleagueSupport) -> SupportInfo:
    return SupportInfo(
        row.id,
        clock.to_local(_stamp(row.supported_at)),
        row.colleague,
        SupportKind(row.kind),
        row.duration_minutes,
        bool(row.sale_followed),
        row.notes,
    )


# ---------------------------------------------------------------- time on client work


def client_work_time(day: dt.date | None = None, desk: str = "1") -> ClientWorkTime:
    """*desk*'s minutes on client work on *day*: its service sessions (a session still
    running counts up to now), its care calls and its colleague support, against the
    branch's target.

    The sessions are the desk's own, measured by the queue's rule
    (``domain.queue.service_time_of``); the queue's ``day_stats`` adds up every desk's
    finished sessions, which in branch mode is not this manager's day."""
    day = day or clock.today()
    now = clock.now_utc()
    settings = branch_settings.load(desk)
    sessions = []
    # A visitor passed on after their service began: each desk counts its own part.
    parted = ServicePart.select(ServicePart.visit)
    for started, ended in (
        ServicePart.select(ServicePart.started_at, ServicePart.ended_at)
        .join(Visit, on=(ServicePart.visit == Visit.id))
        .where((Visit.service_date == day) & (ServicePart.desk == desk))
        .tuples()
    ):
        started, ended = _stamp(started), _stamp(ended)
        if ended is None:
            ended = now if day == clock.today() else started
        sessions.append(max(ended - started, dt.timedelta(0)))
    for state, started, finished in (
        Visit.select(Visit.state, Visit.started_at, Visit.finished_at)
        .where(
            (Visit.service_date == day)
            & (Visit.desk == desk)
            & Visit.state.in_([VisitState.DONE.value, VisitState.SERVING.value])
            & Visit.id.not_in(parted)
        )
        .tuples()
    ):
        started, finished = _stamp(started), _stamp(finished)
        if state == VisitState.SERVING.value:
            if started is not None and day == clock.today():
                sessions.append(max(now - started, dt.timedelta(0)))
            continue
        length = service_time_of(VisitTimes(VisitState.DONE, started, None, started, finished))
        if length is not None:
            sessions.append(length)
    start, end = _utc_bounds(day)
    calls = (
        CareCall.select(CareCall.duration_minutes)
        .where((CareCall.called_at >= start) & (CareCall.called_at < end) & (CareCall.desk == desk))
        .tuples()
    )
    support = (
        ColleagueSupport.select(ColleagueSupport.duration_minutes)
        .where(
            (ColleagueSupport.supported_at >= start)
            & (ColleagueSupport.supported_at < end)
            & (ColleagueSupport.desk == desk)
        )
        .tuples()
    )
    return client_work_total(
        sessions,
        (m for (m,) in calls),
        (m for (m,) in support),
        int(settings["client_work_target_hours"]),
        int(settings["working_hours"]),
    )


# ---------------------------------------------------------------- risk and the day close


def expiring_assessments(
    day: dt.date | None = None, manager: str | None = None, limit: int = EXPIRING_LIMIT
) -> list[ExpiringAssessment]:
    """Latest assessments expiring within 30 days or expired within the last 30, the
    expired and the soonest first (the Today page's list)."""
    day = day or clock.today()
    query = _latest_expiring(day, manager).order_by(RiskAssessment.valid_until, RiskAssessment.id)
    return [
        ExpiringAssessment(
            client_id,
            mask_name(name),
            Tier(tier) if tier else None,
            level,
            _date(until),
            _date(until) < day,
        )
        for _id, client_id, until, level, name, tier in query.limit(limit).tuples()
    ]


def day_care_figures(day: dt.date | None = None, desk: str | None = None) -> CareFigures:
    """The day close's care lines (see :class:`CareFigures`)."""
    day = day or clock.today()
    start, end = _utc_bounds(day)
    done_today = (CareTask.status == DONE) & (CareTask.done_at >= start) & (CareTask.done_at < end)
    maturity_days = int(branch_settings.load(desk or "1")["care_maturity_days"])
    done = CareTask.select().where(done_today).count()
    # On the list: what is still open on it, and what was done from it that day.
    planned = _shown(day, None, maturity_days).count() + done
    if day < clock.today():
        # A past day's list as it stood then: its window's tasks that existed by the
        # day's end and were not done before it began (not today's open tasks).
        planned = _listed_on(day, maturity_days, start, end)
    invitations = (
        CareTask.select().where(done_today & (CareTask.kind == CareKind.INVITATION.value)).count()
    )
    calls = CareCall.select(CareCall.outcome, CareCall.duration_minutes, CareCall.info_sent).where(
        (CareCall.called_at >= start) & (CareCall.called_at < end)
    )
    supported = ColleagueSupport.select(
        ColleagueSupport.duration_minutes, ColleagueSupport.sale_followed
    ).where((ColleagueSupport.supported_at >= start) & (ColleagueSupport.supported_at < end))
    if desk is not None:
        calls = calls.where(CareCall.desk == desk)
        supported = supported.where(ColleagueSupport.desk == desk)
    call_rows = list(calls.tuples())
    support_rows = list(supported.tuples())
    by_outcome = Counter(CallOutcome(o) for o, _m, _i in call_rows)
    tomorrow = day + dt.timedelta(days=1)
    open_tomorrow = (
        CareTask.select().where((CareTask.status == OPEN) & (CareTask.due_date <= tomorrow)).count()
    )
    return CareFigures(
        day=day,
        tasks_planned=planned,
        tasks_done=done,
        calls=len(call_rows),
        calls_by_outcome={o: by_outcome.get(o, 0) for o in CallOutcome},
        call_minutes=sum(m for _o, m, _i in call_rows),
        info_sent=sum(1 for _o, _m, i in call_rows if i),
        invitations_done=invitations,
        support_count=len(support_rows),
        support_minutes=sum(m for m, _s in support_rows),
        support_sales=sum(1 for _m, s in support_rows if s),
        open_for_tomorrow=open_tomorrow,
    )


# ---------------------------------------------------------------- demo


@dataclass(frozen=True)
class DemoCare:
    events: int
    calls: int
    supports: int


DEMO_ACTOR = "demo"
DEMO_COLLEAGUES = ("对公客户经理 李娜", "个贷客户经理 王强", "大堂经理 陈静", "柜员 刘洋")
DEMO_CALL_NOTES = (
    "客户对到期资金续作感兴趣，已发送产品说明书",
    "客户近期在外地，下周回来再约",
    "提醒客户风险评估即将到期，约周五来网点重做",
    "生日问候，客户表示感谢",
    "客户暂无理财需求",
    "",
)


def create_demo_care(
    rng: random.Random, client_ids: Sequence[int], today: dt.date, actor: str, desk: str
) -> DemoCare:
    """A 理财沙龙 for gold tier and above next week; calls of the last three weeks with
    every outcome, among them a call-back due today at 15:00; colleague support now and
    then, some of it today. Work is done through the services with the clock set to when
    it happened (audited as the demo); *actor* is named in nothing but the event."""
    ids = list(client_ids)
    if not ids:
        return DemoCare(0, 0, 0)
    zone = clock.now().tzinfo
    now = clock.now()

    def at(day: dt.date, hour: int, minute: int) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(hour, minute), zone)

    working = calendar_service.working_calendar().is_working_day
    salon_day = today + dt.timedelta(days=7 + (2 - today.weekday()) % 7)  # a Wednesday
    with clock.at(min(now, at(today, 8, 30))):
        create_event(
            "理财沙龙：年末资产配置与养老规划",
            salon_day,
            Tier.GOLD,
            actor,
            place="网点二楼贵宾室",
            notes="14:30 开始，提供茶歇",
        )
    calls = 0
    # Product information goes only to clients who agreed to marketing.
    consenting = {
        cid
        for (cid,) in Client.select(Client.id)
        .where(Client.consent_marketing == True)  # noqa: E712
        .tuples()
    }
    outcomes = [CallOutcome.REACHED] * 5 + [CallOutcome.NO_ANSWER] * 3 + [CallOutcome.DECLINED]
    for back in range(21, 0, -1):
        day = today - dt.timedelta(days=back)
        if not working(day):
            continue
        for _ in range(rng.randint(1, 4)):
            moment = at(day, rng.choice((9, 10, 11, 15, 16)), rng.randrange(0, 60, 5))
            outcome = rng.choice(outcomes)
            called = rng.choice(ids)
            with clock.at(moment):
                log_call(
                    outcome,
                    DEMO_ACTOR,
                    desk,
                    client_id=called,
                    notes=rng.choice(DEMO_CALL_NOTES) if outcome.is_contact else "",
                    duration_minutes=rng.randint(3, 15) if outcome.is_contact else 1,
                    info_sent=outcome is CallOutcome.REACHED
                    and called in consenting
                    and rng.random() < 0.4,
                )
            calls += 1
    # Yesterday (or the last working day) a client asked to be called back today at 15:00.
    last = calendar_service.working_calendar().previous_working_day(today)
    with clock.at(at(last, 16, 20)):
        log_call(
            CallOutcome.CALL_BACK,
            DEMO_ACTOR,
            desk,
            client_id=ids[0],
            notes="客户在开会，请明天下午三点再打",
            duration_minutes=2,
            call_back_at=at(today, 15, 0),
        )
    calls += 1
    supports = 0
    for back in (12, 8, 5, 2, 0):
        day = today - dt.timedelta(days=back)
        moment = at(day, rng.choice((10, 14, 15)), rng.randrange(0, 60, 10))
        if not working(day) or moment > now:
            continue
        with clock.at(moment):
            log_support(
                rng.choice(DEMO_COLLEAGUES),
                rng.choice(list(SupportKind)),
                rng.choice((15, 20, 30, 45)),
                DEMO_ACTOR,
                desk,
                sale_followed=rng.random() < 0.5,
                notes="为客户做家庭资产配置测算",
            )
        supports += 1
    # This morning's calls, so the day's time on client work has some already.
    for hour, minute in ((9, 10), (9, 25)):
        moment = at(today, hour, minute)
        if moment > now or not working(today):
            continue
        called = rng.choice(ids)
        with clock.at(moment):
            log_call(
                CallOutcome.REACHED,
                DEMO_ACTOR,
                desk,
                client_id=called,
                notes=DEMO_CALL_NOTES[0] if called in consenting else DEMO_CALL_NOTES[4],
                duration_minutes=rng.randint(5, 12),
                info_sent=called in consenting,
            )
        calls += 1
    return DemoCare(events=1, calls=calls, supports=supports)


# ---------------------------------------------------------------- helpers


def _for_manager(query: peewee.ModelSelect, manager: str | None, nullable: bool = False):
    """*manager*'s clients and the unassigned ones; the whole book for None or ""."""
    if not manager:
        return query
    mine = Client.manager.in_([manager, ""])
    return query.where(mine | Client.id.is_null()) if nullable else query.where(mine)


def _date(value: object) -> dt.date:
    """A stored date: SQLite hands back ISO text through a raw column, PostgreSQL a date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _stamp(value: object) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.astimezone(clock.now().tzinfo)


def _utc(moment: dt.datetime | None) -> dt.datetime | None:
    if moment is None:
        return None
    return _aware(moment).astimezone(dt.UTC).replace(tzinfo=None)


def _utc_start(day: dt.date) -> dt.datetime:
    zone = clock.now().tzinfo
    return dt.datetime.combine(day, dt.time(0), zone).astimezone(dt.UTC).replace(tzinfo=None)


def _utc_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    return _utc_start(day), _utc_start(day + dt.timedelta(days=1))


def _task_gone() -> NotFound:
    return NotFound(
        Problem("task", QT_TRANSLATE_NOOP("domain", "This care task no longer exists."))
    )


def _task_closed() -> ConflictError:
    return ConflictError(
        Problem(
            "task",
            QT_TRANSLATE_NOOP(
                "domain",
                "This care task was closed a moment ago (at another desk?); nothing was logged.",
            ),
        )
    )


__all__ = [
    "CallInfo",
    "CareFigures",
    "CareItem",
    "DemoCare",
    "EventInfo",
    "ExpiringAssessment",
    "SupportInfo",
    "calls_of",
    "care_counts",
    "care_list",
    "client_work_time",
    "close_task",
    "create_demo_care",
    "create_event",
    "day_care_figures",
    "events",
    "expiring_assessments",
    "get_event",
    "invitation_count",
    "log_call",
    "log_support",
    "supports",
]
