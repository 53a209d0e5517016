"""China's statutory holidays by rule, and a loaded schedule's file (domain/holidays.py),
and the three layers of the working calendar they feed (domain/calendar.py)."""

from __future__ import annotations

import datetime as dt

import chinese_calendar
import pytest

from wealthdesk.domain.calendar import Source, WorkingCalendar
from wealthdesk.domain.holidays import (
    DayKind,
    Holiday,
    ScheduleDay,
    parse_schedule,
    qingming,
    schedule_csv,
    statutory_holidays,
)

D = dt.date


@pytest.mark.parametrize(
    ("year", "day"),
    [
        (2008, D(2008, 4, 4)),
        (2025, D(2025, 4, 4)),
        (2026, D(2026, 4, 5)),
        (2027, D(2027, 4, 5)),
        (2028, D(2028, 4, 4)),
        (2029, D(2029, 4, 4)),
        (2030, D(2030, 4, 5)),
    ],
)
def test_qingming_falls_on_the_known_day(year, day):
    assert qingming(year) == day


def test_2027_s_statutory_holidays_are_the_publicly_known_days():
    days = statutory_holidays(2027)
    assert days == {
        D(2027, 1, 1): Holiday.NEW_YEAR,
        D(2027, 2, 5): Holiday.SPRING_FESTIVAL,  # 除夕
        D(2027, 2, 6): Holiday.SPRING_FESTIVAL,  # 初一
        D(2027, 2, 7): Holiday.SPRING_FESTIVAL,
        D(2027, 2, 8): Holiday.SPRING_FESTIVAL,  # 初三
        D(2027, 4, 5): Holiday.QINGMING,
        D(2027, 5, 1): Holiday.LABOUR_DAY,
        D(2027, 5, 2): Holiday.LABOUR_DAY,
        D(2027, 6, 9): Holiday.DRAGON_BOAT,
        D(2027, 9, 15): Holiday.MID_AUTUMN,
        D(2027, 10, 1): Holiday.NATIONAL_DAY,
        D(2027, 10, 2): Holiday.NATIONAL_DAY,
        D(2027, 10, 3): Holiday.NATIONAL_DAY,
    }
    assert len(days) == 13  # the regulations' 13 days since 2025


def test_除夕_is_the_last_day_of_the_year_whether_the_29th_or_the_30th():
    # 2025's twelfth month had 29 days: 除夕 was 腊月二十九, 28 January.
    assert min(d for d, h in statutory_holidays(2025).items() if h is Holiday.SPRING_FESTIVAL) == (
        D(2025, 1, 28)
    )
    assert D(2026, 2, 16) in statutory_holidays(2026)  # 腊月二十九 again


@pytest.mark.parametrize("year", [2025, 2026])
def test_the_rules_give_every_statutory_day_the_state_council_scheduled(year):
    """The bundled schedules of the years under the current rules close every day the
    rules compute, under the same holiday's name."""
    for day, holiday in statutory_holidays(year).items():
        closed, name = chinese_calendar.get_holiday_detail(day)
        assert closed, day
        assert name == holiday.value, day


def test_no_rule_is_applied_before_2025_or_after_2099():
    assert statutory_holidays(2024) == {}
    assert statutory_holidays(2100) == {}


# ---------------------------------------------------------------- the three layers


def test_2027_s_statutory_days_are_closed_and_provisional_before_any_schedule():
    calendar = WorkingCalendar()
    assert calendar.source(2027) is Source.COMPUTED
    assert not calendar.covers(2027)
    for day in statutory_holidays(2027):
        status = calendar.status(day)
        assert not status.open and status.provisional, day
    assert calendar.closed_reason(D(2027, 2, 5)) == "Spring Festival holiday (provisional)"
    assert calendar.closed_reason(D(2027, 10, 1)) == "National Day holiday (provisional)"
    assert calendar.status(D(2027, 2, 5)).label == "Spring Festival holiday"
    assert calendar.is_working_day(D(2027, 2, 9))  # the State Council may yet close it


def test_the_next_working_day_crosses_new_year_and_the_spring_festival():
    calendar = WorkingCalendar()
    assert calendar.next_working_day(D(2026, 12, 31)) == D(2027, 1, 4)  # Fri 1st, weekend
    assert calendar.next_working_day(D(2027, 2, 4)) == D(2027, 2, 9)  # 除夕 to 初三
    assert calendar.previous_working_day(D(2027, 2, 9)) == D(2027, 2, 4)


SCHEDULE_2027 = [
    ScheduleDay(D(2027, 2, 5), DayKind.HOLIDAY, "春节"),
    ScheduleDay(D(2027, 2, 9), DayKind.HOLIDAY, "春节"),
    ScheduleDay(D(2027, 2, 10), DayKind.HOLIDAY, "春节"),
    ScheduleDay(D(2027, 2, 20), DayKind.WORKDAY, "春节"),  # a Saturday worked
]


