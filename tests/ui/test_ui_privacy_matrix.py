"""The client screen's promise in every state it can be in: each trigger that clears the
client (finish, call next, step away, lunch, lock, idle, close the desk, a language
change, a restore) against each state the screen can be in when it comes (an unsaved
valid edit, an unsaved invalid edit, a revealed number, a number copied to the
clipboard, a half-typed search, an open dialog). After each, the window-wide scan finds
no trace of the client anywhere: widgets, models, undo histories, title, status bar,
clipboard."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog
from test_ui_queue import (
    ID_NUMBER,
    MOBILE,
    VALUES,
    finish_answer,
    serve,
    the_client,
    traces,
)

from wealthdesk.domain.queue import VisitState
from wealthdesk.paths import backup_dir
from wealthdesk.services import backup, clients, queue
from wealthdesk.ui import interaction

HALF_TYPED = "钱多"  # a search typed halfway when the trigger came


@pytest.fixture
def window(clock, main_window):
    main_window.go_to_key("queue")
    return main_window


def _every_value() -> tuple[str, ...]:
    return (*VALUES, HALF_TYPED, "退休A", "1391234")


def _scan(window) -> list[str]:
    found = traces(window, _every_value())
    # Dialogs Qt has not deleted yet are top-level widgets of their own.
    for widget in QApplication.topLevelWidgets():
        if widget is not window and widget.parent() is None and isinstance(widget, QDialog):
            found += [f"dialog {type(widget).__name__}: {t}" for t in traces(widget)]
    return found


# ---------------------------------------------------------------- states


def _unsaved_valid_edit(window, qtbot):
    window.service_page.form.occupation.setText("退休A")
    window.clients_page.form.occupation.setText("退休A")
    assert window.service_page.form.is_dirty() and not window.service_page.form.has_problems()


def _unsaved_invalid_edit(window, qtbot):
    window.service_page.form.mobile.setText("1391234")
    assert window.service_page.form.has_problems()


def _revealed_number(window, qtbot):
    assert window.service_page.form.mobile.text() == MOBILE
    assert window.service_page.form.id_number.text() == ID_NUMBER


def _copied_and_edited(window, qtbot):
    """The issue's path: reveal, copy the mobile with the widget's own Copy, then edit
    another field and leave the edit unsaved."""
    QGuiApplication.clipboard().clear()
    mobile = window.service_page.form.mobile
    mobile.selectAll()
    mobile.copy()
    assert QGuiApplication.clipboard().text() == MOBILE
    window.service_page.form.occupation.setText("退休A")


def _half_typed_search(window, qtbot):
    window.queue_page.check_in_search.setText(HALF_TYPED)
    window.clients_page.search.setText(HALF_TYPED)
    window.appointments_page.search.setText(HALF_TYPED)


def _plan_drafted(window, qtbot):
    """The plan tab with the client's money typed, a goal added and notes on them."""
    from wealthdesk.ui.plan.plan_tab import PlanTab

    (tab,) = [t for t in window.service_page.client_tabs if isinstance(t, PlanTab)]
    tab.new_money.setText("1391234")
    tab.goal_amount.setText("1391234")
    tab.notes.setPlainText("退休A")
    assert tab.client_id is not None


def _plan_amount_being_typed(window, qtbot):
    """A proposed product's amount half-changed in its cell of the plan tab: the
    editor open with the new amount typed, not yet entered."""
    from wealthdesk.db.models import RiskAssessment
    from wealthdesk.domain.client import ProductFamily
    from wealthdesk.domain.plan import AssetClass
    from wealthdesk.domain.product import ProductDraft
    from wealthdesk.services import products
    from wealthdesk.ui.plan.plan_model import P_AMOUNT
    from wealthdesk.ui.plan.plan_tab import PlanTab

    page = window.service_page
    (tab,) = [t for t in page.client_tabs if isinstance(t, PlanTab)]
    today = dt.date(2026, 11, 27)
    RiskAssessment.create(
        client=tab.client_id, assessed_on=today, valid_until=dt.date(2027, 11, 26),
        score=50, level=3, created_at=dt.datetime(2026, 11, 27, 9, 0),
    )  # fmt: skip
    draft = ProductDraft("LC-WJ", "稳健添利90天理财", ProductFamily.WEALTH, 2, min_amount_fen=10**6)
    product = products.create_product(draft, "setup").id
    page.record_tabs.setCurrentWidget(tab)
    tab.recompute()
    tab._proposals = [(product, tab.view.suggestion.line(AssetClass.FIXED_INCOME).gap_fen)]
    tab.recompute()
    cell = tab.proposal_proxy.index(0, P_AMOUNT)
    tab.proposal_table.setCurrentIndex(cell)
    tab.proposal_table.edit(cell)
    qtbot.waitUntil(lambda: tab.amount_delegate.editor is not None)
    tab.amount_delegate.editor.setText("1391234")


