"""The holdings and sales tabs and the sale dialog, standalone, driven with qtbot: the
gate's verdict as the manager types, the 65+ confirmation, the service's re-check, the
cooling-off cancellation, and tabs that clear without a trace."""

from __future__ import annotations

import datetime as dt

import pytest
from compliance import qualify_desk
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from wealthdesk import db
from wealthdesk.db.models import RiskAssessment, Sale
from wealthdesk.domain.client import ClientDraft, ProductFamily
from wealthdesk.domain.investor import QualifiedInvestorDraft
from wealthdesk.domain.product import ProductDraft
from wealthdesk.domain.sales import SaleType
from wealthdesk.services import clients, products, sales, suitability
from wealthdesk.services.sales import SaleDraft
from wealthdesk.ui.client_screen.holdings_tab import HoldingsTab
from wealthdesk.ui.client_screen.sales_tab import SalesTab
from wealthdesk.ui.desk.context import DeskContext
from wealthdesk.ui.products.product_model import HoldingTableModel, SaleTableModel
from wealthdesk.ui.sales.sales_book import SalesBook

F = ProductFamily


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
    book = SalesBook(context.actor, lambda: "1")
    young = clients.create_client(ClientDraft(name="张伟", id_number="360426199101010071"), "t")
    elder = clients.create_client(ClientDraft(name="李娜", id_number="11010519491231002X"), "t")
    assess(young.id, 3, dt.date(2027, 6, 30))
    assess(elder.id, 5, dt.date(2027, 6, 30))
    qualify_desk("1")
    proof = QualifiedInvestorDraft(3, 0, 500_000_000, 0, "asset_certificate", dt.date(2026, 11, 1))
    suitability.record_qualified_investor(young.id, proof, "t")
    # ¥1,000,000 declared: no sale here is a large share of the elder's assets.
    suitability.record_identity_document(elder.id, "resident_id", None, "t", 100_000_000)
    made = {
        code: products.create_product(ProductDraft(code, name, family, rating, **extra), "t")
        for code, name, family, rating, extra in [
            ("LC-R2", "稳健理财", F.WEALTH, 2, {"min_amount_fen": 1_000_000, "term_days": 90}),
            ("LC-R4", "权益理财", F.WEALTH, 4, {}),
            (
                "SM-R3",
                "私募理财",
                F.WEALTH,
                3,
                {"private": True, "asset_class": "fixed_income", "min_amount_fen": 30_000_000},
            ),
            ("CK-1Y", "定期存款", F.LIABILITY, None, {"term_days": 365}),
        ]
    }

    class Desk:
        pass

    d = Desk()
    d.context, d.book, d.young, d.elder, d.products = context, book, young.id, elder.id, made
    d.sales = SalesTab(context, book=book)
    d.holdings = HoldingsTab(context, book=book)
    for tab in (d.sales, d.holdings):
        qtbot.addWidget(tab)
    return d


def open_sale_dialog(desk, prompts, client_id: int, fill) -> object:
    """Open "Record a sale…" for *client_id*; *fill(dialog)* acts in it, as the manager."""
    desk.sales.show_client(client_id, None)
    seen = []

    def act(dialog):
        seen.append(dialog)
        fill(dialog)
        return dialog.result()

    prompts.answer("dialog", act)
    desk.sales.record_button.click()
    return seen[0]


def choose(dialog, code: str) -> None:
    for index in range(dialog.product.count()):
        if dialog.product.itemData(index).code == code:
            dialog.product.setCurrentIndex(index)
            return
    raise AssertionError(code)


