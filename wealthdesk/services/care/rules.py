"""The care list's rules as queries: for each kind of task, the few clients the database
finds through its indexes that have no task for it yet."""

from __future__ import annotations

import datetime as dt

import peewee
from peewee import JOIN, SQL, fn

from ...db.migrations import BIRTH_MONTH_DAY_PG, BIRTH_MONTH_DAY_SQLITE
from ...db.models import (
    CareCall,
    CareTask,
    Client,
    FinancialPlan,
    Holding,
    Product,
    RiskAssessment,
    Visit,
)
from ...db.transactions import is_postgres
from ...domain.care import (
    BIRTHDAY_DAYS_AHEAD,
    CONTACT_OUTCOMES,
    NO_CONTACT_PER_DAY,
    PLAN_REVIEW_DAYS_AHEAD,
    RISK_EXPIRED_DAYS,
    RISK_EXPIRY_DAYS,
    CareKind,
    age_on,
    birthday_due,
    birthday_month_days,
    follow_up_due_date,
    no_contact_days,
    yuan,
)
from ...domain.client import Tier
from ...domain.queue import ServiceOutcome, VisitState
from ...domain.times import stored_date, stored_value
from .. import calendar as calendar_service
from .. import clock
from ._common import DONE, OPEN, for_manager, raw_rows, source_in_sql

FOLLOW_UP_LOOKBACK_DAYS = 30  # a finished visit older than this makes no follow-up any more


def new_task_rows(
    day: dt.date, manager: str | None, maturity_days: int, silence_days: int
) -> list[dict]:
    """Every rule's tasks for *day* that are not there yet, as rows to insert."""
    return [
        *_birthday_rows(day, manager),
        *_maturity_rows(day, manager, maturity_days),
        *_risk_rows(day, manager),
        *_plan_review_rows(day, manager),
        *_follow_up_rows(day, manager),
        *_no_contact_rows(day, manager, silence_days),
    ]


def _without_task(source: peewee.Node) -> peewee.Node:
    """No task with this source yet (a probe of the unique index)."""
    return ~fn.EXISTS(CareTask.select(CareTask.id).where(CareTask.source == source))


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
    for client_id, birth in raw_rows(for_manager(query, manager)):
        birth = stored_date(birth)
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
            & _without_task(source_in_sql("maturity:", Holding.id))
        )
    )
    if manager:
        query = query.join(Client, on=(Holding.client == Client.id), src=Holding)
    return [
        _task(
            client_id,
            CareKind.MATURITY,
            stored_date(due),
            f"maturity:{holding_id}",
            f"{product} {yuan(amount)}",
        )
        for holding_id, client_id, due, amount, product in raw_rows(for_manager(query, manager))
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


def latest_expiring(day: dt.date, manager: str | None) -> peewee.ModelSelect:
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
    return for_manager(query, manager)


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
            & _without_task(source_in_sql("risk_expiry:", RiskAssessment.id))
            & ~fn.EXISTS(newer)
            & Client.in_book()
        )
    )
    return [
        _task(
            client_id,
            CareKind.RISK_EXPIRY,
            stored_date(valid_until),
            f"risk_expiry:{assessment_id}",
            f"C{level}",
        )
        for assessment_id, client_id, valid_until, level in raw_rows(for_manager(query, manager))
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
    plans = raw_rows(for_manager(query, manager))
    if not plans:
        return []
    # The plans' and assessments' modules only when there are plans (not at start-up).
    from ...domain.plan import plan_review
    from .. import risk as risk_service

    assessed = risk_service.latest_for_clients(client_id for _p, client_id, _m, _l in plans)
    rows = []
    for plan_id, client_id, made_at, level in plans:
        made_on = clock.to_local(stored_value(made_at)).date()
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
            & _without_task(source_in_sql("follow_up:visit:", Visit.id))
            & Client.in_book()
        )
    )
    return [
        _task(
            client_id,
            CareKind.FOLLOW_UP,
            follow_up_due_date(stored_date(served), calendar),
            f"follow_up:visit:{visit_id}",
            f"{stored_date(served):%m-%d}",
        )
        for visit_id, client_id, served in raw_rows(for_manager(query, manager))
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
    start, _ = clock.stored_days(day)
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
        for client_id, last_at in raw_rows(for_manager(query, manager)):
            seen = clock.to_local(stored_value(last_at))
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


def _task(client_id: int, kind: CareKind, due: dt.date, source: str, title: str) -> dict:
    return {
        "client": client_id,
        "kind": kind.value,
        "due_date": due,
        "source": source,
        "title": title,
        "status": OPEN,
    }
