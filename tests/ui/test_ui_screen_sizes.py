"""Every page at 1024×768 and 1366×768, in Chinese and in English, on a busy Friday
morning (the clock fixture: 2026-11-27 10:00): what a manager needs — the buttons, the
check-in field, the checklist, the columns that matter — is in reach; the settings
dialog fits the small screen; bookings side by side in the week keep their names."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QDialog,
    QTableView,
    QToolButton,
    QToolTip,
    QWidget,
)

from wealthdesk.domain.client import ClientDraft, Tier
from wealthdesk.domain.queue import Purpose
from wealthdesk.services import appointments, clients, demo, queue
from wealthdesk.services import settings as settings_service
from wealthdesk.ui.appointments.appointment_model import shown_name
from wealthdesk.ui.clients.client_table_model import CLIENT_ID_ROLE
from wealthdesk.ui.clients.client_table_model import COLUMN_COUNT as CLIENT_COLUMNS
from wealthdesk.ui.queue import queue_model
from wealthdesk.ui.settings_dialog import SettingsDialog, sections

SIZES = ((1024, 768), (1366, 768))
LANGUAGES = ("zh_CN", "en")
# A taskbar's allowance: a dialog at most this tall fits a 768-pixel screen.
SCREEN_LEFT_FOR_DIALOGS = 720
LONG_NAMES = ("欧阳娜娜娜娜娜娜", "Alexandra Konstantinopoulou-Whitfield", "司马相如相如")
OVERLAP_MANAGERS = ("李娜", "张伟", "陈静")
OVERLAP_AT = dt.time(15, 30)
MIN_COLUMN = 24  # pixels: a column squeezed below this shows nothing


def fill_like_a_busy_morning() -> None:
    """Demo clients, a week of visits and appointments; walk-ins with long names
    waiting for many purposes; three managers' bookings at the same time today and on
    each day left of the week (side by side in the week view)."""
    settings_service.save({"manager_name": "王晓东"}, "1", "setup")
    demo.create_demo_data(clients=40, seed=3, manager="王晓东", desk="1", days=7)
    for name in LONG_NAMES:
        queue.check_in(
            queue.CheckIn(
                walk_in_name=name,
                purposes=(Purpose.CONSULTATION, Purpose.PURCHASE, Purpose.REDEMPTION),
            ),
            "setup",
        )
    client = clients.create_client(
        ClientDraft(name="Alexandra Whitfield", mobile="13912345678", tier=Tier.GOLD), "setup"
    )
    today = demo.clock.today()
    for offset in range(7 - today.weekday()):
        day = today + dt.timedelta(days=offset)
        if day.weekday() >= 5:
            continue
        for manager in OVERLAP_MANAGERS:
            appointments.create(
                appointments.AppointmentDraft(
                    start=dt.datetime.combine(day, OVERLAP_AT),
                    duration_minutes=60,
                    client_id=client.id,
                    purposes=(Purpose.PURCHASE,),
                    manager=manager,
                ),
                "setup",
            )


# ---------------------------------------------------------------- measuring


def settle() -> None:
    """Let the layouts and the tables' column widths catch up, a level of nested
    layouts a round (no waiting on time)."""
    for _ in range(12):
        QApplication.processEvents()


def out_of_reach(widget: QWidget, top: QWidget, scrolling: bool = True) -> str:
    """Why the manager cannot get to *widget* in window *top*, or "" when they can: it
    must be shown, with a size, and inside every widget around it up to *top*. With
    *scrolling*, inside a scroll area's content counts (the manager scrolls to it);
    without, it must be in sight as the window is."""
    if not widget.isVisibleTo(top):
        return "not shown"
    if widget.width() <= 0 or widget.height() <= 0:
        return "no room at all"
    rect = QRect(QPoint(0, 0), widget.size())
    node = widget
    while node is not top:
        parent = node.parentWidget()
        if parent is None:
            return "not in the window"
        rect = rect.translated(node.pos())
        area = parent.parentWidget()
        if (
            scrolling
            and isinstance(area, QAbstractScrollArea)
            and parent is area.viewport()
            and not isinstance(area, QTableView)
        ):
            # The scroll area's content: anywhere in it can be scrolled to.
            if not node.geometry().contains(rect):
                return f"outside the scrollable content of {area.objectName() or 'a scroll area'}"
            rect = parent.rect()
        elif not parent.rect().adjusted(-1, -1, 1, 1).contains(rect):
            return (
                f"cut off by {type(parent).__name__} {parent.objectName()!r}: "
                f"{rect.getRect()} not in {parent.rect().getRect()}"
            )
        node = parent
    return ""


def column_out_of_reach(view: QTableView, column: int, must_fit: bool) -> str:
    """Why *column* of *view* cannot be read, or "": shown, not squeezed, and inside the
    viewport; without *must_fit*, a column the table scrolls sideways to counts."""
    header = view.horizontalHeader()
    name = view.model().headerData(column, header.orientation())
    if header.isSectionHidden(column):
        return f"column {name!r} hidden"
    size = header.sectionSize(column)
    if size < MIN_COLUMN:
        return f"column {name!r} squeezed to {size} px"
    left = header.sectionViewportPosition(column)
    width = view.viewport().width()
    if left >= 0 and left + size <= width:
        return ""
    if must_fit:
        return f"column {name!r} cut off: {left}–{left + size} px of a {width} px view"
    bar = view.horizontalScrollBar()
    if bar.maximum() > 0 and header.sectionPosition(column) + size <= bar.maximum() + width:
        return ""
    return f"column {name!r} out of sight and no scrolling to it"


# ---------------------------------------------------------------- the window


@pytest.fixture
def busy_morning(store, clock):
    fill_like_a_busy_morning()


@pytest.fixture
def window(busy_morning, main_window, qtbot):
    """The window on a busy morning, the first visitor called and served."""
    main_window.session.call_next()
    main_window.session.start_action.trigger()
    assert main_window.session.current is not None
    return main_window


def switch_language(window, language, qtbot, code: str) -> None:
    language.install_language(code)
    queue_index = [key for key, _i, _p in window.pages].index("queue")
    expected = "Queue" if code == "en" else "叫号"
    qtbot.waitUntil(lambda: window.nav_buttons[queue_index].text() == expected)


def key_controls(window) -> dict[str, dict[str, QWidget]]:
    """Per page, what a manager must be able to reach there."""
    today = window.today_page
    queue_page = window.queue_page
    service = window.service_page
    finish = next(
        button
        for button in service.findChildren(QToolButton)
        if button.defaultAction() is window.session.finish_action
    )
    record = service._form
    booking = window.appointments_page
    book = window.clients_page
    products = window.products_page
    day_close = window.day_close_page
    return {
        "today": {
            "appointments": today.appointment_view,
            "care list": today.care_view,
            "care filter": today.kind_filter,
            "Call…": today.call_button,
            "Done": today.done_button,
            "Open client": today.open_button,
            "expiring assessments": today.risk_view,
            "New event…": today.event_button,
            "Colleague support…": today.support_button,
        },
        "queue": {
            "check-in field": queue_page.check_in_search,
            "New visitor": queue_page.new_visitor_button,
            "waiting list": queue_page.table,
            "Call next": queue_page.call_next_button,
            "Finish service": queue_page.finish_button,
            "Survey…": queue_page.survey_button,
        },
        "service": {
            "Finish service": finish,
            "record tabs": service.record_tabs,
            "Show ID": record.reveal_id,
            "Show mobile": record.reveal_mobile,
            "Save": record.save_button,
            "Erase personal data…": record.erase_button,
        },
        "appointments": {
            "date": booking.date_edit,
            "search": booking.search,
            "list": booking.table,
            "New…": booking.new_button,
            "Edit…": booking.edit_button,
            "Check in": booking.check_in_button,
            "No-show…": booking.no_show_button,
            "Agenda…": booking.agenda_button,
        },
        "clients": {
            "search": book.search,
            "New client": book.new_button,
            "Import…": book.import_button,
            "client list": book.table,
        },
        "products": {
            "search": products.search,
            "catalogue": products.table,
            "Import CSV…": products.import_button,
            "New product": products.new_button,
            "Save": products.save_button,
        },
        "dayclose": {
            "checklist": day_close.checklist_box,
            **{f"checklist item {n}": box for n, box in enumerate(day_close._checks.values())},
            "Close the day…": day_close.close_button,
            "Export CSV…": day_close.csv_button,
            "Week summary…": day_close.week_button,
            "Month summary…": day_close.month_button,
        },
    }


# Pages whose key controls must be in sight as the page opens, not only by scrolling.
IN_SIGHT = {
    "today",
    "queue",
    "appointments",
    "clients",
    "products",
}
IN_SIGHT_DAY_CLOSE = ("checklist", "Close the day…")


def table_columns(window, width: int) -> list[tuple[str, QTableView, list[int], bool]]:
    """(what, table, columns that matter, whether they must fit without scrolling)."""
    today = window.today_page
    return [
        ("today: appointments", today.appointment_view, list(range(6)), True),
        ("today: care list", today.care_view, list(range(6)), True),
        ("today: expiring assessments", today.risk_view, list(range(4)), True),
        ("queue", window.queue_page.table, list(range(queue_model.COLUMN_COUNT)), True),
        ("appointments", window.appointments_page.table, list(range(6)), True),
        # The book beside an open record: all of it at 1366; at 1024 scrolling sideways.
        ("clients", window.clients_page.table, list(range(CLIENT_COLUMNS)), width >= 1366),
        ("products", window.products_page.table, [0, 1, 2, 3, 5], width >= 1366),
    ]


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_page_keeps_its_controls_and_columns_in_reach_on_small_screens(
    window, language, qtbot, code
):
    if code != "zh_CN":
        switch_language(window, language, qtbot, code)
    problems: list[str] = []
    for width, height in SIZES:
        window.resize(width, height)
        window.show()
        settle()
        if (window.width(), window.height()) != (width, height):
            problems.append(f"{width}×{height}: the window will not shrink below {window.size()}")
        for key, _icon, _page in window.pages:
            window.go_to_key(key)
            if key == "today":
                window.today_page.refresh()  # filled a moment after it shows
            settle()
            for what, widget in key_controls(window)[key].items():
                why = out_of_reach(widget, window, scrolling=key not in IN_SIGHT)
                if not why and key == "dayclose" and what in IN_SIGHT_DAY_CLOSE:
                    why = out_of_reach(widget, window, scrolling=False)
                if why:
                    problems.append(f"{width}×{height} {key}: {what}: {why}")
        for what, table, columns, must_fit in table_columns(window, width):
            page = next(k for k, _i, p in window.pages if p.isAncestorOf(table))
            window.go_to_key(page)
            if page == "clients":
                book = window.clients_page
                book.open_client(book.model.index(1, 0).data(CLIENT_ID_ROLE))
            settle()
            for column in columns:
                why = column_out_of_reach(table, column, must_fit)
                if why:
                    problems.append(f"{width}×{height} {what}: {why}")
        window.clients_page.clear_client()
        settle()
        if (window.width(), window.height()) != (width, height):
            problems.append(f"{width}×{height}: a page made the window {window.size()}")
    assert not problems, "\n".join(problems)


def test_a_busy_morning_gives_the_tables_content(window):
    """The measure above is taken on full tables, long names and overlapping bookings."""
    window.go_to_key("today")
    window.today_page.refresh()
    assert window.queue_page.model.rowCount() >= len(LONG_NAMES)
    assert window.today_page.care_model.rowCount() > 0
    assert window.today_page.risk_model.rowCount() > 0
    assert window.today_page.appointment_model.rowCount() >= len(OVERLAP_MANAGERS)
    window.go_to_key("clients")
    assert window.clients_page.model.rowCount() > 40


def test_a_long_purpose_is_cut_short_in_the_queue_and_whole_in_its_tooltip(window, language, qtbot):
    switch_language(window, language, qtbot, "en")
    window.resize(1024, 768)
    window.show()
    window.go_to_key("queue")
    settle()
    table = window.queue_page.table
    model = table.model()
    row = next(
        r
        for r in range(model.rowCount())
        if "Redemption" in model.index(r, queue_model.COL_PURPOSE).data()
    )
    index = model.index(row, queue_model.COL_PURPOSE)
    full = index.data()
    assert table.fontMetrics().horizontalAdvance(full) > table.columnWidth(queue_model.COL_PURPOSE)
    where = table.visualRect(index).center()
    event = QHelpEvent(QEvent.Type.ToolTip, where, table.viewport().mapToGlobal(where))
    QApplication.sendEvent(table.viewport(), event)
    assert QToolTip.text() == full


# ---------------------------------------------------------------- the week view


@pytest.mark.parametrize("code", LANGUAGES)
def test_bookings_side_by_side_in_the_week_keep_their_names(window, language, qtbot, code):
    if code != "zh_CN":
        switch_language(window, language, qtbot, code)
    window.resize(1024, 768)
    window.show()
    window.go_to_key("appointments")
    window.appointments_page.set_view("week")
    settle()
    grid = window.appointments_page.agenda.grid
    side_by_side = [p for p in grid.model.placed if p.lanes == len(OVERLAP_MANAGERS)]
    assert len(side_by_side) >= len(OVERLAP_MANAGERS)
    rects = [grid.block_rect(p) for p in side_by_side if p.day == side_by_side[0].day]
    assert not any(a.intersects(b) for a in rects for b in rects if a is not b)
    for p in side_by_side:
        name = shown_name(p.appointment)
        first = grid.block_lines(p)[0]
        # The name first, cut (if at all) only at its tail: never "15:3…".
        assert first[0] == name[0], first
        assert first.rstrip("…") and name.startswith(first.rstrip("…")[: len(name)])
    index = grid.model.index(grid.model.row_of(side_by_side[0].appointment.id), 0)
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert shown_name(side_by_side[0].appointment) in tip
    assert "15:30" in tip


# ---------------------------------------------------------------- settings


@pytest.mark.parametrize("code", LANGUAGES)
def test_settings_fit_a_1024_by_768_screen_with_what_a_new_manager_sets_first(
    store, qtbot, language, code
):
    language.install_language(code)
    dialog = SettingsDialog("1", settings_service.load("1"), None, "test")
    qtbot.addWidget(dialog)
    dialog.show()
    settle()
    assert dialog.height() <= SCREEN_LEFT_FOR_DIALOGS
    assert dialog.width() <= 1024
    first_page = {
        "OK and Cancel": dialog.buttons,
        "manager's name": dialog._fields["manager_name"],
        "desk phone": dialog._fields["desk_phone"],
        "PIN": dialog.pin_button,
        "language": dialog._fields["language"],
    }
    assert {what: out_of_reach(w, dialog, scrolling=False) for what, w in first_page.items()} == {
        what: "" for what in first_page
    }


def test_every_setting_is_on_exactly_one_page_of_the_settings(store, qtbot, language):
    dialog = SettingsDialog("1", settings_service.load("1"), None, "test")
    qtbot.addWidget(dialog)
    keys = [key for _title, page in sections() for key in page]
    assert len(keys) == len(set(keys))
    assert set(dialog._fields) | {"pin_hash"} == set(keys)
    # Each settings page, and the working calendar's page after them.
    assert dialog.section_list.count() == len(sections()) + 1
    assert dialog.pages.widget(len(sections())).widget() is dialog.calendar_settings


def test_a_problem_on_another_settings_page_turns_to_it_and_marks_it(store, qtbot, language):
    dialog = SettingsDialog("1", settings_service.load("1"), None, "test")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.section_list.currentRow() == 0
    dialog.set_value("closed_days", "not a day")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    page = next(n for n, (_t, keys) in enumerate(sections()) if "closed_days" in keys)
    assert dialog.section_list.currentRow() == page
    assert dialog._errors["closed_days"].isVisible()
    marked = [
        n
        for n in range(dialog.section_list.count())
        if not dialog.section_list.item(n).icon().isNull()
    ]
    assert marked == [page]
    dialog.set_value("closed_days", "")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
