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


def _postgres_unavailable(reason: str):
    if os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}:
        pytest.fail(f"PostgreSQL is needed under CI: {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL not available: {reason}")


def _pg_binary(name: str) -> str | None:
    """``initdb``/``pg_ctl`` on PATH, else from the newest /usr/lib/postgresql/N/bin."""
    import glob
    import re
    import shutil

    found = shutil.which(name)
    if found:
        return found

    def version(path: str) -> int:
        match = re.search(r"/postgresql/(\d+)/", path)
        return int(match.group(1)) if match else 0

    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=version)
    return candidates[-1] if candidates else None


class ThrowawayCluster:
    """initdb + pg_ctl in a temporary folder, on 127.0.0.1 and a free port, trust auth.

    PostgreSQL refuses to run as root, so under root the binaries run as ``postgres``.
    """

    def __init__(self) -> None:
        import tempfile

        self.initdb, self.pg_ctl = _pg_binary("initdb"), _pg_binary("pg_ctl")
        if not (self.initdb and self.pg_ctl):
            raise RuntimeError("initdb/pg_ctl not found (apt-get install postgresql)")
        self.folder = Path(tempfile.mkdtemp(prefix="wealthdesk-pg-"))
        self.owner: str | None = None
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            import pwd

            try:
                account = pwd.getpwnam("postgres")
            except KeyError:
                raise RuntimeError("running as root and there is no 'postgres' user") from None
            os.chown(self.folder, account.pw_uid, account.pw_gid)
            self.owner = "postgres"
        self.data = self.folder / "data"
        self.port = self._free_port()
        self.started = False

    @staticmethod
    def _free_port() -> int:
        import socket

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            return sock.getsockname()[1]

    def _run(self, args: list[str], timeout: float = 60) -> None:
        import shlex
        import subprocess

        command = args
        if self.owner:
            command = ["su", self.owner, "-s", "/bin/sh", "-c", shlex.join(args)]
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        if done.returncode != 0:
            output = (done.stderr or done.stdout).strip().splitlines()
            raise RuntimeError(f"{Path(args[0]).name} failed: {' / '.join(output[-3:])}")

    def start(self) -> None:
        self._run(
            [
                self.initdb,
                "-D",
                str(self.data),
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--no-locale",
                "--no-sync",
            ]
        )
        options = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.folder} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self._run(
            [
                self.pg_ctl,
                "-D",
                str(self.data),
                "-l",
                str(self.folder / "server.log"),
                "-o",
                options,
                "-w",
                "-t",
                "30",
                "start",
            ]
        )
        self.started = True

    def stop(self) -> None:
        import shutil

        try:
            if self.started:
                self._run([self.pg_ctl, "-D", str(self.data), "-m", "immediate", "-w", "stop"])
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"


class PostgresServer:
    """A server the tests may create and drop databases on."""

    def __init__(self, admin_url: str) -> None:
        import psycopg

        from wealthdesk.db.connection import parse_url

        self.admin = parse_url(admin_url)
        self.params = {k: v for k, v in self.admin.params if k != "dbname"}
        self.connection = psycopg.connect(
            dbname=self.admin.dbname, autocommit=True, connect_timeout=10, **self.params
        )

    def url_for(self, dbname: str) -> str:
        from urllib.parse import quote

        params = dict(self.params)
        user = quote(str(params.get("user", "")), safe="")
        if params.get("password"):
            user += ":" + quote(str(params["password"]), safe="")
        user = f"{user}@" if user else ""
        port = f":{params['port']}" if params.get("port") else ""
        return f"postgresql://{user}{params['host']}{port}/{dbname}"

    def create_database(self) -> str:
        import uuid

        name = f"wealthdesk_test_{uuid.uuid4().hex[:12]}"
        self.connection.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
        return name

    def drop_database(self, name: str) -> None:
        self.connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def close(self) -> None:
        self.connection.close()


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
    name = server.create_database()
    try:
        yield server.url_for(name)
    finally:
        from wealthdesk import db

        db.close()
        server.drop_database(name)


@pytest.fixture
def backend_store(backend_url, tmp_path):
    """A migrated database on each backend, connected for the services."""
    from wealthdesk import db

    db.connect(backend_url, tmp_path / "backups")
    yield backend_url
    db.close()
