"""A client's earlier visits on the client screen: when, why, how it ended, how long."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from ...domain.queue import ServiceOutcome, VisitState
from ...i18n import translate
from ...services.queue import VisitInfo
from ..models import announce_retranslated

COL_DATE, COL_TICKET, COL_PURPOSE, COL_RESULT, COL_MINUTES = range(5)
COLUMN_COUNT = 5
VISIT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _domain(text: str) -> str:
    return QCoreApplication.translate("domain", text)


class VisitHistoryModel(QAbstractTableModel):
    """Rows are :class:`VisitInfo`, newest first; :meth:`clear` forgets them all."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[VisitInfo] = []

    def show_visits(self, visits: list[VisitInfo]) -> None:
        self.beginResetModel()
        self._rows = list(visits)
        self.endResetModel()

    def clear(self) -> None:
        self.show_visits([])

    def retranslate(self) -> None:
        announce_retranslated(self)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = (
            translate("VisitHistoryModel", "Date"),
            translate("VisitHistoryModel", "Ticket"),
            translate("VisitHistoryModel", "Purpose"),
            translate("VisitHistoryModel", "Result"),
            translate("VisitHistoryModel", "Minutes"),
        )
        return headers[section] if 0 <= section < COLUMN_COUNT else None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        visit = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(visit, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_MINUTES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == VISIT_ID_ROLE:
            return visit.id
        return None

    @staticmethod
    def _text(visit: VisitInfo, column: int) -> str:
        if column == COL_DATE:
            return visit.arrived_at.strftime("%Y-%m-%d %H:%M")
        if column == COL_TICKET:
            return visit.ticket
        if column == COL_PURPOSE:
            return translate("VisitHistoryModel", ", ").join(
                _domain(p.label) for p in visit.purposes
            )
        if column == COL_RESULT:
            if visit.state is VisitState.DONE and visit.outcome:
                outcome = ServiceOutcome.parse(visit.outcome)
                return _domain(outcome.label) if outcome else visit.outcome
            return _domain(visit.state.label)
        if column == COL_MINUTES:
            service = visit.service_time
            return str(int(service.total_seconds() // 60)) if service is not None else ""
        return ""