def test_the_verdict_follows_the_form_and_save_waits_for_a_suitable_sale(desk, prompts, type_text):
    def fill(dialog):
        choose(dialog, "LC-R4")  # above the client's C3
        assert not dialog.save_button.isEnabled()
        assert "rated R4, above the client's risk level C3" in dialog.errors["product"].text()
        assert "no override" in dialog.verdict.text()
        choose(dialog, "LC-R2")
        type_text(dialog.amount, "5000")
        assert "minimum for this product is ¥10,000.00" in dialog.errors["amount"].text()
        dialog.amount.clear()
        type_text(dialog.amount, "5万")
        assert "双录" in dialog.errors["recording_ref"].text()
        assert not dialog.save_button.isEnabled()
        type_text(dialog.recording_ref, "SL20261127001")
        assert dialog.save_button.isEnabled()
        assert dialog.verdict.text() == "Suitable: the sale may be recorded."
        assert SaleType(dialog.sale_type.currentData()) is SaleType.NEW
        assert "(suggested)" in dialog.sale_type.currentText()
        dialog.save_button.click()

    dialog = open_sale_dialog(desk, prompts, desk.young, fill)
    assert dialog.saved is not None and dialog.saved.amount_fen == 5_000_000
    assert desk.sales.model.rowCount() == 1
    assert desk.sales.title() == "Sales (1)"
    desk.holdings.show_client(desk.young)
    assert desk.holdings.model.rowCount() == 1
    assert "50,000.00" in desk.holdings.total_label.text()


def test_an_amount_is_echoed_in_yuan_beside_the_field_as_it_is_typed(desk, prompts, type_text):
    def fill(dialog):
        choose(dialog, "LC-R2")
        echo = dialog.amount.parentWidget().findChild(QLabel, "amountEcho")
        assert echo.text() == ""
        type_text(dialog.amount, "5万")
        assert echo.text() == "= ¥50,000.00"
        type_text(dialog.amount, "x")  # "5万x" is not an amount: no echo, the error says so
        assert echo.text() == ""
        assert "5万x" in dialog.errors["amount"].text()
        dialog.amount.clear()
        type_text(dialog.amount, "12345.6")
        assert echo.text() == "= ¥12,345.60"
        dialog.reject()

    open_sale_dialog(desk, prompts, desk.young, fill)

    def add(dialog):
        type_text(dialog.amount, "20万")
        echo = dialog.amount.parentWidget().findChild(QLabel, "amountEcho")
        assert echo.text() == "= ¥200,000.00"
        dialog.reject()
        return dialog.result()

    desk.holdings.show_client(desk.young)
    prompts.answer("dialog", add)
    desk.holdings.add_button.click()


def test_the_sale_cancel_and_holding_dialogs_are_gone_after_use(desk, prompts, clock):
    from conftest import dialogs_left

    sale = sales.record_sale(
        SaleDraft(desk.young, desk.products["SM-R3"].id, 30_000_000, recording_ref="SL20261127001"),
        "t",
        "1",
    )
    prompts.answer("dialog", *[lambda dialog: 0] * 3)
    desk.sales.show_client(desk.young)
    desk.sales.record_button.click()
    desk.sales.table.selectRow(desk.sales.proxy.mapFromSource(desk.sales.model.index(0, 0)).row())
    assert desk.sales.selected().id == sale.id
    desk.sales.cancel_button.click()
    desk.holdings.show_client(desk.young)
    desk.holdings.add_button.click()
    assert prompts.kinds().count("dialog") == 3
    assert dialogs_left(desk.sales) == dialogs_left(desk.holdings) == []


def test_a_deposit_needs_no_recording_and_its_field_says_so(desk, prompts, type_text):
    def fill(dialog):
        choose(dialog, "CK-1Y")
        assert not dialog.recording_ref.isEnabled()
        type_text(dialog.amount, "100000")
        assert dialog.save_button.isEnabled()
        dialog.reject()

    open_sale_dialog(desk, prompts, desk.young, fill)


def test_a_client_of_65_or_over_confirms_an_r4_product_explicitly(desk, prompts, type_text):
    def fill(dialog):
        choose(dialog, "LC-R2")
        assert dialog.elderly.isHidden()
        choose(dialog, "LC-R4")
        assert not dialog.elderly.isHidden()
        type_text(dialog.amount, "10万")
        type_text(dialog.recording_ref, "SL20261127001")
        assert "The client is 76" in dialog.errors["elderly_confirmed"].text()
        assert not dialog.save_button.isEnabled()
        dialog.elderly.setChecked(True)
        assert dialog.save_button.isEnabled()
        dialog.save_button.click()

    dialog = open_sale_dialog(desk, prompts, desk.elder, fill)
    assert Sale.get_by_id(dialog.saved.id).elderly_confirmed


