"""The day close (日清日结): the day's figures gathered from the queue, appointments, care,
sales and notices services, what stays open for tomorrow, the end-of-day checklist as
ticked, and the record of each close (a re-close after a change is a new version).

The figures are the other services' own (the visitors' counted by the queue's rule,
``domain.queue.day_figures``, over the day's visits); this module only adds what none of
them computes: the share that waited longer than the target, arrivals and waits by hour,
the day's cooling-off cancellations (sales signed earlier may be cancelled today) and
the sales that lack a recording reference. Names are masked (张*); no mobile or ID.

A week or a month (:func:`period_summary`) adds the days up: averages over every visit,
never a mean of daily means; the time on client work against each working day's target.

Scope: the visitors and sales are the whole branch's (as ``queue.day_stats`` and
``sales.day_sales`` count them); the time on client work, care and colleague support
are the desk's.

The checklist's ticks and the closes are kept in the ``setting`` table under
``day_close:<desk>:<date>`` (JSON), so no schema change is needed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..db.connection import database
from ..db.models import Client, Sale, Setting
from ..domain.appointment import AppointmentFigures
from ..domain.audit import AuditAction
from ..domain.care import CallOutcome, CareKind, ClientWorkTime
from ..domain.client import ProductFamily
from ..domain.errors import QT_TRANSLATE_NOOP, Problem
from ..domain.product import needs_recording
from ..domain.queue import (
    OPEN_STATES,
    ServedPart,
    VisitKind,
    VisitState,
    VisitTimes,
    average,
    day_figures,
    service_time_of,
    wait_of,
)
from ..domain.sales import SalesTotals, SaleType
from ..domain.settings import checklist_items
from ..private_files import write_all
from . import appointments, audit, care, clock, notices, sale_reviews, sales
from . import calendar as calendar_service
from . import complaints as complaint_service
from . import plan as plan_service
from . import queue as visitor_queue
from . import settings as branch_settings
from .care import CareFigures, SupportInfo
from .complaints import DayComplaints
from .notices import NoticeLogEntry
from .sale_reviews import DayCompliance

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..db.audit_chain import ChainReport

FIRST_HOUR, LAST_HOUR = 8, 18  # the chart's hours at least; a visit outside widens it


# ---------------------------------------------------------------- what goes out


@dataclass(frozen=True)
class VisitorFigures:
    """The queue's figures of the day (``queue.day_stats``) and the share that waited
    longer than the target."""

    arrived: int
    served: int
    no_show: int
    left: int
    waiting: int  # in line now
    parked: int
    average_wait: dt.timedelta | None
    longest_wait: dt.timedelta | None
    average_service: dt.timedelta | None
    wait_target_minutes: int
    waits_known: int  # visitors whose wait is known (called, or still in line)
    over_target: int  # of them, waited longer than the target

    @property
    def share_over_target(self) -> float | None:
        return self.over_target / self.waits_known if self.waits_known else None


@dataclass(frozen=True)
class HourFigures:
    hour: int  # local, 0–23: arrivals from hour:00 to hour:59
    arrivals: int
    average_wait: dt.timedelta | None


@dataclass(frozen=True)
class VisitRow:
    """One visit of the visits table: times local, the client's name masked."""

    ticket: str
    masked_name: str
    kind: VisitKind
    desk: str
    arrived_at: dt.datetime
    called_at: dt.datetime | None
    started_at: dt.datetime | None
    finished_at: dt.datetime | None
    wait: dt.timedelta | None
    service: dt.timedelta | None
    state: VisitState
    outcome: str  # a ServiceOutcome code, or the manager's words
    parts: tuple[ServedPart, ...] = ()  # each desk's part of a service passed on

    @property
    def times(self) -> VisitTimes:
        """The visit's times as the queue's rules read them (domain/queue)."""
        return VisitTimes(
            self.state, self.arrived_at, self.called_at, self.started_at, self.finished_at,
            self.parts,
        )  # fmt: skip


