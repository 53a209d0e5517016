"""The bundle's start-up against the venv's: the same window, the same database, the
program frozen by PyInstaller (packaging/build) or run by the venv's Python."""

from __future__ import annotations

import os
from pathlib import Path

from gui import LABELS, Window, gui_missing
from harness import REPO, Figure, Goal, Run, benchmark, median, say, unavailable

STARTUP_BUNDLE_GOAL_RATIO = 1.1
DEFAULT_BUNDLE = REPO / "build" / "packaging" / "dist" / "wealthdesk" / "wealthdesk"
LABELS.setdefault("bundle", "the bundle")


def bundle_program() -> Path:
    """``$WEALTHDESK_BUNDLE`` (a bundle's ``wealthdesk``), else packaging/build's output."""
    return Path(os.environ.get("WEALTHDESK_BUNDLE") or DEFAULT_BUNDLE)


def folder_mb(folder: Path) -> float:
    files = (p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) / 1e6


@benchmark("startup_bundle")
def startup_bundle(run: Run) -> list[Figure]:
    """Wall-clock until the main window is shown: the bundle against ``python main.py``
    with the venv's Python, interleaved, on the start-up benchmark's book of clients."""
    goals = (Goal("ratio", "<=", STARTUP_BUNDLE_GOAL_RATIO),)
    missing = gui_missing()
    if missing:
        return [unavailable("startup_bundle", "s", missing, goals)]
    program = bundle_program()
    if not program.is_file():
        return [
            unavailable(
                "startup_bundle", "s", f"no bundle at {program}: run packaging/build first", goals
            )
        ]
    clients, runs = run.sizes.startup_clients, run.sizes.startup_runs
    window = Window(run, clients, "startup_bundle")
    app_command, shown = window.commands["app"]
    window.commands["bundle"] = ([str(program), *app_command[2:]], shown)
    problem = window.warm_up(("app", "bundle"))
    if problem:
        return [unavailable("startup_bundle", "s", problem, goals)]
    wall: dict[str, list[float]] = {"app": [], "bundle": []}
    peak: dict[str, list[float]] = {"app": [], "bundle": []}
    cpu: dict[str, list[float]] = {"app": [], "bundle": []}
    for i in range(runs):
        say(f"   run {i + 1} of {runs}")
        for kind in ("app", "bundle") if i % 2 == 0 else ("bundle", "app"):
            finished = window.start(kind)
            problem = window.problem(finished, kind)
            if problem:
                return [unavailable("startup_bundle", "s", problem, goals)]
            wall[kind].append(finished.seconds)
            peak[kind].append(finished.peak_rss_mb)
            cpu[kind].append(finished.cpu_seconds)
    ratios = [b / a for a, b in zip(wall["app"], wall["bundle"], strict=True)]
    return [
        Figure(
            "startup_bundle",
            median(wall["bundle"]),
            "s",
            baseline=median(wall["app"]),
            ratio=median(ratios),
            goals=goals,
            note=(
                f"{program} ({folder_mb(program.parent):.0f} MB) against python main.py in "
                f"the venv, {clients:,} clients, until the main window is shown; median of "
                f"{runs} interleaved runs, ratio the median of the paired ratios "
                f"({', '.join(f'{r:.2f}' for r in ratios)}); peak RSS "
                f"{median(peak['bundle']):.0f} MB against {median(peak['app']):.0f} MB; CPU "
                f"time {median(cpu['bundle']):.2f} s against {median(cpu['app']):.2f} s"
                + window.crash_note()
            ),
        )
    ]
