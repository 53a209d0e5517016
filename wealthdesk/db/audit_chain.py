"""The audit log's protections in the database itself, and the chain that shows a change.

Each entry holds the hash of the entry before it and a hash of its own contents, so an
entry changed, removed or slipped in afterwards breaks the chain at that entry. The
database refuses, on both backends and for every program that writes to it: updates,
deletes and TRUNCATE, REPLACE and UPSERT over an entry, and an entry whose number is not
the next one (explicit, back-dated or skipping ahead). On PostgreSQL a trigger computes
the chain itself under a lock, so desks writing at once never fork it; on SQLite the
chain is computed in the INSERT statement (which holds the file's write lock) and the
trigger checks it with a function only WealthDesk's connections have.

The definitions here are what :func:`restore_protections` re-creates at every start when
someone dropped or replaced them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from dataclasses import dataclass

import peewee

log = logging.getLogger(__name__)

HASH_FUNCTION = "wd_audit_hash"
CHAIN_VERSION = 11  # the schema version that chained the log
_APPEND_ONLY = "the audit log is append-only"
_NEXT_ONLY = "the audit log takes only its next entry, chained to the one before"


def at_text(value: object) -> str:
    """A stored time stamp as the chain hashes it: ``YYYY-MM-DD HH:MM:SS.ffffff``, UTC."""
    if isinstance(value, str):
        if len(value) == 26 and value[10] == " " and value[19] == ".":
            return value  # already in the form (how SQLite holds most entries)
        if len(value) == 19 and value[10] == " ":
            return value + ".000000"
        value = dt.datetime.fromisoformat(value)
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    return str(value)


def entry_hash(
    prev_hash: str,
    entry_id: int,
    at: object,
    actor: str,
    action: str,
    client_id: int | None,
    detail: str,
) -> str:
    """SHA-256 of an entry's contents and the hash before it; each field length-prefixed
    (so no two different entries give the same text). PostgreSQL's trigger builds the
    same text."""
    fields = (
        prev_hash or "",
        str(int(entry_id)),
        at_text(at),
        actor or "",
        action or "",
        "" if client_id is None else str(int(client_id)),
        detail or "",
    )
    payload = "".join(f"{len(f)}:{f}|" for f in fields)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _sql_hash(prev_hash, entry_id, at, actor, action, client_id, detail) -> str | None:
    try:
        return entry_hash(prev_hash, entry_id, at, actor, action, client_id, detail)
    except (TypeError, ValueError):
        return None  # a malformed row never matches: the trigger refuses it


def register_sqlite_function(db: peewee.SqliteDatabase) -> None:
    """Give WealthDesk's SQLite connections the chain's hash; a program without it cannot
    add to the audit log at all."""
    db.register_function(_sql_hash, HASH_FUNCTION, 7, deterministic=True)


# ---------------------------------------------------------------- SQLite

_SQLITE_NEXT_ID = (
    "max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'audit_entry'), 0), "
    "coalesce((SELECT max(id) FROM audit_entry{where}), 0)) + 1"
)
SQLITE_TRIGGERS = {
    "audit_entry_no_update": (
        "CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry "
        f"BEGIN SELECT RAISE(ABORT, '{_APPEND_ONLY}'); END"
    ),
    "audit_entry_no_delete": (
        "CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry "
        f"BEGIN SELECT RAISE(ABORT, '{_APPEND_ONLY}'); END"
    ),
    # REPLACE removes the row it conflicts with without firing the delete trigger.
    "audit_entry_no_replace": (
        "CREATE TRIGGER audit_entry_no_replace BEFORE INSERT ON audit_entry "
        "WHEN EXISTS (SELECT 1 FROM audit_entry WHERE id = NEW.id) "
        f"BEGIN SELECT RAISE(ABORT, '{_APPEND_ONLY}'); END"
    ),
    # In an AFTER INSERT trigger sqlite_sequence still holds the highest number given
    # before this statement: the new entry must be the one after it.
    "audit_entry_chained": (
        "CREATE TRIGGER audit_entry_chained AFTER INSERT ON audit_entry WHEN "
        "NEW.id IS NOT "
        + _SQLITE_NEXT_ID.format(where=" WHERE id <> NEW.id")
        + " OR NEW.prev_hash IS NOT coalesce((SELECT hash FROM audit_entry "
        "WHERE id < NEW.id ORDER BY id DESC LIMIT 1), '') "
        f"OR NEW.hash IS NOT {HASH_FUNCTION}(NEW.prev_hash, NEW.id, NEW.at, NEW.actor, "
        "NEW.action, NEW.client_id, NEW.detail) "
        f"BEGIN SELECT RAISE(ABORT, '{_NEXT_ONLY}'); END"
    ),
}

SQLITE_APPEND = (
    "INSERT INTO audit_entry (id, at, actor, action, client_id, detail, prev_hash, hash) "
    "SELECT n, ?, ?, ?, ?, ?, p, "
    f"{HASH_FUNCTION}(p, n, ?, ?, ?, ?, ?) FROM (SELECT "
    + _SQLITE_NEXT_ID.format(where="")
    + " AS n, coalesce((SELECT hash FROM audit_entry ORDER BY id DESC LIMIT 1), '') AS p)"
)


def append(
    db: peewee.Database,
    at: dt.datetime,
    actor: str,
    action: str,
    client_id: int | None = None,
    detail: str = "",
) -> None:
    """Write one entry (*at* naive UTC), chained to the one before; call inside the
    transaction of the change it records."""
    if _is_pg(db) or not is_chained(db):
        # The server's trigger numbers and chains the entry under its lock (and a log
        # of an older schema, in the tests that stand in for an older release, has no
        # chain).
        db.execute_sql(
            "INSERT INTO audit_entry (at, actor, action, client_id, detail) "
            "VALUES (%s, %s, %s, %s, %s)".replace("%s", db.param),
            (at if _is_pg(db) else at.isoformat(" "), actor, action, client_id, detail),
        )
        return
    # One statement reads the last entry and appends the next under the file's write lock.
    # Stored as peewee stores every other time stamp (so they compare as text).
    fields = (at.isoformat(" "), actor, action, client_id, detail)
    db.execute_sql(SQLITE_APPEND, fields + fields)


def is_chained(db: peewee.Database) -> bool:
    """Whether this connection's log has the chain; asked once per connection."""
    known = getattr(db, "_wealthdesk_chained", None)
    if known is None:
        known = any(c.name == "hash" for c in db.get_columns("audit_entry"))
        db._wealthdesk_chained = known
    return known


