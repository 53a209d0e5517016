"""Spacing, sizes and keyboard shortcuts, each declared once for every widget."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

# Shortcuts are kept as StandardKey or text: a QKeySequence may only be made once the
# application exists.

MARGIN = 12
SPACING = 8
NAV_WIDTH = 124
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

# The queue, on function keys a manager reaches without looking.
CHECK_IN = "Ctrl+K"
CALL_NEXT = "F2"
CALL_SELECTED = "Shift+F2"
RECALL = "F3"
NO_SHOW = "Shift+F3"
START_SERVICE = "F4"
PARK = "F6"
RETURN_TO_QUEUE = "Shift+F6"
LEFT = "F7"
FINISH_SERVICE = "F8"
STEP_AWAY = "Ctrl+L"
LOCK = "Ctrl+Shift+L"
DOOR_NOTICE = "Ctrl+Shift+P"

# Previews of our PDFs.
ZOOM_IN = QKeySequence.StandardKey.ZoomIn  # Ctrl++
ZOOM_IN_UNSHIFTED = "Ctrl+="  # the same key without Shift on most keyboards
ZOOM_OUT = QKeySequence.StandardKey.ZoomOut  # Ctrl+-
ZOOM_FIT_WIDTH = "Ctrl+0"

QUEUE_TICK_MS = 30_000  # waiting times and the served client's elapsed time
IDLE_CHECK_MS = 5_000


def key_text(key: QKeySequence.StandardKey | str) -> str:
    """The shortcut as the user sees it, for tooltips."""
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
