"""The appointment's pure rules (domain/appointment.py): statuses, checklists, booking a
time, the unresolved worklist, lateness, the day's figures and reminders."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wealthdesk.domain.appointment import (
    AppointmentStatus,
    AppointmentTimes,
    CancelledBy,
    Slot,
    appointment_figures,
    appointment_problems,
    calendar_notes,
    conflicts,
    default_checklist,
    is_late,
    is_unresolved,
    needs_prep_reminder,
    prep_progress,
    reminder_due,
    sorted_slots,
    status_problem,
)
from wealthdesk.domain.calendar import OfficeHours, WorkingCalendar
from wealthdesk.domain.queue import Purpose

S = AppointmentStatus
MIN = dt.timedelta(minutes=1)
HOURS = OfficeHours.from_settings({})  # 09:00, lunch 12:00–14:00, 17:00
CHINA = WorkingCalendar()
FRIDAY = dt.date(2026, 11, 27)
NOW = dt.datetime(2026, 11, 26, 16, 0)  # the afternoon before


def at(hhmm: str, day: dt.date = FRIDAY) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.fromisoformat(hhmm))


def problems(start, minutes=30, others=(), now=NOW, calendar=CHINA, **kw):
    return appointment_problems(
        start, minutes * MIN, now, calendar, HOURS, sorted_slots(others), **kw
    )


def texts(found) -> list[str]:
    return [p.render() for p in found]


def fields(found) -> set[str]:
    return {p.field for p in found}


# ---------------------------------------------------------------- statuses

ALLOWED = {
    (S.BOOKED, S.CONFIRMED),
    (S.BOOKED, S.CHECKED_IN),
    (S.BOOKED, S.CANCELLED),
    (S.BOOKED, S.RESCHEDULED),
    (S.BOOKED, S.NO_SHOW),
    (S.CONFIRMED, S.CHECKED_IN),
    (S.CONFIRMED, S.CANCELLED),
    (S.CONFIRMED, S.RESCHEDULED),
    (S.CONFIRMED, S.NO_SHOW),
    (S.CHECKED_IN, S.COMPLETED),
}
ALL_PAIRS = [(a, b) for a in S for b in S]


@pytest.mark.parametrize(("current", "wanted"), sorted(ALLOWED))
def test_the_allowed_status_changes_raise_no_problem(current, wanted):
    assert status_problem(current, wanted) is None


@pytest.mark.parametrize(
    ("current", "wanted"), [p for p in ALL_PAIRS if p not in ALLOWED], ids=lambda s: s.value
)
def test_every_other_status_change_is_refused_naming_both(current, wanted):
    problem = status_problem(current, wanted)
    assert problem.field == "status"
    text = problem.render()
    assert f"“{current.label}”" in text and f"“{wanted.label}”" in text
    closed = current in (S.COMPLETED, S.NO_SHOW, S.CANCELLED, S.RESCHEDULED)
    assert text.startswith("This appointment is closed") is closed


def test_statuses_and_who_cancelled_are_read_from_chinese_words():
    assert S.parse("已预约") is S.BOOKED
    assert S.parse("已到店") is S.CHECKED_IN
    assert S.parse("爽约") is S.NO_SHOW
    assert S.parse("未到") is S.NO_SHOW
    assert S.parse("已改期") is S.RESCHEDULED
    assert S.parse("Checked in") is S.CHECKED_IN
    assert CancelledBy.parse("客户") is CancelledBy.CLIENT
    assert CancelledBy.parse("行方") is CancelledBy.BANK


def test_which_statuses_hold_the_slot_and_which_are_still_expected():
    assert {s for s in S if s.holds_slot} == {S.BOOKED, S.CONFIRMED, S.CHECKED_IN, S.COMPLETED}
    assert {s for s in S if s.is_expected} == {S.BOOKED, S.CONFIRMED}
    assert {s for s in S if s.is_closed} == {S.COMPLETED, S.NO_SHOW, S.CANCELLED, S.RESCHEDULED}


# ---------------------------------------------------------------- preparation


def test_the_checklist_gathers_each_purpose_s_template_once_in_order():
    items = default_checklist([Purpose.PURCHASE, Purpose.RISK_ASSESSMENT, Purpose.PURCHASE])
    assert items == [
        "Product brochure",
        "Risk disclosure statement",
        "Product contract forms",
        "Audio-video recording room booked",
        "Risk questionnaire (blank)",
        "Previous risk assessment",
    ]
    assert default_checklist([Purpose.OTHER]) == []
    assert default_checklist([]) == []
    assert all(default_checklist([p]) or p is Purpose.OTHER for p in Purpose)


def test_preparation_progress_is_the_share_ticked_and_an_empty_list_is_ready():
    assert prep_progress(1, 4) == 0.25
    assert prep_progress(4, 4) == 1.0
    assert prep_progress(0, 0) == 1.0
    assert prep_progress(5, 4) == 1.0


# ---------------------------------------------------------------- booking a time


def test_a_free_time_on_a_working_day_may_be_booked():
    assert problems(at("10:00")) == []


def test_national_day_is_refused_with_the_holiday_s_name():
    found = problems(at("10:00", dt.date(2026, 10, 1)), now=dt.datetime(2026, 9, 1, 9, 0))
    assert texts(found) == ["2026-10-01 is not a working day: National Day holiday."]
    assert fields(found) == {"start"}


def test_a_make_up_working_saturday_may_be_booked():
    assert problems(at("10:00", dt.date(2026, 10, 10)), now=dt.datetime(2026, 9, 1, 9)) == []


@pytest.mark.parametrize("day", [dt.date(2026, 11, 28), dt.date(2026, 11, 29)])
def test_an_ordinary_weekend_is_refused_as_a_weekend(day):
    assert texts(problems(at("10:00", day))) == [
        f"{day.isoformat()} is not a working day: Weekend."
    ]


def test_a_branch_closed_day_is_refused():
    calendar = WorkingCalendar({FRIDAY})
    assert texts(problems(at("10:00"), calendar=calendar)) == [
        "2026-11-27 is not a working day: The branch is closed."
    ]


def test_the_closed_day_reason_is_translated_with_the_message():
    words = {
        "{date} is not a working day: {reason}.": "{date}不是工作日：{reason}。",
        "National Day holiday": "国庆节假期",
    }
    (problem,) = problems(at("10:00", dt.date(2026, 10, 1)), now=dt.datetime(2026, 9, 1))
    assert problem.render(lambda _ctx, text: words.get(text, text)) == (
        "2026-10-01不是工作日：国庆节假期。"
    )


def test_a_year_without_a_schedule_refuses_its_statutory_days_as_provisional():
    start = at("10:00", dt.date(2040, 10, 1))  # a Monday: National Day by rule
    assert texts(problems(start)) == [
        "2040-10-01 is not a working day: National Day holiday (provisional)."
    ]
    assert problems(at("10:00", dt.date(2040, 10, 4))) == []  # no days in lieu foreseen
    (note,) = calendar_notes(at("10:00", dt.date(2040, 10, 4)), CHINA)
    assert note.field == "start"
    assert "The holidays of 2040 are provisional" in note.render()
    assert calendar_notes(at("10:00"), CHINA) == []


def test_a_year_beyond_the_rules_falls_back_and_notes_it_apart():
    start = at("10:00", dt.date(2100, 10, 1))  # a Friday, National Day unknown
    assert problems(start) == []
    assert texts(problems(at("10:00", dt.date(2100, 10, 2)))) == [
        "2100-10-02 is not a working day: Weekend."
    ]
    (note,) = calendar_notes(start, CHINA)
    assert "no data for 2100" in note.render()


def test_opening_and_closing_times_are_the_edges_of_the_office_day():
    assert problems(at("09:00")) == []
    assert problems(at("16:30"), 30) == []
    assert texts(problems(at("08:59"))) == ["The branch opens at 09:00; 08:59 is too early."]
    found = problems(at("16:31"), 30)
    assert texts(found) == ["The branch closes at 17:00; this appointment would end at 17:01."]
    assert fields(found) == {"duration"}
    assert texts(problems(at("17:00"))) == ["The branch closes at 17:00; 17:00 is too late."]


@pytest.mark.parametrize(("minutes", "ok"), [(4, False), (5, True), (240, True), (241, False)])
def test_an_appointment_lasts_from_5_to_240_minutes(minutes, ok):
    # 13:00 to 17:00 is the longest the day allows, with a reason for the lunch break.
    found = problems(at("13:00"), minutes, lunch_reason="the client's only free time")
    if ok:
        assert found == []
    else:
        assert texts(found) == ["An appointment lasts from 5 to 240 minutes."]
        assert fields(found) == {"duration"}


def test_a_long_appointment_ending_after_closing_is_refused_by_its_duration():
    found = problems(at("14:00"), 240)
    assert texts(found) == ["The branch closes at 17:00; this appointment would end at 18:00."]


def test_the_lunch_break_needs_a_reason():
    found = problems(at("11:45"), 30)
    assert texts(found) == [
        "11:45–12:15 falls in the lunch break (12:00–14:00); give a reason to book it."
    ]
    assert fields(found) == {"lunch_reason"}
    assert problems(at("11:45"), 30, lunch_reason="only time the client can come") == []
    assert problems(at("12:30"), 30, lunch_reason="  ") != []
    # Touching the break from either side is not in it.
    assert problems(at("11:30"), 30) == []
    assert problems(at("14:00"), 30) == []


def test_a_time_in_the_past_is_refused_to_the_minute():
    now = dt.datetime(2026, 11, 27, 10, 0, 40)
    assert problems(at("10:00"), now=now) == []  # this minute is not past yet
    assert texts(problems(at("09:59"), now=now)) == ["2026-11-27 09:59 has already passed."]
    assert texts(problems(at("10:00", dt.date(2026, 11, 26)), now=now)) == [
        "2026-11-26 10:00 has already passed."
    ]


def test_aware_local_times_are_checked_against_the_wall_clock():
    zone = dt.timezone(dt.timedelta(hours=8))
    start = at("09:00").replace(tzinfo=zone)
    other = Slot(at("09:30").replace(tzinfo=zone), at("10:00").replace(tzinfo=zone), 1, "W. Zhang")
    found = appointment_problems(start, 45 * MIN, NOW.replace(tzinfo=zone), CHINA, HOURS, [other])
    assert texts(found) == ["This time overlaps W. Zhang (09:30–10:00)."]


def slot(start: str, end: str, ident: int, label: str) -> Slot:
    return Slot(at(start), at(end), ident, label)


DAY = [
    slot("09:00", "09:30", 1, "Li Na"),
    slot("10:00", "10:30", 2, "W. Zhang"),
    slot("10:30", "11:00", 3, "Chen Jie"),
    slot("15:00", "16:00", 4, "Zhao Lei"),
]


@pytest.mark.parametrize(
    ("start", "minutes"),
    [("09:30", 30), ("11:00", 30), ("14:00", 60), ("16:00", 60)],
)
def test_back_to_back_appointments_are_allowed_on_both_sides(start, minutes):
    assert problems(at(start), minutes, DAY) == []


def test_a_one_minute_overlap_is_refused_naming_the_other_appointment():
    found = problems(at("09:31"), 30, DAY)
    assert texts(found) == ["This time overlaps W. Zhang (10:00–10:30)."]
    assert fields(found) == {"start"}
    assert texts(problems(at("09:29"), 30, DAY)) == ["This time overlaps Li Na (09:00–09:30)."]
    assert texts(problems(at("15:59"), 30, DAY)) == ["This time overlaps Zhao Lei (15:00–16:00)."]


def test_several_overlaps_name_the_first_and_count_the_rest():
    assert texts(problems(at("09:15"), 90, DAY)) == [
        "This time overlaps Li Na (09:00–09:30) and 2 more."
    ]


def test_an_appointment_being_edited_does_not_conflict_with_itself():
    assert problems(at("10:10"), 20, DAY, editing_id=2) == []
    assert texts(problems(at("10:10"), 30, DAY, editing_id=2)) == [
        "This time overlaps Chen Jie (10:30–11:00)."
    ]
    # A slot with no appointment behind it (a blocked time) is never "the one edited".
    blocked = [Slot(at("10:00"), at("10:30"), None, "Team meeting")]
    assert problems(at("10:00"), 30, blocked, editing_id=None) != []


def test_every_broken_rule_is_reported_at_once():
    found = problems(
        at("12:50", dt.date(2026, 10, 1)),
        4,
        now=dt.datetime(2026, 10, 2, 9, 0),
    )
    assert fields(found) == {"duration", "start"}
    assert len(found) == 3  # duration, past, holiday


minutes_of_day = st.integers(9 * 60, 17 * 60 - 5)


@given(
    st.lists(st.tuples(minutes_of_day, st.integers(5, 240)), max_size=30),
    minutes_of_day,
    st.integers(5, 240),
    st.one_of(st.none(), st.integers(0, 29)),
)
def test_the_fast_overlap_check_finds_what_a_plain_scan_finds(booked, begin, length, editing):
    base = at("00:00")
    others = sorted_slots(
        Slot(base + m * MIN, base + (m + d) * MIN, i, f"#{i}") for i, (m, d) in enumerate(booked)
    )
    start, end = base + begin * MIN, base + (begin + length) * MIN
    expected = [
        o
        for o in others
        if o.start < end and start < o.end and (editing is None or o.appointment_id != editing)
    ]
    assert conflicts(start, end, others, editing) == expected


# ---------------------------------------------------------------- after the time


def test_an_expected_appointment_is_unresolved_once_its_slot_and_the_grace_have_passed():
    start, length = at("10:00"), 30 * MIN
    assert not is_unresolved(S.BOOKED, start, length, at("11:00"))
    assert is_unresolved(S.BOOKED, start, length, at("11:00") + MIN)
    assert is_unresolved(S.CONFIRMED, start, length, at("11:01"))
    grace = 5 * MIN
    assert not is_unresolved(S.BOOKED, start, length, at("10:35"), grace)
    assert is_unresolved(S.BOOKED, start, length, at("10:36"), grace)


@pytest.mark.parametrize("status", [S.CHECKED_IN, S.COMPLETED, S.NO_SHOW, S.CANCELLED])
def test_an_appointment_no_longer_expected_is_never_unresolved(status):
    assert not is_unresolved(status, at("10:00"), 30 * MIN, at("16:00"))


def test_a_client_is_late_after_ten_minutes():
    assert not is_late(at("10:00"), at("09:50"))
    assert not is_late(at("10:00"), at("10:10"))
    assert is_late(at("10:00"), at("10:11"))
    assert not is_late(at("10:00"), None)
    assert is_late(at("10:00"), at("10:03"), late_after=2 * MIN)


def test_the_day_close_counts_each_appointment_by_what_became_of_it():
    day = [
        AppointmentTimes(S.COMPLETED, at("09:00"), at("08:55")),
        AppointmentTimes(S.COMPLETED, at("10:00"), at("10:25")),  # late
        AppointmentTimes(S.CHECKED_IN, at("15:00"), at("15:20")),  # late, still in
        AppointmentTimes(S.NO_SHOW, at("11:00")),
        AppointmentTimes(S.CANCELLED, at("14:00")),
        AppointmentTimes(S.RESCHEDULED, at("14:30")),
        AppointmentTimes(S.RESCHEDULED, at("16:00")),
        AppointmentTimes(S.CONFIRMED, at("16:30")),
    ]
    figures = appointment_figures(day)
    assert (figures.booked, figures.kept, figures.late) == (8, 3, 2)
    assert (figures.no_show, figures.cancelled, figures.rescheduled) == (1, 1, 2)
    assert figures.open == 1
    empty = appointment_figures([])
    assert (empty.booked, empty.kept, empty.late, empty.open) == (0, 0, 0, 0)


# ---------------------------------------------------------------- reminders


def test_a_reminder_is_due_from_its_minutes_before_until_the_start_once():
    start = at("10:00")
    assert not reminder_due(start, 15, at("09:44"), False)
    assert reminder_due(start, 15, at("09:45"), False)
    assert reminder_due(start, 15, at("09:59"), False)
    assert not reminder_due(start, 15, at("10:00"), False)
    assert not reminder_due(start, 15, at("09:50"), True)
    assert not reminder_due(start, 0, at("09:59"), False)  # 0 turns reminders off


def test_incomplete_preparation_is_brought_up_the_working_day_before_and_that_morning():
    monday = dt.date(2026, 11, 30)
    opens = HOURS.open
    friday_morning = dt.datetime(2026, 11, 27, 9, 0)
    assert needs_prep_reminder(monday, friday_morning, True, opens, CHINA)
    assert not needs_prep_reminder(monday, friday_morning - MIN, True, opens, CHINA)
    assert not needs_prep_reminder(monday, friday_morning, False, opens, CHINA)
    # Without a calendar "the day before" is Sunday.
    assert not needs_prep_reminder(monday, friday_morning, True, opens)
    assert needs_prep_reminder(monday, dt.datetime(2026, 11, 29, 10), True, opens)
    assert not needs_prep_reminder(monday, dt.datetime(2026, 11, 28, 10), True, opens, CHINA)
    assert needs_prep_reminder(monday, dt.datetime(2026, 11, 30, 9, 0), True, opens, CHINA)
    assert not needs_prep_reminder(monday, dt.datetime(2026, 11, 30, 8, 30), True, opens, CHINA)
    assert not needs_prep_reminder(monday, dt.datetime(2026, 11, 26, 16), True, opens, CHINA)
