"""What every command shares: the exit statuses, one line of output, the argument types
and the refusals said the same way."""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..i18n import translate

if TYPE_CHECKING:  # the database layer is imported only once the database URL is known
    import datetime as dt

    from ..db import StorageError

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    pass


# Characters a terminal acts on instead of showing (escape sequences that recolour,
# retitle or clear it, carriage returns and backspaces that overwrite a line) and the
# invisible ones that reorder or hide text: C0 and C1 controls, DEL, Unicode format
# characters, line and paragraph separators.
_UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u180e\u200b-\u200f"
    "\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\U000e0001\U000e0020-\U000e007f]"
)


def printable(text: str) -> str:
    """*text* safe to print on one terminal line: every control or invisible character
    written as its escape (ESC as \\x1b, a line break as \\n), so a cell of a file
    cannot drive the terminal or forge a line of the report."""
    return _UNPRINTABLE.sub(lambda m: m[0].encode("unicode_escape").decode("ascii"), text)


def say(text: str, file=None) -> None:
    """Print one line of the command's output (stdout, or *file*) through
    :func:`printable`: everything the command line prints goes through here."""
    print(printable(str(text)), file=file or sys.stdout)


class Parser(argparse.ArgumentParser):
    """argparse that fails with one clear line, not a usage dump."""

    def error(self, message: str):  # type: ignore[override]
        raise UsageError(message)


def file_name(text: str) -> Path:
    """A file to write, named on the command line: an empty name (a script's unset
    variable) is refused here, not taken for the current folder."""
    if not text.strip():
        raise argparse.ArgumentTypeError(translate("cli", "the file name is empty"))
    return Path(text)


def positive(text: str) -> int:
    value = integer(text)
    if not 1 <= value <= 2_000_000:
        raise argparse.ArgumentTypeError(
            translate("cli", "{value} is not between 1 and 2000000").format(value=value)
        )
    return value


def days(text: str) -> int:
    value = integer(text)
    if not 0 <= value <= 366:
        raise argparse.ArgumentTypeError(
            translate("cli", "{value} is not between 0 and 366").format(value=value)
        )
    return value


def integer(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            translate("cli", "{text} is not a whole number").format(text=repr(text))
        ) from None


def clock_time(text: str) -> dt.time | None:
    """A time on the command line, HH:MM, refused in the rules' own words."""
    from ..domain.settings import parse_time, time_problem

    problem = time_problem(text, "time")
    if problem is not None:
        raise argparse.ArgumentTypeError(problem.render(translate))
    return parse_time(text)


def calendar_date(text: str) -> dt.date:
    """A day on the command line, YYYY-MM-DD, refused in the rules' own words."""
    from ..domain.settings import closed_days_problem, parse_date

    day = parse_date(text)
    if day is None:
        problem = closed_days_problem(text.strip() or "?", "date")
        raise argparse.ArgumentTypeError(problem.render(translate) if problem else text)
    return day


def calendar_month(text: str) -> dt.date:
    """A month on the command line, YYYY-MM: its first day."""
    import datetime as dt
    import re

    match = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", text)
    if match is None or not 1 <= int(match[2]) <= 12:
        raise argparse.ArgumentTypeError(
            translate("cli", "{text} is not a month (YYYY-MM)").format(text=text.strip() or "?")
        )
    return dt.date(int(match[1]), int(match[2]), 1)


def actor_name() -> str:
    """Who the audit log names for command-line work: the OS login."""
    try:
        return "cli:" + os.getlogin()
    except OSError:
        return "cli:" + (os.environ.get("USER") or os.environ.get("USERNAME") or "?")


def language_code(language: str | None) -> str | None:
    return "zh_CN" if language == "zh" else language


def where_to(args: argparse.Namespace) -> str | None:
    """Why the arguments give the document nowhere to go, or None."""
    if args.out is None and not args.print_it:
        return translate("cli", "give --out F.pdf, --print or both")
    if args.printer is not None and not args.print_it:
        return translate("cli", "--printer goes with --print")
    return None


def print_document(data: bytes, title: str, printer: str | None):
    """Print *data* and say how it went: (exit status, outcome). Refused by the printer
    is 1, nowhere to print (no print service, no such printer) is 2, printed is 0."""
    from ..services import printing

    outcome = printing.print_pdf(data, printer or "", title)
    if outcome.printed:
        say(
            translate("cli", "printed on {printer} (job {job}, {state})").format(
                printer=outcome.printer, job=outcome.job_id, state=outcome.state
            )
        )
        return EXIT_OK, outcome
    reason = outcome.reason(translate)
    say("wealthdesk: " + translate("cli", "not printed: {reason}").format(reason=reason),
        file=sys.stderr)  # fmt: skip
    nowhere = outcome.problem in ("no_service", "not_running", "no_printer", "unknown_printer")
    return (EXIT_USAGE if nowhere else EXIT_REJECTED), outcome


def refuse(error: StorageError) -> int:
    from ..i18n import translate

    say(f"wealthdesk: {error.render(translate)}", file=sys.stderr)
    return EXIT_USAGE


def cannot_write(path, exc: OSError) -> int:
    """One line on stderr naming the file that could not be written and why (a full
    disk, a missing folder…): a usage refusal."""
    reason = translate("cli", "{path} cannot be written: {reason}")
    say("wealthdesk: " + reason.format(path=path, reason=_system_reason(exc)), file=sys.stderr)
    return EXIT_USAGE


def system_refused(path, exc: OSError) -> int:
    """One line on stderr: *path* and why the system refused it; a usage refusal."""
    say(f"wealthdesk: {path}: {_system_reason(exc)}", file=sys.stderr)
    return EXIT_USAGE


def _system_reason(exc: OSError) -> str:
    from ..domain.errors import os_error_reason, translate_value

    return translate_value(os_error_reason(exc), translate)


def remove(paths: list[Path]) -> None:
    for path in paths:
        path.unlink(missing_ok=True)
