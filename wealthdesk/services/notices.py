"""Door notices: a draft filled in from the settings, and the log of every notice printed
or saved, which the day close lists."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Literal

from ..db.connection import database
from ..db.models import AuditEntry
from ..domain.audit import AuditAction
from ..domain.calendar import OfficeHours
from ..domain.desk import DeskState
from ..domain.notice import ClosedReason, NoticeDraft, NoticeKind, Orientation
from . import audit, clock, settings

How = Literal["printed", "saved"]
_ACTIONS: dict[str, AuditAction] = {
    "printed": AuditAction.NOTICE_PRINTED,
    "saved": AuditAction.NOTICE_SAVED,
}
_HOW = {action.value: how for how, action in _ACTIONS.items()}

# The notice that goes with each of the desk's "I'm leaving" states.
_KIND_OF_STATE = {
    DeskState.AWAY: NoticeKind.AWAY,
    DeskState.LUNCH: NoticeKind.LUNCH,
    DeskState.CLOSED: NoticeKind.CLOSED,
}


@dataclass(frozen=True)
class NoticeLogEntry:
    """One notice printed or saved: when (local time), which, how, by whom, at which desk."""

    at: dt.datetime
    kind: NoticeKind
    how: How
    actor: str
    desk: str
    reason: ClosedReason | None = None  # a closed notice's: training, meeting…

    @property
    def label(self) -> str:
        """What the notice is called (untranslated): a training or meeting notice by its
        own name, not as "Closed"."""
        if self.kind is NoticeKind.CLOSED and self.reason not in (None, ClosedReason.CLOSED):
            return self.reason.label
        return self.kind.label


def draft_for(kind: NoticeKind | str, desk: str = "1", **changes: object) -> NoticeDraft:
    """A notice of *kind* as the settings fill it in: the branch, the desk's manager and
    phone, the lunch break from the office hours, English, QR code and orientation as
    set for notices; *changes* (``back=``, ``reason=``…) replace what they name."""
    kind = NoticeKind(kind)
    values = settings.load(desk)
    draft = NoticeDraft(
        kind=kind,
        branch=str(values["branch_name"]),
        manager=str(values["manager_name"]),
        phone=str(values["desk_phone"]),
        english=bool(values["notice_english"]),
        qr=bool(values["notice_qr"]),
        qr_link=str(values["notice_link"]),
        orientation=Orientation.PORTRAIT if values["notice_portrait"] else Orientation.LANDSCAPE,
    )
    if kind is NoticeKind.LUNCH:
        hours = OfficeHours.from_settings(values)
        draft = replace(draft, start=hours.lunch_start, until=hours.lunch_end)
    return replace(draft, **changes) if changes else draft


def draft_for_desk_state(
    state: DeskState, desk: str = "1", until: dt.time | None = None
) -> NoticeDraft | None:
    """The notice that goes with the desk's Away, Lunch or Closed action, with the
    return time the manager gave (*until*): back at… when away or closed, open again at…
    after lunch. None for a state that needs no notice (available, serving)."""
    kind = _KIND_OF_STATE.get(DeskState(state))
    if kind is None:
        return None
    draft = draft_for(kind, desk)
    if until is None:
        return draft
    if kind is NoticeKind.LUNCH:
        # A lunch that ends at another time than the office hours' may start then too.
        start = draft.start if draft.start is not None and draft.start < until else None
        return replace(draft, start=start, until=until)
    return replace(draft, back=until)


def record(
    kind: NoticeKind | str,
    how: How,
    actor: str,
    desk: str = "1",
    reason: ClosedReason | str | None = None,
) -> None:
    """Log a notice that was printed or saved, for the day close; a closed notice's
    *reason* (training, meeting) is kept with it."""
    action = _ACTIONS[how]
    code = NoticeKind(kind).value
    if NoticeKind(kind) is NoticeKind.CLOSED and reason is not None:
        code += f"/{ClosedReason(reason).value}"
    with database.atomic():
        audit.record(action, actor, None, f"{code} {desk}")


@contextlib.contextmanager
def recording(
    kind: NoticeKind | str,
    how: How,
    actor: str,
    desk: str = "1",
    reason: ClosedReason | str | None = None,
) -> Iterator[None]:
    """Log a notice for the day close only if the block that writes it succeeds.

    The log entry is written first, so that a database that cannot take it (locked by
    another program) stops the block before a file exists; an error in the block takes
    the entry back. Keep the block short: it holds the database's write lock (no print
    dialog inside it; log a print with :func:`record` once it went through).
    """
    with database.atomic():
        record(kind, how, actor, desk, reason)
        yield


def day_log(day: dt.date) -> list[NoticeLogEntry]:
    """The notices printed or saved on *day* (local), in the order they were made."""
    begin, end = clock.stored_days(day)
    query = (
        AuditEntry.select()
        .where(
            # client_id IS NULL first: the log's (client_id, at) index serves the query.
            AuditEntry.client_id.is_null()
            & (AuditEntry.at >= begin)
            & (AuditEntry.at < end)
            & AuditEntry.action.in_(list(_HOW))
        )
        .order_by(AuditEntry.at, AuditEntry.id)
    )
    entries = []
    for row in query:
        code, _, desk = row.detail.partition(" ")
        kind_code, _, reason_code = code.partition("/")
        try:
            kind = NoticeKind(kind_code)
            reason = ClosedReason(reason_code) if reason_code else None
        except ValueError:
            continue  # not written by record(): nothing to list
        how = _HOW[row.action]
        entries.append(
            NoticeLogEntry(clock.to_local(row.at), kind, how, row.actor, desk.strip(), reason)
        )
    return entries
