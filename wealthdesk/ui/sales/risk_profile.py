"""The risk profile as the UI sees it: the services plus meaning-level signals, the
badge that says how a client's assessment stands, and the questionnaire PDFs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QLabel, QWidget

from ... import local_settings
from ...domain.client import ClientDraft
from ...domain.errors import DomainError, os_error_reason, translate_value
from ...domain.risk import AssessmentState, Questionnaire, assessment_state
from ...i18n import domain_text, translate
from ...services import clients as client_service
from ...services import clock, consents
from ...services import risk as risk_service
from ...services.clients import ClientRecord
from ...services.risk import AssessmentInfo
from ...services.storage import StorageError, guarded
from .. import interaction
from ..desk.context import DeskContext


class RiskProfile(QObject):
    """One per window (a widget given none makes its own). Every call may raise a
    domain error or :class:`~wealthdesk.services.storage.StorageError`."""

    assessment_recorded = Signal(int)  # client id: a new assessment was kept
    survey_saved = Signal(int)  # client id: a survey (consent, profile…) was kept

    def __init__(self, actor: Callable[[], str], parent: QObject | None = None):
        super().__init__(parent)
        self._actor = actor

    @property
    def actor(self) -> str:
        return self._actor()

    def questionnaire(self) -> Questionnaire:
        """The questionnaire in use; a ValidationError says what is wrong with its file."""
        return risk_service.questionnaire()

    @guarded
    def latest(self, client_id: int) -> AssessmentInfo | None:
        return risk_service.latest(client_id)

    @guarded
    def history(self, client_id: int) -> list[AssessmentInfo]:
        return risk_service.history(client_id)

    @guarded
    def reassessment_limit(self, client_id: int):
        """Why the client cannot be assessed again today, or None."""
        return risk_service.reassessment_limit(client_id)

    @guarded
    def record_signed_form(self, assessment_id: int) -> AssessmentInfo:
        """The client's signed form received, by the desk's manager, now."""
        return risk_service.record_signed_form(assessment_id, self.actor)

    @guarded
    def client(self, client_id: int) -> ClientRecord:
        return client_service.get_client(client_id)

    @guarded
    def record(
        self, client_id: int, answers: Mapping[str, str], visit_id: int | None = None
    ) -> AssessmentInfo:
        info = risk_service.record_assessment(client_id, answers, self.actor, visit_id)
        self.assessment_recorded.emit(client_id)
        return info

    @guarded
    def save_survey(
        self,
        client_id: int,
        draft: ClientDraft,
        expected_version: int,
        visit_id: int | None,
        answers: Mapping[str, str] | None,
    ) -> consents.SurveyResult:
        result = consents.save_survey(
            client_id, draft, expected_version, self.actor, visit_id, answers
        )
        self.survey_saved.emit(client_id)
        if result.assessment is not None:
            self.assessment_recorded.emit(client_id)
        return result


# ---------------------------------------------------------------- the badge


def level_text(assessment: AssessmentInfo) -> str:
    """``C3 平衡型`` in the UI's language."""
    return f"{assessment.level.code} {domain_text(assessment.level.label)}"


def badge_text(assessment: AssessmentInfo | None, today: dt.date) -> str:
    """The level with how long it stays valid, in words (colour is never the only sign)."""
    state = assessment_state(assessment.valid_until if assessment else None, today)
    if assessment is None or state is AssessmentState.MISSING:
        return translate("RiskProfile", "No risk assessment")
    level = level_text(assessment)
    until = assessment.valid_until.isoformat()
    if state is AssessmentState.EXPIRED:
        return translate("RiskProfile", "{level} · expired on {date}").format(
            level=level, date=until
        )
    if state is AssessmentState.EXPIRING:
        left = assessment.days_left(today)
        if left == 0:
            return translate("RiskProfile", "{level} · expires today").format(level=level)
        return QCoreApplication.translate(
            "RiskProfile", "{level} · expires in %n day(s)", "", left
        ).format(level=level)
    return translate("RiskProfile", "{level} · valid until {date}").format(level=level, date=until)


