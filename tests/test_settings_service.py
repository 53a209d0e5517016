"""Branch and desk settings kept in the database (services/settings.py)."""

from __future__ import annotations

import json

import pytest

from wealthdesk import db
from wealthdesk.db.models import Setting
from wealthdesk.domain.audit import AuditAction
from wealthdesk.domain.errors import ValidationError
from wealthdesk.domain.settings import SPECS, Scope
from wealthdesk.services import audit, settings

pytestmark = pytest.mark.usefixtures("backend_store")


def test_an_empty_database_has_the_documented_defaults():
    values = settings.load("1")
    assert values["office_open"] == "09:00"
    assert (values["lunch_start"], values["lunch_end"]) == ("12:00", "14:00")
    assert values["office_close"] == "17:00"
    assert values["idle_timeout_minutes"] == 5
    assert values["branch_name"] == values["manager_name"] == values["desk_phone"] == ""
    assert values["welcome_done"] is False
    expected = {k for k, s in SPECS.items() if s.scope is not Scope.PC}
    assert set(values) == expected


def test_saved_settings_are_read_back_after_reopening(backend_store, tmp_path):
    changes = {
        "branch_name": "杭州西湖支行",
        "lunch_start": "11:30",
        "lunch_end": "13:30",
        "idle_timeout_minutes": 10,
        "desk_phone": "0571-88888888-123",
        "manager_name": "李经理",
        "welcome_done": True,
    }
    assert settings.save(changes, "1", "desk1") == {**settings.load("1"), **changes}
    db.close()
    db.connect(backend_store, tmp_path / "backups")
    values = settings.load("1")
    assert {k: values[k] for k in changes} == changes
    assert settings.get("idle_timeout_minutes", "1") == 10


@pytest.mark.parametrize("minutes", [1, 15])
def test_idle_timeout_may_be_from_1_to_15_minutes(minutes):
    settings.save({"idle_timeout_minutes": minutes}, "1", "desk1")
    assert settings.get("idle_timeout_minutes") == minutes


@pytest.mark.parametrize(
    ("changes", "field", "says"),
    [
        ({"idle_timeout_minutes": 0}, "idle_timeout_minutes", "from 1 to 15"),
        ({"idle_timeout_minutes": 16}, "idle_timeout_minutes", "from 1 to 15"),
        ({"idle_timeout_minutes": "5"}, "idle_timeout_minutes", "whole number"),
        ({"idle_timeout_minutes": True}, "idle_timeout_minutes", "whole number"),
        ({"office_open": "9:00"}, "office_open", "HH:MM"),
        ({"office_open": "9.00"}, "office_open", "HH:MM"),
        ({"lunch_start": "24:00"}, "lunch_start", "There is no such time: 24:00."),
        ({"lunch_end": "13:60"}, "lunch_end", "There is no such time: 13:60."),
        ({"office_close": "25:00"}, "office_close", "There is no such time: 25:00."),
        ({"lunch_start": "08:30"}, "lunch_start", "opens, lunch from, lunch until, closes"),
        ({"lunch_end": "11:00"}, "lunch_end", "opens, lunch from, lunch until, closes"),
        ({"office_close": "13:00"}, "office_close", "opens, lunch from, lunch until, closes"),
        ({"desk_phone": "88888888"}, "desk_phone", "area code"),
        ({"branch_name": "支" * 201}, "branch_name", "longer than 200 characters"),
        ({"manager_name": "李" * 41}, "manager_name", "longer than 40 characters"),
        ({"manager_name": "李经理 (2)"}, "manager_name", "only Chinese characters, letters"),
        ({"manager_name": "13812345678"}, "manager_name", "only Chinese characters, letters"),
        ({"no_such_setting": 1}, "no_such_setting", "no setting called"),
        (
            {"client_work_target_hours": 7, "working_hours": 6},
            "client_work_target_hours",
            "cannot be more than the working day",
        ),
        ({"care_maturity_days": 0}, "care_maturity_days", "1"),
    ],
)
def test_a_bad_value_is_refused_with_its_reason_and_nothing_is_stored(changes, field, says):
    with pytest.raises(ValidationError) as refused:
        settings.save({"branch_name": "杭州西湖支行", **changes}, "1", "desk1")
    assert field in {p.field for p in refused.value.problems}
    assert says in refused.value.render()
    assert settings.load("1")["branch_name"] == ""
    assert audit.entries() == []


def test_a_whole_new_office_day_may_be_saved_at_once():
    day = {
        "office_open": "08:30",
        "lunch_start": "11:30",
        "lunch_end": "13:00",
        "office_close": "16:30",
    }
    settings.save(day, "1", "desk1")
    assert {k: settings.load("1")[k] for k in day} == day


def test_desk_settings_belong_to_one_desk_and_branch_settings_to_all():
    settings.save({"manager_name": "李经理", "idle_timeout_minutes": 3}, "1", "desk1")
    settings.save({"manager_name": "王经理", "branch_name": "西湖支行"}, "2", "desk2")

    desk1, desk2, desk3 = settings.load("1"), settings.load("2"), settings.load("3")
    assert (desk1["manager_name"], desk2["manager_name"], desk3["manager_name"]) == (
        "李经理",
        "王经理",
        "",
    )
    assert (desk1["idle_timeout_minutes"], desk2["idle_timeout_minutes"]) == (3, 5)
    assert desk1["branch_name"] == desk2["branch_name"] == desk3["branch_name"] == "西湖支行"


def test_settings_of_this_computer_are_never_written_to_the_database():
    with pytest.raises(ValueError, match="kept on this computer"):
        settings.save({"language": "en"}, "1", "desk1")
    assert not Setting.select().where(Setting.key.contains("language")).exists()


def test_a_change_is_audited_by_key_without_its_value():
    settings.save({"desk_phone": "0571-88888888", "manager_name": "李经理"}, "1", "desk1")
    (entry,) = audit.entries()
    assert entry.action is AuditAction.SETTINGS_CHANGED and entry.actor == "desk1"
    assert entry.detail == "desk_phone,manager_name"


def test_dismissing_the_welcome_and_unchanged_values_are_not_audited():
    settings.save({"welcome_done": True}, "1", "desk1")
    settings.save({"idle_timeout_minutes": 5}, "1", "desk1")
    assert audit.entries() == []


@pytest.mark.parametrize("stored", ["not json", json.dumps("ten"), json.dumps(None)])
def test_a_damaged_stored_value_falls_back_to_its_default(stored):
    Setting.create(key="desk:1:idle_timeout_minutes", value=stored)
    assert settings.get("idle_timeout_minutes", "1") == 5


@pytest.mark.parametrize("name", ["李" * 40, "欧阳娜娜", "Mary-Jane O.", ""])
def test_a_manager_s_name_may_be_any_name_a_client_may_have(name):
    settings.save({"manager_name": name}, "1", "desk1")
    assert settings.get("manager_name", "1") == name
