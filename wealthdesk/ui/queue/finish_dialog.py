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

from ...domain.durations import minutes_text
from ...domain.queue import FinishCheck, ServiceOutcome, SessionActivity, suggested_outcome
from ...i18n import domain_text, translate
from .. import interaction


class FinishDialog(QDialog):
    """Space ticks a box, "Tick all" ticks the rest, Enter files the session.

    The outcome proposed is the one the session's *activity* suggests (a sale recorded
    is filed as a sale, not as advice); OK with nothing ticked asks once whether to
    finish without the checklist."""

    def __init__(
        self,
        ticket: str,
        minutes: int,
        parent: QWidget | None = None,
        activity: SessionActivity | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("finishDialog")
        self.setWindowTitle(translate("FinishDialog", "Finish the service"))
        self.setMinimumWidth(380)
        self.activity = activity or SessionActivity()
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
            box = QCheckBox(domain_text(check.label))
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
            self.outcome.addItem(domain_text(outcome.label), outcome.value)
        self.suggested = suggested_outcome(self.activity)
        self.outcome.setCurrentIndex(max(self.outcome.findData(self.suggested.value), 0))
        form.addRow(translate("FinishDialog", "Outcome"), self.outcome)
        self.why = QLabel(self._why_text())
        self.why.setObjectName("secondaryText")
        self.why.setWordWrap(True)
        self.why.setVisible(bool(self.why.text()))
        form.addRow("", self.why)
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

    def _why_text(self) -> str:
        """Why the outcome was proposed, when the session recorded something."""
        done = self.activity
        reasons = [
            words.format(n=count)
            for words, count in (
                (translate("FinishDialog", "sales recorded: {n}"), done.sales),
                (translate("FinishDialog", "appointments booked: {n}"), done.appointments),
                (translate("FinishDialog", "call-backs set: {n}"), done.follow_ups),
            )
            if count
        ]
        if not reasons:
            return ""
        return translate("FinishDialog", "In this service, {what}.").format(
            what=translate("FinishDialog", ", ").join(reasons)
        )

    def _tick_all(self) -> None:
        for box in self.checks.values():
            box.setChecked(True)
        self.ok_button.setFocus()

    def accept(self) -> None:
        if not self.checklist and not interaction.confirm(
            self,
            translate("FinishDialog", "Nothing ticked"),
            translate(
                "FinishDialog",
                "Finish without ticking anything on the checklist? Papers, follow-up and "
                "desk are then not confirmed for this service.",
            ),
            translate("FinishDialog", "Finish anyway"),
        ):
            return  # back to the checklist
        super().accept()

    @property
    def checklist(self) -> tuple[FinishCheck, ...]:
        return tuple(check for check, box in self.checks.items() if box.isChecked())

    @property
    def outcome_code(self) -> str:
        return str(self.outcome.currentData())
