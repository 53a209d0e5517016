"""Issue 19's rules of the sale, as pure domain rules: each test names the rule and,
in its docstring, where the rule comes from. (The gate's older rules — the level ×
rating matrix, expiry, the 65+ confirmation — are in test_suitability.py.)"""

from __future__ import annotations

import datetime as dt

import pytest

from wealthdesk.domain.client import ProductFamily
from wealthdesk.domain.identity import area_code_exists, document_problem, resident_id_problem
from wealthdesk.domain.investor import QualifiedInvestorDraft, qualified_investor_problems
from wealthdesk.domain.product import ProductDraft, product_problems
from wealthdesk.domain.sales import cooling_off_end, recording_retention
from wealthdesk.domain.settings import (
    desk_qualifications,
    parse_qualification,
    setting_problem,
)
from wealthdesk.domain.suitability import (
    elderly_warning,
    is_placeholder,
    recording_ref_problem,
    suitability_problems,
)

TODAY = dt.date(2026, 11, 27)
ADULT = dt.date(1980, 5, 17)
F = ProductFamily
QUALIFIED = {
    "wealth": (dt.date(2024, 1, 1), dt.date(2027, 12, 31)),
    "fund": (dt.date(2024, 1, 1), dt.date(2027, 12, 31)),
    "insurance": (dt.date(2024, 1, 1), dt.date(2027, 12, 31)),
}


def decide(**changes) -> list[str]:
    case = dict(
        family=F.WEALTH,
        rating=3,
        min_amount_fen=1_000_000,
        amount_fen=5_000_000,
        client_level=5,
        assessment_valid_until=TODAY + dt.timedelta(days=200),
        today=TODAY,
        birth_date=ADULT,
        recording_ref="SL20261127001",
        elderly_confirmed=False,
        assets_fen=10**12,
        qualifications=QUALIFIED,
    )
    case.update(changes)
    return [p.field for p in suitability_problems(**case)]


def born_years_ago(years: int, days: int = 0) -> dt.date:
    return TODAY.replace(year=TODAY.year - years) + dt.timedelta(days=days)


# ---------------------------------------------------------------- minimum age


def test_minimum_age_an_11_year_old_is_refused_without_a_guardian():
    """民法典 第19–20条: a minor acts through their guardian. Issue 19: an 11-year-old
    assessed C5 bought a private R5 product."""
    assert decide(birth_date=born_years_ago(11)) == ["guardian"]
    assert decide(birth_date=born_years_ago(11), guardian="张建国（父亲）") == []


def test_minimum_age_a_16_year_old_living_on_own_labour_income_buys_with_its_proof():
    """民法典 第18条: a minor of 16 or more whose main income is their own labour counts as
    fully capable."""
    sixteen = born_years_ago(16)
    assert decide(birth_date=sixteen) == ["guardian"]
    assert decide(birth_date=sixteen, own_income_proof="劳动合同及近6个月工资流水") == []
    # Under 16 the proof is not enough.
    assert decide(birth_date=born_years_ago(16, days=1), own_income_proof="工资流水") == [
        "guardian"
    ]


def test_minimum_age_the_18th_birthday_is_adult():
    """民法典 第17条: 18 years and over is an adult."""
    assert decide(birth_date=born_years_ago(18)) == []
    assert decide(birth_date=born_years_ago(18, days=1)) == ["guardian"]


# ---------------------------------------------------------------- the document


def test_an_expired_identity_document_blocks_every_sale_from_the_day_after_its_expiry():
    """实名制: a sale needs a valid identity document."""
    assert decide(id_doc_expiry=TODAY) == []
    assert decide(id_doc_expiry=TODAY - dt.timedelta(days=1)) == ["id_document"]
    # A card too.
    card = dict(family=F.CARD, rating=None, min_amount_fen=0, amount_fen=0, recording_ref="")
    assert decide(**card) == []
    assert decide(**card, id_doc_expiry=dt.date(2020, 1, 1)) == ["id_document"]
    assert "expired on 2020-01-01" in document_problem(dt.date(2020, 1, 1), TODAY).render()


