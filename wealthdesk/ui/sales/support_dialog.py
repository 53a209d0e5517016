"""Logging support given to a colleague's sale: who, what analysis, how long, and
whether a sale followed."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.care import COLLEAGUE_MAX, SUPPORT_MINUTES_MAX, SupportKind, support_problems
from ...domain.errors import DomainError
from ...i18n import domain_text, translate
from ...services.care import SupportInfo
from ...services.storage import StorageError
from .. import interaction
from ..forms import show_problems, validated_row
from ..today.care_book import CareBook


class SupportDialog(QDialog):
    def __init__(self, book: CareBook, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("supportDialog")
        self.book = book
        self.logged: SupportInfo | None = None
        self.setWindowTitle(translate("SupportDialog", "Colleague support"))
        self.setMinimumWidth(400)
        layout = QVBoxLayout(self)
        intro = QLabel(
            translate(
                "SupportDialog",
                "Time spent backing a colleague's sale counts towards your time on client work.",
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.colleague = QLineEdit()
        self.colleague.setMaxLength(COLLEAGUE_MAX)
        self.errors = {
            "colleague": validated_row(
                form, QLabel(translate("SupportDialog", "Colleague")), self.colleague
            )
        }
        self.kind = QComboBox()
        for kind in SupportKind:
            self.kind.addItem(domain_text(kind.label), kind.value)
        self.errors["kind"] = validated_row(
            form, QLabel(translate("SupportDialog", "Analysis")), self.kind
        )
        self.duration = QSpinBox()
        self.duration.setRange(0, SUPPORT_MINUTES_MAX)
        self.duration.setSingleStep(5)
        self.duration.setValue(30)
        self.duration.setSuffix(translate("SupportDialog", " min"))
        self.errors["duration"] = validated_row(
            form, QLabel(translate("SupportDialog", "Duration")), self.duration
        )
        self.sale_followed = QCheckBox(translate("SupportDialog", "A sale followed"))
        form.addRow("", self.sale_followed)
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(80)
        self.errors["notes"] = validated_row(
            form, QLabel(translate("SupportDialog", "Notes")), self.notes
        )
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def chosen_kind(self) -> SupportKind:
        return SupportKind(self.kind.currentData())

    def problems_text(self) -> str:
        return "\n".join(label.text() for label in self.errors.values() if not label.isHidden())

    def accept(self) -> None:
        values = (
            self.colleague.text(),
            self.chosen_kind(),
            self.duration.value(),
        )
        problems = support_problems(*values, self.notes.toPlainText())
        if show_problems(self.errors, problems):
            return
        try:
            self.logged = self.book.log_support(
                *values, self.sale_followed.isChecked(), self.notes.toPlainText()
            )
        except DomainError as exc:
            show_problems(self.errors, exc.problems)
            return
        except StorageError as exc:
            interaction.explain(self, translate("SupportDialog", "The support was not logged"), exc)
            return
        super().accept()
