"""The client screen's tabs follow the visitor: shown for the client called, cleared when
they leave; the queue row's survey is offered for a waiting client of the book only."""

from __future__ import annotations

import pytest
from test_ui_queue import finish_answer, the_client

from wealthdesk.services import queue


@pytest.fixture
def window(clock, main_window):
    main_window.go_to_key("queue")
    return main_window


def test_the_tabs_show_the_called_client_and_forget_them_on_finish(window, prompts):
    client_id = the_client()
    queue.check_in(queue.CheckIn(client_id=client_id), "lobby")
    window.queue_page.refresh()
    window.session.call_next_action.trigger()
    page = window.service_page
    tabs = page.client_tabs
    assert [type(t).__name__ for t in tabs] == [
        "HoldingsTab",
        "RiskTab",
        "SalesTab",
        "PlanTab",
        "IdentityTab",
    ]
    assert all(t.client_id == client_id for t in tabs)
    titles = [page.record_tabs.tabText(i) for i in range(page.record_tabs.count())]
    assert len(titles) == 7 and all(titles)
    window.session.start_action.trigger()
    prompts.answer("dialog", finish_answer())
    window.session.finish_action.trigger()
    assert all(t.client_id is None for t in tabs)


def test_the_survey_is_offered_for_a_waiting_client_of_the_book_only(window, prompts):
    client_id = the_client()
    walk_in = queue.check_in(queue.CheckIn(walk_in_name="路人"), "lobby")
    client = queue.check_in(queue.CheckIn(client_id=client_id), "lobby")
    page = window.queue_page
    page.refresh()
    page.table.selectRow(page.model.row_of(walk_in.id))
    assert not page.survey_button.isEnabled()
    page.table.selectRow(page.model.row_of(client.id))
    assert page.survey_button.isEnabled()
    opened = []
    prompts.answer("dialog", lambda dialog: opened.append(dialog.client_id) or 0)
    page.survey_button.click()
    assert opened == [client_id]
