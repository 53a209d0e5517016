"""``backup`` and ``restore FILE``: this PC's database copied safely, or replaced by a
checked copy."""

from __future__ import annotations

import argparse
import sys

from .common import EXIT_OK, EXIT_REJECTED, EXIT_USAGE, refuse, say, system_refused


def back_up(args: argparse.Namespace) -> int:
    from ..i18n import translate
    from ..paths import backup_dir
    from ..services import backup

    folder = args.out or backup_dir()
    try:
        made = backup.backup_now(folder)
    except backup.BackupRefused as exc:
        say(f"wealthdesk: {exc.render(translate)}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        return system_refused(folder, exc)
    say(translate("cli", "backup written: {path}").format(path=made))
    return EXIT_OK


def restore(args: argparse.Namespace) -> int:
    from ..db.connection import StorageError, parse_url
    from ..i18n import translate
    from ..paths import backup_dir, database_url
    from ..services import backup

    try:
        target = parse_url(database_url(args.db))
    except StorageError as exc:
        return refuse(exc)
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
        return system_refused(target.path, exc)
    say(
        translate("cli", "restored from {source}; the database it replaced: {kept}").format(
            source=args.file, kept=kept
        )
    )
    return EXIT_OK
