"""Client data readable by this account only (Linux and macOS): the database, its WAL
and SHM, the backups and the log are 0600 in 0700 folders, whether the run created them
or an earlier release left them readable by every account."""

from __future__ import annotations

import os
import sqlite3
import stat
import sys
from pathlib import Path

import pytest
from test_cli import run_cli

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Windows keeps AppData's ACL")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def modes(home: Path) -> dict[str, int]:
    """Every file and folder under *home*'s WealthDesk folders, by name, with its mode."""
    found = {}
    for path in home.rglob("*"):
        if "WealthDesk" in path.parts and "QtProject" not in path.parts:
            found[str(path.relative_to(home))] = mode(path)
    return found


def test_a_first_run_creates_everything_for_this_account_only(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    assert run_cli(home, "demo", "--clients", "3", "--days", "0").returncode == 0
    assert run_cli(home, "backup").returncode == 0
    found = modes(home)
    names = {Path(p).name for p in found}
    assert {"wealthdesk.sqlite3", "backups", "logs", "wealthdesk.log"} <= names
    assert any(n.startswith("wealthdesk-") and n.endswith(".sqlite3") for n in names)
    (database,) = home.rglob("wealthdesk.sqlite3")
    folders = {database.parent, database.parent / "backups", next(home.rglob("logs"))}
    for path, bits in found.items():
        if (home / path).is_dir():
            if home / path in folders:
                assert bits == 0o700, f"{path} is {oct(bits)}"
        else:
            assert bits == 0o600, f"{path} is {oct(bits)}"


def test_files_an_earlier_release_left_readable_are_narrowed_and_the_wal_follows(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    assert run_cli(home, "demo", "--clients", "3", "--days", "0").returncode == 0
    (database,) = home.rglob("wealthdesk.sqlite3")
    logs = next(home.rglob("wealthdesk.log")).parent
    for path in (database, database.parent, logs, logs / "wealthdesk.log"):
        path.chmod(0o755 if path.is_dir() else 0o644)  # as an earlier release left them
    assert run_cli(home, "audit-verify").returncode == 0
    assert mode(database) == 0o600 and mode(database.parent) == 0o700
    assert mode(logs) == 0o700 and mode(logs / "wealthdesk.log") == 0o600
    # SQLite gives the WAL and SHM files the database's own mode.
    old = os.umask(0o022)
    try:
        connection = sqlite3.connect(database)
        connection.execute("PRAGMA journal_mode=wal")
        connection.execute("CREATE TABLE IF NOT EXISTS scratch (x)")
        connection.commit()
        for suffix in ("-wal", "-shm"):
            assert mode(database.with_name(database.name + suffix)) == 0o600
        connection.close()
    finally:
        os.umask(old)
