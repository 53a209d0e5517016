"""The client book as the UI sees it: the services plus meaning-level signals."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from ...domain.client import ClientDraft
from ...services import clients as client_service
from ...services.clients import ClientRecord, ClientSummary, Erasure, SearchResult
from ...services.storage import guarded

if TYPE_CHECKING:
    from ...services.client_import import ImportReport
    from ...services.demo import DemoReport


class ClientBook(QObject):
    """One per window; *actor* is who the audit log names for this desk.

    Every call raises :class:`~wealthdesk.services.storage.StorageError` (a message for
    the user) when the database fails midway, never a driver's exception.
    """

    clients_changed = Signal()  # something was added, imported or edited
    client_saved = Signal(int)  # one client's record was saved

    def __init__(self, actor: Callable[[], str], parent: QObject | None = None):
        super().__init__(parent)
        self._actor = actor

    @property
    def actor(self) -> str:
        return self._actor()

    @guarded
    def count(self) -> int:
        return client_service.count_clients()

    @guarded
    def page(self, offset: int, limit: int) -> list[ClientSummary]:
        return client_service.list_clients(offset, limit)

    @guarded
    def search(self, query: str) -> SearchResult:
        return client_service.search_clients(query)

    @guarded
    def get(self, client_id: int) -> ClientRecord:
        return client_service.get_client(client_id)

    @guarded
    def create(self, draft: ClientDraft) -> ClientRecord:
        record = client_service.create_client(draft, self.actor)
        self.client_saved.emit(record.id)
        self.clients_changed.emit()
        return record

    @guarded
    def update(self, client_id: int, draft: ClientDraft, version: int) -> ClientRecord:
        record = client_service.update_client(client_id, draft, version, self.actor)
        self.client_saved.emit(record.id)
        self.clients_changed.emit()
        return record

    @guarded
    def erase(self, client_id: int) -> Erasure:
        """Erase the client's personal data at their request (see the service)."""
        erasure = client_service.erase_client(client_id, self.actor)
        self.clients_changed.emit()
        return erasure

    @guarded
    def reveal(self, client_id: int, field: str) -> str:
        return client_service.reveal_identifier(client_id, field, self.actor)

    @guarded
    def import_file(self, path: Path, progress: Callable[[int, int], bool]) -> ImportReport:
        from ...services.client_import import import_clients  # loaded when first used

        report = import_clients(path, self.actor, progress)
        if report.imported:
            self.clients_changed.emit()
        return report

    @guarded
    def possible_duplicates(
        self, name: str, mobile: str, exclude_id: int | None = None
    ) -> list[ClientSummary]:
        return client_service.possible_duplicates(name, mobile, exclude_id)

    @guarded
    def demo_count(self) -> int:
        from ...services.demo import count_demo_clients

        return count_demo_clients()

    @guarded
    def remove_demo(self) -> int:
        from ...services.demo import remove_demo_clients

        removed = remove_demo_clients(self.actor)
        self.clients_changed.emit()
        return removed

    @guarded
    def create_demo(
        self, count: int, manager: str, desk: str, progress: Callable[[int, int], None]
    ) -> DemoReport:
        """Demo clients and a month of their visits at *desk*, today's queue included."""
        from ...services.demo import create_demo_data

        report = create_demo_data(count, 1, self.actor, manager, desk, progress=progress)
        self.clients_changed.emit()
        return report
