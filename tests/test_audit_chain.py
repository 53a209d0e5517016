"""The audit log cannot be forged without a trace: the database refuses REPLACE, UPSERT
and entries out of turn on both backends, every entry is chained to the one before,
`audit-verify` names the first entry that does not hold, protections someone dropped are
put back at the next start (and that is audited), and exports are audited first."""

from __future__ import annotations

import sqlite3
import threading

import peewee
import pytest
from test_cli import run_cli, stored

from wealthdesk import db
from wealthdesk.db import audit_chain
from wealthdesk.db.connection import sqlite_url
from wealthdesk.domain.audit import AuditAction
from wealthdesk.domain.client import ClientDraft
from wealthdesk.services import audit, clients

FORGERIES_SQLITE = {
    "REPLACE over entry 1": "REPLACE INTO audit_entry (id, at, actor, action, detail, "
    "prev_hash, hash) VALUES (1, '2026-11-27 09:00:00', 'forger', 'client_created', '', "
    "'', wd_audit_hash('', 1, '2026-11-27 09:00:00', 'forger', 'client_created', NULL, ''))",
    "INSERT OR REPLACE over entry 2": "INSERT OR REPLACE INTO audit_entry (id, at, actor, "
    "action, detail) VALUES (2, '2026-11-27 09:00:00', 'forger', 'client_created', '')",
    "UPSERT over entry 1": "INSERT INTO audit_entry (id, at, actor, action) VALUES "
    "(1, '2026-11-27 09:00:00', 'x', 'y') ON CONFLICT (id) DO UPDATE SET actor = 'forger'",
    "a back-dated id": "INSERT INTO audit_entry (id, at, actor, action) VALUES "
    "(0, '2026-11-27 09:00:00', 'forger', 'client_created')",
    "an id skipping ahead": "INSERT INTO audit_entry (id, at, actor, action) VALUES "
    "(1000, '2026-11-27 09:00:00', 'forger', 'client_created')",
    "an unchained entry": "INSERT INTO audit_entry (at, actor, action) VALUES "
    "('2026-11-27 09:00:00', 'forger', 'client_created')",
}
FORGERIES_PG = {
    "UPSERT over entry 1": "INSERT INTO audit_entry (id, at, actor, action) VALUES "
    "(1, now(), 'x', 'y') ON CONFLICT (id) DO UPDATE SET actor = 'forger'",
    "a back-dated id": "INSERT INTO audit_entry (id, at, actor, action) VALUES "
    "(0, now(), 'forger', 'client_created')",
    "an id skipping ahead": "INSERT INTO audit_entry (id, at, actor, action) VALUES "
    "(1000, now(), 'forger', 'client_created')",
}


def three_entries() -> list[int]:
    for name in ("张伟", "李娜", "王芳"):
        clients.create_client(ClientDraft(name=name), "desk1")
    return [e.id for e in reversed(audit.entries())]


def raw(sql: str) -> None:
    """*sql* as an insider would run it, outside any service."""
    with db.database.obj.atomic():
        db.database.obj.execute_sql(sql)


def test_every_entry_is_chained_and_the_check_counts_them(backend_store, clock):
    ids = three_entries()
    report = audit.verify_chain()
    assert report.intact and report.entries == len(ids) == 3
    assert audit.chain_verdict(report).startswith("The audit log is intact: 3 entries")
    rows = db.database.obj.execute_sql(
        "SELECT prev_hash, hash FROM audit_entry ORDER BY id"
    ).fetchall()
    assert rows[0][0] == "" and all(rows[i][0] == rows[i - 1][1] for i in (1, 2))
    assert report.head == rows[-1][1]


