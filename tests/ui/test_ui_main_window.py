"""The main window's frame: first start, settings, remembered geometry, errors."""

from __future__ import annotations

import argparse
import logging

from PySide6.QtWidgets import QDialog

from wealthdesk.db.connection import sqlite_url
from wealthdesk.services import clients
from wealthdesk.services import settings as settings_service
from wealthdesk.ui import application
from wealthdesk.ui.desk.welcome_dialog import WelcomeChoice
from wealthdesk.ui.settings_dialog import SettingsDialog


def _choose(choice: WelcomeChoice):
    def answer(dialog) -> int:
        dialog._choose(choice)
        return QDialog.DialogCode.Accepted

    return answer


def test_first_start_offers_demo_data_and_remembers_the_choice(main_window, prompts):
    assert main_window.needs_welcome()
    prompts.answer("dialog", _choose(WelcomeChoice.DEMO))
    main_window.show_welcome()
    assert clients.count_clients() == 300
    main_window.go_to_key("clients")  # the book is read when its page is shown
    assert main_window.clients_page.model.total == 300
    assert not main_window.needs_welcome()


def test_starting_empty_is_remembered_even_with_no_clients(main_window, prompts):
    prompts.answer("dialog", _choose(WelcomeChoice.EMPTY))
    main_window.show_welcome()
    assert clients.count_clients() == 0
    main_window.desk.reload()
    assert not main_window.needs_welcome()


def test_settings_dialog_refuses_an_impossible_office_day_and_saves_nothing(main_window, qtbot):
    dialog = SettingsDialog("1", main_window.desk.settings, main_window, "test")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_value("branch_name", "西湖支行")
    dialog.set_value("lunch_start", "15:00")  # after lunch ends at 14:00
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog._errors["lunch_end"].isVisible()
    assert "午休" in dialog._errors["lunch_end"].text()
    assert settings_service.load("1")["branch_name"] == ""

    dialog.set_value("lunch_start", "12:00")
    dialog.set_value("desk_phone", "0571-88886666")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert settings_service.load("1")["branch_name"] == "西湖支行"


def _settings(**values):
    """An answer for the settings dialog: type *values* in, then press OK."""

    def fill(dialog) -> int:
        for key, value in values.items():
            dialog.set_value(key, value)
        dialog.accept()
        return dialog.result()

    return fill


def test_settings_change_the_window_title_and_status_bar(main_window, prompts):
    prompts.answer("dialog", _settings(branch_name="西湖支行", manager_name="王晓东"))
    main_window.open_settings()
    assert "西湖支行" in main_window.windowTitle()
    assert "王晓东" in main_window.manager_label.text()


def test_switching_language_in_settings_translates_the_window(main_window, prompts, language):
    prompts.answer("dialog", _settings(language="en"))
    main_window.open_settings()
    assert clients_button(main_window).text() == "Clients"
    assert main_window.file_menu.title() == "&File"


def test_window_geometry_and_page_are_remembered(qtbot, store, prompts, language):
    args = argparse.Namespace(db=sqlite_url(store), lang="zh_CN", desk="1")
    first = application.open_window(args)
    qtbot.addWidget(first)
    # The offscreen screen is 800 wide: the window at its least width, which fits it with
    # its frame (a wider one is narrowed to the screen when restored), and not as tall.
    least = first.minimumSizeHint()
    size = (least.width(), max(least.height(), 600))
    assert first.isMaximized()  # the first start fills the screen
    first.showNormal()  # the manager makes it a window of its own size
    first.resize(*size)
    assert (first.width(), first.height()) == size
    assert size[1] <= 728  # still fits a 1366×768 screen with its taskbar
    first.go_to_key("appointments")
    first.close()
    second = application.open_window(args)
    qtbot.addWidget(second)
    assert second.current_page_key() == "appointments"  # both written in one go
    # Its pages are built as they are shown: the window's least size holds once laid out.
    qtbot.waitUntil(lambda: (second.size().width(), second.size().height()) == size)
    second.close()


