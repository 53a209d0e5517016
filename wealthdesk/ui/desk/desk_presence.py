"""One desk number, one window: the desk's number claimed as the window opens (refused,
naming the other computer, while another live program holds it), a heartbeat while it
runs, and the number let go when it closes. A window whose desk was taken over (it was
thought dead: no heartbeat for a while) says so and closes, so that two windows never
serve as one desk."""

from __future__ import annotations

import contextlib
import logging

from PySide6.QtCore import QObject, QTimer, Signal

from ...i18n import translate
from ...services import desk_presence
from ...services.storage import StorageError, storage_errors
from .. import interaction

log = logging.getLogger(__name__)


def claim_desk(desk: str, parent=None) -> desk_presence.Claim | None:
    """Claim *desk* for this window; None (after saying why) when another program that
    is still running holds it, or the database cannot be used."""
    title = translate("DeskPresence", "Desk {desk} is already open").format(desk=desk)
    try:
        with storage_errors():
            return desk_presence.claim(desk)
    except desk_presence.DeskTaken as exc:
        log.warning("desk %s refused: held by %s (pid %s)", desk, exc.host, exc.pid)
        interaction.explain(parent, title, exc)
    except StorageError as exc:
        interaction.explain(parent, translate("DeskPresence", "The desk cannot start"), exc)
    return None


class DeskKeeper(QObject):
    """Keeps a claimed desk: a heartbeat every few seconds; ``taken_over`` when another
    program holds the desk now. A lost server is the outage: the heartbeat waits."""

    taken_over = Signal()

    def __init__(self, held: desk_presence.Claim, parent: QObject | None = None):
        super().__init__(parent)
        self.held = held
        self.lost = False
        self.timer = QTimer(self)
        self.timer.setInterval(desk_presence.HEARTBEAT_S * 1000)
        self.timer.timeout.connect(self.beat)
        self.timer.start()

    def beat(self) -> bool:
        if self.lost:
            return False
        try:
            with storage_errors():
                ours = desk_presence.heartbeat(self.held)
        except StorageError as exc:
            log.info("desk heartbeat not said (offline?): %s", exc)
            return True
        if not ours:
            self.lost = True
            self.timer.stop()
            log.warning("desk %s was taken over by another program", self.held.desk)
            self.taken_over.emit()
        return ours

    def release(self) -> None:
        """Let the desk go (once): the next start may take it at once."""
        if self.lost:
            return
        self.lost = True
        with contextlib.suppress(RuntimeError):  # the timer may be gone with the app
            self.timer.stop()
        try:
            with storage_errors():
                desk_presence.release(self.held)
        except StorageError as exc:
            log.info("desk not let go (it is freed after the heartbeat timeout): %s", exc)


def keep_desk(window, held: desk_presence.Claim) -> DeskKeeper:
    """Tie *held* to *window*: a heartbeat while it is open, the desk let go when it is
    destroyed, and the window told and closed when another program took its desk."""
    from PySide6.QtCore import QCoreApplication

    keeper = DeskKeeper(held)  # not the window's child: it outlives the window's C++ side
    window.desk_keeper = keeper
    window.destroyed.connect(lambda *_: keeper.release())
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(keeper.release)

    def taken() -> None:
        holder = None
        try:
            with storage_errors():
                holder = desk_presence.holder(held.desk)
        except StorageError:
            pass
        where = holder.host if holder is not None else "?"
        interaction.warn(
            window,
            translate("DeskPresence", "Desk {desk} was taken over").format(desk=held.desk),
            translate(
                "DeskPresence",
                "Desk {desk} was started on the computer {host} while this window did not "
                "answer. This window closes now, so that one window serves the desk; "
                "nothing saved is lost.",
            ).format(desk=held.desk, host=where),
        )
        window.close()

    keeper.taken_over.connect(taken)
    return keeper


__all__ = ["DeskKeeper", "claim_desk", "keep_desk"]
