"""The client screen's risk tab: the level and how long it stays valid, every earlier
assessment, a new one, and the questionnaire printed blank or filled in."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import QT_TRANSLATE_NOOP, DomainError
from ...domain.risk import AssessmentState
from ...i18n import translate
from ...services import clock
from ...services.risk import AssessmentInfo
from ...services.storage import StorageError
from .. import defs, interaction
from ..desk.context import DeskContext, actor_text
from ..icons import icon
from ..models import SORT_ROLE
from ..sales.risk_history_model import COL_DATE, RiskHistoryModel
from ..sales.risk_profile import RiskBadge, RiskProfile, preview_questionnaire
from .client_tab import ClientTab

_STALE_FIELD_TEXTS = {
    "income_band": QT_TRANSLATE_NOOP("RiskTab", "income"),
    "occupation": QT_TRANSLATE_NOOP("RiskTab", "occupation"),
    "liquidity_need": QT_TRANSLATE_NOOP("RiskTab", "liquidity need"),
    "marital_status": QT_TRANSLATE_NOOP("RiskTab", "marital status"),
}


def _stale_field_text(field: str) -> str:
    text = _STALE_FIELD_TEXTS.get(field)
    return translate("RiskTab", text) if text else field


def _say(label: QLabel, text: str) -> None:
    """A line shown only when it says something (no empty gaps in the tab)."""
    label.setText(text)
    label.setVisible(bool(text))


class RiskTab(ClientTab):
    """Shown for one client; :meth:`clear` forgets them. *profile* is the window's
    :class:`RiskProfile` (one is made when none is given): an assessment recorded
    anywhere in the window (the survey while waiting) refreshes the tab."""

    def __init__(
        self, desk: DeskContext, profile: RiskProfile | None = None, parent: QWidget | None = None
    ):
        super().__init__(desk, parent)
        self.setObjectName("riskTab")
        self.profile = profile or RiskProfile(desk.actor, self)
        self.profile.assessment_recorded.connect(self._recorded_elsewhere)
        self._latest: AssessmentInfo | None = None

        self.badge = RiskBadge()
        font = self.badge.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.badge.setFont(font)
        self.details = QLabel()
        self.details.setObjectName("secondaryText")
        self.details.setWordWrap(True)
        self.advice = QLabel()
        self.advice.setWordWrap(True)
        # Issue 19: the assessment marked for renewal by a change in the record, the
        # client's signed form, and the day's limit of re-assessments, said in words.
        self.renewal = QLabel()
        self.renewal.setObjectName("renewalMark")
        self.renewal.setWordWrap(True)
        self.signed = QLabel()
        self.signed.setObjectName("signedForm")
        self.signed.setWordWrap(True)
        self.limit = QLabel()
        self.limit.setObjectName("reassessmentLimit")
        self.limit.setWordWrap(True)
        self._limit_problem = None

        self.new_button = QPushButton(icon("add-client"), "")
        self.new_button.clicked.connect(self.new_assessment)
        self.print_filled_button = QPushButton(icon("print"), "")
        self.print_filled_button.clicked.connect(self.print_filled)
        self.print_blank_button = QPushButton(icon("print"), "")
        self.print_blank_button.clicked.connect(self.print_blank)
        self.signed_button = QPushButton()
        self.signed_button.setObjectName("signedFormButton")
        self.signed_button.clicked.connect(self.signed_form_received)

        self.model = RiskHistoryModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setObjectName("riskHistory")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_DATE, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._refresh_buttons)
        self.history_label = QLabel()

        top = QHBoxLayout()
        top.addWidget(self.badge)
        top.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.signed_button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_filled_button)
        buttons.addWidget(self.print_blank_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(defs.MARGIN, defs.MARGIN, defs.MARGIN, defs.MARGIN)
        layout.setSpacing(defs.SPACING)
        layout.addLayout(top)
        layout.addWidget(self.details)
        layout.addWidget(self.advice)
        layout.addWidget(self.renewal)
        layout.addWidget(self.signed)
        layout.addLayout(buttons)
        layout.addWidget(self.limit)
        layout.addWidget(self.history_label)
        layout.addWidget(self.table, 1)
        self.retranslate()
        self.clear()

    # ------------------------------------------------------------ ClientTab
    def show_client(self, client_id: int, visit_id: int | None = None) -> None:
        super().show_client(client_id, visit_id)
        self.refresh()

    def clear(self) -> None:
        super().clear()
        self._latest = None
        self.model.clear()
        self.table.clearSelection()
        self.badge.show_assessment(None, None)
        self.details.setText("")
        self.advice.setText("")
        for label in (self.renewal, self.signed, self.limit):
            _say(label, "")
        self._limit_problem = None
        self._refresh_buttons()
        self.title_changed.emit()

    def title(self) -> str:
        if self.client_id is None or self._latest is None:
            return translate("RiskTab", "Risk profile")
        if self._latest.renewal_reason:
            return translate("RiskTab", "Risk profile ({level}, to renew)").format(
                level=self._latest.level.code
            )
        return translate("RiskTab", "Risk profile ({level})").format(level=self._latest.level.code)

    def retranslate(self) -> None:
        self.new_button.setText(translate("RiskTab", "New assessment…"))
        self.new_button.setToolTip(
            translate("RiskTab", "Answer the risk questionnaire with the client")
        )
        self.print_filled_button.setText(translate("RiskTab", "Print filled…"))
        self.print_filled_button.setToolTip(
            translate(
                "RiskTab",
                "The selected assessment (or the latest) on paper, for the client to sign",
            )
        )
        self.print_blank_button.setText(translate("RiskTab", "Print blank…"))
        self.print_blank_button.setToolTip(
            translate("RiskTab", "The questionnaire on paper, for the client to tick and sign")
        )
        self.signed_button.setText(translate("RiskTab", "Signed form received"))
        self.signed_button.setToolTip(
            translate(
                "RiskTab",
                "The client answered and signed the selected assessment (or the latest) "
                "themselves: record that the signed form was received, by you, now",
            )
        )
        self.history_label.setText(translate("RiskTab", "All assessments"))
        self.model.retranslate()
        if self.client_id is not None:
            self._show_latest()

    # ------------------------------------------------------------ reading
    def refresh(self) -> None:
        """Read the shown client's assessments again."""
        if self.client_id is None:
            return
        try:
            rows = self.profile.history(self.client_id)
        except StorageError as exc:
            self.status_message.emit(translate("RiskTab", "The risk profile could not be read."))
            interaction.explain(self, translate("RiskTab", "Cannot read the risk profile"), exc)
            return
        self._latest = rows[0] if rows else None
        try:
            self._limit_problem = self.profile.reassessment_limit(self.client_id)
        except StorageError:
            self._limit_problem = None  # the service refuses it again when saved
        self.model.show_assessments(rows, clock.today())
        self._show_latest()
        self._refresh_buttons()
        self.title_changed.emit()

    def _show_latest(self) -> None:
        latest, today = self._latest, clock.today()
        self.badge.show_assessment(latest, today)
        self._show_integrity()
        if latest is None:
            self.details.setText("")
            self.advice.setText(
                translate(
                    "RiskTab",
                    "Wealth products cannot be sold until the client's risk profile is assessed.",
                )
            )
            return
        self.details.setText(
            translate(
                "RiskTab", "Score {score} of 100 · assessed on {date} by {actor} · {questionnaire}"
            ).format(
                score=latest.score,
                date=latest.assessed_on.isoformat(),
                actor=actor_text(latest.actor),
                questionnaire=latest.questionnaire,
            )
        )
        state = latest.state(today)
        if not state.is_valid:
            self.advice.setText(
                translate(
                    "RiskTab",
                    "The assessment has expired: wealth products cannot be sold until it is "
                    "done again.",
                )
            )
        elif state is AssessmentState.EXPIRING:
            self.advice.setText(
                translate("RiskTab", "Ask the client to answer the questionnaire again soon.")
            )
        else:
            self.advice.setText("")

    def _show_integrity(self) -> None:
        """The renewal mark, the signed form, the day's limit (issue 19)."""
        latest = self._latest
        problem = self._limit_problem
        _say(self.limit, problem.render(QCoreApplication.translate) if problem else "")
        if latest is None:
            _say(self.renewal, "")
            _say(self.signed, "")
            return
        if latest.renewal_reason:
            fields = translate("RiskTab", ", ").join(
                _stale_field_text(f) for f in latest.renewal_reason.split(",") if f
            )
            _say(
                self.renewal,
                translate(
                    "RiskTab",
                    "To renew: the client's {fields} changed since this assessment; ask them "
                    "to answer the questionnaire again.",
                ).format(fields=fields),
            )
        else:
            _say(self.renewal, "")
        chosen = self.selected_assessment() or latest
        if chosen.signed_received_at is not None:
            _say(
                self.signed,
                translate("RiskTab", "Signed form received {time} by {who}.").format(
                    time=f"{chosen.signed_received_at:%Y-%m-%d %H:%M}",
                    who=actor_text(chosen.signed_received_by),
                ),
            )
        else:
            _say(
                self.signed,
                translate(
                    "RiskTab",
                    "The client's signed form of {date} is not received yet.",
                ).format(date=chosen.assessed_on.isoformat()),
            )

    def selected_assessment(self) -> AssessmentInfo | None:
        """The history row selected, else the latest assessment."""
        rows = self.table.selectionModel().selectedRows()
        if rows:
            return self.model.row_at(self.proxy.mapToSource(rows[0]).row())
        return self._latest

    def _refresh_buttons(self, *_args) -> None:
        shown = self.client_id is not None
        self.new_button.setEnabled(shown and self._limit_problem is None)
        chosen = self.selected_assessment() if shown else None
        self.signed_button.setEnabled(chosen is not None and chosen.signed_received_at is None)
        if _args and shown:
            self._show_integrity()  # the selection changed: its signed form
        self.print_blank_button.setEnabled(True)
        self.print_filled_button.setEnabled(shown and self.selected_assessment() is not None)

    def _recorded_elsewhere(self, client_id: int) -> None:
        if client_id == self.client_id:
            self.refresh()

    # ------------------------------------------------------------ actions
    def new_assessment(self) -> bool:
        """The questionnaire with the client; True when an assessment was saved. Not
        opened once the day's re-assessments are used up (the tab says so)."""
        if self.client_id is None or self._limit_problem is not None:
            return False
        from ..sales.questionnaire_dialog import QuestionnaireDialog

        dialog = QuestionnaireDialog(
            self.client_id, self.desk, self.visit_id, self.profile, self.window()
        )
        saved = []
        dialog.saved.connect(saved.append)
        interaction.run_dialog(dialog)
        dialog.deleteLater()
        if saved:
            self.status_message.emit(translate("RiskTab", "Risk assessment saved."))
            self.refresh()
        return bool(saved)

    def signed_form_received(self) -> bool:
        """Record that the client's signed form of the selected assessment (or the
        latest) was received, by the desk's manager, now."""
        chosen = self.selected_assessment()
        if self.client_id is None or chosen is None:
            return False
        try:
            self.profile.record_signed_form(chosen.id)
        except (DomainError, StorageError) as exc:
            interaction.explain(self, translate("RiskTab", "The signed form was not recorded"), exc)
            return False
        self.status_message.emit(translate("RiskTab", "Signed form received."))
        selected = chosen.id
        self.refresh()
        if (row := self.model.row_of(selected)) >= 0:
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())
        return True

    def print_filled(self) -> bool:
        assessment = self.selected_assessment()
        if self.client_id is None or assessment is None:
            return False
        refused = translate("RiskTab", "The questionnaire was not made")
        try:
            form = self.profile.questionnaire()
            name = self.profile.client(self.client_id).draft.name
        except (DomainError, StorageError) as exc:
            interaction.explain(self, refused, exc)
            return False
        if assessment.questionnaire != form.key:
            interaction.warn(
                self,
                refused,
                translate(
                    "RiskTab",
                    "This assessment was answered on the questionnaire {used}; the one "
                    "installed now is {current}, so its questions cannot be printed with it.",
                ).format(used=assessment.questionnaire or "—", current=form.key),
            )
            return False
        return preview_questionnaire(self, self.desk, form, assessment, name)

    def print_blank(self) -> bool:
        try:
            form = self.profile.questionnaire()
        except DomainError as exc:
            interaction.explain(self, translate("RiskTab", "The questionnaire was not made"), exc)
            return False
        return preview_questionnaire(self, self.desk, form)


__all__ = ["RiskTab"]
