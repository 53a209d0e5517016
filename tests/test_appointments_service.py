"""Appointments (services/appointments.py) on SQLite and PostgreSQL: booking rules,
prospects, status changes, rescheduling, checklists, search, worklists, reminders,
check-in through the queue and the day's figures."""

from __future__ import annotations

import datetime as dt

import pytest

from wealthdesk.db.models import Appointment, AppointmentItem
from wealthdesk.domain.appointment import PREP_TEMPLATES, AppointmentStatus, CancelledBy
from wealthdesk.domain.audit import AuditAction
from wealthdesk.domain.client import ClientDraft, Tier
from wealthdesk.domain.errors import ConflictError, DomainError, NotFound, ValidationError
from wealthdesk.domain.queue import Purpose, VisitKind, VisitState
from wealthdesk.services import appointments, audit, clients, queue, settings
from wealthdesk.services.appointments import AppointmentDraft

S = AppointmentStatus
MONDAY = dt.date(2026, 11, 30)  # the clock fixture stands on Friday 2026-11-27, 10:00


def at(day: dt.date, hhmm: str) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.fromisoformat(hhmm)).astimezone()


def client(name: str = "张伟", mobile: str = "13812345678", tier: Tier = Tier.GOLD) -> int:
    return clients.create_client(ClientDraft(name=name, mobile=mobile, tier=tier), "setup").id


def book(start: dt.datetime, minutes: int = 30, **fields) -> appointments.AppointmentInfo:
    return appointments.create(
        AppointmentDraft(start=start, duration_minutes=minutes, **fields), "desk1"
    )


def refusal(start: dt.datetime, minutes: int = 30, **fields) -> str:
    with pytest.raises(ValidationError) as refused:
        book(start, minutes, **fields)
    return str(refused.value)


# ---------------------------------------------------------------- booking


def test_a_booking_keeps_what_to_prepare_and_starts_with_its_purposes_checklist(
    backend_store, clock
):
    zhang = client()
    booked = book(
        at(MONDAY, "10:00"),
        45,
        client_id=zhang,
        purposes=(Purpose.PURCHASE, Purpose.CONSULTATION),
        products=("稳健理财A款", " ", "养老保险"),
        topics=("到期资金再投资",),
        team=("王顾问", "小李"),
        notes="带夫人一同前来",
        manager="李经理",
        desk="1",
    )
    again = appointments.get(booked.id)
    assert again == booked
    assert (again.name, again.masked_name, again.masked_mobile) == ("张伟", "张*", "138****5678")
    assert (again.tier, again.is_prospect, again.status) == (Tier.GOLD, False, S.BOOKED)
    assert again.start == at(MONDAY, "10:00") and again.end == at(MONDAY, "10:45")
    assert again.products == ("稳健理财A款", "养老保险") and again.team == ("王顾问", "小李")
    assert again.purposes == (Purpose.CONSULTATION, Purpose.PURCHASE)
    # The purposes' default items in the order asked, each once, none ticked yet.
    expected = [*PREP_TEMPLATES[Purpose.PURCHASE], *PREP_TEMPLATES[Purpose.CONSULTATION]]
    assert [i.label for i in again.items] == expected
    assert (again.items_done, again.items_total, again.progress) == (0, len(expected), 0.0)
    (entry,) = [e for e in audit.entries(zhang) if e.action == AuditAction.APPOINTMENT_CREATED]
    assert (entry.actor, entry.detail) == ("desk1", f"appointment {booked.id}")


def test_a_holiday_is_refused_by_its_name_and_a_make_up_saturday_is_a_working_day(
    backend_store, clock
):
    clock.set(dt.datetime(2026, 9, 20, 9, 0))
    zhang = client()
    message = refusal(at(dt.date(2026, 10, 1), "10:00"), client_id=zhang)
    assert "2026-10-01 is not a working day: National Day holiday." in message
    saturday = book(at(dt.date(2026, 10, 10), "10:00"), client_id=zhang)
    assert saturday.status == S.BOOKED and saturday.calendar_notes == ()
    assert "2026-10-11 is not a working day: Weekend." in refusal(
        at(dt.date(2026, 10, 11), "10:00"), client_id=zhang
    )


