"""Restoring this PC's database from a backup: from the File menu, and at start-up when
the database cannot be opened (damaged, locked, unreadable, from a newer release)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from ...db import StorageError
from ...db.connection import (
    DatabaseDamaged,
    DatabaseLocked,
    DatabaseNewer,
    DatabaseUnreadable,
    NotADatabase,
    parse_url,
)
from ...i18n import translate
from ...paths import backup_dir
from .. import interaction

log = logging.getLogger(__name__)

# What the start-up offers for each failure it can recover from.
_RECOVERABLE = (NotADatabase, DatabaseDamaged, DatabaseNewer, DatabaseUnreadable, DatabaseLocked)


def restore_from_backup(
    parent: QWidget | None,
    database: Path,
    after: str,
    before_restore: Callable[[], bool] = lambda: True,
) -> bool:
    """Choose a backup, check it, confirm, then replace *database* with it (the file it
    replaces is kept in the backups folder, never overwritten). *after* says what
    happens next; *before_restore* lets go of the database (False: not now). True when
    restored."""
    from ...services import backup

    title = translate("MainWindow", "Restore from a backup")
    chosen = interaction.choose_open_file(
        parent,
        title,
        str(backup_dir()),
        translate("MainWindow", "WealthDesk backups (*.sqlite3)"),
    )
    if not chosen:
        return False
    try:
        info = backup.check_backup(Path(chosen))
    except backup.BackupRefused as exc:
        interaction.explain(parent, title, exc)
        return False
    question = translate(
        "MainWindow",
        "Replace this PC's database with the backup of {when} ({clients} clients)? The "
        "database now in use is kept in the backups folder.",
    ).format(when=f"{info.made_at:%Y-%m-%d %H:%M}", clients=info.clients)
    if (
        not interaction.confirm(
            parent, title, f"{question} {after}", translate("MainWindow", "Restore")
        )
        or not before_restore()
    ):
        return False
    try:
        kept = backup.restore(info.path, database, backup_dir())
    except (backup.BackupRefused, OSError) as exc:
        interaction.warn(parent, title, str(exc))
        return False
    interaction.info(
        parent,
        title,
        translate(
            "MainWindow", "Restored. The database that was replaced is kept as {name}."
        ).format(name=kept.name),
    )
    return True


def offer_recovery(url: str, failure: StorageError) -> bool:
    """At start-up, *failure* said why the database at *url* cannot be opened: say so
    once, and offer to restore a backup (and to try again when another program holds
    the file). True when the start should try again."""
    from ...services import backup

    title = translate("Application", "Cannot open the database")
    message = failure.render(translate)
    recoverable = isinstance(failure, _RECOVERABLE)
    target = parse_url(url).path if recoverable else None
    found = backup.backups(backup_dir()) if target is not None else []
    options = []
    if isinstance(failure, DatabaseLocked):
        options.append(("retry", translate("Application", "Try again")))
    if found:
        options.append(("restore", translate("Application", "Restore from a backup…")))
    if not options or interaction.headless():
        interaction.error(None, title, message)
        return False
    if found:
        message += "\n\n" + translate(
            "Application",
            "The newest backup is from {when}; {count} backups are in {folder}. The database "
            "above is not changed unless you restore one, and then it is kept beside them.",
        ).format(
            when=f"{backup.made_at(found[0]):%Y-%m-%d %H:%M}",
            count=len(found),
            folder=backup_dir(),
        )
    answer = interaction.choose(None, title, message, options)
    if answer == "retry":
        return True
    if answer == "restore":
        return restore_from_backup(
            None, target, translate("Application", "WealthDesk then opens it.")
        )
    return False
