"""The visitor queue (services/queue.py) on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from wealthdesk import db
from wealthdesk.domain.audit import AuditAction
from wealthdesk.domain.client import ClientDraft, Tier
from wealthdesk.domain.errors import ConflictError, DomainError, NotFound, ValidationError
from wealthdesk.domain.queue import Purpose, VisitKind, VisitState, move_problem
from wealthdesk.services import audit, clients, queue

S = VisitState
MINUTE = dt.timedelta(minutes=1)


def tick(clock, minutes: float) -> None:
    clock.set(clock.now + dt.timedelta(minutes=minutes))


def client(name: str, tier: Tier = Tier.NORMAL, mobile: str = "") -> int:
    return clients.create_client(ClientDraft(name=name, tier=tier, mobile=mobile), "setup").id


def walk_in(name: str = "访客", **fields) -> queue.VisitInfo:
    return queue.check_in(queue.CheckIn(walk_in_name=name, **fields), "lobby")


def of_client(client_id: int, kind: VisitKind = VisitKind.WALK_IN) -> queue.VisitInfo:
    return queue.check_in(queue.CheckIn(kind=kind, client_id=client_id), "lobby")


def visit_entries(client_id: int) -> list[audit.AuditRecord]:
    """The audit log's entries on the client's visits, newest first."""
    return [e for e in audit.entries(client_id) if e.action != AuditAction.CLIENT_CREATED]


# ---------------------------------------------------------------- checking in


def test_check_in_numbers_walk_ins_and_appointments_separately(backend_store, clock):
    zhang = client("张伟", Tier.GOLD, "13812345678")
    first = walk_in("路人", purposes=(Purpose.REDEMPTION, Purpose.CONSULTATION))
    second = of_client(zhang)
    booked = walk_in("预约客", kind=VisitKind.APPOINTMENT)

    assert [first.ticket, second.ticket, booked.ticket] == ["W001", "W002", "A001"]
    assert second.name == "张伟" and second.masked_name == "张*"
    assert (second.masked_phone, second.tier) == ("138****5678", Tier.GOLD)
    assert first.purposes == (Purpose.CONSULTATION, Purpose.REDEMPTION)
    assert first.state == S.WAITING and first.arrived_at == clock.now
    (entry,) = visit_entries(zhang)
    assert (entry.action, entry.actor, entry.detail) == (
        AuditAction.VISIT_CHECKED_IN,
        "lobby",
        "W002",
    )


def test_ticket_numbers_restart_each_day(backend_store, clock):
    monday = [walk_in(n).ticket for n in ("甲", "乙")]
    monday.append(walk_in("丙", kind=VisitKind.APPOINTMENT).ticket)
    clock.set(clock.now + dt.timedelta(days=1))
    tuesday = [walk_in("丁").ticket, walk_in("戊", kind=VisitKind.APPOINTMENT).ticket]

    assert monday == ["W001", "W002", "A001"]
    assert tuesday == ["W001", "A001"]
    yesterday = clock.now.date() - dt.timedelta(days=1)
    assert [v.ticket for v in queue.visits(yesterday)] == ["W001", "W002", "A001"]
    assert [v.ticket for v in queue.visits()] == ["W001", "A001"]
    # Yesterday's visitors still waiting are not called today.
    called = [queue.call_next("desk1", "m1") for _ in range(3)]
    assert [(v.ticket, v.service_date) for v in called[:2]] == [
        ("A001", clock.now.date()),
        ("W001", clock.now.date()),
    ]
    assert called[2] is None


def test_a_visitor_without_a_client_needs_a_name_or_a_phone(backend_store, clock):
    with pytest.raises(ValidationError) as refused:
        queue.check_in(queue.CheckIn(walk_in_name="  "), "lobby")
    assert "name or phone number" in str(refused.value)
    phone_only = queue.check_in(queue.CheckIn(walk_in_phone="+86 139-0000-1111"), "lobby")
    assert phone_only.masked_phone == "139****1111"
    assert [v.ticket for v in queue.visits()] == ["W001"]


def test_a_client_who_no_longer_exists_cannot_check_in(backend_store, clock):
    with pytest.raises(NotFound):
        of_client(987654)
    assert queue.visits() == []


def test_a_client_already_in_todays_queue_is_not_checked_in_twice(backend_store, clock):
    li = client("李娜")
    first = of_client(li)
    with pytest.raises(ConflictError) as refused:
        of_client(li)
    assert "W001" in str(refused.value)
    queue.call(first.id, "desk1", "m1")
    queue.start_service(first.id, "m1")
    queue.finish(first.id, "咨询完毕", "m1")
    assert of_client(li).ticket == "W002"  # back later the same day: a new visit


def test_an_anonymous_walk_in_can_be_identified_as_a_client_later(backend_store, clock):
    visit = walk_in("王先生", walk_in_phone="13700002222")
    queue.call(visit.id, "desk1", "m1")
    wang = client("王建国", Tier.GOLD, "13700002222")
    linked = queue.link_client(visit.id, wang, "m1", expected_version=visit.row_version + 1)

    assert (linked.client_id, linked.name, linked.tier) == (wang, "王建国", Tier.GOLD)
    assert (linked.state, linked.ticket, linked.desk) == (S.CALLED, "W001", "desk1")
    assert visit_entries(wang)[0].action == AuditAction.VISIT_LINKED
    other = client("王建军")
    with pytest.raises(ConflictError):
        queue.link_client(visit.id, other, "m1")
    with pytest.raises(NotFound):
        queue.link_client(walk_in("路人").id, 987654, "m1")
    assert queue.get_visit(visit.id).client_id == wang


# ---------------------------------------------------------------- the order


def checked_in_in_scrambled_order(clock) -> list[str]:
    """Visitors arriving a minute apart; returns the tickets in the order to call them."""
    qian = client("钱多多", Tier.NORMAL)
    zhao = client("赵敏", Tier.GOLD)
    zhou = client("周芷若", Tier.GOLD)
    wang = client("王语嫣", Tier.PRIVATE)
    sun = client("孙悦", Tier.NORMAL)
    li = client("李白", Tier.PLATINUM)
    of_client(qian)  # W001
    tick(clock, 1)
    walk_in("路人")  # W002, anonymous: counts as standard
    tick(clock, 1)
    of_client(zhao)  # W003
    of_client(zhou)  # W004, the same instant: the id decides
    tick(clock, 1)
    of_client(wang)  # W005
    tick(clock, 1)
    of_client(sun, VisitKind.APPOINTMENT)  # A001, came last but has an appointment
    tick(clock, 1)
    of_client(li)  # W006
    return ["A001", "W005", "W006", "W003", "W004", "W001", "W002"]


def test_the_waiting_list_is_in_call_order_with_positions_and_estimates(backend_store, clock):
    expected = checked_in_in_scrambled_order(clock)
    line = queue.waiting()
    assert [v.ticket for v in line] == expected
    assert [v.position for v in line] == list(range(1, 8))
    # Nobody served yet today: 15 minutes a visitor ahead.
    assert [v.estimated_wait_minutes for v in line] == [0, 15, 30, 45, 60, 75, 90]


def test_call_next_calls_in_the_order_the_waiting_list_shows(backend_store, clock):
    expected = checked_in_in_scrambled_order(clock)
    called = []
    while (visit := queue.call_next("desk1", "m1")) is not None:
        assert (visit.state, visit.desk, visit.called_at) == (S.CALLED, "desk1", clock.now)
        called.append(visit.ticket)
    assert called == expected
    assert queue.waiting() == []


def test_call_next_on_an_empty_queue_calls_nobody(backend_store, clock):
    assert queue.call_next("desk1", "m1") is None
    assert audit.entries() == []


def test_the_estimate_follows_the_days_average_service_time(backend_store, clock):
    for name in ("甲", "乙", "丙", "丁"):
        walk_in(name)
    first = queue.call_next("desk1", "m1")
    queue.start_service(first.id, "m1")
    tick(clock, 10)
    queue.finish(first.id, "", "m1")
    assert [v.estimated_wait_minutes for v in queue.waiting()] == [0, 10, 20]


def test_a_visitor_can_be_called_out_of_order(backend_store, clock):
    walk_in("甲")
    walk_in("乙")
    third = walk_in("丙")
    called = queue.call(third.id, "desk2", "m2")
    assert (called.state, called.desk) == (S.CALLED, "desk2")
    assert [v.ticket for v in queue.waiting()] == ["W001", "W002"]
    assert queue.call_next("desk1", "m1").ticket == "W001"


def test_a_recycled_or_returned_visitor_gets_their_old_place_back(backend_store, clock):
    first = walk_in("甲")
    tick(clock, 1)
    walk_in("乙")
    queue.call_next("desk1", "m1")
    back = queue.recycle(first.id, "m1")
    assert (back.state, back.desk, back.called_at) == (S.WAITING, "", None)
    assert [v.ticket for v in queue.waiting()] == ["W001", "W002"]

    queue.park(first.id, "m1")
    assert [v.ticket for v in queue.waiting()] == ["W002"]
    queue.unpark(first.id, "m1")
    assert [v.ticket for v in queue.waiting()] == ["W001", "W002"]


def test_a_recall_is_counted_and_keeps_the_visitor_called(backend_store, clock):
    visit = walk_in("甲")
    queue.call(visit.id, "desk1", "m1")
    queue.recall(visit.id, "m1")
    again = queue.recall(visit.id, "m1")
    assert (again.state, again.recall_count, again.desk) == (S.CALLED, 2, "desk1")


def test_a_served_visit_keeps_its_times_outcome_and_duration(backend_store, clock):
    zhang = client("张伟", Tier.PLATINUM, "13812345678")
    visit = of_client(zhang)
    arrived = clock.now
    tick(clock, 5)
    called = queue.call_next("desk1", "manager1")
    tick(clock, 1)
    queue.start_service(called.id, "manager1")
    tick(clock, 20)
    done = queue.finish(visit.id, "  购买理财产品 ", "manager1")

    assert done.state == S.DONE and done.outcome == "购买理财产品"
    assert (done.arrived_at, done.called_at) == (arrived, arrived + 5 * MINUTE)
    assert (done.started_at, done.finished_at) == (arrived + 6 * MINUTE, arrived + 26 * MINUTE)
    assert done.service_time == 20 * MINUTE
    assert queue.get_visit(visit.id) == done  # it survives a restart: it is all stored
    assert [(e.action, e.actor, e.detail) for e in visit_entries(zhang)] == [
        (AuditAction.VISIT_FINISHED, "manager1", "W001"),
        (AuditAction.VISIT_CALLED, "manager1", "W001 desk1"),
        (AuditAction.VISIT_CHECKED_IN, "lobby", "W001"),
    ]


def test_a_call_needs_a_desk(backend_store, clock):
    visit = walk_in("甲")
    with pytest.raises(ValidationError):
        queue.call_next("  ", "m1")
    with pytest.raises(ValidationError):
        queue.call(visit.id, "", "m1")
    assert queue.get_visit(visit.id).state == S.WAITING


# ---------------------------------------------------------------- refusals

ACTIONS = {  # name: (how, the state it leads to, the one state it starts from)
    "call": (lambda vid: queue.call(vid, "desk9", "m9"), S.CALLED, S.WAITING),
    "recall": (lambda vid: queue.recall(vid, "m9"), S.CALLED, S.CALLED),
    "no_show": (lambda vid: queue.no_show(vid, "m9"), S.NO_SHOW, None),
    "recycle": (lambda vid: queue.recycle(vid, "m9"), S.WAITING, S.CALLED),
    "park": (lambda vid: queue.park(vid, "m9"), S.PARKED, None),
    "unpark": (lambda vid: queue.unpark(vid, "m9"), S.WAITING, S.PARKED),
    "leave": (lambda vid: queue.leave(vid, "m9"), S.LEFT, None),
    "start_service": (lambda vid: queue.start_service(vid, "m9"), S.SERVING, None),
    "finish": (lambda vid: queue.finish(vid, "x", "m9"), S.DONE, None),
}
LEGAL = {
    S.WAITING: {"call", "park", "leave"},
    S.CALLED: {"recall", "no_show", "recycle", "start_service"},
    S.SERVING: {"finish"},
    S.PARKED: {"unpark", "leave"},
    S.DONE: set(),
    S.NO_SHOW: set(),
    S.LEFT: set(),
}


def visit_in(state: VisitState, name: str) -> int:
    visit_id = walk_in(name).id
    if state == S.PARKED:
        queue.park(visit_id, "setup")
    elif state == S.LEFT:
        queue.leave(visit_id, "setup")
    elif state != S.WAITING:
        queue.call(visit_id, "desk1", "setup")
        if state == S.NO_SHOW:
            queue.no_show(visit_id, "setup")
        elif state in (S.SERVING, S.DONE):
            queue.start_service(visit_id, "setup")
            if state == S.DONE:
                queue.finish(visit_id, "ok", "setup")
    assert queue.get_visit(visit_id).state == state
    return visit_id


@pytest.mark.parametrize("state", list(VisitState), ids=lambda s: s.value)
def test_every_illegal_transition_is_refused_with_its_message_and_changes_nothing(
    backend_store, clock, state
):
    visit_id = visit_in(state, "访客")
    before = queue.get_visit(visit_id)
    logged = len(audit.entries())
    tick(clock, 3)
    for name, (how, wanted, needed) in ACTIONS.items():
        if name in LEGAL[state]:
            continue
        with pytest.raises(DomainError) as refused:
            how(visit_id)
        assert type(refused.value) is DomainError, name
        assert str(refused.value) == move_problem(state, wanted, needed).render(), name
        assert f"“{state.label}”" in str(refused.value)
        assert queue.get_visit(visit_id) == before, name
    assert len(audit.entries()) == logged


@pytest.mark.parametrize("state", list(VisitState), ids=lambda s: s.value)
def test_every_legal_action_moves_the_visit_where_it_says(store, clock, state):
    for name in sorted(LEGAL[state]):
        how, wanted, _ = ACTIONS[name]
        visit_id = visit_in(state, f"访客{name}")
        moved = how(visit_id)
        assert moved.state == wanted, name
        assert moved.row_version == queue.get_visit(visit_id).row_version


def test_acting_on_a_visit_someone_else_moved_is_a_conflict(backend_store, clock):
    visit = walk_in("甲")
    seen = queue.get_visit(visit.id)
    queue.call(visit.id, "desk2", "m2")  # another desk, a moment earlier
    with pytest.raises(ConflictError):
        queue.park(visit.id, "m1", expected_version=seen.row_version)
    with pytest.raises(ConflictError):
        queue.call(visit.id, "desk1", "m1", expected_version=seen.row_version)
    after = queue.get_visit(visit.id)
    assert (after.state, after.desk) == (S.CALLED, "desk2")


def test_a_visit_that_does_not_exist_is_not_found(backend_store, clock):
    with pytest.raises(NotFound):
        queue.park(424242, "m1")
    with pytest.raises(NotFound):
        queue.get_visit(424242)


# ---------------------------------------------------------------- the end of the day


def test_close_day_closes_waiting_and_parked_visits_as_left(backend_store, clock):
    still_waiting = walk_in("甲")
    parked = walk_in("乙")
    queue.park(parked.id, "m1")
    serving = walk_in("丙")
    queue.call(serving.id, "desk1", "m1")
    queue.start_service(serving.id, "m1")
    done = visit_in(S.DONE, "丁")
    today = clock.now.date()
    clock.set(clock.now + dt.timedelta(days=1))
    tomorrow_visit = walk_in("戊")
    tick(clock, 1)

    # The day is over: the one still served is closed too, as not filed.
    assert queue.close_day(today, "m1") == 3

    states = {v.id: v.state for v in queue.visits(today)}
    assert states == {still_waiting.id: S.LEFT, parked.id: S.LEFT, serving.id: S.DONE,
                      done: S.DONE}  # fmt: skip
    assert queue.get_visit(still_waiting.id).finished_at == clock.now
    assert queue.get_visit(tomorrow_visit.id).state == S.WAITING
    assert queue.waiting(today) == []
    entry = audit.entries()[0]
    assert (entry.action, entry.detail) == (AuditAction.QUEUE_CLOSED, f"{today.isoformat()} 3")
    assert queue.close_day(today, "m1") == 0  # twice is harmless


def test_day_stats_are_the_days_counts_and_times(backend_store, clock):
    start = clock.now = dt.datetime(2026, 11, 27, 9, 0).astimezone()

    def at(minute: int) -> None:
        clock.set(start + minute * MINUTE)

    a = walk_in("甲")  # 09:00
    at(10)
    walk_in("乙")  # 09:10
    at(20)
    walk_in("丙")  # 09:20
    at(30)
    assert queue.call_next("desk1", "m1").id == a.id  # waited 30
    queue.start_service(a.id, "m1")
    at(50)
    queue.finish(a.id, "", "m1")  # served 20
    b = queue.call_next("desk1", "m1")  # waited 40
    at(52)
    queue.start_service(b.id, "m1")
    at(82)
    queue.finish(b.id, "", "m1")  # served 30
    c = queue.call_next("desk1", "m1")  # waited 62
    at(85)
    queue.no_show(c.id, "m1")
    walk_in("丁")  # 10:25, still waiting
    at(90)
    e = walk_in("戊")  # 10:30
    at(91)
    queue.park(e.id, "m1")  # set aside, still in the queue
    at(100)  # now: 丁 has waited 15, 戊 10

    stats = queue.day_stats()
    waits = [30, 40, 62, 15, 10]
    assert (stats.arrived, stats.waiting, stats.parked) == (5, 1, 1)
    assert (stats.served, stats.no_show, stats.left) == (2, 1, 0)
    assert stats.average_wait == sum(waits) / len(waits) * MINUTE
    assert stats.longest_wait == 62 * MINUTE
    assert stats.average_service == 25 * MINUTE
    assert stats.time_in_service == 50 * MINUTE
    (next_up,) = queue.waiting()
    assert (next_up.ticket, next_up.estimated_wait_minutes) == ("W004", 0)


# ---------------------------------------------------------------- several desks at once


def test_two_desks_calling_at_once_never_get_the_same_visitor(backend_store, clock):
    everyone = {walk_in(f"访客{i}").id for i in range(40)}
    start = threading.Barrier(2)
    got: dict[str, list[int]] = {"desk1": [], "desk2": []}
    failures: list[BaseException] = []

    def desk(name: str) -> None:
        try:
            start.wait(timeout=30)
            while (visit := queue.call_next(name, name)) is not None:
                got[name].append(visit.id)
                queue.waiting()  # the desk's queue page refreshes, as it would
        except BaseException as exc:
            failures.append(exc)
        finally:
            db.database.close()  # this thread's own connection

    threads = [threading.Thread(target=desk, args=(name,)) for name in got]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not failures
    assert not set(got["desk1"]) & set(got["desk2"])
    assert len(got["desk1"]) + len(got["desk2"]) == len(everyone)
    assert set(got["desk1"]) | set(got["desk2"]) == everyone
    for name, ids in got.items():
        assert {queue.get_visit(i).desk for i in ids} <= {name}


def test_two_desks_checking_in_at_once_never_give_out_the_same_ticket(backend_store, clock):
    start = threading.Barrier(2)
    tickets: dict[str, list[str]] = {"lobby": [], "desk1": []}
    failures: list[BaseException] = []

    def desk(name: str) -> None:
        try:
            start.wait(timeout=30)
            for i in range(30):
                request = queue.CheckIn(walk_in_name=f"{name}-{i}")
                tickets[name].append(queue.check_in(request, name).ticket)
        except BaseException as exc:
            failures.append(exc)
        finally:
            db.database.close()

    threads = [threading.Thread(target=desk, args=(name,)) for name in tickets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not failures
    given = tickets["lobby"] + tickets["desk1"]
    assert sorted(given) == [f"W{n:03d}" for n in range(1, 61)]
    assert sorted(v.ticket for v in queue.visits()) == sorted(given)


CHECK_IN_WORKER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path

    from wealthdesk import db
    from wealthdesk.domain.queue import VisitKind
    from wealthdesk.services import queue

    url, me, folder = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    db.connect(url)
    (folder / f"ready-{me}").touch()
    while len(list(folder.glob("ready-*"))) < 2:  # start together
        time.sleep(0.002)
    for i in range(50):
        kind = VisitKind.APPOINTMENT if i % 5 == 0 else VisitKind.WALK_IN
        request = queue.CheckIn(kind=kind, walk_in_name=f"访客{me}-{i}")
        print(queue.check_in(request, f"desk{me}").ticket, flush=True)
        queue.waiting()  # the desk's queue page refreshes, as it would
    """
)


