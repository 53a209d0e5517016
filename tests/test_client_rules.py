"""What a client record must satisfy before it is saved (domain/client.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wealthdesk.domain.client import (
    ClientDraft,
    GenderCode,
    Tier,
    client_problems,
    normalize_draft,
)

TODAY = dt.date(2026, 11, 27)


def problems_of(draft: ClientDraft) -> dict[str, str]:
    clean = normalize_draft(draft, TODAY)
    return {p.field: p.render() for p in client_problems(clean, TODAY)}


def test_a_valid_id_number_sets_birth_date_and_gender_over_typed_ones():
    draft = ClientDraft(
        name="张伟",
        id_number="11010519491231002x",
        gender=GenderCode.MALE,
        birth_date=dt.date(1980, 1, 1),
    )
    clean = normalize_draft(draft, TODAY)
    assert clean.id_number == "11010519491231002X"
    assert clean.birth_date == dt.date(1949, 12, 31)
    assert clean.gender is GenderCode.FEMALE


def test_an_invalid_id_number_sets_nothing_and_is_reported_on_its_field():
    draft = ClientDraft(name="张伟", id_number="110105194912310021")
    clean = normalize_draft(draft, TODAY)
    assert clean.birth_date is None and clean.gender is None
    assert "should be X" in problems_of(draft)["id_number"]


def test_a_mobile_with_country_code_is_stored_as_eleven_digits():
    clean = normalize_draft(ClientDraft(name="张伟", mobile="+86 138-1234-5678"), TODAY)
    assert clean.mobile == "13812345678"
    assert client_problems(clean, TODAY) == []


@pytest.mark.parametrize(
    "name", ["张伟", "欧阳娜娜", "阿依古丽·买买提", "John Smith", "𠮷野家", "Mary-Jane O.", "李 〇"]
)
def test_real_names_are_accepted(name):
    assert problems_of(ClientDraft(name=name)) == {}


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("", "required"),
        ("   ", "required"),
        ("张伟2", "only Chinese characters"),
        ("<script>", "only Chinese characters"),
        ("张" * 41, "longer than 40"),
    ],
)
def test_a_bad_name_is_refused_with_a_reason(name, says):
    assert says in problems_of(ClientDraft(name=name))["name"]


def test_spaces_in_a_name_are_tidied():
    assert normalize_draft(ClientDraft(name="  张   伟 "), TODAY).name == "张 伟"


def test_a_consent_without_a_date_is_dated_today_and_a_withdrawn_one_loses_its_date():
    given_now = normalize_draft(ClientDraft(name="张伟", consent_data=True), TODAY)
    assert given_now.consent_data_on == TODAY
    withdrawn = normalize_draft(
        ClientDraft(name="张伟", consent_marketing=False, consent_marketing_on=TODAY), TODAY
    )
    assert withdrawn.consent_marketing_on is None


def test_a_consent_dated_in_the_future_is_refused():
    draft = ClientDraft(name="张伟", consent_data=True, consent_data_on=TODAY + dt.timedelta(1))
    assert "future" in problems_of(draft)["consent_data_on"]


def test_a_typed_birth_date_without_id_may_not_be_in_the_future_or_before_1900():
    future = ClientDraft(name="张伟", birth_date=TODAY + dt.timedelta(days=1))
    assert "future" in problems_of(future)["birth_date"]
    ancient = ClientDraft(name="张伟", birth_date=dt.date(1899, 12, 31))
    assert "1900" in problems_of(ancient)["birth_date"]


@pytest.mark.parametrize(("dependants", "ok"), [(0, True), (20, True), (21, False), (-1, False)])
def test_dependants_are_counted_from_0_to_20(dependants, ok):
    assert ("dependants" not in problems_of(ClientDraft(name="张伟", dependants=dependants))) is ok


def test_every_problem_of_a_draft_is_reported_at_once():
    draft = ClientDraft(name="", id_number="123", mobile="12345", dependants=99)
    assert set(problems_of(draft)) == {"name", "id_number", "mobile", "dependants"}


@pytest.mark.parametrize(
    ("text", "tier"),
    [
        ("金卡", Tier.GOLD),
        ("私行", Tier.PRIVATE),
        ("Platinum", Tier.PLATINUM),
        ("普通", Tier.NORMAL),
    ],
)
def test_tiers_are_read_from_chinese_or_english_labels(text, tier):
    assert Tier.parse(text) is tier


@settings(deadline=None)
@given(
    name=st.text(max_size=60),
    id_number=st.text(max_size=25),
    mobile=st.text(max_size=20),
    occupation=st.text(max_size=30),
)
def test_any_typed_draft_is_either_clean_or_refused_with_reasons(
    name, id_number, mobile, occupation
):
    draft = ClientDraft(name=name, id_number=id_number, mobile=mobile, occupation=occupation)
    clean = normalize_draft(draft, TODAY)
    for problem in client_problems(clean, TODAY):
        assert problem.field and problem.render().strip()
