"""Care messages from the care list: the text a task's template makes (the client's
surname and the task's details filled in), sending it (logged as a contact with its
channel, the task done, audited), and the SMS platform's export file. Marketing texts
only for clients who consented to marketing; the app's records keep mobiles masked."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from peewee import fn

from ..db.connection import database
from ..db.models import (
    CareEvent,
    CareMessage,
    CareTask,
    Client,
    Holding,
    Product,
    QualifiedInvestor,
    Visit,
)
from ..domain.audit import AuditAction
from ..domain.care import CareTaskStatus, yuan
from ..domain.care_messages import (
    FOR_TASK,
    MessageChannel,
    MessageDetails,
    MessageKind,
    consent_problem,
    fill,
    message_problem,
    sms_csv,
)
from ..domain.errors import QT_TRANSLATE_NOOP, ConflictError, NotFound, Problem, ValidationError
from ..domain.identity import mobile_problem
from ..domain.investor import private_offer_problem
from ..domain.masking import mask_mobile, mask_name
from ..domain.times import stored_date
from ..private_files import write_atomically
from . import audit, clock
from . import settings as branch_settings


@dataclass(frozen=True)
class MessageDraft:
    """The message a care task's template makes, to show and edit before it is sent.
    *refused* says why it cannot be sent at all (a marketing text without consent)."""

    task_id: int
    client_id: int
    kind: MessageKind
    text: str
    masked_name: str
    masked_mobile: str
    refused: Problem | None = None


@dataclass(frozen=True)
class MessageInfo:
    id: int
    task_id: int | None
    client_id: int
    masked_name: str
    kind: MessageKind
    channel: MessageChannel
    text: str
    masked_mobile: str
    created_at: dt.datetime  # local
    exported_at: dt.datetime | None
    export_file: str


def _date_text(day: object) -> str:
    """``12月3日``: how a message to a client writes a day."""
    if not isinstance(day, dt.date):
        day = dt.date.fromisoformat(str(day)[:10])
    return f"{day.month}月{day.day}日"


def compose(task_id: int, desk: str = "1") -> MessageDraft:
    """The message for the open care task *task_id*, from the branch's template."""
    task = CareTask.get_or_none(CareTask.id == task_id)
    if task is None or task.client_id is None:
        raise _task_gone()
    kind = FOR_TASK.get(task.kind)
    if kind is None:
        raise ValidationError(
            Problem(
                "kind",
                QT_TRANSLATE_NOOP(
                    "domain", "There is no message for this task: call the client instead."
                ),
            )
        )
    client = Client.get_by_id(task.client_id)
    values = branch_settings.load(desk)
    details = MessageDetails(
        branch=str(values.get("branch_name") or ""),
        manager=str(values.get("manager_name") or ""),
        phone=str(values.get("desk_phone") or ""),
        **_task_details(task, kind),
    )
    text = fill(str(values[kind.setting]), client.name, client.gender, details)
    return MessageDraft(
        task_id=task.id,
        client_id=client.id,
        kind=kind,
        text=text,
        masked_name=mask_name(client.name),
        masked_mobile=mask_mobile(client.mobile),
        refused=consent_problem(kind, bool(client.consent_marketing))
        or _private_offer_problem(task, kind),
    )


def _private_offer_problem(task: CareTask, kind: MessageKind) -> Problem | None:
    """A maturity offer naming a private (私募) holding goes only to a client who is a
    qualified investor on record today (issue 19: private products never appear as
    marketing to others)."""
    source = task.source or ""
    if kind is not MessageKind.MATURITY or not source.startswith("maturity:"):
        return None
    private = (
        Product.select(Product.private)
        .join(Holding, on=Holding.product == Product.id)
        .where(Holding.id == int(source.split(":")[1]))
        .scalar()
    )
    if not private:
        return None
    until = (
        QualifiedInvestor.select(fn.MAX(QualifiedInvestor.valid_until))
        .where(QualifiedInvestor.client == task.client_id)
        .scalar()
    )
    return private_offer_problem(stored_date(until), clock.today())


def _task_details(task: CareTask, kind: MessageKind) -> dict[str, str]:
    """The date and the details the task's kind fills in, read from what it was made of."""
    source = task.source or ""
    if kind is MessageKind.MATURITY and source.startswith("maturity:"):
        row = (
            Holding.select(Holding.maturity_date, Holding.amount_fen, Product.name)
            .join(Product)
            .where(Holding.id == int(source.split(":")[1]))
            .tuples()
            .first()
        )
        if row is not None:
            due, amount, product = row
            return {"date": _date_text(due), "amount": yuan(amount), "product": product}
    if kind is MessageKind.INVITATION and task.event_id is not None:
        event = CareEvent.get_or_none(CareEvent.id == task.event_id)
        if event is not None:
            return {"date": _date_text(event.event_date), "event": event.name, "place": event.place}
    if kind is MessageKind.RISK_EXPIRY:
        return {"date": _date_text(task.due_date), "level": task.title or ""}
    if kind is MessageKind.FOLLOW_UP and source.startswith("follow_up:visit:"):
        day = Visit.select(Visit.service_date).where(Visit.id == int(source.split(":")[2])).scalar()
        return {"date": _date_text(day)} if day else {}
    if kind is MessageKind.BIRTHDAY:
        return {"date": _date_text(task.due_date)}
    return {}


