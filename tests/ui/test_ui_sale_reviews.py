"""Issue 19's reviews on screen: the level jumps on the Today page and the Day close
page, and a recording marked quality-checked from the Day close page (audited, off the
list). Masked names only."""

from __future__ import annotations

import datetime as dt

import pytest
from day_close_day import DAY, make_day
from test_sale_reviews import _jump

from wealthdesk import db
from wealthdesk.db.models import Sale
from wealthdesk.services import audit
from wealthdesk.ui.desk.context import DeskContext


@pytest.fixture
def desk(store, clock):
    context = DeskContext("1", db.current())
    context.reload()
    return context


@pytest.fixture
def day(desk, clock):
    make_day(clock)
    _jump(clock)
    clock.set(dt.datetime.combine(DAY, dt.time(17, 30)))


@pytest.fixture
def close_page(qtbot, desk, prompts, language, tmp_path):
    from wealthdesk import local_settings
    from wealthdesk.ui.day_close.day_close_page import DayClosePage

    language.install_language("en")
    local_settings.put("day_close_folder", str(tmp_path / "closes"))
    widget = DayClosePage(desk)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.closing_timer.stop()


def test_the_day_close_page_lists_the_jumps_and_the_recordings_to_check(day, close_page):
    close_page.refresh()
    box = close_page.compliance_box
    assert "张* C2→C5, sold QY-R4 R4" in box.jumps.text()
    texts = [box.unchecked.item(i).text() for i in range(box.unchecked.count())]
    assert [t.split(" · ")[3] for t in texts] == ["SL20260001", "SL20260002", "SL20269999"]
    assert "not yet quality-checked: 3" in box.unchecked_label.text()
    assert not box.check_button.isEnabled()  # nothing chosen yet
    assert not any("张伟" in t for t in texts)


def test_a_recording_marked_checked_leaves_the_list_and_is_audited(day, close_page, desk):
    close_page.refresh()
    box = close_page.compliance_box
    box.unchecked.item(1).setSelected(True)
    assert box.check_button.isEnabled()
    box.check_button.click()
    texts = [box.unchecked.item(i).text() for i in range(box.unchecked.count())]
    assert not any("SL20260002" in t for t in texts) and len(texts) == 2
    sale = Sale.get(Sale.recording_ref == "SL20260002")
    assert sale.recording_checked
    entry = audit.entries(client_id=sale.client_id)[0]
    assert entry.action == "recording_checked" and entry.actor == desk.actor()


def test_a_quiet_day_says_there_is_nothing_to_review(desk, close_page):
    close_page.refresh()
    box = close_page.compliance_box
    assert box.jumps.text() == "No level raised and sold above it today."
    assert "not yet quality-checked: 0" in box.unchecked_label.text()
    assert not box.unchecked.isVisibleTo(close_page)


def test_the_today_page_flags_the_level_jump(qtbot, day, desk, prompts, language):
    from wealthdesk.ui.appointments.appointment_book import AppointmentBook
    from wealthdesk.ui.today import today_page
    from wealthdesk.ui.today.today_page import TodayPage

    language.install_language("en")
    book = AppointmentBook(desk.actor, lambda: desk.manager, lambda: desk.desk)
    page = TodayPage(desk, book)
    page._book = book
    qtbot.addWidget(page)
    page.resize(1240, 700)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.level_jumps.isVisible(), timeout=today_page.FILL_DELAY_MS * 20)
    assert "level raised and sold above the old level today" in page.level_jumps.text()
    assert "张* C2→C5, sold QY-R4 R4" in page.level_jumps.text()
    language.install_language("zh_CN")
    qtbot.waitUntil(lambda: "张* C2→C5，购买 QY-R4 R4" in page.level_jumps.text())


@pytest.mark.parametrize(
    "lang, said",
    [("en", "SL20260002 marked quality-checked"), ("zh_CN", "SL20260002 已标记为已质检")],
)
def test_marking_a_recording_checked_says_which_one_in_the_status_bar(
    day, close_page, qtbot, language, lang, said
):
    """The row leaves the list at once: the status bar says which recording was marked
    (its reference, no client data), so a manager sees the click took."""
    language.install_language(lang)
    close_page.refresh()
    box = close_page.compliance_box
    box.unchecked.item(1).setSelected(True)
    with qtbot.waitSignal(close_page.status_message) as said_now:
        box.check_button.click()
    (text,) = said_now.args
    assert said in text and "李" not in text
