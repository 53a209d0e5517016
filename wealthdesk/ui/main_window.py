"""The main window: navigation rail, pages, menus, status bar with the desk's state; the
one place that clears the client screen and locks the desk."""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QSize, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .. import __version__, i18n, local_settings
from ..domain.desk import DeskState
from ..i18n import translate
from ..paths import data_dir, log_dir
from ..services import clock
from . import defs, interaction
from .icons import icon
from .language import Retranslating
from .pages import PageSpec, PageStack

if TYPE_CHECKING:
    from .clients.client_form import HeldEdits
    from .desk.context import DeskContext

log = logging.getLogger(__name__)


class MainWindow(Retranslating, QMainWindow):
    client_cleared = Signal()  # every trace of the client is gone from the window
    locked_changed = Signal(bool)

    def __init__(self, desk: DeskContext | None = None, parent: QWidget | None = None):
        """The window's frame (rail, menus, status bar) at once; the desk behind it, with
        its pages, queue and books, when :meth:`open_desk` is given one. The program's
        start shows the frame first and opens the desk once it is on screen."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowIcon(icon("app"))
        self.desk: DeskContext | None = None
        self.opened = False  # True once open_desk() has brought the whole desk
        self.locked = False
        self.lock_screen = None  # built when the desk is first locked
        self.stored_status = None  # this desk's stored DeskStatus (the queue's desk_status)
        self._discarded_on_lock = False
        self._held_edits: list[tuple[str, HeldEdits]] = []
        self._tray = None  # the system-tray icon, made for the first reminder
        self._risk_profile = None  # the questionnaire, read when first needed
        self._build_frame()
        self.retranslate()
        self.restore_geometry()
        if desk is not None:
            self.open_desk(desk)

    def _build_frame(self) -> None:
        """What the window shows before the desk is open: the rail (not yet usable), an
        empty page with "Opening the desk…", the menus and the status bar."""
        self.nav = QWidget()
        self.nav.setObjectName("navRail")
        self.nav.setFixedWidth(defs.NAV_WIDTH)
        rail = QVBoxLayout(self.nav)
        rail.setContentsMargins(6, defs.MARGIN, 6, defs.MARGIN)
        rail.setSpacing(defs.SPACING)
        self.nav_group = QButtonGroup(self)
        self.nav_group.setExclusive(True)
        self.nav_buttons: list[QToolButton] = []
        self.stack = QStackedWidget()
        # Pages are built when first shown (the queue as the desk opens: the status bar
        # counts its waiting visitors, the session works through it).
        self.pages = PageStack(self._page_specs(), self.stack, self)
        self.pages.built.connect(self._page_built)
        for index, spec in enumerate(self.pages.specs):
            button = QToolButton()
            button.setObjectName("navButton")
            button.setIcon(icon(spec.icon))
            button.setIconSize(QSize(defs.NAV_ICON, defs.NAV_ICON))
            # Enum values by name in the frame: the Qt namespace's Python enums (about a
            # hundred types) are built when it is first touched, as the desk opens.
            button.setProperty("toolButtonStyle", "ToolButtonTextUnderIcon")
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self.nav_group.addButton(button, index)
            self.nav_buttons.append(button)
            rail.addWidget(button)
        rail.addStretch(1)
        self.nav_group.idClicked.connect(self.go_to_page)
        self.nav.setEnabled(False)  # until the desk is open

        self.workspace = QWidget()
        row = QHBoxLayout(self.workspace)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        pages = QVBoxLayout()
        pages.setContentsMargins(0, 0, 0, 0)
        pages.setSpacing(0)
        self._page_column = pages  # the reminders' banner goes on top as the desk opens
        self.opening = QLabel()
        self.opening.setObjectName("openingDesk")
        self.opening.setProperty("alignment", "AlignCenter")
        pages.addWidget(self.opening, 1)
        pages.addWidget(self.stack, 1)
        self.stack.setVisible(False)
        row.addLayout(pages, 1)
        # The workspace, or the lock screen in front of nothing at all.
        self.screens = QStackedWidget()
        self.screens.addWidget(self.workspace)
        self.setCentralWidget(self.screens)

        self._build_actions()
        self._build_menus()
        self._build_status_bar()
        self._enable_actions(False)  # until the desk is open

    def open_desk(self, desk: DeskContext) -> None:
        """The desk behind the frame: its queue, books and session, the landing page, and
        the day picked up where it was (behind the lock when it was locked)."""
        from .appointments.appointment_book import AppointmentBook
        from .appointments.reminders import Reminders
        from .banner import Banner
        from .clients.client_book import ClientBook
        from .complaints.complaint_book import ComplaintBook
        from .desk.backups import Backups
        from .desk.desk_day import DeskDay
        from .desk.desk_lock import DeskLock
        from .desk.first_start import FirstStart
        from .desk.idle import IdleWatch
        from .desk.stepping_away import SteppingAway
        from .privacy import ClientScreen
        from .queue.service_session import ServiceSession
        from .queue.visitor_queue import VisitorQueue

        self.desk = desk
        self.book = ClientBook(desk.actor, self)
        self.queue = VisitorQueue(lambda: self.desk.desk, desk.actor, self)
        self.desk_lock = DeskLock(lambda: self.desk.desk, desk.actor)
        self.session = ServiceSession(self.queue, self)
        self.session.status_message.connect(self.show_status)
        self.day = DeskDay(self.queue, desk, self)  # the queue closed when days end
        self.day.status_message.connect(self.show_status)
        self._day = clock.today()  # the day the window works on; moves on at midnight
        self.appointment_book = AppointmentBook(
            desk.actor, lambda: self.desk.manager, lambda: self.desk.desk, self
        )
        self.reminders = Reminders(self.appointment_book, self)
        # Reminders above whichever page is open.
        self.reminder_banner = Banner("reminderBanner")
        self._page_column.insertWidget(0, self.reminder_banner)
        self.reminder_banner.closed.connect(self.reminders.dismiss_for_today)
        self.complaint_book = ComplaintBook(
            desk.actor, lambda: self.desk.manager, lambda: self.desk.desk, self
        )
        # Every part of the window that can show a client registers here (pages when
        # they are built); clearing and the privacy tests walk this registry.
        self.client_screen = ClientScreen(self)
        self.client_screen.register(
            "complaints", self.complaint_book.clear, self.complaint_book.client_values
        )
        self.client_screen.register("status bar", self.statusBar().clearMessage, set, last=True)
        self._add_session_actions()
        self.clients_menu.aboutToShow.connect(self._update_save_action)
        self.session.clear_requested.connect(self.clear_client)
        self.session.service_opened.connect(self._open_service)
        self.session.desk_freed.connect(lambda: self.go_to_key("queue"))
        self.session.visit_changed.connect(self._show_desk_state)
        self.session.may_clear = self._may_clear
        # The Today page follows what changes elsewhere (its own minute's refresh aside):
        # the queue, bookings, the book (demo data, an import), once per burst.
        self._today_timer = QTimer(self)
        self._today_timer.setSingleShot(True)
        self._today_timer.setInterval(300)
        self._today_timer.timeout.connect(self._refresh_today_if_shown)
        self.appointment_book.appointments_changed.connect(self._today_timer.start)
        self.book.clients_changed.connect(self._today_timer.start)
        self.pages.page("queue")
        self.queue.desk_changed.connect(self._load_desk_status)
        self.idle = IdleWatch(self._idle_timeout(), self)
        self.idle.idle.connect(self._idle)
        # The window's other jobs, each an object of its own.
        self.backups = Backups(desk, self)
        self.backups.status_message.connect(self.show_status)
        self.first_start = FirstStart(
            self.book,
            desk,
            self,
            self.idle,
            may_leave_book=self._may_leave_book,
            clear_book_form=self._clear_book_form,
        )
        self.first_start.status_message.connect(self.show_status)
        self.first_start.import_requested.connect(self.import_clients)
        self.first_start.demo_created.connect(self._demo_created)
        self.session.is_locked = lambda: self.locked
        self.stepping_away = SteppingAway(self)
        self.opening.setVisible(False)
        self.stack.setVisible(True)
        self.nav.setEnabled(True)
        self._enable_actions(True)
        self.retranslate()
        self._go_to_last_page()
        self._start_day()
        self._start_live_updates()
        self._clock.start()
        self._tick(remind=False)
        # The first reminders a moment after the window is up (then with the clock).
        QTimer.singleShot(1500, self, self.remind)
        self.opened = True

    # ------------------------------------------------------------ pages
    def _page_specs(self) -> list[PageSpec]:
        """The pages in the rail's order (Ctrl+1… in that order too)."""
        keys = defs.PAGE_KEYS
        return [
            PageSpec("today", "today", keys[0], self._build_today_page),
            PageSpec("queue", "queue", keys[1], self._build_queue_page, shows_client_data=True),
            PageSpec(
                "service", "service", keys[2], self._build_service_page, shows_client_data=True
            ),
            PageSpec(
                "appointments",
                "appointments",
                keys[3],
                self._build_appointments_page,
                shows_client_data=True,
            ),
            PageSpec(
                "clients", "clients", keys[4], self._build_clients_page, shows_client_data=True
            ),
            PageSpec("products", "products", keys[5], self._build_products_page),
            PageSpec("dayclose", "dayclose", keys[6], self._build_day_close_page, scrolling=True),
        ]

    def _page_built(self, key: str, page: QWidget) -> None:
        """Every page: its status messages in the status bar; a page showing client
        data joins the client screen's registry (cleared by construction)."""
        page.status_message.connect(self.show_status)
        if self.pages.spec(key).shows_client_data:
            self.client_screen.register(key, page.clear_client, page.client_values)

    def _build_queue_page(self) -> QWidget:
        from .queue.queue_page import QueuePage

        page = QueuePage(self.session, self.book)
        page.survey_requested.connect(self.open_waiting_survey)
        # Checked in from either page: the queue is read again once.
        page.appointments = self.appointment_book
        self.appointment_book.checked_in.connect(page.refresh)
        page.complaint_requested.connect(self.register_complaint_for_visit)
        page.figures_changed.connect(self._show_waiting)
        page.figures_changed.connect(self._today_timer.start)
        return page

    def _build_service_page(self) -> QWidget:
        from .client_screen.service_page import ServicePage

        page = ServicePage(self.session, self.book, desk=self.desk, profile=self.risk_profile)
        page.default_manager = lambda: self.desk.manager
        page.complaint_requested.connect(self.register_complaint_for_visit)
        return page

    def _build_appointments_page(self) -> QWidget:
        from .appointments.appointments_page import AppointmentsPage

        return AppointmentsPage(self.appointment_book, self.book)

    def _build_clients_page(self) -> QWidget:
        from .clients.clients_page import ClientsPage

        page = ClientsPage(self.book)
        page.import_requested.connect(self.import_clients)
        page.default_manager = lambda: self.desk.manager
        page.restore_state()
        page.mark_stale()  # the book is read when the page is shown, not before
        return page

    def _build_today_page(self) -> QWidget:
        from .today.today_page import TodayPage

        page = TodayPage(self.desk, self.appointment_book, complaint_book=self.complaint_book)
        page.open_client.connect(self._open_client_in_book)
        page.client_text_copied.connect(lambda text: self.client_screen.note_copied(text))
        return page

    def _build_products_page(self) -> QWidget:
        from .products.products_page import ProductsPage

        return ProductsPage(self.desk)

    def _build_day_close_page(self) -> QWidget:
        from .day_close.day_close_page import DayClosePage

        return DayClosePage(self.desk)

    # Each page, built when first asked for.
    queue_page = property(lambda self: self.pages.page("queue"))
    service_page = property(lambda self: self.pages.page("service"))
    appointments_page = property(lambda self: self.pages.page("appointments"))
    clients_page = property(lambda self: self.pages.page("clients"))
    today_page = property(lambda self: self.pages.page("today"))
    products_page = property(lambda self: self.pages.page("products"))
    day_close_page = property(lambda self: self.pages.page("dayclose"))

    @property
    def risk_profile(self):
        """The bank's questionnaire (read from its file when first needed)."""
        if self._risk_profile is None:
            from .sales.risk_profile import RiskProfile

            self._risk_profile = RiskProfile(self.desk.actor, self)
        return self._risk_profile

    # ------------------------------------------------------------ building
    def _action(self, icon_name: str | None, slot, shortcut=None) -> QAction:
        action = QAction(self)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcut is not None:
            # One key, as setShortcut() sets; setShortcuts() does not build the Qt
            # namespace's enums for the window's frame (see _build_frame).
            action.setShortcuts([QKeySequence(shortcut)])
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.import_action = self._action("import", self.import_clients, defs.IMPORT)
        self.remove_demo_action = self._action("demo", self.remove_demo_data)
        self.settings_action = self._action("settings", self.open_settings, defs.SETTINGS)
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.server_action = self._action(None, self.connect_to_server)
        self.backup_action = self._action("save", self.back_up_now)
        self.restore_action = self._action(None, self.restore_backup)
        self.quit_action = self._action(None, self.close, defs.QUIT)
        self.search_action = self._action("search", self.focus_search, defs.FOCUS_SEARCH)
        self.new_client_action = self._action("add-client", self.new_client, defs.NEW_CLIENT)
        self.save_action = self._action("save", self.save_client, defs.SAVE)
        self.complaint_action = self._action(None, self.register_complaint)
        self.complaints_action = self._action(None, self.open_complaints_register)
        self.page_actions = []
        for index, spec in enumerate(self.pages.specs):
            action = self._action(
                spec.icon, lambda _=False, i=index: self.go_to_page(i), spec.shortcut
            )
            self.page_actions.append(action)
        self.open_logs_action = self._action("folder", lambda: self._open_folder(log_dir()))
        self.open_data_action = self._action("folder", lambda: self._open_folder(data_dir()))
        self.about_action = self._action("app", self.about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.check_in_action = self._action("checkin", self.focus_check_in, defs.CHECK_IN)
        self.step_away_action = self._action(
            "away", lambda: self.step_away(DeskState.AWAY), defs.STEP_AWAY
        )
        self.lunch_action = self._action("lunch", lambda: self.step_away(DeskState.LUNCH))
        self.close_desk_action = self._action(None, self.close_desk)
        self.door_notice_action = self._action("print", self.open_door_notice, defs.DOOR_NOTICE)
        self.lock_action = self._action("lock", lambda: self.lock(), defs.LOCK)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.import_action)
        self.file_menu.addAction(self.remove_demo_action)
        self.file_menu.aboutToShow.connect(self._update_demo_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addAction(self.server_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.backup_action)
        self.file_menu.addAction(self.restore_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.queue_menu = bar.addMenu("")
        self.queue_menu.addAction(self.check_in_action)  # the session's, as the desk opens
        self.desk_menu = bar.addMenu("")
        for action in (self.step_away_action, self.lunch_action, self.close_desk_action):
            self.desk_menu.addAction(action)
        self.desk_menu.addSeparator()
        self.desk_menu.addAction(self.door_notice_action)
        self.desk_menu.addSeparator()
        self.desk_menu.addAction(self.lock_action)
        self.clients_menu = bar.addMenu("")
        self.clients_menu.addAction(self.search_action)
        self.clients_menu.addAction(self.new_client_action)
        self.clients_menu.addAction(self.save_action)
        self.clients_menu.addSeparator()
        self.clients_menu.addAction(self.complaint_action)
        self.clients_menu.addAction(self.complaints_action)
        self.view_menu = bar.addMenu("")
        for action in self.page_actions:
            self.view_menu.addAction(action)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.open_logs_action)
        self.help_menu.addAction(self.open_data_action)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)

    def _add_session_actions(self) -> None:
        """The service session's moves in the Queue menu, after checking in."""
        s = self.session
        for action in (
            s.call_next_action,
            s.call_selected_action,
            s.recall_action,
            s.no_show_action,
            s.recycle_action,
            s.transfer_action,
            s.start_action,
            s.finish_action,
        ):
            self.queue_menu.addAction(action)
        self.queue_menu.addSeparator()
        for action in (s.park_action, s.return_action, s.leave_action):
            self.queue_menu.addAction(action)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.desk_state = QLabel()
        self.desk_state.setObjectName("deskState")
        self.waiting_label = QLabel()
        self.waiting_label.setObjectName("waitingCount")
        self.manager_label = QLabel()
        self.database_label = QLabel()
        self.database_label.setObjectName("databaseState")
        self.clock_label = QLabel()
        self.clock_label.setObjectName("clock")
        for widget in (
            self.desk_state,
            self.waiting_label,
            self.manager_label,
            self.database_label,
            self.clock_label,
        ):
            status.addPermanentWidget(widget)
        self._clock = QTimer(self)
        self._clock.setInterval(15_000)
        self._clock.timeout.connect(self._tick)  # started as the desk opens

    def retranslate(self) -> None:
        page_names = {
            "today": translate("MainWindow", "Today"),
            "queue": translate("MainWindow", "Queue"),
            "service": translate("MainWindow", "Client"),
            "appointments": translate("MainWindow", "Appointments"),
            "clients": translate("MainWindow", "Clients"),
            "products": translate("MainWindow", "Products"),
            "dayclose": translate("MainWindow", "Day close"),
        }
        for index, spec in enumerate(self.pages.specs):
            key = spec.key
            self.nav_buttons[index].setText(page_names[key])
            self.nav_buttons[index].setToolTip(
                f"{page_names[key]} ({defs.key_text(spec.shortcut)})"
            )
            self.page_actions[index].setText(page_names[key])
        self.file_menu.setTitle(translate("MainWindow", "&File"))
        self.queue_menu.setTitle(translate("MainWindow", "&Queue"))
        self.desk_menu.setTitle(translate("MainWindow", "&Desk"))
        self.check_in_action.setText(translate("MainWindow", "Check &in a visitor"))
        self.step_away_action.setText(translate("MainWindow", "Step &away…"))
        self.lunch_action.setText(translate("MainWindow", "&Lunch break…"))
        self.door_notice_action.setText(translate("MainWindow", "Door &notice…"))
        self.close_desk_action.setText(translate("MainWindow", "&Close the desk for today…"))
        self.lock_action.setText(translate("MainWindow", "Lock the &screen"))
        self.clients_menu.setTitle(translate("MainWindow", "&Clients"))
        self.view_menu.setTitle(translate("MainWindow", "&View"))
        self.help_menu.setTitle(translate("MainWindow", "&Help"))
        self.import_action.setText(translate("MainWindow", "&Import clients…"))
        self.remove_demo_action.setText(translate("MainWindow", "&Remove the demo clients…"))
        self.settings_action.setText(translate("MainWindow", "&Settings…"))
        self.server_action.setText(translate("MainWindow", "Connect to the &branch server…"))
        self.backup_action.setText(translate("MainWindow", "&Back up now"))
        self.restore_action.setText(translate("MainWindow", "&Restore from a backup…"))
        self.quit_action.setText(translate("MainWindow", "&Quit"))
        self.search_action.setText(translate("MainWindow", "&Find a client"))
        self.new_client_action.setText(translate("MainWindow", "&New client"))
        self.save_action.setText(translate("MainWindow", "&Save client"))
        self.complaint_action.setText(translate("MainWindow", "Register a &complaint…"))
        self.complaints_action.setText(translate("MainWindow", "Complaints &register…"))
        self.open_logs_action.setText(translate("MainWindow", "Open the &log folder"))
        self.open_data_action.setText(translate("MainWindow", "Open the &data folder"))
        self.about_action.setText(translate("MainWindow", "&About WealthDesk"))
        self.desk_state.setToolTip(translate("MainWindow", "The desk's state"))
        self._show_waiting()
        if self.desk is None:
            self.opening.setText(translate("MainWindow", "Opening the desk…"))
            self.setWindowTitle(translate("MainWindow", "Wealth-management desk"))
            return
        self.session.retranslate()
        self._show_desk_state()
        manager = self.desk.manager
        self.manager_label.setText(
            translate("MainWindow", "Manager: {name}").format(name=manager)
            if manager
            else translate("MainWindow", "Manager not set (Settings)")
        )
        self._show_database()
        if not self.reminder_banner.isHidden():  # the reminders shown, said again
            self.reminder_banner.show_text(self.reminders.last_text())

    def _tick(self, remind: bool = True) -> None:
        self._follow_the_day()
        self.clock_label.setText(clock.now().strftime("%H:%M"))
        self._show_desk_state()
        if not self.reminder_banner.isHidden():  # "in 8 minutes" counts down with the clock
            self.reminder_banner.show_text(self.reminders.last_text())
        self.day.close_at_closing_time()
        if remind:
            self.remind()

    def remind(self) -> None:
        """Say the appointments due soon and the preparation still to do: in the banner
        and, where the desktop has one, the tray. Not behind the lock: they stay due."""
        if self.locked or not self.isVisible():
            return  # nobody to tell yet, or not now: they stay due
        texts = self.reminders.check()
        if not texts:
            return
        text = "\n".join(texts)
        self.reminder_banner.show_text(text)
        self._tray_message(translate("MainWindow", "Appointments"), text)

    def _tray_message(self, title: str, text: str) -> None:
        from PySide6.QtWidgets import QSystemTrayIcon

        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        if self._tray is None:
            self._tray = QSystemTrayIcon(icon("app"), self)
            self._tray.show()
        self._tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 10_000)

    # ------------------------------------------------------------ navigation
    def go_to_page(self, index: int) -> None:
        if 0 <= index < len(self.pages):
            self.pages.page(self.pages.specs[index].key)  # built when first shown
            self.nav_buttons[index].setChecked(True)
            self.stack.setCurrentIndex(index)
            self._update_save_action()

    def current_page_key(self) -> str:
        return self.pages.specs[self.stack.currentIndex()].key

    def go_to_key(self, key: str) -> None:
        self.go_to_page(self.pages.index(key))

    def focus_search(self) -> None:
        self.go_to_key("clients")
        self.clients_page.focus_search()

    def focus_check_in(self) -> None:
        self.go_to_key("queue")
        self.queue_page.focus_check_in()

    def new_client(self) -> None:
        self.go_to_key("clients")
        self.clients_page.new_client()

    def _form_on_screen(self):
        """The client form of the page shown (the client screen's or the book's), if it
        holds a client."""
        key = self.current_page_key()
        page = self.pages.built_page(key) if key in ("service", "clients") else None
        form = page._form if page is not None else None
        return form if form is not None and form.is_active() else None

    def save_client(self) -> bool:
        """Client → Save and Ctrl+S: the form on screen, wherever it is (the client
        screen's or the book's); a field to correct gets the focus, as with the button."""
        form = self._form_on_screen()
        if form is None:
            self.show_status(translate("MainWindow", "No client is open to save."))
            return False
        if not form.is_dirty():
            self.show_status(translate("MainWindow", "Nothing to save: no changes."))
            return True
        return form.save()

    def _update_save_action(self, *_args) -> None:
        """Save is enabled on the pages with a client form (the client screen, the
        book): there it saves, or says there is nothing to save."""
        try:
            if not self.locked:
                self.save_action.setEnabled(self.current_page_key() in ("service", "clients"))
        except RuntimeError:  # the window is being deleted
            pass

    def show_status(self, text: str) -> None:
        """Status messages never carry client data: callers pass generic texts only."""
        self.statusBar().showMessage(text, defs.STATUS_TIMEOUT_MS)

    # ------------------------------------------------------------ commands
    def import_clients(self, path: str = "") -> None:
        from .clients.import_dialog import import_clients_interactively  # dialogs load when used

        clients_page = self.pages.built_page("clients")
        if clients_page is not None and not clients_page.maybe_leave():
            return
        report = import_clients_interactively(self, self.book, path)
        self.queue_page.refresh()
        self._refresh_today_if_shown()
        if report and report.imported:
            self.show_status(
                translate("MainWindow", "{count} clients imported.").format(count=report.imported)
            )

    # ------------------------------------------------------------ complaints
    def register_complaint(self) -> None:
        """A complaint from the client on screen (the client screen's, else the book's),
        or from a visitor not in the book when none is shown."""
        from ..domain.complaints import ComplaintDraft
        from .complaints.complaints_register import open_complaint

        client_id = None
        for page in self._client_form_pages():
            form = page._form
            if form is not None and form.client_id is not None and page.isVisible():
                client_id = form.client_id
                break
        shown_as = self._complainant(client_id) if client_id is not None else ""
        if open_complaint(
            self.complaint_book, self, draft=ComplaintDraft(client_id=client_id), shown_as=shown_as
        ):
            self.show_status(translate("MainWindow", "Complaint registered"))

    def register_complaint_for_visit(self, visit) -> None:
        """The queue's visitor who came to complain (or the client screen's visitor)."""
        from .complaints.complaints_register import register_for_visit

        if register_for_visit(self.complaint_book, self, visit, self.book):
            self.show_status(translate("MainWindow", "Complaint registered"))

    def _complainant(self, client_id: int) -> str:
        from .complaints.complaints_register import complainant

        return complainant(self.book, client_id)

    def open_complaints_register(self) -> None:
        from .complaints.complaints_register import open_register

        open_register(self.complaint_book, self)

    def _open_client_in_book(self, client_id: int) -> None:
        """A client of the Today page's lists, opened in the client book."""
        self.go_to_key("clients")
        self.clients_page.open_client(client_id)

    def open_waiting_survey(self, visit) -> None:
        """The survey a waiting client fills in with the manager (with their consent)."""
        from .sales.waiting_survey import WaitingSurveyDialog

        if visit is None or visit.client_id is None:
            return
        dialog = WaitingSurveyDialog(visit.client_id, visit.id, self.desk, self.risk_profile)
        interaction.run_dialog(dialog)
        dialog.deleteLater()

    def back_up_now(self) -> Path | None:
        return self.backups.back_up_now()

    def restore_backup(self) -> bool:
        """Replace this PC's database with a checked backup, then close: the next start
        opens the restored database."""
        from .. import db as db_module

        def let_go() -> bool:
            if not self._may_clear():
                return False
            self.clear_client()
            self.live.stop()
            db_module.close()
            return True

        if not self.backups.restore(let_go):
            return False
        self.close()
        return True

    def connect_to_server(self) -> None:
        """Choose the branch server (or this PC's own database) for the next start."""
        from .branch.server_dialog import ServerDialog

        current = "" if self.desk.database.is_sqlite else self.desk.database.display
        dialog = ServerDialog(current, self)
        interaction.run_dialog(dialog)
        dialog.deleteLater()

    def open_settings(self) -> None:
        from .settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.desk.desk, self.desk.settings, self, self.desk.actor())
        if interaction.run_once(dialog) != SettingsDialog.DialogCode.Accepted:
            return
        self.desk.desk = dialog.new_desk
        self.desk.reload()
        self.idle.timeout = self._idle_timeout()
        if dialog.language_changed:
            i18n.install_language(str(local_settings.get("language")))
        self.retranslate()
        self._load_desk_status()
        self.session.reload()
        self.show_status(translate("MainWindow", "Settings saved."))

    def about(self) -> None:
        interaction.info(
            self,
            translate("MainWindow", "About WealthDesk"),
            translate(
                "MainWindow",
                "WealthDesk {version}\nThe desk application of the wealth-management room.\n\n"
                "Database: {db}\nLog folder: {logs}",
            ).format(version=__version__, db=self.desk.database.display, logs=str(log_dir())),
        )

    def _open_folder(self, folder) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # ------------------------------------------------------------ the service session
    def _open_service(self, visit) -> None:
        self.service_page.show_visit(visit)
        self.go_to_key("service")
        self._update_title()

    def _client_form_pages(self) -> list[QWidget]:
        """The pages with a client form (the client screen, the book), those built."""
        return [p for key, p in self.pages.built_pages() if key in ("service", "clients")]

    def _may_clear(self) -> bool:
        """Before the manager's own action clears the screen: unsaved edits are saved or
        thrown away as they choose, or the action is cancelled."""
        return all(page.maybe_leave() for page in self._client_form_pages())

    def clear_client(self) -> None:
        """Remove every trace of the client from the window: forms, searches, lists and
        their models, headings, the title, status text, undo histories, and the
        clipboard (and X11's selection) when it holds what was copied meanwhile."""
        self.client_screen.clear()
        self._update_title()
        self.client_cleared.emit()

    def _hold_edits(self) -> None:
        """The manager is not there to be asked, and nothing is written without their
        Save: edits that pass every check are held in memory (off every widget) and
        offered back after the unlock; others are dropped, and the manager is told."""
        for key, page in self.pages.built_pages():
            if key not in ("service", "clients"):
                continue
            form = page._form
            if form is None or not form.is_dirty():
                continue
            held = form.held_edits()
            if held is None:
                self._discarded_on_lock = True
            else:
                self._held_edits.append((key, held))

    def _offer_held_edits(self) -> None:
        """After the unlock: the edits held at the lock, put back unsaved, if wanted."""
        held, self._held_edits = self._held_edits, []
        if not held:
            return
        if not interaction.confirm(
            self,
            translate("MainWindow", "Unsaved changes"),
            translate(
                "MainWindow",
                "When the screen locked, a client's record had changes that were not saved. "
                "They were kept aside, not saved. Put them back in the form to check and "
                "save?",
            ),
            translate("MainWindow", "Put them back"),
        ):
            self.show_status(translate("MainWindow", "The unsaved changes were thrown away."))
            return
        for key, edits in held:
            visit = self.session.current
            if key == "service" and visit is not None and visit.client_id == edits.client_id:
                self.session.open_service()
                self.service_page.form.put_back(edits)
            else:
                self.go_to_key("clients")
                self.clients_page.form.put_back(edits)

    # ------------------------------------------------------------ the desk's state
    def _show_database(self) -> None:
        db = self.desk.database
        live = getattr(self, "live", None)
        offline = live is not None and not live.online
        if offline:
            text = translate("MainWindow", "Branch server offline: reconnecting…")
        elif db.is_sqlite:
            text = translate("MainWindow", "Local database")
        else:
            text = translate("MainWindow", "Branch server")
        self.database_label.setText(("⚠ " if offline else "") + text)
        self.database_label.setProperty("state", "offline" if offline else "")
        self.database_label.style().polish(self.database_label)
        self.database_label.setToolTip(db.display)

    def _start_live_updates(self) -> None:
        """Other desks', the lobby's and the display's changes, shown within a second."""
        from .branch.live_updates import LiveUpdates

        self.live = LiveUpdates(self)
        self.live.changed.connect(self._others_changed)
        self.live.online_changed.connect(lambda _online: self._show_database())
        self.live.start()

    def _others_changed(self, tables: frozenset[str]) -> None:
        if tables & {"visit", "desk_status"}:
            self.queue.queue_changed.emit()
            self._load_desk_status()
        if tables & {"appointment", "appointment_item"}:
            self.appointment_book.appointments_changed.emit()
        if "setting" in tables:
            self.desk.reload()
            self._update_title()
        clients_page = self.pages.built_page("clients")
        if "client" in tables and clients_page is not None:
            clients_page.mark_stale()
        products_page = self.pages.built_page("products")
        if "product" in tables and products_page is not None and products_page.isVisible():
            products_page.refresh()
        if "holiday_schedule_day" in tables:
            self.appointment_book.appointments_changed.emit()  # the week view's days
        watched = {
            "visit",
            "care_task",
            "care_call",
            "risk_assessment",
            "appointment",
            "holiday_schedule_day",
        }
        if tables & watched:
            self._refresh_today_if_shown()

    def _refresh_today_if_shown(self) -> None:
        today_page = self.pages.built_page("today")
        if today_page is not None and today_page.isVisible():
            today_page.refresh()

    def _load_desk_status(self) -> None:
        from ..services.storage import StorageError

        try:
            self.stored_status = self.queue.status()
        except StorageError as exc:
            log.warning("cannot read the desk's state: %s", exc)
        self._show_desk_state()

    def current_desk_state(self) -> DeskState:
        visit = self.session.current
        stored = self.stored_status.state if self.stored_status else DeskState.AVAILABLE
        if stored is DeskState.AVAILABLE and visit is not None:
            return DeskState.SERVING
        return stored

    def desk_state_text(self) -> str:
        from ..domain.queue import VisitState
        from .desk.away_dialog import state_text

        state = self.current_desk_state()
        visit = self.session.current
        until = (
            self.stored_status.until.strftime("%H:%M")
            if self.stored_status and self.stored_status.until
            else ""
        )
        return state_text(
            state,
            until=until,
            ticket=visit.ticket if visit else "",
            minutes=self.session.elapsed_minutes(),
            called=visit is not None and visit.state is VisitState.CALLED,
        )

    def _show_desk_state(self) -> None:
        self.desk_state.setText("● " + self.desk_state_text())
        self.desk_state.setProperty("state", self.current_desk_state().value)
        if self.lock_screen is not None and self.locked:
            self.lock_screen.refresh_state()
        self._update_title()

    def _show_waiting(self) -> None:
        queue_page = self.pages.built_page("queue")
        if queue_page is None:  # the frame, before the desk opens: not known yet
            self.waiting_label.setText("")
            return
        figures = queue_page.model.figures
        waiting = figures.waiting if figures else 0
        self.waiting_label.setText(
            translate("MainWindow", "Waiting: {count}").format(count=QLocale().toString(waiting))
        )

    def _update_title(self) -> None:
        # The platform adds the application's name itself ("… — WealthDesk").
        parts = [
            translate("MainWindow", "Wealth-management desk {desk}").format(desk=self.desk.desk)
        ]
        visit = self.session.current
        if visit is not None and not self.locked:
            # The ticket only: the title shows in the taskbar, for anyone to read.
            parts.insert(0, visit.ticket)
        branch = str(self.desk.settings.get("branch_name") or "")
        if branch:
            parts.append(branch)
        self.setWindowTitle(" · ".join(parts))

    def step_away(self, state: DeskState) -> None:
        self.stepping_away.step_away(state)

    def open_door_notice(self) -> None:
        self.stepping_away.open_door_notice()

    def close_desk(self) -> None:
        self.stepping_away.close_desk()

    # ------------------------------------------------------------ locking
    def lock(self) -> None:
        """Clear the client screen, then put the lock in front of everything."""
        from .desk.lock_screen import LockScreen  # built when first needed

        if self.locked:
            return
        _close_dialogs(self)
        self._hold_edits()
        self.clear_client()
        self.locked = True
        local_settings.set_state(local_settings.LOCKED, True)
        if self.lock_screen is None:
            self.lock_screen = LockScreen()
            self.lock_screen.unlocked.connect(self.unlock)
            self.lock_screen.save_notice_requested.connect(self.stepping_away.save_unprinted_notice)
            self._keep_lock_with_the_desk()
            self.screens.addWidget(self.lock_screen)
        self.menuBar().setVisible(False)
        self.statusBar().setVisible(False)
        self._enable_actions(False)
        self.lock_screen.lock(
            self.desk_lock.lock(str(self.desk.settings.get("pin_hash") or "")),
            self.desk_state_text,  # read again on each tick of the lock's clock
            self._lock_title(),
            failures=self.desk_lock.failures(),
            pin_source=self.desk_lock.pin,
        )
        self.screens.setCurrentWidget(self.lock_screen)
        self.idle.pause(True)
        self._update_title()
        self.locked_changed.emit(True)

    def _keep_lock_with_the_desk(self) -> None:
        """The lock's state and its wrong PINs are kept with the desk in the database
        (``ui/desk/desk_lock.py``), not in this PC's settings file."""
        self.lock_screen.desk = self.desk.desk
        self.lock_screen.wrong_pin.connect(self.desk_lock.wrong_pin)
        self.lock_screen.pin_removed.connect(self.desk_lock.pin_removed)

    def _lock_title(self) -> str:
        branch = str(self.desk.settings.get("branch_name") or "")
        desk = translate("MainWindow", "Wealth-management desk {desk}").format(desk=self.desk.desk)
        return f"{branch} · {desk}" if branch else desk

    def unlock(self) -> None:
        from ..services.storage import StorageError

        if not self.locked:
            return
        try:
            self.queue.record_unlock()
            if self.stored_status is not None and self.stored_status.state.locks_desk:
                self.stored_status = self.queue.set_status(
                    DeskState.AVAILABLE, manager=self.desk.manager
                )
        except StorageError as exc:
            log.warning("desk state not stored on unlock: %s", exc)
        self.locked = False
        local_settings.set_state(local_settings.LOCKED, False)
        self.screens.setCurrentWidget(self.workspace)
        self.menuBar().setVisible(True)
        self.statusBar().setVisible(True)
        self._enable_actions(True)
        self.idle.pause(False)
        self.session.reload()
        self.queue_page.refresh()
        self._show_desk_state()
        self.locked_changed.emit(False)
        if self.session.current is not None:
            self.session.open_service()  # the manager is back with the client
        self._offer_held_edits()
        if self._discarded_on_lock:
            self._discarded_on_lock = False
            interaction.warn(
                self,
                translate("MainWindow", "Changes not saved"),
                translate(
                    "MainWindow",
                    "When the screen locked, a client had changes with fields still to "
                    "correct; they were not saved.",
                ),
            )

    def _idle_timeout(self) -> dt.timedelta:
        minutes = int(self.desk.settings.get("idle_timeout_minutes") or 5)
        return dt.timedelta(minutes=min(max(minutes, 1), 15))

    def _idle(self) -> None:
        if not self.locked:
            log.info("idle for %s: clearing and locking the desk", self.idle.timeout)
            self.lock()

    def _enable_actions(self, enabled: bool) -> None:
        """While locked, no action (nor its shortcut) reaches what is behind the lock."""
        for action in self.actions():
            action.setEnabled(enabled)
        if enabled:
            self.session.update_actions()
            self._update_save_action()

    # ------------------------------------------------------------ the day
    def _start_day(self) -> None:
        """Pick up where the desk was: its state, its visitor, and days left open."""
        self._load_desk_status()
        status = self.stored_status
        # A desk that was locked, away, at lunch or closed when the program last ran
        # opens behind the lock: killing the program must not be a way past the PIN.
        locked_before = bool(local_settings.state(local_settings.LOCKED, False) in (True, "true"))
        locked_before = self.desk_lock.locked_before() or locked_before  # the database's word
        self.day.close_days_before_today()
        self.session.reload()
        self.queue_page.refresh()
        if locked_before or (status is not None and status.state.locks_desk):
            self.lock()

    def _follow_the_day(self) -> None:
        """Midnight with the window running: the day that ended is closed as a restart
        would close it (waiting visitors as left; a service under way goes on), and the
        pages that show "today" move on to the new day."""
        from ..services.storage import StorageError

        today = clock.today()
        if today <= self._day:
            return  # the same day (or the clock set back: no day has ended)
        ended, self._day = self._day, today
        log.info("a new day: %s (the window ran past midnight)", today)
        try:
            for day in self.queue.unclosed_days(today):
                self.queue.close_day(day, waiting_only=True)
        except StorageError as exc:
            log.warning("the day that ended not closed: %s", exc)
        self.reminder_banner.hide()  # yesterday's reminders; today's are said anew
        appointments = self.pages.built_page("appointments")  # a page not built shows no day
        if appointments is not None:
            appointments.follow_today(ended, today)
        self.queue_page.refresh()
        self._refresh_today_if_shown()
        day_close = self.pages.built_page("dayclose")
        if day_close is not None and day_close.isVisible():
            day_close.refresh()

    # ------------------------------------------------------------ first start
    def needs_welcome(self) -> bool:
        return self.first_start.needs_welcome()

    def show_welcome(self) -> None:
        self.first_start.show_welcome()

    def load_demo_data(self) -> None:
        self.first_start.load_demo_data()

    def remove_demo_data(self) -> None:
        self.first_start.remove_demo_data()

    def _update_demo_action(self) -> None:
        self.remove_demo_action.setEnabled(self.first_start.has_demo_clients())

    def _may_leave_book(self) -> bool:
        clients_page = self.pages.built_page("clients")
        return clients_page is None or clients_page.maybe_leave()

    def _clear_book_form(self) -> None:
        clients_page = self.pages.built_page("clients")
        if clients_page is not None and clients_page._form is not None:
            clients_page.form.clear()

    def _demo_created(self) -> None:
        self.queue_page.refresh()
        appointments_page = self.pages.built_page("appointments")
        if appointments_page is not None:
            appointments_page.refresh()
        self._refresh_today_if_shown()

    # ------------------------------------------------------------ state
    def restore_geometry(self) -> None:
        """Where and how large the window was, or a size for the screen at the first start."""
        geometry = local_settings.state(local_settings.WINDOW_GEOMETRY)
        if geometry:
            self.restoreGeometry(geometry)
        else:
            # The first start: a desk PC's screen (1366×768, 1024×768) is filled, as a
            # program used all day is; a larger one gets a generous window.
            screen = self.screen().availableGeometry()
            if screen.width() <= 1440 or screen.height() <= 900:
                # The screen's size first: without a window manager (or before it acts)
                # maximising alone leaves the window at its smallest.
                self.setGeometry(screen)
                from PySide6.QtCore import Qt

                self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
            else:
                self.resize(
                    min(1600, int(screen.width() * 0.85)), min(1000, int(screen.height() * 0.9))
                )

    def _go_to_last_page(self) -> None:
        last = local_settings.state(local_settings.LAST_PAGE, "today")
        keys = self.pages.keys()
        self.go_to_page(keys.index(last) if last in keys else 0)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.opened:  # the desk never opened (or failed to): nothing of it to keep
            event.accept()
            return
        if self.locked or not self._may_clear():
            event.ignore()
            return
        self.idle.stop()
        self.live.stop()
        local_settings.set_states(
            {
                local_settings.WINDOW_GEOMETRY: self.saveGeometry(),
                local_settings.LAST_PAGE: self.current_page_key(),
            }
        )
        clients_page = self.pages.built_page("clients")
        if clients_page is not None:
            clients_page.save_state()
            local_settings.qsettings().sync()
        event.accept()


def exit_after_show_requested() -> str | None:
    """Benchmarks and smoke tests start the app with ``WEALTHDESK_EXIT_AFTER_SHOW`` set:
    ``1`` quits once the desk is open and its first page shown (one event-loop pass
    later), ``frame`` once the window's frame is on the screen, before the desk opens."""
    value = os.environ.get("WEALTHDESK_EXIT_AFTER_SHOW")
    return {"1": "ready", "frame": "frame"}.get(value or "")


def _close_dialogs(window: QWidget) -> None:
    """Cancel the dialogs open over *window* (a sale, a survey, a checklist, the
    settings) and empty them: the lock goes in front of everything, nothing behind it
    may be finished by a passer-by, and nothing of the client stays in a dialog that
    Qt deletes only once its caller's loop ends."""
    from .privacy import wipe

    for _ in range(10):  # a dialog over a dialog, at most a few deep
        modal = QApplication.activeModalWidget()
        if modal is None or modal is window:
            break
        if isinstance(modal, QDialog):
            modal.reject()
        else:
            modal.close()
        modal.hide()
        wipe(modal)
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()
            widget.hide()
            wipe(widget)
