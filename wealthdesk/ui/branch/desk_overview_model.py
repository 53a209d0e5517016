"""Every desk as the lobby sees it: manager, state, the ticket at the desk, and how many
visitors were sent to it and wait."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ...domain.desk import DeskState
from ...i18n import domain_text, translate
from ...services import queue as queue_service
from ..models import TableModel

COL_DESK, COL_MANAGER, COL_STATE, COL_SERVING, COL_WAITING = range(5)


class DeskOverviewModel(TableModel):
    """Every desk with a state: manager, available/serving/away until…/lunch/closed,
    the ticket at the desk and the visitors sent to it."""

    CONTEXT = "DeskOverviewModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("DeskOverviewModel", "Desk"),
        QT_TRANSLATE_NOOP("DeskOverviewModel", "Manager"),
        QT_TRANSLATE_NOOP("DeskOverviewModel", "State"),
        QT_TRANSLATE_NOOP("DeskOverviewModel", "At the desk"),
        QT_TRANSLATE_NOOP("DeskOverviewModel", "Waiting for it"),
    )
    NUMBER_COLUMNS = frozenset({COL_WAITING})

    def desks(self) -> list[str]:
        return [row.desk for row in self._rows]

    def rows(self) -> list[queue_service.DeskOverview]:
        return list(self._rows)

    def row_id(self, row: queue_service.DeskOverview) -> str:
        return row.desk

    def text(self, row: queue_service.DeskOverview, column: int) -> str:
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
        return ""


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
        text = domain_text(state.label)
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


class DeskWaitersModel(TableModel):
    """Who waits for one desk, first first: ticket, masked name, arrival, estimate."""

    CONTEXT = "DeskOverviewModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("DeskOverviewModel", "Ticket"),
        QT_TRANSLATE_NOOP("DeskOverviewModel", "Name"),
        QT_TRANSLATE_NOOP("DeskOverviewModel", "Arrived"),
        QT_TRANSLATE_NOOP("DeskOverviewModel", "Estimated wait"),
    )

    def __init__(self, parent=None):
        super().__init__(parent)
        self._desk: queue_service.DeskOverview | None = None

    def show(self, desk: queue_service.DeskOverview | None) -> None:
        self._desk = desk
        self.set_rows(desk.waiting if desk is not None else ())

    def desk(self) -> queue_service.DeskOverview | None:
        return self._desk

    def row_id(self, waiter: queue_service.DeskWaiter) -> int:
        return waiter.visit_id

    def text(self, waiter: queue_service.DeskWaiter, column: int) -> str:
        if column == COL_W_TICKET:
            return waiter.ticket
        if column == COL_W_NAME:
            return waiter.masked_name
        if column == COL_W_ARRIVED:
            return waiter.arrived_at.strftime("%H:%M")
        if column == COL_W_ESTIMATE:
            return wait_text(waiter, self._desk)
        return ""


__all__ = ["DeskOverviewModel", "DeskWaitersModel", "state_text", "wait_text"]
