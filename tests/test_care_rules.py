"""The care list's rules as plain functions: birthdays across month and year ends and
29 February, maturity and assessment windows, silences by tier, invitations by tier,
how a call ends, colleague support, and the day's time on client work."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wealthdesk.domain.care import (
    CallOutcome,
    CareKind,
    SupportKind,
    age_on,
    birthday_due,
    birthday_in,
    birthday_month_days,
    call_problems,
    care_reason,
    client_work_total,
    event_problems,
    invited,
    list_order,
    maturity_due,
    no_contact_days,
    no_contact_due,
    risk_expiry_due,
    shown_until,
    support_problems,
    yuan,
)
from wealthdesk.domain.client import Tier

D = dt.date
NOW = dt.datetime(2026, 11, 27, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))


# ---------------------------------------------------------------- birthdays


@pytest.mark.parametrize(
    ("birth", "today", "due"),
    [
        (D(1980, 11, 27), D(2026, 11, 27), D(2026, 11, 27)),  # today
        (D(1980, 12, 4), D(2026, 11, 27), D(2026, 12, 4)),  # across the month end, 7 days
        (D(1980, 12, 5), D(2026, 11, 27), None),  # 8 days: next week's list
        (D(1980, 11, 26), D(2026, 11, 27), None),  # yesterday: a year away
        (D(1975, 1, 3), D(2026, 12, 28), D(2027, 1, 3)),  # across the year end
        (D(1975, 12, 31), D(2026, 12, 28), D(2026, 12, 31)),
        (D(1975, 1, 5), D(2026, 12, 28), None),
    ],
)
def test_birthdays_today_and_the_coming_week_across_month_and_year_ends(birth, today, due):
    assert birthday_due(birth, today) == due


def test_29_february_is_celebrated_on_28_february_in_a_year_without_one():
    leapling = D(1988, 2, 29)
    assert birthday_in(leapling, 2027) == D(2027, 2, 28)
    assert birthday_in(leapling, 2028) == D(2028, 2, 29)
    assert birthday_due(leapling, D(2027, 2, 21)) == D(2027, 2, 28)
    assert birthday_due(leapling, D(2027, 2, 28)) == D(2027, 2, 28)
    assert birthday_due(leapling, D(2027, 3, 1)) is None  # not on 1 March as well
    assert birthday_due(leapling, D(2028, 2, 28)) == D(2028, 2, 29)  # a leap year: the 29th
    assert age_on(leapling, D(2027, 2, 28)) == 39
    assert age_on(leapling, D(2027, 2, 27)) == 38


def test_29_february_is_asked_for_when_the_window_holds_28_february_of_a_common_year():
    assert "02-29" in birthday_month_days(D(2027, 2, 25))  # greeted on the 28th
    assert birthday_month_days(D(2028, 2, 25)).count("02-29") == 1  # its own day, once
    assert "02-29" not in birthday_month_days(D(2027, 3, 1))  # the 28th has passed
    assert birthday_month_days(D(2026, 12, 28))[-4:] == ["01-01", "01-02", "01-03", "01-04"]


def test_nobody_is_greeted_for_the_day_they_were_born():
    assert birthday_due(D(2026, 11, 27), D(2026, 11, 27)) is None
    assert birthday_due(None, D(2026, 11, 27)) is None


@given(
    st.dates(min_value=D(1920, 1, 1), max_value=D(2008, 12, 31)),
    st.dates(min_value=D(2024, 1, 1), max_value=D(2040, 12, 31)),
)
def test_a_birthday_is_listed_exactly_when_its_month_and_day_are_asked_for(birth, today):
    due = birthday_due(birth, today)
    if due is not None:
        assert 0 <= (due - today).days <= 7
        assert f"{birth:%m-%d}" in birthday_month_days(today)
    # And every birthday of the window is found by the month-day query plus this rule.
    celebrated = birthday_in(birth, today.year)
    if 0 <= (celebrated - today).days <= 7:
        assert due == celebrated


@given(st.dates(min_value=D(2024, 1, 1), max_value=D(2040, 12, 31)))
def test_every_day_of_a_year_greets_each_birthday_on_eight_consecutive_days(today):
    birth = D(1970, 3, 15)
    days = [today + dt.timedelta(days=n) for n in range(400)]
    listed = [d for d in days if birthday_due(birth, d) == birthday_in(birth, d.year)]
    first = [d for d in listed if d.year == listed[0].year]
    assert len(first) in range(1, 9)


# ---------------------------------------------------------------- maturities and assessments


def test_maturity_window_includes_today_and_the_last_day():
    today = D(2026, 11, 27)
    assert maturity_due(today, None, today, 30)
    assert maturity_due(D(2026, 12, 27), None, today, 30)
    assert not maturity_due(D(2026, 12, 28), None, today, 30)
    assert not maturity_due(D(2026, 11, 26), None, today, 30)  # matured yesterday
    assert not maturity_due(D(2026, 12, 1), D(2026, 11, 20), today, 30)  # already closed
    assert not maturity_due(None, None, today, 30)  # a demand deposit


def test_assessments_expiring_within_30_days_and_lately_expired():
    today = D(2026, 11, 27)
    assert risk_expiry_due(D(2026, 12, 27), today)
    assert not risk_expiry_due(D(2026, 12, 28), today)
    assert risk_expiry_due(D(2026, 10, 28), today)  # expired 30 days ago
    assert not risk_expiry_due(D(2026, 10, 27), today)
    expired = care_reason(CareKind.RISK_EXPIRY, D(2026, 11, 20), "C3", overdue=True)
    assert expired.render() == "Risk assessment C3 expired on 11-20"
    expiring = care_reason(CareKind.RISK_EXPIRY, D(2026, 12, 20), "C3", overdue=False)
    assert expiring.render() == "Risk assessment C3 valid until 12-20"


def test_the_maturity_reason_shows_the_product_and_the_amount_in_yuan():
    reason = care_reason(CareKind.MATURITY, D(2026, 12, 3), f"稳盈90天 {yuan(5_000_000)}", False)
    assert reason.render() == "Matures 12-03: 稳盈90天 ¥50,000.00"
    assert yuan(5) == "¥0.05"
    assert yuan(123_456_789) == "¥1,234,567.89"


# ---------------------------------------------------------------- silences by tier


def test_no_contact_allowance_by_tier():
    assert no_contact_days(Tier.PRIVATE, 90) == 30
    assert no_contact_days(Tier.PLATINUM, 90) == 45
    assert no_contact_days(Tier.GOLD, 90) == 90
    assert no_contact_days(Tier.NORMAL, 90) == 180


def test_a_silence_longer_than_the_tier_allows_puts_the_client_on_the_list():
    today = D(2026, 11, 27)
    added = D(2020, 1, 1)
    last = today - dt.timedelta(days=31)
    assert no_contact_due(Tier.PRIVATE, last, added, today, 90)
    assert not no_contact_due(Tier.PLATINUM, last, added, today, 90)
    assert not no_contact_due(Tier.PRIVATE, today - dt.timedelta(days=30), added, today, 90)
    # Never contacted: the clock runs from when the client was added.
    assert not no_contact_due(Tier.GOLD, None, today - dt.timedelta(days=10), today, 90)
    assert no_contact_due(Tier.GOLD, None, today - dt.timedelta(days=91), today, 90)


# ---------------------------------------------------------------- invitations


def test_invitations_go_to_the_events_tier_and_above_with_marketing_consent():
    assert invited(Tier.GOLD, True, Tier.GOLD)
    assert invited(Tier.PRIVATE, True, Tier.GOLD)
    assert not invited(Tier.NORMAL, True, Tier.GOLD)
    assert not invited(Tier.PLATINUM, False, Tier.GOLD)
    assert invited(Tier.NORMAL, True, Tier.NORMAL)


# ---------------------------------------------------------------- the list's order


def test_overdue_tasks_come_first_then_by_kind_then_due_date():
    today = D(2026, 11, 27)
    tasks = [
        (CareKind.BIRTHDAY, D(2026, 11, 27), 1),
        (CareKind.CALL_BACK, D(2026, 11, 27), 2),
        (CareKind.MATURITY, D(2026, 11, 25), 3),  # overdue
        (CareKind.BIRTHDAY, D(2026, 11, 20), 4),  # overdue, older
        (CareKind.MATURITY, D(2026, 12, 1), 5),
    ]
    ordered = sorted(tasks, key=lambda t: list_order(t[0], t[1], today, t[2]))
    assert [t[2] for t in ordered] == [4, 3, 2, 5, 1]


def test_a_call_back_is_listed_only_when_due_a_birthday_a_week_ahead():
    today = D(2026, 11, 27)
    assert shown_until(CareKind.CALL_BACK, today, 30) == today
    assert shown_until(CareKind.BIRTHDAY, today, 30) == D(2026, 12, 4)
    assert shown_until(CareKind.MATURITY, today, 45) == today + dt.timedelta(days=45)


# ---------------------------------------------------------------- calls


def fields(problems) -> set[str]:
    return {p.field for p in problems}


def test_a_call_back_needs_a_time_in_the_future():
    assert fields(call_problems(CallOutcome.CALL_BACK, 3, "", None, NOW)) == {"call_back_at"}
    assert fields(call_problems(CallOutcome.CALL_BACK, 3, "", NOW, NOW)) == {"call_back_at"}
    past = NOW - dt.timedelta(minutes=1)
    assert fields(call_problems(CallOutcome.CALL_BACK, 3, "", past, NOW)) == {"call_back_at"}
    later = NOW + dt.timedelta(hours=1)
    assert call_problems(CallOutcome.CALL_BACK, 3, "", later, NOW) == []
    too_far = NOW + dt.timedelta(days=400)
    assert fields(call_problems(CallOutcome.CALL_BACK, 3, "", too_far, NOW)) == {"call_back_at"}


def test_other_outcomes_need_no_call_back_time_and_the_outcome_must_be_known():
    for outcome in (CallOutcome.REACHED, CallOutcome.NO_ANSWER, CallOutcome.DECLINED):
        assert call_problems(outcome, 0, "", None, NOW) == []
    assert fields(call_problems("maybe", 3, "", None, NOW)) == {"outcome"}
    assert fields(call_problems(None, 3, "", None, NOW)) == {"outcome"}


def test_call_duration_and_notes_are_bounded():
    assert fields(call_problems(CallOutcome.REACHED, -1, "", None, NOW)) == {"duration"}
    assert fields(call_problems(CallOutcome.REACHED, 181, "", None, NOW)) == {"duration"}
    assert fields(call_problems(CallOutcome.REACHED, 5, "x" * 2001, None, NOW)) == {"notes"}


def test_which_outcomes_close_the_task_and_count_as_contact():
    assert CallOutcome.REACHED.closes_task and CallOutcome.DECLINED.closes_task
    assert CallOutcome.CALL_BACK.closes_task  # the next task carries it on
    assert not CallOutcome.NO_ANSWER.closes_task
    assert not CallOutcome.NO_ANSWER.is_contact
    assert CallOutcome.parse("未接通") is CallOutcome.NO_ANSWER


# ---------------------------------------------------------------- support and events


def test_colleague_support_needs_a_colleague_a_kind_and_minutes():
    assert support_problems("李娜", SupportKind.ASSET_ALLOCATION, 30, "") == []
    assert fields(support_problems(" ", SupportKind.RISK_RETURN, 30, "")) == {"colleague"}
    assert fields(support_problems("李娜", "gossip", 30, "")) == {"kind"}
    assert fields(support_problems("李娜", SupportKind.FAMILY_PLANNING, 0, "")) == {"duration"}
    assert SupportKind.parse("家庭财务规划") is SupportKind.FAMILY_PLANNING
    assert SupportKind.parse("资产配置") is SupportKind.ASSET_ALLOCATION


def test_an_event_needs_a_name_and_a_day_not_past():
    today = D(2026, 11, 27)
    assert event_problems("理财沙龙", today, "", today) == []
    assert fields(event_problems("", D(2026, 11, 26), "", today)) == {"name", "event_date"}


# ---------------------------------------------------------------- time on client work


def test_the_days_time_adds_sessions_calls_and_support_against_the_target():
    sessions = [dt.timedelta(minutes=50), dt.timedelta(minutes=60, seconds=59)]
    total = client_work_total(sessions, [10, 15], [20], target_hours=5, working_hours=8)
    assert (total.service_minutes, total.call_minutes, total.support_minutes) == (110, 25, 20)
    assert total.total_minutes == 155
    assert total.target_minutes == 300
    assert total.share == pytest.approx(155 / 300)
    assert not total.met
    assert total.minutes_to_go == 145
    met = client_work_total([dt.timedelta(hours=5)], [], [], target_hours=5, working_hours=8)
    assert met.met and met.share == 1.0 and met.share_of_day == pytest.approx(5 / 8)


def test_a_follow_up_falling_in_a_holiday_is_due_when_the_branch_opens_again():
    from wealthdesk.domain.calendar import WorkingCalendar
    from wealthdesk.domain.care import follow_up_due_date

    calendar = WorkingCalendar()
    # Served Thursday 4 February 2027: three days on is 初二, in the Spring Festival.
    assert follow_up_due_date(D(2027, 2, 4)) == D(2027, 2, 7)
    assert follow_up_due_date(D(2027, 2, 4), calendar) == D(2027, 2, 9)
    assert follow_up_due_date(D(2027, 3, 1), calendar) == D(2027, 3, 4)  # a plain Thursday


def test_the_list_shows_what_falls_due_while_the_branch_is_closed():
    thursday = D(2027, 2, 4)  # the last working day before 除夕
    assert shown_until(CareKind.CALL_BACK, thursday, 30) == thursday
    assert shown_until(CareKind.CALL_BACK, thursday, 30, D(2027, 2, 8)) == D(2027, 2, 8)
    assert shown_until(CareKind.MATURITY, thursday, 30, D(2027, 2, 8)) == D(2027, 3, 6)
