"""The client table: masked identifiers, a page at a time while browsing."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QTableView

from ...i18n import domain_text, translate
from ...services.clients import ClientSummary
from ..icons import icon
from ..models import ID_ROLE, TableModel
from ..tables import NAME_CHARS, fit_columns
from .client_book import ClientBook

PAGE_SIZE = 200

COL_NAME, COL_TIER, COL_GENDER, COL_AGE, COL_MOBILE, COL_ID, COL_MANAGER, COL_UPDATED = range(8)
COL_NUMBER = 8  # the record's number in the book, as branches know their clients
COLUMN_COUNT = 9

CLIENT_ID_ROLE = ID_ROLE


class ClientTableModel(TableModel):
    """Rows are :class:`ClientSummary`; browse mode pages in more rows on demand."""

    CONTEXT = "ClientTableModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("ClientTableModel", "Name"),
        QT_TRANSLATE_NOOP("ClientTableModel", "Tier"),
        QT_TRANSLATE_NOOP("ClientTableModel", "Gender"),
        QT_TRANSLATE_NOOP("ClientTableModel", "Age"),
        QT_TRANSLATE_NOOP("ClientTableModel", "Mobile"),
        QT_TRANSLATE_NOOP("ClientTableModel", "ID number"),
        QT_TRANSLATE_NOOP("ClientTableModel", "Manager"),
        QT_TRANSLATE_NOOP("ClientTableModel", "Updated"),
        QT_TRANSLATE_NOOP("ClientTableModel", "No."),
    )
    NUMBER_COLUMNS = frozenset({COL_AGE, COL_NUMBER})

    def __init__(self, book: ClientBook, parent=None):
        super().__init__(parent)
        self._book = book
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

    def replace_row(self, summary: ClientSummary) -> None:
        row = self.row_of(summary.id)
        if row >= 0:
            self._rows[row] = summary
            self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMN_COUNT - 1))

    # -- what the table says
    def text(self, row: ClientSummary, col: int) -> str:
        mark = self._marks.get(row.id) if col == COL_NAME else None
        text = self._plain(row, col)
        return f"{text}  {mark}" if mark else text

    def sort_key(self, row: ClientSummary, col: int):
        if col == COL_AGE:
            return row.age if row.age is not None else -1
        if col == COL_TIER:
            return row.tier.rank
        if col == COL_UPDATED:
            return row.updated_at.isoformat()
        if col == COL_NUMBER:
            return row.id
        return self._plain(row, col)

    def more(self, row: ClientSummary, col: int, role):
        if role == Qt.ItemDataRole.DecorationRole and col == COL_NAME and row.id in self._marks:
            return icon("appointments")
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
    def _plain(row: ClientSummary, col: int) -> str:
        if col == COL_NAME:
            return row.name
        if col == COL_TIER:
            return domain_text(row.tier.label)
        if col == COL_GENDER:
            return domain_text(row.gender.label) if row.gender else ""
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
