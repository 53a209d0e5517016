"""What every tab of the client screen is: shown for one client (and the visit under way),
cleared without a trace when the client leaves."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QWidget

from ..desk.context import DeskContext


class ClientTab(QWidget):
    """A tab of the client screen (holdings, risk, sales, care…).

    The client screen calls :meth:`show_client` when a client is opened and
    :meth:`clear` when they leave (finish, call next, step away, lock, idle): after
    ``clear`` no widget, model, label, tooltip or undo history of the tab may hold
    anything of the client. :meth:`title` is the tab's text (it may carry a count);
    emit ``title_changed`` when it changes. Messages for the status bar never carry
    client data.
    """

    title_changed = Signal()
    status_message = Signal(str)

    def __init__(self, desk: DeskContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.desk = desk
        self.client_id: int | None = None
        self.visit_id: int | None = None

    def show_client(self, client_id: int, visit_id: int | None = None) -> None:
        """Read and show *client_id*'s part of the record; *visit_id* is the visit under
        way (what a sale or a consent belongs to), None outside a service."""
        self.client_id, self.visit_id = client_id, visit_id

    def clear(self) -> None:
        self.client_id = self.visit_id = None

    def client_values(self) -> set[str]:
        """The client's values the tab shows that the record form does not (the privacy
        registry's scan, the clipboard's guard); the service page adds them to its own."""
        return set()

    def title(self) -> str:
        raise NotImplementedError

    def retranslate(self) -> None:
        """Texts in the language now installed; called on a language change."""

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.title_changed.emit()
        super().changeEvent(event)


__all__ = ["ClientTab"]
