"""A care message for a task of the care list: the branch's template filled in for the
client (masked in the heading), editable; copied for WeCom or another channel, or added
to the SMS platform's next export file. Either way it is logged as a contact."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.care_messages import TEXT_MAX, MessageChannel
from ...domain.errors import DomainError, join_problems
from ...i18n import domain_text, translate
from ...services.care import CareItem
from ...services.care_messages import MessageInfo
from ...services.storage import StorageError
from .. import interaction
from .care_book import MessageBook


class MessageDialog(QDialog):
    """``sent`` is the message logged, once it is."""

    copied = Signal(str)  # a text naming the client was put on the clipboard

    def __init__(self, book: MessageBook, item: CareItem, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("messageDialog")
        self.book = book
        self.item = item
        self.sent: MessageInfo | None = None
        self.setWindowTitle(translate("MessageDialog", "Care message"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setObjectName("messageHeading")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.refused = QLabel()
        self.refused.setObjectName("fieldError")
        self.refused.setWordWrap(True)
        self.refused.setVisible(False)
        layout.addWidget(self.refused)
        form = QFormLayout()
        self.text = QPlainTextEdit()
        self.text.setObjectName("messageText")
        self.text.setMinimumHeight(110)
        self.text.textChanged.connect(self._count)
        form.addRow(translate("MessageDialog", "Message"), self.text)
        self.length = QLabel()
        self.length.setObjectName("secondaryText")
        form.addRow("", self.length)
        self.channel = QComboBox()
        self.channel.setObjectName("messageChannel")
        for channel in (MessageChannel.WECHAT, MessageChannel.OTHER):
            self.channel.addItem(domain_text(channel.label), channel.value)
        form.addRow(translate("MessageDialog", "Copied for"), self.channel)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.copy_button = QPushButton(translate("MessageDialog", "Copy text and log"))
        self.copy_button.setObjectName("copyMessageButton")
        self.copy_button.setToolTip(
            translate(
                "MessageDialog",
                "Puts the text on the clipboard to paste into WeCom or another app, and logs "
                "the message as a contact; the clipboard is cleared with the client screen",
            )
        )
        self.copy_button.clicked.connect(self.copy_and_log)
        self.sms_button = QPushButton(translate("MessageDialog", "Add to SMS export"))
        self.sms_button.setObjectName("smsMessageButton")
        self.sms_button.setToolTip(
            translate(
                "MessageDialog",
                "Logged now; sent with the next file exported for the bank's SMS platform",
            )
        )
        self.sms_button.clicked.connect(self.add_to_sms)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.sms_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._load()

    def _load(self) -> None:
        try:
            draft = self.book.compose(self.item.task_id)
        except (DomainError, StorageError) as exc:
            self.heading.setText(self.item.masked_name)
            self._say(exc.render(QCoreApplication.translate))
            self._allow(False)
            return
        self.heading.setText(
            translate("MessageDialog", "{name} ({mobile}): {kind}").format(
                name=draft.masked_name,
                mobile=draft.masked_mobile or translate("MessageDialog", "no mobile"),
                kind=domain_text(draft.kind.label),
            )
        )
        self.text.setPlainText(draft.text)
        if draft.refused is not None:
            self.refused.setText(draft.refused.render(QCoreApplication.translate))
            self.refused.setVisible(True)
            self._allow(False)
        self.sms_button.setEnabled(self.sms_button.isEnabled() and bool(draft.masked_mobile))

    def _allow(self, allowed: bool) -> None:
        self.copy_button.setEnabled(allowed)
        self.sms_button.setEnabled(allowed)
        self.text.setReadOnly(not allowed)

    def _count(self) -> None:
        self.length.setText(
            translate("MessageDialog", "{count} of {max} characters").format(
                count=len(self.text.toPlainText().strip()), max=TEXT_MAX
            )
        )

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    # ------------------------------------------------------------ sending
    def copy_and_log(self) -> None:
        text = self.text.toPlainText().strip()
        if self._send(MessageChannel(self.channel.currentData())):
            QGuiApplication.clipboard().setText(text)
            self.copied.emit(text)
            self.accept()

    def add_to_sms(self) -> None:
        if self._send(MessageChannel.SMS):
            self.accept()

    def _send(self, channel: MessageChannel) -> bool:
        try:
            self.sent = self.book.send(self.item.task_id, self.text.toPlainText(), channel)
        except DomainError as exc:
            self._say(join_problems(exc.problems, QCoreApplication.translate))
            return False
        except StorageError as exc:
            interaction.explain(self, translate("MessageDialog", "The message was not logged"), exc)
            return False
        return True


__all__ = ["MessageDialog"]
