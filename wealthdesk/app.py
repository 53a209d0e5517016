"""Start-up: parse the command line, then run a sub-command or open the window."""

from __future__ import annotations

import sys

from .cli import (
    COMMANDS,
    EXIT_USAGE,
    UsageError,
    build_parser,
    database_url,
    prepare_messages,
    run,
    say,
)


def _skip_unused_drivers(url: str) -> None:
    """peewee imports the PostgreSQL driver eagerly, which costs a tenth of a second at
    every start; a desk on its SQLite file never needs it. (Switching a running window
    to a server is done by restarting it.)"""
    if url.startswith(("postgresql:", "postgres:")) or "peewee" in sys.modules:
        return
    for name in ("psycopg", "psycopg2"):
        sys.modules.setdefault(name, None)  # type: ignore[arg-type]


def _command(argv: list[str]) -> str | None:
    """The sub-command named on the line, if any (skipping the options' values)."""
    takes_value = {"--db", "--lang", "--desk"}
    skip = False
    for word in argv:
        if skip:
            skip = False
        elif word in takes_value:
            skip = True
        elif not word.startswith("-"):
            return word if word in COMMANDS else None
    return None


def main(argv: list[str] | None = None) -> int:
    from .private_files import restrict_new_files

    restrict_new_files()  # client data: this account's only (see private_files)
    argv = sys.argv[1:] if argv is None else argv
    if {"-h", "--help"} & set(argv) or _command(argv):
        prepare_messages(argv)  # no window this run: speak the user's language now
    try:
        args = build_parser().parse_args(argv)
    except UsageError:
        prepare_messages(argv)
        try:  # again, so that the refusal is in the user's language
            build_parser().parse_args(argv)
        except UsageError as exc:
            # "error:" stays as scripts expect it; argparse's own words are English.
            say(f"wealthdesk: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    args.db = database_url(getattr(args, "db", None))
    _skip_unused_drivers(args.db)
    if args.command:
        return run(args)
    from .ui.application import run_gui

    return run_gui(args)
