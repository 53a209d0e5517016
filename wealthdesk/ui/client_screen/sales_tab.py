"""The client screen's sales tab: the client's sales (cancelled ones marked), recording a
new one through the suitability gate, cancelling one in its cooling-off period."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QWidget,
)

from ...domain.errors import DomainError
from ...i18n import translate
from ...services import clock
from ...services.sales import SaleInfo
from ...services.storage import StorageError
from .. import interaction
from ..desk.context import DeskContext
from ..products.product_model import S_PRODUCT, SaleTableModel
from ..sales.sale_dialog import CancelSaleDialog, SaleDialog
from ..sales.sales_book import SalesBook, shared_book
from .client_tab import RecordsTab


class SalesTab(RecordsTab):
    """The shown client's sales; empty, with no trace of them, after :meth:`clear`."""

    def __init__(
        self, desk: DeskContext, parent: QWidget | None = None, book: SalesBook | None = None
    ):
        book = book or shared_book(desk)
        super().__init__(desk, SaleTableModel(), "saleTable", S_PRODUCT, book.sales_changed, parent)
        self.book = book

        self.summary = QLabel()
        self.summary.setObjectName("secondaryText")
        self.record_button = QPushButton()
        self.record_button.setObjectName("recordSale")
        self.record_button.clicked.connect(self.record_sale)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel_sale)
        self.bar.addWidget(self.summary, 1)
        self.bar.addWidget(self.cancel_button)
        self.bar.addWidget(self.record_button)
        self.retranslate()
        self.clear()

    # ------------------------------------------------------------ RecordsTab
    def read(self, client_id: int) -> list[SaleInfo]:
        return self.book.sales(client_id)

    def title(self) -> str:
        standing = [s for s in self.records if not s.cancelled]
        if self.client_id is None or not standing:
            return translate("SalesTab", "Sales")
        return translate("SalesTab", "Sales ({count})").format(count=len(standing))

    def retranslate(self) -> None:
        self.record_button.setText(translate("SalesTab", "Record a sale…"))
        self.cancel_button.setText(translate("SalesTab", "Cancel in cooling-off…"))
        self.cancel_button.setToolTip(
            translate(
                "SalesTab",
                "A private product's sale may be cancelled within 24 hours of signing",
            )
        )
        super().retranslate()

    def show_summary(self) -> None:
        if self.client_id is None:
            self.summary.setText("")
            return
        if not self.records:
            self.summary.setText(translate("SalesTab", "No sale recorded for this client yet."))
            return
        cancelled = sum(1 for s in self.records if s.cancelled)
        self.summary.setText(
            translate("SalesTab", "{count} sales, {cancelled} cancelled").format(
                count=len(self.records), cancelled=cancelled
            )
        )

    def _update_buttons(self, *_args) -> None:
        sale = self.selected()
        self.record_button.setEnabled(self.client_id is not None)
        self.cancel_button.setEnabled(sale is not None and sale.may_cancel(clock.now()))

    # ------------------------------------------------------------ acting
    def record_sale(self) -> SaleDialog | None:
        if self.client_id is None:
            return None
        try:
            context = self.book.sale_context(self.client_id)
            products = self.book.products()
        except (DomainError, StorageError) as exc:
            interaction.explain(self, translate("SalesTab", "Record a sale"), exc)
            return None
        dialog = SaleDialog(self.book, context, products, self.visit_id, self)
        interaction.run_once(dialog)
        if dialog.saved is not None:
            self.status_message.emit(translate("SalesTab", "Sale recorded."))
        return dialog

    def cancel_sale(self) -> None:
        sale = self.selected()
        if sale is None or not sale.may_cancel(clock.now()):
            return
        dialog = CancelSaleDialog(self.book, sale, self)
        interaction.run_once(dialog)
        if dialog.cancelled is not None:
            self.status_message.emit(translate("SalesTab", "Sale cancelled."))
        self.refresh()


__all__ = ["SalesTab"]
