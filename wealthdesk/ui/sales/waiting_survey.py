"""The survey a waiting client fills in with the manager (or on the screen), once they
agree: the risk questionnaire, investment preferences, training and personal needs,
family situation; kept with the consent in one go."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.client import (
    TEXT_MAX,
    ClientDraft,
    Horizon,
    IncomeBand,
    Labeled,
    LiquidityNeed,
    MaritalStatus,
    ProductFamily,
)
from ...domain.errors import DomainError
from ...domain.masking import mask_name
from ...i18n import domain_text, translate
from ...services.clients import ClientRecord
from ...services.storage import StorageError
from .. import defs, interaction
from ..clients.client_form import GROUPS, LABELS
from ..desk.context import DeskContext
from ..icons import icon
from ..language import Retranslating
from .questionnaire_dialog import QuestionnaireForm
from .risk_profile import RiskProfile

# The client form's fields this survey records, with the same choices and words.
_CHOICES: dict[str, type[Labeled]] = {
    "marital_status": MaritalStatus,
    "income_band": IncomeBand,
    "horizon": Horizon,
    "liquidity_need": LiquidityNeed,
}


class WaitingSurveyDialog(Retranslating, QDialog):
    """The survey of *client_id* while they wait in *visit_id*.

    Nothing can be filled in until the consent box is ticked; Save keeps the consent
    (purpose "survey", with the visit), the preferences, needs and family information
    (the client's record, refused if someone saved it meanwhile) and, when every
    question was answered, the risk assessment, all or nothing. The questionnaire may
    be left empty, but not half answered. ``saved`` carries the client id; the window's
    :class:`RiskProfile` (if given) also emits ``survey_saved`` and, with a
    questionnaire, ``assessment_recorded``.
    """

    saved = Signal(int)

    def __init__(
        self,
        client_id: int,
        visit_id: int | None,
        desk: DeskContext,
        profile: RiskProfile | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("waitingSurveyDialog")
        self.client_id, self.visit_id, self.desk = client_id, visit_id, desk
        self.profile = profile or RiskProfile(desk.actor, self)
        self.record: ClientRecord | None = None
        self.questionnaire: QuestionnaireForm | None = None
        self._labels: dict[str, QLabel] = {}
        self._loading = False
        self._edited = False

        self.heading = QLabel()
        self.heading.setObjectName("clientTitle")
        self.consent_text = QLabel()
        self.consent_text.setWordWrap(True)
        self.consent = QCheckBox()
        self.consent.toggled.connect(self._refresh)
        self.problem = QLabel()
        self.problem.setObjectName("fieldError")
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)

        self.tabs = QTabWidget()
        risk_page = QWidget()
        risk_layout = QVBoxLayout(risk_page)
        self.risk_note = QLabel()
        self.risk_note.setObjectName("secondaryText")
        self.risk_note.setWordWrap(True)
        risk_layout.addWidget(self.risk_note)
        try:
            form = self.profile.questionnaire()
        except DomainError as exc:  # the bank's file is broken: the rest still works
            note = QLabel(exc.render(QCoreApplication.translate))
            note.setObjectName("fieldError")
            note.setWordWrap(True)
            risk_layout.addWidget(note)
            risk_layout.addStretch(1)
        else:
            self.questionnaire = QuestionnaireForm(form)
            self.questionnaire.changed.connect(self._changed)
            risk_layout.addWidget(self.questionnaire, 1)
            self.clear_answers_button = QPushButton()
            self.clear_answers_button.clicked.connect(self.clear_answers)
            risk_layout.addWidget(self.clear_answers_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.tabs.addTab(risk_page, "")

        self.horizon = self._combo("horizon")
        self.liquidity_need = self._combo("liquidity_need")
        self.interests: dict[ProductFamily, QCheckBox] = {}
        interest_box = QWidget()
        interest_layout = QVBoxLayout(interest_box)
        interest_layout.setContentsMargins(0, 0, 0, 0)
        for family in ProductFamily:
            box = QCheckBox()
            box.toggled.connect(self._changed)
            self.interests[family] = box
            interest_layout.addWidget(box)
        self.training_needs = self._text_box()
        preferences_page, preferences = self._page()
        self._row(preferences, "horizon", self.horizon)
        self._row(preferences, "liquidity_need", self.liquidity_need)
        self._row(preferences, "interests", interest_box)
        self._row(preferences, "training_needs", self.training_needs)
        self.tabs.addTab(preferences_page, "")

        self.marital_status = self._combo("marital_status")
        self.dependants = QSpinBox()
        self.dependants.setRange(-1, 20)
        self.dependants.setSpecialValueText("—")
        self.dependants.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.dependants.valueChanged.connect(self._changed)
        self.occupation = QLineEdit()
        self.occupation.setMaxLength(TEXT_MAX)
        self.occupation.textChanged.connect(self._changed)
        self.income_band = self._combo("income_band")
        self.personal_needs = self._text_box()
        family_page, family = self._page()
        self._row(family, "marital_status", self.marital_status)
        self._row(family, "dependants", self.dependants)
        self._row(family, "occupation", self.occupation)
        self._row(family, "income_band", self.income_band)
        self._row(family, "personal_needs", self.personal_needs)
        self.tabs.addTab(family_page, "")

        self.footer = QLabel()
        self.footer.setObjectName("secondaryText")
        self.save_button = QPushButton(icon("save"), "")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.footer, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(defs.MARGIN, defs.MARGIN, defs.MARGIN, defs.MARGIN)
        layout.setSpacing(defs.SPACING)
        layout.addWidget(self.heading)
        layout.addWidget(self.consent_text)
        layout.addWidget(self.consent)
        layout.addWidget(self.problem)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.resize(820, 700)
        self.retranslate()
        self._load()

    # ------------------------------------------------------------ building
    @staticmethod
    def _page() -> tuple[QWidget, QFormLayout]:
        """A tab of fields, packed at the top."""
        page = QWidget()
        column = QVBoxLayout(page)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        column.addLayout(form)
        column.addStretch(1)
        return page, form

    def _combo(self, key: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem("—", None)
        for member in _CHOICES[key]:
            combo.addItem("", member.value)
        combo.currentIndexChanged.connect(self._changed)
        return combo

    def _text_box(self) -> QPlainTextEdit:
        box = QPlainTextEdit()
        box.setTabChangesFocus(True)
        box.setFixedHeight(72)
        box.textChanged.connect(self._changed)
        return box

    def _row(self, layout: QFormLayout, key: str, field: QWidget) -> None:
        label = QLabel()
        label.setBuddy(field)
        self._labels[key] = label
        layout.addRow(label, field)

    def retranslate(self) -> None:
        self.setWindowTitle(translate("WaitingSurveyDialog", "Survey while waiting"))
        self.consent_text.setText(
            translate(
                "WaitingSurveyDialog",
                "While the client waits, and only with their consent, record their risk "
                "tolerance, investment preferences, training needs and personal and family "
                "information. Ask the client first.",
            )
        )
        self.consent.setText(
            translate(
                "WaitingSurveyDialog",
                "The client agrees that we record this information (the consent is kept "
                "with the date)",
            )
        )
        self.risk_note.setText(
            translate(
                "WaitingSurveyDialog",
                "Answer every question, or leave the questionnaire empty to do it later.",
            )
        )
        self.tabs.setTabText(0, translate("WaitingSurveyDialog", "Risk questionnaire"))
        self.tabs.setTabText(1, translate("ClientForm", GROUPS["preferences"]))
        self.tabs.setTabText(2, translate("WaitingSurveyDialog", "Personal and family"))
        for key, label in self._labels.items():
            label.setText(translate("ClientForm", LABELS[key]))
        for key, kind in _CHOICES.items():
            combo: QComboBox = getattr(self, key)
            for i in range(combo.count()):
                code = combo.itemData(i)
                if code is not None:
                    combo.setItemText(i, domain_text(kind(code).label))
        for family, box in self.interests.items():
            box.setText(domain_text(family.label))
        if self.questionnaire is not None:
            self.clear_answers_button.setText(translate("WaitingSurveyDialog", "Clear the answers"))
        self.save_button.setText(translate("WaitingSurveyDialog", "Save survey"))
        self.cancel_button.setText(translate("WaitingSurveyDialog", "Cancel"))
        if self.record is not None:
            self._show_heading()
        self._refresh()

    # ------------------------------------------------------------ state
    def _load(self) -> None:
        try:
            self.record = self.profile.client(self.client_id)
        except (DomainError, StorageError) as exc:
            self.problem.setText(exc.render(QCoreApplication.translate))
            self.problem.setVisible(True)
            self.consent.setEnabled(False)
            self._refresh()
            return
        self._show_record(self.record.draft)
        self._show_heading()
        self._refresh()

    def _show_heading(self) -> None:
        # The client may be looking at the screen in the waiting area: the name masked.
        self.heading.setText(
            translate("WaitingSurveyDialog", "Survey of {name}").format(
                name=mask_name(self.record.draft.name)
            )
        )

    def _show_record(self, d: ClientDraft) -> None:
        self._loading = True
        for key in _CHOICES:
            combo: QComboBox = getattr(self, key)
            value = getattr(d, key)
            combo.setCurrentIndex(max(combo.findData(value.value if value else None), 0))
        self.dependants.setValue(-1 if d.dependants is None else d.dependants)
        self.occupation.setText(d.occupation)
        self.training_needs.setPlainText(d.training_needs)
        self.personal_needs.setPlainText(d.personal_needs)
        for family, box in self.interests.items():
            box.setChecked(family in d.interests)
        self._loading = False
        self._edited = False

    def current_draft(self) -> ClientDraft:
        """The client's record with this survey's fields as filled in."""
        assert self.record is not None

        def choice(key: str):
            code = getattr(self, key).currentData()
            return _CHOICES[key](code) if code else None

        return replace(
            self.record.draft,
            marital_status=choice("marital_status"),
            dependants=None if self.dependants.value() < 0 else self.dependants.value(),
            occupation=self.occupation.text(),
            income_band=choice("income_band"),
            horizon=choice("horizon"),
            liquidity_need=choice("liquidity_need"),
            interests=tuple(f for f, box in self.interests.items() if box.isChecked()),
            training_needs=self.training_needs.toPlainText(),
            personal_needs=self.personal_needs.toPlainText(),
        )

    def _changed(self, *_args) -> None:
        if not self._loading:
            self._edited = True
            self._refresh()

    def _questionnaire_state(self) -> tuple[bool, int]:
        """(may be saved, questions still to answer) of the questionnaire."""
        if self.questionnaire is None or self.questionnaire.is_empty():
            return True, 0
        left = len(self.questionnaire.unanswered())
        return left == 0, left

    def _refresh(self, *_args) -> None:
        agreed = self.consent.isChecked() and self.record is not None
        self.tabs.setEnabled(agreed)
        complete, left = self._questionnaire_state()
        if not agreed:
            text = translate("WaitingSurveyDialog", "Tick the client's consent to begin.")
        elif not complete:
            text = translate(
                "WaitingSurveyDialog",
                "Questions still to answer: {count} (or clear the questionnaire)",
            ).format(count=left)
        else:
            text = ""
        self.footer.setText(text)
        self.save_button.setEnabled(agreed and complete)

    # ------------------------------------------------------------ actions
    def save(self) -> bool:
        """Keep the consent with the survey; True when kept."""
        complete, _left = self._questionnaire_state()
        if not (self.consent.isChecked() and self.record is not None and complete):
            return False
        answers = (
            self.questionnaire.answers()
            if self.questionnaire is not None and not self.questionnaire.is_empty()
            else None
        )
        try:
            self.profile.save_survey(
                self.client_id,
                self.current_draft(),
                self.record.row_version,
                self.visit_id,
                answers,
            )
        except (DomainError, StorageError) as exc:
            interaction.explain(
                self, translate("WaitingSurveyDialog", "The survey was not saved"), exc
            )
            return False
        self.saved.emit(self.client_id)
        self._edited = False
        self.accept()
        return True

    def clear_answers(self) -> None:
        """Leave the questionnaire for later: every answer taken back."""
        if self.questionnaire is not None:
            self.questionnaire.clear()
        self._refresh()

    def has_edits(self) -> bool:
        return self._edited or (
            self.questionnaire is not None and not self.questionnaire.is_empty()
        )

    def reject(self) -> None:
        if self.has_edits() and not interaction.confirm(
            self,
            translate("WaitingSurveyDialog", "Discard the survey?"),
            translate("WaitingSurveyDialog", "What was filled in is not saved. Close anyway?"),
            translate("WaitingSurveyDialog", "Discard"),
        ):
            return
        super().reject()


__all__ = ["WaitingSurveyDialog"]
