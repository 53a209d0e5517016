"""What the Today page and the day close read: expiring risk assessments and the
day's care figures."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from ...db.models import (
    CareCall,
    CareTask,
    ColleagueSupport,
    RiskAssessment,
)
from ...domain.care import (
    CallOutcome,
    CareKind,
)
from ...domain.client import Tier
from ...domain.masking import mask_name
from ...domain.times import stored_date
from .. import clock
from .. import settings as branch_settings
from ._common import DONE, OPEN
from .rules import latest_expiring
from .tasks import listed_on, shown

EXPIRING_LIMIT = 200


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


def expiring_assessments(
    day: dt.date | None = None, manager: str | None = None, limit: int = EXPIRING_LIMIT
) -> list[ExpiringAssessment]:
    """Latest assessments expiring within 30 days or expired within the last 30, the
    expired and the soonest first (the Today page's list)."""
    day = day or clock.today()
    query = latest_expiring(day, manager).order_by(RiskAssessment.valid_until, RiskAssessment.id)
    return [
        ExpiringAssessment(
            client_id,
            mask_name(name),
            Tier(tier) if tier else None,
            level,
            stored_date(until),
            stored_date(until) < day,
        )
        for _id, client_id, until, level, name, tier in query.limit(limit).tuples()
    ]


def day_care_figures(day: dt.date | None = None, desk: str | None = None) -> CareFigures:
    """The day close's care lines (see :class:`CareFigures`)."""
    day = day or clock.today()
    start, end = clock.stored_days(day)
    done_today = (CareTask.status == DONE) & (CareTask.done_at >= start) & (CareTask.done_at < end)
    maturity_days = int(branch_settings.load(desk or "1")["care_maturity_days"])
    done = CareTask.select().where(done_today).count()
    # On the list: what is still open on it, and what was done from it that day.
    planned = shown(day, None, maturity_days).count() + done
    if day < clock.today():
        # A past day's list as it stood then: its window's tasks that existed by the
        # day's end and were not done before it began (not today's open tasks).
        planned = listed_on(day, maturity_days, start, end)
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
