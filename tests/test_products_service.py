"""The catalogue and holdings (services/products.py) on SQLite and PostgreSQL: create,
change, deactivate, search; CSV import like the client import; holdings and maturities."""

from __future__ import annotations

import datetime as dt

import pytest

from wealthdesk.db.models import Product
from wealthdesk.domain.audit import AuditAction
from wealthdesk.domain.client import ClientDraft, ProductFamily
from wealthdesk.domain.client_csv import CsvFileError
from wealthdesk.domain.errors import ConflictError, ValidationError
from wealthdesk.domain.product import ProductDraft
from wealthdesk.services import audit, clients, products

F = ProductFamily

CATALOGUE_CSV = """产品代码,产品名称,产品类别,风险等级,私募,起购金额,期限,备注,经办人
LC-001,稳健添利90天,理财,R2,否,1万,90天,热销,王
JJ-001,科技成长股票基金,基金,R4,否,10,,,
CK-001,一年期定期存款,存款,不适用,否,50,1年,,
LC-002,无评级理财,理财,,否,1万,,,
LC-001,重复代码,理财,R2,否,1万,,,
KA-001,白金信用卡,银行卡,R3,否,0,,,
CK-002,结构性存款,负债,R1,是,五万,,,
BX-001,增额终身寿险,中间业务,R2,否,"10,000.00",,,
"""
ENGLISH_CSV = CATALOGUE_CSV.replace(
    "产品代码,产品名称,产品类别,风险等级,私募,起购金额,期限,备注,经办人",
    "Code,Name,Family,Risk rating,Private,Min amount,Term,Notes,Clerk",
)
EXPECTED_REJECTED = {
    5: "must be rated",
    6: "same product code is on line 2",
    7: "has no risk rating",
    8: "not an amount of yuan",
}


def write(tmp_path, text: str, encoding: str):
    path = tmp_path / "products.csv"
    path.write_bytes(text.encode(encoding))
    return path


def draft(code: str = "LC-001", **extra) -> ProductDraft:
    values = dict(code=code, name="稳健理财", family=F.WEALTH, risk_rating=2)
    values.update(extra)
    return ProductDraft(**values)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "utf-16"])
@pytest.mark.parametrize("text", [CATALOGUE_CSV, ENGLISH_CSV], ids=["chinese", "english"])
def test_a_catalogue_file_imports_good_rows_and_reports_bad_ones_by_line(
    backend_store, clock, tmp_path, encoding, text
):
    report = products.import_products(write(tmp_path, text, encoding), "setup")
    assert report.imported == 4
    assert {r.line: r.render() for r in report.rejected}.keys() == EXPECTED_REJECTED.keys()
    for rejection in report.rejected:
        assert EXPECTED_REJECTED[rejection.line] in rejection.render()
    assert report.ignored_columns == ["经办人" if text is CATALOGUE_CSV else "Clerk"]
    listed = {p.code: p for p in products.list_products()}
    assert set(listed) == {"LC-001", "JJ-001", "CK-001", "BX-001"}
    assert listed["LC-001"].min_amount_fen == 1_000_000 and listed["LC-001"].term_days == 90
    assert listed["LC-001"].notes == "热销"
    assert listed["JJ-001"].family is F.INTERMEDIARY and listed["JJ-001"].risk_rating == 4
    assert listed["CK-001"].risk_rating is None and listed["CK-001"].term_days == 365
    assert listed["BX-001"].min_amount_fen == 1_000_000
    assert audit.entries()[0].action is AuditAction.PRODUCTS_IMPORTED


def test_codes_already_in_the_catalogue_are_refused_on_import(backend_store, clock, tmp_path):
    products.create_product(draft("lc-001"), "setup")
    report = products.import_products(write(tmp_path, CATALOGUE_CSV, "utf-8"), "setup")
    assert report.imported == 3
    assert "already in the catalogue" in {r.line: r.render() for r in report.rejected}[2]


def test_a_file_without_the_needed_columns_imports_nothing(store, clock, tmp_path):
    path = write(tmp_path, "产品名称,风险等级\n理财,R2\n", "utf-8")
    with pytest.raises(CsvFileError, match="产品代码"):
        products.import_products(path, "setup")
    assert Product.select().count() == 0


def test_a_cancelled_import_keeps_nothing(store, clock, tmp_path):
    report = products.import_products(
        write(tmp_path, CATALOGUE_CSV, "utf-8"), "setup", progress=lambda done, total: False
    )
    assert report.cancelled and Product.select().count() == 0