STATES = [
    _plan_drafted,
    _plan_amount_being_typed,
    _unsaved_valid_edit,
    _unsaved_invalid_edit,
    _revealed_number,
    _copied_and_edited,
    _half_typed_search,
]


# ---------------------------------------------------------------- triggers


def _answer_unsaved(prompts):
    prompts.answer("unsaved", interaction.UnsavedChoice.DISCARD)
    prompts.answer("unsaved", interaction.UnsavedChoice.DISCARD)


def _finish(window, prompts, clock):
    _answer_unsaved(prompts)
    prompts.answer("confirm", True)
    prompts.answer("dialog", finish_answer())
    window.session.finish_action.trigger()
    assert window.session.current is None


def _call_next(window, prompts, clock):
    queue.check_in(queue.CheckIn(walk_in_name="下一位"), "lobby")
    _answer_unsaved(prompts)
    prompts.answer("confirm", True)
    prompts.answer("dialog", finish_answer())
    window.session.call_next_action.trigger()
    assert window.session.current.name == "下一位"


def _away(action_name: str):
    def trigger(window, prompts, clock):
        prompts.answer("confirm", True)  # step away with the client's visit open
        prompts.answer("choose", "keep")  # anyone waiting keeps waiting

        def answer(dialog) -> int:
            dialog.until.setText("14:00" if action_name == "lunch_action" else "10:30")
            dialog.accept()
            return dialog.result()

        prompts.answer("dialog", answer)
        getattr(window, action_name).trigger()
        assert window.locked

    trigger.__name__ = f"_{action_name.removesuffix('_action')}"
    return trigger


def _lock(window, prompts, clock):
    window.lock_action.trigger()
    assert window.locked


def _idle(window, prompts, clock):
    window.idle.touch()
    clock.set(clock.now + dt.timedelta(minutes=5))
    window.idle.check()
    assert window.locked


def _close_desk(window, prompts, clock):
    # A desk is closed once its visitor is finished: the client stays on screen only
    # in the client book, which the manager was still looking at.
    prompts.answer("dialog", finish_answer())
    _answer_unsaved(prompts)
    window.session.finish_action.trigger()
    prompts.answer("confirm", True)
    prompts.answer("choose", "keep")
    window.close_desk_action.trigger()
    assert window.locked


def _language_change(window, prompts, clock):
    from wealthdesk import i18n

    window.lock_action.trigger()
    i18n.install_language("en")
    QApplication.processEvents()
    assert _scan(window) == []
    i18n.install_language("zh_CN")
    QApplication.processEvents()


def _restore(window, prompts, clock):
    made = backup.backup_now(backup_dir())
    _answer_unsaved(prompts)
    prompts.answer("open_file", str(made))
    prompts.answer("confirm", True)
    assert window.restore_backup()


TRIGGERS = [
    _finish,
    _call_next,
    _away("step_away_action"),
    _away("lunch_action"),
    _lock,
    _idle,
    _close_desk,
    _language_change,
    _restore,
]


@pytest.mark.parametrize("state", STATES, ids=lambda f: f.__name__[1:])
@pytest.mark.parametrize("trigger", TRIGGERS, ids=lambda f: f.__name__[1:])
def test_no_trace_of_the_client_after_any_trigger_in_any_state(
    window, prompts, clock, qtbot, state, trigger
):
    client_id = the_client()
    serve(window, client_id, prompts)
    state(window, qtbot)
    assert _scan(window)  # the scan sees the client before the trigger
    trigger(window, prompts, clock)
    assert _scan(window) == []
    # Nothing typed was written without the manager's Save.
    assert clients.get_client(client_id).draft.occupation == ""


