"""A branch's morning as the lobby sees it, on SQLite and on a real PostgreSQL: every desk
that started today is listed (a free one too) until it closes; who waits for each desk,
masked, with an honest estimate; a waiting visitor moved by the lobby; one desk number,
one program (a second start refused naming the other computer, a dead one's desk taken
over after the heartbeat timeout, also from another process); and a service passed on
keeps its start and counts at each desk."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import textwrap

import pytest

from wealthdesk.domain.desk import DeskState
from wealthdesk.domain.errors import DomainError
from wealthdesk.domain.queue import VisitState
from wealthdesk.services import care, desk_presence, queue
from wealthdesk.services import desk as desk_service


def walk_in(name: str, for_desk: str = "") -> queue.VisitInfo:
    return queue.check_in(queue.CheckIn(walk_in_name=name, for_desk=for_desk), "lobby")


def overview() -> dict[str, queue.DeskOverview]:
    return {d.desk: d for d in queue.desks_overview()}


def test_a_desk_that_started_today_is_listed_while_free_until_it_closes(backend_store, clock):
    assert queue.desks_overview() == []
    desk_presence.claim("1", host="PC-DESK1")
    desk_presence.claim("2", host="PC-DESK2")
    shown = overview()
    assert set(shown) == {"1", "2"}  # free, no state stored, nobody waiting: still there
    assert (shown["1"].state, shown["1"].running, shown["1"].host) == (
        "available",
        True,
        "PC-DESK1",
    )
    desk_service.set_status("2", DeskState.CLOSED, "m2")
    assert set(overview()) == {"1"}
    # Yesterday's state of a desk that has not started today is not today's desk.
    desk_service.set_status("3", DeskState.LUNCH, "m3", until="13:30")
    clock.set(clock.now + dt.timedelta(days=1))
    assert queue.desks_overview() == []


def test_a_closed_desk_someone_still_waits_for_is_listed_so_they_can_be_moved(backend_store, clock):
    desk_presence.claim("2", host="PC-DESK2")
    walk_in("甲", for_desk="2")
    desk_service.set_status("2", DeskState.CLOSED, "m2")
    (desk,) = queue.desks_overview()
    assert (desk.desk, desk.state, desk.waiting_for) == ("2", "closed", 1)
    assert desk.waiting[0].minutes is None  # nobody will call them there


def test_who_waits_for_a_desk_at_lunch_is_told_after_it_is_back(backend_store, clock):
    clock.set(dt.datetime(2026, 11, 27, 12, 10).astimezone())
    desk_presence.claim("1", host="PC-DESK1")
    desk_presence.claim("2", host="PC-DESK2")
    desk_service.set_status("2", DeskState.LUNCH, "m2", until="14:00")
    first = walk_in("欧阳娜娜", for_desk="2")
    walk_in("李四", for_desk="2")
    walk_in("王五", for_desk="1")
    shown = overview()
    lunch = shown["2"].waiting
    assert [w.ticket for w in lunch] == [first.ticket, "W002"]
    assert lunch[0].masked_name == "欧阳**"
    assert lunch[0].after == "14:00" and lunch[0].minutes >= 110  # not "next"
    assert lunch[1].minutes > lunch[0].minutes
    assert shown["1"].waiting[0].minutes == 0  # desk 1 is free: next, now
    assert (shown["1"].waiting_for, shown["2"].waiting_for) == (1, 2)


def test_the_desk_says_called_before_the_service_starts(backend_store, clock):
    visit = walk_in("甲")
    queue.call_next("1", "m1")
    assert overview()["1"].serving_state == "called"
    queue.start_service(visit.id, "m1")
    assert overview()["1"].serving_state == "serving"


def test_the_lobby_moves_a_waiting_visitor_to_the_shared_queue_or_another_desk(
    backend_store, clock
):
    visit = walk_in("甲", for_desk="2")
    moved = queue.send_waiting(visit.id, "", "lobby", visit.row_version)
    assert moved.desk == "" and moved.state is VisitState.WAITING
    assert queue.call_next("1", "m1").id == visit.id  # the shared queue: anyone calls them
    other = walk_in("乙", for_desk="2")
    assert queue.send_waiting(other.id, "3", "lobby").desk == "3"
    with pytest.raises(DomainError):  # seen before it moved: refused, nothing changed
        queue.send_waiting(other.id, "1", "lobby", other.row_version)
    queue.call(other.id, "3", "m3")
    with pytest.raises(DomainError, match="still waiting"):
        queue.send_waiting(other.id, "1", "lobby")


def test_one_desk_number_is_one_program_until_its_heartbeat_stops(backend_store, clock):
    held = desk_presence.claim("2", host="PC-DESK2", pid=100)
    with pytest.raises(desk_presence.DeskTaken) as refused:
        desk_presence.claim("2", host="PC-OTHER", pid=200)
    assert refused.value.host == "PC-DESK2"
    assert "PC-DESK2" in str(refused.value)
    clock.set(clock.now + dt.timedelta(seconds=desk_presence.STALE_AFTER_S - 5))
    assert desk_presence.heartbeat(held)
    clock.set(clock.now + dt.timedelta(seconds=desk_presence.STALE_AFTER_S - 5))
    with pytest.raises(desk_presence.DeskTaken):  # the heartbeat kept it
        desk_presence.claim("2", host="PC-OTHER", pid=200)
    clock.set(clock.now + dt.timedelta(seconds=desk_presence.STALE_AFTER_S + 1))
    taken = desk_presence.claim("2", host="PC-OTHER", pid=200)  # the first one died
    assert not desk_presence.heartbeat(held)  # ... and learns it lost the desk
    assert desk_presence.heartbeat(taken)
    desk_presence.release(taken)
    desk_presence.claim("2", host="PC-DESK2", pid=300)  # closed properly: free at once


CLAIMER = textwrap.dedent(
    """
    import json, sys
    from wealthdesk import db
    from wealthdesk.services import desk_presence
    db.connect(sys.argv[1])
    try:
        desk_presence.claim(sys.argv[2], host=sys.argv[3])
        print(json.dumps({"claimed": True}))
    except desk_presence.DeskTaken as exc:
        print(json.dumps({"claimed": False, "host": exc.host, "text": str(exc)}))
    """
)


def test_a_second_program_with_the_same_desk_number_is_refused_from_another_process(
    backend_store,
):
    # No clock fixture: the other process runs on the real clock.
    desk_presence.claim("2", host="PC-DESK2")
    runs = [
        subprocess.run(
            [sys.executable, "-c", CLAIMER, backend_store, desk, "PC-LATE"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        for desk in ("2", "3")
    ]
    second, third = (json.loads(run.stdout) for run in runs)
    assert second["claimed"] is False and second["host"] == "PC-DESK2"
    assert "PC-DESK2" in second["text"]
    assert third["claimed"] is True


def test_a_service_passed_on_keeps_its_start_and_counts_at_each_desk(backend_store, clock):
    visit = walk_in("甲")
    queue.call_next("1", "m1")
    queue.start_service(visit.id, "m1")
    began = queue.get_visit(visit.id).started_at
    clock.set(clock.now + dt.timedelta(minutes=10))
    passed = queue.transfer(visit.id, "2", "m1")
    assert passed.started_at == began  # not wiped
    clock.set(clock.now + dt.timedelta(minutes=5))  # waiting for desk 2: nobody's time
    queue.call_next("2", "m2")
    queue.start_service(visit.id, "m2")
    assert queue.get_visit(visit.id).started_at == began
    clock.set(clock.now + dt.timedelta(minutes=20))
    queue.finish(visit.id, "advised", "m2")
    first = care.client_work_time(desk="1").service_minutes
    second = care.client_work_time(desk="2").service_minutes
    assert (first, second) == (10, 20)
