"""How identifiers look in lists, on screen and in documents (domain/masking.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wealthdesk.domain.masking import mask_card, mask_mobile, mask_name, mask_resident_id


def test_mobile_shows_the_first_three_and_last_four_digits():
    assert mask_mobile("13812345678") == "138****5678"


def test_resident_id_shows_the_area_and_the_last_four():
    assert mask_resident_id("11010519491231002X") == "110105********002X"
    assert mask_resident_id("360426199101010071") == "360426********0071"


@pytest.mark.parametrize(
    ("card", "masked"),
    [
        ("6228480402564890018", "622848*********0018"),
        ("6222021234567896", "622202******7896"),
        ("4222222222222", "422222***2222"),
    ],
)
def test_bank_card_shows_the_first_six_and_last_four(card, masked):
    assert mask_card(card) == masked


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("张伟", "张*"),
        ("王小明", "王**"),
        ("欧阳娜娜", "欧阳**"),
        ("尉迟恭", "尉迟*"),
        ("John Smith", "J*"),
    ],
)
def test_names_in_public_keep_only_the_surname(name, masked):
    assert mask_name(name) == masked


def test_nothing_to_mask_shows_nothing():
    assert mask_mobile(None) == mask_resident_id("") == mask_card(None) == mask_name("") == ""


def test_short_numbers_are_hidden_entirely_rather_than_half_shown():
    assert mask_mobile("12345") == "*****"
    assert mask_resident_id("1234567890") == "**********"


@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True))
def test_a_masked_mobile_never_shows_the_middle_four_digits(number):
    masked = mask_mobile(number)
    assert len(masked) == 11
    assert masked[3:7] == "****"
    assert masked[:3] + masked[7:] == number[:3] + number[7:]


@given(st.from_regex(r"[0-9]{17}[0-9X]", fullmatch=True))
def test_a_masked_id_never_shows_the_birth_date(number):
    masked = mask_resident_id(number)
    assert masked == number[:6] + "*" * 8 + number[-4:]
    assert number[6:14] not in masked[6:]
