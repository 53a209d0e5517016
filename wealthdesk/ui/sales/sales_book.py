"""The catalogue, holdings and sales as the UI sees them: the services plus
meaning-level signals, so a sale recorded in the sales tab shows in the holdings tab."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ...domain.client import ProductFamily
from ...domain.product import ProductDraft
from ...domain.sales import SaleType
from ...services import products as product_service
from ...services import sales as sale_service
from ...services.client_import import ImportReport
from ...services.products import ClientHoldings, HoldingInfo, ProductInfo
from ...services.sales import SaleContext, SaleDraft, SaleInfo
from ...services.storage import guarded


class SalesBook(QObject):
    """One per window (see :func:`shared_book`); *actor* and *desk* are who and where
    the audit log and the sales log name. Every call raises
    :class:`~wealthdesk.services.storage.StorageError` when the database fails."""

    products_changed = Signal()
    holdings_changed = Signal(int)  # client id
    sales_changed = Signal(int)  # client id

    def __init__(
        self, actor: Callable[[], str], desk: Callable[[], str], parent: QObject | None = None
    ):
        super().__init__(parent)
        self._actor = actor
        self._desk = desk

    @property
    def actor(self) -> str:
        return self._actor()

    # ------------------------------------------------------------ the catalogue
    @guarded
    def products(
        self, search: str = "", family: ProductFamily | None = None, inactive: bool = False
    ) -> list[ProductInfo]:
        return product_service.list_products(search, family, inactive)

    @guarded
    def product(self, product_id: int) -> ProductInfo:
        return product_service.get_product(product_id)

    @guarded
    def check_product(self, draft: ProductDraft, editing_id: int | None = None):
        return product_service.check_product(draft, editing_id)

    @guarded
    def create_product(self, draft: ProductDraft) -> ProductInfo:
        info = product_service.create_product(draft, self.actor)
        self.products_changed.emit()
        return info

    @guarded
    def update_product(self, product_id: int, draft: ProductDraft, version: int) -> ProductInfo:
        info = product_service.update_product(product_id, draft, self.actor, version)
        self.products_changed.emit()
        return info

    @guarded
    def set_active(self, product_id: int, active: bool, version: int) -> ProductInfo:
        info = product_service.set_active(product_id, active, self.actor, version)
        self.products_changed.emit()
        return info

    @guarded
    def import_file(self, path: Path, progress: Callable[[int, int], bool]) -> ImportReport:
        report = product_service.import_products(path, self.actor, progress)
        if report.imported:
            self.products_changed.emit()
        return report

    # ------------------------------------------------------------ holdings
    @guarded
    def holdings(self, client_id: int, include_closed: bool = False) -> ClientHoldings:
        return product_service.client_holdings(client_id, include_closed)

    @guarded
    def add_holding(
        self,
        client_id: int,
        product_id: int,
        amount_fen: int,
        start: dt.date,
        maturity: dt.date | None,
    ) -> HoldingInfo:
        info = product_service.add_holding(
            client_id, product_id, amount_fen, start, self.actor, maturity
        )
        self.holdings_changed.emit(client_id)
        return info

    @guarded
    def close_holding(self, holding_id: int, client_id: int) -> HoldingInfo:
        info = product_service.close_holding(holding_id, self.actor)
        self.holdings_changed.emit(client_id)
        return info

    # ------------------------------------------------------------ sales
    @guarded
    def sales(self, client_id: int) -> list[SaleInfo]:
        return sale_service.client_sales(client_id)

    @guarded
    def sale_context(self, client_id: int) -> SaleContext:
        return sale_service.sale_context(client_id, self._desk())

    @guarded
    def suggested_sale_type(self, client_id: int, product_id: int) -> SaleType:
        return sale_service.suggested_sale_type(client_id, product_id)

    @guarded
    def record_sale(self, draft: SaleDraft) -> SaleInfo:
        info = sale_service.record_sale(draft, self.actor, self._desk())
        self.sales_changed.emit(draft.client_id)
        self.holdings_changed.emit(draft.client_id)
        return info

    @guarded
    def record_refusal(self, client_id: int, product_id: int, reasons: list[str]) -> None:
        sale_service.record_refusal(client_id, product_id, reasons, self.actor, self._desk())

    @guarded
    def cancel_sale(self, sale: SaleInfo, reason: str) -> SaleInfo:
        info = sale_service.cancel_sale(sale.id, reason, self.actor, sale.row_version)
        self.sales_changed.emit(sale.client_id)
        self.holdings_changed.emit(sale.client_id)
        return info


_books: dict[int, SalesBook] = {}


def shared_book(desk) -> SalesBook:
    """The one book of a desk (its :class:`~wealthdesk.ui.desk.context.DeskContext`), shared by
    the products page and the client screen's tabs so each sees the others' changes."""
    book = _books.get(id(desk))
    if book is None or getattr(book, "_for", None) is not desk:
        book = SalesBook(desk.actor, lambda: desk.desk)
        book._for = desk  # keeps the key's object alive as long as its book
        _books[id(desk)] = book
    return book


__all__ = ["SalesBook", "shared_book"]
