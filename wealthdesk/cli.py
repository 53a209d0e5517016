"""The command line: the same entry point as the GUI, with sub-commands for scripts.

Every refusal is one line on stderr and an exit status: 2 when nothing could be done
(bad arguments, an unreadable file, a database that cannot be used), 1 when some of the
data was rejected, 0 when all went through.
"""

from __future__ import annotations

import argparse
import errno
import logging
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from . import APP_NAME, ORG_NAME, __version__
from .domain.settings import LANGUAGES
from .i18n import translate

if TYPE_CHECKING:  # the database layer is imported only once the database URL is known
    import datetime as dt

    from .db import DatabaseUrl, StorageError

log = logging.getLogger(__name__)

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2
COMMANDS = (
    "demo",
    "import-clients",
    "import-products",
    "notice",
    "day-close",
    "backup",
    "restore",
    "audit-export",
    "audit-verify",
    "calendar",
    "plan",
    "questionnaire",
    "desk",
)


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


class _Parser(argparse.ArgumentParser):
    """argparse that fails with one clear line, not a usage dump."""

    def error(self, message: str):  # type: ignore[override]
        raise UsageError(message)


def _positive(text: str) -> int:
    value = _integer(text)
    if not 1 <= value <= 2_000_000:
        raise argparse.ArgumentTypeError(
            translate("cli", "{value} is not between 1 and 2000000").format(value=value)
        )
    return value


def _days(text: str) -> int:
    value = _integer(text)
    if not 0 <= value <= 366:
        raise argparse.ArgumentTypeError(
            translate("cli", "{value} is not between 0 and 366").format(value=value)
        )
    return value


def _integer(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            translate("cli", "{text} is not a whole number").format(text=repr(text))
        ) from None


def prepare_messages(argv: list[str]) -> None:
    """Load the user's language before the parser is built, so that help and refusals
    on the command line speak it too (``--lang`` on the line, else this PC's setting).
    Only for runs that end without the window: the window needs a QApplication."""
    from PySide6.QtCore import QCoreApplication

    from . import i18n, local_settings

    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    _app = QCoreApplication.instance() or QCoreApplication([])
    i18n.install_language(_peek_language(argv) or str(local_settings.get("language")))


def _peek_language(argv: list[str]) -> str | None:
    for i, word in enumerate(argv):
        if word.startswith("--lang="):
            value = word.split("=", 1)[1]
        elif word == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        else:
            continue
        value = "zh_CN" if value == "zh" else value  # a notice's --lang zh
        return value if value in LANGUAGES else None
    return None


def _clock_time(text: str) -> dt.time | None:
    """A time on the command line, HH:MM, refused in the rules' own words."""
    from .domain.settings import parse_time, time_problem

    problem = time_problem(text, "time")
    if problem is not None:
        raise argparse.ArgumentTypeError(problem.render(translate))
    return parse_time(text)


def _calendar_date(text: str) -> dt.date:
    """A day on the command line, YYYY-MM-DD, refused in the rules' own words."""
    from .domain.settings import closed_days_problem, parse_date

    day = parse_date(text)
    if day is None:
        problem = closed_days_problem(text.strip() or "?", "date")
        raise argparse.ArgumentTypeError(problem.render(translate) if problem else text)
    return day


def _calendar_month(text: str) -> dt.date:
    """A month on the command line, YYYY-MM: its first day."""
    import datetime as dt
    import re

    match = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", text)
    if match is None or not 1 <= int(match[2]) <= 12:
        raise argparse.ArgumentTypeError(
            translate("cli", "{text} is not a month (YYYY-MM)").format(text=text.strip() or "?")
        )
    return dt.date(int(match[1]), int(match[2]), 1)


