"""Logging a care call: how it ended, when to call back, notes, how long, whether
product information was sent. The task's client is shown masked."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.care import CALL_MINUTES_MAX, CallOutcome, call_problems
from ...domain.errors import DomainError, join_problems
from ...i18n import domain_text, translate
from ...services import clock
from ...services.care import CallInfo, CareItem
from ...services.storage import StorageError
from .. import interaction
from ..forms import show_problems, validated_row
from .care_book import CareBook

DEFAULT_MINUTES = 5


class CallDialog(QDialog):
    """OK logs the call (the task closes, stays open or makes the next one, as the
    outcome says); a refusal shows its reasons under the fields and keeps the dialog."""

    def __init__(self, book: CareBook, item: CareItem, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("callDialog")
        self.book = book
        self.item = item
        self.logged: CallInfo | None = None
        self.setWindowTitle(translate("CallDialog", "Log a call"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        self.heading = QLabel(
            translate("CallDialog", "{name}: {reason}").format(
                name=item.masked_name, reason=item.reason.render(QCoreApplication.translate)
            )
        )
        self.heading.setObjectName("callHeading")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)

        form = QFormLayout()
        outcomes = QWidget()
        row = QHBoxLayout(outcomes)
        row.setContentsMargins(0, 0, 0, 0)
        self.outcome_group = QButtonGroup(self)
        self.outcome_buttons: dict[CallOutcome, QRadioButton] = {}
        for outcome in CallOutcome:
            button = QRadioButton(domain_text(outcome.label))
            self.outcome_group.addButton(button)
            self.outcome_buttons[outcome] = button
            row.addWidget(button)
            button.toggled.connect(self._outcome_changed)
        row.addStretch(1)
        self.errors = {
            "outcome": validated_row(form, QLabel(translate("CallDialog", "Outcome")), outcomes)
        }
        now = clock.now()
        tomorrow = now.date() + dt.timedelta(days=1)
        self.call_back = QDateTimeEdit(
            QDateTime(QDate(tomorrow.year, tomorrow.month, tomorrow.day), QTime(10, 0))
        )
        self.call_back.setCalendarPopup(True)
        self.call_back.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.call_back_label = QLabel(translate("CallDialog", "Call back at"))
        self.errors["call_back_at"] = validated_row(form, self.call_back_label, self.call_back)
        self.duration = QSpinBox()
        self.duration.setRange(0, CALL_MINUTES_MAX)
        self.duration.setValue(DEFAULT_MINUTES)
        self.duration.setSuffix(translate("CallDialog", " min"))
        self.errors["duration"] = validated_row(
            form, QLabel(translate("CallDialog", "Duration")), self.duration
        )
        self.info_sent = QCheckBox(translate("CallDialog", "Product information sent"))
        form.addRow("", self.info_sent)
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(translate("CallDialog", "What was said, what was agreed"))
        self.notes.setMaximumHeight(90)
        self.errors["notes"] = validated_row(
            form, QLabel(translate("CallDialog", "Notes")), self.notes
        )
        layout.addLayout(form)
        self.general_error = QLabel()
        self.general_error.setObjectName("fieldError")
        self.general_error.setWordWrap(True)
        self.general_error.setVisible(False)
        layout.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(translate("CallDialog", "Log call"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._outcome_changed()

    # ------------------------------------------------------------ reading the form
    def outcome(self) -> CallOutcome | None:
        return next((o for o, b in self.outcome_buttons.items() if b.isChecked()), None)

    def call_back_at(self) -> dt.datetime | None:
        if self.outcome() is not CallOutcome.CALL_BACK:
            return None
        chosen = self.call_back.dateTime()
        day, time = chosen.date(), chosen.time()
        local = dt.datetime(day.year(), day.month(), day.day(), time.hour(), time.minute())
        return local.replace(tzinfo=clock.now().tzinfo)

    def _outcome_changed(self) -> None:
        asked = self.outcome() is CallOutcome.CALL_BACK
        self.call_back.setVisible(asked)
        self.call_back_label.setVisible(asked)
        if not asked:
            self.errors["call_back_at"].setVisible(False)
        if self.outcome() is CallOutcome.NO_ANSWER and self.duration.value() == DEFAULT_MINUTES:
            self.duration.setValue(1)

    def problems_text(self) -> str:
        shown = [label.text() for label in self.errors.values() if not label.isHidden()]
        if not self.general_error.isHidden():
            shown.append(self.general_error.text())
        return "\n".join(shown)

    # ------------------------------------------------------------ saving
    def accept(self) -> None:
        notes = self.notes.toPlainText()
        problems = call_problems(
            self.outcome(), self.duration.value(), notes, self.call_back_at(), clock.now()
        )
        show_problems(self.errors, problems)
        self.general_error.setVisible(False)
        if problems:
            return
        try:
            self.logged = self.book.log_call(
                self.item.task_id,
                self.outcome(),
                notes,
                self.duration.value(),
                self.info_sent.isChecked(),
                self.call_back_at(),
            )
        except DomainError as exc:
            flagged = show_problems(self.errors, exc.problems)
            rest = [p for p in exc.problems if p.field not in flagged]
            if rest:
                self.general_error.setText(join_problems(rest, QCoreApplication.translate))
                self.general_error.setVisible(True)
            return
        except StorageError as exc:
            interaction.explain(self, translate("CallDialog", "The call was not logged"), exc)
            return
        super().accept()
