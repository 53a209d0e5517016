"""Every prompt the UI shows goes through here, so tests can answer them headlessly.

Tests replace these functions (``monkeypatch.setattr(interaction, "confirm", …)``); the
widgets call them through the module, never QMessageBox directly. With the environment
variable ``WEALTHDESK_HEADLESS=1`` (scripted runs, benchmarks) messages go to stderr
instead of dialogs and questions get their safe answer.
"""

from __future__ import annotations

import os
import sys
from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from ..i18n import translate


class UnsavedChoice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def confirm(parent: QWidget | None, title: str, text: str, ok_text: str = "") -> bool:
    if headless():
        return False
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    ok = box.addButton(ok_text or translate("interaction", "OK"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("interaction", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(ok)
    box.exec()
    return box.clickedButton() is ok


def info(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    _show(QMessageBox.Icon.Information, parent, title, text, details)


def warn(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    _show(QMessageBox.Icon.Warning, parent, title, text, details)


def explain(parent: QWidget | None, title: str, refusal) -> None:
    """Warn with a refusal's own message (a domain or storage error), translated."""
    warn(parent, title, refusal.render(QCoreApplication.translate))


def error(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    _show(QMessageBox.Icon.Critical, parent, title, text, details)


def headless() -> bool:
    return os.environ.get("WEALTHDESK_HEADLESS") == "1"


def _show(icon: QMessageBox.Icon, parent, title: str, text: str, details: str) -> None:
    if headless():
        print(f"wealthdesk: {title}: {text}", file=sys.stderr)
        return
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setDetailedText(details)
    box.exec()


def choose(parent: QWidget | None, title: str, text: str, options: list[tuple[str, str]]) -> str:
    """Ask which of *options* (key, button text) applies; the key, or "" when cancelled."""
    if headless():
        return ""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    buttons = {
        box.addButton(label, QMessageBox.ButtonRole.AcceptRole): key for key, label in options
    }
    box.addButton(translate("interaction", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return buttons.get(box.clickedButton(), "")


def ask_unsaved(parent: QWidget | None) -> UnsavedChoice:
    if headless():
        return UnsavedChoice.CANCEL
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        translate("interaction", "Unsaved changes"),
        translate("interaction", "This client has changes that are not saved yet."),
        parent=parent,
    )
    box.setInformativeText(translate("interaction", "Save them before you go on?"))
    save = box.addButton(translate("interaction", "Save"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(
        translate("interaction", "Discard changes"), QMessageBox.ButtonRole.DestructiveRole
    )
    box.addButton(translate("interaction", "Keep editing"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.exec()
    clicked = box.clickedButton()
    if clicked is save:
        return UnsavedChoice.SAVE
    if clicked is discard:
        return UnsavedChoice.DISCARD
    return UnsavedChoice.CANCEL


def run_dialog(dialog: QDialog) -> int:
    """Show one of our own modal dialogs; returns its result code."""
    if headless():
        return QDialog.DialogCode.Rejected
    return dialog.exec()


def run_once(dialog: QDialog) -> int:
    """:func:`run_dialog`, then *dialog* is deleted once control is back in the event loop
    (what it holds stays readable until then): a dialog left as its page's child would
    pile up there, one a use, all day."""
    try:
        return run_dialog(dialog)
    finally:
        dialog.deleteLater()


def choose_open_file(parent: QWidget | None, title: str, folder: str, filters: str) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, title, folder, filters)
    return path


def choose_save_file(parent: QWidget | None, title: str, suggested: str, filters: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return path


def choose_folder(parent: QWidget | None, title: str, folder: str) -> str:
    """A folder to write into, starting at *folder*; "" when cancelled."""
    if headless():
        return ""
    return QFileDialog.getExistingDirectory(parent, title, folder)


def choose_printer(parent: QWidget | None, printer, title: str) -> bool:
    """Qt's print dialog for *printer* (a QPrinter, set up as it should start); True
    when the manager pressed Print."""
    from PySide6.QtPrintSupport import QPrintDialog

    if headless():
        return False
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    return dialog.exec() == QDialog.DialogCode.Accepted
