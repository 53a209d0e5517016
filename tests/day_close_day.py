"""A day at the desk made through the services with the clock set, for the day-close
tests: visitors served, left and no-show, appointments kept, late, missed, cancelled and
rescheduled, sales (one 65+ confirmation, one cancelled in its cooling-off), care calls,
colleague support and a door notice. What happened is returned, so that a test can
compute each figure on its own and compare it with what the day close prints."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from compliance import qualify_desk

from wealthdesk.db.models import RiskAssessment
from wealthdesk.domain.appointment import CancelledBy
from wealthdesk.domain.care import CallOutcome, SupportKind
from wealthdesk.domain.client import ClientDraft, ProductFamily
from wealthdesk.domain.investor import QualifiedInvestorDraft
from wealthdesk.domain.notice import NoticeKind
from wealthdesk.domain.product import ProductDraft
from wealthdesk.domain.queue import ServiceOutcome, VisitKind
from wealthdesk.services import (
    appointments,
    care,
    clients,
    notices,
    products,
    queue,
    sales,
    suitability,
)
from wealthdesk.services import clock as service_clock
from wealthdesk.services.sales import SaleDraft

DAY = dt.date(2026, 11, 27)  # a Friday
ACTOR = "王经理 (desk 1)"
DESK = "1"
# 2 years' experience and ¥5m of household financial assets, proved a month ago.
QUALIFIED = QualifiedInvestorDraft(3, 0, 500_000_000, 0, "asset_certificate", dt.date(2026, 10, 27))

# Clients with whole mobiles and IDs that must never be printed.
PEOPLE = (
    ("张伟国", "13812345678", "360426199101010071"),
    ("李娜", "13912345670", "11010519491231002X"),  # born 1949: 76, needs the 65+ confirmation
    ("欧阳娜娜", "13712345672", "110105198001010016"),
    ("王芳", "13612345674", "110105199003070025"),
)


def at(hour: int, minute: int = 0, day: dt.date = DAY) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute)).astimezone()


@dataclass
class MadeDay:
    clients: list[int] = field(default_factory=list)
    waits: list[int] = field(default_factory=list)  # minutes, of visitors called
    services: list[int] = field(default_factory=list)  # minutes, of services finished
    arrivals_by_hour: dict[int, int] = field(default_factory=dict)
    served: int = 0
    left: int = 0
    no_show: int = 0
    call_minutes: int = 0
    calls: int = 0
    support_minutes: int = 0
    sales_fen: int = 0  # standing sales signed on the day
    sales_count: int = 0
    cancelled_fen: int = 0
    tickets: list[str] = field(default_factory=list)


def make_day(clock) -> MadeDay:
    """The fixture day; *clock* is the conftest's settable clock."""
    made = MadeDay()
    clock.set(at(8, 0))
    for name, mobile, id_number in PEOPLE:
        draft = ClientDraft(name=name, mobile=mobile, id_number=id_number)
        made.clients.append(clients.create_client(draft, "setup").id)
    for cid in made.clients:
        RiskAssessment.create(
            client=cid,
            assessed_on=dt.date(2026, 6, 1),
            valid_until=dt.date(2027, 5, 31),
            score=90,
            level=5,
            created_at=dt.datetime(2026, 6, 1),
        )
    wealth = products.create_product(
        ProductDraft(code="LC-90", name="稳盈90天", family=ProductFamily.WEALTH, risk_rating=3),
        "setup",
    ).id
    fund = products.create_product(
        ProductDraft(code="JJ-GP", name="成长股票基金", family=ProductFamily.INTERMEDIARY,
                     risk_rating=4),
        "setup",
    ).id  # fmt: skip
    private = products.create_product(
        ProductDraft(code="SM-01", name="私募一号", family=ProductFamily.WEALTH, risk_rating=3,
                     private=True, min_amount_fen=100_000_000, asset_class="equity"),
        "setup",
    ).id  # fmt: skip
    qualify_desk(DESK)
    suitability.record_qualified_investor(made.clients[2], QUALIFIED, "setup")
    deposit = products.create_product(
        ProductDraft(code="CK-1Y", name="一年定期", family=ProductFamily.LIABILITY,
                     risk_rating=None, term_days=365),
        "setup",
    ).id  # fmt: skip

    # Appointments booked the day before.
    clock.set(at(9, 0, DAY - dt.timedelta(days=1)))

    def book(hour: int, minute: int, client: int) -> int:
        draft = appointments.AppointmentDraft(start=at(hour, minute), client_id=client)
        return appointments.create(draft, ACTOR).id

    kept = book(9, 30, made.clients[0])
    late = book(10, 30, made.clients[1])
    missed = book(14, 0, made.clients[2])
    cancelled = book(15, 0, made.clients[3])
    moved = book(16, 0, made.clients[3])
    clock.set(at(8, 30))
    appointments.cancel(cancelled, CancelledBy.CLIENT, ACTOR)
    appointments.reschedule(moved, at(10, 0, DAY + dt.timedelta(days=3)), 30, ACTOR)

    def arrive(when: dt.datetime, visit=None, name: str = "") -> int:
        clock.set(when)
        made.arrivals_by_hour[when.hour] = made.arrivals_by_hour.get(when.hour, 0) + 1
        if visit is not None:
            info = appointments.check_in(visit, ACTOR)
        else:
            info = queue.check_in(queue.CheckIn(VisitKind.WALK_IN, walk_in_name=name), ACTOR)
        made.tickets.append(info.ticket)
        return info.id

    def serve(visit_id: int, arrived: dt.datetime, called: dt.datetime, minutes: int, outcome):
        clock.set(called)
        queue.call(visit_id, DESK, ACTOR)
        queue.start_service(visit_id, ACTOR)
        made.waits.append(int((called - arrived).total_seconds() // 60))
        clock.set(called + dt.timedelta(minutes=minutes))
        queue.finish(visit_id, outcome, ACTOR)
        made.services.append(minutes)
        made.served += 1

    # 1: the 9:30 appointment, on time, waits 5 min, served 25 min; buys a wealth product.
    v = arrive(at(9, 25), kept)
    serve(v, at(9, 25), at(9, 30), 25, ServiceOutcome.SOLD.value)
    clock.set(at(9, 50))
    sale = sales.record_sale(
        SaleDraft(made.clients[0], wealth, 5_000_000, visit_id=v, recording_ref="SL20260001"),
        ACTOR,
        DESK,
    )
    made.sales_fen += sale.amount_fen
    made.sales_count += 1
    # 2: a walk-in waits 22 minutes (over the 15-minute target), served 40 minutes.
    w = arrive(at(9, 40), name="赵敏")
    serve(w, at(9, 40), at(10, 2), 40, ServiceOutcome.ADVISED.value)
    # 3: the 10:30 appointment comes 20 minutes late (late), waits 3, served 30; 76 years
    # old, buys an R4 fund with the 65+ confirmation, and a deposit.
    v = arrive(at(10, 50), late)
    serve(v, at(10, 50), at(10, 53), 30, ServiceOutcome.SOLD.value)
    clock.set(at(11, 20))
    for product_id, fen, extra in (
        (
            fund,
            2_000_000,
            {"elderly_confirmed": True, "large_confirmed": True, "recording_ref": "SL20260002"},
        ),
        (deposit, 10_000_000, {}),
    ):
        sale = sales.record_sale(SaleDraft(made.clients[1], product_id, fen, **extra), ACTOR, DESK)
        made.sales_fen += sale.amount_fen
        made.sales_count += 1
    # 4: a walk-in gives up waiting; 5: a walk-in called who does not come.
    gone = arrive(at(11, 0), name="钱多多")
    clock.set(at(11, 30))
    queue.leave(gone, ACTOR)
    made.left += 1
    absent = arrive(at(14, 10), name="孙悟空")
    clock.set(at(14, 30))
    queue.call(absent, DESK, ACTOR)
    made.waits.append(20)
    clock.set(at(14, 40))
    queue.no_show(absent, ACTOR)
    made.no_show += 1
    # 6: a walk-in for a private product, signed and cancelled in the afternoon.
    p = arrive(at(15, 5), name="周杰")
    serve(p, at(15, 5), at(15, 10), 15, ServiceOutcome.SOLD.value)
    clock.set(at(15, 30))
    signed = sales.record_sale(
        SaleDraft(made.clients[2], private, 100_000_000, recording_ref="SL20260003"), ACTOR, DESK
    )
    clock.set(at(16, 0))
    sales.cancel_sale(signed.id, "客户改变主意", ACTOR)
    made.cancelled_fen += signed.amount_fen

    # Care calls and colleague support.
    clock.set(at(16, 10))
    for client_id, outcome, minutes in (
        (made.clients[3], CallOutcome.REACHED, 6),
        (made.clients[2], CallOutcome.NO_ANSWER, 0),
    ):
        care.log_call(outcome, ACTOR, DESK, client_id=client_id, duration_minutes=minutes)
        made.calls += 1
        made.call_minutes += minutes
    clock.set(at(16, 20))
    care.log_call(
        CallOutcome.CALL_BACK,
        ACTOR,
        DESK,
        client_id=made.clients[0],
        duration_minutes=4,
        call_back_at=at(10, 0, DAY + dt.timedelta(days=1)),
    )
    made.calls += 1
    made.call_minutes += 4
    clock.set(at(16, 40))
    care.log_support("刘同事", SupportKind.ASSET_ALLOCATION, 25, ACTOR, DESK, sale_followed=True)
    made.support_minutes += 25
    clock.set(at(12, 0))
    notices.record(NoticeKind.LUNCH, "printed", ACTOR, DESK)
    # The end of the day: the missed appointment is still open (unresolved).
    clock.set(at(17, 30))
    assert missed
    return made


def service_clock_now() -> dt.datetime:
    return service_clock.now()


WEDNESDAY = dt.date(2026, 11, 25)  # of the fixture day's week


@dataclass
class MadeWednesday:
    waits: list[int] = field(default_factory=list)
    services: list[int] = field(default_factory=list)
    tickets: list[str] = field(default_factory=list)
    sales_fen: int = 0


def make_wednesday(clock, made: MadeDay) -> MadeWednesday:
    """Two days before the fixture day (made first: its clients and products are used):
    three walk-ins served one after the other, waiting 10, 30 and 2 minutes, and a
    deposit signed."""
    from wealthdesk.db.models import Product

    day = MadeWednesday()
    for arrived, called, minutes, name in (
        (at(9, 0, WEDNESDAY), at(9, 10, WEDNESDAY), 20, "冯一"),
        (at(9, 5, WEDNESDAY), at(9, 35, WEDNESDAY), 10, "陈二"),
        (at(9, 44, WEDNESDAY), at(9, 46, WEDNESDAY), 15, "楚三"),
    ):
        clock.set(arrived)
        visit = queue.check_in(queue.CheckIn(VisitKind.WALK_IN, walk_in_name=name), ACTOR)
        day.tickets.append(visit.ticket)
        clock.set(called)
        queue.call(visit.id, DESK, ACTOR)
        queue.start_service(visit.id, ACTOR)
        clock.set(called + dt.timedelta(minutes=minutes))
        queue.finish(visit.id, ServiceOutcome.ADVISED.value, ACTOR)
        day.waits.append(int((called - arrived).total_seconds() // 60))
        day.services.append(minutes)
    clock.set(at(11, 0, WEDNESDAY))
    deposit = Product.get(Product.code == "CK-1Y").id
    sale = sales.record_sale(SaleDraft(made.clients[3], deposit, 3_000_000), ACTOR, DESK)
    day.sales_fen = sale.amount_fen
    clock.set(at(17, 30))
    return day
