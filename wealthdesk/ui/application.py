"""Starting the window: Qt, logging, the crash dialog, language, style and the database."""

from __future__ import annotations

import logging
import sqlite3
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from .. import APP_NAME, ORG_NAME, __version__, i18n, local_settings
from ..assets import style_path
from ..i18n import translate
from ..logging_setup import LOG_NAME, setup_logging
from ..paths import backup_dir, database_url, log_dir
from . import defs
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
        from ..db.connection import StorageError
        from ..services.storage import reset_server_connection
        from . import interaction

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
    from ..db.connection import uncaught_server_loss

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
    return app


def apply_sort_arrows(app: QApplication) -> None:
    """Every table's sort arrow points the way its order goes (see SortArrowStyle)."""
    from .tables import SortArrowStyle

    if not isinstance(app.style(), SortArrowStyle):
        app.setStyle(SortArrowStyle())


def open_window(args: argparse.Namespace):
    """Everything up to a shown main window with its desk open; None when the database
    cannot be used or the desk is held elsewhere."""
    start = WindowStart(args)
    start.show_frame()
    return start.open()


class WindowStart:
    """The window's start in two steps: a desk's window frame is shown at once (the rail,
    the menus, "Opening the desk…"; nothing of any client), then the database is opened
    behind it, the desk claimed, its pages built and its day picked up. The lobby and the
    display open in one step."""

    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.role = getattr(args, "role", "desk") or "desk"
        self.frame = None

    def show_frame(self):
        """The desk's window frame, shown (None for the lobby and the display)."""
        i18n.install_language(self.args.lang or str(local_settings.get("language")))
        apply_font(QApplication.instance())
        if self.role != "desk":
            return None
        from .main_window import MainWindow

        self.frame = MainWindow()
        apply_style_sheet(QApplication.instance())
        self.frame.show()
        return self.frame

    def open(self):
        """The database, the desk and its window; None (the frame closed) when it
        cannot be used."""
        window = None
        try:
            window = self._open()
        finally:
            if window is None and self.frame is not None:
                self.frame.close()
                self.frame.deleteLater()
        return window

    def _open(self):
        from ..db import StorageError, connect
        from .desk.context import DeskContext
        from .desk.restore import offer_recovery

        app = QApplication.instance()
        apply_sort_arrows(app)  # before the first table is built
        url = database_url(self.args.db)
        while True:
            try:
                database = connect(url, backup_dir())
                break
            except StorageError as exc:
                log.error("cannot open the database: %s", exc)
                if not offer_recovery(url, exc):
                    return None
        role = self.role
        desk_number = self.args.desk or local_settings.get("desk_number")
        number = "lobby" if role == "lobby" else str(desk_number)
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

        # One desk number, one window: refused while another runs.
        held = claim_desk(number, self.frame)
        if held is None:
            return None
        window = self.frame
        window.open_desk(desk)
        keep_desk(window, held)
        return _backed_up_later(window, database)


def when_on_screen(window, then, wait_ms: int = 500) -> None:
    """Call *then* once *window* has been exposed and painted (its first frame is on the
    screen), or after *wait_ms* if the platform never says so (a minimised start)."""
    handle = window.windowHandle()
    done = False

    def go() -> None:
        nonlocal done
        if done:
            return
        done = True
        if handle is not None:
            handle.removeEventFilter(watcher)
        then()

    class Watcher(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Expose and handle.isExposed():
                # After this event is handled, the frame is painted: then go on.
                QTimer.singleShot(0, go)
            return False

    watcher = Watcher(window)
    if handle is not None and handle.isExposed():
        QTimer.singleShot(0, go)
    elif handle is not None:
        handle.installEventFilter(watcher)
    QTimer.singleShot(wait_ms, window, go)


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
    install_exception_hook(log_dir() / LOG_NAME)
    exit_after = exit_after_show_requested()
    start = WindowStart(args)
    frame = start.show_frame()
    if frame is None:  # the lobby or the display: one step
        _start_log()
        if start.open() is None:
            return 1
        if exit_after:
            QTimer.singleShot(0, app.quit)
        return app.exec()
    if exit_after == "frame":
        when_on_screen(frame, app.quit)  # benchmarks: the time to the window's first frame
        return app.exec()

    def open_desk() -> None:
        _start_log()
        try:
            window = start.open()
        except Exception:  # told and logged by the hook; the frame alone is no use
            sys.excepthook(*sys.exc_info())
            window = None
        if window is None:
            app.exit(1)
        elif exit_after:
            QTimer.singleShot(0, app.quit)
        elif window.needs_welcome():
            QTimer.singleShot(0, window.show_welcome)

    when_on_screen(frame, open_desk)
    return app.exec()


def _start_log() -> None:
    """The log file, set up once the desk's frame is on the screen (nothing before it
    writes to the log; a warning meanwhile goes to stderr)."""
    setup_logging(log_dir())
    log.info("WealthDesk %s starting", __version__)
