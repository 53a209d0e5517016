"""Sales as the rules see them: the sale type, the cooling-off period of private
products, and the day's totals by family and sale type.

The sale type a sale is suggested as (the manager may change it), from what the client
has or had with the branch: their holdings, open or closed, and their earlier sales
that were not cancelled (a card or a loan leaves no holding):

- nothing at all → **new** (新客销售): the client's first product;
- this very product → **repeat** (重复销售): buying it again;
- another product of the same family → **upsell** (升级销售): more of what they know;
- only products of other families → **cross-sell** (交叉销售).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from .client import Labeled, ProductFamily
from .errors import QT_TRANSLATE_NOOP, Problem

COOLING_OFF = dt.timedelta(hours=24)
# A sale's 双录 recording is kept until the product's end plus 6 months (issue 19).
RECORDING_KEPT_MONTHS = 6
CANCEL_REASON_MAX = 500


class SaleType(Labeled):
    NEW = "new"
    UPSELL = "upsell"
    CROSS_SELL = "cross_sell"
    REPEAT = "repeat"

    @classmethod
    def _labels(cls):
        return {
            "new": QT_TRANSLATE_NOOP("domain", "New"),
            "upsell": QT_TRANSLATE_NOOP("domain", "Upsell"),
            "cross_sell": QT_TRANSLATE_NOOP("domain", "Cross-sell"),
            "repeat": QT_TRANSLATE_NOOP("domain", "Repeat"),
        }

    @classmethod
    def _aliases(cls):
        return {
            "new": ("新客销售", "新增销售", "首次销售", "新客"),
            "upsell": ("升级销售", "升级"),
            "cross_sell": ("交叉销售", "交叉", "cross-sell"),
            "repeat": ("重复销售", "重复", "复购"),
        }


def suggest_sale_type(
    owned: Iterable[tuple[int, ProductFamily]], product_id: int, family: ProductFamily
) -> SaleType:
    """The sale type of selling *product_id* (of *family*) to a client who has or had
    the products *owned* (product id, family); see the module's rules."""
    anything = same_family = False
    for owned_id, owned_family in owned:
        if owned_id == product_id:
            return SaleType.REPEAT
        anything = True
        same_family = same_family or owned_family == family
    if not anything:
        return SaleType.NEW
    return SaleType.UPSELL if same_family else SaleType.CROSS_SELL


def cooling_off_end(signed_at: dt.datetime, hours: int = 24) -> dt.datetime:
    """When a private product's cooling-off period ends: *hours* (the product's, at
    least 24) after the client signed, not after the sale was typed in. The client may
    cancel up to and including that moment."""
    return signed_at + max(COOLING_OFF, dt.timedelta(hours=hours))


def add_months(day: dt.date, months: int) -> dt.date:
    """*day* moved by *months*; a day the month lacks becomes its last (08-31 + 6 → 02-28)."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def recording_retention(signed_on: dt.date, term_days: int | None) -> dt.date | None:
    """Until when a sale's 双录 recording is kept: the product's end (the signing day plus
    its term) plus 6 months; None for a product without a term (kept while it is held,
    and 6 months after)."""
    if not term_days:
        return None
    return add_months(signed_on + dt.timedelta(days=term_days), RECORDING_KEPT_MONTHS)


def cancel_problem(
    cooling_off_until: dt.datetime | None,
    cancelled_at: dt.datetime | None,
    now: dt.datetime,
    reason: str,
) -> Problem | None:
    """Why the sale cannot be cancelled now, or None. Only a private product's sale is
    cancelled, within its cooling-off period (*cooling_off_until* included), once, and
    with a reason. Times in one zone: the service passes local ones, so the refusal
    names the end as the manager's clock shows it."""
    if cancelled_at is not None:
        return Problem("sale", QT_TRANSLATE_NOOP("domain", "This sale is already cancelled."))
    if cooling_off_until is None:
        return Problem(
            "sale",
            QT_TRANSLATE_NOOP(
                "domain",
                "Only the sale of a private product is cancelled here, in its cooling-off "
                "period; this one has none.",
            ),
        )
    if now > cooling_off_until:
        return Problem(
            "sale",
            QT_TRANSLATE_NOOP(
                "domain",
                "The cooling-off period ended at {end}; the sale can no longer be cancelled.",
            ),
            {"end": f"{cooling_off_until:%Y-%m-%d %H:%M}"},
        )
    if not reason:
        return Problem("reason", QT_TRANSLATE_NOOP("domain", "Say why the client cancels."))
    if len(reason) > CANCEL_REASON_MAX:
        return Problem(
            "reason",
            QT_TRANSLATE_NOOP("domain", "This text is longer than {max} characters."),
            {"max": CANCEL_REASON_MAX},
        )
    return None


@dataclass(frozen=True)
class SaleTotal:
    """The sales of one family and sale type: how many and how much (fen)."""

    family: ProductFamily
    sale_type: SaleType
    count: int
    amount_fen: int


@dataclass(frozen=True)
class SalesTotals:
    """A day's (or any period's) sales that stand, by family and sale type, and in all."""

    rows: tuple[SaleTotal, ...]
    count: int
    amount_fen: int

    def of(self, family: ProductFamily, sale_type: SaleType | None = None) -> tuple[int, int]:
        """(count, fen) of one family, of one of its sale types or all of them."""
        picked = [
            r
            for r in self.rows
            if r.family is family and (sale_type is None or r.sale_type is sale_type)
        ]
        return sum(r.count for r in picked), sum(r.amount_fen for r in picked)


def sales_totals(
    sales: Iterable[tuple[ProductFamily, SaleType, int, bool]],
) -> SalesTotals:
    """Totals of *sales* given as (family, sale type, fen, cancelled); a cancelled sale
    counts nowhere. Rows in the order of the families and sale types."""
    sums: dict[tuple[ProductFamily, SaleType], list[int]] = {}
    for family, sale_type, amount, cancelled in sales:
        if cancelled:
            continue
        entry = sums.setdefault((family, sale_type), [0, 0])
        entry[0] += 1
        entry[1] += amount
    families, types = list(ProductFamily), list(SaleType)
    rows = tuple(
        SaleTotal(f, t, c, a)
        for (f, t), (c, a) in sorted(
            sums.items(), key=lambda kv: (families.index(kv[0][0]), types.index(kv[0][1]))
        )
    )
    return SalesTotals(rows, sum(r.count for r in rows), sum(r.amount_fen for r in rows))


__all__ = [
    "COOLING_OFF",
    "SaleTotal",
    "SaleType",
    "SalesTotals",
    "cancel_problem",
    "cooling_off_end",
    "recording_retention",
    "sales_totals",
    "suggest_sale_type",
]
