"""Changes made by other desks, the lobby or the display, told to this window within a
second: PostgreSQL's notifications wake it through a socket notifier (no polling), an
SQLite file shared by several processes is looked at a few times a second. A server
that goes away is said, and listened to again with back-off until it is back."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from ...services.changes import EVERYTHING, ChangeFeed, FeedLost
from ...services.storage import reset_server_connection

log = logging.getLogger(__name__)

SQLITE_POLL_MS = 300  # PRAGMA data_version costs microseconds: 3 looks a second is nothing
CHECK_MS = 15_000  # proves the server is still there when nothing has come for a while
COALESCE_MS = 40  # a burst of notifications is one refresh
BACKOFF_S = (1, 2, 4, 8, 15, 30)


class LiveUpdates(QObject):
    """Emits ``changed(frozenset of table names)`` when others change the database, and
    ``online_changed(bool)`` when the server is lost or back (after which everything is
    reported changed: what happened meanwhile is unknown)."""

    changed = Signal(object)
    online_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.feed = ChangeFeed()
        self.online = True
        self._pending: set[str] = set()
        self._attempt = 0
        self._notifier: QSocketNotifier | None = None
        self._poll = QTimer(self)
        self._poll.setInterval(SQLITE_POLL_MS)
        self._poll.timeout.connect(self._read)
        self._check = QTimer(self)
        self._check.setInterval(CHECK_MS)
        self._check.timeout.connect(self._check_alive)
        self._coalesce = QTimer(self)
        self._coalesce.setSingleShot(True)
        self._coalesce.setInterval(COALESCE_MS)
        self._coalesce.timeout.connect(self._emit)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._reconnect)

    def start(self) -> None:
        try:
            self.feed.open()
        except FeedLost as exc:
            self._lost(exc)
            return
        self._listening()

    def stop(self) -> None:
        for timer in (self._poll, self._check, self._coalesce, self._retry):
            timer.stop()
        self._drop_notifier()
        self.feed.close()

    # ------------------------------------------------------------ listening
    def _listening(self) -> None:
        if self.feed.is_sqlite:
            self._poll.start()
            return
        self._notifier = QSocketNotifier(self.feed.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read)
        self._check.start()

    def _drop_notifier(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None

    def _read(self) -> None:
        try:
            tables = self.feed.poll()
        except FeedLost as exc:
            self._lost(exc)
            return
        if tables:
            self._pending |= tables
            if not self._coalesce.isActive():
                self._coalesce.start()

    def _check_alive(self) -> None:
        try:
            self.feed.check()
        except FeedLost as exc:
            self._lost(exc)

    def _emit(self) -> None:
        tables, self._pending = frozenset(self._pending), set()
        if tables:
            self.changed.emit(tables)

    # ------------------------------------------------------------ losing and finding
    def _lost(self, reason: Exception) -> None:
        self._poll.stop()
        self._check.stop()
        self._drop_notifier()
        self.feed.close()
        if self.online:
            log.warning("live updates lost: %s", reason)
            reset_server_connection()
            self.online = False
            self.online_changed.emit(False)
        delay = BACKOFF_S[min(self._attempt, len(BACKOFF_S) - 1)]
        self._attempt += 1
        self._retry.start(delay * 1000)

    def _reconnect(self) -> None:
        try:
            self.feed.open()
        except FeedLost as exc:
            self._lost(exc)
            return
        log.info("live updates back after %d attempt(s)", self._attempt)
        self._attempt = 0
        self._listening()
        if not self.online:
            self.online = True
            self.online_changed.emit(True)
        self.changed.emit(EVERYTHING)  # what others did meanwhile is unknown


__all__ = ["LiveUpdates"]
