"""The branch's morning in the windows (real widgets, a real database): the lobby lists
every desk open today and who waits for each, moves a visitor, keeps its Send-to choice
and its own selection; the waiting-room display shows only the call that is current;
the reminder banner counts down; one desk number opens one window; and no message
widens the lobby."""

from __future__ import annotations

import argparse
import datetime as dt

import pytest
from PySide6.QtWidgets import QLabel

from wealthdesk import db
from wealthdesk.domain.desk import DeskState
from wealthdesk.services import appointments, desk_presence, queue
from wealthdesk.services import desk as desk_service
from wealthdesk.services.appointments import AppointmentDraft
from wealthdesk.ui import application
from wealthdesk.ui.branch.display_window import DisplayWindow
from wealthdesk.ui.branch.lobby_window import LobbyWindow
from wealthdesk.ui.desk.context import DeskContext


def walk_in(name: str, for_desk: str = "") -> queue.VisitInfo:
    return queue.check_in(queue.CheckIn(walk_in_name=name, for_desk=for_desk), "lobby")


@pytest.fixture
def lobby(store, clock, qtbot, prompts, language):
    language.install_language("en")
    clock.set(dt.datetime(2026, 11, 27, 9, 0).astimezone())
    desk_presence.claim("1", host="PC-DESK1")
    desk_presence.claim("2", host="PC-DESK2")
    window = LobbyWindow(DeskContext(desk="lobby", database=db.current()))
    qtbot.addWidget(window)
    window.resize(960, 700)
    window.show()
    yield window
    window.close()


def desk_rows(lobby) -> dict[str, list[str]]:
    model = lobby.desks_model
    return {
        model.index(r, 0).data(): [model.index(r, c).data() for c in range(5)]
        for r in range(model.rowCount())
    }


def choose_desk(lobby, desk: str) -> None:
    lobby.desks_table.selectRow(lobby.desks_model.row_of(desk))


def test_at_opening_the_lobby_lists_the_free_desks_and_can_send_to_them(lobby):
    assert set(desk_rows(lobby)) == {"1", "2"}
    send_to = lobby.queue_page.send_to
    assert [send_to.itemData(i) for i in range(send_to.count())] == ["", "1", "2"]


def test_the_send_to_choice_sticks_and_an_away_desk_is_asked_about(lobby, prompts):
    page = lobby.queue_page
    page.send_to.setCurrentIndex(page.send_to.findData("2"))
    for name in ("张先生", "李女士"):
        page.check_in_search.setText(name)
        assert page.check_in_new_visitor() is not None
    assert [v.desk for v in queue.waiting()] == ["2", "2"]  # the choice stuck
    assert page.send_to.currentData() == "2"
    assert desk_rows(lobby)["2"][4] == "2"  # its own check-ins counted, no refresh asked
    desk_service.set_status("2", DeskState.LUNCH, "m2", until="13:30")
    lobby.refresh_desks()
    assert page.send_to.currentData() == "2"
    page.check_in_search.setText("王先生")
    prompts.answer("confirm", False)  # told "until 13:30", the lobby thinks again
    assert page.check_in_new_visitor() is None
    assert "until 13:30" in prompts.shown[-1][2]
    assert page.check_in_search.text() == "王先生"  # nothing lost, nobody checked in
    assert len(queue.waiting()) == 2


def test_the_lobby_sees_who_waits_for_a_desk_at_lunch_and_moves_them(lobby, prompts, clock):
    clock.set(dt.datetime(2026, 11, 27, 12, 5).astimezone())
    for desk in ("1", "2"):  # their heartbeats (the same program: taken again)
        desk_presence.claim(desk, host=f"PC-DESK{desk}")
    first = walk_in("欧阳娜娜", for_desk="2")
    walk_in("李四", for_desk="2")
    desk_service.set_status("2", DeskState.LUNCH, "m2", until="14:00")
    lobby.refresh_desks()
    choose_desk(lobby, "2")
    model = lobby.waiters_model
    assert model.rowCount() == 2
    row = [model.index(0, c).data() for c in range(4)]
    assert row[0] == first.ticket and row[1] == "欧阳**"
    assert row[3].startswith("after 14:00")  # not "next" while the desk is at lunch
    assert "欧阳娜娜" not in " ".join(label.text() for label in lobby.findChildren(QLabel))
    assert not lobby.to_shared_button.isEnabled()  # nobody picked: nothing armed
    lobby.waiters_table.selectRow(0)
    assert lobby.to_shared_button.isEnabled()
    lobby.to_shared_button.click()
    assert queue.get_visit(first.id).desk == ""
    assert model.rowCount() == 1 and lobby.waiters_model.row_at(0).ticket == "W002"
    assert not lobby.to_shared_button.isEnabled()  # the next one was not picked for us
    lobby.waiters_table.selectRow(0)
    prompts.answer("choose", "1")
    assert lobby.move_selected_to_desk()
    assert [v.desk for v in queue.waiting()] == ["", "1"]
    assert desk_rows(lobby)["1"][4] == "1" and "2" in desk_rows(lobby)


