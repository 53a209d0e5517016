"""The visitor queue every desk shares: check-in, calling, serving and closing visits."""

from __future__ import annotations

import datetime as dt
import functools
import json
import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass

import peewee

from ..db.connection import database
from ..db.models import Client, ServicePart, Visit
from ..db.transactions import is_postgres, writing
from ..domain.audit import AuditAction
from ..domain.client import Tier
from ..domain.desk import DeskState
from ..domain.errors import (
    QT_TRANSLATE_NOOP,
    ConflictError,
    DomainError,
    NotFound,
    Problem,
    ValidationError,
)
from ..domain.identity import normalize_phone
from ..domain.masking import mask_mobile, mask_name
from ..domain.queue import (
    OPEN_STATES,
    QUEUED_STATES,
    DayFigures,
    FinishCheck,
    Purpose,
    ServedPart,
    ServiceOutcome,
    SessionActivity,
    VisitKind,
    VisitState,
    VisitTimes,
    at_desk_since,
    care_needs,
    care_priority,
    day_figures,
    estimated_wait,
    line_estimates,
    move_problem,
    purposes_from_text,
    purposes_text,
    queue_order_key,
    service_time_of,
    ticket,
    wait_of,
)
from ..domain.times import from_stored, stored_value
from . import appointment_visits, audit, clients, clock

NAME_MAX = 40  # visit.walk_in_name is VARCHAR(40), like client.name
PHONE_MAX = 20


@dataclass(frozen=True)
class CheckIn:
    """A visitor at the desk: a client of the book, or a walk-in known by a name or phone."""

    kind: VisitKind = VisitKind.WALK_IN
    client_id: int | None = None
    walk_in_name: str = ""
    walk_in_phone: str = ""
    purposes: tuple[Purpose, ...] = ()
    priority: int = 0  # CareNeed flags set by hand; an older client's are added
    notes: str = ""
    for_desk: str = ""  # sent to this desk by the lobby; "" is the shared queue
    assistance: bool = False  # marked at check-in as needing assistance


@dataclass(frozen=True)
class VisitInfo:
    """One visit as the queue page shows it; times are local. ``position`` (1 = next for
    the desks that may call them: domain/queue.places_in_line) and
    ``estimated_wait_minutes`` are set in :func:`waiting` only."""

    id: int
    service_date: dt.date
    kind: VisitKind
    ticket: str
    client_id: int | None
    name: str
    masked_name: str
    masked_phone: str
    tier: Tier | None
    purposes: tuple[Purpose, ...]
    priority: int
    notes: str
    desk: str
    state: VisitState
    outcome: str
    arrived_at: dt.datetime
    called_at: dt.datetime | None
    started_at: dt.datetime | None
    finished_at: dt.datetime | None
    recall_count: int
    row_version: int
    checklist: tuple[FinishCheck, ...] = ()
    position: int | None = None
    estimated_wait_minutes: int | None = None
    parts: tuple[ServedPart, ...] = ()  # each desk's part of a service passed on (local)

    @property
    def care_needs(self) -> tuple:
        """Why the visitor is called before the tiers (domain/queue.CareNeed), if at all."""
        return care_needs(self.priority)

    @property
    def times(self) -> VisitTimes:
        """The visit's times as the queue's rules read them (domain/queue)."""
        return VisitTimes(
            self.state, self.arrived_at, self.called_at, self.started_at, self.finished_at,
            self.parts,
        )  # fmt: skip

    @property
    def service_time(self) -> dt.timedelta | None:
        """How long the service session took, once finished (the desks' parts of a
        service passed on, without the waits between them)."""
        return service_time_of(self.times)

    def waited(self, now: dt.datetime) -> dt.timedelta | None:
        """How long the visitor has waited by *now* (domain/queue.wait_of): a visitor
        passed on to another desk waits again, their service at the first not counted."""
        return wait_of(self.times, now)

    @property
    def at_desk_since(self) -> dt.datetime | None:
        """When the visitor's time at their present desk began (the call, or the service's
        start at this desk)."""
        return at_desk_since(self.times)


# ---------------------------------------------------------------- reading

_FIELDS = (
    Visit.id,
    Visit.service_date,
    Visit.kind,
    Visit.ticket,
    Visit.client,
    Visit.walk_in_name,
    Visit.walk_in_phone,
    Visit.purposes,
    Visit.priority,
    Visit.notes,
    Visit.desk,
    Visit.state,
    Visit.outcome,
    Visit.arrived_at,
    Visit.called_at,
    Visit.started_at,
    Visit.finished_at,
    Visit.recall_count,
    Visit.row_version,
    Visit.checklist,
    Client.name,
    Client.mobile,
    Client.tier,
)


def _select() -> peewee.ModelSelect:
    return Visit.select(*_FIELDS).join(
        Client, peewee.JOIN.LEFT_OUTER, on=(Visit.client == Client.id)
    )


def _info(
    values: tuple, zone: dt.tzinfo | None = None, parts: tuple[ServedPart, ...] = ()
) -> VisitInfo:
    """One row of :data:`_FIELDS` (as Python values, times in UTC) and its service's
    *parts* (as stored) as the page shows them, times in *zone* (the clock's zone by
    default)."""
    (vid, day, kind, tk, client_id, walk_name, walk_phone, purposes, priority, notes, desk,
     state, outcome, arrived, called, started, finished, recalls, version, checklist,
     client_name, client_mobile, tier) = values  # fmt: skip
    name = client_name if client_id is not None else walk_name
    if zone is None:
        zone = clock.now().tzinfo
    return VisitInfo(
        id=vid,
        service_date=day,
        kind=VisitKind(kind),
        ticket=tk,
        client_id=client_id,
        name=name or "",
        masked_name=mask_name(name),
        masked_phone=mask_mobile(client_mobile if client_id is not None else walk_phone),
        tier=Tier(tier) if tier else None,
        purposes=_purposes(purposes),
        priority=priority,
        notes=notes,
        desk=desk,
        state=VisitState(state),
        outcome=outcome,
        arrived_at=from_stored(arrived, zone),
        called_at=from_stored(called, zone),
        started_at=from_stored(started, zone),
        finished_at=from_stored(finished, zone),
        recall_count=recalls,
        row_version=version,
        checklist=_checklist(checklist),
        parts=tuple(
            ServedPart(from_stored(p.started_at, zone), from_stored(p.ended_at, zone))
            for p in parts
        ),
    )


