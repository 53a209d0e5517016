"""The Appointments page and its dialog, driven as a manager drives them on a Friday
morning (the clock fixture: 2026-11-27 10:00): book, refuse, change, confirm, cancel,
mark no-shows, check in to the queue, and never show a client's full name or mobile."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QDialog
from test_ui_queue import MOBILE, NAME, the_client, traces

from wealthdesk.domain.appointment import AppointmentStatus, CancelledBy
from wealthdesk.domain.queue import Purpose
from wealthdesk.services import appointments, queue
from wealthdesk.ui.appointments.appointment_model import (
    APPOINTMENT_ID_ROLE,
    COL_NAME,
    COL_PREP,
    COL_STATUS,
    COL_TIME,
    PROGRESS_ROLE,
    AppointmentTableModel,
)

MONDAY = dt.date(2026, 11, 30)
PROSPECT = "孙悟空"
PROSPECT_MOBILE = "13800001111"


@pytest.fixture
def window(appointments_window):
    return appointments_window


@pytest.fixture
def page(appointments_window):
    return appointments_window.appointments_page


def book(client_id, start, minutes=30, purposes=(Purpose.PURCHASE,), **more):
    draft = appointments.AppointmentDraft(
        start=start, duration_minutes=minutes, client_id=client_id, purposes=purposes, **more
    )
    return appointments.create(draft, "setup")


def show(page, appointment) -> None:
    page.search.setText("")
    page.set_date(appointment.start.date())
    page.refresh()
    assert page.select(appointment.id)
    assert page.selected.id == appointment.id


def choose_client(dialog, query="qdd") -> None:
    dialog.client_search.setText(query)
    assert dialog.chosen.text().endswith("钱**")


def at(dialog, day: dt.date, hour: int, minute: int = 0) -> None:
    dialog.date.setDate(QDate(day.year, day.month, day.day))
    dialog.start.setTime(QTime(hour, minute))


def test_the_appointment_model_passes_the_qt_model_tester_and_holds_no_full_name(
    qtmodeltester, store, clock, qapp
):
    client_id = the_client()
    booked = book(client_id, dt.datetime(2026, 11, 27, 10, 30))
    appointments.tick_item(booked.items[0].id)
    model = AppointmentTableModel()
    model.set_rows(appointments.day(dt.date(2026, 11, 27)))
    qtmodeltester.check(model)
    index = model.index(0, COL_TIME)
    assert index.data() == "10:30–11:00"
    assert model.index(0, COL_NAME).data() == "钱**"
    assert model.index(0, COL_PREP).data() == "1/4"
    assert model.index(0, COL_PREP).data(PROGRESS_ROLE) == pytest.approx(0.25)
    assert index.data(APPOINTMENT_ID_ROLE) == booked.id
    assert model.index(0, COL_STATUS).data()  # the status, translated
    for column in range(model.columnCount()):
        for role in range(0, 300):
            assert NAME not in str(model.index(0, column).data(role) or "")
    model.clear()
    assert model.rowCount() == 0


def test_book_an_appointment_for_a_client_found_by_pinyin(page, prompts):
    client_id = the_client()

    def fill(dialog) -> int:
        choose_client(dialog)
        at(dialog, MONDAY, 10, 30)
        dialog.duration_buttons[45].click()
        dialog.purpose_checks[Purpose.PURCHASE].setChecked(True)
        assert "Product brochure" in dialog.items.toPlainText()  # the purpose's checklist
        dialog.products.setText("稳健理财30天, 黄金积存")
        dialog.team.setText("投资顾问王工，助理小李")
        assert dialog.problems_text() == ""
        dialog.ok_button.click()
        return dialog.result()

    prompts.answer("dialog", fill)
    page.new_button.click()
    [stored] = appointments.day(MONDAY)
    assert stored.client_id == client_id
    assert (stored.start.hour, stored.start.minute, stored.duration_minutes) == (10, 30, 45)
    assert stored.products == ("稳健理财30天", "黄金积存")
    assert stored.team == ("投资顾问王工", "助理小李")
    assert stored.items_total == 4
    # The page went to that day with the new appointment chosen.
    assert page.current_date() == MONDAY
    assert page.selected.id == stored.id
    assert page.detail_heading.full_text() == "钱**"
    assert len(page.item_checks) == 4


def test_a_holiday_is_refused_with_its_name_and_nothing_is_stored(page, prompts):
    the_client()
    seen = {}

    def fill(dialog) -> int:
        choose_client(dialog)
        at(dialog, dt.date(2026, 10, 1), 10)
        seen["problems"] = dialog.problems_text()
        seen["ok"] = dialog.ok_button.isEnabled()
        dialog.accept()  # even forced, OK refuses
        return dialog.result()

    prompts.answer("dialog", fill)
    assert page.new_appointment() is None
    assert "2026-10-01 is not a working day: National Day holiday." in seen["problems"]
    assert seen["ok"] is False
    assert appointments.day(dt.date(2026, 10, 1)) == []


def test_the_lunch_reason_appears_in_the_lunch_break_and_is_required(page, prompts):
    the_client()

    def fill(dialog) -> int:
        choose_client(dialog)
        at(dialog, MONDAY, 10)
        assert not dialog.lunch_reason.isVisibleTo(dialog)
        at(dialog, MONDAY, 12, 30)
        assert dialog.lunch_reason.isVisibleTo(dialog)
        assert "falls in the lunch break" in dialog.errors["lunch_reason"].text()
        assert not dialog.ok_button.isEnabled()
        dialog.lunch_reason.setText("客户只有午休有空")
        assert dialog.ok_button.isEnabled()
        dialog.ok_button.click()
        return dialog.result()

    prompts.answer("dialog", fill)
    saved = page.new_appointment()
    assert saved is not None and saved.lunch_reason == "客户只有午休有空"
    assert page.detail_values["lunch"].text() == "客户只有午休有空"


def test_edit_changes_the_time_and_the_topics(page, prompts):
    booked = book(the_client(), dt.datetime(2026, 11, 30, 10, 0))
    show(page, booked)

    def change(dialog) -> int:
        assert dialog.chosen.text().endswith("钱**")
        dialog.start.setTime(QTime(15, 0))
        dialog.topics.setText("养老规划, 子女教育金")
        dialog.ok_button.click()
        return dialog.result()

    prompts.answer("dialog", change)
    page.edit_button.click()
    changed = appointments.get(booked.id)
    assert (changed.start.hour, changed.topics) == (15, ("养老规划", "子女教育金"))
    assert page.detail_values["topics"].text() == "养老规划, 子女教育金"
    assert "15:00–15:30" in page.detail_when.text()


def test_confirm_and_then_cancel_by_the_client(page, prompts):
    booked = book(the_client(), dt.datetime(2026, 11, 30, 10, 0))
    show(page, booked)
    page.confirm_button.click()
    assert appointments.get(booked.id).status is AppointmentStatus.CONFIRMED
    assert "Confirmed" in page.detail_status.text()
    assert not page.confirm_button.isEnabled()
    prompts.answer("choose", "client")
    page.cancel_button.click()
    cancelled = appointments.get(booked.id)
    assert cancelled.status is AppointmentStatus.CANCELLED
    assert cancelled.cancelled_by is CancelledBy.CLIENT
    assert "The client" in page.detail_status.text()
    assert not page.cancel_button.isEnabled()


def test_a_no_show_is_asked_first(page, prompts, clock):
    clock.set(dt.datetime(2026, 11, 27, 8, 0))
    booked = book(the_client(), dt.datetime(2026, 11, 27, 9, 0))
    clock.set(dt.datetime(2026, 11, 27, 10, 0))
    show(page, booked)
    prompts.answer("confirm", False)
    page.no_show_button.click()
    assert appointments.get(booked.id).status is AppointmentStatus.BOOKED
    prompts.answer("confirm", True)
    page.no_show_button.click()
    assert appointments.get(booked.id).status is AppointmentStatus.NO_SHOW
    assert prompts.kinds() == ["confirm", "confirm"]


def test_a_future_appointment_cannot_be_marked_a_no_show_or_checked_in(page):
    booked = book(the_client(), dt.datetime(2026, 11, 30, 10, 0))
    show(page, booked)
    assert not page.no_show_button.isEnabled()
    assert not page.check_in_button.isEnabled()


def test_check_in_puts_an_appointment_ticket_at_the_front_of_the_queue(window, page):
    queue.check_in(queue.CheckIn(walk_in_name="路人甲"), "lobby")
    window.queue_page.refresh()
    booked = book(the_client(), dt.datetime(2026, 11, 27, 10, 30))
    show(page, booked)
    assert page.check_in_button.isEnabled()
    page.check_in_button.click()
    first = window.queue_page.model.row_at(0)
    assert first.ticket.startswith("A")
    assert window.queue_page.model.rowCount() == 2
    assert appointments.get(booked.id).status is AppointmentStatus.CHECKED_IN
    assert not page.check_in_button.isEnabled()


def test_the_unresolved_list_shows_a_past_booking_and_marks_it_a_no_show(page, prompts, clock):
    clock.set(dt.datetime(2026, 11, 26, 9, 0))
    booked = book(the_client(), dt.datetime(2026, 11, 26, 10, 0))
    clock.set(dt.datetime(2026, 11, 27, 10, 0))
    page.refresh()
    assert page.unresolved_box.isVisibleTo(page)
    assert page.unresolved_model.rowCount() == 1
    assert page.unresolved_model.index(0, COL_TIME).data() == "2026-11-26 10:00–10:30"
    page.unresolved_table.selectRow(0)
    assert page.unresolved_no_show.isEnabled()
    prompts.answer("confirm", True)
    page.unresolved_no_show.click()
    assert appointments.get(booked.id).status is AppointmentStatus.NO_SHOW
    assert not page.unresolved_box.isVisibleTo(page)


def test_an_unresolved_booking_is_rescheduled_to_a_new_time(page, prompts, clock):
    clock.set(dt.datetime(2026, 11, 26, 9, 0))
    booked = book(the_client(), dt.datetime(2026, 11, 26, 10, 0))
    clock.set(dt.datetime(2026, 11, 27, 10, 0))
    page.refresh()
    page.unresolved_table.selectRow(0)

    def move(dialog) -> int:
        assert not dialog.products.isEnabled()  # only the time changes
        at(dialog, MONDAY, 11)
        dialog.ok_button.click()
        return dialog.result()

    prompts.answer("dialog", move)
    page.unresolved_reschedule.click()
    assert appointments.get(booked.id).status is AppointmentStatus.RESCHEDULED
    [moved] = appointments.day(MONDAY)
    assert moved.start.hour == 11
    assert page.selected.id == moved.id


def test_ticking_the_checklist_is_stored(page):
    booked = book(the_client(), dt.datetime(2026, 11, 30, 10, 0))
    show(page, booked)
    first = booked.items[0]
    page.item_checks[first.id].setChecked(True)
    assert appointments.get(booked.id).items_done == 1
    assert page.model.index(page.model.row_of(booked.id), COL_PREP).data() == "1/4"
    page.new_item.setText("客户上次的对账单")
    page.add_item_button.click()
    assert appointments.get(booked.id).items[-1].label == "客户上次的对账单"


def test_the_appointments_page_shows_no_full_name_or_mobile(window, page, prompts, qtbot):
    client_id = the_client()
    book(client_id, dt.datetime(2026, 11, 27, 10, 30))
    prospect = appointments.create(
        appointments.AppointmentDraft(
            start=dt.datetime(2026, 11, 27, 15, 0),
            prospect_name=PROSPECT,
            prospect_mobile=PROSPECT_MOBILE,
            purposes=(Purpose.CONSULTATION,),
        ),
        "setup",
    )
    show(page, prospect)
    assert page.detail_heading.full_text().startswith("孙*")
    private = (NAME, MOBILE, PROSPECT, PROSPECT_MOBILE)
    assert traces(window, private) == []
    page.search.setText("qdd")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.index(0, COL_TIME).data() == "2026-11-27 10:30–11:00"
    page.table.selectRow(0)
    assert traces(window, private) == []
    window.clear_client()
    assert page.search.text() == ""
    assert page.model.rowCount() == 2  # back to the day


def test_a_prospect_is_booked_with_name_and_mobile(page, prompts):
    def fill(dialog) -> int:
        dialog.prospect.setChecked(True)
        at(dialog, MONDAY, 9, 30)
        assert "mobile" in dialog.errors["prospect_mobile"].text()
        dialog.prospect_name.setText(PROSPECT)
        dialog.prospect_mobile.setText(PROSPECT_MOBILE)
        dialog.ok_button.click()
        return dialog.result()

    prompts.answer("dialog", fill)
    saved = page.new_appointment()
    assert saved is not None and saved.is_prospect
    assert page.model.index(page.model.row_of(saved.id), COL_NAME).data() == "孙**"


def test_editing_a_prospect_keeps_the_mobile_that_is_only_shown_masked(page, prompts):
    prospect = appointments.create(
        appointments.AppointmentDraft(
            start=dt.datetime(2026, 11, 30, 10, 0),
            prospect_name=PROSPECT,
            prospect_mobile=PROSPECT_MOBILE,
        ),
        "setup",
    )
    show(page, prospect)

    def change(dialog) -> int:
        assert dialog.prospect_mobile.text() == ""
        assert dialog.prospect_mobile.placeholderText().startswith(
            PROSPECT_MOBILE[:3] + "****" + PROSPECT_MOBILE[-4:]
        )
        dialog.start.setTime(QTime(16, 0))
        assert dialog.ok_button.isEnabled()
        dialog.ok_button.click()
        return dialog.result()

    prompts.answer("dialog", change)
    page.edit_button.click()
    changed = appointments.get(prospect.id)
    assert changed.start.hour == 16
    assert changed.masked_mobile == PROSPECT_MOBILE[:3] + "****" + PROSPECT_MOBILE[-4:]


def test_the_rail_has_the_appointments_page_after_the_client_page(window):
    keys = [key for key, _i, _p in window.pages]
    assert keys.index("appointments") == keys.index("service") + 1
    button = window.nav_buttons[keys.index("appointments")]
    assert button.text() == "Appointments"
    assert not button.icon().isNull()
    assert window.appointments_page.isVisible()
    assert Qt  # the page is shown in the rail's order
    assert QDialog


def test_the_days_agenda_is_previewed_printed_and_saved_with_masked_names(
    main_window, prompts, clock, tmp_path, monkeypatch
):
    from pypdf import PdfReader
    from test_ui_pdf_preview import to_file

    from wealthdesk.domain.client import ClientDraft
    from wealthdesk.services import clients
    from wealthdesk.ui import pdf_preview

    if not Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc").is_file():
        pytest.skip("fonts-wqy-microhei is not installed")
    client_id = clients.create_client(ClientDraft(name="欧阳娜娜", mobile="13912345678"), "t").id
    appointments.create(
        appointments.AppointmentDraft(
            start=dt.datetime(2026, 11, 27, 15, 0).astimezone(), client_id=client_id
        ),
        "t",
    )
    main_window.go_to_key("appointments")
    page = main_window.appointments_page
    page.set_date(dt.date(2026, 11, 27))
    target = tmp_path / "agenda.pdf"
    printed = tmp_path / "printed.pdf"
    monkeypatch.setattr(pdf_preview, "printer_names", lambda: ["Office"])
    seen = {}

    def use(dialog) -> int:
        seen["pages"] = dialog.preview.page_count()
        seen["temporary"] = dialog.preview.path
        prompts.answer("print", to_file(printed))
        dialog.print_button.click()
        prompts.answer("save_file", str(target))
        dialog.save_button.click()
        return 0

    prompts.answer("dialog", use)
    assert page.agenda_button.isEnabled()
    page.agenda_button.click()
    assert seen["pages"] == 1
    text = "\n".join(p.extract_text() for p in PdfReader(target).pages)
    assert "15:00" in text and "欧阳**" in text and "欧阳娜娜" not in text
    assert "2026-11-27" in text
    assert len(PdfReader(printed).pages) == 1
    assert not seen["temporary"].exists()  # the preview's own copy is gone


def test_an_agenda_that_cannot_be_written_says_why_and_opens_no_preview(
    main_window, prompts, clock, tmp_path
):
    from wealthdesk import local_settings

    main_window.go_to_key("appointments")
    local_settings.put("pdf_font_path", str(tmp_path / "no-such-font.ttf"))
    try:
        assert main_window.appointments_page.preview_agenda() is False
    finally:
        local_settings.put("pdf_font_path", "")
    kind, _title, text = prompts.shown[-1]
    assert kind == "warn" and "no-such-font.ttf" in text
    assert "dialog" not in prompts.kinds()


def test_the_phone_to_call_is_shown_on_request_audited_and_masked_again(
    window, page, prompts, qtbot
):
    from wealthdesk.domain.audit import AuditAction
    from wealthdesk.services import audit

    client_booking = book(the_client(), dt.datetime(2026, 11, 27, 14, 0))
    prospect = book(
        None,
        dt.datetime(2026, 11, 27, 15, 0),
        prospect_name=PROSPECT,
        prospect_mobile=PROSPECT_MOBILE,
    )
    mobile = page.detail_values["mobile"]
    show(page, client_booking)
    assert mobile.text() == "139****5678"
    assert page.reveal_mobile_button.isVisibleTo(page)
    qtbot.mouseClick(page.reveal_mobile_button, Qt.MouseButton.LeftButton)
    assert mobile.text() == MOBILE and not page.reveal_mobile_button.isVisibleTo(page)
    (entry,) = [e for e in audit.entries() if e.action is AuditAction.REVEAL_MOBILE]
    assert entry.client_id == client_booking.client_id  # as the client form's Show

    page.tick(client_booking.items[0].id, True)  # the same appointment stays revealed
    assert mobile.text() == MOBILE
    show(page, prospect)  # another appointment: the first is masked again
    assert traces(window, (MOBILE,)) == [] and mobile.text() == "138****1111"
    qtbot.mouseClick(page.reveal_mobile_button, Qt.MouseButton.LeftButton)
    assert mobile.text() == PROSPECT_MOBILE
    entries = [e for e in audit.entries() if e.action is AuditAction.REVEAL_MOBILE]
    assert (entries[0].client_id, entries[0].detail) == (None, f"appointment {prospect.id}")

    window.clear_client()  # the client screen cleared: masked, still chosen
    assert page.selected.id == prospect.id and mobile.text() == "138****1111"
    assert traces(window, (PROSPECT_MOBILE,)) == []

    qtbot.mouseClick(page.reveal_mobile_button, Qt.MouseButton.LeftButton)
    prompts.answer("choose", CancelledBy.CLIENT.value)
    page.cancel(page.selected)  # closed: masked, nothing to call about any more
    assert mobile.text() == "138****1111"
    assert not page.reveal_mobile_button.isVisibleTo(page)