# ---------------------------------------------------------------- open dialogs


def _open_sale(window, prompts, run):
    prompts.answer("dialog", run)
    from wealthdesk.ui.client_screen.sales_tab import SalesTab

    (tab,) = [t for t in window.service_page.client_tabs if isinstance(t, SalesTab)]
    tab.record_button.click()


def _open_survey(window, prompts, run):
    prompts.answer("dialog", run)
    window.open_waiting_survey(window.session.current)


def _open_checklist(window, prompts, run):
    prompts.answer("dialog", run)
    window.session.finish_action.trigger()


def _open_settings(window, prompts, run):
    prompts.answer("dialog", run)
    window.open_settings()


DIALOGS = [_open_sale, _open_survey, _open_checklist, _open_settings]


@pytest.mark.parametrize("trigger", [_lock, _idle], ids=["lock", "idle"])
@pytest.mark.parametrize("opener", DIALOGS, ids=lambda f: f.__name__[6:])
def test_the_lock_closes_and_empties_an_open_dialog(window, prompts, clock, qtbot, opener, trigger):
    client_id = the_client()
    serve(window, client_id, prompts)
    seen = []

    def run(dialog) -> int:
        dialog.setModal(True)
        dialog.show()
        seen.append(type(dialog).__name__)
        trigger(window, prompts, clock)  # the lock comes while the dialog is open
        assert not dialog.isVisible()
        return dialog.result()

    opener(window, prompts, run)
    assert seen, "the dialog was not opened"
    assert window.locked
    assert _scan(window) == []
    assert window.session.current.state is VisitState.SERVING  # nothing was finished


# ---------------------------------------------------------------- X11's selection

XCB_SCRIPT = r"""
import argparse, sys
from PySide6.QtGui import QClipboard, QGuiApplication
from wealthdesk.db.connection import sqlite_url
from wealthdesk.domain.client import ClientDraft
from wealthdesk.services import clients, queue
from wealthdesk.ui import application, interaction

interaction.ask_unsaved = lambda parent: interaction.UnsavedChoice.DISCARD
application.create_application()
args = argparse.Namespace(db=sqlite_url(sys.argv[1]), lang="zh_CN", desk="1")
window = application.open_window(args)
client = clients.create_client(ClientDraft(name="钱多多", mobile="13912345678"), "t")
queue.check_in(queue.CheckIn(client_id=client.id), "t")
window.queue_page.refresh()
window.session.call_next_action.trigger()
form = window.service_page.form
form.reveal("mobile")
clipboard = QGuiApplication.clipboard()
assert clipboard.supportsSelection(), "no X11 selection"
form.mobile.setSelection(0, 11)  # selecting the text is what puts it in the selection
clipboard.setText(form.mobile.selectedText(), QClipboard.Mode.Selection)
QGuiApplication.processEvents()
assert clipboard.text(QClipboard.Mode.Selection) == "13912345678"
form.occupation.setText("退休A")  # an unsaved edit
window.lock()
QGuiApplication.processEvents()
left = clipboard.text(QClipboard.Mode.Selection)
print("SELECTION:" + repr(left))
window.locked = False
window.close()
sys.exit(0 if "13912345678" not in left else 3)
"""


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs xvfb-run (apt xvfb)")
def test_the_x11_selection_is_cleared_at_the_lock(tmp_path, private_settings):
    from wealthdesk import db
    from wealthdesk.db.connection import sqlite_url

    store = tmp_path / "x11.sqlite3"
    db.connect(sqlite_url(store), tmp_path / "backups")
    db.close()
    script = tmp_path / "x11_selection.py"
    script.write_text(XCB_SCRIPT, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "HOME": str(private_settings)}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2])
    result = subprocess.run(
        ["xvfb-run", "-a", sys.executable, str(script), str(store)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SELECTION:''" in result.stdout
