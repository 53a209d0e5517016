"""The care services on SQLite and PostgreSQL, on a Friday morning (the clock fixture:
2026-11-27 10:00): the day's list made once, calls and the call-back chain, events and
their invitations, colleague support, the time on client work and the day's figures."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from wealthdesk.db.models import (
    AuditEntry,
    CareCall,
    CareTask,
    Client,
    Holding,
    Product,
    RiskAssessment,
)
from wealthdesk.domain.care import CallOutcome, CareKind, CareTaskStatus, SupportKind
from wealthdesk.domain.client import Tier
from wealthdesk.domain.errors import ConflictError, ValidationError
from wealthdesk.domain.queue import ServiceOutcome, VisitKind
from wealthdesk.services import care, demo, queue
from wealthdesk.services import settings as branch_settings
from wealthdesk.services.queue import CheckIn

TODAY = dt.date(2026, 11, 27)
LONG_AGO = dt.datetime(2024, 1, 1, 9, 0)


def add_client(
    name: str,
    tier: Tier = Tier.GOLD,
    birth: dt.date | None = None,
    created: dt.datetime = LONG_AGO,
    marketing: bool = True,
    manager: str = "",
) -> int:
    return Client.create(
        name=name,
        tier=tier.value,
        birth_date=birth,
        consent_marketing=marketing,
        manager=manager,
        created_at=created,
        updated_at=created,
    ).id


def add_holding(client_id: int, matures: dt.date | None, fen: int = 5_000_000, closed=None):
    product, _ = Product.get_or_create(
        code="WY90",
        defaults={
            "name": "稳盈90天",
            "family": "wealth",
            "risk_rating": 2,
            "created_at": LONG_AGO,
            "updated_at": LONG_AGO,
        },
    )
    return Holding.create(
        client=client_id,
        product=product,
        amount_fen=fen,
        start_date=dt.date(2026, 9, 1),
        maturity_date=matures,
        closed_on=closed,
        created_at=LONG_AGO,
    ).id


def assess(client_id: int, valid_until: dt.date, level: int = 3) -> int:
    return RiskAssessment.create(
        client=client_id,
        assessed_on=valid_until - dt.timedelta(days=365),
        valid_until=valid_until,
        score=50,
        level=level,
        created_at=LONG_AGO,
    ).id


def kinds(items) -> list[tuple[CareKind, str]]:
    return [(i.kind, i.masked_name) for i in items]


@pytest.fixture
def book(backend_store, clock):
    """A few recent clients (none silent) with one reason each to be called."""
    now = dt.datetime(2026, 11, 1, 9, 0)
    ids = {
        "birthday": add_client("王小明", birth=dt.date(1980, 11, 30), created=now),
        "maturity": add_client("李四", created=now),
        "risk": add_client("欧阳娜娜", Tier.PLATINUM, created=now),
        "quiet": add_client("赵六", created=now),
    }
    add_holding(ids["maturity"], dt.date(2026, 12, 3))
    add_holding(ids["quiet"], dt.date(2027, 6, 1))  # far off
    add_holding(ids["quiet"], dt.date(2026, 12, 1), closed=dt.date(2026, 11, 20))  # redeemed
    assess(ids["risk"], dt.date(2026, 12, 10), level=4)
    return ids


def test_the_days_list_is_made_once_and_shows_masked_names_and_reasons(book):
    items = care.care_list()
    assert kinds(items) == [
        (CareKind.RISK_EXPIRY, "欧阳**"),
        (CareKind.MATURITY, "李*"),
        (CareKind.BIRTHDAY, "王**"),
    ]
    assert [i.reason.render() for i in items] == [
        "Risk assessment C4 valid until 12-10",
        "Matures 12-03: 稳盈90天 ¥50,000.00",
        "Birthday 11-30: turns 46",
    ]
    assert all(not i.overdue for i in items)
    # A refresh, and another desk's, make nothing new.
    assert care.care_list() == items
    assert CareTask.select().count() == 3
    assert care.care_counts()[CareKind.MATURITY] == 1


def test_a_task_not_done_stays_on_the_list_overdue_and_first(book, clock):
    care.care_list()
    clock.set(dt.datetime(2026, 12, 4, 9, 0))  # the maturity has passed, not called
    items = care.care_list()
    assert [(i.kind, i.overdue) for i in items] == [
        (CareKind.BIRTHDAY, True),  # 11-30: overdue the longest
        (CareKind.MATURITY, True),  # 12-03
        (CareKind.RISK_EXPIRY, False),  # 12-10
    ]


def test_29_february_birthday_is_on_the_list_on_28_february_of_a_common_year(backend_store, clock):
    leapling = add_client("孙丽", birth=dt.date(1988, 2, 29), created=dt.datetime(2027, 1, 1))
    clock.set(dt.datetime(2027, 2, 28, 9, 0))
    [item] = care.care_list()
    assert (item.client_id, item.kind, item.due) == (
        leapling,
        CareKind.BIRTHDAY,
        TODAY.replace(2027, 2, 28),
    )
    assert item.reason.render() == "Birthday 02-28: turns 39"
    clock.set(dt.datetime(2027, 3, 1, 9, 0))
    care.close_task(item.task_id, "王经理")
    assert care.care_list() == []  # not again on 1 March


def test_birthdays_across_the_year_end(backend_store, clock):
    add_client("周一", birth=dt.date(1970, 1, 2), created=dt.datetime(2026, 12, 1))
    add_client("周二", birth=dt.date(1970, 12, 29), created=dt.datetime(2026, 12, 1))
    clock.set(dt.datetime(2026, 12, 28, 9, 0))
    assert [(i.due, i.reason.render()) for i in care.care_list()] == [
        (dt.date(2026, 12, 29), "Birthday 12-29: turns 56"),
        (dt.date(2027, 1, 2), "Birthday 01-02: turns 57"),
    ]


def test_a_reached_call_closes_the_task_and_is_audited(book):
    task = next(i for i in care.care_list() if i.kind is CareKind.MATURITY)
    call = care.log_call(
        CallOutcome.REACHED, "王经理", "1", task_id=task.task_id, notes="续作", duration_minutes=8,
        info_sent=True,
    )  # fmt: skip
    assert call.client_id == book["maturity"] and call.info_sent
    assert CareTask.get_by_id(task.task_id).status == CareTaskStatus.DONE.value
    assert task.task_id not in [i.task_id for i in care.care_list()]
    entry = AuditEntry.select().order_by(AuditEntry.id.desc()).first()
    assert (entry.action, entry.client_id) == ("care_call_logged", book["maturity"])


def test_no_answer_keeps_the_task_open_and_counts_the_tries(book):
    task = care.care_list()[0]
    care.log_call(CallOutcome.NO_ANSWER, "王经理", "1", task_id=task.task_id, duration_minutes=1)
    care.log_call(CallOutcome.NO_ANSWER, "王经理", "1", task_id=task.task_id, duration_minutes=1)
    again = next(i for i in care.care_list() if i.task_id == task.task_id)
    assert again.attempts == 2


def test_the_call_back_chain(book, clock):
    task = next(i for i in care.care_list() if i.kind is CareKind.BIRTHDAY)
    later = dt.datetime(2026, 11, 30, 15, 0).astimezone()
    first = care.log_call(
        CallOutcome.CALL_BACK, "王经理", "1", task_id=task.task_id, call_back_at=later,
        duration_minutes=2,
    )  # fmt: skip
    assert CareTask.get_by_id(task.task_id).status == CareTaskStatus.DONE.value
    follow = CareTask.get_by_id(first.next_task_id)
    assert (follow.kind, str(follow.due_date)[:10], follow.client_id) == (
        CareKind.CALL_BACK.value,
        "2026-11-30",
        book["birthday"],
    )
    # Not on today's list; on Monday's, with its time.
    assert first.next_task_id not in [i.task_id for i in care.care_list()]
    clock.set(dt.datetime(2026, 11, 30, 9, 0))
    due = next(i for i in care.care_list() if i.task_id == first.next_task_id)
    assert due.reason.render() == "Call back 11-30 15:00"
    # Called back and asked again: the chain goes on, each call naming the next task.
    clock.set(dt.datetime(2026, 11, 30, 15, 2))
    second = care.log_call(
        CallOutcome.CALL_BACK, "王经理", "1", task_id=first.next_task_id,
        call_back_at=dt.datetime(2026, 12, 1, 10, 0),
    )  # fmt: skip
    third = care.log_call(CallOutcome.REACHED, "王经理", "1", task_id=second.next_task_id)
    assert third.next_task_id is None
    history = care.calls_of(client_id=book["birthday"])
    assert [c.outcome for c in history] == [
        CallOutcome.REACHED,
        CallOutcome.CALL_BACK,
        CallOutcome.CALL_BACK,
    ]
    assert history[1].next_task_id == second.next_task_id


def test_a_call_back_in_the_past_is_refused_and_nothing_is_logged(book):
    task = care.care_list()[0]
    with pytest.raises(ValidationError) as refused:
        care.log_call(
            CallOutcome.CALL_BACK, "王经理", "1", task_id=task.task_id,
            call_back_at=dt.datetime(2026, 11, 27, 9, 0),
        )  # fmt: skip
    assert [p.field for p in refused.value.problems] == ["call_back_at"]
    assert CareCall.select().count() == 0
    assert CareTask.get_by_id(task.task_id).status == CareTaskStatus.OPEN.value


def test_a_task_closed_elsewhere_refuses_the_call(book):
    task = care.care_list()[0]
    care.close_task(task.task_id, "另一台")
    with pytest.raises(ConflictError):
        care.log_call(CallOutcome.REACHED, "王经理", "1", task_id=task.task_id)
    assert CareCall.select().count() == 0


def test_silent_clients_by_tier_at_most_the_days_share(backend_store, clock):
    private = add_client("钱多多", Tier.PRIVATE)  # silent since 2024
    gold = add_client("孙小", Tier.GOLD)
    add_client("新来", Tier.PRIVATE, created=dt.datetime(2026, 11, 10))  # added 17 days ago
    recent = add_client("常来", Tier.PRIVATE)
    care.log_call(CallOutcome.REACHED, "王经理", "1", client_id=recent, duration_minutes=5)
    items = care.care_list()
    assert [(i.client_id, i.kind) for i in items] == [
        (private, CareKind.NO_CONTACT),
        (gold, CareKind.NO_CONTACT),
    ]
    assert items[0].reason.render() == "Last contact: never"
    # Reached: off the list, and not back tomorrow.
    care.log_call(CallOutcome.REACHED, "王经理", "1", task_id=items[0].task_id)
    clock.set(dt.datetime(2026, 11, 28, 9, 0))
    assert [i.client_id for i in care.care_list()] == [gold]  # still open from yesterday


def test_a_day_adds_no_more_than_its_share_of_silent_clients(backend_store, monkeypatch):
    monkeypatch.setattr(care.rules, "NO_CONTACT_PER_DAY", 3)
    ids = [add_client(f"客户{n}", Tier.NORMAL) for n in range(5)]
    vip = add_client("贵宾", Tier.PRIVATE)
    listed = [i.client_id for i in care.care_list()]
    assert listed[0] == vip  # the highest tier first
    assert len(listed) == 3 and set(listed[1:]) <= set(ids)
    assert len(care.care_list()) == 3  # the day's share is made


def test_a_service_needing_a_follow_up_is_due_three_days_later(backend_store, clock):
    client_id = add_client("跟进", created=dt.datetime(2026, 11, 20))
    clock.set(dt.datetime(2026, 11, 24, 10, 0))
    serve(client_id, "1", 10, 30, ServiceOutcome.FOLLOW_UP, clock)
    assert care.care_list() == []
    clock.set(dt.datetime(2026, 11, 27, 9, 0))
    [item] = care.care_list()
    assert (item.kind, item.due) == (CareKind.FOLLOW_UP, dt.date(2026, 11, 27))
    assert item.reason.render() == "Follow up by 11-27 on the visit of 11-24"


def test_an_event_invites_its_tier_and_above_who_agreed_to_marketing(backend_store, clock):
    gold = add_client("金卡", Tier.GOLD, created=dt.datetime(2026, 11, 20))
    private = add_client("私行", Tier.PRIVATE, created=dt.datetime(2026, 11, 20))
    add_client("普通", Tier.NORMAL, created=dt.datetime(2026, 11, 20))
    add_client("不愿意", Tier.PLATINUM, created=dt.datetime(2026, 11, 20), marketing=False)
    assert care.invitation_count(Tier.GOLD) == 2
    event = care.create_event("理财沙龙", dt.date(2026, 12, 2), Tier.GOLD, "王经理", place="贵宾室")
    assert (event.invited, event.invitations_open) == (2, 2)
    items = care.care_list()
    assert {i.client_id for i in items} == {gold, private}
    assert items[0].reason.render() == "Invite to 理财沙龙 on 12-02"
    # A client who turns gold is invited from the next day.
    upgraded = add_client("升级", Tier.PLATINUM, created=dt.datetime(2026, 11, 20))
    clock.set(dt.datetime(2026, 11, 28, 9, 0))
    assert upgraded in {i.client_id for i in care.care_list()}
    # After the event, its open invitations leave the list.
    clock.set(dt.datetime(2026, 12, 3, 9, 0))
    assert care.care_list() == []
    assert care.events(dt.date(2026, 11, 1))[0].invited == 3


def test_an_event_in_the_past_is_refused(backend_store):
    with pytest.raises(ValidationError):
        care.create_event("迟到的沙龙", dt.date(2026, 11, 26), Tier.GOLD, "王经理")


def test_colleague_support_is_logged_and_refused_when_incomplete(backend_store, clock):
    info = care.log_support("李娜", SupportKind.FAMILY_PLANNING, 30, "王经理", "1", True, "测算")
    assert (info.colleague, info.kind, info.sale_followed) == (
        "李娜",
        SupportKind.FAMILY_PLANNING,
        True,
    )
    with pytest.raises(ValidationError):
        care.log_support("", SupportKind.RISK_RETURN, 30, "王经理", "1")
    assert [s.id for s in care.supports(TODAY, "1")] == [info.id]


def serve(client_id, desk, start_minute_of_hour, minutes, outcome, clock, finish=True):
    visit = queue.check_in(CheckIn(kind=VisitKind.WALK_IN, client_id=client_id), "lobby")
    queue.call(visit.id, desk, "王经理")
    queue.start_service(visit.id, "王经理")
    if finish:
        clock.set(clock.now + dt.timedelta(minutes=minutes))
        queue.finish(visit.id, outcome.value, "王经理")
    return visit


def test_time_on_client_work_adds_sessions_calls_and_support_of_the_desk(backend_store, clock):
    client_id = add_client("服务", created=dt.datetime(2026, 11, 1))
    clock.set(dt.datetime(2026, 11, 27, 9, 0))
    serve(client_id, "1", 0, 50, ServiceOutcome.ADVISED, clock)  # 09:00–09:50
    serve(client_id, "2", 0, 90, ServiceOutcome.ADVISED, clock)  # another desk's
    clock.set(dt.datetime(2026, 11, 27, 11, 0))
    care.log_call(CallOutcome.REACHED, "王经理", "1", client_id=client_id, duration_minutes=15)
    care.log_call(CallOutcome.REACHED, "别人", "2", client_id=client_id, duration_minutes=40)
    care.log_support("李娜", SupportKind.ASSET_ALLOCATION, 20, "王经理", "1")
    clock.set(dt.datetime(2026, 11, 27, 14, 0))
    serve(client_id, "1", 0, 0, ServiceOutcome.ADVISED, clock, finish=False)  # running
    clock.set(dt.datetime(2026, 11, 27, 14, 25))
    total = care.client_work_time(desk="1")
    assert (total.service_minutes, total.call_minutes, total.support_minutes) == (75, 15, 20)
    assert (total.total_minutes, total.target_minutes, total.met) == (110, 300, False)
    branch_settings.save({"client_work_target_hours": 1}, "1", "王经理")
    assert care.client_work_time(desk="1").met
    # Yesterday's calls do not count today.
    assert care.client_work_time(dt.date(2026, 11, 26), "1").total_minutes == 0


def test_the_days_care_figures(book, clock):
    items = care.care_list()
    care.log_call(
        CallOutcome.REACHED,
        "王经理",
        "1",
        task_id=items[0].task_id,
        duration_minutes=6,
        info_sent=True,
    )
    care.log_call(
        CallOutcome.NO_ANSWER, "王经理", "1", task_id=items[1].task_id, duration_minutes=1
    )
    care.close_task(items[2].task_id, "王经理")
    care.log_support("李娜", SupportKind.RISK_RETURN, 25, "王经理", "1", sale_followed=True)
    figures = care.day_care_figures(TODAY, "1")
    assert (figures.tasks_planned, figures.tasks_done) == (3, 2)
    assert figures.calls == 2 and figures.call_minutes == 7 and figures.info_sent == 1
    assert figures.calls_by_outcome[CallOutcome.NO_ANSWER] == 1
    assert (figures.support_count, figures.support_minutes, figures.support_sales) == (1, 25, 1)
    assert figures.open_for_tomorrow == 0  # the maturity left is due on 12-03


def test_expiring_assessments_latest_only_masked(book):
    assess(book["quiet"], dt.date(2026, 11, 20))  # expired a week ago
    older = add_client("重做", created=dt.datetime(2026, 11, 1))
    assess(older, dt.date(2026, 11, 30))
    assess(older, dt.date(2027, 11, 1))  # redone: the older one no longer matters
    found = care.expiring_assessments()
    assert [(a.masked_name, a.expired) for a in found] == [("赵*", True), ("欧阳**", False)]


def test_manager_scope_keeps_their_clients_and_the_unassigned(backend_store):
    mine = add_client("我的", birth=dt.date(1980, 11, 28), manager="王经理")
    theirs = add_client("他的", birth=dt.date(1980, 11, 28), manager="李经理")
    nobodys = add_client("公共", birth=dt.date(1980, 11, 28))
    assert {i.client_id for i in care.care_list(manager="王经理")} == {mine, nobodys}
    assert {i.client_id for i in care.care_list()} == {mine, theirs, nobodys}


def test_demo_care_makes_an_event_calls_a_call_back_due_today_and_support(backend_store, clock):
    ids = [
        add_client(f"演示{n}", Tier.PLATINUM, created=dt.datetime(2026, 11, 1)) for n in range(6)
    ]
    made = demo.create_demo_care(random.Random(3), ids, TODAY, "demo", "1")
    assert made.events == 1 and made.calls > 10 and made.supports >= 1
    items = care.care_list()
    assert any(i.kind is CareKind.CALL_BACK and i.due == TODAY for i in items)
    assert any(i.kind is CareKind.INVITATION for i in items)
    assert care.client_work_time(desk="1").call_minutes > 0