def test_the_branch_s_own_closed_days_from_the_settings_are_refused(backend_store, clock):
    zhang = client()
    assert book(at(dt.date(2026, 12, 31), "10:00"), client_id=zhang)
    settings.save({"closed_days": "2026-12-30, 2027-01-04"}, "1", "admin")
    message = refusal(at(dt.date(2026, 12, 30), "10:00"), client_id=zhang)
    assert "2026-12-30 is not a working day: The branch is closed." in message


def test_a_year_without_a_schedule_is_booked_with_a_note_and_its_statutory_days_refused(
    backend_store, clock
):
    settings.save({"closed_days": "2027-01-04"}, "1", "admin")
    zhang = client()
    booked = book(at(dt.date(2027, 1, 6), "10:00"), client_id=zhang)
    (note,) = booked.calendar_notes
    assert "The holidays of 2027 are provisional" in note.render()
    assert "New Year's Day holiday (provisional)" in refusal(
        at(dt.date(2027, 1, 1), "10:00"), client_id=zhang
    )
    assert "Spring Festival holiday (provisional)" in refusal(
        at(dt.date(2027, 2, 5), "10:00"), client_id=zhang
    )
    assert "The branch is closed" in refusal(at(dt.date(2027, 1, 4), "10:00"), client_id=zhang)
    assert "Weekend" in refusal(at(dt.date(2027, 1, 9), "10:00"), client_id=zhang)


def test_office_hours_the_lunch_break_and_the_past_are_named(backend_store, clock):
    zhang = client()
    assert "The branch opens at 09:00; 08:30 is too early." in refusal(
        at(MONDAY, "08:30"), client_id=zhang
    )
    assert "The branch closes at 17:00; 17:00 is too late." in refusal(
        at(MONDAY, "17:00"), client_id=zhang
    )
    assert "The branch closes at 17:00; this appointment would end at 17:15." in refusal(
        at(MONDAY, "16:45"), client_id=zhang
    )
    assert "give a reason to book it" in refusal(at(MONDAY, "11:45"), client_id=zhang)
    lunch = book(at(MONDAY, "11:45"), client_id=zhang, lunch_reason="客户只有午休有空")
    assert lunch.lunch_reason == "客户只有午休有空"
    assert "2026-11-27 09:30 has already passed." in refusal(
        at(dt.date(2026, 11, 27), "09:30"), client_id=zhang
    )
    assert book(at(dt.date(2026, 11, 27), "10:00"), client_id=zhang)  # this very minute
    assert "from 5 to 240 minutes" in refusal(at(MONDAY, "15:00"), 3, client_id=zhang)


def test_an_overlap_names_the_other_appointment_and_back_to_back_is_allowed(backend_store, clock):
    zhang, li = client(), client("李娜", "13900001111")
    first = book(at(MONDAY, "10:00"), client_id=zhang, manager="李经理")
    message = refusal(at(MONDAY, "10:15"), client_id=li, manager="李经理")
    assert "This time overlaps 张伟 (10:00–10:30)." in message
    assert book(at(MONDAY, "10:30"), client_id=li, manager="李经理")  # right after
    assert book(at(MONDAY, "09:30"), client_id=li, manager="李经理")  # right before
    # Another manager's day is their own.
    assert book(at(MONDAY, "10:00"), client_id=li, manager="王经理")
    # Moving an appointment within its own slot is no conflict with itself.
    moved = appointments.update(
        first.id,
        AppointmentDraft(start=at(MONDAY, "10:00"), duration_minutes=30, client_id=zhang,
                         manager="李经理", notes="改了备注"),
        first.row_version,
        "desk1",
    )  # fmt: skip
    assert moved.notes == "改了备注" and moved.row_version == first.row_version + 1
    # A cancelled appointment frees its slot.
    appointments.cancel(first.id, CancelledBy.CLIENT, "desk1")
    assert book(at(MONDAY, "10:00"), client_id=li, manager="李经理")