def _database_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="URL",
        default=argparse.SUPPRESS,
        help=translate("cli", "sqlite:///path or postgresql://user@host:port/dbname"),
    )


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    _database_option(common)
    common.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=argparse.SUPPRESS,
        help=translate("cli", "language of messages (zh_CN or en)"),
    )

    parser = _Parser(
        prog="wealthdesk",
        description=translate(
            "cli",
            "WealthDesk: the wealth-management room's desk application. "
            "Without a command it starts the window.",
        ),
    )
    parser.add_argument("--version", action="version", version=f"WealthDesk {__version__}")
    parser.add_argument(
        "--db",
        metavar="URL",
        default=None,
        help=translate("cli", "database address (default: the SQLite file in your data folder)"),
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=None,
        help=translate("cli", "language of the window and messages (zh_CN or en)"),
    )
    parser.add_argument(
        "--desk", metavar="N", default=None, help=translate("cli", "this desk's number")
    )
    parser.add_argument(
        "--role",
        choices=("desk", "lobby", "display"),
        default="desk",
        help=translate(
            "cli",
            "desk: a manager's desk (default); lobby: the lobby's check-in screen; "
            "display: the waiting-room board (full screen)",
        ),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    demo = commands.add_parser(
        "demo", parents=[common], help=translate("cli", "fill a database with demo data")
    )
    demo.add_argument(
        "--clients",
        type=_positive,
        default=300,
        metavar="N",
        help=translate("cli", "how many demo clients (default 300)"),
    )
    demo.add_argument(
        "--seed",
        type=_integer,
        default=1,
        metavar="S",
        help=translate("cli", "the same seed gives the same data (default 1)"),
    )
    demo.add_argument(
        "--days",
        type=_days,
        default=30,
        metavar="D",
        help=translate(
            "cli", "visits on the working days of the last D days and today (default 30)"
        ),
    )

    backup = commands.add_parser(
        "backup",
        parents=[common],
        help=translate("cli", "copy this PC's database safely into the backups folder"),
    )
    backup.add_argument(
        "--out",
        metavar="DIR",
        type=Path,
        default=None,
        help=translate("cli", "the folder for the copy (default: the backups folder)"),
    )
    restore = commands.add_parser(
        "restore",
        parents=[common],
        help=translate(
            "cli", "replace this PC's database with a backup, checked first (the old one is kept)"
        ),
    )
    restore.add_argument("file", metavar="FILE", type=Path)
    inspect = commands.add_parser(
        "audit-export",
        parents=[common],
        help=translate("cli", "write the audit log as CSV for an inspection"),
    )
    inspect.add_argument(
        "--from",
        dest="first",
        metavar="YYYY-MM-DD",
        type=_calendar_date,
        default=None,
        help=translate("cli", "the first day (default: the log's beginning)"),
    )
    inspect.add_argument(
        "--to",
        dest="last",
        metavar="YYYY-MM-DD",
        type=_calendar_date,
        default=None,
        help=translate("cli", "the last day (default: today)"),
    )
    inspect.add_argument(
        "--out",
        metavar="FILE.csv",
        type=Path,
        required=True,
        help=translate("cli", "the CSV file to write"),
    )
    commands.add_parser(
        "audit-verify",
        parents=[common],
        help=translate(
            "cli",
            "check that no audit entry was changed, removed or slipped in since it was "
            "written (exit 1 names the first that was)",
        ),
    )
    imp = commands.add_parser(
        "import-clients", parents=[common], help=translate("cli", "import clients from a CSV file")
    )
    imp.add_argument("file", metavar="FILE.csv", type=Path)
    products = commands.add_parser(
        "import-products",
        parents=[common],
        help=translate("cli", "import products into the catalogue from a CSV file"),
    )
    products.add_argument("file", metavar="FILE.csv", type=Path)
    _notice_parser(commands)
    close = commands.add_parser(
        "day-close",
        parents=[common],
        help=translate("cli", "write the day-close summary (PDF), and the day's CSV files"),
    )
    period = close.add_mutually_exclusive_group()
    period.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        type=_calendar_date,
        default=None,
        help=translate("cli", "the day to close (default: today)"),
    )
    period.add_argument(
        "--week",
        metavar="YYYY-MM-DD",
        type=_calendar_date,
        default=None,
        help=translate("cli", "instead, the summary of this day's week (Monday to Sunday)"),
    )
    period.add_argument(
        "--month",
        metavar="YYYY-MM",
        type=_calendar_month,
        default=None,
        help=translate("cli", "instead, the summary of a calendar month"),
    )
    close.add_argument(
        "--out",
        metavar="F.pdf",
        type=Path,
        default=None,
        help=translate("cli", "the PDF file to write (optional with --print)"),
    )
    _print_options(close)
    close.add_argument(
        "--csv",
        metavar="DIR",
        type=Path,
        default=None,
        help=translate("cli", "also write the day's visits and sales as CSV files into DIR"),
    )
    _calendar_parser(commands, common)
    plan = commands.add_parser(
        "plan",
        parents=[common],
        help=translate("cli", "write a client's financial plan (PDF)"),
    )
    plan.add_argument(
        "--client",
        metavar="N",
        type=_positive,
        required=True,
        help=translate("cli", "the client's number in the book"),
    )
    plan.add_argument(
        "--out",
        metavar="F.pdf",
        type=Path,
        required=True,
        help=translate("cli", "the PDF file to write"),
    )
    _questionnaire_parser(commands)
    _desk_parser(commands, common)
    return parser


def _desk_parser(commands, common: argparse.ArgumentParser) -> None:
    """``desk reset-pin --desk N``: the branch administrator's way back into a desk whose
    PIN is lost or was removed (the lock says so); the new PIN is asked twice."""
    desk = commands.add_parser(
        "desk", parents=[common], help=translate("cli", "the branch's work on a desk")
    )
    actions = desk.add_subparsers(
        dest="desk_action", metavar="reset-pin", parser_class=_Parser, required=True
    )
    reset = actions.add_parser(
        "reset-pin",
        parents=[common],
        help=translate(
            "cli",
            "give a desk a new PIN (asked twice; audited): for a PIN forgotten or removed",
        ),
    )
    reset.add_argument(
        "--desk",
        dest="reset_desk",
        metavar="N",
        required=True,
        help=translate("cli", "the desk's number"),
    )


def _print_options(parser: argparse.ArgumentParser) -> None:
    """``--print [--printer NAME]``: print the document through the system's print service."""
    parser.add_argument(
        "--print",
        dest="print_it",
        action="store_true",
        help=translate(
            "cli",
            "print it through the system's print service; exit status 0 only when the "
            "printer took the job, 1 when it refused it",
        ),
    )
    parser.add_argument(
        "--printer",
        metavar="NAME",
        default=None,
        help=translate("cli", "the printer to print on (default: the system's default printer)"),
    )


