"""The client screen's plan tab, standalone and in the window, driven with qtbot: the
suggestion from the client's level and holdings, goals and spending moving money to the
liquid classes, only suitable products offered, a version saved and previewed, the
document saved as a copy and logged, and a tab that clears without a trace."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from wealthdesk import db
from wealthdesk.db.models import FinancialPlan, RiskAssessment, Sale
from wealthdesk.domain.audit import AuditAction
from wealthdesk.domain.client import ClientDraft, Horizon, LiquidityNeed, ProductFamily
from wealthdesk.domain.plan import AssetClass
from wealthdesk.domain.product import ProductDraft
from wealthdesk.services import audit, clients, products
from wealthdesk.ui.desk.context import DeskContext
from wealthdesk.ui.plan.plan_model import AllocationModel, CandidateModel, ProposalModel
from wealthdesk.ui.plan.plan_tab import PlanTab

F = ProductFamily
A = AssetClass
WAN = 1_000_000
WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
NAME, MOBILE, ID_NUMBER = "钱多多", "13912345678", "360426199101010071"
NOTE = "客户钱多多想给孩子存教育金"


def assess(client_id: int, level: int, until: dt.date) -> None:
    RiskAssessment.create(
        client=client_id,
        assessed_on=until - dt.timedelta(days=364),
        valid_until=until,
        score=50,
        level=level,
        created_at=dt.datetime(2026, 1, 1),
    )


@pytest.fixture
def desk(qtbot, store, clock, prompts, language):
    language.install_language("en")
    context = DeskContext("1", db.current())
    client = clients.create_client(
        ClientDraft(
            name=NAME,
            mobile=MOBILE,
            id_number=ID_NUMBER,
            horizon=Horizon.MEDIUM,
            liquidity_need=LiquidityNeed.MEDIUM,
        ),
        "t",
    ).id
    unassessed = clients.create_client(ClientDraft(name="孙悟空"), "t").id
    assess(client, 3, dt.date(2027, 6, 30))
    made = {}
    for code, name, family, rating, minimum in (
        ("CK-1Y", "一年期定期存款", F.LIABILITY, None, 50),
        ("LC-WJ", "稳健添利90天理财", F.WEALTH, 2, 10_000),
        ("LC-QY", "权益精选理财", F.WEALTH, 4, 10_000),
        ("JJ-GP", "科技成长股票基金", F.INTERMEDIARY, 3, 10),
    ):
        draft = ProductDraft(code, name, family, rating, min_amount_fen=minimum * 100)
        made[code] = products.create_product(draft, "t").id
    products.add_holding(client, made["CK-1Y"], 20 * WAN, dt.date(2026, 1, 5), "t")
    products.add_holding(client, made["JJ-GP"], 60 * WAN, dt.date(2026, 1, 5), "t")
    tab = PlanTab(context)
    qtbot.addWidget(tab)
    tab.resize(1100, 700)

    class Desk:
        pass

    d = Desk()
    d.context, d.tab, d.client, d.unassessed, d.products = context, tab, client, unassessed, made
    return d


def _row(model, asset_class: A) -> int:
    return next(r for r in range(model.rowCount()) if model.row_at(r).asset_class is asset_class)


def _choose_class(tab, asset_class: A) -> None:
    row = _row(tab.allocation, asset_class)
    tab.allocation_table.selectRow(tab.allocation_proxy.mapFromSource(
        tab.allocation.index(row, 0)).row())  # fmt: skip


def _choose_candidate(tab, code: str) -> None:
    for row in range(tab.candidates.rowCount()):
        if tab.candidates.row_at(row).code == code:
            proxy_row = tab.candidate_proxy.mapFromSource(tab.candidates.index(row, 0)).row()
            tab.candidate_table.selectRow(proxy_row)
            return
    raise AssertionError(f"{code} is not offered")


def test_the_tab_shows_the_level_the_allocation_and_the_gap(desk):
    tab = desk.tab
    tab.show_client(desk.client)
    assert "C3" in tab.level_label.text() and "2027-06-30" in tab.level_label.text()
    assert f"Client No. {desk.client}" in tab.level_label.text()
    assert tab.allocation.rowCount() == 5
    equity = tab.allocation.row_at(_row(tab.allocation, A.EQUITY))
    assert equity.current_fen == 60 * WAN and equity.gap_fen < 0
    gap_text = tab.allocation.index(_row(tab.allocation, A.EQUITY), 4).data()
    assert gap_text.startswith("−")
    assert tab.title() == "Plan"


def test_spending_and_a_goal_due_next_year_move_money_to_cash(desk, type_text):
    tab = desk.tab
    tab.show_client(desk.client)
    before = tab.view.suggestion.line(A.CASH).suggested_fen
    type_text(tab.spending, "2万")
    tab.spending.editingFinished.emit()
    tab.goal_amount.setText("10万")
    tab.goal_year.setValue(2027)
    tab.add_goal_button.click()
    s = tab.view.suggestion
    assert s.line(A.CASH).suggested_fen >= before
    assert s.line(A.CASH).suggested_fen >= 10 * WAN + s.reserve_fen
    assert "emergency reserve" in tab.explanation.text()
    assert tab.goal_model.rowCount() == 1


def test_only_suitable_products_are_offered_and_a_proposal_fills_the_gap(desk):
    tab = desk.tab
    tab.show_client(desk.client)
    _choose_class(tab, A.FIXED_INCOME)
    offered = {tab.candidates.row_at(r).code for r in range(tab.candidates.rowCount())}
    assert offered == {"LC-WJ"}
    _choose_class(tab, A.EQUITY)
    offered = {tab.candidates.row_at(r).code for r in range(tab.candidates.rowCount())}
    assert "LC-QY" not in offered  # R4 for a C3 client
    _choose_class(tab, A.FIXED_INCOME)
    _choose_candidate(tab, "LC-WJ")
    gap = tab.view.suggestion.line(A.FIXED_INCOME).gap_fen
    assert tab.amount.text() == f"{gap // 100:,}"
    tab.propose_button.click()
    assert tab.proposals.rowCount() == 1
    assert tab.proposals.line_at(0).amount_fen == gap
    tab.proposal_table.selectRow(0)
    tab.remove_button.click()
    assert tab.proposals.rowCount() == 0


def test_a_client_without_a_valid_assessment_gets_no_plan(desk):
    tab = desk.tab
    tab.show_client(desk.unassessed)
    assert "no risk assessment" in tab.level_label.text()
    assert tab.allocation.rowCount() == 0
    assert not tab.save_button.isEnabled() and not tab.new_money.isEnabled()


@pytest.mark.skipif(not WQY.is_file(), reason="fonts-wqy-microhei is not installed")
def test_save_keeps_a_version_previews_it_and_a_saved_copy_is_logged(desk, prompts, tmp_path):
    tab = desk.tab
    tab.show_client(desk.client)
    _choose_class(tab, A.FIXED_INCOME)
    _choose_candidate(tab, "LC-WJ")
    tab.propose_button.click()
    tab.notes.setPlainText("客户希望保本为主")
    copy = tmp_path / "copy.pdf"
    prompts.answer("save_file", str(copy))
    previewed = []

    def look(dialog):
        previewed.append(dialog.preview.page_count())
        dialog.save_copy()
        return 0

    prompts.answer("dialog", look)
    assert tab.save_and_preview()
    assert previewed and previewed[0] >= 1
    assert FinancialPlan.select().count() == 1 and Sale.select().count() == 0
    assert tab.version_list.count() == 1 and tab.title() == "Plan (1)"
    text = "\n".join(p.extract_text() for p in PdfReader(copy).pages)
    assert "钱**" in text and "LC-WJ" in text and "客户希望保本为主" in text
    assert NAME not in text and MOBILE not in text and ID_NUMBER not in text
    actions = [e.action for e in audit.entries(desk.client)]
    assert AuditAction.PLAN_SAVED in actions and AuditAction.PLAN_EXPORTED in actions
    # Opened again, the client's plan goes on from the version saved.
    tab.clear()
    tab.show_client(desk.client)
    assert tab.proposals.rowCount() == 1 and tab.notes.toPlainText() == "客户希望保本为主"


def test_clear_leaves_no_trace_of_the_client(desk, type_text):
    from test_ui_queue import traces

    tab = desk.tab
    tab.show_client(desk.client)
    type_text(tab.new_money, "12345")
    tab.new_money.editingFinished.emit()
    tab.notes.setPlainText(NOTE)
    tab.goal_amount.setText("30万")
    tab.add_goal_button.click()
    values = (NAME, "钱**", NOTE, "12,345", "123,450", "12345", str(60 * WAN // 100))
    assert traces(tab, values)
    tab.clear()
    assert traces(tab, values) == []
    assert tab.client_id is None and tab.view is None
    tab.notes.undo()
    tab.new_money.undo()
    assert traces(tab, values) == []


def test_the_tables_pass_the_model_tester(desk, qtmodeltester):
    tab = desk.tab
    tab.show_client(desk.client)
    _choose_class(tab, A.FIXED_INCOME)
    _choose_candidate(tab, "LC-WJ")
    tab.propose_button.click()
    for model in (tab.allocation, tab.candidates, tab.proposals):
        assert model.rowCount() > 0
        qtmodeltester.check(model)
    for empty in (AllocationModel(), CandidateModel(), ProposalModel()):
        qtmodeltester.check(empty)


def test_the_bank_s_model_is_imported_in_settings_and_used_by_the_next_plan(
    desk, prompts, qtbot, tmp_path
):
    from PySide6.QtWidgets import QDialog, QPushButton

    from wealthdesk.domain.plan import DEFAULT_MODEL, model_text
    from wealthdesk.services import settings as settings_service
    from wealthdesk.ui.settings_dialog import SettingsDialog

    wrong = tmp_path / "wrong.csv"
    wrong.write_text("C3,stocks,10,30\n", encoding="utf-8")
    right = tmp_path / "model.csv"
    right.write_bytes(model_text(DEFAULT_MODEL).replace("C3,equity,10,30", "C3,权益类,0,0")
                      .replace("C3,cash,10,30", "C3,cash,10,50").encode("gbk"))  # fmt: skip
    dialog = SettingsDialog("1", settings_service.load("1"), None, "王芳")
    qtbot.addWidget(dialog)
    button = dialog.findChild(QPushButton, "importPlanModel")
    prompts.answer("open_file", str(wrong))
    button.click()
    kind, _title, text = prompts.shown[-1]
    assert kind == "warn" and "stocks" in text
    assert dialog.value("plan_model") == ""
    prompts.answer("open_file", str(right))
    button.click()
    assert dialog.value("plan_model").startswith("C1,cash,40,100; ")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    desk.tab.show_client(desk.client)
    assert desk.tab.view.suggestion.line(A.EQUITY).suggested_fen == 0


def test_the_client_list_shows_each_client_s_number_as_the_cli_takes_it(main_window, clock):
    from PySide6.QtCore import Qt

    from wealthdesk.ui.clients.client_table_model import COL_NUMBER

    first = clients.create_client(ClientDraft(name="钱多多"), "t").id
    second = clients.create_client(ClientDraft(name="钱少少"), "t").id
    main_window.go_to_key("clients")
    page = main_window.clients_page
    page.search.setText("钱")
    page.run_search()
    numbers = {page.model.index(r, COL_NUMBER).data() for r in range(page.model.rowCount())}
    assert numbers == {str(first), str(second)}
    header = page.model.headerData(COL_NUMBER, Qt.Orientation.Horizontal)
    assert header in ("No.", "编号")


def test_a_language_switch_says_the_plan_again_in_the_new_language(desk, language):
    from PySide6.QtCore import QCoreApplication, QEvent

    tab = desk.tab
    tab.show_client(desk.unassessed)
    assert "confirmed risk level only" in tab.level_label.text()
    language.install_language("zh_CN")
    QCoreApplication.sendEvent(tab, QEvent(QEvent.Type.LanguageChange))
    assert "有效风险等级" in tab.level_label.text()
    tab.show_client(desk.client)
    assert "有效期至" in tab.level_label.text() and tab.title() == "规划"


# ---------------------------------------------------------------- amounts changed in place


def _proposed(desk, qtbot, code: str = "LC-WJ"):
    """The tab on screen showing the client, *code* proposed for the class's gap; its
    amount cell."""
    tab = desk.tab
    tab.show()
    qtbot.waitExposed(tab)
    tab.show_client(desk.client)
    _choose_class(tab, A.FIXED_INCOME)
    _choose_candidate(tab, code)
    tab.propose_button.click()
    row = tab.proposals.row_of(desk.products[code])
    return tab.proposal_proxy.mapFromSource(tab.proposals.index(row, 2))


def _open_editor(qtbot, tab, cell, how: str = "F2"):
    from PySide6.QtCore import Qt

    table = tab.proposal_table
    if how == "F2":
        table.setCurrentIndex(cell)
        qtbot.keyClick(table, Qt.Key.Key_F2)
    else:
        # As a mouse sends it: a click, then the second press as a double-click (QTest's
        # mouseDClick alone sends no first press, and a view edits only the cell pressed).
        where = table.visualRect(cell).center()
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.waitUntil(lambda: tab.amount_delegate.editor is not None)
    return tab.amount_delegate.editor


def _type_amount(qtbot, editor, text: str) -> None:
    from PySide6.QtCore import Qt

    editor.selectAll()
    editor.insert(text)  # as an input method types it: QTest keys are ASCII only (5万)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


@pytest.mark.parametrize("how", ["F2", "double-click"])
def test_a_proposed_amount_is_changed_in_its_cell_and_the_totals_follow(desk, qtbot, how):
    tab = desk.tab
    cell = _proposed(desk, qtbot)
    gap = tab.view.suggestion.line(A.FIXED_INCOME).gap_fen
    elsewhere = sum(max(x.gap_fen, 0) for x in tab.view.suggestion.lines) - gap  # other classes
    assert f"still to place: ¥{elsewhere // 100:,}" in tab.proposed_total.text()
    editor = _open_editor(qtbot, tab, cell, how)
    assert editor.text() == f"{gap // 100:,}"  # the amount as it stands, to change
    _type_amount(qtbot, editor, "5万")
    line = lambda: tab.proposals.line_at(0)  # noqa: E731
    qtbot.waitUntil(lambda: line().amount_fen == 5 * WAN)
    assert tab.proposals.index(0, 2).data() == "50,000"
    assert "Proposed: ¥50,000" in tab.proposed_total.text()
    left = elsewhere + gap - 5 * WAN
    assert f"still to place: ¥{left // 100:,}" in tab.proposed_total.text()
    assert not tab.amount_problem.isVisible()
    assert tab._inputs().proposals == ((desk.products["LC-WJ"], 5 * WAN),)  # what is saved


@pytest.mark.parametrize(
    "typed, words",
    [
        ("100", "LC-WJ is bought from ¥10,000: ¥100 is below its minimum"),
        ("0", "above zero"),
        ("abc", "abc is not an amount of yuan"),
    ],
)
def test_an_amount_the_rules_refuse_is_named_under_the_table_and_not_taken(
    desk, qtbot, typed, words
):
    tab = desk.tab
    cell = _proposed(desk, qtbot)
    before = tab.proposals.line_at(0).amount_fen
    _type_amount(qtbot, _open_editor(qtbot, tab, cell), typed)
    qtbot.waitUntil(lambda: tab.amount_problem.isVisible())
    assert words in tab.amount_problem.text() and "not changed" in tab.amount_problem.text()
    assert tab.amount_problem.text().startswith("⚠")  # not colour alone
    assert tab.amount_problem.objectName() == "fieldError"
    assert tab.proposals.line_at(0).amount_fen == before


def test_more_than_the_class_lacks_is_taken_with_a_warning(desk, qtbot):
    tab = desk.tab
    cell = _proposed(desk, qtbot)
    gap = tab.view.suggestion.line(A.FIXED_INCOME).gap_fen
    _type_amount(qtbot, _open_editor(qtbot, tab, cell), str((gap + 2 * WAN) // 100))
    qtbot.waitUntil(lambda: tab.proposals.line_at(0).amount_fen == gap + 2 * WAN)
    warning = tab.amount_problem.text()
    assert tab.amount_problem.isVisible() and "¥20,000 more than" in warning
    assert "Fixed-income products" in warning and tab.amount_problem.objectName() != "fieldError"
    assert "still to place" in tab.proposed_total.text()


@pytest.mark.skipif(not WQY.is_file(), reason="fonts-wqy-microhei is not installed")
def test_the_changed_amount_is_saved_with_the_version(desk, qtbot, prompts):
    import json

    tab = desk.tab
    cell = _proposed(desk, qtbot)
    _type_amount(qtbot, _open_editor(qtbot, tab, cell), "6万")
    qtbot.waitUntil(lambda: tab.proposals.line_at(0).amount_fen == 6 * WAN)
    prompts.answer("dialog", lambda dialog: 0)
    assert tab.save_and_preview()
    (row,) = FinancialPlan.select()
    assert [p[-1] for p in json.loads(row.content)["proposals"]] == [6 * WAN]


def test_an_amount_being_typed_leaves_no_trace_when_the_client_leaves(desk, qtbot):
    from test_ui_queue import traces

    tab = desk.tab
    cell = _proposed(desk, qtbot)
    editor = _open_editor(qtbot, tab, cell)
    editor.selectAll()
    qtbot.keyClicks(editor, "7654321")
    values = (NAME, "钱**", "7654321", "7,654,321")
    assert traces(tab, values)
    tab.clear()
    qtbot.wait(0)  # the timer an entry would ride on, had one been taken
    assert traces(tab, values) == []
    assert tab.amount_delegate.editor is None and tab.proposals.rowCount() == 0


def test_a_refusal_said_under_the_table_goes_with_the_client(desk, qtbot):
    from test_ui_queue import traces

    tab = desk.tab
    cell = _proposed(desk, qtbot)
    _type_amount(qtbot, _open_editor(qtbot, tab, cell), "123")
    qtbot.waitUntil(lambda: tab.amount_problem.isVisible())
    tab.clear()
    assert traces(tab, ("LC-WJ", "¥123", NAME)) == []
    assert not tab.amount_problem.isVisible()


@pytest.mark.skipif(not WQY.is_file(), reason="fonts-wqy-microhei is not installed")
def test_the_large_print_summary_is_previewed_and_saved_from_the_tab(
    desk, qtbot, prompts, tmp_path
):
    tab = desk.tab
    cell = _proposed(desk, qtbot)
    assert tab.large_button.isEnabled()  # nothing saved yet: the plan as it stands
    _type_amount(qtbot, _open_editor(qtbot, tab, cell), "4万")
    qtbot.waitUntil(lambda: tab.proposals.line_at(0).amount_fen == 4 * WAN)
    shown = []

    def look(dialog):
        shown.append((dialog.windowTitle(), dialog.preview.page_count()))
        dialog.save_copy()
        return 0

    for name in ("draft", "saved"):
        prompts.answer("save_file", str(tmp_path / f"{name}.pdf"))
        prompts.answer("dialog", look)
        assert tab.large_button.click() is None and shown
        if name == "draft":
            prompts.answer("dialog", lambda dialog: 0)
            assert tab.save_and_preview()
    for name, words in (("draft", "not saved"), ("saved", "No. 1")):
        text = "\n".join(p.extract_text() for p in PdfReader(tmp_path / f"{name}.pdf").pages)
        assert "large print" in text and words in text and "40,000" in text, name
        assert "钱**" in text and NAME not in text and MOBILE not in text
    assert all("large print" in title and pages <= 2 for title, pages in shown)
    exported = [e for e in audit.entries(desk.client) if e.action is AuditAction.PLAN_EXPORTED]
    assert len(exported) == 2