def test_two_processes_checking_in_at_once_never_share_a_ticket(store, tmp_path):
    from wealthdesk.db.connection import sqlite_url

    folder = tmp_path / "start"
    folder.mkdir()
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root)}
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", CHECK_IN_WORKER, sqlite_url(store), str(n), str(folder)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=root,
        )
        for n in (1, 2)
    ]
    tickets: list[str] = []
    for worker in workers:
        out, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err
        tickets += out.split()

    assert len(tickets) == 100 == len(set(tickets))
    assert sorted(tickets) == [f"A{n:03d}" for n in range(1, 21)] + [
        f"W{n:03d}" for n in range(1, 81)
    ]
    stored = db.database.execute_sql("SELECT COUNT(DISTINCT ticket) FROM visit").fetchone()
    assert stored == (100,)


# ---------------------------------------------------------------- the desk's own visits


def test_finishing_keeps_the_checklist_as_ticked(backend_store, clock):
    from wealthdesk.domain.queue import FinishCheck, ServiceOutcome

    visit = walk_in("甲")
    queue.call(visit.id, "desk1", "m1")
    queue.start_service(visit.id, "m1")
    done = queue.finish(
        visit.id,
        ServiceOutcome.SOLD.value,
        "m1",
        checklist=(FinishCheck.DESK_TIDY, FinishCheck.PAPERS_FILED),
    )
    assert done.outcome == "sold"
    # Kept in the checklist's own order, whatever order they were ticked in.
    assert done.checklist == (FinishCheck.PAPERS_FILED, FinishCheck.DESK_TIDY)
    assert queue.get_visit(visit.id).checklist == done.checklist


