"""A client's risk assessments on the client screen: when, score, level, until when."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ...domain.risk import assessment_state
from ...i18n import domain_text, translate
from ...services.risk import AssessmentInfo
from ..desk.context import actor_text
from ..models import ID_ROLE, TableModel

COL_DATE, COL_SCORE, COL_LEVEL, COL_VALID_UNTIL, COL_STATE, COL_ACTOR = range(6)
COLUMN_COUNT = 6
ASSESSMENT_ID_ROLE = ID_ROLE


class RiskHistoryModel(TableModel):
    """Rows are :class:`AssessmentInfo`, newest first; :meth:`clear` forgets them all.

    The state column reads as of *today*, given with the rows.
    """

    CONTEXT = "RiskHistoryModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("RiskHistoryModel", "Assessed on"),
        QT_TRANSLATE_NOOP("RiskHistoryModel", "Score"),
        QT_TRANSLATE_NOOP("RiskHistoryModel", "Risk profile"),
        QT_TRANSLATE_NOOP("RiskHistoryModel", "Valid until"),
        QT_TRANSLATE_NOOP("RiskHistoryModel", "Status"),
        QT_TRANSLATE_NOOP("RiskHistoryModel", "Assessed by"),
    )
    NUMBER_COLUMNS = frozenset({COL_SCORE})

    def __init__(self, parent=None):
        super().__init__(parent)
        self._today: dt.date | None = None

    def show_assessments(self, rows: list[AssessmentInfo], today: dt.date | None) -> None:
        self._today = today
        self.set_rows(rows)

    def clear(self) -> None:
        self.show_assessments([], None)

    def text(self, row: AssessmentInfo, column: int) -> str:
        if column == COL_DATE:
            return row.assessed_on.isoformat()
        if column == COL_SCORE:
            return str(row.score)
        if column == COL_LEVEL:
            return f"{row.level.code} {domain_text(row.level.label)}"
        if column == COL_VALID_UNTIL:
            return row.valid_until.isoformat()
        if column == COL_STATE:
            if self._today is None:
                return ""
            if row is not self._rows[0]:
                return translate("RiskHistoryModel", "Replaced")
            return domain_text(assessment_state(row.valid_until, self._today).label)
        if column == COL_ACTOR:
            return actor_text(row.actor)
        return ""

    def sort_key(self, row: AssessmentInfo, column: int):
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
