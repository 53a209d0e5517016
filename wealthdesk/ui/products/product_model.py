"""The tables of the catalogue, a client's holdings and a client's sales."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from ...domain.product import format_fen
from ...i18n import translate
from ...services import clock
from ...services.products import HoldingInfo, ProductInfo
from ...services.sales import SaleInfo
from ..models import announce_retranslated

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

_NUMBER = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _domain(text: str) -> str:
    return QCoreApplication.translate("domain", text)


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


class _Table(QAbstractTableModel):
    """Rows of one kind, a header per column, cleared without a trace."""

    HEADERS: tuple[str, ...] = ()
    CONTEXT = "ProductModels"
    NUMBER_COLUMNS: frozenset[int] = frozenset()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def row_at(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, ident: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == ident), -1)

    def retranslate(self) -> None:
        announce_retranslated(self)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if 0 <= section < len(self.HEADERS):
            return QCoreApplication.translate(self.CONTEXT, self.HEADERS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        item, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(item, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.NUMBER_COLUMNS:
            return _NUMBER
        if role == ID_ROLE:
            return item.id
        if role == SORT_ROLE:
            return self.sort_key(item, column)
        return self.more(item, column, role)

    def text(self, item, column: int) -> str:
        raise NotImplementedError

    def sort_key(self, item, column: int):
        return self.text(item, column)

    def more(self, item, column: int, role):
        return None


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


class ProductTableModel(_Table):
    """Rows are :class:`ProductInfo`; an inactive product is greyed and says so."""

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
            return _domain(p.family.label)
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


class HoldingTableModel(_Table):
    """Rows are :class:`HoldingInfo`: the product, its family, the amount, the start and
    the maturity with how far off it is."""

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
            return _domain(h.family.label)
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


class SaleTableModel(_Table):
    """Rows are :class:`SaleInfo`, newest first; a cancelled sale says so in words (and
    is struck through), one in its cooling-off period says until when."""

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
            return _domain(s.family.label)
        if column == S_AMOUNT:
            return format_fen(s.amount_fen)
        if column == S_TYPE:
            return _domain(s.sale_type.label)
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
