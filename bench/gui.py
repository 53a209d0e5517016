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
LABELS = {
    "app": "the app",
    "frame": "the app's window frame",
    "bare": "the bare window",
    "browse": "the app browsing its clients",
}
GUI_ENTRY = REPO / "wealthdesk" / "ui" / "application.py"


def gui_missing() -> str | None:
    """Why the window cannot be benchmarked yet, or None when it can."""
    if not GUI_ENTRY.exists() or "def run_gui" not in GUI_ENTRY.read_text(encoding="utf-8"):
        return "the window is not built yet (wealthdesk/ui/application.py has no run_gui)"
    return None


class Window:
    """Starts the app and the bare window the same way: offscreen, a private home, a copy
    of the cached database, the app told to quit once its desk is open and its main
    window shown, and the event loop run once (``app``), or once the window's frame is
    on the screen, before the desk opens behind it (``frame``). ``browse`` is the app
    driven by ``browse_clients.py``."""

    def __init__(self, run: Run, clients: int, name: str, pages: int = 0):
        from wealthdesk.db.connection import sqlite_url

        database = sqlite_url(run.database_copy(clients, name))
        env = private_environment(run.folder(f"{name}/home"))
        shown = {**env, "WEALTHDESK_EXIT_AFTER_SHOW": "1"}
        framed = {**env, "WEALTHDESK_EXIT_AFTER_SHOW": "frame"}
        self.commands = {
            "app": ([run.python, "main.py", "--db", database], shown),
            "frame": ([run.python, "main.py", "--db", database], framed),
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
    """Wall-clock of ``python main.py`` on a book of 100,000 clients until the main
    window's frame is on the screen (``startup``), and until the desk is open behind it
    with its first page shown (``startup_ready``); runs interleaved with the bare window,
    medians of the paired ratios."""
    goals = (Goal("ratio", "<=", STARTUP_GOAL_RATIO),)
    missing = gui_missing()
    if missing:
        return [unavailable(name, "s", missing, goals) for name in ("startup", "startup_ready")]
    clients, runs = run.sizes.startup_clients, run.sizes.startup_runs
    window = Window(run, clients, "startup")
    problem = window.warm_up(("bare", "frame", "app"))
    if problem:
        return [unavailable(name, "s", problem, goals) for name in ("startup", "startup_ready")]
    kinds = ("bare", "frame", "app")
    wall: dict[str, list[float]] = {kind: [] for kind in kinds}
    cpu: dict[str, list[float]] = {kind: [] for kind in kinds}
    for i in range(runs):
        say(f"   run {i + 1} of {runs}")
        # Rotate which goes first, so none always meets a warmer or busier machine.
        for kind in kinds[i % 3 :] + kinds[: i % 3]:
            finished = window.start(kind)
            problem = window.problem(finished, kind)
            if problem:
                return [
                    unavailable(name, "s", problem, goals) for name in ("startup", "startup_ready")
                ]
            wall[kind].append(finished.seconds)
            cpu[kind].append(finished.cpu_seconds)
    bare_cpu = median(cpu["bare"])

    def figure(name: str, kind: str, what: str, figure_goals: tuple[Goal, ...]) -> Figure:
        ratios = [a / b for a, b in zip(wall[kind], wall["bare"], strict=True)]
        kind_cpu = median(cpu[kind])
        return Figure(
            name,
            median(wall[kind]),
            "s",
            baseline=median(wall["bare"]),
            ratio=median(ratios),
            goals=figure_goals,
            note=(
                f"{what}; {clients:,} clients; median of {runs} interleaved runs, ratio is "
                f"the median of the paired ratios ({', '.join(f'{r:.2f}' for r in ratios)}); "
                f"CPU time {kind_cpu:.2f} s against {bare_cpu:.2f} s (ratio "
                f"{kind_cpu / bare_cpu:.2f}), less swayed by a busy machine" + window.crash_note()
            ),
        )

    return [
        figure("startup", "frame", "until the window's frame is on the screen", goals),
        figure(
            "startup_ready",
            "app",
            "until the desk is open behind it and its first page shown (no goal: told "
            "beside startup)",
            (),
        ),
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
