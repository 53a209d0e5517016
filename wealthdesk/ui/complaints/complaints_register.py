"""The complaints register: every complaint, open ones by deadline (overdue said in
words as well as in colour), the resolved after them; masked names and phones only.
A complaint opens in its own dialog."""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QSortFilterProxyModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.complaints import ComplaintDraft, Urgency
from ...domain.errors import DomainError
from ...i18n import translate
from ...services.complaints import ComplaintInfo
from ...services.storage import StorageError
from .. import interaction
from ..models import SORT_ROLE
from ..tables import fit_columns
from .complaint_book import ComplaintBook
from .complaint_dialog import ComplaintDialog
from .complaint_model import COL_STATUS, COMPLAINT_ID_ROLE, ComplaintTableModel


class ComplaintsDialog(QDialog):
    """The register: a table of complaints, New… and Open…."""

    def __init__(self, book: ComplaintBook, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("complaintsRegister")
        self.book = book
        self.setWindowTitle(translate("ComplaintsDialog", "Complaints register"))
        self.resize(820, 460)
        self.model = ComplaintTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.view = QTableView()
        self.view.setObjectName("complaintsTable")
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.setAlternatingRowColors(True)
        self.view.doubleClicked.connect(lambda _index: self.open_selected())
        fit_columns(self.view, COL_STATUS)
        self.open_only = QCheckBox(translate("ComplaintsDialog", "Open complaints only"))
        self.open_only.toggled.connect(self.refresh)
        self.count = QLabel()
        self.count.setObjectName("secondaryText")
        self.new_button = QPushButton(translate("ComplaintsDialog", "New complaint…"))
        self.new_button.clicked.connect(self.new_complaint)
        self.open_button = QPushButton(translate("ComplaintsDialog", "Open…"))
        self.open_button.clicked.connect(self.open_selected)
        bar = QHBoxLayout()
        bar.addWidget(self.open_only)
        bar.addStretch(1)
        bar.addWidget(self.count)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.new_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        book.complaints_changed.connect(self.refresh)
        book.opened(self)
        self.refresh()

    def refresh(self) -> None:
        try:
            complaints = self.book.register_list(self.open_only.isChecked())
        except StorageError as exc:
            self.count.setText(exc.render(QCoreApplication.translate))
            return
        self.model.set_rows(complaints)
        late = sum(1 for c in complaints if c.urgency is Urgency.OVERDUE)
        self.count.setText(
            translate("ComplaintsDialog", "{count} shown, {late} overdue").format(
                count=len(complaints), late=late
            )
        )

    def selected(self) -> ComplaintInfo | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(self.proxy.mapToSource(rows[0]).row())

    def select(self, complaint_id: int) -> bool:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(COMPLAINT_ID_ROLE) == complaint_id:
                self.view.selectRow(row)
                return True
        return False

    def open_selected(self) -> ComplaintInfo | None:
        chosen = self.selected()
        if chosen is None:
            return None
        return open_complaint(self.book, self, complaint=chosen)

    def new_complaint(self) -> ComplaintInfo | None:
        return open_complaint(self.book, self)

    # ------------------------------------------------------------ the client screen
    def client_values(self) -> set[str]:
        return set()  # masked names and phones only

    def clear(self) -> None:
        self.model.clear()
        self.reject()


def open_complaint(
    book: ComplaintBook,
    parent: QWidget | None,
    complaint: ComplaintInfo | None = None,
    draft: ComplaintDraft | None = None,
    shown_as: str = "",
) -> ComplaintInfo | None:
    """Show one complaint (or a new one for *draft*) and return it as saved, if it was."""
    if complaint is not None:
        try:
            complaint = book.get(complaint.id)  # as it is now, not as the list read it
        except (DomainError, StorageError) as exc:
            interaction.explain(parent, translate("ComplaintsDialog", "Not opened"), exc)
            return None
    dialog = ComplaintDialog(book, complaint, draft, shown_as, parent)
    interaction.run_once(dialog)
    return dialog.saved


def register_for_visit(
    book: ComplaintBook, parent: QWidget | None, visit, clients
) -> ComplaintInfo | None:
    """The queue's visitor who came to complain: the client of the book (shown masked,
    read through *clients*, a ClientBook), or the walk-in's name and phone whole (to
    answer them on), with the visit."""
    if visit is None:
        return None
    if visit.client_id is not None:
        draft = ComplaintDraft(client_id=visit.client_id, visit_id=visit.id)
        shown_as = complainant(clients, visit.client_id)
    else:
        try:
            phone = book.walk_in_phone(visit.id)
        except (DomainError, StorageError):
            phone = ""
        try:
            name = book.visitor_name(visit.id)
        except (DomainError, StorageError):
            name = ""
        draft = ComplaintDraft(contact_name=name, contact_phone=phone, visit_id=visit.id)
        shown_as = ""
    return open_complaint(book, parent, draft=draft, shown_as=shown_as)


def complainant(clients, client_id: int) -> str:
    """``张* · 138****5678``: the client as a complaint shows them (*clients* a
    ClientBook); "" when they cannot be read."""
    from ...domain.masking import mask_name

    try:
        record = clients.get(client_id)
    except (DomainError, StorageError):
        return ""
    return " · ".join(p for p in (mask_name(record.draft.name), record.masked_mobile) if p)


def open_register(book: ComplaintBook, parent: QWidget | None, select: int | None = None) -> None:
    dialog = ComplaintsDialog(book, parent)
    if select is not None:
        dialog.select(select)
    interaction.run_once(dialog)


__all__ = [
    "ComplaintTableModel",
    "ComplaintsDialog",
    "complainant",
    "open_complaint",
    "open_register",
    "register_for_visit",
]
