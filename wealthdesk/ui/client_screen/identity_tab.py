"""The client screen's document tab: the identity document the client showed (its type,
its number, masked and revealed only through the audited path, its expiry) and their
qualified-investor (合格投资者) record with its proof — what the sale's gate reads
before a sale and a private product. Each refusal is said under its field, in the
desk's language; nothing of the client stays after clear()."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.client import IdDocType
from ...domain.errors import DomainError, Problem
from ...domain.investor import EXPERIENCE_YEARS_MAX, ProofKind, QualifiedInvestorDraft
from ...domain.product import format_fen, money_problem, parse_money
from ...i18n import domain_text, translate
from ...services import clients as client_service
from ...services import clock
from ...services import suitability as suitability_service
from ...services.storage import StorageError, guarded
from ...services.suitability import IdentityDocument, QualifiedInvestorInfo
from .. import defs, interaction
from ..desk.context import DeskContext, actor_text
from ..forms import AmountEcho, error_line, validated_row
from ..forms import show_problems as _show_under_fields
from ..icons import icon
from .client_tab import ClientTab

OTHER = "_other"  # a refusal about no field of the form (the client gone)


# A resident ID's number is the client's ID number (the profile's, with its search and
# duplicates): a refusal of it typed here (another client holds it) is the number's.
_SAME_FIELD = {"id_number": "id_doc_number"}


def show_problems(errors: dict[str, QLabel], problems) -> set[str]:
    """Each refusal under its field; one about none of them under the box."""
    shown = []
    for p in problems:
        field = _SAME_FIELD.get(p.field, p.field)
        shown.append(Problem(field if field in errors else OTHER, p.template, p.params))
    return _show_under_fields(errors, shown)


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _right(button: QPushButton) -> QWidget:
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    row.addStretch(1)
    row.addWidget(button)
    return holder


def _pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


@guarded
def _read(client_id: int) -> tuple[IdentityDocument, QualifiedInvestorInfo | None]:
    return (
        suitability_service.identity_document(client_id),
        suitability_service.latest_qualified_investor(client_id),
    )


@guarded
def _record_document(client_id, kind, expiry, actor, assets, number):
    return suitability_service.record_identity_document(
        client_id, kind, expiry, actor, assets, number
    )


@guarded
def _reveal(client_id: int, field: str, actor: str) -> str:
    return client_service.reveal_identifier(client_id, field, actor)


@guarded
def _record_qualified(client_id, draft, actor):
    return suitability_service.record_qualified_investor(client_id, draft, actor)


class IdentityTab(ClientTab):
    """The document and the qualified-investor record of the client shown."""

    # The client's own record changed (a resident ID typed here is their ID number):
    # the profile shows it afresh.
    record_changed = Signal(int)

    def __init__(self, desk: DeskContext, parent: QWidget | None = None):
        super().__init__(desk, parent)
        self.setObjectName("identityTab")
        self.document: IdentityDocument | None = None
        self.qualified: QualifiedInvestorInfo | None = None
        # The refusals on screen, said again in the language switched to.
        self._document_problems: list[Problem] = []
        self._qualified_problems: list[Problem] = []

        # ---- the identity document
        self.document_box = QGroupBox()
        self.doc_type = QComboBox()
        self.doc_type.setObjectName("idDocType")
        for kind in IdDocType:
            self.doc_type.addItem("", kind.value)
        self.number = QLabel()  # the number on record, masked (or revealed)
        self.number.setObjectName("idDocNumber")
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.reveal_button = QToolButton()
        self.reveal_button.setObjectName("revealDocNumber")
        self.reveal_button.setIcon(icon("reveal"))
        self.reveal_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.reveal_button.clicked.connect(self.reveal_number)
        number_row = QWidget()
        row = QHBoxLayout(number_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.number)
        row.addWidget(self.reveal_button)
        row.addStretch(1)
        self.number_edit = QLineEdit()  # a new number, as printed on the document
        self.number_edit.setObjectName("idDocNumberEdit")
        self.number_edit.setMaxLength(40)
        self.number_edit.textEdited.connect(lambda _text: self._clear_problem("id_doc_number"))
        self.doc_type.currentIndexChanged.connect(self._type_changed)
        self._revealed: set[str] = set()  # full numbers shown since the client came
        self.expiry = QDateEdit()
        self.expiry.setObjectName("idDocExpiry")
        self.expiry.setCalendarPopup(True)
        self.expiry.setDisplayFormat("yyyy-MM-dd")
        self.long_term = QCheckBox()
        self.long_term.setObjectName("idDocLongTerm")
        self.long_term.toggled.connect(lambda on: self.expiry.setEnabled(not on))
        expiry_row = QWidget()
        row = QHBoxLayout(expiry_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.expiry)
        row.addWidget(self.long_term)
        row.addStretch(1)
        self.assets = QLineEdit()
        self.assets.setObjectName("declaredAssets")
        self.document_state = QLabel()
        self.document_state.setObjectName("idDocState")
        self.document_state.setWordWrap(True)
        self.save_document_button = QPushButton()
        self.save_document_button.setObjectName("saveDocument")
        self.save_document_button.clicked.connect(self.save_document)
        form = QFormLayout(self.document_box)
        self.doc_labels = [QLabel() for _ in range(5)]
        self.document_errors = {
            "id_doc_type": validated_row(form, self.doc_labels[0], self.doc_type, reserve=False),
        }
        form.addRow(self.doc_labels[1], number_row)
        self.document_errors["id_doc_number"] = validated_row(
            form, self.doc_labels[2], self.number_edit, reserve=False
        )
        self.document_errors["id_doc_expiry"] = validated_row(
            form, self.doc_labels[3], expiry_row, reserve=False
        )
        self.document_errors["financial_assets"] = validated_row(
            form, self.doc_labels[4], AmountEcho(self.assets), reserve=False
        )
        form.addRow(self.document_state)
        self.document_errors[OTHER] = error_line()
        form.addRow(self.document_errors[OTHER])
        form.addRow(_right(self.save_document_button))

        # ---- the qualified investor
        self.qualified_box = QGroupBox()
        self.qualified_state = QLabel()
        self.qualified_state.setObjectName("qualifiedState")
        self.qualified_state.setWordWrap(True)
        self.experience = QSpinBox()
        self.experience.setObjectName("experienceYears")
        self.experience.setRange(0, EXPERIENCE_YEARS_MAX)
        self.net_assets = QLineEdit()
        self.net_assets.setObjectName("netFinancialAssets")
        self.financial_assets = QLineEdit()
        self.financial_assets.setObjectName("financialAssets")
        self.income = QLineEdit()
        self.income.setObjectName("averageIncome")
        self.proof_kind = QComboBox()
        self.proof_kind.setObjectName("proofKind")
        self.proof_kind.addItem("", "")
        for kind in ProofKind:
            self.proof_kind.addItem("", kind.value)
        self.proof_date = QDateEdit()
        self.proof_date.setObjectName("proofDate")
        self.proof_date.setCalendarPopup(True)
        self.proof_date.setDisplayFormat("yyyy-MM-dd")
        self.save_qualified_button = QPushButton()
        self.save_qualified_button.setObjectName("saveQualified")
        self.save_qualified_button.clicked.connect(self.save_qualified)
        qform = QFormLayout(self.qualified_box)
        qform.addRow(self.qualified_state)
        self.qualified_labels = [QLabel() for _ in range(6)]
        self.qualified_errors = {
            "experience_years": validated_row(
                qform, self.qualified_labels[0], self.experience, reserve=False
            ),
            "net_financial_assets": validated_row(
                qform, self.qualified_labels[1], AmountEcho(self.net_assets), reserve=False
            ),
            "financial_assets": validated_row(
                qform, self.qualified_labels[2], AmountEcho(self.financial_assets), reserve=False
            ),
            "average_income": validated_row(
                qform, self.qualified_labels[3], AmountEcho(self.income), reserve=False
            ),
            "proof_kind": validated_row(
                qform, self.qualified_labels[4], self.proof_kind, reserve=False
            ),
            "proof_date": validated_row(
                qform, self.qualified_labels[5], self.proof_date, reserve=False
            ),
        }
        self.qualified_errors[OTHER] = error_line()
        qform.addRow(self.qualified_errors[OTHER])
        qform.addRow(_right(self.save_qualified_button))

        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(defs.MARGIN, defs.MARGIN, defs.MARGIN, defs.MARGIN)
        column.setSpacing(defs.SPACING)
        column.addWidget(self.document_box)
        column.addWidget(self.qualified_box)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.retranslate()
        self.clear()

    # ------------------------------------------------------------ ClientTab
    def show_client(self, client_id: int, visit_id: int | None = None) -> None:
        super().show_client(client_id, visit_id)
        self.refresh()

    def clear(self) -> None:
        super().clear()
        self.document = self.qualified = None
        self.doc_type.setCurrentIndex(0)
        self.number.setText("")
        self.number_edit.setText("")  # setText also empties the undo history
        self._revealed.clear()
        self.expiry.setDate(_qdate(clock.today()))
        self.long_term.setChecked(False)
        self.assets.setText("")  # setText also empties the undo history
        self.document_state.setText("")
        self._set_state("")
        self.qualified_state.setText("")
        self._clear_qualified_fields()
        self._show_document_problems([])
        self._show_qualified_problems([])
        self._refresh_buttons()
        self._mark_shown()
        self.title_changed.emit()

    def _clear_qualified_fields(self) -> None:
        self.experience.setValue(0)
        for edit in (self.net_assets, self.financial_assets, self.income):
            edit.setText("")
        self.proof_kind.setCurrentIndex(0)
        self.proof_date.setDate(_qdate(clock.today()))

    def client_values(self) -> set[str]:
        """What of the client the tab shows: the masked number, the declared figures."""
        if self.client_id is None:
            return set()
        return {
            self.number.text(),
            self.number_edit.text(),
            *self._revealed,
            self.assets.text(),
            self.net_assets.text(),
            self.financial_assets.text(),
            self.income.text(),
        }

    def title(self) -> str:
        return translate("IdentityTab", "Document and qualification")

    def retranslate(self) -> None:
        self.document_box.setTitle(translate("IdentityTab", "Identity document"))
        for i, kind in enumerate(IdDocType):
            self.doc_type.setItemText(i, domain_text(kind.label))
        texts = (
            translate("IdentityTab", "Document"),
            translate("IdentityTab", "Number on record"),
            translate("IdentityTab", "Number"),
            translate("IdentityTab", "Valid until"),
            translate("IdentityTab", "Financial assets (declared)"),
        )
        for label, text in zip(self.doc_labels, texts, strict=True):
            label.setText(text)
        self.long_term.setText(translate("IdentityTab", "Long-term"))
        self.reveal_button.setText(translate("IdentityTab", "Show"))
        self.reveal_button.setToolTip(
            translate("IdentityTab", "Show the full number (written to the audit log)")
        )
        self._number_placeholder()
        self.assets.setPlaceholderText(translate("IdentityTab", "optional, e.g. 1200000"))
        self.save_document_button.setText(translate("IdentityTab", "Record the document"))
        self.qualified_box.setTitle(
            translate("IdentityTab", "Qualified investor (for private products)")
        )
        texts = (
            translate("IdentityTab", "Years of investment experience"),
            translate("IdentityTab", "Household net financial assets"),
            translate("IdentityTab", "Household financial assets"),
            translate("IdentityTab", "Average income a year (last 3 years)"),
            translate("IdentityTab", "Proof seen"),
            translate("IdentityTab", "Proof dated"),
        )
        for label, text in zip(self.qualified_labels, texts, strict=True):
            label.setText(text)
        self.proof_kind.setItemText(0, translate("IdentityTab", "(choose)"))
        for i, kind in enumerate(ProofKind, start=1):
            self.proof_kind.setItemText(i, domain_text(kind.label))
        self.save_qualified_button.setText(translate("IdentityTab", "Record the qualification"))
        self._show_document_problems(self._document_problems)
        self._show_qualified_problems(self._qualified_problems)
        if self.client_id is not None:
            self._show_document()
            self._show_qualified()

    # ------------------------------------------------------------ reading
    def refresh(self) -> None:
        if self.client_id is None:
            return
        try:
            self.document, self.qualified = _read(self.client_id)
        except (DomainError, StorageError) as exc:
            self.status_message.emit(translate("IdentityTab", "The document could not be read."))
            interaction.explain(self, translate("IdentityTab", "Cannot read the document"), exc)
            return
        doc = self.document
        self.doc_type.setCurrentIndex(max(0, self.doc_type.findData(doc.doc_type.value)))
        self.number_edit.setText("")
        self.long_term.setChecked(doc.expiry is None)
        self.expiry.setDate(_qdate(doc.expiry or clock.today()))
        self.assets.setText(
            "" if doc.financial_assets_fen is None else format_fen(doc.financial_assets_fen)
        )
        self._clear_qualified_fields()
        self._show_document_problems([])
        self._show_qualified_problems([])
        self._show_document()
        self._show_qualified()
        self._refresh_buttons()
        self._mark_shown()
        self.title_changed.emit()

    def _show_document(self) -> None:
        doc, today = self.document, clock.today()
        if doc is None:
            return
        if not self._showing_revealed():
            self.number.setText(doc.masked_number or translate("IdentityTab", "not on record"))
        self._number_placeholder()
        if doc.expired(today):
            text = translate(
                "IdentityTab",
                "Expired on {date}: no sale until the renewed document is recorded.",
            ).format(date=doc.expiry.isoformat())
        elif doc.expiry is None:
            text = translate("IdentityTab", "Long-term document, no expiry.")
        else:
            text = translate("IdentityTab", "Valid until {date}.").format(
                date=doc.expiry.isoformat()
            )
        self.document_state.setText(text)
        self._set_state("expired" if doc.expired(today) else "valid")

    def _set_state(self, state: str) -> None:
        """The style sheet shows an expired document's line in the error style."""
        label = self.document_state
        if label.property("state") != state:
            label.setProperty("state", state)
            label.style().unpolish(label)
            label.style().polish(label)

    def _show_qualified(self) -> None:
        info, today = self.qualified, clock.today()
        if info is None:
            self.qualified_state.setText(
                translate(
                    "IdentityTab",
                    "Not a qualified investor on record: private products cannot be sold "
                    "or offered to this client.",
                )
            )
            return
        criteria = translate("IdentityTab", "; ").join(domain_text(c.label) for c in info.criteria)
        details = translate(
            "IdentityTab",
            "{criteria}; {years} years' experience · proof: {proof} of {date} · recorded by "
            "{actor}",
        ).format(
            criteria=criteria or "—",
            years=info.experience_years,
            proof=domain_text(info.proof_kind.label),
            date=info.proof_date.isoformat(),
            actor=actor_text(info.actor),
        )
        if info.is_valid(today):
            head = translate("IdentityTab", "Qualified investor, valid until {date}.").format(
                date=info.valid_until.isoformat()
            )
        else:
            head = translate(
                "IdentityTab",
                "The qualified-investor proof was valid until {date}: record a new proof "
                "before a private product.",
            ).format(date=info.valid_until.isoformat())
        self.qualified_state.setText(f"{head}\n{details}")

    def _refresh_buttons(self) -> None:
        shown = self.client_id is not None
        for widget in (self.save_document_button, self.save_qualified_button):
            widget.setEnabled(shown)
        self.reveal_button.setEnabled(
            shown and self.document is not None and self.document.has_number
        )
        self.number_edit.setEnabled(shown)

    def _showing_revealed(self) -> bool:
        return bool(self.number.text()) and self.number.text() in self._revealed

    def _number_placeholder(self) -> None:
        """What the number field asks for: the chosen document's number, or (for the
        document on record) a new one only when it changed."""
        doc, kind = self.document, self.doc_type.currentData()
        if doc is not None and doc.has_number and doc.doc_type.value == kind:
            text = translate("IdentityTab", "type a new number only if it changed")
        else:
            text = translate("IdentityTab", "as printed on the document")
        self.number_edit.setPlaceholderText(text)

    def _type_changed(self, _index: int) -> None:
        self._clear_problem("id_doc_number")
        self._number_placeholder()

    def _show_document_problems(self, problems) -> set[str]:
        self._document_problems = list(problems)
        return show_problems(self.document_errors, self._document_problems)

    def _show_qualified_problems(self, problems) -> set[str]:
        self._qualified_problems = list(problems)
        return show_problems(self.qualified_errors, self._qualified_problems)

    def _clear_problem(self, field: str) -> None:
        kept = [p for p in self._document_problems if _SAME_FIELD.get(p.field, p.field) != field]
        if len(kept) != len(self._document_problems):
            self._show_document_problems(kept)

    # ------------------------------------------------------------ revealing
    def reveal_number(self) -> None:
        """Show the document's full number; the service writes the audit entry first."""
        doc = self.document
        if self.client_id is None or doc is None or not doc.has_number:
            return
        try:
            value = _reveal(self.client_id, doc.number_field, self.desk.actor())
        except (DomainError, StorageError) as exc:
            interaction.explain(self, translate("IdentityTab", "Cannot show the number"), exc)
            return
        self._revealed.add(value)
        self.number.setText(value)
        self.reveal_button.setEnabled(False)

    # ------------------------------------------------------------ saving
    def save_document(self) -> bool:
        """Record the document as the form shows it; refusals under their fields."""
        if self.client_id is None:
            return False
        problems: list[Problem] = []
        text = self.assets.text().strip()
        assets = None
        if text:
            assets = parse_money(text)
            if assets is None:
                problems.append(money_problem(text, "financial_assets"))
        if problems:
            self._show_document_problems(problems)
            return False
        expiry = None if self.long_term.isChecked() else _pydate(self.expiry.date())
        kind = self.doc_type.currentData()
        typed = self.number_edit.text().strip()
        before = self.document
        # Empty keeps the number on record for the same document; a document of another
        # type (or none on record) needs its number: "" is refused by the service.
        keep = before is not None and before.has_number and before.doc_type.value == kind
        number = typed if typed or not keep else None
        try:
            self.document = _record_document(
                self.client_id, kind, expiry, self.desk.actor(), assets, number
            )
        except DomainError as exc:
            self._show_document_problems(exc.problems)
            return False
        except StorageError as exc:
            interaction.explain(
                self, translate("IdentityTab", "The document was not recorded"), exc
            )
            return False
        self._show_document_problems([])
        self.number_edit.setText("")
        self.number.setText("")  # a number revealed before is masked again
        self._show_document()
        self._refresh_buttons()
        self._document_shown = self._document_values()
        self.status_message.emit(translate("IdentityTab", "Identity document recorded."))
        if typed and kind == IdDocType.RESIDENT_ID.value:
            self.record_changed.emit(self.client_id)
        return True

    def save_qualified(self) -> bool:
        """Record the qualified-investor proof; each refusal under its field."""
        if self.client_id is None:
            return False
        problems: list[Problem] = []
        amounts = {}
        for field, edit in (
            ("net_financial_assets", self.net_assets),
            ("financial_assets", self.financial_assets),
            ("average_income", self.income),
        ):
            text = edit.text().strip()
            fen = parse_money(text) if text else 0
            if fen is None:
                problems.append(money_problem(text, field))
            amounts[field] = fen or 0
        if problems:
            self._show_qualified_problems(problems)
            return False
        draft = QualifiedInvestorDraft(
            experience_years=self.experience.value(),
            net_financial_assets_fen=amounts["net_financial_assets"],
            financial_assets_fen=amounts["financial_assets"],
            average_income_fen=amounts["average_income"],
            proof_kind=self.proof_kind.currentData() or "",
            proof_date=_pydate(self.proof_date.date()),
        )
        try:
            self.qualified = _record_qualified(self.client_id, draft, self.desk.actor())
        except DomainError as exc:
            self._show_qualified_problems(exc.problems)
            return False
        except StorageError as exc:
            interaction.explain(
                self, translate("IdentityTab", "The qualification was not recorded"), exc
            )
            return False
        self._show_qualified_problems([])
        self._clear_qualified_fields()
        self._show_qualified()
        self._qualified_shown = self._qualified_values()
        self.status_message.emit(translate("IdentityTab", "Qualified investor recorded."))
        return True

    # ------------------------------------------------------------ unsaved edits
    def _document_values(self) -> tuple:
        long_term = self.long_term.isChecked()
        return (
            self.doc_type.currentData(),
            self.number_edit.text().strip(),
            long_term,
            None if long_term else self.expiry.date(),
            self.assets.text().strip(),
        )

    def _qualified_values(self) -> tuple:
        return (
            self.experience.value(),
            *(e.text().strip() for e in (self.net_assets, self.financial_assets, self.income)),
            self.proof_kind.currentData(),
        )

    def _mark_shown(self) -> None:
        """What the tab shows now is what is recorded (or nothing): the baseline of
        :meth:`maybe_leave`."""
        self._document_shown = self._document_values()
        self._qualified_shown = self._qualified_values()

    def maybe_leave(self) -> bool:
        """Before the manager's own action clears the screen: a document or a
        qualification typed and not recorded is recorded, thrown away or kept on screen
        (the action cancelled), as they choose — as the profile asks."""
        if self.client_id is None:
            return True
        document = self._document_values() != self._document_shown
        qualified = self._qualified_values() != self._qualified_shown
        if not (document or qualified):
            return True
        choice = interaction.ask_unsaved(self)
        if choice is interaction.UnsavedChoice.SAVE:
            return (not document or self.save_document()) and (
                not qualified or self.save_qualified()
            )
        return choice is interaction.UnsavedChoice.DISCARD


__all__ = ["IdentityTab"]
