"""The benchmark harness: the registry, figures with goals, timed child processes and
the cache of demo databases that every benchmark module shares."""

from __future__ import annotations

import contextlib
import math
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CACHE = REPO / "bench" / ".cache"
DEMO_SEED = 1
ACTOR = "bench"

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))  # the working tree's wealthdesk, never an installed copy


# ---------------------------------------------------------------- figures and goals


@dataclass(frozen=True)
class Goal:
    """A target on a figure's ``value`` or its ``ratio``: ``Goal("ratio", "<=", 2.0)``."""

    of: str
    op: str
    limit: float

    def met(self, figure: Figure) -> bool | None:
        measured = figure.value if self.of == "value" else figure.ratio
        if measured is None:
            return None
        return measured <= self.limit if self.op == "<=" else measured >= self.limit

    def describe(self, unit: str) -> str:
        sign = "≤" if self.op == "<=" else "≥"
        if self.of == "ratio":
            return f"ratio {sign} {self.limit:,g}"
        return f"{sign} {self.limit:,g} {unit}"

    def as_json(self) -> dict[str, object]:
        return {"of": self.of, "op": self.op, "limit": self.limit}


@dataclass(frozen=True)
class Figure:
    """One measured number. ``value`` is None when the benchmark could not run; ``note``
    then says why (it starts with "not available:" or "error:")."""

    name: str
    value: float | None
    unit: str
    baseline: float | None = None
    ratio: float | None = None
    goals: tuple[Goal, ...] = ()
    note: str = ""

    @property
    def passed(self) -> bool | None:
        verdicts = [goal.met(self) for goal in self.goals]
        if not verdicts or None in verdicts:
            return None
        return all(verdicts)

    @property
    def verdict(self) -> str:
        if self.value is None:
            return "error" if self.note.startswith("error") else "n/a"
        return {True: "pass", False: "FAIL", None: ""}[self.passed]

    @classmethod
    def from_json(cls, name: str, data: dict) -> Figure:
        goals = tuple(Goal(**goal) for goal in data.get("goal", ()))
        return cls(
            name,
            data["value"],
            data["unit"],
            data["baseline"],
            data["ratio"],
            goals,
            data.get("note", ""),
        )

    def as_json(self) -> dict[str, object]:
        return {
            "value": self.value,
            "unit": self.unit,
            "baseline": self.baseline,
            "ratio": self.ratio,
            "goal": [goal.as_json() for goal in self.goals],
            "passed": self.passed,
            "note": self.note,
        }


def unavailable(name: str, unit: str, reason: str, goals: tuple[Goal, ...] = ()) -> Figure:
    return Figure(name, None, unit, goals=goals, note=f"not available: {reason}")


def number(x: float | None) -> str:
    if x is None:
        return "-"
    if abs(x) >= 1000:
        return f"{x:,.0f}"
    if abs(x) >= 100:
        return f"{x:.1f}"
    if abs(x) >= 10:
        return f"{x:.2f}"
    return f"{x:.3f}"


def size_label(count: int) -> str:
    """100_000 → ``100k``, 1_000_000 → ``1m`` (the figure names of the issue)."""
    if count % 1_000_000 == 0:
        return f"{count // 1_000_000}m"
    if count % 1000 == 0:
        return f"{count // 1000}k"
    return str(count)


def p95(samples: Sequence[float]) -> float:
    """The 95th percentile by nearest rank: 95 % of the samples are at or below it."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


median = statistics.median


# ---------------------------------------------------------------- the registry


@dataclass(frozen=True)
class Sizes:
    """How big each benchmark runs: the issue's sizes, or a smaller quick version."""

    startup_clients: int
    startup_runs: int
    memory_clients: int
    memory_runs: int
    memory_pages: int
    search_clients: tuple[int, int]
    search_queries: int
    search_passes: int
    import_rows: int
    queue_clients: int = 100_000
    queue_history: int = 10_000
    queue_roundtrips: int = 500
    refresh_waiting: int = 500
    refresh_history: int = 2_000
    refresh_rounds: int = 400


FULL = Sizes(
    startup_clients=100_000,
    startup_runs=5,
    memory_clients=100_000,
    memory_runs=3,
    memory_pages=25,
    search_clients=(100_000, 1_000_000),
    search_queries=1000,
    search_passes=3,
    import_rows=100_000,
)
QUICK = Sizes(
    startup_clients=100_000,
    startup_runs=3,
    memory_clients=100_000,
    memory_runs=1,
    memory_pages=10,
    search_clients=(10_000, 100_000),
    search_queries=1000,
    search_passes=2,
    import_rows=10_000,
    queue_clients=10_000,
    queue_history=2_000,
    queue_roundtrips=200,
    refresh_history=500,
    refresh_rounds=150,
)


@dataclass
class Run:
    """What a benchmark gets: its sizes and a scratch folder deleted after the run."""

    quick: bool
    sizes: Sizes
    scratch: Path
    python: str = sys.executable

    def folder(self, name: str) -> Path:
        path = self.scratch / name
        path.mkdir(parents=True, exist_ok=True)
        return path

    def database_copy(self, clients: int, name: str) -> Path:
        """A private copy of the cached demo database, for a benchmark that may write."""
        target = self.folder(name) / "wealthdesk.sqlite3"
        shutil.copyfile(clients_database(clients, self), target)
        return target


