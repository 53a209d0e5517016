"""The Today page: the morning's overview and the day's care work. Today's appointments
with their preparation, the care list with calls, the queue, the time on client work
against the target and the expiring risk assessments; masked names only."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QSortFilterProxyModel,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.care import CareKind, ClientWorkTime
from ...domain.care_messages import FOR_TASK
from ...domain.durations import minutes_text
from ...domain.errors import DomainError, os_error_reason, translate_value
from ...i18n import domain_text, translate
from ...services import clock
from ...services.care import CareItem
from ...services.storage import StorageError
from .. import defs, interaction
from ..appointments.appointment_book import AppointmentBook
from ..appointments.appointment_model import COL_PURPOSE as APPOINTMENT_PURPOSE
from ..appointments.appointment_model import AppointmentTableModel
from ..calendar_settings import CalendarNotice
from ..complaints.complaint_book import ComplaintBook
from ..complaints.complaints_due import ComplaintsDue
from ..desk.context import DeskContext
from ..language import Retranslating
from ..models import SORT_ROLE
from ..tables import fit_columns
from .care_book import CareBook, MessageBook
from .care_model import (
    CLIENT_ID_ROLE,
    COL_DETAIL,
    TASK_ID_ROLE,
    CareTableModel,
    RiskExpiryTableModel,
)
from .level_jumps import LevelJumpsLine

log = logging.getLogger(__name__)
REFRESH_MS = 60_000


def duration_text(minutes: int) -> str:
    """``2 h 35 min``, ``25 min``, ``5 h 00 min``: the one format of every duration."""
    return minutes_text(minutes, QCoreApplication.translate)


def work_time_text(time: ClientWorkTime) -> str:
    """``2 h 35 min of 5 h: services 1 h 50 min, calls 25 min, support 20 min``."""
    return translate(
        "TodayPage", "{total} of {target}: services {services}, calls {calls}, support {support}"
    ).format(
        total=duration_text(time.total_minutes),
        target=duration_text(time.target_minutes),
        services=duration_text(time.service_minutes),
        calls=duration_text(time.call_minutes),
        support=duration_text(time.support_minutes),
    )


def _table(model, name: str) -> tuple[QTableView, QSortFilterProxyModel]:
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = QTableView()
    view.setObjectName(name)
    view.setModel(proxy)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.horizontalHeader().setHighlightSections(False)
    return view, proxy


FILL_DELAY_MS = 50


class TodayPage(Retranslating, QWidget):
    status_message = Signal(str)  # never carries client data
    open_client = Signal(int)  # a client id, for the client book
    client_text_copied = Signal(str)  # a care message put on the clipboard

    def __init__(
        self,
        desk: DeskContext,
        appointment_book: AppointmentBook,
        parent: QWidget | None = None,
        complaint_book: ComplaintBook | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("todayPage")
        self.desk = desk
        self.appointment_book = appointment_book
        self.care_book = CareBook(desk.actor, lambda: desk.manager, lambda: desk.desk, self)
        self.complaint_book = complaint_book or ComplaintBook(
            desk.actor, lambda: desk.manager, lambda: desk.desk, self
        )
        self._kind: CareKind | None = None
        self._counts: dict[CareKind, int] = {}
        # What was read last, kept to say it again in another language.
        self._figures = None
        self.work_time: ClientWorkTime | None = None
        self._care_shown: tuple[int, int, int] | None = None  # shown, total, overdue

        # -- today's appointments
        self.appointments_box = QGroupBox()
        self.appointment_model = AppointmentTableModel(self)
        self.appointment_view, self.appointment_proxy = _table(
            self.appointment_model, "todayAppointments"
        )
        self.appointment_proxy.setSortRole(SORT_ROLE)
        fit_columns(self.appointment_view, APPOINTMENT_PURPOSE, stretch_chars=10, make_room=True)
        self.no_appointments = QLabel()
        box = QVBoxLayout(self.appointments_box)
        box.addWidget(self.appointment_view)
        box.addWidget(self.no_appointments)

        # -- the care list
        self.care_box = QGroupBox()
        self.care_model = CareTableModel(self)
        self.care_view, self.care_proxy = _table(self.care_model, "careList")
        fit_columns(self.care_view, COL_DETAIL)
        self.care_view.doubleClicked.connect(lambda _index: self.call_selected())
        self.care_view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("careKindFilter")
        self.kind_filter.currentIndexChanged.connect(self._kind_chosen)
        # As wide as a kind's name with its count, not as its longest: the buttons beside
        # it must fit a 1024-pixel screen in English too.
        self.kind_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.kind_filter.setMinimumContentsLength(16)
        self.kind_label = QLabel()
        self.call_button = QPushButton()
        self.call_button.setObjectName("callButton")
        self.call_button.clicked.connect(self.call_selected)
        self.done_button = QPushButton()
        self.done_button.clicked.connect(self.done_selected)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self._open_selected)
        self.message_book = MessageBook(self.care_book, desk.actor, self)
        self.message_button = QPushButton()
        self.message_button.setObjectName("messageButton")
        self.message_button.clicked.connect(self.message_selected)
        self.sms_export_button = QPushButton()
        self.sms_export_button.setObjectName("smsExportButton")
        self.sms_export_button.clicked.connect(self.export_sms)
        self.message_book.messages_changed.connect(self._show_pending_sms)
        self._pending_sms = 0
        self.care_status = QLabel()
        self.care_status.setObjectName("careStatus")
        bar = QHBoxLayout()
        bar.addWidget(self.kind_label)
        bar.addWidget(self.kind_filter)
        bar.addStretch(1)
        bar.addWidget(self.call_button)
        bar.addWidget(self.done_button)
        bar.addWidget(self.open_button)
        box = QVBoxLayout(self.care_box)
        box.addLayout(bar)
        box.addWidget(self.care_view, 1)
        status_row = QHBoxLayout()
        status_row.addWidget(self.care_status, 1)
        # The messages together, under the list: the bar above fits 1024 pixels in English.
        status_row.addWidget(self.message_button)
        status_row.addWidget(self.sms_export_button)
        box.addLayout(status_row)

        # -- time on client work
        self.time_box = QGroupBox()
        self.time_bar = QProgressBar()
        self.time_bar.setObjectName("clientWorkBar")
        self.time_bar.setTextVisible(True)
        self.time_text = QLabel()
        self.time_text.setObjectName("clientWorkText")
        self.time_text.setWordWrap(True)
        # It wraps to the side panel's width rather than setting it: the lists get the room.
        policy = self.time_text.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
        self.time_text.setSizePolicy(policy)
        box = QVBoxLayout(self.time_box)
        box.addWidget(self.time_bar)
        box.addWidget(self.time_text)

        # -- the queue
        self.queue_box = QGroupBox()
        self.waiting_label = QLabel()
        self.waiting_label.setObjectName("todayWaiting")
        font = self.waiting_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.waiting_label.setFont(font)
        self.served_label = QLabel()
        box = QVBoxLayout(self.queue_box)
        box.addWidget(self.waiting_label)
        box.addWidget(self.served_label)

        # -- expiring assessments
        self.risk_box = QGroupBox()
        self.risk_model = RiskExpiryTableModel(self)
        self.risk_view, self.risk_proxy = _table(self.risk_model, "expiringAssessments")
        # The side panel is as wide as the assessments' columns (client to state) need,
        # every one whole; the lists on the left take the rest.
        fit_columns(self.risk_view, None)
        self.risk_view.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.risk_view.doubleClicked.connect(self._open_risk_client)
        box = QVBoxLayout(self.risk_box)
        box.addWidget(self.risk_view)
        self.level_jumps = LevelJumpsLine()
        box.addWidget(self.level_jumps)

        # -- complaints overdue or due soon (masked)
        self.complaints_box = ComplaintsDue(self.complaint_book, self)
        self.complaints_box.status_message.connect(self.status_message)
        self.complaints_text = self.complaints_box.summary
        self.complaints_list = self.complaints_box.list

        # -- actions that are not about one task
        self.event_button = QPushButton()
        self.event_button.setObjectName("newEventButton")
        self.event_button.clicked.connect(self.new_event)
        self.support_button = QPushButton()
        self.support_button.setObjectName("supportButton")
        self.support_button.clicked.connect(self.log_support)

        side = QVBoxLayout()
        side.setSpacing(defs.SPACING)
        side.addWidget(self.time_box)
        side.addWidget(self.queue_box)
        side.addWidget(self.complaints_box)
        side.addWidget(self.risk_box, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.event_button)
        actions.addWidget(self.support_button)
        side.addLayout(actions)
        main = QVBoxLayout()
        main.setSpacing(defs.SPACING)
        # From 1 November, once a day: next year has no official holiday schedule yet.
        self.calendar_notice = CalendarNotice(desk.actor, self)
        self.calendar_notice.loaded.connect(self.refresh)
        main.addWidget(self.calendar_notice)
        main.addWidget(self.appointments_box, 2)
        main.addWidget(self.care_box, 5)
        grid = QGridLayout(self)
        grid.setContentsMargins(defs.MARGIN, defs.MARGIN, defs.MARGIN, defs.MARGIN)
        grid.setHorizontalSpacing(defs.MARGIN)
        grid.addLayout(main, 0, 0)
        grid.addLayout(side, 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 0)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.care_book.care_changed.connect(self.refresh)
        appointment_book.appointments_changed.connect(self._refresh_appointments)
        self.retranslate()
        self._selection_changed()

    # ------------------------------------------------------------ text
    def retranslate(self) -> None:
        self.appointments_box.setTitle(translate("TodayPage", "Today's appointments"))
        self.no_appointments.setText(translate("TodayPage", "No appointments today."))
        self.care_box.setTitle(translate("TodayPage", "Care list"))
        self.kind_label.setText(translate("TodayPage", "Show"))
        self.call_button.setText(translate("TodayPage", "Call…"))
        self.done_button.setText(translate("TodayPage", "Done"))
        self.open_button.setText(translate("TodayPage", "Open client"))
        self.message_button.setText(translate("TodayPage", "Message…"))
        self.message_button.setToolTip(
            translate("TodayPage", "The branch's message for this task, to copy or send by SMS")
        )
        self._show_pending_sms(read=False)
        self.time_box.setTitle(translate("TodayPage", "Time on client work"))
        self.queue_box.setTitle(translate("TodayPage", "Queue"))
        self.risk_box.setTitle(translate("TodayPage", "Risk assessments expiring"))
        self.event_button.setText(translate("TodayPage", "New event…"))
        self.support_button.setText(translate("TodayPage", "Colleague support…"))
        self.complaints_box.retranslate()
        self.care_model.retranslate()
        self.risk_model.retranslate()
        self.appointment_model.retranslate()
        self._fill_kind_filter()
        self._show_figures()
        self._show_care_status()
        self._show_work_time()

    def _fill_kind_filter(self) -> None:
        total = sum(self._counts.values())
        self.kind_filter.blockSignals(True)
        self.kind_filter.clear()
        self.kind_filter.addItem(translate("TodayPage", "All ({count})").format(count=total), "")
        for kind in CareKind:
            self.kind_filter.addItem(
                f"{domain_text(kind.label)} ({self._counts.get(kind, 0)})", kind.value
            )
        index = self.kind_filter.findData(self._kind.value if self._kind else "")
        self.kind_filter.setCurrentIndex(max(index, 0))
        self.kind_filter.blockSignals(False)

    # ------------------------------------------------------------ reading
    def showEvent(self, event) -> None:
        super().showEvent(event)
        # Drawn first, filled a moment later: the day's first care list may make a
        # backlog of tasks (a second on a large book), and the window must not wait.
        QTimer.singleShot(FILL_DELAY_MS, self._refresh_if_shown)
        self.timer.start()

    def _refresh_if_shown(self) -> None:
        if self.isVisible():
            self.refresh()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self.timer.stop()

    def refresh(self) -> None:
        """Read everything the page shows again (each minute while shown)."""
        self.calendar_notice.refresh()
        try:
            self._refresh_appointments()
            self._refresh_care()
            self.work_time = self.care_book.work_time()
            self._show_work_time()
            self._figures = self.care_book.queue_figures()
            self._show_figures()
            self.risk_model.set_rows(self.care_book.expiring())
            self.level_jumps.show_jumps(self.care_book.level_jumps())
            self.complaints_box.refresh()
            self._show_pending_sms()
        except StorageError as exc:
            log.warning("Today page not refreshed: %s", exc)
            self.status_message.emit(exc.render(QCoreApplication.translate))

    def _show_figures(self) -> None:
        figures = self._figures
        if figures is None:
            return
        self.waiting_label.setText(
            translate("TodayPage", "{count} waiting").format(count=figures.waiting)
        )
        self.served_label.setText(
            translate("TodayPage", "{served} served today, {arrived} arrived").format(
                served=figures.served, arrived=figures.arrived
            )
        )

    def _refresh_appointments(self) -> None:
        appointments = self.appointment_book.day(clock.today())
        self.appointment_model.set_rows(appointments)
        self.appointment_view.setVisible(bool(appointments))
        self.no_appointments.setVisible(not appointments)

    def _refresh_care(self) -> None:
        chosen = self.selected_item()
        items = self.care_book.care_list(self._kind)
        self._counts = self.care_book.counts()
        self.care_model.set_rows(items)
        self._fill_kind_filter()
        shown_total = self._counts.get(self._kind, 0) if self._kind else sum(self._counts.values())
        self._care_shown = (len(items), shown_total, sum(1 for i in items if i.overdue))
        self._show_care_status()
        if chosen is not None:
            self.select_task(chosen.task_id)
        self._selection_changed()

    def _show_care_status(self) -> None:
        if self._care_shown is None:
            return
        shown, total, overdue = self._care_shown
        if not shown:
            self.care_status.setText(translate("TodayPage", "Nothing to call about today."))
        elif total > shown:
            self.care_status.setText(
                translate("TodayPage", "The first {shown} of {total}, the most urgent first.")
                .replace("{shown}", f"{shown:,}")
                .replace("{total}", f"{total:,}")
            )
        else:
            self.care_status.setText(
                translate("TodayPage", "{count} to do, {overdue} overdue").format(
                    count=shown, overdue=overdue
                )
            )

    def _show_work_time(self) -> None:
        time = self.work_time
        if time is None:
            return
        self.time_bar.setRange(0, max(1, time.target_minutes))
        self.time_bar.setValue(min(time.total_minutes, time.target_minutes))
        if time.met:
            state = translate("TodayPage", "target met")
        else:
            state = translate("TodayPage", "{left} to go").format(
                left=duration_text(time.minutes_to_go)
            )
        self.time_bar.setFormat(f"{round(time.share * 100)}% · {state}")
        self.time_text.setText(work_time_text(time))

    # ------------------------------------------------------------ the care list
    def _kind_chosen(self) -> None:
        code = self.kind_filter.currentData()
        self._kind = CareKind(code) if code else None
        try:
            self._refresh_care()
        except StorageError as exc:
            self.status_message.emit(exc.render(QCoreApplication.translate))

    def set_kind(self, kind: CareKind | None) -> None:
        self.kind_filter.setCurrentIndex(
            max(0, self.kind_filter.findData(kind.value if kind else ""))
        )

    def selected_item(self) -> CareItem | None:
        rows = self.care_view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.care_model.row_at(self.care_proxy.mapToSource(rows[0]).row())

    def select_task(self, task_id: int) -> bool:
        row = self.care_model.row_of(task_id)
        if row < 0:
            return False
        self.care_view.selectRow(self.care_proxy.mapFromSource(self.care_model.index(row, 0)).row())
        return True

    def _selection_changed(self, *_args) -> None:
        item = self.selected_item()
        self.call_button.setEnabled(item is not None and item.client_id is not None)
        self.done_button.setEnabled(item is not None)
        self.open_button.setEnabled(item is not None and item.client_id is not None)
        self.message_button.setEnabled(
            item is not None and item.client_id is not None and item.kind.value in FOR_TASK
        )

    def call_selected(self) -> None:
        item = self.selected_item()
        if item is None or item.client_id is None:
            return
        from .call_dialog import CallDialog  # the dialogs load when first opened

        dialog = CallDialog(self.care_book, item, self)
        if interaction.run_once(dialog) and dialog.logged is not None:
            outcome = domain_text(dialog.logged.outcome.label)
            self.status_message.emit(
                translate("TodayPage", "Call logged: {outcome}").format(outcome=outcome)
            )

    def message_selected(self) -> None:
        item = self.selected_item()
        if item is None or item.client_id is None:
            return
        from .message_dialog import MessageDialog

        dialog = MessageDialog(self.message_book, item, self)
        dialog.copied.connect(self.client_text_copied)
        if interaction.run_once(dialog) and dialog.sent is not None:
            channel = domain_text(dialog.sent.channel.label)
            self.status_message.emit(
                translate("TodayPage", "Message logged: {channel}").format(channel=channel)
            )

    def _show_pending_sms(self, read: bool = True) -> None:
        if read:
            try:
                self._pending_sms = self.message_book.pending_count()
            except StorageError:
                return
        self.sms_export_button.setText(
            translate("TodayPage", "Export SMS file… ({count})").format(count=self._pending_sms)
        )
        self.sms_export_button.setEnabled(self._pending_sms > 0)

    def export_sms(self) -> None:
        """The messages waiting for the bank's SMS platform, to a CSV file (audited)."""
        from PySide6.QtCore import QStandardPaths

        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = f"{folder}/sms-{clock.now():%Y%m%d-%H%M}.csv"
        path = interaction.choose_save_file(
            self,
            translate("TodayPage", "Export SMS file"),
            suggested,
            translate("TodayPage", "CSV files (*.csv)"),
        )
        if not path:
            return
        try:
            done = self.message_book.export_sms(Path(path))
        except OSError as exc:
            interaction.warn(
                self,
                translate("TodayPage", "The SMS file was not written"),
                translate_value(os_error_reason(exc), QCoreApplication.translate),
            )
            return
        except (DomainError, StorageError) as exc:
            interaction.explain(self, translate("TodayPage", "The SMS file was not written"), exc)
            return
        self.status_message.emit(
            translate("TodayPage", "{count} messages written to {file}").format(
                count=done.exported, file=done.path.name
            )
        )

    def done_selected(self) -> None:
        item = self.selected_item()
        if item is None:
            return
        try:
            self.care_book.close_task(item.task_id)
        except (DomainError, StorageError) as exc:
            interaction.explain(self, translate("TodayPage", "The task was not closed"), exc)
            self.refresh()
            return
        self.status_message.emit(translate("TodayPage", "Task done"))

    def _open_selected(self) -> None:
        item = self.selected_item()
        if item is not None and item.client_id is not None:
            self.open_client.emit(item.client_id)

    def _open_risk_client(self, index: QModelIndex) -> None:
        client_id = self.risk_proxy.data(index, CLIENT_ID_ROLE)
        if client_id is not None:
            self.open_client.emit(int(client_id))

    # ------------------------------------------------------------ complaints
    def complaint_lines(self) -> list[str]:
        """The complaints listed, top to bottom (for tests)."""
        return self.complaints_box.lines()

    # ------------------------------------------------------------ events and support
    def new_event(self) -> None:
        from .event_dialog import EventDialog

        dialog = EventDialog(self.care_book, self)
        if interaction.run_once(dialog) and dialog.created is not None:
            self.status_message.emit(
                translate(
                    "TodayPage", "Event created; {count} invitations on the care list"
                ).replace("{count}", f"{dialog.created.invited:,}")
            )

    def log_support(self) -> None:
        from ..sales.support_dialog import SupportDialog

        dialog = SupportDialog(self.care_book, self)
        if interaction.run_once(dialog) and dialog.logged is not None:
            self.status_message.emit(translate("TodayPage", "Colleague support logged"))

    def task_ids(self) -> list[int]:
        """The care list's tasks as shown, top to bottom (for tests and the lead)."""
        return [
            self.care_proxy.index(row, 0).data(TASK_ID_ROLE)
            for row in range(self.care_proxy.rowCount())
        ]
