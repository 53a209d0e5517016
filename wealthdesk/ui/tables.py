"""The list table every page shows its rows in: whole rows chosen one at a time, never
edited in place, sorted through a proxy by a sort role, one column taking the room."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSortFilterProxyModel, Qt
from PySide6.QtGui import QPainter, QPalette, QPolygonF
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QProxyStyle,
    QStyle,
    QStyleOptionHeader,
    QTableView,
)


def list_table(
    proxy: QSortFilterProxyModel, name: str, stretch_column: int, left_headers: bool = False
) -> QTableView:
    """A sortable table of *proxy* (unsorted until a header is clicked), its columns as
    wide as their contents but *stretch_column*, which takes the rest."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(proxy)
    table.setSortingEnabled(True)
    table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if left_headers:
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
    header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    return table


class SortArrowStyle(QProxyStyle):
    """The application's style, with header sort arrows that point the way the order
    goes, as Windows and macOS draw them: ▲ ascending (the smallest on top), ▼
    descending (the newest date on top). Qt's own styles disagree among themselves
    (Fusion draws a descending order with ▲), so the arrow is drawn here, the same on
    every platform."""

    def drawPrimitive(self, element, option, painter, widget=None) -> None:
        if element != QStyle.PrimitiveElement.PE_IndicatorHeaderArrow or not isinstance(
            option, QStyleOptionHeader
        ):
            super().drawPrimitive(element, option, painter, widget)
            return
        indicator = option.sortIndicator
        if indicator == QStyleOptionHeader.SortIndicator.None_:
            return
        # Qt calls an ascending order's indicator "SortDown" (QHeaderView).
        ascending = indicator == QStyleOptionHeader.SortIndicator.SortDown
        rect = option.rect
        size = float(max(5, min(rect.width(), rect.height(), 7)))
        centre = QPointF(rect.center())
        half, rise = size / 2, size * 0.3
        if ascending:
            points = [(-half, rise), (half, rise), (0, -rise)]
        else:
            points = [(-half, -rise), (half, -rise), (0, rise)]
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(option.palette.color(QPalette.ColorRole.ButtonText))
        painter.drawPolygon(QPolygonF([centre + QPointF(x, y) for x, y in points]))
        painter.restore()


__all__ = ["SortArrowStyle", "list_table"]
