"""What the queue tells a visitor holds: one wait estimate for the hospitality words and
the visitor's row, and a walk-in who becomes a client keeps the phone given at check-in."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import Qt

from wealthdesk.services import clients, queue
from wealthdesk.ui.queue.queue_model import COL_ESTIMATE


@pytest.fixture
def window(clock, main_window, language):
    language.install_language("en")
    main_window.go_to_key("queue")
    return main_window


def minutes_in(text: str) -> int:
    found = re.search(r"about (\d+) min\b", text)
    assert found, text
    return int(found.group(1))


def test_the_hospitality_words_and_the_row_give_the_same_wait(
    window, prompts, clock, qtbot, type_text
):
    session, page = window.session, window.queue_page
    # One service of 12 minutes today: 12 minutes a visitor.
    queue.check_in(queue.CheckIn(walk_in_name="早到"), "lobby")
    page.refresh()
    session.call_next_action.trigger()
    session.start_action.trigger()
    clock.set(clock.now + dt.timedelta(minutes=12))
    queue.finish(session.current.id, "advised", "m1")
    session.reload()
    # The next one is being served, for 3 minutes now; two visitors wait already.
    for name in ("甲", "乙", "丙"):
        queue.check_in(queue.CheckIn(walk_in_name=name), "lobby")
    page.refresh()
    session.call_next_action.trigger()
    session.start_action.trigger()
    clock.set(clock.now + dt.timedelta(minutes=3))
    window.go_to_key("queue")

    type_text(page.check_in_search, "后到的访客")
    qtbot.keyClick(page.check_in_search, Qt.Key.Key_Return)

    said = minutes_in(page.guidance.text.text())
    visit = next(v for v in queue.waiting() if v.name == "后到的访客")
    row = page.model.row_of(visit.id)
    shown = page.model.index(row, COL_ESTIMATE).data()
    # Third in line: the 9 minutes left of the service under way, then two of 12.
    assert visit.position == 3 and visit.estimated_wait_minutes == 9 + 24
    assert said == visit.estimated_wait_minutes
    assert shown == f"~{said} min"  # the same words as the prompt


def test_the_next_in_line_is_promised_the_rest_of_the_service_under_way(
    window, prompts, clock, qtbot, type_text
):
    session, page = window.session, window.queue_page
    queue.check_in(queue.CheckIn(walk_in_name="先来"), "lobby")
    page.refresh()
    session.call_next_action.trigger()
    session.start_action.trigger()
    clock.set(clock.now + dt.timedelta(minutes=4))
    window.go_to_key("queue")
    type_text(page.check_in_search, "下一位")
    qtbot.keyClick(page.check_in_search, Qt.Key.Key_Return)
    said = minutes_in(page.guidance.text.text())
    assert said == 15 - 4  # nobody finished yet today: the usual quarter of an hour
    (visit,) = queue.waiting()
    shown = page.model.index(page.model.row_of(visit.id), COL_ESTIMATE).data()
    assert shown == f"Next · ~{said} min"


def test_a_walk_in_who_becomes_a_client_keeps_the_phone_given_at_check_in(window, prompts):
    queue.check_in(queue.CheckIn(walk_in_name="新面孔", walk_in_phone="137 0000 1111"), "lobby")
    window.queue_page.refresh()
    window.session.call_next_action.trigger()
    page = window.service_page
    assert page.identify_model.rowCount() == 0
    page.add_as_new_client()
    assert page.form.name.text() == "新面孔"
    assert page.form.mobile.text() == "13700001111"  # filled in, not typed again
    assert page.form.save()
    linked = window.session.current
    assert linked.client_id is not None
    record = clients.get_client(linked.client_id)
    assert record.masked_mobile == "137****1111"
    assert clients.reveal_identifier(linked.client_id, "mobile", "test") == "13700001111"


def test_a_walk_in_known_only_by_a_phone_brings_it_to_the_new_record(window, prompts, type_text):
    page = window.queue_page
    type_text(page.check_in_search, "13912340000")
    visit = page.check_in_new_visitor()  # "new visitor" with what was typed: a phone
    assert visit is not None and visit.masked_phone == "139****0000"
    window.session.call_next_action.trigger()
    service = window.service_page
    service.add_as_new_client()
    assert service.form.mobile.text() == "13912340000"
    service.form.name.setText("钱小姐")
    assert service.form.save()
    client_id = window.session.current.client_id
    assert clients.reveal_identifier(client_id, "mobile", "test") == "13912340000"
