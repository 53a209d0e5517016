"""Realistic, repeatable demo data for trying the app and for benchmarks: clients, the
visits of the last weeks and of today, acted out through the queue services, and
appointments around today, booked through the appointment services.

How demo data is recognised, so that removing it takes all of it and nothing else:
a demo client has ``client.is_demo``; a visit has no such mark (and gets none: no
migration for demo data), so a demo visit is one of a demo client, or an anonymous
walk-in whose check-in the audit log attributes to :data:`DEMO_ACTOR` (the audit
entry names the ticket and carries the arrival time to the microsecond). Nobody at a
desk acts as ``demo``: the window audits as "name (desk N)", the command line as
"cli:login". A demo appointment is one of a demo client, or a prospect's whose booking
the audit log attributes to :data:`DEMO_ACTOR` (the entry names the appointment).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import heapq
import itertools
import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import peewee

from ..db.connection import database
from ..db.models import Appointment, AuditEntry, Client, ClientSearchKey, Visit
from ..domain.appointment import AppointmentStatus, CancelledBy
from ..domain.audit import AuditAction
from ..domain.care import CallOutcome, SupportKind
from ..domain.client import (
    ClientDraft,
    Horizon,
    IncomeBand,
    LiquidityNeed,
    MaritalStatus,
    ProductFamily,
    Tier,
    client_problems,
    normalize_draft,
)
from ..domain.errors import DomainError
from ..domain.identity import age_on, resident_id_check_char
from ..domain.queue import FinishCheck, Purpose, ServiceOutcome, VisitKind, VisitState
from . import appointments, audit, clock
from . import calendar as calendar_service
from . import queue as visitor_queue
from .clients import existing_id_numbers, insert_clean_drafts

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤单解查区仇朴"
)
COMPOUND = ("欧阳", "司马", "上官", "诸葛", "尉迟", "慕容")
# Given-name characters people read as a man's or a woman's, so that the ID number's
# sex digit and the name agree, as they do in a real client book.
GIVEN_MALE = "伟强磊军洋勇杰涛明超刚平华建国志东海浩然轩宇航文博俊晨阳德永家豪鹏斌辉峰波"
GIVEN_FEMALE = "芳娜秀英敏静丽艳娟霞桂兰玉燕红涵欣怡雨桐诺嘉佳琪婷雅琴淑珍春梅秋菊慧颖洁"
AREAS = (
    "110105",
    "110108",
    "310104",
    "310115",
    "330106",
    "330102",
    "440305",
    "440106",
    "320102",
    "510107",
    "420106",
    "360426",
    "370202",
    "210102",
    "610113",
    "350203",
)
MOBILE_PREFIXES = (
    "138",
    "139",
    "135",
    "136",
    "137",
    "150",
    "151",
    "152",
    "158",
    "159",
    "186",
    "187",
    "188",
    "189",
    "133",
    "153",
    "177",
    "180",
    "181",
    "199",
    "166",
    "191",
)
OCCUPATIONS = (
    "教师",
    "医生",
    "工程师",
    "公务员",
    "企业主",
    "个体经营",
    "会计",
    "律师",
    "销售经理",
    "程序员",
    "护士",
    "自由职业",
    "外企职员",
    "大学教授",
    "公司高管",
)
RETIRED = "退休"
TRAINING = (
    "",
    "",
    "基金定投入门",
    "养老规划讲座",
    "理财产品风险识别",
    "保险配置基础",
    "黄金投资知识",
)
NEEDS = (
    "",
    "",
    "子女教育金规划",
    "关注养老和医疗保障",
    "希望资金流动性高",
    "偏好线下面谈，不接受电话营销",
    "计划三年内购房",
    "企业经营周转需要",
)


DEMO_MINOR_EVERY, DEMO_MINOR_AT = 100, 42  # the 43rd client of each hundred is 15


def demo_drafts(count: int, seed: int, manager: str = "") -> list[ClientDraft]:
    """*count* clients with Chinese names and valid, unique ID and mobile numbers."""
    return list(itertools.islice(_demo_stream(seed, manager), count))


def _demo_stream(seed: int, manager: str) -> Iterator[ClientDraft]:
    """Demo clients without end, each ID and mobile number different from all before."""
    rng = random.Random(seed)
    today = clock.today()
    ids: set[str] = set()
    mobiles: set[str] = set()
    while True:
        surname = rng.choice(COMPOUND) if rng.random() < 0.02 else rng.choice(SURNAMES)
        female = rng.random() < 0.5
        pool = GIVEN_FEMALE if female else GIVEN_MALE
        given = "".join(rng.choice(pool) for _ in range(rng.choice((1, 2, 2))))
        birth = dt.date(1940, 1, 1) + dt.timedelta(days=rng.randrange(0, 64 * 365))
        if birth > today - dt.timedelta(days=18 * 366):
            continue
        if len(ids) % DEMO_MINOR_EVERY == DEMO_MINOR_AT:
            # A pupil of 15 (no draw of its own: the clients after are the same).
            birth = dt.date(today.year - 15, birth.month, min(birth.day, 28))
        age = today.year - birth.year
        # The ID's 17th digit is odd for a man, even for a woman.
        sequence = 2 * rng.randrange(1, 500) if female else 2 * rng.randrange(0, 500) + 1
        first17 = f"{rng.choice(AREAS)}{birth:%Y%m%d}{sequence:03d}"
        number = first17 + resident_id_check_char(first17)
        mobile = rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(0, 10**8):08d}"
        if number in ids or mobile in mobiles:
            continue
        ids.add(number)
        mobiles.add(mobile)
        roll = rng.random()
        tier = (
            Tier.PRIVATE
            if roll < 0.04
            else Tier.PLATINUM
            if roll < 0.15
            else Tier.GOLD
            if roll < 0.40
            else Tier.NORMAL
        )
        consent = rng.random() < 0.85
        consent_on = today - dt.timedelta(days=rng.randrange(1, 1500))
        yield (
            ClientDraft(
                name=surname + given,
                id_number=number,
                mobile=mobile,
                tier=tier,
                occupation=(
                    RETIRED if age >= 62 and rng.random() < 0.7 else rng.choice(OCCUPATIONS)
                )
                if age >= 18
                else "学生",
                marital_status=MaritalStatus.SINGLE
                if age < 26 and rng.random() < 0.8
                else rng.choice(list(MaritalStatus)),
                dependants=rng.randrange(0, 2) if age < 26 else rng.randrange(0, 5),
                income_band=rng.choice(list(IncomeBand)),
                horizon=rng.choice(list(Horizon)),
                liquidity_need=rng.choice(list(LiquidityNeed)),
                interests=tuple(rng.sample(list(ProductFamily), rng.randrange(0, 3))),
                training_needs=rng.choice(TRAINING),
                personal_needs=rng.choice(NEEDS),
                consent_data=consent,
                consent_data_on=consent_on if consent else None,
                consent_marketing=consent and rng.random() < 0.6,
                consent_marketing_on=consent_on if consent else None,
                manager=manager,
            )
        )


def create_demo_clients(
    count: int,
    seed: int,
    actor: str,
    manager: str = "",
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Add *count* demo clients, marked as demo; returns how many were added.

    The same *seed* makes the same clients, and one whose ID number is already in the
    book (from an earlier run with that seed) is skipped, so *count* minus the result
    were there already. One stream serves every chunk, so the clients of one run never
    share an ID number and an empty book gets exactly *count*.
    """
    today = clock.today()
    created = 0
    step = 5000
    stream = _demo_stream(seed, manager)
    for start in range(0, count, step):
        chunk = itertools.islice(stream, min(step, count - start))
        drafts = [normalize_draft(d, today) for d in chunk]
        for d in drafts:
            assert not client_problems(d, today), d  # the generator makes only valid clients
        with database.atomic():
            taken = existing_id_numbers(d.id_number for d in drafts)
            fresh = [d for d in drafts if d.id_number not in taken]
            insert_clean_drafts(fresh, is_demo=True)
            created += len(fresh)
        if progress:
            progress(min(start + step, count), count)
    with database.atomic():
        audit.record(AuditAction.DEMO_CREATED, actor, None, f"{created} clients, seed {seed}")
    return created