@functools.lru_cache(maxsize=64)
def _checklist(text: str | None) -> tuple[FinishCheck, ...]:
    return tuple(FinishCheck(c) for c in (text or "").split(",") if c)


@functools.lru_cache(maxsize=256)
def _purposes(text: str | None) -> tuple[Purpose, ...]:
    # A day's visits share a handful of purpose combinations: parse each once.
    return purposes_from_text(text)


def get_visit(visit_id: int) -> VisitInfo:
    sql, convert = _visit_by_id()
    row = database.execute_sql(sql, (visit_id,)).fetchone()
    if row is None:
        raise _gone()
    values = tuple(c(v) if v is not None else None for c, v in zip(convert, row, strict=True))
    # Only a service begun can have been passed on in parts: most actions read no parts.
    started = values[_ARRIVED + 2]
    parts = _parts_of([visit_id]).get(visit_id, ()) if started is not None else ()
    return _info(values, parts=parts)


@functools.cache
def _visit_by_id_for(backend: str) -> tuple[str, tuple]:
    """The one-visit SELECT, compiled by peewee once per backend: building it anew was
    most of every queue action's time."""
    query = _select().where(Visit.id == -1)
    sql, params = query.sql()
    assert params == [-1], params  # the visit's id is the only parameter
    return sql, tuple(field.python_value for field in _FIELDS)


def _visit_by_id() -> tuple[str, tuple]:
    return _visit_by_id_for("postgresql" if is_postgres() else "sqlite")


def visits(day: dt.date | None = None) -> list[VisitInfo]:
    """Every visit of *day* (today by default), in ticket order of arrival."""
    day = day or clock.today()
    query = _select().where(Visit.service_date == day).order_by(Visit.arrived_at, Visit.id)
    return _with_parts(list(query.tuples()))


def client_visits(client_id: int, limit: int = 50) -> list[VisitInfo]:
    """A client's visits, newest first: what the client screen shows as their history."""
    query = (
        _select()
        .where(Visit.client == client_id)
        .order_by(Visit.arrived_at.desc(), Visit.id.desc())
        .limit(limit)
    )
    return _with_parts(list(query.tuples()))


def _with_parts(rows: list[tuple]) -> list[VisitInfo]:
    """Rows of :data:`_FIELDS` as visits, their services' parts read in one query."""
    parts = _parts_of([row[0] for row in rows if row[_ARRIVED + 2] is not None])
    return [_info(row, parts=parts.get(row[0], ())) for row in rows]


def waiting(day: dt.date | None = None) -> list[VisitInfo]:
    """The visitors in line on *day* (today by default), in the order they will be
    called, each with a position (1 = next for the desks that may call them) and an
    estimated wait in minutes from the day's average service time
    (domain/queue.line_estimates)."""
    return list(snapshot(day).waiting)


@dataclass(frozen=True)
class QueueSnapshot:
    """The queue page's data at one moment: who is in line (as :func:`waiting` gives
    them), who is set aside (by arrival), the day's figures (as :func:`day_stats` gives
    them) and when it was taken (local time)."""

    waiting: tuple[VisitInfo, ...]
    parked: tuple[VisitInfo, ...]
    figures: DayFigures
    taken_at: dt.datetime


def snapshot(day: dt.date | None = None) -> QueueSnapshot:
    """The queue of *day* (today by default) and its figures, read in one query.

    Every desk's queue page refreshes this whenever anyone changes the queue, so it is
    built for speed: the SQL is compiled once, the day's visits (all states) come in one
    round trip and feed both the lists and the figures (the parts of services passed on
    from desk to desk in one more), and a row nobody changed since the last snapshot is
    not converted again.
    """
    global _seen
    now = clock.now()
    day = day or now.date()
    now_utc = now.astimezone(dt.UTC).replace(tzinfo=None)  # as clock.now_utc() does
    zone = now.tzinfo
    rows = database.execute_sql(_day_visits_sql(), (_day_param(day),)).fetchall()
    day_parts = _parts_of({row[0] for row in rows})
    care_first = care_first_setting()
    seen_before, seen = _seen, {}
    times: list[VisitTimes] = []
    line: list[_Seen] = []
    parked: list[_Seen] = []
    at_desks: list[tuple[str, VisitTimes]] = []
    for row in rows:
        entry = seen_before.get(row)
        parts = day_parts.get(row[0], ()) if day_parts else ()
        if (
            entry is None
            or entry.zone != zone
            or entry.care_first != care_first
            or entry.times.parts != parts
        ):
            entry = _see(row, day, zone, care_first, parts)
        seen[row] = entry
        times.append(entry.times)
        if entry.times.state in _AT_A_DESK:
            at_desks.append((row[_DESK], entry.times))
        if entry.visit is not None:
            (line if entry.times.state is VisitState.WAITING else parked).append(entry)
    _seen = seen  # only this day's rows are kept, until the next snapshot
    figures = day_figures(times, now_utc)
    average = figures.average_service
    minutes = average.total_seconds() / 60 if average else None
    line.sort(key=_order)
    parked.sort(key=_order)
    estimates = line_estimates(
        [entry.visit.desk for entry in line], minutes, _services_under_way(at_desks, now_utc)
    )
    return QueueSnapshot(
        waiting=tuple(
            _placed(entry, place, wait)
            for entry, (place, wait) in zip(line, estimates, strict=True)
        ),
        parked=tuple(entry.visit for entry in parked),
        figures=figures,
        taken_at=now,
    )


_AT_A_DESK = frozenset({VisitState.CALLED, VisitState.SERVING})


def _services_under_way(
    at_desks: Sequence[tuple[str, VisitTimes]], now_utc: dt.datetime
) -> dict[str, list[float]]:
    """By desk, the minutes each visitor called or served there has been there (since
    the call, or since the service started at that desk: a visitor passed on counts from
    there, not from the first desk's start)."""
    under_way: dict[str, list[float]] = {}
    for desk, times in at_desks:
        since = at_desk_since(times)
        if since is not None:
            minutes = max((now_utc - since).total_seconds() / 60, 0.0)
            under_way.setdefault(desk, []).append(minutes)
    return under_way


@dataclass(eq=False)
class _Seen:
    """What :func:`snapshot` made of one stored row: its times for the figures and, for
    a visitor in the queue, the row as the page shows it and its place in the order."""

    zone: dt.tzinfo | None
    times: VisitTimes
    care_first: bool = True  # the setting the order was made with
    order: tuple = ()  # call order when waiting, arrival order when parked
    visit: VisitInfo | None = None  # as last placed in the line


