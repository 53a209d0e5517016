"""The one time rule (domain/times.py, services/clock.py): stored times are naive UTC,
shown and typed times are wall-clock time in the app clock's zone, and a naive time
handed to any service is taken as written in that zone, not in the computer's."""

from __future__ import annotations

import datetime as dt

from wealthdesk.domain import times
from wealthdesk.domain.care import CallOutcome
from wealthdesk.domain.client import ClientDraft
from wealthdesk.services import appointments, care, clients
from wealthdesk.services import clock as service_clock
from wealthdesk.services.appointments import AppointmentDraft

MONDAY = dt.date(2026, 11, 30)
PLUS_8 = dt.timezone(dt.timedelta(hours=8))


def a_zone_not_the_computers() -> dt.timezone:
    """A fixed zone five hours ahead of this computer's on MONDAY, so that a naive time
    read in the wrong zone is off by five hours wherever the tests run."""
    here = dt.datetime.combine(MONDAY, dt.time(10)).astimezone().utcoffset()
    assert here is not None
    return dt.timezone(here + dt.timedelta(hours=5))


def test_a_naive_time_is_wall_clock_time_in_the_given_zone_and_stored_as_utc():
    naive = dt.datetime(2026, 11, 30, 10, 0)
    assert times.in_zone(naive, PLUS_8) == dt.datetime(2026, 11, 30, 10, 0, tzinfo=PLUS_8)
    assert times.as_stored(naive, PLUS_8) == dt.datetime(2026, 11, 30, 2, 0)
    aware = dt.datetime(2026, 11, 30, 10, 0, tzinfo=dt.UTC)
    assert times.as_stored(aware, PLUS_8) == dt.datetime(2026, 11, 30, 10, 0)
    back = times.from_stored(dt.datetime(2026, 11, 30, 2, 0), PLUS_8)
    assert back == dt.datetime(2026, 11, 30, 10, 0, tzinfo=PLUS_8) and back.tzinfo is PLUS_8
    assert times.as_stored(None, PLUS_8) is None and times.from_stored(None, PLUS_8) is None


def test_a_local_day_is_bounded_by_its_midnights_in_utc():
    assert times.stored_days(MONDAY, None, PLUS_8) == (
        dt.datetime(2026, 11, 29, 16, 0),
        dt.datetime(2026, 11, 30, 16, 0),
    )
    assert times.stored_days(MONDAY, dt.date(2026, 12, 2), PLUS_8)[1] == dt.datetime(
        2026, 12, 1, 16, 0
    )


def test_sqlite_text_from_a_raw_column_reads_as_the_same_time_stamp():
    stamp = dt.datetime(2026, 11, 30, 2, 0, 5, 120)
    assert times.stored_value(str(stamp)) == stamp
    assert times.stored_value(stamp) is stamp and times.stored_value(None) is None


def test_a_date_read_raw_is_the_same_date_from_either_backend():
    assert times.stored_date("2026-11-30") == MONDAY  # SQLite's text
    assert times.stored_date("2026-11-30 00:00:00") == MONDAY
    assert times.stored_date(MONDAY) == MONDAY  # PostgreSQL's date
    assert times.stored_date(dt.datetime(2026, 11, 30, 23, 59)) == MONDAY
    assert times.stored_date(None) is None


def test_care_and_appointments_read_the_same_naive_time_in_the_clocks_zone(backend_store, clock):
    """A call-back and an appointment both typed as Monday 10:00 (naive) are the same
    moment: 10:00 in the clock's zone, the branch's. Care used to read a naive time in
    the computer's zone and put the call-back hours away from the appointment."""
    zone = a_zone_not_the_computers()
    clock.set(dt.datetime(2026, 11, 27, 10, 0, tzinfo=zone))
    ten = dt.datetime.combine(MONDAY, dt.time(10, 0))  # naive, as a form hands it over
    zhang = clients.create_client(ClientDraft(name="张伟", mobile="13812345678"), "setup").id

    booked = appointments.create(
        AppointmentDraft(start=ten, duration_minutes=30, client_id=zhang), "desk1"
    )
    call = care.log_call(
        CallOutcome.CALL_BACK, "王经理", "1", client_id=zhang, call_back_at=ten, notes="周一再联系"
    )

    expected = dt.datetime(2026, 11, 30, 10, 0, tzinfo=zone)
    assert booked.start == expected
    assert call.call_back_at == booked.start == expected
    clock.set(dt.datetime(2026, 11, 30, 9, 0, tzinfo=zone))
    (task,) = [i for i in care.care_list() if i.task_id == call.next_task_id]
    assert task.reason.render() == "Call back 11-30 10:00"
    assert service_clock.to_stored(ten) == dt.datetime(2026, 11, 30, 10, 0) - zone.utcoffset(None)
