"""Connecting a desk to the branch server: the test says what it found, the address is
kept without a password, the password only in PostgreSQL's password file (this user's
only), and a server that is not there is named with its reason."""

from __future__ import annotations

import stat

import pytest

from wealthdesk import local_settings
from wealthdesk.services import branch
from wealthdesk.ui.branch.server_dialog import ServerDialog


@pytest.fixture
def dialog(qtbot, prompts, language, tmp_path, monkeypatch):
    language.install_language("en")
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))
    shown = ServerDialog()
    qtbot.addWidget(shown)
    return shown


def fill(dialog, server, password: str = "") -> None:
    params = server.params
    dialog.host.setText(str(params["host"]))
    dialog.port.setValue(int(params["port"]))
    dialog.database.setText(server.dbname)
    dialog.user.setText(str(params["user"]))
    dialog.password.setText(password)


@pytest.mark.postgres
def test_the_test_says_what_it_found_and_use_keeps_the_address_without_password(
    dialog, postgres_server, prompts, tmp_path
):
    postgres_server.fresh_database_url()
    fill(dialog, postgres_server, password="s3cret:pass")
    assert dialog.test()
    assert "Connected: PostgreSQL" in dialog.result_label.text()
    assert "empty database" in dialog.result_label.text()
    prompts.answer("info")
    dialog.use_button.click()
    stored = str(local_settings.state(local_settings.DATABASE_URL))
    assert stored.startswith("postgresql://") and "s3cret" not in stored
    assert dialog.password.text() == ""
    kept = (tmp_path / "pgpass").read_text()
    assert kept.endswith(":s3cret\\:pass\n")  # the colon escaped as libpq reads it
    assert stat.S_IMODE((tmp_path / "pgpass").stat().st_mode) == 0o600


def test_a_server_that_is_not_there_is_named_with_its_reason(dialog):
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(1)  # nothing listens there
    dialog.user.setText("desk")
    assert not dialog.test()
    assert dialog.result_label.text().startswith("Not connected:")
    assert local_settings.state(local_settings.DATABASE_URL) in (None, "")


def test_a_missing_field_is_marked_before_connecting(dialog):
    dialog.host.setText("")
    assert not dialog.test()
    assert "server's name" in dialog.errors["host"].text()
    assert "user name" in dialog.errors["user"].text()


def test_remembering_a_password_replaces_the_older_line_only(tmp_path, monkeypatch):
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))
    (tmp_path / "pgpass").write_text("other:5432:db:u:keep\n")
    address = branch.ServerAddress("srv", 5432, "wealthdesk", "desk1")
    branch.remember_password(address, "old")
    branch.remember_password(address, "new")
    assert (tmp_path / "pgpass").read_text() == (
        "other:5432:db:u:keep\nsrv:5432:wealthdesk:desk1:new\n"
    )


def test_the_local_database_can_be_chosen_again(dialog, prompts):
    local_settings.set_state(local_settings.DATABASE_URL, "postgresql://x@y:5432/z")
    prompts.answer("info")
    dialog.local_button.click()
    assert local_settings.state(local_settings.DATABASE_URL) == ""