# The last snapshot's rows by their stored values (all of them, the client's name and
# tier too): a row equal to one seen before converts to the same visit, and a page
# refresh sees hundreds of unchanged rows. Replaced by each snapshot, so it holds no
# more than the day's queue that the page shows anyway.
_seen: dict[tuple, _Seen] = {}
# Where snapshot() finds its columns in a row of _FIELDS.
_DATE, _DESK, _STATE, _ARRIVED = 1, 10, 11, 13


def _see(
    row: tuple,
    day: dt.date,
    zone: dt.tzinfo | None,
    care_first: bool = True,
    parts: tuple[ServedPart, ...] = (),
) -> _Seen:
    state = VisitState(row[_STATE])
    arrived, called, started, finished = (stored_value(v) for v in row[_ARRIVED : _ARRIVED + 4])
    times = VisitTimes(state, arrived, called, started, finished, parts)
    if state not in QUEUED_STATES:
        return _Seen(zone, times, care_first)  # closed, called or in service: only counted
    values = (
        *row[:_DATE], day, *row[_DATE + 1 : _ARRIVED],
        arrived, called, started, finished, *row[_ARRIVED + 4 :],
    )  # fmt: skip
    visit = _info(values, zone, parts)
    if state is VisitState.WAITING:
        order = queue_order_key(
            visit.kind, visit.tier, arrived, visit.id, visit.priority, care_first
        )
    else:
        order = (arrived, visit.id)
    return _Seen(zone, times, care_first, order, visit)


def _order(entry: _Seen) -> tuple:
    return entry.order


def _placed(entry: _Seen, position: int, minutes: int) -> VisitInfo:
    """The entry's visit at *position* with *minutes* to wait; the same object when its
    place did not change, so an unchanged row compares by identity."""
    visit = entry.visit
    if visit.position == position and visit.estimated_wait_minutes == minutes:
        return visit
    # dataclasses.replace() re-runs the frozen __init__ (one object.__setattr__ per
    # field): when the first in line is called, every row moves up, and replacing 500
    # visits that way took longer than the query. A copy of the fields is the same value.
    placed = object.__new__(VisitInfo)
    placed.__dict__.update(visit.__dict__, position=position, estimated_wait_minutes=minutes)
    entry.visit = placed
    return placed


@functools.cache
def _day_visits_for(backend: str) -> str:
    """The SELECT of one day's visits, compiled by peewee once per backend."""
    probe = dt.date(1900, 1, 1)
    sql, params = _select().where(Visit.service_date == probe).sql()
    assert params == [probe], params  # the day is the only parameter
    return sql


def _day_visits_sql() -> str:
    return _day_visits_for("postgresql" if is_postgres() else "sqlite")


def day_stats(day: dt.date | None = None) -> DayFigures:
    """Arrived, waiting, served; average and longest wait; average service time and
    time in service for *day* (today by default)."""
    day = day or clock.today()
    rows = (
        Visit.select(
            Visit.id,
            Visit.state,
            Visit.arrived_at,
            Visit.called_at,
            Visit.started_at,
            Visit.finished_at,
        )
        .where(Visit.service_date == day)
        .tuples()
    )
    rows = list(rows)
    parts = _parts_of({row[0] for row in rows})
    times = [
        VisitTimes(VisitState(s), a, c, st, f, parts.get(vid, ())) for vid, s, a, c, st, f in rows
    ]
    return day_figures(times, clock.now_utc())


# ---------------------------------------------------------------- services passed on


@functools.cache
def _parts_sql(param: str) -> str:
    """The SELECT of the parts of services passed on, of visits in a range of ids, first
    part first. A day's visits are a run of ids (checked in one after the other), so the
    range is one short search of the parts' index, next to nothing on most days; a
    subquery or join on the day's visits cost a search per visit instead."""
    return (
        "SELECT visit_id, started_at, ended_at FROM service_part "
        f"WHERE visit_id BETWEEN {param} AND {param} ORDER BY visit_id, started_at, id"
    )


def _grouped_parts(
    rows: Sequence[tuple], wanted: Collection[int]
) -> dict[int, tuple[ServedPart, ...]]:
    """Parts as stored (UTC) by visit, of the *wanted* visits only."""
    grouped: dict[int, list[ServedPart]] = {}
    for visit_id, started, ended in rows:
        if visit_id in wanted:
            grouped.setdefault(visit_id, []).append(
                ServedPart(stored_value(started), stored_value(ended))
            )
    return {visit_id: tuple(parts) for visit_id, parts in grouped.items()}


def _parts_of(visit_ids: Collection[int]) -> dict[int, tuple[ServedPart, ...]]:
    """The parts of these visits' services passed on from desk to desk, by visit: one
    query for all of them (a day's visits, or a few)."""
    if not visit_ids:
        return {}
    wanted = visit_ids if isinstance(visit_ids, (set, frozenset)) else set(visit_ids)
    sql = _parts_sql(database.param)
    rows = database.execute_sql(sql, (min(wanted), max(wanted))).fetchall()
    return _grouped_parts(rows, wanted)


# ---------------------------------------------------------------- checking in