def test_a_loaded_schedule_is_official_and_decides_its_year():
    calendar = WorkingCalendar(loaded=[(2027, day) for day in SCHEDULE_2027])
    assert calendar.source(2027) is Source.LOADED and calendar.covers(2027)
    assert calendar.coverage_note(2027) is None
    assert calendar.closed_reason(D(2027, 2, 10)) == "Spring Festival holiday"
    assert calendar.is_working_day(D(2027, 2, 20))
    assert calendar.status(D(2027, 2, 20)).label == "Make-up working day"
    assert calendar.status(D(2027, 2, 20)).make_up
    # The schedule, not the rule, says which days: 1 October is not in this one.
    assert calendar.is_working_day(D(2027, 10, 1))
    assert not calendar.status(D(2027, 2, 5)).provisional


def test_a_loaded_day_overrides_the_bundled_data_and_names_it_as_written():
    calendar = WorkingCalendar(
        loaded=[
            (2027, ScheduleDay(D(2026, 12, 31), DayKind.HOLIDAY, "元旦")),
            (2027, ScheduleDay(D(2027, 3, 8), DayKind.HOLIDAY, "Branch anniversary")),
        ]
    )
    assert calendar.closed_reason(D(2026, 12, 31)) == "New Year's Day holiday"
    assert calendar.source(2026) is Source.BUNDLED  # the rest of 2026 as bundled
    assert calendar.closed_reason(D(2027, 3, 8)) == "Branch anniversary"


def test_a_branch_open_day_opens_a_sunday_and_a_closed_day_closes_a_make_up_day():
    sunday = D(2027, 3, 7)
    calendar = WorkingCalendar(
        {D(2027, 2, 20)}, open_days={sunday}, loaded=[(2027, day) for day in SCHEDULE_2027]
    )
    assert calendar.is_working_day(sunday)
    assert calendar.status(sunday).label == "Branch open day"
    assert calendar.status(sunday).branch
    assert calendar.closed_reason(D(2027, 2, 20)) == "The branch is closed"
    assert calendar.next_working_day(D(2027, 3, 5)) == sunday


def test_a_branch_open_day_on_a_provisional_holiday_opens_it():
    calendar = WorkingCalendar(open_days={D(2027, 10, 2)})
    assert calendar.is_working_day(D(2027, 10, 2))
    assert not calendar.is_working_day(D(2027, 10, 1))


# ---------------------------------------------------------------- the schedule's file


def test_a_schedule_file_in_english_or_chinese_is_read():
    english = parse_schedule(
        "date,kind,name\n2027-02-05,holiday,Spring Festival\n2027-02-20,workday,Spring Festival\n"
    )
    chinese = parse_schedule("\ufeff日期,类型,名称\n2027/2/5,休,春节\n2027-02-20,班,春节\n")
    for parsed in (english, chinese):
        assert parsed.ok and parsed.year == 2027
        assert [(d.day, d.kind) for d in parsed.days] == [
            (D(2027, 2, 5), DayKind.HOLIDAY),
            (D(2027, 2, 20), DayKind.WORKDAY),
        ]


def test_every_bad_line_of_a_schedule_is_named_with_its_number():
    parsed = parse_schedule(
        "date,kind,name\n"
        "2027-02-05,holiday,春节\n"
        "2027-02-30,holiday,春节\n"  # 3: no such date
        "2027-02-06,day off,春节\n"  # 4: not a kind
        "2027-02-10,workday,春节\n"  # 5: a Wednesday cannot be a make-up day
        "2027-02-05,holiday,春节\n"  # 6: twice
        "tomorrow,holiday,\n"  # 7: not a date
        "2025-06-01,holiday,x\n"  # 8: another year
    )
    assert not parsed.ok
    lines = {bad.line: " ".join(p.render() for p in bad.problems) for bad in parsed.bad_lines}
    assert sorted(lines) == [3, 4, 5, 6, 7, 8]
    assert "There is no such date: 2027-02-30." in lines[3]
    assert "“day off” is not a kind of day" in lines[4]
    assert "2027-02-10 is a weekday" in lines[5]
    assert "2027-02-05 is already on line 2." in lines[6]
    assert "“tomorrow” is not a date" in lines[7]
    assert "2025-06-01 is not in 2027" in lines[8]


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "The file has no lines."),
        ("when,what\n2027-01-01,holiday\n", "The first line names the columns"),
        ("date,kind,name\n", "The file has no days under its first line."),
    ],
)
def test_a_schedule_file_that_is_not_one_is_refused_whole(text, says):
    parsed = parse_schedule(text)
    assert not parsed.ok
    assert says in parsed.file_problems[0].render()


def test_a_schedule_written_out_reads_back_the_same():
    text = schedule_csv(SCHEDULE_2027)
    assert parse_schedule(text).days == tuple(SCHEDULE_2027)