@pytest.mark.parametrize(
    "number",
    [
        "110111198012010078",  # 房山区 since 1986, holder born 1980: stdnum's year check refuses
        "11010519491231002X",
        "360426199101010071",
    ],
)
def test_a_resident_id_area_code_that_exists_or_existed_in_gb_t_2260_passes(number):
    """GB/T 2260: the code is the place of registration when the card was issued, so any
    year's code is valid, not only the birth year's."""
    assert resident_id_problem(number, TODAY) is None


def test_a_resident_id_with_an_unknown_area_code_is_refused_even_with_a_right_checksum():
    """Issue 19: 000000… with a right checksum passed."""
    from wealthdesk.domain.identity import resident_id_check_char

    first17 = "00000019800101001"
    problem = resident_id_problem(first17 + resident_id_check_char(first17), TODAY)
    assert problem is not None and "000000" in problem.render()
    assert not area_code_exists("119999")
    assert area_code_exists("110103")  # 崇文区, merged away in 2010: old cards keep it


def test_residence_permits_of_hk_macao_taiwan_residents_have_their_own_area_codes():
    """港澳台居民居住证 (2018) numbers start 810000, 820000, 830000."""
    assert all(area_code_exists(code) for code in ("810000", "820000", "830000"))


# ---------------------------------------------------------------- rated products


@pytest.mark.parametrize(
    "family, kind",
    [
        (F.INTERMEDIARY, "fund"),
        (F.INTERMEDIARY, "investment_insurance"),
        (F.INTERMEDIARY, "precious_metal"),
        (F.LIABILITY, "structured_deposit"),
    ],
)
def test_every_investment_product_must_be_rated_in_the_catalogue(family, kind):
    """Issue 19: funds, investment-type insurance, structured deposits and precious-metal
    investments need R1–R5; only pure deposits, cards and loans may be unrated."""
    draft = ProductDraft(code="P-1", name="产品", family=family, risk_rating=None, kind=kind)
    assert [p.field for p in product_problems(draft)] == ["risk_rating"]
    assert product_problems(ProductDraft("CK-1", "定期", F.LIABILITY)) == []


def test_a_structured_deposit_needs_an_assessment_and_its_recording():
    """A structured deposit is an investment product: rated, assessed, recorded (双录)."""
    deposit = dict(family=F.LIABILITY, kind="structured_deposit", rating=1)
    assert decide(**deposit) == []
    assert decide(**deposit, recording_ref="") == ["recording_ref"]
    assert decide(**deposit, client_level=None, assessment_valid_until=None) == ["assessment"]


# ---------------------------------------------------------------- private products


def qualified_draft(**changes) -> QualifiedInvestorDraft:
    values = dict(
        experience_years=2,
        net_financial_assets_fen=0,
        financial_assets_fen=0,
        average_income_fen=0,
        proof_kind="asset_certificate",
        proof_date=TODAY - dt.timedelta(days=10),
    )
    values.update(changes)
    return QualifiedInvestorDraft(**values)


@pytest.mark.parametrize(
    "figures",
    [
        {"net_financial_assets_fen": 300_000_000, "financial_assets_fen": 300_000_000},
        {"financial_assets_fen": 500_000_000},
        {"average_income_fen": 40_000_000},
    ],
)
def test_a_qualified_investor_has_2_years_experience_and_one_of_the_three_figures(figures):
    """《关于规范金融机构资产管理业务的指导意见》(2018) 第五条."""
    assert qualified_investor_problems(qualified_draft(**figures), TODAY) == []
    short = qualified_draft(experience_years=1, **figures)
    assert [p.field for p in qualified_investor_problems(short, TODAY)] == ["experience_years"]


def test_a_qualified_investor_just_under_every_threshold_is_refused():
    """资管新规 第五条: ¥3m net, ¥5m assets, ¥400k income a year over 3 years."""
    below = qualified_draft(
        net_financial_assets_fen=299_999_999,
        financial_assets_fen=499_999_999,
        average_income_fen=39_999_999,
    )
    problems = qualified_investor_problems(below, TODAY)
    assert len(problems) == 1 and "第五条" in problems[0].render()


