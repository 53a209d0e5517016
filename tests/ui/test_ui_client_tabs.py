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


@pytest.mark.parametrize(
    "lang, expected",
    [("en", ("income, occupation", "to renew")), ("zh_CN", ("收入", "待重新评估"))],
)
def test_a_change_saved_in_the_profile_marks_the_risk_tab_to_renew_at_once(
    window, prompts, language, lang, expected
):
    """The manager changes the client's income band and occupation on the profile tab and
    turns to the risk tab: it says the assessment is to be renewed, without a reload."""
    from wealthdesk.domain.risk import answers_for_score
    from wealthdesk.services import risk
    from wealthdesk.ui.client_screen.risk_tab import RiskTab

    language.install_language(lang)
    client_id = the_client()
    risk.record_assessment(client_id, answers_for_score(risk.questionnaire(), 50), "t")
    queue.check_in(queue.CheckIn(client_id=client_id), "lobby")
    window.queue_page.refresh()
    window.session.call_next_action.trigger()
    page = window.service_page
    (tab,) = [t for t in page.client_tabs if isinstance(t, RiskTab)]
    assert tab.renewal.text() == ""
    form = page.form
    form.income_band.setCurrentIndex(form.income_band.count() - 1)
    form.occupation.setText("教师")
    assert form.save()
    page.record_tabs.setCurrentWidget(tab)
    fields, mark = expected
    assert fields in tab.renewal.text()
    assert mark in page.record_tabs.tabText(page.record_tabs.indexOf(tab))