# ---------------------------------------------------------------- the catalogue


def test_create_search_filter_and_deactivate(backend_store, clock):
    products.create_product(draft("LC-001", name="稳健添利90天"), "setup")
    fund = products.create_product(
        draft("JJ-001", name="科技成长基金", family=F.INTERMEDIARY, risk_rating=4), "setup"
    )
    assert [p.code for p in products.list_products("稳健")] == ["LC-001"]
    assert [p.code for p in products.list_products("jj-0")] == ["JJ-001"]
    assert [p.code for p in products.list_products(family=F.INTERMEDIARY)] == ["JJ-001"]
    products.deactivate_product(fund.id, "setup", fund.row_version)
    assert [p.code for p in products.list_products()] == ["LC-001"]
    assert [p.code for p in products.list_products(include_inactive=True)] == ["LC-001", "JJ-001"]


def test_a_duplicate_code_is_refused(backend_store, clock):
    products.create_product(draft("LC-001"), "setup")
    with pytest.raises(ValidationError, match="already in the catalogue"):
        products.create_product(draft(" lc-001 "), "setup")


def test_an_update_checks_the_version_and_the_rules(backend_store, clock):
    made = products.create_product(draft(), "setup")
    changed = products.update_product(made.id, draft(name="稳健添利"), "setup", made.row_version)
    assert changed.name == "稳健添利" and changed.row_version == made.row_version + 1
    with pytest.raises(ConflictError):
        products.update_product(made.id, draft(name="又改"), "setup", made.row_version)
    with pytest.raises(ValidationError):
        products.update_product(made.id, draft(risk_rating=None), "setup", changed.row_version)
    assert products.get_product(made.id).name == "稳健添利"


# ---------------------------------------------------------------- holdings


@pytest.fixture
def zhang(backend_store, clock) -> int:
    return clients.create_client(ClientDraft(name="张伟"), "setup").id


def test_holdings_total_only_the_open_ones_and_maturity_follows_the_term(zhang):
    ninety = products.create_product(draft(term_days=90), "setup")
    card_free = products.create_product(
        draft("CK-1", family=F.LIABILITY, risk_rating=None), "setup"
    )
    first = products.add_holding(zhang, ninety.id, 5_000_000, dt.date(2026, 10, 1), "setup")
    assert first.maturity_date == dt.date(2026, 12, 30)
    second = products.add_holding(zhang, card_free.id, 1_000_000, dt.date(2026, 1, 1), "setup")
    assert products.client_holdings(zhang).total_fen == 6_000_000
    assert products.holding_total(zhang) == 6_000_000
    products.close_holding(second.id, "setup", dt.date(2026, 11, 27))
    view = products.client_holdings(zhang)
    assert [h.id for h in view.rows] == [first.id] and view.total_fen == 5_000_000
    assert len(products.client_holdings(zhang, include_closed=True).rows) == 2
    with pytest.raises(ConflictError):
        products.close_holding(second.id, "setup")
    assert [e.action for e in audit.entries(zhang)][:3] == [
        AuditAction.HOLDING_CLOSED,
        AuditAction.HOLDING_ADDED,
        AuditAction.HOLDING_ADDED,
    ]


def test_a_holding_needs_an_amount_and_a_maturity_after_its_start(zhang):
    product = products.create_product(draft(), "setup")
    with pytest.raises(ValidationError) as refused:
        products.add_holding(
            zhang, product.id, 0, dt.date(2026, 5, 1), "setup", dt.date(2026, 4, 1)
        )
    assert {p.field for p in refused.value.problems} == {"amount", "maturity_date"}


def test_maturing_between_includes_both_days_and_leaves_out_closed_holdings(zhang):
    product = products.create_product(draft(), "setup")
    start = dt.date(2026, 1, 1)
    made = {
        day: products.add_holding(zhang, product.id, 100, start, "setup", dt.date(2026, 12, day))
        for day in (1, 2, 10, 11)
    }
    products.close_holding(made[2].id, "setup", dt.date(2026, 11, 1))
    found = products.maturing_between(dt.date(2026, 12, 1), dt.date(2026, 12, 10))
    assert [h.maturity_date.day for h in found] == [1, 10]
    assert found[0].days_to_maturity(dt.date(2026, 11, 27)) == 4
