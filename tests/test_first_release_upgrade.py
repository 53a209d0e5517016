"""A database made by the first release (kept as ``fixtures/first-release-v1.sql``)
upgrades to the current schema on SQLite and PostgreSQL with every record intact, and
today's services read it as that release wrote it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import peewee
import pytest

from wealthdesk import db
from wealthdesk.db import migrations
from wealthdesk.domain.audit import AuditAction
from wealthdesk.domain.pinyin import name_pinyin
from wealthdesk.services import audit, clients
from wealthdesk.services import settings as branch_settings

FIXTURE = Path(__file__).parent / "fixtures" / "first-release-v1.sql"
V1_TABLES = ("client", "client_search_key", "audit_entry", "setting")
# Rewritten on purpose by migration 2: the order key, syllable by syllable ("luo min").
DERIVED = {"client": {"pinyin_full"}}


def fixture_file(folder: Path) -> Path:
    """The fixture as the SQLite file the first release left."""
    path = folder / "first-release.sqlite3"
    connection = sqlite3.connect(path)
    connection.executescript(FIXTURE.read_text(encoding="utf-8"))
    connection.close()
    return path


def v1_records(read) -> dict[str, list[dict]]:
    """Every row of the first release's tables, by the columns that release had."""
    records = {}
    for table, columns in V1_COLUMNS.items():
        names = [c for c in columns if c not in DERIVED.get(table, ())]
        rows = read(f"SELECT {', '.join(names)} FROM {table} ORDER BY {columns[0]}, {columns[1]}")
        records[table] = [dict(zip(names, _plain(row), strict=True)) for row in rows]
    return records


def _plain(row) -> tuple:
    # PostgreSQL gives booleans and datetimes; the file gives 0/1 and ISO text.
    out = []
    for value in row:
        if isinstance(value, bool):
            value = int(value)
        elif hasattr(value, "isoformat"):
            value = value.isoformat(sep=" ") if hasattr(value, "hour") else value.isoformat()
        out.append(value)
    return tuple(out)


def _fixture_columns() -> dict[str, list[str]]:
    connection = sqlite3.connect(":memory:")
    try:
        connection.executescript(FIXTURE.read_text(encoding="utf-8"))
        return {
            table: [r[1] for r in connection.execute(f"PRAGMA table_info({table})")]
            for table in V1_TABLES
        }
    finally:
        connection.close()


V1_COLUMNS = _fixture_columns()


@pytest.fixture
def first_release(backend_url, tmp_path):
    """(the first release's records, read from the fixture) with *backend_url* holding
    that database, not yet upgraded."""
    path = fixture_file(tmp_path)
    connection = sqlite3.connect(path)
    before = v1_records(lambda sql: connection.execute(sql).fetchall())
    if backend_url.startswith("postgresql"):
        _copy_into_postgres(connection, backend_url)
        connection.close()
    else:
        connection.close()
        (tmp_path / "wealthdesk.sqlite3").write_bytes(path.read_bytes())  # backend_url
    return before


def _copy_into_postgres(source: sqlite3.Connection, url: str) -> None:
    """The same records in a PostgreSQL database made by migration 1, as the first
    release would have written them there."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:1])
        patch.setattr(migrations, "LATEST_VERSION", 1)
        db.connect(url)
    try:
        target = db.database.obj
        booleans = {
            (table, column)
            for table, column in target.execute_sql(
                "SELECT table_name, column_name FROM information_schema.columns "
                "WHERE data_type = 'boolean'"
            ).fetchall()
        }
        with target.atomic():
            for table in V1_TABLES:
                columns = V1_COLUMNS[table]
                marks = ", ".join([target.param] * len(columns))
                for row in source.execute(f"SELECT {', '.join(columns)} FROM {table}"):
                    values = [
                        bool(v) if (table, c) in booleans else v
                        for c, v in zip(columns, row, strict=True)
                    ]
                    target.execute_sql(
                        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", values
                    )
            for table in ("client", "audit_entry"):
                target.execute_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), MAX(id)) FROM {table}"
                )
    finally:
        db.close()


def test_the_fixture_is_the_first_release_schema():
    connection = sqlite3.connect(":memory:")
    connection.executescript(FIXTURE.read_text(encoding="utf-8"))
    assert connection.execute("SELECT MAX(version) FROM schema_version").fetchone() == (1,)
    counts = {t: connection.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in V1_TABLES}
    assert counts == {"client": 26, "client_search_key": 213, "audit_entry": 5, "setting": 3}


def test_every_record_of_the_first_release_survives_the_upgrade(
    first_release, backend_url, tmp_path, clock
):
    db.connect(backend_url, tmp_path / "backups")
    try:
        database = db.database.obj
        assert migrations.schema_version(database) == migrations.LATEST_VERSION
        after = v1_records(lambda sql: database.execute_sql(sql).fetchall())
        assert after == first_release
        for name, pinyin in database.execute_sql("SELECT name, pinyin_full FROM client"):
            assert pinyin == name_pinyin(name).sort_key
    finally:
        db.close()


def test_todays_services_read_the_first_release_records(first_release, backend_url, tmp_path):
    db.connect(backend_url, tmp_path / "backups")
    try:
        assert clients.count_clients() == 26
        edited = next(r for r in first_release["client"] if r["occupation"] == "律师")
        record = clients.get_client(edited["id"])
        assert (record.draft.name, record.draft.personal_needs) == (
            edited["name"],
            "子女教育金规划",
        )
        assert record.masked_mobile == edited["mobile"][:3] + "****" + edited["mobile"][-4:]
        found = clients.search_clients(edited["mobile"][-4:]).rows
        assert edited["id"] in [c.id for c in found]
        imported = clients.search_clients("欧阳娜娜").rows
        assert [c.masked_id for c in imported] == ["110105********002X"]
        trail = [e.action for e in audit.entries(edited["id"])]
        assert trail == [AuditAction.REVEAL_MOBILE, AuditAction.CLIENT_UPDATED]
        loaded = branch_settings.load("1")
        assert (loaded["branch_name"], loaded["manager_name"]) == ("杭州西湖支行", "王芳")
        # The upgraded log is as append-only as the first release made it.
        with pytest.raises(peewee.DatabaseError), db.database.obj.atomic():
            db.database.obj.execute_sql("UPDATE audit_entry SET actor = 'someone'")
    finally:
        db.close()


def test_the_first_release_file_is_backed_up_before_it_is_upgraded(tmp_path, clock):
    path = fixture_file(tmp_path)
    db.connect(f"sqlite:///{path}", tmp_path / "backups")
    db.close()
    (copy,) = (tmp_path / "backups").glob("first-release-before-v*.sqlite3")
    connection = sqlite3.connect(copy)
    try:
        assert connection.execute("SELECT MAX(version) FROM schema_version").fetchone() == (1,)
        assert connection.execute("SELECT COUNT(*) FROM client").fetchone() == (26,)
    finally:
        connection.close()
