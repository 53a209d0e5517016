"""The client table: masked identifiers, a page at a time while browsing."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QTableView

from ...i18n import translate
from ...services.clients import ClientSummary
from ..icons import icon
from ..models import announce_retranslated
from ..tables import NAME_CHARS, fit_columns
from .client_book import ClientBook

PAGE_SIZE = 200

COL_NAME, COL_TIER, COL_GENDER, COL_AGE, COL_MOBILE, COL_ID, COL_MANAGER, COL_UPDATED = range(8)
COL_NUMBER = 8  # the record's number in the book, as branches know their clients
COLUMN_COUNT = 9

CLIENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


def _headers() -> tuple[str, ...]:
    return (
        translate("ClientTableModel", "Name"),
        translate("ClientTableModel", "Tier"),
        translate("ClientTableModel", "Gender"),
        translate("ClientTableModel", "Age"),
        translate("ClientTableModel", "Mobile"),
        translate("ClientTableModel", "ID number"),
        translate("ClientTableModel", "Manager"),
        translate("ClientTableModel", "Updated"),
        translate("ClientTableModel", "No."),
    )


class ClientTableModel(QAbstractTableModel):
    """Rows are :class:`ClientSummary`; browse mode pages in more rows on demand."""

    def __init__(self, book: ClientBook, parent=None):
        super().__init__(parent)
        self._book = book
        self._rows: list[ClientSummary] = []
        self._total = 0
        self._browsing = True
        self._marks: dict[int, str] = {}  # client id → a note beside the name

    # -- loading
    def browse(self) -> None:
        """Show every client in pinyin order, fetching further pages as the view scrolls."""
        self.beginResetModel()
        self._browsing = True
        self._total = self._book.count()
        self._rows = self._book.page(0, PAGE_SIZE)
        self.endResetModel()

    def show_rows(self, rows: list[ClientSummary], marks: dict[int, str] | None = None) -> None:
        """Show exactly these rows (a search result); *marks* puts a note and a badge
        beside the names of some (the check-in's "Appointment 10:30")."""
        self.beginResetModel()
        self._browsing = False
        self._rows = list(rows)
        self._total = len(rows)
        self._marks = dict(marks or {})
        self.endResetModel()

    def mark(self, row: int) -> str:
        """The note beside the name in *row*, or an empty string."""
        return self._marks.get(self._rows[row].id, "") if 0 <= row < len(self._rows) else ""

    def clear(self) -> None:
        self.show_rows([])

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and self._browsing and len(self._rows) < self._total

    def fetchMore(self, parent=QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        more = self._book.page(len(self._rows), PAGE_SIZE)
        if not more:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    @property
    def total(self) -> int:
        return self._total

    def row_of(self, client_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == client_id), -1)

    def client_at(self, row: int) -> ClientSummary:
        return self._rows[row]

    def replace_row(self, summary: ClientSummary) -> None:
        row = self.row_of(summary.id)
        if row >= 0:
            self._rows[row] = summary
            self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMN_COUNT - 1))

    # -- Qt model
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < COLUMN_COUNT:
            return _headers()[section]
        return None

    def retranslate(self) -> None:
        announce_retranslated(self)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            text = self._display(row, col)
            mark = self._marks.get(row.id) if col == COL_NAME else None
            return f"{text}  {mark}" if mark else text
        if role == Qt.ItemDataRole.DecorationRole and col == COL_NAME and row.id in self._marks:
            return icon("appointments")
        if role == SORT_ROLE:
            if col == COL_AGE:
                return row.age if row.age is not None else -1
            if col == COL_TIER:
                return row.tier.rank
            if col == COL_UPDATED:
                return row.updated_at.isoformat()
            if col == COL_NUMBER:
                return row.id
            return self._display(row, col)
        if role == CLIENT_ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_AGE, COL_NUMBER):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_NAME and row.id in self._marks:
            return self._marks[row.id]
        if row.is_demo and col == COL_NAME:
            if role == Qt.ItemDataRole.ToolTipRole:
                return translate(
                    "ClientTableModel", "Demo client (invented; File ▸ Remove the demo clients)"
                )
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setItalic(True)
                return font
        if role == Qt.ItemDataRole.ToolTipRole and col in (COL_MOBILE, COL_ID):
            return translate(
                "ClientTableModel", "Masked. Open the client and press Show to see the full number."
            )
        return None

    @staticmethod
    def _display(row: ClientSummary, col: int) -> str:
        translate = QCoreApplication.translate
        if col == COL_NAME:
            return row.name
        if col == COL_TIER:
            return translate("domain", row.tier.label)
        if col == COL_GENDER:
            return translate("domain", row.gender.label) if row.gender else ""
        if col == COL_AGE:
            return "" if row.age is None else str(row.age)
        if col == COL_MOBILE:
            return row.masked_mobile
        if col == COL_ID:
            return row.masked_id
        if col == COL_MANAGER:
            return row.manager
        if col == COL_UPDATED:
            return row.updated_at.strftime("%Y-%m-%d %H:%M")
        if col == COL_NUMBER:
            return str(row.id)
        return ""


def client_matches_view(model: ClientTableModel, hidden: tuple[int, ...]) -> QTableView:
    """A compact, read-only list of clients found by a search (check-in, identifying a
    walk-in, choosing an appointment's client): whole rows, one at a time, *hidden*
    columns left out."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    for column in hidden:
        view.setColumnHidden(column, True)
    fit_columns(view, COL_NAME, stretch_chars=NAME_CHARS)
    return view
