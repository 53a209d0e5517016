"""Opening, migrating and refusing databases (db/), on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import peewee
import pytest

from wealthdesk import db
from wealthdesk.db import migrations
from wealthdesk.db.connection import (
    BUSY_TIMEOUT_MS,
    BackupFailed,
    BadDatabaseUrl,
    DatabaseLocked,
    DatabaseNewer,
    DatabaseUnreadable,
    NotADatabase,
    ServerRefused,
    ServerUnreachable,
    StorageError,
    open_database,
    parse_url,
    sqlite_url,
)
from wealthdesk.db.models import AuditEntry
from wealthdesk.domain.audit import AuditAction
from wealthdesk.domain.client import ClientDraft
from wealthdesk.services import audit, clients


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def versions(database: peewee.Database) -> list[tuple[int, str]]:
    cursor = database.execute_sql("SELECT version, description FROM schema_version ORDER BY 1")
    return [(int(v), d) for v, d in cursor.fetchall()]


CURRENT = migrations.LATEST_VERSION
NEXT = CURRENT + 1
# The versions released so far (numbers may be skipped: each was given out in advance).
RELEASED = [m.version for m in migrations.MIGRATIONS]


@pytest.fixture
def upgrade_to_next(monkeypatch):
    """Call to become a release with one more migration, as a later issue will add;
    returns the list the new migration appends to when it runs."""
    applied: list[int] = []

    def add_branch_table(database):
        database.execute_sql("CREATE TABLE branch_note (id INTEGER PRIMARY KEY, text TEXT)")
        applied.append(NEXT)

    def install() -> list[int]:
        step = migrations.Migration(NEXT, "branch notes", add_branch_table)
        monkeypatch.setattr(migrations, "MIGRATIONS", (*migrations.MIGRATIONS, step))
        monkeypatch.setattr(migrations, "LATEST_VERSION", NEXT)
        return applied

    return install


def make_current_database(path: Path, client_name: str = "张伟") -> None:
    """A database as this release leaves it, holding one client."""
    db.connect(sqlite_url(path))
    try:
        clients.create_client(ClientDraft(name=client_name, mobile="13812345678"), "setup")
    finally:
        db.close()


# ---------------------------------------------------------------- both backends


def test_a_new_database_gets_the_whole_schema_and_its_version(backend_store):
    database = db.database.obj
    assert versions(database) == [(m.version, m.description) for m in migrations.MIGRATIONS]
    assert {"client", "client_search_key", "audit_entry", "setting"} <= set(database.get_tables())


def test_reopening_an_up_to_date_database_applies_nothing(backend_store, tmp_path):
    before = versions(db.database.obj)
    assert migrations.migrate(db.database.obj, "test") == []
    db.close()
    db.connect(backend_store, tmp_path / "backups")
    assert versions(db.database.obj) == before
    assert not (tmp_path / "backups").exists()


def test_a_newer_database_is_refused_and_left_as_it_was(backend_url, tmp_path):
    raw, _ = open_database(backend_url)
    with raw.atomic():
        raw.execute_sql(
            "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, "
            "applied_at TIMESTAMP NOT NULL, description TEXT NOT NULL)"
        )
        raw.execute_sql(
            "INSERT INTO schema_version VALUES (99, '2030-01-01 00:00:00', 'from the future')"
        )
    raw.close()

    with pytest.raises(DatabaseNewer) as refused:
        db.connect(backend_url, tmp_path / "backups")
    assert "newer WealthDesk (schema 99)" in str(refused.value)

    raw, _ = open_database(backend_url)
    try:
        assert raw.get_tables() == ["schema_version"]
        assert versions(raw) == [(99, "from the future")]
    finally:
        raw.close()


def test_the_audit_log_refuses_updates_and_deletes(backend_store, clock):
    record = clients.create_client(ClientDraft(name="张伟"), "desk1")
    (before,) = audit.entries()

    with pytest.raises(peewee.DatabaseError, match="append-only"):
        AuditEntry.update(actor="someone else").execute()
    with pytest.raises(peewee.DatabaseError, match="append-only"):
        AuditEntry.delete().where(AuditEntry.client_id == record.id).execute()
    with pytest.raises(peewee.DatabaseError, match="append-only"):
        db.database.obj.execute_sql("DELETE FROM audit_entry")

    assert audit.entries() == [before]
    assert before.action is AuditAction.CLIENT_CREATED and before.actor == "desk1"


@pytest.mark.postgres
def test_the_audit_log_cannot_be_truncated_on_postgresql(postgres_server, clock):
    db.connect(postgres_server.fresh_database_url())
    try:
        clients.create_client(ClientDraft(name="张伟"), "desk1")
        with pytest.raises(peewee.DatabaseError, match="append-only"):
            db.database.obj.execute_sql("TRUNCATE audit_entry")
        assert len(audit.entries()) == 1
    finally:
        db.close()


# ---------------------------------------------------------------- SQLite


def test_sqlite_runs_in_wal_mode_with_foreign_keys_and_a_busy_timeout(store):
    database = db.database.obj

    def pragma(name):
        return database.execute_sql(f"PRAGMA {name}").fetchone()[0]

    assert pragma("journal_mode") == "wal"
    assert pragma("foreign_keys") == 1
    assert pragma("busy_timeout") == BUSY_TIMEOUT_MS >= 1000


def test_foreign_keys_are_enforced(store):
    with pytest.raises(peewee.IntegrityError):
        db.database.obj.execute_sql(
            "INSERT INTO client_search_key (key, client_id) VALUES ('nx', 12345)"
        )


@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_a_newer_sqlite_file_is_not_changed_by_a_single_byte(tmp_path, journal):
    path = tmp_path / "newer.sqlite3"
    other = sqlite3.connect(path)
    other.execute(f"PRAGMA journal_mode={journal}")
    other.execute(
        "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, "
        "applied_at TIMESTAMP NOT NULL, description TEXT NOT NULL)"
    )
    other.execute("INSERT INTO schema_version VALUES (99, '2030-01-01', 'later release')")
    other.commit()
    other.close()
    before = digest(path)

    with pytest.raises(DatabaseNewer):
        db.connect(sqlite_url(path), tmp_path / "backups")

    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["newer.sqlite3"]


@pytest.mark.parametrize(
    "content",
    [
        b"name,mobile\n\xe5\xbc\xa0\xe4\xbc\x9f,13812345678\n",
        b"SQLite format 3\x00" + b"\x07" * 600,
    ],
    ids=["csv-file", "damaged-sqlite"],
)
def test_a_file_that_is_not_a_database_is_refused_and_left_untouched(tmp_path, content):
    path = tmp_path / "wealthdesk.sqlite3"
    path.write_bytes(content)

    with pytest.raises(NotADatabase) as refused:
        db.connect(sqlite_url(path), tmp_path / "backups")

    assert "left untouched" in str(refused.value)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["wealthdesk.sqlite3"]


def as_ordinary_user(code: str) -> subprocess.CompletedProcess:
    """Run *code* in a Python process that file permissions apply to.

    Root ignores a file's mode, so under root the process keeps uid 0 but loses the
    capabilities that bypass permission checks (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH).
    """
    command = [sys.executable, "-c", code]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: chmod cannot make a file unreadable")
        drop = "-dac_override,-dac_read_search"
        command = [setpriv, f"--inh-caps={drop}", f"--bounding-set={drop}", *command]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    return subprocess.run(command, capture_output=True, text=True, timeout=60, env=env)


def test_a_file_without_permission_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "wealthdesk.sqlite3"
    make_current_database(path)
    before = digest(path)
    path.chmod(0)
    try:
        done = as_ordinary_user(
            "from wealthdesk import db\n"
            "from wealthdesk.db.connection import StorageError\n"
            "try:\n"
            f"    db.connect({sqlite_url(path)!r})\n"
            "except StorageError as exc:\n"
            "    print(type(exc).__name__, exc)\n"
        )
    finally:
        path.chmod(0o600)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("DatabaseUnreadable ")
    assert "permission denied" in done.stdout
    assert digest(path) == before


def test_a_folder_where_the_database_should_be_is_refused(tmp_path):
    folder = tmp_path / "wealthdesk.sqlite3"
    folder.mkdir()
    with pytest.raises(DatabaseUnreadable, match="it is a folder"):
        db.connect(sqlite_url(folder))
    assert list(folder.iterdir()) == []


def test_a_database_under_a_path_that_cannot_be_a_folder_is_refused(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file, where the database's folder should be")
    with pytest.raises(DatabaseUnreadable) as refused:
        db.connect(sqlite_url(blocker / "wealthdesk.sqlite3"))
    assert "a file is where a folder should be" in str(refused.value)
    assert "File exists" not in str(refused.value)
    assert blocker.read_text() == "a file, where the database's folder should be"


@pytest.fixture
def short_busy_timeout(monkeypatch):
    """Wait 0.2 s instead of 5 s for a lock: the same refusal, sooner."""
    from wealthdesk.db import connection

    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 200)


def test_a_database_locked_by_another_program_is_refused_while_it_needs_migrating(
    tmp_path, upgrade_to_next, short_busy_timeout
):
    path = tmp_path / "wealthdesk.sqlite3"
    make_current_database(path)
    applied = upgrade_to_next()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseLocked) as refused:
            db.connect(sqlite_url(path), tmp_path / "backups")
        assert "locked by another program" in str(refused.value)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert applied == []

    db.connect(sqlite_url(path), tmp_path / "backups")  # the other program has let go
    try:
        assert [v for v, _ in versions(db.database.obj)] == [*RELEASED, NEXT]
        assert clients.count_clients() == 1
    finally:
        db.close()


def test_a_database_with_data_is_backed_up_before_a_migration(tmp_path, upgrade_to_next):
    path = tmp_path / "wealthdesk.sqlite3"
    make_current_database(path, "欧阳娜娜")
    upgrade_to_next()

    db.connect(sqlite_url(path), tmp_path / "backups")
    try:
        assert [v for v, _ in versions(db.database.obj)] == [*RELEASED, NEXT]
        assert "branch_note" in db.database.obj.get_tables()
    finally:
        db.close()

    (copy,) = (tmp_path / "backups").iterdir()
    assert copy.name.startswith(f"wealthdesk-before-v{NEXT}-") and copy.suffix == ".sqlite3"
    backup = sqlite3.connect(copy)
    try:
        assert backup.execute("SELECT MAX(version) FROM schema_version").fetchone() == (CURRENT,)
        assert backup.execute("SELECT name FROM client").fetchall() == [("欧阳娜娜",)]
    finally:
        backup.close()


def test_a_new_empty_database_needs_no_backup(tmp_path):
    db.connect(sqlite_url(tmp_path / "wealthdesk.sqlite3"), tmp_path / "backups")
    db.close()
    assert not (tmp_path / "backups").exists()


def test_no_migration_runs_when_the_backup_cannot_be_written(tmp_path, upgrade_to_next):
    path = tmp_path / "wealthdesk.sqlite3"
    make_current_database(path)
    applied = upgrade_to_next()
    blocker = tmp_path / "backups"
    blocker.write_text("a file where the backup folder should be")

    with pytest.raises(BackupFailed) as refused:
        db.connect(sqlite_url(path), blocker / "inner")
    assert "left untouched" in str(refused.value)
    assert applied == []
    check = sqlite3.connect(path)
    try:
        assert check.execute("SELECT MAX(version) FROM schema_version").fetchone() == (CURRENT,)
    finally:
        check.close()


def test_a_failing_migration_leaves_the_previous_version_and_data(tmp_path, monkeypatch):
    path = tmp_path / "wealthdesk.sqlite3"
    make_current_database(path)

    def half_done(database):
        database.execute_sql("CREATE TABLE half_done (id INTEGER)")
        database.execute_sql("INSERT INTO no_such_table VALUES (1)")

    monkeypatch.setattr(
        migrations,
        "MIGRATIONS",
        (*migrations.MIGRATIONS, migrations.Migration(NEXT, "x", half_done)),
    )
    monkeypatch.setattr(migrations, "LATEST_VERSION", NEXT)

    with pytest.raises(StorageError):
        db.connect(sqlite_url(path), tmp_path / "backups")

    check = sqlite3.connect(path)
    try:
        assert check.execute("SELECT MAX(version) FROM schema_version").fetchone() == (CURRENT,)
        tables = {r[0] for r in check.execute("SELECT name FROM sqlite_master")}
        assert "half_done" not in tables
        assert check.execute("SELECT name FROM client").fetchall() == [("张伟",)]
    finally:
        check.close()


def test_time_stamps_are_stored_in_utc_and_shown_in_local_time(store, clock):
    import datetime as dt

    beijing = dt.timezone(dt.timedelta(hours=8))
    clock.set(dt.datetime(2026, 11, 27, 10, 0, tzinfo=beijing))
    record = clients.create_client(ClientDraft(name="张伟"), "desk1")
    stored = db.database.obj.execute_sql("SELECT created_at FROM client").fetchone()[0]
    assert str(stored).startswith("2026-11-27 02:00:00")
    assert record.created_at == dt.datetime(2026, 11, 27, 10, 0, tzinfo=beijing)
    assert record.created_at.utcoffset() == dt.timedelta(hours=8)


# ---------------------------------------------------------------- addresses


def test_database_addresses_are_parsed_and_never_show_a_password():
    assert parse_url("sqlite:////var/data/wd.sqlite3").path == Path("/var/data/wd.sqlite3")
    assert parse_url("sqlite:///relative.sqlite3").path == Path("/relative.sqlite3")
    assert parse_url("sqlite:///C:/Data/wd.sqlite3").path == Path("C:/Data/wd.sqlite3")
    branch = parse_url("postgresql://desk:s3cret@db.branch.local:5433/wealthdesk?sslmode=require")
    assert branch.backend == "postgresql" and branch.dbname == "wealthdesk"
    assert dict(branch.params) == {
        "host": "db.branch.local",
        "port": 5433,
        "user": "desk",
        "password": "s3cret",
        "sslmode": "require",
    }
    assert "s3cret" not in branch.display
    assert branch.display == "postgresql://desk@db.branch.local:5433/wealthdesk"


@pytest.mark.parametrize("url", ["", "mysql://host/db", "sqlite://", "postgresql://host/", "x"])
def test_a_bad_database_address_is_refused_with_the_forms_to_use(url):
    with pytest.raises(BadDatabaseUrl) as refused:
        db.connect(url)
    assert "sqlite:///" in str(refused.value) and "postgresql://" in str(refused.value)


def test_an_unreachable_server_is_named_in_the_refusal():
    pytest.importorskip("psycopg")
    with pytest.raises(ServerUnreachable) as refused:
        db.connect("postgresql://nobody@127.0.0.1:1/wealthdesk?connect_timeout=2")
    assert "postgresql://nobody@127.0.0.1:1/wealthdesk" in str(refused.value)


@pytest.mark.postgres
def test_a_server_that_refuses_the_schema_is_one_clear_refusal(postgres_server):
    if os.environ.get("WEALTHDESK_TEST_PG_URL"):
        pytest.skip("needs a superuser to make a role; runs on the throwaway cluster")
    import uuid

    url = postgres_server.fresh_database_url()
    role = f"wealthdesk_desk_{uuid.uuid4().hex[:8]}"
    postgres_server.admin.execute(f"CREATE ROLE {role} LOGIN")
    # As PostgreSQL 15 sets up a new database: others may use the schema, not create in it.
    postgres_server.scratch.execute(f"GRANT USAGE ON SCHEMA public TO {role}")
    try:
        with pytest.raises(ServerRefused) as refused:
            db.connect(url.replace("postgresql://postgres@", f"postgresql://{role}@"))
        assert "permission denied for schema public" in str(refused.value)
    finally:
        postgres_server.scratch.execute(f"DROP OWNED BY {role}")
        postgres_server.admin.execute(f"DROP ROLE {role}")


# ---------------------------------------------------------------- migration 2

V1_CLIENTS = [  # name, mobile, ID number
    ("程伟", "13812345678", "11010519491231002X"),
    ("陈伟", "13900001111", None),
    ("欧阳" + "庄" * 38, None, None),  # a v1 order key of 230 letters was cut to 160
]


def make_v1_database(url: str) -> None:
    """A database as the first release left it (only migration 1), holding clients written
    the way that release wrote them: the order key without spaces ("chengwei")."""
    import datetime as dt

    from wealthdesk.domain.pinyin import name_pinyin
    from wealthdesk.domain.search import client_search_keys

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:1])
        patch.setattr(migrations, "LATEST_VERSION", 1)
        db.connect(url)
    try:
        database = db.database.obj
        p = database.param
        when = dt.datetime(2026, 1, 5, 2, 0)
        for name, mobile, id_number in V1_CLIENTS:
            pinyin = name_pinyin(name)
            database.execute_sql(
                "INSERT INTO client (name, pinyin_full, pinyin_initials, mobile, id_number, "
                f"created_at, updated_at) VALUES ({p}, {p}, {p}, {p}, {p}, {p}, {p})",
                (name, pinyin.full[:160], pinyin.initials, mobile, id_number, when, when),
            )
            (client_id,) = database.execute_sql("SELECT MAX(id) FROM client").fetchone()
            for key in client_search_keys(name, pinyin, mobile or "", id_number or ""):
                database.execute_sql(
                    f"INSERT INTO client_search_key (key, client_id) VALUES ({p}, {p})",
                    (key, client_id),
                )
        assert versions(database) == [(1, migrations.MIGRATIONS[0].description)]
    finally:
        db.close()


def test_a_v1_database_upgrades_with_its_clients_intact_and_in_dictionary_order(
    backend_url, tmp_path, clock
):
    make_v1_database(backend_url)

    db.connect(backend_url, tmp_path / "backups")
    try:
        assert [v for v, _ in versions(db.database.obj)] == RELEASED
        book = clients.list_clients()
        assert [c.name for c in book] == ["陈伟", "程伟", V1_CLIENTS[2][0]]
        assert [c.is_demo for c in book] == [False, False, False]
        cheng = clients.get_client(book[1].id)
        assert (cheng.masked_mobile, cheng.masked_id) == ("138****5678", "110105********002X")
        assert cheng.is_demo is False
        assert [c.name for c in clients.search_clients("5678").rows] == ["程伟"]
        stored = db.database.obj.execute_sql(
            "SELECT pinyin_full FROM client ORDER BY id"
        ).fetchall()
        assert [s for (s,) in stored[:2]] == ["cheng wei", "chen wei"]
        assert len(stored[2][0]) == 160 and stored[2][0].startswith("ou yang zhuang zhuang")
        # Changed after the upgrade, the client keeps its place in the order.
        from dataclasses import replace

        clients.update_client(cheng.id, replace(cheng.draft, occupation="教师"), 1, "desk1")
        assert [c.name for c in clients.list_clients()][:2] == ["陈伟", "程伟"]
    finally:
        db.close()

    if backend_url.startswith("sqlite"):
        (copy,) = (tmp_path / "backups").iterdir()
        assert copy.name.startswith(f"wealthdesk-before-v{CURRENT}-")
        backup = sqlite3.connect(copy)
        try:
            assert backup.execute("SELECT MAX(version) FROM schema_version").fetchone() == (1,)
            assert backup.execute("SELECT name FROM client ORDER BY id").fetchall() == [
                (name,) for name, _, _ in V1_CLIENTS
            ]
        finally:
            backup.close()


@pytest.mark.postgres
def test_the_order_key_compares_byte_by_byte_on_postgresql(postgres_server):
    # A language's collation (en_US, zh_CN) skips spaces, which would put 程 before 陈.
    db.connect(postgres_server.fresh_database_url())
    try:
        (collation,) = db.database.obj.execute_sql(
            "SELECT collation_name FROM information_schema.columns "
            "WHERE table_name = 'client' AND column_name = 'pinyin_full'"
        ).fetchone()
        assert collation == "C"
    finally:
        db.close()


# ---------------------------------------------------------------- migration 3


def test_a_v2_database_upgrades_to_the_queue_with_its_clients_intact(backend_url, tmp_path, clock):
    import datetime as dt

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:2])
        patch.setattr(migrations, "LATEST_VERSION", 2)
        db.connect(backend_url)
    try:
        zhang = clients.create_client(
            ClientDraft(name="张伟", mobile="13812345678", id_number="11010519491231002X"), "setup"
        )
        li = clients.create_client(ClientDraft(name="李娜", mobile="13900001111"), "setup")
        assert [v for v, _ in versions(db.database.obj)] == [1, 2]
        assert "visit" not in db.database.obj.get_tables()
    finally:
        db.close()

    db.connect(backend_url, tmp_path / "backups")
    try:
        database = db.database.obj
        assert [v for v, _ in versions(database)] == RELEASED
        assert [c.name for c in clients.list_clients()] == ["李娜", "张伟"]
        again = clients.get_client(zhang.id)
        assert (again.masked_mobile, again.masked_id) == ("138****5678", "110105********002X")
        assert again.row_version == 1 and again.created_at == zhang.created_at
        assert [c.name for c in clients.search_clients("1111").rows] == ["李娜"]
        assert [e.client_id for e in audit.entries()] == [li.id, zhang.id]
        # The new tables work, and a visit outlives its client's removal, anonymous.
        from wealthdesk.db.models import Client, TicketCounter, Visit

        day = dt.date(2026, 11, 27)
        visit = Visit.create(
            service_date=day, kind="W", seq=1, ticket="W001", client=li.id,
            arrived_at=dt.datetime(2026, 11, 27, 2, 0),
        )  # fmt: skip
        TicketCounter.create(service_date=day, kind="W", last=1)
        with pytest.raises(peewee.IntegrityError), database.atomic():
            Visit.create(
                service_date=day, kind="W", seq=1, ticket="W001",
                arrived_at=dt.datetime(2026, 11, 27, 2, 5),
            )  # fmt: skip
        Client.delete().where(Client.id == li.id).execute()
        assert Visit.get_by_id(visit.id).client_id is None
    finally:
        db.close()

    if backend_url.startswith("sqlite"):
        (copy,) = (tmp_path / "backups").iterdir()
        assert copy.name.startswith(f"wealthdesk-before-v{CURRENT}-")
        backup = sqlite3.connect(copy)
        try:
            assert backup.execute("SELECT MAX(version) FROM schema_version").fetchone() == (2,)
            assert backup.execute("SELECT COUNT(*) FROM client").fetchone() == (2,)
        finally:
            backup.close()


# ---------------------------------------------------------------- migration 4


def test_a_v3_database_keeps_its_visits_and_gains_desk_states(backend_url, tmp_path, clock):
    import datetime as dt

    from wealthdesk.domain.desk import DeskState
    from wealthdesk.services import desk as desk_service
    from wealthdesk.services import queue

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:3])
        patch.setattr(migrations, "LATEST_VERSION", 3)
        db.connect(backend_url)
    try:
        li = clients.create_client(ClientDraft(name="李娜", mobile="13900001111"), "setup")
        database = db.database.obj
        # Written as release 3 wrote it: no checklist column yet.
        marks = ", ".join([database.param] * 10)
        database.execute_sql(
            "INSERT INTO visit (service_date, kind, seq, ticket, client_id, state, outcome, "
            f"arrived_at, started_at, finished_at) VALUES ({marks})",
            (
                dt.date(2026, 11, 26), "W", 1, "W001", li.id, "done", "advised",
                dt.datetime(2026, 11, 26, 2, 0), dt.datetime(2026, 11, 26, 2, 10),
                dt.datetime(2026, 11, 26, 2, 40),
            ),
        )  # fmt: skip
        assert "desk_status" not in database.get_tables()
    finally:
        db.close()

    db.connect(backend_url, tmp_path / "backups")
    try:
        (old,) = queue.visits(dt.date(2026, 11, 26))
        assert (old.ticket, old.client_id, old.outcome, old.checklist) == (
            "W001", li.id, "advised", ()
        )  # fmt: skip
        assert old.service_time == dt.timedelta(minutes=30)
        assert desk_service.get_status("1").state is DeskState.AVAILABLE
        desk_service.set_status("1", DeskState.LUNCH, "desk 1", until="14:00")
        assert desk_service.get_status("1").until == dt.time(14, 0)
    finally:
        db.close()


# ---------------------------------------------------------------- migration 5


def test_a_v4_database_keeps_its_clients_and_visits_and_gains_appointments(
    backend_url, tmp_path, clock
):
    import datetime as dt

    from wealthdesk.db.models import Appointment, AppointmentItem, Client, PrepTemplate, Visit
    from wealthdesk.services import appointments, queue

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:4])
        patch.setattr(migrations, "LATEST_VERSION", 4)
        db.connect(backend_url)
    try:
        zhang = clients.create_client(
            ClientDraft(name="张伟", mobile="13812345678", id_number="11010519491231002X"), "setup"
        )
        li = clients.create_client(ClientDraft(name="李娜", mobile="13900001111"), "setup")
        # The visit as the v4 release wrote it (today's services read later columns).
        served = dt.datetime(2026, 11, 27, 1, 0)
        visit = Visit.create(
            service_date=dt.date(2026, 11, 27),
            kind="W",
            seq=1,
            ticket="W001",
            client=li.id,
            desk="1",
            state="done",
            outcome="advised",
            arrived_at=served,
            called_at=served,
            started_at=served,
            finished_at=served + dt.timedelta(minutes=20),
        )
        assert "appointment" not in db.database.obj.get_tables()
    finally:
        db.close()

    db.connect(backend_url, tmp_path / "backups")
    try:
        database = db.database.obj
        assert [v for v, _ in versions(database)] == RELEASED
        assert {"appointment", "appointment_item", "prep_template"} <= set(database.get_tables())
        assert [c.name for c in clients.list_clients()] == ["李娜", "张伟"]
        assert clients.get_client(zhang.id).masked_id == "110105********002X"
        (old,) = queue.visits()
        assert (old.id, old.client_id, old.outcome) == (visit.id, li.id, "advised")
        # The new tables work: a booking with its checklist, a template of the branch's own.
        booked = appointments.create(
            appointments.AppointmentDraft(
                start=dt.datetime(2026, 11, 30, 10, 0), client_id=zhang.id, items=("材料",)
            ),
            "desk1",
        )
        assert [i.label for i in appointments.get(booked.id).items] == ["材料"]
        PrepTemplate.create(purpose="purchase", position=1, label="产品说明书")
        # An appointment outlives its client, nameless; its checklist goes with it.
        Client.delete().where(Client.id == zhang.id).execute()
        assert Appointment.get_by_id(booked.id).client_id is None
        Appointment.delete().where(Appointment.id == booked.id).execute()
        assert AppointmentItem.select().count() == 0
    finally:
        db.close()

    if backend_url.startswith("sqlite"):
        (copy,) = (tmp_path / "backups").iterdir()
        assert copy.name.startswith(f"wealthdesk-before-v{CURRENT}-")
        backup = sqlite3.connect(copy)
        try:
            assert backup.execute("SELECT MAX(version) FROM schema_version").fetchone() == (4,)
            assert backup.execute("SELECT COUNT(*) FROM visit").fetchone() == (1,)
        finally:
            backup.close()


def test_every_model_matches_the_migrated_schema(backend_store):
    """The peewee models and the frozen DDL agree column for column on both backends."""
    from wealthdesk.db.models import ALL_MODELS

    database = db.database.obj
    for model in ALL_MODELS:
        table = model._meta.table_name
        columns = {c.name for c in database.get_columns(table)}
        assert set(model._meta.columns) == columns, table


def test_a_v5_database_keeps_its_data_and_gains_products_risk_sales_and_care(
    backend_url, tmp_path, clock
):
    import datetime as dt

    from wealthdesk.db.models import (
        CareCall,
        CareEvent,
        CareTask,
        ClientConsent,
        ColleagueSupport,
        Holding,
        Product,
        RiskAssessment,
        Sale,
    )

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:5])
        patch.setattr(migrations, "LATEST_VERSION", 5)
        db.connect(backend_url)
    try:
        zhang = clients.create_client(ClientDraft(name="张伟", mobile="13812345678"), "setup")
        assert "product" not in db.database.obj.get_tables()
    finally:
        db.close()

    db.connect(backend_url, tmp_path / "backups")
    try:
        assert [v for v, _ in versions(db.database.obj)] == RELEASED
        now = dt.datetime(2026, 11, 27, 2, 0)
        day = dt.date(2026, 11, 27)
        product = Product.create(
            code="WM001", name="稳盈90天", family="wealth", risk_rating=2, created_at=now,
            updated_at=now,
        )  # fmt: skip
        assert Product.get_by_id(product.id).active is True  # the column's default
        Holding.create(
            client=zhang.id, product=product, amount_fen=5_000_000, start_date=day, created_at=now
        )
        RiskAssessment.create(
            client=zhang.id, assessed_on=day, valid_until=day, score=50, level=3, created_at=now
        )
        Sale.create(
            client=zhang.id, product=product, amount_fen=5_000_000, sale_type="new",
            signed_at=now, created_at=now,
        )  # fmt: skip
        event = CareEvent.create(name="理财沙龙", event_date=day, created_at=now)
        task = CareTask.create(
            client=zhang.id, kind="invite", due_date=day, source="e1", event=event, created_at=now
        )
        CareCall.create(task=task, client=zhang.id, called_at=now, outcome="reached")
        ColleagueSupport.create(
            supported_at=now, colleague="李敏", kind="allocation", duration_minutes=20
        )
        ClientConsent.create(client=zhang.id, purpose="survey", given_at=now)
        # A product held cannot be deleted.
        with pytest.raises(peewee.IntegrityError), db.database.atomic():
            Product.delete().where(Product.id == product.id).execute()
    finally:
        db.close()
