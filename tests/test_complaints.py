"""The complaints register: the answer's clock (calendar and working days across the
National Day holiday and a make-up Saturday), what a complaint must say, and the
register's service on SQLite and PostgreSQL (registered, handled, resolved, overdue,
audited, masked)."""

from __future__ import annotations

import datetime as dt

import pytest

from wealthdesk.domain.audit import AuditAction
from wealthdesk.domain.calendar import WorkingCalendar
from wealthdesk.domain.client import ClientDraft
from wealthdesk.domain.complaints import (
    ComplaintCategory,
    ComplaintChannel,
    ComplaintDraft,
    ComplaintStatus,
    Urgency,
    deadline,
    draft_problems,
    urgency,
)
from wealthdesk.domain.errors import ConflictError, ValidationError
from wealthdesk.services import audit, clients, complaints, queue, settings

D = dt.date

# ---------------------------------------------------------------- the clock


def test_fifteen_calendar_days_run_through_holidays_and_weekends():
    assert deadline(D(2026, 9, 29), 15) == D(2026, 10, 14)
    assert deadline(D(2026, 9, 29)) == D(2026, 10, 14)  # 15 is the default


def test_working_days_skip_national_day_and_count_the_make_up_saturday():
    calendar = WorkingCalendar()
    # Received Tuesday 29 September 2026: 30 September is the first working day, then
    # the week of National Day is closed, Saturday 10 October is a make-up working day.
    due = deadline(D(2026, 9, 29), 15, working_days=True, calendar=calendar)
    assert due == D(2026, 10, 26)
    assert deadline(D(2026, 9, 29), 2, working_days=True, calendar=calendar) == D(2026, 10, 8)
    assert deadline(D(2026, 10, 9), 1, working_days=True, calendar=calendar) == D(2026, 10, 10)


def test_working_days_follow_the_branchs_own_closed_days():
    calendar = WorkingCalendar(closed_days=[D(2026, 10, 12)])
    assert deadline(D(2026, 9, 29), 15, working_days=True, calendar=calendar) == D(2026, 10, 27)


def test_working_days_need_the_calendar():
    with pytest.raises(ValueError):
        deadline(D(2026, 9, 29), 15, working_days=True)


def test_urgency_overdue_after_the_deadline_day_and_due_soon_three_days_before():
    due = D(2026, 11, 30)
    assert urgency(due, D(2026, 11, 26)) is Urgency.IN_TIME
    assert urgency(due, D(2026, 11, 27)) is Urgency.DUE_SOON
    assert urgency(due, D(2026, 11, 30)) is Urgency.DUE_SOON  # the last day is not late
    assert urgency(due, D(2026, 12, 1)) is Urgency.OVERDUE
    assert urgency(due, D(2026, 12, 1), resolved=True) is Urgency.CLOSED


def test_a_complaint_names_who_made_it_what_happened_and_who_handles_it():
    fields = {p.field for p in draft_problems(ComplaintDraft(channel=None))}
    assert fields == {"contact_name", "channel", "category", "what", "handler"}
    anonymous = ComplaintDraft(
        contact_phone="0571-8888 8888",
        category=ComplaintCategory.WAITING,
        what="等了一个小时",
        handler="陈静",
    )
    assert draft_problems(anonymous) == []
    assert [p.field for p in draft_problems(ComplaintDraft(contact_phone="123", **_rest()))] == [
        "contact_phone"
    ]


def _rest() -> dict:
    return {"category": ComplaintCategory.SERVICE, "what": "x", "handler": "陈静"}


# ---------------------------------------------------------------- the register


def _client(name="张伟", mobile="13812345678") -> int:
    return clients.create_client(ClientDraft(name=name, mobile=mobile), "setup").id


def _register(clock, **fields) -> complaints.ComplaintInfo:
    draft = {
        "channel": ComplaintChannel.IN_PERSON,
        "category": ComplaintCategory.SALE,
        "what": "理财产品收益与介绍不符",
        "handler": "陈静",
        **fields,
    }
    return complaints.register(ComplaintDraft(**draft), "王经理 (desk 1)", desk="1")


def test_registering_counts_the_deadline_from_today_and_audits_it(backend_store, clock):
    clock.set(dt.datetime(2026, 9, 29, 10, 0))
    client_id = _client()
    made = _register(clock, client_id=client_id)
    assert (made.received_on, made.deadline) == (D(2026, 9, 29), D(2026, 10, 14))
    assert made.status is ComplaintStatus.OPEN and made.urgency is Urgency.IN_TIME
    assert (made.masked_name, made.masked_phone) == ("张*", "138****5678")
    entry = audit.entries(client_id)[0]
    assert entry.action is AuditAction.COMPLAINT_REGISTERED
    assert "13812345678" not in entry.detail and "张伟" not in entry.detail


def test_the_working_days_setting_counts_on_the_branchs_calendar(backend_store, clock):
    clock.set(dt.datetime(2026, 9, 29, 10, 0))
    settings.save({"complaint_working_days": True, "closed_days": "2026-10-12"}, "1", "setup")
    made = _register(clock, contact_name="路人甲")
    assert made.deadline == D(2026, 10, 27)
    settings.save({"complaint_deadline_days": 5, "complaint_working_days": False}, "1", "setup")
    assert _register(clock, contact_name="路人乙").deadline == D(2026, 10, 4)


