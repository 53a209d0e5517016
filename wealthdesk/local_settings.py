"""What this computer remembers in QSettings: the PC-scope settings and window state.

Declared once each: the PC settings in ``domain/settings.py``, the UI state here.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from . import APP_NAME, ORG_NAME
from .domain.settings import SPECS, Scope, coerce

# UI state keys (not user settings): restored silently, never validated.
WINDOW_GEOMETRY = "window/geometry"
WINDOW_STATE = "window/state"
LAST_PAGE = "window/last_page"
LOCKED = "desk/locked"  # the window was locked when it last ran: it starts locked
CLIENTS_SPLITTER = "clients/splitter"
CLIENTS_HEADER = "clients/header"
LAST_IMPORT_FOLDER = "clients/last_import_folder"
DATABASE_URL = "database/url"
# "YYYY-MM-DD:1,2,3": the appointments whose preparation reminder was closed that day.
PREPARATION_DISMISSED = "reminders/preparation_dismissed"


def qsettings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG_NAME, APP_NAME)


def get(key: str) -> object:
    spec = SPECS[key]
    assert spec.scope is Scope.PC, key
    return coerce(key, qsettings().value(f"settings/{key}", spec.default))


def put(key: str, value: object) -> None:
    assert SPECS[key].scope is Scope.PC, key
    store = qsettings()
    store.setValue(f"settings/{key}", value)
    store.sync()


def state(key: str, default: object = None) -> object:
    return qsettings().value(key, default)


def set_state(key: str, value: object) -> None:
    qsettings().setValue(key, value)


def set_states(values: dict[str, object]) -> None:
    """Several state keys in one write of the settings file (each ``set_state`` writes
    it once: a few milliseconds each as the window closes)."""
    store = qsettings()
    for key, value in values.items():
        store.setValue(key, value)
    store.sync()
