"""``desk reset-pin --desk N``: the branch administrator gives a desk a new PIN."""

from __future__ import annotations

import argparse
import sys

from ..i18n import translate
from .common import EXIT_OK, EXIT_USAGE, actor_name, say


def _read_new_pin(prompt: str) -> str:
    """A PIN typed at the terminal without echo, or a line of standard input."""
    import getpass

    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    return (sys.stdin.readline() if sys.stdin is not None else "").strip()


def reset_pin(args: argparse.Namespace) -> int:
    from ..domain.pin import hash_pin, new_pin_problems
    from ..services import desk as desk_service

    desk = str(args.reset_desk).strip()
    if not desk or len(desk) > 40:
        say("wealthdesk: " + translate("cli", "--desk: a desk's number"), file=sys.stderr)
        return EXIT_USAGE
    pin = _read_new_pin(translate("cli", "New PIN for desk {desk}: ").format(desk=desk))
    repeat = _read_new_pin(translate("cli", "The new PIN again: "))
    problems = new_pin_problems(pin, repeat)
    if problems:
        for problem in problems:
            say(f"wealthdesk: {problem.render(translate)}", file=sys.stderr)
        say("wealthdesk: " + translate("cli", "nothing was changed"), file=sys.stderr)
        return EXIT_USAGE
    desk_service.reset_pin(desk, hash_pin(pin), actor_name())
    say(
        translate(
            "cli",
            "desk {desk}: the PIN was reset (recorded in the audit log); the new PIN "
            "opens its lock",
        ).format(desk=desk)
    )
    return EXIT_OK