# ---------------------------------------------------------------- visits

DEMO_ACTOR = "demo"  # whom the audit log names for the demo's invented queue work
OPENS, CLOSES = dt.time(9, 0), dt.time(17, 0)
LUNCH = (dt.time(12, 0), dt.time(14, 0))
LUNCH_SHARE = 0.4  # of the arrivals an hour of the lunch break sees, against any other
DAY_WEIGHT = 250  # in progress steps: a day of visits takes about as long as 250 clients
SHORTEST_SERVICE = dt.timedelta(minutes=5)
REGULARS = 2000  # the demo desk's visitors come from the first demo clients of the book
PURPOSE_WEIGHTS = {
    Purpose.CONSULTATION: 30,
    Purpose.PURCHASE: 20,
    Purpose.ACCOUNT_SERVICE: 15,
    Purpose.REDEMPTION: 12,
    Purpose.RISK_ASSESSMENT: 12,
    Purpose.OTHER: 5,
    Purpose.COMPLAINT: 3,
}
VISIT_NOTES = (
    "带家属一同前来",
    "需要打印近半年对账单",
    "老年客户，请放慢语速",
    "上次咨询的产品下周到期",
    "只有半小时，比较赶时间",
    "电话预约时想了解养老保险",
)


@dataclass(frozen=True)
class DemoReport:
    """What a demo run added."""

    clients: int
    visits: int
    appointments: int = 0
    assessments: int = 0
    products: int = 0
    holdings: int = 0
    sales: int = 0
    calls: int = 0
    plans: int = 0


def create_demo_data(
    clients: int = 300,
    seed: int = 1,
    actor: str = "demo",
    manager: str = "",
    desk: str = "1",
    days: int = 30,
    progress: Callable[[int, int], None] | None = None,
) -> DemoReport:
    """Demo clients (:func:`create_demo_clients`), then *manager*'s appointments of the
    last *days* days and the two weeks after today (:func:`create_demo_appointments`),
    then the visits of the last *days* days and of today at *desk*
    (:func:`create_demo_visits`), in which every client who came to an appointment is
    checked in through it (an A ticket); nobody else gets an A ticket. What the window
    and the command line's ``demo`` call.

    *progress* gets (done, total) in steps of one client or one day's visits, a day
    counted as :data:`DAY_WEIGHT` clients because it takes about as long to make.
    """
    schedule = len(_demo_days(clock.today(), days))
    total = clients + schedule * DAY_WEIGHT

    def clients_done(done: int, _count: int) -> None:
        if progress:
            progress(done, total)

    def days_done(done: int, _count: int) -> None:
        if progress:
            progress(clients + done * DAY_WEIGHT, total)

    last_before = Client.select(peewee.fn.MAX(Client.id)).scalar() or 0
    created = create_demo_clients(clients, seed, actor, manager, clients_done)
    # The appointments first: the visits then check in, through its appointment, each
    # client who came to one (the A tickets of the day).
    arrivals: dict[dt.date, list[tuple[int, dt.datetime]]] = {}
    booked = create_demo_appointments(
        seed, actor, manager, desk, days_before=days, arrivals=arrivals
    )
    visits = create_demo_visits(days, seed, actor, desk, days_done, arrivals)
    new_ids = [
        cid
        for (cid,) in _demo_clients().where(Client.id > last_before).order_by(Client.id).tuples()
    ]
    profile = create_demo_profiles(new_ids, seed, actor, desk)
    plans = create_demo_plans(new_ids, seed, actor, desk)
    return DemoReport(
        clients=created,
        visits=visits,
        appointments=booked,
        plans=plans,
        **dataclasses.asdict(profile),
    )


@dataclass(frozen=True)
class DemoProfiles:
    assessments: int
    products: int
    holdings: int
    sales: int
    calls: int


def create_demo_profiles(fresh: list[int], seed: int, actor: str, desk: str) -> DemoProfiles:
    """For the demo clients *fresh* (those this run added: an earlier run's clients keep
    what they have): risk assessments, then the catalogue with their holdings and sales
    (each sale through the suitability gate on the assessment of its day), then the care
    list's calls, an event and colleague support."""
    from . import risk, sales

    today = clock.today()
    if not fresh:
        return DemoProfiles(0, 0, 0, 0, 0)
    rng = random.Random(f"{seed}:profiles")
    with database.atomic():
        assessments = risk.create_demo_assessments(rng, fresh, today, actor)
    sold = sales.create_demo_products_and_sales(rng, fresh, today, actor)
    extra = create_demo_documents_and_guardian(rng, fresh, today, actor)
    cared = create_demo_care(rng, fresh, today, actor, desk)
    return DemoProfiles(assessments, sold.products, sold.holdings, sold.sales + extra, cared.calls)


DEMO_EXPIRED_DOCUMENT_SHARE = 0.03  # of the demo clients show an expired ID (no sale)
DEMO_LONG_TERM_AGE = 46  # from 46 a resident ID is issued long-term (长期)
DEMO_GUARDIAN = "张建国（父亲）"


# Which of a run's clients show another document than their resident ID (by position, so
# the run's random stream is left as it was): passports, and one residence permit for
# Hong Kong residents.
DEMO_PASSPORT_AT = (7, 23, 41)
DEMO_PERMIT_AT = 59


def _demo_other_documents(fresh: list[int], births: dict, today: dt.date) -> None:
    """A few passport holders and a residence-permit holder, with numbers valid by the
    document tab's rules, so the tab and the search by a document's number show them."""
    from ..domain.identity import document_number_problem
    from .clients import write_document_search_key

    def adult(i: int) -> int | None:
        if i >= len(fresh):
            return None
        birth = births.get(fresh[i])
        return fresh[i] if birth is not None and age_on(birth, today) >= 18 else None

    expiry = dt.date(today.year + 6, today.month, 1)
    with database.atomic():
        for i in DEMO_PASSPORT_AT:
            cid = adult(i)
            number = f"E{(cid or 0) * 7919 % 10**8:08d}"
            if cid is None or document_number_problem("passport", number, today):
                continue
            Client.update(id_doc_type="passport", id_doc_number=number, id_doc_expiry=expiry).where(
                Client.id == cid
            ).execute()
            write_document_search_key(cid, number)
        cid = adult(DEMO_PERMIT_AT)
        if cid is None:
            return
        body = f"810000{births[cid]:%Y%m%d}{cid % 1000:03d}"
        number = body + resident_id_check_char(body)
        if document_number_problem("residence_permit", number, today):
            return
        # The resident ID generated with the client stays on record: the demo's reruns
        # recognise their clients by it (the permit is the document shown at the desk).
        Client.update(
            id_doc_type="residence_permit", id_doc_number=number, id_doc_expiry=expiry
        ).where(Client.id == cid).execute()
        write_document_search_key(cid, number)


