"""The day agenda and the week view: appointments drawn in their time on a grid of the
office day, the lunch break and closed days marked, today's time as a line."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QEvent,
    QLocale,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QFrame, QScrollArea, QToolTip, QVBoxLayout, QWidget

from ...domain.appointment import AppointmentStatus as S
from ...i18n import domain_text, translate
from ...services import clock
from ..language import Retranslating
from .agenda_model import AgendaModel, Placed, describe
from .appointment_model import purposes_text, shown_name

SNAP_MINUTES = 15  # a double-click on free time books from the quarter hour
NOW_TICK_MS = 60_000


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _pen(color: QColor, width: float = 1.0, style=Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(color, width)
    pen.setStyle(style)
    return pen


class _Header(QWidget):
    """The days above the grid: weekday and date, "today" in bold, a closed day's reason."""

    def __init__(self, grid: AgendaGrid):
        super().__init__()
        self.grid = grid
        self.setObjectName("agendaHeader")

    def sizeHint(self) -> QSize:
        return QSize(200, self.fontMetrics().height() * 2 + 10)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Window))
        today = clock.today()
        line = self.fontMetrics().height()
        for n, day in enumerate(self.grid.model.days):
            x, width = self.grid.column(n)
            rect = QRect(x, 0, width, self.height())
            font = QFont(self.font())
            font.setBold(day.date == today)
            painter.setFont(font)
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            title = QLocale().dayName(day.date.isoweekday(), QLocale.FormatType.ShortFormat)
            title = f"{title} {day.date:%m-%d}"
            if day.date == today:
                title += " · " + translate("AgendaView", "today")
            # Measured in the font it is drawn in: today's bold title is wider.
            painter.drawText(
                rect.adjusted(4, 4, -4, -line - 4),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                painter.fontMetrics().elidedText(title, Qt.TextElideMode.ElideRight, width - 8),
            )
            if day.closed or day.note:
                painter.setFont(self.font())
                role = QPalette.ColorRole.PlaceholderText if day.closed else QPalette.ColorRole.Link
                painter.setPen(palette.color(role))
                painter.drawText(
                    rect.adjusted(4, line + 6, -4, -2),
                    int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                    self.fontMetrics().elidedText(
                        day.closed or day.note, Qt.TextElideMode.ElideRight, width - 8
                    ),
                )
        painter.setPen(_pen(palette.color(QPalette.ColorRole.Mid)))
        painter.drawLine(0, self.height() - 1, self.width(), self.height() - 1)