def test_every_problem_is_named_at_once_and_nothing_is_written(backend_store, clock):
    zhang = client()
    before = len(audit.entries())
    with pytest.raises(ValidationError) as refused:
        book(at(dt.date(2026, 11, 28), "08:00"), client_id=None, prospect_name="",
             prospect_mobile="123")  # fmt: skip
    fields = {p.field for p in refused.value.problems}
    assert {"prospect_name", "prospect_mobile", "start"} <= fields
    assert "Weekend" in str(refused.value) and "too early" in str(refused.value)
    assert Appointment.select().count() == AppointmentItem.select().count() == 0
    assert len(audit.entries()) == before
    with pytest.raises(NotFound):
        book(at(MONDAY, "10:00"), client_id=zhang + 1000)
    assert Appointment.select().count() == 0


def test_a_new_prospect_needs_a_name_and_a_mobile_number(backend_store, clock):
    assert "mobile number is required" in refusal(at(MONDAY, "10:00"), prospect_name="王先生")
    assert "The name is required." in refusal(at(MONDAY, "10:00"), prospect_mobile="13700002222")
    assert "starts with 13 to 19" in refusal(
        at(MONDAY, "10:00"), prospect_name="王先生", prospect_mobile="12700002222"
    )
    prospect = book(
        at(MONDAY, "10:00"), prospect_name=" 王  先生 ", prospect_mobile="137-0000-2222"
    )
    assert (prospect.is_prospect, prospect.client_id, prospect.name) == (True, None, "王 先生")
    assert prospect.masked_mobile == "137****2222"
    (entry,) = [e for e in audit.entries() if e.action == AuditAction.APPOINTMENT_CREATED]
    assert entry.client_id is None and "2222" not in entry.detail and "王" not in entry.detail


def test_a_change_someone_else_made_first_is_refused_and_nothing_is_changed(backend_store, clock):
    zhang = client()
    booked = book(at(MONDAY, "10:00"), client_id=zhang)
    appointments.confirm(booked.id, "desk2", expected_version=booked.row_version)
    draft = AppointmentDraft(start=at(MONDAY, "11:00"), client_id=zhang)
    with pytest.raises(ConflictError):
        appointments.update(booked.id, draft, booked.row_version, "desk1")
    with pytest.raises(ConflictError):
        appointments.cancel(booked.id, CancelledBy.BANK, "desk1", booked.row_version)
    now = appointments.get(booked.id)
    assert (now.status, now.start) == (S.CONFIRMED, at(MONDAY, "10:00"))
    moved = appointments.update(booked.id, draft, now.row_version, "desk1")
    assert moved.start == at(MONDAY, "11:00")
    (entry,) = [e for e in audit.entries(zhang) if e.action == AuditAction.APPOINTMENT_UPDATED]
    assert entry.detail == f"appointment {booked.id} start_at"


def test_an_appointment_under_way_can_still_be_edited_but_not_moved_into_the_past(
    backend_store, clock
):
    zhang = client()
    booked = book(at(dt.date(2026, 11, 27), "10:00"), client_id=zhang)
    clock.set(dt.datetime(2026, 11, 27, 10, 20))
    same = AppointmentDraft(start=booked.start, client_id=zhang, notes="客户已来电说晚到")
    assert appointments.update(booked.id, same, booked.row_version, "desk1").notes
    earlier = AppointmentDraft(start=at(dt.date(2026, 11, 27), "10:05"), client_id=zhang)
    with pytest.raises(ValidationError, match="has already passed"):
        appointments.update(booked.id, earlier, booked.row_version + 1, "desk1")