def test_a_desk_finds_its_called_and_served_visitors_after_a_restart(backend_store, clock):
    first, second, elsewhere, waiting = walk_in("甲"), walk_in("乙"), walk_in("丙"), walk_in("丁")
    queue.call(first.id, "desk1", "m1")
    queue.start_service(first.id, "m1")
    tick(clock, 1)
    queue.call(second.id, "desk1", "m1")
    queue.call(elsewhere.id, "desk2", "m2")

    assert [v.id for v in queue.at_desk("desk1")] == [first.id, second.id]
    assert [v.id for v in queue.at_desk("desk2")] == [elsewhere.id]
    assert queue.at_desk("desk3") == []
    queue.finish(first.id, "", "m1")
    assert [v.id for v in queue.at_desk("desk1")] == [second.id]
    assert waiting.id in [v.id for v in queue.waiting()]


def test_earlier_days_left_open_are_found_for_closing(backend_store, clock):
    monday = clock.now.date()
    walk_in("甲")
    parked = walk_in("乙")
    queue.park(parked.id, "m1")
    clock.set(clock.now + dt.timedelta(days=1))
    walk_in("丙")  # today's queue is not an earlier day
    served = walk_in("丁")
    queue.call(served.id, "desk1", "m1")

    assert queue.unclosed_days(clock.now.date()) == [monday]
    assert queue.close_day(monday, "m1") == 2
    assert queue.unclosed_days(clock.now.date()) == []


