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
    action: AuditAction
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
        AuditRecord(
            e.id, clock.to_local(e.at), e.actor, AuditAction(e.action), e.client_id, e.detail
        )
        for e in query
    ]
