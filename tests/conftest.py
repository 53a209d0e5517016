"""Test set-up: offscreen Qt, a private settings and data folder, a fresh database."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("WEALTHDESK_DB", None)
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths

from wealthdesk import APP_NAME, ORG_NAME

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


# ---------------------------------------------------------------- both backends
#
# Services that touch shared state are tested on SQLite and on a real PostgreSQL.
# With WEALTHDESK_TEST_PG_URL (postgresql://user@host:port/db, a role that may
# CREATE DATABASE) the tests use that server; otherwise they start a throwaway
# cluster with the PostgreSQL binaries found on this machine and stop it at the end.
# Each test gets a database of its own. When no server can be had, the postgres
# tests fail under CI (CI=true) and are skipped, with the reason, elsewhere.

PG_URL_ENV = "WEALTHDESK_TEST_PG_URL"

# The cluster and the print service are in modules of their own (not conftest: tests/ui
# has a conftest too, and which one "import conftest" finds depends on the order pytest
# collects): tests and bench use them. cups_server: the printing tests' own CUPS.
from cups_server import cups, cups_server, cups_stopped, no_printer  # noqa: E402, F401
from pg_cluster import ThrowawayCluster, _postgres_unavailable  # noqa: E402


class PostgresServer:
    """A server with one scratch database for the session, emptied before each test."""

    def __init__(self, admin_url: str) -> None:
        import uuid

        import psycopg

        from wealthdesk.db.connection import parse_url

        admin = parse_url(admin_url)
        self.params = dict(admin.params)
        self.admin = psycopg.connect(
            dbname=admin.dbname, autocommit=True, connect_timeout=10, **self.params
        )
        self.dbname = f"wealthdesk_test_{uuid.uuid4().hex[:12]}"
        self.admin.execute(f'CREATE DATABASE "{self.dbname}"')
        self.scratch = psycopg.connect(dbname=self.dbname, autocommit=True, **self.params)

    @property
    def url(self) -> str:
        from urllib.parse import quote

        user = quote(str(self.params.get("user", "")), safe="")
        if self.params.get("password"):
            user += ":" + quote(str(self.params["password"]), safe="")
        user = f"{user}@" if user else ""
        port = f":{self.params['port']}" if self.params.get("port") else ""
        return f"postgresql://{user}{self.params['host']}{port}/{self.dbname}"

    def fresh_database_url(self) -> str:
        """Empty the scratch database (as a new one would be) and return its address.

        Dropping and recreating the schema costs a tenth of CREATE DATABASE.
        """
        self.scratch.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        self.scratch.execute("DROP SCHEMA IF EXISTS public CASCADE")
        self.scratch.execute("CREATE SCHEMA public")
        return self.url

    def close(self) -> None:
        self.scratch.close()
        try:
            self.admin.execute(f'DROP DATABASE IF EXISTS "{self.dbname}" WITH (FORCE)')
        finally:
            self.admin.close()


@pytest.fixture(scope="session")
def postgres_server():
    """A PostgreSQL server for the session (see the comment above)."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _postgres_unavailable("psycopg is not installed (pip install 'wealthdesk[postgres]')")
    cluster = None
    try:
        admin_url = os.environ.get(PG_URL_ENV)
        if not admin_url:
            cluster = ThrowawayCluster()
            cluster.start()
            admin_url = cluster.url
        server = PostgresServer(admin_url)
    except Exception as exc:
        if cluster is not None:
            cluster.stop()
        _postgres_unavailable(str(exc))
    try:
        yield server
    finally:
        server.close()
        if cluster is not None:
            cluster.stop()


BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def backend_url(request, tmp_path):
    """The address of a fresh, empty database on each backend; nothing connected yet."""
    if request.param == "sqlite":
        from wealthdesk.db.connection import sqlite_url

        yield sqlite_url(tmp_path / "wealthdesk.sqlite3")
        return
    server = request.getfixturevalue("postgres_server")
    yield server.fresh_database_url()
    from wealthdesk import db

    db.close()


@pytest.fixture
def backend_store(backend_url, tmp_path):
    """A migrated database on each backend, connected for the services."""
    from wealthdesk import db

    db.connect(backend_url, tmp_path / "backups")
    yield backend_url
    db.close()
