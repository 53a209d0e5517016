"""The client screen of a service session: the called visitor's record, or a short way
to identify a walk-in; empty whenever nobody is being served."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.durations import minutes_text
from ...domain.errors import DomainError, NotFound
from ...domain.queue import VisitState
from ...i18n import domain_text, translate
from ...services.queue import VisitInfo
from ...services.storage import StorageError
from .. import defs, interaction
from ..clients.client_book import ClientBook
from ..clients.client_table_model import (
    CLIENT_ID_ROLE,
    COL_GENDER,
    COL_MANAGER,
    COL_UPDATED,
    ClientTableModel,
    client_matches_view,
)
from ..forms import ElidedLabel
from ..language import Retranslating
from ..queue.service_session import ServiceSession
from ..tables import fit_columns
from .visit_history_model import COL_PURPOSE, VisitHistoryModel

if TYPE_CHECKING:
    from ..clients.client_form import ClientForm

log = logging.getLogger(__name__)


class ServicePage(Retranslating, QWidget):
    status_message = Signal(str)
    complaint_requested = Signal(object)  # the visit on screen: its visitor complains

    def __init__(
        self,
        session: ServiceSession,
        book: ClientBook,
        parent: QWidget | None = None,
        desk=None,
        profile=None,
    ):
        super().__init__(parent)
        self.setObjectName("servicePage")
        self.session = session
        self._book = book
        self.visit: VisitInfo | None = None
        # The record's other tabs (holdings, risk, sales): each shows the client and
        # clears without a trace; built with the record form.
        self._desk = desk
        self._profile = profile
        self.client_tabs: list = []

        self.heading = ElidedLabel()
        self.heading.setObjectName("serviceHeading")
        self.visit_line = QLabel()
        self.visit_line.setObjectName("secondaryText")
        self.visit_line.setWordWrap(True)
        self.elapsed = QLabel()
        self.elapsed.setObjectName("cardElapsed")
        bar = QHBoxLayout()
        for action in (
            session.start_action,
            session.recall_action,
            session.no_show_action,
            session.recycle_action,
            session.finish_action,
        ):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            # Only what can be done now: a called visitor's or a served one's buttons.
            action.changed.connect(lambda b=button, a=action: b.setVisible(a.isEnabled()))
            button.setVisible(action.isEnabled())
            bar.addWidget(button)
        # A complaint from the visitor on screen, into the register (its dialog is
        # cleared with the client, as every complaint window is).
        self.complaint_button = QToolButton()  # as the session's buttons beside it
        self.complaint_button.setObjectName("clientComplaintButton")
        self.complaint_button.clicked.connect(lambda: self.complaint_requested.emit(self.visit))
        bar.addWidget(self.complaint_button)
        bar.addStretch(1)
        bar.addWidget(self.elapsed)

        self.placeholder = QLabel()
        self.placeholder.setObjectName("emptyDetail")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        # The record form is built when the first visitor is called: the window opens
        # faster, and until then there is nothing to show in it.
        self._form: ClientForm | None = None
        self.default_manager: Callable[[], str] = lambda: ""
        self._build_identify()

        self.body = QStackedWidget()
        self.body.addWidget(self.placeholder)
        self.body.addWidget(self.identify)

        header = QFrame()
        header.setObjectName("serviceHeader")
        top = QVBoxLayout(header)
        top.setContentsMargins(defs.MARGIN, defs.MARGIN, defs.MARGIN, defs.SPACING)
        top.addWidget(self.heading)
        top.addWidget(self.visit_line)
        top.addLayout(bar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(header)
        layout.addWidget(self.body, 1)

        self._tick = QTimer(self)
        self._tick.setInterval(defs.QUEUE_TICK_MS)
        self._tick.timeout.connect(self._show_elapsed)
        self._tick.start()
        session.visit_changed.connect(self._visit_changed)
        self.retranslate()
        self.clear()

    @property
    def form(self) -> ClientForm:
        """The client's record, built on first use."""
        if self._form is None:
            from ..clients.client_form import ClientForm

            form = ClientForm(self._book, self)
            form.setObjectName("serviceClientForm")
            form.default_manager = lambda: self.default_manager()
            form.status_message.connect(self.status_message)
            form.saved.connect(self._saved)
            self._form = form
            self.history_model = VisitHistoryModel(self)
            self.history = QTableView()
            self.history.setObjectName("visitHistory")
            self.history.setModel(self.history_model)
            self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            self.history.setAlternatingRowColors(True)
            self.history.verticalHeader().setVisible(False)
            fit_columns(self.history, COL_PURPOSE)
            self.record_tabs = QTabWidget()
            self.record_tabs.setObjectName("recordTabs")
            self.record_tabs.addTab(form, "")
            for tab in self._build_client_tabs():
                self.record_tabs.addTab(tab, "")
            self.record_tabs.addTab(self.history, "")
            self._retranslate_tabs()
            self.body.addWidget(self.record_tabs)
        return self._form

    def _build_client_tabs(self) -> list:
        if self._desk is None:
            return []
        from ..plan.plan_tab import PlanTab
        from .holdings_tab import HoldingsTab
        from .identity_tab import IdentityTab
        from .risk_tab import RiskTab
        from .sales_tab import SalesTab

        self.client_tabs = [
            HoldingsTab(self._desk),
            RiskTab(self._desk, self._profile),
            SalesTab(self._desk),
            PlanTab(self._desk),
            IdentityTab(self._desk),
        ]
        self.client_tabs[-1].record_changed.connect(self._record_changed)
        for tab in self.client_tabs:
            tab.title_changed.connect(self._retranslate_tabs)
            tab.status_message.connect(self.status_message)
        return self.client_tabs

    def _build_identify(self) -> None:
        self.identify = QWidget()
        self.identify.setObjectName("identifyPanel")
        column = QVBoxLayout(self.identify)
        column.setContentsMargins(defs.MARGIN, defs.MARGIN, defs.MARGIN, defs.MARGIN)
        self.identify_text = QLabel()
        self.identify_text.setWordWrap(True)
        self.identify_search = QLineEdit()
        self.identify_search.setObjectName("identifySearch")
        self.identify_search.setClearButtonEnabled(True)
        self.identify_search.textChanged.connect(self._search_later)
        self.identify_model = ClientTableModel(self._book, self)
        self.identify_table = client_matches_view(
            self.identify_model, (COL_GENDER, COL_MANAGER, COL_UPDATED)
        )
        self.identify_table.activated.connect(lambda _index: self.link_selected())
        self.link_button = QPushButton()
        self.link_button.clicked.connect(self.link_selected)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add_as_new_client)
        buttons = QHBoxLayout()
        buttons.addWidget(self.link_button)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        column.addWidget(self.identify_text)
        column.addWidget(self.identify_search)
        column.addWidget(self.identify_table, 1)
        self.identify_hint = QLabel()
        self.identify_hint.setObjectName("secondaryText")
        column.addWidget(self.identify_hint)
        column.addLayout(buttons)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(defs.SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.search_clients)
        self._adding = False
        self._clearing_tabs = False  # one retitling of the tabs after clearing them all

    def retranslate(self) -> None:
        self.placeholder.setText(
            translate(
                "ServicePage",
                "Nobody is being served. Call the next visitor on the Queue page "
                "({key}); their record opens here.",
            ).format(key=defs.key_text(defs.CALL_NEXT))
        )
        self.identify_search.setPlaceholderText(
            translate("ServicePage", "Find the visitor in the client book: name, pinyin, mobile")
        )
        self.link_button.setText(translate("ServicePage", "This is the client"))
        self.complaint_button.setText(translate("ServicePage", "Complaint…"))
        self.complaint_button.setToolTip(
            translate("ServicePage", "Put a complaint from this visitor in the register")
        )
        self.add_button.setText(translate("ServicePage", "Add as a new client"))
        self.identify_model.retranslate()
        self._retranslate_tabs()
        self._show_visit_lines()

    def showEvent(self, event) -> None:
        """Opened by the manager (the rail, Ctrl+2) while a visitor is at the desk but not
        shown here (after a restart or the lock): show them."""
        super().showEvent(event)
        current = self.session.current
        if current is not None and self.visit is None:
            self.show_visit(current)

    # ------------------------------------------------------------ showing a visit
    def show_visit(self, visit: VisitInfo) -> None:
        """Open the visit's client, or the identify panel for an anonymous walk-in."""
        same_client = (
            self.visit is not None
            and self.visit.id == visit.id
            and self.visit.client_id == visit.client_id
        )
        self.visit = visit
        self._show_visit_lines()
        if same_client and self.body.currentWidget() is not self.placeholder:
            return  # already open: keep what the manager is typing
        if visit.client_id is None:
            self._show_identify()
            return
        try:
            record = self._book.get(visit.client_id)
        except (NotFound, StorageError) as exc:
            interaction.explain(self, translate("ServicePage", "Cannot open the client"), exc)
            self._show_identify()
            return
        self.form.show_client(record)
        for tab in self.client_tabs:
            tab.show_client(visit.client_id, visit.id)
        self._show_history(visit)
        self.record_tabs.setCurrentIndex(0)
        self.body.setCurrentWidget(self.record_tabs)

    def _show_history(self, visit: VisitInfo) -> None:
        """The client's earlier visits (this one left out), newest first."""
        if visit.client_id is None:
            self.history_model.clear()
        else:
            try:
                earlier = self.session.queue.client_visits(visit.client_id)
            except StorageError as exc:
                log.warning("visit history not read: %s", exc)
                earlier = []
            self.history_model.set_rows([v for v in earlier if v.id != visit.id])
        self._retranslate_tabs()

    def _retranslate_tabs(self) -> None:
        if self._form is None or self._clearing_tabs:
            return
        self.record_tabs.setTabText(0, translate("ServicePage", "Record"))
        for index, tab in enumerate(self.client_tabs, start=1):
            self.record_tabs.setTabText(index, tab.title())
        self.record_tabs.setTabText(
            self.record_tabs.indexOf(self.history),
            translate("ServicePage", "Earlier visits ({count})").format(
                count=self.history_model.rowCount()
            ),
        )
        self.history_model.retranslate()

    def _visit_changed(self) -> None:
        current = self.session.current
        if current is not None and self.visit is not None and current.id == self.visit.id:
            self.visit = current
            self._show_visit_lines()

    def _show_visit_lines(self) -> None:
        self.complaint_button.setVisible(self.visit is not None)
        visit = self.visit
        if visit is None:
            self.heading.setText(translate("ServicePage", "Client screen"))
            self.visit_line.setText("")
            self.elapsed.setText("")
            return
        name = visit.name or translate("ServicePage", "(no name given)")
        self.heading.setText(f"{visit.ticket} · {name}")
        parts = [
            domain_text(visit.state.label),
            domain_text(visit.kind.label),
            translate("ServicePage", ", ").join(domain_text(p.label) for p in visit.purposes),
            visit.notes,
        ]
        self.visit_line.setText(" · ".join(p for p in parts if p))
        self._show_elapsed()

    def _show_elapsed(self) -> None:
        visit = self.session.current
        if visit is None or self.visit is None or visit.id != self.visit.id:
            self.elapsed.setText("")
            return
        minutes = self.session.elapsed_minutes()
        template = (
            translate("ServicePage", "Called {duration} ago")
            if visit.state is VisitState.CALLED
            else translate("ServicePage", "In service for {duration}")
        )
        self.elapsed.setText(
            template.format(duration=minutes_text(minutes, QCoreApplication.translate))
        )

    # ------------------------------------------------------------ identifying a walk-in
    def _show_identify(self) -> None:
        visit = self.visit
        assert visit is not None
        gave = " ".join(p for p in (visit.name, visit.masked_phone) if p)
        self.identify_text.setText(
            translate(
                "ServicePage",
                "{ticket} is not linked to a client yet (they gave: {gave}). Find them in the "
                "client book, add them as a new client, or just serve them.",
            ).format(ticket=visit.ticket, gave=gave or "—")
        )
        self.identify_search.setText(visit.name)
        self.search_clients()
        self.body.setCurrentWidget(self.identify)

    def _search_later(self) -> None:
        self._search_timer.start()

    def search_clients(self) -> None:
        self._search_timer.stop()
        text = self.identify_search.text().strip()
        if not text:
            self.identify_model.clear()
            self._show_identify_hint()
            return
        try:
            self.identify_model.show_rows(self._book.search(text).rows)
        except StorageError as exc:
            self.identify_model.clear()
            self.identify_text.setText(exc.render(QCoreApplication.translate))
            return
        if self.identify_model.rowCount():
            self.identify_table.selectRow(0)
        self._show_identify_hint()

    def _show_identify_hint(self) -> None:
        found = self.identify_model.rowCount() > 0
        self.link_button.setEnabled(found)
        searched = bool(self.identify_search.text().strip())
        self.identify_hint.setText(
            ""
            if found or not searched
            else translate(
                "ServicePage",
                "No client matches: add them as a new client, or just serve them.",
            )
        )

    def link_selected(self) -> None:
        index = self.identify_table.currentIndex()
        if self.visit is None or not index.isValid():
            return
        self._link(self.identify_model.index(index.row(), 0).data(CLIENT_ID_ROLE))

    def add_as_new_client(self) -> None:
        if self.visit is None:
            return
        self._adding = True
        self.form.new_client()
        self.form.name.setText(self.visit.name)
        try:  # the phone given at check-in goes with them into the record
            phone = self.session.queue.walk_in_phone(self.visit)
        except (DomainError, StorageError) as exc:
            log.warning("the walk-in's phone not read: %s", exc)
            phone = ""
        if phone:
            self.form.mobile.setText(phone)
        self.history_model.clear()
        self._retranslate_tabs()
        self.record_tabs.setCurrentIndex(0)
        self.body.setCurrentWidget(self.record_tabs)

    def _record_changed(self, client_id: int) -> None:
        """A tab changed the client's own record (a resident ID typed on the document
        tab is their ID number): the profile shows it afresh, with the manager's unsaved
        edits on top (their ID number, if revealed there, gives way to the new one)."""
        form = self._form
        if form is None or form.client_id != client_id:
            return
        try:
            record = self._book.get(client_id)
        except (NotFound, StorageError) as exc:
            log.warning("client record not read again: %s", exc)
            return
        keep = replace(form.current_draft(), id_number=None) if form.is_dirty() else None
        form.show_client(record, keep)

    def _saved(self, client_id: int) -> None:
        if self._adding and self.visit is not None and self.visit.client_id is None:
            self._adding = False
            self._link(client_id)
            return
        # A saved change of income, occupation, liquidity need or marital status marks
        # the risk assessment to renew (the service did): the risk tab reads it again
        # (only it: the other tabs may hold the manager's unsaved edits).
        from .risk_tab import RiskTab

        for tab in self.client_tabs:
            if isinstance(tab, RiskTab) and tab.client_id == client_id:
                tab.refresh()

    def _link(self, client_id: int) -> None:
        visit = self.visit
        if visit is None:
            return
        try:
            linked = self.session.queue.link_client(visit, client_id)
        except (DomainError, StorageError) as exc:
            interaction.explain(self, translate("ServicePage", "Not linked"), exc)
            return
        if self.session.current is not None and self.session.current.id == linked.id:
            self.session.current = linked
        self.visit = None  # open it afresh as the client's visit
        self.show_visit(linked)
        self.status_message.emit(
            translate("ServicePage", "{ticket} linked to the client.").format(ticket=linked.ticket)
        )

    # ------------------------------------------------------------ clearing
    def maybe_leave(self) -> bool:
        """The profile's unsaved edits, then each tab's, asked about in turn."""
        if self._form is None:
            return True
        return self._form.maybe_leave() and all(tab.maybe_leave() for tab in self.client_tabs)

    def client_values(self) -> set[str]:
        """What the page shows of a client: the form's values, the visit's name and
        notes, the identifying search typed."""
        values = self._form.client_values() if self._form is not None else set()
        for tab in self.client_tabs:
            values |= tab.client_values()
        if self.visit is not None:
            values |= {self.visit.name, self.visit.notes}
        return values | {self.identify_search.text()}

    def clear_client(self) -> None:
        self.clear()

    def clear(self) -> None:
        """No trace of the client: form, search, lists, headings (setText drops undo)."""
        self.visit = None
        self._adding = False
        if self._form is not None:
            self._form.clear()
            self._clearing_tabs = True
            try:
                for tab in self.client_tabs:
                    tab.clear()
            finally:
                self._clearing_tabs = False
            self.history_model.clear()
            self._retranslate_tabs()
        self.identify_search.setText("")
        self._search_timer.stop()
        self.identify_model.clear()
        self.identify_text.setText("")
        self.identify_hint.setText("")
        self.body.setCurrentWidget(self.placeholder)
        self._show_visit_lines()
