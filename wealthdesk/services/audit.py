"""The append-only audit log: who saw or changed which client's data, and when."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import peewee

from ..db import audit_chain
from ..db.audit_chain import ChainReport
from ..db.connection import database
from ..db.models import AuditEntry
from ..domain.audit import AuditAction
from ..domain.errors import QT_TRANSLATE_NOOP
from ..private_files import replacing
from . import clock


@dataclass(frozen=True)
class AuditRecord:
    id: int
    at: dt.datetime
    actor: str
    action: AuditAction | str  # the raw name of an action from a newer release
    client_id: int | None
    detail: str


def record(
    action: AuditAction | str, actor: str, client_id: int | None = None, detail: str = ""
) -> None:
    """Write one entry, chained to the one before; call inside the transaction of the
    change it records. (An action's raw name is for tools and tests that stand in for
    another release.)"""
    name = action.value if isinstance(action, AuditAction) else str(action)
    audit_chain.append(database.obj, clock.now_utc(), actor or "?", name, client_id, detail)


def verify_chain() -> ChainReport:
    """The audit log checked entry by entry from the first (see db/audit_chain)."""
    return audit_chain.verify(database.obj)


_CHAIN_PROBLEMS = {
    audit_chain.CHANGED: QT_TRANSLATE_NOOP(
        "domain", "entry {entry} no longer matches what was written (it was changed)"
    ),
    audit_chain.NOT_FOLLOWING: QT_TRANSLATE_NOOP(
        "domain",
        "entry {entry} does not follow entry {after}: an entry between them was removed "
        "or rewritten",
    ),
    audit_chain.MISSING: QT_TRANSLATE_NOOP(
        "domain", "entries {first} to {last} are missing, before entry {entry}"
    ),
    audit_chain.MISSING_AFTER: QT_TRANSLATE_NOOP(
        "domain",
        "the entries after entry {after} are missing (the log had reached entry {entry})",
    ),
}


def chain_verdict(report: ChainReport, translate=None) -> str:
    """One sentence on *report* in the user's language: intact with its count, or the
    first entry that does not hold and how."""
    tr = (lambda text: translate("domain", text)) if translate else (lambda text: text)
    if report.intact:
        return tr(
            QT_TRANSLATE_NOOP(
                "domain",
                "The audit log is intact: {count} entries, each chained to the one before.",
            )
        ).format(count=report.entries)
    after = report.after or 0
    problem = tr(_CHAIN_PROBLEMS[report.problem]).format(
        entry=report.broken_at,
        after=after,
        first=after + 1,
        last=(report.broken_at or 1) - 1,
    )
    return tr(
        QT_TRANSLATE_NOOP("domain", "The audit log is broken at entry {entry}: {problem}.")
    ).format(entry=report.broken_at, problem=problem)


@contextmanager
def audit_first() -> Iterator[None]:
    """A transaction that holds the audit log's write lock before the block writes a file:
    a database that cannot take the entry (locked by another program, a server gone)
    stops the block before any file exists, and a block that fails takes its entries
    back. The caller removes its files when the block or the commit fails."""
    db = database.obj
    if isinstance(db, peewee.PostgresqlDatabase):
        with db.atomic():
            db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (audit_chain.PG_LOCK_KEY,))
            yield
    else:
        with db.atomic("IMMEDIATE"):
            yield


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
    a temporary file renamed at the end. The export's own entry is written first: when
    the log cannot take it, no file is written. Returns the entries written. Client ids
    only: the log never holds a name or a number."""
    from pathlib import Path

    from ..domain.csv_file import csv_writer

    target = Path(target)
    query = AuditEntry.select().order_by(AuditEntry.id)
    if first is not None:
        query = query.where(AuditEntry.at >= clock.stored_days(first)[0])
    if last is not None and last < dt.date.max:  # the calendar's last day: no bound
        query = query.where(AuditEntry.at < clock.stored_days(last)[1])
    count, renamed = 0, False
    try:
        with audit_first():
            # The entry first, under the log's write lock; the file holds the entries
            # before it (the count read under the same lock).
            ceiling = AuditEntry.select(peewee.fn.MAX(AuditEntry.id)).scalar() or 0
            query = query.where(AuditEntry.id <= ceiling)
            span = f"{first or '…'} to {last or '…'}"
            record(AuditAction.AUDIT_EXPORTED, actor, None, f"{query.count()} entries, {span}")
            with (
                replacing(target) as partial,
                partial.open("w", encoding="utf-8-sig", newline="") as file,
            ):
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
            renamed = True
    except BaseException:
        if renamed:  # the commit failed after the rename: no file without its entry
            target.unlink(missing_ok=True)
        raise
    return count
