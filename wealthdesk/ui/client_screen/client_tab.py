"""What every tab of the client screen is: shown for one client (and the visit under way),
cleared without a trace when the client leaves; and the tabs that list the client's
records of one kind (holdings, sales)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Signal, SignalInstance
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from ...services.storage import StorageError
from .. import defs
from ..desk.context import DeskContext
from ..language import Retranslating
from ..models import SORT_ROLE, TableModel
from ..tables import list_table


class ClientTab(Retranslating, QWidget):
    """A tab of the client screen (holdings, risk, sales, care…).

    The client screen calls :meth:`show_client` when a client is opened and
    :meth:`clear` when they leave (finish, call next, step away, lock, idle): after
    ``clear`` no widget, model, label, tooltip or undo history of the tab may hold
    anything of the client. :meth:`title` is the tab's text (it may carry a count);
    emit ``title_changed`` when it changes. Messages for the status bar never carry
    client data.
    """

    title_changed = Signal()
    status_message = Signal(str)

    def __init__(self, desk: DeskContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.desk = desk
        self.client_id: int | None = None
        self.visit_id: int | None = None

    def show_client(self, client_id: int, visit_id: int | None = None) -> None:
        """Read and show *client_id*'s part of the record; *visit_id* is the visit under
        way (what a sale or a consent belongs to), None outside a service."""
        self.client_id, self.visit_id = client_id, visit_id

    def clear(self) -> None:
        self.client_id = self.visit_id = None

    def maybe_leave(self) -> bool:
        """Before the manager's own action clears the screen: True when the tab may be
        left (nothing typed and not recorded, or the manager chose)."""
        return True

    def client_values(self) -> set[str]:
        """The client's values the tab shows that the record form does not (the privacy
        registry's scan, the clipboard's guard); the service page adds them to its own."""
        return set()

    def title(self) -> str:
        raise NotImplementedError

    def language_changed(self) -> None:
        self.retranslate()
        self.title_changed.emit()


class RecordsTab(ClientTab):
    """A tab listing the shown client's records of one kind: a bar (the tab's summary
    and buttons, in :attr:`bar`) above a sortable table of *model*, read again whenever
    *changed* (a book's signal, with a client id) says the client's records changed.

    A tab says how to :meth:`read` a client's records (raising
    :class:`~wealthdesk.services.storage.StorageError`), which :attr:`EMPTY` stand when
    nothing is shown, the table's :meth:`rows` of them, and its
    :meth:`show_summary`; :attr:`records` holds what is shown.
    """

    EMPTY = ()

    def __init__(
        self,
        desk: DeskContext,
        model: TableModel,
        table_name: str,
        stretch_column: int,
        changed: SignalInstance,
        parent: QWidget | None = None,
    ):
        super().__init__(desk, parent)
        self.records = self.EMPTY
        self.model = model
        model.setParent(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = list_table(self.proxy, table_name, stretch_column, left_headers=True)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.bar = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(defs.MARGIN, defs.MARGIN, defs.MARGIN, defs.MARGIN)
        layout.addLayout(self.bar)
        layout.addWidget(self.table, 1)
        changed.connect(self._changed)

    # -- what a tab says
    def read(self, client_id: int):
        raise NotImplementedError

    def rows(self, records) -> list:
        return list(records)

    def show_summary(self) -> None:
        """The bar's summary of :attr:`records` (empty when no client is shown)."""

    def _update_buttons(self, *_args) -> None:
        """The buttons enabled as the client and the row selected allow."""

    # -- ClientTab
    def show_client(self, client_id: int, visit_id: int | None = None) -> None:
        super().show_client(client_id, visit_id)
        self.refresh()

    def clear(self) -> None:
        super().clear()
        self.records = self.EMPTY
        self.model.clear()
        self.show_summary()
        self._update_buttons()
        self.title_changed.emit()

    def retranslate(self) -> None:
        self.model.retranslate()
        self.show_summary()

    # -- reading
    def refresh(self) -> None:
        if self.client_id is None:
            return
        try:
            self.records = self.read(self.client_id)
        except StorageError as exc:
            self.records = self.EMPTY
            self.status_message.emit(exc.render(QCoreApplication.translate))
        self.model.set_rows(self.rows(self.records))
        self.show_summary()
        self._update_buttons()
        self.title_changed.emit()

    def _changed(self, client_id: int) -> None:
        if client_id == self.client_id:
            self.refresh()

    def selected(self):
        """The record in the row selected, or None."""
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().hasSelection():
            return None
        return self.model.row_at(self.proxy.mapToSource(index).row())


__all__ = ["ClientTab", "RecordsTab"]
