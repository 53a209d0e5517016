"""The visitor queue and this desk's state as the UI sees them: the services plus
meaning-level signals, so that every page showing the queue follows one change."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from ...domain.desk import DeskState
from ...domain.queue import FinishCheck, SessionActivity
from ...services import desk as desk_service
from ...services import queue as queue_service
from ...services.desk import DeskStatus
from ...services.queue import CheckIn, QueueSnapshot, VisitInfo
from ...services.storage import guarded


class VisitorQueue(QObject):
    """One per window. Every call may raise a domain error (a refused move, with its
    reason) or :class:`~wealthdesk.services.storage.StorageError`."""

    queue_changed = Signal()  # someone checked in, was called, parked, left…
    desk_changed = Signal()  # this desk's state or its called/served visitor changed

    def __init__(
        self, desk: Callable[[], str], actor: Callable[[], str], parent: QObject | None = None
    ):
        super().__init__(parent)
        self._desk = desk
        self._actor = actor

    @property
    def desk(self) -> str:
        return self._desk()

    # ------------------------------------------------------------ reading
    @guarded
    def snapshot(self) -> QueueSnapshot:
        return queue_service.snapshot()

    @guarded
    def at_desk(self) -> VisitInfo | None:
        """The visitor this desk called or is serving (the first, should there be two)."""
        here = queue_service.at_desk(self.desk)
        return here[0] if here else None

    @guarded
    def get(self, visit_id: int) -> VisitInfo:
        return queue_service.get_visit(visit_id)

    @guarded
    def client_visits(self, client_id: int) -> list[VisitInfo]:
        return queue_service.client_visits(client_id)

    @guarded
    def session_activity(self, visit: VisitInfo) -> SessionActivity:
        """What was recorded for *visit*'s visitor since they were called."""
        return queue_service.session_activity(visit.id)

    @guarded
    def status(self) -> DeskStatus:
        return desk_service.get_status(self.desk)

    # ------------------------------------------------------------ the queue
    @guarded
    def check_in(self, request: CheckIn) -> VisitInfo:
        visit = queue_service.check_in(request, self._actor())
        self.queue_changed.emit()
        return visit

    @guarded
    def call_next(self) -> VisitInfo | None:
        visit = queue_service.call_next(self.desk, self._actor())
        if visit is not None:
            self._changed(desk=True)
        return visit

    @guarded
    def call(self, visit: VisitInfo) -> VisitInfo:
        return self._moved(queue_service.call(visit.id, self.desk, self._actor()), desk=True)

    @guarded
    def recall(self, visit: VisitInfo) -> VisitInfo:
        return self._moved(queue_service.recall(visit.id, self._actor()), desk=True)

    @guarded
    def no_show(self, visit: VisitInfo) -> VisitInfo:
        return self._moved(queue_service.no_show(visit.id, self._actor()), desk=True)

    @guarded
    def recycle(self, visit: VisitInfo) -> VisitInfo:
        return self._moved(queue_service.recycle(visit.id, self._actor()), desk=True)

    @guarded
    def transfer(self, visit: VisitInfo, to_desk: str) -> VisitInfo:
        moved = queue_service.transfer(visit.id, to_desk, self._actor(), visit.row_version)
        return self._moved(moved, desk=True)

    @guarded
    def desks(self) -> list[queue_service.DeskOverview]:
        """Every desk at work today, as the lobby sees them."""
        return queue_service.desks_overview()

    @guarded
    def other_desks(self) -> list[str]:
        """The desks at work today besides this one (where a visitor may be passed on)."""
        return [d.desk for d in queue_service.desks_overview() if d.desk not in (self.desk,)]

    @guarded
    def park(self, visit: VisitInfo) -> VisitInfo:
        return self._moved(queue_service.park(visit.id, self._actor(), visit.row_version))

    @guarded
    def unpark(self, visit: VisitInfo) -> VisitInfo:
        return self._moved(queue_service.unpark(visit.id, self._actor(), visit.row_version))

    @guarded
    def leave(self, visit: VisitInfo) -> VisitInfo:
        return self._moved(queue_service.leave(visit.id, self._actor(), visit.row_version))

    @guarded
    def start_service(self, visit: VisitInfo) -> VisitInfo:
        return self._moved(queue_service.start_service(visit.id, self._actor()), desk=True)

    @guarded
    def finish(
        self, visit: VisitInfo, outcome: str, checklist: tuple[FinishCheck, ...]
    ) -> VisitInfo:
        done = queue_service.finish(visit.id, outcome, self._actor(), checklist=checklist)
        return self._moved(done, desk=True)

    @guarded
    def walk_in_phone(self, visit: VisitInfo) -> str:
        """The phone *visit*'s walk-in gave at check-in, in full ("" when none)."""
        return queue_service.walk_in_phone(visit.id)

    @guarded
    def link_client(self, visit: VisitInfo, client_id: int) -> VisitInfo:
        return self._moved(queue_service.link_client(visit.id, client_id, self._actor()), desk=True)

    @guarded
    def close_day(self, day, waiting_only: bool = False) -> int:
        closed = queue_service.close_day(day, self._actor(), waiting_only)
        if closed:
            self.queue_changed.emit()
        return closed

    @guarded
    def unclosed_days(self, before) -> list:
        return queue_service.unclosed_days(before)

    # ------------------------------------------------------------ the desk
    @guarded
    def set_status(
        self, state: DeskState, until: str = "", reason: str = "", manager: str = ""
    ) -> DeskStatus:
        status = desk_service.set_status(
            self.desk, state, self._actor(), until=until, reason=reason, manager=manager
        )
        self.desk_changed.emit()
        return status

    @guarded
    def record_unlock(self) -> None:
        desk_service.record_unlock(self.desk, self._actor())

    @guarded
    def pass_waiting(self, visits: list[VisitInfo], to_desk: str) -> int:
        """Pass visitors waiting for this desk to *to_desk* ("" the shared queue)."""
        moved = queue_service.pass_waiting(
            [v.id for v in visits], self.desk, to_desk, self._actor()
        )
        if moved:
            self.queue_changed.emit()
        return moved

    @guarded
    def send_waiting(self, visit_id: int, row_version: int, to_desk: str) -> VisitInfo:
        """The lobby sends one waiting visitor to *to_desk* ("" the shared queue)."""
        moved = queue_service.send_waiting(visit_id, to_desk, self._actor(), row_version)
        self.queue_changed.emit()
        return moved

    def _moved(self, visit: VisitInfo, desk: bool = False) -> VisitInfo:
        self._changed(desk)
        return visit

    def _changed(self, desk: bool) -> None:
        self.queue_changed.emit()
        if desk:
            self.desk_changed.emit()
