"""Door notice services (services/notices.py): drafts from the settings, and the day's log
of notices printed or saved, on a real database."""

from __future__ import annotations

import datetime as dt

import pytest

from wealthdesk.domain.desk import DeskState
from wealthdesk.domain.notice import NoticeKind, Orientation
from wealthdesk.services import audit, notices, settings


def set_up_desk() -> None:
    settings.save(
        {
            "branch_name": "西湖支行",
            "manager_name": "王芳",
            "desk_phone": "0571-88886666",
            "lunch_start": "11:30",
            "lunch_end": "13:00",
        },
        "2",
        "t",
    )


def test_a_lunch_draft_takes_the_branch_desk_and_lunch_break_from_the_settings(store):
    set_up_desk()
    draft = notices.draft_for(NoticeKind.LUNCH, "2")
    assert (draft.branch, draft.manager, draft.phone) == ("西湖支行", "王芳", "0571-88886666")
    assert (draft.start, draft.until) == (dt.time(11, 30), dt.time(13, 0))
    assert (draft.english, draft.qr, draft.qr_link) == (False, False, "")
    assert draft.orientation is Orientation.LANDSCAPE


def test_another_desk_has_its_own_manager_and_phone(store):
    set_up_desk()
    draft = notices.draft_for("away", "3")
    assert draft.kind is NoticeKind.AWAY
    assert (draft.branch, draft.manager, draft.phone) == ("西湖支行", "", "")
    assert draft.start is None and draft.until is None


def test_the_notice_settings_choose_english_qr_link_and_portrait(store):
    settings.save(
        {
            "notice_english": True,
            "notice_qr": True,
            "notice_link": "https://www.example.com/booking",
            "notice_portrait": True,
        },
        "1",
        "t",
    )
    draft = notices.draft_for(NoticeKind.CLOSED)
    assert draft.english and draft.qr
    assert draft.qr_link == "https://www.example.com/booking"
    assert draft.orientation is Orientation.PORTRAIT


def test_changes_replace_what_the_settings_filled_in(store):
    set_up_desk()
    draft = notices.draft_for(NoticeKind.AWAY, "2", back=dt.time(15, 30), phone="13812345678")
    assert draft.back == dt.time(15, 30) and draft.phone == "13812345678"
    assert draft.manager == "王芳"


@pytest.mark.parametrize(
    ("state", "kind", "field"),
    [
        (DeskState.AWAY, NoticeKind.AWAY, "back"),
        (DeskState.CLOSED, NoticeKind.CLOSED, "back"),
        (DeskState.LUNCH, NoticeKind.LUNCH, "until"),
    ],
)
def test_the_desk_s_leaving_action_fills_in_its_return_time(store, state, kind, field):
    set_up_desk()
    draft = notices.draft_for_desk_state(state, "2", dt.time(15, 30))
    assert draft.kind is kind
    assert getattr(draft, field) == dt.time(15, 30)
    assert draft.manager == "王芳"


def test_a_lunch_ending_before_the_usual_start_has_no_start_time(store):
    set_up_desk()
    early = notices.draft_for_desk_state(DeskState.LUNCH, "2", dt.time(11, 0))
    assert (early.start, early.until) == (None, dt.time(11, 0))
    usual = notices.draft_for_desk_state(DeskState.LUNCH, "2", dt.time(13, 30))
    assert (usual.start, usual.until) == (dt.time(11, 30), dt.time(13, 30))


def test_states_that_need_no_notice_have_none(store):
    assert notices.draft_for_desk_state(DeskState.AVAILABLE) is None
    assert notices.draft_for_desk_state(DeskState.SERVING) is None


def test_each_notice_printed_or_saved_is_in_that_day_s_log(backend_store, clock):
    clock.set(dt.datetime(2026, 11, 27, 11, 58))
    notices.record(NoticeKind.LUNCH, "printed", "王芳", "2")
    clock.set(dt.datetime(2026, 11, 27, 15, 2))
    notices.record("away", "saved", "cli:wang", "1")
    clock.set(dt.datetime(2026, 11, 28, 0, 1))
    notices.record(NoticeKind.CLOSED, "printed", "王芳", "2")

    day = notices.day_log(dt.date(2026, 11, 27))
    assert [(e.at.strftime("%H:%M"), e.kind, e.how, e.actor, e.desk) for e in day] == [
        ("11:58", NoticeKind.LUNCH, "printed", "王芳", "2"),
        ("15:02", NoticeKind.AWAY, "saved", "cli:wang", "1"),
    ]
    assert [e.kind for e in notices.day_log(dt.date(2026, 11, 28))] == [NoticeKind.CLOSED]
    assert notices.day_log(dt.date(2026, 11, 26)) == []


def test_the_log_is_the_audit_log_with_no_client(backend_store, clock):
    notices.record(NoticeKind.AWAY, "printed", "王芳", "2")
    entry = audit.entries()[0]
    assert entry.action.label == "Door notice printed"
    assert entry.client_id is None and entry.actor == "王芳"


def test_a_notice_whose_writing_fails_is_not_logged(store, clock):
    with pytest.raises(OSError), notices.recording(NoticeKind.LUNCH, "saved", "王芳"):
        raise OSError("the disk is full")
    assert notices.day_log(clock.now.date()) == []
    with notices.recording(NoticeKind.LUNCH, "saved", "王芳"):
        pass
    assert [e.how for e in notices.day_log(clock.now.date())] == ["saved"]


def test_other_audit_entries_are_not_in_the_notice_log(store, clock):
    settings.save({"branch_name": "西湖支行"}, "1", "t")
    assert notices.day_log(clock.now.date()) == []
