"""The Day close page standalone: today's figures, the checklist kept for the day, and
Close the day… asking about what is open, writing the PDF into the folder and previewing
it; a second close after a change is a second file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
pytestmark = pytest.mark.skipif(not WQY.is_file(), reason="fonts-wqy-microhei is not installed")


@pytest.fixture
def page(qtbot, store, clock, prompts, language, tmp_path):
    import wealthdesk.db
    from wealthdesk import local_settings
    from wealthdesk.ui.day_close.day_close_page import DayClosePage
    from wealthdesk.ui.desk.context import DeskContext

    language.install_language("en")
    local_settings.put("day_close_folder", str(tmp_path / "closes"))
    clock.set(dt.datetime(2026, 11, 27, 17, 30).astimezone())
    desk = DeskContext(desk="1", database=wealthdesk.db.current())
    desk.reload()
    widget = DayClosePage(desk)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    # A closed page waits for deletion with its timer running: stopped, so that it
    # cannot export into the next test's database and folder.
    widget.closing_timer.stop()


def test_the_page_shows_today_s_figures_and_refreshes_them(page, clock):
    from day_close_day import make_day

    assert page.values["arrived"].text() == "0"
    made = make_day(clock)
    page.refresh()
    assert page.values["arrived"].text() == str(len(made.tickets))
    assert page.values["served"].text() == str(made.served)
    assert page.values["sales"].text() == str(made.sales_count)
    assert page.values["missing_recording"].text() == "0"
    assert page.timer.isActive() and page.timer.interval() == 60_000


def test_ticks_are_kept_for_the_day(page, qtbot):
    from wealthdesk.services import day_close

    page.checkbox("Computer cleared").setChecked(True)
    ticked = [i.text for i in day_close.checklist(dt.date(2026, 11, 27), "1") if i.ticked]
    assert ticked == ["Computer cleared"]
    assert page.checklist_count.text() == "1 of 5 ticked"


def test_close_the_day_asks_about_what_is_open_and_closes_nothing_when_declined(
    page, clock, prompts, tmp_path
):
    from wealthdesk.domain.queue import VisitKind
    from wealthdesk.services import queue

    queue.check_in(queue.CheckIn(VisitKind.WALK_IN, walk_in_name="赵敏"), "t")
    prompts.answer("confirm", False)
    assert page.close_day() is None
    kind, _title, text = prompts.shown[-1]
    assert kind == "confirm" and "1 clients are still waiting." in text
    assert "5 checklist items are not ticked." in text
    assert not (tmp_path / "closes").exists()


def test_close_the_day_writes_the_pdf_previews_it_and_a_reclose_keeps_both(
    page, clock, prompts, tmp_path
):
    for item in list(page._checks):
        page.checkbox(item).setChecked(True)
    first = page.close_day()  # an empty day with every item ticked: nothing to ask
    assert first == tmp_path / "closes" / "day-close-2026-11-27.pdf" and first.is_file()
    assert ("dialog", "PdfPreviewDialog", "") in prompts.shown
    assert page.state_label.text().startswith("Closed at 17:30 (version 1).")
    second = page.close_day()
    assert second.name == "day-close-2026-11-27-v2.pdf"
    assert first.is_file() and second.is_file()


def flat_pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "".join("".join(p.extract_text() for p in PdfReader(path).pages).split())


def test_the_week_and_month_summaries_are_previewed(page, clock, prompts):
    from day_close_day import make_day

    made = make_day(clock)
    read = []

    def look(dialog):
        read.append(
            (dialog.windowTitle(), dialog.suggested_name, flat_pdf_text(dialog.preview.path))
        )
        return 0

    prompts.answer("dialog", look, look)
    page.week_button.click()
    page.month_button.click()
    (week_title, week_name, week), (month_title, month_name, month) = read
    assert week_title == "Week summary 2026-11-23 – 2026-11-29"
    assert week_name == "week-close-2026-11-23.pdf"
    assert month_title == "Month summary 2026-11" and month_name == "month-close-2026-11.pdf"
    for text in (week, month):
        assert f"Arrived{len(made.tickets)}" in text and f"Served{made.served}" in text
    assert "2026-11-01to2026-11-30:21workingdays" in month


def test_export_csv_writes_the_day_s_files_into_the_chosen_folder(page, clock, prompts, tmp_path):
    import csv

    from day_close_day import make_day

    from wealthdesk.db.models import AuditEntry

    made = make_day(clock)
    prompts.answer("folder", "")
    assert page.export_csv() is None  # cancelled: nothing
    chosen = tmp_path / "chosen"
    chosen.mkdir()
    prompts.answer("folder", str(chosen))
    page.csv_button.click()
    assert sorted(p.name for p in chosen.iterdir()) == [
        "sales-2026-11-27.csv",
        "visits-2026-11-27.csv",
    ]
    visits = chosen / "visits-2026-11-27.csv"
    assert visits.read_bytes().startswith(b"\xef\xbb\xbf")
    with visits.open(encoding="utf-8-sig", newline="") as file:
        assert [r["Ticket"] for r in csv.DictReader(file)] == made.tickets
    assert AuditEntry.select().where(AuditEntry.action == "day_close_exported").count() == 1


def test_at_closing_time_the_day_is_exported_once_without_asking(page, clock, qtbot, tmp_path):
    from day_close_day import make_day

    from wealthdesk.db.models import AuditEntry
    from wealthdesk.services import settings

    made = make_day(clock)
    settings.save({"office_close": "18:00"}, "1", "t")
    folder = tmp_path / "closes"
    assert page.closing_timer.isActive() and page.closing_timer.interval() == 60_000
    page.closing_timer.setInterval(20)  # the minute's tick, sooner
    clock.set(dt.datetime(2026, 11, 27, 17, 59).astimezone())
    qtbot.wait(100)  # ticks before closing time write nothing
    assert not folder.exists()
    messages = []
    page.status_message.connect(messages.append)
    clock.set(dt.datetime(2026, 11, 27, 18, 0).astimezone())
    qtbot.waitUntil(lambda: folder.exists() and len(list(folder.iterdir())) == 3)
    assert sorted(p.name for p in folder.iterdir()) == [
        "day-close-2026-11-27-auto.pdf",
        "sales-2026-11-27.csv",
        "visits-2026-11-27.csv",
    ]
    text = flat_pdf_text(folder / "day-close-2026-11-27-auto.pdf")
    assert "Dayclose2026-11-27" in text and f"Arrived{len(made.tickets)}" in text
    qtbot.waitUntil(lambda: any("Closing time" in m for m in messages))
    qtbot.wait(100)  # more ticks: written once
    exported = AuditEntry.select().where(AuditEntry.action == "day_close_exported")
    assert [e.detail.endswith("(automatic)") for e in exported] == [True]
    assert len(list(folder.iterdir())) == 3


def test_a_day_closed_before_closing_time_is_not_exported_again(page, clock, qtbot, tmp_path):
    for item in list(page._checks):
        page.checkbox(item).setChecked(True)
    closed = page.close_day()
    page.closing_timer.setInterval(20)
    clock.set(dt.datetime(2026, 11, 27, 18, 30).astimezone())
    qtbot.wait(100)
    assert list((tmp_path / "closes").iterdir()) == [closed]


def test_closing_early_says_how_many_appointments_are_still_to_come_and_the_next(
    page, clock, prompts, tmp_path
):
    from wealthdesk.domain.client import ClientDraft
    from wealthdesk.services import appointments, clients

    client_id = clients.create_client(ClientDraft(name="吴刚"), "t").id
    clock.set(dt.datetime(2026, 11, 27, 9, 0).astimezone())

    def book(hour: int, minute: int = 0) -> int:
        draft = appointments.AppointmentDraft(
            start=dt.datetime(2026, 11, 27, hour, minute), client_id=client_id
        )
        return appointments.create(draft, "t").id

    book(9, 30)  # already past when the day is closed
    book(16, 30)
    book(15, 0)
    cancelled = book(14, 0)
    appointments.cancel(cancelled, "client", "t")
    appointments.create(  # another day: not today's business
        appointments.AppointmentDraft(start=dt.datetime(2026, 11, 30, 10, 0), client_id=client_id),
        "t",
    )
    for item in list(page._checks):
        page.checkbox(item).setChecked(True)  # nothing else to ask about
    clock.set(dt.datetime(2026, 11, 27, 14, 10).astimezone())
    prompts.answer("confirm", False)
    assert page.close_day() is None
    kind, _title, text = prompts.shown[-1]
    assert kind == "confirm"
    assert "2 appointments are still to come today, the next at 15:00." in text
    assert not (tmp_path / "closes").exists()

    # Once the last one has started nothing is to come (the past ones are unresolved).
    clock.set(dt.datetime(2026, 11, 27, 16, 31).astimezone())
    prompts.answer("confirm", False)
    assert page.close_day() is None
    kind, _title, text = prompts.shown[-1]
    assert kind == "confirm" and "unresolved" in text
    assert "still to come" not in text
