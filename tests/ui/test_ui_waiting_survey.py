"""The survey while the client waits: consent first, then the same fields as the client
form and the questionnaire, saved together."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QScrollArea

from wealthdesk import db
from wealthdesk.domain.client import ClientDraft, Horizon, IncomeBand, MaritalStatus, ProductFamily
from wealthdesk.domain.risk import RiskLevel
from wealthdesk.services import clients, consents, queue, risk
from wealthdesk.ui.desk.context import DeskContext
from wealthdesk.ui.sales.risk_profile import RiskProfile
from wealthdesk.ui.sales.waiting_survey import WaitingSurveyDialog


@pytest.fixture
def desk(store, clock):
    context = DeskContext("1", db.current())
    context.reload()
    return context


@pytest.fixture
def waiting():
    """A client of the book waiting in the queue: (client id, visit id)."""
    client_id = clients.create_client(
        ClientDraft(name="张伟", mobile="13812345678", occupation="工程师"), "t"
    ).id
    visit = queue.check_in(queue.CheckIn(client_id=client_id), "lobby")
    return client_id, visit.id


@pytest.fixture
def survey(qtbot, desk, waiting, prompts, language):
    client_id, visit_id = waiting
    profile = RiskProfile(desk.actor)
    dialog = WaitingSurveyDialog(client_id, visit_id, desk, profile)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def tick(qtbot, box) -> None:
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))


def answer(qtbot, dialog, option_index: int, count: int = 14) -> None:
    form = dialog.questionnaire
    dialog.tabs.setCurrentIndex(0)
    scroll = form.findChild(QScrollArea)
    for question in form.form.questions[:count]:
        button = form.buttons[question.id][question.options[option_index].id]
        scroll.ensureWidgetVisible(button)
        tick(qtbot, button)


def choose(combo, member) -> None:
    combo.setCurrentIndex(combo.findData(member.value))


def test_nothing_can_be_filled_in_or_saved_before_the_consent(survey, qtbot, language):
    language.install_language("en")
    qtbot.waitUntil(lambda: survey.footer.text() == "Tick the client's consent to begin.")
    assert not survey.tabs.isEnabled()
    assert not survey.save_button.isEnabled()
    assert survey.heading.text() == "Survey of 张*"  # the client may see the screen

    tick(qtbot, survey.consent)

    assert survey.tabs.isEnabled() and survey.save_button.isEnabled()
    assert survey.footer.text() == ""


def test_the_survey_saves_consent_preferences_family_and_the_assessment(
    survey, waiting, qtbot, prompts
):
    client_id, visit_id = waiting
    tick(qtbot, survey.consent)
    answer(qtbot, survey, option_index=3)  # the fourth answer everywhere: 95 points
    choose(survey.horizon, Horizon.LONG)
    survey.interests[ProductFamily.WEALTH].setChecked(True)
    survey.training_needs.setPlainText("基金定投入门")
    choose(survey.marital_status, MaritalStatus.MARRIED)
    survey.dependants.setValue(2)
    choose(survey.income_band, IncomeBand.FROM_300K)
    survey.personal_needs.setPlainText("子女教育金规划")

    with qtbot.waitSignals([survey.saved, survey.profile.survey_saved]):
        qtbot.mouseClick(survey.save_button, Qt.MouseButton.LeftButton)

    given = consents.consents(client_id)
    assert [(c.purpose, c.visit_id) for c in given] == [(consents.ConsentPurpose.SURVEY, visit_id)]
    saved = clients.get_client(client_id).draft
    assert saved.horizon is Horizon.LONG and saved.interests == (ProductFamily.WEALTH,)
    assert saved.training_needs == "基金定投入门" and saved.personal_needs == "子女教育金规划"
    assert (saved.marital_status, saved.dependants, saved.income_band) == (
        MaritalStatus.MARRIED,
        2,
        IncomeBand.FROM_300K,
    )
    assert saved.occupation == "工程师"  # untouched fields stay
    assert saved.consent_data
    assert clients.reveal_identifier(client_id, "mobile", "t") == "13812345678"
    latest = risk.latest(client_id)
    assert latest.score == 95 and latest.level is RiskLevel.C5
    assert survey.result() == survey.DialogCode.Accepted
    assert prompts.kinds() == []


def test_a_half_answered_questionnaire_blocks_saving_until_finished_or_cleared(
    survey, waiting, qtbot, language
):
    language.install_language("en")
    client_id, _visit = waiting
    tick(qtbot, survey.consent)
    answer(qtbot, survey, option_index=0, count=4)
    assert not survey.save_button.isEnabled()
    assert survey.footer.text() == "Questions still to answer: 10 (or clear the questionnaire)"

    qtbot.mouseClick(survey.clear_answers_button, Qt.MouseButton.LeftButton)
    assert survey.save_button.isEnabled()
    survey.occupation.setText("教师")
    assert survey.save()

    assert risk.latest(client_id) is None  # the questionnaire left for later
    assert clients.get_client(client_id).draft.occupation == "教师"
    assert len(consents.consents(client_id)) == 1


def test_a_client_saved_elsewhere_meanwhile_refuses_the_survey_and_keeps_nothing(
    survey, waiting, qtbot, prompts, language
):
    language.install_language("en")
    client_id, _visit = waiting
    record = clients.get_client(client_id)
    clients.update_client(
        client_id, ClientDraft(name="张伟", occupation="医生"), record.row_version, "t"
    )
    tick(qtbot, survey.consent)
    answer(qtbot, survey, option_index=1)
    survey.occupation.setText("教师")

    assert not survey.save()

    assert prompts.kinds() == ["warn"]
    assert "Someone else saved this client" in prompts.shown[0][2]
    assert consents.consents(client_id) == []
    assert risk.latest(client_id) is None
    assert clients.get_client(client_id).draft.occupation == "医生"
    assert survey.isVisible()  # what was filled in stays on screen
    prompts.answer("confirm", True)
    survey.reject()
    assert prompts.kinds() == ["warn", "confirm"] and not survey.isVisible()


def test_cancelling_records_no_consent(survey, waiting, qtbot, prompts):
    client_id, _visit = waiting
    survey.reject()  # nothing filled in: closes without asking
    assert prompts.kinds() == []
    assert consents.consents(client_id) == []