# ---------------------------------------------------------------- PostgreSQL

PG_LOCK_KEY = 7143002  # serialises the chain's writers (7143001 serialises migrations)
PG_FUNCTIONS = {
    "audit_entry_append_only": (
        "CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger "
        f"LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '{_APPEND_ONLY}'; END $$"
    ),
    # An id the column's default drew before another desk's entry went in is given up
    # and a new one drawn under the lock, so ids follow the chain's order even when
    # desks insert at once.
    "audit_entry_chain": (
        "CREATE OR REPLACE FUNCTION audit_entry_chain() RETURNS trigger LANGUAGE plpgsql AS $$\n"
        "DECLARE\n"
        "  numbers TEXT := pg_get_serial_sequence('audit_entry', 'id');\n"
        "  drawn BIGINT;\n"
        "  last_id BIGINT;\n"
        "  last_hash TEXT;\n"
        "  payload TEXT := '';\n"
        "  field TEXT;\n"
        "BEGIN\n"
        "  BEGIN\n"
        "    drawn := currval(numbers);\n"
        "  EXCEPTION WHEN object_not_in_prerequisite_state THEN\n"
        "    drawn := NULL;\n"
        "  END;\n"
        "  IF drawn IS NULL OR NEW.id IS DISTINCT FROM drawn THEN\n"
        f"    RAISE EXCEPTION '{_NEXT_ONLY}';\n"
        "  END IF;\n"
        f"  PERFORM pg_advisory_xact_lock({PG_LOCK_KEY});\n"
        "  SELECT id, hash INTO last_id, last_hash FROM audit_entry ORDER BY id DESC LIMIT 1;\n"
        "  IF last_id IS NOT NULL AND NEW.id <= last_id THEN\n"
        "    NEW.id := nextval(numbers);\n"
        "  END IF;\n"
        "  NEW.prev_hash := coalesce(last_hash, '');\n"
        "  FOREACH field IN ARRAY ARRAY[NEW.prev_hash, NEW.id::text,\n"
        "      to_char(NEW.at, 'YYYY-MM-DD HH24:MI:SS.US'), NEW.actor, NEW.action,\n"
        "      coalesce(NEW.client_id::text, ''), NEW.detail] LOOP\n"
        "    payload := payload || length(field) || ':' || field || '|';\n"
        "  END LOOP;\n"
        "  NEW.hash := encode(sha256(convert_to(payload, 'UTF8')), 'hex');\n"
        "  RETURN NEW;\n"
        "END $$"
    ),
}
PG_TRIGGERS = {
    "audit_entry_append_only": (
        "CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry "
        "FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()"
    ),
    "audit_entry_no_truncate": (
        "CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry "
        "FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only()"
    ),
    "audit_entry_chained": (
        "CREATE TRIGGER audit_entry_chained BEFORE INSERT ON audit_entry "
        "FOR EACH ROW EXECUTE FUNCTION audit_entry_chain()"
    ),
}


