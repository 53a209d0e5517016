"""Notices when nobody has touched the keyboard or mouse for a while."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from ...services import clock
from .. import defs

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.InputMethod,
    }
)


class IdleWatch(QObject):
    """Emits :attr:`idle` once when no input came for *timeout*; input starts it over.

    Time is read from the services' clock, so a test moves the clock and calls
    :meth:`check` instead of waiting.
    """

    idle = Signal()

    def __init__(self, timeout: dt.timedelta, parent: QObject | None = None):
        super().__init__(parent)
        self.timeout = timeout
        self.last_input = clock.now()
        self._fired = False
        self._paused = False
        # Watching starts once the window is up: building it sends thousands of events,
        # and each one through a Python filter costs start-up time.
        QTimer.singleShot(0, self, self._watch)  # not at all if the window is gone by then
        self._timer = QTimer(self)
        self._timer.setInterval(defs.IDLE_CHECK_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def _watch(self) -> None:
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() in _INPUT_EVENTS:
            self.touch()
        return False

    def touch(self) -> None:
        self.last_input = clock.now()
        self._fired = False

    def pause(self, paused: bool) -> None:
        """While the desk is locked there is nothing left to clear."""
        self._paused = paused
        self.touch()

    def check(self) -> None:
        if self._paused or self._fired:
            return
        if clock.now() - self.last_input >= self.timeout:
            self._fired = True
            self.idle.emit()

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