def _where_to(args: argparse.Namespace) -> str | None:
    """Why the arguments give the document nowhere to go, or None."""
    if args.out is None and not args.print_it:
        return translate("cli", "give --out F.pdf, --print or both")
    if args.printer is not None and not args.print_it:
        return translate("cli", "--printer goes with --print")
    return None


def _print_document(data: bytes, title: str, printer: str | None):
    """Print *data* and say how it went: (exit status, outcome). Refused by the printer
    is 1, nowhere to print (no print service, no such printer) is 2, printed is 0."""
    from .services import printing

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
    nowhere = outcome.problem in ("no_service", "no_printer", "unknown_printer")
    return (EXIT_USAGE if nowhere else EXIT_REJECTED), outcome


def _calendar_parser(commands, common: argparse.ArgumentParser) -> None:
    """``calendar [--month YYYY-MM]`` and ``calendar import FILE.csv``."""
    calendar = commands.add_parser(
        "calendar",
        parents=[common],
        help=translate(
            "cli", "show a month's working days, or load the State Council's holiday schedule"
        ),
    )
    calendar.add_argument(
        "--month",
        metavar="YYYY-MM",
        type=_calendar_month,
        default=None,
        help=translate("cli", "the month to show (default: this month)"),
    )
    actions = calendar.add_subparsers(
        dest="calendar_action", metavar="import", parser_class=_Parser
    )
    load = actions.add_parser(
        "import",
        parents=[common],
        help=translate(
            "cli",
            "load a year's schedule from a CSV file (date,kind,name; kind holiday or "
            "workday): it replaces the year's schedule loaded before",
        ),
    )
    load.add_argument("file", metavar="FILE.csv", type=Path)


def _questionnaire_parser(commands) -> None:
    """``questionnaire check FILE`` and ``questionnaire score FILE --answers 1=A,2=C,…``:
    a compliance officer verifies a bank's form before it is used (no database)."""
    form = commands.add_parser(
        "questionnaire",
        help=translate("cli", "check a risk questionnaire file, or score answers on it"),
    )
    actions = form.add_subparsers(
        dest="questionnaire_action", metavar="check|score", parser_class=_Parser, required=True
    )
    check = actions.add_parser(
        "check",
        help=translate(
            "cli", "validate the form; print its questions, modules, bands, knock-outs, age rules"
        ),
    )
    check.add_argument("file", metavar="FILE.json", type=Path)
    score = actions.add_parser(
        "score",
        help=translate("cli", "print the points, the knock-outs that applied and the level"),
    )
    score.add_argument("file", metavar="FILE.json", type=Path)
    score.add_argument(
        "--answers",
        required=True,
        metavar="1=A,2=C,…",
        help=translate("cli", "each question's number (as printed) and answer letter"),
    )
    score.add_argument(
        "--birth-date",
        metavar="YYYY-MM-DD",
        type=_calendar_date,
        default=None,
        help=translate("cli", "the client's birth date, for the age rules"),
    )


def _notice_parser(commands) -> None:
    """``notice lunch|away|closed|text … --out F.pdf``: the door notice as a PDF file."""
    options = _Parser(add_help=False)
    _database_option(options)
    # A notice's own --lang: the language on the notice, not only of the messages.
    options.add_argument(
        "--lang",
        dest="notice_lang",
        choices=("en", "zh", "zh_CN"),
        default=None,
        help=translate(
            "cli",
            "en: an English line under the Chinese, and messages in English; zh: Chinese "
            "only (default: as set for notices)",
        ),
    )
    options.add_argument(
        "--out",
        metavar="F.pdf",
        type=Path,
        default=None,
        help=translate("cli", "the PDF file to write (optional with --print)"),
    )
    _print_options(options)
    options.add_argument(
        "--phone",
        metavar="PHONE",
        default=None,
        help=translate("cli", "the desk phone to call (default: the desk's phone in the settings)"),
    )
    options.add_argument(
        "--qr",
        action=argparse.BooleanOptionalAction,
        default=None,
        help=translate(
            "cli", "a QR code for the phone or the link set for notices (default: as set)"
        ),
    )
    page = options.add_mutually_exclusive_group()
    page.add_argument(
        "--portrait",
        dest="orientation",
        action="store_const",
        const="portrait",
        default=None,
        help=translate("cli", "an upright page (default: as set for notices, else landscape)"),
    )
    page.add_argument(
        "--landscape",
        dest="orientation",
        action="store_const",
        const="landscape",
        help=translate("cli", "a page wider than tall"),
    )

    notice = commands.add_parser(
        "notice", help=translate("cli", "write a door notice (PDF): lunch, away, closed or text")
    )
    kinds = notice.add_subparsers(
        dest="notice_kind", metavar="KIND", parser_class=_Parser, required=True
    )
    lunch = kinds.add_parser(
        "lunch", parents=[options], help=translate("cli", "lunch break: where to go meanwhile")
    )
    lunch.add_argument(
        "--from",
        dest="start",
        metavar="HH:MM",
        type=_clock_time,
        help=translate("cli", "start of the break (default: the office hours' lunch break)"),
    )
    lunch.add_argument(
        "--until",
        metavar="HH:MM",
        type=_clock_time,
        help=translate("cli", "when the desk opens again (default: the office hours')"),
    )
    away = kinds.add_parser(
        "away", parents=[options], help=translate("cli", "temporarily away: wait or call")
    )
    closed = kinds.add_parser(
        "closed", parents=[options], help=translate("cli", "closed, in training or in a meeting")
    )
    closed.add_argument(
        "--reason",
        metavar="TEXT",
        default="",
        help=translate(
            "cli",
            "培训 (training), 会议 (meeting) or the reason in words; without it: closed "
            "for today (已下班), or until --back",
        ),
    )
    for parser in (away, closed):
        parser.add_argument(
            "--back",
            metavar="HH:MM",
            type=_clock_time,
            help=translate("cli", "when you expect to be back"),
        )
    text = kinds.add_parser(
        "text", parents=[options], help=translate("cli", "your own words, line by line")
    )
    text.add_argument(
        "--text",
        metavar="LINE",
        action="append",
        required=True,
        help=translate("cli", "a line of the notice; give --text again for the next line"),
    )