def test_the_service_checks_again_when_saving_and_nothing_is_saved(desk, prompts, type_text):
    def fill(dialog):
        choose(dialog, "LC-R2")
        type_text(dialog.amount, "5万")
        type_text(dialog.recording_ref, "SL20261127001")
        assert dialog.save_button.isEnabled()
        # Meanwhile a newer assessment, already expired, is entered elsewhere.
        RiskAssessment.create(
            client=desk.young,
            assessed_on=dt.date(2026, 11, 26),
            valid_until=dt.date(2026, 11, 26),
            score=50,
            level=3,
            created_at=dt.datetime(2026, 11, 26),
        )
        dialog.save_button.click()
        assert dialog.result() == 0
        assert "expired on 2026-11-26" in dialog.errors["product"].text()
        assert not dialog.save_button.isEnabled()

    dialog = open_sale_dialog(desk, prompts, desk.young, fill)
    assert dialog.saved is None
    assert Sale.select().count() == 0


def test_a_private_sale_is_cancelled_in_its_cooling_off_and_not_after(
    desk, prompts, clock, type_text
):
    sale = sales.record_sale(
        SaleDraft(desk.young, desk.products["SM-R3"].id, 30_000_000, recording_ref="SL20261127001"),
        "t",
        "1",
    )
    other = sales.record_sale(
        SaleDraft(desk.young, desk.products["SM-R3"].id, 40_000_000, recording_ref="SL20261127002"),
        "t",
        "1",
    )
    tab = desk.sales
    tab.show_client(desk.young)
    tab.table.selectRow(
        tab.proxy.mapFromSource(tab.model.index(tab.model.row_of(sale.id), 0)).row()
    )
    assert tab.cancel_button.isEnabled()

    def cancel(dialog):
        assert not dialog.ok_button.isEnabled()
        type_text(dialog.reason, "家人反对")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        return dialog.result()

    prompts.answer("dialog", cancel)
    tab.cancel_button.click()
    assert sales.get_sale(sale.id).cancelled
    assert tab.title() == "Sales (1)"
    row = tab.model.row_of(sale.id)
    assert tab.model.index(row, 0).data(Qt.ItemDataRole.FontRole).strikeOut()
    clock.set(clock.now + dt.timedelta(hours=24, minutes=1))
    tab.refresh()
    tab.table.selectRow(
        tab.proxy.mapFromSource(tab.model.index(tab.model.row_of(other.id), 0)).row()
    )
    assert not tab.cancel_button.isEnabled()


def test_holdings_are_added_and_closed_by_hand(desk, prompts, type_text):
    tab = desk.holdings
    tab.show_client(desk.young)
    assert tab.title() == "Holdings"

    def add(dialog):
        index = next(
            i for i in range(dialog.product.count()) if dialog.product.itemData(i).code == "CK-1Y"
        )
        dialog.product.setCurrentIndex(index)
        assert dialog.has_maturity.isChecked()  # a term: the maturity is proposed
        type_text(dialog.amount, "20万")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        return dialog.result()

    prompts.answer("dialog", add)
    tab.add_button.click()
    assert tab.model.rowCount() == 1 and tab.title() == "Holdings (1)"
    assert "200,000.00" in tab.total_label.text()
    assert "2027-11-27 (in 365 day" in tab.model.index(0, 4).data()
    tab.table.selectRow(0)
    prompts.answer("confirm", True)
    tab.close_button.click()
    assert tab.model.rowCount() == 0
    assert "¥0.00" in tab.total_label.text()


