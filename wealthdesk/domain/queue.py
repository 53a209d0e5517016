"""The visitor queue as the rules see it: states and their transitions, tickets, the
order visitors are called in, the wait estimate and the day's figures."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .client import Labeled, Tier
from .errors import QT_TRANSLATE_NOOP, Phrase, Problem


class VisitState(Labeled):
    WAITING = "waiting"
    CALLED = "called"
    SERVING = "serving"
    DONE = "done"
    PARKED = "parked"
    NO_SHOW = "no_show"
    LEFT = "left"

    @classmethod
    def _labels(cls):
        return {
            "waiting": QT_TRANSLATE_NOOP("domain", "Waiting"),
            "called": QT_TRANSLATE_NOOP("domain", "Called"),
            "serving": QT_TRANSLATE_NOOP("domain", "Serving"),
            "done": QT_TRANSLATE_NOOP("domain", "Done"),
            "parked": QT_TRANSLATE_NOOP("domain", "Parked"),
            "no_show": QT_TRANSLATE_NOOP("domain", "No-show"),
            "left": QT_TRANSLATE_NOOP("domain", "Left"),
        }

    @classmethod
    def _aliases(cls):
        return {
            "waiting": ("等候中", "等候"),
            "called": ("已叫号", "叫号"),
            "serving": ("服务中",),
            "done": ("已完成", "完成"),
            "parked": ("暂挂",),
            "no_show": ("过号", "未到"),
            "left": ("已离开", "离开"),
        }

    @property
    def is_closed(self) -> bool:
        """Nothing more happens to a visit in this state."""
        return self in CLOSED_STATES


CLOSED_STATES = frozenset({VisitState.DONE, VisitState.NO_SHOW, VisitState.LEFT})
# In the queue: waiting for a desk, whether in line or set aside for a moment.
QUEUED_STATES = frozenset({VisitState.WAITING, VisitState.PARKED})
# Still in the branch today: a client who is one of these cannot check in again.
OPEN_STATES = frozenset(VisitState) - CLOSED_STATES


class Purpose(Labeled):
    CONSULTATION = "consultation"
    PURCHASE = "purchase"
    REDEMPTION = "redemption"
    RISK_ASSESSMENT = "risk_assessment"
    ACCOUNT_SERVICE = "account_service"
    COMPLAINT = "complaint"
    OTHER = "other"

    @classmethod
    def _labels(cls):
        return {
            "consultation": QT_TRANSLATE_NOOP("domain", "Consultation"),
            "purchase": QT_TRANSLATE_NOOP("domain", "Purchase"),
            "redemption": QT_TRANSLATE_NOOP("domain", "Redemption"),
            "risk_assessment": QT_TRANSLATE_NOOP("domain", "Risk assessment"),
            "account_service": QT_TRANSLATE_NOOP("domain", "Account service"),
            "complaint": QT_TRANSLATE_NOOP("domain", "Complaint"),
            "other": QT_TRANSLATE_NOOP("domain", "Other"),
        }

    @classmethod
    def _aliases(cls):
        return {
            "consultation": ("理财咨询", "咨询"),
            "purchase": ("购买产品", "购买", "申购", "认购"),
            "redemption": ("赎回",),
            "risk_assessment": ("风险评估", "风评", "风险测评"),
            "account_service": ("账户业务", "账户服务", "开户"),
            "complaint": ("投诉",),
            "other": ("其他", "其它"),
        }


class VisitKind(Labeled):
    APPOINTMENT = "A"
    WALK_IN = "W"

    @classmethod
    def _labels(cls):
        return {
            "A": QT_TRANSLATE_NOOP("domain", "Appointment"),
            "W": QT_TRANSLATE_NOOP("domain", "Walk-in"),
        }

    @classmethod
    def _aliases(cls):
        return {"A": ("预约", "appointment"), "W": ("现场", "到店", "walk-in", "walk_in")}


class ServiceOutcome(Labeled):
    """How a service session ended, as the day close counts it."""

    ADVISED = "advised"
    SOLD = "sold"
    FOLLOW_UP = "follow_up"
    SERVICED = "serviced"
    REFERRED = "referred"
    OTHER = "other"
    NOT_FILED = "not_filed"  # the day ended with the session still open

    @classmethod
    def _labels(cls):
        return {
            "advised": QT_TRANSLATE_NOOP("domain", "Advice given"),
            "sold": QT_TRANSLATE_NOOP("domain", "Product sold"),
            "follow_up": QT_TRANSLATE_NOOP("domain", "Follow-up needed"),
            "serviced": QT_TRANSLATE_NOOP("domain", "Request handled"),
            "referred": QT_TRANSLATE_NOOP("domain", "Referred to a colleague"),
            "other": QT_TRANSLATE_NOOP("domain", "Other"),
            "not_filed": QT_TRANSLATE_NOOP("domain", "Not filed (the day ended first)"),
        }

    @classmethod
    def _aliases(cls):
        return {
            "not_filed": ("未归档",),
            "advised": ("咨询建议", "已咨询"),
            "sold": ("成交", "已销售"),
            "follow_up": ("待跟进", "跟进"),
            "serviced": ("已办理", "办结"),
            "referred": ("转介",),
            "other": ("其他", "其它"),
        }


class FinishCheck(Labeled):
    """The end-of-service checklist, ticked before the session is filed."""

    PAPERS_FILED = "papers_filed"
    FOLLOW_UP_SET = "follow_up_set"
    DESK_TIDY = "desk_tidy"

    @classmethod
    def _labels(cls):
        return {
            "papers_filed": QT_TRANSLATE_NOOP("domain", "Papers and vouchers filed"),
            "follow_up_set": QT_TRANSLATE_NOOP("domain", "Follow-up set (or none needed)"),
            "desk_tidy": QT_TRANSLATE_NOOP("domain", "Desk tidy, client documents put away"),
        }

    @classmethod
    def _aliases(cls):
        return {"papers_filed": (), "follow_up_set": (), "desk_tidy": ()}


@dataclass(frozen=True)
class SessionActivity:
    """What was recorded for the client while they were at the desk."""

    sales: int = 0  # sales recorded, not cancelled
    appointments: int = 0  # appointments booked for a later meeting
    follow_ups: int = 0  # follow-ups and call-backs set


def suggested_outcome(activity: SessionActivity) -> ServiceOutcome:
    """The outcome the finish dialog proposes, from what happened in the session: a sale
    recorded is a sale; a meeting booked or a follow-up set means the service goes on (the
    outcomes have no word of their own for a booking); otherwise advice was given."""
    if activity.sales:
        return ServiceOutcome.SOLD
    if activity.appointments or activity.follow_ups:
        return ServiceOutcome.FOLLOW_UP
    return ServiceOutcome.ADVISED


# Which state may follow which. called → called is a recall (counted on the visit).
TRANSITIONS: dict[VisitState, frozenset[VisitState]] = {
    VisitState.WAITING: frozenset({VisitState.CALLED, VisitState.PARKED, VisitState.LEFT}),
    VisitState.CALLED: frozenset(
        {VisitState.SERVING, VisitState.WAITING, VisitState.NO_SHOW, VisitState.CALLED}
    ),
    VisitState.SERVING: frozenset({VisitState.DONE}),
    VisitState.PARKED: frozenset({VisitState.WAITING, VisitState.LEFT}),
    VisitState.DONE: frozenset(),
    VisitState.NO_SHOW: frozenset(),
    VisitState.LEFT: frozenset(),
}

_ILLEGAL_MOVE = QT_TRANSLATE_NOOP(
    "domain", "A visit that is “{current}” cannot become “{wanted}”; it was left as it was."
)
_CLOSED_MOVE = QT_TRANSLATE_NOOP(
    "domain", "This visit is closed (“{current}”) and cannot become “{wanted}”."
)


def can_move(current: VisitState, wanted: VisitState) -> bool:
    return wanted in TRANSITIONS[current]


def transition_problem(current: VisitState, wanted: VisitState) -> Problem | None:
    """Why a visit in state *current* cannot move to *wanted*, or None when it may."""
    if can_move(current, wanted):
        return None
    template = _CLOSED_MOVE if current.is_closed else _ILLEGAL_MOVE
    params = {"current": Phrase(current.label), "wanted": Phrase(wanted.label)}
    return Problem("state", template, params)


_WRONG_START = QT_TRANSLATE_NOOP(
    "domain", "This visit is “{current}”, not “{needed}”; it was left as it was."
)


def move_problem(
    current: VisitState, wanted: VisitState, needed: VisitState | None = None
) -> Problem | None:
    """:func:`transition_problem`, and for an action that starts from one state only
    (return to the queue from parked, not from called; call a waiting visitor, not
    recall a called one) a refusal naming the state it needs."""
    problem = transition_problem(current, wanted)
    if problem is not None or needed is None or current == needed:
        return problem
    params = {"current": Phrase(current.label), "needed": Phrase(needed.label)}
    return Problem("state", _WRONG_START, params)


def ticket(kind: VisitKind, seq: int) -> str:
    """The number called out and printed: ``W007``, ``A012``; four digits past 999."""
    if seq < 1:
        raise ValueError(f"a ticket's number starts at 1, not {seq}")
    return f"{VisitKind(kind).value}{seq:03d}"


class CareNeed(Labeled):
    """Why a visitor is called before the tiers: kept as flags in the visit's
    ``priority`` (an older visitor may need assistance too)."""

    OLDER = "older"
    ASSISTANCE = "assistance"

    @classmethod
    def _labels(cls):
        return {
            "older": QT_TRANSLATE_NOOP("domain", "Aged 65 or over"),
            "assistance": QT_TRANSLATE_NOOP("domain", "Needs assistance"),
        }

    @property
    def flag(self) -> int:
        return _CARE_FLAGS[self]


_CARE_FLAGS = {CareNeed.OLDER: 1, CareNeed.ASSISTANCE: 2}
OLDER_AGE = 65  # as the suitability rules count older clients


def is_older(birth: dt.date | None, day: dt.date) -> bool:
    """Aged :data:`OLDER_AGE` or over on *day* (a 29 February birthday counts from 1 March)."""
    if birth is None:
        return False
    age = day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))
    return age >= OLDER_AGE


def care_priority(birth: dt.date | None, day: dt.date, assistance: bool) -> int:
    r"""The visit's ``priority``: the flags of its :class:`CareNeed`\ s (0: none)."""
    flags = CareNeed.OLDER.flag if is_older(birth, day) else 0
    return flags | (CareNeed.ASSISTANCE.flag if assistance else 0)