def create_demo_documents_and_guardian(
    rng: random.Random, fresh: list[int], today: dt.date, actor: str
) -> int:
    """What the compliance rules read, as a branch's book has it (issue 19): each demo
    client's resident ID with its expiry (long-term from 46; a few expired, who may buy
    nothing until the renewed card is recorded), and a client of 15 (the demo's stream
    makes one at :data:`DEMO_MINOR_AT` of each hundred) who bought a cash-management
    product with their father present (the guardian recorded).
    Qualified and non-qualified investors and clients of 65 and over come with the
    sales and the clients. Returns the sales added (the guardian's: 1, or 0)."""
    from ..db.models import Product, RiskAssessment, Sale

    births = dict(Client.select(Client.id, Client.birth_date).where(Client.id.in_(fresh)).tuples())
    by_expiry: dict[dt.date | None, list[int]] = {}
    for cid in fresh:
        birth = births.get(cid)
        if rng.random() < DEMO_EXPIRED_DOCUMENT_SHARE:
            expiry = today - dt.timedelta(days=rng.randrange(1, 240))
        elif birth is not None and today.year - birth.year >= DEMO_LONG_TERM_AGE:
            expiry = None
        else:
            expiry = dt.date(today.year + rng.randrange(1, 20), rng.randrange(1, 13), 1)
        by_expiry.setdefault(expiry, []).append(cid)
    with database.atomic():
        for expiry, ids in by_expiry.items():
            for start in range(0, len(ids), 500):
                Client.update(id_doc_type="resident_id", id_doc_expiry=expiry).where(
                    Client.id.in_(ids[start : start + 500])
                ).execute()

    _demo_other_documents(fresh, births, today)

    # A minor of the run (the stream makes some) bought with their father present.
    minors = [cid for cid in fresh if births.get(cid) and age_on(births[cid], today) < 18]
    product = Product.get_or_none(Product.code == "LC-XJ001")
    level = (
        RiskAssessment.select(RiskAssessment.level)
        .where(RiskAssessment.client == minors[0])
        .order_by(RiskAssessment.assessed_on.desc())
        .scalar()
        if minors
        else None
    )
    if level is None or product is None:
        return 0
    signed_day = today - dt.timedelta(days=3)
    signed = _local(signed_day, dt.time(10, 30)).astimezone(dt.UTC).replace(tzinfo=None)
    with database.atomic():
        Sale.create(
            client=minors[0],
            product=product,
            amount_fen=500_000,
            sale_type="new",
            recording_ref=f"SL{signed_day:%Y%m%d}G0001",
            signed_at=signed,
            client_level=level,
            product_rating=product.risk_rating,
            guardian=DEMO_GUARDIAN,
            recorded_at=signed,
            recording_checked=True,
            actor=actor,
            desk="1",
            created_at=signed,
        )
    return 1


DEMO_PLAN_SHARE = 0.1  # of the run's demo clients, those with a valid assessment
DEMO_PLANS_MAX = 60  # a big book's demo stays quick to make
DEMO_PLAN_REVISED = 0.3  # of the planned clients, those with a second, revised version
DEMO_PLAN_NOTES = (
    "客户希望保留半年生活开支，其余稳健为主",
    "孩子三年后上大学，教育金单独规划",
    "客户关注养老，下次带配偶一起来沟通",
    "到期资金再配置，先做固收类",
    "",
)


def create_demo_plans(fresh: list[int], seed: int, actor: str, desk: str) -> int:
    """Saved financial plans for some of the demo clients *fresh* (about
    :data:`DEMO_PLAN_SHARE` of them, at most :data:`DEMO_PLANS_MAX`; today's visitors
    and appointments first, so that the clients the manager opens today show one),
    made as a manager makes them: through the plan service, from the client's valid
    assessment and holdings, with products the gate lets them buy proposed for the
    classes that lack money; some with a second, revised version. A client the plan
    service refuses (no valid assessment) is passed over. Run after
    :func:`create_demo_profiles`. Returns how many versions were saved.
    """
    from . import plan as plan_service

    if not fresh:
        return 0
    rng = random.Random(f"{seed}:plans")
    wanted = min(DEMO_PLANS_MAX, max(1, round(len(fresh) * DEMO_PLAN_SHARE)))
    today = clock.today()
    in_run = set(fresh)
    came = (
        Visit.select(Visit.client)
        .where((Visit.service_date == today) & Visit.client.is_null(False))
        .order_by(Visit.arrived_at)
    )
    booked = [a.client_id for a in appointments.day(today) if a.client_id is not None]
    visitors = [cid for (cid,) in came.tuples() if cid in in_run]
    visitors += [cid for cid in booked if cid in in_run]
    others = [cid for cid in fresh if cid not in set(visitors)]
    rng.shuffle(others)
    saved, planned = 0, 0
    for client_id in dict.fromkeys(visitors + others):
        if planned >= wanted:
            break
        try:
            inputs = _demo_plan_inputs(rng, client_id, desk)
            plan_service.save_plan(client_id, inputs, actor, desk)
        except DomainError:
            continue  # no valid assessment (or nothing the gate lets them buy): no plan
        planned += 1
        saved += 1
        if rng.random() < DEMO_PLAN_REVISED and inputs.proposals:
            # The client came back: one product ¥10,000 less, the notes say why.
            (product_id, amount), *rest = inputs.proposals
            lowered = amount - 10_000 * 100
            first = plan_service.draft_plan(client_id, inputs, desk).proposals[0].product
            if lowered < max(first.min_amount_fen, 1):
                continue
            revised = dataclasses.replace(
                inputs,
                proposals=((product_id, lowered), *rest),
                notes="客户希望先少配一万元，其余不变",
            )
            try:
                plan_service.save_plan(client_id, revised, actor, desk)
                saved += 1
            except DomainError:
                pass
    return saved


