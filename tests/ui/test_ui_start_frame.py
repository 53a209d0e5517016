"""The window's start in two steps (issue 22): the frame is on the screen before the
database is opened, shows nothing of any client and takes no command; the desk opens
behind it, where the lock still comes before any page is shown."""

from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import dispose
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel, QWidget

from wealthdesk import local_settings
from wealthdesk.db.connection import sqlite_url
from wealthdesk.domain.client import ClientDraft
from wealthdesk.services import clients as client_service
from wealthdesk.services import desk_presence
from wealthdesk.ui import application

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def start(qtbot, store, prompts, language):
    """A WindowStart on the test's database; its window closed at the end."""
    starts = []

    def make(**options):
        args = argparse.Namespace(db=sqlite_url(store), lang="en", desk="1", role="desk")
        vars(args).update(options)
        started = application.WindowStart(args)
        starts.append(started)
        return started

    yield make
    for started in starts:
        if started.frame is not None:
            with contextlib.suppress(RuntimeError):  # deleted already
                dispose(started.frame)


def test_the_frame_is_shown_before_the_database_and_takes_no_command(start, store, qtbot):
    client_service.create_client(ClientDraft(name="张三丰", mobile="13800138000"), "test")
    started = start()
    frame = started.show_frame()
    qtbot.waitExposed(frame)
    assert frame.isVisible() and frame.desk is None
    assert frame.opening.isVisible() and frame.opening.text() == "Opening the desk…"
    assert not frame.nav.isEnabled()
    assert all(not action.isEnabled() for action in frame.actions())
    assert frame.pages.built_pages() == []  # no page, no client list
    shown = [label.text() for label in frame.findChildren(QLabel)] + [frame.windowTitle()]
    assert not any("张三丰" in text for text in shown)

    window = started.open()
    assert window is frame and window.desk is not None
    assert not window.opening.isVisible() and window.stack.isVisible()
    assert window.nav.isEnabled() and window.import_action.isEnabled()
    assert window.pages.built_page("queue") is not None
    assert window.session.call_next_action in window.queue_menu.actions()


def test_a_locked_desk_opens_behind_the_lock(start, qtbot):
    local_settings.set_state(local_settings.LOCKED, True)
    started = start()
    frame = started.show_frame()
    qtbot.waitExposed(frame)
    window = started.open()
    assert window.locked
    assert window.screens.currentWidget() is window.lock_screen
    assert not window.menuBar().isVisible()


def test_a_desk_held_by_another_pc_closes_the_frame(start, qtbot, prompts):
    desk_presence.claim("1", host="PC-OTHER", pid=4242)  # running at another PC
    started = start()
    frame = started.show_frame()
    opened = started.open()
    started.frame = None  # closed and deleted by the start
    assert opened is None
    assert prompts.kinds() == ["warn"]  # said why, naming the other PC
    assert "PC-OTHER" in prompts.shown[0][2]
    assert not frame.isVisible()


def test_the_desk_opens_once_the_frame_has_been_exposed(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    seen = []
    application.when_on_screen(widget, lambda: seen.append(widget.windowHandle().isExposed()))
    assert seen == []  # not before the window is on the screen
    widget.show()
    qtbot.waitUntil(lambda: seen != [])
    assert seen == [True]
    qtbot.wait(600)  # the fallback timer does not call it twice
    assert seen == [True]


def test_a_window_never_exposed_still_opens_the_desk(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    seen = []
    application.when_on_screen(widget, lambda: seen.append(True), wait_ms=50)
    qtbot.waitUntil(lambda: seen == [True], timeout=2000)


def _run(home: Path, database: Path, exit_after: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "WEALTHDESK_"))}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", WEALTHDESK_EXIT_AFTER_SHOW=exit_after)
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", sqlite_url(database)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=home,
    )


def test_the_frame_alone_opens_no_database_and_the_full_start_does(tmp_path):
    """What the start-up benchmark times as "shown" is the frame, before any database:
    it neither creates nor opens the file; the full start does both."""
    database = tmp_path / "desk.sqlite3"
    framed = _run(tmp_path, database, "frame")
    assert framed.returncode == 0, framed.stderr[-2000:]
    assert not database.exists()
    ready = _run(tmp_path, database, "1")
    assert ready.returncode == 0, ready.stderr[-2000:]
    assert database.exists()
    logs = list(tmp_path.rglob("wealthdesk.log"))
    assert logs and "starting" in logs[0].read_text(encoding="utf-8")


class _WindowsShown(QObject):
    """Every widget shown as a window of its own while installed."""

    def __init__(self):
        super().__init__()
        self.shown: list[str] = []

    def eventFilter(self, watched, event):
        shown = event.type() == QEvent.Type.Show
        if shown and isinstance(watched, QWidget) and watched.isWindow():
            self.shown.append(f"{type(watched).__name__} {watched.objectName()!r}")
        return False


def test_building_every_page_shows_no_stray_window(start, qtbot, qapp):
    """A widget made visible before it has a parent flashes up as a window of its own
    (and takes the activation from the desk's window): the Today page's calendar notice
    did so with its Hide button, so that Ctrl+S reached nothing after the start."""
    started = start()
    frame = started.show_frame()
    qtbot.waitExposed(frame)
    watcher = _WindowsShown()
    qapp.installEventFilter(watcher)
    try:
        window = started.open()
        for _key, _icon, _holder in window.pages:  # every page built
            pass
        qapp.processEvents()
    finally:
        qapp.removeEventFilter(watcher)
    assert watcher.shown == []
    assert window.isActiveWindow()


def test_a_desk_that_fails_to_open_closes_its_frame_quietly(start, qtbot, monkeypatch):
    """Something unexpected while the desk opens: the start says so through the crash
    hook (run_gui), and the half-opened frame closes without a second failure."""
    from wealthdesk.ui.main_window import MainWindow

    def broken(self):
        raise RuntimeError("the first page could not be built")

    monkeypatch.setattr(MainWindow, "_go_to_last_page", broken)
    started = start()
    frame = started.show_frame()
    with pytest.raises(RuntimeError):
        started.open()
    started.frame = None  # closed and deleted by the start
    assert not frame.isVisible() and not frame.opened
