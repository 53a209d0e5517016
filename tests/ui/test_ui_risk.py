"""The risk tab and the questionnaire dialog, driven with qtbot on a real database."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QScrollArea, QWidget

from wealthdesk import db
from wealthdesk.domain.client import ClientDraft
from wealthdesk.domain.risk import AssessmentState, answers_for_score
from wealthdesk.services import clients, clock, risk
from wealthdesk.ui.client_screen.risk_tab import RiskTab
from wealthdesk.ui.desk.context import DeskContext
from wealthdesk.ui.sales.questionnaire_dialog import QuestionnaireDialog
from wealthdesk.ui.sales.risk_history_model import COLUMN_COUNT
from wealthdesk.ui.sales.risk_profile import RiskProfile

NAME = "欧阳娜娜"


@pytest.fixture
def desk(store, clock):
    context = DeskContext("1", db.current())
    context.reload()
    return context


@pytest.fixture
def tab(qtbot, desk, prompts, language):
    widget = RiskTab(desk)
    qtbot.addWidget(widget)
    widget.resize(900, 520)
    widget.show()
    return widget


def a_client() -> int:
    return clients.create_client(ClientDraft(name=NAME, mobile="13812345678"), "t").id


def assess(client_id: int, points: int, on: dt.date, actor: str = "王经理 (desk 1)"):
    with clock.at(dt.datetime.combine(on, dt.time(10, 0))):
        return risk.record_assessment(
            client_id, answers_for_score(risk.questionnaire(), points), actor
        )


def answer_all(qtbot, dialog_form, option_index: int = 1, skip: int = 0) -> None:
    """Click answers as the manager does (on the shown form, scrolled to each)."""
    window = dialog_form.window()
    if not window.isVisible():
        window.show()
        qtbot.waitExposed(window)
    scroll = dialog_form.findChild(QScrollArea)
    for question in dialog_form.form.questions[: len(dialog_form.form.questions) - skip]:
        button = dialog_form.buttons[question.id][question.options[option_index].id]
        scroll.ensureWidgetVisible(button)
        # On the round indicator: a radio button takes clicks on it and its words only.
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(6, button.height() // 2))


def visible_texts(widget: QWidget) -> list[str]:
    texts = [widget.windowTitle(), widget.toolTip()]
    for child in widget.findChildren(QWidget):
        texts += [child.toolTip(), child.windowTitle()]
        if isinstance(child, (QLabel, QAbstractButton)):
            texts.append(child.text())
    return texts


def model_texts(model) -> list[str]:
    return [
        str(model.index(r, c).data() or "")
        for r in range(model.rowCount())
        for c in range(model.columnCount())
    ]


# ---------------------------------------------------------------- the tab


def test_the_tab_shows_the_level_its_validity_and_every_assessment(tab, qtmodeltester, language):
    language.install_language("en")
    client_id = a_client()
    assess(client_id, 15, dt.date(2024, 11, 20), "李经理 (desk 2)")
    assess(client_id, 58, dt.date(2025, 12, 10))  # valid until 2026-12-09: 12 days left

    tab.show_client(client_id)

    assert tab.badge.text() == "C3 Balanced · expires in 12 day(s)"
    assert tab.badge.state is AssessmentState.EXPIRING
    assert "again soon" in tab.advice.text()
    assert "Score 58 of 100" in tab.details.text()
    assert tab.title() == "Risk profile (C3)"
    qtmodeltester.check(tab.model)
    rows = [model_texts(tab.proxy)[i : i + COLUMN_COUNT] for i in range(0, 12, COLUMN_COUNT)]
    assert rows == [
        ["2025-12-10", "58", "C3 Balanced", "2026-12-09", "Expires soon", "王经理 (desk 1)"],
        ["2024-11-20", "15", "C1 Conservative", "2025-11-19", "Replaced", "李经理 (desk 2)"],
    ]
    assert tab.proxy.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) & int(
        Qt.AlignmentFlag.AlignRight
    )


@pytest.mark.parametrize(
    ("assessed_on", "words", "state"),
    [
        (dt.date(2026, 3, 1), "C2 Cautious · valid until 2027-02-28", AssessmentState.VALID),
        (dt.date(2025, 11, 28), "C2 Cautious · expires today", AssessmentState.EXPIRING),
        (dt.date(2025, 11, 1), "C2 Cautious · expired on 2026-10-31", AssessmentState.EXPIRED),
        (None, "No risk assessment", AssessmentState.MISSING),
    ],
)
def test_the_badge_says_each_state_in_words(tab, language, assessed_on, words, state):
    language.install_language("en")
    client_id = a_client()
    if assessed_on:
        assess(client_id, 30, assessed_on)
    tab.show_client(client_id)
    assert tab.badge.text() == words
    assert tab.badge.state is state
    assert tab.badge.property("state") == state.value
    if not state.is_valid:
        assert "cannot be sold" in tab.advice.text()


def test_a_new_assessment_through_the_dialog_is_saved_and_shown(tab, prompts, qtbot, language):
    language.install_language("en")
    client_id = a_client()
    tab.show_client(client_id, visit_id=None)
    assert tab.badge.text() == "No risk assessment"
    seen = []

    def fill(dialog: QuestionnaireDialog) -> int:
        assert not dialog.save_button.isEnabled()
        answer_all(qtbot, dialog.form, option_index=2, skip=1)
        seen.append(dialog.form.summary_text())
        missing = [q for q, label in dialog.form.missing_labels.items() if label.text()]
        seen.append(missing)
        assert not dialog.save_button.isEnabled()
        answer_all(qtbot, dialog.form, option_index=2)
        seen.append(dialog.form.summary_text())
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    prompts.answer("dialog", fill)
    assert tab.new_assessment()

    assert seen[0] == "Score 64 of 100 · questions to answer: 1"
    assert seen[1] == ["q10"]
    assert seen[2] == "Score 71 of 100 · risk profile C4 Growth"
    latest = risk.latest(client_id)
    assert latest.score == 71 and latest.actor == tab.desk.actor()
    assert tab.badge.text() == "C4 Growth · valid until 2027-11-26"
    assert tab.model.rowCount() == 1
    assert prompts.kinds() == ["dialog"]


def test_closing_the_dialog_with_answers_asks_first(desk, prompts, qtbot, language):
    client_id = a_client()
    dialog = QuestionnaireDialog(client_id, desk)
    qtbot.addWidget(dialog)
    answer_all(qtbot, dialog.form, skip=8)
    prompts.answer("confirm", False, True)
    dialog.reject()
    assert prompts.kinds() == ["confirm"] and dialog.isVisible()  # kept editing
    dialog.reject()
    assert prompts.kinds() == ["confirm", "confirm"] and not dialog.isVisible()
    assert risk.latest(client_id) is None


def test_the_questions_are_chinese_by_default_and_english_in_english(desk, qtbot, language):
    form = risk.questionnaire()
    dialog = QuestionnaireDialog(a_client(), desk)
    qtbot.addWidget(dialog)
    q1 = form.question("q1")  # printed second, after the age
    assert dialog.form.question_labels["q1"].text() == f"2. {q1.text.zh}"
    assert dialog.form.module_boxes[0].title() == "基本情况"
    language.install_language("en")
    qtbot.waitUntil(lambda: dialog.form.question_labels["q1"].text() == f"2. {q1.text.en}")
    assert dialog.form.buttons["q1"]["a"].text() == q1.options[0].text.en
    assert dialog.save_button.text() == "Save assessment"


def test_a_broken_questionnaire_file_is_explained_and_nothing_can_be_saved(
    desk, qtbot, monkeypatch, tmp_path, language
):
    broken = tmp_path / "bank.json"
    broken.write_text(json.dumps({"id": "bank", "version": "1", "questions": []}), "utf-8")
    monkeypatch.setattr(risk, "default_questionnaire_path", lambda: broken)
    language.install_language("en")
    dialog = QuestionnaireDialog(a_client(), desk)
    qtbot.addWidget(dialog)
    assert dialog.form is None
    assert "has no question" in dialog.problem.text()
    assert not dialog.save_button.isEnabled() and not dialog.print_blank_button.isEnabled()


def test_print_blank_and_filled_preview_the_questionnaire_name_masked(tab, prompts, language):
    client_id = a_client()
    assess(client_id, 58, dt.date(2026, 6, 1))
    tab.show_client(client_id)
    shown = []

    def look(dialog) -> int:
        text = "\n".join(p.extract_text() for p in PdfReader(dialog.preview.path).pages)
        shown.append((dialog.title, dialog.preview.page_count(), text))
        return 0

    prompts.answer("dialog", look, look)
    assert tab.print_blank()
    tab.table.selectRow(0)
    assert tab.print_filled()

    (blank_title, blank_pages, blank), (filled_title, filled_pages, filled) = shown
    assert blank_pages >= 1 and filled_pages >= 1
    assert blank_title != filled_title
    assert "欧阳" not in blank
    assert "欧阳**" in filled and NAME not in filled
    assert "13812345678" not in filled
    assert "C3 平衡型" in filled


def test_an_assessment_on_an_older_questionnaire_is_not_printed_with_the_new_one(
    tab, prompts, language
):
    client_id = a_client()
    info = assess(client_id, 58, dt.date(2026, 6, 1))
    from wealthdesk.db.models import RiskAssessment

    RiskAssessment.update(questionnaire="old@1").where(RiskAssessment.id == info.id).execute()
    tab.show_client(client_id)
    assert not tab.print_filled()
    assert prompts.kinds() == ["warn"]
    assert "old@1" in prompts.shown[0][2]


def test_clear_leaves_no_trace_of_the_client(tab, prompts, language):
    client_id = a_client()
    info = assess(client_id, 58, dt.date(2026, 6, 1), "孙经理 (desk 3)")
    tab.show_client(client_id, visit_id=None)
    tab.table.selectRow(0)
    shown = " ".join(visible_texts(tab) + model_texts(tab.proxy))
    assert info.assessed_on.isoformat() in shown and "孙经理" in shown

    tab.clear()

    texts = visible_texts(tab) + model_texts(tab.proxy) + model_texts(tab.model)
    texts.append(tab.title())
    joined = " ".join(texts)
    for trace in (NAME, "欧阳", "孙经理", "2026-06-01", "2027-05-31", "58", "C3"):
        assert trace not in joined, trace
    assert tab.model.rowCount() == 0 and tab.client_id is None
    assert not tab.badge.isVisible()
    assert not tab.new_button.isEnabled() and not tab.print_filled_button.isEnabled()


def test_an_assessment_saved_elsewhere_in_the_window_refreshes_the_tab(
    qtbot, desk, prompts, language
):
    profile = RiskProfile(desk.actor)
    tab = RiskTab(desk, profile)
    qtbot.addWidget(tab)
    client_id = a_client()
    tab.show_client(client_id)
    assert tab.model.rowCount() == 0
    with qtbot.waitSignal(tab.title_changed):
        profile.record(client_id, answers_for_score(risk.questionnaire(), 90))
    assert tab.model.rowCount() == 1
    assert tab.badge.state is AssessmentState.VALID


def arrow_direction(header, section: int) -> str:
    """Which way the sort arrow drawn on *section* points, read off the screen: the
    rightmost mark in the section (right of its title), widest at the top ("down") or
    at the bottom ("up")."""
    image = header.grab().toImage()
    left = header.sectionViewportPosition(section)
    right = left + header.sectionSize(section) - 1

    def inked(x: int, y: int) -> bool:
        return image.pixelColor(x, y).lightness() < 128

    columns = [x for x in range(left, right) if any(inked(x, y) for y in range(image.height()))]
    mark = [columns[-1]]
    for x in reversed(columns[:-1]):
        if x != mark[-1] - 1:
            break
        mark.append(x)
    widths = [n for n in (sum(inked(x, y) for x in mark) for y in range(image.height())) if n]
    return "down" if widths[0] > widths[-1] else "up"


def test_the_history_s_sort_arrow_points_the_way_its_rows_go(tab, qtbot, qapp):
    from wealthdesk.ui import application
    from wealthdesk.ui.sales.risk_history_model import COL_DATE

    application.apply_sort_arrows(qapp)  # as the program does when it starts
    client_id = a_client()
    for points, year in ((15, 2023), (40, 2024), (58, 2025)):
        assess(client_id, points, dt.date(year, 12, 1))
    tab.show_client(client_id)
    header = tab.table.horizontalHeader()

    def dates() -> list[str]:
        return [tab.proxy.index(r, COL_DATE).data() for r in range(tab.proxy.rowCount())]

    assert dates() == ["2025-12-01", "2024-12-01", "2023-12-01"]  # the newest first
    assert header.sortIndicatorSection() == COL_DATE
    assert arrow_direction(header, COL_DATE) == "down"
    middle = header.sectionViewportPosition(COL_DATE) + header.sectionSize(COL_DATE) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(middle, 5))
    assert dates() == ["2023-12-01", "2024-12-01", "2025-12-01"]
    assert arrow_direction(header, COL_DATE) == "up"


# ---------------------------------------------------------------- issue 19: integrity


def test_the_signed_form_received_button_records_who_and_when(tab, language, clock):
    language.install_language("en")
    client_id = a_client()
    info = risk.record_assessment(client_id, answers_for_score(risk.questionnaire(), 50), "t")
    tab.show_client(client_id)
    assert "not received yet" in tab.signed.text()
    assert tab.signed_button.isEnabled()
    tab.signed_button.click()
    stored = risk.latest(client_id)
    assert stored.id == info.id and stored.signed_received_at == clock.now
    assert stored.signed_received_by == tab.desk.actor()
    assert f"Signed form received {clock.now:%Y-%m-%d %H:%M}" in tab.signed.text()
    assert not tab.signed_button.isEnabled()  # received once


def test_a_change_in_the_record_shows_the_assessment_to_renew(tab, language):
    import dataclasses

    from wealthdesk.domain.client import IncomeBand

    language.install_language("en")
    client_id = a_client()
    risk.record_assessment(client_id, answers_for_score(risk.questionnaire(), 50), "t")
    record = clients.get_client(client_id)
    changed = dataclasses.replace(record.draft, income_band=list(IncomeBand)[-1])
    clients.update_client(client_id, changed, record.row_version, "t")
    tab.show_client(client_id)
    assert "To renew: the client's income changed" in tab.renewal.text()
    assert tab.title() == "Risk profile (C3, to renew)"


@pytest.mark.parametrize(
    "lang, expected",
    [("en", "assessments today (2) reach the most a day allows"), ("zh_CN", "今天已评估")],
)
def test_the_re_assessment_limit_is_said_on_the_tab_and_the_questionnaire_not_opened(
    tab, language, prompts, lang, expected
):
    language.install_language(lang)
    client_id = a_client()
    for points in (30, 60):
        risk.record_assessment(client_id, answers_for_score(risk.questionnaire(), points), "t")
    tab.show_client(client_id)
    assert expected in tab.limit.text()
    assert not tab.new_button.isEnabled()
    assert tab.new_assessment() is False  # no dialog: the prompts stand-in saw none
    tab.clear()
    assert tab.limit.text() == "" and tab.signed.text() == "" and tab.renewal.text() == ""