def care_needs(priority: int) -> tuple[CareNeed, ...]:
    """The reasons in a visit's ``priority``, in :class:`CareNeed`'s order."""
    return tuple(need for need in CareNeed if priority & need.flag)


def queue_order_key(
    kind: VisitKind,
    tier: Tier | None,
    arrived_at: dt.datetime,
    visit_id: int,
    priority: int = 0,
    care_first: bool = True,
) -> tuple[int, int, int, dt.datetime, int]:
    """Who is called first: appointments who have arrived; then, while the branch serves
    them first (*care_first*), visitors aged 65 or over or needing assistance (a
    *priority* with a :class:`CareNeed`); then private banking, platinum, gold and
    standard clients (an anonymous walk-in counts as standard); then who came first.
    The visit's id breaks a tie in the arrival time."""
    return (
        0 if kind == VisitKind.APPOINTMENT else 1,
        0 if care_first and priority & _CARE_MASK else 1,
        (tier or Tier.NORMAL).rank,
        arrived_at,
        visit_id,
    )


_CARE_MASK = CareNeed.OLDER.flag | CareNeed.ASSISTANCE.flag


DEFAULT_SERVICE_MINUTES = 15
MIN_REST_MINUTES = 5  # a service past the average is still promised a few minutes more


def rest_of_service(
    elapsed_minutes: float,
    average_service_minutes: float | None,
    default_minutes: float = DEFAULT_SERVICE_MINUTES,
) -> int:
    """Minutes a service under way for *elapsed_minutes* may still take: the day's
    average service time (or *default_minutes*) less what has passed, at least
    :data:`MIN_REST_MINUTES`. Rounded up to a whole minute."""
    per_visit = average_service_minutes if average_service_minutes else default_minutes
    return max(math.ceil(per_visit - elapsed_minutes - 1e-9), MIN_REST_MINUTES)


