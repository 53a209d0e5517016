"""The Products page driven with qtbot: the catalogue, the form checked as typed, taking
a product off sale, importing a file; the catalogue's table model checked by Qt."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from wealthdesk import db
from wealthdesk.domain.client import ProductFamily
from wealthdesk.domain.product import ProductDraft
from wealthdesk.services import products
from wealthdesk.ui.desk.context import DeskContext
from wealthdesk.ui.products.product_model import (
    COL_CODE,
    COL_MINIMUM,
    COL_RATING,
    ProductTableModel,
)
from wealthdesk.ui.products.products_page import ProductsPage
from wealthdesk.ui.sales.sales_book import SalesBook

F = ProductFamily


@pytest.fixture
def page(qtbot, store, clock, prompts, language):
    language.install_language("en")
    products.create_product(
        ProductDraft("LC-090", "稳健添利90天", F.WEALTH, 2, min_amount_fen=1_000_000, term_days=90),
        "setup",
    )
    products.create_product(ProductDraft("KA-001", "白金信用卡", F.CARD), "setup")
    desk = DeskContext("1", db.current())
    widget = ProductsPage(desk, book=SalesBook(desk.actor, lambda: "1"))
    qtbot.addWidget(widget)
    widget.show()
    return widget


def codes(page) -> list[str]:
    return [page.proxy.index(r, COL_CODE).data() for r in range(page.proxy.rowCount())]


def test_the_catalogue_is_listed_and_found_by_name_or_family(page, qtbot):
    assert codes(page) == ["LC-090", "KA-001"]
    row = page.model.row_of(products.product_by_code("LC-090").id)
    assert page.model.index(row, COL_MINIMUM).data() == "10,000.00"
    assert page.model.index(row, COL_RATING).data() == "R2"
    page.search.setText("信用")
    qtbot.waitUntil(lambda: codes(page) == ["KA-001"])
    page.search.setText("")
    page.family_filter.setCurrentIndex(page.family_filter.findData(F.WEALTH.value))
    qtbot.waitUntil(lambda: codes(page) == ["LC-090"])


def test_a_new_product_is_checked_as_typed_and_saved(page, qtbot, type_text):
    page.new_product()
    type_text(page.code, "jj-001")
    type_text(page.name, "科技成长股票基金")
    page.family.setCurrentIndex(page.family.findData(F.INTERMEDIARY.value))
    type_text(page.min_amount, "abc")
    assert "not an amount of yuan" in page._errors["min_amount"].text()
    assert page._errors["min_amount"].isVisibleTo(page)
    page.min_amount.clear()
    type_text(page.min_amount, "1万")
    assert not page._errors["min_amount"].isVisibleTo(page)
    assert not page.asset_class.isEnabled()  # a private product's
    page.private.setChecked(True)  # a private product must be rated
    assert "must be rated" in page._errors["risk_rating"].text()
    page.rating.setCurrentIndex(page.rating.findData(4))
    assert not page._errors["risk_rating"].isVisibleTo(page)
    assert page.asset_class.isEnabled() and page.cooling_off.isEnabled()
    page.kind.setCurrentIndex(page.kind.findData("fund"))
    page.asset_class.setCurrentIndex(page.asset_class.findData("equity"))
    assert "at least ¥1,000,000" in page._errors["min_amount"].text()  # 资管新规 第五条
    page.min_amount.clear()
    type_text(page.min_amount, "100万")
    page.cooling_off.setValue(48)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    saved = products.product_by_code("JJ-001")
    assert saved is not None and saved.private and saved.risk_rating == 4
    assert saved.min_amount_fen == 100_000_000
    assert (saved.draft.kind, saved.draft.asset_class) == ("fund", "equity")
    assert saved.draft.cooling_off_hours == 48
    page.show_product(saved)  # read back into the form as stored
    assert page.asset_class.currentData() == "equity" and page.cooling_off.value() == 48
    assert "JJ-001" in codes(page)
    assert page.heading.text().startswith("JJ-001")


def test_a_duplicate_code_is_shown_under_the_code(page, type_text):
    page.new_product()
    type_text(page.code, "lc-090")
    type_text(page.name, "重复")
    page.rating.setCurrentIndex(page.rating.findData(2))
    assert not page.save()
    assert "already in the catalogue" in page._errors["code"].text()


def test_taking_a_product_off_sale_hides_it_unless_asked(page, prompts, qtbot):
    card = products.product_by_code("KA-001")
    page.show_product(card)
    prompts.answer("confirm", True)
    qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    assert not products.get_product(card.id).active
    assert codes(page) == ["LC-090"]
    page.show_inactive.setChecked(True)
    assert codes(page) == ["LC-090", "KA-001"]
    assert page.active_button.text() == "Put back on sale"


def test_leaving_an_edited_product_asks_first(page, prompts, type_text):
    from wealthdesk.ui import interaction

    page.show_product(products.product_by_code("LC-090"))
    type_text(page.name, "新")
    prompts.answer("unsaved", interaction.UnsavedChoice.CANCEL)
    assert not page.maybe_leave()
    prompts.answer("unsaved", interaction.UnsavedChoice.DISCARD)
    assert page.maybe_leave()


def test_importing_a_catalogue_reports_the_rejected_lines(page, prompts, tmp_path):
    path = tmp_path / "catalogue.csv"
    path.write_bytes(
        "产品代码,产品名称,产品类别,风险等级\nJJ-002,债券基金,基金,R2\nLC-X,无评级,理财,\n".encode(
            "gbk"
        )
    )
    reports = []
    prompts.answer("dialog", lambda dialog: reports.append(dialog) or 0)
    page.import_catalogue(str(path))
    assert reports[0].report.imported == 1
    assert [r.line for r in reports[0].report.rejected] == [3]
    assert "products imported: 1" in reports[0].summary.text()
    assert "JJ-002" in codes(page)


def test_the_import_report_is_gone_after_use(page, prompts, tmp_path):
    from conftest import dialogs_left

    path = tmp_path / "catalogue.csv"
    path.write_text("产品代码,产品名称,产品类别,风险等级\nJJ-002,债券基金,基金,R2\n", "utf-8")
    prompts.answer("dialog", lambda dialog: 0)
    page.import_catalogue(str(path))
    assert prompts.kinds() == ["dialog"]
    assert dialogs_left(page) == []


def test_an_unreadable_catalogue_says_why(page, prompts, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("名称\n理财\n", encoding="utf-8")
    page.import_catalogue(str(path))
    assert prompts.kinds() == ["error"]
    assert "产品代码" in prompts.shown[0][2]


def test_the_product_table_model_passes_qt_s_checks(qtmodeltester, store, clock):
    model = ProductTableModel()
    model.set_rows(
        [
            products.create_product(ProductDraft("LC-1", "理财", F.WEALTH, 3), "t"),
            products.create_product(ProductDraft("CK-1", "存款", F.LIABILITY, term_days=365), "t"),
        ]
    )
    qtmodeltester.check(model)
