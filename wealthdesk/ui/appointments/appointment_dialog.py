"""Book, change or move an appointment: the client (or a new prospect), the time, what
to prepare; every booking rule checked as the manager types."""

from __future__ import annotations

import datetime as dt
from enum import Enum

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QTimeEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.appointment import MIN_DURATION, calendar_notes
from ...domain.errors import DomainError
from ...domain.masking import mask_name
from ...domain.queue import Purpose
from ...i18n import domain_text, translate
from ...services import clock
from ...services.appointments import DEFAULT_DURATION, AppointmentDraft, AppointmentInfo
from ...services.storage import StorageError
from .. import defs, interaction
from ..clients.client_book import ClientBook
from ..clients.client_table_model import (
    CLIENT_ID_ROLE,
    COL_AGE,
    COL_GENDER,
    COL_ID,
    COL_MANAGER,
    COL_UPDATED,
    ClientTableModel,
    client_matches_view,
)
from ..forms import show_problems, validated_row
from .appointment_book import AppointmentBook

QUICK_DURATIONS = (15, 30, 45, 60, 90)
MATCHES_SHOWN = 6
_FIELDS = (
    "client",
    "prospect_name",
    "prospect_mobile",
    "start",
    "duration",
    "lunch_reason",
    "purposes",
    "products",
    "topics",
    "team",
    "notes",
    "items",
)


class Mode(Enum):
    NEW = "new"
    EDIT = "edit"
    RESCHEDULE = "reschedule"


def _entries(text: str) -> tuple[str, ...]:
    """A one-line list: commas (either width) or the ideographic comma separate."""
    for separator in ("，", "、", ";", "；"):
        text = text.replace(separator, ",")
    return tuple(part.strip() for part in text.split(",") if part.strip())


