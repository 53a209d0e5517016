"""What other desks, the lobby and the display changed: the tables touched since we last
looked, from PostgreSQL's NOTIFY or SQLite's ``PRAGMA data_version``. No Qt here: the UI
waits on :meth:`ChangeFeed.fileno` (PostgreSQL) or polls :meth:`ChangeFeed.poll`."""

from __future__ import annotations

import contextlib
import logging
import select

import peewee

from .. import db
from ..db.connection import StorageError
from ..db.migrations import WATCHED_TABLES

log = logging.getLogger(__name__)

CHANNEL = "wealthdesk_changes"
# What "something changed" means on SQLite; the loaded holiday schedules have their
# own trigger (migration 10), not one of WATCHED_TABLES' (migration 7), and so have the
# desks starting and stopping (migration 12).
EVERYTHING = frozenset(WATCHED_TABLES) | {"holiday_schedule_day", "desk_presence"}


class FeedLost(StorageError):
    """The server went away; :meth:`ChangeFeed.open` again when it is back."""


class ChangeFeed:
    """One listener for the connected database.

    On PostgreSQL a connection of its own LISTENs; :meth:`fileno` is its socket, readable
    when a notification arrives, and :meth:`poll` drains them. On SQLite :meth:`poll`
    compares ``PRAGMA data_version`` of the app's own connection, which moves only when
    another connection (another process) commits; :meth:`fileno` is None: poll on a timer.
    """

    def __init__(self) -> None:
        where = db.current()
        if where is None:
            raise RuntimeError("no database is connected")
        self.url = where
        self.is_sqlite = where.is_sqlite
        self._listener = None
        self._version: int | None = None

    # ------------------------------------------------------------ opening
    def open(self) -> None:
        """Start listening (again); raises :class:`FeedLost` when the server is away."""
        self.close()
        if self.is_sqlite:
            self._version = self._data_version()
            return
        import psycopg

        try:
            self._listener = psycopg.connect(**self._conninfo(), autocommit=True)
            self._listener.execute(f"LISTEN {CHANNEL}")
        except psycopg.Error as exc:
            self.close()
            raise FeedLost(self.url.display, str(exc).splitlines()[0] if str(exc) else "") from exc

    def _conninfo(self) -> dict:
        # The app's own connection's parameters (libpq reads the password from .pgpass
        # or PGPASSWORD itself: nothing is stored by us).
        database = db.database.obj
        info = dict(database.connect_params)
        info["dbname"] = database.database
        info.setdefault("connect_timeout", 5)
        return info

    def close(self) -> None:
        if self._listener is not None:
            # A dead socket may fail to close: it is gone either way.
            with contextlib.suppress(Exception):
                self._listener.close()
            self._listener = None

    def fileno(self) -> int | None:
        return self._listener.fileno() if self._listener is not None else None

    @property
    def is_open(self) -> bool:
        if self.is_sqlite:
            return self._version is not None
        return self._listener is not None and not self._listener.closed

    # ------------------------------------------------------------ reading
    def poll(self) -> frozenset[str]:
        """The tables changed by others since the last poll (empty: nothing). Raises
        :class:`FeedLost` when the server connection broke."""
        if self.is_sqlite:
            version = self._data_version()
            changed = self._version is not None and version != self._version
            self._version = version
            return EVERYTHING if changed else frozenset()
        import psycopg

        if self._listener is None:
            raise FeedLost(self.url.display)
        pgconn = self._listener.pgconn
        tables: set[str] = set()
        try:
            # Read while the socket has something: a server that ends the connection
            # first sends its reason, then the end, which the next read turns into an
            # error (a closed socket stays readable, so this ends).
            own = self._own_backend()
            for _ in range(8):
                pgconn.consume_input()
                while (note := pgconn.notifies()) is not None:
                    # Our own writes: the window that made them has shown them already.
                    if note.be_pid != own:
                        tables.add(note.extra.decode())
                if not select.select([pgconn.socket], [], [], 0)[0]:
                    break
        except psycopg.Error as exc:
            self.close()
            raise FeedLost(self.url.display, str(exc).splitlines()[0] if str(exc) else "") from exc
        if pgconn.status != psycopg.pq.ConnStatus.OK:
            self.close()
            raise FeedLost(self.url.display)
        return frozenset(tables)

    @staticmethod
    def _own_backend() -> int | None:
        """The server process of the app's own connection (None when not connected)."""
        import psycopg

        database = db.database.obj
        if database is None or database.is_closed():
            return None
        try:
            return database.connection().info.backend_pid
        except (peewee.PeeweeException, psycopg.Error):  # broken: nothing of ours to skip
            return None

    def check(self) -> None:
        """Prove the listener still reaches the server (a network that drops silently
        sends nothing); raises :class:`FeedLost` when it does not."""
        if self.is_sqlite:
            self._data_version()
            return
        import psycopg

        if self._listener is None:
            raise FeedLost(self.url.display)
        try:
            self._listener.execute("SELECT 1")
        except psycopg.Error as exc:
            self.close()
            raise FeedLost(self.url.display, str(exc).splitlines()[0] if str(exc) else "") from exc

    def _data_version(self) -> int:
        try:
            return int(db.database.execute_sql("PRAGMA data_version").fetchone()[0])
        except peewee.DatabaseError as exc:
            raise FeedLost(self.url.display, str(exc)) from exc


__all__ = ["CHANNEL", "EVERYTHING", "ChangeFeed", "FeedLost"]
