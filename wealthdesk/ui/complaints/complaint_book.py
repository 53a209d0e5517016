"""The complaints register as the UI sees it: the complaint services with one
meaning-level signal, and the open complaint windows as one part of the client screen
(they clear, and say what client values they hold, like every other part)."""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from ...domain.complaints import ComplaintCategory, ComplaintDraft
from ...services import complaints as complaint_service
from ...services import queue as queue_service
from ...services.complaints import ComplaintInfo
from ...services.storage import guarded


class ComplaintBook(QObject):
    """One per window. Every call may raise a domain error or a StorageError."""

    complaints_changed = Signal()

    def __init__(
        self,
        actor: Callable[[], str],
        manager: Callable[[], str],
        desk: Callable[[], str],
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._actor = actor
        self._manager = manager
        self._desk = desk
        self._open: weakref.WeakSet = weakref.WeakSet()

    @property
    def manager(self) -> str:
        return self._manager()

    # ------------------------------------------------------------ reading
    @guarded
    def register_list(self, open_only: bool = False) -> list[ComplaintInfo]:
        return complaint_service.register_list(open_only)

    @guarded
    def needing_attention(self) -> list[ComplaintInfo]:
        return complaint_service.needing_attention()

    @guarded
    def get(self, complaint_id: int) -> ComplaintInfo:
        return complaint_service.get(complaint_id)

    @guarded
    def deadline_for(self, received: dt.date) -> dt.date:
        return complaint_service.deadline_for(received)

    @guarded
    def walk_in_phone(self, visit_id: int) -> str:
        return queue_service.walk_in_phone(visit_id)

    @guarded
    def visitor_name(self, visit_id: int) -> str:
        """The name a visitor gave at check-in, whole (a queue's list has it masked)."""
        return queue_service.get_visit(visit_id).name

    # ------------------------------------------------------------ changing
    @guarded
    def register(self, draft: ComplaintDraft) -> ComplaintInfo:
        made = complaint_service.register(draft, self._actor(), self._desk())
        self.complaints_changed.emit()
        return made

    @guarded
    def update(
        self, complaint: ComplaintInfo, handler: str, what: str, category: ComplaintCategory
    ) -> ComplaintInfo:
        changed = complaint_service.update(
            complaint.id, self._actor(), handler, what, category, complaint.row_version
        )
        self.complaints_changed.emit()
        return changed

    @guarded
    def resolve(
        self, complaint: ComplaintInfo, resolution: str, accepted: bool | None
    ) -> ComplaintInfo:
        done = complaint_service.resolve(
            complaint.id, self._actor(), resolution, accepted, complaint.row_version
        )
        self.complaints_changed.emit()
        return done

    @guarded
    def reopen(self, complaint: ComplaintInfo) -> ComplaintInfo:
        again = complaint_service.reopen(complaint.id, self._actor(), complaint.row_version)
        self.complaints_changed.emit()
        return again

    # ------------------------------------------------------------ the client screen
    def opened(self, window) -> None:
        """A complaint window is open (it has ``clear()`` and ``client_values()``)."""
        self._open.add(window)

    def clear(self) -> None:
        """Close and empty every open complaint window: the client leaves the screen."""
        for window in list(self._open):
            window.clear()

    def client_values(self) -> set[str]:
        values: set[str] = set()
        for window in list(self._open):
            values |= window.client_values()
        return values


__all__ = ["ComplaintBook"]