@dataclass(frozen=True)
class SaleRow:
    signed_at: dt.datetime
    masked_name: str
    product_code: str
    product_name: str
    family: ProductFamily
    sale_type: SaleType
    amount_fen: int
    recording_ref: str
    elderly_confirmed: bool
    cancelled_at: dt.datetime | None
    desk: str

    @property
    def missing_recording(self) -> bool:
        return needs_recording(self.family) and not self.recording_ref.strip()


@dataclass(frozen=True)
class SalesFigures:
    totals: SalesTotals  # ``sales.day_totals``: signed today, cancelled ones left out
    sales: tuple[SaleRow, ...]  # signed today, cancelled ones included
    cooling_off_cancellations: tuple[SaleRow, ...]  # cancelled today, whenever signed
    elderly_confirmations: int  # 65+ confirmations given with today's sales
    missing_recording: tuple[SaleRow, ...]  # must be empty
    refusals: tuple[tuple[str, int], ...] = ()  # the gate's refusals by reason (a field)


@dataclass(frozen=True)
class OpenItem:
    """Something left for tomorrow: a care task, an appointment or a visit."""

    what: str  # a CareKind, "appointment" or a VisitState code
    masked_name: str
    when: str  # its due date, start or arrival, as printed
    detail: str = ""


@dataclass(frozen=True)
class CheckItem:
    text: str  # as stored in the setting (a default item is English: translate it)
    ticked: bool


@dataclass(frozen=True)
class CloseRecord:
    """One close of the day: when, by whom, the file written and the figures' digest
    (a later close with another digest is an amendment)."""

    version: int
    closed_at: dt.datetime
    actor: str
    file: str
    digest: str


@dataclass(frozen=True)
class DaySummary:
    day: dt.date
    desk: str
    branch: str
    manager: str
    generated_at: dt.datetime
    visitors: VisitorFigures
    hours: tuple[HourFigures, ...]
    work: ClientWorkTime
    appointments: AppointmentFigures
    care: CareFigures
    sales: SalesFigures
    supports: tuple[SupportInfo, ...]
    visits: tuple[VisitRow, ...]
    follow_ups: tuple[OpenItem, ...]  # follow-ups and call-backs due by tomorrow
    unresolved_appointments: tuple[OpenItem, ...]
    open_visits: tuple[OpenItem, ...]
    notices: tuple[NoticeLogEntry, ...]
    checklist: tuple[CheckItem, ...]
    closes: tuple[CloseRecord, ...] = ()
    # The audit log checked from its first entry when the summary is written down
    # (with_audit_check); None on screen, where it would be read again at every refresh.
    audit_chain: ChainReport | None = None
    plans: int = 0  # financial plans saved at the desk that day
    # The day's new and resolved complaints and those open past their deadline (masked).
    complaints: DayComplaints | None = None
    # Level jumps and 双录 recordings not yet quality-checked (issue 19).
    compliance: DayCompliance | None = None

    @property
    def empty(self) -> bool:
        """Nothing happened: no visitor, appointment, sale, call or support."""
        return not (
            self.visitors.arrived
            or self.appointments.booked
            or self.sales.sales
            or self.sales.cooling_off_cancellations
            or self.care.calls
            or self.care.tasks_done
            or self.supports
        )

    @property
    def version(self) -> int:
        """The version a close now would be: 1 for the first."""
        return len(self.closes) + 1

    @property
    def digest(self) -> str:
        return figures_digest(self)

    @property
    def amended(self) -> bool:
        """Closed before, and the day's records changed since the last close."""
        return bool(self.closes) and self.closes[-1].digest != self.digest

    @property
    def still_open(self) -> int:
        return len(self.open_visits) + len(self.unresolved_appointments)


# ---------------------------------------------------------------- gathering


