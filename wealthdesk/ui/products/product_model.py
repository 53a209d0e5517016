"""The tables of the catalogue, a client's holdings and a client's sales."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt

from ...domain.product import format_fen
from ...i18n import domain_text, translate
from ...services import clock
from ...services.products import HoldingInfo, ProductInfo
from ...services.sales import SaleInfo
from ..models import TableModel


def rating_text(rating: int | None) -> str:
    return f"R{rating}" if rating else translate("ProductModels", "unrated")


def term_text(days: int | None) -> str:
    if not days:
        return ""
    if days % 365 == 0:
        return QCoreApplication.translate("ProductModels", "%n year(s)", "", days // 365)
    return QCoreApplication.translate("ProductModels", "%n day(s)", "", days)


def maturity_text(maturity: dt.date | None, today: dt.date) -> str:
    """``2026-12-30 (in 33 days)``, ``(today)``, ``(3 days ago)``."""
    if maturity is None:
        return ""
    days = (maturity - today).days
    if days == 0:
        when = translate("ProductModels", "today")
    elif days > 0:
        when = QCoreApplication.translate("ProductModels", "in %n day(s)", "", days)
    else:
        when = QCoreApplication.translate("ProductModels", "%n day(s) ago", "", -days)
    return f"{maturity:%Y-%m-%d} ({when})"


# ---------------------------------------------------------------- the catalogue

(
    COL_CODE,
    COL_NAME,
    COL_FAMILY,
    COL_RATING,
    COL_PRIVATE,
    COL_MINIMUM,
    COL_TERM,
    COL_ACTIVE,
) = range(8)


class ProductTableModel(TableModel):
    """Rows are :class:`ProductInfo`; an inactive product is greyed and says so."""

    CONTEXT = "ProductModels"
    HEADERS = (
        QT_TRANSLATE_NOOP("ProductModels", "Code"),
        QT_TRANSLATE_NOOP("ProductModels", "Name"),
        QT_TRANSLATE_NOOP("ProductModels", "Family"),
        QT_TRANSLATE_NOOP("ProductModels", "Risk"),
        QT_TRANSLATE_NOOP("ProductModels", "Private"),
        QT_TRANSLATE_NOOP("ProductModels", "Minimum (¥)"),
        QT_TRANSLATE_NOOP("ProductModels", "Term"),
        QT_TRANSLATE_NOOP("ProductModels", "On sale"),
    )
    NUMBER_COLUMNS = frozenset({COL_MINIMUM, COL_TERM})

    def text(self, p: ProductInfo, column: int) -> str:
        if column == COL_CODE:
            return p.code
        if column == COL_NAME:
            return p.name
        if column == COL_FAMILY:
            return domain_text(p.family.label)
        if column == COL_RATING:
            return rating_text(p.risk_rating)
        if column == COL_PRIVATE:
            return translate("ProductModels", "private") if p.private else ""
        if column == COL_MINIMUM:
            return format_fen(p.min_amount_fen)
        if column == COL_TERM:
            return term_text(p.term_days)
        if column == COL_ACTIVE:
            return (
                translate("ProductModels", "yes")
                if p.active
                else translate("ProductModels", "off sale")
            )
        return ""

    def sort_key(self, p: ProductInfo, column: int):
        if column == COL_MINIMUM:
            return p.min_amount_fen
        if column == COL_TERM:
            return p.term_days or 0
        if column == COL_RATING:
            return p.risk_rating or 0
        return super().sort_key(p, column)

    def more(self, p: ProductInfo, column: int, role):
        if role == Qt.ItemDataRole.ForegroundRole and not p.active:
            from PySide6.QtGui import QPalette
            from PySide6.QtWidgets import QApplication

            return QApplication.palette().color(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_NAME and p.notes:
            return p.notes
        return None


# ---------------------------------------------------------------- holdings

H_PRODUCT, H_FAMILY, H_AMOUNT, H_START, H_MATURITY, H_STATUS = range(6)


class HoldingTableModel(TableModel):
    """Rows are :class:`HoldingInfo`: the product, its family, the amount, the start and
    the maturity with how far off it is."""

    CONTEXT = "ProductModels"
    HEADERS = (
        QT_TRANSLATE_NOOP("ProductModels", "Product"),
        QT_TRANSLATE_NOOP("ProductModels", "Family"),
        QT_TRANSLATE_NOOP("ProductModels", "Amount (¥)"),
        QT_TRANSLATE_NOOP("ProductModels", "Start"),
        QT_TRANSLATE_NOOP("ProductModels", "Maturity"),
        QT_TRANSLATE_NOOP("ProductModels", "Status"),
    )
    NUMBER_COLUMNS = frozenset({H_AMOUNT})

    def text(self, h: HoldingInfo, column: int) -> str:
        if column == H_PRODUCT:
            return h.product_name
        if column == H_FAMILY:
            return domain_text(h.family.label)
        if column == H_AMOUNT:
            return format_fen(h.amount_fen)
        if column == H_START:
            return f"{h.start_date:%Y-%m-%d}"
        if column == H_MATURITY:
            return (
                maturity_text(h.maturity_date, clock.today())
                if h.is_open
                else (f"{h.maturity_date:%Y-%m-%d}" if h.maturity_date else "")
            )
        if column == H_STATUS:
            if h.closed_on:
                return translate("ProductModels", "closed {date}").format(
                    date=f"{h.closed_on:%Y-%m-%d}"
                )
            return translate("ProductModels", "held")
        return ""

    def sort_key(self, h: HoldingInfo, column: int):
        if column == H_AMOUNT:
            return h.amount_fen
        if column == H_MATURITY:
            return (h.maturity_date or dt.date.max).isoformat()
        return super().sort_key(h, column)

    def more(self, h: HoldingInfo, column: int, role):
        if role == Qt.ItemDataRole.ToolTipRole and column == H_PRODUCT:
            return f"{h.product_code} {rating_text(h.risk_rating)}"
        return None


# ---------------------------------------------------------------- sales

S_SIGNED, S_PRODUCT, S_FAMILY, S_AMOUNT, S_TYPE, S_RECORDING, S_STATUS = range(7)


class SaleTableModel(TableModel):
    """Rows are :class:`SaleInfo`, newest first; a cancelled sale says so in words (and
    is struck through), one in its cooling-off period says until when."""

    CONTEXT = "ProductModels"
    HEADERS = (
        QT_TRANSLATE_NOOP("ProductModels", "Signed"),
        QT_TRANSLATE_NOOP("ProductModels", "Product"),
        QT_TRANSLATE_NOOP("ProductModels", "Family"),
        QT_TRANSLATE_NOOP("ProductModels", "Amount (¥)"),
        QT_TRANSLATE_NOOP("ProductModels", "Sale type"),
        QT_TRANSLATE_NOOP("ProductModels", "Recording"),
        QT_TRANSLATE_NOOP("ProductModels", "Status"),
    )
    NUMBER_COLUMNS = frozenset({S_AMOUNT})

    def text(self, s: SaleInfo, column: int) -> str:
        if column == S_SIGNED:
            return f"{s.signed_at:%Y-%m-%d %H:%M}"
        if column == S_PRODUCT:
            return s.product_name
        if column == S_FAMILY:
            return domain_text(s.family.label)
        if column == S_AMOUNT:
            return format_fen(s.amount_fen)
        if column == S_TYPE:
            return domain_text(s.sale_type.label)
        if column == S_RECORDING:
            return s.recording_ref
        if column == S_STATUS:
            return status_text(s, clock.now())
        return ""

    def sort_key(self, s: SaleInfo, column: int):
        if column == S_AMOUNT:
            return s.amount_fen
        return super().sort_key(s, column)

    def more(self, s: SaleInfo, column: int, role):
        if role == Qt.ItemDataRole.FontRole and s.cancelled:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == S_STATUS and s.cancel_reason:
            return s.cancel_reason
        return None


def status_text(s: SaleInfo, now: dt.datetime) -> str:
    if s.cancelled:
        return translate("ProductModels", "cancelled {date}").format(
            date=f"{s.cancelled_at:%Y-%m-%d %H:%M}"
        )
    if s.may_cancel(now):
        return translate("ProductModels", "cooling-off until {end}").format(
            end=f"{s.cooling_off_until:%m-%d %H:%M}"
        )
    return translate("ProductModels", "signed")


__all__ = [
    "HoldingTableModel",
    "ProductTableModel",
    "SaleTableModel",
    "maturity_text",
    "rating_text",
    "term_text",
]
