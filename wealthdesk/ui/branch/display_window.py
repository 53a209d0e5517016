"""The waiting-room board (``--role display``): who is called to which desk in very
large type, the last few calls, how many wait; names only as 张*; a flash on each call,
and each call and recall said aloud ("请 A012 号到 2 号理财室") when the branch wants it."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from ...domain.desk import DeskState
from ...domain.queue import VisitState
from ...i18n import translate
from ...services import clock
from ...services import queue as queue_service
from ...services import settings as settings_service
from ...services.storage import StorageError, storage_errors
from ..language import Retranslating
from .call_speaker import CallSpeaker
from .live_updates import LiveUpdates

log = logging.getLogger(__name__)

CALLS_SHOWN = 5
FLASHES = 12  # the headline flashes six times on a new call (about 6 s)
FLASH_MS = 500
CLOCK_MS = 15_000
_WATCHED = frozenset({"visit", "desk_status", "desk_presence"})
LISTENING_DESK = "display"  # whose settings the board reads: only branch-wide ones matter


def _sized(label: QLabel, share: float, bold: bool = False) -> None:
    """A font a *share* of the window's height: readable across a waiting room."""
    font = QFont(label.font())
    font.setPixelSize(max(12, int(label.window().height() * share)))
    font.setBold(bold)
    label.setFont(font)