def test_clearing_the_tabs_leaves_no_trace_of_the_client(desk):
    sales.record_sale(
        SaleDraft(desk.young, desk.products["LC-R2"].id, 5_000_000, recording_ref="SL20261127001"),
        "t",
        "1",
    )
    for tab in (desk.sales, desk.holdings):
        tab.show_client(desk.young, visit_id=None)
        assert tab.model.rowCount() == 1
        tab.table.selectRow(0)
        tab.clear()
        assert tab.client_id is None and tab.model.rowCount() == 0
        assert tab.title() in ("Sales", "Holdings")
        texts = [w.text() for w in tab.findChildren(QLabel)]
        assert not any("50,000" in t or "稳健" in t for t in texts)
        assert not tab.table.selectionModel().hasSelection()


def test_the_holding_and_sale_models_pass_qt_s_checks(qtmodeltester, desk):
    sale = sales.record_sale(
        SaleDraft(desk.young, desk.products["SM-R3"].id, 30_000_000, recording_ref="SL20261127001"),
        "t",
        "1",
    )
    held = HoldingTableModel()
    held.set_rows(products.client_holdings(desk.young).rows)
    qtmodeltester.check(held)
    sold = SaleTableModel()
    sold.set_rows([sale])
    qtmodeltester.check(sold)


def test_a_sale_given_up_on_the_gate_s_refusal_is_counted_for_the_day_close(
    desk, prompts, type_text, clock
):
    from wealthdesk.domain.audit import AuditAction
    from wealthdesk.services import audit, sales

    def give_up(dialog):
        choose(dialog, "LC-R4")  # above the client's C3
        type_text(dialog.amount, "5万")  # and no 双录 reference yet
        dialog.reject()

    open_sale_dialog(desk, prompts, desk.young, give_up)
    # The product above the level is the refusal; the reference not typed for it is moot.
    assert sales.day_refusals(clock.now.date()) == {"product": 1}
    (entry,) = [e for e in audit.entries(desk.young) if e.action == AuditAction.SALE_REFUSED]
    assert "5" not in entry.detail.rpartition(": ")[2]  # reasons only, no amount

    def suitable_then_closed(dialog):
        choose(dialog, "CK-1Y")
        type_text(dialog.amount, "5万")
        dialog.reject()  # nothing refused: nothing to count

    open_sale_dialog(desk, prompts, desk.young, suitable_then_closed)
    assert sales.day_refusals(clock.now.date()) == {"product": 1}

    def no_recording(dialog):
        choose(dialog, "LC-R2")  # the client may buy it; the client refuses 双录
        type_text(dialog.amount, "5万")
        dialog.reject()

    open_sale_dialog(desk, prompts, desk.young, no_recording)
    assert sales.day_refusals(clock.now.date()) == {"product": 1, "recording_ref": 1}


def refusals_logged(client_id: int) -> list[str]:
    from wealthdesk.domain.audit import AuditAction
    from wealthdesk.services import audit

    return [
        e.detail.rpartition(": ")[2]
        for e in audit.entries(client_id)
        if e.action == AuditAction.SALE_REFUSED
    ]


def test_opening_and_cancelling_an_empty_sale_counts_no_refusal(desk, prompts, clock, type_text):
    def cancel(dialog):
        assert dialog.problems  # the gate does refuse the empty form…
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()

    open_sale_dialog(desk, prompts, desk.young, cancel)
    open_sale_dialog(desk, prompts, desk.elder, cancel)

    def product_but_no_amount(dialog):
        choose(dialog, "LC-R4")  # above the level, but no sale was tried: no amount
        dialog.reject()

    open_sale_dialog(desk, prompts, desk.young, product_but_no_amount)

    def unreadable_amount(dialog):
        choose(dialog, "LC-R2")
        type_text(dialog.amount, "abc")
        dialog.reject()

    open_sale_dialog(desk, prompts, desk.young, unreadable_amount)
    assert sales.day_refusals(clock.now.date()) == {}  # …but nobody met a refusal
    assert refusals_logged(desk.young) == refusals_logged(desk.elder) == []


