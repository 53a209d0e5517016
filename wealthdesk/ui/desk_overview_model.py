"""Every desk as the lobby sees it: manager, state, the ticket at the desk, and how many
visitors were sent to it and wait."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from ..domain.desk import DeskState
from ..i18n import translate
from ..services import queue as queue_service
from .models import announce_retranslated

COL_DESK, COL_MANAGER, COL_STATE, COL_SERVING, COL_WAITING = range(5)
COLUMN_COUNT = 5


class DeskOverviewModel(QAbstractTableModel):
    """Every desk with a state: manager, available/serving/away until…/lunch/closed,
    the ticket at the desk and the visitors sent to it."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[queue_service.DeskOverview] = []

    def show(self, rows: list[queue_service.DeskOverview]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def desks(self) -> list[str]:
        return [row.desk for row in self._rows]

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
            translate("DeskOverviewModel", "Desk"),
            translate("DeskOverviewModel", "Manager"),
            translate("DeskOverviewModel", "State"),
            translate("DeskOverviewModel", "At the desk"),
            translate("DeskOverviewModel", "Waiting for it"),
        )
        return headers[section] if 0 <= section < COLUMN_COUNT else None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_DESK:
                return row.desk
            if column == COL_MANAGER:
                return row.manager
            if column == COL_STATE:
                state = DeskState(row.state)
                if row.serving and state is DeskState.AVAILABLE:
                    state = DeskState.SERVING
                label = QCoreApplication.translate("domain", state.label)
                if row.until and state.takes_return_time:
                    return translate("DeskOverviewModel", "{state} until {time}").format(
                        state=label, time=row.until
                    )
                return label
            if column == COL_SERVING:
                return row.serving
            if column == COL_WAITING:
                return str(row.waiting_for)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_WAITING:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


__all__ = ["DeskOverviewModel"]
