"""A damaged database is never used or backed up, and another program's SQLite file is
never touched: each command refuses in one line (exit 2) and the file keeps every byte;
a backup of a database damaged while open is refused and every backup already made is
kept; a copy that does not read back whole is not kept."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from test_cli import run_cli

from wealthdesk import db
from wealthdesk.db.connection import sqlite_url
from wealthdesk.services import backup
from wealthdesk.services.demo import create_demo_clients

PAGE = 4096


@pytest.fixture
def home(tmp_path):
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


def cli(home, database, *args):
    return run_cli(home, *args, "--db", sqlite_url(database), "--lang", "en")


def fingerprint(path: Path) -> tuple[str, list[str]]:
    """The file's bytes and the journal files beside it."""
    beside = sorted(p.name for p in path.parent.glob(path.name + "-*"))
    return hashlib.sha256(path.read_bytes()).hexdigest(), beside


def client_pages(path: Path) -> list[int]:
    """The pages of the client table's b-tree (leaf and interior), from SQLite's dbstat."""
    with sqlite3.connect(path) as connection:
        try:
            rows = connection.execute(
                "SELECT pageno FROM dbstat WHERE name = 'client' ORDER BY pageno"
            ).fetchall()
        except sqlite3.OperationalError:
            pytest.skip("this SQLite has no dbstat table")
    return [n for (n,) in rows]


