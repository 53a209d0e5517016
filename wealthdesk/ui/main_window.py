"""The main window: navigation rail, pages, menus, status bar with the desk's state."""

from __future__ import annotations

import os

from PySide6.QtCore import QEvent, QLocale, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressDialog,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .. import __version__, i18n, local_settings
from ..i18n import translate
from ..paths import data_dir, log_dir
from ..services import settings as settings_service
from ..services.storage import StorageError
from . import defs, interaction
from .client_book import ClientBook
from .clients_page import ClientsPage
from .desk import DeskContext
from .icons import icon

DEMO_CLIENTS = 300


class MainWindow(QMainWindow):
    def __init__(self, desk: DeskContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.desk = desk
        self.setWindowIcon(icon("app"))
        self.book = ClientBook(desk.actor, self)

        self.clients_page = ClientsPage(self.book)
        self.clients_page.status_message.connect(self.show_status)
        self.clients_page.import_requested.connect(self.import_clients)
        self.clients_page.default_manager = lambda: self.desk.manager
        # Only capabilities that are built get a page.
        self.pages: list[tuple[str, str, QWidget]] = [
            ("clients", "clients", self.clients_page),
        ]

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
        for index, (_key, icon_name, page) in enumerate(self.pages):
            button = QToolButton()
            button.setObjectName("navButton")
            button.setIcon(icon(icon_name))
            button.setIconSize(QSize(defs.NAV_ICON, defs.NAV_ICON))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self.nav_group.addButton(button, index)
            self.nav_buttons.append(button)
            rail.addWidget(button)
            self.stack.addWidget(page)
        rail.addStretch(1)
        self.nav_group.idClicked.connect(self.go_to_page)

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._build_actions()
        self._build_menus()
        self._build_status_bar()
        self.retranslate()
        self._restore_state()
        self.clients_page.run_search()

    # ------------------------------------------------------------ building
    def _action(self, icon_name: str | None, slot, shortcut=None) -> QAction:
        action = QAction(self)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.import_action = self._action("import", self.import_clients, defs.IMPORT)
        self.remove_demo_action = self._action("demo", self.remove_demo_data)
        self.settings_action = self._action("settings", self.open_settings, defs.SETTINGS)
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.quit_action = self._action(None, self.close, defs.QUIT)
        self.search_action = self._action("search", self.focus_search, defs.FOCUS_SEARCH)
        self.new_client_action = self._action("add-client", self.new_client, defs.NEW_CLIENT)
        self.save_action = self._action("save", self.clients_page.save_client, defs.SAVE)
        self.page_actions = []
        for index, (_key, icon_name, _page) in enumerate(self.pages):
            action = self._action(
                icon_name, lambda _=False, i=index: self.go_to_page(i), defs.PAGE_KEYS[index]
            )
            self.page_actions.append(action)
        self.open_logs_action = self._action("folder", lambda: self._open_folder(log_dir()))
        self.open_data_action = self._action("folder", lambda: self._open_folder(data_dir()))
        self.about_action = self._action("app", self.about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.import_action)
        self.file_menu.addAction(self.remove_demo_action)
        self.file_menu.aboutToShow.connect(self._update_demo_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.clients_menu = bar.addMenu("")
        self.clients_menu.addAction(self.search_action)
        self.clients_menu.addAction(self.new_client_action)
        self.clients_menu.addAction(self.save_action)
        self.view_menu = bar.addMenu("")
        for action in self.page_actions:
            self.view_menu.addAction(action)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.open_logs_action)
        self.help_menu.addAction(self.open_data_action)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.desk_state = QLabel()
        self.desk_state.setObjectName("deskState")
        self.manager_label = QLabel()
        self.database_label = QLabel()
        self.clock_label = QLabel()
        self.clock_label.setObjectName("clock")
        for widget in (self.desk_state, self.manager_label, self.database_label, self.clock_label):
            status.addPermanentWidget(widget)
        self._clock = QTimer(self)
        self._clock.setInterval(15_000)
        self._clock.timeout.connect(self._tick)
        self._clock.start()
        self._tick()

    def retranslate(self) -> None:
        branch = str(self.desk.settings.get("branch_name") or "")
        title = translate("MainWindow", "WealthDesk — wealth-management desk {desk}").format(
            desk=self.desk.desk
        )
        self.setWindowTitle(f"{title} · {branch}" if branch else title)
        page_names = {"clients": translate("MainWindow", "Clients")}
        for index, (key, _icon, _page) in enumerate(self.pages):
            self.nav_buttons[index].setText(page_names[key])
            self.nav_buttons[index].setToolTip(
                f"{page_names[key]} ({defs.key_text(defs.PAGE_KEYS[index])})"
            )
            self.page_actions[index].setText(page_names[key])
        self.file_menu.setTitle(translate("MainWindow", "&File"))
        self.clients_menu.setTitle(translate("MainWindow", "&Clients"))
        self.view_menu.setTitle(translate("MainWindow", "&View"))
        self.help_menu.setTitle(translate("MainWindow", "&Help"))
        self.import_action.setText(translate("MainWindow", "&Import clients…"))
        self.remove_demo_action.setText(translate("MainWindow", "&Remove the demo clients…"))
        self.settings_action.setText(translate("MainWindow", "&Settings…"))
        self.quit_action.setText(translate("MainWindow", "&Quit"))
        self.search_action.setText(translate("MainWindow", "&Find a client"))
        self.new_client_action.setText(translate("MainWindow", "&New client"))
        self.save_action.setText(translate("MainWindow", "&Save client"))
        self.open_logs_action.setText(translate("MainWindow", "Open the &log folder"))
        self.open_data_action.setText(translate("MainWindow", "Open the &data folder"))
        self.about_action.setText(translate("MainWindow", "&About WealthDesk"))
        self.desk_state.setText("● " + translate("MainWindow", "Available"))
        self.desk_state.setToolTip(translate("MainWindow", "The desk's state"))
        manager = self.desk.manager
        self.manager_label.setText(
            translate("MainWindow", "Manager: {name}").format(name=manager)
            if manager
            else translate("MainWindow", "Manager not set (Settings)")
        )
        db = self.desk.database
        self.database_label.setText(
            translate("MainWindow", "Local database")
            if db.is_sqlite
            else translate("MainWindow", "Branch server")
        )
        self.database_label.setToolTip(db.display)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _tick(self) -> None:
        from ..services import clock

        self.clock_label.setText(clock.now().strftime("%H:%M"))

    # ------------------------------------------------------------ navigation
    def go_to_page(self, index: int) -> None:
        if 0 <= index < self.stack.count():
            self.nav_buttons[index].setChecked(True)
            self.stack.setCurrentIndex(index)

    def current_page_key(self) -> str:
        return self.pages[self.stack.currentIndex()][0]

    def focus_search(self) -> None:
        self.go_to_page(0)
        self.clients_page.focus_search()

    def new_client(self) -> None:
        self.go_to_page(0)
        self.clients_page.new_client()

    def show_status(self, text: str) -> None:
        """Status messages never carry client data: callers pass generic texts only."""
        self.statusBar().showMessage(text, defs.STATUS_TIMEOUT_MS)

    # ------------------------------------------------------------ commands
    def import_clients(self, path: str = "") -> None:
        from .import_dialog import import_clients_interactively  # dialogs load when used

        if not self.clients_page.maybe_leave():
            return
        report = import_clients_interactively(self, self.book, path)
        if report and report.imported:
            self.show_status(
                translate("MainWindow", "{count} clients imported.").format(count=report.imported)
            )

    def open_settings(self) -> None:
        from .settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.desk.desk, self.desk.settings, self, self.desk.actor())
        if interaction.run_dialog(dialog) != SettingsDialog.DialogCode.Accepted:
            return
        self.desk.desk = dialog.new_desk
        self.desk.reload()
        if dialog.language_changed:
            i18n.install_language(str(local_settings.get("language")))
        self.retranslate()
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

    # ------------------------------------------------------------ first start
    def needs_welcome(self) -> bool:
        return not self.desk.settings.get("welcome_done") and self.book.count() == 0

    def show_welcome(self) -> None:
        from .welcome_dialog import WelcomeChoice, WelcomeDialog

        dialog = WelcomeDialog(self)
        if interaction.run_dialog(dialog) != WelcomeDialog.DialogCode.Accepted:
            return
        settings_service.save({"welcome_done": True}, self.desk.desk, self.desk.actor())
        self.desk.reload()
        if dialog.choice is WelcomeChoice.DEMO:
            self.load_demo_data()
        elif dialog.choice is WelcomeChoice.IMPORT:
            self.import_clients()

    def _update_demo_action(self) -> None:
        try:
            self.remove_demo_action.setEnabled(self.book.demo_count() > 0)
        except StorageError:
            self.remove_demo_action.setEnabled(False)

    def remove_demo_data(self) -> None:
        """Take the invented clients out of the book before real work starts."""
        try:
            count = self.book.demo_count()
        except StorageError as exc:
            interaction.explain(self, translate("MainWindow", "The database is not available"), exc)
            return
        if not count or not self.clients_page.maybe_leave():
            return
        if not interaction.confirm(
            self,
            translate("MainWindow", "Remove the demo clients"),
            translate(
                "MainWindow",
                "Remove the {count} demo clients from the book? Real clients stay as they are.",
            ).format(count=QLocale().toString(count)),
            translate("MainWindow", "Remove"),
        ):
            return
        if self.clients_page._form is not None:
            self.clients_page.form.clear()
        try:
            removed = self.book.remove_demo()
        except StorageError as exc:
            interaction.explain(
                self, translate("MainWindow", "The demo clients were not removed"), exc
            )
            return
        self.show_status(
            translate("MainWindow", "{count} demo clients removed.").format(
                count=QLocale().toString(removed)
            )
        )

    def load_demo_data(self) -> None:
        progress = QProgressDialog(
            translate("MainWindow", "Creating demo clients…"), "", 0, DEMO_CLIENTS, self
        )
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)

        def step(done: int, total: int) -> None:
            progress.setValue(done)
            QApplication.processEvents()

        try:
            created = self.book.create_demo(DEMO_CLIENTS, self.desk.manager, step)
        except StorageError as exc:
            interaction.explain(self, translate("MainWindow", "No demo clients were created"), exc)
            return
        finally:
            progress.close()
        self.show_status(
            translate("MainWindow", "{count} demo clients created.").format(count=created)
        )

    # ------------------------------------------------------------ state
    def _restore_state(self) -> None:
        geometry = local_settings.state(local_settings.WINDOW_GEOMETRY)
        if geometry:
            self.restoreGeometry(geometry)
        else:
            # Fit a 1366×768 screen with its taskbar; use more of a larger one.
            screen = self.screen().availableGeometry()
            self.resize(min(1440, int(screen.width() * 0.92)), min(900, int(screen.height() * 0.9)))
        self.clients_page.restore_state()
        last = local_settings.state(local_settings.LAST_PAGE, "clients")
        keys = [key for key, _i, _p in self.pages]
        self.go_to_page(keys.index(last) if last in keys else 0)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.clients_page.maybe_leave():
            event.ignore()
            return
        local_settings.set_state(local_settings.WINDOW_GEOMETRY, self.saveGeometry())
        local_settings.set_state(local_settings.LAST_PAGE, self.current_page_key())
        self.clients_page.save_state()
        local_settings.qsettings().sync()
        event.accept()


def exit_after_show_requested() -> bool:
    """Benchmarks start the app with this set, to time start-up to the first frame."""
    return os.environ.get("WEALTHDESK_EXIT_AFTER_SHOW") == "1"
