"""A simulated 8-hour day through the real window (issue 9): memory read at the end of
each simulated hour; and the PIN check's cost (issue 18)."""

from __future__ import annotations

import os
import statistics
import time
import tracemalloc

from harness import Figure, Goal, Run, benchmark, say

GROWTH_GOAL_PERCENT = 10.0
MB = 1_000_000


@benchmark("workday_memory")
def workday_memory(run: Run) -> list[Figure]:
    home = run.folder("workday-home")
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["HOME"] = str(home)
    os.environ["XDG_CONFIG_HOME"] = str(home / ".config")
    os.environ["XDG_DATA_HOME"] = str(home / ".local/share")
    os.environ["WEALTHDESK_HEADLESS"] = "1"
    import argparse

    from PySide6.QtCore import QStandardPaths
    from workday_scenario import PIN, START, SetClock, prepare_book, simulate_day

    from wealthdesk import db
    from wealthdesk.db.connection import sqlite_url
    from wealthdesk.domain.pin import hash_pin
    from wealthdesk.services import clock as service_clock
    from wealthdesk.services import settings as settings_service
    from wealthdesk.ui import application

    QStandardPaths.setTestModeEnabled(True)  # the documents folder inside HOME too
    application.create_application()
    clock = SetClock(START)
    service_clock.set_clock(clock)
    path = run.folder("workday-db") / "wealthdesk.sqlite3"
    url = sqlite_url(path)
    db.connect(url, run.folder("workday-backups"))
    book = 300 if run.quick else 2_000
    # The desk's real PIN cost: each unlock checks two PINs (one wrong) at ~0.5 s.
    settings_service.save({"pin_hash": hash_pin(PIN), "manager_name": "王经理"}, "1", "setup")
    client_ids = prepare_book(book)
    db.close()
    window = application.open_window(argparse.Namespace(db=url, lang="zh_CN", desk="1"))
    per_hour = 6 if run.quick else 12
    say(f"   8 simulated hours, {per_hour} visitors an hour, a book of {book:,} clients")
    tracemalloc.start()
    started = time.perf_counter()

    def told(reading) -> None:
        say(
            f"   hour {reading.hour}: RSS {reading.rss_bytes / MB:.1f} MB, Python "
            f"{reading.traced_bytes / MB:.2f} MB, {reading.widgets} widgets, "
            f"{reading.served} served"
        )

    day = simulate_day(window, clock, client_ids, hours=8, visitors_per_hour=per_hour, on_hour=told)
    seconds = time.perf_counter() - started
    tracemalloc.stop()
    window.close()
    service_clock.set_clock(None)
    first, last, working = day.hours[0], day.hours[-1], day.before_close
    rss_growth = 100.0 * (last.rss_bytes - first.rss_bytes) / first.rss_bytes
    traced_growth = 100.0 * (working.traced_bytes - first.traced_bytes) / first.traced_bytes
    hourly = ", ".join(f"{r.rss_bytes / MB:.0f}" for r in day.hours)
    what = (
        f"{day.served} served, {day.locks} locks (stepping away with a door notice, and "
        f"the idle timeout), {day.wrong_pins} wrong PINs, {day.notices} notices, the "
        f"closing-time day close ({day.day_close_files} files); {seconds:.0f} s for the day"
    )
    return [
        Figure(
            "workday_rss_growth",
            rss_growth,
            "%",
            baseline=first.rss_bytes / MB,
            ratio=last.rss_bytes / first.rss_bytes,
            goals=(Goal("value", "<=", GROWTH_GOAL_PERCENT),),
            note=(
                f"resident memory from the end of hour 1 ({first.rss_bytes / MB:.1f} MB, the "
                f"baseline) to the end of hour 8 ({last.rss_bytes / MB:.1f} MB); each hour: "
                f"{hourly} MB; {what}"
            ),
        ),
        Figure(
            "workday_python_growth",
            traced_growth,
            "%",
            baseline=first.traced_bytes / MB,
            ratio=working.traced_bytes / first.traced_bytes,
            goals=(Goal("value", "<=", GROWTH_GOAL_PERCENT),),
            note=(
                f"Python's allocations still held (tracemalloc, from the window's start) at "
                f"the end of hour 1 ({first.traced_bytes / MB:.2f} MB) and of hour 8's work "
                f"({working.traced_bytes / MB:.2f} MB); the day close then adds "
                f"{(last.traced_bytes - working.traced_bytes) / MB:.2f} MB once (its PDF's "
                f"modules first imported: code, not data; RSS above includes it)"
            ),
        ),
        Figure(
            "workday_widgets_left",
            float(last.widgets - first.widgets),
            "widgets",
            baseline=float(first.widgets),
            goals=(Goal("value", "<=", 0.0),),
            note=f"QWidgets alive at the end of hour 8 less those at the end of hour 1 "
            f"({first.widgets})",
        ),
    ]


@benchmark("pin_check")
def pin_check(run: Run) -> list[Figure]:
    """One PIN check at the desk's scrypt cost, against the cost before issue 18."""
    import hashlib

    from wealthdesk.domain.pin import PIN_MIN, SCRYPT_N, SCRYPT_P, SCRYPT_R

    salt = os.urandom(16)

    def once(n: int, r: int, p: int) -> float:
        started = time.perf_counter()
        hashlib.scrypt(b"258036", salt=salt, n=n, r=r, p=p, dklen=32, maxmem=2**27)
        return time.perf_counter() - started

    runs = 3 if run.quick else 7
    now, before = [], []
    for _ in range(runs):  # interleaved: a busy moment slows both alike
        now.append(once(SCRYPT_N, SCRYPT_R, SCRYPT_P))
        before.append(once(2**14, 8, 1))
    value, old = statistics.median(now), statistics.median(before)
    days = 10**PIN_MIN * value / 86400
    return [
        Figure(
            "pin_check",
            value,
            "s",
            baseline=old,
            ratio=value / old,
            goals=(Goal("value", ">=", 0.3), Goal("value", "<=", 1.0)),
            note=(
                f"median of {runs} checks at n={SCRYPT_N}, r={SCRYPT_R}, p={SCRYPT_P} (64 MiB); "
                f"baseline the cost before (n=16384, p=1: every 4-digit PIN in "
                f"{10**4 * old / 60:.0f} min); every {PIN_MIN}-digit PIN now takes "
                f"{days:.1f} days of one core"
            ),
        )
    ]
