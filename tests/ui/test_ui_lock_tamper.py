"""The lock cannot be undone by editing local files (issue 18): the real window on a
real database, restarted as a manager (or someone at their desk) would restart it."""

from __future__ import annotations

import argparse
import contextlib

import pytest
from conftest import dispose
from PySide6.QtCore import Qt

from wealthdesk import local_settings
from wealthdesk.db.models import Setting
from wealthdesk.domain.audit import AuditAction
from wealthdesk.domain.pin import hash_pin
from wealthdesk.services import audit
from wealthdesk.services import desk as desk_service
from wealthdesk.services import settings as settings_service

PIN = "246813"
LIGHT_HASH = hash_pin(PIN, n=2**10, p=1)  # the lock is tested here, not the cost


@pytest.fixture
def open_window(qtbot, store, prompts, language, clock):
    """``open_window()``: the desk's window on the test's database, as a start of the
    program makes it; each is closed at the end."""
    from wealthdesk.db.connection import sqlite_url
    from wealthdesk.ui import application

    windows = []

    def start():
        window = application.open_window(
            argparse.Namespace(db=sqlite_url(store), lang="en", desk="1")
        )
        assert window is not None
        windows.append(window)
        return window

    yield start
    for window in windows:
        with contextlib.suppress(RuntimeError):  # deleted already
            dispose(window)


def restart(window, open_window):
    dispose(window)
    return open_window()


def actions() -> list:
    return [entry.action for entry in audit.entries()]


def enter(qtbot, window, pin: str) -> None:
    field = window.lock_screen.pin_field
    field.setText(pin)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def with_pin(open_window):
    settings_service.save({"pin_hash": LIGHT_HASH}, "1", "setup")
    return open_window()


def test_editing_the_ini_to_unlocked_still_opens_the_window_locked(open_window):
    window = with_pin(open_window)
    window.lock()
    assert desk_service.lock_state("1").locked
    assert AuditAction.DESK_LOCKED in actions()
    dispose(window)
    local_settings.set_state(local_settings.LOCKED, False)  # locked=true → false
    local_settings.qsettings().sync()

    window = open_window()
    assert window.locked
    assert window.screens.currentWidget() is window.lock_screen
    assert window.lock_screen.pin_field.isVisible()


def test_the_right_pin_unlocks_the_desk_in_the_database_too(open_window, qtbot):
    window = with_pin(open_window)
    window.lock()
    enter(qtbot, window, PIN)
    assert not window.locked
    assert desk_service.lock_state("1") == desk_service.LockState("1", False, 0, True)
    window = restart(window, open_window)
    assert not window.locked


def test_wrong_pins_are_counted_with_the_desk_and_a_restart_does_not_cut_the_wait(
    open_window, qtbot
):
    window = with_pin(open_window)
    window.lock()
    for _ in range(3):
        enter(qtbot, window, "135790")
    assert desk_service.lock_state("1").pin_failures == 3
    assert actions()[:3] == [AuditAction.DESK_PIN_WRONG] * 3
    assert not window.lock_screen.pin_field.isEnabled()  # the third starts the waits
    # Nothing about the lock is left in this PC's settings file to edit.
    keys = local_settings.qsettings().allKeys()
    assert not [k for k in keys if "fail" in k.lower()]

    window = restart(window, open_window)
    assert window.locked
    enter(qtbot, window, PIN)  # the right PIN, but the wait restarted in full
    assert window.locked
    assert "try again" in window.lock_screen.message_label.text()


def test_a_pin_removed_while_locked_keeps_the_lock_and_says_to_ask_the_branch(open_window, qtbot):
    window = with_pin(open_window)
    window.lock()
    dispose(window)
    Setting.delete().where(Setting.key == "desk:1:pin_hash").execute()  # the PIN row

    window = open_window()
    lock = window.lock_screen
    assert window.locked
    assert lock.removed_label.isVisible()
    assert "removed" in lock.removed_label.text()
    assert "reset-pin --desk 1" in lock.removed_label.text()
    assert not lock.pin_field.isVisible()
    assert not lock.continue_button.isVisible()  # not "no PIN: anyone can open it"
    assert not lock.no_pin_label.isVisible()
    qtbot.keyClick(lock, Qt.Key.Key_Return)
    assert not lock.try_unlock()
    assert window.locked
    assert AuditAction.DESK_PIN_MISSING in actions()

    # The branch resets the PIN (wealthdesk desk reset-pin): the lock takes it at its
    # next tick, and only the new PIN opens it.
    desk_service.reset_pin("1", hash_pin("907531", n=2**10, p=1), "cli:admin")
    lock._tick()
    assert lock.pin_field.isVisible() and not lock.removed_label.isVisible()
    enter(qtbot, window, PIN)
    assert window.locked
    enter(qtbot, window, "907531")
    assert not window.locked
    assert AuditAction.DESK_PIN_RESET in actions()


def test_a_pin_removed_while_the_window_stays_locked_shows_at_the_next_tick(open_window, qtbot):
    window = with_pin(open_window)
    window.lock()
    Setting.delete().where(Setting.key == "desk:1:pin_hash").execute()
    window.lock_screen._clock_timer.timeout.emit()
    assert window.lock_screen.removed_label.isVisible()
    assert not window.lock_screen.pin_field.isVisible()
    enter(qtbot, window, PIN)  # typed before the tick would have come: still refused
    assert window.locked
    assert actions().count(AuditAction.DESK_PIN_MISSING) == 1


def test_a_pin_removed_while_unlocked_is_tampering_at_the_next_lock(open_window, qtbot):
    window = with_pin(open_window)
    Setting.delete().where(Setting.key == "desk:1:pin_hash").execute()
    window.desk.reload()
    window.lock()
    assert window.lock_screen.removed_label.isVisible()
    qtbot.keyClick(window.lock_screen, Qt.Key.Key_Return)
    assert window.locked


def test_a_desk_that_never_had_a_pin_still_continues(open_window, qtbot):
    window = open_window()
    window.lock()
    assert window.lock_screen.continue_button.isVisible()
    assert not window.lock_screen.removed_label.isVisible()
    qtbot.mouseClick(window.lock_screen.continue_button, Qt.MouseButton.LeftButton)
    assert not window.locked