def estimated_wait(
    position: int,
    average_service_minutes: float | None,
    default_minutes: float = DEFAULT_SERVICE_MINUTES,
    under_way: Sequence[float] = (),
) -> int:
    """Minutes until the visitor at *position* (1 = next) is called: the one estimate
    the queue's rows and the words for the visitor both use.

    *under_way* are the minutes each service now under way (a visitor called or served
    at a desk) has lasted: the first in line waits for the one to end first
    (:func:`rest_of_service`), or for nobody when no one is being served. Then each
    visitor ahead takes the day's average service time, or *default_minutes* before
    anyone has been served. Rounded up to a whole minute, because a promise kept early
    is no harm."""
    if position < 1:
        raise ValueError(f"a queue position starts at 1, not {position}")
    per_visit = average_service_minutes if average_service_minutes else default_minutes
    first = (
        min(rest_of_service(e, average_service_minutes, default_minutes) for e in under_way)
        if under_way
        else 0
    )
    return math.ceil(first + (position - 1) * per_visit - 1e-9)


def places_in_line(desks: Sequence[str]) -> list[int]:
    """Each waiting visitor's place (1 = next) as the desks that may call them see it, for
    a line given in call order by the desk each visitor waits for ("" for the shared
    line, which any desk calls from). "Call next" at a desk takes the first in order of
    the shared line and its own: a visitor sent to a desk comes after those ahead of them
    for that desk or the shared line, not after another desk's; one in the shared line
    after everyone ahead (each of whom keeps some desk busy)."""
    places = []
    shared = 0  # shared-line visitors so far
    by_desk: dict[str, int] = {}  # visitors sent to each desk so far
    for position, desk in enumerate(desks, start=1):
        if desk:
            places.append(shared + by_desk.get(desk, 0) + 1)
            by_desk[desk] = by_desk.get(desk, 0) + 1
        else:
            places.append(position)
            shared += 1
    return places


