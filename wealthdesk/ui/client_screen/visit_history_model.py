"""A client's earlier visits on the client screen: when, why, how it ended, how long."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ...domain.queue import ServiceOutcome, VisitState
from ...i18n import domain_text, translate
from ...services.queue import VisitInfo
from ..models import ID_ROLE, TableModel

COL_DATE, COL_TICKET, COL_PURPOSE, COL_RESULT, COL_MINUTES = range(5)
VISIT_ID_ROLE = ID_ROLE


class VisitHistoryModel(TableModel):
    """Rows are :class:`VisitInfo`, newest first; :meth:`clear` forgets them all."""

    CONTEXT = "VisitHistoryModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("VisitHistoryModel", "Date"),
        QT_TRANSLATE_NOOP("VisitHistoryModel", "Ticket"),
        QT_TRANSLATE_NOOP("VisitHistoryModel", "Purpose"),
        QT_TRANSLATE_NOOP("VisitHistoryModel", "Result"),
        QT_TRANSLATE_NOOP("VisitHistoryModel", "Minutes"),
    )
    NUMBER_COLUMNS = frozenset({COL_MINUTES})

    def text(self, visit: VisitInfo, column: int) -> str:
        if column == COL_DATE:
            return visit.arrived_at.strftime("%Y-%m-%d %H:%M")
        if column == COL_TICKET:
            return visit.ticket
        if column == COL_PURPOSE:
            return translate("VisitHistoryModel", ", ").join(
                domain_text(p.label) for p in visit.purposes
            )
        if column == COL_RESULT:
            if visit.state is VisitState.DONE and visit.outcome:
                outcome = ServiceOutcome.parse(visit.outcome)
                return domain_text(outcome.label) if outcome else visit.outcome
            return domain_text(visit.state.label)
        if column == COL_MINUTES:
            service = visit.service_time
            return str(int(service.total_seconds() // 60)) if service is not None else ""
        return ""
