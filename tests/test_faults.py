"""Real faults in clear words: a full disk (a 64 KB tmpfs, mounted for the test) named as
a full disk by the backup, the database, the exports and the pre-upgrade backup (which
names its folder); an import that waits for the desks checking in instead of failing;
a PostgreSQL server that went away is "cannot be reached", not "refused the work"."""

from __future__ import annotations

import logging
import subprocess
import threading
from pathlib import Path

import peewee
import pytest
from test_cli import run_cli, stored

from wealthdesk import db
from wealthdesk.db.connection import (
    BackupFailed,
    ServerLost,
    ServerRefused,
    ServerUnreachable,
    sqlite_url,
    storage_error,
)
from wealthdesk.services.demo import create_demo_clients


def mount_small_disk(folder: Path, size: str):
    """A filesystem of *size* of its own at *folder* (tmpfs; needs root), or a skip."""
    folder.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.strip() or 'not root'}")
    return folder


@pytest.fixture
def small_disk(tmp_path):
    """A 64 KB disk, unmounted after the test."""
    folder = mount_small_disk(tmp_path / "small-disk", "64k")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@pytest.fixture
def roomy_disk(tmp_path):
    """A 2 MB disk: room for an empty database, then filled by the test."""
    folder = mount_small_disk(tmp_path / "roomy-disk", "2m")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path) -> None:
    """Take every free byte of *folder*'s filesystem."""
    try:
        with (folder / "filler").open("wb") as file:
            while True:
                file.write(b"\0" * 4096)
                file.flush()
    except OSError:
        pass


@pytest.fixture
def home(tmp_path):
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


def cli(home, database, *args):
    return run_cli(home, *args, "--db", sqlite_url(database), "--lang", "en")


@pytest.fixture
def book(tmp_path, clock) -> Path:
    path = tmp_path / "branch.sqlite3"
    db.connect(sqlite_url(path), tmp_path / "backups")
    try:
        create_demo_clients(300, 1, "setup")
    finally:
        db.close()
    return path


def names(count: int, salt: int = 0) -> list[str]:
    """*count* Chinese names (names take no digits)."""
    surnames, given = "王李张刘陈杨黄赵吴周", "伟芳娜敏静丽强磊军洋"
    return [
        surnames[(i + salt) % 10] + given[i // 10 % 10] + given[i // 100 % 10] for i in range(count)
    ]


def one_line(done) -> str:
    assert "Traceback" not in done.stderr
    (line,) = done.stderr.splitlines()
    return line


def test_a_backup_onto_a_full_disk_says_the_disk_is_full_and_leaves_no_part(home, book, small_disk):
    done = cli(home, book, "backup", "--out", str(small_disk))
    assert done.returncode == 2
    line = one_line(done)
    assert f"The disk that holds {small_disk} is full" in line
    assert list(small_disk.iterdir()) == []


def test_a_database_on_a_full_disk_says_so_and_keeps_nothing_half_written(
    home, roomy_disk, tmp_path, clock
):
    small_disk = roomy_disk
    database = small_disk / "desk.sqlite3"
    db.connect(sqlite_url(database))
    db.close()
    fill(small_disk)
    rows = "\n".join(f"{name},1380000{i:04d}" for i, name in enumerate(names(2000)))
    csv = tmp_path / "clients.csv"
    csv.write_text("姓名,手机\n" + rows + "\n", encoding="utf-8")
    done = cli(home, database, "import-clients", str(csv))
    assert done.returncode == 2
    line = one_line(done)
    assert "is full" in line and "permission" not in line
    (small_disk / "filler").unlink()
    assert stored(database, "SELECT count(*) FROM client") == [(0,)]


def test_an_export_onto_a_full_disk_writes_no_file_and_no_entry(home, book, small_disk):
    fill(small_disk)
    out = small_disk / "audit.csv"
    done = cli(home, book, "audit-export", "--out", str(out))
    assert done.returncode == 2
    assert "the disk is full" in one_line(done)
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]
    assert stored(book, "SELECT count(*) FROM audit_entry WHERE action = 'audit_exported'") == [
        (0,)
    ]