def database_url(explicit: str | None) -> str:
    if explicit:
        return explicit
    if os.environ.get("WEALTHDESK_DB"):
        return os.environ["WEALTHDESK_DB"]
    from . import local_settings
    from .paths import default_database_url

    stored = local_settings.state(local_settings.DATABASE_URL)
    return str(stored) if stored else default_database_url()


def actor_name() -> str:
    """Who the audit log names for command-line work: the OS login."""
    try:
        return "cli:" + os.getlogin()
    except OSError:
        return "cli:" + (os.environ.get("USER") or os.environ.get("USERNAME") or "?")


def run(args: argparse.Namespace) -> int:
    """Run a parsed sub-command; returns the exit status."""
    from PySide6.QtCore import QCoreApplication

    from . import i18n, local_settings
    from .db import StorageError, close, connect
    from .logging_setup import setup_logging
    from .paths import backup_dir, log_dir

    # The names choose the data folder: without them the default database, the logs and
    # the backups would land in a folder named after the Python script, not the GUI's.
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    app = QCoreApplication.instance() or QCoreApplication([])  # noqa: F841 (translators)
    setup_logging(log_dir())
    language = args.lang or getattr(args, "notice_lang", None)
    i18n.install_language(_language_code(language) or str(local_settings.get("language")))
    if args.command == "restore":
        return _restore(args)  # the database is replaced, not opened
    if args.command == "questionnaire":
        return _questionnaire(args)  # a file, no database
    try:
        parsed = connect(database_url(args.db), backup_dir())
    except StorageError as exc:
        return _refuse(exc)
    try:
        return run_command(args, parsed)
    finally:
        close()


def run_command(args: argparse.Namespace, database: DatabaseUrl) -> int:
    """Run the sub-command on the connected *database*.

    A database failure midway (another program holding a lock past the busy timeout,
    a server that refuses) is one line on stderr; the import's single transaction
    leaves nothing half-done.
    """
    import peewee

    from .db.connection import StorageError, storage_error

    try:
        if args.command == "demo":
            return _demo(args)
        if args.command == "notice":
            return _notice(args)
        if args.command == "import-products":
            return _import_products(args)
        if args.command == "day-close":
            return _day_close(args)
        if args.command == "backup":
            return _backup(args)
        if args.command == "audit-export":
            return _audit_export(args)
        if args.command == "audit-verify":
            return _audit_verify()
        if args.command == "calendar":
            return _calendar(args)
        if args.command == "plan":
            return _plan(args)
        if args.command == "desk":
            return _desk_reset_pin(args)
        return _import_clients(args)
    except StorageError as exc:
        return _refuse(exc)
    except peewee.DatabaseError as exc:
        log.warning("%s failed on %s: %s", args.command, database.display, exc)
        return _refuse(storage_error(exc, database.display, database.is_sqlite))


