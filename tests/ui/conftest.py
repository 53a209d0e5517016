"""UI test set-up: prompts answered headlessly, a real main window on a real database."""

from __future__ import annotations

import argparse

import pytest

from wealthdesk.ui import interaction


class Prompts:
    """Records every prompt; answers from queues the test fills, fails on a surprise."""

    def __init__(self):
        self.shown: list[tuple[str, str, str]] = []
        self.answers: dict[str, list] = {}

    def answer(self, kind: str, *values) -> None:
        self.answers.setdefault(kind, []).extend(values)

    def _next(self, kind: str, title: str, text: str):
        self.shown.append((kind, title, text))
        queue = self.answers.get(kind)
        if not queue:
            raise AssertionError(f"unexpected {kind} prompt: {title!r}: {text!r}")
        return queue.pop(0)

    def kinds(self) -> list[str]:
        return [kind for kind, _t, _x in self.shown]


@pytest.fixture(autouse=True)
def empty_clipboard(qapp):
    """Each test starts with nothing on the clipboard: a text an earlier test copied
    (a care message with a client's name, say) is not this test's trace."""
    from PySide6.QtGui import QClipboard, QGuiApplication

    clipboard = QGuiApplication.clipboard()
    clipboard.clear(QClipboard.Mode.Clipboard)
    if clipboard.supportsSelection():
        clipboard.clear(QClipboard.Mode.Selection)


@pytest.fixture(autouse=True)
def silent_display(monkeypatch):
    """The waiting-room displays the tests open say nothing through a real sound card on
    a developer's machine: as if it had no sound output (a test that listens renders the
    calls to WAV files, which needs none)."""
    from wealthdesk.services import speech

    monkeypatch.setattr(speech, "audio_problem", lambda *a, **k: "no sound in the tests")


@pytest.fixture
def prompts(monkeypatch) -> Prompts:
    recorder = Prompts()

    def message(kind):
        def show(parent, title, text, details=""):
            recorder.shown.append((kind, title, text))

        return show

    monkeypatch.setattr(interaction, "info", message("info"))
    monkeypatch.setattr(interaction, "warn", message("warn"))
    monkeypatch.setattr(interaction, "error", message("error"))
    monkeypatch.setattr(
        interaction,
        "confirm",
        lambda p, title, text, ok_text="": recorder._next("confirm", title, text),
    )
    monkeypatch.setattr(
        interaction,
        "choose",
        lambda p, title, text, options: recorder._next("choose", title, text),
    )
    monkeypatch.setattr(interaction, "ask_unsaved", lambda p: recorder._next("unsaved", "", ""))
    monkeypatch.setattr(
        interaction,
        "choose_open_file",
        lambda p, title, folder, filters: recorder._next("open_file", title, ""),
    )
    monkeypatch.setattr(
        interaction,
        "choose_save_file",
        lambda p, title, suggested, filters: recorder._next("save_file", title, ""),
    )
    monkeypatch.setattr(
        interaction,
        "choose_folder",
        lambda p, title, folder: recorder._next("folder", title, folder),
    )

    def choose_printer(parent, printer, title):
        # An answer is a bool, or a callable that sets the printer up (a PDF file) first.
        answer = recorder._next("print", title, printer.printerName())
        return answer(printer) if callable(answer) else answer

    monkeypatch.setattr(interaction, "choose_printer", choose_printer)

    def run_dialog(dialog):
        recorder.shown.append(("dialog", type(dialog).__name__, ""))
        recorder.dialogs.append(dialog)
        handler = recorder.answers.get("dialog")
        if handler:
            return handler.pop(0)(dialog)
        return 0

    recorder.dialogs = []
    monkeypatch.setattr(interaction, "run_dialog", run_dialog)
    return recorder


@pytest.fixture
def language(qapp):
    """Start each UI test in Simplified Chinese (the default) and restore it after."""
    from wealthdesk import i18n

    i18n.install_language("zh_CN")
    yield i18n
    i18n.install_language("zh_CN")


@pytest.fixture
def main_window(qtbot, store, prompts, language):
    from wealthdesk.db.connection import sqlite_url
    from wealthdesk.ui import application

    args = argparse.Namespace(db=sqlite_url(store), lang="zh_CN", desk="1")
    window = application.open_window(args)
    assert window is not None
    # Not qtbot.addWidget: pytest-qt would close the window before this fixture's
    # teardown, and a test that ends with unsaved edits would then be asked about them.
    yield window
    dispose(window)


def dispose(window) -> None:
    """Close a window and delete it now: a window left for a later event loop keeps its
    timers and application-wide event filters running into the next tests."""
    from PySide6.QtCore import QCoreApplication, QEvent

    for form in (window.clients_page._form, window.service_page._form):
        if form is not None:
            form.clear()
    if window.locked:
        window.locked = False  # a locked window refuses to close
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def dialogs_left(widget) -> list:
    """The dialogs still alive below *widget* once the deletions waiting for the event
    loop are done: a dialog kept after use piles up there, one a use, all day."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QDialog

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return widget.findChildren(QDialog)


@pytest.fixture
def type_text(qtbot):
    """``type_text(widget, text)``: keys for ASCII, an input-method commit for Chinese
    (QTest cannot synthesise key events for characters outside ASCII), as an IME does."""
    return lambda widget, text: _type_text(qtbot, widget, text)


def _type_text(qtbot, widget, text: str) -> None:
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    for chunk in _chunks(text):
        if chunk.isascii():
            qtbot.keyClicks(widget, chunk)
        else:
            event = QInputMethodEvent()
            event.setCommitString(chunk)
            QApplication.sendEvent(widget, event)


def _chunks(text: str) -> list[str]:
    chunks: list[str] = []
    for ch in text:
        if chunks and chunks[-1].isascii() == ch.isascii():
            chunks[-1] += ch
        else:
            chunks.append(ch)
    return chunks


@pytest.fixture
def appointments_window(clock, main_window, language, qtbot):
    """The main window in English on the Appointments page."""
    language.install_language("en")
    queue = [key for key, _i, _p in main_window.pages].index("queue")
    qtbot.waitUntil(lambda: main_window.nav_buttons[queue].text() == "Queue")
    main_window.go_to_key("appointments")
    return main_window
