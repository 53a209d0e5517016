"""Queue benchmarks: one visitor's way through the desk, on a lived-in database."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import time

from harness import ACTOR, Figure, Goal, Run, benchmark, p95, say

ROUNDTRIP_GOAL_MS = 5.0


def _add_history(visits: int, client_ids: list[int], rng: random.Random) -> None:
    """*visits* finished visits spread over the last 30 days, made through the services
    with the clock set to each day, as the desk would have made them."""
    from wealthdesk.domain.queue import VisitKind
    from wealthdesk.services import clock, queue

    today = dt.date.today()
    per_day = max(1, visits // 30)
    made = 0
    for back in range(30, 0, -1):
        day = today - dt.timedelta(days=back)
        moment = dt.datetime.combine(day, dt.time(9, 0)).astimezone()
        for _ in range(min(per_day, visits - made)):
            moment += dt.timedelta(minutes=rng.randrange(1, 6))
            clock.set_clock(lambda m=moment: m)
            kind = VisitKind.APPOINTMENT if rng.random() < 0.2 else VisitKind.WALK_IN
            visit = queue.check_in(
                queue.CheckIn(client_id=rng.choice(client_ids), kind=kind), ACTOR
            )
            queue.call(visit.id, "1", ACTOR)
            queue.start_service(visit.id, ACTOR)
            queue.finish(visit.id, "done", ACTOR)
            made += 1
    clock.set_clock(None)


def _bare_roundtrip_ms(path, count: int) -> list[float]:
    """The floor: the same four small writes (insert, then three updates of that row),
    each in its own transaction, with plain sqlite3 on the same database file."""
    con = sqlite3.connect(str(path), isolation_level=None)
    con.execute("PRAGMA journal_mode=wal")
    con.execute("PRAGMA synchronous=normal")
    con.execute("CREATE TABLE IF NOT EXISTS bench_bare (id INTEGER PRIMARY KEY, state TEXT)")
    samples = []
    for _ in range(count):
        start = time.perf_counter()
        con.execute("BEGIN IMMEDIATE")
        row = con.execute("INSERT INTO bench_bare (state) VALUES ('waiting')").lastrowid
        con.execute("COMMIT")
        for state in ("called", "serving", "done"):
            con.execute("BEGIN IMMEDIATE")
            con.execute("UPDATE bench_bare SET state = ? WHERE id = ?", (state, row))
            con.execute("COMMIT")
        samples.append((time.perf_counter() - start) * 1000)
    con.close()
    return samples


@benchmark("queue_roundtrip")
def queue_roundtrip(run: Run) -> list[Figure]:
    from wealthdesk import db
    from wealthdesk.db.connection import sqlite_url
    from wealthdesk.db.models import Client
    from wealthdesk.services import queue

    sizes = run.sizes
    path = run.database_copy(sizes.queue_clients, "queue")
    db.connect(sqlite_url(path), run.folder("queue-backups"))
    rng = random.Random(7)
    client_ids = [cid for (cid,) in Client.select(Client.id).tuples()]
    say(f"   adding {sizes.queue_history:,} visits of the last 30 days")
    _add_history(sizes.queue_history, client_ids, rng)
    say(f"   {sizes.queue_roundtrips} round trips: check in, call next, start, finish")
    samples = []
    for i in range(sizes.queue_roundtrips):
        client = client_ids[i]  # a different client each time: one open visit per client
        start = time.perf_counter()
        queue.check_in(queue.CheckIn(client_id=client), ACTOR)
        called = queue.call_next("1", ACTOR)
        queue.start_service(called.id, ACTOR)
        queue.finish(called.id, "done", ACTOR)
        samples.append((time.perf_counter() - start) * 1000)
    db.close()
    bare = _bare_roundtrip_ms(path, sizes.queue_roundtrips)
    value, floor = p95(samples), p95(bare)
    return [
        Figure(
            "queue_roundtrip",
            value,
            "ms",
            baseline=floor,
            ratio=value / floor,
            goals=(Goal("value", "<=", ROUNDTRIP_GOAL_MS),),
            note=(
                f"p95 of {len(samples)} check-in + call next + start + finish on SQLite, "
                f"{sizes.queue_clients:,} clients and {sizes.queue_history:,} earlier visits; "
                f"median {sorted(samples)[len(samples) // 2]:.2f} ms; baseline: the same four "
                "writes with plain sqlite3 on that file"
            ),
        )
    ]