def test_a_file_that_is_not_a_database_gets_one_message_and_stays_untouched(
    qtbot, tmp_path, prompts, language
):
    bogus = tmp_path / "clients.sqlite3"
    bogus.write_bytes(b"these are not the clients you are looking for\n" * 10)
    before = bogus.read_bytes()
    window = application.open_window(
        argparse.Namespace(db=sqlite_url(bogus), lang="zh_CN", desk="1")
    )
    assert window is None
    assert [kind for kind, _t, _x in prompts.shown] == ["error"]
    assert "不是 WealthDesk 数据库" in prompts.shown[0][2]
    assert bogus.read_bytes() == before


def test_unexpected_errors_are_logged_and_shown_once_with_the_log_path(
    qapp, tmp_path, prompts, monkeypatch
):
    import sys

    from wealthdesk.logging_setup import setup_logging

    log_path = setup_logging(tmp_path / "logs")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    application.install_exception_hook(log_path)
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "boom in a slot" in log_path.read_text(encoding="utf-8")
    assert [kind for kind, _t, _x in prompts.shown] == ["error"]
    assert str(log_path) in prompts.shown[0][2]
    assert "boom" not in prompts.shown[0][2]  # details stay in the log


def test_a_new_desk_number_applies_at_once_with_its_own_settings(main_window, prompts):
    prompts.answer("dialog", _settings(desk_number="3", manager_name="李娜"))
    main_window.open_settings()
    assert main_window.desk.desk == "3"
    assert "3" in main_window.windowTitle()
    assert settings_service.load("3")["manager_name"] == "李娜"
    assert "李娜" in main_window.manager_label.text()


def test_demo_clients_can_be_removed_and_real_ones_stay(main_window, prompts):
    from wealthdesk.domain.client import ClientDraft
    from wealthdesk.services import demo

    demo.create_demo_clients(25, 7, "test")
    real = clients.create_client(ClientDraft(name="王芳"), "test")
    main_window.clients_page.run_search()
    prompts.answer("confirm", True)
    main_window.remove_demo_data()
    assert clients.count_clients() == 1
    assert clients.get_client(real.id).draft.name == "王芳"
    assert main_window.clients_page.model.total == 1
    main_window._update_demo_action()
    assert not main_window.remove_demo_action.isEnabled()


def clients_button(window):
    """The rail's Clients button, wherever the pages before it put it."""
    return window.nav_buttons[[key for key, _i, _p in window.pages].index("clients")]


def test_the_rail_has_every_page_in_the_working_day_s_order(main_window, language, qtbot):
    language.install_language("en")
    qtbot.waitUntil(lambda: main_window.nav_buttons[0].text() == "Today")
    keys = [key for key, _i, _p in main_window.pages]
    assert keys == [
        "today",
        "queue",
        "service",
        "appointments",
        "clients",
        "products",
        "dayclose",
    ]
    assert [b.text() for b in main_window.nav_buttons] == [
        "Today",
        "Queue",
        "Client",
        "Appointments",
        "Clients",
        "Products",
        "Day close",
    ]
    main_window.go_to_key("dayclose")
    assert main_window.day_close_page.isVisible()


def title_bar(window) -> str:
    """The title as the title bar and taskbar show it on X11 and Windows: Qt appends the
    application's display name after " — " unless the title already ends with it
    (QPlatformWindow::formatWindowTitle; under Xvfb _NET_WM_NAME read
    "WealthDesk — wealth-management desk 1 · 支行 — WealthDesk")."""
    from PySide6.QtGui import QGuiApplication

    name = QGuiApplication.applicationDisplayName()
    title = window.windowTitle()
    if not title or title.endswith(name):
        return title or name
    return f"{title} — {name}"


def test_the_title_bar_names_the_application_once(main_window, prompts, language):

    application.create_application()  # the display name, as the program sets it
    for lang in ("zh_CN", "en"):
        language.install_language(lang)
        main_window._update_title()
        assert title_bar(main_window).count("WealthDesk") == 1, title_bar(main_window)
