"""Connecting a desk to the branch's PostgreSQL server: the address to store, a
connection test that says what it found, and the password kept where libpq itself reads
it (the PostgreSQL password file), never in our settings or logs."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from ..db.connection import parse_url
from ..db.migrations import LATEST_VERSION
from ..domain.errors import QT_TRANSLATE_NOOP, Problem, ValidationError
from ..private_files import replacing

DEFAULT_PORT = 5432


@dataclass(frozen=True)
class ServerAddress:
    host: str
    port: int = DEFAULT_PORT
    database: str = "wealthdesk"
    user: str = ""

    def url(self) -> str:
        """The address as stored for this PC: no password, ever."""
        user = f"{quote(self.user, safe='')}@" if self.user else ""
        return f"postgresql://{user}{self.host}:{self.port}/{quote(self.database, safe='')}"


@dataclass(frozen=True)
class Probe:
    """What a connection test found."""

    server_version: str
    schema_version: int | None  # None: the database is empty (set up when first used)
    latest: int = LATEST_VERSION


def address_problems(address: ServerAddress) -> list[Problem]:
    problems = []
    if not address.host.strip() or any(c.isspace() for c in address.host.strip()):
        problems.append(
            Problem("host", QT_TRANSLATE_NOOP("domain", "Give the server's name or address."))
        )
    if not 1 <= address.port <= 65535:
        problems.append(
            Problem("port", QT_TRANSLATE_NOOP("domain", "A port is a number from 1 to 65535."))
        )
    if not address.database.strip():
        problems.append(
            Problem("database", QT_TRANSLATE_NOOP("domain", "Give the database's name."))
        )
    if not address.user.strip():
        problems.append(
            Problem("user", QT_TRANSLATE_NOOP("domain", "Give the user name on the server."))
        )
    return problems


class ServerRefused(Exception):
    """The server refused the connection or could not be reached: *reason* is the
    driver's last line (the one to show); *password* when the password is what failed."""

    def __init__(self, reason: str, password: bool = False):
        super().__init__(reason)
        self.reason = reason
        self.password = password


def try_connection(address: ServerAddress, password: str = "") -> Probe:
    """Connect once (5 s at most) and read the server's version and the schema's; raises
    :class:`ValidationError` for a bad address and :class:`ServerRefused` when the
    server refuses or cannot be reached."""
    problems = address_problems(address)
    if problems:
        raise ValidationError(problems)
    import psycopg

    params = dict(parse_url(address.url()).params)
    if password:
        params["password"] = password
    try:
        with psycopg.connect(
            dbname=address.database, connect_timeout=5, autocommit=True, **params
        ) as connection:
            version = connection.execute("SHOW server_version").fetchone()[0]
            exists = connection.execute(
                "SELECT to_regclass('schema_version') IS NOT NULL"
            ).fetchone()[0]
            schema = None
            if exists:
                schema = connection.execute("SELECT max(version) FROM schema_version").fetchone()[0]
    except psycopg.Error as exc:
        text = str(exc)
        reason = (text.strip().splitlines() or [type(exc).__name__])[-1]
        raise ServerRefused(reason, password="password" in text.lower()) from exc
    return Probe(server_version=str(version), schema_version=schema)


def password_file() -> Path:
    """Where libpq looks for passwords on this PC (``PGPASSFILE`` wins)."""
    if os.environ.get("PGPASSFILE"):
        return Path(os.environ["PGPASSFILE"])
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home())) / "postgresql" / "pgpass.conf"
    return Path.home() / ".pgpass"


def _escaped(value: str) -> str:
    return value.replace("\\", "\\\\").replace(":", "\\:")


def remember_password(address: ServerAddress, password: str) -> Path:
    """Keep *password* in the PostgreSQL password file for this server, database and
    user (replacing an older line for them), readable by this user only; libpq reads it
    at every connection, so WealthDesk never stores it."""
    path = password_file()
    key = ":".join(
        _escaped(str(v)) for v in (address.host, address.port, address.database, address.user)
    )
    lines = []
    if path.exists():
        lines = [line for line in path.read_text().splitlines() if not line.startswith(key + ":")]
    lines.append(f"{key}:{_escaped(password)}")
    path.parent.mkdir(parents=True, exist_ok=True)
    with replacing(path, 0o600) as partial, open(partial, "w") as file:
        file.write("\n".join(lines) + "\n")
    if sys.platform != "win32":
        path.chmod(0o600)  # libpq ignores a password file others can read
    return path


__all__ = [
    "DEFAULT_PORT",
    "Probe",
    "ServerAddress",
    "ServerRefused",
    "address_problems",
    "password_file",
    "remember_password",
    "try_connection",
]