def test_a_qualified_investor_record_needs_its_proof_kind_and_a_recent_date():
    undated = qualified_draft(average_income_fen=50_000_000, proof_kind="", proof_date=None)
    assert [p.field for p in qualified_investor_problems(undated, TODAY)] == [
        "proof_kind",
        "proof_date",
    ]
    old = qualified_draft(average_income_fen=50_000_000, proof_date=dt.date(2025, 11, 26))
    assert [p.field for p in qualified_investor_problems(old, TODAY)] == ["proof_date"]


def test_a_private_product_is_refused_without_a_valid_qualified_investor_record():
    """资管新规 第五条. Issue 19: a private R5 product was sold for ¥1 to an unverified adult."""
    private = dict(private=True, min_amount_fen=100_000_000, amount_fen=100_000_000)
    assert decide(**private) == ["qualified_investor"]
    assert decide(**private, qualified_until=TODAY) == []
    assert decide(**private, qualified_until=TODAY - dt.timedelta(days=1)) == ["qualified_investor"]


@pytest.mark.parametrize(
    "asset_class, floor",
    [("fixed_income", 30_000_000), ("mixed", 40_000_000), ("equity", 100_000_000)],
)
def test_the_catalogue_refuses_a_private_product_below_its_asset_class_floor(asset_class, floor):
    """资管新规 第五条: ¥300k fixed income, ¥400k mixed, ¥1m equity, commodity, derivatives."""

    def draft(minimum: int) -> ProductDraft:
        return ProductDraft(
            code="SM-1",
            name="私募",
            family=F.WEALTH,
            risk_rating=4,
            private=True,
            min_amount_fen=minimum,
            asset_class=asset_class,
        )

    assert product_problems(draft(floor)) == []
    assert [p.field for p in product_problems(draft(floor - 1))] == ["min_amount"]
    no_class = ProductDraft("SM-2", "私募", F.WEALTH, 4, True, 100_000_000)
    assert [p.field for p in product_problems(no_class)] == ["asset_class"]


# ---------------------------------------------------------------- 双录


@pytest.mark.parametrize("ref", ["-", "无", "N/A", "——", "00000000", "xxxxxxxx", " 暂无 "])
def test_a_placeholder_is_never_a_recording_reference(ref):
    """Issue 19: "-" and "无" were accepted as 双录 references."""
    assert is_placeholder(ref)
    assert decide(recording_ref=ref) == ["recording_ref"]


def test_the_recording_reference_follows_the_banks_format():
    """By default at least 8 letters and digits; the bank sets its own pattern."""
    assert recording_ref_problem("SL2026112", True) is None
    assert recording_ref_problem("SL-001", True) is not None
    assert recording_ref_problem("SL-001", True, r"SL-\d{3,}") is None
    assert setting_problem("recording_ref_pattern", "[") is not None
    assert setting_problem("recording_ref_pattern", ".+") is not None  # lets "-" through


def test_a_recording_is_kept_until_the_products_end_plus_6_months():
    assert recording_retention(dt.date(2026, 11, 27), 90) == dt.date(2027, 8, 25)
    assert recording_retention(dt.date(2026, 6, 2), 90) == dt.date(2027, 2, 28)  # 08-31 + 6
    assert recording_retention(dt.date(2026, 11, 27), None) is None


# ---------------------------------------------------------------- 65 and over


def test_a_client_of_65_is_warned_from_r3_up_without_being_refused():
    """The 65+ rule: a warning from R3, the explicit confirmation for R4 and R5."""
    elder = born_years_ago(70)
    assert elderly_warning(elder, TODAY, 2) is None
    assert elderly_warning(elder, TODAY, 3) is not None
    assert elderly_warning(ADULT, TODAY, 5) is None
    assert decide(birth_date=elder, rating=3) == []


