"""Figures the summaries must get right: a period not over is measured against its
working days so far and says so; a day the branch is closed has no target; a past day's
planned tasks are that day's list; the notice log names training and meeting notices by
their own names."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from wealthdesk.db.models import CareTask
from wealthdesk.domain.care import CareKind
from wealthdesk.domain.notice import ClosedReason, NoticeKind
from wealthdesk.reports.day_close import day_close_pdf, period_close_pdf
from wealthdesk.reports.fonts import cjk_font
from wealthdesk.services import calendar as calendar_service
from wealthdesk.services import day_close, notices

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
pytestmark = pytest.mark.skipif(not WQY.is_file(), reason="fonts-wqy-microhei is not installed")
FRIDAY = dt.date(2026, 11, 27)


def text_of(path: Path) -> str:
    return "".join("".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_a_month_not_over_is_measured_against_its_working_days_so_far(store, clock, tmp_path):
    clock.set(dt.datetime(2026, 12, 7, 17, 0))  # a Monday early in the month
    first, last = day_close.month_of(dt.date(2026, 12, 7))
    month = day_close.period_summary(first, last, "1")
    calendar = calendar_service.working_calendar()
    so_far = sum(
        1
        for n in range(7)
        if calendar.is_working_day(first + dt.timedelta(days=n))
    )  # fmt: skip
    assert 0 < so_far < month.working_days
    assert month.working_days_counted == so_far
    assert month.work.target_minutes == month.day_target_minutes * so_far
    text = text_of(period_close_pdf(tmp_path / "m.pdf", month, cjk_font()))
    assert "Timeonclientworktodate" in text
    assert f"Perworkingdaytodate({so_far}of{month.working_days})" in text


def test_a_month_that_is_over_is_measured_against_all_its_working_days(store, clock):
    clock.set(dt.datetime(2027, 1, 4, 9, 0))
    month = day_close.period_summary(*day_close.month_of(dt.date(2026, 12, 1)), "1")
    assert month.over and month.working_days_counted == month.working_days
    assert month.work.target_minutes == month.day_target_minutes * month.working_days


def test_a_day_the_branch_is_closed_has_no_target(store, clock, tmp_path):
    saturday = dt.date(2026, 11, 28)
    clock.set(dt.datetime(2026, 11, 28, 18, 0))
    summary = day_close.summary(saturday, "1")
    assert summary.work.target_minutes == 0
    text = text_of(day_close_pdf(tmp_path / "sat.pdf", summary, cjk_font()))
    assert "notarget:notaworkingday" in text
    assert "of5h00min" not in text


def test_a_past_day_counts_the_tasks_of_its_own_list(store, clock):
    made = []

    def task(due: dt.date, created: dt.date, done: dt.datetime | None = None) -> None:
        made.append(due)
        CareTask.create(
            kind=CareKind.FOLLOW_UP.value,
            source=f"test:{len(made)}",
            due_date=due,
            status="done" if done else "open",
            done_at=done.astimezone(dt.UTC).replace(tzinfo=None) if done else None,
            created_at=dt.datetime.combine(created, dt.time(8)),
        )

    before = FRIDAY - dt.timedelta(days=3)
    task(FRIDAY - dt.timedelta(days=1), before)  # overdue on Friday: on its list
    task(FRIDAY, before)  # due on Friday, still open
    task(FRIDAY, before, dt.datetime.combine(FRIDAY, dt.time(11)).astimezone())  # done then
    task(FRIDAY, before, dt.datetime.combine(before, dt.time(11)).astimezone())  # done before
    task(FRIDAY + dt.timedelta(days=3), before)  # due the Monday after: not on Friday's list
    task(FRIDAY, FRIDAY + dt.timedelta(days=2))  # made after Friday
    clock.set(dt.datetime(2026, 12, 2, 18, 0))
    care = day_close.summary(FRIDAY, "1").care
    assert (care.tasks_planned, care.tasks_done) == (3, 1)


def test_the_notice_log_names_training_and_meeting_notices(store, clock, tmp_path):
    clock.set(dt.datetime(2026, 11, 27, 12, 0))
    notices.record(NoticeKind.CLOSED, "printed", "王经理", "1", ClosedReason.TRAINING)
    notices.record(NoticeKind.CLOSED, "saved", "王经理", "1", ClosedReason.MEETING)
    notices.record(NoticeKind.CLOSED, "saved", "王经理", "1")
    log = notices.day_log(FRIDAY)
    assert [entry.label for entry in log] == ["In training", "In a meeting", "Closed"]
    text = text_of(day_close_pdf(tmp_path / "d.pdf", day_close.summary(FRIDAY, "1"), cjk_font()))
    assert "Intraining(printed)" in text and "Inameeting(saved)" in text
