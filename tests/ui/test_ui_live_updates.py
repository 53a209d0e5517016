"""Another process's change shows in this window within a second, on both backends:
a visitor checked in at the lobby appears in the queue, another desk's appointment in
the day's list; an idle window does not poll a server (PostgreSQL wakes it)."""

from __future__ import annotations

import argparse
import subprocess
import sys
import textwrap

import pytest
from conftest import dispose


def in_other_process(url: str, code: str) -> None:
    script = "from wealthdesk import db\n" + f"db.connect({url!r})\n" + textwrap.dedent(code)
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)


@pytest.fixture
def window(backend_store, qtbot, prompts, language):
    from wealthdesk.ui import application

    args = argparse.Namespace(db=backend_store, lang="zh_CN", desk="1")
    shown = application.open_window(args)
    assert shown is not None
    yield shown
    dispose(shown)


def test_a_lobby_check_in_in_another_process_shows_in_the_queue_within_a_second(
    window, backend_store, qtbot
):
    window.go_to_key("queue")
    assert window.queue_page.model.rowCount() == 0
    in_other_process(
        backend_store,
        """
        from wealthdesk.services import queue
        queue.check_in(queue.CheckIn(walk_in_name="大堂来客"), "lobby")
        """,
    )
    qtbot.waitUntil(lambda: window.queue_page.model.rowCount() == 1, timeout=1000)
    assert window.live.online


def test_another_desk_s_booking_refreshes_the_appointments_within_a_second(
    window, backend_store, qtbot
):
    with qtbot.waitSignal(window.appointment_book.appointments_changed, timeout=1000):
        in_other_process(
            backend_store,
            """
            import datetime as dt
            from wealthdesk.services import appointments
            from wealthdesk.domain.calendar import WorkingCalendar
            day = dt.date.today() + dt.timedelta(days=1)
            while not WorkingCalendar().is_working_day(day):
                day += dt.timedelta(days=1)
            start = dt.datetime.combine(day, dt.time(16, 30)).astimezone()
            appointments.create(appointments.AppointmentDraft(
                start=start, prospect_name="王先生", prospect_mobile="13700002222",
                manager="另一位经理"), "desk2")
            """,
        )


def test_nothing_changed_means_no_refresh(window, qtbot):
    seen = []
    window.live.changed.connect(seen.append)
    qtbot.wait(800)
    assert seen == []
