"""The branch's other screens: the waiting-room display (the latest call in large type,
the last few calls, public names only, a flash on each new call) and the lobby's check-in
(a visitor sent to a desk or the shared queue; every desk's state and who waits for it)."""

from __future__ import annotations

import argparse

import pytest
from PySide6.QtWidgets import QLabel

from wealthdesk import db
from wealthdesk.domain.client import ClientDraft
from wealthdesk.domain.desk import DeskState
from wealthdesk.services import clients, queue
from wealthdesk.services import desk as desk_service
from wealthdesk.ui import application
from wealthdesk.ui.branch.display_window import DisplayWindow
from wealthdesk.ui.branch.lobby_window import LobbyWindow
from wealthdesk.ui.desk.context import DeskContext

FULL_NAME = "欧阳娜娜"


@pytest.fixture
def display(store, clock, qtbot, language):
    language.install_language("en")
    shown = DisplayWindow("西湖支行")
    qtbot.addWidget(shown)
    shown.resize(1280, 720)
    shown.show()
    yield shown
    shown.close()


def texts(widget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel)]


def test_the_display_shows_the_latest_call_and_flashes_on_a_new_one(display, clock):
    zhang = clients.create_client(ClientDraft(name=FULL_NAME, mobile="13812345678"), "t")
    queue.check_in(queue.CheckIn(client_id=zhang.id), "lobby")
    queue.check_in(queue.CheckIn(walk_in_name="李四"), "lobby")
    queue.call_next("2", "m2")
    display.refresh()
    first = display.headline.text()
    assert "2" in first and "W001" in first
    assert not display._flash.isActive()  # the first look is no news
    queue.call_next("3", "m3")
    display.refresh()
    assert "W002" in display.headline.text() and "desk 3" in display.headline.text()
    assert display._flash.isActive()
    shown = texts(display)
    assert "欧阳**" in shown  # the earlier call, below, with a public name
    assert not any(FULL_NAME in text for text in shown)
    assert "Waiting: 0" in shown


def test_a_recall_flashes_again(display, clock):
    visit = queue.check_in(queue.CheckIn(walk_in_name="李四"), "lobby")
    queue.call_next("2", "m2")
    display.refresh()
    display._flash.stop()
    queue.recall(visit.id, "m2")
    display.refresh()
    assert display._flash.isActive()


@pytest.fixture
def lobby(store, clock, qtbot, prompts, language):
    language.install_language("en")
    desk_service.set_status("1", DeskState.AVAILABLE, "m1", manager="王经理")
    desk_service.set_status("2", DeskState.LUNCH, "m2", until="13:30", manager="李经理")
    window = LobbyWindow(DeskContext(desk="lobby", database=db.current()))
    window.show()
    yield window
    window.close()
    window.deleteLater()


def test_the_lobby_sends_a_new_visitor_to_a_desk(lobby, qtbot, prompts):
    page = lobby.queue_page
    assert not page.card.isVisible() and page.send_to.isVisible()
    page.send_to.setCurrentIndex(page.send_to.findData("2"))
    page.check_in_search.setText("张先生")
    prompts.answer("confirm", True)  # desk 2 is at lunch: asked first
    visit = page.check_in_new_visitor()
    assert visit is not None and queue.get_visit(visit.id).desk == "2"
    assert "until 13:30" in prompts.shown[-1][2]
    rows = {
        lobby.desks_model.index(r, 0).data(): [
            lobby.desks_model.index(r, c).data() for c in range(5)
        ]
        for r in range(lobby.desks_model.rowCount())
    }
    assert rows["2"][2] == "Lunch break until 13:30" and rows["2"][4] == "1"
    assert rows["1"][1] == "王经理" and rows["1"][4] == "0"
    assert queue.call_next("1", "m1") is None  # waiting for desk 2


def test_the_desk_overview_model_passes_the_model_tester(lobby, qtmodeltester):
    qtmodeltester.check(lobby.desks_model)


@pytest.mark.parametrize(("role", "kind"), [("lobby", LobbyWindow), ("display", DisplayWindow)])
def test_the_role_option_opens_its_screen(store, qtbot, prompts, language, role, kind):
    from wealthdesk.db.connection import sqlite_url

    args = argparse.Namespace(db=sqlite_url(store), lang="en", desk=None, role=role)
    window = application.open_window(args)
    try:
        assert isinstance(window, kind)
    finally:
        window.close()
        window.deleteLater()


def test_a_desk_passes_its_visitor_to_a_colleague(main_window, prompts, clock):
    desk_service.set_status("2", DeskState.AVAILABLE, "m2", manager="李经理")
    visit = queue.check_in(queue.CheckIn(walk_in_name="甲"), "lobby")
    main_window.go_to_key("queue")
    main_window.queue_page.refresh()
    main_window.session.call_next_action.trigger()
    assert main_window.session.current.id == visit.id
    assert main_window.session.transfer_action.isEnabled()
    prompts.answer("choose", "2")
    main_window.session.transfer_action.trigger()
    assert main_window.session.current is None
    moved = queue.get_visit(visit.id)
    assert (moved.state.value, moved.desk) == ("waiting", "2")


def test_the_lobby_s_check_in_field_keeps_its_width_on_a_1024_screen_in_english(lobby, qtbot):
    # The English checkboxes and the queue choice beside the field squeezed it to about
    # 130 pixels ("Check in: …") on the lobby's 1024-pixel screen: they are under it now.
    lobby.resize(1024, 740)
    qtbot.waitUntil(lambda: lobby.width() == 1024)
    field = lobby.queue_page.check_in_search
    qtbot.waitUntil(lambda: field.width() >= 400)
    assert field.width() >= 400
