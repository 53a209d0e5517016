"""Who the audit log names, and how a screen names them: a manager with the desk, the
desk alone where only the computer's login is known, never the login itself."""

from __future__ import annotations

from wealthdesk.domain.audit import Actor, actor_of, desk_actor


def test_a_desk_with_a_manager_records_the_manager_and_the_desk():
    recorded = desk_actor("王经理", "1", "wang")
    assert recorded == "王经理 (desk 1)"
    assert actor_of(recorded, "wang") == Actor("王经理", "1")


def test_a_desk_without_a_manager_records_the_login_marked_as_one():
    recorded = desk_actor("", "2", "root")
    assert "root" in recorded  # the audit log still says who was logged in
    assert actor_of(recorded) == Actor("", "2")
    assert actor_of(recorded, "someone else") == Actor("", "2")


def test_an_older_record_naming_this_computer_s_login_shows_the_desk_alone():
    assert actor_of("root (desk 1)", "root") == Actor("", "1")
    assert actor_of("root (desk 1)", "wang") == Actor("root", "1")  # a manager named root


def test_the_command_line_and_other_names_are_told_apart():
    assert actor_of("cli:root", "root") == Actor("", "", command_line=True)
    assert actor_of("demo") == Actor("demo", "")
    assert actor_of("") == Actor("", "")
