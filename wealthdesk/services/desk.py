"""Each desk's state (available, away until…, lunch, closed), shared through the database
so that the lobby and the other desks can see it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..db.connection import database
from ..db.models import DeskLock as DeskLockRow
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


# ------------------------------------------------------------------ the lock
#
# Whether a desk is locked and how many wrong PINs were typed in a row live here, with
# the desk, not in a file on its PC: editing that file opens nothing. Every change is
# audited. ``pin_set`` remembers that the desk has had a PIN: only the branch's reset
# (``wealthdesk desk reset-pin``) takes it away, so a PIN row that disappears is seen
# for what it is, tampering, and the desk stays locked.


@dataclass(frozen=True)
class LockState:
    desk: str
    locked: bool = False
    pin_failures: int = 0  # wrong PINs in a row
    pin_set: bool = False  # the desk has had a PIN since the branch last reset it


@dataclass(frozen=True)
class LockPin:
    """What opens the desk's lock now: the PIN's stored hash ("" when there is none),
    and whether a PIN the desk had was removed (then nothing opens it here)."""

    pin_hash: str
    removed: bool = False


def lock_state(desk: str) -> LockState:
    row = DeskLockRow.get_or_none(DeskLockRow.desk == desk)
    if row is None:
        return LockState(desk)
    return LockState(desk, bool(row.locked), max(int(row.pin_failures), 0), bool(row.pin_set))


def lock_pin(desk: str) -> LockPin:
    from . import settings as settings_service

    pin_hash = str(settings_service.get("pin_hash", desk) or "")
    return LockPin(pin_hash, removed=not pin_hash and lock_state(desk).pin_set)


def _store_lock(desk: str, **values: object) -> None:
    values = {getattr(DeskLockRow, k): v for k, v in values.items()}
    values[DeskLockRow.changed_at] = clock.now_utc()
    (
        DeskLockRow.insert({DeskLockRow.desk: desk, **values})
        .on_conflict(conflict_target=[DeskLockRow.desk], update=values)
        .execute()
    )


def record_lock(desk: str, actor: str) -> LockPin:
    """The desk locks: stored and audited; returns what opens it. A desk locked with a
    PIN is marked as having one; one whose PIN was removed is audited as tampered with."""
    with database.atomic():
        pin = lock_pin(desk)
        state = lock_state(desk)
        _store_lock(desk, locked=True, pin_set=state.pin_set or bool(pin.pin_hash))
        how = "pin" if pin.pin_hash else ("pin removed" if pin.removed else "no pin")
        audit.record(AuditAction.DESK_LOCKED, actor, None, f"{desk} {how}")
        if pin.removed:
            audit.record(AuditAction.DESK_PIN_MISSING, actor, None, desk)
    return pin


def record_pin_missing(desk: str, actor: str) -> None:
    """The PIN of the locked desk was found gone while it was locked: audited."""
    with database.atomic():
        audit.record(AuditAction.DESK_PIN_MISSING, actor, None, desk)


def record_wrong_pin(desk: str, actor: str) -> int:
    """A wrong PIN at the locked desk: counted with the desk and audited; returns the
    wrong PINs in a row now."""
    with database.atomic():
        failures = lock_state(desk).pin_failures + 1
        _store_lock(desk, locked=True, pin_failures=failures)
        audit.record(AuditAction.DESK_PIN_WRONG, actor, None, f"{desk} {failures}")
    return failures


def record_unlock(desk: str, actor: str) -> None:
    """The manager opened the locked desk with their PIN (or without one, if none is
    set): unlocked, the wrong PINs forgotten, audited."""
    with database.atomic():
        _store_lock(desk, locked=False, pin_failures=0)
        audit.record(AuditAction.DESK_UNLOCKED, actor, None, desk)


def note_pin_set(desk: str) -> None:
    """The desk's PIN was set or changed (its settings): from now on it has one."""
    _store_lock(desk, pin_set=True)


def reset_pin(desk: str, pin_hash: str, actor: str) -> None:
    """The branch's way back into a desk whose PIN is lost or was removed: a new PIN
    (its hash; "" leaves the desk with none until the manager sets one), the wrong
    PINs forgotten, the lock kept as it is; audited. For the branch administrator on
    the command line, never offered on the locked desk itself."""
    from . import settings as settings_service

    with database.atomic():
        settings_service.save({"pin_hash": pin_hash}, desk, actor)
        _store_lock(desk, pin_failures=0, pin_set=bool(pin_hash))
        detail = f"{desk} {'new pin' if pin_hash else 'no pin'}"
        audit.record(AuditAction.DESK_PIN_RESET, actor, None, detail)


def _status(row: DeskStatusRow) -> DeskStatus:
    return DeskStatus(
        desk=row.desk,
        state=DeskState(row.state),
        until=parse_time(row.until_time) if row.until_time else None,
        reason=row.reason,
        manager=row.manager,
        changed_at=clock.to_local(row.changed_at),
    )
