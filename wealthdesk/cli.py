"""The command line: the same entry point as the GUI, with sub-commands for scripts.

Every refusal is one line on stderr and an exit status: 2 when nothing could be done
(bad arguments, an unreadable file, a database that cannot be used), 1 when some of the
data was rejected, 0 when all went through.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from . import APP_NAME, ORG_NAME, __version__
from .domain.settings import LANGUAGES
from .i18n import translate

if TYPE_CHECKING:  # the database layer is imported only once the database URL is known
    from .db import DatabaseUrl, StorageError

log = logging.getLogger(__name__)

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2
COMMANDS = ("demo", "import-clients")


class UsageError(Exception):
    pass


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
        return value if value in LANGUAGES else None
    return None


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--db",
        metavar="URL",
        default=argparse.SUPPRESS,
        help=translate("cli", "sqlite:///path or postgresql://user@host:port/dbname"),
    )
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

    imp = commands.add_parser(
        "import-clients", parents=[common], help=translate("cli", "import clients from a CSV file")
    )
    imp.add_argument("file", metavar="FILE.csv", type=Path)
    return parser


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
    i18n.install_language(args.lang or str(local_settings.get("language")))
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

    from .db.connection import storage_error

    try:
        if args.command == "demo":
            return _demo(args)
        return _import_clients(args)
    except peewee.DatabaseError as exc:
        log.warning("%s failed on %s: %s", args.command, database.display, exc)
        return _refuse(storage_error(exc, database.display, database.is_sqlite))


def _refuse(error: StorageError) -> int:
    from .i18n import translate

    print(f"wealthdesk: {error.render(translate)}", file=sys.stderr)
    return EXIT_USAGE


def _demo(args: argparse.Namespace) -> int:
    from .i18n import translate
    from .services import settings
    from .services.demo import create_demo_data

    desk = str(args.desk or "1")
    manager = str(settings.get("manager_name", desk))
    report = create_demo_data(args.clients, args.seed, actor_name(), manager, desk, args.days)
    print(translate("cli", "demo visits created: {count}").format(count=report.visits))
    print(translate("cli", "demo appointments created: {count}").format(count=report.appointments))
    print(translate("cli", "demo clients created: {count}").format(count=report.clients))
    # The same seed makes the same clients; those already in the book are not added again.
    already = args.clients - report.clients
    if already:
        print(
            translate(
                "cli",
                "{count} demo clients of seed {seed} were already in the book; run demo with "
                "another seed (for example --seed {other}) to add new ones.",
            ).format(count=already, seed=args.seed, other=args.seed + 1)
        )
    return EXIT_OK


def _import_clients(args: argparse.Namespace) -> int:
    from .domain.client_csv import CsvFileError
    from .i18n import translate
    from .services.client_import import import_clients

    try:
        report = import_clients(args.file, actor_name())
    except CsvFileError as exc:
        # Name the file once: a reason that already names it is not prefixed with it.
        named = "path" in exc.problem.params
        where = "" if named else f"{args.file}: "
        print(f"wealthdesk: {where}{exc.problem.render(translate)}", file=sys.stderr)
        return EXIT_USAGE
    if report.ignored_columns:
        print(
            translate("cli", "ignored columns: {columns}").format(
                columns=", ".join(report.ignored_columns)
            )
        )
    for rejection in report.rejected:
        print(
            translate("cli", "line {line}: {reason}").format(
                line=rejection.line, reason=rejection.render(translate)
            )
        )
    print(f"imported: {report.imported}, rejected: {len(report.rejected)}")
    return EXIT_REJECTED if report.rejected else EXIT_OK