def send(
    task_id: int,
    text: str,
    channel: MessageChannel | str,
    actor: str,
    desk: str = "",
) -> MessageInfo:
    """Log the message *text* for the task's client as a contact by *channel*; the task
    is done. An SMS waits for the next export file. Refused: an empty or overlong text,
    a marketing text without consent, an SMS to a client without a mobile."""
    channel = MessageChannel(channel)
    problems = [p for p in (message_problem(text),) if p]
    with database.atomic():
        task = CareTask.get_or_none(CareTask.id == task_id)
        if task is None or task.client_id is None:
            raise _task_gone()
        if task.status != CareTaskStatus.OPEN.value:
            raise ConflictError(
                Problem(
                    "task",
                    QT_TRANSLATE_NOOP("domain", "This task was dealt with meanwhile."),
                )
            )
        kind = FOR_TASK.get(task.kind, MessageKind.FOLLOW_UP)
        client = Client.get_by_id(task.client_id)
        if refused := consent_problem(kind, bool(client.consent_marketing)):
            problems.append(refused)
        if refused := _private_offer_problem(task, kind):
            problems.append(refused)
        if channel is MessageChannel.SMS and mobile_problem(client.mobile or ""):
            problems.append(
                Problem(
                    "channel",
                    QT_TRANSLATE_NOOP(
                        "domain", "This client has no mobile number for an SMS; copy the text."
                    ),
                )
            )
        if problems:
            raise ValidationError(problems)
        now = clock.now_utc()
        row = CareMessage.create(
            task=task.id,
            client=client.id,
            kind=kind.value,
            channel=channel.value,
            text=text.strip(),
            masked_mobile=mask_mobile(client.mobile),
            created_at=now,
            actor=actor,
            desk=desk,
        )
        CareTask.update(status=CareTaskStatus.DONE.value, done_at=now).where(
            (CareTask.id == task.id) & (CareTask.status == CareTaskStatus.OPEN.value)
        ).execute()
        audit.record(
            AuditAction.CARE_MESSAGE_SENT,
            actor,
            client.id,
            f"{kind.value} by {channel.value} task {task.id}",
        )
    return _info(row, client.name)


def messages(client_id: int | None = None, pending_only: bool = False) -> list[MessageInfo]:
    """Messages logged, newest first: a client's, or those waiting for the SMS export."""
    query = (
        CareMessage.select(CareMessage, Client.name)
        .join(Client)
        .order_by(CareMessage.created_at.desc(), CareMessage.id.desc())
    )
    if client_id is not None:
        query = query.where(CareMessage.client == client_id)
    if pending_only:
        query = query.where(
            (CareMessage.channel == MessageChannel.SMS.value) & CareMessage.exported_at.is_null()
        )
    return [_info(row, row.client.name) for row in query]


def pending_count() -> int:
    return (
        CareMessage.select()
        .where(
            (CareMessage.channel == MessageChannel.SMS.value) & CareMessage.exported_at.is_null()
        )
        .count()
    )


@dataclass(frozen=True)
class SmsExport:
    path: Path
    exported: int
    skipped: int  # the client has no mobile any more (changed or erased): still waiting


def export_sms(path: Path, actor: str) -> SmsExport:
    """Write the messages waiting for the SMS platform to *path* (CSV, UTF-8 with BOM:
    each client's mobile in full, as the platform needs it, and the text) and mark them
    exported, in one transaction: a file that cannot be written marks nothing. The
    export is audited (how many, the file's name; never a number or a text)."""
    path = Path(path)
    with database.atomic():
        rows = list(
            CareMessage.select(CareMessage.id, CareMessage.text, Client.mobile)
            .join(Client)
            .where(
                (CareMessage.channel == MessageChannel.SMS.value)
                & CareMessage.exported_at.is_null()
            )
            .order_by(CareMessage.created_at, CareMessage.id)
            .tuples()
        )
        sendable = [(mid, text, mobile) for mid, text, mobile in rows if mobile and text]
        sendable = [r for r in sendable if not mobile_problem(r[2])]
        if not sendable:
            return SmsExport(path, 0, len(rows))
        write_atomically(path, sms_csv([(mobile, text) for _mid, text, mobile in sendable]))
        CareMessage.update(exported_at=clock.now_utc(), export_file=path.name).where(
            CareMessage.id.in_([mid for mid, _t, _m in sendable])
        ).execute()
        audit.record(
            AuditAction.CARE_MESSAGES_EXPORTED,
            actor,
            None,
            f"{len(sendable)} messages to {path.name}",
        )
    return SmsExport(path, len(sendable), len(rows) - len(sendable))


def _info(row: CareMessage, name: str | None) -> MessageInfo:
    return MessageInfo(
        id=row.id,
        task_id=row.task_id,
        client_id=row.client_id,
        masked_name=mask_name(name),
        kind=MessageKind(row.kind),
        channel=MessageChannel(row.channel),
        text=row.text,
        masked_mobile=row.masked_mobile,
        created_at=clock.to_local(row.created_at),
        exported_at=clock.to_local(row.exported_at) if row.exported_at else None,
        export_file=row.export_file,
    )


def _task_gone() -> NotFound:
    return NotFound(
        Problem("task", QT_TRANSLATE_NOOP("domain", "This care task no longer exists."))
    )


__all__ = [
    "MessageDraft",
    "MessageInfo",
    "SmsExport",
    "compose",
    "export_sms",
    "messages",
    "pending_count",
    "send",
]
