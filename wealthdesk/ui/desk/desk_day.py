"""The desk's day: days left open closed at start-up, and the queue closed at closing
time (visitors still waiting are closed as left), when the desk's settings say so."""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QObject, Signal

from ...domain.settings import parse_time
from ...i18n import translate
from ...services import clock
from ...services.storage import StorageError
from ..queue.visitor_queue import VisitorQueue
from .context import DeskContext

log = logging.getLogger(__name__)


class DeskDay(QObject):
    """Closing the queue: earlier days at start-up, today at closing time or when the
    manager closes the desk."""

    status_message = Signal(str)  # generic texts only, never client data

    def __init__(self, queue: VisitorQueue, desk: DeskContext, parent: QObject | None = None):
        super().__init__(parent)
        self.queue = queue
        self.desk = desk
        self._closed_on: dt.date | None = None

    def close_days_before_today(self) -> None:
        """Days that are over are closed whatever the setting: it is about staying open
        past closing time today, and nobody will come back for yesterday's ticket."""
        try:
            for day in self.queue.unclosed_days(clock.today()):
                self.close_queue(day)
        except StorageError as exc:
            log.warning("earlier days not closed: %s", exc)

    def close_at_closing_time(self) -> None:
        """On the clock's tick: today's queue closed once the office has closed."""
        today = clock.today()
        if self._closed_on == today or not self.desk.settings.get("close_queue_at_day_end"):
            return
        closing = parse_time(str(self.desk.settings.get("office_close") or ""))
        if closing is None or clock.now().time() < closing:
            return
        self._closed_on = today
        self.close_queue(today)

    def close_today_if_set(self) -> None:
        """The manager closed the desk: today's queue too, if the settings say so."""
        if self.desk.settings.get("close_queue_at_day_end"):
            self.close_queue(clock.today())

    def close_queue(self, day: dt.date) -> None:
        try:
            closed = self.queue.close_day(day)
        except StorageError as exc:
            log.warning("queue of %s not closed: %s", day, exc)
            return
        if closed:
            self.status_message.emit(
                translate(
                    "MainWindow", "{count} visitors still waiting were closed as left ({day})."
                ).format(count=closed, day=day.isoformat())
            )
