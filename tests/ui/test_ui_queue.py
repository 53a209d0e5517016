"""The queue page, the service session and the auto-clearing client screen, driven as a
manager drives them: check in, call, serve, finish, step away, lock and idle."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from wealthdesk.domain.audit import AuditAction
from wealthdesk.domain.client import ClientDraft, Tier
from wealthdesk.domain.desk import DeskState
from wealthdesk.domain.pin import hash_pin
from wealthdesk.domain.queue import FinishCheck, Purpose, ServiceOutcome, VisitState
from wealthdesk.services import audit, clients, queue
from wealthdesk.services import desk as desk_service
from wealthdesk.services import settings as settings_service

NAME = "钱多多"
MOBILE = "13912345678"
ID_NUMBER = "11010519491231002X"
NEEDS = "想了解养老规划和子女教育金"
VISIT_NOTES = "带了两份合同原件"
VALUES = (NAME, MOBILE, ID_NUMBER, NEEDS, VISIT_NOTES)


@pytest.fixture
def window(clock, main_window):
    """The main window on a Friday morning (the clock fixture), on the Queue page."""
    main_window.go_to_key("queue")
    return main_window


def the_client() -> int:
    draft = ClientDraft(
        name=NAME, mobile=MOBILE, id_number=ID_NUMBER, tier=Tier.GOLD, training_needs=NEEDS
    )
    return clients.create_client(draft, "setup").id


def finish_answer(ticks=tuple(FinishCheck), outcome=ServiceOutcome.ADVISED):
    def answer(dialog) -> int:
        for check in ticks:
            dialog.checks[check].setChecked(True)
        dialog.outcome.setCurrentIndex(dialog.outcome.findData(outcome.value))
        return QDialog.DialogCode.Accepted

    return answer


def trigger(window, key: str) -> None:
    """Press a shortcut as the manager does."""
    from PySide6.QtGui import QKeySequence
    from PySide6.QtTest import QTest

    sequence = QKeySequence(key)
    combo = sequence[0]
    QTest.keyClick(window.focusWidget() or window, combo.key(), combo.keyboardModifiers())


def traces(window, values=VALUES) -> list[str]:
    """Every place in the window (and the clipboard) that still shows one of *values*:
    texts, tooltips, titles, combo items, every cell and role of every model, and what
    undo would bring back in every editor."""
    found: list[str] = []

    def check(where: str, text) -> None:
        text = "" if text is None else str(text)
        if any(value in text for value in values):
            found.append(f"{where}: {text!r}")

    check("window title", window.windowTitle())
    if hasattr(window, "statusBar"):  # a main window; a dialog is scanned the same way
        check("status bar", window.statusBar().currentMessage())
    clipboard = QGuiApplication.clipboard()
    check("clipboard", clipboard.text())
    for widget in [window, *window.findChildren(QWidget)]:
        where = f"{type(widget).__name__}#{widget.objectName()}"
        check(f"{where} tooltip", widget.toolTip())
        check(f"{where} accessible name", widget.accessibleName())
        if isinstance(widget, QLabel):
            check(where, widget.text())
            if hasattr(widget, "full_text"):
                check(where, widget.full_text())
        elif isinstance(widget, QLineEdit):
            check(where, widget.text())
            check(f"{where} placeholder", widget.placeholderText())
            while widget.isUndoAvailable():
                widget.undo()
                check(f"{where} undo", widget.text())
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
            check(where, widget.toPlainText())
            while widget.document().isUndoAvailable():
                widget.document().undo()
                check(f"{where} undo", widget.toPlainText())
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                check(f"{where} item", widget.itemText(i))
        elif isinstance(widget, (QAbstractSpinBox, QAbstractButton)):
            check(where, widget.text())
        elif isinstance(widget, QGroupBox):
            check(where, widget.title())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            roles = [*range(0, 14), *range(Qt.ItemDataRole.UserRole, Qt.ItemDataRole.UserRole + 8)]
            top = QModelIndex()  # a list's model takes the parent only when named
            # A list has one column (QListWidget's model keeps columnCount() private).
            columns = 1 if isinstance(widget, QListView) else model.columnCount(top)
            for row in range(model.rowCount(top)):
                for column in range(columns):
                    index = model.index(row, column)
                    for role in roles:
                        check(f"{where} model", model.data(index, role))
    return found


def serve(window, client_id: int, prompts) -> queue.VisitInfo:
    """Check the client in, call them, show their numbers and start the service."""
    visit = queue.check_in(queue.CheckIn(client_id=client_id, notes=VISIT_NOTES), "lobby")
    window.queue_page.refresh()
    window.session.call_next_action.trigger()
    assert window.current_page_key() == "service"
    form = window.service_page.form
    assert form.name.text() == NAME
    form.reveal("mobile")
    form.reveal("id_number")
    assert (form.mobile.text(), form.id_number.text()) == (MOBILE, ID_NUMBER)
    window.session.start_action.trigger()
    assert window.session.current.state is VisitState.SERVING
    QGuiApplication.clipboard().setText(f"{NAME} {MOBILE}")
    # The manager looks the client up in the book as well.
    window.clients_page.search.setText("qdd")
    window.clients_page.run_search()
    assert window.clients_page.model.rowCount() == 1
    window.clients_page.open_client(client_id)
    assert traces(window)  # the scan does see a client on the screen
    return visit


# ---------------------------------------------------------------- the whole flow


def test_check_in_call_serve_and_finish(window, prompts, qtbot, type_text, clock):
    client_id = the_client()
    page = window.queue_page
    type_text(page.check_in_search, "qdd")
    page.search_clients()
    assert page.matches_model.rowCount() == 1
    page.purpose_buttons[next(iter(page.purpose_buttons))].setChecked(True)
    qtbot.keyClick(page.check_in_search, Qt.Key.Key_Return)

    (waiting,) = queue.waiting()
    assert (waiting.ticket, waiting.client_id) == ("W001", client_id)
    assert page.model.rowCount() == 1 and page.check_in_search.text() == ""
    assert "1" in page.figures.text()

    clock.set(clock.now + dt.timedelta(minutes=4))
    window.session.call_next_action.trigger()
    assert window.current_page_key() == "service"
    assert window.service_page.form.name.text() == NAME
    assert "W001" in window.windowTitle() and NAME not in window.windowTitle()
    assert page.model.rowCount() == 0
    window.session.start_action.trigger()
    assert "W001" in window.desk_state.text()

    clock.set(clock.now + dt.timedelta(minutes=25))
    prompts.answer("dialog", finish_answer(outcome=ServiceOutcome.SOLD))
    window.session.finish_action.trigger()

    done = queue.get_visit(waiting.id)
    assert done.state is VisitState.DONE and done.outcome == "sold"
    assert done.checklist == tuple(FinishCheck)
    assert done.service_time == dt.timedelta(minutes=25)
    assert window.current_page_key() == "queue"
    assert window.session.current is None
    assert page.see_off.isVisible() or page.see_off.text.text()
    assert traces(window) == []


def test_a_visitor_checking_in_while_the_manager_serves_gets_the_hospitality_guidance(
    window, prompts, qtbot, type_text
):
    queue.check_in(queue.CheckIn(walk_in_name="先来"), "lobby")
    window.queue_page.refresh()
    window.session.call_next_action.trigger()
    window.session.start_action.trigger()
    window.go_to_key("queue")
    page = window.queue_page
    type_text(page.check_in_search, "后到的访客")
    qtbot.keyClick(page.check_in_search, Qt.Key.Key_Return)

    assert [v.name for v in queue.waiting()] == ["后到的访客"]
    assert not page.guidance.isHidden()
    text = page.guidance.text.text()
    assert "W002" in text and "茶" in text  # a seat and tea, in the manager's language


def test_an_anonymous_walk_in_is_identified_on_the_client_screen(window, prompts):
    client_id = the_client()
    queue.check_in(queue.CheckIn(walk_in_name=NAME), "lobby")
    window.queue_page.refresh()
    window.session.call_next_action.trigger()
    page = window.service_page
    assert page.body.currentWidget() is page.identify
    assert page.identify_model.rowCount() == 1  # found by the name they gave
    page.link_selected()
    assert page.body.currentWidget() is page.record_tabs and page.form.client_id == client_id
    assert window.session.current.client_id == client_id


def test_no_show_is_asked_first_and_recall_counts(window, prompts):
    visit = queue.check_in(queue.CheckIn(walk_in_name="张三"), "lobby")
    window.queue_page.refresh()
    window.session.call_next_action.trigger()
    window.session.recall_action.trigger()
    assert queue.get_visit(visit.id).recall_count == 1
    assert "1" in window.queue_page.card_elapsed.text()

    prompts.answer("confirm", False)
    window.session.no_show_action.trigger()
    assert queue.get_visit(visit.id).state is VisitState.CALLED
    prompts.answer("confirm", True)
    window.session.no_show_action.trigger()
    assert queue.get_visit(visit.id).state is VisitState.NO_SHOW
    assert window.session.current is None


def test_park_return_and_left_work_on_the_selected_visitor(window, prompts):
    first = queue.check_in(queue.CheckIn(walk_in_name="甲"), "lobby")
    second = queue.check_in(queue.CheckIn(walk_in_name="乙"), "lobby")
    page = window.queue_page
    page.refresh()
    page.table.selectRow(page.model.row_of(first.id))
    window.session.park_action.trigger()
    assert queue.get_visit(first.id).state is VisitState.PARKED
    # Parked visitors stay in the list, after those in line.
    assert [page.model.row_at(r).id for r in range(2)] == [second.id, first.id]
    page.table.selectRow(page.model.row_of(first.id))
    window.session.return_action.trigger()
    assert queue.get_visit(first.id).state is VisitState.WAITING

    page.table.selectRow(page.model.row_of(second.id))
    prompts.answer("confirm", True)
    window.session.leave_action.trigger()
    assert queue.get_visit(second.id).state is VisitState.LEFT
    assert [page.model.row_at(r).id for r in range(page.model.rowCount())] == [first.id]


def test_calling_out_of_order_calls_the_selected_visitor(window, prompts):
    queue.check_in(queue.CheckIn(walk_in_name="甲"), "lobby")
    later = queue.check_in(queue.CheckIn(walk_in_name="乙"), "lobby")
    page = window.queue_page
    page.refresh()
    page.table.selectRow(page.model.row_of(later.id))
    window.session.call_selected_action.trigger()
    assert window.session.current.id == later.id


def test_the_desk_picks_up_its_visitor_after_a_restart(clock, qtbot, store, prompts, language):
    import argparse

    from wealthdesk.db.connection import sqlite_url
    from wealthdesk.ui import application

    visit = queue.check_in(queue.CheckIn(walk_in_name="甲"), "lobby")
    queue.call(visit.id, "1", "m1")
    queue.start_service(visit.id, "m1")
    args = argparse.Namespace(db=sqlite_url(store), lang="zh_CN", desk="1")
    window = application.open_window(args)
    try:
        assert window.session.current.id == visit.id
        assert window.queue_page.card_ticket.text() == "W001"
        assert window.session.finish_action.isEnabled()
    finally:
        window.close()
        window.deleteLater()


# ---------------------------------------------------------------- clearing


def _finish(window, prompts, clock):
    prompts.answer("dialog", finish_answer())
    window.session.finish_action.trigger()


def _call_next(window, prompts, clock):
    queue.check_in(queue.CheckIn(walk_in_name="下一位"), "lobby")
    prompts.answer("dialog", finish_answer())  # the one being served is finished first
    window.session.call_next_action.trigger()
    assert window.session.current.name == "下一位"


def _step_away(window, prompts, clock):
    if window.session.current is not None:
        prompts.answer("confirm", True)  # yes, step away with the client's visit open

    def answer(dialog) -> int:
        dialog.until.setText("10:30")
        dialog.accept()
        return dialog.result()

    prompts.answer("dialog", answer)
    window.step_away_action.trigger()
    assert window.locked


def _lock(window, prompts, clock):
    window.lock_action.trigger()
    assert window.locked


def _idle(window, prompts, clock):
    window.idle.touch()
    clock.set(clock.now + dt.timedelta(minutes=4, seconds=59))
    window.idle.check()
    assert not window.locked
    clock.set(clock.now + dt.timedelta(seconds=1))
    window.idle.check()
    assert window.locked


@pytest.mark.parametrize(
    "clear", [_finish, _call_next, _step_away, _lock, _idle], ids=lambda f: f.__name__[1:]
)
def test_every_trigger_clears_every_trace_of_the_client(window, prompts, clock, clear):
    serve(window, the_client(), prompts)
    clear(window, prompts, clock)
    assert traces(window) == []


def test_the_screen_is_cleared_before_the_lock_is_drawn(window, prompts, clock):
    window.lock()
    window.unlock()  # the lock screen now exists, so a test can watch it being shown
    serve(window, the_client(), prompts)
    seen: list[list[str]] = []

    class Watch(QObject):
        def eventFilter(self, watched, event):
            if event.type() in (QEvent.Type.Show, QEvent.Type.Paint) and not seen:
                seen.append(traces(window))
            return False

    watch = Watch()
    window.lock_screen.installEventFilter(watch)
    window.lock()
    window.lock_screen.grab()  # draw it
    assert seen == [[]]


def test_unsaved_valid_edits_are_held_at_the_lock_never_saved_and_offered_back(
    window, prompts, clock
):
    client_id = the_client()
    serve(window, client_id, prompts)
    window.service_page.form.occupation.setText("退休A")
    window.lock()
    assert clients.get_client(client_id).draft.occupation == ""  # not written
    assert traces(window, ("退休A",)) == []  # and held off every widget
    prompts.answer("confirm", True)  # put them back
    window.lock_screen.unlocked.emit()
    form = window.service_page.form
    assert form.occupation.text() == "退休A" and form.is_dirty()
    assert clients.get_client(client_id).draft.occupation == ""  # still only the Save writes
    assert form.save()
    assert clients.get_client(client_id).draft.occupation == "退休A"


def test_held_edits_declined_after_the_unlock_are_gone(window, prompts, clock):
    client_id = the_client()
    serve(window, client_id, prompts)
    window.service_page.form.occupation.setText("退休A")
    window.lock()
    prompts.answer("confirm", False)
    window.lock_screen.unlocked.emit()
    assert window.service_page.form.occupation.text() == ""
    assert not window.service_page.form.is_dirty()
    assert clients.get_client(client_id).draft.occupation == ""


def test_invalid_edits_are_dropped_at_the_lock_and_the_manager_is_told(window, prompts, clock):
    client_id = the_client()
    serve(window, client_id, prompts)
    half_typed = "1391234"  # the mobile, revealed by serve(), being retyped
    window.service_page.form.mobile.setText(half_typed)
    assert window.service_page.form.has_problems()
    window.lock()
    assert traces(window, (half_typed,)) == []
    window.lock_screen.unlocked.emit()
    kind, title, _text = prompts.shown[-1]
    assert (kind, title) == ("warn", "修改未保存")
    assert clients.reveal_identifier(client_id, "mobile", "test") == MOBILE


# ---------------------------------------------------------------- lock and desk states


def _set_pin(window, pin: str) -> None:
    settings_service.save({"pin_hash": hash_pin(pin)}, window.desk.desk, "setup")
    window.desk.reload()


def test_the_lock_opens_only_with_the_right_pin_and_hides_everything(window, prompts, qtbot):
    _set_pin(window, "246810")
    queue.check_in(queue.CheckIn(walk_in_name="甲"), "lobby")
    window.lock()
    lock = window.lock_screen
    assert window.screens.currentWidget() is lock
    assert not window.menuBar().isVisible() and not window.statusBar().isVisible()

    # Shortcuts do not reach the queue behind the lock.
    lock.findChild(QLineEdit, "pinField").setFocus()
    trigger(window, "F2")
    assert queue.waiting()[0].state is VisitState.WAITING

    lock.findChild(QLineEdit, "pinField").setText("135790")
    lock.try_unlock()
    assert window.locked
    lock.findChild(QLineEdit, "pinField").setText("246810")
    lock.try_unlock()
    assert not window.locked and window.screens.currentWidget() is window.workspace
    assert audit.entries()[0].action == AuditAction.DESK_UNLOCKED


def test_stepping_away_stores_the_return_time_and_coming_back_makes_the_desk_available(
    window, prompts, clock
):
    _step_away(window, prompts, clock)
    status = desk_service.get_status("1")
    assert (status.state, status.until) == (DeskState.AWAY, dt.time(10, 30))
    assert "10:30" in window.desk_state_text()
    window.lock_screen.unlocked.emit()  # no PIN set: "Continue"
    assert desk_service.get_status("1").state is DeskState.AVAILABLE
    assert not window.locked


def test_lunch_suggests_the_end_of_the_lunch_break(window, prompts, clock):
    clock.set(dt.datetime(2026, 11, 27, 11, 58).astimezone())
    offered = []

    def answer(dialog) -> int:
        offered.append(dialog.until_text)
        dialog.accept()
        return dialog.result()

    prompts.answer("dialog", answer)
    window.lunch_action.trigger()
    assert offered == ["14:00"]
    assert desk_service.get_status("1").state is DeskState.LUNCH


def test_a_return_time_already_passed_is_refused_in_the_dialog(window, prompts, clock):
    def answer(dialog) -> int:
        dialog.until.setText("09:00")
        dialog.accept()
        assert "09:00" in dialog._errors["until"].text()
        return dialog.result()

    prompts.answer("dialog", answer)
    window.step_away_action.trigger()
    assert not window.locked
    assert desk_service.get_status("1").state is DeskState.AVAILABLE


def test_the_idle_timeout_follows_the_desk_setting(window, prompts, clock, qtbot):
    qtbot.wait(10)  # the window is up: input is watched from now on
    settings_service.save({"idle_timeout_minutes": 2}, "1", "setup")
    window.desk.reload()
    window.idle.timeout = window._idle_timeout()
    window.idle.touch()
    clock.set(clock.now + dt.timedelta(minutes=1))
    window.idle.check()
    assert not window.locked
    # Any key or mouse input starts the wait over.
    from PySide6.QtTest import QTest

    QTest.keyClick(window.queue_page.check_in_search, Qt.Key.Key_A)
    clock.set(clock.now + dt.timedelta(minutes=1, seconds=30))
    window.idle.check()
    assert not window.locked
    clock.set(clock.now + dt.timedelta(minutes=1))
    window.idle.check()
    assert window.locked


# ---------------------------------------------------------------- the end of the day


def test_visitors_still_waiting_at_closing_time_are_closed_as_left(window, prompts, clock):
    visit = queue.check_in(queue.CheckIn(walk_in_name="甲"), "lobby")
    clock.set(dt.datetime(2026, 11, 27, 16, 59).astimezone())
    window._tick()
    assert queue.get_visit(visit.id).state is VisitState.WAITING
    clock.set(dt.datetime(2026, 11, 27, 17, 0).astimezone())
    window._tick()
    assert queue.get_visit(visit.id).state is VisitState.LEFT


def test_a_manager_who_opts_out_keeps_the_queue_open_after_closing_time(window, prompts, clock):
    settings_service.save({"close_queue_at_day_end": False}, "1", "setup")
    window.desk.reload()
    visit = queue.check_in(queue.CheckIn(walk_in_name="甲"), "lobby")
    clock.set(dt.datetime(2026, 11, 27, 17, 30).astimezone())
    window._tick()
    assert queue.get_visit(visit.id).state is VisitState.WAITING


def test_the_status_bar_counts_the_waiting_visitors(window, prompts):
    assert window.waiting_label.text() == "等候：0"
    queue.check_in(queue.CheckIn(walk_in_name="甲"), "lobby")
    window.queue_page.refresh()
    assert window.waiting_label.text() == "等候：1"


# ---------------------------------------------------------------- from a review


def test_a_dialog_open_when_the_desk_locks_is_cancelled_not_left_over_the_lock(
    window, prompts, clock
):
    visit = serve(window, the_client(), prompts)

    def answer(dialog) -> int:
        dialog.checks[FinishCheck.PAPERS_FILED].setChecked(True)
        dialog.setModal(True)
        dialog.show()
        window.lock()  # the idle timeout strikes while the checklist is open
        assert not dialog.isVisible()
        return dialog.result()

    prompts.answer("dialog", answer)
    window.session.finish_action.trigger()
    assert queue.get_visit(visit.id).state is VisitState.SERVING  # nothing filed
    assert window.locked and traces(window) == []


def test_a_desk_locked_when_the_program_ended_starts_locked(clock, qtbot, store, prompts, language):
    import argparse

    from conftest import dispose

    from wealthdesk.db.connection import sqlite_url
    from wealthdesk.ui import application

    args = argparse.Namespace(db=sqlite_url(store), lang="zh_CN", desk="1")
    first = application.open_window(args)
    first.lock()
    first.deleteLater()  # killed: closeEvent never ran
    second = application.open_window(args)
    try:
        assert second.locked and second.screens.currentWidget() is second.lock_screen
        second.lock_screen.unlocked.emit()
        assert not second.locked
    finally:
        dispose(second)
    third = application.open_window(args)
    try:
        assert not third.locked
    finally:
        dispose(third)


def test_closing_the_desk_keeps_the_queue_open_when_the_desk_opts_out(window, prompts):
    settings_service.save({"close_queue_at_day_end": False}, "1", "setup")
    window.desk.reload()
    visit = queue.check_in(queue.CheckIn(walk_in_name="甲"), "lobby")
    prompts.answer("choose", "keep")  # asked about the one waiting: close anyway
    prompts.answer("confirm", True)
    window.close_desk_action.trigger()
    assert prompts.shown[0][0] == "choose" and "W001 甲" in prompts.shown[0][2]
    assert window.locked and desk_service.get_status("1").state is DeskState.CLOSED
    assert queue.get_visit(visit.id).state is VisitState.WAITING


def test_the_desk_cannot_close_with_a_visitor_at_it(window, prompts):
    queue.check_in(queue.CheckIn(walk_in_name="甲"), "lobby")
    window.queue_page.refresh()
    window.session.call_next_action.trigger()
    window.close_desk_action.trigger()
    assert not window.locked
    assert prompts.kinds()[-1] == "info"


def test_unlocking_during_a_service_opens_the_client_screen_again(window, prompts, clock):
    client_id = the_client()
    serve(window, client_id, prompts)
    window.lock()
    assert window.service_page.visit is None
    window.lock_screen.unlocked.emit()
    assert window.current_page_key() == "service"
    assert window.service_page.form.client_id == client_id


def test_a_few_digits_do_not_check_in_a_walk_in(window, prompts, qtbot, type_text):
    page = window.queue_page
    type_text(page.check_in_search, "13")
    qtbot.keyClick(page.check_in_search, Qt.Key.Key_Return)
    assert queue.waiting() == []
    assert "7" in page.match_hint.text()
    page.check_in_search.setText("0571-88886666")
    qtbot.keyClick(page.check_in_search, Qt.Key.Key_Return)
    (visit,) = queue.waiting()
    assert visit.masked_phone and visit.name == ""


def test_enter_with_several_matches_lets_the_manager_choose(window, prompts, qtbot, type_text):
    for name in ("李明", "李娜"):
        clients.create_client(ClientDraft(name=name), "setup")
    page = window.queue_page
    type_text(page.check_in_search, "李")
    qtbot.keyClick(page.check_in_search, Qt.Key.Key_Return)
    assert queue.waiting() == []
    assert page.matches.hasFocus() or page.matches.currentIndex().row() == 0
    qtbot.keyClick(page.matches, Qt.Key.Key_Down)
    qtbot.keyClick(page.matches, Qt.Key.Key_Return)
    (visit,) = queue.waiting()
    assert visit.client_id is not None


def test_call_next_reads_the_queue_so_a_lobby_check_in_is_called_at_once(window, prompts):
    window.session.call_next_action.trigger()
    assert window.session.current is None
    assert window.statusBar().currentMessage() == "目前无人等候。"
    # Checked in elsewhere; this desk's list has not been read again yet.
    queue.check_in(queue.CheckIn(walk_in_name="甲"), "lobby")
    window.session.call_next_action.trigger()
    assert window.session.current is not None and window.session.current.ticket == "W001"


def test_a_day_left_open_is_closed_when_the_desk_starts_next(
    clock, qtbot, store, prompts, language
):
    import argparse

    from conftest import dispose

    from wealthdesk.db.connection import sqlite_url
    from wealthdesk.ui import application

    settings_service.save({"close_queue_at_day_end": False}, "1", "setup")
    visit = queue.check_in(queue.CheckIn(walk_in_name="甲"), "lobby")
    queue.call(visit.id, "1", "m1")
    queue.start_service(visit.id, "m1")
    clock.set(clock.now + dt.timedelta(days=3))  # the desk was not used since
    window = application.open_window(
        argparse.Namespace(db=sqlite_url(store), lang="zh_CN", desk="1")
    )
    try:
        done = queue.get_visit(visit.id)
        assert (done.state, done.outcome) == (VisitState.DONE, ServiceOutcome.NOT_FILED.value)
        assert window.session.current is None
    finally:
        dispose(window)


def test_a_walk_in_nobody_knows_is_said_so_and_can_be_added(window, prompts):
    queue.check_in(queue.CheckIn(walk_in_name="新面孔"), "lobby")
    window.queue_page.refresh()
    window.session.call_next_action.trigger()
    page = window.service_page
    assert page.identify_model.rowCount() == 0
    assert not page.link_button.isEnabled()
    assert "新建为客户" in page.identify_hint.text() or "new client" in page.identify_hint.text()
    page.add_as_new_client()
    page.form.mobile.setText("13700001111")
    assert page.form.save()
    linked = window.session.current
    assert linked.client_id is not None and linked.name == "新面孔"


def test_the_client_screen_shows_the_clients_earlier_visits(window, prompts, clock):
    client_id = the_client()
    earlier = queue.check_in(queue.CheckIn(client_id=client_id), "lobby")
    queue.call(earlier.id, "1", "m1")
    queue.start_service(earlier.id, "m1")
    clock.set(clock.now + dt.timedelta(minutes=20))
    queue.finish(earlier.id, ServiceOutcome.SOLD.value, "m1")
    clock.set(clock.now + dt.timedelta(days=7))
    queue.check_in(queue.CheckIn(client_id=client_id), "lobby")
    window.queue_page.refresh()
    window.session.call_next_action.trigger()

    page = window.service_page
    model = page.history_model
    assert model.rowCount() == 1  # this visit is not its own history
    texts = [model.index(0, c).data() for c in range(model.columnCount())]
    assert texts[1] == "W001" and "已成交" in texts and "20" in texts
    assert "1" in page.record_tabs.tabText(page.record_tabs.indexOf(page.history))
    prompts.answer("dialog", finish_answer())
    window.session.start_action.trigger()
    window.session.finish_action.trigger()
    assert model.rowCount() == 0  # cleared with the rest of the client


def _passed_on_from_desk_2(clock) -> queue.VisitInfo:
    """Arrives, waits 10 minutes, is served 30 at desk 2 and passed on to this desk (1)."""
    visit = queue.check_in(queue.CheckIn(walk_in_name="转来的访客"), "lobby")
    clock.set(clock.now + dt.timedelta(minutes=10))
    queue.call(visit.id, "2", "m2")
    queue.start_service(visit.id, "m2")
    clock.set(clock.now + dt.timedelta(minutes=30))
    return queue.transfer(visit.id, "1", "m2")


def test_a_visitor_passed_on_is_shown_the_time_waited_not_the_time_served_elsewhere(
    window, prompts, clock
):
    from wealthdesk.ui.queue.queue_model import COL_WAITED, waited_text

    visit = _passed_on_from_desk_2(clock)
    clock.set(clock.now + dt.timedelta(minutes=5))
    page = window.queue_page
    page.tick()
    row = page.model.row_of(visit.id)
    assert row >= 0
    shown = page.model.index(row, COL_WAITED).data()
    # 10 minutes before desk 2 and 5 since: not the 45 since arrival.
    assert shown == waited_text(dt.timedelta(minutes=15))
    assert shown != waited_text(dt.timedelta(minutes=45))


def test_the_desk_counts_a_service_passed_on_from_its_own_start(window, prompts, clock):
    visit = _passed_on_from_desk_2(clock)
    clock.set(clock.now + dt.timedelta(minutes=5))
    window.queue_page.refresh()
    window.session.call_next_action.trigger()
    assert window.session.current.id == visit.id
    assert window.session.elapsed_minutes() == 0  # just called here, not 35 minutes ago
    window.session.start_action.trigger()
    clock.set(clock.now + dt.timedelta(minutes=3))
    assert window.session.elapsed_minutes() == 3  # desk 2's 30 minutes are not this desk's


def test_the_visit_history_model_passes_qt_model_tester(qtmodeltester, store, clock):
    from wealthdesk.ui.client_screen.visit_history_model import VisitHistoryModel

    client_id = the_client()
    for _ in range(3):
        visit = queue.check_in(queue.CheckIn(client_id=client_id), "lobby")
        queue.call(visit.id, "1", "m1")
        queue.start_service(visit.id, "m1")
        queue.finish(visit.id, ServiceOutcome.ADVISED.value, "m1")
    model = VisitHistoryModel()
    model.set_rows(queue.client_visits(client_id))
    assert model.rowCount() == 3
    qtmodeltester.check(model)
    model.clear()
    qtmodeltester.check(model)


def test_the_client_page_shows_the_visitor_at_the_desk_when_opened(
    clock, qtbot, store, prompts, language
):
    import argparse

    from conftest import dispose

    from wealthdesk.db.connection import sqlite_url
    from wealthdesk.ui import application

    client_id = the_client()
    visit = queue.check_in(queue.CheckIn(client_id=client_id), "lobby")
    queue.call(visit.id, "1", "m1")
    queue.start_service(visit.id, "m1")
    window = application.open_window(
        argparse.Namespace(db=sqlite_url(store), lang="zh_CN", desk="1")
    )
    try:
        assert window.service_page.visit is None  # nothing shown before it is asked for
        window.go_to_key("service")
        assert window.service_page.form.client_id == client_id
    finally:
        dispose(window)


def test_checking_in_a_client_booked_for_today_checks_in_the_appointment(
    window, prompts, qtbot, type_text, clock
):
    from wealthdesk.domain.appointment import AppointmentStatus
    from wealthdesk.services import appointments

    queue.check_in(queue.CheckIn(walk_in_name="先来的"), "lobby")  # an earlier walk-in
    client_id = the_client()
    start = dt.datetime(2026, 11, 27, 10, 30).astimezone()
    booked = appointments.create(
        appointments.AppointmentDraft(start=start, client_id=client_id, manager="王经理"), "setup"
    )
    page = window.queue_page
    page.refresh()
    type_text(page.check_in_search, "qdd")
    qtbot.keyClick(page.check_in_search, Qt.Key.Key_Return)

    first = page.model.row_at(0)
    assert first.ticket == "A001" and first.client_id == client_id  # ahead of the walk-in
    assert appointments.get(booked.id).status is AppointmentStatus.CHECKED_IN


def test_an_appointment_due_soon_is_reminded_once_with_a_masked_name(window, prompts, clock):
    from wealthdesk.services import appointments

    client_id = the_client()
    start = dt.datetime(2026, 11, 27, 10, 30).astimezone()
    appointments.create(
        appointments.AppointmentDraft(start=start, client_id=client_id, manager="王经理"), "setup"
    )
    window.remind()
    assert "10:30" not in window.reminder_banner.text.text()  # 30 min away: not yet
    clock.set(dt.datetime(2026, 11, 27, 10, 16).astimezone())
    window.remind()
    text = window.reminder_banner.text.text()
    assert not window.reminder_banner.isHidden()
    assert "10:30" in text and "钱**" in text and NAME not in text
    window.reminder_banner.dismiss()
    window.remind()
    assert window.reminder_banner.isHidden()  # said once


def test_preparation_still_to_do_is_said_once_a_day(window, prompts, clock):
    from wealthdesk.services import appointments

    start = dt.datetime(2026, 11, 27, 15, 0).astimezone()
    appointments.create(
        appointments.AppointmentDraft(
            start=start, client_id=the_client(), purposes=(Purpose.PURCHASE,), manager="王经理"
        ),
        "setup",
    )
    window.remind()
    assert "1" in window.reminder_banner.text.text()
    window.reminder_banner.dismiss()
    window.remind()
    assert window.reminder_banner.isHidden()


def test_every_duration_on_the_queue_and_the_desk_reads_in_hours_and_minutes(
    window, prompts, language, clock
):
    """One format everywhere: "1 h 06 min", never "66 min" beside it."""
    from wealthdesk.ui.queue.queue_model import COL_WAITED

    language.install_language("en")
    page = window.queue_page
    queue.check_in(queue.CheckIn(walk_in_name="先来的"), "lobby")
    clock.set(clock.now + dt.timedelta(minutes=66))
    page.tick()
    assert page.model.index(0, COL_WAITED).data() == "1 h 06 min"
    assert "longest 1 h 06 min" in page.figures.text()
    window.session.call_next_action.trigger()
    window.session.start_action.trigger()
    clock.set(clock.now + dt.timedelta(minutes=75))
    window.service_page._show_elapsed()
    page.tick()
    window._show_desk_state()
    assert page.card_elapsed.text() == "In service for 1 h 15 min"
    assert window.service_page.elapsed.text() == "In service for 1 h 15 min"
    assert window.desk_state.text().endswith("Serving W001 · 1 h 15 min")


def test_check_in_suggestions_mark_who_is_booked_today_and_check_them_in_through_it(
    window, prompts, qtbot, type_text, language, clock
):
    from PySide6.QtGui import QIcon

    from wealthdesk.domain.appointment import AppointmentStatus
    from wealthdesk.services import appointments
    from wealthdesk.ui.clients.client_table_model import COL_NAME

    language.install_language("en")
    booked_id = the_client()  # 钱多多
    clients.create_client(ClientDraft(name="钱小二", mobile="13900002222"), "setup")
    booked = appointments.create(
        appointments.AppointmentDraft(
            start=dt.datetime(2026, 11, 27, 10, 30).astimezone(),
            client_id=booked_id,
            manager="王经理",
        ),
        "setup",
    )
    page = window.queue_page
    type_text(page.check_in_search, "钱")
    page.search_clients()
    model = page.matches_model
    rows = {model.row_at(r).id: r for r in range(model.rowCount())}
    assert len(rows) == 2
    marked, plain = rows[booked_id], next(r for cid, r in rows.items() if cid != booked_id)
    assert model.index(marked, COL_NAME).data() == f"{NAME}  Appointment 10:30"
    assert isinstance(model.index(marked, COL_NAME).data(Qt.ItemDataRole.DecorationRole), QIcon)
    assert model.index(plain, COL_NAME).data() == "钱小二"
    assert model.index(plain, COL_NAME).data(Qt.ItemDataRole.DecorationRole) is None

    page.matches.setFocus()
    page.matches.selectRow(marked)
    qtbot.keyClick(page.matches, Qt.Key.Key_Return)
    (visit,) = queue.waiting()
    assert visit.ticket == "A001" and visit.client_id == booked_id
    assert appointments.get(booked.id).status is AppointmentStatus.CHECKED_IN
    assert model.rowCount() == 0  # the box is ready for the next visitor
