"""The queue page's snapshot (services/queue.snapshot) on SQLite and PostgreSQL: the
same lists and figures as waiting() and day_stats(), read in one go."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from wealthdesk.domain.client import ClientDraft, Tier
from wealthdesk.domain.queue import Purpose, VisitKind, VisitState
from wealthdesk.services import clients, queue

S = VisitState
MINUTE = dt.timedelta(minutes=1)


def tick(clock, minutes: float) -> None:
    clock.set(clock.now + dt.timedelta(minutes=minutes))


def client(name: str, tier: Tier = Tier.NORMAL, mobile: str = "") -> int:
    return clients.create_client(ClientDraft(name=name, tier=tier, mobile=mobile), "setup").id


def walk_in(name: str = "访客", **fields) -> queue.VisitInfo:
    return queue.check_in(queue.CheckIn(walk_in_name=name, **fields), "lobby")


def of_client(client_id: int, kind: VisitKind = VisitKind.WALK_IN, **fields) -> queue.VisitInfo:
    return queue.check_in(queue.CheckIn(kind=kind, client_id=client_id, **fields), "lobby")


def served(visit: queue.VisitInfo, clock, minutes: float) -> None:
    queue.call(visit.id, "desk1", "m1")
    queue.start_service(visit.id, "m1")
    tick(clock, minutes)
    queue.finish(visit.id, "", "m1")


def a_mixed_day(clock) -> dict[str, int]:
    """A day with every state in it and a visitor left waiting yesterday; returns the
    visit ids by ticket."""
    yesterday_visitor = walk_in("昨日客")  # W001 of yesterday, never closed
    clock.set(dt.datetime(2026, 11, 28, 9, 0).astimezone())
    ids = {"yesterday": yesterday_visitor.id}

    def arrive(visit: queue.VisitInfo) -> queue.VisitInfo:
        ids[visit.ticket] = visit.id
        tick(clock, 1)
        return visit

    first = arrive(walk_in("甲"))  # W001: served for 12 minutes
    second = arrive(of_client(client("钱多多", Tier.GOLD, "13812345678")))  # W002: no-show
    gone = arrive(walk_in("乙"))  # W003: leaves before being called
    arrive(walk_in("丙", purposes=(Purpose.REDEMPTION, Purpose.CONSULTATION)))  # W004
    arrive(of_client(client("赵敏", Tier.PLATINUM)))  # W005
    napping = arrive(of_client(client("周芷若", Tier.GOLD), notes="填写问卷"))  # W006: parked
    arrive(of_client(client("王语嫣", Tier.PRIVATE)))  # W007
    arrive(of_client(client("孙悦"), VisitKind.APPOINTMENT))  # A001
    in_service = arrive(walk_in("丁"))  # W008: being served
    arrive(walk_in("戊", walk_in_phone="13900001111"))  # W009: parked before W006
    calling = arrive(of_client(client("李白", Tier.PLATINUM)))  # W010: called

    served(first, clock, 12)
    queue.call(second.id, "desk2", "m2")
    queue.no_show(second.id, "m2")
    queue.leave(gone.id, "lobby")
    queue.park(ids["W009"], "lobby")
    tick(clock, 1)
    queue.park(napping.id, "lobby")
    queue.call(in_service.id, "desk2", "m2")
    queue.start_service(in_service.id, "m2")
    queue.call(calling.id, "desk3", "m3")
    tick(clock, 5)
    return ids


def test_a_snapshot_is_the_waiting_list_the_parked_and_the_days_figures(backend_store, clock):
    clock.set(dt.datetime(2026, 11, 27, 17, 0).astimezone())
    ids = a_mixed_day(clock)

    snap = queue.snapshot()

    assert snap.waiting == tuple(queue.waiting())
    assert snap.figures == queue.day_stats()
    assert snap.taken_at == clock.now
    # Appointments first, then private banking, platinum, gold, standard; then arrival.
    assert [v.ticket for v in snap.waiting] == ["A001", "W007", "W005", "W004"]
    assert [v.position for v in snap.waiting] == [1, 2, 3, 4]
    # One visitor served, in 12 minutes: 12 minutes a visitor ahead; desks 2 and 3 are
    # busy for 5 minutes now, so the first in line waits the 7 left of the sooner one.
    assert [v.estimated_wait_minutes for v in snap.waiting] == [7, 19, 31, 43]
    assert all(v.state == S.WAITING for v in snap.waiting)
    # Parked by arrival, whoever was set aside first; no place in the line.
    assert [v.ticket for v in snap.parked] == ["W006", "W009"]
    assert [(v.state, v.position, v.estimated_wait_minutes) for v in snap.parked] == [
        (S.PARKED, None, None),
        (S.PARKED, None, None),
    ]
    assert snap.parked == tuple(queue.get_visit(ids[t]) for t in ("W006", "W009"))
    # Yesterday's visitor still waiting is not in today's queue nor its figures.
    every = snap.waiting + snap.parked
    assert ids["yesterday"] not in {v.id for v in every}
    assert all(v.service_date == clock.now.date() for v in every)
    figures = snap.figures
    assert (figures.arrived, figures.waiting, figures.parked) == (11, 4, 2)
    assert (figures.served, figures.no_show, figures.left) == (1, 1, 1)
    assert figures.average_service == 12 * MINUTE


def test_a_snapshot_shows_each_visitor_as_get_visit_does(backend_store, clock):
    ids = a_mixed_day(clock)

    snap = queue.snapshot()

    for visit in snap.waiting:
        assert replace(visit, position=None, estimated_wait_minutes=None) == queue.get_visit(
            visit.id
        )
    by_ticket = {v.ticket: v for v in snap.waiting + snap.parked}
    assert by_ticket["W004"].purposes == (Purpose.CONSULTATION, Purpose.REDEMPTION)
    assert (by_ticket["W004"].name, by_ticket["W004"].masked_name) == ("丙", "丙")
    assert (by_ticket["W004"].tier, by_ticket["A001"].tier) == (None, Tier.NORMAL)
    assert (by_ticket["W007"].masked_name, by_ticket["W007"].tier) == ("王**", Tier.PRIVATE)
    assert by_ticket["W009"].masked_phone == "139****1111"
    assert by_ticket["W006"].notes == "填写问卷"
    assert by_ticket["A001"].kind == VisitKind.APPOINTMENT
    assert by_ticket["W005"].arrived_at == dt.datetime(2026, 11, 28, 9, 4).astimezone()
    assert by_ticket["W005"].id == ids["W005"]


def test_before_anyone_is_served_each_visitor_ahead_counts_fifteen_minutes(backend_store, clock):
    for name in ("甲", "乙", "丙"):
        walk_in(name)
        tick(clock, 2)

    snap = queue.snapshot()

    assert [(v.ticket, v.position, v.estimated_wait_minutes) for v in snap.waiting] == [
        ("W001", 1, 0),
        ("W002", 2, 15),
        ("W003", 3, 30),
    ]
    assert snap.figures.longest_wait == 6 * MINUTE and snap.figures.average_service is None


def test_an_empty_day_has_an_empty_snapshot(backend_store, clock):
    walk_in("昨日客")
    tick(clock, 24 * 60)

    snap = queue.snapshot()

    assert (snap.waiting, snap.parked) == ((), ())
    assert snap.figures == queue.day_stats()
    assert (snap.figures.arrived, snap.figures.waiting, snap.figures.served) == (0, 0, 0)
    assert snap.figures.average_wait is None and snap.figures.longest_wait is None
    yesterday = clock.now.date() - dt.timedelta(days=1)
    assert [v.ticket for v in queue.snapshot(yesterday).waiting] == ["W001"]


def test_a_day_with_only_closed_visits_has_nobody_in_the_queue(backend_store, clock):
    served(walk_in("甲"), clock, 20)
    queue.leave(walk_in("乙").id, "lobby")

    snap = queue.snapshot()

    assert (snap.waiting, snap.parked) == ((), ())
    assert (snap.figures.arrived, snap.figures.served, snap.figures.left) == (2, 1, 1)
    assert snap.figures.average_service == 20 * MINUTE


def test_each_snapshot_shows_what_changed_since_the_last(backend_store, clock):
    zhang = client("张伟", Tier.NORMAL, "13812345678")
    first = walk_in("甲")
    mine = of_client(zhang)
    third = walk_in("丙")
    before = queue.snapshot()
    assert [v.ticket for v in before.waiting] == ["W001", "W002", "W003"]

    # The first in line is called: everyone moves up.
    queue.call(first.id, "desk1", "m1")
    moved_up = queue.snapshot()
    assert [(v.ticket, v.position) for v in moved_up.waiting] == [("W002", 1), ("W003", 2)]
    # Desk 1 has just called W001: the next in line waits for that service (15 minutes
    # before anyone has been served today), the one after for one more.
    assert [v.estimated_wait_minutes for v in moved_up.waiting] == [15, 30]

    # The client's record changes (their visit does not): the queue shows the new name
    # and tier, and the platinum client now comes first.
    record = clients.get_client(zhang)
    clients.update_client(
        zhang, replace(record.draft, name="张卫", tier=Tier.PLATINUM), record.row_version, "m1"
    )
    renamed = queue.snapshot()
    assert [(v.ticket, v.masked_name, v.tier) for v in renamed.waiting] == [
        ("W002", "张*", Tier.PLATINUM),
        ("W003", "丙", None),
    ]
    assert renamed.waiting[0].name == "张卫"

    # Set aside, then back in line in the old place.
    queue.park(mine.id, "m1")
    assert [v.ticket for v in queue.snapshot().waiting] == ["W003"]
    assert [v.ticket for v in queue.snapshot().parked] == ["W002"]
    queue.unpark(mine.id, "m1")
    again = queue.snapshot()
    assert [v.ticket for v in again.waiting] == ["W002", "W003"] and again.parked == ()
    assert again.waiting == tuple(queue.waiting())
    assert queue.get_visit(third.id) == replace(
        again.waiting[1], position=None, estimated_wait_minutes=None
    )


def test_times_follow_the_clocks_time_zone(backend_store, clock):
    clock.set(dt.datetime(2026, 11, 27, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8))))
    walk_in("甲")
    in_beijing = queue.snapshot()
    clock.set(clock.now.astimezone(dt.timezone(dt.timedelta(hours=1))))
    in_paris = queue.snapshot()

    (here,), (there,) = in_beijing.waiting, in_paris.waiting
    assert here.arrived_at == there.arrived_at  # the same moment
    assert here.arrived_at.utcoffset() == dt.timedelta(hours=8)
    assert there.arrived_at.utcoffset() == dt.timedelta(hours=1)
    assert there == queue.waiting()[0]