def test_an_anonymous_visitors_contact_is_kept_whole_and_shown_masked(backend_store, clock):
    made = _register(clock, contact_name="李四", contact_phone="139 1234 5678")
    assert made.client_id is None and made.name == "李四"
    assert (made.masked_name, made.masked_phone) == ("李*", "139****5678")
    with pytest.raises(ValidationError) as refused:
        _register(clock, what=" ")
    assert {p.field for p in refused.value.problems} == {"contact_name", "what"}


def test_a_complaint_from_the_queue_keeps_its_visit(backend_store, clock):
    visit = queue.check_in(queue.CheckIn(walk_in_name="投诉人"), "lobby")
    made = _register(clock, contact_name="投诉人", visit_id=visit.id)
    assert made.visit_id == visit.id


def test_resolving_records_the_answer_once_and_another_desk_cannot_overwrite(backend_store, clock):
    client_id = _client()
    made = _register(clock, client_id=client_id)
    handed = complaints.update(
        made.id, "王经理", "刘洋", made.what, ComplaintCategory.PRODUCT, made.row_version
    )
    assert (handed.handler, handed.category) == ("刘洋", ComplaintCategory.PRODUCT)
    with pytest.raises(ConflictError):  # saw the complaint before the change above
        complaints.resolve(made.id, "王经理", "已解释收益计算", True, made.row_version)
    with pytest.raises(ValidationError):
        complaints.resolve(made.id, "王经理", "  ", True)
    done = complaints.resolve(made.id, "王经理", "已解释收益计算，客户认可", True)
    assert done.status is ComplaintStatus.RESOLVED and done.accepted is True
    assert done.urgency is Urgency.CLOSED and done.resolved_at == clock.now
    with pytest.raises(ConflictError):
        complaints.resolve(made.id, "王经理", "again", False)
    again = complaints.reopen(made.id, "王经理")
    assert again.status is ComplaintStatus.OPEN
    actions = [e.action for e in audit.entries(client_id)][:4]
    assert actions == [
        AuditAction.COMPLAINT_REOPENED,
        AuditAction.COMPLAINT_RESOLVED,
        AuditAction.COMPLAINT_UPDATED,
        AuditAction.COMPLAINT_REGISTERED,
    ]
    assert "客户认可" not in audit.entries(client_id)[1].detail  # the answer, not the text


def test_today_lists_overdue_and_due_soon_but_not_later_or_resolved(backend_store, clock):
    clock.set(dt.datetime(2026, 11, 2, 9, 0))
    late = _register(clock, contact_name="早来的")
    clock.set(dt.datetime(2026, 11, 10, 9, 0))
    soon = _register(clock, contact_name="中间的")
    clock.set(dt.datetime(2026, 11, 20, 9, 0))
    _register(clock, contact_name="新来的")
    done = _register(clock, contact_name="已解决")
    complaints.resolve(done.id, "王经理", "已处理", None)
    clock.set(dt.datetime(2026, 11, 22, 9, 0))
    shown = complaints.needing_attention()
    assert [(c.id, c.urgency) for c in shown] == [
        (late.id, Urgency.OVERDUE),
        (soon.id, Urgency.DUE_SOON),
    ]
    register = complaints.register_list()
    assert register[0].id == late.id and register[-1].id == done.id


def test_the_day_close_lists_the_days_new_resolved_and_overdue(backend_store, clock):
    clock.set(dt.datetime(2026, 11, 2, 9, 0))
    old = _register(clock, contact_name="早来的")
    other = _register(clock, contact_name="另一位")
    clock.set(dt.datetime(2026, 11, 20, 15, 0))
    new = _register(clock, contact_name="今天的")
    complaints.resolve(other.id, "王经理", "已处理", False)
    day = complaints.day_complaints(D(2026, 11, 20))
    assert [c.id for c in day.new] == [new.id]
    assert [c.id for c in day.resolved] == [other.id]
    assert [c.id for c in day.overdue] == [old.id]
    assert complaints.day_complaints(D(2026, 11, 19)).resolved == ()


def test_the_day_close_pdf_lists_the_complaints_masked(store, clock, tmp_path):
    from pypdf import PdfReader

    from wealthdesk.reports.day_close import day_close_pdf
    from wealthdesk.reports.fonts import cjk_font
    from wealthdesk.services import day_close

    clock.set(dt.datetime(2026, 11, 2, 9, 0))
    _register(clock, client_id=_client("欧阳娜娜", "13912345678"))
    clock.set(dt.datetime(2026, 11, 20, 15, 0))
    _register(clock, contact_name="李四", contact_phone="13700001111")
    summary = day_close.summary(D(2026, 11, 20))
    assert (len(summary.complaints.new), len(summary.complaints.overdue)) == (1, 1)
    path = day_close_pdf(tmp_path / "close.pdf", summary, cjk_font())
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    assert "Complaints" in text and "欧阳**" in text and "李*" in text
    assert "欧阳娜娜" not in text and "13912345678" not in text and "13700001111" not in text
    assert "理财产品收益与介绍不符" not in text  # what happened stays in the register