Benchmark = Callable[[Run], list[Figure]]
BENCHMARKS: dict[str, Benchmark] = {}


def benchmark(name: str) -> Callable[[Benchmark], Benchmark]:
    """Register a benchmark under *name* (what ``--only`` selects); it returns its figures."""

    def register(function: Benchmark) -> Benchmark:
        if name in BENCHMARKS:
            raise ValueError(f"two benchmarks are called {name!r}")
        BENCHMARKS[name] = function
        return function

    return register


def say(message: str) -> None:
    """Progress for the person waiting; the table itself goes to stdout."""
    print(message, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- child processes


def private_environment(home: Path) -> dict[str, str]:
    """An environment whose home, XDG folders and Qt platform keep a child's settings,
    data and logs inside *home*, with no WealthDesk variables inherited."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WEALTHDESK_", "XDG_", "QT_"))}
    runtime = home / "runtime"
    for sub in (".config", ".local/share", ".local/state", ".cache", "runtime"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    runtime.chmod(0o700)
    # Installed apps run from compiled byte-code; keep it out of the working tree.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(
        PYTHONPYCACHEPREFIX=str(home / ".cache" / "pycache"),
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local/share"),
        XDG_STATE_HOME=str(home / ".local/state"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_RUNTIME_DIR=str(runtime),
        QT_QPA_PLATFORM="offscreen",
    )
    return env


@dataclass(frozen=True)
class Finished:
    """A child process that ran to its end (or was stopped at the time limit)."""

    seconds: float
    cpu_seconds: float
    peak_rss_mb: float
    returncode: int
    timed_out: bool
    stdout: str
    stderr: str

    def last_error_line(self) -> str:
        lines = [line for line in self.stderr.splitlines() if line.strip()]
        return lines[-1].strip() if lines else f"exit status {self.returncode}"


def run_process(
    command: Sequence[str], env: dict[str, str], timeout: float, cwd: Path = REPO
) -> Finished:
    """Run *command* and measure it from launch to exit: wall-clock seconds and the
    peak resident set size of that one process (``wait4``'s rusage, no polling)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(
            list(command),
            stdout=out,
            stderr=err,
            stdin=subprocess.DEVNULL,
            env=env,
            cwd=cwd,
            start_new_session=True,
        )
        stopped = threading.Event()

        def stop() -> None:
            stopped.set()
            with contextlib.suppress(ProcessLookupError):
                os.killpg(child.pid, signal.SIGKILL)

        watchdog = threading.Timer(timeout, stop)
        watchdog.start()
        try:
            _, status, usage = os.wait4(child.pid, 0)
        finally:
            watchdog.cancel()
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Finished(
            seconds=seconds,
            cpu_seconds=usage.ru_utime + usage.ru_stime,
            peak_rss_mb=usage.ru_maxrss * 1024 / 1e6,  # Linux reports KiB; MB = 10⁶ bytes
            returncode=child.returncode,
            timed_out=stopped.is_set(),
            stdout=out.read().decode("utf-8", "replace"),
            stderr=err.read().decode("utf-8", "replace"),
        )


# ---------------------------------------------------------------- demo databases


def clients_database(count: int, run: Run, seed: int = DEMO_SEED) -> Path:
    """An SQLite database of exactly *count* demo clients, built once and cached under
    ``bench/.cache/`` by count, seed and schema version. Treat it as read-only."""
    from wealthdesk import db
    from wealthdesk.db.connection import database, sqlite_url
    from wealthdesk.db.migrations import LATEST_VERSION
    from wealthdesk.services.demo import create_demo_clients

    stem = f"clients-{count}-seed{seed}"
    path = CACHE / f"{stem}-schema{LATEST_VERSION}.sqlite3"
    if path.exists():
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    for stale in CACHE.glob(f"{stem}-schema*.sqlite3"):
        stale.unlink()  # made by an older schema: nothing reads it any more
    partial = CACHE / f"{stem}.{os.getpid()}.building"
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    say(f"building a database of {count:,} demo clients (cached in bench/.cache/ afterwards)")
    started = time.perf_counter()
    shown = [0]

    def progress(done: int, _total: int) -> None:
        if done * 10 // count > shown[0]:
            shown[0] = done * 10 // count
            say(f"  {done:,} of {count:,} clients, {time.perf_counter() - started:.0f} s")

    db.connect(sqlite_url(partial), run.folder("backups"))
    try:
        created, round_ = 0, 0
        while created < count:
            # The generator skips an ID number it already made, so a round may come up
            # a few short; top up with another seed to get exactly *count*.
            created += create_demo_clients(
                count - created, seed + round_, ACTOR, progress=progress if round_ == 0 else None
            )
            round_ += 1
        database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    partial.replace(path)
    Path(f"{partial}-wal").unlink(missing_ok=True)
    Path(f"{partial}-shm").unlink(missing_ok=True)
    say(f"  built in {time.perf_counter() - started:.0f} s: {path.relative_to(REPO)}")
    return path