def check_in(request: CheckIn, actor: str) -> VisitInfo:
    """Give a visitor the day's next ticket of their kind and put them in line."""
    name = " ".join((request.walk_in_name or "").split())
    phone = normalize_phone(request.walk_in_phone or "")
    problems = []
    if request.client_id is None and not name and not phone:
        problems.append(
            Problem(
                "client",
                QT_TRANSLATE_NOOP(
                    "domain", "Choose a client, or give the visitor's name or phone number."
                ),
            )
        )
    if len(name) > NAME_MAX:
        problems.append(
            Problem(
                "walk_in_name",
                QT_TRANSLATE_NOOP("domain", "A name has at most {max} characters."),
                {"max": NAME_MAX},
            )
        )
    if len(phone) > PHONE_MAX:
        problems.append(
            Problem(
                "walk_in_phone",
                QT_TRANSLATE_NOOP("domain", "A phone number has at most {max} digits."),
                {"max": PHONE_MAX},
            )
        )
    if problems:
        raise ValidationError(problems)
    kind = VisitKind(request.kind)
    day = clock.today()
    with writing():
        birth = None
        if request.client_id is not None:
            birth = clients.birth_date_in_book(request.client_id)
            already = (
                Visit.select(Visit.ticket)
                .where(
                    (Visit.service_date == day)
                    & (Visit.client == request.client_id)
                    & Visit.state.in_([s.value for s in OPEN_STATES])
                )
                .first()
            )
            if already is not None:
                raise ConflictError(
                    Problem(
                        "client",
                        QT_TRANSLATE_NOOP(
                            "domain", "This client is already in today's queue as {ticket}."
                        ),
                        {"ticket": already.ticket},
                    )
                )
        seq = _next_number(day, kind)
        number = ticket(kind, seq)
        visit = Visit.create(
            service_date=day,
            kind=kind.value,
            seq=seq,
            ticket=number,
            client=request.client_id,
            walk_in_name=name,
            walk_in_phone=phone,
            purposes=purposes_text(request.purposes),
            priority=request.priority | care_priority(birth, day, request.assistance),
            notes=request.notes or "",
            # A waiting visit's desk is the one it was sent to: only that desk's "call
            # next" takes it (any desk may still call it by choice).
            desk=(request.for_desk or "").strip(),
            state=VisitState.WAITING.value,
            arrived_at=clock.now_utc(),
        )
        audit.record(AuditAction.VISIT_CHECKED_IN, actor, request.client_id, number)
        return get_visit(visit.id)


def walk_in_phone(visit_id: int) -> str:
    """The phone number a walk-in gave at check-in, in full (to fill in the client record
    they become: the list shows it masked); "" when they gave none or are a client."""
    row = (
        Visit.select(Visit.client, Visit.walk_in_phone).where(Visit.id == visit_id).tuples().first()
    )
    if row is None:
        raise _gone()
    client_id, phone = row
    return "" if client_id is not None else (phone or "")


def link_client(
    visit_id: int, client_id: int, actor: str, expected_version: int | None = None
) -> VisitInfo:
    """Identify an anonymous walk-in as a client of the book (found or just added); the
    name or phone they gave at check-in is kept with the visit."""
    with writing():
        row = _current_as_seen(visit_id, expected_version)
        if row.client_id == client_id:
            return get_visit(visit_id)
        if row.client_id is not None:
            raise ConflictError(
                Problem(
                    "client",
                    QT_TRANSLATE_NOOP(
                        "domain",
                        "This visit already belongs to another client; nothing was changed.",
                    ),
                )
            )
        clients.require_in_book(client_id)
        # Known now: an older client is served first like one checked in by name.
        priority = _linked_priority(visit_id, client_id)
        moved = (
            Visit.update(client=client_id, priority=priority, row_version=Visit.row_version + 1)
            .where((Visit.id == visit_id) & (Visit.row_version == row.row_version))
            .execute()
        )
        if moved != 1:
            raise _moved_elsewhere()
        audit.record(AuditAction.VISIT_LINKED, actor, client_id, row.ticket)
        return get_visit(visit_id)


def _birth_date(client_id: int) -> dt.date | None:
    birth = Client.select(Client.birth_date).where(Client.id == client_id).scalar()
    if birth is None or isinstance(birth, dt.date):
        return birth
    return dt.date.fromisoformat(str(birth))


def _linked_priority(visit_id: int, client_id: int) -> int:
    """The visit's care flags once its client is known: the assistance asked for at
    check-in kept, the client's age added."""
    row = Visit.select(Visit.priority, Visit.service_date).where(Visit.id == visit_id).tuples()
    priority, day = row.first()
    if not isinstance(day, dt.date):
        day = dt.date.fromisoformat(str(day))
    return priority | care_priority(_birth_date(client_id), day, False)


@functools.cache
def _care_first_sql(param: str) -> str:
    return f"SELECT value FROM setting WHERE key = {param}"


def care_first_setting() -> bool:
    """Whether visitors aged 65 or over or needing assistance are called first (the
    branch setting ``queue_care_first``), read in one small query: every snapshot and
    every call asks."""
    from ..domain.settings import coerce

    row = database.execute_sql(_care_first_sql(database.param), ("queue_care_first",)).fetchone()
    if row is None:
        return bool(coerce("queue_care_first", None))
    try:
        return bool(coerce("queue_care_first", json.loads(row[0])))
    except ValueError:
        return bool(coerce("queue_care_first", None))


def _next_number(day: dt.date, kind: VisitKind) -> int:
    """The day's next number of *kind*, drawn in one statement, so that two desks (or
    two processes on one SQLite file) never draw the same one."""
    p = database.param
    cursor = database.execute_sql(
        "INSERT INTO ticket_counter (service_date, kind, last) "
        f"VALUES ({p}, {p}, 1) ON CONFLICT (service_date, kind) "
        "DO UPDATE SET last = ticket_counter.last + 1 RETURNING last",
        (_day_param(day), kind.value),
    )
    (last,) = cursor.fetchone()
    return int(last)


# ---------------------------------------------------------------- calling


def call_next(desk: str, actor: str, day: dt.date | None = None) -> VisitInfo | None:
    """Call the first visitor in line to *desk*: from the shared queue or sent to this
    desk (a visitor the lobby sent to another desk waits for that one); None when nobody
    is waiting.

    Choosing and claiming are one conditional UPDATE (on PostgreSQL the candidate row is
    locked and rows another desk holds are skipped), so two desks never call the same
    visitor.
    """
    desk = _desk(desk)
    day = day or clock.today()
    pg = is_postgres()
    p = database.param
    kind_rank = f"CASE v.kind WHEN '{VisitKind.APPOINTMENT.value}' THEN 0 ELSE 1 END"
    tier_rank = (
        "CASE c.tier "
        + " ".join(f"WHEN '{t.value}' THEN {t.rank}" for t in Tier)
        + f" ELSE {Tier.NORMAL.rank} END"
    )
    # Older visitors and those needing assistance after appointments, before the tiers.
    care_rank = "CASE WHEN v.priority <> 0 THEN 0 ELSE 1 END, " if care_first_setting() else ""
    lock = " FOR UPDATE OF v SKIP LOCKED" if pg else ""
    waiting_state = VisitState.WAITING.value
    sql = (
        f"UPDATE visit SET state = {p}, desk = {p}, called_at = {p}, "
        "row_version = row_version + 1 "
        "WHERE id = (SELECT v.id FROM visit v LEFT JOIN client c ON c.id = v.client_id "
        f"WHERE v.service_date = {p} AND v.state = {p} AND (v.desk = '' OR v.desk = {p}) "
        f"ORDER BY {kind_rank}, {care_rank}{tier_rank}, v.arrived_at, v.id LIMIT 1{lock}) "
        f"AND state = {p} RETURNING id, client_id, ticket"
    )
    params = (
        VisitState.CALLED.value,
        desk,
        clock.now_utc(),
        _day_param(day),
        waiting_state,
        desk,
        waiting_state,
    )
    with writing():
        claimed = database.execute_sql(sql, params).fetchall()
        if not claimed:
            return None
        ((visit_id, client_id, number),) = claimed
        audit.record(AuditAction.VISIT_CALLED, actor, client_id, f"{number} {desk}")
        return get_visit(visit_id)


