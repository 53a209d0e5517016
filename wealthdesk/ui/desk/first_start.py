"""The first start and the demo data: the welcome (demo clients, an import, or an empty
book), and putting the demo clients in the book or taking them out again."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from ...domain.errors import DomainError
from ...i18n import translate
from ...services import settings as settings_service
from ...services.storage import StorageError
from .. import interaction
from ..clients.client_book import ClientBook
from .context import DeskContext
from .idle import IdleWatch

DEMO_CLIENTS = 300


class FirstStart(QObject):
    """The welcome and the demo clients, with their prompts over *window*."""

    status_message = Signal(str)  # generic texts only, never client data
    demo_created = Signal()  # the pages read the book again
    import_requested = Signal()  # the welcome's choice: import clients now

    def __init__(
        self,
        book: ClientBook,
        desk: DeskContext,
        window: QWidget,
        idle: IdleWatch,
        *,
        may_leave_book: Callable[[], bool],
        clear_book_form: Callable[[], None],
    ):
        super().__init__(window)
        self.book = book
        self.desk = desk
        self.window = window
        self.idle = idle
        self._may_leave_book = may_leave_book
        self._clear_book_form = clear_book_form

    def needs_welcome(self) -> bool:
        return not self.desk.settings.get("welcome_done") and self.book.count() == 0

    def show_welcome(self) -> None:
        from .welcome_dialog import WelcomeChoice, WelcomeDialog

        dialog = WelcomeDialog(self.window)
        if interaction.run_once(dialog) != WelcomeDialog.DialogCode.Accepted:
            return
        settings_service.save({"welcome_done": True}, self.desk.desk, self.desk.actor())
        self.desk.reload()
        if dialog.choice is WelcomeChoice.DEMO:
            self.load_demo_data()
        elif dialog.choice is WelcomeChoice.IMPORT:
            self.import_requested.emit()

    def has_demo_clients(self) -> bool:
        try:
            return self.book.demo_count() > 0
        except StorageError:
            return False

    def remove_demo_data(self) -> None:
        """Take the invented clients out of the book before real work starts."""
        window = self.window
        try:
            count = self.book.demo_count()
        except StorageError as exc:
            interaction.explain(
                window, translate("MainWindow", "The database is not available"), exc
            )
            return
        if not count or not self._may_leave_book():
            return
        if not interaction.confirm(
            window,
            translate("MainWindow", "Remove the demo clients"),
            translate(
                "MainWindow",
                "Remove the {count} demo clients from the book? Real clients stay as they are.",
            ).format(count=QLocale().toString(count)),
            translate("MainWindow", "Remove"),
        ):
            return
        self._clear_book_form()
        try:
            removed = self.book.remove_demo()
        except StorageError as exc:
            interaction.explain(
                window, translate("MainWindow", "The demo clients were not removed"), exc
            )
            return
        self.status_message.emit(
            translate("MainWindow", "{count} demo clients removed.").format(
                count=QLocale().toString(removed)
            )
        )

    def load_demo_data(self) -> None:
        progress = QProgressDialog(
            translate("MainWindow", "Creating demo clients and visits…"), "", 0, 100, self.window
        )
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)

        def step(done: int, total: int) -> None:
            progress.setMaximum(total)
            progress.setValue(done)
            QApplication.processEvents()

        # The demo acts its visits out at past times of the services' clock: the idle
        # watch must not read those as this desk's input.
        self.idle.pause(True)
        try:
            report = self.book.create_demo(DEMO_CLIENTS, self.desk.manager, self.desk.desk, step)
        except (StorageError, DomainError) as exc:
            interaction.explain(
                self.window, translate("MainWindow", "No demo data was created"), exc
            )
            return
        finally:
            progress.close()
            progress.deleteLater()
            self.idle.pause(False)
        self.demo_created.emit()
        self.status_message.emit(
            translate("MainWindow", "{clients} demo clients and {visits} visits created.").format(
                clients=report.clients, visits=report.visits
            )
        )
