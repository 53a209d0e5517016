"""WealthDesk's benchmarks: run them by name, print a table, optionally write JSON.

    python bench/run.py                      every benchmark at the issue's sizes
    python bench/run.py --quick              a smaller version, under a minute
    python bench/run.py --only search,import --json results.json
    python bench/run.py --prepare            only build the cached demo databases

Speed is reported against a baseline measured in the same run (a bare PySide6 window,
the smaller database), so a ratio does not depend on how busy the machine is today.
Each benchmark runs in a fresh Python process, so none is swayed by what ran before it.
A benchmark is a function registered with ``@benchmark("name")`` in one of the modules
of :data:`MODULES`; a later capability adds its own module there.
"""

from __future__ import annotations

import argparse
import importlib
import json
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

from harness import BENCHMARKS, FULL, QUICK, Figure, Run, clients_database, number, say

MODULES = (
    "gui",
    "client_book",
    "visitor_queue",
    "queue_refresh",
    "client_screen",
    "appointments",
    "notices",
    "care",
    "sales",
    "branch",
    "day_close",
    "integrity",
    "plan",
    "bundle",
    "workday",
)
COLUMNS = ("benchmark", "value", "unit", "baseline", "ratio", "goal", "result")


def load_benchmarks() -> None:
    for module in MODULES:
        importlib.import_module(module)


def run_here(name: str, run: Run) -> list[Figure]:
    """Run one benchmark in this process; a crash becomes an ``error:`` figure."""
    say(f"== {name}")
    started = time.perf_counter()
    try:
        figures = BENCHMARKS[name](run)
    except Exception as exc:  # one broken benchmark must not hide the others' figures
        traceback.print_exc()
        figures = [Figure(name, None, "", note=f"error: {type(exc).__name__}: {exc}")]
    for figure in figures:
        say(f"   {figure.name}: {number(figure.value)} {figure.unit}  {figure.note}")
    say(f"   ({time.perf_counter() - started:.1f} s)")
    return figures


def run_isolated(name: str, quick: bool) -> list[Figure]:
    """Run one benchmark in a fresh Python, so its figures do not depend on what ran
    before it (imported modules, warm caches, a heap left large by another)."""
    with tempfile.TemporaryDirectory(prefix="wealthdesk-bench-") as folder:
        out = Path(folder) / "figures.json"
        command = [sys.executable, str(Path(__file__).resolve()), "--one", name, "--json", str(out)]
        status = subprocess.run([*command, "--quick"] if quick else command).returncode
        if not out.exists():
            return [Figure(name, None, "", note=f"error: its process ended with status {status}")]
        data = json.loads(out.read_text(encoding="utf-8"))
    return [Figure.from_json(figure, values) for figure, values in data.items()]


def write_json(path: Path, figures: list[Figure]) -> None:
    data = {f.name: f.as_json() for f in figures}
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def table(figures: list[Figure]) -> str:
    rows = [COLUMNS] + [
        (
            f.name,
            number(f.value),
            f.unit,
            number(f.baseline),
            "-" if f.ratio is None else f"{f.ratio:.2f}",
            "; ".join(goal.describe(f.unit) for goal in f.goals) or "-",
            f.verdict or "-",
        )
        for f in figures
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]
    right = {1, 3, 4}  # numbers line up on the right

    def line(row: tuple[str, ...]) -> str:
        cells = [
            cell.rjust(width) if i in right else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        return "  ".join(cells).rstrip()

    out = [line(rows[0]), "  ".join("-" * w for w in widths)]
    out += [line(row) for row in rows[1:]]
    notes = [f"  {f.name}: {f.note}" for f in figures if f.note]
    if notes:
        out += ["", "notes:", *notes]
    return "\n".join(out)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="bench/run.py", description="Run WealthDesk's benchmarks and print a table."
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="smaller sizes and fewer runs (under a minute with cached databases)",
    )
    parser.add_argument(
        "--only", metavar="NAME[,NAME]", help=f"run only these benchmarks: {', '.join(BENCHMARKS)}"
    )
    parser.add_argument(
        "--json",
        metavar="FILE",
        type=Path,
        help='also write {name: {"value", "unit", "baseline", "ratio", …}}',
    )
    parser.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    parser.add_argument(
        "--prepare",
        action="store_true",
        help="build the cached demo databases the run needs, measure nothing",
    )
    parser.add_argument("--one", metavar="NAME", choices=BENCHMARKS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.only:
        args.names = [n.strip() for n in args.only.split(",") if n.strip()]
        unknown = [n for n in args.names if n not in BENCHMARKS]
        if unknown:
            parser.error(
                f"unknown benchmark {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}"
            )
    else:
        args.names = list(BENCHMARKS)
    return args


def main(argv: list[str] | None = None) -> int:
    load_benchmarks()
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.list:
        print("\n".join(BENCHMARKS))
        return 0
    sizes = QUICK if args.quick else FULL
    if args.one or args.prepare:
        with tempfile.TemporaryDirectory(prefix="wealthdesk-bench-") as scratch:
            run = Run(quick=args.quick, sizes=sizes, scratch=Path(scratch))
            if args.prepare:
                for count in sorted(
                    {sizes.startup_clients, sizes.memory_clients, *sizes.search_clients}
                ):
                    clients_database(count, run)
                return 0
            figures = run_here(args.one, run)
        if args.json:
            write_json(args.json, figures)
        return 0
    started = time.perf_counter()
    figures = [figure for name in args.names for figure in run_isolated(name, args.quick)]
    mode = "quick" if args.quick else "full"
    print(f"WealthDesk benchmarks ({mode}, {time.perf_counter() - started:.0f} s)\n")
    print(table(figures))
    if args.json:
        write_json(args.json, figures)
    return 1 if any(f.verdict == "error" for f in figures) else 0


if __name__ == "__main__":
    sys.exit(main())
