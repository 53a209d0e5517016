"""Client care as the UI sees it: the care services plus one meaning-level signal, so
every view of the care list, the calls and the time on client work follows one change."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from ...domain.care import CallOutcome, CareKind, CareTaskStatus, ClientWorkTime, SupportKind
from ...domain.client import Tier
from ...domain.queue import DayFigures
from ...services import care as care_service
from ...services import care_messages as message_service
from ...services import queue as queue_service
from ...services.care import CallInfo, CareItem, EventInfo, ExpiringAssessment, SupportInfo
from ...services.storage import guarded


class CareBook(QObject):
    """One per window (or per Today page). Every call may raise a domain error (a
    refused call, event or support entry, with every reason) or
    :class:`~wealthdesk.services.storage.StorageError`."""

    care_changed = Signal()  # a call logged, a task closed, an event made, support logged

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

    @property
    def desk(self) -> str:
        return self._desk()

    # ------------------------------------------------------------ reading
    @guarded
    def care_list(self, kind: CareKind | None = None) -> list[CareItem]:
        return care_service.care_list(manager=self._manager() or None, kind=kind)

    @guarded
    def counts(self) -> dict[CareKind, int]:
        return care_service.care_counts(manager=self._manager() or None)

    @guarded
    def work_time(self) -> ClientWorkTime:
        return care_service.client_work_time(desk=self._desk())

    @guarded
    def expiring(self) -> list[ExpiringAssessment]:
        return care_service.expiring_assessments(manager=self._manager() or None)

    @guarded
    def level_jumps(self) -> list:
        """Today's levels raised and sold above the old level (issue 19)."""
        from ...services import clock, risk

        return risk.level_jumps(clock.today())

    @guarded
    def queue_figures(self) -> DayFigures:
        return queue_service.snapshot().figures

    @guarded
    def calls_of(self, task_id: int) -> list[CallInfo]:
        return care_service.calls_of(task_id=task_id)

    @guarded
    def invitation_count(self, min_tier: Tier) -> int:
        return care_service.invitation_count(min_tier, self._manager() or None)

    @guarded
    def events(self, from_day: dt.date | None = None) -> list[EventInfo]:
        return care_service.events(from_day)

    # ------------------------------------------------------------ changing
    @guarded
    def log_call(
        self,
        task_id: int,
        outcome: CallOutcome,
        notes: str = "",
        duration_minutes: int = 0,
        info_sent: bool = False,
        call_back_at: dt.datetime | None = None,
    ) -> CallInfo:
        call = care_service.log_call(
            outcome,
            self._actor(),
            self._desk(),
            task_id=task_id,
            notes=notes,
            duration_minutes=duration_minutes,
            info_sent=info_sent,
            call_back_at=call_back_at,
        )
        self.care_changed.emit()
        return call

    @guarded
    def close_task(self, task_id: int) -> None:
        care_service.close_task(task_id, self._actor(), CareTaskStatus.DONE)
        self.care_changed.emit()

    @guarded
    def create_event(
        self, name: str, event_date: dt.date, min_tier: Tier, place: str = "", notes: str = ""
    ) -> EventInfo:
        event = care_service.create_event(
            name, event_date, min_tier, self._actor(), place, notes, self._manager() or None
        )
        self.care_changed.emit()
        return event

    @guarded
    def log_support(
        self,
        colleague: str,
        kind: SupportKind,
        duration_minutes: int,
        sale_followed: bool = False,
        notes: str = "",
    ) -> SupportInfo:
        info = care_service.log_support(
            colleague, kind, duration_minutes, self._actor(), self._desk(), sale_followed, notes
        )
        self.care_changed.emit()
        return info


class MessageBook(QObject):
    """Care messages as the UI sees them (services/care_messages.py), with one signal;
    a message sent also changes the care list (its task is done)."""

    messages_changed = Signal()

    def __init__(self, care_book: CareBook, actor: Callable[[], str], parent=None):
        super().__init__(parent)
        self._care = care_book
        self._actor = actor

    @guarded
    def compose(self, task_id: int):
        return message_service.compose(task_id, self._care.desk)

    @guarded
    def send(self, task_id: int, text: str, channel):
        sent = message_service.send(task_id, text, channel, self._actor(), self._care.desk)
        self.messages_changed.emit()
        self._care.care_changed.emit()
        return sent

    @guarded
    def pending_count(self) -> int:
        return message_service.pending_count()

    @guarded
    def export_sms(self, path):
        done = message_service.export_sms(path, self._actor())
        self.messages_changed.emit()
        return done
