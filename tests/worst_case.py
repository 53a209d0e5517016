"""The widest data a document must still print legibly: a real summary (made through the
services) with its rows replaced by the longest names, codes, references, waits and
amounts the app accepts, for the layout tests."""

from __future__ import annotations

import dataclasses
import datetime as dt

from wealthdesk.domain.care import SupportKind
from wealthdesk.domain.client import ProductFamily
from wealthdesk.domain.queue import VisitKind, VisitState
from wealthdesk.domain.sales import SaleType, sales_totals
from wealthdesk.services.care import SupportInfo
from wealthdesk.services.day_close import DayLine, OpenItem, SaleRow, VisitRow

MOST_FEN = 9_999_999_999  # ¥99,999,999.99
LONG_CODE = "SM-2026-FOF-000123456"
LONG_REF = "SL-2026-11-27-000000012345-A"


def _moment(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute)).astimezone()


def sale_rows(day: dt.date, count: int = 12) -> tuple[SaleRow, ...]:
    families, types = list(ProductFamily), list(SaleType)
    return tuple(
        SaleRow(
            signed_at=_moment(day, 9 + n % 8, n % 60),
            masked_name="欧阳**",
            product_code=LONG_CODE,
            product_name="稳盈增利一年期封闭式固定收益类理财产品第十二期",
            family=families[n % len(families)],
            sale_type=types[n % len(types)],
            amount_fen=MOST_FEN,
            recording_ref=LONG_REF if n % 3 else "",
            elderly_confirmed=bool(n % 2),
            cancelled_at=None,
            desk="12",
        )
        for n in range(count)
    )


def visit_rows(day: dt.date, count: int = 30) -> tuple[VisitRow, ...]:
    rows = []
    for n in range(count):
        arrived = _moment(day, 8, n)
        called = arrived + dt.timedelta(hours=9, minutes=59)
        finished = called + dt.timedelta(hours=7, minutes=59)
        rows.append(
            VisitRow(
                ticket=f"W{n + 100:03d}",
                masked_name="欧阳**",
                kind=VisitKind.WALK_IN,
                desk="12",
                arrived_at=arrived,
                called_at=called,
                started_at=called,
                finished_at=finished,
                wait=called - arrived,
                service=finished - called,
                state=VisitState.DONE,
                outcome="客户需要与家人商量后再决定购买哪一款长期限的理财产品" * (1 + n % 2),
            )
        )
    return tuple(rows)


def supports(day: dt.date) -> tuple[SupportInfo, ...]:
    return tuple(
        SupportInfo(
            id=n,
            supported_at=_moment(day, 10 + n),
            colleague="欧阳娜娜（对公客户经理，城东支行营业部）",
            kind=list(SupportKind)[n % len(SupportKind)],
            duration_minutes=9999,
            sale_followed=bool(n % 2),
            notes="",
        )
        for n in range(4)
    )


def open_items(count: int = 8) -> tuple[OpenItem, ...]:
    return tuple(
        OpenItem(
            "appointment", "欧阳**", "2026-11-30 16:45", "与客户及其配偶一同面谈家庭资产配置方案"
        )
        for _ in range(count)
    )


def compliance(day: dt.date, count: int = 45):
    """The day close's compliance part at its widest: long codes and references, more
    unchecked recordings than are listed."""
    from wealthdesk.services.risk import LevelJump
    from wealthdesk.services.sale_reviews import DayCompliance, UncheckedRecording

    code = "QY-2026-ZX-000001-PLUS-RESERVED"  # 31 of the 32 characters a code may have
    jumps = tuple(
        LevelJump(i, "欧阳**", 1, 5, 99_999_990 + i, code, 5, dt.date(2026, 12, 31))
        for i in range(6)
    )
    unchecked = tuple(
        UncheckedRecording(
            99_999_990 + i,
            _moment(day, 17, 59),
            "欧阳**",
            code,
            "SL" + "8" * 62,  # the most a reference may hold
            dt.date(2099, 12, 31),
        )
        for i in range(count)
    )
    return DayCompliance(jumps, unchecked)


def _sales_figures(sales, day: dt.date):
    rows = sale_rows(day)
    return dataclasses.replace(
        sales,
        totals=sales_totals((r.family, r.sale_type, r.amount_fen, False) for r in rows),
        sales=rows,
        cooling_off_cancellations=rows[:3],
        missing_recording=tuple(r for r in rows if not r.recording_ref),
        refusals=(
            ("assessment", 99),
            ("product", 99),
            ("elderly_confirmed", 99),
            ("amount", 99),
            ("recording_ref", 99),
        ),
    )


def worst_day(summary):
    """*summary* (a DaySummary) with the widest rows and figures."""
    day = summary.day
    return dataclasses.replace(
        summary,
        branch="中国工商银行股份有限公司杭州城东支行营业部理财室",
        manager="欧阳娜娜",
        desk="12",
        sales=_sales_figures(summary.sales, day),
        supports=supports(day),
        visits=visit_rows(day),
        follow_ups=open_items(),
        unresolved_appointments=open_items(),
        open_visits=open_items(3),
        compliance=compliance(day),
    )


def worst_period(summary):
    """*summary* (a PeriodSummary) with the widest rows and figures."""
    day = summary.first
    lines = tuple(
        DayLine(
            day=d.day,
            working=d.working,
            arrived=999,
            served=999,
            average_wait=dt.timedelta(hours=9, minutes=59),
            sales_count=999,
            sales_fen=MOST_FEN,
            work_minutes=9999,
            closed=True,
            **{
                name: getattr(d, name)
                for name in ("service_minutes", "call_minutes", "support_minutes")
                if hasattr(d, name)
            },
        )
        for d in summary.days
    )
    return dataclasses.replace(
        summary,
        branch="中国工商银行股份有限公司杭州城东支行营业部理财室",
        manager="欧阳娜娜",
        desk="12",
        sales=_sales_figures(summary.sales, day),
        supports=supports(day),
        days=lines,
        follow_ups=open_items(40),
        unresolved_appointments=open_items(40),
        open_visits=open_items(3),
        compliance=compliance(day),
    )
