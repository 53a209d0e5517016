"""The queue page's refresh: a snapshot of 500 waiting visitors and the table model
brought up to date, each time one visitor checks in or is called."""

from __future__ import annotations

import datetime as dt
import os
import random
import sqlite3
import time
from collections.abc import Iterator

from harness import ACTOR, Figure, Goal, Run, benchmark, median, p95, say

REFRESH_GOAL_MS = 16.0
APPOINTMENTS = 0.1  # share of the waiting who booked
ANONYMOUS = 0.2  # share of walk-ins not (yet) in the client book
PARKED = 10  # set aside beside the line
SERVED_TODAY = 40  # finished before the measurement, so estimates use a real average


def _qt_application():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def _at(moment: dt.datetime) -> None:
    from wealthdesk.services import clock

    clock.set_clock(lambda: moment)


def _todays_queue(waiting: int, clients: list[int], rng: random.Random) -> Iterator[int]:
    """A busy morning so far: *SERVED_TODAY* visitors served, a few no-shows and
    walk-outs, *PARKED* set aside and *waiting* in line (clients of every tier,
    appointments and anonymous walk-ins, each with one or two purposes), all in the last
    four hours. Returns the clients not yet in the branch today."""
    from wealthdesk.domain.queue import Purpose, VisitKind
    from wealthdesk.services import clock, queue

    now = dt.datetime.now().astimezone()
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    start = max(midnight + dt.timedelta(minutes=1), now - dt.timedelta(hours=4))
    events = SERVED_TODAY * 2 + 10 + PARKED + waiting
    step = (now - dt.timedelta(seconds=30) - start) / events
    moment = start
    pool = iter(clients)

    def arrive() -> queue.VisitInfo:
        nonlocal moment
        moment += step
        _at(moment)
        kind = VisitKind.APPOINTMENT if rng.random() < APPOINTMENTS else VisitKind.WALK_IN
        purposes = tuple(rng.sample(list(Purpose), rng.choice((1, 1, 2))))
        if rng.random() < ANONYMOUS:
            request = queue.CheckIn(
                kind=kind, walk_in_name=rng.choice(("王先生", "李女士", "访客")), purposes=purposes
            )
        else:
            request = queue.CheckIn(kind=kind, client_id=next(pool), purposes=purposes)
        return queue.check_in(request, ACTOR)

    for _ in range(SERVED_TODAY):
        visit = arrive()
        queue.call(visit.id, "1", ACTOR)
        queue.start_service(visit.id, ACTOR)
        moment += step
        _at(moment)
        queue.finish(visit.id, "done", ACTOR)
    for i in range(10):
        visit = arrive()
        if i % 2:
            queue.leave(visit.id, ACTOR)
        else:
            queue.call(visit.id, "1", ACTOR)
            queue.no_show(visit.id, ACTOR)
    for _ in range(PARKED):
        queue.park(arrive().id, ACTOR)
    for _ in range(waiting):
        arrive()
    clock.set_clock(None)
    return pool


class BareReload:
    """The floor, sampled in the same loop as the refresh so that a busy moment slows
    both alike: the same SELECT through plain sqlite3 (rows fetched, nothing made of
    them), then a QStandardItemModel filled anew with six strings a queued row."""

    def __init__(self, path, sql: str, day: dt.date):
        from PySide6.QtGui import QStandardItemModel

        self.con = sqlite3.connect(str(path))
        self.sql, self.day = sql, day.isoformat()
        self.model = QStandardItemModel(0, 6)
        self.select: list[float] = []
        self.fill: list[float] = []
        self.both: list[float] = []

    def sample(self) -> None:
        from PySide6.QtGui import QStandardItem

        start = time.perf_counter()
        rows = self.con.execute(self.sql, (self.day,)).fetchall()
        middle = time.perf_counter()
        self.model.setRowCount(0)
        for row in rows:
            if row[11] in ("waiting", "parked"):
                texts = (row[3], row[20] or row[5] or "", row[22] or "", row[7], row[13], row[11])
                self.model.appendRow([QStandardItem(text) for text in texts])
        end = time.perf_counter()
        self.select.append((middle - start) * 1000)
        self.fill.append((end - middle) * 1000)
        self.both.append((end - start) * 1000)

    def close(self) -> None:
        self.con.close()


def _spread(samples: list[float]) -> str:
    return f"p50 {median(samples):.2f} / p95 {p95(samples):.2f} ms"


