"""One rule for every document the user saves: whole or not at all, and with the
permissions any file the user saves gets (the umask's), from the command line and from
the window alike; and the command line refuses a return time that has passed, as the
window does."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import pytest
from test_cli import run_cli, stored
from test_cli_notice import LOGGED

from wealthdesk.db.connection import sqlite_url
from wealthdesk.reports.agenda import agenda_pdf
from wealthdesk.reports.fonts import cjk_font
from wealthdesk.reports.questionnaire import questionnaire_pdf
from wealthdesk.services import risk

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
pytestmark = pytest.mark.skipif(not WQY.is_file(), reason="fonts-wqy-microhei is not installed")


@pytest.fixture
def umask_022():
    before = os.umask(0o022)
    yield
    os.umask(before)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_every_saved_document_follows_the_umask(store, umask_022, tmp_path):
    from wealthdesk.ui.pdf_preview import copy_atomically

    agenda = agenda_pdf(tmp_path / "agenda.pdf", dt.date(2026, 11, 30), [], cjk_font())
    form = questionnaire_pdf(tmp_path / "form.pdf", risk.questionnaire(), cjk_font())
    copy = copy_atomically(agenda, tmp_path / "copy.pdf")  # the preview's Save as PDF…
    assert [mode(p) for p in (agenda, form, copy)] == [0o644] * 3
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_exports_and_backups_are_written_by_the_same_rule(store, umask_022, tmp_path):
    """The audit log's CSV, a backup copy and its ledger: the umask's permissions, as a
    saved document's, and no temporary file left beside them."""
    from wealthdesk.services import audit, backup

    exported = tmp_path / "exports" / "audit.csv"
    exported.parent.mkdir()
    audit.export_csv(exported, None, None, "t")
    copy = backup.backup_now(tmp_path / "copies")
    ledger = [p for p in copy.parent.iterdir() if p != copy]
    assert [mode(p) for p in (exported, copy, *ledger)] == [0o644] * 3
    assert [p.name for p in (*exported.parent.iterdir(), *copy.parent.iterdir())
            if p.name.startswith(".") and p not in ledger] == []  # fmt: skip


def test_a_write_that_fails_leaves_the_old_file_and_no_temporary_one(tmp_path):
    from wealthdesk.private_files import replacing, write_atomically

    target = write_atomically(tmp_path / "summary.pdf", b"the old one")
    with pytest.raises(RuntimeError), replacing(target) as partial:
        partial.write_bytes(b"half of the new")
        raise RuntimeError("the disk filled up")
    assert target.read_bytes() == b"the old one"
    assert [p.name for p in tmp_path.iterdir()] == ["summary.pdf"]


def test_a_return_time_that_has_passed_is_refused_on_the_command_line(tmp_path):
    now = dt.datetime.now()
    if (now.hour, now.minute) < (0, 2) or (now.hour, now.minute) >= (23, 58):
        pytest.skip("too near midnight: the command may run on another day")
    passed = (now - dt.timedelta(minutes=1)).strftime("%H:%M")
    home, database = tmp_path / "home", tmp_path / "d.sqlite3"
    home.mkdir()
    out = tmp_path / "n.pdf"
    done = run_cli(home, "notice", "away", "--back", passed, "--out", str(out), "--lang", "en",
                   "--db", sqlite_url(database))  # fmt: skip
    assert done.returncode == 2
    assert (
        done.stderr.strip() == f"wealthdesk: --back: The return time {passed} has already passed."
    )
    assert not out.exists() and stored(database, LOGGED) == []
