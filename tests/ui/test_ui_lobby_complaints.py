"""Complaints where the lobby and the client screen need them (issue 24): the lobby lists
the overdue and due-soon complaints masked (read again when another desk changes
something), puts a visitor who came to complain into the register from its queue, and
the client screen has a Complaint… button for the visitor on screen, whose dialog is
cleared with the client and which is gone when nobody is served."""

# ruff: noqa: F811 - the fixtures imported from the other tests are parameters here
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel
from test_ui_branch_roles import lobby  # noqa: F401 - fixture
from test_ui_lobby_care import window  # noqa: F401 - fixture
from test_ui_queue import serve, the_client, traces

from wealthdesk.domain.client import ClientDraft
from wealthdesk.domain.complaints import ComplaintCategory, ComplaintDraft
from wealthdesk.domain.queue import Purpose
from wealthdesk.services import clients, complaints, queue

WHAT = "理财经理未说明产品风险"


def _late_complaint(clock) -> None:
    clock.set(dt.datetime(2026, 11, 2, 9, 0))
    client_id = clients.create_client(ClientDraft(name="张伟", mobile="13812345678"), "x").id
    complaints.register(
        ComplaintDraft(client_id=client_id, category="sale", what=WHAT, handler="陈静"), "x"
    )
    clock.set(dt.datetime(2026, 11, 27, 10, 0))


def test_the_lobby_lists_overdue_complaints_masked(clock, store, qtbot, prompts, language):
    _late_complaint(clock)
    language.install_language("en")
    from wealthdesk import db
    from wealthdesk.ui.branch.lobby_window import LobbyWindow
    from wealthdesk.ui.desk.context import DeskContext

    shown = LobbyWindow(DeskContext(desk="lobby", database=db.current()))
    qtbot.addWidget(shown)
    assert shown.complaints.lines() == ["张* · Overdue by 10 days · How a product was sold"]
    assert "1 overdue, 0 due within 3 days" in shown.complaints.summary.text()
    shown_texts = [label.text() for label in shown.findChildren(QLabel)]
    shown_texts += [shown.complaints.list.item(0).toolTip()]
    assert not any("张伟" in t or "13812345678" in t for t in shown_texts)


def test_a_complaint_registered_at_a_desk_reaches_the_lobby_with_the_next_change(
    lobby, clock, qtbot
):
    assert lobby.complaints.lines() == []
    assert "No complaint is overdue" in lobby.complaints.summary.text()
    _late_complaint(clock)  # at a desk, in another window
    lobby.live.changed.emit(frozenset({"visit"}))  # what the change feed tells the lobby
    assert lobby.complaints.lines() == ["张* · Overdue by 10 days · How a product was sold"]


def test_a_visitor_who_came_to_complain_is_put_in_the_register_from_the_lobby(
    lobby, prompts, qtbot
):
    visit = queue.check_in(
        queue.CheckIn(
            walk_in_name="路人甲", walk_in_phone="13700001111", purposes=(Purpose.COMPLAINT,)
        ),
        "lobby",
    )
    page = lobby.queue_page
    page.refresh()
    page.table.selectRow(page.model.row_of(visit.id))
    assert page.complaint_button.isEnabled()

    def fill(dialog) -> int:
        assert (dialog.contact_name.text(), dialog.contact_phone.text()) == (
            "路人甲",
            "13700001111",
        )
        dialog.category.setCurrentIndex(dialog.category.findData(ComplaintCategory.WAITING.value))
        dialog.what.setPlainText("等了一个小时没人接待")
        dialog.handler.setText("大堂经理")
        dialog.save_button.click()
        return dialog.result()

    prompts.answer("dialog", fill)
    page.complaint_button.click()
    [made] = complaints.register_list()
    assert (made.visit_id, made.name, made.handler) == (visit.id, "路人甲", "大堂经理")
    assert lobby.statusBar().currentMessage() == "Complaint registered"


def test_the_client_screen_has_a_complaint_button_cleared_with_the_client(
    window, prompts, clock, qtbot
):
    page = window.service_page
    assert page.complaint_button.isHidden()  # nobody on screen: nothing to complain about
    serve(window, the_client(), prompts)
    window.go_to_key("service")
    assert page.complaint_button.isVisible()
    seen = {}

    def write_then_lock(dialog) -> int:
        seen["who"] = dialog.who.text()
        dialog.what.setPlainText(WHAT)
        window.lock_action.trigger()  # the manager steps away with the dialog open
        seen["what"] = dialog.what.toPlainText()
        return dialog.result()

    prompts.answer("dialog", write_then_lock)
    page.complaint_button.click()
    assert seen == {"who": "钱** · 139****5678", "what": ""}
    assert traces(window) == []
    assert complaints.register_list() == []  # nothing half-registered
    assert page.complaint_button.isHidden()


def test_a_complaint_from_the_client_screen_names_the_client_and_the_visit(
    window, prompts, clock, qtbot
):
    client_id = the_client()
    visit = serve(window, client_id, prompts)
    window.go_to_key("service")

    def fill(dialog) -> int:
        dialog.category.setCurrentIndex(dialog.category.findData(ComplaintCategory.SALE.value))
        dialog.what.setPlainText(WHAT)
        dialog.handler.setText("陈静")
        dialog.save_button.click()
        return dialog.result()

    prompts.answer("dialog", fill)
    window.service_page.complaint_button.click()
    [made] = complaints.register_list()
    assert (made.client_id, made.visit_id) == (client_id, visit.id)
    assert window.statusBar().currentMessage() == "Complaint registered"
