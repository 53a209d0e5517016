"""A desk's state (services/desk.py, domain/desk.py) on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest

from wealthdesk.domain.audit import AuditAction
from wealthdesk.domain.desk import DeskState, return_time_problem, suggested_return
from wealthdesk.domain.errors import ValidationError
from wealthdesk.services import audit
from wealthdesk.services import desk as desk_service


def at(hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 11, 27, hour, minute).astimezone()


def test_a_desk_never_set_is_available(backend_store, clock):
    status = desk_service.get_status("3")
    assert (status.desk, status.state, status.until) == ("3", DeskState.AVAILABLE, None)


def test_away_and_lunch_keep_their_return_time_and_every_desk_sees_them(backend_store, clock):
    clock.set(at(11, 50))
    desk_service.set_status("1", DeskState.LUNCH, "m1", until="14:00", manager="王经理")
    desk_service.set_status("2", DeskState.AWAY, "m2", until="12:10")

    one, two = desk_service.all_statuses()
    assert (one.desk, one.state, one.until, one.manager) == (
        "1", DeskState.LUNCH, dt.time(14, 0), "王经理"
    )  # fmt: skip
    assert (two.state, two.until, two.changed_at) == (DeskState.AWAY, dt.time(12, 10), at(11, 50))
    back = desk_service.set_status("1", DeskState.AVAILABLE, "m1", until="15:00")
    assert back.until is None  # an available desk has no return time
    entry = audit.entries()[0]
    assert (entry.action, entry.detail) == (AuditAction.DESK_STATE, "1 available")


@pytest.mark.parametrize(
    ("until", "words"),
    [("", "HH:MM"), ("3pm", "HH:MM"), ("25:00", "HH:MM"), ("09:30", "already passed")],
)
def test_a_return_time_must_be_a_later_time_today(backend_store, clock, until, words):
    clock.set(at(10, 0))
    with pytest.raises(ValidationError) as refused:
        desk_service.set_status("1", DeskState.AWAY, "m1", until=until)
    assert words in refused.value.render()
    assert desk_service.get_status("1").state is DeskState.AVAILABLE  # nothing stored


def test_serving_is_not_stored_because_the_queue_says_it(store, clock):
    with pytest.raises(ValueError):
        desk_service.set_status("1", DeskState.SERVING, "m1")


def test_the_suggested_return_is_lunch_end_or_a_rounded_quarter_hour():
    assert suggested_return(DeskState.LUNCH, at(11, 55), "14:00") == dt.time(14, 0)
    assert suggested_return(DeskState.AWAY, at(10, 2), "14:00") == dt.time(10, 20)
    assert suggested_return(DeskState.AWAY, at(10, 45), "14:00") == dt.time(11, 0)
    # Lunch asked for after the lunch break ends: a quarter of an hour, like away.
    assert suggested_return(DeskState.LUNCH, at(14, 30), "14:00") == dt.time(14, 45)
    assert suggested_return(DeskState.AWAY, at(23, 50), "14:00") == dt.time(23, 55)


def test_return_time_problems_name_the_field():
    assert return_time_problem("10:01", at(10, 0)) is None
    problem = return_time_problem("10:00", at(10, 0), field="back")
    assert problem is not None and problem.field == "back"
