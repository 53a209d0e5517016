"""The desk's service session: calling, serving and finishing one visitor at a time.

Owns the queue's actions (Call next, Recall, No-show, Park…), so that the queue page's
card and the client screen's action bar show the same buttons with the same state.
Clearing the client screen is the window's job: the session asks for it through
:attr:`ServiceSession.clear_requested` before a new visitor is called and after one is
finished, and waits for it to be done.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from ...domain.errors import DomainError
from ...domain.queue import VisitState
from ...i18n import translate
from ...services import clock
from ...services.queue import VisitInfo
from ...services.storage import StorageError
from .. import defs, interaction
from ..icons import icon
from .visitor_queue import VisitorQueue


class ServiceSession(QObject):
    visit_changed = Signal()  # the visitor at the desk changed (or its state)
    clear_requested = Signal()  # clear every trace of the client now
    service_opened = Signal(object)  # VisitInfo: show the client screen for this visit
    finished = Signal(object)  # VisitInfo: a service was filed
    desk_freed = Signal()  # nobody is called to or served at the desk any more
    status_message = Signal(str)

    def __init__(self, queue: VisitorQueue, window: QWidget):
        super().__init__(window)
        self.queue = queue
        self._window = window
        self.current: VisitInfo | None = None
        # The queue page tells which waiting or parked visitor is selected.
        self.selected: Callable[[], VisitInfo | None] = lambda: None
        # Asked before the manager's own action clears the screen (unsaved edits): False
        # cancels the action.
        self.may_clear: Callable[[], bool] = lambda: True
        # Behind the lock every action stays off, whatever the queue does meanwhile.
        self.is_locked: Callable[[], bool] = lambda: False

        def action(icon_name: str | None, slot, shortcut=None) -> QAction:
            made = QAction(window)
            if icon_name:
                made.setIcon(icon(icon_name))
            if shortcut is not None:
                made.setShortcut(shortcut)
            made.triggered.connect(slot)
            window.addAction(made)
            return made

        self.call_next_action = action("call", self.call_next, defs.CALL_NEXT)
        self.call_selected_action = action(None, self.call_selected, defs.CALL_SELECTED)
        self.recall_action = action(None, self.recall, defs.RECALL)
        self.no_show_action = action(None, self.no_show, defs.NO_SHOW)
        self.recycle_action = action("return", self.recycle)
        self.transfer_action = action(None, self.transfer)
        self.start_action = action(None, self.start_service, defs.START_SERVICE)
        self.finish_action = action("finish", self.finish_service, defs.FINISH_SERVICE)
        self.open_action = action("service", self.open_service)
        self.park_action = action("park", self.park, defs.PARK)
        self.return_action = action("return", self.return_to_queue, defs.RETURN_TO_QUEUE)
        self.leave_action = action(None, self.leave, defs.LEFT)
        self.retranslate()

    def retranslate(self) -> None:
        def text(action: QAction, words: str, key=None) -> None:
            action.setText(words)
            shortcut = defs.key_text(key) if key is not None else ""
            action.setToolTip(f"{words} ({shortcut})" if shortcut else words)

        text(self.call_next_action, translate("ServiceSession", "Call next"), defs.CALL_NEXT)
        text(
            self.call_selected_action,
            translate("ServiceSession", "Call selected"),
            defs.CALL_SELECTED,
        )
        text(self.recall_action, translate("ServiceSession", "Recall"), defs.RECALL)
        text(self.no_show_action, translate("ServiceSession", "No-show…"), defs.NO_SHOW)
        text(self.recycle_action, translate("ServiceSession", "Back to the queue"))
        text(self.transfer_action, translate("ServiceSession", "Pass to another desk…"))
        text(self.start_action, translate("ServiceSession", "Start service"), defs.START_SERVICE)
        text(
            self.finish_action, translate("ServiceSession", "Finish service…"), defs.FINISH_SERVICE
        )
        text(self.open_action, translate("ServiceSession", "Client screen"))
        text(self.park_action, translate("ServiceSession", "Park"), defs.PARK)
        text(
            self.return_action,
            translate("ServiceSession", "Return to queue"),
            defs.RETURN_TO_QUEUE,
        )
        text(self.leave_action, translate("ServiceSession", "Left…"), defs.LEFT)

    # ------------------------------------------------------------ state
    def reload(self) -> None:
        """Pick up the visitor called to this desk (after a start or a restart)."""
        try:
            self.current = self.queue.at_desk()
        except StorageError as exc:
            self.status_message.emit(exc.render(QCoreApplication.translate))
            self.current = None
        self.update_actions()
        self.visit_changed.emit()

    def update_actions(self) -> None:
        if self.is_locked():
            return
        state = self.current.state if self.current else None
        selected = self.selected()
        called = state is VisitState.CALLED
        free = state is None
        # Call next stays on with nobody in line here: the lobby or another desk may have
        # checked someone in since the list was last read, and the call reads the queue.
        self.call_next_action.setEnabled(state is not VisitState.CALLED)
        self.call_selected_action.setEnabled(
            free and selected is not None and selected.state is VisitState.WAITING
        )
        self.recall_action.setEnabled(called)
        self.no_show_action.setEnabled(called)
        self.recycle_action.setEnabled(called)
        self.transfer_action.setEnabled(not free)
        self.start_action.setEnabled(called)
        self.finish_action.setEnabled(state is VisitState.SERVING)
        self.open_action.setEnabled(not free)
        can_park = selected is not None and selected.state is VisitState.WAITING
        self.park_action.setEnabled(can_park)
        self.return_action.setEnabled(selected is not None and selected.state is VisitState.PARKED)
        self.leave_action.setEnabled(selected is not None)

    def elapsed_minutes(self) -> int:
        """Minutes since the visitor was called, or since the service started at this
        desk (a visitor passed on from another desk: not since their first start)."""
        visit = self.current
        if visit is None:
            return 0
        since = visit.at_desk_since or visit.arrived_at
        return max(int((clock.now() - since).total_seconds() // 60), 0)

    # ------------------------------------------------------------ calling
    def call_next(self) -> None:
        if not self._desk_free_for_a_call() or not self.may_clear():
            return
        self.clear_requested.emit()
        visit = self._run(self.queue.call_next)
        if visit is False:
            return
        if visit is None:
            self.status_message.emit(translate("ServiceSession", "Nobody is waiting."))
            return
        self._called(visit)

    def call_selected(self) -> None:
        chosen = self.selected()
        if chosen is None or not self._desk_free_for_a_call() or not self.may_clear():
            return
        self.clear_requested.emit()
        visit = self._run(lambda: self.queue.call(chosen))
        if visit:
            self._called(visit)

    def _desk_free_for_a_call(self) -> bool:
        """A desk serves one visitor: finish the one being served first (the checklist
        opens); a called visitor who has not come is for the manager to decide about."""
        if self.current is None:
            return True
        if self.current.state is VisitState.SERVING:
            return self.finish_service()
        interaction.info(
            self._window,
            translate("ServiceSession", "A visitor is called to your desk"),
            translate(
                "ServiceSession",
                "{ticket} is called to your desk. Start the service, call them again, mark "
                "them as a no-show or send them back to the queue first.",
            ).format(ticket=self.current.ticket),
        )
        return False

    def _called(self, visit: VisitInfo) -> None:
        self.current = visit
        self.update_actions()
        self.visit_changed.emit()
        self.status_message.emit(
            translate("ServiceSession", "{ticket} called to desk {desk}.").format(
                ticket=visit.ticket, desk=self.queue.desk
            )
        )
        self.service_opened.emit(visit)

    def recall(self) -> None:
        if self.current is None:
            return
        visit = self._run(lambda: self.queue.recall(self.current))
        if visit:
            self.current = visit
            self.visit_changed.emit()
            self.status_message.emit(
                translate("ServiceSession", "{ticket} called again.").format(ticket=visit.ticket)
            )

    def no_show(self) -> None:
        visit = self.current
        if visit is None or not interaction.confirm(
            self._window,
            translate("ServiceSession", "No-show"),
            translate(
                "ServiceSession",
                "{ticket} did not come after being called. Close the visit as a no-show?",
            ).format(ticket=visit.ticket),
            translate("ServiceSession", "No-show"),
        ):
            return
        if self._run(lambda: self.queue.no_show(visit)):
            self._desk_freed()

    def recycle(self) -> None:
        visit = self.current
        if visit is None:
            return
        if self._run(lambda: self.queue.recycle(visit)):
            self.status_message.emit(
                translate("ServiceSession", "{ticket} is back in the queue.").format(
                    ticket=visit.ticket
                )
            )
            self._desk_freed()

    def transfer(self) -> None:
        """Pass the visitor at this desk on to a colleague's desk: they wait first for it."""
        visit = self.current
        if visit is None or not self.may_clear():
            return
        try:
            desks = self.queue.other_desks()
        except StorageError as exc:
            interaction.explain(self._window, translate("ServiceSession", "Not passed on"), exc)
            return
        title = translate("ServiceSession", "Pass to another desk")
        if not desks:
            interaction.info(
                self._window,
                title,
                translate("ServiceSession", "No other desk is at work today."),
            )
            return
        chosen = interaction.choose(
            self._window,
            title,
            translate("ServiceSession", "Which desk takes {ticket}?").format(ticket=visit.ticket),
            [(d, translate("ServiceSession", "Desk {desk}").format(desk=d)) for d in desks],
        )
        if not chosen:
            return
        if self._run(lambda: self.queue.transfer(visit, chosen)):
            self.status_message.emit(
                translate("ServiceSession", "{ticket} passed to desk {desk}.").format(
                    ticket=visit.ticket, desk=chosen
                )
            )
            self._desk_freed()

    def start_service(self) -> None:
        if self.current is None:
            return
        visit = self._run(lambda: self.queue.start_service(self.current))
        if visit:
            self.current = visit
            self.update_actions()
            self.visit_changed.emit()
            self.service_opened.emit(visit)

    def open_service(self) -> None:
        if self.current is not None:
            self.service_opened.emit(self.current)

    def finish_service(self) -> bool:
        """The checklist, then the session is filed and the screen cleared; True when
        the desk is free afterwards."""
        from .finish_dialog import FinishDialog  # built when first used

        visit = self.current
        if visit is None or visit.state is not VisitState.SERVING:
            return visit is None
        if not self.may_clear():
            return False
        try:
            activity = self.queue.session_activity(visit)
        except (DomainError, StorageError):
            activity = None  # nothing to suggest from: the manager chooses the outcome
        dialog = FinishDialog(visit.ticket, self.elapsed_minutes(), self._window, activity)
        try:
            if interaction.run_dialog(dialog) != FinishDialog.DialogCode.Accepted:
                return False
            outcome, checklist = dialog.outcome_code, dialog.checklist
        finally:
            dialog.deleteLater()  # one a service: kept, a day's would pile up in the window
        done = self._run(lambda: self.queue.finish(visit, outcome, checklist))
        if not done:
            return False
        self._desk_freed()
        self.finished.emit(done)
        return True

    def _desk_freed(self) -> None:
        self.current = None
        self.clear_requested.emit()
        self.update_actions()
        self.visit_changed.emit()
        self.desk_freed.emit()

    # ------------------------------------------------------------ the waiting list
    def park(self) -> None:
        visit = self.selected()
        if visit is not None and self._run(lambda: self.queue.park(visit)):
            self.status_message.emit(
                translate("ServiceSession", "{ticket} parked.").format(ticket=visit.ticket)
            )

    def return_to_queue(self) -> None:
        visit = self.selected()
        if visit is not None and self._run(lambda: self.queue.unpark(visit)):
            self.status_message.emit(
                translate("ServiceSession", "{ticket} is back in the queue.").format(
                    ticket=visit.ticket
                )
            )

    def leave(self) -> None:
        visit = self.selected()
        if visit is None or not interaction.confirm(
            self._window,
            translate("ServiceSession", "Visitor left"),
            translate(
                "ServiceSession", "{ticket} gave up waiting and left? The visit will be closed."
            ).format(ticket=visit.ticket),
            translate("ServiceSession", "Close the visit"),
        ):
            return
        self._run(lambda: self.queue.leave(visit))

    # ------------------------------------------------------------ errors
    def _run(self, call):
        """Run a queue call; a refusal or a database failure is explained, and gives False."""
        try:
            return call()
        except (DomainError, StorageError) as exc:
            interaction.explain(
                self._window, translate("ServiceSession", "The queue was not changed"), exc
            )
            self.reload()
            return False
