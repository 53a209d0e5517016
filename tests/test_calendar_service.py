"""The one working calendar, and the State Council's schedules the branch loads
(services/calendar.py), on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest

from wealthdesk.domain.calendar import Source
from wealthdesk.domain.client import ClientDraft
from wealthdesk.domain.client_csv import CsvFileError
from wealthdesk.services import appointments, audit, settings
from wealthdesk.services import calendar as calendar_service
from wealthdesk.services.appointments import AppointmentDraft
from wealthdesk.services.clients import create_client

D = dt.date
SCHEDULE_2027 = (
    "日期,类型,名称\n"
    "2027-01-01,休,元旦\n"
    "2027-02-05,休,春节\n"
    "2027-02-06,休,春节\n"
    "2027-02-07,休,春节\n"
    "2027-02-08,休,春节\n"
    "2027-02-09,休,春节\n"
    "2027-02-10,休,春节\n"
    "2027-02-11,休,春节\n"
    "2027-02-20,班,春节\n"
    "2027-10-01,休,国庆节\n"
)


def at(day: dt.date, hhmm: str) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.fromisoformat(hhmm)).astimezone()


def book(start: dt.datetime):
    zhang = create_client(ClientDraft(name="张伟", mobile="13800138000"), "tester").id
    return appointments.create(
        AppointmentDraft(start=start, client_id=zhang, manager="王芳", desk="1"), "tester"
    )


def refusal(start: dt.datetime) -> str:
    from wealthdesk.domain.errors import ValidationError

    with pytest.raises(ValidationError) as caught:
        book(start)
    return caught.value.render()


@pytest.fixture
def schedule_file(tmp_path):
    path = tmp_path / "2027.csv"
    path.write_text(SCHEDULE_2027, encoding="utf-8")
    return path


def test_2027_is_provisional_until_a_schedule_is_loaded_then_official(
    backend_store, clock, schedule_file
):
    assert calendar_service.year_schedule(2027).source is Source.COMPUTED
    assert "Spring Festival holiday (provisional)" in refusal(at(D(2027, 2, 5), "10:00"))
    assert book(at(D(2027, 2, 9), "10:00"))  # not a statutory day: bookable, for now

    preview = calendar_service.load_schedule(schedule_file, "王芳")

    changed = {c.after.day: c for c in preview.changes}
    assert changed[D(2027, 2, 10)].before.open and not changed[D(2027, 2, 10)].after.open
    assert changed[D(2027, 2, 20)].after.open and not changed[D(2027, 2, 20)].before.open
    spring = changed[D(2027, 2, 5)]
    assert spring.before.provisional and not spring.after.provisional
    # Qingming, computed but not in this (partial) schedule: the schedule decides.
    assert changed[D(2027, 4, 5)].before.provisional and changed[D(2027, 4, 5)].after.open
    schedule = calendar_service.year_schedule(2027)
    assert (schedule.source, schedule.days, schedule.loaded_by) == (Source.LOADED, 10, "王芳")
    # A make-up Saturday is open and bookable; a loaded holiday is closed.
    saturday = book(at(D(2027, 2, 20), "10:00"))
    assert saturday.start.date() == D(2027, 2, 20) and saturday.calendar_notes == ()
    assert "Spring Festival holiday." in refusal(at(D(2027, 2, 10), "10:00"))
    calendar = calendar_service.working_calendar()
    assert calendar.next_working_day(D(2027, 2, 4)) == D(2027, 2, 12)
    (entry,) = [e for e in audit.entries() if e.action == "calendar_loaded"]
    assert entry.actor == "王芳" and entry.detail.startswith("2027: 9 holidays, 1 working days")


def test_a_new_schedule_for_the_year_replaces_the_one_loaded_before(
    backend_store, clock, schedule_file, tmp_path
):
    calendar_service.load_schedule(schedule_file, "王芳")
    again = tmp_path / "again.csv"
    again.write_text("date,kind,name\n2027-02-05,holiday,Spring Festival\n", encoding="utf-8")
    preview = calendar_service.load_schedule(again, "王芳")
    assert preview.replaces == 10
    calendar = calendar_service.working_calendar()
    assert calendar.is_working_day(D(2027, 2, 10))
    assert not calendar.is_working_day(D(2027, 2, 20))  # a plain Saturday again
    assert calendar_service.year_schedule(2027).days == 1


def test_a_bad_schedule_changes_nothing(backend_store, clock, schedule_file, tmp_path):
    calendar_service.load_schedule(schedule_file, "王芳")
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "date,kind,name\n2027-02-05,holiday,春节\n2027-02-31,holiday,春节\n", encoding="utf-8"
    )
    with pytest.raises(calendar_service.ScheduleRefused) as refused:
        calendar_service.load_schedule(bad, "王芳")
    assert [b.line for b in refused.value.preview.schedule.bad_lines] == [3]
    assert calendar_service.year_schedule(2027).days == 10
    assert calendar_service.working_calendar().is_working_day(D(2027, 2, 20))
    assert [e.action for e in audit.entries()].count("calendar_loaded") == 1
    missing = tmp_path / "missing.csv"
    with pytest.raises(CsvFileError):
        calendar_service.preview_schedule(missing)


def test_a_branch_open_day_on_a_sunday_is_bookable(backend_store, clock):
    sunday = D(2027, 3, 7)
    assert "Weekend" in refusal(at(sunday, "10:00"))
    settings.save({"open_days": "2027-03-07"}, "1", "admin")
    assert book(at(sunday, "10:00")).start.date() == sunday
    assert calendar_service.working_calendar().status(sunday).label == "Branch open day"


def test_a_day_both_closed_and_open_is_refused(backend_store):
    from wealthdesk.domain.errors import ValidationError

    with pytest.raises(ValidationError) as caught:
        settings.save({"closed_days": "2027-03-07", "open_days": "2027-03-07"}, "1", "admin")
    assert caught.value.problems[0].field == "open_days"
    assert "2027-03-07 is both a closed day and an open day." in caught.value.render()


def test_the_missing_schedule_is_noticed_from_the_first_of_november(
    backend_store, clock, schedule_file
):
    assert calendar_service.schedule_notice(D(2026, 10, 31)) is None
    notice = calendar_service.schedule_notice(D(2026, 11, 1))
    assert "There is no official holiday schedule for 2027 yet" in notice.render()
    assert "wealthdesk calendar import FILE.csv" in notice.render()
    assert calendar_service.schedule_notice(D(2025, 12, 7)) is None  # 2026 is bundled
    calendar_service.load_schedule(schedule_file, "王芳")
    assert calendar_service.schedule_notice(D(2026, 12, 7)) is None


def test_the_next_working_day_for_reminders_crosses_new_year(backend_store, clock):
    calendar = calendar_service.working_calendar()
    assert calendar.next_working_day(D(2026, 12, 31)) == D(2027, 1, 4)


def test_a_call_due_in_the_spring_festival_is_on_the_list_of_the_last_day_before_it(
    backend_store, clock
):
    from wealthdesk.domain.care import CallOutcome
    from wealthdesk.services import care

    zhang = create_client(ClientDraft(name="张伟", mobile="13800138000"), "tester").id
    clock.set(at(D(2027, 2, 1), "10:00"))
    care.log_call(
        CallOutcome.CALL_BACK, "王芳", "1", client_id=zhang, call_back_at=at(D(2027, 2, 7), "10:00")
    )
    wednesday, thursday = D(2027, 2, 3), D(2027, 2, 4)  # Thursday: the last day before 除夕
    assert [i.client_id for i in care.care_list(wednesday)] == []
    assert [(i.client_id, i.due) for i in care.care_list(thursday)] == [(zhang, D(2027, 2, 7))]
