"""A visitor passed on from desk 1 to desk 2, on SQLite and on a real PostgreSQL: their
wait is the time they spent waiting (not their service at desk 1), their service time is
the two desks' parts (not the wait between them), and the day close, the queue page and
each desk's time on client work all count them so."""

from __future__ import annotations

import datetime as dt

from wealthdesk.domain.queue import VisitState
from wealthdesk.services import care, day_close, queue

MINUTE = dt.timedelta(minutes=1)


def walk_in(name: str, for_desk: str = "") -> queue.VisitInfo:
    return queue.check_in(queue.CheckIn(walk_in_name=name, for_desk=for_desk), "lobby")


def pass_on_after_service_at_desk_1(clock) -> queue.VisitInfo:
    """Arrives at 10:00; called and served at desk 1 from 10:10 to 10:30; passed on to
    desk 2 at 10:30. The clock is left at 10:30."""
    visit = walk_in("甲")
    clock.set(clock.now + 10 * MINUTE)
    queue.call_next("1", "m1")
    queue.start_service(visit.id, "m1")
    clock.set(clock.now + 20 * MINUTE)
    queue.transfer(visit.id, "2", "m1")
    return visit


def test_a_visitor_passed_on_waits_and_is_served_as_long_as_they_really_did(backend_store, clock):
    visit = pass_on_after_service_at_desk_1(clock)
    clock.set(clock.now + 15 * MINUTE)  # waiting for desk 2 until 10:45
    assert queue.call_next("2", "m2").id == visit.id
    queue.start_service(visit.id, "m2")
    clock.set(clock.now + 25 * MINUTE)  # served at desk 2 until 11:10
    queue.finish(visit.id, "advised", "m2")

    # Waited 10 minutes for desk 1 and 15 for desk 2: not the 45 until the last call.
    # Served 20 minutes at desk 1 and 25 at desk 2: not the 60 from the first start.
    summary = day_close.summary(clock.now.date(), "1")
    (row,) = summary.visits
    assert (row.wait, row.service) == (25 * MINUTE, 45 * MINUTE)
    figures = summary.visitors
    assert figures.average_wait == figures.longest_wait == 25 * MINUTE
    assert figures.average_service == 45 * MINUTE
    assert figures.over_target == 1  # the target is 15 minutes: 25 is over it
    stats = queue.day_stats()
    assert (stats.average_wait, stats.average_service) == (25 * MINUTE, 45 * MINUTE)
    assert stats.time_in_service == 45 * MINUTE
    assert queue.get_visit(visit.id).service_time == 45 * MINUTE  # the client's history
    # Each desk's time on client work is its own part, in the day close as on Today.
    assert summary.work.service_minutes == 20
    assert day_close.summary(clock.now.date(), "2").work.service_minutes == 25
    assert care.client_work_time(desk="2").service_minutes == 25


def test_the_share_over_target_counts_only_the_time_spent_waiting(backend_store, clock):
    visit = pass_on_after_service_at_desk_1(clock)
    clock.set(clock.now + 4 * MINUTE)
    queue.call_next("2", "m2")
    queue.start_service(visit.id, "m2")
    clock.set(clock.now + 5 * MINUTE)
    queue.finish(visit.id, "advised", "m2")
    # 10 + 4 = 14 minutes of waiting: within the 15-minute target (34 with desk 1's service).
    figures = day_close.summary(clock.now.date(), "1").visitors
    assert figures.longest_wait == 14 * MINUTE
    assert (figures.waits_known, figures.over_target, figures.share_over_target) == (1, 0, 0.0)


def test_the_queue_shows_a_visitor_waiting_again_the_time_since_they_were_passed_on(
    backend_store, clock
):
    visit = pass_on_after_service_at_desk_1(clock)
    clock.set(clock.now + 7 * MINUTE)
    snapshot = queue.snapshot()
    (waiting,) = snapshot.waiting
    assert waiting.id == visit.id and waiting.state is VisitState.WAITING
    assert waiting.waited(clock.now) == 17 * MINUTE  # 10 before desk 1, 7 since: not 37
    assert snapshot.figures.longest_wait == 17 * MINUTE
    assert day_close.summary(clock.now.date(), "1").visitors.longest_wait == 17 * MINUTE


def test_the_next_in_line_waits_for_the_rest_of_the_service_begun_at_this_desk(
    backend_store, clock
):
    visit = pass_on_after_service_at_desk_1(clock)
    clock.set(clock.now + 5 * MINUTE)
    queue.call_next("2", "m2")
    queue.start_service(visit.id, "m2")
    later = walk_in("乙", for_desk="2")
    clock.set(clock.now + 3 * MINUTE)
    # Nobody finished yet: a service takes the default 15 minutes; desk 2's began 3
    # minutes ago (desk 1's, 28 minutes ago, is over and not the one to wait for).
    (waiting,) = queue.snapshot().waiting
    assert (waiting.id, waiting.estimated_wait_minutes) == (later.id, 12)
    desk_two = {d.desk: d for d in queue.desks_overview()}["2"]
    assert desk_two.waiting[0].minutes == 12
    at_desk = queue.at_desk("2")[0]
    assert at_desk.at_desk_since == clock.now - 3 * MINUTE


def test_the_queue_and_the_lobby_tell_a_visitor_sent_to_a_desk_the_same_wait(backend_store, clock):
    from wealthdesk.services import desk_presence

    first, second = walk_in("甲"), walk_in("乙")
    assert queue.call_next("2", "m2").id == first.id
    queue.start_service(first.id, "m2")
    clock.set(clock.now + 13 * MINUTE)
    assert queue.call_next("1", "m1").id == second.id
    queue.start_service(second.id, "m1")
    clock.set(clock.now + MINUTE)
    for_three = walk_in("丙", for_desk="3")
    for_one = walk_in("丁", for_desk="1")
    shared = walk_in("戊")
    for desk in ("1", "2", "3"):  # their programs are running (a fresh heartbeat)
        desk_presence.claim(desk, host=f"PC-DESK{desk}")
    # Desk 1's service is a minute old: who waits for desk 1 waits about 14 minutes,
    # not for desk 2's, which ends sooner; desk 3 is free. The shared line's first
    # waits for the first desk to end (desk 2, 5 minutes more) and two ahead.
    line = {v.id: v for v in queue.snapshot().waiting}
    assert (line[for_three.id].position, line[for_three.id].estimated_wait_minutes) == (1, 0)
    assert (line[for_one.id].position, line[for_one.id].estimated_wait_minutes) == (1, 14)
    assert (line[shared.id].position, line[shared.id].estimated_wait_minutes) == (3, 35)
    # The lobby's list of each desk's visitors tells them the very same.
    lobby = {
        waiter.visit_id: (waiter.position, waiter.minutes)
        for desk in queue.desks_overview()
        for waiter in desk.waiting
    }
    assert lobby == {for_three.id: (1, 0), for_one.id: (1, 14)}
