"""Test set-up: offscreen Qt, a private settings and data folder, a fresh database."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("WEALTHDESK_DB", None)
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pytest  # noqa: E402
from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths  # noqa: E402

from wealthdesk import APP_NAME, ORG_NAME  # noqa: E402

QCoreApplication.setOrganizationName(ORG_NAME)
QCoreApplication.setApplicationName(APP_NAME)
QStandardPaths.setTestModeEnabled(True)


@pytest.fixture(autouse=True)
def private_settings(tmp_path_factory, monkeypatch):
    """Every test gets its own QSettings folder, so no test sees another's state."""
    folder = tmp_path_factory.mktemp("qsettings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    monkeypatch.setenv("HOME", str(folder))
    yield folder


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "wealthdesk.sqlite3"


@pytest.fixture
def store(db_path, tmp_path):
    """A fresh, migrated SQLite database file for one test."""
    from wealthdesk import db
    from wealthdesk.db.connection import sqlite_url

    db.connect(sqlite_url(db_path), tmp_path / "backups")
    yield db_path
    db.close()


@pytest.fixture
def clock():
    """A settable clock: ``clock.set(datetime)``; restored after the test."""
    import datetime as dt

    from wealthdesk.services import clock as service_clock

    class Clock:
        def __init__(self):
            self.now = dt.datetime(2026, 11, 27, 10, 0).astimezone()

        def set(self, when: dt.datetime) -> None:
            self.now = when if when.tzinfo else when.astimezone()

        def __call__(self) -> dt.datetime:
            return self.now

    fake = Clock()
    service_clock.set_clock(fake)
    yield fake
    service_clock.set_clock(None)
