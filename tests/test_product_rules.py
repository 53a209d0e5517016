"""Product rules (domain/product.py, domain/product_csv.py) and sales rules
(domain/sales.py): codes, ratings by family, money, terms, sale types, cooling-off."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wealthdesk.domain.client import ProductFamily
from wealthdesk.domain.product import (
    ProductDraft,
    RiskRating,
    format_fen,
    format_fen_short,
    normalize_product,
    parse_money,
    parse_term,
    product_problems,
)
from wealthdesk.domain.product_csv import check_product_row, map_headers
from wealthdesk.domain.sales import (
    SaleType,
    cancel_problem,
    cooling_off_end,
    sales_totals,
    suggest_sale_type,
)

F = ProductFamily


def problems_of(**changes) -> dict[str, str]:
    draft = ProductDraft(code="LC-001", name="稳健理财", family=F.WEALTH, risk_rating=2)
    for key, value in changes.items():
        draft = ProductDraft(**{**draft.__dict__, key: value})
    return {p.field: p.render() for p in product_problems(normalize_product(draft))}


def test_a_good_product_has_no_problems():
    assert problems_of() == {}


@pytest.mark.parametrize("code", ["", "LC 001!", "理财001", "-LC", "X" * 33])
def test_a_code_is_letters_and_digits_with_separators(code):
    assert "code" in problems_of(code=code)


def test_a_code_is_kept_in_upper_case_without_spaces():
    draft = normalize_product(
        ProductDraft(code=" ｌｃ-２０２６ 001", name=" 稳健  理财 ", family=F.CARD)
    )
    assert draft.code == "LC-2026001"
    assert draft.name == "稳健 理财"


def test_a_name_is_required_and_at_most_80_characters():
    assert "name" in problems_of(name="  ")
    assert "name" in problems_of(name="理" * 81)
    assert problems_of(name="理" * 80) == {}


def test_a_wealth_product_must_be_rated():
    assert "must be rated" in problems_of(risk_rating=None)["risk_rating"]


def test_a_pure_deposit_may_be_unrated_an_intermediary_product_may_not():
    """Issue 19: every investment product is rated (funds, insurance, precious metals)."""
    assert problems_of(family=F.LIABILITY, risk_rating=None) == {}
    assert "must be rated" in problems_of(family=F.INTERMEDIARY, risk_rating=None)["risk_rating"]


@pytest.mark.parametrize("family", [F.CARD, F.RETAIL_LOAN])
def test_a_card_or_a_loan_is_never_rated(family):
    assert "risk_rating" in problems_of(family=family, risk_rating=3)
    assert problems_of(family=family, risk_rating=None) == {}


@pytest.mark.parametrize("rating", [0, 6, -1])
def test_a_rating_is_r1_to_r5(rating):
    assert "risk_rating" in problems_of(risk_rating=rating)


def test_only_wealth_and_intermediary_products_are_private_and_always_rated():
    private = dict(private=True, asset_class="fixed_income", min_amount_fen=30_000_000)
    assert problems_of(**private) == {}
    assert problems_of(family=F.INTERMEDIARY, risk_rating=5, **private) == {}
    assert "private" in problems_of(family=F.LIABILITY, private=True, risk_rating=None)
    assert "risk_rating" in problems_of(family=F.INTERMEDIARY, private=True, risk_rating=None)


def test_minimum_amount_and_term_bounds():
    assert "min_amount" in problems_of(min_amount_fen=-1)
    assert problems_of(min_amount_fen=0) == {}
    assert "term_days" in problems_of(term_days=0)
    assert problems_of(term_days=1) == {}
    assert "term_days" in problems_of(term_days=36_501)


def test_rating_words_of_catalogues():
    for word, level in [("R3", 3), ("r5", 5), ("PR2", 2), ("中低风险", 2), ("高风险", 5), ("4", 4)]:
        assert RiskRating.parse(word).level == level
    assert RiskRating.of(None) is None and RiskRating.of(1) is RiskRating.R1


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("50000", 5_000_000),
        ("50,000.00", 5_000_000),
        ("5万", 5_000_000),
        ("５万", 5_000_000),
        ("¥5.5万元", 5_500_000),
        ("1亿", 10_000_000_000),
        ("0.01", 1),
        (" 1 000 ", 100_000),
        ("100元", 10_000),
    ],
)
def test_money_as_written_at_the_desk(text, fen):
    assert parse_money(text) == fen


@pytest.mark.parametrize("text", ["", "abc", "-5", "0.001", "5万万", "1.2.3"])
def test_what_is_not_money(text):
    assert parse_money(text) is None


def test_money_is_shown_with_separators_and_two_decimals():
    assert format_fen(5_000_000) == "50,000.00"
    assert format_fen(5) == "0.05"
    assert format_fen(5_000_000, cents=False) == "50,000"
    assert format_fen_short(5_000_000) == "5万"
    assert format_fen_short(12_345_600) == "12.35万"
    assert format_fen_short(800_000) == "8,000"


@given(st.integers(0, 10**13))
def test_formatted_money_reads_back_as_the_same_amount(fen):
    assert parse_money(format_fen(fen)) == fen


@pytest.mark.parametrize(
    ("text", "days"), [("90", 90), ("90天", 90), ("6个月", 180), ("3年", 1095), ("1 year", 365)]
)
def test_terms(text, days):
    assert parse_term(text) == days
    assert parse_term("半年") is None


# ---------------------------------------------------------------- CSV rows


def test_product_csv_headers_in_chinese_or_english():
    mapping, unknown = map_headers(["产品代码", "产品名称", "产品类别", "风险等级", "经办人"])
    assert list(mapping.values()) == ["code", "name", "family", "risk_rating"]
    assert unknown == ["经办人"]
    mapping, _ = map_headers(["Code", "Name", "Family", "Min amount"])
    assert set(mapping.values()) == {"code", "name", "family", "min_amount"}


def test_a_csv_row_with_several_problems_names_them_all_in_column_order():
    mapping, _ = map_headers(["产品代码", "产品名称", "产品类别", "风险等级", "起购金额", "期限"])
    row = check_product_row(7, ["", "理财", "理财", "R9", "五万", "半年"], mapping)
    assert row.line == 7
    assert [p.field for p in row.problems] == ["code", "risk_rating", "min_amount", "term_days"]


def test_a_csv_row_reads_chinese_values():
    mapping, _ = map_headers(
        ["产品代码", "产品名称", "产品类别", "风险等级", "私募", "起购金额", "期限", "在售",
         "产品类型", "资产类别"]
    )  # fmt: skip
    row = check_product_row(
        2, ["sm-01", "星河私募", "基金", "R5", "是", "100万", "1年", "否", "基金", "权益类"],
        mapping,
    )  # fmt: skip
    assert row.problems == ()
    assert row.draft == ProductDraft(
        code="SM-01",
        name="星河私募",
        family=F.INTERMEDIARY,
        risk_rating=5,
        private=True,
        min_amount_fen=100_000_000,
        term_days=365,
        active=False,
        kind="fund",
        asset_class="equity",
    )


# ---------------------------------------------------------------- sale types and cooling-off


def test_sale_type_suggestions():
    assert suggest_sale_type([], 7, F.WEALTH) is SaleType.NEW
    assert suggest_sale_type([(7, F.WEALTH)], 7, F.WEALTH) is SaleType.REPEAT
    assert suggest_sale_type([(3, F.LIABILITY), (7, F.WEALTH)], 7, F.WEALTH) is SaleType.REPEAT
    assert suggest_sale_type([(3, F.WEALTH)], 7, F.WEALTH) is SaleType.UPSELL
    assert suggest_sale_type([(3, F.LIABILITY), (4, F.WEALTH)], 7, F.WEALTH) is SaleType.UPSELL
    assert suggest_sale_type([(3, F.LIABILITY)], 7, F.WEALTH) is SaleType.CROSS_SELL


def test_sale_types_read_chinese_words():
    assert SaleType.parse("交叉销售") is SaleType.CROSS_SELL
    assert SaleType.parse("升级销售") is SaleType.UPSELL
    assert SaleType.parse("重复销售") is SaleType.REPEAT


def test_the_cooling_off_ends_24_hours_after_signing_and_includes_that_moment():
    signed = dt.datetime(2026, 11, 27, 10, 0, tzinfo=dt.UTC)
    end = cooling_off_end(signed)
    assert end == dt.datetime(2026, 11, 28, 10, 0, tzinfo=dt.UTC)
    assert cancel_problem(end, None, end, "改变主意") is None
    late = cancel_problem(end, None, end + dt.timedelta(microseconds=1), "改变主意")
    assert late is not None and "2026-11-28 10:00" in late.render()


def test_a_sale_without_cooling_off_or_already_cancelled_is_not_cancelled():
    now = dt.datetime(2026, 11, 27, 10, 0)
    assert cancel_problem(None, None, now, "x").field == "sale"
    assert cancel_problem(now, now, now, "x").field == "sale"
    assert cancel_problem(now, None, now, "").field == "reason"


def test_totals_leave_cancelled_sales_out():
    totals = sales_totals(
        [
            (F.WEALTH, SaleType.NEW, 100, False),
            (F.WEALTH, SaleType.NEW, 200, False),
            (F.WEALTH, SaleType.UPSELL, 50, True),
            (F.CARD, SaleType.CROSS_SELL, 0, False),
        ]
    )
    assert totals.count == 3 and totals.amount_fen == 300
    assert totals.of(F.WEALTH) == (2, 300)
    assert totals.of(F.WEALTH, SaleType.UPSELL) == (0, 0)
    assert [(r.family, r.sale_type) for r in totals.rows] == [
        (F.WEALTH, SaleType.NEW),
        (F.CARD, SaleType.CROSS_SELL),
    ]
