"""Care list benchmark: the day's care list over a big book with many holdings."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import statistics
import time

from harness import Figure, Goal, Run, benchmark, p95, say

CARE_GOAL_MS = 200.0
CLIENTS = 100_000  # the size, quick or not (the cached database)
HOLDINGS = 300_000
ASSESSED_SHARE = 0.8  # clients with a risk assessment
DAYS = {False: 15, True: 6}  # consecutive days, each one's first build measured
REFRESHES = {False: 15, True: 5}  # the same day's list read again (the page's minute tick)


def _fill(path, today: dt.date, rng: random.Random) -> tuple[int, int]:
    """Products, HOLDINGS holdings and the clients' risk assessments, straight into the
    copy of the cached book: maturities from a year ago to three years ahead (a fifth
    without one: deposits, cards), a tenth closed; assessments over the last two years.
    Every client was added two years ago, so long silences exist."""
    con = sqlite3.connect(path)
    stamp = f"{today - dt.timedelta(days=730)} 09:00:00"
    con.execute("UPDATE client SET created_at = ?", (stamp,))
    client_ids = [cid for (cid,) in con.execute("SELECT id FROM client")]
    products = []
    for n in range(40):
        con.execute(
            "INSERT INTO product (code, name, family, risk_rating, min_amount_fen, term_days, "
            "created_at, updated_at) VALUES (?, ?, 'wealth', ?, 100000, ?, ?, ?)",
            (
                f"B{n:03d}",
                f"稳盈{30 * (n % 12 + 1)}天{n}号",
                n % 5 + 1,
                30 * (n % 12 + 1),
                stamp,
                stamp,
            ),
        )
        products.append(con.execute("SELECT last_insert_rowid()").fetchone()[0])
    rows = []
    for _ in range(HOLDINGS):
        start = today - dt.timedelta(days=rng.randrange(0, 730))
        matures = (
            None if rng.random() < 0.2 else today + dt.timedelta(days=rng.randrange(-365, 1095))
        )
        closed = matures if matures and matures < today and rng.random() < 0.9 else None
        rows.append(
            (
                rng.choice(client_ids),
                rng.choice(products),
                rng.randrange(1, 500) * 1_000_000,
                start.isoformat(),
                matures.isoformat() if matures else None,
                closed.isoformat() if closed else None,
                stamp,
            )
        )
    con.executemany(
        "INSERT INTO holding (client_id, product_id, amount_fen, start_date, maturity_date, "
        "closed_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    assessed = rng.sample(client_ids, int(len(client_ids) * ASSESSED_SHARE))
    con.executemany(
        "INSERT INTO risk_assessment (client_id, assessed_on, valid_until, score, level, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?)",
        [
            (
                cid,
                (on := today - dt.timedelta(days=rng.randrange(0, 730))).isoformat(),
                (on + dt.timedelta(days=365)).isoformat(),
                rng.randrange(10, 100),
                rng.randrange(1, 6),
                stamp,
            )
            for cid in assessed
        ],
    )
    con.commit()
    con.execute("ANALYZE")
    con.close()
    return len(rows), len(assessed)


def _bare(path) -> float:
    """The floor: counting the same tables' rows with plain sqlite3 (ms)."""
    con = sqlite3.connect(path)
    began = time.perf_counter()
    for table in ("client", "holding", "risk_assessment", "care_task"):
        con.execute(f"SELECT COUNT(*) FROM {table}").fetchone()
    elapsed = (time.perf_counter() - began) * 1000
    con.close()
    return elapsed


@benchmark("care_list")
def care_list(run: Run) -> list[Figure]:
    from wealthdesk import db
    from wealthdesk.db.connection import sqlite_url
    from wealthdesk.services import care, clock

    path = run.database_copy(CLIENTS, "care")
    first_day = dt.date(2026, 11, 23)  # a Monday; the 29 February rule is not what is timed
    say(f"  adding {HOLDINGS:,} holdings and the assessments")
    holdings, assessed = _fill(path, first_day, random.Random(11))
    db.connect(sqlite_url(path), run.folder("backups"))
    firsts, refreshes, bare, sizes, shown, made = [], [], [], [], [], []
    try:
        # The first day makes the whole backlog (every window filled at once): once in
        # a database's life, reported in the note, not timed with the days after it.
        clock.set_clock(lambda: dt.datetime.combine(first_day, dt.time(8, 30)).astimezone())
        began = time.perf_counter()
        care.care_list(first_day)
        backlog_ms, backlog = (time.perf_counter() - began) * 1000, _tasks()
        for offset in range(1, DAYS[run.quick] + 1):
            day = first_day + dt.timedelta(days=offset)
            clock.set_clock(lambda d=day: dt.datetime.combine(d, dt.time(8, 30)).astimezone())
            bare.append(_bare(path))
            before = _tasks()
            began = time.perf_counter()
            items = care.care_list(day)
            counts = care.care_counts(day)
            firsts.append((time.perf_counter() - began) * 1000)
            made.append(_tasks() - before)
            shown.append(len(items))
            sizes.append(sum(counts.values()))
            bare.append(_bare(path))
        for _ in range(REFRESHES[run.quick]):
            began = time.perf_counter()
            care.care_list(day)
            care.care_counts(day)
            refreshes.append((time.perf_counter() - began) * 1000)
    finally:
        clock.set_clock(None)
        db.close()
    value, floor = p95(firsts), statistics.median(bare)
    return [
        Figure(
            "care_list",
            value,
            "ms",
            baseline=floor,
            ratio=value / floor,
            goals=(Goal("value", "<=", CARE_GOAL_MS),),
            note=(
                f"p95 of each day's first care_list + care_counts (making that day's tasks, "
                f"then the first {max(shown)} open ones and the counts by kind) over "
                f"{len(firsts)} consecutive days, on SQLite with {CLIENTS:,} clients, "
                f"{holdings:,} holdings and {assessed:,} assessments; {min(made):,}–"
                f"{max(made):,} tasks made a day, {min(sizes):,}–{max(sizes):,} open in all "
                f"(nobody calls in this run, so they pile up); the same day read again: "
                f"median {statistics.median(refreshes):.0f} ms; the first day's backlog "
                f"({backlog:,} tasks at once) took {backlog_ms:,.0f} ms; baseline: COUNT(*) "
                "of client, holding, risk_assessment and care_task with plain sqlite3"
            ),
        )
    ]


def _tasks() -> int:
    from wealthdesk.db.models import CareTask

    return CareTask.select().count()