def _questionnaire(args: argparse.Namespace) -> int:
    """Check a questionnaire file, or score answers on it: every problem on its own line
    on stderr and exit 2; else what the form is, or what the answers give."""
    import datetime as dt

    from .domain.errors import ValidationError
    from .domain.risk import REQUIRED_CONTENT, RiskLevel, assess, load_questionnaire

    def fail(problems) -> int:
        for problem in problems:
            say(f"wealthdesk: {printable(problem.render(translate))}", file=sys.stderr)
        return EXIT_USAGE

    try:
        form = load_questionnaire(args.file)
    except ValidationError as exc:
        return fail(exc.problems)
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    if args.questionnaire_action == "check":
        say(
            translate(
                "cli", "{key}: {questions} questions in {modules} modules, {total} points"
            ).format(
                key=form.key,
                questions=len(form.questions),
                modules=len(form.modules),
                total=form.max_score,
            )
        )
        for module in form.modules:
            say(f"[{module.id}] {printable(module.title.zh)}")
            for q in module.questions:
                covers = ",".join(q.covers)
                say(
                    f"  {q.number}. ({q.id}) {printable(q.text.zh)}"
                    + (f"  [{covers}]" if covers else "")
                )
                for letter, option in zip(letters, q.options, strict=False):
                    cap = f"  -> {option.cap.code}" if option.cap else ""
                    say(f"     {letter}. {printable(option.text.zh)} ({option.points}){cap}")
        bands = ", ".join(f"{lv.code} {form.band(lv)[0]}-{form.band(lv)[1]}" for lv in RiskLevel)
        say(translate("cli", "bands: {bands}").format(bands=bands))
        knocks = [
            f"{q.number}={letters[i]} -> {o.cap.code}"
            for q in form.questions
            for i, o in enumerate(q.options)
            if o.cap
        ]
        say(translate("cli", "knock-outs: {items}").format(items=", ".join(knocks) or "-"))
        ages = [
            f"{c.from_age}-{c.to_age if c.to_age is not None else ''} -> {c.cap.code}"
            for c in form.age_caps
        ]
        say(translate("cli", "age rules: {items}").format(items=", ".join(ages) or "-"))
        say(translate("cli", "required content: {items}").format(items=", ".join(REQUIRED_CONTENT)))
        return EXIT_OK
    answers, problems = _parse_answers(form, args.answers, letters)
    if problems:
        return fail(problems)
    try:
        result = assess(form, answers, args.birth_date, dt.date.today())
    except ValidationError as exc:
        return fail(exc.problems)
    say(
        translate("cli", "points: {points} of {total} ({band})").format(
            points=result.points, total=form.max_score, band=result.band_level.code
        )
    )
    knocks = [
        f"{q.number}={letters[q.options.index(o)]} -> {o.cap.code}" for q, o in result.knock_outs
    ]
    say(translate("cli", "knock-outs: {items}").format(items=", ".join(knocks) or "-"))
    cap = result.age_cap
    say(
        translate("cli", "age rule: {rule}").format(
            rule=f"{cap.from_age}-{cap.to_age if cap.to_age is not None else ''} -> {cap.cap.code}"
            if cap
            else "-"
        )
    )
    say(
        translate("cli", "level: {level}").format(
            level=f"{result.level.code} {result.level.chinese}"
        )
    )
    return EXIT_OK


def _parse_answers(form, text: str, letters: str):
    """``1=A,2=C`` (the printed number and letter; a question id and option id also do)
    as question id → option id, and a problem for each pair that is not one."""
    from .domain.errors import QT_TRANSLATE_NOOP, Problem

    answers: dict[str, str] = {}
    problems: list[Problem] = []
    by_number = {str(q.number): q for q in form.questions}
    for pair in filter(None, (p.strip() for p in text.replace("，", ",").split(","))):
        key, _, value = pair.partition("=")
        question = by_number.get(key.strip()) or form.question(key.strip())
        value = value.strip()
        option = None
        if question is not None and value:
            index = letters.find(value.upper()) if len(value) == 1 else -1
            if 0 <= index < len(question.options):
                option = question.options[index]
            else:
                option = question.option(value)
        if question is None or option is None:
            problems.append(
                Problem(
                    "answers",
                    QT_TRANSLATE_NOOP(
                        "domain", "“{pair}” is not a question's number and answer, like 3=B."
                    ),
                    {"pair": pair},
                )
            )
            continue
        if question.id in answers:
            problems.append(
                Problem(
                    "answers",
                    QT_TRANSLATE_NOOP("domain", "Question {number} is answered more than once."),
                    {"number": question.number},
                )
            )
        answers[question.id] = option.id
    return answers, problems


def _refuse(error: StorageError) -> int:
    from .i18n import translate

    say(f"wealthdesk: {error.render(translate)}", file=sys.stderr)
    return EXIT_USAGE


