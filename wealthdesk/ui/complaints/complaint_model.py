"""The complaints register's table: masked names and phones only, never what happened
or the resolution; overdue said in words as well as in colour."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ...domain.complaints import ComplaintStatus, Urgency
from ...i18n import translate
from ...services.complaints import ComplaintInfo
from ..models import announce_retranslated

COL_RECEIVED, COL_NAME, COL_CATEGORY, COL_HANDLER, COL_DEADLINE, COL_STATUS = range(6)
COLUMN_COUNT = 6
COMPLAINT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
_LATE = QColor("#c0392b")


def _domain(text: str) -> str:
    return QCoreApplication.translate("domain", text)


def state_text(complaint: ComplaintInfo) -> str:
    """``Overdue by 3 days``, ``Due in 2 days``, ``In time``, ``Resolved (accepted)``."""
    if complaint.status is ComplaintStatus.RESOLVED:
        answer = {
            True: translate("ComplaintsModel", "accepted"),
            False: translate("ComplaintsModel", "not accepted"),
            None: translate("ComplaintsModel", "answer not known"),
        }[complaint.accepted]
        return translate("ComplaintsModel", "Resolved ({answer})").format(answer=answer)
    if complaint.urgency is Urgency.OVERDUE:
        return translate("ComplaintsModel", "Overdue by {days} days").format(
            days=-complaint.days_left
        )
    if complaint.urgency is Urgency.DUE_SOON:
        if complaint.days_left == 0:
            return translate("ComplaintsModel", "Due today")
        return translate("ComplaintsModel", "Due in {days} days").format(days=complaint.days_left)
    return _domain(Urgency.IN_TIME.label)


class ComplaintTableModel(QAbstractTableModel):
    """Rows are :class:`ComplaintInfo`, masked; never what happened or the resolution."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[ComplaintInfo] = []

    def show(self, complaints: list[ComplaintInfo]) -> None:
        self.beginResetModel()
        self._rows = list(complaints)
        self.endResetModel()

    def clear(self) -> None:
        self.show([])

    def retranslate(self) -> None:
        announce_retranslated(self)

    def complaint_at(self, row: int) -> ComplaintInfo | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = (
            translate("ComplaintsModel", "Received"),
            translate("ComplaintsModel", "Complainant"),
            translate("ComplaintsModel", "About"),
            translate("ComplaintsModel", "Handled by"),
            translate("ComplaintsModel", "Answer by"),
            translate("ComplaintsModel", "State"),
        )
        return headers[section] if 0 <= section < COLUMN_COUNT else None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        complaint = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(complaint, col)
        if role == SORT_ROLE:
            if col == COL_DEADLINE:
                return complaint.deadline.isoformat()
            if col == COL_RECEIVED:
                return complaint.received_at.isoformat()
            return self._display(complaint, col)
        if role == COMPLAINT_ID_ROLE:
            return complaint.id
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and col in (COL_DEADLINE, COL_STATUS)
            and complaint.urgency is Urgency.OVERDUE
        ):
            return QBrush(_LATE)
        return None

    @staticmethod
    def _display(complaint: ComplaintInfo, col: int) -> str:
        if col == COL_RECEIVED:
            return f"{complaint.received_at:%Y-%m-%d %H:%M}"
        if col == COL_NAME:
            return " · ".join(p for p in (complaint.masked_name, complaint.masked_phone) if p)
        if col == COL_CATEGORY:
            return _domain(complaint.category.label)
        if col == COL_HANDLER:
            return complaint.handler
        if col == COL_DEADLINE:
            return complaint.deadline.isoformat()
        if col == COL_STATUS:
            return state_text(complaint)
        return ""


__all__ = ["ComplaintTableModel", "state_text"]
