"""The Clients page: search as you type, the client table and the detail form."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QLocale,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ... import local_settings
from ...domain.errors import NotFound
from ...domain.identity import age_on
from ...i18n import translate
from ...services import clock
from ...services.clients import ClientRecord, ClientSummary
from ...services.storage import StorageError
from .. import defs, interaction
from ..icons import icon
from ..language import Retranslating
from ..models import SORT_ROLE
from ..tables import NAME_CHARS, fit_columns
from .client_book import ClientBook
from .client_table_model import CLIENT_ID_ROLE, COL_NAME, ClientTableModel

if TYPE_CHECKING:
    from .client_form import ClientForm


class ClientsPage(Retranslating, QWidget):
    status_message = Signal(str)
    import_requested = Signal()

    def __init__(self, book: ClientBook, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("clientsPage")
        self._book = book
        self._changing_selection = False
        self._stale = False

        self.search = QLineEdit()
        self.search.setObjectName("clientSearch")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.textChanged.connect(self._search_later)
        self.new_button = QPushButton(icon("add-client"), "")
        self.new_button.clicked.connect(self.new_client)
        self.import_button = QPushButton(icon("import"), "")
        self.import_button.clicked.connect(self.import_requested)
        self.result_label = QLabel()
        self.result_label.setObjectName("secondaryText")
        self.result_label.setWordWrap(True)

        self.model = ClientTableModel(book, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSortLocaleAware(True)
        self.table = QTableView()
        self.table.setObjectName("clientTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # keep the service's order
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
        fit_columns(self.table, COL_NAME, stretch_chars=NAME_CHARS)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the form
        self.table.installEventFilter(self)
        self.search.installEventFilter(self)

        # The detail form is built the first time a client is opened: until then the
        # pane shows how to start, and the window opens faster.
        self._form: ClientForm | None = None
        self.default_manager: Callable[[], str] = lambda: ""
        self.placeholder = QLabel()
        self.placeholder.setObjectName("emptyDetail")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        # At least 360 pixels, and as wide as the form needs once it is built (a fixed
        # minimum on the stack let the splitter cut the form's buttons off at 1024).
        self.placeholder.setMinimumWidth(360)
        self.detail = QStackedWidget()
        self.detail.addWidget(self.placeholder)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(defs.SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.import_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(defs.MARGIN, defs.MARGIN, 0, defs.MARGIN)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.result_label)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        book.clients_changed.connect(self._clients_changed)
        self.retranslate()

    # ------------------------------------------------------------ state
    def restore_state(self) -> None:
        splitter = local_settings.state(local_settings.CLIENTS_SPLITTER)
        if splitter:
            self.splitter.restoreState(splitter)
        else:  # the list on the left, every column in sight at 1366; the record beside it
            self.splitter.setSizes([640, 360])
        header = local_settings.state(local_settings.CLIENTS_HEADER)
        if header:
            self.table.horizontalHeader().restoreState(header)
            # The sort is kept; the widths follow the contents (a state saved before
            # they did held fixed widths that cut the last column off).
            fit_columns(self.table, COL_NAME, stretch_chars=NAME_CHARS)

    def save_state(self) -> None:
        local_settings.set_state(local_settings.CLIENTS_SPLITTER, self.splitter.saveState())
        local_settings.set_state(
            local_settings.CLIENTS_HEADER, self.table.horizontalHeader().saveState()
        )

    def retranslate(self) -> None:
        self.placeholder.setText(
            translate(
                "ClientsPage",
                "Choose a client in the list to see their record, or press “New client”.",
            )
        )
        self.search.setPlaceholderText(
            translate(
                "ClientsPage",
                "Find a client: name, pinyin or initials (zw), last 4 digits of mobile or ID",
            )
        )
        self.search.setToolTip(
            translate("ClientsPage", "Search ({key})").format(key=defs.key_text(defs.FOCUS_SEARCH))
        )
        self.new_button.setText(translate("ClientsPage", "New client"))
        self.new_button.setToolTip(
            translate("ClientsPage", "Add a client ({key})").format(
                key=defs.key_text(defs.NEW_CLIENT)
            )
        )
        self.import_button.setText(translate("ClientsPage", "Import…"))
        self.import_button.setToolTip(
            translate("ClientsPage", "Import clients from a CSV file ({key})").format(
                key=defs.key_text(defs.IMPORT)
            )
        )
        self.model.retranslate()
        self._update_result_label()

    # ------------------------------------------------------------ searching
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _search_later(self) -> None:
        self._timer.start()

    def run_search(self) -> None:
        """Show the clients matching the search box (all clients when it is empty)."""
        self._timer.stop()
        current = self._form.client_id if self._form else None
        self._more = False
        self._needs_digits = False
        self._failure = ""
        text = self.search.text().strip()
        try:
            if text:
                result = self._book.search(text)
                self._more = result.more
                self._needs_digits = result.needs_more_digits
                self.model.show_rows(result.rows)
            else:
                self.model.browse()
        except StorageError as exc:
            self.model.clear()
            self._failure = exc.render(QCoreApplication.translate)
        # Sorting by a column is honest only when every matching row is loaded.
        self._allow_sorting(bool(text) and not self._more)
        self._update_result_label()
        if current is not None:
            self._select_client(current)

    def refresh(self) -> None:
        self.run_search()

    def _allow_sorting(self, allowed: bool) -> None:
        if allowed == self.table.isSortingEnabled():
            return
        self.table.setSortingEnabled(allowed)
        if not allowed:
            self.proxy.sort(-1)  # back to the service's order (pinyin, best match first)
            self.table.horizontalHeader().setSortIndicatorShown(False)

    def eventFilter(self, watched, event) -> bool:
        """Keyboard flow: type in the search box, Enter opens the first match, Down
        walks the list, Esc clears the search; Enter in the list goes to the form."""
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        key = event.key()
        if watched is self.search:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.run_search()
                if self.proxy.rowCount():
                    self.table.setFocus()
                    self.table.setCurrentIndex(self.proxy.index(0, 0))
                return True
            if key == Qt.Key.Key_Down and self.proxy.rowCount():
                self.table.setFocus()
                if not self.table.currentIndex().isValid():
                    self.table.setCurrentIndex(self.proxy.index(0, 0))
                return True
            if key == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
        elif watched is self.table and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._form and self._form.is_active():
                self._form.name.setFocus()
            return True
        return super().eventFilter(watched, event)

    def _update_result_label(self) -> None:
        if getattr(self, "_failure", ""):
            text = self._failure
        elif getattr(self, "_needs_digits", False):
            text = translate(
                "ClientsPage",
                "Type at least 4 digits to search by the end of a mobile or ID number.",
            )
        elif not self.search.text().strip() and self.model.total == 0:
            text = translate(
                "ClientsPage",
                "The client book is empty: add a client with “New client” or bring in a list "
                "with “Import…”.",
            )
        elif not self.search.text().strip():
            text = translate("ClientsPage", "{count} clients").format(
                count=QLocale().toString(self.model.total)
            )
        elif getattr(self, "_more", False):
            text = translate(
                "ClientsPage",
                "The first {count} matches are shown; type more to narrow the search.",
            ).format(count=self.model.rowCount())
        elif self.model.rowCount() == 0:
            text = translate("ClientsPage", "No client matches.")
        else:
            text = translate("ClientsPage", "{count} matching clients").format(
                count=self.model.rowCount()
            )
        self.result_label.setText(text)

    def _clients_changed(self) -> None:
        # Keep what the manager sees; just bring rows up to date.
        if not (self._form and self._form.is_dirty()):
            self.run_search()

    # ------------------------------------------------------------ opening clients
    def _current_changed(self, current, previous) -> None:
        if self._changing_selection or not current.isValid():
            return
        client_id = self.proxy.data(current, CLIENT_ID_ROLE)
        if self._form and client_id == self._form.client_id:
            return
        if not self.maybe_leave():
            self._changing_selection = True
            self.table.selectionModel().setCurrentIndex(
                previous,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self._changing_selection = False
            return
        self.open_client(client_id)

    def open_client(self, client_id: int) -> bool:
        try:
            record = self._book.get(client_id)
        except (NotFound, StorageError) as exc:
            interaction.explain(self, translate("ClientsPage", "Client not found"), exc)
            self.run_search()
            return False
        self.form.show_client(record)
        self._select_client(client_id)
        return True

    def new_client(self) -> None:
        if not self.maybe_leave():
            return
        self._changing_selection = True
        self.table.clearSelection()
        self.table.selectionModel().clearCurrentIndex()
        self._changing_selection = False
        self.form.new_client()

    def _select_client(self, client_id: int) -> None:
        row = self.model.row_of(client_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self._changing_selection = True
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        self._changing_selection = False

    def _saved(self, client_id: int) -> None:
        if self.model.row_of(client_id) >= 0:
            record = self._book.get(client_id)
            self.model.replace_row(_summary_of(record))
        else:
            # A new client: show it by its name so it is in the list and selected.
            self.search.blockSignals(True)
            self.search.setText(self.form.current_draft().name)
            self.search.blockSignals(False)
            self.run_search()
        self._select_client(client_id)

    def maybe_leave(self) -> bool:
        return self._form.maybe_leave() if self._form else True

    def client_values(self) -> set[str]:
        """What the page shows of a client in full: the open form's values, the search."""
        values = self._form.client_values() if self._form is not None else set()
        return values | {self.search.text()}

    def clear_client(self) -> None:
        """Forget the open client and the search that found them; the list is read again
        the next time the page is shown, so nothing of theirs stays in its model."""
        if self._form is not None:
            self._form.clear()
        self._timer.stop()
        self.search.blockSignals(True)
        self.search.setText("")  # setText, not clear(): the undo history goes too
        self.search.blockSignals(False)
        self.model.clear()
        self._allow_sorting(False)
        self.result_label.setText("")
        self._stale = True

    def mark_stale(self) -> None:
        """Read the list again when the page is next shown (at once if it is showing)."""
        self._stale = True
        if self.isVisible():
            self._stale = False
            self.run_search()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.run_search()

    @property
    def form(self) -> ClientForm:
        """The detail form, built on first use."""
        if self._form is None:
            from .client_form import ClientForm

            form = ClientForm(self._book, self)
            form.default_manager = lambda: self.default_manager()
            form.saved.connect(self._saved)
            form.status_message.connect(self.status_message)
            form.active_changed.connect(self._show_detail)
            self.detail.addWidget(form)
            self._form = form
        return self._form

    def save_client(self) -> bool:
        return self._form.save() if self._form else True

    def _show_detail(self, active: bool) -> None:
        """The form while a client is open; otherwise the hint, so nothing stays shown."""
        self.detail.setCurrentWidget(self._form if active and self._form else self.placeholder)


def _summary_of(record: ClientRecord) -> ClientSummary:
    d = record.draft
    return ClientSummary(
        id=record.id,
        name=d.name,
        tier=d.tier,
        gender=d.gender,
        age=age_on(d.birth_date, clock.today()) if d.birth_date else None,
        masked_mobile=record.masked_mobile,
        masked_id=record.masked_id,
        manager=d.manager,
        updated_at=record.updated_at,
        is_demo=record.is_demo,
    )
