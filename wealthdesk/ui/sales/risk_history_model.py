"""A client's risk assessments on the client screen: when, score, level, until when."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from ...domain.risk import assessment_state
from ...i18n import translate
from ...services.risk import AssessmentInfo
from ..desk.context import actor_text
from ..models import announce_retranslated

COL_DATE, COL_SCORE, COL_LEVEL, COL_VALID_UNTIL, COL_STATE, COL_ACTOR = range(6)
COLUMN_COUNT = 6
ASSESSMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


def _domain(text: str) -> str:
    return QCoreApplication.translate("domain", text)


class RiskHistoryModel(QAbstractTableModel):
    """Rows are :class:`AssessmentInfo`, newest first; :meth:`clear` forgets them all.

    The state column reads as of *today*, given with the rows.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[AssessmentInfo] = []
        self._today: dt.date | None = None

    def show_assessments(self, rows: list[AssessmentInfo], today: dt.date | None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._today = today
        self.endResetModel()

    def clear(self) -> None:
        self.show_assessments([], None)

    def assessment(self, row: int) -> AssessmentInfo | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

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
            translate("RiskHistoryModel", "Assessed on"),
            translate("RiskHistoryModel", "Score"),
            translate("RiskHistoryModel", "Risk profile"),
            translate("RiskHistoryModel", "Valid until"),
            translate("RiskHistoryModel", "Status"),
            translate("RiskHistoryModel", "Assessed by"),
        )
        return headers[section] if 0 <= section < COLUMN_COUNT else None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_SCORE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ASSESSMENT_ID_ROLE:
            return row.id
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        return None

    def _text(self, row: AssessmentInfo, column: int) -> str:
        if column == COL_DATE:
            return row.assessed_on.isoformat()
        if column == COL_SCORE:
            return str(row.score)
        if column == COL_LEVEL:
            return f"{row.level.code} {_domain(row.level.label)}"
        if column == COL_VALID_UNTIL:
            return row.valid_until.isoformat()
        if column == COL_STATE:
            if self._today is None:
                return ""
            if row is not self._rows[0]:
                return translate("RiskHistoryModel", "Replaced")
            return _domain(assessment_state(row.valid_until, self._today).label)
        if column == COL_ACTOR:
            return actor_text(row.actor)
        return ""

    @staticmethod
    def _sort_key(row: AssessmentInfo, column: int):
        if column == COL_SCORE:
            return row.score
        if column == COL_LEVEL:
            return int(row.level)
        if column == COL_VALID_UNTIL:
            return row.valid_until.isoformat()
        if column == COL_ACTOR:
            return actor_text(row.actor)
        return f"{row.assessed_on.isoformat()} {row.id:010d}"


__all__ = ["ASSESSMENT_ID_ROLE", "COLUMN_COUNT", "RiskHistoryModel"]
