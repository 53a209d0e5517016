"""Start WealthDesk's window and use its client list as a manager would, then quit.

    python bench/browse_clients.py PAGES --db URL [other wealthdesk arguments]

The memory benchmark measures this process: the app's own start-up (``wealthdesk.app``),
then the client table scrolled down PAGES times (each fetching the next page) and a few
searches typed into the search box. It drives the window only through Qt: the visible
``QTableView`` and the ``clientSearch`` line edit. The last stdout line says what it did.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QTableView

QUERIES = ("张", "wang", "zw", "李明", "5678", "欧阳")
SEARCH_SETTLE_MS = 400  # longer than the search box's typing delay


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _opened_window(timeout_ms: int = 30_000) -> QMainWindow:
    """The visible main window, once its desk is open behind its frame (the window is
    shown first and opens its desk once on the screen)."""
    for _ in range(timeout_ms // 10):
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow)]
        shown = [w for w in windows if w.isVisible()]
        if shown and getattr(shown[0], "desk", True) is not None:
            return shown[0]
        wait(10)
    raise StopIteration


def use_client_list(pages: int, done: list[str]) -> None:
    try:
        window = _opened_window()
        if hasattr(window, "go_to_key"):  # the client book is one page of several
            window.go_to_key("clients")
            wait(0)
        table = next(t for t in window.findChildren(QTableView, "clientTable") if t.isVisible())
        search = window.findChild(QLineEdit, "clientSearch")
        model = table.model()
        first_page = model.rowCount()
        for _ in range(pages):
            table.scrollToBottom()  # the view asks the model to fetch more at the end
            wait(0)
        browsed = model.rowCount()
        searched = 0
        if search is not None:
            for query in QUERIES:
                search.setText(query)
                wait(SEARCH_SETTLE_MS)
                searched += 1
            search.clear()
            wait(SEARCH_SETTLE_MS)
        done.append(f"first page: {first_page} rows, browsed: {browsed} rows, searches: {searched}")
    except StopIteration:
        done.append("no visible main window with a client table")
    finally:
        QApplication.quit()


def main() -> int:
    pages = int(sys.argv[1])
    app = QApplication(sys.argv[:1])  # the app's start-up reuses this instance  # noqa: F841
    done: list[str] = []
    QTimer.singleShot(0, lambda: use_client_list(pages, done))
    from wealthdesk.app import main as wealthdesk_main

    status = wealthdesk_main(sys.argv[2:])
    print(done[-1] if done else "the client list was never shown")
    return status


if __name__ == "__main__":
    sys.exit(main())
