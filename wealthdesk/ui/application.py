"""Starting the window: Qt, logging, the crash dialog, language, style and the database."""

from __future__ import annotations

import logging
import sqlite3
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from .. import APP_NAME, ORG_NAME, __version__, i18n, local_settings
from ..assets import style_path
from ..db import StorageError, connect
from ..db.connection import uncaught_server_loss
from ..i18n import translate
from ..logging_setup import setup_logging
from ..paths import backup_dir, database_url, log_dir
from ..services.storage import reset_server_connection
from . import defs, interaction
from .desk.context import DeskContext
from .desk.restore import offer_recovery
from .icons import icon

if TYPE_CHECKING:
    import argparse

log = logging.getLogger(__name__)


def install_exception_hook(log_path: Path) -> None:
    """Log every unhandled exception and tell the user once, with the log's path.

    The dialog shows no traceback: exception texts may hold client data, the log is
    where the details go.
    """
    showing = False

    def hook(kind, value, tb) -> None:
        nonlocal showing
        if server_lost(value):
            # A refresh (or an action nobody wrapped) met the branch server gone: the
            # outage the status bar already says, not a crash. The next read reconnects.
            log.warning("branch server lost: %s", value.__class__.__name__)
            reset_server_connection()
            return
        if isinstance(value, StorageError) and QApplication.instance() is not None:
            # Expected trouble (a lock, a lost server): its own message, no alarm.
            log.warning("database failure: %s", value)
            interaction.explain(
                None, translate("Application", "The database is not available"), value
            )
            return
        log.critical(
            "unhandled exception:\n%s", "".join(traceback.format_exception(kind, value, tb))
        )
        if QApplication.instance() is None or showing:
            return
        showing = True
        try:
            interaction.error(
                None,
                translate("Application", "WealthDesk hit a problem"),
                translate(
                    "Application",
                    "Something went wrong that WealthDesk did not expect. What you saved is "
                    "safe; the last action may not have finished.\n\nThe details are in the "
                    "log file:\n{path}",
                ).format(path=str(log_path)),
            )
        finally:
            showing = False

    sys.excepthook = hook


def server_lost(value: BaseException) -> bool:
    """Whether an exception nobody caught is the branch server gone, not a fault of
    WealthDesk (the database layer tells)."""
    return uncaught_server_loss(value)


def apply_font(app: QApplication) -> None:
    """Readable at arm's length: at least the base point size, in the system's UI font."""
    font = app.font()
    if font.pointSizeF() < defs.BASE_POINT_SIZE:
        font.setPointSizeF(defs.BASE_POINT_SIZE)
        app.setFont(font)


def apply_style_sheet(app: QApplication) -> None:
    """Set the style sheet once the main window exists: with a sheet in place, every
    widget added to a layout is re-polished, which made building the window 3× slower."""
    try:
        sheet = style_path().read_text(encoding="utf-8")
    except OSError as exc:
        log.warning("cannot read the style sheet: %s", exc)
        return
    if app.styleSheet() != sheet:  # setting it again would re-polish every widget
        app.setStyleSheet(sheet)


def create_application() -> QApplication:
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationDisplayName("WealthDesk")
    app.setWindowIcon(icon("app"))
    apply_sort_arrows(app)
    return app


def apply_sort_arrows(app: QApplication) -> None:
    """Every table's sort arrow points the way its order goes (see SortArrowStyle)."""
    from .tables import SortArrowStyle

    if not isinstance(app.style(), SortArrowStyle):
        app.setStyle(SortArrowStyle())


def open_window(args: argparse.Namespace):
    """Everything up to a shown main window; None when the database cannot be used."""
    from .main_window import MainWindow

    i18n.install_language(args.lang or str(local_settings.get("language")))
    app = QApplication.instance()
    apply_font(app)
    url = database_url(args.db)
    while True:
        try:
            database = connect(url, backup_dir())
            break
        except StorageError as exc:
            log.error("cannot open the database: %s", exc)
            if not offer_recovery(url, exc):
                return None
    role = getattr(args, "role", "desk") or "desk"
    number = "lobby" if role == "lobby" else str(args.desk or local_settings.get("desk_number"))
    if database.is_sqlite:  # a restore elsewhere on this PC names this window and waits
        from ..db import presence

        presence.announce(database.path, role, number)
    desk = DeskContext(desk=number, database=database)
    desk.reload()
    if role == "display":
        from .branch.display_window import DisplayWindow

        window = DisplayWindow(str(desk.settings.get("branch_name") or ""))
        apply_style_sheet(app)
        window.showFullScreen()
        return _backed_up_later(window, database)
    if role == "lobby":
        from .branch.lobby_window import LobbyWindow

        window = LobbyWindow(desk)
        apply_style_sheet(app)
        window.show()
        return _backed_up_later(window, database)
    from .desk.desk_presence import claim_desk, keep_desk

    held = claim_desk(number)  # one desk number, one window: refused while another runs
    if held is None:
        return None
    window = MainWindow(desk)
    keep_desk(window, held)
    apply_style_sheet(app)
    window.show()
    return _backed_up_later(window, database)


def _backed_up_later(window, database):
    """The day's backup once the window is up (copying a large book must not hold it
    back); tied to the window, so a window closed before then backs up nothing late."""
    QTimer.singleShot(BACKUP_DELAY_MS, window, lambda: _daily_backup(database))
    return window


BACKUP_DELAY_MS = 3000


def _daily_backup(database) -> None:
    """This PC's database copied at the first start of each day (the last 14 kept); a
    backup that fails is logged and the day goes on."""
    if not database.is_sqlite:
        return
    from ..services import backup

    try:
        made = backup.daily_backup(backup_dir())
    except (backup.BackupRefused, OSError, sqlite3.Error) as exc:
        log.warning("the daily backup was not made: %s", exc)
        return
    if made is not None:
        log.info("daily backup: %s", made)


def run_gui(args: argparse.Namespace) -> int:
    from .main_window import exit_after_show_requested

    app = create_application()
    log_path = setup_logging(log_dir())
    install_exception_hook(log_path)
    log.info("WealthDesk %s starting", __version__)
    window = open_window(args)
    if window is None:
        return 1
    if exit_after_show_requested():
        QTimer.singleShot(0, app.quit)
    elif getattr(window, "needs_welcome", lambda: False)():
        QTimer.singleShot(0, window.show_welcome)
    return app.exec()
