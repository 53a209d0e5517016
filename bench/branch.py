"""Branch-mode benchmarks on a throwaway PostgreSQL server: eight desk processes calling
from one shared queue, and how soon a call shows on the waiting-room display's side."""

from __future__ import annotations

import importlib.util
import json
import statistics
import subprocess
import threading
import time

from harness import REPO, Figure, Goal, Run, benchmark, p95, say, unavailable

CLAIMS_GOAL = 300.0  # claims per second, all desks together
LATENCY_GOAL_MS = 500.0
DESKS = 8
QUEUE = {False: 1600, True: 800}
CALLS = {False: 100, True: 40}

# One desk: wait for the start signal, then call the next visitor until nobody is left.
DESK = """
import json, os, sys, time
from wealthdesk import db
from wealthdesk.services import queue
db.connect(sys.argv[1])
desk, start = sys.argv[2], sys.argv[3]
while not os.path.exists(start):
    time.sleep(0.001)
got, began = [], time.time()
while (visit := queue.call_next(desk, "m" + desk)) is not None:
    got.append(visit.id)
print(json.dumps({"ids": got, "began": began, "ended": time.time()}))
"""

# The display's side: woken by the server's notification, read the latest call, say when.
DISPLAY = """
import json, select, sys, time
from wealthdesk import db
from wealthdesk.services import queue
from wealthdesk.services.changes import ChangeFeed
db.connect(sys.argv[1])
feed = ChangeFeed()
feed.open()
print(json.dumps({"ready": True}), flush=True)
while True:
    if not select.select([feed.fileno()], [], [], 30)[0]:
        break
    if "visit" in feed.poll():
        calls = queue.recent_calls(1)
        if calls:
            print(json.dumps({"ticket": calls[0].ticket, "at": time.time()}), flush=True)
"""


