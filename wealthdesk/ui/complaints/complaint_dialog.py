"""One complaint: registering it (for a client of the book, or a visitor known by a name
and a phone), then who handles it, the deadline, and its resolution with the client's
answer. The client is shown masked; what happened is written in the client's words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.complaints import (
    ComplaintCategory,
    ComplaintChannel,
    ComplaintDraft,
    ComplaintStatus,
    draft_problems,
    resolution_problems,
)
from ...domain.errors import DomainError, join_problems
from ...i18n import domain_text, translate
from ...services import clock
from ...services.complaints import ComplaintInfo
from ...services.storage import StorageError
from .. import interaction
from ..forms import show_problems, validated_row
from ..privacy import wipe
from .complaint_book import ComplaintBook


def deadline_text(complaint: ComplaintInfo) -> str:
    """``2026-10-14 · Overdue by 3 days`` / ``· 5 days left`` / ``· Resolved``."""
    if complaint.status is ComplaintStatus.RESOLVED:
        state = domain_text(complaint.urgency.label)
    elif complaint.days_left < 0:
        state = translate("ComplaintDialog", "overdue by {days} days").format(
            days=-complaint.days_left
        )
    elif complaint.days_left == 0:
        state = translate("ComplaintDialog", "due today")
    else:
        state = translate("ComplaintDialog", "{days} days left").format(days=complaint.days_left)
    return f"{complaint.deadline.isoformat()} · {state}"


class ComplaintDialog(QDialog):
    """New (*complaint* None, with *draft* giving who and from which visit) or an existing
    complaint. ``saved`` is the complaint as stored after the last change made here."""

    def __init__(
        self,
        book: ComplaintBook,
        complaint: ComplaintInfo | None = None,
        draft: ComplaintDraft | None = None,
        shown_as: str = "",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("complaintDialog")
        self.book = book
        self.complaint = complaint
        self.draft = draft or ComplaintDraft()
        self.saved: ComplaintInfo | None = None
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.errors: dict[str, QLabel] = {}

        # -- who complains
        self.who = QLabel()
        self.who.setObjectName("complainant")
        self.contact_name = QLineEdit()
        self.contact_name.setObjectName("contactName")
        self.contact_phone = QLineEdit()
        self.contact_phone.setObjectName("contactPhone")
        anonymous = complaint is None and self.draft.client_id is None
        if anonymous:
            self.contact_name.setText(self.draft.contact_name)
            self.contact_phone.setText(self.draft.contact_phone)
            self.errors["contact_name"] = validated_row(
                form, QLabel(translate("ComplaintDialog", "Visitor's name")), self.contact_name
            )
            self.errors["contact_phone"] = validated_row(
                form, QLabel(translate("ComplaintDialog", "Phone to answer on")), self.contact_phone
            )
        else:
            if complaint is not None:
                shown_as = " · ".join(
                    p for p in (complaint.masked_name, complaint.masked_phone) if p
                )
            self.who.setText(shown_as)
            form.addRow(translate("ComplaintDialog", "Complainant"), self.who)

        self.channel = QComboBox()
        self.channel.setObjectName("complaintChannel")
        for channel in ComplaintChannel:
            self.channel.addItem(domain_text(channel.label), channel.value)
        self.errors["channel"] = validated_row(
            form, QLabel(translate("ComplaintDialog", "Made")), self.channel
        )
        self.category = QComboBox()
        self.category.setObjectName("complaintCategory")
        self.category.addItem(translate("ComplaintDialog", "Choose…"), "")
        for category in ComplaintCategory:
            self.category.addItem(domain_text(category.label), category.value)
        self.errors["category"] = validated_row(
            form, QLabel(translate("ComplaintDialog", "About")), self.category
        )
        self.what = QPlainTextEdit()
        self.what.setObjectName("complaintWhat")
        self.what.setPlaceholderText(
            translate("ComplaintDialog", "What happened, in the client's words; what they ask for")
        )
        self.what.setMaximumHeight(110)
        self.errors["what"] = validated_row(
            form, QLabel(translate("ComplaintDialog", "What happened")), self.what
        )
        self.handler = QLineEdit()
        self.handler.setObjectName("complaintHandler")
        self.errors["handler"] = validated_row(
            form, QLabel(translate("ComplaintDialog", "Handled by")), self.handler
        )
        self.deadline = QLabel()
        self.deadline.setObjectName("complaintDeadline")
        form.addRow(translate("ComplaintDialog", "Answer by"), self.deadline)
        self.status = QLabel()
        form.addRow(translate("ComplaintDialog", "Status"), self.status)
        layout.addLayout(form)

        # -- the resolution
        self.resolution_box = QGroupBox(translate("ComplaintDialog", "Resolution"))
        resolved = QFormLayout(self.resolution_box)
        self.resolution = QPlainTextEdit()
        self.resolution.setObjectName("complaintResolution")
        self.resolution.setMaximumHeight(90)
        self.errors["resolution"] = validated_row(
            resolved, QLabel(translate("ComplaintDialog", "How it was resolved")), self.resolution
        )
        self.accepted = QComboBox()
        self.accepted.setObjectName("complaintAccepted")
        self.accepted.addItem(translate("ComplaintDialog", "Not known yet"), None)
        self.accepted.addItem(translate("ComplaintDialog", "Accepted it"), True)
        self.accepted.addItem(translate("ComplaintDialog", "Did not accept it"), False)
        resolved.addRow(translate("ComplaintDialog", "The client"), self.accepted)
        self.resolve_button = QPushButton(translate("ComplaintDialog", "Resolve"))
        self.resolve_button.setObjectName("resolveButton")
        self.resolve_button.clicked.connect(self.resolve)
        self.reopen_button = QPushButton(translate("ComplaintDialog", "Reopen"))
        self.reopen_button.clicked.connect(self.reopen)
        resolved.addRow(self.resolve_button)
        resolved.addRow(self.reopen_button)
        layout.addWidget(self.resolution_box)

        self.general_error = QLabel()
        self.general_error.setObjectName("fieldError")
        self.general_error.setWordWrap(True)
        self.general_error.setVisible(False)
        layout.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._show()
        book.opened(self)

    # ------------------------------------------------------------ showing
    def _show(self) -> None:
        complaint = self.complaint
        if complaint is None:
            self.setWindowTitle(translate("ComplaintDialog", "Register a complaint"))
            self.save_button.setText(translate("ComplaintDialog", "Register"))
            self._choose(self.channel, ComplaintChannel(self.draft.channel or "in_person").value)
            self.what.setPlainText(self.draft.what)
            self.handler.setText(self.draft.handler or self.book.manager)
            try:
                due = self.book.deadline_for(clock.today())
                self.deadline.setText(due.isoformat())
            except StorageError:
                self.deadline.setText("")
            self.status.setText(translate("ComplaintDialog", "New"))
            self.resolution_box.setVisible(False)
            return
        self.setWindowTitle(
            translate("ComplaintDialog", "Complaint {number}").format(number=complaint.id)
        )
        self.save_button.setText(translate("ComplaintDialog", "Save"))
        self._choose(self.channel, complaint.channel.value)
        self.channel.setEnabled(False)  # how it was made does not change
        self._choose(self.category, complaint.category.value)
        self.what.setPlainText(complaint.what)
        self.handler.setText(complaint.handler)
        self.deadline.setText(deadline_text(complaint))
        resolved = complaint.status is ComplaintStatus.RESOLVED
        self.status.setText(domain_text(complaint.status.label))
        self.resolution_box.setVisible(True)
        self.resolution.setPlainText(complaint.resolution)
        self.resolution.setReadOnly(resolved)
        self.accepted.setCurrentIndex(max(0, self.accepted.findData(complaint.accepted)))
        if complaint.accepted is None:
            self.accepted.setCurrentIndex(0)
        self.accepted.setEnabled(not resolved)
        self.resolve_button.setVisible(not resolved)
        self.reopen_button.setVisible(resolved)
        self.save_button.setEnabled(not resolved)

    @staticmethod
    def _choose(combo: QComboBox, value: str) -> None:
        combo.setCurrentIndex(max(0, combo.findData(value)))

    def _category(self) -> str | None:
        return self.category.currentData() or None

    def problems_text(self) -> str:
        shown = [label.text() for label in self.errors.values() if not label.isHidden()]
        if not self.general_error.isHidden():
            shown.append(self.general_error.text())
        return "\n".join(shown)

    # ------------------------------------------------------------ saving
    def save(self) -> None:
        if self.complaint is None:
            draft = ComplaintDraft(
                client_id=self.draft.client_id,
                contact_name=self.contact_name.text(),
                contact_phone=self.contact_phone.text(),
                channel=self.channel.currentData(),
                category=self._category(),
                what=self.what.toPlainText(),
                handler=self.handler.text(),
                visit_id=self.draft.visit_id,
            )
            if not self._shown(draft_problems(draft)):
                return
            stored = self._run(lambda: self.book.register(draft))
        else:
            stored = self._run(
                lambda: self.book.update(
                    self.complaint, self.handler.text(), self.what.toPlainText(), self._category()
                )
            )
        if stored is not None:
            self.saved = stored
            super().accept()

    def resolve(self) -> None:
        if self.complaint is None:
            return
        text = self.resolution.toPlainText()
        if not self._shown(resolution_problems(text)):
            return
        accepted = self.accepted.currentData()
        stored = self._run(lambda: self.book.resolve(self.complaint, text, accepted))
        if stored is not None:
            self.saved = stored
            super().accept()

    def reopen(self) -> None:
        if self.complaint is None:
            return
        stored = self._run(lambda: self.book.reopen(self.complaint))
        if stored is not None:
            self.saved = self.complaint = stored
            self._show()

    def _shown(self, problems) -> bool:
        """Show *problems* under their fields; True when there are none."""
        show_problems(self.errors, problems)
        self.general_error.setVisible(False)
        return not problems

    def _run(self, change) -> ComplaintInfo | None:
        try:
            return change()
        except DomainError as exc:
            flagged = show_problems(self.errors, exc.problems)
            rest = [p for p in exc.problems if p.field not in flagged]
            if rest:
                self.general_error.setText(join_problems(rest, QCoreApplication.translate))
                self.general_error.setVisible(True)
        except StorageError as exc:
            interaction.explain(
                self, translate("ComplaintDialog", "The complaint was not saved"), exc
            )
        return None

    # ------------------------------------------------------------ the client screen
    def client_values(self) -> set[str]:
        return {
            self.who.text(),
            self.contact_name.text(),
            self.contact_phone.text(),
            self.what.toPlainText(),
            self.resolution.toPlainText(),
            *([self.complaint.name] if self.complaint is not None else []),
        }

    def clear(self) -> None:
        """Empty every field (undo histories too) and close: the client left the screen."""
        self.complaint = None
        self.draft = ComplaintDraft()
        wipe(self)
        self.reject()


__all__ = ["ComplaintDialog", "deadline_text"]
