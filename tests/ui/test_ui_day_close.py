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
    from wealthdesk.ui.day_close_page import DayClosePage
    from wealthdesk.ui.desk import DeskContext

    language.install_language("en")
    local_settings.put("day_close_folder", str(tmp_path / "closes"))
    clock.set(dt.datetime(2026, 11, 27, 17, 30).astimezone())
    desk = DeskContext(desk="1", database=wealthdesk.db.current())
    desk.reload()
    widget = DayClosePage(desk)
    qtbot.addWidget(widget)
    widget.show()
    return widget


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
