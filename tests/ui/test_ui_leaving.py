"""Leaving the desk with people waiting: away, lunch and closing say how many and who
(masked), mention an appointment due meanwhile, and pass those sent to this desk on to
the shared queue or a colleague's open desk, or let them wait, as the manager chooses."""

from __future__ import annotations

import datetime as dt

import pytest

from wealthdesk.domain.client import ClientDraft
from wealthdesk.domain.desk import DeskState
from wealthdesk.domain.queue import Purpose
from wealthdesk.services import appointments, audit, clients, queue
from wealthdesk.services import desk as desk_service


@pytest.fixture
def window(clock, main_window):
    main_window.go_to_key("queue")
    return main_window


def _accept(dialog) -> int:
    dialog.accept()
    return dialog.result()


def test_stepping_away_names_who_waits_masked_and_the_appointment_due(window, prompts, clock):
    queue.check_in(queue.CheckIn(walk_in_name="欧阳晓燕", for_desk="1"), "lobby")
    client = clients.create_client(ClientDraft(name="王建国", mobile="13900002222"), "t")
    appointments.create(
        appointments.AppointmentDraft(
            start=clock.now.replace(tzinfo=None) + dt.timedelta(minutes=30),
            duration_minutes=30,
            client_id=client.id,
            purposes=(Purpose.PURCHASE,),
        ),
        "setup",
    )
    prompts.answer("choose", "")  # the manager stays after all
    window.step_away_action.trigger()
    kind, _title, text = prompts.shown[-1]
    assert kind == "choose"
    assert "W001 欧阳**" in text and "欧阳晓燕" not in text
    assert "10:30 王*" in text and "王建国" not in text
    assert not window.locked  # cancelled: nothing changed
    assert desk_service.get_status("1").state is DeskState.AVAILABLE


def test_those_sent_to_this_desk_are_passed_to_a_colleague_before_lunch(window, prompts):
    mine = queue.check_in(queue.CheckIn(walk_in_name="甲", for_desk="1"), "lobby")
    theirs = queue.check_in(queue.CheckIn(walk_in_name="乙", for_desk="2"), "lobby")
    desk_service.set_status("2", DeskState.AVAILABLE, actor="desk2", manager="李")
    prompts.answer("choose", "desk:2")
    prompts.answer("dialog", _accept)
    window.lunch_action.trigger()
    assert window.locked
    assert queue.get_visit(mine.id).desk == "2"
    assert queue.get_visit(theirs.id).desk == "2"
    passed = [e for e in audit.entries() if e.action.value == "visit_transferred"]
    assert [e.detail for e in passed] == ["W001 1->2"]


def test_passing_to_the_shared_queue_keeps_the_place_in_line(window, prompts):
    mine = queue.check_in(queue.CheckIn(walk_in_name="甲", for_desk="1"), "lobby")
    desk_service.set_status("2", DeskState.AVAILABLE, actor="desk2", manager="李")
    prompts.answer("choose", "shared")
    prompts.answer("dialog", _accept)
    window.step_away_action.trigger()
    moved = queue.get_visit(mine.id)
    assert (moved.desk, moved.state.value, moved.ticket) == ("", "waiting", "W001")


def test_nobody_waiting_asks_nothing(window, prompts):
    prompts.answer("dialog", _accept)
    window.step_away_action.trigger()
    assert "choose" not in prompts.kinds() and window.locked
