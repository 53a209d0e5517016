"""Stepping away or going to lunch: when the manager is back, asked in one field."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain.desk import DeskState, return_time_problem
from ..i18n import translate
from ..services import clock
from .forms import show_problems, validated_row


class AwayDialog(QDialog):
    """Enter accepts the suggested time; the screen is cleared and locked after."""

    def __init__(self, state: DeskState, suggested: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("awayDialog")
        self.state = state
        title = (
            translate("AwayDialog", "Lunch break")
            if state is DeskState.LUNCH
            else translate("AwayDialog", "Step away")
        )
        self.setWindowTitle(title)
        self.setMinimumWidth(380)
        layout = QVBoxLayout(self)
        intro = QLabel(
            translate(
                "AwayDialog",
                "The client screen is cleared and the desk locked until you are back.",
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.until = QLineEdit(suggested)
        self.until.setObjectName("returnTime")
        self.until.setInputMask("99:99")
        self.until.setMaximumWidth(90)
        self._errors = {
            "until": validated_row(form, QLabel(translate("AwayDialog", "Back at")), self.until)
        }
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            translate("AwayDialog", "Lock the desk")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.until.setFocus()
        self.until.selectAll()

    @property
    def until_text(self) -> str:
        return self.until.text().strip()

    def accept(self) -> None:
        problem = return_time_problem(self.until_text, clock.now())
        show_problems(self._errors, [problem] if problem else [])
        if problem is None:
            super().accept()


def state_text(
    state: DeskState, until: str = "", ticket: str = "", minutes: int = 0, called: bool = False
) -> str:
    """The desk's state in a few words, for the status bar and the lock screen."""
    label = QCoreApplication.translate("domain", state.label)
    if state is DeskState.SERVING and ticket and called:
        return translate("AwayDialog", "Called {ticket} · {n} min ago").format(
            ticket=ticket, n=minutes
        )
    if state is DeskState.SERVING and ticket:
        return translate("AwayDialog", "Serving {ticket} · {n} min").format(
            ticket=ticket, n=minutes
        )
    if state.takes_return_time and until:
        return translate("AwayDialog", "{state} · back at {time}").format(state=label, time=until)
    return label
