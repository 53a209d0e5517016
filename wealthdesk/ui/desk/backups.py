"""This PC's database backed up on demand and restored from a backup, for the window's
File menu (the branch server is backed up and restored on the server)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from ...i18n import translate
from ...paths import backup_dir
from ...services.storage import StorageError
from .. import interaction
from .context import DeskContext


class Backups(QObject):
    """Back up now, restore a backup: the prompts they need over *window*."""

    status_message = Signal(str)  # generic texts only, never client data

    def __init__(self, desk: DeskContext, window: QWidget):
        super().__init__(window)
        self.desk = desk
        self.window = window

    def back_up_now(self) -> Path | None:
        """A copy of this PC's database in the backups folder (the branch server is
        backed up on the server)."""
        from ...domain.errors import os_error_reason, translate_value
        from ...services import backup

        title = translate("MainWindow", "Back up")
        try:
            made = backup.backup_now(backup_dir())
        except backup.BackupRefused as exc:
            interaction.explain(self.window, title, exc)
            return None
        except (OSError, StorageError) as exc:
            reason = (
                exc.render(QCoreApplication.translate)
                if isinstance(exc, StorageError)
                else translate_value(os_error_reason(exc), QCoreApplication.translate)
            )
            interaction.warn(self.window, title, reason)
            return None
        self.status_message.emit(
            translate("MainWindow", "Backed up: {name}").format(name=made.name)
        )
        return made

    def restore(self, let_go: Callable[[], bool]) -> bool:
        """Replace this PC's database with a checked backup (the current one kept);
        *let_go* clears the window and closes the database first (False: not now).
        True when restored: the window then closes, the next start opens it."""
        from .restore import restore_from_backup

        title = translate("MainWindow", "Restore from a backup")
        if not self.desk.database.is_sqlite:
            interaction.info(
                self.window,
                title,
                translate(
                    "MainWindow",
                    "The branch server is restored on the server by its administrator.",
                ),
            )
            return False
        after = translate(
            "MainWindow", "WealthDesk then closes; start it again to work on the restored data."
        )
        return restore_from_backup(self.window, self.desk.database.path, after, let_go)
