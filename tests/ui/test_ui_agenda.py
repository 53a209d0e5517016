"""The day agenda and the week view: appointments placed in their time and side by side
when they overlap, chosen with the mouse or the keyboard, booked by double-clicking free
time; holidays and make-up working days as the calendar says; masked names only."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from test_ui_appointments import MONDAY, book
from test_ui_queue import MOBILE, NAME, the_client, traces

from wealthdesk import local_settings
from wealthdesk.domain.calendar import OfficeHours
from wealthdesk.services import appointments
from wealthdesk.ui.appointments.agenda_model import (
    APPOINTMENT_ID_ROLE,
    LANE_ROLE,
    LANES_ROLE,
    START_ROLE,
    AgendaDay,
    AgendaModel,
    lay_out,
)
from wealthdesk.ui.appointments.appointment_dialog import Mode
from wealthdesk.ui.appointments.appointments_page import VIEW_STATE


@pytest.fixture
def window(appointments_window):
    return appointments_window


@pytest.fixture
def page(appointments_window):
    return appointments_window.appointments_page


def at(hour: int, minute: int = 0, day: dt.date = MONDAY) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


def centre(grid, appointment_id: int) -> QPoint:
    placed = grid.model.placed[grid.model.row_of(appointment_id)]
    return grid.block_rect(placed).center()


def test_overlapping_appointments_share_the_width_and_back_to_back_ones_do_not(store, clock):
    client_id = the_client()
    first = book(client_id, at(9, 30), 60)
    second = book(client_id, at(10, 0), 30, manager="李经理")
    after = book(client_id, at(10, 30), 30)  # starts as both end: a group of its own
    cancelled = book(client_id, at(14, 0), 30)
    appointments.cancel(cancelled.id, appointments.CancelledBy.CLIENT, "t")
    tuesday = book(client_id, at(9, 30, MONDAY + dt.timedelta(days=1)))
    rows = appointments.week(MONDAY)
    placed = {p.appointment.id: p for p in lay_out([MONDAY], [a for d in rows.values() for a in d])}
    assert set(placed) == {first.id, second.id, after.id}  # no Tuesday, no cancelled one
    assert (placed[first.id].lane, placed[first.id].lanes) == (0, 2)
    assert (placed[second.id].lane, placed[second.id].lanes) == (1, 2)
    assert (placed[after.id].lane, placed[after.id].lanes) == (0, 1)
    assert (placed[first.id].start, placed[first.id].end) == (9 * 60 + 30, 10 * 60 + 30)
    assert tuesday.id not in placed


def test_the_agenda_model_passes_the_qt_model_tester_and_keeps_no_full_name(
    qtmodeltester, store, clock, qapp
):
    client_id = the_client()
    booked = book(client_id, at(10), notes="客户说" + NAME + "的手机是" + MOBILE)
    book(client_id, at(10, 15), 30, manager="李经理")
    model = AgendaModel()
    model.show([AgendaDay(MONDAY)], appointments.day(MONDAY), OfficeHours.from_settings({}))
    qtmodeltester.check(model)
    row = model.row_of(booked.id)
    index = model.index(row)
    assert index.data(APPOINTMENT_ID_ROLE) == booked.id
    assert index.data(START_ROLE) == 600
    assert (index.data(LANE_ROLE), index.data(LANES_ROLE)) == (0, 2)
    for role in range(0, 300):
        for r in range(model.rowCount()):
            value = str(model.index(r).data(role))
            assert NAME not in value and MOBILE not in value
    assert model.placed[row].appointment.name == "" and model.placed[row].appointment.notes == ""
    assert model.minutes_shown() == (9 * 60, 17 * 60)  # the office day


def test_the_day_agenda_shows_the_day_and_a_click_shows_the_details(page, qtbot):
    client_id = the_client()
    booked = book(client_id, at(14, 0), 60)
    page.set_date(MONDAY)
    page.set_view("day")
    assert page.stack.currentWidget() is page.agenda
    grid = page.agenda.grid
    assert [d.date for d in grid.model.days] == [MONDAY]
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=centre(grid, booked.id))
    assert page.selected is not None and page.selected.id == booked.id
    assert "14:00–15:00" in page.detail_when.text()
    assert local_settings.state(VIEW_STATE) == "day"


def test_double_clicks_open_the_appointment_or_book_the_free_time(page, prompts, qtbot):
    client_id = the_client()
    booked = book(client_id, at(10))
    page.set_date(MONDAY)
    page.set_view("day")
    grid = page.agenda.grid
    opened = []

    def look(dialog) -> int:
        opened.append((dialog.mode, dialog.date.date().toPython(), dialog.start.time().toPython()))
        return 0

    prompts.answer("dialog", look, look)
    qtbot.mouseDClick(grid, Qt.MouseButton.LeftButton, pos=centre(grid, booked.id))
    y = grid.y_of(15 * 60 + 40)  # 15:40 → the quarter hour before
    x, width = grid.column(0)
    qtbot.mouseDClick(grid, Qt.MouseButton.LeftButton, pos=QPoint(x + width // 2, y))
    assert opened == [
        (Mode.EDIT, MONDAY, dt.time(10, 0)),
        (Mode.NEW, MONDAY, dt.time(15, 30)),
    ]


def test_the_keyboard_moves_through_the_day_and_enter_opens(page, prompts, qtbot):
    client_id = the_client()
    ids = [book(client_id, at(h)).id for h in (9, 11, 15)]
    page.set_date(MONDAY)
    page.set_view("day")
    grid = page.agenda.grid
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Down)
    assert page.selected.id == ids[0]
    qtbot.keyClick(grid, Qt.Key.Key_Down)
    qtbot.keyClick(grid, Qt.Key.Key_Down)
    qtbot.keyClick(grid, Qt.Key.Key_Down)  # stays on the last
    assert page.selected.id == ids[2]
    qtbot.keyClick(grid, Qt.Key.Key_Up)
    assert page.selected.id == ids[1]
    prompts.answer("dialog", lambda dialog: 0)
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert prompts.kinds()[-1] == "dialog"


def test_the_week_view_shows_the_working_days_with_holidays_and_make_up_days(page):
    page.set_date(dt.date(2026, 10, 7))  # the National Day week
    page.set_view("week")
    days = page.agenda.model.days
    assert [d.date.day for d in days] == [5, 6, 7, 8, 9, 10]  # Saturday the 10th is worked
    assert [bool(d.closed) for d in days] == [True, True, True, False, False, False]
    assert days[0].closed == "National Day holiday"
    assert "Week 41" in page.day_label.full_text()
    page.step_day(1)
    assert page.current_date() == dt.date(2026, 10, 14)
    assert [d.date.day for d in page.agenda.model.days] == [12, 13, 14, 15, 16]


def test_the_week_view_shows_the_week_s_appointments_and_keeps_the_choice(page, qtbot):
    client_id = the_client()
    monday = book(client_id, at(10))
    thursday = book(client_id, at(15, 0, MONDAY + dt.timedelta(days=3)))
    page.set_date(MONDAY + dt.timedelta(days=2))
    page.set_view("week")
    grid = page.agenda.grid
    assert {p.appointment.id: p.day for p in grid.model.placed} == {monday.id: 0, thursday.id: 3}
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=centre(grid, thursday.id))
    assert page.selected.id == thursday.id
    appointments.confirm(thursday.id, "t")
    page.refresh()
    assert page.selected.id == thursday.id and grid.selected_id == thursday.id
    page.set_view("list")
    assert page.stack.currentWidget() is page.table


def test_a_search_shows_its_results_as_a_list_in_any_view(page, qtbot):
    book(the_client(), at(10))
    page.set_view("week")
    page.search.setText("qdd")
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.table)
    assert page.model.rowCount() == 1
    page.search.setText("")
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.agenda)


def test_the_agenda_holds_no_full_name_or_mobile(window, page):
    book(the_client(), at(10))
    page.set_date(MONDAY)
    for view in ("day", "week"):
        page.set_view(view)
        page.select(page.agenda.model.placed[0].appointment.id)
        assert traces(window, (NAME, MOBILE)) == []
