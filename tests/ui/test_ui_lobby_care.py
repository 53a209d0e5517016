"""The lobby's care in the window: a complaint registered from the queue's complaint
purpose and from the client screen, listed on the Today page when overdue, and cleared
with the client; an older or assisted visitor called first with the reason on their
row and the hospitality guidance saying what helps; a care message copied from the
care list, logged, and its text gone from the clipboard with the next clearing."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog
from test_ui_queue import serve, the_client, traces

from wealthdesk.db.models import CareTask, Client
from wealthdesk.domain.care import CareKind, CareTaskStatus
from wealthdesk.domain.client import ClientDraft
from wealthdesk.domain.complaints import ComplaintCategory, ComplaintDraft, Urgency
from wealthdesk.domain.queue import CareNeed, Purpose
from wealthdesk.services import care_messages, clients, complaints, queue
from wealthdesk.ui.complaints.complaint_model import COL_NAME as COMPLAINT_NAME
from wealthdesk.ui.complaints.complaint_model import ComplaintTableModel
from wealthdesk.ui.queue.queue_model import COL_NAME

WHAT = "理财经理未说明产品风险"


@pytest.fixture
def window(clock, main_window, language):
    language.install_language("en")
    main_window.go_to_key("queue")
    return main_window


def _row_of(window, visit_id: int) -> int:
    return window.queue_page.model.row_of(visit_id)


def test_a_complaint_registered_from_the_queue_keeps_the_visitor_and_the_visit(
    window, prompts, qtbot
):
    visit = queue.check_in(
        queue.CheckIn(
            walk_in_name="路人甲", walk_in_phone="13700001111", purposes=(Purpose.COMPLAINT,)
        ),
        "lobby",
    )
    other = queue.check_in(queue.CheckIn(walk_in_name="路人乙"), "lobby")
    page = window.queue_page
    page.refresh()
    page.table.selectRow(_row_of(window, other.id))
    assert not page.complaint_button.isEnabled()  # not here to complain
    page.table.selectRow(_row_of(window, visit.id))
    assert page.complaint_button.isEnabled()

    def fill(dialog) -> int:
        # The walk-in's name and phone come from the check-in, whole, to answer them on.
        assert (dialog.contact_name.text(), dialog.contact_phone.text()) == (
            "路人甲",
            "13700001111",
        )
        dialog.save_button.click()  # nothing chosen or written yet: refused inline
        assert "what the complaint is about" in dialog.problems_text()
        dialog.category.setCurrentIndex(dialog.category.findData(ComplaintCategory.WAITING.value))
        dialog.what.setPlainText("等了一个小时没人接待")
        assert "who handles" in dialog.problems_text()  # no manager's name on this desk
        dialog.handler.setText("陈静")
        dialog.save_button.click()
        return dialog.result()

    prompts.answer("dialog", fill)
    page.complaint_button.click()
    [made] = complaints.register_list()
    assert (made.visit_id, made.name, made.category) == (
        visit.id,
        "路人甲",
        ComplaintCategory.WAITING,
    )
    assert made.deadline == dt.date(2026, 12, 12)  # 15 calendar days from 27 November
    assert window.statusBar().currentMessage() == "Complaint registered"


def test_overdue_complaints_are_listed_masked_on_the_today_page(window, clock, qtmodeltester):
    clock.set(dt.datetime(2026, 11, 2, 9, 0))
    client_id = clients.create_client(ClientDraft(name="张伟", mobile="13812345678"), "x").id
    complaints.register(
        ComplaintDraft(client_id=client_id, category="sale", what=WHAT, handler="陈静"), "x"
    )
    clock.set(dt.datetime(2026, 11, 27, 10, 0))
    window.go_to_key("today")
    window.today_page.refresh()
    [line] = window.today_page.complaint_lines()
    assert line == "张* · Overdue by 10 days · How a product was sold"
    assert "1 overdue, 0 due within 3 days" in window.today_page.complaints_text.text()
    model = ComplaintTableModel()
    model.set_rows(complaints.register_list())
    qtmodeltester.check(model)
    assert model.index(0, COMPLAINT_NAME).data() == "张* · 138****5678"
    assert complaints.register_list()[0].urgency is Urgency.OVERDUE


def test_a_complaint_open_on_the_client_screen_is_cleared_with_the_client(
    window, prompts, clock, qtbot
):
    client_id = the_client()
    serve(window, client_id, prompts)
    window.go_to_key("service")
    seen = {}

    def write_then_lock(dialog) -> int:
        assert dialog.who.text() == "钱** · 139****5678"  # masked, never the full name
        dialog.what.setPlainText(WHAT)
        window.lock_action.trigger()  # the manager steps away with the dialog open
        seen["what"] = dialog.what.toPlainText()
        seen["result"] = dialog.result()
        return dialog.result()

    prompts.answer("dialog", write_then_lock)
    window.complaint_action.trigger()
    assert seen == {"what": "", "result": QDialog.DialogCode.Rejected}
    assert traces(window) == []
    assert complaints.register_list() == []  # nothing half-registered


def test_older_and_assisted_visitors_are_called_first_with_the_reason_on_their_row(
    window, prompts, qtbot
):
    page = window.queue_page
    first = queue.check_in(queue.CheckIn(walk_in_name="先到的"), "lobby")
    elder = clients.create_client(ClientDraft(name="李奶奶", birth_date=dt.date(1950, 3, 1)), "x")
    page.check_in_search.setText("李奶奶")
    page.search_clients()
    page.check_in_match(0)
    page.check_in_search.setText("轮椅访客")
    page.assistance.setChecked(True)
    helped = page.check_in_new_visitor()
    assert helped.care_needs == (CareNeed.ASSISTANCE,)
    assert not page.assistance.isChecked()  # ready for the next visitor
    guidance = page.guidance.text.text()
    assert "large-print questionnaire" in guidance and "seat at once" in guidance
    order = [page.model.row_at(r).id for r in range(page.model.rowCount())]
    elder_visit = next(v for v in queue.waiting() if v.client_id == elder.id)
    assert order == [elder_visit.id, helped.id, first.id]
    name = page.model.index(_row_of(window, elder_visit.id), COL_NAME)
    assert name.data() == "李** · 65+"
    assert "Aged 65 or over" in name.data(0x0003)  # Qt.ToolTipRole
    assert page.model.index(_row_of(window, helped.id), COL_NAME).data().endswith("Assistance")


def test_a_care_message_is_copied_logged_and_leaves_the_clipboard_with_the_client(
    window, prompts, clock
):
    client_id = Client.create(
        name="欧阳娜娜", gender="F", mobile="13812345678", birth_date=dt.date(1980, 11, 29),
        consent_marketing=False, created_at=clock.now, updated_at=clock.now,
    ).id  # fmt: skip
    window.go_to_key("today")
    today = window.today_page
    today.refresh()
    task_id = next(
        t.id for t in CareTask.select().where(CareTask.client == client_id)
        if t.kind == CareKind.BIRTHDAY.value
    )  # fmt: skip
    assert today.select_task(task_id)
    assert today.message_button.isEnabled()

    def copy(dialog) -> int:
        assert dialog.heading.text() == "欧阳** (138****5678): Birthday greeting"
        assert dialog.text.toPlainText().startswith("尊敬的欧阳女士：")
        dialog.copy_button.click()
        return dialog.result()

    prompts.answer("dialog", copy)
    QGuiApplication.clipboard().clear()
    today.message_button.click()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("尊敬的欧阳女士：")
    assert CareTask.get_by_id(task_id).status == CareTaskStatus.DONE.value
    [logged] = care_messages.messages(client_id)
    assert logged.channel.value == "wechat" and logged.masked_mobile == "138****5678"
    assert window.statusBar().currentMessage() == "Message logged: WeCom / WeChat"
    window.lock_action.trigger()
    assert QGuiApplication.clipboard().text() == ""
