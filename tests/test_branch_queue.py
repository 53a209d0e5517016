"""The branch's shared queue: the lobby sends a visitor to a desk, a desk passes one on
to a colleague, the waiting room sees the latest calls with public names, the lobby sees
every desk; and eight desk processes calling at once never share or skip a visitor."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from wealthdesk.domain.audit import AuditAction
from wealthdesk.domain.client import ClientDraft
from wealthdesk.domain.desk import DeskState
from wealthdesk.domain.errors import DomainError, ValidationError
from wealthdesk.domain.queue import VisitState
from wealthdesk.services import audit, clients, queue
from wealthdesk.services import desk as desk_service


def walk_in(name: str, for_desk: str = "") -> queue.VisitInfo:
    return queue.check_in(queue.CheckIn(walk_in_name=name, for_desk=for_desk), "lobby")


def test_a_visitor_sent_to_a_desk_is_called_by_that_desk_only(backend_store, clock):
    for_two = walk_in("甲", for_desk="2")
    shared = walk_in("乙")
    assert queue.call_next("1", "m1").id == shared.id
    assert queue.call_next("1", "m1") is None  # 甲 waits for desk 2
    assert queue.call_next("2", "m2").id == for_two.id
    # Any desk may still call them by choice.
    other = walk_in("丙", for_desk="2")
    assert queue.call(other.id, "3", "m3").desk == "3"


def test_passing_a_visitor_on_puts_them_first_in_line_for_the_colleague(backend_store, clock):
    first = walk_in("甲")
    later = walk_in("乙")
    called = queue.call_next("1", "m1")
    assert called.id == first.id
    queue.start_service(first.id, "m1")
    passed = queue.transfer(first.id, "2", "m1")
    assert (passed.state, passed.desk) == (VisitState.WAITING, "2")
    assert queue.call_next("1", "m1").id == later.id  # desk 1 goes on with the next
    assert queue.call_next("2", "m2").id == first.id
    (entry,) = [e for e in audit.entries() if e.action == AuditAction.VISIT_TRANSFERRED]
    assert entry.detail.endswith("1->2")


def test_only_a_visitor_at_a_desk_can_be_passed_on(backend_store, clock):
    waiting = walk_in("甲")
    with pytest.raises(DomainError, match="can be passed on"):
        queue.transfer(waiting.id, "2", "m1")
    queue.call(waiting.id, "1", "m1")
    with pytest.raises(ValidationError, match="at desk 1 already"):
        queue.transfer(waiting.id, "1", "m1")


def test_the_waiting_room_sees_the_latest_calls_with_public_names(backend_store, clock):
    zhang = clients.create_client(ClientDraft(name="欧阳娜娜", mobile="13812345678"), "t")
    a = queue.check_in(queue.CheckIn(client_id=zhang.id), "lobby")
    walk_in("李四")
    queue.call_next("2", "m2")
    clock.set(clock.now + __import__("datetime").timedelta(minutes=1))
    queue.call_next("1", "m1")
    calls = queue.recent_calls()
    assert [(c.ticket, c.desk, c.public_name) for c in calls] == [
        ("W002", "1", "李*"),
        (a.ticket, "2", "欧阳**"),
    ]


def test_the_lobby_sees_every_desk_and_who_waits_for_it(backend_store, clock):
    desk_service.set_status("1", DeskState.AVAILABLE, "m1", manager="王经理")
    desk_service.set_status("2", DeskState.AWAY, "m2", until="10:30", manager="李经理")
    walk_in("甲", for_desk="2")
    served = walk_in("乙")
    queue.call(served.id, "1", "m1")
    overview = {d.desk: d for d in queue.desks_overview()}
    assert (overview["1"].serving, overview["1"].waiting_for) == (served.ticket, 0)
    assert (overview["2"].state, overview["2"].until, overview["2"].waiting_for) == (
        "away",
        "10:30",
        1,
    )


CALLER = textwrap.dedent(
    """
    import json, sys
    from wealthdesk import db
    from wealthdesk.services import queue
    db.connect(sys.argv[1])
    desk = sys.argv[2]
    got = []
    while True:
        visit = queue.call_next(desk, "m" + desk)
        if visit is None:
            break
        got.append(visit.id)
    print(json.dumps(got))
    """
)


@pytest.mark.parametrize("desks", [8])
def test_eight_desks_calling_at_once_never_share_or_skip_a_visitor(backend_store, desks):
    # No clock fixture: the desk processes run on the real date, as the queue does.
    ids = [walk_in(f"客{n}").id for n in range(160)]
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", CALLER, backend_store, str(n + 1)],
            stdout=subprocess.PIPE,
            text=True,
        )
        for n in range(desks)
    ]
    claimed = []
    for run in runs:
        out, _ = run.communicate(timeout=120)
        assert run.returncode == 0
        claimed += json.loads(out)
    assert sorted(claimed) == sorted(ids)  # each once: no double claim, none skipped


def test_a_desk_at_work_that_never_set_its_state_is_shown_available(backend_store, clock):
    sent = walk_in("甲", for_desk="5")
    assert [(d.desk, d.state, d.waiting_for) for d in queue.desks_overview()] == [
        ("5", "available", 1)
    ]
    queue.call(sent.id, "5", "m5")
    assert queue.desks_overview()[0].serving == sent.ticket