BADGE_STYLE = """
QLabel#riskBadge { border-radius: 4px; padding: 2px 8px; border: 1px solid palette(mid); }
QLabel#riskBadge[state="valid"] { background: #dcefe0; color: #1d4d2a; }
QLabel#riskBadge[state="expiring"] { background: #fff1c2; color: #5a4300;
    border: 2px solid #c99a00; }
QLabel#riskBadge[state="expired"] { background: #f8d7da; color: #6b1020;
    border: 2px solid #b00020; }
QLabel#riskBadge[state="missing"] { background: palette(base); color: palette(text);
    border: 1px dashed palette(mid); }
"""


class RiskBadge(QLabel):
    """A client's level and its validity: "C3 Balanced · expires in 12 days"."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("riskBadge")
        self.setStyleSheet(BADGE_STYLE)
        self.state: AssessmentState | None = None
        self.show_assessment(None, None)

    def show_assessment(self, assessment: AssessmentInfo | None, today: dt.date | None) -> None:
        """Show *assessment* as of *today*; ``today`` None empties the badge (no client)."""
        if today is None:
            self.state = None
            self.setText("")
            self.setToolTip("")
            self.setVisible(False)
            return
        self.state = assessment_state(assessment.valid_until if assessment else None, today)
        self.setText(badge_text(assessment, today))
        self.setToolTip(domain_text(self.state.label))
        self.setProperty("state", self.state.value)
        self.style().unpolish(self)
        self.style().polish(self)
        self.setVisible(True)


# ---------------------------------------------------------------- the PDFs


def preview_questionnaire(
    parent: QWidget,
    desk: DeskContext,
    form: Questionnaire,
    assessment: AssessmentInfo | None = None,
    client_name: str = "",
) -> bool:
    """The blank questionnaire (or *assessment* filled in, the name masked) previewed to
    be printed or saved; a clear message when it cannot be made. True when shown."""
    from ..pdf_preview import preview_pdf_file  # QtPdf and printing: loaded when first used

    filled = assessment is not None
    title = (
        translate("RiskProfile", "Filled-in risk questionnaire")
        if filled
        else translate("RiskProfile", "Blank risk questionnaire")
    )
    refused = translate("RiskProfile", "The questionnaire was not made")
    name = (
        f"risk-questionnaire-{assessment.assessed_on.isoformat()}.pdf"
        if filled
        else "risk-questionnaire.pdf"
    )
    try:
        dialog = preview_pdf_file(
            parent, title, questionnaire_writer(desk, form, assessment, client_name), name
        )
    except (DomainError, StorageError) as exc:
        interaction.explain(parent, refused, exc)
        return False
    except OSError as exc:
        interaction.warn(
            parent, refused, translate_value(os_error_reason(exc), QCoreApplication.translate)
        )
        return False
    interaction.run_dialog(dialog)
    dialog.forget()
    dialog.deleteLater()
    return True


def questionnaire_writer(
    desk: DeskContext,
    form: Questionnaire,
    assessment: AssessmentInfo | None = None,
    client_name: str = "",
    large_print: bool = False,
):
    """A function writing the questionnaire PDF to the path it is given (in large print
    for an older client who asks for it)."""
    from ...reports.fonts import cjk_font
    from ...reports.questionnaire import questionnaire_pdf

    def write(path: Path) -> Path:
        font = cjk_font(str(local_settings.get("pdf_font_path") or ""))
        return questionnaire_pdf(
            path,
            form,
            font,
            assessment,
            client_name=client_name,
            branch=str(desk.settings.get("branch_name") or ""),
            manager=desk.manager,
            english=ui_language() == "en",
            generated_at=clock.now(),
            translate=QCoreApplication.translate,
            large_print=large_print,
        )

    return write


def ui_language() -> str:
    """``en`` or ``zh_CN``: which text of the questionnaire file to show."""
    from PySide6.QtCore import QLocale

    return "en" if QLocale().name().startswith("en") else "zh_CN"


__all__ = [
    "RiskBadge",
    "RiskProfile",
    "badge_text",
    "level_text",
    "preview_questionnaire",
    "questionnaire_writer",
    "ui_language",
]