def summary(day: dt.date | None = None, desk: str = "1") -> DaySummary:
    """Everything the day close of *day* (today by default) shows for *desk*."""
    day = day or clock.today()
    now = clock.now()
    values = branch_settings.load(desk)
    target = int(values["wait_target_minutes"])
    part = _day_part(day, desk, now)
    rows = part.visits
    work = part.work
    if not calendar_service.working_calendar(values).is_working_day(day):
        work = replace(work, target_hours=0)  # a day the branch is closed has no target
    return DaySummary(
        day=day,
        desk=desk,
        branch=str(values["branch_name"]),
        manager=str(values["manager_name"]),
        generated_at=now,
        visitors=visitor_figures(rows, now, target),
        hours=hours_of(rows),
        work=work,
        appointments=part.appointments,
        care=part.care,
        sales=_sales([day]),
        supports=part.supports,
        visits=rows,
        follow_ups=_follow_ups(day, values),
        unresolved_appointments=tuple(
            OpenItem("appointment", a.masked_name, f"{a.start:%Y-%m-%d %H:%M}")
            for a in appointments.unresolved(now)
        ),
        open_visits=_open_visits(rows),
        notices=tuple(notices.day_log(day)),
        checklist=tuple(checklist(day, desk, values)),
        closes=tuple(closes(day, desk)),
        plans=plan_service.day_count(day, desk),
        complaints=complaint_service.day_complaints(day),
        compliance=sale_reviews.day_compliance(day),
    )


@dataclass(frozen=True)
class StillToCome:
    """Today's appointments still expected after a moment: how many, the next start."""

    count: int = 0
    next_start: dt.datetime | None = None  # local


def still_to_come(now: dt.datetime | None = None) -> StillToCome:
    """The appointments of today still to come at *now* (the clock's by default): booked
    or confirmed, starting later today. The day closed now would miss them."""
    now = now or clock.now()
    coming = [
        a
        for a in appointments.day(now.date())
        if a.status.is_expected and a.start > now and a.start.date() == now.date()
    ]
    if not coming:
        return StillToCome()
    return StillToCome(len(coming), min(a.start for a in coming))


@dataclass(frozen=True)
class _DayPart:
    """One day's figures as the other services give them (sales apart: a period reads
    them in one pass)."""

    visits: tuple[VisitRow, ...]
    work: ClientWorkTime
    appointments: AppointmentFigures
    care: CareFigures
    supports: tuple[SupportInfo, ...]


def _day_part(day: dt.date, desk: str, now: dt.datetime) -> _DayPart:
    return _DayPart(
        visits=tuple(_visit_row(v, now) for v in visitor_queue.visits(day)),
        work=care.client_work_time(day, desk),
        appointments=appointments.day_figures(day),
        care=care.day_care_figures(day, desk),
        supports=tuple(care.supports(day, desk)),
    )


def visitor_figures(rows: Sequence[VisitRow], now: dt.datetime, target: int) -> VisitorFigures:
    """The visitors' figures of *rows* (a day's visits, or a period's): counts, waits
    averaged over every visit and service times over every service (never a mean of
    daily means), the longest wait, and the share over the *target* minutes."""
    stats = day_figures([r.times for r in rows], now)
    waits = [r.wait for r in rows if r.wait is not None]
    return VisitorFigures(
        arrived=stats.arrived,
        served=stats.served,
        no_show=stats.no_show,
        left=stats.left,
        waiting=stats.waiting,
        parked=stats.parked,
        average_wait=stats.average_wait,
        longest_wait=stats.longest_wait,
        average_service=stats.average_service,
        wait_target_minutes=target,
        waits_known=len(waits),
        over_target=sum(1 for w in waits if w > dt.timedelta(minutes=target)),
    )


def _open_visits(rows: Sequence[VisitRow], when: str = "%H:%M") -> tuple[OpenItem, ...]:
    return tuple(
        OpenItem(r.state.value, r.masked_name, r.arrived_at.strftime(when), r.ticket)
        for r in rows
        if r.state in OPEN_STATES
    )


def _visit_row(visit: visitor_queue.VisitInfo, now: dt.datetime) -> VisitRow:
    times = visit.times  # with the parts of a service passed on from desk to desk
    return VisitRow(
        ticket=visit.ticket,
        masked_name=visit.masked_name,
        kind=visit.kind,
        desk=visit.desk,
        arrived_at=visit.arrived_at,
        called_at=visit.called_at,
        started_at=visit.started_at,
        finished_at=visit.finished_at,
        wait=wait_of(times, now),
        service=service_time_of(times),
        state=visit.state,
        outcome=visit.outcome,
        parts=visit.parts,
    )