def _cluster_class():
    """The tests' throwaway cluster (initdb + pg_ctl as postgres, 127.0.0.1, a free port):
    one implementation for the tests and the benchmarks."""
    spec = importlib.util.spec_from_file_location(
        "wealthdesk_pg_cluster", REPO / "tests" / "pg_cluster.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.ThrowawayCluster


def _server(run: Run):
    try:
        cluster = _cluster_class()()
        cluster.start()
    except Exception as exc:  # no PostgreSQL binaries, not startable: said in the table
        return None, str(exc)
    return cluster, ""


def _fresh_database(cluster, name: str) -> str:
    import psycopg

    with psycopg.connect(
        host="127.0.0.1", port=cluster.port, user="postgres", dbname="postgres", autocommit=True
    ) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    return f"postgresql://postgres@127.0.0.1:{cluster.port}/{name}"


def _fill(url: str, count: int) -> list[int]:
    from wealthdesk import db
    from wealthdesk.services import queue

    db.connect(url)
    try:
        return [
            queue.check_in(queue.CheckIn(walk_in_name=f"客{n}"), "lobby").id for n in range(count)
        ]
    finally:
        db.close()


def _claim(run: Run, url: str, desks: int) -> tuple[list[int], float]:
    """*desks* processes calling at once; every id claimed and the claims per second."""
    start = run.folder("claims") / f"start-{desks}-{time.monotonic_ns()}"
    processes = [
        subprocess.Popen(
            [run.python, "-c", DESK, url, str(n + 1), str(start)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=REPO,
        )
        for n in range(desks)
    ]
    time.sleep(2.0)  # every desk connected and waiting
    start.touch()
    claimed, began, ended = [], [], []
    for process in processes:
        out, _ = process.communicate(timeout=600)
        if process.returncode != 0:
            raise RuntimeError(f"a desk process failed with status {process.returncode}")
        result = json.loads(out)
        claimed += result["ids"]
        began.append(result["began"])
        ended.append(result["ended"])
    return claimed, len(claimed) / (max(ended) - min(began))


@benchmark("branch_claims")
def branch_claims(run: Run) -> list[Figure]:
    goals = (Goal("value", ">=", CLAIMS_GOAL),)
    cluster, reason = _server(run)
    if cluster is None:
        return [unavailable("branch_claims", "claims/s", reason, goals)]
    try:
        size = QUEUE[run.quick]
        url = _fresh_database(cluster, "claims")
        say(f"  branch_claims: {size} visitors, one desk, then {DESKS} desks at once")
        alone_ids = _fill(url, size)
        _alone, alone_rate = _claim(run, url, 1)
        ids = _fill(url, size)
        claimed, rate = _claim(run, url, DESKS)
    finally:
        cluster.stop()
    doubles = len(claimed) - len(set(claimed))
    skipped = len(set(ids) - set(claimed))
    strays = len(set(claimed) - set(ids))
    del alone_ids
    return [
        Figure(
            "branch_claims",
            rate,
            "claims/s",
            baseline=alone_rate,
            ratio=rate / alone_rate,
            goals=goals,
            note=(
                f"{DESKS} desk processes calling next from one queue of {size} on PostgreSQL "
                f"(a throwaway local cluster, fsync off): {doubles} double claims, {skipped} "
                f"skipped, {strays} strays; baseline: one desk process alone on the same queue"
            ),
        ),
        Figure(
            "branch_claims_errors",
            float(doubles + skipped + strays),
            "visitors",
            goals=(Goal("value", "<=", 0),),
            note="double claims + skipped visitors + visitors not in the queue, in the run above",
        ),
    ]


@benchmark("branch_latency")
def branch_latency(run: Run) -> list[Figure]:
    goals = (Goal("value", "<=", LATENCY_GOAL_MS),)
    cluster, reason = _server(run)
    if cluster is None:
        return [unavailable("branch_latency", "ms", reason, goals)]
    try:
        calls = CALLS[run.quick]
        url = _fresh_database(cluster, "latency")
        _fill(url, calls)
        display = subprocess.Popen(
            [run.python, "-c", DISPLAY, url], stdout=subprocess.PIPE, text=True, cwd=REPO
        )
        shown: dict[str, float] = {}
        ready = threading.Event()

        def read() -> None:
            for line in display.stdout:
                event = json.loads(line)
                if event.get("ready"):
                    ready.set()
                else:
                    shown.setdefault(event["ticket"], event["at"])

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        if not ready.wait(60):
            raise RuntimeError("the display process did not start")
        from wealthdesk import db
        from wealthdesk.services import queue

        db.connect(url)
        sent, commits = {}, []
        try:
            for _ in range(calls):
                began = time.time()
                visit = queue.call_next("1", "m1")
                commits.append((time.time() - began) * 1000)
                sent[visit.ticket] = began
                queue.no_show(visit.id, "m1")  # the desk is free for the next call
                time.sleep(0.05)
        finally:
            db.close()
        deadline = time.time() + 10
        while len(shown) < calls and time.time() < deadline:
            time.sleep(0.05)
        display.terminate()
        display.wait(10)
    finally:
        cluster.stop()
    latencies = [(shown[t] - sent[t]) * 1000 for t in sent if t in shown]
    missed = calls - len(latencies)
    value, floor = p95(latencies), p95(commits)
    return [
        Figure(
            "branch_latency",
            value,
            "ms",
            baseline=floor,
            ratio=value / floor,
            goals=goals,
            note=(
                f"p95 of {calls} calls at desk 1 until a display process (LISTEN on its own "
                f"connection, woken by select) has read the call back; median "
                f"{statistics.median(latencies):.1f} ms; {missed} never seen; baseline: the "
                "call_next commit alone"
            ),
        )
    ]


IDLE_GOAL_PERCENT = 1.0
IDLE_SETTLE_S = 6.0
IDLE_MEASURE_S = {False: 20.0, True: 8.0}
BARE_IDLE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.show()
sys.exit(app.exec())
"""


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc)."""
    import os
    from pathlib import Path

    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _idle_share(command: list[str], env: dict[str, str], seconds: float) -> float:
    """Per cent of one core a process uses while nobody touches it."""
    process = subprocess.Popen(command, env=env, cwd=REPO)
    try:
        time.sleep(IDLE_SETTLE_S)
        if process.poll() is not None:
            raise RuntimeError(f"{command[1]} ended with status {process.returncode}")
        before, began = _cpu_seconds(process.pid), time.monotonic()
        time.sleep(seconds)
        used = _cpu_seconds(process.pid) - before
        return 100 * used / (time.monotonic() - began)
    finally:
        process.terminate()
        process.wait(10)


@benchmark("idle_cpu")
def idle_cpu(run: Run) -> list[Figure]:
    """The desk window left alone on an SQLite file it shares with other processes (the
    worst case: it looks at PRAGMA data_version three times a second)."""
    import sys as _sys

    from harness import private_environment

    if not _sys.platform.startswith("linux"):
        return [unavailable("idle_cpu", "%", "reads /proc", (Goal("value", "<=", 1.0),))]
    from wealthdesk.db.connection import sqlite_url

    database = sqlite_url(run.folder("idle") / "wealthdesk.sqlite3")
    env = private_environment(run.folder("idle/home"))
    subprocess.run(
        [run.python, "main.py", "--db", database, "demo", "--clients", "200", "--days", "5"],
        env=env,
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    seconds = IDLE_MEASURE_S[run.quick]
    app = _idle_share([run.python, "main.py", "--db", database], env, seconds)
    bare = _idle_share([run.python, "-c", BARE_IDLE], env, seconds)
    return [
        Figure(
            "idle_cpu",
            app,
            "%",
            baseline=bare,
            ratio=app / bare if bare else None,
            goals=(Goal("value", "<=", IDLE_GOAL_PERCENT),),
            note=(
                f"CPU share of the desk window left alone for {seconds:.0f} s (after "
                f"{IDLE_SETTLE_S:.0f} s to settle) on an SQLite file with demo data, offscreen; "
                "baseline: a bare shown QMainWindow over the same time"
            ),
        )
    ]
