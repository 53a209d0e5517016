"""Where this computer keeps WealthDesk's data, logs and backups (from QStandardPaths)."""

from __future__ import annotations

from pathlib import Path

from . import APP_NAME, ORG_NAME

# Qt is imported by the functions that ask it, not with the module: the window's start
# reads --db through database_url() and starts checking the file before Qt loads.


def _ensure_names() -> None:
    from PySide6.QtCore import QCoreApplication

    if not QCoreApplication.applicationName() or QCoreApplication.applicationName() == "python":
        QCoreApplication.setOrganizationName(ORG_NAME)
        QCoreApplication.setApplicationName(APP_NAME)


def data_dir() -> Path:
    from PySide6.QtCore import QStandardPaths

    _ensure_names()
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


def log_dir() -> Path:
    from PySide6.QtCore import QStandardPaths

    _ensure_names()
    state = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.StateLocation)
    return Path(state or data_dir()) / "logs"


def backup_dir() -> Path:
    return data_dir() / "backups"


def default_database_path() -> Path:
    return data_dir() / "wealthdesk.sqlite3"


def default_database_url() -> str:
    """The embedded SQLite file in the user's data folder, as a ``sqlite:///`` URL.

    Built here rather than with ``db.connection.sqlite_url`` so that choosing the URL
    does not import the database layer (see ``app._skip_unused_drivers``).
    """
    return "sqlite:///" + default_database_path().resolve().as_posix().lstrip("/")


def database_url(explicit: str | None) -> str:
    """The database this run opens: *explicit* (``--db``), else ``WEALTHDESK_DB``, else
    the one this PC was last pointed at, else the SQLite file in the data folder."""
    import os

    if explicit:
        return explicit
    if os.environ.get("WEALTHDESK_DB"):
        return os.environ["WEALTHDESK_DB"]
    from . import local_settings

    stored = local_settings.state(local_settings.DATABASE_URL)
    return str(stored) if stored else default_database_url()
