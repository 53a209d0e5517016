"""Shortcuts and menu actions work where they are shown: Ctrl+S and Client → Save save
the client on screen (the client screen's form as well as the book's), and every menu
action that is enabled on a page does something the manager can see."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from test_ui_queue import serve, the_client, trigger

from wealthdesk.services import clients
from wealthdesk.ui import interaction


@pytest.fixture
def window(clock, main_window):
    main_window.go_to_key("queue")
    return main_window


def test_ctrl_s_saves_the_client_screen(window, prompts):
    client_id = the_client()
    serve(window, client_id, prompts)
    window.go_to_key("service")
    form = window.service_page.form
    form.occupation.setFocus()
    form.occupation.setText("退休教师")
    assert window.save_action.isEnabled()
    trigger(window, "Ctrl+S")
    assert clients.get_client(client_id).draft.occupation == "退休教师"
    assert not form.is_dirty()


def test_client_save_in_the_menu_saves_the_book_form(window, prompts):
    client_id = the_client()
    window.go_to_key("clients")
    window.clients_page.open_client(client_id)
    window.clients_page.form.occupation.setText("医生")
    window.save_action.trigger()
    assert clients.get_client(client_id).draft.occupation == "医生"


def test_save_is_disabled_where_no_client_is_open(window):
    for key in ("today", "queue", "appointments", "products", "dayclose"):
        window.go_to_key(key)
        assert not window.save_action.isEnabled(), key


def _menu_actions(window):
    for menu in (
        window.file_menu,
        window.queue_menu,
        window.desk_menu,
        window.clients_menu,
        window.view_menu,
        window.help_menu,
    ):
        menu.aboutToShow.emit()  # as opening the menu does
        for action in menu.actions():
            if not action.isSeparator():
                yield menu.title(), action


# Quitting closes the window the walk goes on in; it is tested with the close itself.
SKIPPED = {"quit_action"}


def test_every_enabled_menu_action_on_every_page_does_something(
    window, prompts, monkeypatch, qtbot
):
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    skipped = {getattr(window, name) for name in SKIPPED}
    client_id = the_client()
    silent: list[str] = []
    for page_index, (key, _icon, _page) in enumerate(window.pages):
        for title, action in _menu_actions(window):
            window.go_to_page(page_index)
            if key in ("clients", "service"):
                window.go_to_key("clients")
                window.clients_page.open_client(client_id)
                window.go_to_page(page_index)
            if action in skipped or not action.isEnabled():
                continue
            if action is window.page_actions[page_index]:
                continue  # the page it opens is open: nothing to change
            window.nav_buttons[page_index].setFocus()
            # Whatever it asks, the manager cancels.
            prompts.answers.clear()
            for kind, answer in (
                ("confirm", False),
                ("choose", ""),
                ("open_file", ""),
                ("save_file", ""),
                ("folder", ""),
                ("print", False),
                ("unsaved", interaction.UnsavedChoice.CANCEL),
                ("dialog", lambda dialog: 0),
            ):
                prompts.answer(kind, answer)
            before = (
                len(prompts.shown),
                window.statusBar().currentMessage(),
                window.current_page_key(),
                window.locked,
                window.focusWidget(),
                len(opened),
            )
            action.trigger()
            after = (
                len(prompts.shown),
                window.statusBar().currentMessage(),
                window.current_page_key(),
                window.locked,
                window.focusWidget(),
                len(opened),
            )
            if window.locked:
                window.lock_screen.unlocked.emit()
            if before == after:
                silent.append(f"{key}: {title} → {action.text()}")
    assert silent == [], "\n".join(silent)