def hours_of(rows: tuple[VisitRow, ...]) -> tuple[HourFigures, ...]:
    """Arrivals and the average wait of those arrivals, hour by hour, from 8:00 to 18:00
    and any hour outside with a visitor."""
    by_hour: dict[int, list[VisitRow]] = defaultdict(list)
    for row in rows:
        by_hour[row.arrived_at.hour].append(row)
    first = min([FIRST_HOUR, *by_hour])
    last = max([LAST_HOUR - 1, *by_hour])
    return tuple(
        HourFigures(
            hour,
            len(by_hour.get(hour, ())),
            average(r.wait for r in by_hour.get(hour, ()) if r.wait is not None),
        )
        for hour in range(first, last + 1)
    )


def _sales(days: Sequence[dt.date]) -> SalesFigures:
    """The sales signed on *days* and the cancellations made on them."""
    signed = [sale for day in days for sale in sales.day_sales(day)]
    cancelled = [sales.get_sale(sale_id) for sale_id in _cancelled_between(days[0], days[-1])]
    names = _masked_names({s.client_id for s in (*signed, *cancelled)})
    rows = tuple(_sale_row(s, names) for s in signed)
    return SalesFigures(
        totals=sales.totals_of(signed),
        sales=rows,
        cooling_off_cancellations=tuple(_sale_row(s, names) for s in cancelled),
        elderly_confirmations=sum(1 for s in signed if s.elderly_confirmed),
        missing_recording=tuple(r for r in rows if r.missing_recording),
        refusals=_refusals(days),
    )


def _refusals(days: Sequence[dt.date]) -> tuple[tuple[str, int], ...]:
    """The suitability gate's refusals of *days*, by reason, in the gate's order."""
    counts: dict[str, int] = {}
    for day in days:
        for reason, count in sales.day_refusals(day).items():
            counts[reason] = counts.get(reason, 0) + count
    return tuple((r, counts[r]) for r in sales.REFUSAL_REASONS if counts.get(r))


def _cancelled_between(first_day: dt.date, last_day: dt.date) -> list[int]:
    # sales.day_sales lists the sales *signed* on a day; a cancellation in the cooling-off
    # period may come the day after signing, and belongs to the day it happened.
    first, _ = clock.stored_days(first_day)
    _, past = clock.stored_days(last_day)
    query = (
        Sale.select(Sale.id)
        .where((Sale.cancelled_at >= first) & (Sale.cancelled_at < past))
        .order_by(Sale.cancelled_at, Sale.id)
    )
    return [sale_id for (sale_id,) in query.tuples()]


def _masked_names(client_ids: set[int]) -> dict[int, str]:
    from ..domain.masking import mask_name

    if not client_ids:
        return {}
    query = Client.select(Client.id, Client.name).where(Client.id.in_(sorted(client_ids)))
    return {cid: mask_name(name) for cid, name in query.tuples()}


def _sale_row(sale: sales.SaleInfo, names: dict[int, str]) -> SaleRow:
    return SaleRow(
        signed_at=sale.signed_at,
        masked_name=names.get(sale.client_id, ""),
        product_code=sale.product_code,
        product_name=sale.product_name,
        family=sale.family,
        sale_type=sale.sale_type,
        amount_fen=sale.amount_fen,
        recording_ref=sale.recording_ref,
        elderly_confirmed=sale.elderly_confirmed,
        cancelled_at=sale.cancelled_at,
        desk=sale.desk,
    )


def _follow_ups(day: dt.date, values: dict[str, object]) -> tuple[OpenItem, ...]:
    """The follow-ups and call-backs open on tomorrow's list (read only: nothing is made)."""
    tomorrow = day + dt.timedelta(days=1)
    maturity_days = int(values["care_maturity_days"])
    found = []
    for kind in (CareKind.CALL_BACK, CareKind.FOLLOW_UP):
        for item in care.open_items(tomorrow, None, maturity_days, kind):
            found.append(OpenItem(kind.value, item.masked_name, item.due.isoformat()))
    return tuple(found)


# ---------------------------------------------------------------- a week or a month


