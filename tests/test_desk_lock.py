"""The desk's lock kept with the desk in the database (issue 18): locked or not, the wrong
PINs in a row, a PIN that disappears seen as tampering, and the branch's reset on the
command line; on SQLite and PostgreSQL, every change audited."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from wealthdesk import db
from wealthdesk.db import migrations
from wealthdesk.db.connection import sqlite_url
from wealthdesk.db.models import Setting
from wealthdesk.domain.audit import AuditAction
from wealthdesk.domain.pin import hash_pin, verify_pin
from wealthdesk.services import audit
from wealthdesk.services import desk as desk_service
from wealthdesk.services import settings as settings_service

REPO = Path(__file__).resolve().parent.parent
LIGHT = {"n": 2**10, "p": 1}  # the lock is tested here; test_pin.py guards the cost


def actions() -> list:
    return [entry.action for entry in audit.entries()]


def remove_pin_row(desk: str = "1") -> None:
    """What someone with the database file does: delete the PIN's row."""
    Setting.delete().where(Setting.key == f"desk:{desk}:pin_hash").execute()


def test_locking_wrong_pins_and_unlocking_are_stored_with_the_desk_and_audited(
    backend_store, clock
):
    assert desk_service.lock_state("1") == desk_service.LockState("1")
    pin = desk_service.record_lock("1", "王经理 (desk 1)")
    assert pin == desk_service.LockPin("", removed=False)  # no PIN ever set
    assert desk_service.lock_state("1").locked
    assert desk_service.record_wrong_pin("1", "王经理 (desk 1)") == 1
    assert desk_service.record_wrong_pin("1", "王经理 (desk 1)") == 2
    assert desk_service.lock_state("1").pin_failures == 2
    assert desk_service.lock_state("2") == desk_service.LockState("2")  # desks apart
    desk_service.record_unlock("1", "王经理 (desk 1)")
    assert desk_service.lock_state("1") == desk_service.LockState("1", False, 0, False)
    assert actions()[:4] == [
        AuditAction.DESK_UNLOCKED,
        AuditAction.DESK_PIN_WRONG,
        AuditAction.DESK_PIN_WRONG,
        AuditAction.DESK_LOCKED,
    ]
    assert audit.entries()[1].detail == "1 2"  # desk, wrong PINs in a row


def test_a_pin_set_in_settings_marks_the_desk_and_its_removal_is_tampering(backend_store, clock):
    settings_service.save({"pin_hash": hash_pin("246813", **LIGHT)}, "1", "王经理")
    assert desk_service.lock_state("1").pin_set
    assert not desk_service.lock_pin("1").removed
    remove_pin_row()
    assert desk_service.lock_pin("1") == desk_service.LockPin("", removed=True)
    # Emptying it through the settings is no way round either: only the reset is.
    settings_service.save({"pin_hash": hash_pin("246813", **LIGHT)}, "1", "王经理")
    settings_service.save({"pin_hash": ""}, "1", "王经理")
    pin = desk_service.record_lock("1", "王经理")
    assert pin.removed and pin.pin_hash == ""
    assert actions()[:2] == [AuditAction.DESK_PIN_MISSING, AuditAction.DESK_LOCKED]
    assert audit.entries()[1].detail == "1 pin removed"


def test_the_branch_reset_gives_a_new_pin_forgets_the_wrong_ones_and_keeps_the_lock(
    backend_store, clock
):
    settings_service.save({"pin_hash": hash_pin("246813", **LIGHT)}, "1", "王经理")
    desk_service.record_lock("1", "王经理")
    desk_service.record_wrong_pin("1", "王经理")
    remove_pin_row()
    desk_service.reset_pin("1", hash_pin("907531", **LIGHT), "cli:admin")
    state = desk_service.lock_state("1")
    assert (state.locked, state.pin_failures, state.pin_set) == (True, 0, True)
    pin = desk_service.lock_pin("1")
    assert not pin.removed and verify_pin("907531", pin.pin_hash)
    assert audit.entries()[0].action == AuditAction.DESK_PIN_RESET
    assert audit.entries()[0].actor == "cli:admin"


def test_a_desk_with_a_pin_before_the_upgrade_is_marked_as_having_one(tmp_path, clock):
    url = sqlite_url(tmp_path / "old.sqlite3")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:15])
        patch.setattr(migrations, "LATEST_VERSION", 15)
        db.connect(url)
    try:
        assert "desk_lock" not in db.database.obj.get_tables()
        # As the release before stored them (it knew nothing of the desk's lock).
        Setting.create(key="desk:3:pin_hash", value=json.dumps(hash_pin("246813", **LIGHT)))
        Setting.create(key="desk:4:pin_hash", value=json.dumps(""))
        Setting.create(key="desk:4:manager_name", value=json.dumps("李敏"))
    finally:
        db.close()
    db.connect(url, tmp_path / "backups")
    try:
        assert desk_service.lock_state("3").pin_set  # its PIN's removal will be seen
        assert not desk_service.lock_state("4").pin_set  # never had one
        remove_pin_row("3")
        assert desk_service.lock_pin("3").removed
    finally:
        db.close()


# ---------------------------------------------------------------- the command line


def reset_pin(home: Path, database: Path, typed: str):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "WEALTHDESK_"))}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    command = ["main.py", "--lang", "en", "desk", "reset-pin", "--desk", "2"]
    return subprocess.run(
        [sys.executable, *command, "--db", sqlite_url(database)],
        cwd=REPO,
        env=env,
        input=typed,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def home(tmp_path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


def test_reset_pin_on_the_command_line_sets_the_new_pin_and_records_it(tmp_path, home):
    database = tmp_path / "branch.sqlite3"
    done = reset_pin(home, database, "907531\n907531\n")
    assert done.returncode == 0, done.stderr
    assert "desk 2: the PIN was reset" in done.stdout
    assert "907531" not in done.stdout + done.stderr
    db.connect(sqlite_url(database), tmp_path / "backups")
    try:
        assert verify_pin("907531", desk_service.lock_pin("2").pin_hash)
        entry = audit.entries()[0]
        assert entry.action == AuditAction.DESK_PIN_RESET
        assert entry.actor.startswith("cli:") and entry.detail == "2 new pin"
    finally:
        db.close()


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("2580\n2580\n", "this one has 4"),  # a new PIN needs 6 digits
        ("907531\n907532\n", "The two PINs differ"),
        ("123456\n123456\n", "too easy to guess"),
        ("", "Enter a PIN of 6 to 12 digits"),
    ],
)
def test_a_bad_new_pin_is_refused_with_its_reason_and_nothing_changes(tmp_path, home, typed, words):
    database = tmp_path / "branch.sqlite3"
    done = reset_pin(home, database, typed)
    assert done.returncode == 2
    assert words in done.stderr and "nothing was changed" in done.stderr
    assert "Traceback" not in done.stderr
    db.connect(sqlite_url(database), tmp_path / "backups")
    try:
        assert AuditAction.DESK_PIN_RESET not in actions()
        assert desk_service.lock_pin("2").pin_hash == ""
    finally:
        db.close()
