"""A client event (a 理财沙龙): its name, day, place and the tier it is for, with how many
clients it will invite, counted as the tier changes."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.care import EVENT_NAME_MAX, TIER_ORDER, event_problems
from ...domain.client import Tier
from ...domain.errors import DomainError
from ...i18n import domain_text, translate
from ...services import clock
from ...services.care import EventInfo
from ...services.storage import StorageError
from .. import interaction
from ..forms import show_problems, validated_row
from .care_book import CareBook


class EventDialog(QDialog):
    def __init__(self, book: CareBook, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("eventDialog")
        self.book = book
        self.created: EventInfo | None = None
        self.setWindowTitle(translate("EventDialog", "New client event"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setMaxLength(EVENT_NAME_MAX)
        self.name.setPlaceholderText(
            translate("EventDialog", "e.g. Wealth salon: year-end asset allocation")
        )
        self.errors = {
            "name": validated_row(form, QLabel(translate("EventDialog", "Name")), self.name)
        }
        next_week = clock.today() + dt.timedelta(days=7)
        self.date = QDateEdit(QDate(next_week.year, next_week.month, next_week.day))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.errors["event_date"] = validated_row(
            form, QLabel(translate("EventDialog", "Day")), self.date
        )
        self.tier = QComboBox()
        for tier in TIER_ORDER:
            self.tier.addItem(
                translate("EventDialog", "{tier} and above").format(tier=domain_text(tier.label)),
                tier.value,
            )
        self.tier.setCurrentIndex(TIER_ORDER.index(Tier.GOLD))
        self.errors["min_tier"] = validated_row(
            form, QLabel(translate("EventDialog", "For")), self.tier
        )
        self.invited = QLabel()
        self.invited.setObjectName("invitedCount")
        form.addRow("", self.invited)
        self.place = QLineEdit()
        self.errors["place"] = validated_row(
            form, QLabel(translate("EventDialog", "Place")), self.place
        )
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(80)
        form.addRow(QLabel(translate("EventDialog", "Notes")), self.notes)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(translate("EventDialog", "Create and invite"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.tier.currentIndexChanged.connect(self.count_invited)
        self.count_invited()

    def min_tier(self) -> Tier:
        return Tier(self.tier.currentData())

    def event_date(self) -> dt.date:
        chosen = self.date.date()
        return dt.date(chosen.year(), chosen.month(), chosen.day())

    def count_invited(self) -> None:
        try:
            count = self.book.invitation_count(self.min_tier())
        except StorageError:
            self.invited.setText("")
            return
        self.invited.setText(
            translate(
                "EventDialog", "{count} clients will be invited (with marketing consent)"
            ).replace("{count}", f"{count:,}")
        )

    def problems_text(self) -> str:
        return "\n".join(label.text() for label in self.errors.values() if not label.isHidden())

    def accept(self) -> None:
        problems = event_problems(
            self.name.text(), self.event_date(), self.place.text(), clock.today()
        )
        if show_problems(self.errors, problems):
            return
        try:
            self.created = self.book.create_event(
                self.name.text(),
                self.event_date(),
                self.min_tier(),
                self.place.text(),
                self.notes.toPlainText(),
            )
        except DomainError as exc:
            show_problems(self.errors, exc.problems)
            return
        except StorageError as exc:
            interaction.explain(self, translate("EventDialog", "The event was not saved"), exc)
            return
        super().accept()
