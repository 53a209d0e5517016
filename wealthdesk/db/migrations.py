"""Numbered schema migrations, applied in order inside transactions.

Each migration's DDL is frozen here as it was released, so a database made by any
earlier release upgrades step by step. Before an SQLite database that already holds
data is migrated, it is copied with SQLite's online backup API.
"""

from __future__ import annotations

import datetime as dt
import errno
import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import peewee

from ..domain.errors import os_error_reason
from ..domain.pinyin import name_pinyin
from ..private_files import replacing
from .connection import (
    BackupFailed,
    DatabaseLocked,
    DatabaseNewer,
    ForeignDatabase,
    storage_error,
    translate_sqlite_error,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    apply: Callable[[peewee.Database], None]


def _ddl(db: peewee.Database, statements: str) -> None:
    """Run ``;``-separated DDL with the few words SQLite and PostgreSQL spell differently."""
    pg = isinstance(db, peewee.PostgresqlDatabase)
    words = {
        "{pk}": "BIGSERIAL PRIMARY KEY" if pg else "INTEGER PRIMARY KEY AUTOINCREMENT",
        "{bool}": "BOOLEAN" if pg else "INTEGER",
        "{false}": "FALSE" if pg else "0",
        "{true}": "TRUE" if pg else "1",
        "{ts}": "TIMESTAMP",
        "{bytes_key}": 'TEXT COLLATE "C"' if pg else "TEXT",
        "{without_rowid}": "" if pg else "WITHOUT ROWID",
    }
    for statement in statements.split(";\n"):
        for word, value in words.items():
            statement = statement.replace(word, value)
        if statement.strip():
            db.execute_sql(statement)


def _v1_clients_audit_settings(db: peewee.Database) -> None:
    _ddl(
        db,
        """
CREATE TABLE client (
    id {pk},
    name VARCHAR(40) NOT NULL,
    pinyin_full VARCHAR(160) NOT NULL DEFAULT '',
    pinyin_initials VARCHAR(40) NOT NULL DEFAULT '',
    gender VARCHAR(1),
    birth_date DATE,
    id_number VARCHAR(18) UNIQUE,
    mobile VARCHAR(20),
    tier VARCHAR(16) NOT NULL DEFAULT 'normal',
    occupation TEXT NOT NULL DEFAULT '',
    marital_status VARCHAR(16),
    dependants INTEGER,
    income_band VARCHAR(16),
    horizon VARCHAR(16),
    liquidity_need VARCHAR(16),
    interests TEXT NOT NULL DEFAULT '',
    training_needs TEXT NOT NULL DEFAULT '',
    personal_needs TEXT NOT NULL DEFAULT '',
    consent_data {bool} NOT NULL DEFAULT {false},
    consent_data_on DATE,
    consent_marketing {bool} NOT NULL DEFAULT {false},
    consent_marketing_on DATE,
    manager TEXT NOT NULL DEFAULT '',
    created_at {ts} NOT NULL,
    updated_at {ts} NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX client_pinyin_order ON client (pinyin_full, id);
CREATE INDEX client_mobile ON client (mobile);
CREATE TABLE client_search_key (
    key {bytes_key} NOT NULL,
    client_id INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    PRIMARY KEY (key, client_id)
) {without_rowid};
CREATE INDEX client_search_key_client ON client_search_key (client_id);
CREATE TABLE audit_entry (
    id {pk},
    at {ts} NOT NULL,
    actor TEXT NOT NULL,
    action VARCHAR(40) NOT NULL,
    client_id INTEGER,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_entry_client ON audit_entry (client_id, at);
CREATE TABLE setting (
    key VARCHAR(80) PRIMARY KEY,
    value TEXT NOT NULL
)""",
    )
    if isinstance(db, peewee.PostgresqlDatabase):
        db.execute_sql(
            "CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$"
        )
        db.execute_sql(
            "CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry "
            "FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()"
        )
        db.execute_sql(
            "CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry "
            "FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only()"
        )
    else:
        for event in ("UPDATE", "DELETE"):
            db.execute_sql(
                f"CREATE TRIGGER audit_entry_no_{event.lower()} BEFORE {event} ON audit_entry "
                "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
            )


# A driver's cursor raises the driver's errors; migrate() expects peewee's.
_AS_PEEWEE_ERRORS = peewee.ExceptionWrapper(peewee.EXCEPTIONS)

_V2_PINYIN_MAX = 160  # client.pinyin_full is VARCHAR(160)
_V2_BATCH = 2000


def _v2_demo_flag_and_dictionary_order(db: peewee.Database) -> None:
    """Demo clients are marked, so they can be told apart and removed; the book's order
    key gets spaces between syllables (陈 chen before 程 cheng), compared byte by byte
    on PostgreSQL too, where a language's collation would skip the spaces."""
    _ddl(
        db,
        """
ALTER TABLE client ADD COLUMN is_demo {bool} NOT NULL DEFAULT {false};
CREATE INDEX client_is_demo ON client (is_demo)""",
    )
    if isinstance(db, peewee.PostgresqlDatabase):
        db.execute_sql('ALTER TABLE client ALTER COLUMN pinyin_full TYPE VARCHAR(160) COLLATE "C"')
    p = db.param
    select = (
        f"SELECT id, name, pinyin_full FROM client WHERE id > {p} ORDER BY id LIMIT {_V2_BATCH}"
    )
    update = f"UPDATE client SET pinyin_full = {p} WHERE id = {p}"
    last = 0
    while rows := db.execute_sql(select, (last,)).fetchall():
        changed = []
        for client_id, name, stored in rows:
            key = name_pinyin(name).sort_key[:_V2_PINYIN_MAX]
            if key != stored:
                changed.append((key, client_id))
        if changed:
            with _AS_PEEWEE_ERRORS:
                db.cursor().executemany(update, changed)
        last = rows[-1][0]


def _v3_visitor_queue(db: peewee.Database) -> None:
    """The visitor queue: one row per visit and ticket, and a counter per day and kind
    from which every desk draws its next ticket number."""
    _ddl(
        db,
        """
CREATE TABLE visit (
    id {pk},
    service_date DATE NOT NULL,
    kind VARCHAR(1) NOT NULL,
    seq INTEGER NOT NULL,
    ticket VARCHAR(8) NOT NULL,
    client_id INTEGER REFERENCES client (id) ON DELETE SET NULL,
    walk_in_name VARCHAR(40) NOT NULL DEFAULT '',
    walk_in_phone VARCHAR(20) NOT NULL DEFAULT '',
    purposes TEXT NOT NULL DEFAULT '',
    priority INTEGER NOT NULL DEFAULT 0,
    notes TEXT NOT NULL DEFAULT '',
    desk TEXT NOT NULL DEFAULT '',
    state VARCHAR(16) NOT NULL DEFAULT 'waiting',
    outcome TEXT NOT NULL DEFAULT '',
    arrived_at {ts} NOT NULL,
    called_at {ts},
    started_at {ts},
    finished_at {ts},
    recall_count INTEGER NOT NULL DEFAULT 0,
    row_version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (service_date, ticket)
);
CREATE INDEX visit_day_state ON visit (service_date, state);
CREATE INDEX visit_client ON visit (client_id);
CREATE TABLE ticket_counter (
    service_date DATE NOT NULL,
    kind VARCHAR(1) NOT NULL,
    last INTEGER NOT NULL,
    PRIMARY KEY (service_date, kind)
)""",
    )


def _v4_desk_status_and_checklist(db: peewee.Database) -> None:
    """Each desk's state (available, away until…, lunch, closed) where every desk and the
    lobby can read it, and the end-of-service checklist kept with a finished visit."""
    _ddl(
        db,
        """
ALTER TABLE visit ADD COLUMN checklist TEXT NOT NULL DEFAULT '';
CREATE TABLE desk_status (
    desk VARCHAR(40) PRIMARY KEY,
    state VARCHAR(16) NOT NULL,
    until_time VARCHAR(5) NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    manager VARCHAR(40) NOT NULL DEFAULT '',
    changed_at {ts} NOT NULL
)""",
    )


def _v5_appointments(db: peewee.Database) -> None:
    """Appointments (a client of the book or a new prospect), their preparation
    checklists, and the branch's own checklist items per purpose. Times in UTC."""
    _ddl(
        db,
        """
CREATE TABLE appointment (
    id {pk},
    client_id INTEGER REFERENCES client (id) ON DELETE SET NULL,
    prospect_name VARCHAR(40) NOT NULL DEFAULT '',
    prospect_mobile VARCHAR(20) NOT NULL DEFAULT '',
    manager VARCHAR(40) NOT NULL DEFAULT '',
    desk TEXT NOT NULL DEFAULT '',
    start_at {ts} NOT NULL,
    duration_minutes INTEGER NOT NULL,
    purposes TEXT NOT NULL DEFAULT '',
    products TEXT NOT NULL DEFAULT '',
    topics TEXT NOT NULL DEFAULT '',
    team TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    lunch_reason TEXT NOT NULL DEFAULT '',
    status VARCHAR(16) NOT NULL DEFAULT 'booked',
    cancelled_by VARCHAR(8),
    cancelled_at {ts},
    rescheduled_to_id INTEGER REFERENCES appointment (id) ON DELETE SET NULL,
    visit_id INTEGER REFERENCES visit (id) ON DELETE SET NULL,
    checked_in_at {ts},
    reminded_at {ts},
    created_at {ts} NOT NULL,
    updated_at {ts} NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX appointment_start ON appointment (start_at);
CREATE INDEX appointment_client ON appointment (client_id);
CREATE INDEX appointment_status ON appointment (status);
CREATE INDEX appointment_visit ON appointment (visit_id);
CREATE TABLE appointment_item (
    id {pk},
    appointment_id INTEGER NOT NULL REFERENCES appointment (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    label TEXT NOT NULL,
    done {bool} NOT NULL DEFAULT {false},
    done_at {ts}
);
CREATE INDEX appointment_item_appointment ON appointment_item (appointment_id, position);
CREATE TABLE prep_template (
    id {pk},
    purpose VARCHAR(24) NOT NULL,
    position INTEGER NOT NULL,
    label TEXT NOT NULL
);
CREATE INDEX prep_template_purpose ON prep_template (purpose, position)""",
    )


def _v6_products_risk_sales_care(db: peewee.Database) -> None:
    """The product catalogue and clients' holdings; risk assessments; sales with their
    suitability record; care tasks, events, calls; colleague support; consents given
    while waiting. Amounts in fen (分), times in UTC."""
    _ddl(
        db,
        """
CREATE TABLE product (
    id {pk},
    code VARCHAR(32) NOT NULL UNIQUE,
    name VARCHAR(80) NOT NULL,
    family VARCHAR(16) NOT NULL,
    risk_rating INTEGER,
    private {bool} NOT NULL DEFAULT {false},
    min_amount_fen BIGINT NOT NULL DEFAULT 0,
    term_days INTEGER,
    active {bool} NOT NULL DEFAULT {true},
    notes TEXT NOT NULL DEFAULT '',
    is_demo {bool} NOT NULL DEFAULT {false},
    created_at {ts} NOT NULL,
    updated_at {ts} NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX product_family ON product (family, active);
CREATE TABLE holding (
    id {pk},
    client_id INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    product_id INTEGER NOT NULL REFERENCES product (id) ON DELETE RESTRICT,
    amount_fen BIGINT NOT NULL,
    start_date DATE NOT NULL,
    maturity_date DATE,
    closed_on DATE,
    created_at {ts} NOT NULL
);
CREATE INDEX holding_client ON holding (client_id);
CREATE INDEX holding_maturity ON holding (maturity_date);
CREATE TABLE risk_assessment (
    id {pk},
    client_id INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    assessed_on DATE NOT NULL,
    valid_until DATE NOT NULL,
    questionnaire VARCHAR(40) NOT NULL DEFAULT '',
    answers TEXT NOT NULL DEFAULT '',
    score INTEGER NOT NULL,
    level INTEGER NOT NULL,
    actor TEXT NOT NULL DEFAULT '',
    created_at {ts} NOT NULL
);
CREATE INDEX risk_assessment_client ON risk_assessment (client_id, assessed_on);
CREATE INDEX risk_assessment_valid ON risk_assessment (valid_until);
CREATE TABLE sale (
    id {pk},
    client_id INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    product_id INTEGER NOT NULL REFERENCES product (id) ON DELETE RESTRICT,
    amount_fen BIGINT NOT NULL,
    sale_type VARCHAR(16) NOT NULL,
    visit_id INTEGER REFERENCES visit (id) ON DELETE SET NULL,
    recording_ref VARCHAR(64) NOT NULL DEFAULT '',
    signed_at {ts} NOT NULL,
    cooling_off_until {ts},
    cancelled_at {ts},
    cancel_reason TEXT NOT NULL DEFAULT '',
    client_level INTEGER,
    product_rating INTEGER,
    elderly_confirmed {bool} NOT NULL DEFAULT {false},
    actor TEXT NOT NULL DEFAULT '',
    desk TEXT NOT NULL DEFAULT '',
    created_at {ts} NOT NULL,
    row_version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX sale_signed ON sale (signed_at);
CREATE INDEX sale_client ON sale (client_id);
CREATE TABLE care_event (
    id {pk},
    name VARCHAR(80) NOT NULL,
    event_date DATE NOT NULL,
    min_tier VARCHAR(16) NOT NULL DEFAULT 'normal',
    place TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    created_at {ts} NOT NULL
);
CREATE TABLE care_task (
    id {pk},
    client_id INTEGER REFERENCES client (id) ON DELETE CASCADE,
    kind VARCHAR(16) NOT NULL,
    due_date DATE NOT NULL,
    source VARCHAR(80) NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    event_id INTEGER REFERENCES care_event (id) ON DELETE CASCADE,
    status VARCHAR(16) NOT NULL DEFAULT 'open',
    done_at {ts},
    created_at {ts} NOT NULL
);
CREATE INDEX care_task_due ON care_task (status, due_date);
CREATE INDEX care_task_client ON care_task (client_id);
CREATE UNIQUE INDEX care_task_source ON care_task (source);
CREATE TABLE care_call (
    id {pk},
    task_id INTEGER REFERENCES care_task (id) ON DELETE SET NULL,
    client_id INTEGER REFERENCES client (id) ON DELETE CASCADE,
    called_at {ts} NOT NULL,
    outcome VARCHAR(16) NOT NULL,
    notes TEXT NOT NULL DEFAULT '',
    duration_minutes INTEGER NOT NULL DEFAULT 0,
    info_sent {bool} NOT NULL DEFAULT {false},
    call_back_at {ts},
    actor TEXT NOT NULL DEFAULT '',
    desk TEXT NOT NULL DEFAULT ''
);
CREATE INDEX care_call_at ON care_call (called_at);
CREATE INDEX care_call_client ON care_call (client_id, called_at);
CREATE TABLE colleague_support (
    id {pk},
    supported_at {ts} NOT NULL,
    colleague VARCHAR(40) NOT NULL,
    kind VARCHAR(24) NOT NULL,
    duration_minutes INTEGER NOT NULL,
    sale_followed {bool} NOT NULL DEFAULT {false},
    notes TEXT NOT NULL DEFAULT '',
    actor TEXT NOT NULL DEFAULT '',
    desk TEXT NOT NULL DEFAULT ''
);
CREATE INDEX colleague_support_at ON colleague_support (supported_at);
CREATE TABLE client_consent (
    id {pk},
    client_id INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    visit_id INTEGER REFERENCES visit (id) ON DELETE SET NULL,
    purpose VARCHAR(24) NOT NULL,
    given_at {ts} NOT NULL,
    actor TEXT NOT NULL DEFAULT ''
);
CREATE INDEX client_consent_client ON client_consent (client_id, given_at)""",
    )


# The tables whose changes other desks, the lobby and the display must see at once.
WATCHED_TABLES = (
    "visit",
    "desk_status",
    "appointment",
    "appointment_item",
    "client",
    "setting",
    "sale",
    "care_task",
    "care_call",
    "risk_assessment",
    "holding",
    "product",
)


def _v7_change_notifications(db: peewee.Database) -> None:
    """On PostgreSQL, every committed change to a watched table sends a NOTIFY with the
    table's name on the channel ``wealthdesk_changes``. Row-level, so a statement that
    changes nothing says nothing (a statement-level trigger fires for an INSERT of no
    rows, and a window refreshing on it would wake itself for ever); PostgreSQL folds
    the repeats of a transaction into one. SQLite needs nothing: other processes see
    ``PRAGMA data_version`` move."""
    if not isinstance(db, peewee.PostgresqlDatabase):
        return
    db.execute_sql(
        "CREATE OR REPLACE FUNCTION wealthdesk_notify_change() RETURNS trigger "
        "LANGUAGE plpgsql AS $$ BEGIN "
        "PERFORM pg_notify('wealthdesk_changes', TG_TABLE_NAME); RETURN NULL; END $$"
    )
    for table in WATCHED_TABLES:
        db.execute_sql(
            f"CREATE TRIGGER {table}_notify_change AFTER INSERT OR UPDATE OR DELETE "
            f"ON {table} FOR EACH ROW EXECUTE FUNCTION wealthdesk_notify_change()"
        )


# The month and day of a client's birth date, as the care list's birthday query writes it.
BIRTH_MONTH_DAY_SQLITE = "substr(birth_date, 6, 5)"  # dates are ISO text: "MM-DD"
BIRTH_MONTH_DAY_PG = "(EXTRACT(MONTH FROM birth_date) * 100 + EXTRACT(DAY FROM birth_date))"


def _v8_birthday_index(db: peewee.Database) -> None:
    """An index on the birth date's month and day: the day's birthdays are found among
    100,000 clients without reading every birth date."""
    pg = isinstance(db, peewee.PostgresqlDatabase)
    expression = BIRTH_MONTH_DAY_PG if pg else BIRTH_MONTH_DAY_SQLITE
    db.execute_sql(f"CREATE INDEX client_birth_month_day ON client (({expression}))")


def _v9_client_erasure(db: peewee.Database) -> None:
    """When a client's personal data was erased at their request (PIPL); the row stays,
    emptied, so the sales and visits the bank must keep still point at someone."""
    _ddl(db, "ALTER TABLE client ADD COLUMN erased_at {ts}")


def _v10_holiday_schedule(db: peewee.Database) -> None:
    """The State Council's holiday schedules the branch loaded: one row per holiday or
    make-up working day, under the year the schedule is for (a New Year's holiday may
    begin in the December before). On PostgreSQL other desks are told of a new one."""
    _ddl(
        db,
        """
CREATE TABLE holiday_schedule_day (
    schedule_year INTEGER NOT NULL,
    day DATE NOT NULL,
    kind VARCHAR(8) NOT NULL,
    name VARCHAR(40) NOT NULL DEFAULT '',
    loaded_at {ts} NOT NULL,
    loaded_by TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (schedule_year, day)
)""",
    )
    if isinstance(db, peewee.PostgresqlDatabase):
        db.execute_sql(
            "CREATE TRIGGER holiday_schedule_day_notify_change AFTER INSERT OR UPDATE OR DELETE "
            "ON holiday_schedule_day FOR EACH ROW EXECUTE FUNCTION wealthdesk_notify_change()"
        )


def _v11_audit_chain(db: peewee.Database) -> None:
    """Each audit entry holds the hash of the one before and of its own contents; the
    entries already written are chained in their order. The database refuses REPLACE,
    UPSERT and any entry that is not the next one (see db/audit_chain)."""
    from . import audit_chain

    _ddl(
        db,
        """
ALTER TABLE audit_entry ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_entry ADD COLUMN hash TEXT NOT NULL DEFAULT ''""",
    )
    audit_chain.drop_protections(db)
    audit_chain.chain_existing_entries(db)
    audit_chain.install_protections(db)


def _v12_desk_presence_and_service_parts(db: peewee.Database) -> None:
    """Which program runs each desk today (its computer, a heartbeat), so that the lobby
    lists every desk open today and one desk number is one window; and the part of a
    service each desk gave when a visitor was passed on after their service started.
    Independent of migration 11: new tables only."""
    _ddl(
        db,
        """
CREATE TABLE desk_presence (
    desk VARCHAR(40) PRIMARY KEY,
    host VARCHAR(80) NOT NULL DEFAULT '',
    pid INTEGER NOT NULL DEFAULT 0,
    token VARCHAR(40) NOT NULL DEFAULT '',
    day DATE NOT NULL,
    started_at {ts} NOT NULL,
    seen_at {ts} NOT NULL
);
CREATE TABLE service_part (
    id {pk},
    visit_id INTEGER NOT NULL REFERENCES visit (id) ON DELETE CASCADE,
    desk TEXT NOT NULL,
    started_at {ts} NOT NULL,
    ended_at {ts}
);
CREATE INDEX service_part_visit ON service_part (visit_id);
CREATE INDEX service_part_desk ON service_part (desk, started_at)""",
    )
    if isinstance(db, peewee.PostgresqlDatabase):
        # A desk starting, stopping or taken over is news for the lobby; its heartbeat
        # (seen_at alone) is not, or every window would wake every few seconds.
        db.execute_sql(
            "CREATE TRIGGER desk_presence_notify_change AFTER INSERT OR DELETE "
            "OR UPDATE OF token, day, started_at ON desk_presence "
            "FOR EACH ROW EXECUTE FUNCTION wealthdesk_notify_change()"
        )


def _v14_financial_plans(db: peewee.Database) -> None:
    """Financial plans (理财规划方案), each saved version kept with its client: who made it
    and when, the level it was made for, and what it showed (JSON), so a version prints
    again exactly as the client took it home. On PostgreSQL other desks are told."""
    _ddl(
        db,
        """
CREATE TABLE financial_plan (
    id {pk},
    client_id INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    made_at {ts} NOT NULL,
    manager TEXT NOT NULL DEFAULT '',
    actor TEXT NOT NULL DEFAULT '',
    desk TEXT NOT NULL DEFAULT '',
    level INTEGER NOT NULL,
    assessed_on DATE NOT NULL,
    total_fen BIGINT NOT NULL DEFAULT 0,
    content TEXT NOT NULL DEFAULT ''
);
CREATE INDEX financial_plan_client ON financial_plan (client_id, made_at)""",
    )
    if isinstance(db, peewee.PostgresqlDatabase):
        db.execute_sql(
            "CREATE TRIGGER financial_plan_notify_change AFTER INSERT OR UPDATE OR DELETE "
            "ON financial_plan FOR EACH ROW EXECUTE FUNCTION wealthdesk_notify_change()"
        )


def _v13_compliance_grade_suitability(db: peewee.Database) -> None:
    """What a compliance officer asks of a sale and of an assessment (issue 19): the
    client's identity document (type, expiry) and recorded financial assets; each
    client's qualified-investor record (私募); a product's investment kind, private
    asset class and cooling-off length; a sale's guardian or own-income proof, the 双录
    recording's time, retention and quality check, the large-sale confirmation; an
    assessment's signed form and its renewal mark. On PostgreSQL other desks are told
    of a new qualified-investor record."""
    _ddl(
        db,
        """
ALTER TABLE client ADD COLUMN id_doc_type VARCHAR(16) NOT NULL DEFAULT 'resident_id';
ALTER TABLE client ADD COLUMN id_doc_expiry DATE;
ALTER TABLE client ADD COLUMN financial_assets_fen BIGINT;
ALTER TABLE product ADD COLUMN kind VARCHAR(24) NOT NULL DEFAULT '';
ALTER TABLE product ADD COLUMN asset_class VARCHAR(16) NOT NULL DEFAULT '';
ALTER TABLE product ADD COLUMN cooling_off_hours INTEGER NOT NULL DEFAULT 24;
ALTER TABLE sale ADD COLUMN guardian TEXT NOT NULL DEFAULT '';
ALTER TABLE sale ADD COLUMN own_income_proof TEXT NOT NULL DEFAULT '';
ALTER TABLE sale ADD COLUMN recorded_at {ts};
ALTER TABLE sale ADD COLUMN recording_retain_until DATE;
ALTER TABLE sale ADD COLUMN recording_checked {bool} NOT NULL DEFAULT {false};
ALTER TABLE sale ADD COLUMN large_confirmed {bool} NOT NULL DEFAULT {false};
ALTER TABLE risk_assessment ADD COLUMN signed_received_at {ts};
ALTER TABLE risk_assessment ADD COLUMN signed_received_by TEXT NOT NULL DEFAULT '';
ALTER TABLE risk_assessment ADD COLUMN renewal_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE risk_assessment ADD COLUMN renewal_since DATE;
CREATE TABLE qualified_investor (
    id {pk},
    client_id INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    experience_years INTEGER NOT NULL DEFAULT 0,
    net_financial_assets_fen BIGINT NOT NULL DEFAULT 0,
    financial_assets_fen BIGINT NOT NULL DEFAULT 0,
    average_income_fen BIGINT NOT NULL DEFAULT 0,
    proof_kind VARCHAR(24) NOT NULL,
    proof_date DATE NOT NULL,
    valid_until DATE NOT NULL,
    actor TEXT NOT NULL DEFAULT '',
    created_at {ts} NOT NULL
);
CREATE INDEX qualified_investor_client ON qualified_investor (client_id, proof_date)""",
    )
    if isinstance(db, peewee.PostgresqlDatabase):
        db.execute_sql(
            "CREATE TRIGGER qualified_investor_notify_change AFTER INSERT OR UPDATE OR DELETE "
            "ON qualified_investor FOR EACH ROW EXECUTE FUNCTION wealthdesk_notify_change()"
        )


def _v15_complaints_and_care_messages(db: peewee.Database) -> None:
    """The complaints register, and the care messages sent to clients (the SMS
    platform's export among them). Stands on its own: it needs only the tables of
    version 10 and before. On PostgreSQL other desks are told of a new complaint."""
    _ddl(
        db,
        """
CREATE TABLE complaint (
    id {pk},
    received_on DATE NOT NULL,
    received_at {ts} NOT NULL,
    client_id INTEGER REFERENCES client (id) ON DELETE SET NULL,
    contact_name VARCHAR(40) NOT NULL DEFAULT '',
    contact_phone VARCHAR(20) NOT NULL DEFAULT '',
    visit_id INTEGER REFERENCES visit (id) ON DELETE SET NULL,
    channel VARCHAR(16) NOT NULL,
    category VARCHAR(16) NOT NULL,
    what TEXT NOT NULL,
    handler VARCHAR(40) NOT NULL,
    deadline DATE NOT NULL,
    status VARCHAR(16) NOT NULL DEFAULT 'open',
    resolution TEXT NOT NULL DEFAULT '',
    resolved_at {ts},
    accepted {bool},
    desk TEXT NOT NULL DEFAULT '',
    row_version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX complaint_status_deadline ON complaint (status, deadline);
CREATE INDEX complaint_received_on ON complaint (received_on);
CREATE INDEX complaint_client ON complaint (client_id);
CREATE TABLE care_message (
    id {pk},
    task_id INTEGER REFERENCES care_task (id) ON DELETE SET NULL,
    client_id INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    kind VARCHAR(16) NOT NULL,
    channel VARCHAR(16) NOT NULL,
    text TEXT NOT NULL,
    masked_mobile VARCHAR(20) NOT NULL DEFAULT '',
    created_at {ts} NOT NULL,
    exported_at {ts},
    export_file TEXT NOT NULL DEFAULT '',
    actor TEXT NOT NULL DEFAULT '',
    desk TEXT NOT NULL DEFAULT ''
);
CREATE INDEX care_message_pending ON care_message (channel, exported_at);
CREATE INDEX care_message_client ON care_message (client_id, created_at)""",
    )
    if isinstance(db, peewee.PostgresqlDatabase):
        for table in ("complaint", "care_message"):
            db.execute_sql(
                f"CREATE TRIGGER {table}_notify_change AFTER INSERT OR UPDATE OR DELETE "
                f"ON {table} FOR EACH ROW EXECUTE FUNCTION wealthdesk_notify_change()"
            )


def _v16_desk_lock(db: peewee.Database) -> None:
    """Each desk's lock kept with the desk in the database, not in a file on the PC:
    whether it is locked, the wrong PINs in a row, and whether the desk has had a PIN
    (so a PIN that disappears is seen as removed, not as never set). Desks with a PIN
    today start with it marked. Stands on its own: it needs only the settings table."""
    _ddl(
        db,
        """
CREATE TABLE desk_lock (
    desk VARCHAR(40) PRIMARY KEY,
    locked {bool} NOT NULL DEFAULT {false},
    pin_failures INTEGER NOT NULL DEFAULT 0,
    pin_set {bool} NOT NULL DEFAULT {false},
    changed_at {ts} NOT NULL
);
INSERT INTO desk_lock (desk, locked, pin_failures, pin_set, changed_at)
SELECT substr(key, 6, length(key) - 14), {false}, 0, {true}, CURRENT_TIMESTAMP
FROM setting
WHERE substr(key, 1, 5) = 'desk:' AND substr(key, length(key) - 8) = ':pin_hash'
    AND value NOT IN ('""', 'null', '')""",
    )


def _v17_identity_document_number(db: peewee.Database) -> None:
    """The number of the client's identity document when it is not the resident ID (a
    residence permit, a permanent residence ID, a passport: each has its own format); a
    resident ID's number stays the client's ID number. Stands on its own: it needs only
    version 13's document columns."""
    _ddl(db, "ALTER TABLE client ADD COLUMN id_doc_number VARCHAR(32)")


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "clients, search keys, audit log, settings", _v1_clients_audit_settings),
    Migration(
        2, "demo clients marked; book ordered like a dictionary", _v2_demo_flag_and_dictionary_order
    ),
    Migration(3, "visitor queue: visits and ticket counters", _v3_visitor_queue),
    Migration(4, "desk states; end-of-service checklist", _v4_desk_status_and_checklist),
    Migration(5, "appointments, preparation checklists and templates", _v5_appointments),
    Migration(
        6,
        "products, holdings, risk assessments, sales, care tasks and calls, colleague support",
        _v6_products_risk_sales_care,
    ),
    Migration(7, "other desks told of every change (PostgreSQL)", _v7_change_notifications),
    Migration(8, "clients' birthdays found by month and day", _v8_birthday_index),
    Migration(9, "clients' personal data erased on request", _v9_client_erasure),
    Migration(10, "holiday schedules loaded by the branch", _v10_holiday_schedule),
    Migration(11, "audit entries chained; the log takes only its next entry", _v11_audit_chain),
    Migration(
        12,
        "desks open today (one window per desk); a service's part at each desk",
        _v12_desk_presence_and_service_parts,
    ),
    Migration(
        13,
        "compliance-grade suitability: documents, qualified investors, 双录, signed forms",
        _v13_compliance_grade_suitability,
    ),
    Migration(14, "financial plans kept with their clients", _v14_financial_plans),
    Migration(15, "complaints register; care messages", _v15_complaints_and_care_messages),
    Migration(16, "each desk's lock, wrong PINs and PIN kept in the database", _v16_desk_lock),
    Migration(
        17,
        "the number of a client's document other than the resident ID",
        _v17_identity_document_number,
    ),
)
LATEST_VERSION = MIGRATIONS[-1].version


