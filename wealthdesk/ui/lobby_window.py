"""The lobby manager's screen (``--role lobby``): check a visitor in (found in the book
or new), choose the purpose, send them to a desk or the shared queue; every desk's state
and how many wait for it, kept live."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..i18n import translate
from ..services import queue as queue_service
from ..services.storage import StorageError, storage_errors
from . import defs
from .client_book import ClientBook
from .desk import DeskContext
from .desk_overview_model import DeskOverviewModel
from .live_updates import LiveUpdates
from .queue_page import QueuePage
from .service_session import ServiceSession
from .visitor_queue import VisitorQueue

log = logging.getLogger(__name__)

LOBBY_DESK = "lobby"


class LobbyWindow(QMainWindow):
    def __init__(self, desk: DeskContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lobbyWindow")
        self.desk = desk
        self.book = ClientBook(desk.actor, self)
        self.queue = VisitorQueue(lambda: LOBBY_DESK, desk.actor, self)
        self.session = ServiceSession(self.queue, self)
        self.queue_page = QueuePage(self.session, self.book)
        self.desks_model = DeskOverviewModel(self)
        self.desks_table = QTableView()
        self.desks_table.setObjectName("desksTable")
        self.desks_table.setModel(self.desks_model)
        self.desks_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.desks_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.desks_table.verticalHeader().setVisible(False)
        self.desks_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.desks_table.horizontalHeader().setStretchLastSection(True)
        self.desks_heading = QLabel()
        self.desks_heading.setObjectName("cardHeading")
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(defs.SPACING, defs.MARGIN, defs.MARGIN, defs.MARGIN)
        column.addWidget(self.desks_heading)
        column.addWidget(self.desks_table, 1)
        splitter = QSplitter()
        splitter.addWidget(self.queue_page)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.setCentralWidget(splitter)
        self.queue_page.status_message.connect(
            lambda text: self.statusBar().showMessage(text, defs.STATUS_TIMEOUT_MS)
        )
        self.live = LiveUpdates(self)
        self.live.changed.connect(self._others_changed)
        self.live.online_changed.connect(self._show_online)
        self.live.start()
        self.refresh_desks()
        self.queue_page.set_lobby_mode(self.desks_model.desks())
        self.queue_page.refresh()
        self.retranslate()
        self.resize(1366, 768)

    def retranslate(self) -> None:
        self.setWindowTitle(translate("LobbyWindow", "WealthDesk — lobby check-in"))
        self.desks_heading.setText(translate("LobbyWindow", "Desks"))
        self.desks_model.retranslate()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh_desks(self) -> None:
        try:
            with storage_errors():
                rows = queue_service.desks_overview()
        except StorageError as exc:
            log.warning("desks not read: %s", exc)
            return
        self.desks_model.show(rows)
        self.queue_page.show_desks(self.desks_model.desks())

    def _others_changed(self, tables: frozenset[str]) -> None:
        if tables & {"visit", "desk_status"}:
            self.queue.queue_changed.emit()
            self.refresh_desks()

    def _show_online(self, online: bool) -> None:
        text = "" if online else translate("LobbyWindow", "Branch server offline: reconnecting…")
        self.statusBar().showMessage(text)
        if online:
            self.refresh_desks()

    def closeEvent(self, event) -> None:
        self.live.stop()
        super().closeEvent(event)


__all__ = ["LobbyWindow"]
