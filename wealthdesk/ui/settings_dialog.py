"""The settings dialog: branch, this desk and this computer, each validated inline."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from .. import local_settings
from ..domain.errors import Problem, ValidationError
from ..domain.settings import (
    SPECS,
    Kind,
    Scope,
    checklist_for_editing,
    checklist_to_store,
    coerce,
    setting_problem,
)
from ..i18n import domain_text, translate
from ..services import settings as settings_service
from . import interaction
from .desk.pin_dialog import PinDialog
from .forms import show_problems, validated_row

LANGUAGE_NAMES = {"zh_CN": "简体中文", "en": "English"}
GROUP_TITLES = {
    Scope.BRANCH: QT_TRANSLATE_NOOP("SettingsDialog", "Branch (shared by every desk)"),
    Scope.DESK: QT_TRANSLATE_NOOP("SettingsDialog", "This desk"),
    Scope.PC: QT_TRANSLATE_NOOP("SettingsDialog", "This computer"),
}
HIDDEN = {"welcome_done"}
# Never typed in as text: set through its own dialog, shown only as set or not.
PIN_KEY = "pin_hash"
PLAN_MODEL_KEY = "plan_model"  # read from a file as well as typed
CHECKLIST_KEY = "day_close_checklist"  # its shipped default is shown translated
SLIP_PRINTER_KEY = "queue_slip_printer"  # chosen from the print service's printers


# The dialog's pages, listed on its left, and the settings on each, in order; on a page
# they are grouped by where they are kept (GROUP_TITLES). What a new manager sets first
# is on the first page. A setting not named here is on a last page, "Other settings".
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        QT_TRANSLATE_NOOP("SettingsDialog", "Desk and manager"),
        (
            "manager_name",
            "desk_phone",
            PIN_KEY,
            "idle_timeout_minutes",
            "close_queue_at_day_end",
            "language",
            "desk_number",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("SettingsDialog", "Branch and office hours"),
        (
            "branch_name",
            "office_open",
            "lunch_start",
            "lunch_end",
            "office_close",
            "closed_days",
            "open_days",
            "working_hours",
            "client_work_target_hours",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("SettingsDialog", "Appointments and care"),
        (
            "appointment_reminder_minutes",
            "appointment_grace_minutes",
            "care_maturity_days",
            "care_no_contact_days",
            "queue_care_first",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("SettingsDialog", "Complaints and care messages"),
        (
            "complaint_deadline_days",
            "complaint_working_days",
            "message_birthday",
            "message_maturity",
            "message_risk_expiry",
            "message_invitation",
            "message_follow_up",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("SettingsDialog", "Lobby and waiting room"),
        (
            "call_speech",
            "call_speech_volume",
            "call_speech_english",
            "queue_slip",
            "queue_slip_printer",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("SettingsDialog", "Suitability and sales"),
        (
            "qualification_wealth",
            "qualification_fund",
            "qualification_insurance",
            "recording_ref_pattern",
            "reassessments_per_day",
            "elderly_callback_working_days",
            "elderly_large_sale_percent",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("SettingsDialog", "Door notices"),
        ("notice_link", "notice_english", "notice_qr", "notice_portrait"),
    ),
    (
        QT_TRANSLATE_NOOP("SettingsDialog", "Day close and documents"),
        ("wait_target_minutes", "day_close_checklist", "day_close_folder", "pdf_font_path"),
    ),
    (
        QT_TRANSLATE_NOOP("SettingsDialog", "Financial plans"),
        ("plan_model", "plan_reserve_months_min", "plan_reserve_months_max", "plan_disclosure"),
    ),
)
DIALOG_WIDTH = 760
OTHER_SECTION = QT_TRANSLATE_NOOP("SettingsDialog", "Other settings")
CALENDAR_SECTION = QT_TRANSLATE_NOOP("SettingsDialog", "Working calendar")


def sections() -> list[tuple[str, list[str]]]:
    """The pages and their settings: :data:`SECTIONS`, then every other setting shown
    (one added since) on a last page; each shown setting on exactly one page."""
    shown = [key for key in SPECS if key not in HIDDEN]
    placed = {key for _title, keys in SECTIONS for key in keys}
    pages = [(title, [key for key in keys if key in SPECS]) for title, keys in SECTIONS]
    rest = [key for key in shown if key not in placed]
    if rest:
        pages.append((OTHER_SECTION, rest))
    return [(title, keys) for title, keys in pages if keys]


class SettingsDialog(QDialog):
    """Edits every declared setting; nothing is stored until all of them are valid."""

    def __init__(
        self, desk: str, values: dict[str, object], parent: QWidget | None = None, actor: str = ""
    ):
        super().__init__(parent)
        self.setWindowTitle(translate("SettingsDialog", "Settings"))
        self._desk = desk
        self._actor = actor
        self._fields: dict[str, QWidget] = {}
        self._errors: dict[str, QLabel] = {}
        # Each setting's row (its label, if any, and its field) to grey out together.
        self._rows: dict[str, tuple[QWidget, ...]] = {}
        self._slips = None  # the test slip's printer, made when first asked for
        self.language_changed = False
        pc_values = {k: local_settings.get(k) for k, s in SPECS.items() if s.scope is Scope.PC}
        # The desk this window works as (it may come from --desk), not only the stored one.
        current = {**values, **pc_values, "desk_number": desk}
        self.new_desk = desk
        self._pin_hash = str(current.get(PIN_KEY) or "")
        self.new_pin_hash = ""  # the hash of a PIN set here, stored when OK is pressed

        # Pages listed on the left, as a preferences dialog does: the dialog fits a
        # 1024×768 screen with its buttons always in sight; a page taller than the
        # dialog scrolls on its own.
        self.section_list = QListWidget()
        self.section_list.setObjectName("settingsSections")
        self.section_list.setSpacing(3)
        self.pages = QStackedWidget()
        self._section_of: dict[str, int] = {}
        for index, (title, keys) in enumerate(sections()):
            self.section_list.addItem(translate("SettingsDialog", title))
            self.pages.addWidget(self._build_page(keys, current))
            self._section_of.update(dict.fromkeys(keys, index))
        # The working calendar (where each year's holidays come from, a schedule to
        # load) is a page of its own, after the settings' pages.
        from .calendar_settings import CalendarSettings

        self.calendar_settings = CalendarSettings(actor, self)
        self.section_list.addItem(translate("SettingsDialog", CALENDAR_SECTION))
        self.pages.addWidget(_scrolling(self.calendar_settings))
        self._link_switches()
        self.section_list.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.section_list.setCurrentRow(0)
        self.section_list.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.section_list.setFixedWidth(
            self.section_list.sizeHintForColumn(0) + 2 * self.section_list.frameWidth() + 24
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addWidget(self.section_list)
        body.addWidget(self.pages, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self.buttons = buttons
        # Room for the fields to be typed in, well within a 1024×768 screen.
        hint = self.sizeHint()
        self.resize(max(hint.width(), DIALOG_WIDTH), hint.height())

    def _build_page(self, keys: list[str], current: dict[str, object]) -> QWidget:
        """A page of *keys* in a group box per place they are kept, in a scroll area."""
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        forms: dict[Scope, QFormLayout] = {}
        for key in keys:
            spec = SPECS[key]
            form = forms.get(spec.scope)
            if form is None:
                box = QGroupBox(translate("SettingsDialog", GROUP_TITLES[spec.scope]))
                form = forms[spec.scope] = QFormLayout(box)
                form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
                column.addWidget(box)
            if key == PIN_KEY:
                self._add_pin_row(form)
                continue
            field = self._make_field(key, current.get(key, spec.default))
            if isinstance(field, QCheckBox):
                # Its own text is the label, across the row, so a click on the words
                # ticks it; a yes or no has nothing to be wrong with.
                form.addRow(field)
                self._rows[key] = (field,)
                continue
            label = QLabel(domain_text(spec.label))
            self._errors[key] = validated_row(form, label, field)
            self._rows[key] = (label, field)
        column.addStretch(1)
        area = _scrolling(page)
        # Never narrower than its rows, room kept for the scroll bar: it scrolls down only.
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        area.setMinimumWidth(page.minimumSizeHint().width() + bar)
        return area

    def _link_switches(self) -> None:
        """A setting that serves a yes-or-no one (volume of the calls spoken, the slips'
        printer) is greyed out while that one is off: changing it would change nothing."""
        for key, spec in SPECS.items():
            switch = self._fields.get(spec.requires) if spec.requires else None
            if key not in self._rows or not isinstance(switch, QCheckBox):
                continue
            for widget in self._rows[key]:
                widget.setEnabled(switch.isChecked())
                switch.toggled.connect(widget.setEnabled)

    def show_section(self, key: str) -> None:
        """Turn to the page holding setting *key*."""
        if key in self._section_of:
            self.section_list.setCurrentRow(self._section_of[key])

    def _add_pin_row(self, form: QFormLayout) -> None:
        self.pin_status = QLabel()
        self.pin_status.setObjectName("pinStatus")
        self.pin_button = QPushButton()
        self.pin_button.setObjectName("pinButton")
        self.pin_button.clicked.connect(self._set_pin)
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.pin_status)
        row.addWidget(self.pin_button)
        row.addStretch(1)
        label = QLabel(domain_text(SPECS[PIN_KEY].label))
        self._errors[PIN_KEY] = validated_row(form, label, holder)
        label.setBuddy(self.pin_button)
        self._show_pin_state()

    def _show_pin_state(self) -> None:
        self.pin_status.setToolTip("")
        if self.new_pin_hash:
            status = translate("SettingsDialog", "Changed")
            self.pin_status.setToolTip(
                translate("SettingsDialog", "The new PIN is stored when you press OK.")
            )
        elif self._pin_hash:
            status = translate("SettingsDialog", "Set")
        else:
            status = translate("SettingsDialog", "Not set")
        self.pin_status.setText(status)
        # Whole, not cut off: the row's column is as narrow as the other fields'.
        self.pin_status.setMinimumWidth(self.pin_status.sizeHint().width())
        has_pin = bool(self._pin_hash or self.new_pin_hash)
        self.pin_button.setText(
            translate("SettingsDialog", "Change PIN…")
            if has_pin
            else translate("SettingsDialog", "Set PIN…")
        )

    def _set_pin(self) -> None:
        dialog = PinDialog(
            self, changing=bool(self._pin_hash or self.new_pin_hash), current_hash=self._pin_hash
        )
        interaction.run_once(dialog)
        if dialog.pin_hash:  # only an accepted dialog has one
            self.new_pin_hash = dialog.pin_hash
            self._show_pin_state()

    def _make_field(self, key: str, value: object) -> QWidget:
        spec = SPECS[key]
        if spec.kind is Kind.BOOL:
            box = QCheckBox(domain_text(spec.label))
            box.setChecked(bool(coerce(key, value)))
            self._fields[key] = box
            return box
        if spec.kind is Kind.INT:
            field = QSpinBox()
            field.setRange(spec.minimum or 0, spec.maximum or 999)
            field.setValue(int(value))
            field.setAlignment(Qt.AlignmentFlag.AlignRight)
            if key.endswith("_minutes"):
                field.setSuffix(translate("SettingsDialog", " min"))
            self._fields[key] = field
            return field
        if spec.kind is Kind.CHOICE:
            field = QComboBox()
            for choice in spec.choices:
                field.addItem(LANGUAGE_NAMES.get(choice, choice), choice)
            field.setCurrentIndex(max(0, field.findData(value)))
            self._fields[key] = field
            return field
        if key == SLIP_PRINTER_KEY:
            return self._slip_printer_field(str(value or ""))
        if key == CHECKLIST_KEY:
            value = checklist_for_editing(str(value), domain_text)
        edit = QLineEdit(str(value))
        edit.setCursorPosition(0)  # a long value shown from its start
        if spec.kind is Kind.TEXT:
            edit.setMaxLength(spec.max_length)
        self._fields[key] = edit
        if spec.kind is Kind.TIME:
            edit.setInputMask("99:99")
            edit.setMaximumWidth(80)
        if key == PLAN_MODEL_KEY:
            return self._plan_model_field(edit)
        if spec.kind is Kind.PATH:
            browse = QPushButton(translate("SettingsDialog", "Choose…"))
            if key == "day_close_folder":
                from .day_close.day_close_page import default_folder

                edit.setPlaceholderText(
                    translate("SettingsDialog", "Default: {folder}").format(folder=default_folder())
                )
                browse.clicked.connect(lambda: self._choose_folder(edit))
            else:
                edit.setPlaceholderText(
                    translate("SettingsDialog", "Found automatically (WenQuanYi, YaHei, SimSun…)")
                )
                browse.clicked.connect(lambda: self._choose_font(edit))
            holder = QWidget()
            row = QHBoxLayout(holder)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(edit, 1)
            row.addWidget(browse)
            return holder
        return edit

    def _slip_printer_field(self, value: str) -> QWidget:
        """The receipt printer: one of the print service's printers, or a name typed
        for one not yet set up; and a test slip to see that it prints."""
        from .pdf_preview import printer_names

        choice = QComboBox()
        choice.setObjectName("slipPrinter")
        choice.setEditable(True)
        choice.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        choice.addItems(printer_names())
        choice.setCurrentIndex(-1)
        choice.setCurrentText(value)
        choice.lineEdit().setPlaceholderText(translate("SettingsDialog", "The default printer"))
        choice.lineEdit().setMaxLength(SPECS[SLIP_PRINTER_KEY].max_length)
        self._fields[SLIP_PRINTER_KEY] = choice
        self.test_slip_button = QPushButton(translate("SettingsDialog", "Print a test slip"))
        self.test_slip_button.setObjectName("testSlipButton")
        self.test_slip_button.clicked.connect(self.print_test_slip)
        self.test_slip_result = QLabel()
        self.test_slip_result.setObjectName("testSlipResult")
        self.test_slip_result.setWordWrap(True)
        self.test_slip_result.hide()
        holder = QWidget()
        grid = QGridLayout(holder)  # the list first: the label's buddy
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(choice, 0, 0)
        grid.addWidget(self.test_slip_button, 0, 1)
        grid.addWidget(self.test_slip_result, 1, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        return holder

    def print_test_slip(self) -> None:
        """Print a sample slip (no visitor on it) on the printer chosen here, as the
        lobby prints a visitor's, and say what the print service made of it."""
        from .branch.slip_printer import SlipPrinter

        if self._slips is None:
            self._slips = SlipPrinter(self)
            self._slips.sample_finished.connect(self._show_test_slip)
        printer = str(self.value(SLIP_PRINTER_KEY))
        branch = str(self.value("branch_name")) if "branch_name" in self._fields else ""
        self.test_slip_button.setEnabled(False)
        self.test_slip_result.setText(translate("SettingsDialog", "Printing a test slip…"))
        self.test_slip_result.show()
        self._slips.print_sample(printer, branch)

    def _show_test_slip(self, _printed: bool, said: str) -> None:
        self.test_slip_result.setText(said)
        self.test_slip_button.setEnabled(True)

    def done(self, result: int) -> None:
        if self._slips is not None:  # a test slip being printed is waited for
            self._slips.wait()
        super().done(result)

    def _plan_model_field(self, edit: QLineEdit) -> QWidget:
        """The model allocation's field, with a button that reads it from a CSV file
        (level,class,low,high a line); nothing is stored until the dialog's OK."""
        edit.setPlaceholderText(translate("SettingsDialog", "Empty: the model as shipped"))
        browse = QPushButton(translate("SettingsDialog", "Import from file…"))
        browse.setObjectName("importPlanModel")
        browse.clicked.connect(lambda: self._import_plan_model(edit))
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1)
        row.addWidget(browse)
        return holder

    def _import_plan_model(self, edit: QLineEdit) -> None:
        from ..domain.errors import os_error_reason, translate_value
        from ..services import plan as plan_service

        title = translate("SettingsDialog", "Model allocation for plans")
        path = interaction.choose_open_file(
            self, title, "", translate("SettingsDialog", "CSV files (*.csv *.txt)")
        )
        if not path:
            return
        try:
            edit.setText(plan_service.read_model_file(path))
        except ValidationError as exc:
            interaction.explain(self, title, exc)
        except OSError as exc:
            reason = translate_value(os_error_reason(exc), QCoreApplication.translate)
            interaction.warn(self, title, f"{path}: {reason}")
        edit.setCursorPosition(0)

    def _choose_font(self, edit: QLineEdit) -> None:
        path = interaction.choose_open_file(
            self,
            translate("SettingsDialog", "Font file for PDFs"),
            edit.text(),
            translate("SettingsDialog", "TrueType fonts (*.ttf *.ttc)"),
        )
        if path:
            edit.setText(path)

    def _choose_folder(self, edit: QLineEdit) -> None:
        from .day_close.day_close_page import default_folder

        folder = interaction.choose_folder(
            self,
            translate("SettingsDialog", "Folder for day-close reports"),
            edit.text() or str(default_folder()),
        )
        if folder:
            edit.setText(folder)

    def value(self, key: str) -> object:
        field = self._fields[key]
        if isinstance(field, QCheckBox):
            return field.isChecked()
        if isinstance(field, QSpinBox):
            return field.value()
        if isinstance(field, QComboBox) and field.isEditable():
            return field.currentText().strip()
        if isinstance(field, QComboBox):
            return field.currentData()
        if key == CHECKLIST_KEY:
            return checklist_to_store(field.text().strip(), domain_text)
        return field.text().strip()

    def set_value(self, key: str, value: object) -> None:
        field = self._fields[key]
        if isinstance(field, QCheckBox):
            field.setChecked(bool(coerce(key, value)))
        elif isinstance(field, QSpinBox):
            field.setValue(int(value))
        elif isinstance(field, QComboBox) and field.isEditable():
            field.setCurrentText(str(value))
        elif isinstance(field, QComboBox):
            field.setCurrentIndex(max(0, field.findData(value)))
        else:
            field.setText(str(value))

    def _show_problems(self, problems: list[Problem]) -> None:
        wrong = show_problems(self._errors, problems)
        # A problem on another page is not missed: its page is marked in the list, and
        # the first one is turned to.
        marked = {self._section_of[key] for key in wrong if key in self._section_of}
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for row in range(self.section_list.count()):
            self.section_list.item(row).setIcon(warning if row in marked else QIcon())
        if marked and self.section_list.currentRow() not in marked:
            self.section_list.setCurrentRow(min(marked))

    def accept(self) -> None:
        """Store everything, or nothing and show what is wrong."""
        shared = {k: self.value(k) for k in self._fields if SPECS[k].scope is not Scope.PC}
        if self.new_pin_hash:
            shared[PIN_KEY] = self.new_pin_hash
        local = {k: self.value(k) for k, s in SPECS.items() if s.scope is Scope.PC}
        problems = [p for k, v in local.items() if (p := setting_problem(k, v))]
        font = str(local.get("pdf_font_path") or "")
        if font and not Path(font).is_file():
            problems.append(
                Problem(
                    "pdf_font_path",
                    QT_TRANSLATE_NOOP("domain", "There is no font file at this path."),
                )
            )
        if problems:
            self._show_problems(problems)
            return
        # The desk's own settings belong to the desk number being saved.
        desk = str(local["desk_number"]).strip() or self._desk
        try:
            settings_service.save(shared, desk, self._actor)
        except ValidationError as exc:
            self._show_problems(exc.problems)
            return
        self.language_changed = local["language"] != local_settings.get("language")
        self.new_desk = desk
        for key, value in local.items():
            local_settings.put(key, value)
        super().accept()


def _scrolling(page: QWidget) -> QScrollArea:
    """*page* in a frameless area that scrolls down only (a page taller than the dialog)."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(page)
    return area
