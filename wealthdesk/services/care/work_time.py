"""The day's time on client work against the branch's target."""

from __future__ import annotations

import datetime as dt

from ...db.models import (
    CareCall,
    ColleagueSupport,
    ServicePart,
    Visit,
)
from ...domain.care import (
    ClientWorkTime,
    client_work_total,
)
from ...domain.queue import VisitState, VisitTimes, service_time_of
from ...domain.times import stored_value
from .. import clock
from .. import settings as branch_settings


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
        started, ended = stored_value(started), stored_value(ended)
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
        started, finished = stored_value(started), stored_value(finished)
        if state == VisitState.SERVING.value:
            if started is not None and day == clock.today():
                sessions.append(max(now - started, dt.timedelta(0)))
            continue
        length = service_time_of(VisitTimes(VisitState.DONE, started, None, started, finished))
        if length is not None:
            sessions.append(length)
    start, end = clock.stored_days(day)
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
