"""The window's pages as a registry: each page declares its key, icon, shortcut, how it
is built and whether it shows client data; a page (and the modules behind it) is built
when first shown, so start-up pays only for the page on screen."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PageSpec:
    """One page of the window.

    ``build`` makes the page (importing its modules then); ``shows_client_data`` pages
    have ``clear_client()`` and ``client_values()`` and are put in the client screen's
    registry once built (a page not built yet shows nothing). ``scrolling`` pages sit in
    a scroll area, so the window still fits a 1366×768 screen."""

    key: str
    icon: str
    shortcut: object
    build: Callable[[], QWidget]
    shows_client_data: bool = False
    scrolling: bool = False


class PageStack(QObject):
    """The pages in a QStackedWidget: an empty placeholder each until first shown."""

    built = Signal(str, QWidget)  # key, the page: wire it up, register its client data

    def __init__(self, specs: list[PageSpec], stack: QStackedWidget, parent: QObject | None = None):
        super().__init__(parent)
        self.specs = list(specs)
        self.stack = stack
        self._pages: dict[str, QWidget] = {}
        self._holders: dict[str, QWidget] = {}  # what sits in the stack (a scroll area)
        for spec in self.specs:
            placeholder = QWidget()
            placeholder.setObjectName(f"pagePlaceholder_{spec.key}")
            self.stack.addWidget(placeholder)

    # ------------------------------------------------------------ lookup
    def keys(self) -> list[str]:
        return [spec.key for spec in self.specs]

    def index(self, key: str) -> int:
        return self.keys().index(key)

    def spec(self, key: str) -> PageSpec:
        return self.specs[self.index(key)]

    def built_page(self, key: str) -> QWidget | None:
        """The page if it has been built, else None (it shows nothing yet)."""
        return self._pages.get(key)

    def built_pages(self) -> list[tuple[str, QWidget]]:
        return [(key, self._pages[key]) for key in self.keys() if key in self._pages]

    # ------------------------------------------------------------ building
    def page(self, key: str) -> QWidget:
        """The page, built now if it was not yet."""
        page = self._pages.get(key)
        if page is not None:
            return page
        spec = self.spec(key)
        index = self.index(key)
        page = spec.build()
        holder = _scrolling(page) if spec.scrolling else page
        placeholder = self.stack.widget(index)
        current = self.stack.currentIndex()
        self.stack.insertWidget(index, holder)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        if current == index:
            self.stack.setCurrentIndex(index)
        self._pages[key] = page
        self._holders[key] = holder
        log.debug("page %s built", key)
        self.built.emit(key, page)
        return page

    def holder(self, key: str) -> QWidget:
        """What the stack shows for the page (the page, or its scroll area), built."""
        self.page(key)
        return self._holders[key]

    def __iter__(self) -> Iterator[tuple[str, str, QWidget]]:
        """(key, icon, widget in the stack) of every page, each built: for walking the
        whole window, as the language and screen-size checks do."""
        for spec in self.specs:
            yield spec.key, spec.icon, self.holder(spec.key)

    def __len__(self) -> int:
        return len(self.specs)


def _scrolling(page: QWidget) -> QWidget:
    """A tall page in a scroll area: the window still fits a 1366×768 screen."""
    from PySide6.QtWidgets import QFrame, QScrollArea

    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(page)
    return area


__all__ = ["PageSpec", "PageStack"]