def test_a_large_sale_to_a_client_of_65_asks_a_second_confirmation():
    """Issue 19: a single sale above a share of the recorded assets (30% by default)."""
    elder = born_years_ago(70)
    base = dict(birth_date=elder, rating=2, amount_fen=30_000_000)
    assert decide(**base, assets_fen=100_000_000) == []  # exactly 30%
    assert decide(**base, assets_fen=99_999_999) == ["large_confirmed"]
    assert decide(**base, assets_fen=None) == ["large_confirmed"]  # nothing on record
    assert decide(**base, assets_fen=None, large_confirmed=True) == []
    assert decide(**base, assets_fen=None, large_share_percent=50) == ["large_confirmed"]
    assert decide(birth_date=ADULT, rating=2, amount_fen=30_000_000, assets_fen=None) == []


def test_a_large_sale_with_no_assets_on_record_says_so_not_a_share_of_nothing():
    """Issue 19: with no assets recorded the second confirmation is still asked, in words
    that say nothing is on record (it said "more than 30% of the assets on record (¥0)")."""
    case = dict(
        family=F.WEALTH, rating=2, min_amount_fen=1_000_000, amount_fen=30_000_000,
        client_level=5, assessment_valid_until=TODAY + dt.timedelta(days=200), today=TODAY,
        birth_date=born_years_ago(70), recording_ref="SL20261127001",
        elderly_confirmed=False, qualifications=QUALIFIED,
    )  # fmt: skip
    [nothing] = suitability_problems(**case, assets_fen=None)
    assert "no assets are on record" in nothing.render(lambda _c, text: text)
    [some] = suitability_problems(**case, assets_fen=50_000_000)
    assert "30% of the assets on record (¥500,000)" in some.render(lambda _c, text: text)


# ---------------------------------------------------------------- who sells


def test_a_manager_sells_only_the_families_they_are_qualified_for_on_the_day():
    """Issue 19: each manager's sales qualifications (wealth, funds, insurance) with dates."""
    fund = dict(family=F.INTERMEDIARY, kind="fund", rating=2)
    assert decide(**fund) == []
    assert decide(**fund, qualifications={"wealth": QUALIFIED["wealth"]}) == ["manager"]
    lapsed = {"fund": (dt.date(2020, 1, 1), TODAY - dt.timedelta(days=1))}
    assert decide(**fund, qualifications=lapsed) == ["manager"]
    # A deposit or a precious-metal investment needs none of the three.
    assert decide(family=F.LIABILITY, rating=None, qualifications={}) == []
    assert decide(family=F.INTERMEDIARY, kind="precious_metal", qualifications={}) == []


def test_a_qualification_setting_holds_its_first_and_last_valid_day():
    assert parse_qualification("2024-03-01 2027-02-28") == (
        dt.date(2024, 3, 1),
        dt.date(2027, 2, 28),
    )
    assert parse_qualification("2027-02-28 2024-03-01") is None
    assert setting_problem("qualification_fund", "2024-03-01") is not None
    assert setting_problem("qualification_fund", "") is None
    assert desk_qualifications({"qualification_fund": "2024-03-01 ~ 2027-02-28"}) == {
        "fund": (dt.date(2024, 3, 1), dt.date(2027, 2, 28))
    }


# ---------------------------------------------------------------- cooling-off


def test_cooling_off_counts_from_signing_for_the_products_length_and_at_least_24_hours():
    signed = dt.datetime(2026, 11, 27, 10, 0)
    assert cooling_off_end(signed) == dt.datetime(2026, 11, 28, 10, 0)
    assert cooling_off_end(signed, 48) == dt.datetime(2026, 11, 29, 10, 0)
    assert cooling_off_end(signed, 1) == dt.datetime(2026, 11, 28, 10, 0)
    short = ProductDraft("SM-1", "私募", F.WEALTH, 4, True, 100_000_000, cooling_off_hours=12)
    short = ProductDraft(**{**short.__dict__, "asset_class": "equity"})
    assert [p.field for p in product_problems(short)] == ["cooling_off_hours"]