def test_closing_a_day_that_is_over_leaves_no_visit_open(backend_store, clock):
    from wealthdesk.domain.queue import ServiceOutcome

    waiting, called, serving = walk_in("甲"), walk_in("乙"), walk_in("丙")
    queue.call(called.id, "desk1", "m1")
    queue.call(serving.id, "desk2", "m2")
    started = queue.start_service(serving.id, "m2").started_at
    yesterday = clock.now.date()
    clock.set(clock.now + dt.timedelta(days=1))

    assert queue.unclosed_days(clock.now.date()) == [yesterday]
    assert queue.close_day(yesterday, "m1") == 3
    states = {v.id: v for v in queue.visits(yesterday)}
    assert states[waiting.id].state is S.LEFT
    assert states[called.id].state is S.NO_SHOW
    unfiled = states[serving.id]
    assert (unfiled.state, unfiled.outcome) == (S.DONE, ServiceOutcome.NOT_FILED.value)
    assert unfiled.finished_at == started and unfiled.service_time == dt.timedelta(0)
    assert queue.unclosed_days(clock.now.date()) == []


def test_closing_today_leaves_the_visitors_at_the_desks_alone(backend_store, clock):
    called, serving = walk_in("乙"), walk_in("丙")
    queue.call(called.id, "desk1", "m1")
    queue.call(serving.id, "desk2", "m2")
    queue.start_service(serving.id, "m2")
    assert queue.close_day(clock.now.date(), "m1") == 0
    states = {v.state for v in queue.at_desk("desk1") + queue.at_desk("desk2")}
    assert states == {S.CALLED, S.SERVING}


