"""The change feed: another connection's committed writes are seen (PostgreSQL names the
tables, SQLite says "something"), nothing is reported while nothing changes, and a
server that goes away is reported as lost, not as silence."""

from __future__ import annotations

import select
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from wealthdesk.db.connection import parse_url
from wealthdesk.services.changes import EVERYTHING, ChangeFeed


def other_process_writes(url: str) -> None:
    """A desk in another process changes its state (its own connection, committed)."""
    code = textwrap.dedent(
        f"""
        from wealthdesk import db
        from wealthdesk.domain.desk import DeskState
        from wealthdesk.services import desk
        db.connect({url!r})
        desk.set_status("2", DeskState.CLOSED, actor="desk2")
        """
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def wait_readable(feed: ChangeFeed, seconds: float = 5.0) -> None:
    if feed.fileno() is not None:
        select.select([feed.fileno()], [], [], seconds)


def test_nothing_changed_is_reported_as_nothing(backend_store):
    feed = ChangeFeed()
    feed.open()
    try:
        assert feed.poll() == frozenset()
        assert feed.poll() == frozenset()
    finally:
        feed.close()


def test_another_process_s_commit_is_seen(backend_store):
    feed = ChangeFeed()
    feed.open()
    try:
        other_process_writes(backend_store)
        wait_readable(feed)
        changed = feed.poll()
        if feed.is_sqlite:
            assert changed == EVERYTHING  # SQLite cannot say which table
        else:
            assert changed == {"desk_status"}
        assert feed.poll() == frozenset()  # told once
    finally:
        feed.close()


def test_on_sqlite_a_raw_connection_s_commit_moves_the_data_version(store):
    feed = ChangeFeed()
    feed.open()
    other = sqlite3.connect(parse_url(f"sqlite:///{store}").path)
    other.execute("INSERT INTO setting (key, value) VALUES ('x', '1')")
    other.commit()
    other.close()
    assert feed.poll() == EVERYTHING


@pytest.mark.postgres
def test_a_server_that_drops_the_listener_is_reported_lost(postgres_server):
    from wealthdesk import db
    from wealthdesk.services.changes import FeedLost

    db.connect(postgres_server.fresh_database_url())
    feed = ChangeFeed()
    feed.open()
    try:
        postgres_server.scratch.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE query LIKE 'LISTEN%' AND pid <> pg_backend_pid()"
        )
        # The server's reason comes first, then the end of the connection: each wakes
        # the app (its socket notifier) and the poll that reads the end reports it.
        with pytest.raises(FeedLost):
            for _ in range(20):
                wait_readable(feed, 0.5)
                feed.poll()
        assert not feed.is_open
        feed.open()  # the server is still there: listening again works
        assert feed.poll() == frozenset()
    finally:
        feed.close()
        db.close()
