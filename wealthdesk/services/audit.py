"""The append-only audit log: who saw or changed which client's data, and when."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..db.models import AuditEntry
from ..domain.audit import AuditAction
from . import clock


@dataclass(frozen=True)
class AuditRecord:
    id: int
    at: dt.datetime
    actor: str
    action: AuditAction | str  # the raw name of an action from a newer release
    client_id: int | None
    detail: str


def record(action: AuditAction, actor: str, client_id: int | None = None, detail: str = "") -> None:
    """Write one entry; call inside the transaction of the change it records."""
    AuditEntry.create(
        at=clock.now_utc(),
        actor=actor or "?",
        action=action.value,
        client_id=client_id,
        detail=detail,
    )


def entries(client_id: int | None = None, limit: int = 200) -> list[AuditRecord]:
    query = AuditEntry.select().order_by(AuditEntry.id.desc()).limit(limit)
    if client_id is not None:
        query = query.where(AuditEntry.client_id == client_id)
    return [
        AuditRecord(e.id, clock.to_local(e.at), e.actor, _action(e.action), e.client_id, e.detail)
        for e in query
    ]


def _action(name: str) -> AuditAction | str:
    try:
        return AuditAction(name)
    except ValueError:
        return name


def _action_label(name: str, translate=None) -> str:
    """The action's label in the user's language; an action this release does not know
    (written by a newer one) is shown by its own name, never dropped."""
    action = _action(name)
    if isinstance(action, str):
        return action
    return translate("domain", action.label) if translate else action.label


AUDIT_CSV_COLUMNS = ("id", "at", "actor", "action", "action_label", "client_id", "detail")


def export_csv(
    target, first: dt.date | None, last: dt.date | None, actor: str, translate=None
) -> int:
    """Write the audit log from *first* to *last* (local days, both included; None: no
    bound) to *target* as CSV in UTF-8 with BOM (Excel opens it), oldest first, through
    a temporary file renamed at the end; the export itself is then recorded. Returns the
    entries written. Client ids only: the log never holds a name or a number."""
    import os
    from pathlib import Path

    from ..db.connection import database
    from ..domain.csv_file import csv_writer

    target = Path(target)
    query = AuditEntry.select().order_by(AuditEntry.id)
    zone = clock.now().tzinfo
    if first is not None:
        begin = dt.datetime.combine(first, dt.time(0), zone).astimezone(dt.UTC)
        query = query.where(AuditEntry.at >= begin.replace(tzinfo=None))
    if last is not None and last < dt.date.max:  # the calendar's last day: no bound
        end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(0), zone)
        query = query.where(AuditEntry.at < end.astimezone(dt.UTC).replace(tzinfo=None))
    partial = target.with_name(f".{target.name}.part")
    count = 0
    try:
        with partial.open("w", encoding="utf-8-sig", newline="") as file:
            writer = csv_writer(file)
            writer.writerow(AUDIT_CSV_COLUMNS)
            for e in query.iterator():
                label = _action_label(e.action, translate)
                local = clock.to_local(e.at)
                writer.writerow(
                    (e.id, local.isoformat(timespec="seconds"), e.actor, e.action, label,
                     e.client_id if e.client_id is not None else "", e.detail)
                )  # fmt: skip
                count += 1
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    with database.atomic():
        span = f"{first or '…'} to {last or '…'}"
        record(AuditAction.AUDIT_EXPORTED, actor, None, f"{count} entries, {span}")
    return count