def line_estimates(
    desks: Sequence[str],
    average_service_minutes: float | None,
    under_way: Mapping[str, Sequence[float]],
    default_minutes: float = DEFAULT_SERVICE_MINUTES,
) -> list[tuple[int, int]]:
    """Each waiting visitor's place and estimated wait in minutes, for a line given in
    call order by the desk each waits for ("" the shared line): the one estimate the
    queue's rows, the words for the visitor and the lobby's list of a desk's visitors all
    use. *under_way* are, by desk, the minutes each service now under way there has
    lasted: a visitor sent to a desk waits for that desk's service to end, one in the
    shared line for the first of any desk's (:func:`estimated_wait`)."""
    every = [minutes for at_desk in under_way.values() for minutes in at_desk]
    return [
        (
            place,
            estimated_wait(
                place,
                average_service_minutes,
                default_minutes,
                under_way=under_way.get(desk, ()) if desk else every,
            ),
        )
        for desk, place in zip(desks, places_in_line(desks), strict=True)
    ]


# ---------------------------------------------------------------- the day's figures


@dataclass(frozen=True)
class ServedPart:
    """One desk's part of a service that was passed on to another desk: from when the
    service began at that desk until the visitor was passed on or finished there (None:
    still at that desk). A service never passed on has no parts."""

    started_at: dt.datetime
    ended_at: dt.datetime | None = None


@dataclass(frozen=True)
class VisitTimes:
    """What the day's figures need of one visit; times in one zone (UTC in storage).

    ``started_at`` is when the service first began (a visitor passed on keeps it);
    ``parts`` are the desks' parts of a service passed on, first first."""

    state: VisitState
    arrived_at: dt.datetime
    called_at: dt.datetime | None = None
    started_at: dt.datetime | None = None
    finished_at: dt.datetime | None = None
    parts: tuple[ServedPart, ...] = ()


