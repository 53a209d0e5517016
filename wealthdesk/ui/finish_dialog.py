"""The end-of-service checklist and outcome, ticked in a few keystrokes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.durations import minutes_text
from ..domain.queue import FinishCheck, ServiceOutcome
from ..i18n import translate


class FinishDialog(QDialog):
    """Space ticks a box, "Tick all" ticks the rest, Enter files the session."""

    def __init__(self, ticket: str, minutes: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("finishDialog")
        self.setWindowTitle(translate("FinishDialog", "Finish the service"))
        self.setMinimumWidth(380)
        layout = QVBoxLayout(self)
        heading = QLabel(
            translate("FinishDialog", "{ticket} · {duration} in service").format(
                ticket=ticket, duration=minutes_text(minutes, QCoreApplication.translate)
            )
        )
        heading.setObjectName("dialogHeading")
        layout.addWidget(heading)
        layout.addWidget(QLabel(translate("FinishDialog", "Before the next client:")))
        self.checks: dict[FinishCheck, QCheckBox] = {}
        for check in FinishCheck:
            box = QCheckBox(QCoreApplication.translate("domain", check.label))
            self.checks[check] = box
            layout.addWidget(box)
        self.tick_all = QPushButton(translate("FinishDialog", "Tick all"))
        self.tick_all.setAutoDefault(False)
        self.tick_all.clicked.connect(self._tick_all)
        layout.addWidget(self.tick_all)

        form = QFormLayout()
        self.outcome = QComboBox()
        for outcome in ServiceOutcome:
            if outcome is ServiceOutcome.NOT_FILED:
                continue  # the day close's word for a session nobody finished
            self.outcome.addItem(QCoreApplication.translate("domain", outcome.label), outcome.value)
        form.addRow(translate("FinishDialog", "Outcome"), self.outcome)
        layout.addLayout(form)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(translate("FinishDialog", "Finish and clear the screen"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            translate("FinishDialog", "Keep serving")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.ok_button.setDefault(True)
        next(iter(self.checks.values())).setFocus()

    def _tick_all(self) -> None:
        for box in self.checks.values():
            box.setChecked(True)
        self.ok_button.setFocus()

    @property
    def checklist(self) -> tuple[FinishCheck, ...]:
        return tuple(check for check, box in self.checks.items() if box.isChecked())

    @property
    def outcome_code(self) -> str:
        return str(self.outcome.currentData())