def test_a_refusal_met_before_a_suitable_sale_is_counted_once(desk, prompts, type_text, clock):
    low = clients.create_client(ClientDraft(name="周敏", id_number="330106198503150024"), "t")
    assess(low.id, 1, dt.date(2027, 6, 30))  # C1
    fund = products.create_product(
        ProductDraft("JJ-R5", "进取基金", F.INTERMEDIARY, 5, min_amount_fen=100_00), "t"
    )
    assert fund.risk_rating == 5

    def tried_then_sold(dialog):
        choose(dialog, "JJ-R5")  # R5 for a C1 client
        type_text(dialog.amount, "2万")
        assert not dialog.save_button.isEnabled()
        choose(dialog, "CK-1Y")  # the manager moves on to a deposit…
        choose(dialog, "JJ-R5")  # …looks again (the same refusal)…
        choose(dialog, "CK-1Y")
        assert dialog.save_button.isEnabled()
        dialog.save_button.click()  # …and sells the deposit

    dialog = open_sale_dialog(desk, prompts, low.id, tried_then_sold)
    assert dialog.saved is not None and dialog.saved.product_code == "CK-1Y"
    assert sales.day_refusals(clock.now.date()) == {"product": 1}
    assert refusals_logged(low.id) == ["product"]
    summary_reasons = dict(day_close_refusals(clock))
    assert summary_reasons == {"product": 1}


def day_close_refusals(clock):
    from wealthdesk.services import day_close

    return day_close.summary(clock.now.date()).sales.refusals


def test_a_minor_s_sale_asks_the_guardian_inline_and_saves_it(desk, prompts, type_text):
    """Issue 19: an 11-year-old assessed C5 bought without a guardian."""
    child = clients.create_client(
        ClientDraft(name="张小宝", id_number="110105201506010016"), "t"
    ).id
    assess(child, 5, dt.date(2027, 6, 30))

    def fill(dialog):
        assert dialog.guardian.isVisibleTo(dialog)
        choose(dialog, "LC-R2")
        type_text(dialog.amount, "5万")
        type_text(dialog.recording_ref, "SL20261127001")
        assert "under 18" in dialog.errors["guardian"].text()
        assert not dialog.save_button.isEnabled()
        type_text(dialog.guardian, "张建国（父亲）")
        assert dialog.save_button.isEnabled()
        dialog.grab().save("/tmp/sale_minor.png")
        dialog.save_button.click()

    dialog = open_sale_dialog(desk, prompts, child, fill)
    assert Sale.get_by_id(dialog.saved.id).guardian == "张建国（父亲）"


def test_a_large_sale_of_a_client_of_65_asks_a_second_confirmation(desk, prompts, type_text):
    def fill(dialog):
        assert not dialog.guardian.isVisibleTo(dialog)
        choose(dialog, "LC-R4")
        assert "explain the risks" in dialog.warning.text()  # a warning, not a refusal
        type_text(dialog.amount, "50万")  # half of the ¥1,000,000 declared
        type_text(dialog.recording_ref, "SL20261127001")
        dialog.elderly.setChecked(True)
        assert not dialog.large.isHidden()
        assert "confirm the amount a second time" in dialog.errors["large_confirmed"].text(), [
            p.field for p in dialog.problems
        ]
        assert not dialog.save_button.isEnabled()
        dialog.large.setChecked(True)
        assert dialog.save_button.isEnabled()
        dialog.save_button.click()

    dialog = open_sale_dialog(desk, prompts, desk.elder, fill)
    saved = Sale.get_by_id(dialog.saved.id)
    assert saved.elderly_confirmed and saved.large_confirmed


def test_an_expired_document_is_said_at_the_top_of_the_sale_dialog(desk, prompts, clock):
    # The header said "only unrated products sell" (or the level) while the expired
    # document refuses every product, the unrated deposit too.
    expired = clock().date() - dt.timedelta(days=1)
    suitability.record_identity_document(desk.young, "resident_id", expired, "t")

    def fill(dialog):
        assert f"expired on {expired.isoformat()}" in dialog.client_label.text()
        assert "nothing sells" in dialog.client_label.text()
        choose(dialog, "CK-1Y")
        assert not dialog.save_button.isEnabled()
        dialog.reject()

    open_sale_dialog(desk, prompts, desk.young, fill)