def test_replace_upsert_and_entries_out_of_turn_are_refused_by_the_database(backend_store, clock):
    three_entries()
    before = audit.entries()
    pg = backend_store.startswith("postgres")
    tried = FORGERIES_PG if pg else FORGERIES_SQLITE
    for what, sql in tried.items():
        with pytest.raises(peewee.DatabaseError, match=r"append-only|next entry"):
            raw(sql)
            pytest.fail(f"{what} was taken")
    assert audit.entries() == before, "a forgery changed the log"
    assert audit.verify_chain().intact
    if not pg:  # another program, without WealthDesk's function, cannot add at all
        other = sqlite3.connect(db.current().path)
        try:
            with pytest.raises(sqlite3.DatabaseError):
                other.execute(FORGERIES_SQLITE["an unchained entry"])
        finally:
            other.close()
    clients.create_client(ClientDraft(name="赵磊"), "desk1")  # the app itself still appends
    assert audit.verify_chain().entries == 4


def drop_protections() -> None:
    """An insider with the database's owner rights removes every trigger."""
    with db.database.obj.atomic():
        audit_chain.drop_protections(db.database.obj)


@pytest.mark.parametrize(
    "tamper, broken_at, sqlite_words, pg_words",
    [
        (
            "UPDATE audit_entry SET detail = 'nothing to see' WHERE id = 2",
            2,
            "entry 2 no longer matches what was written",
            "entry 2 no longer matches what was written",
        ),
        (
            "DELETE FROM audit_entry WHERE id = 2",
            3,
            "entries 2 to 2 are missing, before entry 3",
            "entry 3 does not follow entry 1",
        ),
        (
            "DELETE FROM audit_entry WHERE id = 3",
            3,
            "the entries after entry 2 are missing",
            None,  # PostgreSQL: a removed last entry shows against the day close's hash
        ),
    ],
    ids=["changed", "removed in the middle", "removed at the end"],
)
def test_a_tampered_log_is_named_at_its_first_broken_entry(
    backend_store, clock, tamper, broken_at, sqlite_words, pg_words
):
    three_entries()
    head = audit.verify_chain().head
    drop_protections()
    raw(tamper)
    report = audit.verify_chain()
    words = pg_words if backend_store.startswith("postgres") else sqlite_words
    if words is None:
        assert report.intact and report.head != head  # the printed hash no longer matches
        return
    assert (report.intact, report.broken_at) == (False, broken_at)
    verdict = audit.chain_verdict(report)
    assert verdict.startswith(f"The audit log is broken at entry {broken_at}: ")
    assert words in verdict


def test_dropped_or_replaced_protections_are_put_back_at_start_and_audited(
    backend_url, tmp_path, clock
):
    db.connect(backend_url, tmp_path / "backups")
    try:
        three_entries()
        drop_protections()
        if backend_url.startswith("postgres"):  # and a no-op in place of the chain's function
            raw(
                "CREATE OR REPLACE FUNCTION audit_entry_chain() RETURNS trigger "
                "LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$"
            )
        assert audit_chain.missing_protections(db.database.obj)
    finally:
        db.close()

    db.connect(backend_url, tmp_path / "backups")
    try:
        assert audit_chain.missing_protections(db.database.obj) == []
        (last, *_) = audit.entries()
        assert last.action is AuditAction.PROTECTION_RESTORED and last.actor == "wealthdesk"
        assert "audit_entry_no_update" in last.detail or "audit_entry_append_only" in last.detail
        with pytest.raises(peewee.DatabaseError, match="append-only"):
            raw("UPDATE audit_entry SET actor = 'someone' WHERE id = 1")
        assert audit.verify_chain().intact and audit.verify_chain().entries == 4
    finally:
        db.close()


def test_desks_appending_at_once_never_fork_the_chain(backend_store, clock):
    """Four writers at once, each with its own connection (as four desks): every entry
    lands, in one unbroken chain."""
    errors: list[BaseException] = []
    per_writer = 15

    def writer(number: int) -> None:
        try:
            for i in range(per_writer):
                with db.database.obj.atomic():
                    audit.record(AuditAction.DESK_STATE, f"desk{number}", None, str(i))
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            db.database.obj.close()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    report = audit.verify_chain()
    assert report.intact and report.entries == 4 * per_writer


# ---------------------------------------------------------------- the command line


@pytest.fixture
def home(tmp_path):
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


def cli(home, database, *args):
    return run_cli(home, *args, "--db", sqlite_url(database), "--lang", "en")


