"""The risk questionnaire on screen: the questions by module, answered with radio
buttons, the score and level as they are answered, the unanswered ones marked."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError
from ...domain.risk import Question, Questionnaire, assess, points_so_far
from ...i18n import domain_text, translate
from ...services.risk import AssessmentInfo
from ...services.storage import StorageError
from .. import defs, interaction
from ..desk.context import DeskContext
from ..icons import icon
from ..language import Retranslating
from .risk_profile import RiskProfile, preview_questionnaire, ui_language


class QuestionnaireForm(Retranslating, QWidget):
    """The questions of *form*, each a group of radio buttons; empty until answered.

    ``changed`` follows every answer given. :meth:`answers` is question id → option id
    of the questions answered so far.
    """

    changed = Signal()

    def __init__(self, form: Questionnaire, parent: QWidget | None = None):
        super().__init__(parent)
        self.form = form
        self.groups: dict[str, QButtonGroup] = {}
        self.buttons: dict[str, dict[str, QRadioButton]] = {}
        self.question_labels: dict[str, QLabel] = {}
        self.missing_labels: dict[str, QLabel] = {}
        self.module_boxes: list[QGroupBox] = []

        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, defs.SPACING, 0)
        column.setSpacing(defs.SPACING)
        for module in form.modules:
            box = QGroupBox()
            self.module_boxes.append(box)
            rows = QVBoxLayout(box)
            for question in module.questions:
                self._add_question(rows, question)
            column.addWidget(box)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)

        self.summary = QLabel()
        self.summary.setObjectName("questionnaireSummary")
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.summary.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.summary)
        self.retranslate()

    def _add_question(self, rows: QVBoxLayout, question: Question) -> None:
        header = QHBoxLayout()
        label = QLabel()
        label.setWordWrap(True)
        missing = QLabel()
        missing.setObjectName("fieldError")  # the form's warning style, and words too
        header.addWidget(label, 1)
        header.addWidget(missing, 0, Qt.AlignmentFlag.AlignTop)
        rows.addLayout(header)
        group = QButtonGroup(self)
        self.groups[question.id] = group
        self.buttons[question.id] = {}
        for option in question.options:
            button = QRadioButton()
            button.setProperty("option_id", option.id)
            group.addButton(button)
            self.buttons[question.id][option.id] = button
            rows.addWidget(button)
        group.buttonToggled.connect(self._toggled)
        rows.addSpacing(defs.SPACING // 2)
        self.question_labels[question.id] = label
        self.missing_labels[question.id] = missing

    def retranslate(self) -> None:
        language = ui_language()
        for box, module in zip(self.module_boxes, self.form.modules, strict=True):
            box.setTitle(module.title.pick(language))
        for question in self.form.questions:
            self.question_labels[question.id].setText(
                f"{question.number}. {question.text.pick(language)}"
            )
            for option in question.options:
                self.buttons[question.id][option.id].setText(option.text.pick(language))
        self._refresh()

    # ------------------------------------------------------------ state
    def answers(self) -> dict[str, str]:
        found = {}
        for question_id, group in self.groups.items():
            checked = group.checkedButton()
            if checked is not None:
                found[question_id] = checked.property("option_id")
        return found

    def unanswered(self) -> list[Question]:
        answered = self.answers()
        return [q for q in self.form.questions if q.id not in answered]

    def is_complete(self) -> bool:
        return not self.unanswered()

    def is_empty(self) -> bool:
        return not self.answers()

    def set_answers(self, answers: dict[str, str]) -> None:
        self.clear()
        for question_id, option_id in answers.items():
            button = self.buttons.get(question_id, {}).get(option_id)
            if button is not None:
                button.setChecked(True)
        self._refresh()

    def clear(self) -> None:
        for group in self.groups.values():
            # An exclusive group keeps one button checked: let go of it for a moment.
            group.setExclusive(False)
            for button in group.buttons():
                button.setChecked(False)
            group.setExclusive(True)
        self._refresh()

    def _toggled(self, _button, checked: bool) -> None:
        if checked:
            self._refresh()
            self.changed.emit()

    def _refresh(self) -> None:
        answered = self.answers()
        for question in self.form.questions:
            self.missing_labels[question.id].setText(
                "" if question.id in answered else translate("QuestionnaireForm", "Not answered")
            )
        points = points_so_far(self.form, answered)
        left = len(self.form.questions) - len(answered)
        score_text = translate("QuestionnaireForm", "Score {score} of {max}").format(
            score=points, max=self.form.max_score
        )
        if left:
            self.summary.setText(
                score_text
                + " · "
                + translate("QuestionnaireForm", "questions to answer: {count}").format(count=left)
            )
            return
        # The form's own bands and knock-outs (the age rules apply when it is recorded).
        result = assess(self.form, answered)
        level = result.level
        if result.knock_outs:
            score_text += " · " + translate(
                "QuestionnaireForm", "an answer caps the profile at {level}"
            ).format(level=min(o.cap for _, o in result.knock_outs).code)
        self.summary.setText(
            score_text
            + " · "
            + translate("QuestionnaireForm", "risk profile {level}").format(
                level=f"{level.code} {domain_text(level.label)}"
            )
        )

    def summary_text(self) -> str:
        return self.summary.text()

    def language_changed(self) -> None:
        self.retranslate()
        # Qt announces the change when the old translator goes, before the new
        # language is the default locale: the questionnaire's own texts follow once
        # the change is complete.
        QTimer.singleShot(0, self, self.retranslate)


class QuestionnaireDialog(Retranslating, QDialog):
    """A new risk assessment of *client_id* (in *visit_id*, the visit under way, if
    any): Save is enabled once every question is answered, and keeps it through
    :meth:`RiskProfile.record`; ``saved`` carries the new assessment's id and
    :attr:`assessment` the assessment. "Print blank…" previews the paper form."""

    saved = Signal(int)

    def __init__(
        self,
        client_id: int,
        desk: DeskContext,
        visit_id: int | None = None,
        profile: RiskProfile | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("questionnaireDialog")
        self.client_id, self.visit_id, self.desk = client_id, visit_id, desk
        self.profile = profile or RiskProfile(desk.actor, self)
        self.assessment: AssessmentInfo | None = None
        self.form: QuestionnaireForm | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(defs.MARGIN, defs.MARGIN, defs.MARGIN, defs.MARGIN)
        self.problem = QLabel()
        self.problem.setObjectName("fieldError")
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        layout.addWidget(self.problem)
        try:
            questionnaire = self.profile.questionnaire()
        except DomainError as exc:  # the bank's file is broken: say what, save nothing
            self.problem.setText(exc.render(QCoreApplication.translate))
            self.problem.setVisible(True)
        else:
            self.form = QuestionnaireForm(questionnaire, self)
            self.form.changed.connect(self._refresh)
            layout.addWidget(self.form, 1)

        buttons = QHBoxLayout()
        self.print_blank_button = QPushButton(icon("print"), "")
        self.print_blank_button.clicked.connect(self.print_blank)
        buttons.addWidget(self.print_blank_button)
        buttons.addStretch(1)
        self.save_button = QPushButton(icon("save"), "")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.reject)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        self.resize(760, 680)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(translate("QuestionnaireDialog", "Risk questionnaire"))
        self.print_blank_button.setText(translate("QuestionnaireDialog", "Print blank…"))
        self.print_blank_button.setToolTip(
            translate(
                "QuestionnaireDialog", "The questionnaire on paper, for the client to tick and sign"
            )
        )
        self.save_button.setText(translate("QuestionnaireDialog", "Save assessment"))
        self.cancel_button.setText(translate("QuestionnaireDialog", "Cancel"))
        self._refresh()

    def _refresh(self) -> None:
        complete = self.form is not None and self.form.is_complete()
        self.save_button.setEnabled(complete)
        self.print_blank_button.setEnabled(self.form is not None)
        self.save_button.setToolTip(
            ""
            if complete
            else translate("QuestionnaireDialog", "Answer every question to save the assessment")
        )

    def save(self) -> bool:
        """Keep the answers as the client's assessment; True when kept."""
        if self.form is None or not self.form.is_complete():
            return False
        try:
            self.assessment = self.profile.record(
                self.client_id, self.form.answers(), self.visit_id
            )
        except (DomainError, StorageError) as exc:
            interaction.explain(
                self, translate("QuestionnaireDialog", "The assessment was not saved"), exc
            )
            return False
        self.saved.emit(self.assessment.id)
        self.accept()
        return True

    def reject(self) -> None:
        if (
            self.form is not None
            and not self.form.is_empty()
            and self.assessment is None
            and not interaction.confirm(
                self,
                translate("QuestionnaireDialog", "Discard the answers?"),
                translate(
                    "QuestionnaireDialog", "The answers given so far are not saved. Close anyway?"
                ),
                translate("QuestionnaireDialog", "Discard"),
            )
        ):
            return
        super().reject()

    def print_blank(self) -> bool:
        if self.form is None:
            return False
        return preview_questionnaire(self, self.desk, self.form.form)


__all__ = ["QuestionnaireDialog", "QuestionnaireForm"]