def call(visit_id: int, desk: str, actor: str, expected_version: int | None = None) -> VisitInfo:
    """Call one waiting visitor to *desk*, out of order."""
    desk = _desk(desk)
    return _move(
        visit_id,
        VisitState.CALLED,
        actor,
        expected_version,
        needed=VisitState.WAITING,
        changes={"desk": desk, "called_at": clock.now_utc()},
        action=AuditAction.VISIT_CALLED,
        detail=desk,
    )


def recall(visit_id: int, actor: str, expected_version: int | None = None) -> VisitInfo:
    """Call a called visitor again (counted)."""
    return _move(
        visit_id,
        VisitState.CALLED,
        actor,
        expected_version,
        needed=VisitState.CALLED,
        changes={"recall_count": Visit.recall_count + 1},
    )


def no_show(visit_id: int, actor: str, expected_version: int | None = None) -> VisitInfo:
    """A called visitor who did not come: the visit is closed."""
    return _move(
        visit_id,
        VisitState.NO_SHOW,
        actor,
        expected_version,
        changes={"finished_at": clock.now_utc()},
    )


def recycle(visit_id: int, actor: str, expected_version: int | None = None) -> VisitInfo:
    """A called visitor back in line, in their old place (their arrival time is kept)."""
    return _move(
        visit_id,
        VisitState.WAITING,
        actor,
        expected_version,
        needed=VisitState.CALLED,
        changes={"desk": "", "called_at": None},
    )


def park(visit_id: int, actor: str, expected_version: int | None = None) -> VisitInfo:
    """Set a waiting visitor aside (filling in a form, a phone call); not called meanwhile."""
    return _move(visit_id, VisitState.PARKED, actor, expected_version)


def unpark(visit_id: int, actor: str, expected_version: int | None = None) -> VisitInfo:
    """A parked visitor back in line, in their old place."""
    return _move(visit_id, VisitState.WAITING, actor, expected_version, needed=VisitState.PARKED)


def leave(visit_id: int, actor: str, expected_version: int | None = None) -> VisitInfo:
    """A visitor who gave up waiting."""
    return _move(
        visit_id,
        VisitState.LEFT,
        actor,
        expected_version,
        changes={"finished_at": clock.now_utc()},
    )


def start_service(visit_id: int, actor: str, expected_version: int | None = None) -> VisitInfo:
    """The called visitor sits down: the service session starts. A visitor passed on
    after their service began keeps that start; this desk's part starts now."""
    now = clock.now_utc()
    with writing():
        visit = _move(
            visit_id,
            VisitState.SERVING,
            actor,
            expected_version,
            changes={"started_at": peewee.fn.COALESCE(Visit.started_at, now)},
        )
        if _has_parts(visit_id):
            ServicePart.create(visit=visit_id, desk=visit.desk, started_at=now)
        return visit


def _has_parts(visit_id: int) -> bool:
    return ServicePart.select().where(ServicePart.visit == visit_id).exists()


def _end_service_part(visit_id: int, desk: str) -> None:
    """Close this desk's part of a service: the open part, or (the first pass) the part
    from the service's start until now."""
    now = clock.now_utc()
    ended = (
        ServicePart.update(ended_at=now)
        .where((ServicePart.visit == visit_id) & ServicePart.ended_at.is_null())
        .execute()
    )
    if not ended:
        started = Visit.select(Visit.started_at).where(Visit.id == visit_id).scalar()
        ServicePart.create(visit=visit_id, desk=desk, started_at=started or now, ended_at=now)


def finish(
    visit_id: int,
    outcome: str,
    actor: str,
    expected_version: int | None = None,
    checklist: tuple[FinishCheck, ...] = (),
) -> VisitInfo:
    """Close the service session with its outcome and the end-of-service checks ticked;
    its duration is kept for the day close. The appointment the visitor checked in for
    becomes completed (``appointment_visits.visit_finished``)."""
    ticked = {FinishCheck(c) for c in checklist}
    with writing():
        visit = _move(
            visit_id,
            VisitState.DONE,
            actor,
            expected_version,
            changes={
                "finished_at": clock.now_utc(),
                "outcome": (outcome or "").strip(),
                "checklist": ",".join(c.value for c in FinishCheck if c in ticked),
            },
            action=AuditAction.VISIT_FINISHED,
        )
        if _has_parts(visit_id):
            _end_service_part(visit_id, visit.desk)
        if visit.kind is VisitKind.APPOINTMENT:
            # The appointment checked in through this visit is kept: completed in the same
            # transaction.
            appointment_visits.visit_finished(visit_id, actor)
        return visit


def session_activity(visit_id: int) -> SessionActivity:
    """What was recorded for the visitor of *visit_id* since they were called: sales
    (through the visit, or for their client in that time), appointments booked and
    call-backs set for their client in that time."""
    from ..db.models import Appointment, CareTask, Sale
    from ..domain.appointment import AppointmentStatus
    from ..domain.care import CareKind

    row = (
        Visit.select(Visit.client, Visit.arrived_at, Visit.called_at, Visit.started_at)
        .where(Visit.id == visit_id)
        .tuples()
        .first()
    )
    if row is None:
        raise _gone()
    client_id, arrived, called, started = row
    since = called or started or arrived
    by_visit = Sale.visit == visit_id
    if client_id is not None:
        by_visit |= (Sale.client == client_id) & Sale.visit.is_null() & (Sale.created_at >= since)
    sales = Sale.select().where(by_visit & Sale.cancelled_at.is_null()).count()
    if client_id is None:
        return SessionActivity(sales=sales)
    dropped = (AppointmentStatus.CANCELLED.value, AppointmentStatus.RESCHEDULED.value)
    booked = (
        Appointment.select()
        .where(
            (Appointment.client == client_id)
            & (Appointment.created_at >= since)
            & Appointment.status.not_in(dropped)
        )
        .count()
    )
    # A call-back set in a call logged for the client. Follow-up tasks of the care list
    # are made from visits already finished, whenever the list is read: not this one's.
    follow_ups = (
        CareTask.select()
        .where(
            (CareTask.client == client_id)
            & (CareTask.created_at >= since)
            & (CareTask.kind == CareKind.CALL_BACK.value)
        )
        .count()
    )
    return SessionActivity(sales=sales, appointments=booked, follow_ups=follow_ups)