def test_a_prospect_s_mobile_left_empty_in_an_edit_keeps_the_stored_one(backend_store, clock):
    prospect = book(at(MONDAY, "10:00"), prospect_name="赵敏", prospect_mobile="13700002222")
    draft = AppointmentDraft(start=at(MONDAY, "11:00"), prospect_name="赵敏")
    assert appointments.check_problems(draft, editing_id=prospect.id) == []
    moved = appointments.update(prospect.id, draft, prospect.row_version, "desk1")
    assert moved.start.hour == 11 and moved.masked_mobile == "137****2222"
    typed = AppointmentDraft(
        start=at(MONDAY, "11:00"), prospect_name="赵敏", prospect_mobile="13900003333"
    )
    assert appointments.update(prospect.id, typed, moved.row_version, "desk1").masked_mobile == (
        "139****3333"
    )
    # A new prospect still needs one.
    assert "mobile number is required" in refusal(at(MONDAY, "15:00"), prospect_name="钱多")


# ---------------------------------------------------------------- what became of it


def test_status_changes_follow_the_rules(backend_store, clock):
    zhang = client()
    booked = book(at(MONDAY, "10:00"), client_id=zhang)
    confirmed = appointments.confirm(booked.id, "desk1")
    assert confirmed.status == S.CONFIRMED
    with pytest.raises(DomainError, match="cannot become"):
        appointments.confirm(booked.id, "desk1")
    clock.set(dt.datetime(2026, 11, 28, 9, 0))
    cancelled = appointments.cancel(booked.id, CancelledBy.CLIENT, "desk1")
    assert (cancelled.status, cancelled.cancelled_by) == (S.CANCELLED, CancelledBy.CLIENT)
    assert cancelled.cancelled_at == clock.now
    for change in (
        lambda: appointments.confirm(booked.id, "desk1"),
        lambda: appointments.mark_no_show(booked.id, "desk1"),
        lambda: appointments.cancel(booked.id, CancelledBy.BANK, "desk1"),
        lambda: appointments.reschedule(booked.id, at(MONDAY, "11:00"), 30, "desk1"),
    ):
        with pytest.raises(DomainError, match="closed"):
            change()
    with pytest.raises(DomainError, match="Only a booked or confirmed"):
        appointments.update(booked.id, AppointmentDraft(start=at(MONDAY, "11:00"), client_id=zhang),
                            cancelled.row_version, "desk1")  # fmt: skip
    other = book(at(MONDAY, "14:00"), client_id=zhang)
    assert appointments.mark_no_show(other.id, "desk1").status == S.NO_SHOW
    actions = [e.action for e in audit.entries(zhang)]
    assert (
        AuditAction.APPOINTMENT_CANCELLED in actions and AuditAction.APPOINTMENT_NO_SHOW in actions
    )
    with pytest.raises(NotFound):
        appointments.confirm(987654, "desk1")


def test_rescheduling_books_the_new_time_links_it_and_brings_the_checklist(backend_store, clock):
    zhang, li = client(), client("李娜", "13900001111")
    old = book(at(MONDAY, "10:00"), client_id=zhang, purposes=(Purpose.REDEMPTION,),
               manager="李经理", team=("王顾问",))  # fmt: skip
    appointments.tick_item(old.items[0].id, True)
    busy = book(at(MONDAY, "15:00"), client_id=li, manager="李经理")
    with pytest.raises(ValidationError, match="overlaps 李娜"):
        appointments.reschedule(old.id, at(MONDAY, "15:15"), 30, "desk1")
    with pytest.raises(ValidationError, match="Weekend"):
        appointments.reschedule(old.id, at(dt.date(2026, 12, 5), "10:00"), 30, "desk1")
    assert appointments.get(old.id).status == S.BOOKED and Appointment.select().count() == 2
    # Ten minutes later on the same day overlaps only its own old slot.
    new = appointments.reschedule(old.id, at(MONDAY, "10:10"), 60, "desk1")
    before = appointments.get(old.id)
    assert (before.status, before.rescheduled_to_id) == (S.RESCHEDULED, new.id)
    assert (new.status, new.start, new.duration_minutes) == (S.BOOKED, at(MONDAY, "10:10"), 60)
    assert (new.client_id, new.manager, new.team, new.purposes) == (
        zhang, "李经理", ("王顾问",), (Purpose.REDEMPTION,)
    )  # fmt: skip
    assert [(i.label, i.done) for i in new.items] == [(i.label, i.done) for i in
                                                       appointments.get(old.id).items]  # fmt: skip
    assert new.items_done == 1 and busy.id != new.id
    (entry,) = [e for e in audit.entries(zhang) if e.action == AuditAction.APPOINTMENT_RESCHEDULED]
    assert entry.detail == f"appointment {old.id} -> {new.id}"


