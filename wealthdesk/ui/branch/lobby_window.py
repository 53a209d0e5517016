"""The lobby manager's screen (``--role lobby``): check a visitor in (found in the book
or new), choose the purpose, send them to a desk or the shared queue; every desk open
today (free ones too) with its state, and who waits for the chosen desk (masked, with an
honest estimate), each of whom can be moved to the shared queue or another desk; kept
live, and calm through a server outage; the complaints overdue or due soon, and a
visitor who came to complain put in the register."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.desk import DeskState
from ...domain.errors import DomainError
from ...i18n import domain_text, translate
from ...services import queue as queue_service
from ...services.storage import StorageError, storage_errors
from .. import defs, interaction
from ..clients.client_book import ClientBook
from ..complaints.complaint_book import ComplaintBook
from ..complaints.complaints_due import ComplaintsDue
from ..complaints.complaints_register import register_for_visit
from ..desk.context import DeskContext
from ..language import Retranslating
from ..queue.queue_page import QueuePage
from ..queue.service_session import ServiceSession
from ..queue.visitor_queue import VisitorQueue
from .desk_overview_model import DeskOverviewModel, DeskWaitersModel, state_text
from .live_updates import LiveUpdates
from .slip_printer import SlipPrinter, outcome_text

log = logging.getLogger(__name__)

LOBBY_DESK = "lobby"
COMPLAINTS_MS = 60_000  # the complaints due read again this often (deadlines, other desks)


class LobbyWindow(Retranslating, QMainWindow):
    def __init__(self, desk: DeskContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lobbyWindow")
        self.desk = desk
        self.book = ClientBook(desk.actor, self)
        self.queue = VisitorQueue(lambda: LOBBY_DESK, desk.actor, self)
        self.session = ServiceSession(self.queue, self)
        self.queue_page = QueuePage(self.session, self.book)
        self.desks_model = DeskOverviewModel(self)
        self.desks_table = self._table("desksTable", self.desks_model)
        self.desks_table.selectionModel().selectionChanged.connect(lambda *_: self._desk_chosen())
        self.desks_heading = QLabel()
        self.desks_heading.setObjectName("cardHeading")
        self.waiters_heading = _elided_label()
        self.waiters_heading.setObjectName("cardHeading")
        self.waiters_model = DeskWaitersModel(self)
        self.waiters_table = self._table("deskWaitersTable", self.waiters_model)
        self.waiters_table.selectionModel().selectionChanged.connect(
            lambda *_: self._update_move_buttons()
        )
        self.to_shared_button = QPushButton()
        self.to_shared_button.setObjectName("toSharedQueue")
        self.to_shared_button.clicked.connect(lambda: self.move_selected(""))
        self.to_desk_button = QPushButton()
        self.to_desk_button.setObjectName("toOtherDesk")
        self.to_desk_button.clicked.connect(self.move_selected_to_desk)
        self.offline_label = _elided_label()
        self.offline_label.setObjectName("fieldError")
        self._chosen_desk = ""
        # Settling disputes is the lobby's job: the complaints overdue or due soon, the
        # register, and a visitor who came to complain put in it from the queue.
        self.complaint_book = ComplaintBook(
            desk.actor, lambda: self.desk.manager, lambda: LOBBY_DESK, self
        )
        self.complaints = ComplaintsDue(self.complaint_book)
        self.complaints.setObjectName("lobbyComplaints")
        self.complaints.status_message.connect(self.show_status)
        self._complaints_timer = QTimer(self)
        self._complaints_timer.setInterval(COMPLAINTS_MS)
        self._complaints_timer.timeout.connect(self.complaints.refresh)
        self._complaints_timer.start()
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(defs.SPACING, defs.MARGIN, defs.MARGIN, defs.MARGIN)
        column.addWidget(self.offline_label)
        column.addWidget(self.desks_heading)
        column.addWidget(self.desks_table, 2)
        column.addWidget(self.waiters_heading)
        column.addWidget(self.waiters_table, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.to_shared_button)
        buttons.addWidget(self.to_desk_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        column.addWidget(self.complaints)
        splitter = QSplitter()
        splitter.addWidget(self.queue_page)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.setCentralWidget(splitter)
        self.queue_page.status_message.connect(self.show_status)
        self.queue_page.confirm_send = self.confirm_send
        self.queue_page.complaint_requested.connect(self.register_complaint)
        # Each visitor checked in here gets a queue slip, when the branch prints them.
        self.slips = SlipPrinter(self)
        self.queue_page.checked_in.connect(lambda visit: self.slips.print_for(visit.id))
        self.slips.finished.connect(
            lambda ticket, printed, why: self.show_status(outcome_text(ticket, printed, why))
        )
        # The lobby's own check-ins and moves are not news from the server (its own
        # writes): the desks' counts are read again after each.
        self.queue.queue_changed.connect(self.refresh_desks)
        self.live = LiveUpdates(self)
        self.live.changed.connect(self._others_changed)
        self.live.online_changed.connect(self._show_online)
        self.live.start()
        self.refresh_desks()
        self.queue_page.set_lobby_mode(self.desks_model.desks())
        self.queue_page.refresh()
        self.complaints.refresh()
        self.retranslate()
        self.resize(1366, 768)

    @staticmethod
    def _table(name: str, model) -> QTableView:
        table = QTableView()
        table.setObjectName(name)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        return table

    def retranslate(self) -> None:
        self.setWindowTitle(translate("LobbyWindow", "WealthDesk — lobby check-in"))
        self.desks_heading.setText(translate("LobbyWindow", "Desks open today"))
        self.to_shared_button.setText(translate("LobbyWindow", "To the shared queue"))
        self.to_desk_button.setText(translate("LobbyWindow", "To another desk…"))
        self.desks_model.retranslate()
        self.waiters_model.retranslate()
        self._show_waiters_heading()

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, defs.STATUS_TIMEOUT_MS)

    # ------------------------------------------------------------ the desks
    def refresh_desks(self) -> None:
        """Every desk open today read again; the chosen desk and visitor stay chosen."""
        try:
            with storage_errors():
                rows = queue_service.desks_overview()
        except StorageError as exc:
            log.warning("desks not read: %s", exc)
            return
        chosen_visit = self._selected_waiter()
        self.desks_model.set_rows(rows)
        self.queue_page.show_desks(self.desks_model.desks())
        row = self.desks_model.row_of(self._chosen_desk)
        self.desks_table.selectionModel().blockSignals(True)
        if row >= 0:
            self.desks_table.selectRow(row)
        else:
            self.desks_table.clearSelection()
        self.desks_table.selectionModel().blockSignals(False)
        self._show_waiters(chosen_visit.visit_id if chosen_visit else None)

    def _desk_chosen(self) -> None:
        rows = self.desks_table.selectionModel().selectedRows()
        self._chosen_desk = self.desks_model.desks()[rows[0].row()] if rows else ""
        self._show_waiters(None)

    def _chosen_overview(self):
        row = self.desks_model.row_of(self._chosen_desk)
        return self.desks_model.rows()[row] if row >= 0 else None

    def _show_waiters(self, keep_visit: int | None) -> None:
        self.waiters_model.show(self._chosen_overview())
        row = self.waiters_model.row_of(keep_visit) if keep_visit is not None else -1
        if row >= 0:  # only the visitor the lobby picked: never one that slid into place
            self.waiters_table.selectRow(row)
        self._show_waiters_heading()
        self._update_move_buttons()

    def _show_waiters_heading(self) -> None:
        desk = self._chosen_overview()
        if desk is None:
            text = translate("LobbyWindow", "Choose a desk to see who waits for it")
        elif not desk.waiting:
            text = translate("LobbyWindow", "Nobody waits for desk {desk}").format(desk=desk.desk)
        else:
            text = translate("LobbyWindow", "Waiting for desk {desk}: {count}").format(
                desk=desk.desk, count=len(desk.waiting)
            )
        self.waiters_heading.setText(text)

    def _selected_waiter(self):
        rows = self.waiters_table.selectionModel().selectedRows()
        return self.waiters_model.row_at(rows[0].row()) if rows else None

    def _update_move_buttons(self) -> None:
        chosen = self._selected_waiter() is not None
        self.to_shared_button.setEnabled(chosen)
        others = [d for d in self.desks_model.desks() if d != self._chosen_desk]
        self.to_desk_button.setEnabled(chosen and bool(others))

    # ------------------------------------------------------------ moving visitors
    def move_selected(self, to_desk: str) -> bool:
        """Move the visitor chosen in the desk's list to *to_desk* ("" the shared queue)."""
        waiter = self._selected_waiter()
        if waiter is None:
            return False
        if to_desk and not self.confirm_send(to_desk):
            return False
        try:
            self.queue.send_waiting(waiter.visit_id, waiter.row_version, to_desk)
        except (DomainError, StorageError) as exc:
            interaction.explain(self, translate("LobbyWindow", "Not moved"), exc)
            self.refresh_desks()
            return False
        where = (
            translate("LobbyWindow", "desk {desk}").format(desk=to_desk)
            if to_desk
            else translate("LobbyWindow", "the shared queue")
        )
        self.show_status(
            translate("LobbyWindow", "{ticket} now waits for {where}.").format(
                ticket=waiter.ticket, where=where
            )
        )
        return True

    def move_selected_to_desk(self) -> bool:
        if self._selected_waiter() is None:
            return False
        options = [
            (
                row.desk,
                translate("LobbyWindow", "Desk {desk} ({state})").format(
                    desk=row.desk, state=state_text(row)
                ),
            )
            for row in self.desks_model.rows()
            if row.desk != self._chosen_desk
        ]
        if not options:
            return False
        answer = interaction.choose(
            self,
            translate("LobbyWindow", "Move to another desk"),
            translate("LobbyWindow", "Which desk should the visitor wait for?"),
            options,
        )
        return bool(answer) and self.move_selected(answer)

    def confirm_send(self, desk: str) -> bool:
        """Sending a visitor to a desk that is away, at lunch, closed or not running is
        asked first, saying until when; an open desk is not asked about."""
        row = next((r for r in self.desks_model.rows() if r.desk == desk), None)
        if row is None:
            return True
        state = DeskState(row.state)
        if state.takes_return_time:
            label = domain_text(state.label)
            text = (
                translate(
                    "LobbyWindow",
                    "Desk {desk} is “{state}” until {time}: the visitor waits at least until "
                    "then. Send them there anyway? (The shared queue is served by every "
                    "open desk.)",
                ).format(desk=desk, state=label, time=row.until)
                if row.until
                else translate(
                    "LobbyWindow",
                    "Desk {desk} is “{state}” and has not said when it is back. Send the "
                    "visitor there anyway? (The shared queue is served by every open desk.)",
                ).format(desk=desk, state=label)
            )
        elif state is DeskState.CLOSED:
            text = translate(
                "LobbyWindow",
                "Desk {desk} has closed for today: nobody will call the visitor there. Send "
                "them there anyway?",
            ).format(desk=desk)
        elif not row.running:
            text = translate(
                "LobbyWindow",
                "WealthDesk is not running at desk {desk} now: nobody may call the visitor "
                "there. Send them there anyway?",
            ).format(desk=desk)
        else:
            return True
        return interaction.confirm(
            self,
            translate("LobbyWindow", "Send to desk {desk}?").format(desk=desk),
            text,
            translate("LobbyWindow", "Send to desk {desk}").format(desk=desk),
        )

    # ------------------------------------------------------------ complaints
    def register_complaint(self, visit) -> None:
        """The selected visitor came to complain: their complaint into the register."""
        if register_for_visit(self.complaint_book, self, visit, self.book):
            self.show_status(translate("LobbyWindow", "Complaint registered"))

    # ------------------------------------------------------------ others' changes
    def _others_changed(self, tables: frozenset[str]) -> None:
        if tables & {"visit", "desk_status", "desk_presence"}:
            self.queue.queue_changed.emit()  # the queue page and the desks read again
        # A complaint registered or settled at a desk is not announced by itself (no
        # change feed on that table): read again with any change, and each minute.
        self.complaints.refresh()

    def _show_online(self, online: bool) -> None:
        text = "" if online else translate("LobbyWindow", "Branch server offline: reconnecting…")
        self.offline_label.setText(text)
        self.offline_label.setVisible(not online)
        self.statusBar().showMessage(text)
        if online:
            self.refresh_desks()
            self.complaints.refresh()

    def closeEvent(self, event) -> None:
        self.live.stop()
        self.slips.wait()
        super().closeEvent(event)


def _elided_label() -> QLabel:
    """A label that wraps and never asks for more width: a long message (a server's
    reason, a long desk name) never widens the window."""
    label = QLabel()
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    label.setMinimumWidth(1)
    return label


__all__ = ["LobbyWindow"]
