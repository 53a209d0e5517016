"""What every table model of the app shares."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt


def announce_retranslated(model: QAbstractItemModel) -> None:
    """Tell the views that every header and cell reads differently now (the language
    changed): the headers and one ``dataChanged`` over the whole table."""
    columns = model.columnCount()
    rows = model.rowCount()
    if columns:
        model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)
    if rows and columns:
        model.dataChanged.emit(model.index(0, 0), model.index(rows - 1, columns - 1))
