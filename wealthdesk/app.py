"""Start-up: parse the command line, then run a sub-command or open the window."""

from __future__ import annotations

import sys

from .cli import EXIT_USAGE, UsageError, build_parser, run


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        args = build_parser().parse_args(argv)
    except UsageError as exc:
        print(f"wealthdesk: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.command:
        return run(args)
    from .ui.application import run_gui

    return run_gui(args)
