"""The Today page on its own (a desk and an appointment book, no main window), driven as
a manager drives it on a Friday morning (the clock fixture: 2026-11-27 10:00): the care
list, a call with a call-back, Done, the kind filter, a new event, colleague support,
the time on client work, and never a client's full name."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit

from wealthdesk.db.connection import sqlite_url
from wealthdesk.db.models import CareTask, Client, Holding, Product
from wealthdesk.domain.care import CallOutcome, CareKind, SupportKind
from wealthdesk.domain.client import Tier
from wealthdesk.services import care
from wealthdesk.ui.appointments.appointment_book import AppointmentBook
from wealthdesk.ui.desk.context import DeskContext
from wealthdesk.ui.today import today_page
from wealthdesk.ui.today.care_model import (
    COL_DETAIL,
    COL_DUE,
    COL_NAME,
    OVERDUE_ROLE,
    TASK_ID_ROLE,
    CareTableModel,
    RiskExpiryTableModel,
)
from wealthdesk.ui.today.today_page import TodayPage, duration_text

NAMES = ("王小明", "李四海", "欧阳娜娜")


def add_client(name, tier=Tier.GOLD, birth=None, marketing=True) -> int:
    made = dt.datetime(2026, 11, 1, 9, 0)
    return Client.create(
        name=name,
        tier=tier.value,
        birth_date=birth,
        consent_marketing=marketing,
        created_at=made,
        updated_at=made,
    ).id


@pytest.fixture
def clients(store, clock):
    ids = {
        "birthday": add_client(NAMES[0], birth=dt.date(1980, 11, 29)),
        "maturity": add_client(NAMES[1], Tier.PLATINUM),
        "late": add_client(NAMES[2], Tier.PRIVATE, birth=dt.date(1970, 11, 20)),
    }
    product = Product.create(
        code="WY90",
        name="稳盈90天",
        family="wealth",
        created_at=dt.datetime(2026, 1, 1),
        updated_at=dt.datetime(2026, 1, 1),
    )
    Holding.create(
        client=ids["maturity"],
        product=product,
        amount_fen=5_000_000,
        start_date=dt.date(2026, 9, 1),
        maturity_date=dt.date(2026, 12, 3),
        created_at=dt.datetime(2026, 9, 1),
    )
    # A birthday task left undone from last week: overdue.
    CareTask.create(
        client=ids["late"],
        kind=CareKind.BIRTHDAY.value,
        due_date=dt.date(2026, 11, 20),
        source=f"birthday:{ids['late']}:2026",
        title="56",
        created_at=dt.datetime(2026, 11, 18),
    )
    return ids


@pytest.fixture
def page(qtbot, clients, prompts, language):
    language.install_language("en")
    desk = DeskContext(desk="1", database=sqlite_url(clients and _path()))
    desk.reload()
    book = AppointmentBook(desk.actor, lambda: desk.manager, lambda: desk.desk)
    today = TodayPage(desk, book)
    today._book = book  # kept alive with the page
    qtbot.addWidget(today)
    today.resize(1240, 700)
    today.show()
    qtbot.waitExposed(today)
    qtbot.wait(today_page.FILL_DELAY_MS * 3)  # filled just after it is drawn
    return today


def _path():
    from wealthdesk import db

    return db.current().display


def texts(widget) -> str:
    """Every text the page shows: labels, buttons, fields and every table cell."""
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QTableView

    found = []
    for child in widget.findChildren(QLabel):
        found.append(child.text())
    for child in widget.findChildren(QAbstractButton):
        found.append(child.text())
    for child in widget.findChildren(QLineEdit):
        found.append(child.text())
    for child in widget.findChildren(QPlainTextEdit):
        found.append(child.toPlainText())
    for child in widget.findChildren(QComboBox):
        found += [child.itemText(i) for i in range(child.count())]
    for view in widget.findChildren(QTableView):
        model = view.model()
        for row in range(model.rowCount()):
            for col in range(model.columnCount()):
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    found.append(str(model.index(row, col).data(role) or ""))
    return "\n".join(found)


def select(page, kind: CareKind) -> int:
    for row in range(page.care_proxy.rowCount()):
        item = page.care_model.row_at(
            page.care_proxy.mapToSource(page.care_proxy.index(row, 0)).row()
        )
        if item.kind is kind:
            page.care_view.selectRow(row)
            return item.task_id
    raise AssertionError(f"no {kind} task on the list")


def test_the_care_models_pass_the_qt_model_tester_and_hold_masked_names(
    qtmodeltester, clients, qapp, language
):
    language.install_language("en")
    model = CareTableModel()
    model.set_rows(care.care_list())
    qtmodeltester.check(model)
    assert model.index(0, COL_DUE).data() == "11-20 overdue"  # said in words, not colour only
    assert model.index(0, COL_DUE).data(OVERDUE_ROLE) is True
    assert model.index(0, COL_NAME).data() == "欧阳**"
    assert "Birthday 11-20" in model.index(0, COL_DETAIL).data()
    assert model.index(0, 0).data(TASK_ID_ROLE) == model.row_at(0).task_id
    risk = RiskExpiryTableModel()
    qtmodeltester.check(risk)
    for row in range(model.rowCount()):
        for col in range(model.columnCount()):
            for role in range(0, 300):
                assert not any(n in str(model.index(row, col).data(role) or "") for n in NAMES)


def test_the_page_lists_the_days_care_work_overdue_first_masked(page):
    assert page.care_model.rowCount() == 3
    first = page.care_model.row_at(0)
    assert (first.kind, first.overdue, first.masked_name) == (CareKind.BIRTHDAY, True, "欧阳**")
    assert [page.care_model.row_at(r).kind for r in (1, 2)] == [
        CareKind.MATURITY,
        CareKind.BIRTHDAY,
    ]
    assert page.care_status.text() == "3 to do, 1 overdue"
    assert page.kind_filter.itemText(0) == "All (3)"
    shown = texts(page)
    assert "稳盈90天 ¥50,000.00" in shown
    assert not any(name in shown for name in NAMES)


def test_the_kind_filter_shows_one_kind(page):
    page.set_kind(CareKind.MATURITY)
    assert [page.care_model.row_at(r).kind for r in range(page.care_model.rowCount())] == [
        CareKind.MATURITY
    ]
    page.set_kind(None)
    assert page.care_model.rowCount() == 3


def test_buttons_follow_the_selection(page):
    page.care_view.clearSelection()
    assert not page.call_button.isEnabled() and not page.done_button.isEnabled()
    select(page, CareKind.MATURITY)
    assert page.call_button.isEnabled() and page.done_button.isEnabled()


def test_a_call_back_logged_from_the_dialog_makes_the_next_task(page, prompts, qtbot):
    task_id = select(page, CareKind.MATURITY)

    def call(dialog) -> int:
        assert dialog.heading.text().startswith("李**")
        assert not dialog.call_back.isVisibleTo(dialog)
        dialog.outcome_buttons[CallOutcome.CALL_BACK].setChecked(True)
        assert dialog.call_back.isVisibleTo(dialog)
        # A time in the past is refused under its field; the dialog stays.
        dialog.call_back.setDateTime(QDateTime(QDate(2026, 11, 27), QTime(9, 0)))
        dialog.ok_button.click()
        assert "later than now" in dialog.problems_text()
        assert dialog.result() == 0
        dialog.call_back.setDateTime(QDateTime(QDate(2026, 11, 30), QTime(15, 0)))
        dialog.duration.setValue(4)
        dialog.info_sent.setChecked(True)
        dialog.notes.setPlainText("客户想了解续作")
        dialog.ok_button.click()
        return dialog.result()

    prompts.answer("dialog", call)
    with qtbot.waitSignal(page.status_message) as said:
        page.call_button.click()
    assert said.args == ["Call logged: Call back later"]
    assert task_id not in page.task_ids()  # closed; the next one is due on Monday
    [logged] = care.calls_of(task_id=task_id)
    assert (logged.duration_minutes, logged.info_sent, logged.notes) == (4, True, "客户想了解续作")
    follow = CareTask.get_by_id(logged.next_task_id)
    assert (follow.kind, str(follow.due_date)[:10]) == ("call_back", "2026-11-30")
    assert page.work_time.call_minutes == 4
    assert "calls 4 min" in page.time_text.text()


def test_no_answer_keeps_the_task_and_counts_the_try(page, prompts):
    task_id = select(page, CareKind.MATURITY)

    def call(dialog) -> int:
        dialog.outcome_buttons[CallOutcome.NO_ANSWER].setChecked(True)
        assert dialog.duration.value() == 1
        dialog.ok_button.click()
        return dialog.result()

    prompts.answer("dialog", call)
    page.call_button.click()
    row = page.care_model.row_of(task_id)
    assert page.care_model.row_at(row).attempts == 1
    assert page.selected_item().task_id == task_id  # the selection stays on it


def test_a_call_without_an_outcome_is_refused_inline(page, prompts):
    select(page, CareKind.MATURITY)

    def call(dialog) -> int:
        dialog.ok_button.click()
        assert "how the call ended" in dialog.problems_text()
        return dialog.result()

    prompts.answer("dialog", call)
    page.call_button.click()
    assert care.calls_of(task_id=page.selected_item().task_id) == []


def test_done_takes_the_task_off_the_list(page):
    task_id = select(page, CareKind.BIRTHDAY)
    page.done_button.click()
    assert task_id not in page.task_ids()
    assert page.kind_filter.itemText(0) == "All (2)"


def test_open_client_hands_the_client_to_the_lead(page, clients, qtbot):
    select(page, CareKind.MATURITY)
    with qtbot.waitSignal(page.open_client) as opened:
        page.open_button.click()
    assert opened.args == [clients["maturity"]]


def test_a_new_event_counts_and_invites_its_tier_and_above(page, prompts, qtbot):
    def create(dialog) -> int:
        assert dialog.invited.text().startswith("3 clients")  # gold and above
        dialog.tier.setCurrentIndex(dialog.tier.findData(Tier.PRIVATE.value))
        assert dialog.invited.text().startswith("1 clients")
        dialog.ok_button.click()
        assert "name" in dialog.problems_text().lower()  # no name yet
        dialog.name.setText("理财沙龙")
        dialog.place.setText("贵宾室")
        dialog.ok_button.click()
        return dialog.result()

    prompts.answer("dialog", create)
    with qtbot.waitSignal(page.status_message) as said:
        page.event_button.click()
    assert said.args == ["Event created; 1 invitations on the care list"]
    page.set_kind(CareKind.INVITATION)
    [invitation] = [page.care_model.row_at(r) for r in range(page.care_model.rowCount())]
    assert invitation.masked_name == "欧阳**"
    assert invitation.reason.render() == "Invite to 理财沙龙 on 12-04"


def test_colleague_support_adds_to_the_time_on_client_work(page, prompts):
    before = page.work_time.support_minutes

    def support(dialog) -> int:
        dialog.ok_button.click()
        assert "Name the colleague" in dialog.problems_text()
        dialog.colleague.setText("对公客户经理 李娜")
        dialog.kind.setCurrentIndex(dialog.kind.findData(SupportKind.FAMILY_PLANNING.value))
        dialog.duration.setValue(45)
        dialog.sale_followed.setChecked(True)
        dialog.ok_button.click()
        return dialog.result()

    prompts.answer("dialog", support)
    page.support_button.click()
    assert page.work_time.support_minutes == before + 45
    assert page.time_bar.value() == 45
    assert page.time_bar.format().endswith("4 h 15 min to go")
    assert "support 45 min" in page.time_text.text()


def test_the_queue_summary_and_the_expiring_assessments(page):
    assert page.waiting_label.text() == "0 waiting"
    assert page.risk_model.rowCount() == 0


def test_the_page_refreshes_each_minute_while_shown(page, qtbot):
    assert page.timer.isActive()
    page.hide()
    assert not page.timer.isActive()


def test_duration_text(language):
    language.install_language("en")
    assert duration_text(155) == "2 h 35 min"
    assert duration_text(300) == "5 h 00 min"
    assert duration_text(25) == "25 min"


def test_the_today_page_follows_check_ins_made_elsewhere_in_the_window(main_window, qtbot):
    from wealthdesk.services.queue import CheckIn

    main_window.go_to_key("today")
    qtbot.waitUntil(lambda: main_window.today_page.waiting_label.text() != "")
    for name in ("甲", "乙", "丙"):
        main_window.queue.check_in(CheckIn(walk_in_name=name))  # as the queue page does
    main_window.queue_page.refresh()
    assert "3" in main_window.waiting_label.text()
    qtbot.waitUntil(lambda: main_window.today_page.waiting_label.text().startswith("3"))


def test_the_first_window_fills_a_desk_pc_s_screen(main_window):
    screen = main_window.screen().availableGeometry()
    assert screen.width() <= 1440  # the offscreen screen, as small as a desk PC's
    assert main_window.isMaximized()
