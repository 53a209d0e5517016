"""The command line's grammar: every command, its options and their help."""

from __future__ import annotations

import argparse
from pathlib import Path

from .. import __version__
from ..domain.settings import LANGUAGES
from ..i18n import translate
from .common import (
    Parser,
    calendar_date,
    calendar_month,
    clock_time,
    days,
    file_name,
    integer,
    positive,
)


def _database_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="URL",
        default=argparse.SUPPRESS,
        help=translate("cli", "sqlite:///path or postgresql://user@host:port/dbname"),
    )


def build_parser() -> argparse.ArgumentParser:
    common = Parser(add_help=False)
    _database_option(common)
    common.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=argparse.SUPPRESS,
        help=translate("cli", "language of messages (zh_CN or en)"),
    )

    parser = Parser(
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
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    demo = commands.add_parser(
        "demo", parents=[common], help=translate("cli", "fill a database with demo data")
    )
    demo.add_argument(
        "--clients",
        type=positive,
        default=300,
        metavar="N",
        help=translate("cli", "how many demo clients (default 300)"),
    )
    demo.add_argument(
        "--seed",
        type=integer,
        default=1,
        metavar="S",
        help=translate("cli", "the same seed gives the same data (default 1)"),
    )
    demo.add_argument(
        "--days",
        type=days,
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
        type=calendar_date,
        default=None,
        help=translate("cli", "the first day (default: the log's beginning)"),
    )
    inspect.add_argument(
        "--to",
        dest="last",
        metavar="YYYY-MM-DD",
        type=calendar_date,
        default=None,
        help=translate("cli", "the last day (default: today)"),
    )
    inspect.add_argument(
        "--out",
        metavar="FILE.csv",
        type=file_name,
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
        type=calendar_date,
        default=None,
        help=translate("cli", "the day to close (default: today)"),
    )
    period.add_argument(
        "--week",
        metavar="YYYY-MM-DD",
        type=calendar_date,
        default=None,
        help=translate("cli", "instead, the summary of this day's week (Monday to Sunday)"),
    )
    period.add_argument(
        "--month",
        metavar="YYYY-MM",
        type=calendar_month,
        default=None,
        help=translate("cli", "instead, the summary of a calendar month"),
    )
    close.add_argument(
        "--out",
        metavar="F.pdf",
        type=file_name,
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
        type=positive,
        required=True,
        help=translate("cli", "the client's number in the book"),
    )
    plan.add_argument(
        "--out",
        metavar="F.pdf",
        type=file_name,
        required=True,
        help=translate("cli", "the PDF file to write"),
    )
    plan.add_argument(
        "--large-print",
        action="store_true",
        help=translate("cli", "write the plan's summary in large print (one or two pages)"),
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
        dest="desk_action", metavar="reset-pin", parser_class=Parser, required=True
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
        type=calendar_month,
        default=None,
        help=translate("cli", "the month to show (default: this month)"),
    )
    actions = calendar.add_subparsers(dest="calendar_action", metavar="import", parser_class=Parser)
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
        dest="questionnaire_action", metavar="check|score", parser_class=Parser, required=True
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
        type=calendar_date,
        default=None,
        help=translate("cli", "the client's birth date, for the age rules"),
    )


def _notice_parser(commands) -> None:
    """``notice lunch|away|closed|text … --out F.pdf``: the door notice as a PDF file."""
    options = Parser(add_help=False)
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
        type=file_name,
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
        dest="notice_kind", metavar="KIND", parser_class=Parser, required=True
    )
    lunch = kinds.add_parser(
        "lunch", parents=[options], help=translate("cli", "lunch break: where to go meanwhile")
    )
    lunch.add_argument(
        "--from",
        dest="start",
        metavar="HH:MM",
        type=clock_time,
        help=translate("cli", "start of the break (default: the office hours' lunch break)"),
    )
    lunch.add_argument(
        "--until",
        metavar="HH:MM",
        type=clock_time,
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
            type=clock_time,
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
