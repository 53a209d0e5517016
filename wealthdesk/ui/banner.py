"""A line of guidance at the top of a page or the window, until the manager closes it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from . import defs


class Banner(QFrame):
    """A line of guidance at the top of the page, until the manager closes it."""

    closed = Signal()  # the manager closed it (not hidden by the program)

    def __init__(self, object_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(self)
        row.setContentsMargins(defs.SPACING, defs.SPACING, defs.SPACING, defs.SPACING)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self._close_clicked)
        row.addWidget(self.text, 1)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.setVisible(False)

    def show_text(self, text: str) -> None:
        self.text.setText(text)
        self.setVisible(True)

    def dismiss(self) -> None:
        self.text.setText("")
        self.setVisible(False)

    def _close_clicked(self) -> None:
        self.dismiss()
        self.closed.emit()