# ---------------------------------------------------------------- the checklist


def test_the_checklist_is_ticked_added_to_and_shown_as_progress(backend_store, clock):
    zhang = client()
    booked = book(at(MONDAY, "10:00"), client_id=zhang, items=("产品说明书", "风险揭示书"))
    first, second = booked.items
    ticked = appointments.tick_item(first.id, True)
    assert (ticked.items_done, ticked.items_total, ticked.progress) == (1, 2, 0.5)
    assert ticked.items[0].done_at == clock.now
    added = appointments.add_item(booked.id, "  合同  ")
    assert [i.label for i in added.items] == ["产品说明书", "风险揭示书", "合同"]
    with pytest.raises(ValidationError, match="Say what to prepare"):
        appointments.add_item(booked.id, "   ")
    assert appointments.tick_item(first.id, False).items[0].done_at is None
    after = appointments.remove_item(second.id)
    assert [i.label for i in after.items] == ["产品说明书", "合同"] and after.progress == 0.0
    done = appointments.tick_item(after.items[1].id, True)
    done = appointments.tick_item(after.items[0].id, True)
    assert done.prepared and done.progress == 1.0
    none = book(at(MONDAY, "14:00"), client_id=zhang, items=())
    assert none.items == () and none.progress == 1.0


def test_the_branch_s_own_items_replace_the_default_ones_of_a_purpose(backend_store, clock):
    assert appointments.suggested_items([Purpose.REDEMPTION]) == PREP_TEMPLATES[Purpose.REDEMPTION]
    appointments.save_prep_template(
        Purpose.REDEMPTION, ["赎回申请书", " ", "身份证复印件"], "admin"
    )
    assert appointments.prep_template(Purpose.REDEMPTION) == ("赎回申请书", "身份证复印件")
    suggested = appointments.suggested_items(
        [Purpose.REDEMPTION, Purpose.CONSULTATION], translate=lambda _c, text: f"«{text}»"
    )
    assert suggested == (
        "赎回申请书", "身份证复印件", *(f"«{t}»" for t in PREP_TEMPLATES[Purpose.CONSULTATION])
    )  # fmt: skip
    booked = book(at(MONDAY, "10:00"), client_id=client(), purposes=(Purpose.REDEMPTION,))
    assert [i.label for i in booked.items] == ["赎回申请书", "身份证复印件"]
    appointments.save_prep_template(Purpose.REDEMPTION, [], "admin")
    assert appointments.prep_template(Purpose.REDEMPTION) == ()


# ---------------------------------------------------------------- finding them


