"""Spacing, sizes and keyboard shortcuts, each declared once for every widget."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

# Shortcuts are kept as StandardKey or text: a QKeySequence may only be made once the
# application exists.

MARGIN = 12
SPACING = 8
NAV_WIDTH = 112
NAV_ICON = 28
SEARCH_DELAY_MS = 120
STATUS_TIMEOUT_MS = 4000
BASE_POINT_SIZE = 10

FOCUS_SEARCH = QKeySequence.StandardKey.Find  # Ctrl+F
NEW_CLIENT = QKeySequence.StandardKey.New  # Ctrl+N
SAVE = QKeySequence.StandardKey.Save  # Ctrl+S
IMPORT = "Ctrl+I"
SETTINGS = "Ctrl+,"
QUIT = "Ctrl+Q"
PAGE_KEYS = tuple(f"Ctrl+{n}" for n in range(1, 10))


def key_text(key: QKeySequence.StandardKey | str) -> str:
    """The shortcut as the user sees it, for tooltips."""
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
