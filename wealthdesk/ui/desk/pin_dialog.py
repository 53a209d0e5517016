"""Setting the desk's PIN: typed twice, checked as typed, handed on only as its hash."""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import QT_TRANSLATE_NOOP, Problem
from ...domain.pin import PIN_MAX, PIN_MIN, PinThrottle, hash_pin, new_pin_problems, verify_pin
from ...i18n import translate
from ..forms import show_problems, validated_row


def pin_edit(parent: QWidget) -> QLineEdit:
    """A field for a PIN: hidden as typed, digits only, never offered to a predictor."""
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(PIN_MAX)
    edit.setValidator(
        QRegularExpressionValidator(QRegularExpression(f"[0-9]{{0,{PIN_MAX}}}"), edit)
    )
    edit.setInputMethodHints(
        Qt.InputMethodHint.ImhDigitsOnly
        | Qt.InputMethodHint.ImhHiddenText
        | Qt.InputMethodHint.ImhSensitiveData
        | Qt.InputMethodHint.ImhNoPredictiveText
    )
    return edit


class PinDialog(QDialog):
    """Asks for a new PIN twice. Once accepted, :attr:`pin_hash` holds its stored form and
    the fields are empty: the PIN itself goes no further than this dialog."""

    def __init__(
        self, parent: QWidget | None = None, changing: bool = False, current_hash: str = ""
    ):
        super().__init__(parent)
        # Changing a PIN takes the present one: a passer-by at an open desk cannot.
        self._current_hash = current_hash
        self._throttle = PinThrottle()
        self.monotonic: Callable[[], float] = time.monotonic
        self.setWindowTitle(
            translate("PinDialog", "Change the desk's PIN")
            if changing
            else translate("PinDialog", "Set the desk's PIN")
        )
        self.pin_hash = ""
        self._checked = False  # once OK was pressed, problems follow the typing
        layout = QVBoxLayout(self)
        explanation = QLabel(
            translate(
                "PinDialog",
                "The PIN opens this desk again after you step away or the screen locks "
                "itself. Use {min} to {max} digits that others cannot guess.",
            ).format(min=PIN_MIN, max=PIN_MAX)
        )
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        form = QFormLayout()
        self.current_field = pin_edit(self)
        self.current_field.setObjectName("currentPinField")
        self._errors = {}
        if current_hash:
            self._errors["current"] = validated_row(
                form, QLabel(translate("PinDialog", "Present PIN")), self.current_field
            )
        else:
            self.current_field.setVisible(False)
        self.pin_field = pin_edit(self)
        self.pin_field.setObjectName("newPinField")
        self.repeat_field = pin_edit(self)
        self.repeat_field.setObjectName("repeatPinField")
        self._errors["pin"] = validated_row(
            form, QLabel(translate("PinDialog", "New PIN")), self.pin_field
        )
        self._errors["repeat"] = validated_row(
            form, QLabel(translate("PinDialog", "Repeat the PIN")), self.repeat_field
        )
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.buttons = buttons
        for field in (self.pin_field, self.repeat_field):
            field.textEdited.connect(self._recheck)
        self.setMinimumWidth(460)

    def _problems_shown(self, current: Problem | None = None) -> bool:
        problems = new_pin_problems(self.pin_field.text(), self.repeat_field.text())
        if current is not None:
            problems.insert(0, current)
        invalid = show_problems(self._errors, problems)
        for key, field in (
            ("current", self.current_field),
            ("pin", self.pin_field),
            ("repeat", self.repeat_field),
        ):
            field.setProperty("invalid", key in invalid)
            field.style().unpolish(field)
            field.style().polish(field)
        # Taller while a message shows under a field, and back again when it goes.
        self.layout().activate()
        self.adjustSize()
        return bool(problems)

    def _recheck(self) -> None:
        if self._checked:
            self._problems_shown()

    def accept(self) -> None:
        """Keep the new PIN's hash, or stay open and say what is wrong."""
        self._checked = True
        if self._problems_shown(self._current_problem()):
            return
        self.pin_hash = hash_pin(self.pin_field.text())
        self.pin_field.clear()
        self.repeat_field.clear()
        super().accept()

    def _current_problem(self) -> Problem | None:
        """Why the present PIN typed does not open the desk (slowed like the lock)."""
        if not self._current_hash:
            return None
        typed = self.current_field.text()
        self.current_field.clear()
        now = self.monotonic()
        left = self._throttle.seconds_left(now)
        if left > 0:
            return Problem(
                "current",
                QT_TRANSLATE_NOOP("domain", "Too many wrong PINs: try again in {seconds} s."),
                {"seconds": math.ceil(left)},
            )
        if verify_pin(typed, self._current_hash):
            self._throttle.succeeded()
            return None
        self._throttle.failed(now)
        return Problem("current", QT_TRANSLATE_NOOP("domain", "This is not the present PIN."))

    def reject(self) -> None:
        self.current_field.clear()
        self.pin_field.clear()
        self.repeat_field.clear()
        super().reject()
