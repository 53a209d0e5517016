"""The client detail form: grouped sections, inline validation, no silent loss of edits."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from dataclasses import fields as dataclass_fields

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.client import (
    ClientDraft,
    GenderCode,
    Horizon,
    IncomeBand,
    Labeled,
    LiquidityNeed,
    MaritalStatus,
    ProductFamily,
    Tier,
    client_problems,
    normalize_draft,
)
from ...domain.client_csv import parse_date, read_date
from ...domain.errors import ConflictError, DomainError, NotFound, Problem
from ...i18n import domain_text, translate
from ...services import clock
from ...services.clients import ClientRecord
from ...services.storage import StorageError
from .. import defs, interaction
from ..forms import ElidedCheckBox, ElidedLabel, show_problems, validated_row
from ..icons import icon
from ..language import Retranslating
from .client_book import ClientBook

LABELS = {
    "name": QT_TRANSLATE_NOOP("ClientForm", "Name"),
    "id_number": QT_TRANSLATE_NOOP("ClientForm", "ID number"),
    "gender": QT_TRANSLATE_NOOP("ClientForm", "Gender"),
    "birth_date": QT_TRANSLATE_NOOP("ClientForm", "Birth date"),
    "mobile": QT_TRANSLATE_NOOP("ClientForm", "Mobile"),
    "tier": QT_TRANSLATE_NOOP("ClientForm", "Tier"),
    "occupation": QT_TRANSLATE_NOOP("ClientForm", "Occupation"),
    "manager": QT_TRANSLATE_NOOP("ClientForm", "Manager"),
    "marital_status": QT_TRANSLATE_NOOP("ClientForm", "Marital status"),
    "dependants": QT_TRANSLATE_NOOP("ClientForm", "Dependants"),
    "income_band": QT_TRANSLATE_NOOP("ClientForm", "Household income"),
    "horizon": QT_TRANSLATE_NOOP("ClientForm", "Investment horizon"),
    "liquidity_need": QT_TRANSLATE_NOOP("ClientForm", "Liquidity needs"),
    "interests": QT_TRANSLATE_NOOP("ClientForm", "Products of interest"),
    "training_needs": QT_TRANSLATE_NOOP("ClientForm", "Training needs"),
    "personal_needs": QT_TRANSLATE_NOOP("ClientForm", "Personal needs"),
    "consent_data": QT_TRANSLATE_NOOP("ClientForm", "Data collection"),
    "consent_marketing": QT_TRANSLATE_NOOP("ClientForm", "Marketing"),
}
GROUPS = {
    "identity": QT_TRANSLATE_NOOP("ClientForm", "Identity and contact"),
    "family": QT_TRANSLATE_NOOP("ClientForm", "Family situation"),
    "preferences": QT_TRANSLATE_NOOP("ClientForm", "Investment preferences"),
    "needs": QT_TRANSLATE_NOOP("ClientForm", "Needs"),
    "consents": QT_TRANSLATE_NOOP("ClientForm", "Consents"),
}
_CHOICE_FIELDS: dict[str, type[Labeled]] = {
    "gender": GenderCode,
    "tier": Tier,
    "marital_status": MaritalStatus,
    "income_band": IncomeBand,
    "horizon": Horizon,
    "liquidity_need": LiquidityNeed,
}


@dataclass(frozen=True)
class HeldEdits:
    """A form's unsaved edits kept in memory while the screen is locked (never written
    without the manager's Save): the client's number (None for a new client) and what
    the form held."""

    client_id: int | None
    draft: ClientDraft


class ClientForm(Retranslating, QWidget):
    """Shows one client (or a new one) for editing; empty and disabled when cleared."""

    saved = Signal(int)
    dirty_changed = Signal(bool)
    active_changed = Signal(bool)  # a client (or a new one) is shown / the form is empty
    status_message = Signal(str)

    def __init__(self, book: ClientBook, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("clientForm")
        self._book = book
        # Who a new client belongs to unless the manager types another name.
        self.default_manager: Callable[[], str] = lambda: ""
        self._record: ClientRecord | None = None
        self._baseline: ClientDraft | None = None
        self._revealed: dict[str, bool] = {"id_number": False, "mobile": False}
        self._shown_numbers: set[str] = set()
        self._loading = False
        self._dirty = False
        self._problems: list[Problem] = []
        self._labels: dict[str, QLabel] = {}
        self._errors: dict[str, QLabel] = {}
        self._groups: dict[str, QGroupBox] = {}
        self._build()
        self.clear()

    # ------------------------------------------------------------ building
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)

        header = QHBoxLayout()
        header.setContentsMargins(defs.MARGIN, defs.MARGIN, defs.MARGIN, 0)
        self.title = ElidedLabel()
        self.title.setObjectName("clientTitle")
        self.tier_badge = QLabel()
        self.tier_badge.setObjectName("tierBadge")
        header.addWidget(self.title)
        header.addWidget(self.tier_badge)
        # The dates give way to the name in a narrow pane: cut short first, whole in a
        # tooltip.
        self.times = ElidedLabel()
        self.times.setObjectName("secondaryText")
        self.times.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.times.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        header.addWidget(self.times, 1)
        outer.addLayout(header)

        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(defs.MARGIN, defs.SPACING, defs.MARGIN, defs.MARGIN)
        column.setSpacing(defs.SPACING)

        self.name = QLineEdit()
        self.name.setMaxLength(40)
        self.id_number = QLineEdit()
        self.id_number.setMaxLength(22)
        self.reveal_id = self._reveal_button("id_number")
        self.gender = self._combo("gender", blank=True)
        self.birth_date = QLineEdit()
        self.birth_date.setPlaceholderText("YYYY-MM-DD")
        self.mobile = QLineEdit()
        self.mobile.setMaxLength(20)
        self.reveal_mobile = self._reveal_button("mobile")
        self.tier = self._combo("tier", blank=False)
        self.occupation = QLineEdit()
        self.manager = QLineEdit()
        identity = self._group("identity", column)
        self._row(identity, "name", self.name)
        self._row(identity, "id_number", self._with_button(self.id_number, self.reveal_id))
        self._row(identity, "gender", self.gender)
        self._row(identity, "birth_date", self.birth_date)
        self._row(identity, "mobile", self._with_button(self.mobile, self.reveal_mobile))
        self._row(identity, "tier", self.tier)
        self._row(identity, "occupation", self.occupation)
        self._row(identity, "manager", self.manager)

        self.marital_status = self._combo("marital_status", blank=True)
        self.dependants = QSpinBox()
        self.dependants.setRange(-1, 20)
        self.dependants.setSpecialValueText("—")
        self.dependants.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.income_band = self._combo("income_band", blank=True)
        family = self._group("family", column)
        self._row(family, "marital_status", self.marital_status)
        self._row(family, "dependants", self.dependants)
        self._row(family, "income_band", self.income_band)

        self.horizon = self._combo("horizon", blank=True)
        self.liquidity_need = self._combo("liquidity_need", blank=True)
        self.interests: dict[ProductFamily, QCheckBox] = {}
        interest_box = QWidget()
        interest_layout = QVBoxLayout(interest_box)
        interest_layout.setContentsMargins(0, 0, 0, 0)
        for family_code in ProductFamily:
            box = QCheckBox()
            box.toggled.connect(self._edited)
            self.interests[family_code] = box
            interest_layout.addWidget(box)
        preferences = self._group("preferences", column)
        self._row(preferences, "horizon", self.horizon)
        self._row(preferences, "liquidity_need", self.liquidity_need)
        self._row(preferences, "interests", interest_box)

        self.training_needs = self._text_box()
        self.personal_needs = self._text_box()
        needs = self._group("needs", column)
        self._row(needs, "training_needs", self.training_needs)
        self._row(needs, "personal_needs", self.personal_needs)

        # Long sentences beside their row's own label: cut short in a narrow pane (the
        # whole sentence in the tooltip) rather than pushing the form sideways.
        self.consent_data = ElidedCheckBox()
        self.consent_data_on = QLabel()
        self.consent_marketing = ElidedCheckBox()
        self.consent_marketing_on = QLabel()
        consents = self._group("consents", column)
        self._row(
            consents, "consent_data", self._with_button(self.consent_data, self.consent_data_on)
        )
        self._row(
            consents,
            "consent_marketing",
            self._with_button(self.consent_marketing, self.consent_marketing_on),
        )
        column.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        footer = QHBoxLayout()
        footer.setContentsMargins(defs.MARGIN, 0, defs.MARGIN, defs.MARGIN)
        # Apart from Save, on the other side: erasing cannot be undone.
        self.erase_button = QPushButton(icon("erase"), "")
        self.erase_button.setObjectName("eraseClientButton")
        self.erase_button.clicked.connect(self.erase)
        footer.addWidget(self.erase_button)
        self.unsaved_label = QLabel()
        self.unsaved_label.setObjectName("unsavedText")
        footer.addWidget(self.unsaved_label, 1)
        self.revert_button = QPushButton(icon("revert"), "")
        self.revert_button.clicked.connect(self.revert)
        self.save_button = QPushButton(icon("save"), "")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        footer.addWidget(self.revert_button)
        footer.addWidget(self.save_button)
        outer.addLayout(footer)

        self._line_edits = (
            self.name,
            self.id_number,
            self.birth_date,
            self.mobile,
            self.occupation,
            self.manager,
        )
        for edit in self._line_edits:
            edit.textChanged.connect(self._edited)
        for edit in (self.training_needs, self.personal_needs):
            edit.textChanged.connect(self._edited)
        for combo in (
            self.gender,
            self.tier,
            self.marital_status,
            self.income_band,
            self.horizon,
            self.liquidity_need,
        ):
            combo.currentIndexChanged.connect(self._edited)
        self.dependants.valueChanged.connect(self._edited)
        self.consent_data.toggled.connect(self._edited)
        self.consent_marketing.toggled.connect(self._edited)
        self.retranslate()

    def _group(self, key: str, column: QVBoxLayout) -> QFormLayout:
        box = QGroupBox()
        self._groups[key] = box
        layout = QFormLayout(box)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        column.addWidget(box)
        return layout

    def _row(self, layout: QFormLayout, key: str, field: QWidget) -> None:
        label = QLabel()
        self._labels[key] = label
        self._errors[key] = validated_row(layout, label, field)

    @staticmethod
    def _with_button(field: QWidget, extra: QWidget) -> QWidget:
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(field, 1)
        row.addWidget(extra)
        return holder

    def _reveal_button(self, field: str) -> QToolButton:
        button = QToolButton()
        button.setIcon(icon("reveal"))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.clicked.connect(lambda: self.reveal(field))
        return button

    def _combo(self, key: str, blank: bool) -> QComboBox:
        combo = QComboBox()
        if blank:
            combo.addItem("—", None)
        for member in _CHOICE_FIELDS[key]:
            combo.addItem("", member.value)
        return combo

    @staticmethod
    def _text_box() -> QPlainTextEdit:
        box = QPlainTextEdit()
        box.setTabChangesFocus(True)
        box.setFixedHeight(64)
        box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        return box

    def retranslate(self) -> None:
        for key, label in self._labels.items():
            label.setText(translate("ClientForm", LABELS[key]))
        for key, box in self._groups.items():
            box.setTitle(translate("ClientForm", GROUPS[key]))
        for key, kind in _CHOICE_FIELDS.items():
            combo: QComboBox = getattr(self, key)
            for i in range(combo.count()):
                code = combo.itemData(i)
                if code is not None:
                    combo.setItemText(i, domain_text(kind(code).label))
        for family_code, box in self.interests.items():
            box.setText(domain_text(family_code.label))
        self.consent_data.setText(
            translate("ClientForm", "The client agrees that we collect their data")
        )
        self.consent_marketing.setText(
            translate("ClientForm", "The client agrees to marketing contact")
        )
        self.reveal_id.setText(translate("ClientForm", "Show"))
        self.reveal_id.setToolTip(
            translate("ClientForm", "Show the full ID number (written to the audit log)")
        )
        self.reveal_mobile.setText(translate("ClientForm", "Show"))
        self.reveal_mobile.setToolTip(
            translate("ClientForm", "Show the full mobile number (written to the audit log)")
        )
        self.save_button.setText(translate("ClientForm", "Save"))
        self.save_button.setToolTip(
            translate("ClientForm", "Save the client ({key})").format(key=defs.key_text(defs.SAVE))
        )
        self.revert_button.setText(translate("ClientForm", "Undo changes"))
        self.erase_button.setText(translate("ClientForm", "Erase personal data…"))
        self.erase_button.setToolTip(
            translate(
                "ClientForm",
                "At the client's request: remove their personal data; the sales and visits "
                "the bank must keep stay, anonymised",
            )
        )
        self._refresh_header()
        self._refresh_consent_dates()
        self._show_problems()
        self._refresh_footer()

    # ------------------------------------------------------------ state
    def clear(self) -> None:
        """Forget the client completely: no value stays in any field."""
        self._loading = True
        self._record = None
        self._baseline = None
        self._revealed = {"id_number": False, "mobile": False}
        self._shown_numbers: set[str] = set()
        for edit in self._line_edits:
            edit.setText("")  # unlike clear(), setText also empties the undo history
            edit.setReadOnly(False)
        for edit in (self.training_needs, self.personal_needs):
            edit.clear()
            edit.document().clearUndoRedoStacks()
        for combo in (
            self.gender,
            self.marital_status,
            self.income_band,
            self.horizon,
            self.liquidity_need,
            self.tier,
        ):
            combo.setCurrentIndex(0)
        self.dependants.setValue(-1)
        for box in self.interests.values():
            box.setChecked(False)
        self.consent_data.setChecked(False)
        self.consent_marketing.setChecked(False)
        self._loading = False
        self._problems = []
        self._set_dirty(False)
        self.setEnabled(False)
        self.active_changed.emit(False)
        self._refresh_header()
        self._refresh_consent_dates()
        self._show_problems()
        self._update_identity_fields()

    def new_client(self) -> None:
        self.clear()
        self.setEnabled(True)
        self._loading = True
        self.manager.setText(self.default_manager())
        self._loading = False
        self._baseline = self.current_draft()
        self._refresh_header()
        self.active_changed.emit(True)
        self.name.setFocus()

    def show_client(self, record: ClientRecord, keep: ClientDraft | None = None) -> None:
        """Show *record*; with *keep*, put those (the manager's unsaved) values on top."""
        self.clear()
        self._loading = True
        self._record = record
        self.id_number.setText(record.masked_id)
        self.mobile.setText(record.masked_mobile)
        self._fill(record.draft)
        self.training_needs.document().clearUndoRedoStacks()
        self.personal_needs.document().clearUndoRedoStacks()
        self._loading = False
        self.setEnabled(True)
        self._update_identity_fields()
        self._baseline = self.current_draft()
        if keep is not None:
            self._loading = True
            for field in ("id_number", "mobile"):
                value = getattr(keep, field)
                if value is not None:  # the manager had shown and edited the number
                    self._revealed[field] = True
                    self._shown_numbers.add(value)
                    getattr(self, field).setText(value)
            self._fill(keep)
            self._loading = False
            self._update_identity_fields()
        self._set_dirty(self.current_draft() != self._baseline)
        self._validate()
        self._refresh_header()
        self._refresh_consent_dates()
        self.active_changed.emit(True)

    def _fill(self, d: ClientDraft) -> None:
        """Write a draft's values into the widgets (not the masked numbers)."""
        self.name.setText(d.name)
        self._select(self.gender, d.gender)
        self.birth_date.setText(d.birth_date.isoformat() if d.birth_date else "")
        self._select(self.tier, d.tier)
        self.occupation.setText(d.occupation)
        self.manager.setText(d.manager)
        self._select(self.marital_status, d.marital_status)
        self.dependants.setValue(-1 if d.dependants is None else d.dependants)
        self._select(self.income_band, d.income_band)
        self._select(self.horizon, d.horizon)
        self._select(self.liquidity_need, d.liquidity_need)
        for family_code, box in self.interests.items():
            box.setChecked(family_code in d.interests)
        self.training_needs.setPlainText(d.training_needs)
        self.personal_needs.setPlainText(d.personal_needs)
        self.consent_data.setChecked(d.consent_data)
        self.consent_marketing.setChecked(d.consent_marketing)

    @property
    def client_id(self) -> int | None:
        return self._record.id if self._record else None

    def is_active(self) -> bool:
        return self._baseline is not None

    def is_dirty(self) -> bool:
        return self._dirty

    def has_problems(self) -> bool:
        return bool(self._problems)

    def client_values(self) -> set[str]:
        """Every value of the client this form shows or has shown since it was last
        cleared (a revealed number stays here after a save masks it again), to find
        them wherever else they went: the clipboard, a test's scan."""
        if not self.is_active():
            return set()
        draft = self.current_draft()
        return {
            draft.name,
            draft.id_number or "",
            draft.mobile or "",
            draft.occupation,
            draft.training_needs,
            draft.personal_needs,
            self.id_number.text(),
            self.mobile.text(),
            *self._shown_numbers,
        }

    def held_edits(self) -> HeldEdits | None:
        """The unsaved, valid edits, to keep off the screen while it is locked; None
        when there are none (or they do not pass the checks: those are dropped)."""
        if not self.is_active() or not self._dirty or self._problems:
            return None
        return HeldEdits(self.client_id, self.current_draft())

    @staticmethod
    def _select(combo: QComboBox, member) -> None:
        index = combo.findData(member.value if member is not None else None)
        combo.setCurrentIndex(max(index, 0))

    # ------------------------------------------------------------ reading the form
    def current_draft(self) -> ClientDraft:
        def choice(combo: QComboBox, kind):
            code = combo.currentData()
            return kind(code) if code else None

        birth_text = self.birth_date.text().strip()
        return ClientDraft(
            name=self.name.text(),
            id_number=self._identifier("id_number", self.id_number),
            mobile=self._identifier("mobile", self.mobile),
            gender=choice(self.gender, GenderCode),
            birth_date=parse_date(birth_text) if birth_text else None,
            tier=choice(self.tier, Tier) or Tier.NORMAL,
            occupation=self.occupation.text(),
            marital_status=choice(self.marital_status, MaritalStatus),
            dependants=None if self.dependants.value() < 0 else self.dependants.value(),
            income_band=choice(self.income_band, IncomeBand),
            horizon=choice(self.horizon, Horizon),
            liquidity_need=choice(self.liquidity_need, LiquidityNeed),
            interests=tuple(f for f, box in self.interests.items() if box.isChecked()),
            training_needs=self.training_needs.toPlainText(),
            personal_needs=self.personal_needs.toPlainText(),
            consent_data=self.consent_data.isChecked(),
            consent_data_on=self._consent_date("consent_data"),
            consent_marketing=self.consent_marketing.isChecked(),
            consent_marketing_on=self._consent_date("consent_marketing"),
            manager=self.manager.text(),
        )

    def _identifier(self, field: str, edit: QLineEdit) -> str | None:
        """None keeps the stored number: it was never revealed, so the form doesn't hold it."""
        stored = self._record is not None and (
            self._record.has_id_number if field == "id_number" else self._record.has_mobile
        )
        if stored and not self._revealed[field]:
            return None
        return edit.text()

    def _consent_date(self, field: str) -> dt.date | None:
        if self._record is None or not getattr(self, field).isChecked():
            return None
        return getattr(self._record.draft, f"{field}_on")

    # ------------------------------------------------------------ editing
    def _edited(self, *_args) -> None:
        if self._loading:
            return
        self._update_identity_fields()
        self._validate()
        self._refresh_consent_dates()
        if self._baseline is not None:
            self._set_dirty(self.current_draft() != self._baseline)

    def _set_dirty(self, dirty: bool) -> None:
        changed = dirty != self._dirty
        self._dirty = dirty
        self._refresh_footer()
        if changed:
            self.dirty_changed.emit(dirty)

    def _refresh_footer(self) -> None:
        """Say why Save is off: nothing changed, or how many fields need attention."""
        fields = {p.field for p in self._problems}
        if self._dirty and fields:
            text = translate("ClientForm", "Fields to correct before saving: {count}").format(
                count=len(fields)
            )
        elif self._dirty:
            text = translate("ClientForm", "Unsaved changes")
        else:
            text = ""
        self.unsaved_label.setText(text)
        self.save_button.setEnabled(self.is_active() and self._dirty and not self._problems)
        self.revert_button.setEnabled(self._dirty)
        self.erase_button.setVisible(self._record is not None)

    def _update_identity_fields(self) -> None:
        """Gender and birth date come from a valid ID number; masked numbers are read-only."""
        for field, edit in (("id_number", self.id_number), ("mobile", self.mobile)):
            stored = self._record is not None and (
                self._record.has_id_number if field == "id_number" else self._record.has_mobile
            )
            edit.setReadOnly(stored and not self._revealed[field])
            button = self.reveal_id if field == "id_number" else self.reveal_mobile
            button.setVisible(stored and not self._revealed[field])
        derived = self._derived_from_id()
        self.gender.setEnabled(derived is None)
        self.birth_date.setEnabled(derived is None)
        if derived is not None and not self._loading:
            gender, birth = derived
            self._loading = True
            self._select(self.gender, gender)
            self.birth_date.setText(birth.isoformat() if birth else "")
            self._loading = False

    def _derived_from_id(self):
        draft_id = self._identifier("id_number", self.id_number)
        if draft_id is None:
            # The stored ID was valid when saved; gender and birth date came from it.
            d = self._record.draft if self._record else None
            return (d.gender, d.birth_date) if d and d.birth_date else None
        today = clock.today()
        clean = normalize_draft(ClientDraft(name="x", id_number=draft_id), today)
        if clean.id_number and clean.birth_date and not client_problems(clean, today):
            return clean.gender, clean.birth_date
        return None

    def _validate(self) -> None:
        today = clock.today()
        draft = self.current_draft()
        problems = client_problems(normalize_draft(draft, today), today)
        birth_text = self.birth_date.text().strip()
        if birth_text and draft.birth_date is None:
            # Not a date at all, or one the calendar does not have (1980-02-30).
            _day, problem = read_date(birth_text)
            if problem is not None:
                problems.append(problem)
        self._problems = problems
        self._show_problems()
        self._refresh_footer()

    def _show_problems(self, extra: list[Problem] | None = None) -> None:
        invalid = show_problems(self._errors, [*self._problems, *(extra or [])])
        for field in self._errors:
            widget = getattr(self, field, None)
            if isinstance(widget, QWidget):
                widget.setProperty("invalid", field in invalid)
                widget.style().unpolish(widget)
                widget.style().polish(widget)

    def _refresh_header(self) -> None:
        self.name.setPlaceholderText(
            translate("ClientForm", "Required") if self.is_active() else ""
        )
        if not self.is_active():
            self.title.setText(translate("ClientForm", "No client open"))
            self.tier_badge.setText("")
            self.tier_badge.setVisible(False)
            self.times.setText("")
            return
        if self._record is None:
            self.title.setText(translate("ClientForm", "New client"))
            self.tier_badge.setVisible(False)
            self.times.setText("")
            return
        self.title.setText(self.name.text() or self._record.draft.name)
        self.tier_badge.setText(domain_text(self._record.draft.tier.label))
        self.tier_badge.setProperty("tier", self._record.draft.tier.value)
        self.tier_badge.style().unpolish(self.tier_badge)
        self.tier_badge.style().polish(self.tier_badge)
        self.tier_badge.setVisible(True)
        self.times.setText(
            translate("ClientForm", "Created {created} · updated {updated}").format(
                created=self._record.created_at.strftime("%Y-%m-%d"),
                updated=self._record.updated_at.strftime("%Y-%m-%d %H:%M"),
            )
        )

    def _refresh_consent_dates(self) -> None:
        for field, label in (
            ("consent_data", self.consent_data_on),
            ("consent_marketing", self.consent_marketing_on),
        ):
            on = self._consent_date(field)
            if getattr(self, field).isChecked():
                label.setText(
                    translate("ClientForm", "since {date}").format(
                        date=(on or clock.today()).isoformat()
                    )
                )
            else:
                label.setText("")

    # ------------------------------------------------------------ actions
    def reveal(self, field: str) -> None:
        """Show the full number; the service writes the audit entry first."""
        if self._record is None or self._revealed[field]:
            return
        try:
            value = self._book.reveal(self._record.id, field)
        except (DomainError, StorageError) as exc:
            interaction.explain(self, translate("ClientForm", "Cannot show the number"), exc)
            return
        edit = self.id_number if field == "id_number" else self.mobile
        self._loading = True
        self._revealed[field] = True
        self._shown_numbers.add(value)
        edit.setText(value)
        self._loading = False
        if self._baseline is not None:
            self._baseline = replace(self._baseline, **{field: value})
        self._update_identity_fields()
        self._edited()

    def put_back(self, held: HeldEdits) -> bool:
        """Show *held* edits again (after the lock), on the client as stored now, unsaved
        for the manager to check and save. False when the client cannot be read."""
        if held.client_id is None:
            self.new_client()
            self._loading = True
            self.id_number.setText(held.draft.id_number or "")
            self.mobile.setText(held.draft.mobile or "")
            self._fill(held.draft)
            self._loading = False
            self._edited()
            return True
        try:
            record = self._book.get(held.client_id)
        except (NotFound, StorageError) as exc:
            interaction.explain(self, translate("ClientForm", "Cannot reload the client"), exc)
            return False
        self.show_client(record, keep=held.draft)
        return True

    def revert(self) -> None:
        if self._dirty and not interaction.confirm(
            self,
            translate("ClientForm", "Undo changes"),
            translate(
                "ClientForm", "Throw away the changes made to this client since it was saved?"
            ),
            translate("ClientForm", "Undo changes"),
        ):
            return
        if self._record is not None:
            try:
                self.show_client(self._book.get(self._record.id))
            except NotFound as exc:
                interaction.explain(self, translate("ClientForm", "Client not found"), exc)
                self.clear()
            except StorageError as exc:  # the edits stay; try again later
                interaction.explain(self, translate("ClientForm", "Cannot reload the client"), exc)
        elif self.is_active():
            self.new_client()

    def erase(self) -> bool:
        """Erase the shown client's personal data at their request, once confirmed; the
        form is cleared. True when erased."""
        if self._record is None:
            return False
        title = translate("ClientForm", "Erase personal data")
        if not interaction.confirm(
            self,
            title,
            translate(
                "ClientForm",
                "Erase this client's personal data at their request?\n\n"
                "Their name, ID number, mobile, profile, needs and family situation, holdings, "
                "open care tasks and future appointments are removed, and they leave the "
                "client book. The sales, visits and risk levels the bank must keep stay, "
                "under client number {id} without a name.\n\nThis cannot be undone.",
            ).format(id=self._record.id),
            translate("ClientForm", "Erase personal data"),
        ):
            return False
        try:
            erasure = self._book.erase(self._record.id)
        except (DomainError, StorageError) as exc:
            interaction.explain(self, translate("ClientForm", "Not erased"), exc)
            return False
        self.clear()
        self.status_message.emit(
            translate(
                "ClientForm",
                "Personal data erased; {sales} sales and {visits} visits kept anonymised.",
            ).format(sales=erasure.sales_kept, visits=erasure.visits_kept)
        )
        return True

    def save(self) -> bool:
        """Save the form; True when saved (or nothing to save)."""
        if not self.is_active():
            return True
        self._validate()
        if self._problems:
            first = self._problems[0].field
            widget = getattr(self, first, None)
            if isinstance(widget, QWidget):
                widget.setFocus()
            return False
        if not self._dirty:
            return True
        draft = self.current_draft()
        if self._record is None and not self._confirm_not_a_duplicate(draft):
            return False
        try:
            if self._record is None:
                record = self._book.create(draft)
            else:
                record = self._book.update(self._record.id, draft, self._record.row_version)
        except ConflictError as exc:
            field_problems = [p for p in exc.problems if p.field in self._errors]
            if field_problems:
                self._show_problems(field_problems)
            else:
                self._merge_with_theirs(draft)
            return False
        except DomainError as exc:
            self._show_problems(exc.problems)
            return False
        except StorageError as exc:
            # The edits stay in the form, so trying again later loses nothing.
            interaction.explain(self, translate("ClientForm", "Not saved"), exc)
            return False
        self.show_client(record)
        self.status_message.emit(translate("ClientForm", "Client saved."))
        self.saved.emit(record.id)
        return True

    def _confirm_not_a_duplicate(self, draft: ClientDraft) -> bool:
        """A new client whose name and mobile (or mobile) are already in the book is
        most likely someone already there: say who, and save only when asked to."""
        if not draft.mobile:
            return True
        try:
            same = self._book.possible_duplicates(draft.name, draft.mobile)
        except StorageError:
            return True  # the save itself will report the database problem
        if not same:
            return True
        lines = "\n".join(f"{c.name}  {c.masked_mobile}  {c.masked_id}".rstrip() for c in same[:5])
        return interaction.confirm(
            self,
            translate("ClientForm", "Already in the book?"),
            translate(
                "ClientForm",
                "These clients have the same mobile number:\n{clients}\n\nSave a new client "
                "anyway?",
            ).format(clients=lines),
            translate("ClientForm", "Save as a new client"),
        )

    def _merge_with_theirs(self, mine: ClientDraft) -> None:
        """Another desk saved this client first: show their version with the fields this
        manager changed put back on top, so no typing is lost; they check and save again."""
        assert self._record is not None and self._baseline is not None
        changed = {
            f.name: getattr(mine, f.name)
            for f in dataclass_fields(ClientDraft)
            if getattr(mine, f.name) != getattr(self._baseline, f.name)
        }
        try:
            theirs = self._book.get(self._record.id)
        except (NotFound, StorageError) as exc:
            interaction.explain(self, translate("ClientForm", "Not saved"), exc)
            return
        keep = replace(theirs.draft, **changed)
        if "id_number" not in changed:
            keep = replace(keep, id_number=None)
        if "mobile" not in changed:
            keep = replace(keep, mobile=None)
        self.show_client(theirs, keep=keep)
        interaction.warn(
            self,
            translate("ClientForm", "Saved elsewhere meanwhile"),
            translate(
                "ClientForm",
                "Someone else saved this client while you were editing. Their version is "
                "now shown with your changes on top; check it and save again.",
            ),
        )

    def maybe_leave(self) -> bool:
        """Ask about unsaved changes; True when the form may be left (saved or discarded)."""
        if not self._dirty:
            return True
        choice = interaction.ask_unsaved(self)
        if choice is interaction.UnsavedChoice.SAVE:
            return self.save()
        return choice is interaction.UnsavedChoice.DISCARD
