"""Recording a sale: the product, the amount, the sale type (suggested, changeable), the
双录 reference and, where they apply, a minor's guardian (or a 16–17-year-old's proof of
own labour income), the 65+ client's confirmation and second confirmation, with the
suitability gate's verdict shown as the manager fills it in. Save stays disabled while
the gate refuses; the service checks again when saving. Also: cancelling a private
product's sale within its cooling-off period."""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError, Problem
from ...domain.product import format_fen, money_problem, parse_money
from ...domain.sales import SaleType
from ...domain.suitability import needs_recording
from ...i18n import domain_text, translate
from ...services.products import ProductInfo
from ...services.sales import SaleContext, SaleDraft, SaleInfo, refusal_met
from ...services.storage import StorageError
from .. import interaction
from ..forms import AmountEcho, show_problems, validated_row
from ..products.product_model import rating_text
from .sales_book import SalesBook

# Where each of the gate's reasons shows: those about the client, the manager or the
# moment under the product.
log = logging.getLogger(__name__)
_ROW_OF = {
    "assessment": "product",
    "visit": "product",
    "id_document": "product",
    "qualified_investor": "product",
    "manager": "product",
    "signed_at": "product",
    "recorded_at": "product",
    "own_income_proof": "guardian",
}


class SaleDialog(QDialog):
    """One sale for the client of *context*; *products* are those on sale."""

    def __init__(
        self,
        book: SalesBook,
        context: SaleContext,
        products: list[ProductInfo],
        visit_id: int | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(translate("SaleDialog", "Record a sale"))
        self.setMinimumWidth(640)
        self.book = book
        self.context = context
        self.visit_id = visit_id
        self.saved: SaleInfo | None = None
        self._suggested: SaleType | None = None
        self._type_chosen = False
        self._elderly_applies = False
        self.problems: list[Problem] = []
        # The gate's refusals the manager met (product, reasons), each once, counted for
        # the day close when the dialog closes; the attempt on screen is met when the
        # manager moves on from it (another product, Cancel) or the service refuses it.
        self.refusals_met: list[tuple[int, tuple[str, ...]]] = []
        self._attempt: tuple[int, tuple[str, ...]] | None = None

        self.client_label = QLabel(self._client_text())
        self.client_label.setObjectName("secondaryText")
        self.client_label.setWordWrap(True)
        self.product = QComboBox()
        self.product.setObjectName("saleProduct")
        for product in products:
            self.product.addItem(
                f"{product.code} {product.name} · {rating_text(product.risk_rating)}", product
            )
        self.product.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.product.setMinimumContentsLength(32)
        self.product_info = QLabel()
        self.product_info.setObjectName("secondaryText")
        self.product_info.setWordWrap(True)
        product_box = QWidget()
        box = QVBoxLayout(product_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.product)
        box.addWidget(self.product_info)
        self.amount = QLineEdit()
        self.amount.setObjectName("saleAmount")
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.amount.setPlaceholderText(translate("SaleDialog", "e.g. 50000, 5万"))
        self.sale_type = QComboBox()
        for sale_type in SaleType:
            self.sale_type.addItem("", sale_type.value)
        self.recording_ref = QLineEdit()
        self.recording_ref.setObjectName("recordingRef")
        self.recording_ref.setMaxLength(64)
        self.elderly = QCheckBox(translate("SaleDialog", "The client confirms explicitly"))
        self.elderly.setToolTip(
            translate(
                "SaleDialog",
                "A client aged 65 or over (or of unknown age) buying an R4 or R5 product "
                "confirms it explicitly, after the risks were explained; the confirmation is "
                "recorded with the sale",
            )
        )
        self.elderly.setObjectName("elderlyConfirmed")
        self.elderly_label = QLabel(translate("SaleDialog", "Confirmation"))
        # A 65+ client's single sale above the share of their assets on record.
        self.large = QCheckBox(translate("SaleDialog", "The client confirms the amount again"))
        self.large.setObjectName("largeConfirmed")
        self.large_label = QLabel(translate("SaleDialog", "Large sale"))
        # A minor: the guardian acting for them, or at 16-17 the proof of own income.
        self.guardian = QLineEdit()
        self.guardian.setObjectName("saleGuardian")
        self.guardian.setMaxLength(80)
        self.guardian.setPlaceholderText(
            translate("SaleDialog", "name and relation, e.g. 张建国（父亲）")
        )
        self.income_proof = QLineEdit()
        self.income_proof.setObjectName("saleIncomeProof")
        self.income_proof.setMaxLength(80)
        self.income_proof.setPlaceholderText(
            translate("SaleDialog", "16–17 living on own labour income: the proof seen")
        )
        minor_box = QWidget()
        minor = QVBoxLayout(minor_box)
        minor.setContentsMargins(0, 0, 0, 0)
        minor.addWidget(self.guardian)
        minor.addWidget(self.income_proof)
        self.guardian_label = QLabel(translate("SaleDialog", "Guardian (minor)"))
        self.minor_box = minor_box
        # Shown, never a refusal: a 65+ client and a product rated R3 or above.
        self.warning = QLabel()
        self.warning.setObjectName("saleWarning")
        self.warning.setWordWrap(True)
        self.warning.setVisible(False)

        form = QFormLayout()
        self.errors = {
            "product": validated_row(form, QLabel(translate("SaleDialog", "Product")), product_box),
            "amount": validated_row(
                form, QLabel(translate("SaleDialog", "Amount (¥)")), AmountEcho(self.amount)
            ),
            "sale_type": validated_row(
                form, QLabel(translate("SaleDialog", "Sale type")), self.sale_type
            ),
            "recording_ref": validated_row(
                form, QLabel(translate("SaleDialog", "Recording (双录) ref.")), self.recording_ref
            ),
            "elderly_confirmed": validated_row(form, self.elderly_label, self.elderly),
            "large_confirmed": validated_row(form, self.large_label, self.large),
            "guardian": validated_row(form, self.guardian_label, minor_box),
        }
        minor_shown = context.is_minor()
        self.guardian_label.setVisible(minor_shown)
        self.minor_box.setVisible(minor_shown)
        self.verdict = QLabel()
        self.verdict.setObjectName("saleVerdict")
        self.verdict.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(translate("SaleDialog", "Record sale"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.client_label)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(self.verdict)
        layout.addWidget(self.buttons)

        self.product.currentIndexChanged.connect(self._product_changed)
        self.amount.textEdited.connect(self.check)
        self.recording_ref.textEdited.connect(self.check)
        self.elderly.toggled.connect(self.check)
        self.large.toggled.connect(self.check)
        self.guardian.textEdited.connect(self.check)
        self.income_proof.textEdited.connect(self.check)
        self.sale_type.activated.connect(self._type_activated)
        self._retranslate_types()
        self._product_changed()

    # ------------------------------------------------------------ what is shown
    def _client_text(self) -> str:
        c = self.context
        if c.id_doc_expiry is not None and c.id_doc_expiry < c.today:
            return translate(
                "SaleDialog",
                "The client's identity document expired on {date}: nothing sells until the "
                "renewed one is recorded.",
            ).format(date=c.id_doc_expiry.isoformat())
        if c.client_level is None:
            return translate(
                "SaleDialog", "The client has no risk assessment: only unrated products sell."
            )
        if c.valid_until is not None and c.valid_until < c.today:
            return translate("SaleDialog", "Client risk level C{level}, expired on {date}.").format(
                level=c.client_level, date=c.valid_until.isoformat()
            )
        return translate("SaleDialog", "Client risk level C{level}, valid through {date}.").format(
            level=c.client_level, date=c.valid_until.isoformat() if c.valid_until else ""
        )

    def _retranslate_types(self) -> None:
        for index in range(self.sale_type.count()):
            sale_type = SaleType(self.sale_type.itemData(index))
            text = domain_text(sale_type.label)
            if sale_type is self._suggested:
                text = translate("SaleDialog", "{type} (suggested)").format(type=text)
            self.sale_type.setItemText(index, text)

    def current_product(self) -> ProductInfo | None:
        return self.product.currentData()

    def _product_changed(self, *_args) -> None:
        self._meet()  # the attempt with the product before, if refused
        product = self.current_product()
        if product is None:
            self.product_info.setText(
                translate("SaleDialog", "No product is on sale: add one on the Products page.")
            )
            self.check()
            return
        notes = [
            domain_text(product.family.label),
            translate("SaleDialog", "minimum ¥{amount}").format(
                amount=format_fen(product.min_amount_fen)
            ),
        ]
        if product.private:
            notes.append(
                translate("SaleDialog", "private: {hours}-hour cooling-off after signing").format(
                    hours=product.cooling_off_hours
                )
            )
        self.product_info.setText(" · ".join(notes))
        warning = self.context.warning(product)
        self.warning.setText(warning.render(QCoreApplication.translate) if warning else "")
        self.warning.setVisible(warning is not None)
        recorded = needs_recording(product.family, product.kind, product.risk_rating)
        self.recording_ref.setEnabled(recorded)
        self.recording_ref.setPlaceholderText(
            translate("SaleDialog", "the audio-video recording's reference")
            if recorded
            else translate("SaleDialog", "not needed for this product")
        )
        elderly = self._elderly_applies = self.context.needs_elderly_confirmation(product)
        self.elderly.setVisible(elderly)
        self.elderly_label.setVisible(elderly)
        if not elderly:
            self.elderly.setChecked(False)
        try:
            self._suggested = self.book.suggested_sale_type(self.context.client_id, product.id)
        except (DomainError, StorageError):
            self._suggested = None
        if self._suggested is not None and not self._type_chosen:
            self.sale_type.setCurrentIndex(self.sale_type.findData(self._suggested.value))
        self._retranslate_types()
        self.check()

    def _type_activated(self, _index: int) -> None:
        self._type_chosen = True

    # ------------------------------------------------------------ the verdict
    def draft(self) -> SaleDraft:
        product = self.current_product()
        return SaleDraft(
            client_id=self.context.client_id,
            product_id=product.id if product else 0,
            amount_fen=parse_money(self.amount.text()),
            sale_type=SaleType(self.sale_type.currentData()),
            visit_id=self.visit_id,
            recording_ref=self.recording_ref.text().strip()
            if self.recording_ref.isEnabled()
            else "",
            elderly_confirmed=self._elderly_applies and self.elderly.isChecked(),
            guardian=self.guardian.text().strip() if self.minor_box.isVisibleTo(self) else "",
            own_income_proof=self.income_proof.text().strip()
            if self.minor_box.isVisibleTo(self)
            else "",
            large_confirmed=self.large.isVisibleTo(self) and self.large.isChecked(),
        )

    def check(self, *_args) -> list[Problem]:
        """The gate's verdict on the form as it stands, under the fields and above the
        buttons; Save only when it passes."""
        product = self.current_product()
        problems: list[Problem] = []
        text = self.amount.text().strip()
        if text and money_problem(text, "amount"):
            problems.append(money_problem(text, "amount"))
        large = product is not None and self.context.needs_large_confirmation(
            product, parse_money(text)
        )
        self.large.setVisible(large)
        self.large_label.setVisible(large)
        if product is None:
            problems.append(Problem("product", QT_TRANSLATE_NOOP("domain", "Choose a product.")))
        else:
            gate = self.context.problems(product, self.draft())
            if problems:  # an amount that cannot be read is said once
                gate = [p for p in gate if p.field != "amount"]
            problems += gate
        self._show(problems)
        return problems

    def _follow_attempt(self, problems: list[Problem]) -> None:
        """Remember the attempt on screen while it is refused (nothing when it is not an
        attempt yet: no product, no amount typed)."""
        product = self.current_product()
        draft = self.draft()
        if self.amount.text().strip() and money_problem(self.amount.text(), "amount"):
            draft = replace(draft, amount_fen=None)  # an amount that cannot be read
        reasons = refusal_met(draft, product.family if product else None, problems)
        self._attempt = (product.id, reasons) if product is not None and reasons else None

    def _meet(self) -> None:
        """The manager moves on from the attempt on screen: a refused one was met."""
        if self._attempt is not None and self._attempt not in self.refusals_met:
            self.refusals_met.append(self._attempt)
        self._attempt = None

    def _record_refusals(self) -> None:
        for product_id, reasons in self.refusals_met:
            try:
                self.book.record_refusal(self.context.client_id, product_id, list(reasons))
            except StorageError as exc:
                log.warning("refusal not logged: %s", exc)
        self.refusals_met.clear()

    def _show(self, problems: list[Problem]) -> None:
        self.problems = problems
        self._follow_attempt(problems)
        placed = [Problem(_ROW_OF.get(p.field, p.field), p.template, p.params) for p in problems]
        show_problems(self.errors, placed)
        if problems:
            self.verdict.setProperty("invalid", True)
            self.verdict.setText(
                QCoreApplication.translate(
                    "SaleDialog",
                    "Not suitable: %n reason(s) above. The sale cannot be recorded; there is "
                    "no override.",
                    "",
                    len(problems),
                )
            )
        else:
            self.verdict.setProperty("invalid", False)
            self.verdict.setText(translate("SaleDialog", "Suitable: the sale may be recorded."))
        self.verdict.style().unpolish(self.verdict)
        self.verdict.style().polish(self.verdict)
        self.save_button.setEnabled(not problems)
        self.layout().activate()  # the reasons' lines change the rows' heights
        self.adjustSize()

    def reject(self) -> None:
        """Closed: each refusal the manager met here is a suitability event of the day
        (its reasons only, nothing of the sale); an empty or half-filled form is none."""
        if self.saved is None:
            self._meet()
        self._record_refusals()
        super().reject()

    def save(self) -> None:
        if self.check():
            return
        try:
            self.saved = self.book.record_sale(self.draft())
        except DomainError as exc:
            self._show(exc.problems)  # what changed since: the service's own verdict
            self._meet()  # refused on Save: met, whatever the manager does next
            return
        except StorageError as exc:
            interaction.explain(self, translate("SaleDialog", "Not saved"), exc)
            return
        self._attempt = None
        self._record_refusals()  # those met before the sale that was made
        self.accept()


class CancelSaleDialog(QDialog):
    """The client cancels within the cooling-off period: the reason, then Cancel sale."""

    def __init__(self, book: SalesBook, sale: SaleInfo, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("SaleDialog", "Cancel in the cooling-off period"))
        self.book = book
        self.sale = sale
        self.cancelled: SaleInfo | None = None
        text = QLabel(
            translate(
                "SaleDialog",
                "Cancel the sale of {product} (¥{amount}) signed {signed}? The cooling-off "
                "period ends {end}; the client gets a full refund and the sale counts in no "
                "total.",
            ).format(
                product=sale.product_name,
                amount=format_fen(sale.amount_fen),
                signed=f"{sale.signed_at:%Y-%m-%d %H:%M}",
                end=f"{sale.cooling_off_until:%Y-%m-%d %H:%M}",
            )
        )
        text.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setObjectName("cancelReason")
        self.reason.setMaxLength(500)
        form = QFormLayout()
        self.errors = {
            "reason": validated_row(form, QLabel(translate("SaleDialog", "Reason")), self.reason)
        }
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(translate("SaleDialog", "Cancel sale"))
        self.ok_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            translate("SaleDialog", "Keep the sale")
        )
        self.reason.textChanged.connect(lambda t: self.ok_button.setEnabled(bool(t.strip())))
        self.buttons.accepted.connect(self.cancel_sale)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def cancel_sale(self) -> None:
        try:
            self.cancelled = self.book.cancel_sale(self.sale, self.reason.text())
        except DomainError as exc:
            if not show_problems(self.errors, exc.problems) & set(self.errors):
                interaction.explain(self, translate("SaleDialog", "Not cancelled"), exc)
                self.reject()
            return
        except StorageError as exc:
            interaction.explain(self, translate("SaleDialog", "Not cancelled"), exc)
            return
        self.accept()


__all__ = ["CancelSaleDialog", "SaleDialog"]
