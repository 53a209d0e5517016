"""Every desk as the lobby sees it: manager, state, the ticket at the desk, and how many
visitors were sent to it and wait."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from ...domain.desk import DeskState
from ...i18n import translate
from ...services import queue as queue_service
from ..models import announce_retranslated

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

    def rows(self) -> list[queue_service.DeskOverview]:
        return list(self._rows)

    def row_of(self, desk: str) -> int:
        return next((i for i, row in enumerate(self._rows) if row.desk == desk), -1)

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
                return state_text(row)
            if column == COL_SERVING:
                return row.serving
            if column == COL_WAITING:
                return str(row.waiting_for)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_WAITING:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def state_text(row: queue_service.DeskOverview) -> str:
    """The desk's state as the lobby reads it: "called" while the visitor walks over,
    "serving" once the service started, the time an away desk is back, and a desk whose
    program stopped said so."""
    state = DeskState(row.state)
    if row.serving and state is DeskState.AVAILABLE:
        if row.serving_state == "called":
            text = translate("DeskOverviewModel", "Called {ticket}").format(ticket=row.serving)
        else:
            text = translate("DeskOverviewModel", "Serving {ticket}").format(ticket=row.serving)
    else:
        text = QCoreApplication.translate("domain", state.label)
        if row.until and state.takes_return_time:
            text = translate("DeskOverviewModel", "{state} until {time}").format(
                state=text, time=row.until
            )
    if not row.running and state is not DeskState.CLOSED:
        text = translate("DeskOverviewModel", "{state} · not running").format(state=text)
    return text


def wait_text(waiter: queue_service.DeskWaiter, row: queue_service.DeskOverview) -> str:
    """What the lobby can tell a visitor waiting for *row*'s desk, honestly."""
    if waiter.minutes is None:
        if DeskState(row.state) is DeskState.CLOSED:
            return translate("DeskOverviewModel", "desk closed: move them")
        if not row.running:
            return translate("DeskOverviewModel", "desk not running: move them")
        return translate("DeskOverviewModel", "when the desk is back")
    if waiter.after:
        return translate("DeskOverviewModel", "after {time} (about {minutes} min)").format(
            time=waiter.after, minutes=waiter.minutes
        )
    if waiter.minutes == 0:
        return translate("DeskOverviewModel", "next")
    return translate("DeskOverviewModel", "about {minutes} min").format(minutes=waiter.minutes)


COL_W_TICKET, COL_W_NAME, COL_W_ARRIVED, COL_W_ESTIMATE = range(4)


class DeskWaitersModel(QAbstractTableModel):
    """Who waits for one desk, first first: ticket, masked name, arrival, estimate."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._desk: queue_service.DeskOverview | None = None
        self._rows: tuple[queue_service.DeskWaiter, ...] = ()

    def show(self, desk: queue_service.DeskOverview | None) -> None:
        self.beginResetModel()
        self._desk = desk
        self._rows = desk.waiting if desk is not None else ()
        self.endResetModel()

    def desk(self) -> queue_service.DeskOverview | None:
        return self._desk

    def waiter_at(self, row: int) -> queue_service.DeskWaiter | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, visit_id: int) -> int:
        return next((i for i, w in enumerate(self._rows) if w.visit_id == visit_id), -1)

    def retranslate(self) -> None:
        announce_retranslated(self)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = (
            translate("DeskOverviewModel", "Ticket"),
            translate("DeskOverviewModel", "Name"),
            translate("DeskOverviewModel", "Arrived"),
            translate("DeskOverviewModel", "Estimated wait"),
        )
        return headers[section] if 0 <= section < 4 else None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        waiter = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                waiter.ticket,
                waiter.masked_name,
                waiter.arrived_at.strftime("%H:%M"),
                wait_text(waiter, self._desk),
            )[index.column()]
        return None


__all__ = ["DeskOverviewModel", "DeskWaitersModel", "state_text", "wait_text"]
