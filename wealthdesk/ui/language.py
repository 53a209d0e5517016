"""Widgets whose texts follow the language the manager picks."""

from __future__ import annotations

from PySide6.QtCore import QEvent


class Retranslating:
    """Mixed into a widget (before its Qt class: ``class Page(Retranslating, QWidget)``)
    that says its texts in :meth:`retranslate`: said again on every language change."""

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.language_changed()
        super().changeEvent(event)

    def language_changed(self) -> None:
        """The language changed: the texts in the language now installed."""
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the language now installed."""


__all__ = ["Retranslating"]