def test_audit_verify_says_intact_with_a_count_or_names_the_first_broken_entry(home, tmp_path):
    database = tmp_path / "branch.sqlite3"
    db.connect(sqlite_url(database))
    try:
        three_entries()
    finally:
        db.close()
    done = cli(home, database, "audit-verify")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.strip() == (
        "The audit log is intact: 3 entries, each chained to the one before."
    )

    with sqlite3.connect(database) as other:  # an insider with the sqlite3 shell
        other.execute("DROP TRIGGER audit_entry_no_update")
        other.execute("UPDATE audit_entry SET actor = 'someone else' WHERE id = 2")
    done = cli(home, database, "audit-verify")
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.strip() == (
        "wealthdesk: The audit log is broken at entry 2: entry 2 no longer matches what "
        "was written (it was changed)."
    )
    actions = stored(database, "SELECT action FROM audit_entry ORDER BY id")
    assert actions[-1] == ("audit_protection_restored",)  # the start put the trigger back


def test_exports_write_nothing_when_the_log_cannot_take_their_entry(
    tmp_path, capsys, monkeypatch, clock, qapp
):
    """Another program holds the database's write lock: day-close --csv and audit-export
    refuse in one line, exit 2, and leave no file and no entry."""
    from wealthdesk import cli as command_line
    from wealthdesk import i18n
    from wealthdesk.db import connection

    i18n.install_language("en")
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 200)
    path = tmp_path / "branch.sqlite3"
    opened = db.connect(sqlite_url(path))
    three_entries()
    out_dir = tmp_path / "csv"
    out_dir.mkdir()
    runs = [
        ["day-close", "--out", str(tmp_path / "close.pdf"), "--csv", str(out_dir)],
        ["audit-export", "--out", str(tmp_path / "audit.csv")],
    ]
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another window in the middle of a save
    try:
        statuses = [
            command_line.run_command(command_line.build_parser().parse_args(a), opened)
            for a in runs
        ]
    finally:
        other.execute("ROLLBACK")
        other.close()
        db.close()
        i18n.install_language("zh_CN")
    err = capsys.readouterr().err
    assert statuses == [2, 2]
    assert [line for line in err.splitlines() if "locked by another program" in line] == [
        line for line in err.splitlines()
    ] and len(err.splitlines()) == 2
    assert sorted(
        p.name for p in tmp_path.rglob("*") if p.is_file() and "backups" not in p.parts
    ) == [
        "branch.sqlite3",
        *(
            ["branch.sqlite3-shm", "branch.sqlite3-wal"]
            if (tmp_path / "branch.sqlite3-wal").exists()
            else []
        ),
    ]
    assert stored(path, "SELECT count(*) FROM audit_entry") == [(3,)]


def test_the_day_close_states_the_log_was_verified_or_where_it_breaks(home, tmp_path):
    from pathlib import Path

    from pypdf import PdfReader

    if not Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc").is_file():
        pytest.skip("fonts-wqy-microhei is not installed")
    database = tmp_path / "branch.sqlite3"
    db.connect(sqlite_url(database))
    try:
        three_entries()
    finally:
        db.close()

    def close_text(name: str) -> str:
        out = tmp_path / name
        done = cli(home, database, "day-close", "--out", str(out))
        assert done.returncode == 0, done.stderr
        return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(out).pages)

    assert "The audit log is intact: 3 entries, each chained to the one before." in close_text(
        "a.pdf"
    )
    # The printed hash is the last entry's: a later rewrite of the whole log shows on paper.
    (head,) = stored(database, "SELECT hash FROM audit_entry ORDER BY id DESC LIMIT 1")
    assert f"Last entry's hash: {head[0][:16]}" in close_text("b.pdf")

    with sqlite3.connect(database) as other:
        other.execute("DROP TRIGGER audit_entry_no_update")
        other.execute("UPDATE audit_entry SET detail = 'x' WHERE id = 1")
    text = close_text("c.pdf")
    assert "The audit log is broken at entry 1: entry 1 no longer matches" in text
    assert "Run wealthdesk audit-verify" in text