def at_desk(desk: str, day: dt.date | None = None) -> list[VisitInfo]:
    """The visitors called to *desk* or being served there on *day* (today by default),
    first called first: after a restart the desk picks up where it was."""
    day = day or clock.today()
    query = (
        _select()
        .where(
            (Visit.service_date == day)
            & (Visit.desk == desk)
            & Visit.state.in_([VisitState.CALLED.value, VisitState.SERVING.value])
        )
        .order_by(Visit.called_at, Visit.id)
    )
    return _with_parts(list(query.tuples()))


def unclosed_days(before: dt.date) -> list[dt.date]:
    """Earlier days with visits still open (waiting, parked, called or being served): the
    app was not running at their closing time, or a service was never finished."""
    query = (
        Visit.select(Visit.service_date)
        .where((Visit.service_date < before) & Visit.state.in_([s.value for s in OPEN_STATES]))
        .distinct()
        .order_by(Visit.service_date)
    )
    return [day for (day,) in query.tuples()]


def close_day(day: dt.date, actor: str, waiting_only: bool = False) -> int:
    """Close the visits of *day* still waiting or parked as left; returns how many.

    For a day that is over (before today) the visits still called are closed as no-shows
    and those still being served as done with the outcome "not filed" and no service
    time (when the session really ended is not known), so that no visit stays open.
    Today's called and served visitors are left to their desks, and so are a day's
    with *waiting_only* (midnight in a running window: a service may go on past it)."""
    with writing():
        settle = day < clock.today() and not waiting_only
        closed = _close_left_open(day, actor) if settle else 0
        closed += (
            Visit.update(
                state=VisitState.LEFT.value,
                finished_at=clock.now_utc(),
                row_version=Visit.row_version + 1,
            )
            .where(
                (Visit.service_date == day)
                & Visit.state.in_([VisitState.WAITING.value, VisitState.PARKED.value])
            )
            .execute()
        )
        if closed:
            audit.record(AuditAction.QUEUE_CLOSED, actor, None, f"{day.isoformat()} {closed}")
    return closed


def _close_left_open(day: dt.date, actor: str) -> int:
    now = clock.now_utc()
    serving = [
        vid
        for (vid,) in Visit.select(Visit.id)
        .where((Visit.service_date == day) & (Visit.state == VisitState.SERVING.value))
        .tuples()
    ]
    no_shows = (
        Visit.update(
            state=VisitState.NO_SHOW.value, finished_at=now, row_version=Visit.row_version + 1
        )
        .where((Visit.service_date == day) & (Visit.state == VisitState.CALLED.value))
        .execute()
    )
    unfiled = (
        Visit.update(
            state=VisitState.DONE.value,
            outcome=ServiceOutcome.NOT_FILED.value,
            finished_at=Visit.started_at,
            row_version=Visit.row_version + 1,
        )
        .where((Visit.service_date == day) & (Visit.state == VisitState.SERVING.value))
        .execute()
    )
    for visit_id in serving:  # the appointment served is completed, as by finish()
        appointment_visits.visit_finished(visit_id, actor)
    return no_shows + unfiled


def transfer(
    visit_id: int, to_desk: str, actor: str, expected_version: int | None = None
) -> VisitInfo:
    """Pass a visitor called to or served at one desk on to another desk (a colleague):
    they wait again, first for that desk, in their place by arrival; the time at the
    first desk ends here."""
    to_desk = _desk(to_desk)
    with writing():
        row = _current_as_seen(visit_id, expected_version)
        state = VisitState(row.state)
        if state not in (VisitState.CALLED, VisitState.SERVING):
            raise DomainError(
                Problem(
                    "state",
                    QT_TRANSLATE_NOOP(
                        "domain",
                        "Only a visitor called to or served at a desk can be passed on; "
                        "{ticket} is “{state}”.",
                    ),
                    {"ticket": row.ticket, "state": state.label},
                )
            )
        if to_desk == row.desk:
            raise ValidationError(
                Problem(
                    "desk",
                    QT_TRANSLATE_NOOP("domain", "{ticket} is at desk {desk} already."),
                    {"ticket": row.ticket, "desk": to_desk},
                )
            )
        moved = (
            Visit.update(
                state=VisitState.WAITING.value,
                desk=to_desk,
                called_at=None,
                row_version=Visit.row_version + 1,
            )
            .where((Visit.id == visit_id) & (Visit.row_version == row.row_version))
            .execute()
        )
        if moved != 1:
            raise _moved_elsewhere()
        if state is VisitState.SERVING:
            # The service began here: its start is kept, and this desk's part of it is
            # counted for this desk (the next desk's part from when it starts again).
            _end_service_part(visit_id, row.desk)
        audit.record(
            AuditAction.VISIT_TRANSFERRED,
            actor,
            row.client_id,
            f"{row.ticket} {row.desk}->{to_desk}",
        )
        return get_visit(visit_id)


def pass_waiting(visit_ids: Sequence[int], from_desk: str, to_desk: str, actor: str) -> int:
    """Pass visitors waiting for *from_desk* on to *to_desk* ("" is the shared queue),
    keeping their place by arrival: the manager is leaving. Only those still waiting for
    that desk move (one called meanwhile by another desk stays where it is); audited
    per visitor. The number moved."""
    to_desk = (to_desk or "").strip()
    from_desk = _desk(from_desk)
    if to_desk == from_desk:
        return 0
    moved = 0
    with writing():
        rows = (
            Visit.select(Visit.id, Visit.ticket, Visit.client)
            .where(
                Visit.id.in_(list(visit_ids))
                & (Visit.state == VisitState.WAITING.value)
                & (Visit.desk == from_desk)
            )
            .tuples()
        )
        for visit_id, ticket, client_id in list(rows):
            changed = (
                Visit.update(desk=to_desk, row_version=Visit.row_version + 1)
                .where(
                    (Visit.id == visit_id)
                    & (Visit.state == VisitState.WAITING.value)
                    & (Visit.desk == from_desk)
                )
                .execute()
            )
            if changed:
                moved += 1
                audit.record(
                    AuditAction.VISIT_TRANSFERRED,
                    actor,
                    client_id,
                    f"{ticket} {from_desk}->{to_desk or 'shared'}",
                )
    return moved


