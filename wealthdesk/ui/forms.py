"""Form rows with their validation message underneath, shared by every form."""

from __future__ import annotations

import math
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import Problem
from ..domain.product import format_fen, parse_money


def validated_row(
    layout: QFormLayout, label: QLabel, field: QWidget, reserve: bool = True
) -> QLabel:
    """Add *field* beside *label*, with an error line under it that stays hidden while
    the field is valid; returns that error line.

    With *reserve* the line's space is kept while it is hidden: a message appearing as
    the manager types must not push the fields under it down (only a message of several
    lines takes more room). A long form that must fit a small screen may do without."""
    error = error_line()
    if not reserve:
        policy = error.sizePolicy()
        policy.setRetainSizeWhenHidden(False)
        error.setSizePolicy(policy)
    holder = QWidget()
    stack = QVBoxLayout(holder)
    stack.setContentsMargins(0, 0, 0, 0)
    stack.setSpacing(2)
    stack.addWidget(field)
    stack.addWidget(error)
    # A composite field (an edit and its button) gives keyboard focus to its first widget.
    label.setBuddy(field.layout().itemAt(0).widget() if field.layout() else field)
    layout.addRow(label, holder)
    return error


def error_line() -> QLabel:
    """A hidden error message that keeps one line of room in its layout."""
    error = ErrorLine()
    error.setObjectName("fieldError")
    error.setWordWrap(True)
    policy = error.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    error.setSizePolicy(policy)
    error.setVisible(False)
    return error


class ErrorLine(QLabel):
    """A message under a field that is never less than one line high, empty or not, in
    whatever font the style sheet gives it (bold, with a CJK font's taller lines)."""

    def _one_line(self) -> int:
        metrics = self.fontMetrics()
        sample = metrics.boundingRect(QRect(0, 0, 10_000, 1_000), 0, "国Xg")
        margins = self.contentsMargins()
        return max(metrics.lineSpacing(), sample.height()) + margins.top() + margins.bottom()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), max(hint.height(), self._one_line()))

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(hint.width(), max(hint.height(), self._one_line()))

    def heightForWidth(self, width: int) -> int:
        return max(super().heightForWidth(width), self._one_line())


def show_problems(errors: dict[str, QLabel], problems: Iterable[Problem]) -> set[str]:
    """Put each problem, translated, under its field; returns the fields with one."""
    by_field: dict[str, list[str]] = {}
    for problem in problems:
        by_field.setdefault(problem.field, []).append(problem.render(QCoreApplication.translate))
    for field, label in errors.items():
        messages = by_field.get(field)
        label.setText("\n".join(messages) if messages else "")
        label.setVisible(bool(messages))
    return set(by_field)


class ElidedLabel(QLabel):
    """A one-line label that shortens its text with "…" instead of widening the window
    (a 40-character name must not push the table off a 1366-pixel screen)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:
        self._full = text
        self.updateGeometry()
        shown = self._elided()
        self.setToolTip(text if shown != text else "")  # never an old name in the tooltip
        super().setText(shown)

    def full_text(self) -> str:
        return self._full

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(self.fontMetrics().horizontalAdvance(self._full) + 8, hint.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(40, super().minimumSizeHint().height())

    def _elided(self) -> str:
        return self.fontMetrics().elidedText(
            self._full, Qt.TextElideMode.ElideRight, max(self.width(), 40)
        )

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        shown = self._elided()
        self.setToolTip(self._full if shown != self._full else "")
        super().setText(shown)


class AmountEcho(QWidget):
    """An amount field with, beside it, the amount it is read as (``5万`` → ¥50,000.00),
    so that the manager sees the sum before saving; nothing while it is not an amount."""

    def __init__(self, edit: QLineEdit, parent: QWidget | None = None):
        super().__init__(parent)
        self.edit = edit
        self.echo = QLabel()
        self.echo.setObjectName("amountEcho")
        self.echo.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # Room for ¥99,999,999.99 from the start: the field does not shrink as one types.
        self.echo.setMinimumWidth(self.echo.fontMetrics().horizontalAdvance("¥99,999,999,999.99"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1)
        row.addWidget(self.echo)
        edit.textChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        text = self.edit.text().strip()
        fen = parse_money(text) if text else None
        # Nothing to add when the field already reads as the echo would.
        shown = fen is not None and text.lstrip("¥￥") != format_fen(fen)
        self.echo.setText(f"= ¥{format_fen(fen)}" if shown else "")


class ElidedCheckBox(QCheckBox):
    """A check box whose text is shortened with "…" when its column is narrow, whole in
    its tooltip (a long end-of-day checklist item must not widen the page)."""

    MIN_CHARS = 8  # what it shows at the least, besides the box

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setText(text)

    def setText(self, text: str) -> None:
        self._full = text
        self.updateGeometry()
        self._show()

    def text(self) -> str:
        return self._full

    def _box_width(self) -> int:
        """The width of the box and the space before the text."""
        return super().sizeHint().width() - self.fontMetrics().horizontalAdvance(super().text())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(
            self._box_width() + self.fontMetrics().horizontalAdvance(self._full), hint.height()
        )

    def minimumSizeHint(self) -> QSize:
        least = self._box_width() + self.fontMetrics().averageCharWidth() * self.MIN_CHARS
        return QSize(min(least, self.sizeHint().width()), super().minimumSizeHint().height())

    def _show(self) -> None:
        room = max(self.width() - self._box_width(), 0)
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, room)
        self.setToolTip(self._full if shown != self._full else "")
        super().setText(shown)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._show()


class WrappedLabel(QLabel):
    """A label on one line up to *chars* average characters' width, wrapped onto more
    lines past it (a long English label must not widen its form)."""

    def __init__(self, chars: int, parent: QWidget | None = None):
        super().__init__(parent)
        self._chars = chars
        self.setWordWrap(True)

    def _width(self) -> int:
        metrics = QFontMetricsF(self.font())
        widest = max(
            (metrics.horizontalAdvance(line) for line in self.text().split("\n")), default=0
        )
        # Whole pixels and a little more: a text measured exactly may still wrap.
        widest = math.ceil(widest) + 2
        margins = self.contentsMargins()
        most = self.fontMetrics().averageCharWidth() * self._chars
        return min(widest, most) + margins.left() + margins.right() + 2 * self.margin()

    def sizeHint(self) -> QSize:
        width = self._width()
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()
