"""Benchmarks of the window: start-up time and peak memory, each against a bare PySide6
``QMainWindow`` started the same way in the same run."""

from __future__ import annotations

import signal

from harness import (
    REPO,
    Figure,
    Finished,
    Goal,
    Run,
    benchmark,
    median,
    private_environment,
    run_process,
    say,
    unavailable,
)

STARTUP_GOAL_RATIO = 2.0
MEMORY_GOAL_MB = 200.0
TIMEOUT = 120.0
BARE_WINDOW = REPO / "bench" / "bare_window.py"
BROWSE_CLIENTS = REPO / "bench" / "browse_clients.py"
LABELS = {"app": "the app", "bare": "the bare window", "browse": "the app browsing its clients"}
GUI_ENTRY = REPO / "wealthdesk" / "ui" / "application.py"


def gui_missing() -> str | None:
    """Why the window cannot be benchmarked yet, or None when it can."""
    if not GUI_ENTRY.exists() or "def run_gui" not in GUI_ENTRY.read_text(encoding="utf-8"):
        return "the window is not built yet (wealthdesk/ui/application.py has no run_gui)"
    return None


class Window:
    """Starts the app and the bare window the same way: offscreen, a private home, a copy
    of the cached database, the app told to quit once its main window has been shown and
    the event loop run once. ``browse`` is the app driven by ``browse_clients.py``."""

    def __init__(self, run: Run, clients: int, name: str, pages: int = 0):
        from wealthdesk.db.connection import sqlite_url

        database = sqlite_url(run.database_copy(clients, name))
        env = private_environment(run.folder(f"{name}/home"))
        shown = {**env, "WEALTHDESK_EXIT_AFTER_SHOW": "1"}
        self.commands = {
            "app": ([run.python, "main.py", "--db", database], shown),
            "bare": ([run.python, str(BARE_WINDOW)], shown),
            "browse": ([run.python, str(BROWSE_CLIENTS), str(pages), "--db", database], env),
        }
        self.crashes: list[str] = []

    def start(self, kind: str) -> Finished:
        """One run; a run killed by a signal is repeated once and told in the note (in a
        shared working tree a file the app maps, such as a .qm, may be rewritten under it)."""
        command, env = self.commands[kind]
        finished = run_process(command, env, TIMEOUT, cwd=REPO)
        if finished.returncode < 0 and not finished.timed_out and len(self.crashes) < 3:
            killer = signal.Signals(-finished.returncode).name
            self.crashes.append(f"{LABELS[kind]} (killed by {killer})")
            finished = run_process(command, env, TIMEOUT, cwd=REPO)
        return finished

    def crash_note(self) -> str:
        return f"; repeated after a crash: {', '.join(self.crashes)}" if self.crashes else ""

    def problem(self, finished: Finished, kind: str) -> str | None:
        """Why a run does not count, or None."""
        what = LABELS[kind]
        if finished.timed_out:
            return (
                f"{what} did not exit within {TIMEOUT:.0f} s; does it honour "
                "WEALTHDESK_EXIT_AFTER_SHOW=1?"
            )
        if finished.returncode < 0:
            return f"{what} was killed by {signal.Signals(-finished.returncode).name}"
        if finished.returncode != 0:
            return f"{what} exited with status {finished.returncode}: {finished.last_error_line()}"
        if kind == "browse" and not browsed(finished).startswith("first page:"):
            return f"{what} did not use the client list: {browsed(finished)}"
        return None

    def warm_up(self, kinds: tuple[str, ...] = ("bare", "app")) -> str | None:
        """One untimed start of each (byte-code, font and page caches), which also
        proves each starts and exits cleanly."""
        for kind in kinds:
            problem = self.problem(self.start(kind), kind)
            if problem:
                return problem
        return None


def browsed(finished: Finished) -> str:
    lines = finished.stdout.strip().splitlines()
    return lines[-1] if lines else "(no report)"