def _is_pg(db: peewee.Database) -> bool:
    return isinstance(db, peewee.PostgresqlDatabase)


def _function_body(source: str) -> str:
    return source.split("$$", 2)[1]


def missing_protections(db: peewee.Database) -> list[str]:
    """The protections that are not in place as defined here (dropped, disabled, or
    replaced by something else), by name."""
    if _is_pg(db):
        rows = db.execute_sql(
            "SELECT t.tgname, t.tgenabled FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE c.relname = 'audit_entry' AND c.relnamespace = current_schema()::regnamespace "
            "AND NOT t.tgisinternal"
        ).fetchall()
        enabled = {name for name, state in rows if state != "D"}
        missing = [name for name in PG_TRIGGERS if name not in enabled]
        bodies = dict(
            db.execute_sql(
                "SELECT proname, prosrc FROM pg_proc WHERE pronamespace = "
                "current_schema()::regnamespace AND proname = ANY(%s)",
                (list(PG_FUNCTIONS),),
            ).fetchall()
        )
        for name, source in PG_FUNCTIONS.items():
            if bodies.get(name) != _function_body(source):
                missing.append(f"{name}()")
        return missing
    found = dict(
        db.execute_sql(
            "SELECT name, sql FROM sqlite_master "
            "WHERE type = 'trigger' AND tbl_name = 'audit_entry'"
        ).fetchall()
    )
    return [name for name, sql in SQLITE_TRIGGERS.items() if found.get(name) != sql]


def install_protections(db: peewee.Database, names: list[str] | None = None) -> None:
    """(Re-)create the protections named (all by default) inside the caller's transaction."""
    if _is_pg(db):
        for source in PG_FUNCTIONS.values():
            db.execute_sql(source)
        for name, source in PG_TRIGGERS.items():
            if names is None or name in names:
                db.execute_sql(f"DROP TRIGGER IF EXISTS {name} ON audit_entry")
                db.execute_sql(source)
        return
    for name, source in SQLITE_TRIGGERS.items():
        if names is None or name in names:
            db.execute_sql(f"DROP TRIGGER IF EXISTS {name}")
            db.execute_sql(source)


