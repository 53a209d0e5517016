"""The desk's lock as the window keeps it: in the database, with the desk (issue 18).

Whether the desk is locked, its wrong PINs in a row and whether it has had a PIN are
stored by ``services/desk.py`` and audited; the PC's settings file holds nothing that
opens the desk. A database that cannot be reached never opens the lock: the window
falls back to what it knows (the PIN read at start) and tries again next time.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from ...services import desk as desk_service
from ...services.desk import LockPin
from ...services.storage import StorageError, guarded

log = logging.getLogger(__name__)


class DeskLock:
    def __init__(self, desk: Callable[[], str], actor: Callable[[], str]):
        self._desk = desk
        self._actor = actor
        self._removed_told = False  # a removed PIN is audited once per lock

    def locked_before(self) -> bool:
        """The desk was locked when its window last ran (on any PC)."""
        try:
            return guarded(desk_service.lock_state)(self._desk()).locked
        except StorageError as exc:
            log.warning("the desk's lock not read: %s", exc)
            return False

    def lock(self, known_hash: str) -> LockPin:
        """The desk locks: stored and audited. What opens it, as stored now (the PIN
        *known_hash* the window read at start when the database cannot be reached)."""
        try:
            pin = guarded(desk_service.record_lock)(self._desk(), self._actor())
        except StorageError as exc:
            log.warning("the desk's lock not stored: %s", exc)
            return LockPin(known_hash)
        self._removed_told = pin.removed  # record_lock audited it already
        return pin

    def pin(self) -> LockPin | None:
        """What opens the lock now; None when it cannot be read (nothing changes)."""
        try:
            return guarded(desk_service.lock_pin)(self._desk())
        except StorageError as exc:
            log.warning("the desk's PIN not read: %s", exc)
            return None

    def failures(self) -> int:
        try:
            return guarded(desk_service.lock_state)(self._desk()).pin_failures
        except StorageError as exc:
            log.warning("the desk's wrong PINs not read: %s", exc)
            return 0

    def wrong_pin(self, _count: int = 0) -> None:
        try:
            guarded(desk_service.record_wrong_pin)(self._desk(), self._actor())
        except StorageError as exc:
            log.warning("a wrong PIN not counted with the desk: %s", exc)

    def pin_removed(self) -> None:
        if self._removed_told:
            return
        self._removed_told = True
        try:
            guarded(desk_service.record_pin_missing)(self._desk(), self._actor())
        except StorageError as exc:
            log.warning("the removed PIN not audited: %s", exc)
