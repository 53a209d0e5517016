"""The care list's table and the expiring assessments' table: masked names only, the
reason in the user's language, overdue said in words as well as in colour."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ...i18n import domain_text, translate
from ...services.care import CareItem, ExpiringAssessment
from ..models import ID_ROLE, OWN_ROLE, TableModel

COL_DUE, COL_KIND, COL_NAME, COL_TIER, COL_DETAIL, COL_TRIES = range(6)

TASK_ID_ROLE = ID_ROLE
CLIENT_ID_ROLE = OWN_ROLE
KIND_ROLE = OWN_ROLE + 1  # the CareKind code
OVERDUE_ROLE = OWN_ROLE + 2

_OVERDUE = QColor("#c0392b")


def due_text(item: CareItem) -> str:
    """``11-30``; an overdue task says so in words (colour is never the only sign)."""
    if item.overdue:
        return translate("CareModel", "{date} overdue").format(date=f"{item.due:%m-%d}")
    return f"{item.due:%m-%d}"


class CareTableModel(TableModel):
    """Rows are :class:`CareItem` (masked names only), in the service's order: overdue
    first, then by kind and due date."""

    CONTEXT = "CareModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("CareModel", "Due"),
        QT_TRANSLATE_NOOP("CareModel", "Why"),
        QT_TRANSLATE_NOOP("CareModel", "Client"),
        QT_TRANSLATE_NOOP("CareModel", "Tier"),
        QT_TRANSLATE_NOOP("CareModel", "Detail"),
        QT_TRANSLATE_NOOP("CareModel", "Tries"),
    )
    NUMBER_COLUMNS = frozenset({COL_TRIES})

    def row_id(self, item: CareItem) -> int:
        return item.task_id

    def text(self, item: CareItem, col: int) -> str:
        if col == COL_DUE:
            return due_text(item)
        if col == COL_KIND:
            return domain_text(item.kind.label)
        if col == COL_NAME:
            return item.masked_name
        if col == COL_TIER:
            return domain_text(item.tier.label) if item.tier else ""
        if col == COL_DETAIL:
            return item.reason.render(QCoreApplication.translate)
        if col == COL_TRIES:
            return str(item.attempts) if item.attempts else ""
        return ""

    def sort_key(self, item: CareItem, col: int):
        if col == COL_DUE:
            return f"{0 if item.overdue else 1}{item.due.isoformat()}"
        if col == COL_KIND:
            return item.kind.rank
        if col == COL_TIER:
            return item.tier.rank if item.tier else 9
        if col == COL_TRIES:
            return item.attempts
        return self.text(item, col)

    def more(self, item: CareItem, col: int, role):
        if role == CLIENT_ID_ROLE:
            return item.client_id
        if role == KIND_ROLE:
            return item.kind.value
        if role == OVERDUE_ROLE:
            return item.overdue
        if item.overdue and col == COL_DUE:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(_OVERDUE)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_DETAIL:
            return self.text(item, col)
        return None


RISK_COL_NAME, RISK_COL_LEVEL, RISK_COL_UNTIL, RISK_COL_STATE = range(4)


class RiskExpiryTableModel(TableModel):
    """Latest assessments expiring within 30 days or lately expired, masked names."""

    CONTEXT = "CareModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("CareModel", "Client"),
        QT_TRANSLATE_NOOP("CareModel", "Level"),
        QT_TRANSLATE_NOOP("CareModel", "Valid until"),
        QT_TRANSLATE_NOOP("CareModel", "State"),
    )

    def text(self, row: ExpiringAssessment, col: int) -> str:
        if col == RISK_COL_NAME:
            return row.masked_name
        if col == RISK_COL_LEVEL:
            return f"C{row.level}"
        if col == RISK_COL_UNTIL:
            return row.valid_until.isoformat()
        if col == RISK_COL_STATE:
            return (
                translate("CareModel", "Expired")
                if row.expired
                else translate("CareModel", "Expiring")
            )
        return ""

    def sort_key(self, row: ExpiringAssessment, col: int):
        return row.valid_until.isoformat() if col == RISK_COL_UNTIL else row.masked_name

    def more(self, row: ExpiringAssessment, col: int, role):
        if role == CLIENT_ID_ROLE:
            return row.client_id
        if role == Qt.ItemDataRole.ForegroundRole and row.expired and col == RISK_COL_STATE:
            return QBrush(_OVERDUE)
        return None