def _demo_plan_inputs(rng: random.Random, client_id: int, desk: str):
    """What a manager enters for a demo client: new money, the household's spending,
    and for each class short of money one product the gate allows, at what it lacks."""
    from ..domain.plan import Proposal, default_amount
    from . import plan as plan_service

    inputs = plan_service.PlanInputs(
        new_money_fen=rng.choice((0, 50_000, 100_000, 200_000, 500_000)) * 100,
        monthly_spending_fen=rng.randrange(6_000, 30_000, 1_000) * 100,
        notes=rng.choice(DEMO_PLAN_NOTES),
    )
    view = plan_service.draft_plan(client_id, inputs, desk)
    chosen: list[Proposal] = []
    for line in view.suggestion.lines:
        fitting = view.candidates.get(line.asset_class, ())
        if line.gap_fen <= 0 or not fitting or len(chosen) >= 3:
            continue
        product = rng.choice(fitting)
        amount = default_amount(view.suggestion, chosen, product)
        # A round sum, as a manager proposes it: whole thousands, never below the minimum.
        amount = max(product.min_amount_fen, amount // 100_000 * 100_000)
        chosen.append(Proposal(product, amount))
    return dataclasses.replace(
        inputs, proposals=tuple((p.product.id, p.amount_fen) for p in chosen)
    )


def create_demo_visits(
    days: int = 30,
    seed: int = 1,
    actor: str = "demo",
    desk: str = "1",
    progress: Callable[[int, int], None] | None = None,
    arrivals: dict[dt.date, list[tuple[int, dt.datetime]]] | None = None,
) -> int:
    """A single desk's visitors on each working day (Monday to Friday) of the last
    *days* days and today; returns how many visits were made.

    *arrivals* (from :func:`create_demo_appointments`) are the appointments each day's
    clients came to: they are checked in through the appointment, as the desk does
    (an A ticket, the appointment checked in, completed when the service is filed). Any
    of a day not acted out here is recorded as kept without a visit. Every other
    visitor is a walk-in.

    Every visit goes through the queue services (check-in, call next or call, recall,
    recycle, no-show, park and return, leave, start and finish) with the clock set to
    the moment it happens, in the order of time, so tickets, the audit log and the day's
    figures are what a real day leaves. A past day ends with every visit closed. Today
    is acted out up to now and left with 2 to 4 visitors waiting and nobody called or
    being served (before opening time or at a weekend, only those few, just arrived).

    The queue work is audited as :data:`DEMO_ACTOR`, not as *actor*: nobody at a desk
    did it, and it is how :func:`remove_demo_clients` knows the anonymous walk-ins the
    demo made. *actor* is named in the one entry that records the run. A day that has
    any visit already is left alone, so running the demo again adds no second day over
    the first. The same *seed* makes the same days from the same book. *progress* gets
    (days done, days) between days, with the real clock back in place.
    """
    now = clock.now()
    today = now.date()
    schedule = _demo_days(today, days)
    regulars = [cid for (cid,) in _demo_clients().order_by(Client.id).limit(REGULARS).tuples()]
    busy = {
        day
        for (day,) in Visit.select(Visit.service_date)
        .where(Visit.service_date.between(schedule[0], today))
        .distinct()
        .tuples()
    }
    arrivals = dict(arrivals or {})
    created = 0
    for done, day in enumerate(schedule, start=1):
        if day not in busy:
            rng = random.Random(f"{seed}:{day.isoformat()}")
            until = now if day == today else None
            coming = _one_a_client(arrivals.pop(day, []), arrivals)
            created += _DemoDay(day, rng, regulars, desk, until, coming).run()
        if progress:
            progress(done, len(schedule))
    for left in arrivals.values():  # days acted out before, or not at this desk
        for appointment_id, _arrives in left:
            _keep(appointments.get(appointment_id), random.Random(f"{seed}:kept:{appointment_id}"))
    with database.atomic():
        audit.record(
            AuditAction.DEMO_CREATED, actor, None, f"{created} visits, {days} days, seed {seed}"
        )
    return created


def _one_a_client(
    kept: list[tuple[int, dt.datetime]], left: dict[dt.date, list[tuple[int, dt.datetime]]]
) -> list[tuple[appointments.AppointmentInfo, dt.datetime]]:
    """Of a day's kept appointments (with when their client arrives), the first of each
    client (a client has one open visit at a time); the others go back to *left*, kept
    without a visit."""
    coming: list[tuple[appointments.AppointmentInfo, dt.datetime]] = []
    seen: set[int] = set()
    for appointment_id, arrives in kept:
        info = appointments.get(appointment_id)
        if info.client_id is not None and info.client_id in seen:
            left.setdefault(dt.date.min, []).append((appointment_id, arrives))
            continue
        if info.client_id is not None:
            seen.add(info.client_id)
        coming.append((info, arrives))
    return coming


def _demo_days(today: dt.date, days: int) -> list[dt.date]:
    """The working days of the last *days* days, oldest first, and today."""
    past = (today - dt.timedelta(days=back) for back in range(days, 0, -1))
    working = appointments.working_calendar().is_working_day
    return [day for day in past if working(day)] + [today]


def _local(day: dt.date, time: dt.time) -> dt.datetime:
    """*time* on *day* in this PC's zone (the clock's), summer time included."""
    return dt.datetime.combine(day, time).astimezone()


@dataclass
class _Visitor:
    request: visitor_queue.CheckIn
    arrives: dt.datetime
    parks_after: dt.timedelta | None = None  # sets themself aside to fill in a form
    parked_for: dt.timedelta = dt.timedelta(0)
    patience: dt.timedelta | None = None  # gives up after waiting this long
    id: int = 0
    state: VisitState = VisitState.WAITING
    recycled: bool = False
    appointment_id: int | None = None  # checked in through this appointment (A ticket)


def _minutes(low: float, high: float, rng: random.Random) -> dt.timedelta:
    return dt.timedelta(seconds=round(rng.uniform(low, high) * 60))


class _DemoDay:
    """One day at one desk, acted out through the queue services in the order of time.

    Things that will happen (an arrival, the desk free again, a parked visitor back) wait
    in a heap by their time; each is done with the clock set to it, and may put later
    ones in the heap. The desk serves one visitor at a time: it calls only when the one
    before has gone. With *until* (today) nothing happens after it, and the desk calls
    nobody it could not finish with by then.
    """

    def __init__(
        self,
        day: dt.date,
        rng: random.Random,
        regulars: list[int],
        desk: str,
        until: dt.datetime | None,
        booked: list[tuple[appointments.AppointmentInfo, dt.datetime]] = (),
    ) -> None:
        self.day, self.rng, self.desk, self.until = day, rng, desk, until
        self.booked = list(booked)  # the appointments kept, with when their client arrives
        # The day's booked clients come through their appointment, never as walk-ins.
        booked_clients = {a.client_id for a in appointments.day(day) if a.client_id}
        self.regulars = [cid for cid in regulars if cid not in booked_clients]
        self.visitors: dict[int, _Visitor] = {}
        self.events: list[tuple[dt.datetime, int, Callable, _Visitor | None]] = []
        self.order = itertools.count()
        self.desk_busy = False  # serving, or about to call
        self.desk_closed = False  # today: the next service would run past now
        self.last_call = _local(day, dt.time(0))
        self.idle_since: dt.datetime | None = None  # free, and nobody in line

    # ------------------------------------------------------------ the day
    def run(self) -> int:
        if appointments.working_calendar().is_working_day(self.day):
            for visitor in self._arrivals():
                self._later(visitor.arrives, self._arrive, visitor)
        while self.events:
            when, _n, action, visitor = heapq.heappop(self.events)
            if self.until is not None and when > self.until:
                break
            with clock.at(when):
                action(visitor)
        if self.until is not None:
            self._leave_today_waiting()
        return len(self.visitors)

    def _later(self, when: dt.datetime, action, visitor: _Visitor | None = None) -> None:
        heapq.heappush(self.events, (when, next(self.order), action, visitor))

    def _arrivals(self) -> list[_Visitor]:
        """8 to 20 visitors between opening and closing, fewer over the lunch break:
        the clients of the day's kept appointments around their time (now and then
        late), the others walk-ins."""
        rng = self.rng
        opens, closes = _local(self.day, OPENS), _local(self.day, CLOSES)
        lunch = (_local(self.day, LUNCH[0]), _local(self.day, LUNCH[1]))
        span = (closes - opens).total_seconds()
        booked = [self._booked_visitor(a, arrives) for a, arrives in self.booked]
        count = max(rng.randint(8, 20) - len(booked), 0)
        times: list[dt.datetime] = []
        while len(times) < count:
            when = opens + dt.timedelta(seconds=round(rng.uniform(0, span)))
            if lunch[0] <= when < lunch[1] and rng.random() > LUNCH_SHARE:
                continue
            times.append(when)
        clients = rng.sample(self.regulars, min(len(times), len(self.regulars)))
        walk_ins = [self._visitor(when, clients) for when in sorted(times)]
        return sorted(booked + walk_ins, key=lambda v: v.arrives)

    def _booked_visitor(
        self, appointment: appointments.AppointmentInfo, arrives: dt.datetime
    ) -> _Visitor:
        """The client of *appointment*, arriving at *arrives* (not before opening)."""
        arrives = max(arrives, _local(self.day, OPENS))
        request = visitor_queue.CheckIn(
            kind=VisitKind.APPOINTMENT,
            client_id=appointment.client_id,
            walk_in_name=appointment.name if appointment.is_prospect else "",
            purposes=appointment.purposes,
        )
        return _Visitor(request, arrives, appointment_id=appointment.id)

    def _visitor(self, arrives: dt.datetime, clients: list[int]) -> _Visitor:
        rng = self.rng
        kind = VisitKind.WALK_IN  # an A ticket comes only through an appointment
        name = phone = ""
        client_id = clients.pop() if clients and rng.random() < 0.8 else None
        if client_id is None:
            surname = rng.choice(SURNAMES)
            roll = rng.random()
            if roll < 0.5:
                name = surname + rng.choice(("先生", "女士"))
            elif roll < 0.7:
                name = surname + rng.choice(GIVEN_MALE + GIVEN_FEMALE)
            if not name or rng.random() < 0.4:
                phone = rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(0, 10**8):08d}"
        purposes = list(PURPOSE_WEIGHTS)
        chosen = set(rng.choices(purposes, [PURPOSE_WEIGHTS[p] for p in purposes], k=2))
        if rng.random() < 0.75:
            chosen = {min(chosen, key=purposes.index)}
        visitor = _Visitor(
            visitor_queue.CheckIn(
                kind=kind,
                client_id=client_id,
                walk_in_name=name,
                walk_in_phone=phone,
                purposes=tuple(p for p in purposes if p in chosen),
                notes=rng.choice(VISIT_NOTES) if rng.random() < 0.08 else "",
            ),
            arrives,
        )
        if rng.random() < 0.06:
            visitor.parks_after = _minutes(1, 3, rng)
            visitor.parked_for = _minutes(8, 20, rng)
        if rng.random() < 0.05:
            visitor.patience = _minutes(20, 50, rng)
        return visitor

    # ------------------------------------------------------------ visitors
    def _arrive(self, visitor: _Visitor) -> None:
        if visitor.appointment_id is not None:  # as the desk checks in a booked client
            visitor.id = appointments.check_in(visitor.appointment_id, DEMO_ACTOR).id
        else:
            visitor.id = visitor_queue.check_in(visitor.request, DEMO_ACTOR).id
        self.visitors[visitor.id] = visitor
        now = clock.now()
        if visitor.parks_after is not None:
            self._later(now + visitor.parks_after, self._park, visitor)
        if visitor.patience is not None:
            self._later(now + visitor.patience, self._give_up, visitor)
        self._wake_desk()

    def _park(self, visitor: _Visitor) -> None:
        if visitor.state == VisitState.WAITING:
            self._move(visitor, visitor_queue.park, VisitState.PARKED)
            self._later(clock.now() + visitor.parked_for, self._unpark, visitor)

    def _unpark(self, visitor: _Visitor) -> None:
        if visitor.state == VisitState.PARKED:
            self._move(visitor, visitor_queue.unpark, VisitState.WAITING)
            self._wake_desk()

    def _give_up(self, visitor: _Visitor) -> None:
        if visitor.state in (VisitState.WAITING, VisitState.PARKED):
            self._move(visitor, visitor_queue.leave, VisitState.LEFT)

    def _move(self, visitor: _Visitor, service, state: VisitState) -> None:
        service(visitor.id, DEMO_ACTOR)
        visitor.state = state

    def _waiting(self) -> list[_Visitor]:
        return [v for v in self.visitors.values() if v.state == VisitState.WAITING]

    # ------------------------------------------------------------ the desk
    def _wake_desk(self) -> None:
        """Someone is in line: an idle desk calls within a minute or two."""
        if not self.desk_busy and not self.desk_closed:
            self.desk_busy, self.idle_since = True, None
            self._later(clock.now() + _minutes(0.5, 2, self.rng), self._call)

    def _call(self, _nobody: None) -> None:
        """The desk is free: call the next visitor (now and then one out of turn) and
        plan what becomes of them; the desk is free again when that is over."""
        waiting = self._waiting()
        if not waiting:
            self.desk_busy, self.idle_since = False, clock.now()
            return
        rng, now = self.rng, clock.now()
        walk = _minutes(0.5, 3, rng)
        service = dt.timedelta(seconds=round(rng.triangular(5, 40, 14) * 60))  # mean 20
        tidy = _minutes(0, 3, rng)
        gaps = [_minutes(1, 2, rng) for _ in range(3)]
        twice = rng.random() < 0.5
        roll = rng.random()
        missed_by = gaps[0] + (gaps[1] if twice else dt.timedelta(0)) + gaps[2]
        back_by = gaps[0] + _minutes(2, 5, rng)
        if self.until is not None:
            # Today nobody may be left called or served at now: the last session is cut
            # to end by then, and when not even the shortest fits the desk calls no more.
            left = self.until - now
            needed = max(missed_by, back_by) if roll < 0.11 else walk + SHORTEST_SERVICE
            if needed > left:
                self.desk_closed, self.desk_busy = True, False
                return
            service = min(service, left - walk)
        served_by = walk + service + tidy
        if len(waiting) > 1 and rng.random() < 0.08:
            picked = rng.choice(waiting)
            visitor_queue.call(picked.id, self.desk, DEMO_ACTOR)
        else:
            picked = self.visitors[visitor_queue.call_next(self.desk, DEMO_ACTOR).id]
        picked.state = VisitState.CALLED
        self.last_call = now
        if picked.appointment_id is not None:
            roll = 1.0  # who came to an appointment is served, and it is completed
        if roll < 0.06 or (roll < 0.11 and picked.recycled):
            # Called, and called again; never came.
            self._later(now + gaps[0], self._recall, picked)
            if twice:
                self._later(now + gaps[0] + gaps[1], self._recall, picked)
            self._later(now + missed_by, self._no_show, picked)
            self._later(now + missed_by, self._call)
        elif roll < 0.11:
            # Not at hand (a phone call outside): back in line, called again soon.
            self._later(now + gaps[0], self._recycle, picked)
            self._later(now + back_by, self._call)
        else:
            self._later(now + walk, self._start, picked)
            self._later(now + walk + service, self._finish, picked)
            self._later(now + served_by, self._call)

    def _recall(self, visitor: _Visitor) -> None:
        visitor_queue.recall(visitor.id, DEMO_ACTOR)

    def _no_show(self, visitor: _Visitor) -> None:
        self._move(visitor, visitor_queue.no_show, VisitState.NO_SHOW)

    def _recycle(self, visitor: _Visitor) -> None:
        self._move(visitor, visitor_queue.recycle, VisitState.WAITING)
        visitor.recycled = True

    def _start(self, visitor: _Visitor) -> None:
        self._move(visitor, visitor_queue.start_service, VisitState.SERVING)

    def _finish(self, visitor: _Visitor) -> None:
        outcome = _outcome(visitor.request.purposes, self.rng)
        # The end-of-service checklist is ticked before a session is filed.
        visitor_queue.finish(visitor.id, outcome.value, DEMO_ACTOR, checklist=tuple(FinishCheck))
        visitor.state = VisitState.DONE

    # ------------------------------------------------------------ today
    def _leave_today_waiting(self) -> None:
        """Today ends at now with 2 to 4 in line: those set aside are back, too many
        give up, too few are topped up by visitors who came in the last minutes."""
        rng, until = self.rng, self.until
        assert until is not None
        wanted = rng.randint(2, 4)
        with clock.at(until):
            for visitor in list(self.visitors.values()):
                if visitor.state == VisitState.PARKED:
                    self._move(visitor, visitor_queue.unpark, VisitState.WAITING)
            # Walk-ins give up first: who has an appointment stays.
            waiting = sorted(
                self._waiting(), key=lambda v: (v.appointment_id is not None, v.arrives)
            )
            for visitor in waiting[: max(0, len(waiting) - 4)]:
                self._move(visitor, visitor_queue.leave, VisitState.LEFT)
        missing = max(0, wanted - len(waiting))
        # They came while the desk was busy with its last visitor, or, at an idle desk,
        # just now.
        if self.idle_since is None:
            since = max(self.last_call, until - dt.timedelta(minutes=15))
        else:
            since = max(self.idle_since, until - dt.timedelta(minutes=3))
        span = max(0, round((until - since).total_seconds()))
        times = sorted(since + dt.timedelta(seconds=rng.randint(0, span)) for _ in range(missing))
        free = self._free_regulars()
        clients = rng.sample(free, min(missing, len(free)))
        for when in times:
            visitor = self._visitor(when, clients)
            visitor.parks_after = visitor.patience = None
            with clock.at(when):
                self._arrive(visitor)

    def _free_regulars(self) -> list[int]:
        """Regulars not in the branch today already (one open visit per client)."""
        here = {v.request.client_id for v in self.visitors.values()}
        return [cid for cid in self.regulars if cid not in here]