def test_a_failed_pre_upgrade_backup_names_the_backups_folder(small_disk, tmp_path, clock):
    from test_storage import make_v1_database

    url = sqlite_url(tmp_path / "old.sqlite3")
    make_v1_database(url)
    fill(small_disk)
    with pytest.raises(BackupFailed) as refused:
        db.connect(url, small_disk)
    message = refused.value.render()
    assert str(small_disk) in message and "the disk is full" in message


# ---------------------------------------------------------------- an import among desks


def test_an_import_waits_for_a_desk_holding_the_database_and_finishes(
    tmp_path, monkeypatch, clock, caplog
):
    import sqlite3

    from wealthdesk.db import connection
    from wealthdesk.services.client_import import import_clients

    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 200)
    path = tmp_path / "branch.sqlite3"
    db.connect(sqlite_url(path))
    csv = tmp_path / "clients.csv"
    csv.write_text(
        "姓名,手机\n" + "\n".join(f"{m},1390000{i:04d}" for i, m in enumerate(names(300))) + "\n",
        encoding="utf-8",
    )
    desk = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    desk.execute("BEGIN IMMEDIATE")  # a desk in the middle of a check-in
    waited = threading.Event()

    class Waited(logging.Handler):
        def emit(self, record):
            if "waited for the database" in record.getMessage():
                waited.set()

    handler = Waited()
    logging.getLogger("wealthdesk.services.client_import").addHandler(handler)
    caplog.set_level(logging.INFO, "wealthdesk.services.client_import")

    def desk_finishes() -> None:
        waited.wait(timeout=30)
        desk.execute("ROLLBACK")

    finisher = threading.Thread(target=desk_finishes)
    finisher.start()
    try:
        report = import_clients(csv, "t")
    finally:
        finisher.join()
        desk.close()
        logging.getLogger("wealthdesk.services.client_import").removeHandler(handler)
        db.close()
    assert waited.is_set(), "the import never had to wait"
    assert report.imported == 300 and report.rejected == []


def test_three_imports_at_once_all_finish(tmp_path, clock):
    from wealthdesk.services.client_import import import_clients

    path = tmp_path / "branch.sqlite3"
    db.connect(sqlite_url(path))
    files = []
    for n in range(3):
        csv = tmp_path / f"clients{n}.csv"
        body = "\n".join(f"{m},13{n}0000{i:04d}" for i, m in enumerate(names(1500, n)))
        csv.write_text("姓名,手机\n" + body + "\n", encoding="utf-8")
        files.append(csv)
    reports, errors = [], []

    def run(csv: Path) -> None:
        try:
            reports.append(import_clients(csv, "t"))
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            db.database.obj.close()

    threads = [threading.Thread(target=run, args=(f,)) for f in files]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    try:
        assert errors == []
        assert sorted(r.imported for r in reports) == [1500, 1500, 1500]
    finally:
        db.close()


# ---------------------------------------------------------------- a server gone away


def test_a_server_that_cannot_be_reached_is_named_so_not_refusing(tmp_path):
    import socket

    pytest.importorskip("psycopg")
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = peewee.PostgresqlDatabase("wealthdesk", host="127.0.0.1", port=port, user="x")
    with pytest.raises(peewee.DatabaseError) as failed:
        server.connect()
    error = storage_error(failed.value, f"postgresql://127.0.0.1:{port}/wealthdesk", False)
    assert isinstance(error, (ServerUnreachable, ServerLost))
    assert "cannot be reached" in error.render() and "access" not in error.render()


@pytest.mark.postgres
def test_a_server_stopped_mid_work_is_reported_as_unreachable(postgres_server, clock):
    import psycopg

    from wealthdesk.domain.client import ClientDraft
    from wealthdesk.services import clients
    from wealthdesk.services.storage import storage_errors

    db.connect(postgres_server.fresh_database_url())
    try:
        clients.create_client(ClientDraft(name="张伟"), "desk1")
        admin = postgres_server.scratch
        admin.execute(  # what a server shutting down does to every session
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        with pytest.raises(ServerLost) as lost, storage_errors():
            clients.create_client(ClientDraft(name="李娜"), "desk1")
        assert "cannot be reached" in lost.value.render()
        # A refusal proper (a constraint, a right) still reads as one.
        with pytest.raises(ServerRefused), storage_errors():
            db.database.obj.execute_sql("SELECT * FROM no_such_table")
    finally:
        db.close()
    assert psycopg  # the driver the fault came through
