"""The financial plan's rules (domain/plan.py): the model per level, the reserve, the
horizon and liquidity moves, goals, and the product filter agreeing with the gate."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wealthdesk.domain.client import Horizon, LiquidityNeed, ProductFamily
from wealthdesk.domain.errors import ValidationError
from wealthdesk.domain.plan import (
    CLASSES,
    DEFAULT_MODEL,
    LEVELS,
    AssetClass,
    Goal,
    GoalKind,
    PlanClient,
    PlanProduct,
    Proposal,
    ReserveRule,
    asset_class_of,
    default_amount,
    fitting_products,
    model_problem,
    model_text,
    parse_model,
    proposal_problems,
    suggest_allocation,
    target_weights,
)
from wealthdesk.domain.suitability import suitability_problems

TODAY = dt.date(2026, 12, 7)
A = AssetClass
F = ProductFamily
WAN = 1_000_000  # ¥10,000 in fen


@pytest.mark.parametrize("level", LEVELS)
def test_every_level_suggests_within_the_model_and_adds_up(level):
    weights = target_weights(DEFAULT_MODEL, level)
    assert sum(weights.values()) == pytest.approx(100)
    for c in CLASSES:
        band = DEFAULT_MODEL.band(level, c)
        assert band.low - 1e-9 <= weights[c] <= band.high + 1e-9, (level, c)
    s = suggest_allocation(DEFAULT_MODEL, level, {A.CASH: 100 * WAN}, today=TODAY)
    assert sum(line.suggested_fen for line in s.lines) == 100 * WAN == s.total_fen


def test_higher_levels_hold_more_equity():
    equity = [target_weights(DEFAULT_MODEL, level)[A.EQUITY] for level in LEVELS]
    assert equity == sorted(equity) and equity[0] == 0 and equity[-1] >= 45


def test_a_c1_client_is_suggested_no_equity_whatever_their_needs():
    for horizon in (None, *Horizon):
        for liquidity in (None, *LiquidityNeed):
            s = suggest_allocation(
                DEFAULT_MODEL, 1, {A.EQUITY: 50 * WAN}, horizon=horizon, liquidity=liquidity,
                today=TODAY,
            )  # fmt: skip
            assert s.line(A.EQUITY).suggested_fen == 0
            assert s.line(A.EQUITY).gap_fen == -50 * WAN


def test_a_short_horizon_or_high_liquidity_moves_money_to_cash():
    plain = target_weights(DEFAULT_MODEL, 4)
    for moved in (
        target_weights(DEFAULT_MODEL, 4, horizon=Horizon.SHORT),
        target_weights(DEFAULT_MODEL, 4, liquidity=LiquidityNeed.HIGH),
    ):
        assert moved[A.CASH] > plain[A.CASH]
        assert moved[A.EQUITY] == DEFAULT_MODEL.band(4, A.EQUITY).low < plain[A.EQUITY]
        assert sum(moved.values()) == pytest.approx(100)


def test_money_locked_away_for_long_leans_to_equity_within_the_range():
    plain = target_weights(DEFAULT_MODEL, 4)
    bold = target_weights(DEFAULT_MODEL, 4, horizon=Horizon.LONG, liquidity=LiquidityNeed.LOW)
    assert plain[A.EQUITY] < bold[A.EQUITY] <= DEFAULT_MODEL.band(4, A.EQUITY).high
    assert bold[A.CASH] >= DEFAULT_MODEL.band(4, A.CASH).low


def test_the_reserve_is_months_of_spending_by_liquidity_need_and_kept_in_cash():
    rule = ReserveRule(3, 6)
    assert [rule.months(x) for x in (LiquidityNeed.LOW, None, LiquidityNeed.HIGH)] == [3, 5, 6]
    s = suggest_allocation(
        DEFAULT_MODEL, 5, {A.EQUITY: 100 * WAN}, monthly_spending_fen=3 * WAN,
        reserve_rule=rule, liquidity=LiquidityNeed.HIGH, today=TODAY,
    )  # fmt: skip
    assert s.reserve_fen == 18 * WAN and s.reserve_months == 6
    assert s.line(A.CASH).suggested_fen >= 18 * WAN
    assert sum(line.suggested_fen for line in s.lines) == 100 * WAN
    assert any("emergency reserve" in n.template for n in s.notes)


def test_goals_due_soon_are_set_aside_in_cash_and_fixed_income():
    goals = [
        Goal(GoalKind.HOME, 30 * WAN, 2027),  # next year: cash
        Goal(GoalKind.EDUCATION, 40 * WAN, 2029),  # in three years: fixed income
        Goal(GoalKind.RETIREMENT, 500 * WAN, 2045),  # far off: nothing set aside
    ]
    s = suggest_allocation(DEFAULT_MODEL, 5, {A.EQUITY: 100 * WAN}, goals=goals, today=TODAY)
    assert s.line(A.CASH).suggested_fen >= 30 * WAN
    assert s.line(A.FIXED_INCOME).suggested_fen >= 40 * WAN
    assert s.shortfall_fen == 0
    assert sum(line.suggested_fen for line in s.lines) == 100 * WAN
    assert len([n for n in s.notes if "set aside" in n.template]) == 2


def test_a_reserve_larger_than_the_money_is_all_cash_and_the_shortfall_said():
    s = suggest_allocation(
        DEFAULT_MODEL, 3, {A.EQUITY: 10 * WAN}, monthly_spending_fen=5 * WAN, today=TODAY
    )
    assert s.line(A.CASH).suggested_fen == 10 * WAN
    assert s.shortfall_fen == 25 * WAN - 10 * WAN
    assert any("more than the money" in n.template for n in s.notes)


@settings(max_examples=300, deadline=None)
@given(
    level=st.sampled_from(LEVELS),
    held=st.lists(st.integers(0, 10**11), min_size=5, max_size=5),
    new_money=st.integers(0, 10**11),
    spending=st.integers(0, 10**8),
    horizon=st.sampled_from([None, *Horizon]),
    liquidity=st.sampled_from([None, *LiquidityNeed]),
    goal_years=st.lists(st.tuples(st.integers(1, 10**10), st.integers(2026, 2050)), max_size=3),
)
def test_any_suggestion_adds_up_exactly_and_never_goes_negative(
    level, held, new_money, spending, horizon, liquidity, goal_years
):
    goals = [Goal(GoalKind.OTHER, amount, year) for amount, year in goal_years]
    s = suggest_allocation(
        DEFAULT_MODEL, level, dict(zip(CLASSES, held, strict=True)), new_money, spending,
        ReserveRule(), horizon, liquidity, goals, TODAY,
    )  # fmt: skip
    assert all(line.suggested_fen >= 0 for line in s.lines)
    assert sum(line.suggested_fen for line in s.lines) == sum(held) + new_money
    floor = s.reserve_fen + sum(g.amount_fen for g in goals if g.year - TODAY.year <= 1)
    assert s.line(A.CASH).suggested_fen >= min(floor, s.total_fen)


# ---------------------------------------------------------------- the model as text


def test_the_model_reads_back_as_written_and_in_chinese():
    assert parse_model(model_text(DEFAULT_MODEL)) == DEFAULT_MODEL
    assert parse_model("") == DEFAULT_MODEL
    chinese = model_text(DEFAULT_MODEL).replace("equity", "权益类").replace(",", "\t")
    assert parse_model(chinese) == DEFAULT_MODEL


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (("C3,equity,10,30", "C3,equity,30,10"), "low ≤ high"),
        (("C3,equity,10,30", "C9,equity,10,30"), "C1 to C5"),
        (("C3,equity,10,30", "C3,stocks,10,30"), "asset class"),
        (("C3,cash,10,30", "C3,cash,90,100"), "add up"),
        (("C3,equity,10,30", "C3,equity"), "write level"),
    ],
)
def test_a_wrong_model_line_is_named(change, words):
    text = model_text(DEFAULT_MODEL).replace(*change)
    with pytest.raises(ValidationError) as wrong:
        parse_model(text)
    assert words in wrong.value.render()
    assert model_problem(text).field == "plan_model"


def test_a_model_missing_a_level_is_refused():
    text = "\n".join(line for line in model_text(DEFAULT_MODEL).splitlines() if "C5" not in line)
    assert "C5" in model_problem(text).render()


# ---------------------------------------------------------------- products


@pytest.mark.parametrize(
    ("family", "rating", "name", "expected"),
    [
        (F.LIABILITY, None, "三年期大额存单", A.CASH),
        (F.LIABILITY, 1, "挂钩黄金结构性存款90天", A.CASH),
        (F.WEALTH, 1, "天天利现金管理类理财", A.CASH),
        (F.INTERMEDIARY, 1, "添益货币市场基金A", A.CASH),
        (F.WEALTH, 2, "稳健添利90天持有期理财", A.FIXED_INCOME),
        (F.INTERMEDIARY, 2, "稳利纯债债券基金", A.FIXED_INCOME),
        (F.WEALTH, 3, "平衡配置混合类理财", A.EQUITY),
        (F.INTERMEDIARY, 4, "科技成长股票基金", A.EQUITY),
        (F.INTERMEDIARY, None, "安享个人养老年金保险", A.INSURANCE),
        (F.INTERMEDIARY, None, "福满堂增额终身寿险", A.INSURANCE),
        (F.INTERMEDIARY, 3, "如意积存金", A.METALS),
        (F.INTERMEDIARY, None, "福字金条50克", A.METALS),
        (F.RETAIL_LOAN, None, "个人消费贷款", None),
        (F.CARD, None, "白金信用卡", None),
    ],
)
def test_each_catalogue_product_has_its_class(family, rating, name, expected):
    assert asset_class_of(family, rating, name) is expected


def _product(pid=1, rating=3, family=F.WEALTH, name="平衡理财", minimum=WAN, **extra):
    values = dict(private=False, active=True) | extra
    return PlanProduct(pid, f"P{pid}", name, family, rating, min_amount_fen=minimum, **values)


C3 = PlanClient(3, dt.date(2027, 6, 30), dt.date(1980, 1, 1), TODAY)


def test_the_filter_keeps_what_fits_the_level_the_minimum_and_the_rules():
    fits = _product(1, 3)
    above = _product(2, 4)
    off_sale = _product(3, 2, active=False)
    private = _product(4, 3, private=True)
    too_dear = _product(5, 3, minimum=80 * WAN)
    found = fitting_products([fits, above, off_sale, private, too_dear], A.EQUITY, 50 * WAN, C3)
    assert found == [fits]


def test_nothing_is_proposed_without_a_valid_assessment():
    expired = PlanClient(3, TODAY - dt.timedelta(days=1), None, TODAY)
    assert fitting_products([_product(1, 1)], A.CASH, 50 * WAN, expired) == []
    assert {p.field for p in proposal_problems(_product(1, 3), WAN, expired)} >= {"assessment"}


def test_an_elderly_client_is_proposed_nothing_that_needs_an_extra_confirmation():
    elder = PlanClient(5, dt.date(2027, 6, 30), dt.date(1950, 1, 1), TODAY)
    assert fitting_products([_product(1, 4), _product(2, 3)], A.EQUITY, 50 * WAN, elder) == [
        _product(2, 3)
    ]


def test_a_proposal_below_the_minimum_is_refused_and_picking_fills_the_gap():
    s = suggest_allocation(DEFAULT_MODEL, 3, {A.CASH: 100 * WAN}, today=TODAY)
    fund = _product(1, 3, minimum=WAN)
    assert [p.field for p in proposal_problems(fund, WAN - 1, C3)] == ["amount"]
    first = default_amount(s, [], fund)
    assert first == s.line(A.EQUITY).gap_fen > 0
    assert default_amount(s, [Proposal(fund, first)], _product(2, 4, name="混合")) == WAN


levels = st.one_of(st.none(), st.sampled_from(LEVELS))


@settings(max_examples=400, deadline=None)
@given(
    rating=st.one_of(st.none(), st.sampled_from(LEVELS)),
    family=st.sampled_from(list(ProductFamily)),
    private=st.booleans(),
    active=st.booleans(),
    minimum=st.integers(0, 10**9),
    amount=st.integers(0, 10**9),
    level=levels,
    valid_days=st.integers(-5, 400),
    birth_year=st.one_of(st.none(), st.integers(1930, 2008)),
)
def test_every_product_a_plan_may_propose_passes_the_sale_gate(
    rating, family, private, active, minimum, amount, level, valid_days, birth_year
):
    product = _product(1, rating, family, "某产品", minimum, private=private, active=active)
    birth = dt.date(birth_year, 6, 1) if birth_year else None
    person = PlanClient(level, TODAY + dt.timedelta(days=valid_days), birth, TODAY)
    if proposal_problems(product, amount, person):
        return
    gate = suitability_problems(
        family=family, rating=rating, min_amount_fen=minimum, amount_fen=amount,
        client_level=level, assessment_valid_until=person.valid_until, today=TODAY,
        birth_date=birth, recording_ref="SL20261207", elderly_confirmed=False,
        large_confirmed=True,  # asked at the sale, as the recording is
    )  # fmt: skip
    assert gate == []
    assert active and not private and (rating is None or (level is not None and rating <= level))


def test_the_model_fits_on_one_line_as_the_setting_keeps_it():
    one_line = model_text(DEFAULT_MODEL, "; ")
    assert "\n" not in one_line and "level" not in one_line
    assert parse_model(one_line) == DEFAULT_MODEL


def test_an_amount_changed_by_hand_is_refused_below_the_minimum_and_warned_over_the_gap():
    from wealthdesk.domain.plan import amount_change, class_room, unplaced_fen
    from wealthdesk.domain.product import AMOUNT_MAX_FEN

    s = suggest_allocation(DEFAULT_MODEL, 3, {A.CASH: 100 * WAN}, today=TODAY)
    fund, other = _product(1, 3, minimum=5 * WAN), _product(2, 3, name="混合", minimum=WAN)
    gap = s.line(A.EQUITY).gap_fen
    proposed = [Proposal(fund, 10 * WAN), Proposal(other, 5 * WAN)]
    room = class_room(s, proposed, A.EQUITY, leaving_out=fund.id)
    assert room == gap - 5 * WAN
    assert unplaced_fen(s, proposed) == sum(max(line.gap_fen, 0) for line in s.lines) - 15 * WAN

    for typed in (None, 0, -WAN):
        refused, warned = amount_change(fund, typed, room)
        assert refused is not None and refused.field == "amount" and warned is None
    refused, _ = amount_change(fund, 5 * WAN - 100, room)
    assert "P1" in refused.render() and "50,000" in refused.render()  # names the minimum
    assert amount_change(fund, 5 * WAN, room) == (None, None)  # at the minimum: fine
    assert amount_change(fund, room, room) == (None, None)  # all the class lacks: fine
    refused, warned = amount_change(fund, room + WAN, room)
    assert refused is None and "10,000 more" in warned.render()
    # An over-filled class has no room: any amount is more than it lacks.
    assert amount_change(fund, 5 * WAN, -WAN)[1] is not None
    assert amount_change(fund, AMOUNT_MAX_FEN + 1, room)[0] is not None  # a typing slip
