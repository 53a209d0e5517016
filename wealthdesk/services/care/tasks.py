"""The day's care list: its tasks made once from the rules, read back in the list's order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import peewee
from peewee import JOIN, fn

from ...db.models import (
    CareCall,
    CareTask,
    Client,
)
from ...db.transactions import writing
from ...domain.care import (
    NEVER,
    CallOutcome,
    CareKind,
    CareReason,
    care_reason,
    list_order,
    shown_until,
)
from ...domain.client import Tier
from ...domain.errors import Phrase
from ...domain.times import stored_date
from .. import calendar as calendar_service
from .. import clock
from .. import settings as branch_settings
from ._common import CANCELLED, DONE, OPEN, for_manager, masked, raw_rows
from .client_events import invite_all
from .rules import new_task_rows

CARE_LIST_LIMIT = 500  # more than a day's calls; the counts by kind say how many in all


_INSERT_CHUNK = 500


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
        shown(day, manager, maturity_days)
        .select(CareTask.kind, fn.COUNT(CareTask.id))
        .group_by(CareTask.kind)
    )
    counts = dict(raw_rows(query))
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
        made = _insert(new_task_rows(day, manager, maturity_days, silence_days), now)
        made += invite_all(day, manager, now)
    return made


def shown(day: dt.date, manager: str | None, maturity_days: int) -> peewee.ModelSelect:
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
        query = for_manager(query, manager, nullable=True)
    return query


def listed_on(day: dt.date, maturity_days: int, start, end) -> int:
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
    chosen = shown(day, manager, maturity_days)
    if kind is not None:
        chosen = chosen.where(CareTask.kind == CareKind(kind).value)
    chosen = chosen.order_by(
        peewee.Case(None, [(overdue, 0)], 1),
        peewee.Case(None, [(overdue, CareTask.due_date)], None),
        rank,
        CareTask.due_date,
        CareTask.id,
    ).limit(limit)
    ids = [task_id for (task_id,) in raw_rows(chosen)]
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
        raw_rows(
            CareCall.select(CareCall.task, fn.COUNT(CareCall.id))
            .where(CareCall.task.in_(ids) & (CareCall.outcome == CallOutcome.NO_ANSWER.value))
            .group_by(CareCall.task)
        )
    )
    kinds = {k.value: k for k in CareKind}
    tiers = {tier.value: tier for tier in Tier}
    items = []
    for task_id, client_id, name, tier, code, due, title, event_id in raw_rows(query):
        kind_ = kinds[code]
        due = stored_date(due)
        detail: object = title
        if kind_ is CareKind.NO_CONTACT and not title:
            detail = Phrase(NEVER)
        items.append(
            CareItem(
                task_id=task_id,
                client_id=client_id,
                masked_name=masked(name),
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


def _insert(rows: Sequence[dict], now: dt.datetime) -> int:
    """Insert the tasks (a source made meanwhile by another desk is left alone); returns
    how many were asked for."""
    for start in range(0, len(rows), _INSERT_CHUNK):
        chunk = [{**row, "created_at": now} for row in rows[start : start + _INSERT_CHUNK]]
        CareTask.insert_many(chunk).on_conflict_ignore().execute()
    return len(rows)