# ---------------------------------------------------------------- appointments

# A manager's appointments start on the hour; one at four lasts no more than 30 minutes,
# so the half hour after it is free for a rescheduled one.
APPOINTMENT_TIMES = ("09:00", "10:00", "11:00", "14:00", "15:00", "16:00")
RESCHEDULE_TIME = dt.time(16, 30)
APPOINTMENT_MINUTES = (30, 30, 45, 60)
PROSPECT_SHARE = 0.15
APPOINTMENT_NOTES = (
    "客户电话预约，想了解到期资金的安排",
    "请提前准备近一年的收益对账单",
    "客户希望投资顾问一同参加",
    "老年客户，由子女陪同",
)


def create_demo_appointments(
    seed: int = 1,
    actor: str = "demo",
    manager: str = "",
    desk: str = "1",
    days_before: int = 7,
    days_after: int = 14,
    arrivals: dict[dt.date, list[tuple[int, dt.datetime]]] | None = None,
) -> int:
    """*manager*'s appointments on the branch's working days from *days_before* days
    ago to *days_after* days ahead; returns how many were booked (a rescheduled one's
    new booking counts too).

    Each is booked through :func:`appointments.create` with the clock set to when it was
    booked (one to ten days before, or just now for a later one), its checklist partly
    ticked then. What became of it is done through the services at the time it happened:
    past ones were mostly kept (completed), some missed (no-show), cancelled by the
    client or the bank, or rescheduled to a later day; today's and later ones are booked
    or confirmed, and today's whose time is over are kept or left for the manager's
    unresolved worklist. A kept demo appointment is not linked to a visit (the demo's
    visits are acted out on their own).

    With *arrivals*, a kept appointment is prepared but not checked in here: its id is
    added to ``arrivals[day]`` for :func:`create_demo_visits` to check its client in
    through it at the desk (an A ticket).

    Work is audited as :data:`DEMO_ACTOR`; *actor* is named in the entry that records
    the run. A day that has any of *manager*'s appointments already is left alone. The
    same *seed* makes the same days from the same book.
    """
    now = clock.now()
    today = now.date()
    calendar = appointments.working_calendar()
    first, last = today - dt.timedelta(days=days_before), today + dt.timedelta(days=days_after)
    schedule = [
        first + dt.timedelta(days=n)
        for n in range((last - first).days + 1)
        if calendar.is_working_day(first + dt.timedelta(days=n))
    ]
    regulars = [cid for (cid,) in _demo_clients().order_by(Client.id).limit(REGULARS).tuples()]
    begin = dt.datetime.combine(first, dt.time(0)).astimezone()
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(0)).astimezone()
    busy = {
        clock.to_local(start).date()
        for (start,) in Appointment.select(Appointment.start_at)
        .where(
            (Appointment.manager == manager)
            & (Appointment.start_at >= begin.astimezone(dt.UTC).replace(tzinfo=None))
            & (Appointment.start_at < end.astimezone(dt.UTC).replace(tzinfo=None))
        )
        .tuples()
    }
    created = 0
    for day in schedule:
        if day in busy:
            continue
        rng = random.Random(f"{seed}:appointments:{day.isoformat()}")
        created += _demo_appointment_day(day, rng, regulars, manager, desk, now, calendar, arrivals)
    with database.atomic():
        audit.record(
            AuditAction.DEMO_CREATED,
            actor,
            None,
            f"{created} appointments, {days_before}+{days_after} days, seed {seed}",
        )
    return created