class AgendaGrid(QWidget):
    """The grid itself, as tall as the day needs: a time gutter on the left, one column
    per day, each appointment a block in its lane."""

    chosen = Signal(int)  # an appointment's id, clicked or reached with the keyboard
    open_requested = Signal(int)  # double-click or Enter on an appointment
    new_requested = Signal(dt.datetime)  # double-click on free time: a booking from then

    def __init__(self, model: AgendaModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("agendaGrid")
        self.model = model
        self.selected_id: int | None = None
        self.available_height = 0
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        model.modelReset.connect(self._model_changed)
        model.dataChanged.connect(lambda *_: self.update())

    # ------------------------------------------------------------ geometry
    def hour_height(self) -> int:
        """At least three lines an hour; more when the office day fits the space shown."""
        first, last = self.model.minutes_shown()
        # The closing hour's line and time stay in view under the last hour.
        room = self.available_height - self.fontMetrics().height() - 4
        fitted = room * 60 // max(last - first, 60)
        return max(self.fontMetrics().height() * 3, fitted)

    def fit_to(self, height: int) -> None:
        """Spread the office day over *height* pixels (the scroll area's) when it can."""
        if height != self.available_height:
            self.available_height = height
            self._model_changed()

    def gutter(self) -> int:
        return self.fontMetrics().horizontalAdvance("00:00") + 16

    def column(self, n: int) -> tuple[int, int]:
        """The x and width of day *n*'s column."""
        count = max(len(self.model.days), 1)
        usable = max(self.width() - self.gutter(), count)
        left = self.gutter() + usable * n // count
        right = self.gutter() + usable * (n + 1) // count
        return left, right - left

    def y_of(self, minutes: int) -> int:
        first, _last = self.model.minutes_shown()
        return round((minutes - first) * self.hour_height() / 60)

    def minutes_at(self, y: int) -> int:
        first, _last = self.model.minutes_shown()
        return first + int(y * 60 / self.hour_height())

    def block_rect(self, p: Placed) -> QRect:
        x, width = self.column(p.day)
        inner = width - 6
        left = x + 3 + inner * p.lane // p.lanes
        right = x + 3 + inner * (p.lane + 1) // p.lanes
        top = self.y_of(p.start)
        bottom = max(self.y_of(p.end), top + self.fontMetrics().height() + 4)
        return QRect(left, top + 1, right - left - 2, bottom - top - 2)

    def sizeHint(self) -> QSize:
        first, last = self.model.minutes_shown()
        return QSize(
            480, (last - first) * self.hour_height() // 60 + self.fontMetrics().height() + 4
        )

    def minimumSizeHint(self) -> QSize:
        return QSize(self.gutter() + 80, self.sizeHint().height())

    def _model_changed(self) -> None:
        if self.selected_id is not None and self.model.row_of(self.selected_id) < 0:
            self.selected_id = None
        self.setMinimumHeight(self.sizeHint().height())
        self.updateGeometry()
        self.update()

    # ------------------------------------------------------------ painting
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        painter.fillRect(self.rect(), base)
        first, last = self.model.minutes_shown()
        hours = self.model.hours
        shade = palette.color(QPalette.ColorRole.AlternateBase)
        grid = palette.color(QPalette.ColorRole.Midlight)
        text = palette.color(QPalette.ColorRole.PlaceholderText)
        for n, day in enumerate(self.model.days):
            x, width = self.column(n)
            if day.closed:
                painter.fillRect(QRect(x, 0, width, self.height()), shade)
                continue
            if hours is None:
                continue
            opens = hours.open.hour * 60 + hours.open.minute
            closes = hours.close.hour * 60 + hours.close.minute
            for begin, end in ((first, opens), (closes, last)):
                if end > begin:
                    painter.fillRect(
                        QRect(x, self.y_of(begin), width, self.y_of(end) - self.y_of(begin)), shade
                    )
            lunch_from = hours.lunch_start.hour * 60 + hours.lunch_start.minute
            lunch_to = hours.lunch_end.hour * 60 + hours.lunch_end.minute
            if lunch_to > lunch_from:
                band = QRect(
                    x, self.y_of(lunch_from), width, self.y_of(lunch_to) - self.y_of(lunch_from)
                )
                painter.fillRect(band, shade)
                painter.fillRect(band, QBrush(grid, Qt.BrushStyle.BDiagPattern))
                painter.setPen(text)
                painter.drawText(
                    band.adjusted(4, 2, -4, -2),
                    int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
                    translate("AgendaView", "Lunch break"),
                )
        # Hour lines and the times in the gutter.
        for minutes in range(first, last + 1, 60):
            y = self.y_of(minutes)
            painter.setPen(_pen(grid))
            painter.drawLine(self.gutter() - 4, y, self.width(), y)
            painter.setPen(text)
            painter.drawText(
                QRect(0, y + 2, self.gutter() - 8, self.fontMetrics().height()),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
                _hhmm(minutes),
            )
        for minutes in range(first + 30, last, 60):
            y = self.y_of(minutes)
            painter.setPen(_pen(grid, 1, Qt.PenStyle.DotLine))
            painter.drawLine(self.gutter(), y, self.width(), y)
        painter.setPen(_pen(grid))
        for n in range(len(self.model.days)):
            x, _w = self.column(n)
            painter.drawLine(x, 0, x, self.height())
        for p in self.model.placed:
            self._paint_block(painter, p)
        self._paint_now(painter)

    def _bold(self) -> QFont:
        bold = QFont(self.font())
        bold.setBold(True)
        return bold

    @staticmethod
    def _inner(rect: QRect) -> QRect:
        """Where a block's text goes: a narrow lane keeps less padding for it."""
        pad = 5 if rect.width() > 60 else 2
        return rect.adjusted(pad, 2, -pad, -2)

    def block_lines(self, p: Placed) -> list[str]:
        """The lines block *p* shows, as drawn (the first one bold): "10:30 张*" when it
        fits the block, otherwise the masked name first and the time under it, so that
        side by side in a narrow lane a booking keeps its name; a line too long for the
        block is cut at its tail ("…"); as many lines as the block's height holds."""
        a = p.appointment
        rect = self.block_rect(p)
        inner = self._inner(rect)
        width = inner.width()
        bold = QFontMetrics(self._bold())
        metrics = self.fontMetrics()
        line = metrics.height()
        time, name = f"{a.start:%H:%M}", shown_name(a)
        together = f"{time} {name}"
        if bold.elidedText(together, Qt.TextElideMode.ElideRight, width) == together or not name:
            first, more = together, []
        else:
            first, more = name, [time]
        status = "" if a.status in (S.BOOKED, S.CONFIRMED) else self._status_word(a)
        if status:
            more.append(status)
        purposes = purposes_text(a)
        if purposes:
            more.append(purposes)
        if a.items_total:
            more.append(
                translate("AgendaView", "prepared {done}/{total}").format(
                    done=a.items_done, total=a.items_total
                )
            )
        lines = [bold.elidedText(first, Qt.TextElideMode.ElideRight, width)]
        y = inner.top() + line
        for text in more:
            if y + line > rect.bottom() - 1:
                break
            lines.append(metrics.elidedText(text, Qt.TextElideMode.ElideRight, width))
            y += line
        return lines

    def _paint_block(self, painter: QPainter, p: Placed) -> None:
        a = p.appointment
        palette = self.palette()
        rect = self.block_rect(p)
        selected = a.id == self.selected_id
        highlight = palette.color(QPalette.ColorRole.Highlight)
        done = a.status in (S.COMPLETED, S.NO_SHOW)
        fill = QColor(highlight)
        fill.setAlphaF(0.10 if done else 0.22 if a.status is S.BOOKED else 0.35)
        painter.setBrush(fill)
        # Colour is never the only signal: a booked (not yet confirmed) one has a dashed
        # border, and the status is written in the block when there is room.
        style = Qt.PenStyle.DashLine if a.status is S.BOOKED else Qt.PenStyle.SolidLine
        painter.setPen(_pen(highlight, 3 if selected else 1.2, style))
        painter.drawRoundedRect(QRectF(rect), 4, 4)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        line = self.fontMetrics().height()
        inner = self._inner(rect)
        for n, text in enumerate(self.block_lines(p)):
            painter.setFont(self._bold() if n == 0 else self.font())
            painter.drawText(
                QRect(inner.left(), inner.top() + n * line, inner.width(), line),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                text,
            )
        painter.setFont(self.font())
        if a.items_total and rect.height() > line + 8:
            bar = QRect(rect.left() + 4, rect.bottom() - 2, rect.width() - 8, 2)
            painter.fillRect(bar, palette.color(QPalette.ColorRole.Midlight))
            bar.setWidth(int(bar.width() * a.progress))
            painter.fillRect(bar, highlight)
        if selected and self.hasFocus():
            painter.setPen(_pen(palette.color(QPalette.ColorRole.Text), 1, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(rect.adjusted(2, 2, -2, -2)), 3, 3)

    @staticmethod
    def _status_word(a) -> str:
        return domain_text(a.status.label)

    def _paint_now(self, painter: QPainter) -> None:
        now = clock.now()
        first, last = self.model.minutes_shown()
        minutes = now.hour * 60 + now.minute
        for n, day in enumerate(self.model.days):
            if day.date != now.date() or not first <= minutes <= last:
                continue
            x, width = self.column(n)
            y = self.y_of(minutes)
            color = QColor("#d32f2f")
            painter.setPen(_pen(color, 2))
            painter.drawLine(x, y, x + width, y)
            painter.setBrush(color)
            painter.drawEllipse(QPoint(x + 1, y), 4, 4)

    # ------------------------------------------------------------ choosing
    def placed_at(self, point: QPoint) -> Placed | None:
        for p in reversed(self.model.placed):
            if self.block_rect(p).contains(point):
                return p
        return None

    def day_at(self, x: int) -> int:
        for n in range(len(self.model.days)):
            left, width = self.column(n)
            if left <= x < left + width:
                return n
        return -1

    def select(self, appointment_id: int | None, announce: bool = False) -> bool:
        """Mark *appointment_id* chosen (None: none); True when it is on the agenda."""
        found = appointment_id is not None and self.model.row_of(appointment_id) >= 0
        self.selected_id = appointment_id if found else None
        self.update()
        if found:
            p = self.model.placed[self.model.row_of(appointment_id)]
            self._scroll_to(self.block_rect(p))
            if announce:
                self.chosen.emit(appointment_id)
        return found

    def _scroll_to(self, rect: QRect) -> None:
        area = self.parentWidget().parentWidget() if self.parentWidget() else None
        if isinstance(area, QScrollArea):
            area.ensureVisible(rect.center().x(), rect.center().y(), 0, rect.height() // 2 + 8)

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            p = self.placed_at(event.position().toPoint())
            if p is not None:
                self.select(p.appointment.id, announce=True)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        point = event.position().toPoint()
        p = self.placed_at(point)
        if p is not None:
            self.open_requested.emit(p.appointment.id)
            return
        n = self.day_at(point.x())
        if n < 0 or self.model.days[n].closed:
            return
        minutes = self.minutes_at(point.y()) // SNAP_MINUTES * SNAP_MINUTES
        day = self.model.days[n].date
        self.new_requested.emit(dt.datetime.combine(day, dt.time(minutes // 60, minutes % 60)))

    def keyPressEvent(self, event) -> None:
        placed = self.model.placed
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected_id is not None:
            self.open_requested.emit(self.selected_id)
            return
        steps = {
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Left: -1,
        }
        if key in steps and placed:
            row = self.model.row_of(self.selected_id) if self.selected_id is not None else -1
            if row < 0:
                row = 0 if steps[key] > 0 else len(placed) - 1
            else:
                row = max(0, min(len(placed) - 1, row + steps[key]))
            self.select(placed[row].appointment.id, announce=True)
            return
        super().keyPressEvent(event)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            p = self.placed_at(event.pos())
            if p is not None:
                QToolTip.showText(event.globalPos(), describe(p.appointment), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.update()


class AgendaView(Retranslating, QFrame):
    """The header of days over the scrolling grid, both from one :class:`AgendaModel`."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("agendaView")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.model = AgendaModel(self)
        self.grid = AgendaGrid(self.model)
        self.header = _Header(self.grid)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(self.grid)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.scroll, 1)
        self.model.modelReset.connect(self.header.update)
        self.scroll.viewport().installEventFilter(self)
        self._now_timer = QTimer(self)
        self._now_timer.setInterval(NOW_TICK_MS)
        self._now_timer.timeout.connect(self.grid.update)
        self._now_timer.start()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.scroll.viewport() and event.type() == QEvent.Type.Resize:
            self.grid.fit_to(event.size().height() - 1)
        return super().eventFilter(watched, event)

    def language_changed(self) -> None:
        self.header.update()
        self.grid.update()


__all__ = ["AgendaGrid", "AgendaView"]