@dataclass(frozen=True)
class DayLine:
    """One day of a week's or month's table."""

    day: dt.date
    working: bool
    arrived: int
    served: int
    average_wait: dt.timedelta | None
    sales_count: int  # standing sales signed that day
    sales_fen: int
    work_minutes: int  # the desk's time on client work
    closed: bool  # the desk closed the day
    service_minutes: int = 0  # work_minutes by source
    call_minutes: int = 0
    support_minutes: int = 0


@dataclass(frozen=True)
class PeriodSummary:
    """A week's or a month's day closes added up: the same sections as a day's, the
    averages taken over every visit (not means of the daily means), the longest wait the
    longest of all, and the time on client work against the target of each working day.
    What is open is as of *as_of* (the period's last day, or today while it runs)."""

    first: dt.date
    last: dt.date
    desk: str
    branch: str
    manager: str
    generated_at: dt.datetime
    as_of: dt.date
    working_days: int
    day_target_minutes: int  # the target of time on client work for one working day
    visitors: VisitorFigures
    work: ClientWorkTime  # summed; its target is the day's times the working days
    appointments: AppointmentFigures
    care: CareFigures
    sales: SalesFigures
    supports: tuple[SupportInfo, ...]
    days: tuple[DayLine, ...]  # every working day, and any other day something happened
    follow_ups: tuple[OpenItem, ...]
    unresolved_appointments: tuple[OpenItem, ...]  # of the period, still unresolved
    open_visits: tuple[OpenItem, ...]
    notices: int
    visits: tuple[VisitRow, ...] = ()
    working_days_to_date: int | None = None  # up to *as_of*; None: all of them
    # The level jumps of its days so far and its sales whose 双录 recording is still not
    # quality-checked when the summary is made (issue 19, as the day close has them).
    compliance: DayCompliance | None = None

    @property
    def over(self) -> bool:
        """The period has ended (its figures are final, not "to date")."""
        return self.as_of >= self.last

    @property
    def working_days_counted(self) -> int:
        """The working days the time on client work is measured against: those up to
        *as_of* while the period runs, else all of them."""
        if self.working_days_to_date is None:
            return self.working_days
        return self.working_days_to_date

    @property
    def kind(self) -> str:
        """ "week" (Monday to Sunday), "month" (a calendar month), else "period"."""
        if self.first.weekday() == 0 and self.last == self.first + dt.timedelta(days=6):
            return "week"
        if (self.first, self.last) == month_of(self.first):
            return "month"
        return "period"

    @property
    def days_closed(self) -> int:
        return sum(1 for d in self.days if d.closed)

    @property
    def average_work_minutes(self) -> int | None:
        """Time on client work per working day so far (whole minutes, rounded down)."""
        if not self.working_days_counted:
            return None
        return self.work.total_minutes // self.working_days_counted

    @property
    def empty(self) -> bool:
        return not (
            self.visitors.arrived
            or self.appointments.booked
            or self.sales.sales
            or self.sales.cooling_off_cancellations
            or self.care.calls
            or self.care.tasks_done
            or self.supports
        )


def week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """The Monday and the Sunday of *day*'s week (the calendar's last day at most)."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=min(6, (dt.date.max - monday).days))


def month_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """The first and the last day of *day*'s calendar month."""
    import calendar

    return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])


def not_begun(first: dt.date, last: dt.date | None = None) -> Problem | None:
    """Why a day close of *first* (or a summary of *first* to *last*) cannot be written
    yet: the day has not begun, so its figures would be a report of nothing."""
    today = clock.today()
    if first <= today:
        return None
    if last is None or last == first:
        return Problem(
            "date",
            QT_TRANSLATE_NOOP(
                "domain", "{day} has not begun yet; a day close is for today or an earlier day."
            ),
            {"day": first.isoformat()},
        )
    return Problem(
        "date",
        QT_TRANSLATE_NOOP(
            "domain",
            "The period {first} to {last} has not begun yet; a summary covers days up to today.",
        ),
        {"first": first.isoformat(), "last": last.isoformat()},
    )