def _demo_appointment_day(
    day: dt.date,
    rng: random.Random,
    regulars: list[int],
    manager: str,
    desk: str,
    now: dt.datetime,
    calendar,
    arrivals: dict[dt.date, list[tuple[int, dt.datetime]]] | None = None,
) -> int:
    times = sorted(rng.sample(APPOINTMENT_TIMES, rng.randint(2, 4)))
    people = rng.sample(regulars, min(len(times), len(regulars)))
    made = 0
    for hhmm in times:
        start = _local(day, dt.time.fromisoformat(hhmm))
        minutes = 30 if hhmm == "16:00" else rng.choice(APPOINTMENT_MINUTES)
        draft = appointments.AppointmentDraft(
            start=start,
            duration_minutes=minutes,
            purposes=(rng.choices(list(PURPOSE_WEIGHTS), list(PURPOSE_WEIGHTS.values()))[0],),
            notes=rng.choice(APPOINTMENT_NOTES) if rng.random() < 0.3 else "",
            manager=manager,
            desk=desk,
            **_demo_party(rng, people),
        )
        booked_at = min(now, start - dt.timedelta(days=rng.randint(1, 10)))
        with clock.at(booked_at):
            info = appointments.create(draft, DEMO_ACTOR)
            _tick_some(info, rng, rng.random())
        made += 1
        made += _demo_outcome(info, rng, booked_at, now, calendar, arrivals)
    return made