@dataclass(frozen=True)
class CallShown:
    """A call as the waiting room sees it: ticket, desk, a public name (张*)."""

    ticket: str
    desk: str
    public_name: str
    called_at: dt.datetime
    recalls: int
    state: VisitState = VisitState.CALLED
    started_at: dt.datetime | None = None


# How long a call stays in the waiting room's large type: while the visitor is called and
# has not sat down; once the service started, this long more; and however quickly the
# desk starts, a new call is shown at least this long.
CALL_SHOWN_AFTER_START = dt.timedelta(seconds=30)
CALL_SHOWN_AT_LEAST = dt.timedelta(seconds=20)


def current_call(
    calls: Sequence[CallShown], away_desks: set[str] = frozenset()
) -> CallShown | None:
    """The call the waiting room shows large now, of *calls* (newest first), or None: a
    visitor called and not yet sitting at a desk that is at work (not away, at lunch or
    closed), or one whose service began moments ago. A visitor served, finished, not
    come or sent elsewhere is not "called" any more."""
    now = clock.now()
    for call in calls:
        if call.desk in away_desks:
            continue
        if call.state is VisitState.CALLED:
            return call
        if call.state in (VisitState.SERVING, VisitState.DONE) and call.started_at is not None:
            if now - call.started_at <= CALL_SHOWN_AFTER_START:
                return call
            if now - call.called_at <= CALL_SHOWN_AT_LEAST:
                return call
    return None


def recent_calls(limit: int = 6, day: dt.date | None = None) -> list[CallShown]:
    """Today's latest calls, newest first: what the waiting-room display shows."""
    day = day or clock.today()
    zone = clock.now().tzinfo
    rows = (
        Visit.select(
            Visit.ticket,
            Visit.desk,
            Visit.walk_in_name,
            Client.name,
            Visit.called_at,
            Visit.recall_count,
            Visit.state,
            Visit.started_at,
        )
        .join(Client, peewee.JOIN.LEFT_OUTER, on=(Visit.client == Client.id))
        .where((Visit.service_date == day) & Visit.called_at.is_null(False))
        .order_by(Visit.called_at.desc(), Visit.id.desc())
        .limit(limit)
        .tuples()
    )
    return [
        CallShown(
            ticket=number,
            desk=desk,
            public_name=mask_name(name or walk_in or ""),
            called_at=from_stored(called, zone),
            recalls=recalls,
            state=VisitState(state),
            started_at=from_stored(started, zone),
        )
        for number, desk, walk_in, name, called, recalls, state, started in rows
    ]


@dataclass(frozen=True)
class DeskWaiter:
    """A visitor waiting for one desk, as the lobby sees them: masked, with an honest
    estimate. *minutes* is None when the desk is closed or not running (nobody will
    call them there: move them); *after* is the time the desk is back when it is away
    or at lunch, and the minutes count from now to after that."""

    visit_id: int
    ticket: str
    masked_name: str
    arrived_at: dt.datetime
    row_version: int
    position: int  # 1 = next for this desk
    minutes: int | None
    after: str = ""


@dataclass(frozen=True)
class DeskOverview:
    """One desk as the lobby sees it."""

    desk: str
    state: str  # DeskState value
    until: str
    manager: str
    serving: str  # the ticket called to or served at the desk, or ""
    waiting_for: int  # visitors sent to this desk and waiting
    serving_state: str = ""  # "called" or "serving" for the ticket at the desk
    running: bool = True  # the desk's program is there (started today, heartbeat fresh)
    host: str = ""  # the computer the desk runs on, when known
    waiting: tuple[DeskWaiter, ...] = ()  # who waits for it, first first


def desks_overview(day: dt.date | None = None) -> list[DeskOverview]:
    """Every desk open on *day* (today by default): each desk that started today (until
    it closes, free or not), each that set its state today, and any desk someone is at
    or waits for (a closed one too, so that they can be moved); with what it is doing
    and who waits for it, masked, with an honest estimate (a desk at lunch until 14:00
    calls nobody before 14:00)."""
    from . import desk as desk_service
    from . import desk_presence

    now = clock.now()
    day = day or now.date()
    busy: dict[str, tuple[str, str]] = {}
    for desk, number, state in (
        Visit.select(Visit.desk, Visit.ticket, Visit.state)
        .where(
            (Visit.service_date == day)
            & Visit.state.in_([VisitState.CALLED.value, VisitState.SERVING.value])
        )
        .order_by(Visit.called_at)
        .tuples()
    ):
        busy[desk] = (number, state)
    # Who waits for each desk, with the queue page's own places and estimates (the one
    # estimate, domain/queue.line_estimates), so the lobby never tells two numbers.
    average = None
    waiting: dict[str, list[VisitInfo]] = {}
    if day == now.date():
        snap = snapshot(day)
        service = snap.figures.average_service
        average = service.total_seconds() / 60 if service else None
        for visit in snap.waiting:
            if visit.desk:
                waiting.setdefault(visit.desk, []).append(visit)
    present = {p.desk: p for p in desk_presence.started_on(day)}
    statuses = {}
    for status in desk_service.all_statuses():
        if status.changed_at is not None and status.changed_at.date() == day:
            statuses[status.desk] = status
    closed = {d for d, s in statuses.items() if s.state is DeskState.CLOSED}
    listed = (set(present) | set(statuses)) - closed
    listed |= set(busy) | set(waiting)
    shown = []
    for desk in listed:
        status = statuses.get(desk)
        state = status.state if status else DeskState.AVAILABLE
        until = status.until.strftime("%H:%M") if status and status.until else ""
        presence = present.get(desk)
        running = presence.running if presence else desk in busy or status is not None
        number, visit_state = busy.get(desk, ("", ""))
        waiters = _desk_waiters(waiting.get(desk, []), state, until, running, average, now)
        shown.append(
            DeskOverview(
                desk=desk,
                state=state.value,
                until=until,
                manager=status.manager if status else "",
                serving=number,
                waiting_for=len(waiters),
                serving_state=visit_state,
                running=running,
                host=presence.host if presence else "",
                waiting=waiters,
            )
        )
    return sorted(shown, key=lambda d: (len(d.desk), d.desk))


