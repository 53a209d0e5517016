"""Time given to a colleague's sale (colleague support)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...db.models import ColleagueSupport
from ...db.transactions import writing
from ...domain.audit import AuditAction
from ...domain.care import (
    SupportKind,
    support_problems,
)
from ...domain.errors import ValidationError
from ...domain.times import stored_value
from .. import audit, clock


@dataclass(frozen=True)
class SupportInfo:
    id: int
    supported_at: dt.datetime
    colleague: str
    kind: SupportKind
    duration_minutes: int
    sale_followed: bool
    notes: str


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
    start, end = clock.stored_days(day)
    query = ColleagueSupport.select().where(
        (ColleagueSupport.supported_at >= start) & (ColleagueSupport.supported_at < end)
    )
    if desk is not None:
        query = query.where(ColleagueSupport.desk == desk)
    return [_support_info(r) for r in query.order_by(ColleagueSupport.supported_at)]


def _support_info(row: ColleagueSupport) -> SupportInfo:
    return SupportInfo(
        row.id,
        clock.to_local(stored_value(row.supported_at)),
        row.colleague,
        SupportKind(row.kind),
        row.duration_minutes,
        bool(row.sale_followed),
        row.notes,
    )
