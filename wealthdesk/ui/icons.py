"""Icons by name, from the SVG files in resources/icons."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from ..assets import icon_path


@cache
def icon(name: str) -> QIcon:
    return QIcon(str(icon_path(name)))
