"""The branch's working days and office hours (domain/calendar.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wealthdesk.domain.calendar import OfficeHours, Source, WorkingCalendar
from wealthdesk.domain.settings import (
    SPECS,
    parse_closed_days,
    setting_problem,
)

D = dt.date


class FakeHolidays:
    """A holiday source with one year of data, counting how often it is asked."""

    def __init__(self, year: int = 2030, details: dict[dt.date, tuple[bool, str]] | None = None):
        self.year = year
        self.details = details or {}
        self.asked = 0

    def get_holiday_detail(self, day: dt.date) -> tuple[bool, str | None]:
        self.asked += 1
        if day.year != self.year:
            raise NotImplementedError(f"no available data for year {day.year}")
        return self.details.get(day, (day.weekday() > 4, None))


@pytest.fixture(scope="module")
def china() -> WorkingCalendar:
    return WorkingCalendar()


def test_national_day_is_closed_and_named(china):
    assert not china.is_working_day(D(2026, 10, 1))
    assert china.closed_reason(D(2026, 10, 1)) == "National Day holiday"
    # A Saturday inside the holiday is the holiday, not a mere weekend.
    assert china.closed_reason(D(2026, 10, 3)) == "National Day holiday"
    assert china.closed_reason(D(2026, 9, 25)) == "Mid-autumn Festival holiday"
    assert china.closed_reason(D(2026, 2, 17)) == "Spring Festival holiday"


def test_a_make_up_working_saturday_is_open(china):
    assert D(2026, 10, 10).weekday() == 5
    assert china.is_working_day(D(2026, 10, 10))
    assert china.closed_reason(D(2026, 10, 10)) is None


def test_an_ordinary_weekend_is_closed_as_a_weekend(china):
    assert china.closed_reason(D(2026, 11, 28)) == "Weekend"  # Saturday
    assert china.closed_reason(D(2026, 11, 29)) == "Weekend"  # Sunday
    assert china.is_working_day(D(2026, 11, 27))  # Friday


def test_the_branch_s_own_closed_days_are_closed_even_on_a_make_up_day():
    calendar = WorkingCalendar({D(2026, 11, 27), D(2026, 10, 10)})
    assert calendar.closed_reason(D(2026, 11, 27)) == "The branch is closed"
    assert calendar.closed_reason(D(2026, 10, 10)) == "The branch is closed"
    # A public holiday keeps its name when the branch lists it too.
    assert WorkingCalendar({D(2026, 10, 1)}).closed_reason(D(2026, 10, 1)) == (
        "National Day holiday"
    )


def test_a_closed_reason_travels_as_a_phrase_the_ui_translates(china):
    reason = china.closed_reason(D(2026, 10, 1))
    assert reason.context == "domain"


def test_the_holiday_data_covers_its_years_only(china):
    assert china.covers(2026)
    assert china.covers(2004)
    assert not china.covers(2040)
    assert not china.covers(2003)
    assert china.coverage_note(2026) is None


def test_a_year_beyond_the_rules_falls_back_to_weekends_and_the_branch_s_list():
    calendar = WorkingCalendar({D(2100, 10, 4)})
    assert calendar.source(2100) is Source.NONE
    assert calendar.is_working_day(D(2100, 10, 1))  # National Day, but nobody knows
    assert calendar.closed_reason(D(2100, 10, 4)) == "The branch is closed"
    assert calendar.closed_reason(D(2100, 10, 2)) == "Weekend"  # Saturday
    note = calendar.coverage_note(2100)
    assert note.field == "date"
    assert note.render() == (
        "The holiday calendar has no data for 2100: only weekends and the branch's own "
        "closed days are known."
    )
    assert calendar.coverage_note(2100, "start").field == "start"


def test_a_source_s_holidays_and_make_up_days_are_used_and_each_day_asked_once():
    source = FakeHolidays(
        2030,
        {
            D(2030, 5, 1): (True, "Labour Day"),
            D(2030, 5, 4): (False, "Labour Day"),  # a Saturday worked
            D(2030, 5, 2): (True, "Some new festival"),
        },
    )
    calendar = WorkingCalendar(holidays_source=source)
    for _ in range(3):
        assert calendar.closed_reason(D(2030, 5, 1)) == "Labour Day holiday"
        assert calendar.is_working_day(D(2030, 5, 4))
        assert calendar.closed_reason(D(2030, 5, 2)) == "Public holiday"
        assert calendar.closed_reason(D(2030, 5, 5)) == "Weekend"
    asked = source.asked
    calendar.closed_reason(D(2030, 5, 1))
    calendar.is_working_day(D(2031, 5, 1))
    calendar.is_working_day(D(2031, 5, 2))
    assert source.asked == asked + 1  # 2031 asked once for its coverage, then known


def test_the_next_and_previous_working_day_skip_closed_days():
    calendar = WorkingCalendar({D(2026, 10, 12)})
    assert calendar.next_working_day(D(2026, 9, 30)) == D(2026, 10, 8)
    assert calendar.next_working_day(D(2026, 10, 9)) == D(2026, 10, 10)  # make-up Saturday
    assert calendar.next_working_day(D(2026, 10, 10)) == D(2026, 10, 13)  # Sun + branch Mon
    assert calendar.previous_working_day(D(2026, 10, 8)) == D(2026, 9, 30)
    assert calendar.next_working_day(dt.datetime(2026, 11, 27, 16, 0)) == D(2026, 11, 30)


def test_a_calendar_with_no_working_day_says_so_instead_of_looping():
    class AlwaysClosed:
        def get_holiday_detail(self, day):
            return True, "National Day"

    with pytest.raises(ValueError, match="no working day"):
        WorkingCalendar(holidays_source=AlwaysClosed()).next_working_day(D(2026, 1, 1))


@given(st.dates(D(2004, 1, 1), D(2101, 12, 31)))
def test_every_day_is_either_open_or_closed_for_a_reason(day):
    calendar = WorkingCalendar({D(2027, 3, 3)}, open_days={D(2027, 3, 6)})
    status = calendar.status(day)
    assert calendar.is_working_day(day) is (status.reason is None) is status.open
    if calendar.source(day.year) is Source.NONE:
        assert (status.reason is not None) == (day.weekday() >= 5 or day == D(2027, 3, 3))
    if status.provisional:
        assert calendar.source(day.year) is Source.COMPUTED
        assert "(provisional)" in status.reason


def test_office_hours_come_from_the_settings_with_defaults_for_what_is_missing():
    hours = OfficeHours.from_settings(
        {"office_open": "08:30", "lunch_start": "11:30", "lunch_end": "bad"}
    )
    assert hours == OfficeHours(dt.time(8, 30), dt.time(11, 30), dt.time(14), dt.time(17))


def test_office_hours_know_the_day_and_the_lunch_break():
    hours = OfficeHours.from_settings({})
    assert hours.within(dt.time(9), dt.time(17))
    assert not hours.within(dt.time(8, 59), dt.time(10))
    assert not hours.within(dt.time(16), dt.time(17, 1))
    assert hours.overlaps_lunch(dt.time(11, 30), dt.time(12, 1))
    assert hours.overlaps_lunch(dt.time(13, 59), dt.time(15))
    assert not hours.overlaps_lunch(dt.time(11, 30), dt.time(12))  # ends as lunch starts
    assert not hours.overlaps_lunch(dt.time(14), dt.time(15))  # starts as lunch ends


def test_the_branch_s_closed_days_are_read_from_the_setting():
    text = "2026-12-31, 2027-1-4，2027-01-05、2027-01-06\n2027-01-07;2027-01-07"
    assert parse_closed_days(text) == {
        D(2026, 12, 31),
        D(2027, 1, 4),
        D(2027, 1, 5),
        D(2027, 1, 6),
        D(2027, 1, 7),
    }
    assert parse_closed_days("") == set()
    assert parse_closed_days("2026-12-31, tomorrow") == {D(2026, 12, 31)}  # damaged: the rest


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("2026-12-31, 2026-02-30", "There is no such date: 2026-02-30."),
        ("2026/12/31", "“2026/12/31” is not a date; write each day YYYY-MM-DD, like 2026-10-01."),
        ("2026-12-31 next Monday", "“next” is not a date"),
    ],
)
def test_a_closed_days_list_with_a_bad_entry_is_refused_naming_it(text, says):
    problem = setting_problem("closed_days", text)
    assert problem.field == "closed_days"
    assert says in problem.render()


def test_the_appointment_settings_have_their_defaults_and_ranges():
    assert setting_problem("closed_days", "") is None
    assert setting_problem("closed_days", " 2026-12-31 ,2027-01-04 ") is None
    assert SPECS["appointment_reminder_minutes"].default == 15
    assert SPECS["appointment_grace_minutes"].default == 30
    assert setting_problem("appointment_reminder_minutes", 0) is None
    assert "from 0 to 240" in setting_problem("appointment_reminder_minutes", 241).render()
    assert "from 5 to 240" in setting_problem("appointment_grace_minutes", 4).render()
    keys = list(SPECS)
    assert keys.index("closed_days") == keys.index("office_close") + 1
    assert keys.index("open_days") == keys.index("closed_days") + 1