def _desk_waiters(
    visits: list[VisitInfo],
    state: DeskState,
    until: str,
    running: bool,
    average: float | None,
    now: dt.datetime,
) -> tuple[DeskWaiter, ...]:
    """The visitors sent to one desk with the wait each can be told: the queue's own
    estimate while the desk is at work; when it is away or at lunch, from the time it is
    back, the average per visitor ahead; none when it is closed or its program is not
    running (nobody will call them there)."""
    back = None
    if state.takes_return_time and until:
        hours, minutes = (int(x) for x in until.split(":"))
        back = now.replace(hour=hours, minute=minutes, second=0, microsecond=0)
    waiters = []
    for visit in visits:
        minutes = None
        if state is not DeskState.CLOSED and running:
            if back is not None:
                ahead = estimated_wait(visit.position, average)
                minutes = max(math.ceil((back - now).total_seconds() / 60), 0) + ahead
            elif not state.takes_return_time:  # away with no time said: not known
                minutes = visit.estimated_wait_minutes
        waiters.append(
            DeskWaiter(
                visit_id=visit.id,
                ticket=visit.ticket,
                masked_name=visit.masked_name,
                arrived_at=visit.arrived_at,
                row_version=visit.row_version,
                position=visit.position,
                minutes=minutes,
                after=until if back is not None and back > now else "",
            )
        )
    return tuple(waiters)


def send_waiting(
    visit_id: int, to_desk: str, actor: str, expected_version: int | None = None
) -> VisitInfo:
    """The lobby moves one waiting (or set-aside) visitor to *to_desk* ("" is the shared
    queue), keeping their place by arrival; audited. Refused when the visitor was called
    or moved meanwhile."""
    to_desk = (to_desk or "").strip()
    with writing():
        row = _current_as_seen(visit_id, expected_version)
        state = VisitState(row.state)
        if state not in (VisitState.WAITING, VisitState.PARKED):
            raise DomainError(
                Problem(
                    "state",
                    QT_TRANSLATE_NOOP(
                        "domain",
                        "Only a visitor still waiting can be sent elsewhere; {ticket} is "
                        "“{state}”.",
                    ),
                    {"ticket": row.ticket, "state": state.label},
                )
            )
        if row.desk == to_desk:
            return get_visit(visit_id)
        moved = (
            Visit.update(desk=to_desk, row_version=Visit.row_version + 1)
            .where((Visit.id == visit_id) & (Visit.row_version == row.row_version))
            .execute()
        )
        if moved != 1:
            raise _moved_elsewhere()
        audit.record(
            AuditAction.VISIT_TRANSFERRED,
            actor,
            row.client_id,
            f"{row.ticket} {row.desk or 'shared'}->{to_desk or 'shared'}",
        )
        return get_visit(visit_id)


# ---------------------------------------------------------------- helpers


def _move(
    visit_id: int,
    wanted: VisitState,
    actor: str,
    expected_version: int | None,
    needed: VisitState | None = None,
    changes: dict | None = None,
    action: AuditAction | None = None,
    detail: str = "",
) -> VisitInfo:
    """Move a visit to *wanted* if the rules allow it from its present state and nobody
    moved it since the caller saw it (*expected_version*); else change nothing."""
    with writing():
        row = _current_as_seen(visit_id, expected_version)
        problem = move_problem(VisitState(row.state), wanted, needed)
        if problem is not None:
            raise DomainError(problem)
        moved = (
            Visit.update(state=wanted.value, row_version=Visit.row_version + 1, **(changes or {}))
            .where((Visit.id == visit_id) & (Visit.row_version == row.row_version))
            .execute()
        )
        if moved != 1:
            raise _moved_elsewhere()
        if action is not None:
            audit.record(action, actor, row.client_id, f"{row.ticket} {detail}".strip())
        return get_visit(visit_id)


@dataclass(frozen=True)
class _Current:
    state: str
    row_version: int
    client_id: int | None
    ticket: str
    desk: str


def _current(visit_id: int) -> _Current | None:
    """The few columns a move checks, read without building a query each time."""
    p = database.param
    row = database.execute_sql(
        f"SELECT state, row_version, client_id, ticket, desk FROM visit WHERE id = {p}",
        (visit_id,),
    ).fetchone()
    return _Current(*row) if row else None


def _current_as_seen(visit_id: int, expected_version: int | None) -> _Current:
    """The visit's :func:`_current` columns; refused when it is gone, or changed since
    the manager saw it at *expected_version* (None: not checked)."""
    row = _current(visit_id)
    if row is None:
        raise _gone()
    if expected_version is not None and row.row_version != expected_version:
        raise _moved_elsewhere()
    return row


def _day_param(day: dt.date) -> object:
    # SQLite keeps dates as ISO text (as peewee writes them).
    return day if is_postgres() else day.isoformat()


def _desk(desk: str) -> str:
    desk = (desk or "").strip()
    if not desk:
        raise ValidationError(
            Problem("desk", QT_TRANSLATE_NOOP("domain", "Name the desk the visitor is called to."))
        )
    return desk


def _gone() -> NotFound:
    return NotFound(Problem("visit", QT_TRANSLATE_NOOP("domain", "This visit no longer exists.")))


def _moved_elsewhere() -> ConflictError:
    return ConflictError(
        Problem(
            "visit",
            QT_TRANSLATE_NOOP(
                "domain",
                "Someone else changed this visit a moment ago; nothing was changed. "
                "Look at the queue again.",
            ),
        )
    )


__all__ = [
    "CheckIn",
    "QueueSnapshot",
    "VisitInfo",
    "at_desk",
    "call",
    "call_next",
    "check_in",
    "client_visits",
    "close_day",
    "current_call",
    "day_stats",
    "finish",
    "get_visit",
    "leave",
    "link_client",
    "no_show",
    "park",
    "pass_waiting",
    "recall",
    "recycle",
    "send_waiting",
    "snapshot",
    "start_service",
    "unclosed_days",
    "unpark",
    "visits",
    "waiting",
]