def _ensure_version_table(db: peewee.Database) -> None:
    db.execute_sql(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        "version INTEGER PRIMARY KEY, applied_at TIMESTAMP NOT NULL, description TEXT NOT NULL)"
    )


def _foreign_tables(db: peewee.Database) -> list[str]:
    """Tables in a file without WealthDesk's version table: another program's data."""
    return [t for t in db.get_tables() if not t.startswith("sqlite_")]


def schema_version(db: peewee.Database) -> int:
    if "schema_version" not in db.get_tables():
        return 0
    row = db.execute_sql("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def backup_sqlite(db: peewee.SqliteDatabase, target: Path) -> Path:
    """Copy a live SQLite database with the online backup API."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with replacing(target) as partial:  # never a half-written copy that looks usable
        dest = sqlite3.connect(str(partial))
        try:
            db.connection().backup(dest)
            # One self-contained file: a copy left in WAL mode grows -wal and -shm files
            # beside it whenever it is opened to be checked.
            dest.execute("PRAGMA journal_mode=delete")
        finally:
            dest.close()
    return target


def migrate(db: peewee.Database, display: str, backup_dir: Path | None = None) -> list[Migration]:
    """Bring the schema to :data:`LATEST_VERSION`; returns the migrations applied.

    Raises :class:`DatabaseNewer` for a schema this program does not know, and never
    changes such a database.
    """
    is_sqlite = isinstance(db, peewee.SqliteDatabase)
    try:
        current = schema_version(db)
        if current == 0 and is_sqlite and _foreign_tables(db):
            raise ForeignDatabase(display)
        if current > LATEST_VERSION:
            raise DatabaseNewer(display, str(current))
        if current == LATEST_VERSION:
            return []
        if is_sqlite and current > 0 and backup_dir is not None:
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            stem = Path(db.database).stem
            target = backup_dir / f"{stem}-before-v{LATEST_VERSION}-{stamp}.sqlite3"
            try:
                copy = backup_sqlite(db, target)
            except (OSError, sqlite3.Error) as exc:
                reason = (
                    os_error_reason(exc)
                    if isinstance(exc, OSError)
                    else translate_sqlite_error(exc, display).detail or str(exc)
                )
                if isinstance(exc, sqlite3.Error) and "full" in str(exc).lower():
                    reason = os_error_reason(OSError(errno.ENOSPC, "disk full"))
                raise BackupFailed(display, reason, folder=str(backup_dir)) from exc
            log.info("backed up %s to %s before migrating", display, copy)
        applied: list[Migration] = []
        for migration in MIGRATIONS:
            with db.atomic("IMMEDIATE") if is_sqlite else db.atomic():
                if not is_sqlite:
                    db.execute_sql("SELECT pg_advisory_xact_lock(7143001)")
                _ensure_version_table(db)
                # Re-read under the write lock: another process may have migrated meanwhile.
                if schema_version(db) >= migration.version:
                    continue
                migration.apply(db)
                db.execute_sql(
                    "INSERT INTO schema_version (version, applied_at, description) "
                    "VALUES (%s, %s, %s)" % ((db.param,) * 3),
                    (
                        migration.version,
                        dt.datetime.now(dt.UTC).replace(tzinfo=None),
                        migration.description,
                    ),
                )
            applied.append(migration)
            log.info("applied migration %d: %s", migration.version, migration.description)
        return applied
    except (peewee.DatabaseError, sqlite3.DatabaseError) as exc:
        # A server that refuses (no CREATE right on the schema, say) is a message for
        # the user like a locked or damaged file, not a traceback.
        raise storage_error(exc, display, is_sqlite) from exc


__all__ = ["LATEST_VERSION", "MIGRATIONS", "DatabaseLocked", "migrate", "schema_version"]
