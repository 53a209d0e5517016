"""Start-up: parse the command line, then run a sub-command or open the window.

The window's start reads its few options itself and never imports the command line
(``cli``), its parser or its commands' modules; anything else on the line (a command,
``--help``, a value to refuse) goes through the command line's own parser."""

from __future__ import annotations

import sys
from types import SimpleNamespace

ROLES = ("desk", "lobby", "display")


def _skip_unused_drivers(url: str) -> None:
    """peewee imports the PostgreSQL driver eagerly, which costs a tenth of a second at
    every start; a desk on its SQLite file never needs it. (Switching a running window
    to a server is done by restarting it.)"""
    if url.startswith(("postgresql:", "postgres:")) or "peewee" in sys.modules:
        return
    for name in ("psycopg", "psycopg2"):
        sys.modules.setdefault(name, None)  # type: ignore[arg-type]


def window_arguments(argv: list[str]) -> SimpleNamespace | None:
    """The window's options (``--db``, ``--lang``, ``--desk``, ``--role``, each as
    ``--name value`` or ``--name=value``) when the line holds nothing else and every
    value is one the parser accepts; else None, and the command line's parser reads it
    (and refuses what it must, in its own words)."""
    choices = {"--db": None, "--lang": _languages, "--desk": None, "--role": ROLES}
    values: dict[str, str] = {}
    words = iter(argv)
    for word in words:
        name, equals, value = word.partition("=")
        if name not in choices:
            return None
        if not equals:
            value = next(words, None)
            if value is None or value.startswith("-"):
                return None
        allowed = choices[name]
        if callable(allowed):
            allowed = allowed()
        if allowed is not None and value not in allowed:
            return None
        values[name] = value  # the last one wins, as with argparse
    return SimpleNamespace(
        db=values.get("--db"),
        lang=values.get("--lang"),
        desk=values.get("--desk"),
        role=values.get("--role", "desk"),
        command=None,
    )


def _languages() -> tuple[str, ...]:
    from .domain.settings import LANGUAGES  # the settings' rules: only for a --lang

    return LANGUAGES


def main(argv: list[str] | None = None) -> int:
    from .private_files import restrict_new_files

    restrict_new_files()  # client data: this account's only (see private_files)
    argv = sys.argv[1:] if argv is None else argv
    args = window_arguments(argv)
    if args is None:
        return _command_line(argv)
    from .paths import database_url

    args.db = database_url(args.db)
    _skip_unused_drivers(args.db)
    _check_database_early(args.db)
    from .ui.application import run_gui

    return run_gui(args)


def _check_database_early(url: str) -> None:
    """Start SQLite's quick check of the window's file now, on its own thread: it reads
    the file while the window's modules load, and opening the database waits for it."""
    from . import early_check

    early_check.start(url)


def _command(argv: list[str], commands: tuple[str, ...]) -> str | None:
    """The sub-command named on the line, if any (skipping the options' values)."""
    takes_value = {"--db", "--lang", "--desk"}
    skip = False
    for word in argv:
        if skip:
            skip = False
        elif word in takes_value:
            skip = True
        elif not word.startswith("-"):
            return word if word in commands else None
    return None


def _command_line(argv: list[str]) -> int:
    """A sub-command, help, the version, or a line to refuse."""
    from .cli import (
        COMMANDS,
        EXIT_USAGE,
        UsageError,
        build_parser,
        prepare_messages,
        run,
        say,
    )

    if {"-h", "--help"} & set(argv) or _command(argv, COMMANDS):
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
    from .paths import database_url

    args.db = database_url(getattr(args, "db", None))
    _skip_unused_drivers(args.db)
    if args.command:
        return run(args)
    from .ui.application import run_gui

    return run_gui(args)