def drop_protections(db: peewee.Database) -> None:
    """For a migration that must rewrite the log (chaining the entries made before)."""
    if _is_pg(db):
        for name in PG_TRIGGERS:
            db.execute_sql(f"DROP TRIGGER IF EXISTS {name} ON audit_entry")
        return
    for name in SQLITE_TRIGGERS:
        db.execute_sql(f"DROP TRIGGER IF EXISTS {name}")


def chain_existing_entries(db: peewee.Database, batch: int = 5000) -> int:
    """Chain the entries written before the chain existed, oldest first (protections
    dropped by the caller). Returns how many."""
    p = db.param
    prev, last, count = "", 0, 0
    select = (
        "SELECT id, at, actor, action, client_id, detail FROM audit_entry WHERE id > "
        f"{p} ORDER BY id LIMIT {batch}"
    )
    update = f"UPDATE audit_entry SET prev_hash = {p}, hash = {p} WHERE id = {p}"
    while rows := db.execute_sql(select, (last,)).fetchall():
        changes = []
        for entry_id, at, actor, action, client_id, detail in rows:
            digest = entry_hash(prev, entry_id, at, actor, action, client_id, detail)
            changes.append((prev, digest, entry_id))
            prev = digest
        with peewee.ExceptionWrapper(peewee.EXCEPTIONS):
            db.cursor().executemany(update, changes)
        last = rows[-1][0]
        count += len(rows)
    return count


@dataclass(frozen=True)
class ChainReport:
    """The audit log checked from its first entry: *entries* read; *broken_at* the first
    entry that does not hold (None: intact), with *problem* saying how; *head* the last
    entry's hash (printed on the day close, so a later rewrite of the whole log shows)."""

    entries: int
    broken_at: int | None = None
    problem: str = ""
    after: int | None = None
    head: str = ""

    @property
    def intact(self) -> bool:
        return self.broken_at is None


CHANGED = "changed"  # the entry's contents no longer match its hash
NOT_FOLLOWING = "not_following"  # it does not follow the entry before it
MISSING = "missing"  # entries between the one before and it are gone
MISSING_AFTER = "missing_after"  # entries after the last one are gone (SQLite)


def verify(db: peewee.Database, batch: int = 5000) -> ChainReport:
    """Walk the chain from the first entry; stops at the first entry that does not hold."""
    p = db.param
    select = (
        "SELECT id, at, actor, action, client_id, detail, prev_hash, hash FROM audit_entry "
        f"WHERE id > {p} ORDER BY id LIMIT {batch}"
    )
    prev_id, prev_hash, count = 0, "", 0
    while rows := db.execute_sql(select, (prev_id,)).fetchall():
        for entry_id, at, actor, action, client_id, detail, stored_prev, stored in rows:
            if stored != entry_hash(stored_prev, entry_id, at, actor, action, client_id, detail):
                return ChainReport(count, entry_id, CHANGED, prev_id or None)
            if stored_prev != prev_hash:
                gap = _is_sqlite_gap(db, prev_id, entry_id)
                return ChainReport(count, entry_id, MISSING if gap else NOT_FOLLOWING, prev_id)
            prev_id, prev_hash = entry_id, stored
            count += 1
    if not _is_pg(db):
        row = db.execute_sql(
            "SELECT seq FROM sqlite_sequence WHERE name = 'audit_entry'"
        ).fetchone()
        if row and row[0] and int(row[0]) > prev_id:
            return ChainReport(count, int(row[0]), MISSING_AFTER, prev_id or None)
    return ChainReport(count, head=prev_hash)


def _is_sqlite_gap(db: peewee.Database, before: int, entry_id: int) -> bool:
    """SQLite numbers entries without gaps; PostgreSQL's sequence leaves one for every
    transaction rolled back, so there a gap alone says nothing."""
    return not _is_pg(db) and entry_id != before + 1


__all__ = [
    "ChainReport",
    "at_text",
    "chain_existing_entries",
    "entry_hash",
    "install_protections",
    "missing_protections",
    "register_sqlite_function",
    "verify",
]
