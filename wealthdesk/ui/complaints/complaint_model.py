"""The complaints register's table: masked names and phones only, never what happened
or the resolution; overdue said in words as well as in colour."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QBrush, QColor

from ...domain.complaints import ComplaintStatus, Urgency
from ...i18n import domain_text, translate
from ...services.complaints import ComplaintInfo
from ..models import ID_ROLE, TableModel

COL_RECEIVED, COL_NAME, COL_CATEGORY, COL_HANDLER, COL_DEADLINE, COL_STATUS = range(6)
COMPLAINT_ID_ROLE = ID_ROLE
_LATE = QColor("#c0392b")


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
    return domain_text(Urgency.IN_TIME.label)


class ComplaintTableModel(TableModel):
    """Rows are :class:`ComplaintInfo`, masked; never what happened or the resolution."""

    CONTEXT = "ComplaintsModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("ComplaintsModel", "Received"),
        QT_TRANSLATE_NOOP("ComplaintsModel", "Complainant"),
        QT_TRANSLATE_NOOP("ComplaintsModel", "About"),
        QT_TRANSLATE_NOOP("ComplaintsModel", "Handled by"),
        QT_TRANSLATE_NOOP("ComplaintsModel", "Answer by"),
        QT_TRANSLATE_NOOP("ComplaintsModel", "State"),
    )

    def text(self, complaint: ComplaintInfo, col: int) -> str:
        if col == COL_RECEIVED:
            return f"{complaint.received_at:%Y-%m-%d %H:%M}"
        if col == COL_NAME:
            return " · ".join(p for p in (complaint.masked_name, complaint.masked_phone) if p)
        if col == COL_CATEGORY:
            return domain_text(complaint.category.label)
        if col == COL_HANDLER:
            return complaint.handler
        if col == COL_DEADLINE:
            return complaint.deadline.isoformat()
        if col == COL_STATUS:
            return state_text(complaint)
        return ""

    def sort_key(self, complaint: ComplaintInfo, col: int):
        if col == COL_DEADLINE:
            return complaint.deadline.isoformat()
        if col == COL_RECEIVED:
            return complaint.received_at.isoformat()
        return self.text(complaint, col)

    def more(self, complaint: ComplaintInfo, col: int, role):
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and col in (COL_DEADLINE, COL_STATUS)
            and complaint.urgency is Urgency.OVERDUE
        ):
            return QBrush(_LATE)
        return None


__all__ = ["ComplaintTableModel", "state_text"]
