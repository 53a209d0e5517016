"""The Appointments page: the day's appointments with their preparation, date navigation
and search, the chosen appointment's details and checklist, and the unresolved worklist."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QStyledItemDelegate,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ... import local_settings
from ...domain.appointment import AppointmentStatus, CancelledBy
from ...domain.errors import DomainError, os_error_reason, translate_value
from ...i18n import domain_text, translate
from ...services import clock
from ...services.appointments import AppointmentInfo
from ...services.storage import StorageError
from .. import defs, interaction
from ..clients.client_book import ClientBook
from ..forms import ElidedLabel
from ..icons import icon
from ..language import Retranslating
from ..tables import fit_columns
from .agenda_model import AgendaDay
from .agenda_view import AgendaView
from .appointment_book import AppointmentBook
from .appointment_dialog import AppointmentDialog, Mode
from .appointment_model import (
    COL_PREP,
    COL_PURPOSE,
    PROGRESS_ROLE,
    AppointmentTableModel,
    purposes_text,
    shown_name,
    time_text,
)

UNRESOLVED_ROWS_SHOWN = 4
VIEW_STATE = "appointments/view"  # the view the manager chose last, on this PC
LIST, DAY, WEEK = "list", "day", "week"


class PrepDelegate(QStyledItemDelegate):
    """The preparation cell: "3/5" and a thin bar under it (never colour alone)."""

    def paint(self, painter, option, index) -> None:
        super().paint(painter, option, index)
        progress = index.data(PROGRESS_ROLE)
        if progress is None:
            return
        rect = option.rect.adjusted(6, option.rect.height() - 6, -6, -3)
        painter.save()
        painter.fillRect(rect, option.palette.color(QPalette.ColorRole.Midlight))
        done = QRect(rect)
        done.setWidth(int(rect.width() * progress))
        painter.fillRect(done, option.palette.color(QPalette.ColorRole.Highlight))
        painter.restore()


def _table(model: AppointmentTableModel, name: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.setItemDelegateForColumn(COL_PREP, PrepDelegate(table))
    # The purposes give way (elided, whole in a tooltip): status and manager stay in sight.
    fit_columns(table, COL_PURPOSE, stretch_chars=10, make_room=True)
    return table


class AppointmentsPage(Retranslating, QWidget):
    status_message = Signal(str)
    checked_in = Signal()  # a client of today's appointment joined the queue

    def __init__(
        self, book: AppointmentBook, client_book: ClientBook, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("appointmentsPage")
        self.book = book
        self.client_book = client_book
        self.selected: AppointmentInfo | None = None
        # The full mobile shown to call about an appointment: (its id, the number).
        self._revealed: tuple[int, str] | None = None

        # -------------------------------------------------------- unresolved
        self.unresolved_box = QFrame()
        self.unresolved_box.setObjectName("unresolvedBox")
        self.unresolved_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.unresolved_heading = QLabel()
        self.unresolved_heading.setObjectName("unresolvedHeading")
        bold = self.unresolved_heading.font()
        bold.setBold(True)
        self.unresolved_heading.setFont(bold)
        self.unresolved_heading.setWordWrap(True)
        self.unresolved_model = AppointmentTableModel(self, with_dates=True)
        self.unresolved_table = _table(self.unresolved_model, "unresolvedTable")
        self.unresolved_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.unresolved_no_show = QPushButton()
        self.unresolved_cancel = QPushButton()
        self.unresolved_reschedule = QPushButton()
        self.unresolved_no_show.clicked.connect(lambda: self.mark_no_show(self._unresolved()))
        self.unresolved_cancel.clicked.connect(lambda: self.cancel(self._unresolved()))
        self.unresolved_reschedule.clicked.connect(lambda: self.reschedule(self._unresolved()))
        self.unresolved_table.selectionModel().selectionChanged.connect(
            lambda *_: self._update_unresolved_buttons()
        )
        box = QVBoxLayout(self.unresolved_box)
        box.setContentsMargins(defs.SPACING, defs.SPACING, defs.SPACING, defs.SPACING)
        box.addWidget(self.unresolved_heading)
        box.addWidget(self.unresolved_table)
        buttons = QHBoxLayout()
        for button in (
            self.unresolved_no_show,
            self.unresolved_cancel,
            self.unresolved_reschedule,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        self.unresolved_box.setVisible(False)

        # -------------------------------------------------------- the date bar
        self.previous_button = QToolButton()
        self.previous_button.setText("◀")
        self.previous_button.clicked.connect(lambda: self.step_day(-1))
        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("appointmentDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        today = clock.today()
        self.date_edit.setDate(QDate(today.year, today.month, today.day))
        self.date_edit.dateChanged.connect(lambda _d: self.refresh())
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.next_button.clicked.connect(lambda: self.step_day(1))
        self.today_button = QPushButton()
        self.today_button.clicked.connect(self.go_to_today)
        self.day_label = ElidedLabel()
        self.day_label.setObjectName("secondaryText")
        self.search = QLineEdit()
        self.search.setObjectName("appointmentSearch")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.textChanged.connect(self._search_later)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(defs.SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        bar = QHBoxLayout()
        bar.addWidget(self.previous_button)
        bar.addWidget(self.date_edit)
        bar.addWidget(self.next_button)
        bar.addWidget(self.today_button)
        bar.addWidget(self.day_label, 1)
        self.view_buttons: dict[str, QToolButton] = {}
        self.view_group = QButtonGroup(self)
        self.view_group.setExclusive(True)
        for key in (LIST, DAY, WEEK):
            button = QToolButton()
            button.setCheckable(True)
            button.setObjectName(f"{key}ViewButton")
            button.clicked.connect(lambda _checked, k=key: self.set_view(k))
            self.view_group.addButton(button)
            self.view_buttons[key] = button
        self.view = str(local_settings.state(VIEW_STATE, LIST) or LIST)
        if self.view not in self.view_buttons:
            self.view = LIST
        self.view_buttons[self.view].setChecked(True)
        self.agenda_button = QPushButton(icon("print"), "")
        self.agenda_button.clicked.connect(self.preview_agenda)

        # -------------------------------------------------------- the day's table
        self.model = AppointmentTableModel(self)
        self.table = _table(self.model, "appointmentTable")
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.table.doubleClicked.connect(lambda _index: self.edit())
        self.agenda = AgendaView()
        self.agenda.grid.chosen.connect(self._agenda_chosen)
        self.agenda.grid.open_requested.connect(self._agenda_open)
        self.agenda.grid.new_requested.connect(lambda start: self.new_appointment(start))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.agenda)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("secondaryText")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        self.message.setVisible(False)

        left = QVBoxLayout()
        left.setContentsMargins(defs.MARGIN, defs.MARGIN, defs.SPACING, defs.MARGIN)
        left.addWidget(self.unresolved_box)
        left.addLayout(bar)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        for button in self.view_buttons.values():
            search_row.addWidget(button)
        search_row.addWidget(self.agenda_button)
        left.addLayout(search_row)
        left.addWidget(self.message)
        left.addWidget(self.stack, 1)
        left.addWidget(self.empty_label)

        # -------------------------------------------------------- the details
        self.card = QFrame()
        self.card.setObjectName("appointmentCard")
        self.card.setFrameShape(QFrame.Shape.StyledPanel)
        card = QVBoxLayout(self.card)
        card.setContentsMargins(defs.MARGIN, defs.MARGIN, defs.MARGIN, defs.MARGIN)
        self.detail_heading = ElidedLabel()
        self.detail_heading.setObjectName("cardHeading")
        self.detail_when = QLabel()
        self.detail_when.setObjectName("cardWho")
        self.detail_status = QLabel()
        self.detail_status.setWordWrap(True)
        details = QFormLayout()
        details.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.detail_labels: dict[str, QLabel] = {}
        self.detail_values: dict[str, QLabel] = {}
        self._detail_fields: dict[str, QWidget] = {}
        self.reveal_mobile_button = QToolButton()
        self.reveal_mobile_button.setObjectName("revealAppointmentMobile")
        self.reveal_mobile_button.setIcon(icon("reveal"))
        self.reveal_mobile_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.reveal_mobile_button.clicked.connect(self.reveal_mobile)
        for key in ("mobile", "purposes", "products", "topics", "team", "notes", "lunch"):
            label = QLabel()
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            self.detail_labels[key] = label
            self.detail_values[key] = value
            field: QWidget = value
            if key == "mobile":  # the number to call to confirm, shown on request
                field = QWidget()
                row = QHBoxLayout(field)
                row.setContentsMargins(0, 0, 0, 0)
                row.addWidget(value)
                row.addWidget(self.reveal_mobile_button)
                row.addStretch(1)
            self._detail_fields[key] = field
            details.addRow(label, field)
        self.details_form = details
        self.checklist_heading = QLabel()
        self.checklist_heading.setObjectName("cardHeading")
        self.checklist = QWidget()
        self.checklist_layout = QVBoxLayout(self.checklist)
        self.checklist_layout.setContentsMargins(0, 0, 0, 0)
        self.item_checks: dict[int, QCheckBox] = {}
        self.new_item = QLineEdit()
        self.new_item.returnPressed.connect(self.add_item)
        self.add_item_button = QToolButton()
        self.add_item_button.setText("+")
        self.add_item_button.clicked.connect(self.add_item)
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_item, 1)
        add_row.addWidget(self.add_item_button)
        self.nothing_selected = QLabel()
        self.nothing_selected.setObjectName("secondaryText")
        self.nothing_selected.setWordWrap(True)

        self.new_button = QPushButton(icon("add-client"), "")
        self.new_button.clicked.connect(lambda: self.new_appointment())
        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(self.edit)
        self.confirm_button = QPushButton()
        self.confirm_button.clicked.connect(self.confirm)
        self.check_in_button = QPushButton(icon("checkin"), "")
        self.check_in_button.setObjectName("checkInAppointment")
        self.check_in_button.clicked.connect(self.check_in)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(lambda: self.cancel(self.selected))
        self.no_show_button = QPushButton()
        self.no_show_button.clicked.connect(lambda: self.mark_no_show(self.selected))
        actions = QVBoxLayout()
        first = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.confirm_button):
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            first.addWidget(button)
        second = QHBoxLayout()
        for button in (self.check_in_button, self.cancel_button, self.no_show_button):
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            second.addWidget(button)
        actions.addLayout(first)
        actions.addLayout(second)

        self.detail_body = QWidget()
        body = QVBoxLayout(self.detail_body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.detail_when)
        body.addWidget(self.detail_status)
        body.addLayout(details)
        body.addSpacing(defs.SPACING)
        body.addWidget(self.checklist_heading)
        body.addWidget(self.checklist)
        body.addLayout(add_row)
        body.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.detail_body)
        card.addWidget(self.detail_heading)
        card.addWidget(self.nothing_selected)
        card.addWidget(scroll, 1)
        card.addLayout(actions)
        self.card.setMinimumWidth(240)
        self.card.setMaximumWidth(460)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, defs.MARGIN, defs.MARGIN)
        # The list and the week's columns take two thirds: five days side by side.
        layout.addLayout(left, 2)
        layout.addWidget(self.card, 1)

        book.appointments_changed.connect(self.refresh)
        self.retranslate()
        self.show_details(None)

    def retranslate(self) -> None:
        self.unresolved_no_show.setText(translate("AppointmentsPage", "No-show…"))
        self.unresolved_cancel.setText(translate("AppointmentsPage", "Cancel…"))
        self.unresolved_reschedule.setText(translate("AppointmentsPage", "Reschedule…"))
        self.previous_button.setToolTip(translate("AppointmentsPage", "Previous working day"))
        self.next_button.setToolTip(translate("AppointmentsPage", "Next working day"))
        self.today_button.setText(translate("AppointmentsPage", "Today"))
        views = {
            LIST: (
                translate("AppointmentsPage", "List"),
                translate("AppointmentsPage", "The day's appointments as a list, with preparation"),
            ),
            DAY: (
                translate("AppointmentsPage", "Day"),
                translate("AppointmentsPage", "The day's agenda laid out by time"),
            ),
            WEEK: (
                translate("AppointmentsPage", "Week"),
                translate("AppointmentsPage", "The week's working days laid out by time"),
            ),
        }
        for key, (text, tip) in views.items():
            self.view_buttons[key].setText(text)
            self.view_buttons[key].setToolTip(tip)
        self.agenda_button.setText(translate("AppointmentsPage", "Agenda…"))
        self.agenda_button.setToolTip(
            translate(
                "AppointmentsPage",
                "Preview the day's agenda for the team (names masked), to print or save",
            )
        )
        self.search.setPlaceholderText(
            translate(
                "AppointmentsPage", "Find: name, pinyin, the mobile's last 4 digits or a date"
            )
        )
        self.reveal_mobile_button.setText(translate("AppointmentsPage", "Show"))
        self.reveal_mobile_button.setToolTip(
            translate(
                "AppointmentsPage",
                "Show the full mobile to call the client (recorded in the audit log)",
            )
        )
        labels = {
            "mobile": translate("AppointmentsPage", "Mobile:"),
            "purposes": translate("AppointmentsPage", "Purpose:"),
            "products": translate("AppointmentsPage", "Products:"),
            "topics": translate("AppointmentsPage", "Topics:"),
            "team": translate("AppointmentsPage", "Team:"),
            "notes": translate("AppointmentsPage", "Notes:"),
            "lunch": translate("AppointmentsPage", "Lunch break:"),
        }
        for key, label in self.detail_labels.items():
            label.setText(labels[key])
        self.checklist_heading.setText(translate("AppointmentsPage", "Preparation"))
        self.new_item.setPlaceholderText(translate("AppointmentsPage", "Add an item to prepare"))
        self.add_item_button.setToolTip(translate("AppointmentsPage", "Add to the checklist"))
        self.nothing_selected.setText(
            translate("AppointmentsPage", "Choose an appointment to see what to prepare.")
        )
        self.new_button.setText(translate("AppointmentsPage", "New…"))
        self.edit_button.setText(translate("AppointmentsPage", "Edit…"))
        self.confirm_button.setText(translate("AppointmentsPage", "Confirm"))
        self.confirm_button.setToolTip(
            translate("AppointmentsPage", "The client confirmed they are coming")
        )
        self.check_in_button.setText(translate("AppointmentsPage", "Check in"))
        self.check_in_button.setToolTip(
            translate(
                "AppointmentsPage",
                "The client is here: put them at the front of the queue (today's only)",
            )
        )
        self.cancel_button.setText(translate("AppointmentsPage", "Cancel…"))
        self.no_show_button.setText(translate("AppointmentsPage", "No-show…"))
        self.model.retranslate()
        self.unresolved_model.retranslate()
        self._show_day_label()
        self._show_unresolved_heading()
        self._show_empty()
        self.show_details(self.selected)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh()

    # ------------------------------------------------------------ reading
    def current_date(self) -> dt.date:
        return self.date_edit.date().toPython()

    def set_date(self, date: dt.date) -> None:
        self.date_edit.setDate(QDate(date.year, date.month, date.day))

    def follow_today(self, ended: dt.date, today: dt.date) -> None:
        """At midnight: the page showing the day that ended shows the new one; a day
        the manager chose stays."""
        if self.date_edit.date() == QDate(ended.year, ended.month, ended.day):
            self.set_date(today)

    def go_to_today(self) -> None:
        self.search.setText("")
        self.set_date(clock.today())
        self.refresh()

    def preview_agenda(self) -> bool:
        """The shown day's agenda as a PDF for the team (names masked), previewed to be
        printed or saved; a clear message when it cannot be written. True when shown."""
        day = self.current_date()
        title = translate("AppointmentsPage", "Agenda for {date}").format(date=day.isoformat())
        refused = translate("AppointmentsPage", "The agenda was not made")
        write = self.agenda_writer(day)
        from ..pdf_preview import preview_pdf_file  # QtPdf and printing: loaded when first used

        try:
            dialog = preview_pdf_file(self.window(), title, write, f"agenda-{day.isoformat()}.pdf")
        except (DomainError, StorageError) as exc:
            interaction.explain(self, refused, exc)
            return False
        except OSError as exc:
            reason = translate_value(os_error_reason(exc), QCoreApplication.translate)
            interaction.warn(self, refused, reason)
            return False
        dialog.printed.connect(
            lambda: self.status_message.emit(translate("AppointmentsPage", "Agenda printed."))
        )
        dialog.saved.connect(
            lambda _path: self.status_message.emit(translate("AppointmentsPage", "Agenda saved."))
        )
        interaction.run_dialog(dialog)
        dialog.forget()
        dialog.deleteLater()
        return True

    def agenda_writer(self, day: dt.date):
        """A function writing *day*'s agenda PDF to the path it is given."""
        from ...reports.agenda import agenda_pdf
        from ...reports.fonts import cjk_font

        def write(path: Path) -> Path:
            font = cjk_font(str(local_settings.get("pdf_font_path") or ""))
            return agenda_pdf(
                path,
                day,
                self.book.day(day),
                font,
                branch=self.book.branch_name(),
                manager=self.book.manager,
                generated_at=clock.now(),
                translate=QCoreApplication.translate,
            )

        return write

    def step_day(self, direction: int) -> None:
        """The previous or next working day (holidays and closed days skipped); in the
        week view, the previous or next week."""
        day = self.current_date()
        if self.view == WEEK and not self.search.text().strip():
            day += dt.timedelta(days=7 * direction)
        else:
            try:
                calendar = self.book.calendar()
                day = (
                    calendar.next_working_day(day)
                    if direction > 0
                    else calendar.previous_working_day(day)
                )
            except StorageError:
                day += dt.timedelta(days=direction)
        self.search.setText("")
        self.set_date(day)

    def set_view(self, view: str) -> None:
        """Show the list, the day agenda or the week view (remembered on this PC)."""
        if view not in self.view_buttons:
            return
        self.view = view
        self.view_buttons[view].setChecked(True)
        local_settings.set_state(VIEW_STATE, view)
        self.refresh()

    def week_days(self) -> list[dt.date]:
        """The shown date's week: Monday to Friday, and Saturday or Sunday when they are
        working days (调休) or hold appointments."""
        day = self.current_date()
        monday = day - dt.timedelta(days=day.weekday())
        return [monday + dt.timedelta(days=n) for n in range(7)]

    def _search_later(self) -> None:
        self._search_timer.start()

    def refresh(self) -> None:
        """Read the day, the week (or the search) and the unresolved worklist again,
        keeping the chosen appointment chosen."""
        self._search_timer.stop()
        keep = self.selected.id if self.selected else None
        text = self.search.text().strip()
        try:
            if text:
                rows = self.book.search(text)
            elif self.view == WEEK:
                by_day = self.book.week(self.week_days()[0])
                rows = [a for day in by_day.values() for a in day]
            else:
                rows = self.book.day(self.current_date())
            unresolved = self.book.unresolved()
            days = [] if text else self._agenda_days(rows)
            hours = self.book.office_hours()
        except StorageError as exc:
            self._show_message(exc.render(QCoreApplication.translate))
            return
        self._show_message("")
        self.model.set_with_dates(bool(text) or self.view == WEEK)
        self.model.set_rows(rows)
        self.agenda.model.show(days, rows, hours)
        on_agenda = not text and self.view != LIST
        self.stack.setCurrentWidget(self.agenda if on_agenda else self.table)
        self.unresolved_model.set_rows(unresolved)
        self.unresolved_box.setVisible(bool(unresolved))
        self._fit_unresolved()
        self._show_unresolved_heading()
        self._update_unresolved_buttons()
        self._show_day_label()
        self._show_empty()
        kept = next((a for a in rows if a.id == keep), None) if keep is not None else None
        row = self.model.row_of(keep) if kept is not None else -1
        if row >= 0:
            self.table.selectRow(row)
        else:
            self.table.clearSelection()
        self.agenda.grid.select(kept.id if kept else None)
        self.show_details(kept)

    def _agenda_days(self, rows: list[AppointmentInfo]) -> list[AgendaDay]:
        if self.view == DAY:
            dates = [self.current_date()]
        else:
            booked = {a.start.date() for a in rows}
            calendar = self.book.calendar()
            dates = [
                d
                for d in self.week_days()
                if d.weekday() < 5 or d in booked or calendar.is_working_day(d)
            ]
        return [AgendaDay(d, *self._day_texts(d)) for d in dates]

    def _day_texts(self, day: dt.date) -> tuple[str, str]:
        """Why *day* is closed, or the remark on an open weekend day (a make-up working
        day, the branch's open day), as the week's header shows them."""
        try:
            status = self.book.calendar().status(day)
        except StorageError:
            return "", ""
        if not status.open:
            return domain_text(status.reason), ""
        return "", domain_text(status.label) if status.make_up and status.label else ""

    def _fit_unresolved(self) -> None:
        """Just the worklist's rows (up to four): the day's table stays in view."""
        table = self.unresolved_table
        rows = min(max(self.unresolved_model.rowCount(), 1), UNRESOLVED_ROWS_SHOWN)
        table.setFixedHeight(
            table.horizontalHeader().sizeHint().height()
            + rows * table.verticalHeader().defaultSectionSize()
            + 2 * table.frameWidth()
        )
        if self.unresolved_model.rowCount() and not table.currentIndex().isValid():
            table.selectRow(0)

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _show_day_label(self) -> None:
        if self.search.text().strip():
            self.day_label.setText(translate("AppointmentsPage", "Search results"))
            return
        day = self.current_date()
        if self.view == WEEK:
            days = self.week_days()
            self.day_label.setText(
                translate("AppointmentsPage", "Week {number}: {first} to {last}").format(
                    number=days[0].isocalendar().week,
                    first=f"{days[0]:%m-%d}",
                    last=f"{days[-1]:%m-%d}",
                )
            )
            return
        text = QLocale().toString(QDate(day.year, day.month, day.day), "dddd")
        closed, note = self._day_texts(day)
        if closed:
            text += " · " + translate("AppointmentsPage", "closed: {reason}").format(reason=closed)
        elif note:
            text += " · " + note
        self.day_label.setText(text)

    def _show_unresolved_heading(self) -> None:
        count = self.unresolved_model.rowCount()
        self.unresolved_heading.setText(
            translate(
                "AppointmentsPage",
                "Unresolved ({count}): the time passed without a check-in. Mark each as a "
                "no-show, cancelled or rescheduled.",
            ).format(count=count)
        )

    def _show_empty(self) -> None:
        # The agenda shows an empty day itself, and a double-click books in it.
        empty = self.model.rowCount() == 0 and self.stack.currentWidget() is self.table
        if self.search.text().strip():
            text = translate("AppointmentsPage", "No appointment matches.")
        else:
            text = translate("AppointmentsPage", "No appointments on this day. “New…” books one.")
        self.empty_label.setText(text if empty else "")
        self.empty_label.setVisible(empty)

    # ------------------------------------------------------------ the chosen one
    def _selection_changed(self) -> None:
        index = self.table.currentIndex()
        chosen = None
        if index.isValid() and self.table.selectionModel().isRowSelected(index.row()):
            shown = self.model.row_at(index.row())
            if shown is not None:
                try:
                    chosen = self.book.get(shown.id)
                except (DomainError, StorageError):
                    chosen = None
        self.show_details(chosen)

    def select(self, appointment_id: int) -> bool:
        row = self.model.row_of(appointment_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.agenda.grid.select(appointment_id)
        if self.stack.currentWidget() is self.agenda:
            self._agenda_chosen(appointment_id)
        return True

    def _agenda_chosen(self, appointment_id: int) -> None:
        try:
            chosen = self.book.get(appointment_id)
        except (DomainError, StorageError):
            chosen = None
        row = self.model.row_of(appointment_id)
        if row >= 0:
            self.table.blockSignals(True)
            self.table.selectRow(row)
            self.table.blockSignals(False)
        self.show_details(chosen)

    def _agenda_open(self, appointment_id: int) -> None:
        self._agenda_chosen(appointment_id)
        self.edit()

    def show_details(self, appointment: AppointmentInfo | None) -> None:
        """The chosen appointment with masked identifiers only, its checklist and the
        buttons its status allows."""
        self.selected = appointment
        if self._revealed is not None and (
            appointment is None
            or appointment.id != self._revealed[0]
            or appointment.status.is_closed
        ):
            self._revealed = None  # masked again once the appointment is left or closed
        shown = appointment is not None
        self.detail_body.setVisible(shown)
        self.nothing_selected.setVisible(not shown)
        self._clear_checklist()
        if appointment is None:
            self.detail_heading.setText(translate("AppointmentsPage", "Appointment"))
            for value in self.detail_values.values():
                value.setText("")
            self._update_buttons()
            return
        prospect = (
            translate("AppointmentsPage", " (new prospect)") if appointment.is_prospect else ""
        )
        self.detail_heading.setText(shown_name(appointment) + prospect)
        start = appointment.start
        weekday = QLocale().toString(QDate(start.year, start.month, start.day), "ddd")
        self.detail_when.setText(f"{start:%Y-%m-%d} {weekday} {time_text(appointment)}")
        self.detail_status.setText(self._status_text(appointment))
        separator = translate("AppointmentsPage", ", ")
        revealed = self._revealed[1] if self._revealed is not None else ""
        values = {
            "mobile": revealed or appointment.masked_mobile,
            "purposes": purposes_text(appointment),
            "products": separator.join(appointment.products),
            "topics": separator.join(appointment.topics),
            "team": separator.join(appointment.team),
            "notes": appointment.notes,
            "lunch": appointment.lunch_reason,
        }
        for key, value in values.items():
            self.detail_values[key].setText(value)
            self.details_form.setRowVisible(self._detail_fields[key], bool(value))
        self.reveal_mobile_button.setVisible(
            not revealed and bool(appointment.masked_mobile) and not appointment.status.is_closed
        )
        for item in appointment.items:
            # Items from the default templates are stored as their English source text;
            # shown in the manager's language (a typed item comes back unchanged).
            check = QCheckBox(domain_text(item.label))
            check.setChecked(item.done)
            check.setEnabled(not appointment.status.is_closed)
            check.toggled.connect(lambda done, i=item.id: self.tick(i, done))
            self.item_checks[item.id] = check
            self.checklist_layout.addWidget(check)
        done, total = appointment.items_done, appointment.items_total
        self.checklist_heading.setText(
            translate("AppointmentsPage", "Preparation: {done} of {total} ready").format(
                done=done, total=total
            )
            if total
            else translate("AppointmentsPage", "Preparation: nothing to prepare")
        )
        self._update_buttons()

    def _status_text(self, appointment: AppointmentInfo) -> str:
        text = translate("AppointmentsPage", "Status: {status}").format(
            status=domain_text(appointment.status.label)
        )
        if appointment.status is AppointmentStatus.CANCELLED and appointment.cancelled_by:
            when = f"{appointment.cancelled_at:%Y-%m-%d %H:%M}" if appointment.cancelled_at else ""
            text += " · " + translate("AppointmentsPage", "by {who}, {when}").format(
                who=domain_text(appointment.cancelled_by.label), when=when
            )
        return text

    def _clear_checklist(self) -> None:
        for check in self.item_checks.values():
            check.blockSignals(True)
            check.setParent(None)
            check.deleteLater()
        self.item_checks = {}

    def _update_buttons(self) -> None:
        a = self.selected
        expected = a is not None and a.status.is_expected
        self.edit_button.setEnabled(expected)
        self.confirm_button.setEnabled(a is not None and a.status is AppointmentStatus.BOOKED)
        self.check_in_button.setEnabled(expected and a.start.date() == clock.today())
        self.cancel_button.setEnabled(expected)
        self.no_show_button.setEnabled(expected and a.start <= clock.now())
        self.new_item.setEnabled(a is not None and not a.status.is_closed)
        self.add_item_button.setEnabled(a is not None and not a.status.is_closed)

    def _unresolved(self) -> AppointmentInfo | None:
        index = self.unresolved_table.currentIndex()
        if not index.isValid():
            return None
        shown = self.unresolved_model.row_at(index.row())
        try:
            return self.book.get(shown.id) if shown else None
        except (DomainError, StorageError):
            return None

    def _update_unresolved_buttons(self) -> None:
        chosen = self.unresolved_table.currentIndex().isValid()
        for button in (
            self.unresolved_no_show,
            self.unresolved_cancel,
            self.unresolved_reschedule,
        ):
            button.setEnabled(chosen)

    # ------------------------------------------------------------ commands
    def _refused(self, title: str, exc: Exception) -> None:
        interaction.explain(self, title, exc)
        self.refresh()

    def _run_dialog(self, dialog: AppointmentDialog) -> AppointmentInfo | None:
        # No parent: the dialog's client matches (full names) are never the page's children.
        saved = None
        if interaction.run_dialog(dialog) == AppointmentDialog.DialogCode.Accepted:
            saved = dialog.saved
        dialog.forget()
        dialog.deleteLater()
        return saved

    def new_appointment(self, start: dt.datetime | None = None) -> AppointmentInfo | None:
        """Book one: from *start* (free time double-clicked on the agenda), else on the
        day shown."""
        day = self.current_date() if not self.search.text().strip() else None
        dialog = AppointmentDialog(self.book, self.client_book, None, day=day, start=start)
        saved = self._run_dialog(dialog)
        if saved is not None:
            self._after_saving(saved, translate("AppointmentsPage", "Appointment booked."))
        return saved

    def edit(self) -> AppointmentInfo | None:
        if self.selected is None or not self.selected.status.is_expected:
            return None
        dialog = AppointmentDialog(
            self.book, self.client_book, None, appointment=self.selected, mode=Mode.EDIT
        )
        saved = self._run_dialog(dialog)
        if saved is not None:
            self._after_saving(saved, translate("AppointmentsPage", "Appointment changed."))
        return saved

    def reschedule(self, appointment: AppointmentInfo | None) -> AppointmentInfo | None:
        if appointment is None:
            return None
        dialog = AppointmentDialog(
            self.book, self.client_book, None, appointment=appointment, mode=Mode.RESCHEDULE
        )
        saved = self._run_dialog(dialog)
        if saved is not None:
            self._after_saving(saved, translate("AppointmentsPage", "Appointment rescheduled."))
        return saved

    def _after_saving(self, saved: AppointmentInfo, message: str) -> None:
        self.search.setText("")
        self.set_date(saved.start.date())
        self.refresh()
        self.select(saved.id)
        self.status_message.emit(message)

    def confirm(self) -> None:
        if self.selected is None:
            return
        try:
            self.book.confirm(self.selected)
        except (DomainError, StorageError) as exc:
            self._refused(translate("AppointmentsPage", "Not confirmed"), exc)
            return
        self.status_message.emit(translate("AppointmentsPage", "Appointment confirmed."))

    def cancel(self, appointment: AppointmentInfo | None) -> None:
        if appointment is None:
            return
        by = interaction.choose(
            self,
            translate("AppointmentsPage", "Cancel the appointment"),
            translate(
                "AppointmentsPage", "Who cancels the appointment of {name} at {when}?"
            ).format(name=shown_name(appointment), when=time_text(appointment, with_date=True)),
            [(c.value, domain_text(c.label)) for c in CancelledBy],
        )
        if not by:
            return
        try:
            self.book.cancel(appointment, CancelledBy(by))
        except (DomainError, StorageError) as exc:
            self._refused(translate("AppointmentsPage", "Not cancelled"), exc)
            return
        self.status_message.emit(translate("AppointmentsPage", "Appointment cancelled."))

    def mark_no_show(self, appointment: AppointmentInfo | None) -> None:
        if appointment is None:
            return
        if not interaction.confirm(
            self,
            translate("AppointmentsPage", "No-show"),
            translate(
                "AppointmentsPage",
                "Mark the appointment of {name} at {when} as a no-show? The client did not come.",
            ).format(name=shown_name(appointment), when=time_text(appointment, with_date=True)),
            translate("AppointmentsPage", "No-show"),
        ):
            return
        try:
            self.book.mark_no_show(appointment)
        except (DomainError, StorageError) as exc:
            self._refused(translate("AppointmentsPage", "Not marked"), exc)
            return
        self.status_message.emit(translate("AppointmentsPage", "Marked as a no-show."))

    def check_in(self) -> None:
        if self.selected is None:
            return
        try:
            visit = self.book.check_in(self.selected)
        except (DomainError, StorageError) as exc:
            self._refused(translate("AppointmentsPage", "Not checked in"), exc)
            return
        self.checked_in.emit()
        self.status_message.emit(
            translate("AppointmentsPage", "{ticket} checked in, first in the queue.").format(
                ticket=visit.ticket
            )
        )

    def reveal_mobile(self) -> str:
        """The chosen appointment's full mobile, to call the client to confirm; audited
        as the client form's Show, masked again when the appointment is left, closed or
        the client screen is cleared."""
        appointment = self.selected
        if appointment is None or appointment.status.is_closed:
            return ""
        try:
            number = self.book.reveal_mobile(appointment)
        except (DomainError, StorageError) as exc:
            self._refused(translate("AppointmentsPage", "The mobile is not shown"), exc)
            return ""
        self._revealed = (appointment.id, number) if number else None
        self.show_details(appointment)
        return number

    def client_values(self) -> set[str]:
        """What the page shows of a client in full (a revealed mobile, to recognise it on
        the clipboard) and the search typed."""
        revealed = {self._revealed[1]} if self._revealed is not None else set()
        return revealed | {self.search.text()}

    def tick(self, item_id: int, done: bool) -> None:
        try:
            self.book.tick_item(item_id, done)
        except (DomainError, StorageError) as exc:
            self._refused(translate("AppointmentsPage", "Not ticked"), exc)

    def add_item(self) -> None:
        label = self.new_item.text().strip()
        if self.selected is None or not label:
            return
        try:
            self.book.add_item(self.selected.id, label)
        except (DomainError, StorageError) as exc:
            self._refused(translate("AppointmentsPage", "Not added"), exc)
            return
        self.new_item.setText("")

    def clear_client(self) -> None:
        """Forget what was searched (setText also drops the undo history); the rest shows
        masked names only."""
        self.search.setText("")
        self.new_item.setText("")
        self._revealed = None
        self.refresh()
        self.show_details(self.selected)  # masked, whatever refresh could read
