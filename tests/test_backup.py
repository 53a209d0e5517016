"""Backups of this PC's database: a whole copy made while it is open, the newest 14 kept,
one a day at the first start; a restore that checks the copy first, keeps the database it
replaces, and refuses a damaged, foreign or newer file without touching anything."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from contextlib import closing

import pytest
from test_cli import run_cli, stored

from wealthdesk import db
from wealthdesk.db.connection import sqlite_url
from wealthdesk.domain.client import ClientDraft
from wealthdesk.services import backup, clients


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_backup_is_a_whole_checked_copy_of_the_open_database(store, clock, tmp_path):
    clients.create_client(ClientDraft(name="张伟", mobile="13812345678"), "t")
    made = backup.backup_now(tmp_path / "backups")
    assert made.name == "wealthdesk-20261127-100000.sqlite3"
    info = backup.check_backup(made)
    assert (info.clients, info.schema) == (1, db.migrations.LATEST_VERSION)
    assert not list((tmp_path / "backups").glob("*.part"))


def test_the_newest_fourteen_are_kept(store, clock, tmp_path):
    folder = tmp_path / "backups"
    for n in range(16):
        clock.set(dt.datetime(2026, 11, 1, 9, 0) + dt.timedelta(days=n))
        backup.backup_now(folder)
    kept = backup.backups(folder)
    assert len(kept) == 14
    assert kept[0].name == "wealthdesk-20261116-090000.sqlite3"  # the newest first
    assert kept[-1].name == "wealthdesk-20261103-090000.sqlite3"


def test_the_daily_backup_is_made_once_a_day(store, clock, tmp_path):
    folder = tmp_path / "backups"
    assert backup.daily_backup(folder) is not None
    clock.set(clock.now + dt.timedelta(hours=3))
    assert backup.daily_backup(folder) is None
    clock.set(clock.now + dt.timedelta(days=1))
    assert backup.daily_backup(folder) is not None
    assert len(backup.backups(folder)) == 2


def test_a_restore_replaces_the_database_and_keeps_the_old_one(store, clock, tmp_path):
    clients.create_client(ClientDraft(name="张伟", mobile="13812345678"), "t")
    copy = backup.backup_now(tmp_path / "backups")
    clients.create_client(ClientDraft(name="李娜", mobile="13900001111"), "t")
    db.close()
    kept = backup.restore(copy, store, tmp_path / "backups")
    assert [n for (n,) in stored(store, "SELECT name FROM client")] == ["张伟"]
    assert sorted(n for (n,) in stored(kept, "SELECT name FROM client")) == ["张伟", "李娜"]
    assert kept.name.startswith("wealthdesk-before-restore-")
    assert kept not in backup.backups(tmp_path / "backups")  # never pruned as a daily one


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"name,mobile\n", "not a WealthDesk database"),
        (None, "newer WealthDesk"),
        (None, "no file"),
    ],
    ids=["not-a-database", "newer", "missing"],
)
def test_a_file_that_cannot_be_restored_is_refused_and_nothing_changes(
    store, tmp_path, content, says
):
    source = tmp_path / "other.sqlite3"
    if content is not None:
        source.write_bytes(content)
    elif says == "newer WealthDesk":
        other = sqlite3.connect(source)
        other.execute("CREATE TABLE schema_version (version INTEGER)")
        other.execute("CREATE TABLE client (id INTEGER)")
        other.execute("INSERT INTO schema_version VALUES (99)")
        other.commit()
        other.close()
    db.close()
    before = digest(store)
    with pytest.raises(backup.BackupRefused, match=says):
        backup.restore(source, store, tmp_path / "backups")
    assert digest(store) == before
    assert not (tmp_path / "backups").exists()


def test_the_cli_backs_up_and_restores(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    database = tmp_path / "desk.sqlite3"
    url = sqlite_url(database)
    assert run_cli(home, "demo", "--clients", "5", "--days", "0", "--db", url).returncode == 0
    done = run_cli(home, "backup", "--out", str(tmp_path / "copies"), "--db", url, "--lang", "en")
    assert done.returncode == 0, done.stderr
    (copy,) = (tmp_path / "copies").glob("wealthdesk-*.sqlite3")
    assert done.stdout.strip() == f"backup written: {copy}"
    with closing(sqlite3.connect(database)) as connection, connection:
        connection.execute("DELETE FROM client_search_key")
        connection.execute("DELETE FROM client")
    # (closed: a restore refuses while any other connection holds the file)
    done = run_cli(home, "restore", str(copy), "--db", url, "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert len(stored(database, "SELECT id FROM client")) == 5
    refused = run_cli(home, "restore", str(tmp_path / "nothing"), "--db", url, "--lang", "en")
    assert refused.returncode == 1
    assert len(refused.stderr.strip().splitlines()) == 1 and "no file" in refused.stderr


def test_the_audit_log_is_exported_for_an_inspection_and_the_export_recorded(tmp_path):
    import csv

    home = tmp_path / "home"
    home.mkdir()
    database = tmp_path / "desk.sqlite3"
    url = sqlite_url(database)
    assert run_cli(home, "demo", "--clients", "3", "--days", "0", "--db", url).returncode == 0
    target = tmp_path / "audit.csv"
    done = run_cli(home, "audit-export", "--out", str(target), "--db", url, "--lang", "en")
    assert done.returncode == 0, done.stderr
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel reads the Chinese
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    logged = stored(database, "SELECT id FROM audit_entry WHERE action != 'audit_exported'")
    assert len(rows) == len(logged) > 0
    assert done.stdout.strip() == f"audit entries exported: {len(rows)}"
    assert {"id", "at", "actor", "action", "action_label", "client_id", "detail"} == set(rows[0])
    assert stored(database, "SELECT count(*) FROM audit_entry WHERE action = 'audit_exported'") == [
        (1,)
    ]
    for arguments in (
        ["--from", "2026-12-01", "--to", "2026-11-01"],
        ["--from", "2026-13-01"],
    ):
        refused = run_cli(
            home, "audit-export", *arguments, "--out", str(tmp_path / "x.csv"), "--db", url
        )
        assert refused.returncode == 2 and len(refused.stderr.strip().splitlines()) == 1
        assert not (tmp_path / "x.csv").exists()
    missing = run_cli(
        home, "audit-export", "--out", str(tmp_path / "no" / "a.csv"), "--db", url, "--lang", "en"
    )
    assert missing.returncode == 2 and not (tmp_path / "no").exists()


def test_two_databases_sharing_the_backups_folder_are_each_backed_up_once_a_day(
    store, clock, tmp_path
):
    from wealthdesk import db
    from wealthdesk.db.connection import sqlite_url

    folder = tmp_path / "shared-backups"
    first = backup.daily_backup(folder)
    assert first is not None
    db.close()
    other = tmp_path / "second-branch.sqlite3"
    db.connect(sqlite_url(other), tmp_path / "other-upgrades")
    clock.set(clock.now + dt.timedelta(seconds=5))
    try:
        second = backup.daily_backup(folder)
        assert second is not None and second != first  # not skipped for the first's
        clock.set(clock.now + dt.timedelta(hours=1))
        assert backup.daily_backup(folder) is None  # and once a day each
    finally:
        db.close()
    db.connect(sqlite_url(store), tmp_path / "backups")
    assert backup.daily_backup(folder) is None