def test_search_by_initials_pinyin_mobile_tail_name_or_date(backend_store, clock):
    zhang, li = client(), client("李娜", "13900001111")
    a = book(at(MONDAY, "10:00"), client_id=zhang)
    b = book(at(dt.date(2026, 12, 1), "10:00"), client_id=zhang)
    c = book(at(MONDAY, "14:00"), client_id=li)
    p = book(at(dt.date(2026, 12, 2), "10:00"), prospect_name="赵敏", prospect_mobile="13700002222")
    ids = lambda text: [x.id for x in appointments.search(text)]  # noqa: E731
    assert ids("zw") == [b.id, a.id]  # the latest first
    assert ids("zhangwei") == [b.id, a.id]
    assert ids("5678") == [b.id, a.id]
    assert ids("娜") == [c.id]
    assert ids("zm") == ids("2222") == ids("赵") == [p.id]
    assert ids("2026-11-30") == [a.id, c.id]
    assert ids("56") == [] and ids("nobody") == []


def test_a_day_a_week_and_a_client_s_appointments_today(backend_store, clock):
    zhang, li = client(), client("李娜", "13900001111")
    today = book(at(dt.date(2026, 11, 27), "15:00"), client_id=zhang, manager="李经理")
    monday = book(at(MONDAY, "10:00"), client_id=li, manager="王经理")
    tuesday = book(at(dt.date(2026, 12, 1), "09:00"), client_id=zhang, manager="李经理")
    assert [a.id for a in appointments.day(MONDAY)] == [monday.id]
    assert appointments.day(MONDAY, manager="李经理") == []
    week = appointments.week(MONDAY)
    assert list(week) == [MONDAY + dt.timedelta(days=n) for n in range(7)]
    assert [a.id for a in week[MONDAY]] == [monday.id]
    assert [a.id for a in week[dt.date(2026, 12, 1)]] == [tuesday.id]
    assert sum(map(len, week.values())) == 2
    assert [a.id for a in appointments.todays_for_client(zhang)] == [today.id]
    assert appointments.todays_for_client(li) == []


# ---------------------------------------------------------------- worklists and reminders


def test_the_unresolved_worklist_waits_for_the_slot_and_the_grace_time(backend_store, clock):
    zhang, li = client(), client("李娜", "13900001111")
    missed = book(at(dt.date(2026, 11, 27), "10:00"), client_id=zhang)
    confirmed = appointments.confirm(book(at(dt.date(2026, 11, 27), "11:00"), client_id=li).id, "d")
    later = book(at(dt.date(2026, 11, 27), "16:00"), client_id=zhang)
    clock.set(dt.datetime(2026, 11, 27, 11, 0))  # 10:30 + 30 minutes: not yet
    assert appointments.unresolved() == []
    clock.set(dt.datetime(2026, 11, 27, 11, 1))
    assert [a.id for a in appointments.unresolved()] == [missed.id]
    assert appointments.get(missed.id).status == S.BOOKED  # never marked silently
    settings.save({"appointment_grace_minutes": 60}, "1", "admin")
    clock.set(dt.datetime(2026, 11, 27, 12, 31))
    assert [a.id for a in appointments.unresolved()] == [missed.id, confirmed.id]
    appointments.mark_no_show(missed.id, "desk1")
    appointments.reschedule(confirmed.id, at(MONDAY, "10:00"), 30, "desk1")
    assert appointments.unresolved() == []
    assert later.status == S.BOOKED  # its time has not come


def test_a_reminder_is_due_from_the_minutes_before_the_start_and_only_once(backend_store, clock):
    zhang = client()
    booked = book(at(dt.date(2026, 11, 27), "11:00"), client_id=zhang)
    cancelled = book(at(dt.date(2026, 11, 27), "10:55"), 5, client_id=zhang, manager="王经理")
    appointments.cancel(cancelled.id, CancelledBy.BANK, "desk1")
    clock.set(dt.datetime(2026, 11, 27, 10, 44))
    assert appointments.due_reminders() == []
    clock.set(dt.datetime(2026, 11, 27, 10, 45))
    assert [a.id for a in appointments.due_reminders()] == [booked.id]
    appointments.mark_reminded(booked.id)
    assert appointments.due_reminders() == []
    assert appointments.get(booked.id).reminded_at == clock.now
    # A new time is reminded anew; 0 minutes in the settings means no reminders.
    moved = appointments.update(
        booked.id, AppointmentDraft(start=at(dt.date(2026, 11, 27), "10:50"), client_id=zhang),
        appointments.get(booked.id).row_version, "desk1",
    )  # fmt: skip
    assert moved.reminded_at is None
    assert [a.id for a in appointments.due_reminders()] == [booked.id]
    settings.save({"appointment_reminder_minutes": 0}, "1", "admin")
    assert appointments.due_reminders() == []


