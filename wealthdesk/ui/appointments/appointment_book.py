"""Appointments as the UI sees them: the services plus one meaning-level signal, so that
every view of the appointments follows one change."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Signal

from ...domain.appointment import CancelledBy
from ...domain.calendar import OfficeHours, WorkingCalendar
from ...domain.errors import Problem
from ...domain.queue import Purpose
from ...i18n import domain_text
from ...services import appointments as appointment_service
from ...services import settings as settings_service
from ...services.appointments import AppointmentDraft, AppointmentInfo
from ...services.queue import VisitInfo
from ...services.storage import guarded


class AppointmentBook(QObject):
    """One per window. Every call may raise a domain error (a refused booking or change,
    with every reason) or :class:`~wealthdesk.services.storage.StorageError`."""

    appointments_changed = Signal()  # booked, changed, ticked, cancelled, checked in…
    checked_in = Signal()  # a visitor joined the queue through an appointment

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
    def manager(self) -> str:
        return self._manager()

    @property
    def desk(self) -> str:
        return self._desk()

    @guarded
    def branch_name(self) -> str:
        return str(settings_service.load(self.desk).get("branch_name") or "")

    # ------------------------------------------------------------ reading
    @guarded
    def get(self, appointment_id: int) -> AppointmentInfo:
        return appointment_service.get(appointment_id)

    @guarded
    def day(self, date: dt.date) -> list[AppointmentInfo]:
        return appointment_service.day(date)

    @guarded
    def week(self, monday: dt.date) -> dict[dt.date, list[AppointmentInfo]]:
        return appointment_service.week(monday)

    @guarded
    def search(self, text: str) -> list[AppointmentInfo]:
        return appointment_service.search(text)

    @guarded
    def unresolved(self) -> list[AppointmentInfo]:
        return appointment_service.unresolved()

    @guarded
    def check_problems(
        self, draft: AppointmentDraft, editing_id: int | None = None
    ) -> list[Problem]:
        return appointment_service.check_problems(draft, editing_id)

    @guarded
    def calendar(self) -> WorkingCalendar:
        return appointment_service.working_calendar()

    @guarded
    def office_hours(self) -> OfficeHours:
        return OfficeHours.from_settings(settings_service.load(self.desk))

    @guarded
    def suggested_items(self, purposes: Iterable[Purpose]) -> tuple[str, ...]:
        return appointment_service.suggested_items(
            purposes, lambda _context, text: domain_text(text)
        )

    # ------------------------------------------------------------ changing
    @guarded
    def create(self, draft: AppointmentDraft) -> AppointmentInfo:
        return self._changed(appointment_service.create(draft, self._actor()))

    @guarded
    def update(self, appointment: AppointmentInfo, draft: AppointmentDraft) -> AppointmentInfo:
        return self._changed(
            appointment_service.update(
                appointment.id, draft, appointment.row_version, self._actor()
            )
        )

    @guarded
    def reschedule(
        self,
        appointment: AppointmentInfo,
        start: dt.datetime,
        duration_minutes: int,
        lunch_reason: str | None = None,
    ) -> AppointmentInfo:
        return self._changed(
            appointment_service.reschedule(
                appointment.id,
                start,
                duration_minutes,
                self._actor(),
                appointment.row_version,
                lunch_reason,
            )
        )

    @guarded
    def confirm(self, appointment: AppointmentInfo) -> AppointmentInfo:
        return self._changed(
            appointment_service.confirm(appointment.id, self._actor(), appointment.row_version)
        )

    @guarded
    def cancel(self, appointment: AppointmentInfo, by: CancelledBy) -> AppointmentInfo:
        return self._changed(
            appointment_service.cancel(appointment.id, by, self._actor(), appointment.row_version)
        )

    @guarded
    def mark_no_show(self, appointment: AppointmentInfo) -> AppointmentInfo:
        return self._changed(
            appointment_service.mark_no_show(appointment.id, self._actor(), appointment.row_version)
        )

    @guarded
    def tick_item(self, item_id: int, done: bool) -> AppointmentInfo:
        return self._changed(appointment_service.tick_item(item_id, done))

    @guarded
    def add_item(self, appointment_id: int, label: str) -> AppointmentInfo:
        return self._changed(appointment_service.add_item(appointment_id, label))

    # ------------------------------------------------------------ reminders
    def _mine(self, found: list[AppointmentInfo]) -> list[AppointmentInfo]:
        """This desk's manager's appointments (all of them while no manager is set)."""
        manager = self.manager
        return [a for a in found if not manager or not a.manager or a.manager == manager]

    @guarded
    def due_reminders(self) -> list[AppointmentInfo]:
        return self._mine(appointment_service.due_reminders())

    @guarded
    def mark_reminded(self, appointment_id: int) -> None:
        appointment_service.mark_reminded(appointment_id)

    @guarded
    def needing_preparation(self) -> list[AppointmentInfo]:
        return self._mine(appointment_service.needing_preparation())

    @guarded
    def expected_today(self, client_id: int) -> AppointmentInfo | None:
        """The client's first appointment today still waiting for them (booked or
        confirmed), which the queue's check-in honours."""
        for appointment in appointment_service.todays_for_client(client_id):
            if appointment.status.is_expected:
                return appointment
        return None

    @guarded
    def reveal_mobile(self, appointment: AppointmentInfo) -> str:
        """The full mobile to call about *appointment*; audited."""
        return appointment_service.reveal_mobile(appointment.id, self._actor())

    @guarded
    def check_in(self, appointment: AppointmentInfo) -> VisitInfo:
        visit = appointment_service.check_in(appointment.id, self._actor(), appointment.row_version)
        self.appointments_changed.emit()
        self.checked_in.emit()
        return visit

    def _changed(self, appointment: AppointmentInfo) -> AppointmentInfo:
        self.appointments_changed.emit()
        return appointment