def _period_care(cares: Sequence[CareFigures], last_care: CareFigures) -> CareFigures:
    """The period's care figures: each day's added up; what stays open as on the period's
    last day so far (*last_care*)."""
    done = sum(c.tasks_done for c in cares)
    outcomes = {o: sum(c.calls_by_outcome.get(o, 0) for c in cares) for o in CallOutcome}
    return CareFigures(
        day=last_care.day,
        # on the lists: done during the period, or still open on its last day's
        tasks_planned=done + last_care.tasks_planned - last_care.tasks_done,
        tasks_done=done,
        calls=sum(c.calls for c in cares),
        calls_by_outcome=outcomes,
        call_minutes=sum(c.call_minutes for c in cares),
        info_sent=sum(c.info_sent for c in cares),
        invitations_done=sum(c.invitations_done for c in cares),
        support_count=sum(c.support_count for c in cares),
        support_minutes=sum(c.support_minutes for c in cares),
        support_sales=sum(c.support_sales for c in cares),
        open_for_tomorrow=last_care.open_for_tomorrow,
    )


def period_summary(first: dt.date, last: dt.date, desk: str = "1") -> PeriodSummary:
    """The day closes of *first* to *last* (both included) for *desk*, added up."""
    if last < first:
        raise ValueError(f"the period ends before it starts: {first} to {last}")
    now = clock.now()
    values = branch_settings.load(desk)
    target = int(values["wait_target_minutes"])
    calendar = calendar_service.working_calendar(values)
    as_of = min(last, max(first, now.date()))
    days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    parts = {day: _day_part(day, desk, now) for day in days}
    sold = _sales(days)
    standing: dict[dt.date, list[SaleRow]] = defaultdict(list)
    for row in sold.sales:
        if row.cancelled_at is None:
            standing[row.signed_at.date()].append(row)
    lines = []
    for day, part in parts.items():
        working = calendar.is_working_day(day)
        stats = visitor_figures(part.visits, now, target)
        line = DayLine(
            day=day,
            working=working,
            arrived=stats.arrived,
            served=stats.served,
            average_wait=stats.average_wait,
            sales_count=len(standing[day]),
            sales_fen=sum(r.amount_fen for r in standing[day]),
            work_minutes=part.work.total_minutes,
            closed=bool(_stored(day, desk).get("closes")),
            service_minutes=part.work.service_minutes,
            call_minutes=part.work.call_minutes,
            support_minutes=part.work.support_minutes,
        )
        if working or line.arrived or line.sales_count or line.work_minutes or line.closed:
            lines.append(line)
    working_days = sum(1 for day in days if calendar.is_working_day(day))
    # A period not over yet is measured against its working days so far (today counts).
    so_far = sum(1 for day in days if day <= as_of and calendar.is_working_day(day))
    works = [part.work for part in parts.values()]
    day_work = care.client_work_time(as_of, desk)  # the target as set now
    rows = tuple(row for part in parts.values() for row in part.visits)
    booked = [part.appointments for part in parts.values()]
    return PeriodSummary(
        first=first,
        last=last,
        desk=desk,
        branch=str(values["branch_name"]),
        manager=str(values["manager_name"]),
        generated_at=now,
        as_of=as_of,
        working_days=working_days,
        working_days_to_date=so_far,
        day_target_minutes=day_work.target_minutes,
        visitors=visitor_figures(rows, now, target),
        work=ClientWorkTime(
            service_minutes=sum(w.service_minutes for w in works),
            call_minutes=sum(w.call_minutes for w in works),
            support_minutes=sum(w.support_minutes for w in works),
            target_hours=day_work.target_hours * so_far,
            working_hours=day_work.working_hours * so_far,
        ),
        appointments=AppointmentFigures(
            **{
                name: sum(getattr(a, name) for a in booked)
                for name in AppointmentFigures.__dataclass_fields__
            }
        ),
        care=_period_care([part.care for part in parts.values()], parts[as_of].care),
        sales=sold,
        supports=tuple(s for part in parts.values() for s in part.supports),
        days=tuple(lines),
        follow_ups=_follow_ups(as_of, values),
        unresolved_appointments=tuple(
            OpenItem("appointment", a.masked_name, f"{a.start:%Y-%m-%d %H:%M}")
            for a in appointments.unresolved(now)
            if first <= a.start.date() <= last
        ),
        open_visits=_open_visits(rows, "%m-%d %H:%M"),
        notices=sum(len(notices.day_log(day)) for day in days),
        visits=rows,
        compliance=sale_reviews.period_compliance(first, as_of),
    )


