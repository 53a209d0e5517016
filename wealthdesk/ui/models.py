"""What every table model of the app shares: the roles it answers, and the base that
holds its rows, names its columns and answers Qt for it."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    Qt,
)

# The roles every table answers beyond Qt's own.
ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's record (a visit's, a client's…) id
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # what a column sorts by: the proxies' sort role
# A model's own roles are OWN_ROLE, OWN_ROLE + 1…; the privacy scan of the tests reads
# the roles up to UserRole + 7, so a model's own roles stay within them.
OWN_ROLE = Qt.ItemDataRole.UserRole + 3

NUMBER_ALIGNMENT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def announce_retranslated(model: QAbstractItemModel) -> None:
    """Tell the views that every header and cell reads differently now (the language
    changed): the headers and one ``dataChanged`` over the whole table."""
    columns = model.columnCount()
    rows = model.rowCount()
    if columns:
        model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)
    if rows and columns:
        model.dataChanged.emit(model.index(0, 0), model.index(rows - 1, columns - 1))


class TableModel(QAbstractTableModel):
    """Rows of one kind, a header per column, cleared without a trace.

    A table names its columns in :attr:`HEADERS` (``QT_TRANSLATE_NOOP`` in
    :attr:`CONTEXT`), right-aligns :attr:`NUMBER_COLUMNS`, and says what a cell reads
    (:meth:`text`), what it sorts by when not by that text (:meth:`sort_key`), the
    row's id (:meth:`row_id`) and anything else a role asks (:meth:`more`).
    """

    HEADERS: tuple[str, ...] = ()
    CONTEXT = ""
    NUMBER_COLUMNS: frozenset[int] = frozenset()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []

    # -- updating
    def set_rows(self, rows: Iterable) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def retranslate(self) -> None:
        announce_retranslated(self)

    # -- looking up
    def row_at(self, row: int):
        """The record shown in *row*, or None."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, ident) -> int:
        """The row showing the record whose :meth:`row_id` is *ident*, or -1."""
        return next((i for i, item in enumerate(self._rows) if self.row_id(item) == ident), -1)

    # -- what a table says of its rows
    def text(self, item, column: int) -> str:
        raise NotImplementedError

    def sort_key(self, item, column: int):
        return self.text(item, column)

    def row_id(self, item):
        """What :data:`ID_ROLE` answers for *item*: its record's id."""
        return getattr(item, "id", None)

    def more(self, item, column: int, role):
        return None

    # -- Qt model
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if 0 <= section < len(self.HEADERS):
            return QCoreApplication.translate(self.CONTEXT, self.HEADERS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(item, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.NUMBER_COLUMNS:
            return NUMBER_ALIGNMENT
        if role == ID_ROLE:
            return self.row_id(item)
        if role == SORT_ROLE:
            return self.sort_key(item, column)
        return self.more(item, column, role)


__all__ = [
    "ID_ROLE",
    "NUMBER_ALIGNMENT",
    "OWN_ROLE",
    "SORT_ROLE",
    "TableModel",
    "announce_retranslated",
]
