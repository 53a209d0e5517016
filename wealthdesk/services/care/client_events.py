"""Client events (理财沙龙) and their invitation tasks."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

import peewee
from peewee import fn

from ...db.models import (
    CareEvent,
    CareTask,
    Client,
)
from ...db.transactions import writing
from ...domain.audit import AuditAction
from ...domain.care import (
    CareKind,
    event_problems,
    tiers_from,
)
from ...domain.client import Tier
from ...domain.errors import (
    QT_TRANSLATE_NOOP,
    NotFound,
    Problem,
    ValidationError,
)
from ...domain.times import stored_date
from .. import audit, clock
from ._common import OPEN, for_manager, source_in_sql


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


# Events whose invitations this process brought up to date, and on which day: a client
# who became eligible since (a new tier, consent given) is invited the next day, and a
# refresh does not probe tens of thousands of invitations every minute.
_invited_on: dict[tuple[int, str | None], dt.date] = {}


def invite_all(day: dt.date, manager: str | None, now: dt.datetime) -> int:
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
    source = source_in_sql(f"invitation:{event.id}:", Client.id)
    query = eligible.select(
        Client.id,
        peewee.Value(CareKind.INVITATION.value),
        peewee.Value(stored_date(event.event_date)),
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
    return for_manager(query, manager)


def _invitations(event_id: int) -> int:
    return CareTask.select().where(CareTask.event == event_id).count()


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
            stored_date(e.event_date),
            Tier(e.min_tier),
            e.place,
            e.notes,
            counts[e.id],
            opened[e.id],
        )
        for e in rows
    ]