# ---------------------------------------------------------------- older visitors first


def older_client(name: str, tier: Tier = Tier.NORMAL, born: dt.date = dt.date(1950, 3, 1)) -> int:
    return clients.create_client(ClientDraft(name=name, tier=tier, birth_date=born), "setup").id


def test_older_and_assisted_visitors_are_called_after_appointments_before_the_tiers(
    backend_store, clock
):
    from wealthdesk.domain.queue import CareNeed
    from wealthdesk.services import settings

    private = of_client(client("私行客户", Tier.PRIVATE))
    tick(clock, 1)
    elder = of_client(older_client("李奶奶"))  # 76 on the clock's day
    tick(clock, 1)
    helped = walk_in("轮椅访客", assistance=True)
    tick(clock, 1)
    booked = walk_in("预约客", kind=VisitKind.APPOINTMENT)
    young = of_client(older_client("小王", born=dt.date(1990, 5, 5)))

    assert elder.care_needs == (CareNeed.OLDER,)
    assert helped.care_needs == (CareNeed.ASSISTANCE,) and young.care_needs == ()
    line = [v.id for v in queue.waiting()]
    assert line == [booked.id, elder.id, helped.id, private.id, young.id]
    # "Call next" claims in the same order as the list shows it.
    called = [queue.call_next("1", "desk 1").id for _ in range(3)]
    assert called == [booked.id, elder.id, helped.id]

    settings.save({"queue_care_first": False}, "1", "setup")
    late_elder = of_client(older_client("张爷爷"))
    assert [v.id for v in queue.waiting()] == [private.id, young.id, late_elder.id]
    assert queue.call_next("1", "desk 1").id == private.id


def test_a_walk_in_identified_as_an_older_client_moves_up(backend_store, clock):
    first = walk_in("先到的")
    anonymous = walk_in("老人家")
    assert [v.id for v in queue.waiting()] == [first.id, anonymous.id]
    linked = queue.link_client(anonymous.id, older_client("陈爷爷"), "desk 1")
    assert linked.priority != 0
    assert [v.id for v in queue.waiting()] == [anonymous.id, first.id]