# ---------------------------------------------------------------- checklist and closes


def _key(day: dt.date, desk: str) -> str:
    return f"day_close:{desk}:{day.isoformat()}"


def _stored(day: dt.date, desk: str) -> dict:
    row = Setting.get_or_none(Setting.key == _key(day, desk))
    if row is None:
        return {}
    try:
        value = json.loads(row.value)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _store(day: dt.date, desk: str, value: dict) -> None:
    text = json.dumps(value, ensure_ascii=False)
    (
        Setting.insert(key=_key(day, desk), value=text)
        .on_conflict(conflict_target=[Setting.key], update={Setting.value: text})
        .execute()
    )


def checklist(
    day: dt.date | None = None, desk: str = "1", values: dict[str, object] | None = None
) -> list[CheckItem]:
    """The branch's checklist items with this desk's ticks of *day*."""
    day = day or clock.today()
    values = values or branch_settings.load(desk)
    ticked = set(_stored(day, desk).get("ticked", ()))
    items = checklist_items(str(values["day_close_checklist"]))
    return [CheckItem(item, item in ticked) for item in items]


def tick(item: str, ticked: bool, day: dt.date | None = None, desk: str = "1") -> list[CheckItem]:
    """Tick (or untick) one checklist item of *day* for *desk*; kept for the day."""
    day = day or clock.today()
    with database.atomic():
        value = _stored(day, desk)
        chosen = [i for i in value.get("ticked", ()) if i != item]
        if ticked:
            chosen.append(item)
        value["ticked"] = chosen
        _store(day, desk, value)
    return checklist(day, desk)


def closes(day: dt.date, desk: str = "1") -> list[CloseRecord]:
    """The closes of *day* by *desk*, the first first."""
    found = []
    for number, entry in enumerate(_stored(day, desk).get("closes", ()), start=1):
        try:
            found.append(
                CloseRecord(
                    number,
                    dt.datetime.fromisoformat(entry["at"]),
                    str(entry.get("actor", "")),
                    str(entry.get("file", "")),
                    str(entry.get("digest", "")),
                )
            )
        except (KeyError, TypeError, ValueError):
            continue  # a damaged entry is not a close
    return found


def record_close(day_summary: DaySummary, file: Path | str, actor: str) -> CloseRecord:
    """Keep that *day_summary* was closed into *file* (a new version after the first),
    and audit it."""
    day, desk = day_summary.day, day_summary.desk
    with database.atomic():
        value = _stored(day, desk)
        entries = list(value.get("closes", ()))
        record = CloseRecord(
            len(entries) + 1, clock.now(), actor, str(file), figures_digest(day_summary)
        )
        entries.append(
            {
                "at": record.closed_at.isoformat(),
                "actor": actor,
                "file": record.file,
                "digest": record.digest,
            }
        )
        value["closes"] = entries
        _store(day, desk, value)
        audit.record(
            AuditAction.DAY_CLOSED, actor, None, f"{day.isoformat()} desk {desk} v{record.version}"
        )
    return record


def with_audit_check(day_summary: DaySummary) -> DaySummary:
    """*day_summary* with the audit log verified, for the day close to state it."""
    return replace(day_summary, audit_chain=audit.verify_chain())


def audited_files(
    write: Callable[[list[Path]], object], record: Callable[[list[Path]], object]
) -> list[Path]:
    """Audit first: *write* adds each file it writes to the list it is given, inside a
    transaction that holds the audit log's write lock from its start; *record* then
    audits them. A log that cannot be written stops everything before a file exists;
    a failure of either (or of the commit) removes the files written."""
    from .storage import storage_errors

    written: list[Path] = []
    try:
        with storage_errors(), audit.audit_first():
            write(written)
            record(written)
    except BaseException:
        for path in written:
            Path(path).unlink(missing_ok=True)
        raise
    return written


