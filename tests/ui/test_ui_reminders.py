"""The preparation reminder's banner, closed for the day: real widgets, a real database."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from wealthdesk.domain.client import ClientDraft
from wealthdesk.domain.queue import Purpose
from wealthdesk.services import appointments, clients
from wealthdesk.ui.appointments.appointment_book import AppointmentBook
from wealthdesk.ui.appointments.reminders import Reminders
from wealthdesk.ui.banner import Banner


def book_at(hour: int, name: str) -> None:
    client_id = clients.create_client(ClientDraft(name=name), "setup").id
    appointments.create(
        appointments.AppointmentDraft(
            start=dt.datetime(2026, 11, 27, hour, 0).astimezone(),
            client_id=client_id,
            purposes=(Purpose.PURCHASE,),  # a checklist to prepare
            manager="王经理",
        ),
        "setup",
    )


class Desk:
    """The reminders and their banner, wired as the main window wires them."""

    def __init__(self, qtbot):
        self.book = AppointmentBook(lambda: "王经理 (desk 1)", lambda: "王经理", lambda: "1")
        self.reminders = Reminders(self.book)
        self.banner = Banner("reminderBanner")
        qtbot.addWidget(self.banner)
        self.banner.closed.connect(self.reminders.dismiss_for_today)

    def remind(self) -> str:
        """What the window's remind() does: the texts due now, in the banner."""
        texts = self.reminders.check()
        if texts:
            self.banner.show_text("\n".join(texts))
        return "\n".join(texts)


@pytest.fixture
def desk(qtbot, store, clock, language):
    language.install_language("en")
    return Desk(qtbot)


def test_a_preparation_reminder_closed_stays_closed_for_the_day_even_after_a_restart(
    desk, qtbot, clock
):
    book_at(15, "钱多多")
    assert "1 appointments" in desk.remind()
    qtbot.mouseClick(desk.banner.close_button, Qt.MouseButton.LeftButton)
    assert desk.banner.isHidden()

    clock.set(dt.datetime(2026, 11, 27, 11, 0))
    assert desk.remind() == ""
    restarted = Desk(qtbot)  # the program started again the same day
    assert restarted.remind() == "" and restarted.banner.isHidden()


def test_a_closed_preparation_reminder_comes_back_for_a_new_appointment_and_the_next_day(
    desk, qtbot, clock
):
    book_at(15, "钱多多")
    desk.remind()
    qtbot.mouseClick(desk.banner.close_button, Qt.MouseButton.LeftButton)
    book_at(16, "孙小美")  # something new to prepare
    assert "2 appointments" in desk.remind()
    assert not desk.banner.isHidden()
    qtbot.mouseClick(desk.banner.close_button, Qt.MouseButton.LeftButton)
    assert desk.remind() == ""

    clock.set(dt.datetime(2026, 11, 30, 9, 30))  # Monday: the next working day
    book_at_monday = appointments.AppointmentDraft(
        start=dt.datetime(2026, 11, 30, 10, 0).astimezone(),
        client_id=clients.create_client(ClientDraft(name="赵六"), "setup").id,
        purposes=(Purpose.PURCHASE,),
        manager="王经理",
    )
    appointments.create(book_at_monday, "setup")
    assert "1 appointments" in Desk(qtbot).remind()


def test_the_banner_hidden_by_the_program_is_not_closed_for_the_day(desk, qtbot):
    book_at(15, "钱多多")
    desk.remind()
    desk.banner.dismiss()  # hidden by the window, not closed by the manager
    assert "1 appointments" in Desk(qtbot).remind()  # said again after a restart
