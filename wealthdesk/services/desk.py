"""Each desk's state (available, away until…, lunch, closed), shared through the database
so that the lobby and the other desks can see it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..db.connection import database
from ..db.models import DeskStatus as DeskStatusRow
from ..domain.audit import AuditAction
from ..domain.desk import DeskState, return_time_problem
from ..domain.errors import ValidationError
from ..domain.settings import parse_time
from . import audit, clock


@dataclass(frozen=True)
class DeskStatus:
    desk: str
    state: DeskState
    until: dt.time | None = None  # when an away or lunching manager said they are back
    reason: str = ""
    manager: str = ""
    changed_at: dt.datetime | None = None  # local time


def get_status(desk: str) -> DeskStatus:
    """The desk's stored state; a desk never set is available."""
    row = DeskStatusRow.get_or_none(DeskStatusRow.desk == desk)
    return _status(row) if row is not None else DeskStatus(desk, DeskState.AVAILABLE)


def all_statuses() -> list[DeskStatus]:
    return [_status(row) for row in DeskStatusRow.select().order_by(DeskStatusRow.desk)]


def set_status(
    desk: str,
    state: DeskState,
    actor: str,
    until: str = "",
    reason: str = "",
    manager: str = "",
) -> DeskStatus:
    """Store the desk's state. *until* (HH:MM, later today) is required for away and
    lunch; *serving* is not stored: it follows from the visits called to the desk."""
    state = DeskState(state)
    if state is DeskState.SERVING:
        raise ValueError("serving follows from the queue; store available instead")
    until = (until or "").strip() if state.takes_return_time else ""
    if state.takes_return_time:
        problem = return_time_problem(until, clock.now())
        if problem is not None:
            raise ValidationError(problem)
    values = {
        DeskStatusRow.state: state.value,
        DeskStatusRow.until_time: until,
        DeskStatusRow.reason: (reason or "").strip(),
        DeskStatusRow.manager: (manager or "").strip()[:40],
        DeskStatusRow.changed_at: clock.now_utc(),
    }
    with database.atomic():
        (
            DeskStatusRow.insert({DeskStatusRow.desk: desk, **values})
            .on_conflict(conflict_target=[DeskStatusRow.desk], update=values)
            .execute()
        )
        audit.record(AuditAction.DESK_STATE, actor, None, f"{desk} {state.value} {until}".strip())
    return get_status(desk)


def record_unlock(desk: str, actor: str) -> None:
    """The manager opened the locked desk with their PIN (or without one, if none is set)."""
    with database.atomic():
        audit.record(AuditAction.DESK_UNLOCKED, actor, None, desk)


def _status(row: DeskStatusRow) -> DeskStatus:
    return DeskStatus(
        desk=row.desk,
        state=DeskState(row.state),
        until=parse_time(row.until_time) if row.until_time else None,
        reason=row.reason,
        manager=row.manager,
        changed_at=clock.to_local(row.changed_at),
    )
