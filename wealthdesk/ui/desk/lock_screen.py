"""The lock screen: covers the desk while the manager is away; the PIN opens it again.

It shows only what the caller gives it (the app and branch line, the desk's state), the
clock and its own fixed words, so nothing of the last client can show through.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...domain.pin import PinThrottle, verify_pin
from ...i18n import translate
from ...services import clock
from ...services.desk import LockPin
from .. import defs
from ..language import Retranslating
from .pin_dialog import pin_edit

log = logging.getLogger(__name__)

CLOCK_INTERVAL_MS = 15_000
COLUMN_WIDTH = 460

StateText = str | Callable[[], str]
PinSource = Callable[[], LockPin | None]  # None: cannot be read now, keep what is known


def _centred_label(name: str, word_wrap: bool = False) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(word_wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)  # a caller's text is never markup
    return label


class LockScreen(Retranslating, QWidget):
    """A full-window page: the clock, the desk's state and the PIN field.

    ``lock()`` arms it; ``unlocked`` is emitted when the right PIN is entered (or, on a
    desk with no PIN, when the manager presses Continue). Wrong PINs are slowed down by
    a :class:`PinThrottle`, read against :attr:`monotonic`, which tests replace; each
    is told (``wrong_pin``) so that the caller counts it with the desk, and the count
    the caller gives to ``lock()`` carries on after a restart. A desk whose PIN was
    removed stays locked and says so: nothing typed here opens it.
    """

    unlocked = Signal()
    save_notice_requested = Signal()  # "Save the notice as PDF" after a failed print
    wrong_pin = Signal(int)  # a wrong PIN: the wrong PINs in a row now
    pin_removed = Signal()  # the desk's PIN was found gone while it was locked

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.monotonic: Callable[[], float] = time.monotonic
        self._pin_hash = ""
        self._pin_removed = False
        self._pin_source: PinSource | None = None
        self.desk = ""  # the desk's number, for the way out of a removed PIN
        self._state_source: Callable[[], str] | None = None
        self._throttle = PinThrottle()

        self.title_label = _centred_label("lockTitle", word_wrap=True)
        self.clock_label = _centred_label("lockClock")
        self.state_label = _centred_label("lockState", word_wrap=True)

        self.pin_field = pin_edit(self)
        self.pin_field.setObjectName("pinField")
        self.pin_field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pin_field.returnPressed.connect(self.try_unlock)
        self.unlock_button = QPushButton()
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.clicked.connect(self.try_unlock)
        # As tall as the field beside it.
        self.unlock_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self.pin_row = QWidget()
        row = QHBoxLayout(self.pin_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(defs.SPACING)
        row.addWidget(self.pin_field, 1)
        row.addWidget(self.unlock_button)

        self.no_pin_label = _centred_label("lockNoPin", word_wrap=True)
        self.continue_button = QPushButton()
        self.continue_button.setObjectName("continueButton")
        self.continue_button.clicked.connect(self.try_unlock)
        self.continue_row = QWidget()
        row = QHBoxLayout(self.continue_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(1)
        row.addWidget(self.continue_button)
        row.addStretch(1)

        self.removed_label = _centred_label("lockPinRemoved", word_wrap=True)
        self.message_label = _centred_label("lockMessage", word_wrap=True)
        self._build_notice_row()

        column = QWidget()
        column.setObjectName("lockColumn")
        column.setMaximumWidth(COLUMN_WIDTH)
        stack = QVBoxLayout(column)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.setSpacing(defs.SPACING * 2)
        stack.addWidget(self.title_label)
        stack.addWidget(self.clock_label)
        stack.addWidget(self.state_label)
        stack.addSpacing(defs.SPACING * 2)
        stack.addWidget(self.pin_row)
        stack.addWidget(self.no_pin_label)
        stack.addWidget(self.continue_row)
        stack.addWidget(self.removed_label)
        stack.addWidget(self.message_label)
        stack.addWidget(self.notice_row)

        # Centred by stretches, not by alignment: an aligned widget gets no height for
        # its width, and the wrapped lines would be squeezed.
        across = QHBoxLayout()
        across.addStretch(1)
        across.addWidget(column, 10)
        across.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(defs.MARGIN, defs.MARGIN, defs.MARGIN, defs.MARGIN)
        outer.addStretch(2)
        outer.addLayout(across)
        outer.addStretch(3)

        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(CLOCK_INTERVAL_MS)
        self._clock_timer.timeout.connect(self._tick)
        self._clock_timer.start()
        # Single-shot, re-armed once a second while a wait runs, so the countdown moves
        # and the field opens again as soon as the wait is over.
        self._wait_timer = QTimer(self)
        self._wait_timer.setSingleShot(True)
        self._wait_timer.timeout.connect(self._follow_wait)

        self.retranslate()
        self.lock("", "")

    # ------------------------------------------------------------ the caller's side
    def lock(
        self,
        pin: str | LockPin,
        state_text: StateText,
        title: str = "",
        failures: int = 0,
        pin_source: PinSource | None = None,
    ) -> None:
        """Show the lock for a desk whose PIN is *pin* (its hash, "" when none is set,
        or a :class:`LockPin` that may say it was removed).

        *state_text* is the desk's state, or a callable giving it: then it is read again
        with every tick of the lock's clock, so "Serving W004 · 5 min" moves on by itself
        while the desk stays locked. *failures* are the wrong PINs in a row counted
        before (a restart is no way round the wait); *pin_source* is read again with
        every try and tick, so a PIN reset by the branch, or removed, shows at once."""
        self._pin_source = pin_source
        self._pin_removed = False
        self.title_label.setText(title)
        self.title_label.setVisible(bool(title))
        self.set_state_text(state_text)
        self.show_notice_outcome("")
        self.pin_field.clear()
        self._set_message("")
        if failures > self._throttle.failures:
            self._throttle.restore(failures, self.monotonic())
        self._set_pin(pin if isinstance(pin, LockPin) else LockPin(pin or ""))
        self._show_time()
        self._focus_entry()

    def _set_pin(self, pin: LockPin) -> None:
        """Show the field, Continue, or the removed PIN's message, as *pin* says."""
        newly_removed = pin.removed and not self._pin_removed
        self._pin_hash = pin.pin_hash
        self._pin_removed = pin.removed
        has_pin = bool(self._pin_hash)
        self.pin_row.setVisible(has_pin)
        self.no_pin_label.setVisible(not has_pin and not pin.removed)
        self.continue_row.setVisible(not has_pin and not pin.removed)
        self.removed_label.setVisible(pin.removed)
        self._show_removed()
        if has_pin:
            self._follow_wait()  # a wait still running when locked again keeps running
        if newly_removed:
            log.warning("the locked desk's PIN was removed: the desk stays locked")
            self.pin_removed.emit()

    def _read_pin(self) -> None:
        if self._pin_source is None:
            return
        try:
            pin = self._pin_source()
        except Exception:  # the lock must stay up whatever the caller's source does
            log.exception("cannot read the desk's PIN for the lock screen")
            return
        if pin is not None and (pin.pin_hash, pin.removed) != (self._pin_hash, self._pin_removed):
            self._set_pin(pin)
            self._focus_entry()

    def _show_removed(self) -> None:
        text = translate(
            "LockScreen",
            "The PIN of this desk was removed while it was locked, so the desk stays "
            "locked.\nAsk the branch administrator to reset the PIN: "
            "wealthdesk desk reset-pin --desk {desk}",
        ).format(desk=self.desk or "N")
        self.removed_label.setText(text)

    def _build_notice_row(self) -> None:
        """How the door notice printed as the desk locked went: said here, where the
        manager looks as they leave, with no client data; and the way out when it did
        not print."""
        self.notice_label = _centred_label("lockNotice", word_wrap=True)
        self.save_notice_button = QPushButton()
        self.save_notice_button.setObjectName("saveNoticeButton")
        self.save_notice_button.clicked.connect(self.save_notice_requested)
        self.notice_row = QWidget()
        column = QVBoxLayout(self.notice_row)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.notice_label)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_notice_button)
        row.addStretch(1)
        column.addLayout(row)
        self.notice_row.setVisible(False)

    def show_notice_outcome(self, text: str, offer_save: bool = False) -> None:
        """Say how the door notice went ("" hides it); *offer_save* shows "Save the
        notice as PDF"."""
        self.notice_label.setText(text)
        self.save_notice_button.setVisible(offer_save)
        self.notice_row.setVisible(bool(text))

    def set_state_text(self, text: StateText) -> None:
        """The desk's state as shown now, or a callable read again on every tick."""
        self._state_source = text if callable(text) else None
        self._show_state(text() if callable(text) else text)

    def _show_state(self, text: str) -> None:
        self.state_label.setText(text)
        self.state_label.setVisible(bool(text))

    def refresh_state(self) -> None:
        """Read the desk's state again from the callable given (nothing without one)."""
        if self._state_source is not None:
            try:
                text = self._state_source()
            except Exception:  # the lock must stay up whatever the caller's state does
                log.exception("cannot read the desk's state for the lock screen")
                return
            self._show_state(text)

    def retranslate(self) -> None:
        self.pin_field.setPlaceholderText(translate("LockScreen", "PIN"))
        self.pin_field.setAccessibleName(translate("LockScreen", "PIN"))
        self.unlock_button.setText(translate("LockScreen", "Unlock"))
        self.continue_button.setText(translate("LockScreen", "Continue"))
        self.save_notice_button.setText(translate("LockScreen", "Save the notice as PDF"))
        self._show_removed()
        self.no_pin_label.setText(
            translate(
                "LockScreen",
                "No PIN is set for this desk, so anyone can open it.\n"
                "Set one in Settings to keep the desk locked while you are away.",
            )
        )

    # ------------------------------------------------------------ trying a PIN
    def try_unlock(self) -> bool:
        """Check the PIN typed; True (and ``unlocked``) when it opens the desk."""
        self._read_pin()
        if self._pin_removed:
            self.pin_field.clear()
            return False
        if not self._pin_hash:
            self.unlocked.emit()
            return True
        pin = self.pin_field.text()
        self.pin_field.clear()
        left = self._throttle.seconds_left(self.monotonic())
        if left > 0:
            self._hold(left)
            return False
        self._release()
        if not pin:
            self._set_message(translate("LockScreen", "Enter your PIN."))
            return False
        if verify_pin(pin, self._pin_hash):
            self._throttle.succeeded()
            self._set_message("")
            self.unlocked.emit()
            return True
        now = self.monotonic()
        self._throttle.failed(now)
        log.info("wrong PIN on the lock screen (%d in a row)", self._throttle.failures)
        self.wrong_pin.emit(self._throttle.failures)
        left = self._throttle.seconds_left(now)
        if left > 0:
            self._hold(left, wrong=True)
        else:
            self._set_message(translate("LockScreen", "Wrong PIN."))
        self._focus_entry()
        return False

    def _hold(self, left: float, wrong: bool = False) -> None:
        """Close the field for *left* seconds, saying how long is left."""
        self.pin_field.setEnabled(False)
        self.unlock_button.setEnabled(False)
        seconds = math.ceil(left)
        text = translate("LockScreen", "Too many wrong PINs: try again in {seconds} s.").format(
            seconds=seconds
        )
        if wrong:
            text = translate("LockScreen", "Wrong PIN.") + "\n" + text
        self._set_message(text)
        # Wake when the number shown changes (or the wait ends), never later.
        self._wait_timer.start(max(1, round((left - (seconds - 1)) * 1000)))

    def _release(self) -> None:
        self._wait_timer.stop()
        if self.pin_field.isEnabled():
            return
        self.pin_field.setEnabled(True)
        self.unlock_button.setEnabled(True)
        self._set_message("")
        self._focus_entry()

    def _follow_wait(self) -> None:
        if not self._pin_hash:
            self._wait_timer.stop()
            return
        left = self._throttle.seconds_left(self.monotonic())
        if left > 0:
            self._hold(left)
        else:
            self._release()

    # ------------------------------------------------------------ showing
    def _tick(self) -> None:
        self._show_time()
        self.refresh_state()
        self._read_pin()

    def _show_time(self) -> None:
        self.clock_label.setText(clock.now().strftime("%H:%M"))

    def _set_message(self, text: str) -> None:
        self.message_label.setText(text)

    def _reserve_message_space(self) -> None:
        # Room for two lines, kept while empty, so nothing above moves when one appears.
        self.message_label.ensurePolished()
        self.message_label.setMinimumHeight(2 * self.message_label.fontMetrics().lineSpacing())

    def _focus_entry(self) -> None:
        if self._pin_hash:
            self.pin_field.setFocus()
        else:
            self.continue_button.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._reserve_message_space()
        self._tick()
        self._focus_entry()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter continues on a desk with no PIN, wherever the focus is.
        if (
            not self._pin_hash
            and not self._pin_removed
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.unlocked.emit()
            return
        super().keyPressEvent(event)