class AppointmentDialog(QDialog):
    """*appointment* None books a new one (on *day*); with one, changes it (EDIT) or
    books it at another time (RESCHEDULE: only the time can change). ``saved`` is what
    the services returned once accepted."""

    def __init__(
        self,
        book: AppointmentBook,
        client_book: ClientBook,
        parent: QWidget | None = None,
        appointment: AppointmentInfo | None = None,
        mode: Mode = Mode.NEW,
        day: dt.date | None = None,
        start: dt.datetime | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("appointmentDialog")
        self.book = book
        self.client_book = client_book
        self.appointment = appointment
        self.mode = mode if appointment is not None else Mode.NEW
        self.saved: AppointmentInfo | None = None
        self._client_id: int | None = appointment.client_id if appointment else None
        self._auto_items = ""
        self.errors: dict[str, QLabel] = {}
        try:
            self._hours = book.office_hours()
        except StorageError:
            self._hours = None

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form = form

        # -------------------------------------------------------- who
        self.chosen = QLabel()
        self.chosen.setObjectName("chosenClient")
        self.client_search = QLineEdit()
        self.client_search.setObjectName("appointmentClientSearch")
        self.client_search.setClearButtonEnabled(True)
        self.client_search.textChanged.connect(self.search_clients)
        self.matches_model = ClientTableModel(client_book, self)
        self.matches = client_matches_view(
            self.matches_model, (COL_GENDER, COL_AGE, COL_ID, COL_MANAGER, COL_UPDATED)
        )
        self.matches.setVisible(False)
        self.matches.setMaximumHeight(150)
        self.matches.clicked.connect(lambda index: self.choose_client(index.row()))
        self.matches.activated.connect(lambda index: self.choose_client(index.row()))
        self.prospect = QCheckBox()
        self.prospect.toggled.connect(self._prospect_toggled)
        who = QWidget()
        who_layout = QVBoxLayout(who)
        who_layout.setContentsMargins(0, 0, 0, 0)
        who_layout.addWidget(self.client_search)
        who_layout.addWidget(self.matches)
        who_layout.addWidget(self.chosen)
        who_layout.addWidget(self.prospect)
        self.client_label = QLabel()
        self.errors["client"] = validated_row(form, self.client_label, who)
        self.prospect_name = QLineEdit()
        self.prospect_name_label = QLabel()
        self.errors["prospect_name"] = validated_row(
            form, self.prospect_name_label, self.prospect_name
        )
        self.prospect_mobile = QLineEdit()
        self.prospect_mobile.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        self.prospect_mobile_label = QLabel()
        self.errors["prospect_mobile"] = validated_row(
            form, self.prospect_mobile_label, self.prospect_mobile
        )

        # -------------------------------------------------------- when
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.start = QTimeEdit()
        self.start.setDisplayFormat("HH:mm")
        when = QWidget()
        when_row = QHBoxLayout(when)
        when_row.setContentsMargins(0, 0, 0, 0)
        when_row.addWidget(self.date)
        when_row.addWidget(self.start)
        when_row.addStretch(1)
        self.start_label = QLabel()
        self.errors["start"] = validated_row(form, self.start_label, when)
        self.duration = QSpinBox()
        self.duration.setRange(MIN_DURATION // dt.timedelta(minutes=1), 480)
        self.duration.setSingleStep(15)
        self.duration_buttons: dict[int, QToolButton] = {}
        length = QWidget()
        length_row = QHBoxLayout(length)
        length_row.setContentsMargins(0, 0, 0, 0)
        length_row.addWidget(self.duration)
        for minutes in QUICK_DURATIONS:
            button = QToolButton()
            button.setText(str(minutes))
            button.clicked.connect(lambda _=False, m=minutes: self.duration.setValue(m))
            self.duration_buttons[minutes] = button
            length_row.addWidget(button)
        length_row.addStretch(1)
        self.duration_label = QLabel()
        self.errors["duration"] = validated_row(form, self.duration_label, length)
        self.lunch_reason = QLineEdit()
        self.lunch_reason_label = QLabel()
        self.errors["lunch_reason"] = validated_row(
            form, self.lunch_reason_label, self.lunch_reason
        )
        self.calendar_hint = QLabel()
        self.calendar_hint.setObjectName("secondaryText")
        self.calendar_hint.setWordWrap(True)
        self.calendar_hint.setVisible(False)
        form.addRow("", self.calendar_hint)

        # -------------------------------------------------------- what for
        self.purpose_checks: dict[Purpose, QCheckBox] = {}
        purposes = QWidget()
        grid = QGridLayout(purposes)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, purpose in enumerate(Purpose):
            check = QCheckBox()
            check.toggled.connect(self._purposes_changed)
            self.purpose_checks[purpose] = check
            grid.addWidget(check, i // 3, i % 3)
        self.purposes_label = QLabel()
        self.errors["purposes"] = validated_row(form, self.purposes_label, purposes)
        self.products = QLineEdit()
        self.products_label = QLabel()
        self.errors["products"] = validated_row(form, self.products_label, self.products)
        self.topics = QLineEdit()
        self.topics_label = QLabel()
        self.errors["topics"] = validated_row(form, self.topics_label, self.topics)
        self.team = QLineEdit()
        self.team_label = QLabel()
        self.errors["team"] = validated_row(form, self.team_label, self.team)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(60)
        self.notes_label = QLabel()
        self.errors["notes"] = validated_row(form, self.notes_label, self.notes)
        self.items = QPlainTextEdit()
        self.items.setTabChangesFocus(True)
        self.items.setFixedHeight(90)
        self.items_label = QLabel()
        self.errors["items"] = validated_row(form, self.items_label, self.items)
        self.general_error = QLabel()
        self.general_error.setObjectName("fieldError")
        self.general_error.setWordWrap(True)
        self.general_error.setVisible(False)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addLayout(form)
        body_layout.addWidget(self.general_error)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(defs.MARGIN, defs.MARGIN, defs.MARGIN, defs.MARGIN)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        self.resize(680, 660)

        self._fill(day, start)
        for signal in (
            self.date.dateChanged,
            self.start.timeChanged,
            self.duration.valueChanged,
            self.lunch_reason.textChanged,
            self.prospect_name.textChanged,
            self.prospect_mobile.textChanged,
            self.products.textChanged,
            self.topics.textChanged,
            self.team.textChanged,
            self.notes.textChanged,
            self.items.textChanged,
        ):
            signal.connect(self.validate)
        self.retranslate()
        self._prospect_toggled(self.prospect.isChecked())
        self.validate()

    # ------------------------------------------------------------ filling
    def _fill(self, day: dt.date | None, start_at: dt.datetime | None = None) -> None:
        """A new appointment starts at *start_at* (the agenda's free time double-clicked),
        else on *day*; an existing one shows what it holds."""
        appointment = self.appointment
        if appointment is None:
            now = clock.now()
            on = start_at.date() if start_at else day or now.date()
            # The next quarter hour from now today; 09:30 on another day.
            if start_at is not None:
                start = start_at.time()
            elif on == now.date():
                minutes = (now.hour * 60 + now.minute + 14) // 15 * 15
                start = dt.time(min(minutes // 60, 23), minutes % 60)
            else:
                start = dt.time(9, 30)
            self.date.setDate(QDate(on.year, on.month, on.day))
            self.start.setTime(QTime(start.hour, start.minute))
            self.duration.setValue(DEFAULT_DURATION)
            return
        start = appointment.start
        self.date.setDate(QDate(start.year, start.month, start.day))
        self.start.setTime(QTime(start.hour, start.minute))
        self.duration.setValue(appointment.duration_minutes)
        self.lunch_reason.setText(appointment.lunch_reason)
        if appointment.is_prospect:
            self.prospect.setChecked(True)
            self.prospect_name.setText(appointment.name)
        else:
            self.chosen.setText(self._chosen_text(appointment.masked_name))
        for purpose in appointment.purposes:
            self.purpose_checks[purpose].setChecked(True)
        self.products.setText(", ".join(appointment.products))
        self.topics.setText(", ".join(appointment.topics))
        self.team.setText(", ".join(appointment.team))
        self.notes.setPlainText(appointment.notes)
        self.items.setPlainText("\n".join(item.label for item in appointment.items))
        # The checklist changes in the panel (ticks, new items); only a new one is typed here.
        self.items.setReadOnly(True)
        if self.mode is Mode.RESCHEDULE:
            for widget in (
                self.client_search,
                self.prospect,
                self.prospect_name,
                self.prospect_mobile,
                self.products,
                self.topics,
                self.team,
                self.notes,
                *self.purpose_checks.values(),
            ):
                widget.setEnabled(False)
            self.notes.setReadOnly(True)

    def retranslate(self) -> None:
        titles = {
            Mode.NEW: translate("AppointmentDialog", "New appointment"),
            Mode.EDIT: translate("AppointmentDialog", "Change the appointment"),
            Mode.RESCHEDULE: translate("AppointmentDialog", "Reschedule the appointment"),
        }
        self.setWindowTitle(titles[self.mode])
        self.client_label.setText(translate("AppointmentDialog", "&Client:"))
        self.client_search.setPlaceholderText(
            translate("AppointmentDialog", "Find in the book: name, pinyin initials or mobile tail")
        )
        self.prospect.setText(translate("AppointmentDialog", "A new prospect"))
        self.prospect_name_label.setText(translate("AppointmentDialog", "Prospect's &name:"))
        self.prospect_mobile_label.setText(translate("AppointmentDialog", "Prospect's &mobile:"))
        if self.appointment is not None and self.appointment.is_prospect:
            self.prospect_mobile.setPlaceholderText(
                translate("AppointmentDialog", "{masked} (leave empty to keep it)").format(
                    masked=self.appointment.masked_mobile
                )
            )
        self.start_label.setText(translate("AppointmentDialog", "&Date and time:"))
        self.duration_label.setText(translate("AppointmentDialog", "D&uration (minutes):"))
        self.lunch_reason_label.setText(translate("AppointmentDialog", "&Lunch-break reason:"))
        self.lunch_reason.setPlaceholderText(
            translate("AppointmentDialog", "Why the client comes in the lunch break")
        )
        self.purposes_label.setText(translate("AppointmentDialog", "Purpose:"))
        for purpose, check in self.purpose_checks.items():
            check.setText(domain_text(purpose.label))
        self.products_label.setText(translate("AppointmentDialog", "&Products:"))
        self.topics_label.setText(translate("AppointmentDialog", "&Topics:"))
        self.team_label.setText(translate("AppointmentDialog", "T&eam:"))
        for edit in (self.products, self.topics, self.team):
            edit.setPlaceholderText(translate("AppointmentDialog", "Separated by commas"))
        self.notes_label.setText(translate("AppointmentDialog", "N&otes:"))
        self.items_label.setText(translate("AppointmentDialog", "Preparation &checklist:"))
        self.items.setPlaceholderText(translate("AppointmentDialog", "One item per line"))
        if self.mode is not Mode.NEW:
            self.items.setToolTip(
                translate("AppointmentDialog", "Tick and add items in the appointment's panel.")
            )
        self.validate()

    def _chosen_text(self, masked: str) -> str:
        return translate("AppointmentDialog", "Chosen: {name}").format(name=masked)

    # ------------------------------------------------------------ the client
    def search_clients(self) -> None:
        text = self.client_search.text().strip()
        if not text:
            self.matches_model.clear()
            self.matches.setVisible(False)
            return
        try:
            result = self.client_book.search(text)
        except StorageError as exc:
            self.matches_model.clear()
            self.errors["client"].setText(exc.render(QCoreApplication.translate))
            self.errors["client"].setVisible(True)
            return
        self.matches_model.show_rows(result.rows[:MATCHES_SHOWN])
        self.matches.setVisible(bool(result.rows))
        if len(result.rows) == 1:
            self.choose_client(0)

    def choose_client(self, row: int) -> None:
        index = self.matches_model.index(row, 0)
        client_id = index.data(CLIENT_ID_ROLE) if index.isValid() else None
        if client_id is None:
            return
        self._client_id = client_id
        self.chosen.setText(self._chosen_text(mask_name(self.matches_model.row_at(row).name)))
        self.prospect.setChecked(False)
        self.matches.selectRow(row)
        self.validate()

    def _prospect_toggled(self, prospect: bool) -> None:
        for widget in (self.prospect_name, self.prospect_mobile):
            self.form.setRowVisible(self.errors[_field_of(self, widget)].parentWidget(), prospect)
        self.client_search.setEnabled(not prospect and self.mode is not Mode.RESCHEDULE)
        self.matches.setVisible(not prospect and self.matches_model.rowCount() > 0)
        self.chosen.setVisible(not prospect)
        self.validate()

    def _purposes_changed(self) -> None:
        """A new appointment's checklist follows its purposes until the manager edits it."""
        if self.mode is Mode.NEW and self.items.toPlainText() == self._auto_items:
            try:
                suggested = "\n".join(self.book.suggested_items(self.purposes()))
            except StorageError:
                suggested = self._auto_items
            self._auto_items = suggested
            self.items.setPlainText(suggested)
        self.validate()

    # ------------------------------------------------------------ the draft
    def purposes(self) -> tuple[Purpose, ...]:
        return tuple(p for p, check in self.purpose_checks.items() if check.isChecked())

    def start_at(self) -> dt.datetime:
        return dt.datetime.combine(self.date.date().toPython(), self.start.time().toPython())

    def draft(self) -> AppointmentDraft:
        prospect = self.prospect.isChecked()
        old = self.appointment
        return AppointmentDraft(
            start=self.start_at(),
            duration_minutes=self.duration.value(),
            client_id=None if prospect else self._client_id,
            prospect_name=self.prospect_name.text() if prospect else "",
            prospect_mobile=self.prospect_mobile.text() if prospect else "",
            purposes=self.purposes(),
            products=_entries(self.products.text()),
            topics=_entries(self.topics.text()),
            team=_entries(self.team.text()),
            notes=self.notes.toPlainText(),
            lunch_reason=self.lunch_reason.text(),
            manager=old.manager if old else self.book.manager,
            desk=old.desk if old else self.book.desk,
            items=tuple(self.items.toPlainText().splitlines()) if self.mode is Mode.NEW else None,
        )

    def _in_lunch(self) -> bool:
        if self._hours is None:
            return False
        start = self.start_at()
        end = start + dt.timedelta(minutes=self.duration.value())
        ends = end.time() if end.date() == start.date() else dt.time.max
        return self._hours.overlaps_lunch(start.time(), ends)

    def validate(self) -> bool:
        """Show every problem under its field; OK only when there is none."""
        if not hasattr(self, "ok_button"):
            return False
        in_lunch = self._in_lunch() or bool(self.lunch_reason.text().strip())
        self.form.setRowVisible(self.errors["lunch_reason"].parentWidget(), in_lunch)
        problems = []
        general: list[str] = []
        draft = self.draft()
        if draft.client_id is None and not self.prospect.isChecked():
            general_client = translate(
                "AppointmentDialog",
                "Find the client in the book, or tick “A new prospect” and give a name and mobile.",
            )
        else:
            general_client = ""
        try:
            editing = self.appointment.id if self.appointment else None
            problems = self.book.check_problems(draft, editing)
        except StorageError as exc:
            general.append(exc.render(QCoreApplication.translate))
        if general_client:
            problems = [p for p in problems if not p.field.startswith("prospect_")]
        flagged = show_problems(self.errors, problems)
        if general_client:
            self.errors["client"].setText(general_client)
            self.errors["client"].setVisible(True)
        general += [
            p.render(QCoreApplication.translate) for p in problems if p.field not in self.errors
        ]
        self.general_error.setText("\n".join(general))
        self.general_error.setVisible(bool(general))
        self._show_calendar_notes()
        ok = not flagged and not general and not general_client
        self.ok_button.setEnabled(ok)
        return ok

    def _show_calendar_notes(self) -> None:
        try:
            notes = calendar_notes(self.start_at(), self.book.calendar())
        except StorageError:
            notes = []
        text = "\n".join(note.render(QCoreApplication.translate) for note in notes)
        self.calendar_hint.setText(text)
        self.calendar_hint.setVisible(bool(text))

    def problems_text(self) -> str:
        """Every message shown under the fields now (for a test or a screen reader)."""
        shown = [label.text() for label in self.errors.values() if label.isVisibleTo(self)]
        if self.general_error.isVisibleTo(self):
            shown.append(self.general_error.text())
        return "\n".join(text for text in shown if text)

    # ------------------------------------------------------------ saving
    def accept(self) -> None:
        if not self.validate():
            return
        draft = self.draft()
        try:
            if self.mode is Mode.NEW:
                self.saved = self.book.create(draft)
            elif self.mode is Mode.EDIT:
                self.saved = self.book.update(self.appointment, draft)
            else:
                self.saved = self.book.reschedule(
                    self.appointment, draft.start, draft.duration_minutes, draft.lunch_reason
                )
        except DomainError as exc:
            show_problems(self.errors, exc.problems)
            others = [
                p.render(QCoreApplication.translate)
                for p in exc.problems
                if p.field not in self.errors
            ]
            self.general_error.setText("\n".join(others))
            self.general_error.setVisible(bool(others))
            self.ok_button.setEnabled(False)
            return
        except StorageError as exc:
            interaction.explain(self, translate("AppointmentDialog", "Not saved"), exc)
            return
        super().accept()

    def forget(self) -> None:
        """Drop what the dialog found of clients (full names in its matches)."""
        self.matches_model.clear()
        self.client_search.setText("")
        self.prospect_name.setText("")
        self.prospect_mobile.setText("")


def _field_of(dialog: AppointmentDialog, widget: QWidget) -> str:
    return "prospect_name" if widget is dialog.prospect_name else "prospect_mobile"
