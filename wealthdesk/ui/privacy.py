"""The client screen's privacy: every part of the window that shows a client registers
how to clear itself and which client values it holds, and the clipboard is watched so
that what was copied while a client was on screen leaves with them.

Clearing walks the registry, so a new page is cleared by construction; the privacy
tests walk the same registry. The clipboard is cleared by what happened (it changed
while a client was shown), not by comparing it with what the forms show at the moment
of clearing: by then a save may have masked the number again, a dialog may have
closed, and the values would no longer be recognised.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QClipboard, QGuiApplication

log = logging.getLogger(__name__)

# Shorter values (a one-letter tier, an empty field) would match almost any text.
MIN_VALUE_LENGTH = 2


@dataclass(frozen=True)
class Holder:
    """One part of the window that can show a client."""

    name: str
    clear: Callable[[], None]
    values: Callable[[], set[str]]


class ClientScreen(QObject):
    """The registry of everything that shows a client, and the clipboard's guard."""

    cleared = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._holders: list[Holder] = []
        self._last: list[Holder] = []
        # Per clipboard mode, the texts put there while a client was on screen.
        self._copied: dict[QClipboard.Mode, set[str]] = {}
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.dataChanged.connect(
                lambda: self._clipboard_changed(QClipboard.Mode.Clipboard)
            )
            clipboard.selectionChanged.connect(
                lambda: self._clipboard_changed(QClipboard.Mode.Selection)
            )

    # ------------------------------------------------------------ registry
    def register(
        self,
        name: str,
        clear: Callable[[], None],
        values: Callable[[], set[str]],
        *,
        last: bool = False,
    ) -> None:
        """*last* parts (the status bar) are cleared after every other, whenever the
        others register (pages do when first built): what clearing them says goes too."""
        if last:
            self._last.append(Holder(name, clear, values))
        else:
            self._holders.append(Holder(name, clear, values))

    @property
    def holders(self) -> tuple[Holder, ...]:
        return (*self._holders, *self._last)

    def values(self) -> set[str]:
        """Every client value shown anywhere now (stripped, long enough to recognise)."""
        found: set[str] = set()
        for holder in self.holders:
            try:
                found |= holder.values()
            except RuntimeError:  # a widget Qt has deleted already shows nothing
                continue
        return {v.strip() for v in found if v and len(v.strip()) >= MIN_VALUE_LENGTH}

    def shows_a_client(self) -> bool:
        return bool(self.values())

    # ------------------------------------------------------------ clearing
    def clear(self) -> None:
        """Clear every registered part, then the clipboard of what came from them. The
        values are read first: clearing a part makes its values unreadable."""
        values = self.values()
        for holder in self.holders:
            try:
                holder.clear()
            except RuntimeError:
                continue
        self.clear_clipboard(values)
        self.cleared.emit()

    def clear_clipboard(self, values: set[str] = frozenset()) -> None:
        """Empty each clipboard mode that holds a text copied while a client was shown,
        or any of *values*."""
        clipboard = QGuiApplication.clipboard()
        if clipboard is None:
            return
        modes = [QClipboard.Mode.Clipboard]
        if clipboard.supportsSelection():
            modes.append(QClipboard.Mode.Selection)
        for mode in modes:
            text = clipboard.text(mode)
            copied = self._copied.pop(mode, set())
            if not text:
                continue
            if text in copied or any(value in text for value in values):
                clipboard.clear(mode)
                log.info("clipboard (%s) cleared of client data", mode.name)

    def note_copied(self, text: str) -> None:
        """*text*, put on the clipboard by the app for the manager to paste elsewhere (a
        care message naming the client), leaves with the next clearing like a copied
        number, though no client was on screen."""
        if text:
            self._copied.setdefault(QClipboard.Mode.Clipboard, set()).add(text)

    def _clipboard_changed(self, mode: QClipboard.Mode) -> None:
        clipboard = QGuiApplication.clipboard()
        text = clipboard.text(mode) if clipboard is not None else ""
        if text and self.shows_a_client():
            self._copied.setdefault(mode, set()).add(text)


def wipe(widget) -> None:
    """Empty a dialog that is being thrown away (rejected at the lock) of every value it
    shows, undo histories too: Qt deletes it only once its caller's loop ends, and until
    then nothing of the client may stay in it."""
    from PySide6.QtWidgets import (
        QAbstractItemView,
        QComboBox,
        QLabel,
        QLineEdit,
        QListWidget,
        QPlainTextEdit,
        QTableWidget,
        QTextEdit,
        QTreeWidget,
        QWidget,
    )

    for child in [widget, *widget.findChildren(QWidget)]:
        if isinstance(child, QLineEdit):
            child.setText("")  # setText, unlike clear(), also empties the undo history
        elif isinstance(child, (QPlainTextEdit, QTextEdit)):
            child.clear()
            child.document().clearUndoRedoStacks()
        elif isinstance(child, QLabel):
            child.clear()
        elif isinstance(child, QComboBox):
            if child.model() is not None and child.model().parent() is child:
                child.clear()  # its own items; a shared model is left to its owner
            elif child.isEditable():
                child.clearEditText()
        elif isinstance(child, (QListWidget, QTableWidget, QTreeWidget)):
            child.clear()  # their own items (their model cannot be replaced)
        elif isinstance(child, QAbstractItemView):
            child.setModel(None)
        child.setToolTip("")


__all__ = ["MIN_VALUE_LENGTH", "ClientScreen", "Holder", "wipe"]
