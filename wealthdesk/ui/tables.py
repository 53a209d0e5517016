"""The list table every page shows its rows in: whole rows chosen one at a time, never
edited in place, sorted through a proxy by a sort role, one column taking the room; and
how any table's columns share its width."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QPainter, QPalette, QPolygonF
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QProxyStyle,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionHeader,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
)

# Rows beyond those shown that a column's width is measured on: enough for a page of
# clients, cheap on a book of 100,000.
FIT_ROWS = 200
# No short column grows past this many average characters: a long text is elided in it.
MAX_COLUMN_CHARS = 28
# A name column never narrower than this many average characters: a narrow table
# scrolls sideways rather than cut every name to "…".
NAME_CHARS = 12
PRODUCT_NAME_CHARS = 20  # a product's name is longer: 稳健添利180天持有期理财


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


def fit_columns(
    view: QTableView, stretch: int | None, stretch_chars: int = 0, make_room: bool = False
) -> None:
    """Share *view*'s width out: every column as wide as its header and cells (up to
    :data:`MAX_COLUMN_CHARS`, longer texts elided), *stretch* (the name-ish column)
    taking what is left, its long texts elided; an elided text is whole in a tooltip.

    *stretch* never gets narrower than *stretch_chars* average characters (0: the
    least a column may be): when what is left is less, the table scrolls sideways
    instead, so a name stays readable. With *make_room*, the table asks its layout for
    the width of all its columns, *stretch* at that least, so that none is pushed out
    of sight. With *stretch* None, no column stretches: the table is as wide as its
    columns (with ``AdjustToContents``, it asks its layout for just that).
    """
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    # A column's width is measured on the rows in sight and this many more (the rows'
    # header sets it for the columns, and the other way round).
    view.verticalHeader().setResizeContentsPrecision(FIT_ROWS)
    header.setResizeContentsPrecision(FIT_ROWS)
    # Every column sized here, as the header would size it to its contents (its own
    # stretching has no least width, and it does not always measure again when only
    # texts change).
    header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setWordWrap(False)
    # Sideways a pixel at a time: a column half in sight can be scrolled to whole.
    view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    if type(view.itemDelegate()) is QStyledItemDelegate:  # not one of a page's own
        view.setItemDelegate(ElidedTextTips(view))
    fitter = view.findChild(_ColumnFitter) or _ColumnFitter(view)
    fitter.stretch = stretch
    fitter.stretch_chars = stretch_chars
    fitter.make_room = make_room and stretch is not None
    fitter.fit()


class _ColumnFitter(QTimer):
    """Keeps a table's columns fitted (see :func:`fit_columns`): measured again once its
    rows or texts have changed (a refresh, a language switch), and the stretching
    column fitted as the table is resized."""

    def __init__(self, view: QTableView):
        super().__init__(view)
        self.view = view
        self.stretch: int | None = None
        self.stretch_chars = 0
        self.make_room = False
        self.setSingleShot(True)
        self.setInterval(0)
        self.timeout.connect(self.fit)
        model = view.model()
        for signal in (
            model.modelReset,
            model.layoutChanged,
            model.rowsInserted,
            model.rowsRemoved,
            model.dataChanged,
            model.headerDataChanged,
        ):
            signal.connect(self.start)
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.stretch_to_fill()
        return False

    def least(self) -> int:
        """The least width of the stretching column."""
        header = self.view.horizontalHeader()
        chars = self.view.fontMetrics().averageCharWidth() * self.stretch_chars
        return max(header.minimumSectionSize(), chars)

    def fit(self) -> None:
        header = self.view.horizontalHeader()
        for column in range(header.count()):
            if column != self.stretch and not header.isSectionHidden(column):
                header.resizeSection(column, content_width(self.view, column))
        if self.make_room:
            self.view.setMinimumWidth(columns_width(self.view, skip=self.stretch) + self.least())
        self.stretch_to_fill()

    def stretch_to_fill(self) -> None:
        header = self.view.horizontalHeader()
        column = self.stretch
        if column is None or column >= header.count() or header.isSectionHidden(column):
            return
        others = sum(
            header.sectionSize(c)
            for c in range(header.count())
            if c != column and not header.isSectionHidden(c)
        )
        header.resizeSection(column, max(self.least(), self.view.viewport().width() - others))


def content_width(view: QTableView, column: int) -> int:
    """How wide *column* is when it follows its contents: its header's and its cells'
    widths, at least the header's least section size, at most
    :data:`MAX_COLUMN_CHARS` average characters."""
    header = view.horizontalHeader()
    wanted = max(header.sectionSizeHint(column), view.sizeHintForColumn(column))
    most = view.fontMetrics().averageCharWidth() * MAX_COLUMN_CHARS
    return max(header.minimumSectionSize(), min(wanted, most))


def columns_width(view: QTableView, skip: int | None = None) -> int:
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
    wide as their contents but *stretch_column*, which takes the rest (never less than
    :data:`PRODUCT_NAME_CHARS`: its lists are of products)."""
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
    fit_columns(table, stretch_column, stretch_chars=PRODUCT_NAME_CHARS)
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


__all__ = [
    "NAME_CHARS",
    "ElidedTextTips",
    "SortArrowStyle",
    "columns_width",
    "content_width",
    "fit_columns",
    "list_table",
]
