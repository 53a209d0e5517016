"""The client screen's holdings tab: what the client holds, when each matures, the total;
a holding added or closed by hand (a sale adds its own)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import QT_TRANSLATE_NOOP, DomainError, Problem
from ...domain.product import format_fen, is_holding, money_problem, parse_money
from ...i18n import translate
from ...services import clock
from ...services.products import ClientHoldings, HoldingInfo, ProductInfo
from ...services.storage import StorageError
from .. import interaction
from ..desk.context import DeskContext
from ..forms import AmountEcho, show_problems, validated_row
from ..products.product_model import H_PRODUCT, HoldingTableModel
from ..sales.sales_book import SalesBook, shared_book
from .client_tab import RecordsTab


class HoldingsTab(RecordsTab):
    """Holdings of the client shown; empty, with no trace of them, after :meth:`clear`."""

    EMPTY = ClientHoldings((), 0)

    def __init__(
        self, desk: DeskContext, parent: QWidget | None = None, book: SalesBook | None = None
    ):
        book = book or shared_book(desk)
        super().__init__(
            desk, HoldingTableModel(), "holdingTable", H_PRODUCT, book.holdings_changed, parent
        )
        self.book = book

        self.total_label = QLabel()
        self.total_label.setObjectName("holdingTotal")
        self.show_closed = QCheckBox()
        self.show_closed.toggled.connect(self.refresh)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add_holding)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.close_holding)
        self.bar.addWidget(self.total_label, 1)
        self.bar.addWidget(self.show_closed)
        self.bar.addWidget(self.add_button)
        self.bar.addWidget(self.close_button)
        self.retranslate()
        self.clear()

    # ------------------------------------------------------------ RecordsTab
    def read(self, client_id: int) -> ClientHoldings:
        return self.book.holdings(client_id, self.show_closed.isChecked())

    def rows(self, records: ClientHoldings) -> list[HoldingInfo]:
        return list(records.rows)

    def clear(self) -> None:
        self.show_closed.blockSignals(True)
        self.show_closed.setChecked(False)
        self.show_closed.blockSignals(False)
        super().clear()

    def title(self) -> str:
        count = len(self.records.open_rows)
        if self.client_id is None or not count:
            return translate("HoldingsTab", "Holdings")
        return translate("HoldingsTab", "Holdings ({count})").format(count=count)

    def retranslate(self) -> None:
        self.show_closed.setText(translate("HoldingsTab", "Show closed"))
        self.add_button.setText(translate("HoldingsTab", "Add a holding…"))
        self.close_button.setText(translate("HoldingsTab", "Close holding…"))
        self.close_button.setToolTip(
            translate("HoldingsTab", "The holding was redeemed or paid out today")
        )
        super().retranslate()

    def show_summary(self) -> None:
        if self.client_id is None:
            self.total_label.setText("")
            return
        self.total_label.setText(
            translate("HoldingsTab", "Total held: ¥{total} in {count} holdings").format(
                total=format_fen(self.records.total_fen), count=len(self.records.open_rows)
            )
        )

    def _update_buttons(self, *_args) -> None:
        holding = self.selected()
        self.add_button.setEnabled(self.client_id is not None)
        self.close_button.setEnabled(holding is not None and holding.is_open)

    # ------------------------------------------------------------ changing
    def add_holding(self) -> None:
        if self.client_id is None:
            return
        try:
            catalogue = [p for p in self.book.products() if is_holding(p.family)]
        except StorageError as exc:
            interaction.explain(self, translate("HoldingsTab", "Holdings"), exc)
            return
        dialog = HoldingDialog(catalogue, self)
        client_id = self.client_id

        def save() -> None:
            product, amount, start, maturity = dialog.values()
            try:
                self.book.add_holding(client_id, product.id, amount, start, maturity)
            except DomainError as exc:
                dialog.show_refusal(exc.problems)
                return
            except StorageError as exc:
                interaction.explain(dialog, translate("HoldingsTab", "Not saved"), exc)
                return
            dialog.accept()

        dialog.save_requested = save
        interaction.run_once(dialog)

    def close_holding(self) -> None:
        holding = self.selected()
        if holding is None or not holding.is_open or self.client_id is None:
            return
        if not interaction.confirm(
            self,
            translate("HoldingsTab", "Close holding"),
            translate(
                "HoldingsTab", "Close the holding of {product} (¥{amount}) as redeemed today?"
            ).format(product=holding.product_name, amount=format_fen(holding.amount_fen)),
            translate("HoldingsTab", "Close holding"),
        ):
            return
        try:
            self.book.close_holding(holding.id, self.client_id)
        except (DomainError, StorageError) as exc:
            interaction.explain(self, translate("HoldingsTab", "Not changed"), exc)
            self.refresh()


class HoldingDialog(QDialog):
    """A holding entered by hand: the product (of those that are held), the amount, the
    start and the maturity (from the product's term unless changed)."""

    def __init__(self, products: list[ProductInfo], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("HoldingsTab", "Add a holding"))
        self.save_requested = self.accept
        self.product = QComboBox()
        for product in products:
            self.product.addItem(f"{product.code} {product.name}", product)
        self.amount = QLineEdit()
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.amount.setPlaceholderText(translate("HoldingsTab", "e.g. 50000, 5万"))
        today = clock.today()
        self.start = QDateEdit(QDate(today.year, today.month, today.day))
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd")
        self.has_maturity = QCheckBox(translate("HoldingsTab", "matures on"))
        self.maturity = QDateEdit()
        self.maturity.setCalendarPopup(True)
        self.maturity.setDisplayFormat("yyyy-MM-dd")
        maturity_row = QWidget()
        row = QHBoxLayout(maturity_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.has_maturity)
        row.addWidget(self.maturity, 1)
        form = QFormLayout()
        self.errors = {
            "product": validated_row(
                form, QLabel(translate("HoldingsTab", "Product")), self.product
            ),
            "amount": validated_row(
                form, QLabel(translate("HoldingsTab", "Amount (¥)")), AmountEcho(self.amount)
            ),
            "start": validated_row(form, QLabel(translate("HoldingsTab", "Start")), self.start),
            "maturity_date": validated_row(
                form, QLabel(translate("HoldingsTab", "Maturity")), maturity_row
            ),
        }
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(lambda: self.save_requested())
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.product.currentIndexChanged.connect(self._product_changed)
        self.start.dateChanged.connect(self._product_changed)
        self.has_maturity.toggled.connect(self.maturity.setEnabled)
        self.amount.textEdited.connect(self._check)
        self._product_changed()

    def _product_changed(self, *_args) -> None:
        product: ProductInfo | None = self.product.currentData()
        term = product.term_days if product else None
        self.has_maturity.setChecked(bool(term))
        self.maturity.setEnabled(bool(term))
        start = self.start.date().toPython()
        end = start + dt.timedelta(days=term or 365)
        self.maturity.setDate(QDate(end.year, end.month, end.day))
        self._check()

    def _problems(self) -> list[Problem]:
        problems = []
        if self.product.currentData() is None:
            problems.append(
                Problem(
                    "product",
                    QT_TRANSLATE_NOOP("domain", "Add the product to the catalogue first."),
                )
            )
        problem = money_problem(self.amount.text(), "amount")
        if problem and self.amount.text().strip():
            problems.append(problem)
        return problems

    def _check(self, *_args) -> None:
        problems = self._problems()
        show_problems(self.errors, problems)
        ok = not problems and bool(parse_money(self.amount.text()))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(ok)

    def values(self) -> tuple[ProductInfo, int, dt.date, dt.date | None]:
        maturity = self.maturity.date().toPython() if self.has_maturity.isChecked() else None
        return (
            self.product.currentData(),
            parse_money(self.amount.text()) or 0,
            self.start.date().toPython(),
            maturity,
        )

    def show_refusal(self, problems: list[Problem]) -> None:
        show_problems(self.errors, problems)


__all__ = ["HoldingDialog", "HoldingsTab"]