def _backup(args: argparse.Namespace) -> int:
    from .domain.errors import os_error_reason, translate_value
    from .i18n import translate
    from .paths import backup_dir
    from .services import backup

    folder = args.out or backup_dir()
    try:
        made = backup.backup_now(folder)
    except backup.BackupRefused as exc:
        say(f"wealthdesk: {exc.render(translate)}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        reason = translate_value(os_error_reason(exc), translate)
        say(f"wealthdesk: {folder}: {reason}", file=sys.stderr)
        return EXIT_USAGE
    say(translate("cli", "backup written: {path}").format(path=made))
    return EXIT_OK


def _audit_export(args: argparse.Namespace) -> int:
    from .domain.errors import os_error_reason, translate_value
    from .i18n import translate
    from .services import audit

    if args.first and args.last and args.first > args.last:
        say(
            "wealthdesk: "
            + translate("cli", "--from {first} is after --to {last}").format(
                first=args.first, last=args.last
            ),
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        count = audit.export_csv(args.out, args.first, args.last, actor_name(), translate)
    except OSError as exc:
        reason = translate_value(os_error_reason(exc), translate)
        say(f"wealthdesk: {args.out}: {reason}", file=sys.stderr)
        return EXIT_USAGE
    say(translate("cli", "audit entries exported: {count}").format(count=count))
    return EXIT_OK


def _audit_verify() -> int:
    from .i18n import translate
    from .services import audit

    report = audit.verify_chain()
    if report.intact:
        say(audit.chain_verdict(report, translate))
        return EXIT_OK
    say(f"wealthdesk: {audit.chain_verdict(report, translate)}", file=sys.stderr)
    return EXIT_REJECTED


def _restore(args: argparse.Namespace) -> int:
    from .db.connection import parse_url
    from .domain.errors import os_error_reason, translate_value
    from .i18n import translate
    from .paths import backup_dir
    from .services import backup

    try:
        target = parse_url(database_url(args.db))
    except StorageError as exc:
        return _refuse(exc)
    if not target.is_sqlite:
        say(
            "wealthdesk: "
            + translate(
                "cli",
                "the branch server is restored on the server by its administrator, not here",
            ),
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        kept = backup.restore(args.file, target.path, backup_dir())
    except backup.BackupRefused as exc:
        say(f"wealthdesk: {exc.render(translate)}", file=sys.stderr)
        return EXIT_REJECTED
    except OSError as exc:
        reason = translate_value(os_error_reason(exc), translate)
        say(f"wealthdesk: {target.path}: {reason}", file=sys.stderr)
        return EXIT_USAGE
    say(
        translate("cli", "restored from {source}; the database it replaced: {kept}").format(
            source=args.file, kept=kept
        )
    )
    return EXIT_OK


def _demo(args: argparse.Namespace) -> int:
    from .i18n import translate
    from .services import settings
    from .services.demo import create_demo_data

    desk = str(args.desk or "1")
    manager = str(settings.get("manager_name", desk))
    report = create_demo_data(args.clients, args.seed, actor_name(), manager, desk, args.days)
    say(translate("cli", "demo visits created: {count}").format(count=report.visits))
    say(translate("cli", "demo appointments created: {count}").format(count=report.appointments))
    say(
        translate(
            "cli",
            "demo profiles created: {assessments} risk assessments, {products} products, "
            "{holdings} holdings, {sales} sales, {calls} care calls",
        ).format(
            assessments=report.assessments,
            products=report.products,
            holdings=report.holdings,
            sales=report.sales,
            calls=report.calls,
        )
    )
    say(translate("cli", "demo clients created: {count}").format(count=report.clients))
    # The same seed makes the same clients; those already in the book are not added again.
    already = args.clients - report.clients
    if already:
        say(
            translate(
                "cli",
                "{count} demo clients of seed {seed} were already in the book; run demo with "
                "another seed (for example --seed {other}) to add new ones.",
            ).format(count=already, seed=args.seed, other=args.seed + 1)
        )
    return EXIT_OK


def _import_clients(args: argparse.Namespace) -> int:
    from .services.client_import import import_clients

    return _import_file(args, import_clients)


def _import_products(args: argparse.Namespace) -> int:
    from .services.products import import_products

    return _import_file(args, import_products)


def _import_file(args: argparse.Namespace, importer) -> int:
    """Run *importer* (clients or products) on the file and print its report: each
    rejected line with its reason, then ``imported: N, rejected: M``."""
    from .domain.client_csv import CsvFileError
    from .domain.csv_file import shown_names
    from .i18n import translate

    try:
        report = importer(args.file, actor_name())
    except CsvFileError as exc:
        # Name the file once: a reason that already names it is not prefixed with it.
        named = "path" in exc.problem.params
        where = "" if named else f"{args.file}: "
        say(f"wealthdesk: {where}{exc.problem.render(translate)}", file=sys.stderr)
        return EXIT_USAGE
    if report.ignored_columns:
        columns = ", ".join(report.ignored_columns)
        if report.more_ignored_columns:
            columns += translate("cli", " and {count} more").format(
                count=report.more_ignored_columns
            )
        say(translate("cli", "ignored columns: {columns}").format(columns=columns))
    if report.other_encoding_lines:
        shown, more = shown_names([str(n) for n in report.other_encoding_lines])
        lines = ", ".join(shown)
        if more:
            lines += translate("cli", " and {count} more").format(count=more)
        other = _ENCODING_NAMES.get(report.other_encoding, report.other_encoding)
        say(
            translate(
                "cli", "lines read as {encoding}, unlike the rest of the file: {lines}"
            ).format(encoding=other, lines=lines)
        )
    for rejection in report.rejected:
        say(
            translate("cli", "line {line}: {reason}").format(
                line=rejection.line, reason=rejection.render(translate)
            )
        )
    say(f"imported: {report.imported}, rejected: {len(report.rejected)}")
    return EXIT_REJECTED if report.rejected else EXIT_OK


_ENCODING_NAMES = {"gb18030": "GBK/GB18030", "utf-8": "UTF-8", "utf-8-sig": "UTF-8"}


def _language_code(language: str | None) -> str | None:
    return "zh_CN" if language == "zh" else language


# What a notice draft's fields are called on the command line, for naming them in a refusal.
_NOTICE_OPTIONS = {
    "start": "--from",
    "until": "--until",
    "back": "--back",
    "phone": "--phone",
    "reason": "--reason",
    "text": "--text",
    "qr": "--qr",
}


def _notice(args: argparse.Namespace) -> int:
    """Write the door notice; nothing is written, and nothing logged, when it is refused."""
    from dataclasses import replace

    from . import local_settings
    from .domain.desk import return_time_problem
    from .domain.errors import PROBLEM_SEPARATOR, DomainError
    from .domain.notice import ClosedReason, NoticeKind, Orientation
    from .i18n import translate
    from .private_files import write_atomically
    from .reports.fonts import cjk_font
    from .reports.notice import render_notice
    from .services import clock, notices

    desk = str(args.desk or local_settings.get("desk_number") or "1")
    kind = NoticeKind(args.notice_kind)
    draft = notices.draft_for(kind, desk)
    changes: dict[str, object] = {}
    if args.phone is not None:
        changes["phone"] = args.phone
    if args.notice_lang:
        changes["english"] = args.notice_lang == "en"
    if args.qr is not None:
        changes["qr"] = args.qr
    if args.orientation:
        changes["orientation"] = Orientation(args.orientation)
    for option in ("start", "until", "back"):
        if getattr(args, option, None) is not None:
            changes[option] = getattr(args, option)
    if kind is NoticeKind.CLOSED:
        # 培训, "meeting" or 已下班 is the reason itself; anything else is the reason in words.
        because = ClosedReason.parse(args.reason) if args.reason.strip() else ClosedReason.CLOSED
        if because is not None:
            changes.update(closed_reason=because, reason="")
        else:
            changes.update(closed_reason=ClosedReason.CLOSED, reason=args.reason)
    if kind is NoticeKind.TEXT:
        changes["text"] = "\n".join(args.text)
    draft = replace(draft, **changes)

    nowhere = _where_to(args)
    if nowhere:  # a usage error, said as argparse says its own
        say(f"wealthdesk: error: {nowhere}", file=sys.stderr)
        return EXIT_USAGE
    if kind in (NoticeKind.AWAY, NoticeKind.CLOSED) and args.back is not None:
        # The rule the window follows: a return time that has passed is refused.
        late = return_time_problem(f"{args.back:%H:%M}", clock.now(), "back")
        if late is not None:
            say(f"wealthdesk: --back: {late.render(translate)}", file=sys.stderr)
            return EXIT_USAGE
    try:
        font = cjk_font(str(local_settings.get("pdf_font_path") or ""))
        data = render_notice(draft, font)
        if args.out is not None:
            with notices.recording(kind, "saved", actor_name(), desk, draft.closed_reason):
                write_atomically(args.out, data)
    except DomainError as exc:
        separator = translate("domain", PROBLEM_SEPARATOR)
        reasons = separator.join(
            (f"{_NOTICE_OPTIONS[p.field]}: " if p.field in _NOTICE_OPTIONS else "")
            + p.render(translate)
            for p in exc.problems
        )
        say(f"wealthdesk: {reasons}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        return _cannot_write(args.out, exc)
    if args.out is not None:
        say(translate("cli", "notice saved: {path}").format(path=args.out))
    if not args.print_it:
        return EXIT_OK
    title = translate("cli", "Door notice")
    status, outcome = _print_document(data, title, args.printer)
    if outcome.printed:  # only a job the printer took is logged as printed
        notices.record(kind, "printed", actor_name(), desk, draft.closed_reason)
    return status


def _day_close(args: argparse.Namespace) -> int:
    """Write the day-close PDF (and the CSV files), or a week's or a month's summary;
    nothing is written when refused, and a failure of either leaves neither."""
    from . import local_settings
    from .domain.errors import DomainError
    from .i18n import translate
    from .private_files import write_atomically
    from .reports.day_close import (
        day_close_csv_files,
        period_title,
        render_day_close,
        render_period_close,
    )
    from .reports.fonts import cjk_font
    from .services import day_close
    from .services.clock import today

    desk = str(args.desk or local_settings.get("desk_number") or "1")
    nowhere = _where_to(args)
    if nowhere:  # a usage error, said as argparse says its own
        say(f"wealthdesk: error: {nowhere}", file=sys.stderr)
        return EXIT_USAGE
    period = None
    if args.week is not None:
        period = day_close.week_of(args.week)
    elif args.month is not None:
        period = day_close.month_of(args.month)
    # A day that has not begun would give a report of nothing that looks like a real one.
    early = day_close.not_begun(*period) if period else day_close.not_begun(args.date or today())
    if early is not None:
        say(f"wealthdesk: {early.render(translate)}", file=sys.stderr)
        return EXIT_USAGE
    if period is not None and args.csv is not None:
        say(
            "wealthdesk: "
            + translate("cli", "--csv writes one day's visits and sales: give --date with it"),
            file=sys.stderr,
        )
        return EXIT_USAGE
    written: list[Path] = []
    target = args.out  # what a failure names: the PDF, or the folder of the CSV files
    try:
        font = cjk_font(str(local_settings.get("pdf_font_path") or ""))
        if period is not None:
            summary = day_close.period_summary(*period, desk)
            data = render_period_close(summary, font, translate)
            title = period_title(summary, translate)
        else:
            summary = day_close.with_audit_check(day_close.summary(args.date, desk))
            data = render_day_close(summary, font, translate)  # before the lock: it takes a while
            title = translate("cli", "Day close {date}").format(date=summary.day.isoformat())
            if args.csv is not None:
                target = args.csv
                if not args.csv.is_dir():
                    code = errno.ENOTDIR if args.csv.exists() else errno.ENOENT
                    raise OSError(code, os.strerror(code), str(args.csv))
                # Audited first: when the audit log cannot take the entry, no file.
                written = day_close.export_day(
                    summary.day,
                    desk,
                    actor_name(),
                    day_close_csv_files(args.csv, summary, translate),
                    None if args.out is None else (args.out, data),
                )
        if args.csv is None and args.out is not None:
            written.append(write_atomically(args.out, data))
    except DomainError as exc:
        _remove(written)
        say(f"wealthdesk: {exc.render(translate)}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        _remove(written)
        return _cannot_write(args.out if exc.filename == str(args.out) else target, exc)
    if args.out is not None:
        say(translate("cli", "day close saved: {path}").format(path=args.out))
    for path in written:
        if path != args.out:
            say(translate("cli", "CSV saved: {path}").format(path=path))
    if not args.print_it:
        return EXIT_OK
    status, outcome = _print_document(data, title, args.printer)
    if outcome.printed:
        day_close.record_print(summary.first if period else summary.day, desk, actor_name(), title)
    return status


def _plan(args: argparse.Namespace) -> int:
    """Write client N's plan: the latest saved version, or a fresh suggestion when there
    is none. An unknown client, no valid assessment or a path that cannot be written:
    one line, exit 2, no file; the file written is logged as an export of the client's."""
    from . import local_settings
    from .domain.errors import DomainError
    from .i18n import translate
    from .reports.fonts import cjk_font
    from .reports.plan import plan_pdf
    from .services import clock
    from .services import plan as plan_service

    desk = str(args.desk or local_settings.get("desk_number") or "1")
    try:
        view = plan_service.plan_for_document(args.client, desk)
        font = cjk_font(str(local_settings.get("pdf_font_path") or ""))
        with plan_service.recording(view.client_id, view.plan_id, "saved", actor_name()):
            plan_pdf(args.out, view, font, clock.now(), translate)
    except DomainError as exc:
        say(f"wealthdesk: {exc.render(translate)}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        return _cannot_write(args.out, exc)
    say(translate("cli", "plan saved: {path}").format(path=args.out))
    return EXIT_OK


def _calendar(args: argparse.Namespace) -> int:
    """Print a month's days (the first line says where they come from), or load a
    schedule: every wrong line on stderr and nothing loaded, else what changed."""
    if getattr(args, "calendar_action", None) == "import":
        return _calendar_import(args)
    from .domain.calendar import SOURCE_LABELS
    from .i18n import translate
    from .services import calendar as calendar_service
    from .services import clock

    first = args.month or clock.today().replace(day=1)
    schedule, days = calendar_service.month(first.year, first.month)
    where = translate("domain", SOURCE_LABELS[schedule.source])
    if schedule.loaded_at is not None:
        where = translate("cli", "the State Council's schedule, loaded {day} by {actor}").format(
            day=schedule.loaded_at.date().isoformat(), actor=schedule.loaded_by
        )
    print(f"{first:%Y-%m}: {where}")
    for status in days:
        print(_day_line(status))
    return EXIT_OK


def _day_line(status, was=None) -> str:
    """``YYYY-MM-DD open|closed [name] [provisional]`` (and what it was before)."""
    from .i18n import translate

    words = [status.day.isoformat(), "open" if status.open else "closed"]
    if status.label:
        words.append(translate(status.label.context, str(status.label)))
    if status.provisional:
        words.append("provisional")
    if was is not None:
        words.append("(" + _day_line(was).split(" ", 1)[1] + ")")
    return " ".join(words)


def _calendar_import(args: argparse.Namespace) -> int:
    from .domain.client_csv import CsvFileError
    from .i18n import translate
    from .services import calendar as calendar_service

    try:
        preview = calendar_service.load_schedule(args.file, actor_name())
    except CsvFileError as exc:
        named = "path" in exc.problem.params
        where = "" if named else f"{args.file}: "
        print(f"wealthdesk: {where}{exc.problem.render(translate)}", file=sys.stderr)
        return EXIT_USAGE
    except calendar_service.ScheduleRefused as exc:
        schedule = exc.preview.schedule
        for problem in schedule.file_problems:
            print(f"wealthdesk: {args.file}: {problem.render(translate)}", file=sys.stderr)
        for bad in schedule.bad_lines:
            reason = translate("cli", "line {line}: {reason}").format(
                line=bad.line, reason="; ".join(p.render(translate) for p in bad.problems)
            )
            print(f"wealthdesk: {args.file}: {reason}", file=sys.stderr)
        print(
            "wealthdesk: "
            + translate("cli", "nothing loaded: {count} lines are wrong").format(
                count=len(schedule.bad_lines) or 1
            ),
            file=sys.stderr,
        )
        return EXIT_USAGE
    schedule = preview.schedule
    print(
        translate(
            "cli",
            "schedule for {year} loaded: {days} days (replacing {replaced}); {changed} changed",
        ).format(
            year=schedule.year,
            days=len(schedule.days),
            replaced=preview.replaces,
            changed=len(preview.changes),
        )
    )
    for change in preview.changes:
        print(_day_line(change.after, was=change.before))
    return EXIT_OK


def _read_new_pin(prompt: str) -> str:
    """A PIN typed at the terminal without echo, or a line of standard input."""
    import getpass

    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    return (sys.stdin.readline() if sys.stdin is not None else "").strip()


def _desk_reset_pin(args: argparse.Namespace) -> int:
    from .domain.pin import hash_pin, new_pin_problems
    from .services import desk as desk_service

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


def _cannot_write(path, exc: OSError) -> int:
    """One line on stderr naming the file that could not be written and why (a full
    disk, a missing folder…): a usage refusal."""
    from .domain.errors import os_error_reason, translate_value
    from .i18n import translate

    reason = translate_value(os_error_reason(exc), translate)
    say(
        "wealthdesk: "
        + translate("cli", "{path} cannot be written: {reason}").format(path=path, reason=reason),
        file=sys.stderr,
    )
    return EXIT_USAGE


def _remove(paths: list[Path]) -> None:
    for path in paths:
        path.unlink(missing_ok=True)