def test_incomplete_preparation_is_brought_up_the_working_day_before_and_on_the_day(
    backend_store, clock
):
    zhang = client()
    clock.set(dt.datetime(2026, 11, 26, 8, 0))  # Thursday, before opening
    friday = book(at(dt.date(2026, 11, 27), "10:00"), client_id=zhang, items=("说明书",))
    monday = book(at(MONDAY, "10:00"), client_id=zhang, items=("合同",))
    ready = book(at(dt.date(2026, 11, 27), "14:00"), client_id=zhang, items=())
    assert appointments.needing_preparation() == []  # before opening time
    clock.set(dt.datetime(2026, 11, 26, 9, 0))
    assert [a.id for a in appointments.needing_preparation()] == [friday.id]
    clock.set(dt.datetime(2026, 11, 27, 9, 0))  # Friday: its own, and Monday's (next working day)
    assert [a.id for a in appointments.needing_preparation()] == [friday.id, monday.id]
    appointments.tick_item(friday.items[0].id, True)
    assert [a.id for a in appointments.needing_preparation()] == [monday.id]
    assert ready.id not in {a.id for a in appointments.needing_preparation()}


# ---------------------------------------------------------------- the queue


def test_checking_in_an_appointment_puts_the_visit_ahead_of_earlier_walk_ins(backend_store, clock):
    zhang = client(tier=Tier.NORMAL)
    booked = book(at(dt.date(2026, 11, 27), "10:30"), client_id=zhang,
                  purposes=(Purpose.PURCHASE,))  # fmt: skip
    first = queue.check_in(queue.CheckIn(walk_in_name="路人甲"), "lobby")
    second = queue.check_in(queue.CheckIn(client_id=client("李娜", "13900001111", Tier.PRIVATE)),
                            "lobby")  # fmt: skip
    clock.set(dt.datetime(2026, 11, 27, 10, 25))
    visit = appointments.check_in(booked.id, "lobby", expected_version=booked.row_version)
    assert (visit.kind, visit.ticket, visit.client_id) == (VisitKind.APPOINTMENT, "A001", zhang)
    assert visit.purposes == (Purpose.PURCHASE,)
    assert [v.id for v in queue.waiting()] == [visit.id, second.id, first.id]
    now = appointments.get(booked.id)
    assert (now.status, now.visit_id, now.checked_in_at) == (S.CHECKED_IN, visit.id, clock.now)
    actions = [e.action for e in audit.entries(zhang)]
    assert AuditAction.APPOINTMENT_CHECKED_IN in actions and AuditAction.VISIT_CHECKED_IN in actions
    with pytest.raises(DomainError, match="cannot become"):
        appointments.check_in(booked.id, "lobby")


def test_finishing_the_visit_completes_the_appointment_and_a_missed_call_leaves_it(
    backend_store, clock
):
    zhang, li = client(), client("李娜", "13900001111")
    kept = book(at(dt.date(2026, 11, 27), "10:30"), client_id=zhang)
    called_away = book(at(dt.date(2026, 11, 27), "11:00"), client_id=li)
    visit = appointments.check_in(kept.id, "desk1")
    other = appointments.check_in(called_away.id, "desk1")
    queue.call(visit.id, "1", "m1")
    queue.start_service(visit.id, "m1")
    queue.finish(visit.id, "sold", "m1")
    assert appointments.get(kept.id).status == S.COMPLETED
    assert AuditAction.APPOINTMENT_COMPLETED in [e.action for e in audit.entries(zhang)]
    queue.call(other.id, "1", "m1")
    queue.no_show(other.id, "m1")
    assert appointments.get(called_away.id).status == S.CHECKED_IN


