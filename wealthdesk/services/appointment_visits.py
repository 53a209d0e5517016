"""What the end of a visit does to the appointment it was checked in for: below both the
queue and the appointments, so the queue completes a booking without importing the
appointments service (which builds on the queue)."""

from __future__ import annotations

from ..db.models import Appointment
from ..domain.appointment import AppointmentStatus
from ..domain.audit import AuditAction
from . import audit, clock


def appointment_detail(appointment_id: int) -> str:
    """How the audit log names an appointment; never a prospect's name or number."""
    return f"appointment {appointment_id}"


def visit_finished(visit_id: int, actor: str) -> None:
    """The service of *visit_id* is finished: the appointment checked in through it is
    completed. Called by ``queue.finish`` inside its transaction. A visit that ends as a
    no-show or left leaves its appointment as it is."""
    checked_in = AppointmentStatus.CHECKED_IN.value
    for appointment_id, client_id, version in (
        Appointment.select(Appointment.id, Appointment.client, Appointment.row_version)
        .where((Appointment.visit == visit_id) & (Appointment.status == checked_in))
        .tuples()
    ):
        Appointment.update(
            status=AppointmentStatus.COMPLETED.value,
            updated_at=clock.now_utc(),
            row_version=Appointment.row_version + 1,
        ).where((Appointment.id == appointment_id) & (Appointment.row_version == version)).execute()
        audit.record(
            AuditAction.APPOINTMENT_COMPLETED, actor, client_id, appointment_detail(appointment_id)
        )


__all__ = ["appointment_detail", "visit_finished"]
