"""Midnight while the window runs: the real main window on a real database, the clock
moved from 23:59 to 00:01 and the window's own timers fired, as they fire at a desk
left running overnight (issue 9)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from wealthdesk.domain.client import ClientDraft
from wealthdesk.domain.queue import Purpose, VisitState
from wealthdesk.services import appointments, clients, queue
from wealthdesk.services import settings as settings_service

EVENING = dt.datetime(2026, 11, 25, 23, 59)  # a Wednesday
AFTER_MIDNIGHT = dt.datetime(2026, 11, 26, 0, 1)  # Thursday, a working day


def book(start: dt.datetime, name: str) -> int:
    client_id = clients.create_client(ClientDraft(name=name), "setup").id
    return appointments.create(
        appointments.AppointmentDraft(
            start=start.astimezone(),
            client_id=client_id,
            purposes=(Purpose.PURCHASE,),  # a checklist to prepare: a reminder
            manager="王经理",
        ),
        "setup",
    ).id


@pytest.fixture
def late_evening(clock, store):
    """The desk's window opened late on Wednesday by a manager who keeps the queue open
    past closing time (so nothing closes it but the day's end)."""
    clock.set(dt.datetime(2026, 11, 25, 9, 0))  # booked in the morning
    settings_service.save({"close_queue_at_day_end": False}, "1", "setup")
    wednesday = book(dt.datetime(2026, 11, 25, 15, 0), "钱多多")
    thursday = book(dt.datetime(2026, 11, 26, 10, 0), "孙小美")
    clock.set(EVENING)
    return clock, wednesday, thursday


def tick(window) -> None:
    """What a desk left running sees each minute: the window's clock and Today's timer."""
    window._clock.timeout.emit()
    window.today_page.timer.timeout.emit()


def shown_appointments(window) -> set[int]:
    model = window.today_page.appointment_model
    return {model.row_at(row).id for row in range(model.rowCount())}


def test_at_midnight_tickets_restart_and_today_reminders_and_the_day_close_move_on(
    late_evening, main_window, qtbot
):
    clock, wednesday, thursday = late_evening
    window = main_window
    window.go_to_key("today")
    qtbot.waitUntil(lambda: shown_appointments(window) == {wednesday})
    first = window.queue.check_in(queue.CheckIn(walk_in_name="张三"))
    second = window.queue.check_in(queue.CheckIn(walk_in_name="李四"))
    assert first.ticket.endswith("001") and second.ticket.endswith("002")
    window.today_page.refresh()
    assert window.today_page._figures.waiting == 2
    # The preparation reminder said on Wednesday (both appointments), closed for the day.
    window.remind()
    assert not window.reminder_banner.isHidden()
    qtbot.mouseClick(window.reminder_banner.close_button, Qt.MouseButton.LeftButton)
    window.remind()
    assert window.reminder_banner.isHidden()
    window.appointments_page.go_to_today()
    assert window.appointments_page.date_edit.date() == QDate(2026, 11, 25)

    clock.set(AFTER_MIDNIGHT)
    tick(window)

    # Today is Thursday: its appointment, an empty queue, nobody served yet.
    assert shown_appointments(window) == {thursday}
    figures = window.today_page._figures
    assert (figures.waiting, figures.arrived, figures.served) == (0, 0, 0)
    # Wednesday's visitors still waiting were closed as left when the day ended, and
    # the queue page no longer lists them.
    states = {v.ticket: v.state for v in queue.visits(EVENING.date())}
    assert states == {first.ticket: VisitState.LEFT, second.ticket: VisitState.LEFT}
    assert window.queue_page.model.rowCount() == 0
    # Tickets start again at 001.
    assert window.queue.check_in(queue.CheckIn(walk_in_name="王五")).ticket.endswith("001")
    # Wednesday's reminder is gone; closed on Wednesday, it does not silence Thursday's
    # preparation, said from opening time.
    assert window.reminder_banner.isHidden()
    clock.set(dt.datetime(2026, 11, 26, 9, 0))
    tick(window)
    assert not window.reminder_banner.isHidden()
    assert window.reminders._prepared_said[0] == AFTER_MIDNIGHT.date()
    # The day close reads Thursday; the appointments page, on "today", follows.
    window.go_to_key("dayclose")
    qtbot.waitUntil(lambda: window.day_close_page.summary.day == AFTER_MIDNIGHT.date())
    assert window.appointments_page.date_edit.date() == QDate(2026, 11, 26)


def test_a_day_chosen_on_the_appointments_page_is_kept_at_midnight(late_evening, main_window):
    clock, _wednesday, _thursday = late_evening
    window = main_window
    window.appointments_page.date_edit.setDate(QDate(2026, 12, 3))  # looking ahead
    clock.set(AFTER_MIDNIGHT)
    tick(window)
    assert window.appointments_page.date_edit.date() == QDate(2026, 12, 3)