def _demo_party(rng: random.Random, people: list[int]) -> dict:
    if people and rng.random() >= PROSPECT_SHARE:
        return {"client_id": people.pop()}
    surname = rng.choice(SURNAMES)
    given = "".join(rng.choice(GIVEN_MALE + GIVEN_FEMALE) for _ in range(rng.choice((1, 2))))
    mobile = rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(0, 10**8):08d}"
    return {"prospect_name": surname + given, "prospect_mobile": mobile}


def _tick_some(info: appointments.AppointmentInfo, rng: random.Random, share: float) -> None:
    for item in info.items:
        if rng.random() < share:
            appointments.tick_item(item.id, True)


def _demo_outcome(
    info: appointments.AppointmentInfo,
    rng: random.Random,
    booked_at: dt.datetime,
    now: dt.datetime,
    calendar,
    arrivals: dict[dt.date, list[tuple[int, dt.datetime]]] | None = None,
) -> int:
    """What became of *info* by *now*, done through the services when it happened
    (after *booked_at*); returns how many more appointments that booked (a rescheduled
    one's new booking)."""
    start, end = info.start, info.end
    roll = rng.random()

    def keep(kept: appointments.AppointmentInfo) -> None:
        if arrivals is None:
            _keep(kept, rng)
            return
        _prepare(kept, rng)  # its client is checked in at the desk, with the visits
        arrivals.setdefault(kept.start.date(), []).append((kept.id, _arrival(kept, rng)))

    def before_start() -> dt.datetime:
        return max(booked_at, start - dt.timedelta(hours=rng.randint(2, 30)))

    if start > now:
        if roll < 0.5:
            with clock.at(min(now, before_start())):
                appointments.confirm(info.id, DEMO_ACTOR)
        return 0
    if start.date() == now.date():
        if roll < 0.7 and end <= now:
            keep(info)
        return 0
    if roll < 0.65:
        keep(info)
    elif roll < 0.75:
        with clock.at(end + dt.timedelta(minutes=45)):
            appointments.mark_no_show(info.id, DEMO_ACTOR)
    elif roll < 0.9 or info.is_prospect:
        by = CancelledBy.CLIENT if rng.random() < 0.7 else CancelledBy.BANK
        with clock.at(before_start()):
            appointments.cancel(info.id, by, DEMO_ACTOR)
    else:
        # Moved to the half hour after the last slot of a later working day.
        when = before_start()
        later = _local(calendar.next_working_day(start.date()), RESCHEDULE_TIME)
        try:
            with clock.at(when):
                new = appointments.reschedule(info.id, later, 30, DEMO_ACTOR)
        except DomainError:
            with clock.at(when):
                appointments.cancel(info.id, CancelledBy.CLIENT, DEMO_ACTOR)
            return 0
        if new.end <= now:
            keep(new)
        return 1
    return 0


def _keep(info: appointments.AppointmentInfo, rng: random.Random) -> None:
    """A past appointment the client came to: everything prepared, checked in around the
    start (now and then late), completed. Recorded directly, without a visit, because
    the demo's visits of that day are acted out on their own; audited as the services
    audit it."""
    _prepare(info, rng)
    arrived = _arrival(info, rng)
    arrived_utc = arrived.astimezone(dt.UTC).replace(tzinfo=None)
    with database.atomic():
        Appointment.update(
            status=AppointmentStatus.COMPLETED.value,
            checked_in_at=arrived_utc,
            updated_at=(info.end).astimezone(dt.UTC).replace(tzinfo=None),
            row_version=Appointment.row_version + 2,
        ).where(Appointment.id == info.id).execute()
        with clock.at(arrived):
            audit.record(
                AuditAction.APPOINTMENT_CHECKED_IN,
                DEMO_ACTOR,
                info.client_id,
                f"appointment {info.id}",
            )
        with clock.at(info.end):
            audit.record(
                AuditAction.APPOINTMENT_COMPLETED,
                DEMO_ACTOR,
                info.client_id,
                f"appointment {info.id}",
            )


def _arrival(info: appointments.AppointmentInfo, rng: random.Random) -> dt.datetime:
    """When *info*'s client arrives: around the start, now and then late."""
    return info.start + dt.timedelta(minutes=rng.choice((-10, -5, 0, 3, 8, 15, 25)))


def _prepare(info: appointments.AppointmentInfo, rng: random.Random) -> None:
    """Everything on *info*'s checklist ticked an hour before it starts."""
    with clock.at(info.start - dt.timedelta(hours=1)):
        _tick_some(appointments.get(info.id), rng, 1.0)


def _outcome(purposes: tuple[Purpose, ...], rng: random.Random) -> ServiceOutcome:
    """How a session ends, likelier to match why the visitor came."""
    if Purpose.COMPLAINT in purposes:
        odds = {"serviced": 4, "follow_up": 4, "referred": 2}
    elif Purpose.PURCHASE in purposes:
        odds = {"sold": 55, "advised": 25, "follow_up": 15, "other": 5}
    elif Purpose.ACCOUNT_SERVICE in purposes or Purpose.REDEMPTION in purposes:
        odds = {"serviced": 70, "advised": 15, "sold": 10, "referred": 5}
    else:
        odds = {"advised": 55, "follow_up": 20, "sold": 12, "referred": 8, "other": 5}
    return ServiceOutcome(rng.choices(list(odds), list(odds.values()))[0])


# ---------------------------------------------------------------- removing


def _demo_clients():
    return Client.select(Client.id).where(Client.is_demo == True)  # noqa: E712


def _demo_visits() -> peewee.ModelSelect:
    """The visits the demo made or that belong to a demo client (see the module's
    docstring): an anonymous one is recognised by its check-in in the audit log."""
    checked_in_by_demo = AuditEntry.select(AuditEntry.id).where(
        (AuditEntry.action == AuditAction.VISIT_CHECKED_IN.value)
        & (AuditEntry.actor == DEMO_ACTOR)
        & AuditEntry.client_id.is_null()
        & (AuditEntry.at == Visit.arrived_at)
        & (AuditEntry.detail == Visit.ticket)
    )
    return Visit.select(Visit.id).where(
        Visit.client.in_(_demo_clients())
        | (Visit.client.is_null() & peewee.fn.EXISTS(checked_in_by_demo))
    )


def _demo_appointments() -> list[int]:
    """The appointments of demo clients and the demo's prospects (see the module's
    docstring)."""
    of_clients = [
        aid
        for (aid,) in Appointment.select(Appointment.id)
        .where(Appointment.client.in_(_demo_clients()))
        .tuples()
    ]
    booked_by_demo = {
        int(detail.split()[-1])
        for (detail,) in AuditEntry.select(AuditEntry.detail)
        .where(
            (AuditEntry.action == AuditAction.APPOINTMENT_CREATED.value)
            & (AuditEntry.actor == DEMO_ACTOR)
            & AuditEntry.client_id.is_null()
        )
        .tuples()
        if detail.split()[-1].isdigit()
    }
    prospects = [
        aid
        for (aid,) in Appointment.select(Appointment.id)
        .where(Appointment.client.is_null())
        .tuples()
        if aid in booked_by_demo
    ]
    return of_clients + prospects


def count_demo_appointments() -> int:
    """How many appointments are demo data."""
    return len(_demo_appointments())


def count_demo_clients() -> int:
    """How many demo clients the book holds."""
    return _demo_clients().count()


def count_demo_visits() -> int:
    """How many visits of the queue are demo data."""
    return _demo_visits().count()


