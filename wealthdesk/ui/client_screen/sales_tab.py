"""The client screen's sales tab: the client's sales (cancelled ones marked), recording a
new one through the suitability gate, cancelling one in its cooling-off period."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError
from ...i18n import translate
from ...services import clock
from ...services.sales import SaleInfo
from ...services.storage import StorageError
from .. import defs, interaction
from ..desk.context import DeskContext
from ..models import SORT_ROLE
from ..products.product_model import S_PRODUCT, SaleTableModel
from ..sales.sale_dialog import CancelSaleDialog, SaleDialog
from ..sales.sales_book import SalesBook, shared_book
from ..tables import list_table
from .client_tab import ClientTab


class SalesTab(ClientTab):
    """The shown client's sales; empty, with no trace of them, after :meth:`clear`."""

    def __init__(
        self, desk: DeskContext, parent: QWidget | None = None, book: SalesBook | None = None
    ):
        super().__init__(desk, parent)
        self.book = book or shared_book(desk)
        self._sales: list[SaleInfo] = []

        self.model = SaleTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = list_table(self.proxy, "saleTable", S_PRODUCT, left_headers=True)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        self.summary = QLabel()
        self.summary.setObjectName("secondaryText")
        self.record_button = QPushButton()
        self.record_button.setObjectName("recordSale")
        self.record_button.clicked.connect(self.record_sale)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel_sale)
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.cancel_button)
        bar.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(defs.MARGIN, defs.MARGIN, defs.MARGIN, defs.MARGIN)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

        self.book.sales_changed.connect(self._changed)
        self.retranslate()
        self.clear()

    # ------------------------------------------------------------ ClientTab
    def show_client(self, client_id: int, visit_id: int | None = None) -> None:
        super().show_client(client_id, visit_id)
        self.refresh()

    def clear(self) -> None:
        super().clear()
        self._sales = []
        self.model.clear()
        self.summary.setText("")
        self._update_buttons()
        self.title_changed.emit()

    def title(self) -> str:
        standing = [s for s in self._sales if not s.cancelled]
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
        self.model.retranslate()
        self._show_summary()

    # ------------------------------------------------------------ reading
    def refresh(self) -> None:
        if self.client_id is None:
            return
        try:
            self._sales = self.book.sales(self.client_id)
        except StorageError as exc:
            self._sales = []
            self.status_message.emit(exc.render(QCoreApplication.translate))
        self.model.set_rows(self._sales)
        self._show_summary()
        self._update_buttons()
        self.title_changed.emit()

    def _changed(self, client_id: int) -> None:
        if client_id == self.client_id:
            self.refresh()

    def _show_summary(self) -> None:
        if self.client_id is None:
            self.summary.setText("")
            return
        if not self._sales:
            self.summary.setText(translate("SalesTab", "No sale recorded for this client yet."))
            return
        cancelled = sum(1 for s in self._sales if s.cancelled)
        self.summary.setText(
            translate("SalesTab", "{count} sales, {cancelled} cancelled").format(
                count=len(self._sales), cancelled=cancelled
            )
        )

    def selected(self) -> SaleInfo | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().hasSelection():
            return None
        return self.model.row_at(self.proxy.mapToSource(index).row())

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
        interaction.run_dialog(dialog)
        if dialog.saved is not None:
            self.status_message.emit(translate("SalesTab", "Sale recorded."))
        return dialog

    def cancel_sale(self) -> None:
        sale = self.selected()
        if sale is None or not sale.may_cancel(clock.now()):
            return
        dialog = CancelSaleDialog(self.book, sale, self)
        interaction.run_dialog(dialog)
        if dialog.cancelled is not None:
            self.status_message.emit(translate("SalesTab", "Sale cancelled."))
        self.refresh()


__all__ = ["SalesTab"]