def test_a_check_in_that_fails_leaves_the_appointment_and_the_queue_as_they_were(
    backend_store, clock
):
    zhang = client()
    booked = book(at(dt.date(2026, 11, 27), "11:00"), client_id=zhang)
    walk_in = queue.check_in(queue.CheckIn(client_id=zhang), "lobby")  # here as a walk-in
    with pytest.raises(ConflictError, match="W001"):
        appointments.check_in(booked.id, "desk1")
    assert appointments.get(booked.id).status == S.BOOKED
    assert [v.id for v in queue.visits()] == [walk_in.id]
    monday = book(at(MONDAY, "10:00"), client_id=zhang)
    with pytest.raises(DomainError, match="only today's appointments"):
        appointments.check_in(monday.id, "desk1")
    assert appointments.get(monday.id).status == S.BOOKED


def test_a_prospect_checks_in_as_an_anonymous_visitor_with_their_name_and_mobile(
    backend_store, clock
):
    booked = book(at(dt.date(2026, 11, 27), "11:00"), prospect_name="赵敏",
                  prospect_mobile="13700002222")  # fmt: skip
    visit = appointments.check_in(booked.id, "lobby")
    assert (visit.client_id, visit.name, visit.masked_phone) == (None, "赵敏", "137****2222")
    assert visit.kind == VisitKind.APPOINTMENT and visit.state == VisitState.WAITING


# ---------------------------------------------------------------- figures


def test_the_day_s_figures_count_what_became_of_each_appointment(backend_store, clock):
    clock.set(dt.datetime(2026, 11, 27, 8, 0))
    day = dt.date(2026, 11, 27)
    named = (("张伟", "13812345678"), ("李娜", "13900001111"), ("王芳", "13700001111"))
    people = [client(n, m) for n, m in (*named, ("赵敏", "13600001111"))]
    on_time = book(at(day, "09:00"), client_id=people[0])
    late = book(at(day, "09:30"), client_id=people[1])
    missed = book(at(day, "10:00"), client_id=people[2])
    cancelled = book(at(day, "10:30"), client_id=people[3])
    moved = book(at(day, "11:00"), client_id=people[0])
    book(at(day, "15:00"), client_id=people[1])  # still expected
    clock.set(dt.datetime(2026, 11, 27, 9, 5))
    appointments.check_in(on_time.id, "d")
    clock.set(dt.datetime(2026, 11, 27, 9, 45))  # 15 minutes late
    appointments.check_in(late.id, "d")
    appointments.mark_no_show(missed.id, "d")
    appointments.cancel(cancelled.id, CancelledBy.BANK, "d")
    appointments.reschedule(moved.id, at(MONDAY, "10:00"), 30, "d")
    figures = appointments.day_figures(day)
    assert (figures.booked, figures.kept, figures.late) == (6, 2, 1)
    assert (figures.no_show, figures.cancelled, figures.rescheduled, figures.open) == (1, 1, 1, 1)
    assert appointments.day_figures(MONDAY).booked == 1


def test_a_session_left_open_when_the_day_ended_still_completes_its_appointment(
    backend_store, clock
):
    zhang = client()
    kept = book(at(dt.date(2026, 11, 27), "10:30"), client_id=zhang)
    visit = appointments.check_in(kept.id, "desk1")
    queue.call(visit.id, "1", "m1")
    queue.start_service(visit.id, "m1")
    clock.set(clock.now + dt.timedelta(days=1))  # nobody pressed Finish that day
    queue.close_day(dt.date(2026, 11, 27), "m1")
    assert queue.get_visit(visit.id).state is VisitState.DONE
    assert appointments.get(kept.id).status == S.COMPLETED
