"""The Queue page: check visitors in, see who waits and for how long, and the visitor at
the desk with the buttons that move them on."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.durations import duration_text
from ...domain.durations import minutes_text as in_words
from ...domain.errors import DomainError
from ...domain.identity import normalize_phone
from ...domain.queue import Purpose, VisitKind, VisitState, rest_of_service
from ...i18n import domain_text, translate
from ...services import clock
from ...services.queue import CheckIn, VisitInfo
from ...services.storage import StorageError
from .. import defs, interaction
from ..banner import Banner
from ..clients.client_book import ClientBook
from ..clients.client_table_model import (
    CLIENT_ID_ROLE,
    COL_AGE,
    COL_GENDER,
    COL_ID,
    COL_MANAGER,
    COL_NAME,
    COL_UPDATED,
    ClientTableModel,
    client_matches_view,
)
from ..icons import icon
from ..language import Retranslating
from ..tables import fit_columns
from .queue_model import COL_PURPOSE, QueueTableModel
from .service_session import ServiceSession

MATCHES_SHOWN = 6
PHONE_MIN_DIGITS = 7  # a landline without its area code; anything shorter is a typo


def minutes_text(delta: dt.timedelta | None) -> str:
    return duration_text(delta, QCoreApplication.translate)


def care_guidance(visit: VisitInfo) -> str:
    """What helps a visitor aged 65 or over or needing assistance, said at check-in."""
    reasons = translate("QueuePage", ", ").join(
        domain_text(need.label) for need in visit.care_needs
    )
    return translate(
        "QueuePage",
        "{ticket} ({reasons}) is called before the other walk-ins. Offer a seat at once, "
        "near the desk; explain slowly, one thing at a time, and check they have understood; "
        "give them the large-print questionnaire.",
    ).format(ticket=visit.ticket, reasons=reasons)


class QueuePage(Retranslating, QWidget):
    status_message = Signal(str)
    survey_requested = Signal(object)  # the waiting visit whose client fills in the survey
    complaint_requested = Signal(object)  # the visit of a visitor who came to complain
    checked_in = Signal(object)  # the visit of a visitor just checked in here
    figures_changed = Signal()  # today's counts were read again

    def __init__(self, session: ServiceSession, book: ClientBook, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("queuePage")
        self.session = session
        self.queue = session.queue
        self._book = book
        # Set by the window: a client booked for today is checked in as the appointment.
        self.appointments = None
        self.lobby = False

        # -------------------------------------------------------- check-in
        self.check_in_search = QLineEdit()
        self.check_in_search.setObjectName("checkInSearch")
        self.check_in_search.setClearButtonEnabled(True)
        self.check_in_search.addAction(icon("checkin"), QLineEdit.ActionPosition.LeadingPosition)
        self.check_in_search.textChanged.connect(self._search_later)
        self.check_in_search.installEventFilter(self)
        self.appointment = QCheckBox()
        # Served first (after appointments) and looked after: a seat, time, large print.
        self.assistance = QCheckBox()
        self.assistance.setObjectName("needsAssistance")
        self.new_visitor_button = QPushButton(icon("add-client"), "")
        self.new_visitor_button.clicked.connect(self.check_in_new_visitor)
        self.purpose_buttons: dict[Purpose, QToolButton] = {}
        # Two rows of chips, so that the page still fits a narrow window.
        purposes = QHBoxLayout()
        self.purpose_label = QLabel()
        purposes.addWidget(self.purpose_label, 0, Qt.AlignmentFlag.AlignTop)
        chips = QVBoxLayout()
        chips.setSpacing(4)
        rows = (QHBoxLayout(), QHBoxLayout())
        for i, purpose in enumerate(Purpose):
            button = QToolButton()
            button.setObjectName("purposeChip")
            button.setCheckable(True)
            self.purpose_buttons[purpose] = button
            rows[i // 4].addWidget(button)
        for row in rows:
            row.setSpacing(4)
            row.addStretch(1)
            chips.addLayout(row)
        purposes.addLayout(chips, 1)

        self.matches_model = ClientTableModel(book, self)
        self.matches = client_matches_view(
            self.matches_model, (COL_GENDER, COL_AGE, COL_ID, COL_MANAGER, COL_UPDATED)
        )
        self.matches.setObjectName("checkInMatches")
        self.matches.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.matches.setVisible(False)
        self.matches.activated.connect(lambda index: self.check_in_match(index.row()))
        self.matches.installEventFilter(self)
        self.match_hint = QLabel()
        self.match_hint.setObjectName("secondaryText")
        self.match_hint.setWordWrap(True)  # a long hint wraps: it never widens the window
        self.match_hint.setVisible(False)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(defs.SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.search_clients)

        self.guidance = Banner("guidanceBanner")

        # -------------------------------------------------------- waiting list
        self.figures = QLabel()
        self.figures.setObjectName("queueFigures")
        self.figures.setWordWrap(True)
        self.model = QueueTableModel(self)
        # The selected visitor called or moved away: nothing is selected, rather than the
        # row that slid into its place (Left would be armed on a visitor nobody picked).
        # Connected before the view is: it sees the selection before the view moves it.
        self._selection_gone = False
        self.model.rowsAboutToBeRemoved.connect(self._selection_may_go)
        self.model.rowsRemoved.connect(self._drop_slid_selection)
        self.table = QTableView()
        self.table.setObjectName("queueTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        # The purposes give way (elided, whole in a tooltip): the waits after them stay
        # in sight on a 1024-pixel screen.
        fit_columns(self.table, COL_PURPOSE, stretch_chars=10, make_room=True)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())

        self.table.doubleClicked.connect(lambda _index: session.call_selected_action.trigger())
        self.empty_label = QLabel()
        self.empty_label.setObjectName("secondaryText")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row_actions = QHBoxLayout()
        self.row_buttons = {}
        for action in (
            session.call_selected_action,
            session.park_action,
            session.return_action,
            session.leave_action,
        ):
            self.row_buttons[action] = self._button(action)
            row_actions.addWidget(self.row_buttons[action])
        self.survey_button = QPushButton()
        self.survey_button.setObjectName("surveyButton")
        self.survey_button.clicked.connect(
            lambda: self.survey_requested.emit(self.selected_visit())
        )
        row_actions.addWidget(self.survey_button)
        self.complaint_button = QPushButton()
        self.complaint_button.setObjectName("complaintButton")
        self.complaint_button.clicked.connect(
            lambda: self.complaint_requested.emit(self.selected_visit())
        )
        row_actions.addWidget(self.complaint_button)
        row_actions.addStretch(1)

        # The lobby sends a visitor to a desk or to the shared queue (lobby mode only).
        self.send_to = QComboBox()
        self.send_to.setObjectName("sendTo")
        self.send_to.setVisible(False)
        self.send_to.currentIndexChanged.connect(self._send_to_chosen)
        self._send_choice = ""
        # Set by the lobby: asked before a visitor is sent to a desk (False: not sent).
        self.confirm_send = None
        # The search has the row's width, with the new-visitor button; how the visitor
        # came and where they go sit under it (beside it, English labels squeezed the
        # search to a few letters on a 1024-pixel lobby screen).
        top = QHBoxLayout()
        top.addWidget(self.check_in_search, 1)
        top.addWidget(self.new_visitor_button)
        options = QHBoxLayout()
        options.addWidget(self.appointment)
        options.addWidget(self.assistance)
        options.addWidget(self.send_to)
        options.addStretch(1)
        left = QVBoxLayout()
        left.setContentsMargins(defs.MARGIN, defs.MARGIN, defs.SPACING, defs.MARGIN)
        left.addLayout(top)
        left.addLayout(options)
        left.addLayout(purposes)
        left.addWidget(self.matches)
        left.addWidget(self.match_hint)
        left.addWidget(self.guidance)
        left.addWidget(self.figures)
        left.addWidget(self.table, 1)
        left.addWidget(self.empty_label)
        left.addLayout(row_actions)

        # -------------------------------------------------------- the desk's card
        self.card = QFrame()
        self.card.setObjectName("servingCard")
        self.card.setFrameShape(QFrame.Shape.StyledPanel)
        self.card.setMinimumWidth(240)
        self.card.setMaximumWidth(420)
        self.card.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        card = QVBoxLayout(self.card)
        card.setContentsMargins(defs.MARGIN, defs.MARGIN, defs.MARGIN, defs.MARGIN)
        self.card_heading = QLabel()
        self.card_heading.setObjectName("cardHeading")
        self.card_ticket = QLabel()
        self.card_ticket.setObjectName("cardTicket")
        self.card_who = QLabel()
        self.card_who.setObjectName("cardWho")
        self.card_who.setWordWrap(True)
        self.card_elapsed = QLabel()
        self.card_elapsed.setObjectName("cardElapsed")
        self.call_next_button = self._button(session.call_next_action)
        self.call_next_button.setObjectName("callNextButton")
        self.call_next_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.call_next_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        called = QGridLayout()
        for i, action in enumerate(
            (
                session.start_action,
                session.recall_action,
                session.no_show_action,
                session.recycle_action,
                session.transfer_action,
            )
        ):
            button = self._button(action)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            called.addWidget(button, i // 2, i % 2)
        self.finish_button = self._button(session.finish_action)
        self.finish_button.setObjectName("finishButton")
        self.finish_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.open_button = self._button(session.open_action)
        self.open_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.see_off = Banner("seeOffBanner")
        card.addWidget(self.card_heading)
        card.addWidget(self.card_ticket)
        card.addWidget(self.card_who)
        card.addWidget(self.card_elapsed)
        card.addSpacing(defs.SPACING)
        card.addWidget(self.call_next_button)
        card.addLayout(called)
        card.addWidget(self.open_button)
        card.addWidget(self.finish_button)
        card.addWidget(self.see_off)
        card.addStretch(1)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, defs.MARGIN, 0)
        # The waiting list takes two thirds: its purposes get the room, not the card.
        layout.addLayout(left, 2)
        layout.addWidget(self.card, 1)

        session.selected = self.selected_visit
        session.visit_changed.connect(self.refresh_card)
        session.finished.connect(self._see_off)
        self.queue.queue_changed.connect(self.refresh)
        self._tick_timer = QTimer(self)
        self._tick_timer.setInterval(defs.QUEUE_TICK_MS)
        self._tick_timer.timeout.connect(self.tick)
        self._tick_timer.start()
        self.retranslate()
        self._selection_changed()

    @staticmethod
    def _button(action) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        return button

    def retranslate(self) -> None:
        self.survey_button.setText(translate("QueuePage", "Survey…"))
        self.survey_button.setToolTip(
            translate(
                "QueuePage",
                "With the client's consent: their risk questionnaire, preferences, needs and "
                "family situation, filled in while they wait",
            )
        )
        self.check_in_search.setPlaceholderText(
            translate(
                "QueuePage",
                "Check in: name, pinyin initials or the last 4 digits of the mobile, then Enter",
            )
        )
        self.check_in_search.setToolTip(
            translate("QueuePage", "Check in a visitor ({key})").format(
                key=defs.key_text(defs.CHECK_IN)
            )
        )
        self.appointment.setText(translate("QueuePage", "Has an appointment"))
        self.assistance.setText(translate("QueuePage", "Needs assistance"))
        self.assistance.setToolTip(
            translate(
                "QueuePage",
                "Called after appointments and before the tiers, like visitors aged 65 or "
                "over (their age is read from the ID)",
            )
        )
        self.complaint_button.setText(translate("QueuePage", "Complaint…"))
        self.complaint_button.setToolTip(
            translate(
                "QueuePage",
                "For a visitor who came to complain: put the complaint in the register, "
                "with who handles it and by when",
            )
        )
        self.new_visitor_button.setText(translate("QueuePage", "New visitor"))
        self.new_visitor_button.setToolTip(
            translate(
                "QueuePage",
                "Check in someone who is not in the client book yet, with the name or "
                "phone number typed in the box",
            )
        )
        self.purpose_label.setText(translate("QueuePage", "Purpose:"))
        for purpose, button in self.purpose_buttons.items():
            button.setText(domain_text(purpose.label))
        self.matches_model.retranslate()
        self.model.retranslate()
        self.refresh_card()
        self._show_figures()

    # ------------------------------------------------------------ the queue
    def refresh(self) -> None:
        """Read the queue again, keeping the selected visitor selected."""
        try:
            snapshot = self.queue.snapshot()
        except StorageError as exc:
            self.figures.setText(exc.render(QCoreApplication.translate))
            return
        self.model.set_snapshot(snapshot)
        self._show_figures()
        self.session.update_actions()
        self.figures_changed.emit()

    def tick(self) -> None:
        """Every half minute: the queue is read again (another desk or the lobby may have
        changed it), the waiting times and the served visitor's minutes move on."""
        self.refresh()
        self.model.tick(clock.now())
        self._show_card_elapsed()

    def _selection_changed(self) -> None:
        self.session.update_actions()
        visit = self.selected_visit()
        # The survey is for a client of the book who waits (an anonymous walk-in is
        # identified first, at the desk).
        self.survey_button.setEnabled(
            visit is not None
            and visit.client_id is not None
            and visit.state in (VisitState.WAITING, VisitState.PARKED)
        )
        self.complaint_button.setEnabled(visit is not None and Purpose.COMPLAINT in visit.purposes)

    def _selection_may_go(self, _parent, first: int, last: int) -> None:
        if not hasattr(self, "table"):
            return
        current = self.table.currentIndex()
        selected = current.isValid() and self.table.selectionModel().isRowSelected(current.row())
        self._selection_gone = selected and first <= current.row() <= last

    def _drop_slid_selection(self, *_args) -> None:
        if self._selection_gone:
            self._selection_gone = False
            self.table.selectionModel().clear()
            self._selection_changed()

    def selected_visit(self) -> VisitInfo | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.row_at(index.row())

    def _show_figures(self) -> None:
        figures = self.model.figures
        if figures is None:
            self.figures.setText("")
            self.empty_label.setText("")
            return
        locale = QLocale()
        self.figures.setText(
            translate(
                "QueuePage",
                "Today: {arrived} arrived · {waiting} waiting · {parked} parked · {served} served"
                " · average wait {average} · longest {longest}",
            ).format(
                arrived=locale.toString(figures.arrived),
                waiting=locale.toString(figures.waiting),
                parked=locale.toString(figures.parked),
                served=locale.toString(figures.served),
                average=minutes_text(figures.average_wait),
                longest=minutes_text(figures.longest_wait),
            )
        )
        empty = self.model.rowCount() == 0
        self.empty_label.setText(
            translate("QueuePage", "Nobody is waiting. Check visitors in with the box above.")
            if empty
            else ""
        )
        self.empty_label.setVisible(empty)

    # ------------------------------------------------------------ the desk's card
    def refresh_card(self) -> None:
        visit = self.session.current
        self.see_off.setVisible(bool(self.see_off.text.text()) and visit is None)
        if visit is None:
            self.card_heading.setText(translate("QueuePage", "Your desk is free"))
            self.card_ticket.setText("—")
            self.card_who.setText(
                translate("QueuePage", "Call the next visitor when you are ready.")
            )
        else:
            heading = (
                translate("QueuePage", "Called to your desk")
                if visit.state is VisitState.CALLED
                else translate("QueuePage", "Now serving")
            )
            self.card_heading.setText(heading)
            self.card_ticket.setText(visit.ticket)
            tier = (
                domain_text(visit.tier.label) if visit.tier else translate("QueuePage", "Walk-in")
            )
            purposes = translate("QueuePage", ", ").join(
                domain_text(p.label) for p in visit.purposes
            )
            parts = [visit.masked_name or translate("QueuePage", "(no name given)"), tier]
            if visit.kind is VisitKind.APPOINTMENT:
                parts.append(domain_text(VisitKind.APPOINTMENT.label))
            if purposes:
                parts.append(purposes)
            self.card_who.setText(" · ".join(parts))
        self._show_card_elapsed()

    def _show_card_elapsed(self) -> None:
        visit = self.session.current
        if visit is None:
            self.card_elapsed.setText("")
            return
        minutes = self.session.elapsed_minutes()
        if visit.state is VisitState.CALLED:
            text = translate("QueuePage", "Called {duration} ago").format(
                duration=in_words(minutes, QCoreApplication.translate)
            )
            if visit.recall_count:
                text += " · " + translate("QueuePage", "called again {n}×").format(
                    n=visit.recall_count
                )
        else:
            text = translate("QueuePage", "In service for {duration}").format(
                duration=in_words(minutes, QCoreApplication.translate)
            )
        self.card_elapsed.setText(text)

    def _see_off(self, visit: VisitInfo) -> None:
        self.see_off.show_text(
            translate(
                "QueuePage",
                "Service {ticket} filed. See the client off: stand up, thank them, remind "
                "them of their belongings and walk them to the door.",
            ).format(ticket=visit.ticket)
        )

    # ------------------------------------------------------------ checking in
    def focus_check_in(self) -> None:
        self.check_in_search.setFocus()
        self.check_in_search.selectAll()

    def _search_later(self) -> None:
        self._search_timer.start()

    def search_clients(self) -> None:
        self._search_timer.stop()
        text = self.check_in_search.text().strip()
        if not text:
            self.matches_model.clear()
            self.matches.setVisible(False)
            self.match_hint.setText("")
            return
        try:
            result = self._book.search(text)
        except StorageError as exc:
            self.matches_model.clear()
            self.match_hint.setText(exc.render(QCoreApplication.translate))
            return
        shown = result.rows[:MATCHES_SHOWN]
        marks = self._appointment_marks([row.id for row in shown])
        self.matches_model.show_rows(shown, marks)
        self.matches.resizeColumnToContents(COL_NAME)  # the name and its appointment mark
        self.matches.setVisible(bool(result.rows))
        rows = self.matches_model.rowCount()
        self.matches.setFixedHeight(  # just the matches: the queue stays in view
            self.matches.horizontalHeader().sizeHint().height()
            + rows * self.matches.verticalHeader().defaultSectionSize()
            + 2 * self.matches.frameWidth()
        )
        if result.needs_more_digits:
            hint = translate(
                "QueuePage", "Type at least 4 digits to find a client by their mobile."
            )
        elif not result.rows:
            hint = translate(
                "QueuePage",
                "Not in the client book: press Enter or “New visitor” to check in a new visitor.",
            )
        elif len(result.rows) == 1 and marks:
            hint = translate(
                "QueuePage", "Enter checks this client in for their appointment (an A ticket)."
            )
        elif len(result.rows) == 1:
            hint = translate("QueuePage", "Enter checks this client in.")
        else:
            hint = translate(
                "QueuePage", "Several clients match: Enter or ↓ to choose, Enter to check in."
            )
        self.match_hint.setText(hint)
        self.match_hint.setVisible(True)
        if result.rows:
            self.matches.selectRow(0)

    def _appointment_marks(self, client_ids: list[int]) -> dict[int, str]:
        """A note for each of *client_ids* booked for today and still expected
        ("Appointment 10:30"): checking them in checks the appointment in."""
        if self.appointments is None or not client_ids:
            return {}
        try:
            booked = self.appointments.day(clock.today())
        except StorageError:
            return {}  # the check-in still links the appointment; only the mark is missing
        marks: dict[int, str] = {}
        for appointment in sorted(booked, key=lambda a: a.start):
            client_id = appointment.client_id
            if client_id not in client_ids or client_id in marks:
                continue
            if appointment.status.is_expected:
                marks[client_id] = translate("QueuePage", "Appointment {time}").format(
                    time=appointment.start.strftime("%H:%M")
                )
        return marks

    def eventFilter(self, watched, event) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        key = event.key()
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if watched is self.check_in_search:
            if enter:
                self.search_clients()
                matches = self.matches_model.rowCount()
                if matches == 1:
                    self.check_in_match(0)
                elif matches > 1:  # several: the manager chooses, Enter checks in
                    self.matches.setFocus()
                    self.matches.selectRow(0)
                elif self.check_in_search.text().strip():
                    self.check_in_new_visitor()
                return True
            if key == Qt.Key.Key_Down and self.matches_model.rowCount():
                self.matches.setFocus()
                self.matches.selectRow(0)
                return True
            if key == Qt.Key.Key_Escape and self.check_in_search.text():
                self.reset_check_in()
                return True
        elif watched is self.matches and enter:
            index = self.matches.currentIndex()
            if index.isValid():
                self.check_in_match(index.row())
            return True
        return super().eventFilter(watched, event)

    def _purposes(self) -> tuple[Purpose, ...]:
        return tuple(p for p, button in self.purpose_buttons.items() if button.isChecked())

    def _kind(self) -> VisitKind:
        return VisitKind.APPOINTMENT if self.appointment.isChecked() else VisitKind.WALK_IN

    def check_in_match(self, row: int) -> VisitInfo | None:
        client_id = self.matches_model.index(row, 0).data(CLIENT_ID_ROLE)
        if client_id is None:
            return None
        request = CheckIn(
            kind=self._kind(),
            client_id=client_id,
            purposes=self._purposes(),
            assistance=self.assistance.isChecked(),
        )
        appointment = None
        if self.appointments is not None:
            try:
                appointment = self.appointments.expected_today(client_id)
            except StorageError as exc:
                interaction.explain(self, translate("QueuePage", "Not checked in"), exc)
                return None
        if appointment is not None:  # booked for today: checked in as the appointment
            return self._check_in(request, lambda: self.appointments.check_in(appointment))
        return self._check_in(request)

    def check_in_new_visitor(self) -> VisitInfo | None:
        """A visitor not in the book: what was typed is their phone (digits) or name."""
        text = " ".join(self.check_in_search.text().split())
        digits = normalize_phone(text)
        is_phone = digits.isdigit() and digits.isascii()
        if is_phone and len(digits) < PHONE_MIN_DIGITS:
            self.match_hint.setText(
                translate(
                    "QueuePage",
                    "A phone number has at least {n} digits; to find a client by the end of "
                    "their mobile, type 4 digits and choose them in the list.",
                ).format(n=PHONE_MIN_DIGITS)
            )
            self.match_hint.setVisible(True)
            return None
        request = CheckIn(
            kind=self._kind(),
            walk_in_name="" if is_phone else text,
            walk_in_phone=digits if is_phone else "",
            purposes=self._purposes(),
            assistance=self.assistance.isChecked(),
        )
        return self._check_in(request)

    def set_lobby_mode(self, desks: list[str]) -> None:
        """The lobby's check-in: no desk card and no calling; each visitor is sent to
        the shared queue or to one of *desks*."""
        self.lobby = True
        self.card.setVisible(False)
        self.row_buttons[self.session.call_selected_action].setVisible(False)
        self.show_desks(desks)
        self.send_to.setVisible(True)

    def show_desks(self, desks: list[str]) -> None:
        """The desks the lobby may send a visitor to. The lobby's choice sticks from one
        check-in to the next, and comes back when its desk is listed again."""
        self.send_to.blockSignals(True)
        self.send_to.clear()
        self.send_to.addItem(translate("QueuePage", "Shared queue"), "")
        for desk in desks:
            self.send_to.addItem(translate("QueuePage", "Desk {desk}").format(desk=desk), desk)
        index = self.send_to.findData(self._send_choice)
        self.send_to.setCurrentIndex(max(index, 0))
        self.send_to.blockSignals(False)

    def _send_to_chosen(self, _index: int) -> None:
        self._send_choice = str(self.send_to.currentData() or "")

    def _check_in(self, request: CheckIn, through=None) -> VisitInfo | None:
        """Check *request* in, or call *through* instead (an appointment's check-in)."""
        if self.lobby and self.send_to.currentData():
            desk = str(self.send_to.currentData())
            # A desk away, at lunch or closed: the lobby is asked first (and told until when).
            if self.confirm_send is not None and not self.confirm_send(desk):
                return None
            request = dataclasses.replace(request, for_desk=desk)
        busy = self.session.current is not None
        try:
            visit = through() if through is not None else self.queue.check_in(request)
        except (DomainError, StorageError) as exc:
            interaction.explain(self, translate("QueuePage", "Not checked in"), exc)
            return None
        self.reset_check_in()
        row = self.model.row_of(visit.id)
        waiting = self.model.row_at(row) if row >= 0 else None
        # The very estimate the visitor's row shows (domain/queue.estimated_wait).
        if waiting is not None and waiting.estimated_wait_minutes is not None:
            minutes = waiting.estimated_wait_minutes
        else:  # not in this list (another desk's): at least the rest of this service
            minutes = self._rest_of_this_service()
        self.status_message.emit(
            translate("QueuePage", "{ticket} checked in.").format(ticket=visit.ticket)
        )
        said = []
        if busy:
            said.append(
                translate(
                    "QueuePage",
                    "{ticket} is waiting while you are with another client: greet them, offer "
                    "a seat and a cup of tea, tell them the wait is about {duration} "
                    "and that they will be called.",
                ).format(
                    ticket=visit.ticket, duration=in_words(minutes, QCoreApplication.translate)
                )
            )
        if visit.care_needs:
            said.append(care_guidance(visit))
        if said:
            self.guidance.show_text(" ".join(said))
        self.checked_in.emit(visit)
        return visit

    def _rest_of_this_service(self) -> int:
        """Minutes the service under way may still take (domain/queue.rest_of_service)."""
        figures = self.model.figures
        average = figures.average_service if figures else None
        return rest_of_service(
            self.session.elapsed_minutes(), average.total_seconds() / 60 if average else None
        )

    def reset_check_in(self) -> None:
        """Empty the check-in box, its matches and choices (setText also drops its undo)."""
        self.check_in_search.setText("")
        self._search_timer.stop()
        self.matches_model.clear()
        self.matches.setVisible(False)
        self.match_hint.setText("")
        self.match_hint.setVisible(False)
        self.appointment.setChecked(False)
        self.assistance.setChecked(False)
        for button in self.purpose_buttons.values():
            button.setChecked(False)

    def client_values(self) -> set[str]:
        """What may name a client here: the check-in search typed."""
        return {self.check_in_search.text()}

    def clear_client(self) -> None:
        """Forget any client typed or found here; the queue itself shows masked names only."""
        self.reset_check_in()
        self.guidance.dismiss()
