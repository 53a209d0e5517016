"""Leaving the desk: stepping away, the lunch break and closing the desk for the day.

Who is waiting (or due) is said first and can be passed on; the door notice saying when
the manager is back is previewed; then the screen is cleared and locked first, always,
and only then is the notice printed, its outcome told on the lock screen without client
data (and a notice that did not print can be saved as a PDF from there)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from ...domain.desk import DeskState, suggested_return
from ...i18n import translate
from ...services import clock
from .. import interaction

if TYPE_CHECKING:
    from ..main_window import MainWindow

log = logging.getLogger(__name__)


class SteppingAway(QObject):
    """The window's Desk menu moves that take the manager away from the desk."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self._unprinted_notice = None  # a door notice that did not print at the lock

    def step_away(self, state: DeskState) -> None:
        """Away or lunch: when back, and the door notice saying so, previewed; then the
        screen is cleared and locked first, always, and only then is the notice printed
        (on the last printer), its outcome told on the lock screen without client data."""
        from ...domain.errors import DomainError
        from ...services import notices
        from ...services.storage import StorageError
        from .away_dialog import AwayDialog

        if self.window.locked or not self._leave_visitor_waiting():
            return
        if not self._about_those_waiting(state):
            return
        lunch_end = str(self.window.desk.settings.get("lunch_end") or "14:00")
        suggested = suggested_return(state, clock.now(), lunch_end).strftime("%H:%M")
        desk = self.window.desk.desk

        def notice_for(until):
            try:
                return notices.draft_for_desk_state(state, desk, until)
            except StorageError:
                return None

        dialog = AwayDialog(
            state,
            suggested,
            self.window,
            notice_for=notice_for,
            actor=self.window.desk.actor(),
            desk=desk,
        )
        try:
            if interaction.run_dialog(dialog) != AwayDialog.DialogCode.Accepted:
                return
            try:
                status = self.window.queue.set_status(
                    state, until=dialog.until_text, manager=self.window.desk.manager
                )
            except (DomainError, StorageError) as exc:
                interaction.explain(
                    self.window, translate("MainWindow", "The desk's state was not changed"), exc
                )
                return
            self.window.stored_status = status
            wanted = dialog.notice_box is not None and dialog.notice_box.isChecked()
            self.window.lock()
            if wanted:
                self.print_notice_behind_lock(dialog)
        finally:
            dialog.deleteLater()

    def _about_those_waiting(self, state: DeskState) -> bool:
        """Leaving (away, lunch, closing) with visitors waiting or an appointment due:
        say how many and who (masked), and offer to pass those sent to this desk to the
        shared queue or to a colleague's desk. False: the manager stays."""
        from ...services.storage import StorageError
        from .leaving import LeavingQuestion

        try:
            question = LeavingQuestion.gather(
                self.window.queue,
                self.window.appointment_book,
                state,
                str(self.window.desk.settings.get("lunch_end") or "14:00"),
            )
        except StorageError as exc:
            log.warning("cannot read who is waiting: %s", exc)
            return True
        if question is None:
            return True
        answer = interaction.choose(
            self.window, question.title(), question.text(), question.options()
        )
        if not answer:
            return False
        moved = question.act(answer, self.window.queue)
        if moved:
            self.window.show_status(
                translate("MainWindow", "{count} waiting visitors passed on.").format(count=moved)
            )
        return True

    def print_notice_behind_lock(self, dialog) -> bool:
        """Print the away dialog's notice now the desk is locked, and say how it went
        on the lock screen; when it did not print, the notice can be saved as a PDF
        from there. True when printed."""
        from ..notices.notice_dialog import _log_notice
        from ..pdf_preview import try_print

        draft = dialog.notice_draft
        if draft is None:
            printed, why_not = False, dialog.notice.message.text()
        else:
            title = translate("MainWindow", "Door notice")
            printed, why_not = try_print(
                self.window.lock_screen, dialog.notice.preview.document, title, ask=False
            )
            if printed:
                _log_notice(
                    self.window.lock_screen,
                    draft,
                    "printed",
                    self.window.desk.actor(),
                    self.window.desk.desk,
                )
        self._unprinted_notice = None if printed else draft
        if printed:
            text = translate("MainWindow", "Door notice printed.")
        elif why_not:
            text = translate("MainWindow", "The door notice was not printed: {reason}").format(
                reason=why_not
            )
        else:
            text = translate("MainWindow", "The door notice was not printed.")
        self.window.lock_screen.show_notice_outcome(
            text, offer_save=self._unprinted_notice is not None
        )
        return printed

    def save_unprinted_notice(self) -> Path | None:
        """From the lock screen: the notice that did not print, written as a PDF into the
        documents folder (no file dialog behind the lock: it would open the disk to a
        passer-by), and where it went said there."""
        from ...domain.errors import DomainError, os_error_reason, translate_value
        from ...services import notices
        from ...services.storage import StorageError
        from ..day_close.day_close_page import report_folder
        from ..notices.notice_dialog import NoticeRenderer

        draft = self._unprinted_notice
        if draft is None:
            return None
        folder = report_folder() / "notices"
        target = folder / f"notice-{draft.kind}-{clock.now():%Y%m%d-%H%M}.pdf"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with notices.recording(
                draft.kind,
                "saved",
                self.window.desk.actor(),
                self.window.desk.desk,
                draft.closed_reason,
            ):
                NoticeRenderer().write(target, draft)
        except (DomainError, StorageError) as exc:
            reason = exc.render(QCoreApplication.translate)
            self.window.lock_screen.show_notice_outcome(
                translate("MainWindow", "The notice was not saved: {reason}").format(reason=reason),
                offer_save=True,
            )
            return None
        except OSError as exc:
            reason = translate_value(os_error_reason(exc), QCoreApplication.translate)
            self.window.lock_screen.show_notice_outcome(
                translate("MainWindow", "The notice was not saved: {reason}").format(
                    reason=f"{folder}: {reason}"
                ),
                offer_save=True,
            )
            return None
        self._unprinted_notice = None
        self.window.lock_screen.show_notice_outcome(
            translate("MainWindow", "The door notice was saved as {path}.").format(path=str(target))
        )
        return target

    def _leave_visitor_waiting(self) -> bool:
        """Stepping away with a visitor called or served at the desk: only when the
        manager says so; the visit stays open and its time runs on."""
        visit = self.window.session.current
        if visit is None:
            return True
        return interaction.confirm(
            self.window,
            translate("MainWindow", "A visitor is at your desk"),
            translate(
                "MainWindow",
                "{ticket} is still called to or served at your desk. Step away anyway? The "
                "visit stays open and its service time runs on until you finish it.",
            ).format(ticket=visit.ticket),
            translate("MainWindow", "Step away"),
        )

    def open_door_notice(self) -> None:
        """A door notice of any kind, to fill in, print or save (Desk menu)."""
        from ...domain.notice import NoticeKind
        from ...services import notices
        from ...services.storage import StorageError
        from ..notices.notice_dialog import NoticeDialog

        state = self.window.current_desk_state()
        kind = NoticeKind.LUNCH if state is DeskState.LUNCH else NoticeKind.AWAY
        try:
            draft = notices.draft_for(kind, self.window.desk.desk)
        except StorageError as exc:
            interaction.explain(self.window, translate("MainWindow", "Door notice"), exc)
            return
        dialog = NoticeDialog(draft, self.window.desk.actor(), self.window.desk.desk, self.window)
        interaction.run_dialog(dialog)
        dialog.deleteLater()

    def close_desk(self) -> None:
        """The end of the manager's day: visitors still waiting are closed as left (unless
        the desk's settings say not to), and the desk is locked as closed."""
        from ...services.storage import StorageError

        if self.window.locked or not self.window.session.may_clear():
            return
        visit = self.window.session.current
        if visit is not None:
            interaction.info(
                self.window,
                translate("MainWindow", "Close the desk"),
                translate(
                    "MainWindow",
                    "{ticket} is still called to or served at your desk: finish the service, "
                    "mark a no-show or send them back to the queue first.",
                ).format(ticket=visit.ticket),
            )
            return
        if not self._about_those_waiting(DeskState.CLOSED):
            return
        if not interaction.confirm(
            self.window,
            translate("MainWindow", "Close the desk"),
            translate(
                "MainWindow",
                "Close the desk for today? The screen is cleared and locked; the lobby "
                "sees the desk as closed.",
            ),
            translate("MainWindow", "Close the desk"),
        ):
            return
        try:
            self.window.stored_status = self.window.queue.set_status(
                DeskState.CLOSED, manager=self.window.desk.manager
            )
        except StorageError as exc:
            interaction.explain(
                self.window, translate("MainWindow", "The desk's state was not changed"), exc
            )
            return
        self.window.day.close_today_if_set()
        self.window.lock()
