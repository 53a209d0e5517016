"""The care list's table and the expiring assessments' table: masked names only, the
reason in the user's language, overdue said in words as well as in colour."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ...i18n import translate
from ...services.care import CareItem, ExpiringAssessment
from ..models import announce_retranslated

COL_DUE, COL_KIND, COL_NAME, COL_TIER, COL_DETAIL, COL_TRIES = range(6)
COLUMN_COUNT = 6

TASK_ID_ROLE = Qt.ItemDataRole.UserRole + 1
CLIENT_ID_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3
KIND_ROLE = Qt.ItemDataRole.UserRole + 4  # the CareKind code
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 5

_NUMBER_ALIGNMENT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_OVERDUE = QColor("#c0392b")


def _domain(text: str) -> str:
    return QCoreApplication.translate("domain", text)


def _headers() -> tuple[str, ...]:
    return (
        translate("CareModel", "Due"),
        translate("CareModel", "Why"),
        translate("CareModel", "Client"),
        translate("CareModel", "Tier"),
        translate("CareModel", "Detail"),
        translate("CareModel", "Tries"),
    )


def due_text(item: CareItem) -> str:
    """``11-30``; an overdue task says so in words (colour is never the only sign)."""
    if item.overdue:
        return translate("CareModel", "{date} overdue").format(date=f"{item.due:%m-%d}")
    return f"{item.due:%m-%d}"


class CareTableModel(QAbstractTableModel):
    """Rows are :class:`CareItem` (masked names only), in the service's order: overdue
    first, then by kind and due date."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[CareItem] = []

    def show(self, items: list[CareItem]) -> None:
        self.beginResetModel()
        self._rows = list(items)
        self.endResetModel()

    def clear(self) -> None:
        self.show([])

    def retranslate(self) -> None:
        announce_retranslated(self)

    def item_at(self, row: int) -> CareItem | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, task_id: int) -> int:
        return next((i for i, item in enumerate(self._rows) if item.task_id == task_id), -1)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _headers()[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, col)
        if role == TASK_ID_ROLE:
            return item.task_id
        if role == CLIENT_ID_ROLE:
            return item.client_id
        if role == KIND_ROLE:
            return item.kind.value
        if role == OVERDUE_ROLE:
            return item.overdue
        if role == SORT_ROLE:
            if col == COL_DUE:
                return f"{0 if item.overdue else 1}{item.due.isoformat()}"
            if col == COL_KIND:
                return item.kind.rank
            if col == COL_TIER:
                return item.tier.rank if item.tier else 9
            if col == COL_TRIES:
                return item.attempts
            return self._display(item, col)
        if role == Qt.ItemDataRole.ForegroundRole and item.overdue and col == COL_DUE:
            return QBrush(_OVERDUE)
        if role == Qt.ItemDataRole.FontRole and item.overdue and col == COL_DUE:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_TRIES:
            return _NUMBER_ALIGNMENT
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_DETAIL:
            return self._display(item, col)
        return None

    def _display(self, item: CareItem, col: int) -> str:
        if col == COL_DUE:
            return due_text(item)
        if col == COL_KIND:
            return _domain(item.kind.label)
        if col == COL_NAME:
            return item.masked_name
        if col == COL_TIER:
            return _domain(item.tier.label) if item.tier else ""
        if col == COL_DETAIL:
            return item.reason.render(QCoreApplication.translate)
        if col == COL_TRIES:
            return str(item.attempts) if item.attempts else ""
        return ""


RISK_COL_NAME, RISK_COL_LEVEL, RISK_COL_UNTIL, RISK_COL_STATE = range(4)
RISK_COLUMN_COUNT = 4


class RiskExpiryTableModel(QAbstractTableModel):
    """Latest assessments expiring within 30 days or lately expired, masked names."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[ExpiringAssessment] = []

    def show(self, rows: list[ExpiringAssessment]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.show([])

    def retranslate(self) -> None:
        announce_retranslated(self)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else RISK_COLUMN_COUNT

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < RISK_COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                translate("CareModel", "Client"),
                translate("CareModel", "Level"),
                translate("CareModel", "Valid until"),
                translate("CareModel", "State"),
            )[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
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
        if role == CLIENT_ID_ROLE:
            return row.client_id
        if role == SORT_ROLE:
            return row.valid_until.isoformat() if col == RISK_COL_UNTIL else row.masked_name
        if role == Qt.ItemDataRole.ForegroundRole and row.expired and col == RISK_COL_STATE:
            return QBrush(_OVERDUE)
        return None
