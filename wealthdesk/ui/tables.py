"""The list table every page shows its rows in: whole rows chosen one at a time, never
edited in place, sorted through a proxy by a sort role, one column taking the room; and
how any table's columns share its width."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
)

# Rows beyond those shown that a column's width is measured on: enough for a page of
# clients, cheap on a book of 100,000.
FIT_ROWS = 200
# No short column grows past this many average characters: a long text is elided in it.
MAX_COLUMN_CHARS = 28


class ElidedTextTips(QStyledItemDelegate):
    """Cells drawn as usual; one whose text is cut short ("…") shows the whole text when
    pointed at, unless the model gives a tooltip of its own."""

    def helpEvent(self, event, view, option, index) -> bool:
        if (
            event is not None
            and event.type() == QEvent.Type.ToolTip
            and index.isValid()
            and index.data(Qt.ItemDataRole.ToolTipRole) in (None, "")
        ):
            text = index.data(Qt.ItemDataRole.DisplayRole)
            if text not in (None, "") and self.elided(option, index):
                QToolTip.showText(event.globalPos(), str(text), view)
                return True
        return super().helpEvent(event, view, option, index)

    def elided(self, option: QStyleOptionViewItem, index) -> bool:
        """Whether the cell at *index*, drawn in *option*'s rectangle, is cut short."""
        return self.sizeHint(option, index).width() > option.rect.width()


def fit_columns(view: QTableView, stretch: int, stretch_min_chars: int = 0) -> None:
    """Share *view*'s width out: every column as wide as its header and cells (up to
    :data:`MAX_COLUMN_CHARS`, longer texts elided), *stretch* (the name-ish column)
    taking what is left, its long texts elided. An elided text is whole in a tooltip.

    With *stretch_min_chars*, the view asks its layout for room for every column with
    at least that many characters' width for *stretch*, so that the columns that
    follow it are never pushed out of sight; without, a narrow view scrolls sideways.
    """
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    # A column's width is measured on the rows in sight and this many more (the rows'
    # header sets it for the columns, and the other way round).
    view.verticalHeader().setResizeContentsPrecision(FIT_ROWS)
    header.setResizeContentsPrecision(FIT_ROWS)
    header.setMaximumSectionSize(view.fontMetrics().averageCharWidth() * MAX_COLUMN_CHARS)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setWordWrap(False)
    # Sideways a pixel at a time: a column half in sight can be scrolled to whole.
    view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    if type(view.itemDelegate()) is QStyledItemDelegate:  # not one of a page's own
        view.setItemDelegate(ElidedTextTips(view))
    if stretch_min_chars:
        _ask_for_room(view, stretch, stretch_min_chars)


def _ask_for_room(view: QTableView, stretch: int, stretch_min_chars: int) -> None:
    """Keep *view*'s minimum width at what its columns need, measured again (once)
    after its rows or headers change. (The header does not announce the sizes it gives
    columns that follow their contents, so the contents are measured here.)"""
    timer = QTimer(view)
    timer.setSingleShot(True)
    timer.setInterval(0)

    def ask() -> None:
        room = view.fontMetrics().averageCharWidth() * stretch_min_chars
        view.setMinimumWidth(columns_width(view, skip=stretch) + room)

    timer.timeout.connect(ask)
    model = view.model()
    for signal in (
        model.modelReset,
        model.layoutChanged,
        model.rowsInserted,
        model.rowsRemoved,
        model.dataChanged,
        model.headerDataChanged,
    ):
        signal.connect(timer.start)
    ask()


def content_width(view: QTableView, column: int) -> int:
    """How wide *column* is when it follows its contents: its header's and its cells'
    widths, within the header's least and greatest section sizes."""
    header = view.horizontalHeader()
    wanted = max(header.sectionSizeHint(column), view.sizeHintForColumn(column))
    return max(header.minimumSectionSize(), min(wanted, header.maximumSectionSize()))


def columns_width(view: QTableView, skip: int = -1) -> int:
    """The width *view* needs to show its shown columns whole as their contents are
    (*skip* left out), with its frame and a vertical scroll bar."""
    header = view.horizontalHeader()
    shown = sum(
        content_width(view, column)
        for column in range(header.count())
        if column != skip and not header.isSectionHidden(column)
    )
    scroll_bar = view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, view)
    return shown + 2 * view.frameWidth() + scroll_bar


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
    if left_headers:
        table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
    fit_columns(table, stretch_column)
    return table


__all__ = ["ElidedTextTips", "columns_width", "content_width", "fit_columns", "list_table"]
