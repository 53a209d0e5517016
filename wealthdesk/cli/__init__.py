"""The command line: the same entry point as the GUI, with sub-commands for scripts.

Every refusal is one line on stderr and an exit status: 2 when nothing could be done
(bad arguments, an unreadable file, a database that cannot be used), 1 when some of the
data was rejected, 0 when all went through.

This package: ``parser`` (the grammar), ``common`` (exit statuses, output, argument
types, refusals) and one module per command group, imported only when its command runs
(:func:`command`), so that ``wealthdesk import-clients`` loads no reportlab.
"""

from __future__ import annotations

import argparse
import logging
from typing import TYPE_CHECKING

from .. import APP_NAME, ORG_NAME
from ..domain.settings import LANGUAGES
from ..paths import database_url
from .common import (
    EXIT_OK,
    EXIT_REJECTED,
    EXIT_USAGE,
    UsageError,
    actor_name,
    language_code,
    printable,
    refuse,
    say,
)
from .parser import build_parser

if TYPE_CHECKING:  # the database layer is imported only once the database URL is known
    from collections.abc import Callable

    from ..db import DatabaseUrl

log = logging.getLogger(__name__)

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


def prepare_messages(argv: list[str]) -> None:
    """Load the user's language before the parser is built, so that help and refusals
    on the command line speak it too (``--lang`` on the line, else this PC's setting).
    Only for runs that end without the window: the window needs a QApplication."""
    from PySide6.QtCore import QCoreApplication

    from .. import i18n, local_settings

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


def run(args: argparse.Namespace) -> int:
    """Run a parsed sub-command; returns the exit status."""
    from PySide6.QtCore import QCoreApplication

    from .. import i18n, local_settings
    from ..db import StorageError, close, connect
    from ..logging_setup import setup_logging
    from ..paths import backup_dir, log_dir

    # The names choose the data folder: without them the default database, the logs and
    # the backups would land in a folder named after the Python script, not the GUI's.
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    app = QCoreApplication.instance() or QCoreApplication([])  # noqa: F841 (translators)
    setup_logging(log_dir())
    language = args.lang or getattr(args, "notice_lang", None)
    i18n.install_language(language_code(language) or str(local_settings.get("language")))
    if args.command in ("restore", "questionnaire"):
        return command(args.command)(args)  # the database is replaced / a file, no database
    try:
        parsed = connect(database_url(args.db), backup_dir())
    except StorageError as exc:
        return refuse(exc)
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

    from ..db.connection import StorageError, storage_error

    try:
        return command(args.command)(args)
    except StorageError as exc:
        return refuse(exc)
    except peewee.DatabaseError as exc:
        log.warning("%s failed on %s: %s", args.command, database.display, exc)
        return refuse(storage_error(exc, database.display, database.is_sqlite))


def command(name: str) -> Callable[[argparse.Namespace], int]:
    """What runs command *name*, its module imported only now (named one by one, so that
    a bundle's analysis finds them all)."""
    if name == "demo":
        from .demo import make_demo_data as run_it
    elif name == "notice":
        from .notice import write_notice as run_it
    elif name == "import-products":
        from .imports import import_products_file as run_it
    elif name == "day-close":
        from .day_close import write_day_close as run_it
    elif name == "backup":
        from .backup import back_up as run_it
    elif name == "restore":
        from .backup import restore as run_it
    elif name == "audit-export":
        from .audit import export_audit as run_it
    elif name == "audit-verify":
        from .audit import verify_audit as run_it
    elif name == "calendar":
        from .calendar import show_or_load as run_it
    elif name == "plan":
        from .plan import write_plan as run_it
    elif name == "questionnaire":
        from .questionnaire import check_or_score as run_it
    elif name == "desk":
        from .desk import reset_pin as run_it
    else:
        from .imports import import_clients_file as run_it
    return run_it


__all__ = [
    "COMMANDS",
    "EXIT_OK",
    "EXIT_REJECTED",
    "EXIT_USAGE",
    "UsageError",
    "actor_name",
    "build_parser",
    "command",
    "database_url",
    "prepare_messages",
    "printable",
    "run",
    "run_command",
    "say",
]