def damage(path: Path) -> None:
    """Overwrite one page of the client table in the middle with another program's bytes,
    as a bad sector or a careless copy would."""
    pages = client_pages(path)
    victim = pages[len(pages) // 2]
    with path.open("r+b") as file:
        file.seek((victim - 1) * PAGE)
        file.write(bytes(range(256)) * (PAGE // 256))
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        try:
            verdict = connection.execute("PRAGMA quick_check").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            verdict = str(exc)
    assert verdict != "ok"


@pytest.fixture
def book(tmp_path, clock) -> Path:
    """A closed, whole database of 400 demo clients, its WAL folded in."""
    path = tmp_path / "branch.sqlite3"
    db.connect(sqlite_url(path), tmp_path / "backups")
    try:
        create_demo_clients(400, 1, "setup")
        db.database.obj.execute_sql("PRAGMA journal_mode=delete")
    finally:
        db.close()
    return path


def test_every_command_refuses_a_damaged_database_and_leaves_it_as_it_was(home, book, tmp_path):
    good = tmp_path / "good-backups"
    good.mkdir()
    db.connect(sqlite_url(book))
    try:
        earlier = [backup.backup_now(good)]
        db.database.obj.execute_sql("PRAGMA journal_mode=delete")  # one file to compare
    finally:
        db.close()
    damage(book)
    before = fingerprint(book)
    csv = tmp_path / "clients.csv"
    csv.write_text("姓名,手机\n张三,13812345678\n", encoding="utf-8")
    runs = {
        "demo": ["demo", "--clients", "5"],
        "import-clients": ["import-clients", str(csv)],
        "day-close": ["day-close", "--out", str(tmp_path / "close.pdf")],
        "backup": ["backup", "--out", str(good)],
        "audit-export": ["audit-export", "--out", str(tmp_path / "audit.csv")],
    }
    for name, args in runs.items():
        done = cli(home, book, *args)
        assert done.returncode == 2, (name, done.stdout, done.stderr)
        (line,) = done.stderr.splitlines()
        assert "is damaged" in line and "restore a backup" in line, (name, line)
        assert "Traceback" not in done.stderr
        assert fingerprint(book) == before, f"{name} changed the damaged file"
    assert sorted(good.glob("*.sqlite3")) == earlier  # no damaged copy, the good one kept
    assert not (tmp_path / "close.pdf").exists() and not (tmp_path / "audit.csv").exists()


def test_a_database_damaged_while_open_is_not_backed_up_and_every_backup_is_kept(
    book, tmp_path, clock
):
    import datetime as dt

    folder = tmp_path / "backups"
    db.connect(sqlite_url(book))
    try:
        made = []
        for day in range(3):  # three days' backups, two kept
            clock.set(dt.datetime(2026, 11, 24 + day, 9, 0))
            made.append(backup.backup_now(folder, keep=2))
        kept = sorted(folder.glob("*.sqlite3"))
        assert kept == sorted(made[1:])
        db.database.obj.close()  # between two actions; the next one reconnects
        damage(book)
        clock.set(dt.datetime(2026, 11, 27, 9, 0))
        with pytest.raises(backup.BackupRefused) as refused:
            backup.backup_now(folder, keep=2)
        with pytest.raises(backup.BackupRefused):
            backup.daily_backup(folder, keep=2)
    finally:
        db.close()
    assert "The database is damaged" in refused.value.render()
    assert str(folder) in refused.value.render()
    assert sorted(folder.glob("*.sqlite3")) == kept  # rotation pushed out no good backup
    for path in kept:
        assert backup.check_backup(path).clients == 400


def test_the_newest_verified_backup_survives_rotation_even_with_a_clock_set_back(
    book, tmp_path, clock
):
    import datetime as dt

    folder = tmp_path / "backups"
    db.connect(sqlite_url(book))
    try:
        clock.set(dt.datetime(2026, 11, 27, 9, 0))
        backup.backup_now(folder, keep=1)
        clock.set(dt.datetime(2026, 1, 1, 9, 0))  # a PC whose clock was reset
        newest = backup.backup_now(folder, keep=1)
    finally:
        db.close()
    assert newest in list(folder.iterdir())


def test_another_programs_sqlite_file_is_never_touched(home, tmp_path, qapp):
    other = tmp_path / "inventory.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE stock (sku TEXT PRIMARY KEY, count INTEGER)")
        connection.execute("INSERT INTO stock VALUES ('A-1', 3)")
    before = fingerprint(other)
    for args in (["demo", "--clients", "3"], ["audit-verify"], ["backup", "--out", str(tmp_path)]):
        done = cli(home, other, *args)
        assert done.returncode == 2, done.stderr
        (line,) = done.stderr.splitlines()
        assert "belongs to another program" in line and "left untouched" in line
        assert fingerprint(other) == before  # no tables added, no WAL switched on
    with sqlite3.connect(other) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        assert [n for (n,) in connection.execute("SELECT name FROM sqlite_master")] == [
            "stock",
            "sqlite_autoindex_stock_1",
        ]


# ---------------------------------------------------------------- restore while in use

HOLDER = """
import sys
sys.path.insert(0, {repo!r})
from pathlib import Path
from wealthdesk import db
from wealthdesk.db import presence
from wealthdesk.db.connection import sqlite_url
path = Path({path!r})
db.connect(sqlite_url(path))
db.database.obj.execute_sql("SELECT count(*) FROM client").fetchone()
if {announce!r}:
    presence.announce(path, "lobby", "lobby")
print("ready", flush=True)
sys.stdin.readline()
db.close()
"""


def hold(path: Path, announce: bool):
    """A second process with the database open (a lobby window, or another program)."""
    import subprocess
    import sys

    repo = str(Path(__file__).resolve().parent.parent)
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER.format(repo=repo, path=str(path), announce=announce)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout.readline().strip() == "ready"
    return process


def release(process) -> None:
    process.stdin.write("\n")
    process.stdin.flush()
    process.wait(timeout=30)


@pytest.mark.parametrize("announce", [True, False], ids=["a lobby window", "another program"])
def test_a_restore_is_refused_while_another_process_holds_the_database(
    home, book, tmp_path, announce
):
    db.connect(sqlite_url(book))
    try:
        made = backup.backup_now(tmp_path / "copies")
    finally:
        db.close()
    holder = hold(book, announce)
    try:
        before = fingerprint(book)[0]
        done = cli(home, book, "restore", str(made))
        assert done.returncode == 1, done.stderr
        (line,) = done.stderr.splitlines()
        if announce:
            assert "open in another WealthDesk window (the lobby's check-in screen, pid" in line
            assert f"pid {holder.pid}" in line
        else:
            assert "is open in another program" in line
        assert "nothing was changed" in line
        assert fingerprint(book)[0] == before
    finally:
        release(holder)
    done = cli(home, book, "restore", str(made))  # once it let go, the restore goes ahead
    assert done.returncode == 0, done.stderr
    assert not list(book.parent.glob("*.in-use/*.json"))  # the lobby's note went with it