@dataclass(frozen=True)
class DayFigures:
    arrived: int
    waiting: int  # in line now
    parked: int  # set aside now
    served: int
    no_show: int
    left: int
    average_wait: dt.timedelta | None
    longest_wait: dt.timedelta | None
    average_service: dt.timedelta | None
    time_in_service: dt.timedelta


def served_before(visit: VisitTimes, until: dt.datetime) -> dt.timedelta:
    """The time the visitor was served at a desk before *until*: the parts of a service
    passed on that had ended by then (a part still going on is not before a call)."""
    return sum(
        (
            max(part.ended_at - part.started_at, dt.timedelta(0))
            for part in visit.parts
            if part.ended_at is not None and part.ended_at <= until
        ),
        dt.timedelta(0),
    )


def wait_of(visit: VisitTimes, now: dt.datetime) -> dt.timedelta | None:
    """How long a visitor waited to be called: from arrival until the (last) call, or
    until *now* while still in the queue, less the time they were served at a desk
    meanwhile (a visitor passed on to another desk waits again from then; their service
    at the first desk is not waiting). None for a visitor who left before a call: when
    they gave up is not known."""
    if visit.called_at is not None:
        until = visit.called_at
    elif visit.state in QUEUED_STATES:
        until = now
    else:
        return None
    return max(until - visit.arrived_at - served_before(visit, until), dt.timedelta(0))


def service_time_of(visit: VisitTimes) -> dt.timedelta | None:
    """The length of a finished service session: from its start to its finish, or for a
    service passed on from desk to desk the sum of the desks' parts (the waits between
    them are not service). A part left open ends with the visit (a day closed with the
    service unfiled ends it at its start: its length is not known)."""
    if visit.state != VisitState.DONE or visit.started_at is None or visit.finished_at is None:
        return None
    if not visit.parts:
        return max(visit.finished_at - visit.started_at, dt.timedelta(0))
    return sum(
        (
            max((part.ended_at or visit.finished_at) - part.started_at, dt.timedelta(0))
            for part in visit.parts
        ),
        dt.timedelta(0),
    )


def at_desk_since(visit: VisitTimes) -> dt.datetime | None:
    """When the visitor's time at their present desk began: the call while called, the
    service's start there while served (a visitor passed on: that desk's part, not the
    first desk's start). None when not at a desk."""
    if visit.state is VisitState.CALLED:
        return visit.called_at
    if visit.state is VisitState.SERVING:
        if visit.parts:  # the part open at this desk (the call here, should it be missing)
            last = visit.parts[-1]
            return last.started_at if last.ended_at is None else visit.called_at
        return visit.started_at or visit.called_at
    return None


def average(durations: Iterable[dt.timedelta]) -> dt.timedelta | None:
    values = list(durations)
    return sum(values, dt.timedelta(0)) / len(values) if values else None


def longest(durations: Iterable[dt.timedelta]) -> dt.timedelta | None:
    return max(durations, default=None)


def day_figures(visits: Sequence[VisitTimes], now: dt.datetime) -> DayFigures:
    """The counts and times the queue page and the day close show."""
    waits = [w for w in (wait_of(v, now) for v in visits) if w is not None]
    services = [s for s in (service_time_of(v) for v in visits) if s is not None]

    def count(state: VisitState) -> int:
        return sum(1 for v in visits if v.state == state)

    return DayFigures(
        arrived=len(visits),
        waiting=count(VisitState.WAITING),
        parked=count(VisitState.PARKED),
        served=count(VisitState.DONE),
        no_show=count(VisitState.NO_SHOW),
        left=count(VisitState.LEFT),
        average_wait=average(waits),
        longest_wait=longest(waits),
        average_service=average(services),
        time_in_service=sum(services, dt.timedelta(0)),
    )


def purposes_text(purposes: Iterable[Purpose]) -> str:
    """Stored form: the codes in the order of :class:`Purpose`, comma-separated."""
    chosen = set(purposes)
    return ",".join(p.value for p in Purpose if p in chosen)


def purposes_from_text(text: str) -> tuple[Purpose, ...]:
    return tuple(Purpose(code) for code in (text or "").split(",") if code)