class DisplayWindow(Retranslating, QWidget):
    """Reads the calls again whenever any desk changes the queue (live updates)."""

    def __init__(
        self, branch: str = "", parent: QWidget | None = None, speaker: CallSpeaker | None = None
    ):
        super().__init__(parent)
        self.setObjectName("displayWindow")
        self.setAutoFillBackground(True)
        self.branch = branch
        self.last_call: tuple[str, str, object] | None = None
        self.speaker = speaker or CallSpeaker(self)
        # The calls said aloud (or there when the board opened): each call and each
        # recall once; None until the board first read the calls.
        self._heard: set[tuple] | None = None
        self.title = QLabel()
        self.title.setObjectName("displayTitle")
        self.clock_label = QLabel()
        self.clock_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.headline = QLabel()
        self.headline.setObjectName("displayHeadline")
        self.headline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.headline.setWordWrap(True)
        self.headline_box = QFrame()
        self.headline_box.setObjectName("displayHeadlineBox")
        box = QVBoxLayout(self.headline_box)
        box.addWidget(self.headline)
        self.recent_heading = QLabel()
        self.recent = QGridLayout()
        self.recent_labels: list[tuple[QLabel, QLabel, QLabel]] = []
        for row in range(CALLS_SHOWN):
            cells = (QLabel(), QLabel(), QLabel())
            for column, cell in enumerate(cells):
                self.recent.addWidget(cell, row, column)
            self.recent_labels.append(cells)
        self.waiting_label = QLabel()
        self.waiting_label.setObjectName("displayWaiting")
        self.status = QLabel()
        self.status.setObjectName("fieldError")
        self.status.setWordWrap(True)
        top = QGridLayout()
        top.addWidget(self.title, 0, 0)
        top.addWidget(self.clock_label, 0, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 24, 40, 24)
        layout.addLayout(top)
        layout.addWidget(self.headline_box, 3)
        layout.addWidget(self.recent_heading)
        layout.addLayout(self.recent, 2)
        layout.addWidget(self.waiting_label)
        layout.addWidget(self.status)
        self._flashes = 0
        self._flash = QTimer(self)
        self._flash.setInterval(FLASH_MS)
        self._flash.timeout.connect(self._flash_step)
        self._clock = QTimer(self)
        self._clock.setInterval(CLOCK_MS)
        self._clock.timeout.connect(self._show_clock)
        self._clock.start()
        self._expiry = QTimer(self)
        self._expiry.setSingleShot(True)
        self._expiry.timeout.connect(self.refresh)
        self._opened_at = clock.now()
        self.live = LiveUpdates(self)
        self.live.changed.connect(lambda tables: self.refresh() if tables & _WATCHED else None)
        self.live.online_changed.connect(lambda _online: self.refresh())
        self.live.start()
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        title = translate("DisplayWindow", "Wealth management")
        self.title.setText(f"{self.branch} · {title}" if self.branch else title)
        self.recent_heading.setText(translate("DisplayWindow", "Called"))
        self.setWindowTitle(translate("DisplayWindow", "WealthDesk waiting-room display"))
        self.refresh()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        _sized(self.title, 0.04, bold=True)
        _sized(self.clock_label, 0.04)
        _sized(self.headline, 0.11, bold=True)
        _sized(self.recent_heading, 0.035)
        for cells in self.recent_labels:
            for cell in cells:
                _sized(cell, 0.05)
        _sized(self.waiting_label, 0.045)

    def closeEvent(self, event) -> None:
        self.live.stop()
        self.speaker.stop()
        super().closeEvent(event)

    # ------------------------------------------------------------ reading
    def refresh(self) -> None:
        """Read the calls, the queue and the desks again. The large type shows only the
        call that is current (the visitor called and not yet seated, or seated moments
        ago); otherwise how many wait and the room's state (desks back at 14:00…)."""
        self._show_clock()
        try:
            with storage_errors():
                calls = queue_service.recent_calls(CALLS_SHOWN + 1)
                waiting = len(queue_service.snapshot().waiting)
                desks = queue_service.desks_overview()
        except StorageError as exc:
            log.warning("display not refreshed: %s", exc)
            self.status.setText(translate("DisplayWindow", "Connection lost: reconnecting…"))
            return
        self.status.setText("")
        away = {d.desk for d in desks if d.state != DeskState.AVAILABLE.value}
        self._say_new_calls(calls, away)
        current = queue_service.current_call(calls, away)
        if current is not None:
            self.headline.setText(
                translate("DisplayWindow", "{ticket}, please go to desk {desk}").format(
                    ticket=current.ticket, desk=current.desk
                )
            )
            key = (current.ticket, current.desk, current.called_at, current.recalls)
            # A call already made when the display opened is no news; one made since is.
            news = self.last_call is not None or current.called_at > self._opened_at
            if key != self.last_call and news:
                self.flash()
            self.last_call = key
            self._expire_later(current)
        else:
            self.headline.setText(self._room_state(desks, waiting))
            self.last_call = None
        earlier = [c for c in calls if c is not current][:CALLS_SHOWN]
        for row, cells in enumerate(self.recent_labels):
            shown = earlier[row] if row < len(earlier) else None
            texts = (
                (
                    shown.ticket,
                    translate("DisplayWindow", "desk {desk}").format(desk=shown.desk),
                    shown.public_name,
                )
                if shown
                else ("", "", "")
            )
            for cell, text in zip(cells, texts, strict=True):
                cell.setText(text)
        self.waiting_label.setText(
            translate("DisplayWindow", "Waiting: {count}").format(count=waiting)
        )

    def _say_new_calls(self, calls, away: set[str]) -> None:
        """Say each call and recall made since the board last looked, oldest first: a
        visitor still called (or seated moments ago) at a desk that is at work. What was
        called before the board opened is no news."""
        keys = {(c.ticket, c.desk, c.called_at, c.recalls): c for c in calls}
        if self._heard is None:
            self._heard = set(keys)
            return
        now = clock.now()
        news = [
            call
            for key, call in keys.items()
            if key not in self._heard
            and call.desk not in away
            and (
                call.state is VisitState.CALLED
                or now - call.called_at <= queue_service.CALL_SHOWN_AT_LEAST
            )
        ]
        self._heard |= keys.keys()  # a day's calls: a few hundred keys at most
        if not news:
            return
        try:
            with storage_errors():
                wanted = settings_service.load(LISTENING_DESK)
        except StorageError as exc:
            log.warning("calls not said: %s", exc)
            return
        volume = int(wanted["call_speech_volume"])
        if not wanted["call_speech"] or volume <= 0:
            return
        for call in sorted(news, key=lambda c: (c.called_at, c.recalls)):
            self.speaker.announce(
                call.ticket, call.desk, bool(wanted["call_speech_english"]), volume
            )

    def _room_state(self, desks, waiting: int) -> str:
        at_work = [d for d in desks if d.state == DeskState.AVAILABLE.value and d.running]
        if at_work:
            if waiting:
                return translate("DisplayWindow", "Please take a seat: you will be called")
            return translate("DisplayWindow", "Welcome")
        back = sorted(d.until for d in desks if d.until and d.state != DeskState.CLOSED.value)
        if back:
            return translate("DisplayWindow", "The desks are open again at {time}").format(
                time=back[0]
            )
        if desks and all(d.state == DeskState.CLOSED.value for d in desks):
            return translate("DisplayWindow", "Closed for today")
        return translate("DisplayWindow", "Welcome")

    def _expire_later(self, call) -> None:
        """Look again when the current call stops being current (the visitor seated a
        while ago), even if nothing else changes meanwhile."""
        now = clock.now()
        ends = [call.called_at + queue_service.CALL_SHOWN_AT_LEAST]
        if call.started_at is not None:
            ends.append(call.started_at + queue_service.CALL_SHOWN_AFTER_START)
        seconds = max((max(ends) - now).total_seconds(), 0) + 0.5
        self._expiry.start(int(min(seconds, 60) * 1000))

    def _show_clock(self) -> None:
        self.clock_label.setText(clock.now().strftime("%H:%M"))

    # ------------------------------------------------------------ the flash
    def flash(self) -> None:
        """A new call: the headline's box flashes (a visual signal, no sound)."""
        self._flashes = FLASHES
        self._flash.start()
        self._flash_step()

    def _flash_step(self) -> None:
        on = self._flashes % 2 == 0 and self._flashes > 0
        self.headline_box.setProperty("flash", on)
        self.headline_box.style().unpolish(self.headline_box)
        self.headline_box.style().polish(self.headline_box)
        self._flashes -= 1
        if self._flashes < 0:
            self._flash.stop()
            self.headline_box.setProperty("flash", False)
            self.headline_box.style().polish(self.headline_box)


__all__ = ["DisplayWindow"]
