"""Working a task: the calls and their outcomes (a call-back makes the next task), and
closing a task by hand."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...db.models import (
    CareCall,
    CareTask,
    Client,
)
from ...db.transactions import writing
from ...domain.audit import AuditAction
from ...domain.care import (
    CallOutcome,
    CareKind,
    CareTaskStatus,
    call_problems,
)
from ...domain.errors import (
    QT_TRANSLATE_NOOP,
    ConflictError,
    NotFound,
    Problem,
    ValidationError,
)
from ...domain.times import stored_value
from .. import audit, clients, clock
from ._common import DONE, OPEN


@dataclass(frozen=True)
class CallInfo:
    id: int
    task_id: int | None
    client_id: int | None
    outcome: CallOutcome
    called_at: dt.datetime
    duration_minutes: int
    info_sent: bool
    call_back_at: dt.datetime | None
    notes: str
    next_task_id: int | None = None  # the call-back task this call made


def log_call(
    outcome: CallOutcome | str,
    actor: str,
    desk: str,
    task_id: int | None = None,
    client_id: int | None = None,
    notes: str = "",
    duration_minutes: int = 0,
    info_sent: bool = False,
    call_back_at: dt.datetime | None = None,
) -> CallInfo:
    """Log a call for a task of the list (or a client without one). Reached and
    declined close the task; a call-back closes it and makes the next task, due on the
    call-back's day and chained to this call; no answer leaves it open (counted)."""
    now = clock.now()
    when = clock.local(call_back_at) if call_back_at else None
    problems = call_problems(outcome, duration_minutes, notes, when, now)
    if task_id is None and client_id is None:
        problems.append(
            Problem(
                "client", QT_TRANSLATE_NOOP("domain", "Choose the client or task the call is for.")
            )
        )
    if problems:
        raise ValidationError(problems)
    outcome = CallOutcome(outcome)
    with writing():
        task = None
        if task_id is not None:
            task = CareTask.get_or_none(CareTask.id == task_id)
            if task is None:
                raise _task_gone()
            if task.status != OPEN:
                raise _task_closed()
            client_id = task.client_id
        else:
            clients.require_in_book(client_id)
        if info_sent and not _marketing_consent(client_id):
            # 《银行保险机构消费者权益保护管理办法》(2023): no product marketing to a
            # client who has not agreed to it; the service call itself is fine.
            raise ValidationError(
                Problem(
                    "info_sent",
                    QT_TRANSLATE_NOOP(
                        "domain",
                        "The client has not agreed to marketing: a call or message may not "
                        "carry product information. Log the call without it.",
                    ),
                )
            )
        call = CareCall.create(
            task=task_id,
            client=client_id,
            called_at=clock.now_utc(),
            outcome=outcome.value,
            notes=(notes or "").strip(),
            duration_minutes=duration_minutes,
            info_sent=bool(info_sent),
            call_back_at=clock.to_stored(when),
            actor=actor,
            desk=desk,
        )
        if task is not None and outcome.closes_task:
            _close(task.id, DONE)
        next_id = None
        if outcome is CallOutcome.CALL_BACK:
            next_id = CareTask.insert(
                client=client_id,
                kind=CareKind.CALL_BACK.value,
                due_date=when.date(),
                source=f"call_back:{call.id}",
                title=f"{when:%H:%M}",
                status=OPEN,
                created_at=clock.now_utc(),
            ).execute()
        detail = f"{outcome.value}" + (f" task {task_id}" if task_id else "")
        audit.record(AuditAction.CARE_CALL_LOGGED, actor, client_id, detail)
    return _call_info(call, next_id)


def _marketing_consent(client_id: int | None) -> bool:
    found = Client.select(Client.consent_marketing).where(Client.id == client_id).tuples().first()
    return bool(found and found[0])


def close_task(task_id: int, actor: str, status: CareTaskStatus = CareTaskStatus.DONE) -> None:
    """Mark a task done (the manager dealt with it another way) or cancelled."""
    status = CareTaskStatus(status)
    if status is CareTaskStatus.OPEN:
        raise ValueError("a task is closed as done or cancelled")
    with writing():
        task = CareTask.get_or_none(CareTask.id == task_id)
        if task is None:
            raise _task_gone()
        if not _close(task_id, status.value):
            raise _task_closed()
        audit.record(
            AuditAction.CARE_TASK_CLOSED, actor, task.client_id, f"{task.kind} {status.value}"
        )


def _close(task_id: int, status: str) -> bool:
    """Close an open task; False when someone closed it first."""
    return bool(
        CareTask.update(status=status, done_at=clock.now_utc())
        .where((CareTask.id == task_id) & (CareTask.status == OPEN))
        .execute()
    )


def calls_of(task_id: int | None = None, client_id: int | None = None) -> list[CallInfo]:
    """A task's or a client's calls, the latest first."""
    query = CareCall.select().order_by(CareCall.called_at.desc(), CareCall.id.desc())
    if task_id is not None:
        query = query.where(CareCall.task == task_id)
    if client_id is not None:
        query = query.where(CareCall.client == client_id)
    nexts = {}
    calls = list(query)
    if calls:
        sources = {
            f"call_back:{c.id}": c.id for c in calls if c.outcome == CallOutcome.CALL_BACK.value
        }
        if sources:
            for tid, source in (
                CareTask.select(CareTask.id, CareTask.source)
                .where(CareTask.source.in_(list(sources)))
                .tuples()
            ):
                nexts[sources[source]] = tid
    return [_call_info(c, nexts.get(c.id)) for c in calls]


def _call_info(call: CareCall, next_id: int | None) -> CallInfo:
    return CallInfo(
        id=call.id,
        task_id=call.task_id,
        client_id=call.client_id,
        outcome=CallOutcome(call.outcome),
        called_at=clock.to_local(stored_value(call.called_at)),
        duration_minutes=call.duration_minutes,
        info_sent=bool(call.info_sent),
        call_back_at=clock.to_local(stored_value(call.call_back_at)),
        notes=call.notes,
        next_task_id=next_id,
    )


def _task_gone() -> NotFound:
    return NotFound(
        Problem("task", QT_TRANSLATE_NOOP("domain", "This care task no longer exists."))
    )


def _task_closed() -> ConflictError:
    return ConflictError(
        Problem(
            "task",
            QT_TRANSLATE_NOOP(
                "domain",
                "This care task was closed a moment ago (at another desk?); nothing was logged.",
            ),
        )
    )