def remove_demo_clients(actor: str) -> int:
    """Remove every demo client with its search keys, visits and appointments, and the
    demo's anonymous walk-ins and prospects' appointments, all or nothing, and audit how
    many went; real clients (created, imported) and their visits and appointments stay.
    Returns the number of clients removed.

    The day's ticket counters are left as they are: a number handed out once today is
    not handed out again, even when its visit is gone. The audit log keeps its entries
    on the removed visits; it is append-only.
    """
    with database.atomic():
        count = _demo_clients().count()
        visits = [vid for (vid,) in _demo_visits().tuples()]
        booked = _demo_appointments()
        if not count and not visits and not booked:
            return 0
        # Before the clients: their removal would keep their visits and appointments as
        # nameless ones. Appointments first, their checklists with them.
        for start in range(0, len(booked), 500):
            chunk = booked[start : start + 500]
            Appointment.delete().where(Appointment.id.in_(chunk)).execute()
        for start in range(0, len(visits), 500):
            Visit.delete().where(Visit.id.in_(visits[start : start + 500])).execute()
        ClientSearchKey.delete().where(ClientSearchKey.client.in_(_demo_clients())).execute()
        Client.delete().where(Client.is_demo == True).execute()  # noqa: E712
        detail = f"{count} clients" + (f", {len(visits)} visits" if visits else "")
        detail += f", {len(booked)} appointments" if booked else ""
        audit.record(AuditAction.DEMO_REMOVED, actor, None, detail)
    # Their holdings and sales went with them: the demo catalogue nobody holds goes too.
    from . import sales

    sales.remove_demo_products(actor)
    return count


# ---------------------------------------------------------------- care


@dataclass(frozen=True)
class DemoCare:
    events: int
    calls: int
    supports: int


DEMO_COLLEAGUES = ("对公客户经理 李娜", "个贷客户经理 王强", "大堂经理 陈静", "柜员 刘洋")
DEMO_CALL_NOTES = (
    "客户对到期资金续作感兴趣，已发送产品说明书",
    "客户近期在外地，下周回来再约",
    "提醒客户风险评估即将到期，约周五来网点重做",
    "生日问候，客户表示感谢",
    "客户暂无理财需求",
    "",
)


def create_demo_care(
    rng: random.Random, client_ids: Sequence[int], today: dt.date, actor: str, desk: str
) -> DemoCare:
    """A 理财沙龙 for gold tier and above next week; calls of the last three weeks with
    every outcome, among them a call-back due today at 15:00; colleague support now and
    then, some of it today. Work is done through the services with the clock set to when
    it happened (audited as the demo); *actor* is named in nothing but the event."""
    from .care import create_event, log_call

    ids = list(client_ids)
    if not ids:
        return DemoCare(0, 0, 0)
    now = clock.now()
    salon_day = today + dt.timedelta(days=7 + (2 - today.weekday()) % 7)  # a Wednesday
    with clock.at(min(now, _at(today, 8, 30))):
        create_event(
            "理财沙龙：年末资产配置与养老规划",
            salon_day,
            Tier.GOLD,
            actor,
            place="网点二楼贵宾室",
            notes="14:30 开始，提供茶歇",
        )
    # Product information goes only to clients who agreed to marketing.
    consenting = {
        cid
        for (cid,) in Client.select(Client.id)
        .where(Client.consent_marketing == True)  # noqa: E712
        .tuples()
    }
    calls = _demo_past_calls(rng, ids, consenting, today, desk)
    # Yesterday (or the last working day) a client asked to be called back today at 15:00.
    last = calendar_service.working_calendar().previous_working_day(today)
    with clock.at(_at(last, 16, 20)):
        log_call(
            CallOutcome.CALL_BACK,
            DEMO_ACTOR,
            desk,
            client_id=ids[0],
            notes="客户在开会，请明天下午三点再打",
            duration_minutes=2,
            call_back_at=_at(today, 15, 0),
        )
    calls += 1
    supports = _demo_supports(rng, today, now, desk)
    calls += _demo_morning_calls(rng, ids, consenting, today, now, desk)
    return DemoCare(events=1, calls=calls, supports=supports)


def _at(day: dt.date, hour: int, minute: int) -> dt.datetime:
    """*hour*:*minute* on *day* in the clock's zone."""
    return clock.local(dt.datetime.combine(day, dt.time(hour, minute)))


def _demo_past_calls(
    rng: random.Random, ids: list[int], consenting: set[int], today: dt.date, desk: str
) -> int:
    """One to four calls on each working day of the last three weeks, every outcome."""
    from .care import log_call

    working = calendar_service.working_calendar().is_working_day
    outcomes = [CallOutcome.REACHED] * 5 + [CallOutcome.NO_ANSWER] * 3 + [CallOutcome.DECLINED]
    calls = 0
    for back in range(21, 0, -1):
        day = today - dt.timedelta(days=back)
        if not working(day):
            continue
        for _ in range(rng.randint(1, 4)):
            moment = _at(day, rng.choice((9, 10, 11, 15, 16)), rng.randrange(0, 60, 5))
            outcome = rng.choice(outcomes)
            called = rng.choice(ids)
            with clock.at(moment):
                log_call(
                    outcome,
                    DEMO_ACTOR,
                    desk,
                    client_id=called,
                    notes=rng.choice(DEMO_CALL_NOTES) if outcome.is_contact else "",
                    duration_minutes=rng.randint(3, 15) if outcome.is_contact else 1,
                    info_sent=outcome is CallOutcome.REACHED
                    and called in consenting
                    and rng.random() < 0.4,
                )
            calls += 1
    return calls


def _demo_supports(rng: random.Random, today: dt.date, now: dt.datetime, desk: str) -> int:
    """Colleague support now and then over the last two weeks, today's if it is past."""
    from .care import log_support

    working = calendar_service.working_calendar().is_working_day
    supports = 0
    for back in (12, 8, 5, 2, 0):
        day = today - dt.timedelta(days=back)
        moment = _at(day, rng.choice((10, 14, 15)), rng.randrange(0, 60, 10))
        if not working(day) or moment > now:
            continue
        with clock.at(moment):
            log_support(
                rng.choice(DEMO_COLLEAGUES),
                rng.choice(list(SupportKind)),
                rng.choice((15, 20, 30, 45)),
                DEMO_ACTOR,
                desk,
                sale_followed=rng.random() < 0.5,
                notes="为客户做家庭资产配置测算",
            )
        supports += 1
    return supports


def _demo_morning_calls(
    rng: random.Random,
    ids: list[int],
    consenting: set[int],
    today: dt.date,
    now: dt.datetime,
    desk: str,
) -> int:
    """This morning's calls, so the day's time on client work has some already."""
    from .care import log_call

    working = calendar_service.working_calendar().is_working_day
    calls = 0
    for hour, minute in ((9, 10), (9, 25)):
        moment = _at(today, hour, minute)
        if moment > now or not working(today):
            continue
        called = rng.choice(ids)
        with clock.at(moment):
            log_call(
                CallOutcome.REACHED,
                DEMO_ACTOR,
                desk,
                client_id=called,
                notes=DEMO_CALL_NOTES[0] if called in consenting else DEMO_CALL_NOTES[4],
                duration_minutes=rng.randint(5, 12),
                info_sent=called in consenting,
            )
        calls += 1
    return calls