def test_the_lobby_says_called_until_the_service_starts(lobby):
    visit = walk_in("甲")
    queue.call_next("1", "m1")
    lobby.refresh_desks()
    assert desk_rows(lobby)["1"][2] == f"Called {visit.ticket}"
    queue.start_service(visit.id, "m1")
    lobby.refresh_desks()
    assert desk_rows(lobby)["1"][2] == f"Serving {visit.ticket}"


def test_a_selected_visitor_called_elsewhere_leaves_nothing_selected(lobby):
    first, second = walk_in("甲"), walk_in("乙")
    page = lobby.queue_page
    page.refresh()
    page.table.selectRow(page.model.row_of(first.id))
    assert page.selected_visit().id == first.id
    queue.call(first.id, "1", "m1")  # another desk calls the one the lobby had chosen
    page.refresh()
    assert page.selected_visit() is None  # not 乙, who slid into the row
    assert page.model.row_of(second.id) == 0
    assert not lobby.session.leave_action.isEnabled()


def test_no_message_widens_the_lobby(lobby, qtbot):
    width = lobby.width()
    long = "The database server at postgresql://wealthdesk@branch-server.example:5432/x " * 8
    lobby.queue_page.figures.setText(long)
    lobby.queue_page.match_hint.setText(long)
    lobby.queue_page.match_hint.setVisible(True)
    lobby._show_online(False)
    lobby.waiters_heading.setText(long)
    lobby.show_status(long)
    qtbot.wait(50)
    assert lobby.width() == width


# ---------------------------------------------------------------- the display


@pytest.fixture
def display(store, clock, qtbot, language):
    language.install_language("en")
    clock.set(dt.datetime(2026, 11, 27, 9, 0).astimezone())
    shown = DisplayWindow("西湖支行")
    qtbot.addWidget(shown)
    shown.resize(1280, 720)
    shown.show()
    yield shown
    shown.close()


def test_the_display_shows_a_call_only_while_it_is_current(display, clock):
    desk_presence.claim("1", host="PC-DESK1")
    early = walk_in("甲")
    queue.call_next("1", "m1")
    queue.start_service(early.id, "m1")
    queue.finish(early.id, "advised", "m1")  # finished before opening
    walk_in("乙")
    clock.set(clock.now + dt.timedelta(minutes=5))
    desk_presence.claim("1", host="PC-DESK1")  # its heartbeat
    display.refresh()
    assert "W001" not in display.headline.text()
    assert display.headline.text() == "Please take a seat: you will be called"
    assert display.waiting_label.text() == "Waiting: 1"
    called = queue.call_next("1", "m1")
    display.refresh()
    assert display.headline.text() == "W002, please go to desk 1"
    assert display._flash.isActive()
    queue.start_service(called.id, "m1")
    clock.set(clock.now + dt.timedelta(seconds=10))
    display.refresh()
    assert "W002" in display.headline.text()  # seated moments ago: still shown
    clock.set(clock.now + dt.timedelta(seconds=60))
    display.refresh()
    assert "W002" not in display.headline.text()


def test_the_display_drops_a_no_show_and_a_call_to_a_desk_gone_to_lunch(display, clock):
    desk_presence.claim("1", host="PC-DESK1")
    gone = walk_in("甲")
    queue.call_next("1", "m1")
    display.refresh()
    assert "W001" in display.headline.text()
    queue.no_show(gone.id, "m1")
    display.refresh()
    assert "W001" not in display.headline.text()
    walk_in("乙")
    queue.call_next("1", "m1")
    desk_service.set_status("1", DeskState.LUNCH, "m1", until="13:30")
    display.refresh()
    assert display.headline.text() == "The desks are open again at 13:30"


# ---------------------------------------------------------------- the desk


def test_the_reminder_banner_counts_down(main_window, clock):
    clock.set(dt.datetime(2026, 11, 27, 9, 52).astimezone())
    appointments.create(
        AppointmentDraft(
            start=dt.datetime(2026, 11, 27, 10, 0).astimezone(),
            prospect_name="张先生",
            prospect_mobile="13812345678",
        ),
        "desk1",
    )
    main_window.remind()
    assert "8" in main_window.reminder_banner.text.text()
    clock.set(dt.datetime(2026, 11, 27, 9, 57).astimezone())
    main_window._tick()
    text = main_window.reminder_banner.text.text()
    assert "3" in text and "8" not in text


def test_a_second_window_with_the_same_desk_number_is_refused_naming_the_computer(
    store, qtbot, prompts, language
):
    from wealthdesk.db.connection import sqlite_url

    desk_presence.claim("1", host="PC-DESK-EAST", pid=1)  # another program, alive
    args = argparse.Namespace(db=sqlite_url(store), lang="en", desk="1", role="desk")
    assert application.open_window(args) is None
    title, text = prompts.shown[-1][1:]
    assert "PC-DESK-EAST" in text and "1" in title