def record_export(
    day: dt.date, desk: str, actor: str, files: list[Path], automatic: bool = False
) -> None:
    """Keep and audit an export of the day's summary or its visits and sales (masked,
    but client records); *automatic* when the window wrote it at closing time."""
    names = [Path(f).name for f in files]
    with database.atomic():
        value = _stored(day, desk)
        exports = list(value.get("exports", ()))
        exports.append(
            {"at": clock.now().isoformat(), "actor": actor, "files": names, "automatic": automatic}
        )
        value["exports"] = exports
        _store(day, desk, value)
        detail = f"{day.isoformat()} desk {desk} {' '.join(names)}"
        audit.record(
            AuditAction.DAY_CLOSE_EXPORTED,
            actor,
            None,
            detail + (" (automatic)" if automatic else ""),
        )


def export_day(
    day: dt.date,
    desk: str,
    actor: str,
    csv_files: Sequence[tuple[Path, bytes]],
    pdf: tuple[Path, bytes] | None = None,
    automatic: bool = False,
) -> list[Path]:
    """Export *day*: its visits and sales CSV files (each path with its content), then
    its summary PDF when given, written whole, all or none, and audited first (see
    :func:`audited_files`). The export kept names the CSV files, the client records it
    carries; the closing-time export (*automatic*) names its PDF too, which then counts
    as the day's summary written (:func:`summary_written`). Returns the files written;
    an ``OSError`` names the file that could not be written."""
    files = [*csv_files, *([pdf] if pdf is not None else [])]
    kept = len(files) if automatic else len(csv_files)
    return audited_files(
        lambda written: written.extend(write_all(files)),
        lambda written: record_export(day, desk, actor, written[:kept], automatic),
    )


def record_print(day: dt.date, desk: str, actor: str, title: str) -> None:
    """Audit a summary (of *day*, or of the period starting then) that the print
    service took: called only once the job is confirmed."""
    with database.atomic():
        audit.record(
            AuditAction.DAY_CLOSE_PRINTED, actor, None, f"{day.isoformat()} desk {desk} {title}"
        )


def summary_written(day: dt.date, desk: str = "1") -> bool:
    """Whether *desk* has closed *day* or exported its summary PDF: the closing-time
    export is then not needed."""
    value = _stored(day, desk)
    return bool(value.get("closes")) or any(
        str(name).endswith(".pdf")
        for entry in value.get("exports", ())
        if isinstance(entry, dict)
        for name in entry.get("files", ())
    )


def figures_digest(day_summary: DaySummary) -> str:
    """A fingerprint of the day's records (visits, sales, appointments, care, support):
    unchanged unless something of the day was changed. The live parts (waits still
    growing, the checklist, when it was made) are left out."""
    s = day_summary
    parts = [
        [
            (r.ticket, r.state.value, r.outcome, str(r.called_at), str(r.finished_at))
            for r in s.visits
            if r.state not in OPEN_STATES
        ],
        [
            (r.product_code, r.amount_fen, r.sale_type.value, r.recording_ref, str(r.cancelled_at))
            for r in (*s.sales.sales, *s.sales.cooling_off_cancellations)
        ],
        list(vars(s.appointments).values()),
        [s.care.tasks_done, s.care.calls, s.care.call_minutes, s.care.support_count],
    ]
    return hashlib.sha256(json.dumps(parts, default=str).encode()).hexdigest()[:16]


__all__ = [
    "CheckItem",
    "CloseRecord",
    "DayLine",
    "DaySummary",
    "HourFigures",
    "OpenItem",
    "PeriodSummary",
    "SaleRow",
    "SalesFigures",
    "VisitRow",
    "VisitorFigures",
    "checklist",
    "closes",
    "export_day",
    "figures_digest",
    "hours_of",
    "month_of",
    "not_begun",
    "period_summary",
    "record_close",
    "record_export",
    "summary",
    "summary_written",
    "tick",
    "visitor_figures",
    "week_of",
]
