"""The complaints that need attention, as the Today page and the lobby show them: how
many are overdue and due soon, each one masked (张* · overdue by 3 days · category),
opened by a double-click, and the register a button away."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.complaints import DUE_SOON_DAYS, Urgency
from ...i18n import domain_text, translate
from ...services.storage import StorageError
from ..language import Retranslating
from .complaint_book import ComplaintBook
from .complaint_model import state_text

LIST_HEIGHT = 110


class ComplaintsDue(Retranslating, QGroupBox):
    """Overdue and due-soon complaints; read again whenever the register changes."""

    status_message = Signal(str)  # a storage fault, never client data

    def __init__(self, book: ComplaintBook, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("todayComplaints")
        self.book = book
        self._complaints: list | None = None  # as read last
        self.summary = QLabel()
        self.summary.setObjectName("complaintsSummary")
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("complaintsDue")
        self.list.setMaximumHeight(LIST_HEIGHT)
        # A narrow panel: each complaint wraps rather than scrolling sideways.
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemActivated.connect(self._open)
        self.register_button = QPushButton()
        self.register_button.setObjectName("complaintsRegisterButton")
        self.register_button.clicked.connect(
            lambda: _register().open_register(self.book, self.window())
        )
        box = QVBoxLayout(self)
        box.addWidget(self.summary)
        box.addWidget(self.list)
        box.addWidget(self.register_button)
        book.complaints_changed.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(translate("ComplaintsDue", "Complaints"))
        self.register_button.setText(translate("ComplaintsDue", "Complaints register…"))
        self._show()

    def refresh(self) -> None:
        try:
            self._complaints = self.book.needing_attention()
        except StorageError as exc:
            self.status_message.emit(exc.render(QCoreApplication.translate))
            return
        self._show()

    def _show(self) -> None:
        complaints = self._complaints
        if complaints is None:
            return
        late = sum(1 for c in complaints if c.urgency is Urgency.OVERDUE)
        if not complaints:
            text = translate("ComplaintsDue", "No complaint is overdue or due in the next days.")
        else:
            text = translate(
                "ComplaintsDue", "{late} overdue, {soon} due within {days} days"
            ).format(late=late, soon=len(complaints) - late, days=DUE_SOON_DAYS)
        self.summary.setText(text)
        self.list.clear()
        for complaint in complaints:
            name = complaint.masked_name or complaint.masked_phone
            category = domain_text(complaint.category.label)
            item = QListWidgetItem(f"{name} · {state_text(complaint)} · {category}")
            item.setData(Qt.ItemDataRole.UserRole, complaint.id)
            self.list.addItem(item)
        self.list.setVisible(bool(complaints))

    def _open(self, item: QListWidgetItem) -> None:
        complaint_id = item.data(Qt.ItemDataRole.UserRole)
        chosen = next((c for c in self._complaints or [] if c.id == complaint_id), None)
        if chosen is not None:
            _register().open_complaint(self.book, self.window(), complaint=chosen)

    def lines(self) -> list[str]:
        """The complaints listed, top to bottom."""
        return [self.list.item(i).text() for i in range(self.list.count())]


def _register():
    """The complaints register's module, loaded when a complaint is first opened (not with
    the Today page at start-up)."""
    from . import complaints_register

    return complaints_register


__all__ = ["ComplaintsDue"]