@benchmark("startup")
def startup(run: Run) -> list[Figure]:
    """Wall-clock of ``python main.py`` until the main window is shown, on a book of
    100,000 clients; runs interleaved with the bare window, median of the pair ratios."""
    goals = (Goal("ratio", "<=", STARTUP_GOAL_RATIO),)
    missing = gui_missing()
    if missing:
        return [unavailable("startup", "s", missing, goals)]
    clients, runs = run.sizes.startup_clients, run.sizes.startup_runs
    window = Window(run, clients, "startup")
    problem = window.warm_up()
    if problem:
        return [unavailable("startup", "s", problem, goals)]
    wall: dict[str, list[float]] = {"app": [], "bare": []}
    cpu: dict[str, list[float]] = {"app": [], "bare": []}
    for i in range(runs):
        say(f"   run {i + 1} of {runs}")
        # Alternate which goes first, so neither always meets a warmer or busier machine.
        for kind in ("bare", "app") if i % 2 == 0 else ("app", "bare"):
            finished = window.start(kind)
            problem = window.problem(finished, kind)
            if problem:
                return [unavailable("startup", "s", problem, goals)]
            wall[kind].append(finished.seconds)
            cpu[kind].append(finished.cpu_seconds)
    ratios = [a / b for a, b in zip(wall["app"], wall["bare"], strict=True)]
    app_cpu, bare_cpu = median(cpu["app"]), median(cpu["bare"])
    return [
        Figure(
            "startup",
            median(wall["app"]),
            "s",
            baseline=median(wall["bare"]),
            ratio=median(ratios),
            goals=goals,
            note=(
                f"{clients:,} clients; median of {runs} interleaved runs, ratio is the "
                f"median of the paired ratios ({', '.join(f'{r:.2f}' for r in ratios)}); "
                f"CPU time {app_cpu:.2f} s against {bare_cpu:.2f} s (ratio "
                f"{app_cpu / bare_cpu:.2f}), less swayed by a busy machine" + window.crash_note()
            ),
        )
    ]


@benchmark("memory")
def memory(run: Run) -> list[Figure]:
    """Peak resident memory on 100,000 clients: ``python main.py`` until its window (the
    client list, the landing page) is shown, and the window with the list scrolled
    through page by page and searched; each against the bare window's peak."""
    goals = (Goal("value", "<=", MEMORY_GOAL_MB),)
    names = {"app": "memory", "browse": "memory_browsing"}
    missing = gui_missing()
    if missing:
        return [unavailable(name, "MB", missing, goals) for name in names.values()]
    clients, runs, pages = run.sizes.memory_clients, run.sizes.memory_runs, run.sizes.memory_pages
    window = Window(run, clients, "memory", pages)
    problem = window.warm_up()
    if problem:
        return [unavailable(name, "MB", problem, goals) for name in names.values()]
    peaks: dict[str, list[float]] = {"app": [], "browse": [], "bare": []}
    report = ""
    for _ in range(runs):
        for kind in peaks:
            finished = window.start(kind)
            problem = window.problem(finished, kind)
            if problem:
                return [unavailable(name, "MB", problem, goals) for name in names.values()]
            peaks[kind].append(finished.peak_rss_mb)
            if kind == "browse":
                report = browsed(finished)
    bare = median(peaks["bare"])
    common = f"{clients:,} clients; peak RSS (MB = 10⁶ bytes) from wait4, median of {runs}"
    notes = {
        "app": f"{common}; python main.py until the client list is shown",
        "browse": f"{common}; the list scrolled {pages} times and searched ({report})",
    }
    return [
        Figure(
            name,
            median(peaks[kind]),
            "MB",
            baseline=bare,
            ratio=median(peaks[kind]) / bare,
            goals=goals,
            note=notes[kind]
            + "; baseline is the bare window's peak, for context"
            + window.crash_note(),
        )
        for kind, name in names.items()
    ]