@benchmark("queue_refresh")
def queue_refresh(run: Run) -> list[Figure]:
    _qt_application()
    from PySide6.QtCore import QSortFilterProxyModel
    from visitor_queue import _add_history  # the round trip's lived-in history

    from wealthdesk import db
    from wealthdesk.db.connection import sqlite_url
    from wealthdesk.db.models import Client
    from wealthdesk.domain.queue import VisitKind
    from wealthdesk.services import queue
    from wealthdesk.ui.models import SORT_ROLE
    from wealthdesk.ui.queue.queue_model import QueueTableModel

    sizes = run.sizes
    path = run.database_copy(sizes.queue_clients, "queue-refresh")
    db.connect(sqlite_url(path), run.folder("queue-refresh-backups"))
    rng = random.Random(11)
    client_ids = [cid for (cid,) in Client.select(Client.id).tuples()]
    rng.shuffle(client_ids)
    say(f"   adding {sizes.refresh_history:,} visits of the last 30 days")
    _add_history(sizes.refresh_history, client_ids, rng)
    say(f"   today: {SERVED_TODAY} served, {PARKED} parked, {sizes.refresh_waiting} waiting")
    newcomers = _todays_queue(sizes.refresh_waiting, client_ids, rng)

    model = QueueTableModel()
    proxy = QSortFilterProxyModel()  # as the page shows it: behind a proxy, in call order
    proxy.setSortRole(SORT_ROLE)
    proxy.setSourceModel(model)
    started = time.perf_counter()
    first = queue.snapshot()
    model.set_snapshot(first)
    cold_ms = (time.perf_counter() - started) * 1000
    assert len(first.waiting) == sizes.refresh_waiting, len(first.waiting)

    day = first.taken_at.date()
    bare = BareReload(path, queue._day_visits_sql(), day)  # the statement snapshot() runs
    say(f"   {sizes.refresh_rounds} refreshes, each after one check-in or one call")
    took_snapshot, took_model, took_both = [], [], []
    for i in range(sizes.refresh_rounds):
        if i % 2:
            queue.call_next("1", ACTOR)  # everyone behind moves up
        else:
            kind = VisitKind.APPOINTMENT if rng.random() < APPOINTMENTS else VisitKind.WALK_IN
            queue.check_in(queue.CheckIn(client_id=next(newcomers), kind=kind), ACTOR)
        start = time.perf_counter()
        snapshot = queue.snapshot()
        middle = time.perf_counter()
        model.set_snapshot(snapshot)
        end = time.perf_counter()
        took_snapshot.append((middle - start) * 1000)
        took_model.append((end - middle) * 1000)
        took_both.append((end - start) * 1000)
        bare.sample()
    rows = model.rowCount()
    bare.close()
    db.close()

    count = sizes.refresh_rounds
    where = (
        f"on SQLite, {sizes.queue_clients:,} clients, {sizes.refresh_history:,} earlier "
        f"visits; {sizes.refresh_waiting} waiting and {PARKED} parked ({rows} rows)"
    )
    both, snap_p95, model_p95 = p95(took_both), p95(took_snapshot), p95(took_model)
    reload_p95, select_p95, fill_p95 = p95(bare.both), p95(bare.select), p95(bare.fill)
    return [
        Figure(
            "queue_refresh",
            both,
            "ms",
            baseline=reload_p95,
            ratio=both / reload_p95,
            goals=(Goal("value", "<=", REFRESH_GOAL_MS),),
            note=(
                f"p95 of {count} refreshes (queue.snapshot() + QueueTableModel.set_snapshot(), "
                f"behind a proxy), each after one check-in or call-next, {where}: "
                f"{_spread(took_both)}; the first refresh after start {cold_ms:.1f} ms; "
                f"baseline: the same SELECT with plain sqlite3 and a QStandardItemModel filled "
                f"anew with 6 strings a row, sampled after each refresh ({_spread(bare.both)})"
            ),
        ),
        Figure(
            "queue_refresh_snapshot",
            snap_p95,
            "ms",
            baseline=select_p95,
            ratio=snap_p95 / select_p95,
            note=(
                f"queue.snapshot() alone, {_spread(took_snapshot)}; baseline: its SELECT with "
                f"plain sqlite3, rows fetched, nothing made of them ({_spread(bare.select)})"
            ),
        ),
        Figure(
            "queue_refresh_model",
            model_p95,
            "ms",
            baseline=fill_p95,
            ratio=model_p95 / fill_p95,
            note=(
                f"QueueTableModel.set_snapshot() alone, one visitor changed, "
                f"{_spread(took_model)}; baseline: a QStandardItemModel filled anew with the "
                f"same rows, 6 strings each ({_spread(bare.fill)})"
            ),
        ),
    ]
