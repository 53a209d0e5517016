"""The suitability gate (domain/suitability.py): the whole level × rating matrix, missing
and expired assessments, the 65+ rule, minimums, the recording reference."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wealthdesk.domain.client import ProductFamily
from wealthdesk.domain.suitability import elderly_rule_applies, suitability_problems

TODAY = dt.date(2026, 11, 27)
YOUNG = dt.date(1980, 5, 17)  # 46
F = ProductFamily


def decide(**changes) -> list:
    case = dict(
        family=F.WEALTH,
        rating=3,
        min_amount_fen=1_000_000,
        amount_fen=5_000_000,
        client_level=3,
        assessment_valid_until=TODAY + dt.timedelta(days=200),
        today=TODAY,
        birth_date=YOUNG,
        recording_ref="SL20261127001",
        elderly_confirmed=False,
        assets_fen=10**12,  # no sale here is a large share of them (tested on its own)
    )
    case.update(changes)
    return suitability_problems(**case)


def fields(problems) -> list[str]:
    return [p.field for p in problems]


def test_a_suitable_sale_passes():
    assert decide() == []


@pytest.mark.parametrize("level", [1, 2, 3, 4, 5])
@pytest.mark.parametrize("rating", [1, 2, 3, 4, 5])
@pytest.mark.parametrize("family", [F.WEALTH, F.INTERMEDIARY])
def test_a_client_of_level_cn_buys_only_r1_to_rn(level, rating, family):
    problems = decide(family=family, rating=rating, client_level=level, elderly_confirmed=True)
    if rating <= level:
        assert problems == []
    else:
        assert fields(problems) == ["product"]
        text = problems[0].render()
        assert f"rated R{rating}" in text and f"level C{level}" in text
        assert f"up to R{level}" in text


def test_the_matrix_holds_for_a_rated_deposit_too():
    assert decide(family=F.LIABILITY, rating=2, client_level=1)[0].field == "product"
    assert decide(family=F.LIABILITY, rating=1, client_level=1) == []


def test_a_structured_deposit_needs_its_recording_reference():
    """Issue 19: a rated structured deposit was sold without a 双录 reference."""
    problems = decide(family=F.LIABILITY, rating=1, client_level=1, recording_ref="")
    assert fields(problems) == ["recording_ref"]


@pytest.mark.parametrize("family", [F.WEALTH, F.INTERMEDIARY, F.LIABILITY])
def test_a_rated_product_without_an_assessment_is_refused(family):
    problems = decide(family=family, client_level=None, assessment_valid_until=None)
    assert fields(problems) == ["assessment"]
    assert "no risk assessment" in problems[0].render()


def test_an_assessment_is_valid_through_its_last_day_and_refused_the_day_after():
    assert decide(assessment_valid_until=TODAY) == []
    problems = decide(assessment_valid_until=TODAY - dt.timedelta(days=1))
    assert fields(problems) == ["assessment"]
    assert "expired on 2026-11-26" in problems[0].render()


def test_an_expired_assessment_and_a_rating_above_it_are_both_named():
    problems = decide(rating=5, client_level=2, assessment_valid_until=dt.date(2025, 1, 1))
    assert fields(problems)[:2] == ["assessment", "product"]


@pytest.mark.parametrize("family", [F.LIABILITY, F.CARD, F.RETAIL_LOAN], ids=lambda f: f.value)
def test_an_unrated_product_needs_no_assessment(family):
    problems = decide(
        family=family,
        rating=None,
        client_level=None,
        assessment_valid_until=None,
        min_amount_fen=0,
    )
    assert problems == []


@pytest.mark.parametrize("family", [F.WEALTH, F.INTERMEDIARY], ids=lambda f: f.value)
def test_an_unrated_investment_product_is_not_sold_and_needs_an_assessment(family):
    """Issue 19: an unrated fund or investment-type insurance was sold to a client never
    assessed. Every investment product is rated; only pure deposits, cards and loans may
    be unrated."""
    problems = decide(family=family, rating=None, client_level=None, assessment_valid_until=None)
    assert fields(problems) == ["product", "assessment"]
    assert "no risk rating" in problems[0].render()


def test_an_unrated_product_ignores_an_expired_assessment():
    assert decide(family=F.LIABILITY, rating=None, assessment_valid_until=dt.date(2020, 1, 1)) == []


# ---------------------------------------------------------------- 65 and over


def birthday_years_ago(years: int, days: int = 0) -> dt.date:
    return TODAY.replace(year=TODAY.year - years) + dt.timedelta(days=days)


@pytest.mark.parametrize("rating", [4, 5])
def test_turning_65_today_needs_the_confirmation_for_r4_and_r5(rating):
    born = birthday_years_ago(65)  # 65th birthday today
    problems = decide(rating=rating, client_level=5, birth_date=born)
    assert fields(problems) == ["elderly_confirmed"]
    assert "The client is 65" in problems[0].render()
    assert decide(rating=rating, client_level=5, birth_date=born, elderly_confirmed=True) == []


def test_the_day_before_the_65th_birthday_no_confirmation_is_needed():
    born = birthday_years_ago(65, days=1)  # 65 tomorrow
    assert decide(rating=5, client_level=5, birth_date=born) == []
    assert not elderly_rule_applies(born, TODAY, 5)
    assert elderly_rule_applies(born, TODAY + dt.timedelta(days=1), 5)


@pytest.mark.parametrize("rating", [1, 2, 3])
def test_an_elderly_client_buys_r3_and_below_without_the_confirmation(rating):
    assert decide(rating=rating, birth_date=dt.date(1940, 1, 1), client_level=3) == []


def test_a_29_february_birthday_turns_65_on_1_march():
    born = dt.date(1960, 2, 29)
    assert not elderly_rule_applies(born, dt.date(2025, 2, 28), 4)
    assert elderly_rule_applies(born, dt.date(2025, 3, 1), 4)


def test_a_client_without_a_birth_date_is_asked_for_the_confirmation_like_65_and_over():
    problems = decide(rating=4, client_level=4, birth_date=None)
    assert fields(problems) == ["id_document", "elderly_confirmed"]
    assert "birth date is not on record" in problems[1].render()
    # The confirmation is given; the birth date is still needed for an investment product.
    confirmed = decide(rating=4, client_level=4, birth_date=None, elderly_confirmed=True)
    assert fields(confirmed) == ["id_document"]


def test_the_confirmation_does_not_override_a_rating_above_the_level():
    problems = decide(
        rating=5, client_level=3, birth_date=dt.date(1950, 1, 1), elderly_confirmed=True
    )
    assert fields(problems) == ["product"]


# ---------------------------------------------------------------- amounts and recording


def test_an_amount_below_the_minimum_is_refused_and_the_minimum_itself_passes():
    assert decide(amount_fen=1_000_000) == []
    problems = decide(amount_fen=999_999)
    assert fields(problems) == ["amount"]
    assert "¥10,000.00" in problems[0].render()


@pytest.mark.parametrize("amount", [None, 0, -100])
def test_a_missing_amount_is_refused(amount):
    assert fields(decide(amount_fen=amount)) == ["amount"]


def test_a_card_is_sold_without_an_amount():
    assert (
        decide(family=F.CARD, rating=None, min_amount_fen=0, amount_fen=0, recording_ref="") == []
    )


@pytest.mark.parametrize("family", [F.WEALTH, F.INTERMEDIARY])
@pytest.mark.parametrize("ref", ["", "   "])
def test_a_wealth_or_intermediary_sale_without_a_recording_is_refused(family, ref):
    problems = decide(family=family, recording_ref=ref)
    assert fields(problems) == ["recording_ref"]
    assert "双录" in problems[0].render()


@pytest.mark.parametrize("family", [F.LIABILITY, F.CARD, F.RETAIL_LOAN])
def test_deposits_loans_and_cards_need_no_recording(family):
    assert decide(family=family, rating=None, recording_ref="", min_amount_fen=0) == []


def test_a_recording_reference_longer_than_the_column_is_refused():
    assert fields(decide(recording_ref="R" * 65)) == ["recording_ref"]


def test_every_reason_is_given_at_once():
    problems = decide(
        rating=5,
        client_level=2,
        assessment_valid_until=TODAY - dt.timedelta(days=3),
        birth_date=dt.date(1950, 1, 1),
        amount_fen=100,
        recording_ref="",
    )
    assert fields(problems) == [
        "assessment",
        "product",
        "elderly_confirmed",
        "amount",
        "recording_ref",
    ]


# ---------------------------------------------------------------- properties


@given(
    level=st.one_of(st.none(), st.integers(1, 5)),
    rating=st.one_of(st.none(), st.integers(1, 5)),
    days_valid=st.integers(-400, 400),
    age_days=st.integers(18 * 366, 100 * 365),  # adults (the minor rules on their own)
    amount=st.integers(-10, 10**10),
    minimum=st.integers(0, 10**8),
    family=st.sampled_from(list(ProductFamily)),
    ref=st.sampled_from(["", "SL1", "-", "SL20261127001"]),
    confirmed=st.booleans(),
)
def test_the_gate_passes_exactly_when_every_rule_holds(
    level, rating, days_valid, age_days, amount, minimum, family, ref, confirmed
):
    until = TODAY + dt.timedelta(days=days_valid)
    born = TODAY - dt.timedelta(days=age_days)
    problems = suitability_problems(
        family=family,
        rating=rating,
        min_amount_fen=minimum,
        amount_fen=amount,
        client_level=level,
        assessment_valid_until=until if level else None,
        today=TODAY,
        birth_date=born,
        recording_ref=ref,
        elderly_confirmed=confirmed,
        assets_fen=10**12,
    )
    assessed = level is not None and until >= TODAY
    rated_family = family in (ProductFamily.WEALTH, ProductFamily.INTERMEDIARY)
    investment = rating is not None or rated_family
    level_ok = (not investment or assessed) and (rating is None or rating <= (level or 0))
    rated_ok = rating is not None or not rated_family
    elderly_ok = confirmed or not elderly_rule_applies(born, TODAY, rating)
    amount_ok = (family is ProductFamily.CARD and amount == 0) or (amount > 0 and amount >= minimum)
    recorded = rated_family or (family is ProductFamily.LIABILITY and rating is not None)
    recording_ok = ref == "SL20261127001" or (ref == "" and not recorded)
    assert (problems == []) == (level_ok and rated_ok and elderly_ok and amount_ok and recording_ok)
