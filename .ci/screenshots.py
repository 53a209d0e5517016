"""Make the README's screenshots: run under Xvfb (``xvfb-run -a python .ci/screenshots.py``).

Builds a demo database in a temporary folder, opens the real window and dialogs, and
saves ``QWidget.grab()`` images to ``resources/screenshots/``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "screenshots")
    parser.add_argument("--lang", default="zh_CN")
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="wealthdesk-shots-"))
    os.environ["HOME"] = str(home)
    os.environ["XDG_CONFIG_HOME"] = str(home / "config")
    os.environ["XDG_DATA_HOME"] = str(home / "data")
    os.environ["XDG_STATE_HOME"] = str(home / "state")

    from PySide6.QtCore import QTimer

    from wealthdesk import i18n
    from wealthdesk.db.connection import sqlite_url
    from wealthdesk.ui import application
    from wealthdesk.ui.desk.welcome_dialog import WelcomeDialog
    from wealthdesk.ui.settings_dialog import SettingsDialog

    app = application.create_application()
    db_path = home / "demo.sqlite3"
    ns = argparse.Namespace(db=sqlite_url(db_path), lang=args.lang, desk="2")
    window = application.open_window(ns)
    assert window is not None
    args.out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.lang == "zh_CN" else f"-{args.lang}"

    def settle() -> None:
        for _ in range(5):
            app.processEvents()

    def shoot(widget, name: str) -> None:
        settle()
        path = args.out / f"{name}{suffix}.png"
        widget.grab().save(str(path))
        print("wrote", path)

    welcome = WelcomeDialog(window)
    welcome.show()
    shoot(welcome, "welcome")
    welcome.close()

    from wealthdesk.services import settings as settings_service

    settings_service.save(
        {
            "branch_name": "杭州西湖支行" if args.lang == "zh_CN" else "Xihu Branch",
            "manager_name": "王晓东" if args.lang == "zh_CN" else "Wang Xiaodong",
            "desk_phone": "0571-88886666",
        },
        "2",
        "screenshots",
    )
    window.desk.reload()
    window.load_demo_data()
    window.retranslate()
    window.resize(1366, 768)
    window.go_to_key("clients")
    window.clients_page.run_search()
    window.clients_page.open_client(window.clients_page.model.row_at(3).id)
    shoot(window, "clients")

    window.clients_page.search.setText("zw")
    window.clients_page.run_search()
    if window.clients_page.model.rowCount():
        window.clients_page.open_client(window.clients_page.model.row_at(0).id)
    form = window.clients_page.form
    form.reveal("mobile")
    form.id_number.setReadOnly(False)
    shoot(window, "clients-search")

    window.clients_page.new_client()
    form.name.setText("李娜")
    form.id_number.setText("110105194912310021")
    form.mobile.setText("1381234567")
    shoot(window, "client-validation")
    form.clear()

    # The queue with today's demo visitors, a visitor called and served, the checklist,
    # stepping away and the lock.
    from wealthdesk.domain.desk import DeskState
    from wealthdesk.ui.desk.away_dialog import AwayDialog
    from wealthdesk.ui.queue.finish_dialog import FinishDialog

    window.go_to_key("queue")
    window.queue_page.refresh()
    window.queue_page.check_in_search.setText("zw")
    window.queue_page.search_clients()
    shoot(window, "queue")
    window.queue_page.reset_check_in()
    window.session.call_next_action.trigger()
    window.session.start_action.trigger()
    shoot(window, "service")
    tabs = window.service_page.record_tabs
    for tab, name in zip(
        window.service_page.client_tabs,
        ("holdings", "risk", "sales", "plan", "identity"),
        strict=True,
    ):
        tabs.setCurrentWidget(tab)
        shoot(window, f"service-{name}")
    tabs.setCurrentIndex(0)
    window.go_to_key("queue")
    window.queue_page.check_in_search.setText("访客")
    window.queue_page.check_in_new_visitor()
    shoot(window, "queue-serving")
    finish = FinishDialog(window.session.current.ticket, 18, window)
    finish.checks[next(iter(finish.checks))].setChecked(True)
    finish.show()
    shoot(finish, "finish")
    finish.close()
    from wealthdesk.domain.notice import NoticeKind
    from wealthdesk.services import notices
    from wealthdesk.ui.notices.notice_dialog import NoticeDialog

    away = AwayDialog(
        DeskState.AWAY,
        "15:30",
        window,
        notice_for=lambda until: notices.draft_for_desk_state(DeskState.AWAY, "2", until),
        actor="screenshots",
        desk="2",
    )
    away.show()
    shoot(away, "away")
    away.close()
    lunch = notices.draft_for(NoticeKind.LUNCH, "2", english=True)
    notice = NoticeDialog(lunch, "screenshots", "2", window)
    notice.show()
    shoot(notice, "notice")
    notice.close()
    window.lock()
    shoot(window, "lock")
    window.unlock()

    window.go_to_key("appointments")
    page = window.appointments_page
    page.step_day(+1)  # the next working day has the demo's bookings
    page.refresh()
    page.table.selectRow(0)
    shoot(window, "appointments")
    page.set_view("day")
    shoot(window, "appointments-day")
    page.set_view("week")
    shoot(window, "appointments-week")
    page.set_view("list")
    from wealthdesk.ui.pdf_preview import preview_pdf_file

    day = page.current_date()
    preview = preview_pdf_file(window, "Agenda", page.agenda_writer(day), "agenda.pdf")
    preview.show()
    shoot(preview, "agenda-preview")
    preview.reject()

    from wealthdesk.services import queue as queue_service
    from wealthdesk.ui.branch.display_window import DisplayWindow
    from wealthdesk.ui.branch.lobby_window import LobbyWindow
    from wealthdesk.ui.desk.context import DeskContext

    queue_service.call_next("3", "screenshots")
    board = DisplayWindow("杭州西湖支行" if args.lang == "zh_CN" else "Xihu Branch")
    board.resize(1280, 720)
    board.show()
    queue_service.call_next("1", "screenshots")
    board.refresh()
    board._flash.stop()
    board._flash_step()  # caught mid-flash would depend on timing: shown steady
    shoot(board, "display")
    board.close()
    lobby = LobbyWindow(DeskContext(desk="lobby", database=window.desk.database))
    lobby.resize(1366, 768)
    lobby.show()
    shoot(lobby, "lobby")
    lobby.close()

    window.queue_page.refresh()  # the calls above went through the services directly
    window.go_to_key("today")
    window.today_page.refresh()
    shoot(window, "today")
    window.go_to_key("products")
    shoot(window, "products")
    window.go_to_key("dayclose")
    window.day_close_page.refresh()
    shoot(window, "dayclose")

    dialog = SettingsDialog(window.desk.desk, window.desk.settings, window, "screenshots")
    dialog.show()
    shoot(dialog, "settings")
    dialog.close()
    i18n.translate("x", "x")
    QTimer.singleShot(0, app.quit)
    app.exec()
    return 0


if __name__ == "__main__":
    sys.exit(main())
