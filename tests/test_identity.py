"""Personal identifier rules: resident ID (GB 11643), mobile, desk phone, bank card."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from wealthdesk.domain.errors import Problem
from wealthdesk.domain.identity import (
    age_on,
    bank_card_problem,
    desk_phone_problem,
    mobile_problem,
    normalize_phone,
    normalize_resident_id,
    parse_resident_id,
    resident_id_check_char,
    resident_id_problem,
)

TODAY = dt.date(2026, 11, 27)
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def with_check(first17: str) -> str:
    """A complete ID number: the check character computed as GB 11643 writes it."""
    remainder = sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True)) % 11
    return first17 + "10X98765432"[remainder]


def luhn_complete(body: str) -> str:
    """*body* plus the digit that makes the whole number pass the Luhn check."""
    for last in "0123456789":
        digits = [int(c) for c in body + last]
        total = sum(digits[-1::-2]) + sum(sum(divmod(2 * d, 10)) for d in digits[-2::-2])
        if total % 10 == 0:
            return body + last
    raise AssertionError("unreachable")


# ---------------------------------------------------------------- resident ID


@pytest.mark.parametrize(
    "number", ["11010519491231002X", "360426199101010071", "440524188001010014"]
)
def test_published_examples_are_valid_resident_ids(number):
    assert resident_id_problem(number, TODAY) is None


def test_check_character_is_x_when_the_remainder_is_two():
    assert resident_id_check_char("11010519491231002") == "X"
    assert with_check("11010519491231002") == "11010519491231002X"


def test_lowercase_x_and_separators_are_accepted_and_normalised():
    assert resident_id_problem("110105 19491231 002x", TODAY) is None
    assert normalize_resident_id("110105-19491231-002x") == "11010519491231002X"


def test_full_width_digits_from_an_input_method_are_read_as_ascii():
    typed = "１１０１０５１９４９１２３１００２Ｘ"
    assert resident_id_problem(typed, TODAY) is None
    assert normalize_resident_id(typed) == "11010519491231002X"


def test_digits_of_other_scripts_are_not_an_id_number():
    arabic_indic = "١١٠١٠٥١٩٤٩١٢٣١٠٠٢X"
    assert resident_id_problem(arabic_indic, TODAY) is not None


def test_wrong_check_character_names_the_expected_one():
    problem = resident_id_problem("110105194912310021", TODAY)
    assert problem is not None and problem.field == "id_number"
    assert "it should be X, not 1" in problem.render()


@pytest.mark.parametrize(
    ("date", "shown"),
    [
        ("19990230", "1999-02-30"),
        ("19991301", "1999-13-01"),
        ("19990100", "1999-01-00"),
        ("19000229", "1900-02-29"),  # 1900 was not a leap year
    ],
)
def test_impossible_birth_dates_are_refused(date, shown):
    problem = resident_id_problem(with_check(f"110105{date}123"), TODAY)
    assert problem is not None
    assert "impossible birth date" in problem.render()
    assert shown in problem.render()


def test_29_february_of_a_leap_year_is_a_real_birthday():
    assert resident_id_problem(with_check("11010520000229123"), TODAY) is None


def test_birth_date_after_today_is_refused_and_today_is_not():
    tomorrow = with_check("11010520261128123")
    problem = resident_id_problem(tomorrow, today=TODAY)
    assert problem is not None and "future" in problem.render()
    assert "2026-11-28" in problem.render()
    assert resident_id_problem(with_check("11010520261127123"), today=TODAY) is None


@pytest.mark.parametrize(
    ("number", "count"),
    [
        ("1101051949123100", 16),
        ("11010519491231002", 17),
        ("11010519491231002X1", 19),
        ("110105491231002", 15),  # the old 15-digit form is not accepted
        ("", 0),
    ],
)
def test_wrong_length_says_how_many_characters_there_are(number, count):
    problem = resident_id_problem(number, TODAY)
    assert problem is not None
    assert f"it has {count}" in problem.render()


@pytest.mark.parametrize(
    "number",
    ["11010519491231002A", "1101051949123100X2", "11010519491231O02X", "张1010519491231002X"],
)
def test_letters_other_than_a_final_x_are_refused(number):
    problem = resident_id_problem(number, TODAY)
    assert problem is not None
    assert "17 digits followed by a digit or X" in problem.render()


def test_birth_date_and_gender_come_from_the_id_number():
    female = parse_resident_id("11010519491231002X", TODAY)
    assert female.birth_date == dt.date(1949, 12, 31)
    assert female.gender == "F"  # sequence 002: even
    assert female.area == "110105"
    male = parse_resident_id("360426199101010071", TODAY)
    assert male.birth_date == dt.date(1991, 1, 1)
    assert male.gender == "M"  # sequence 007: odd


def test_parsing_an_invalid_id_raises_with_the_reason():
    with pytest.raises(ValueError, match="check character"):
        parse_resident_id("110105194912310021", TODAY)


ASCII_DIGITS = st.sampled_from("0123456789")


@st.composite
def resident_ids(draw):
    # Real GB/T 2260 codes, past ones too (unknown codes are refused on their own).
    area = draw(st.sampled_from(("110105", "110111", "110103", "360426", "440305", "810000")))
    birth = draw(st.dates(min_value=dt.date(1900, 1, 1), max_value=TODAY))
    sequence = draw(st.integers(0, 999))
    return with_check(f"{area}{birth:%Y%m%d}{sequence:03d}")


@given(resident_ids())
def test_every_well_formed_id_is_accepted_and_tells_birth_and_gender(number):
    assert resident_id_problem(number, TODAY) is None
    info = parse_resident_id(number, TODAY)
    assert info.birth_date.strftime("%Y%m%d") == number[6:14]
    assert info.gender == ("M" if int(number[16]) % 2 else "F")


@given(resident_ids(), st.integers(0, 17), st.sampled_from("0123456789X"))
def test_any_single_wrong_character_is_caught(number, position, replacement):
    typo = number[:position] + replacement + number[position + 1 :]
    if typo != number:
        assert resident_id_problem(typo, TODAY) is not None


def _assert_refusal_explains(problem: Problem | None) -> None:
    assert isinstance(problem, Problem)
    assert problem.render().strip()


@given(st.text())
@example("１１０１０５１９４９１２３１００２Ｘ")
@example("١١٠١٠٥١٩٤٩١٢٣١٠٠٢X")
@example("\x00" * 18)
def test_resident_id_check_never_crashes_and_accepts_only_true_ids(text):
    problem = resident_id_problem(text, TODAY)
    if problem is None:
        number = normalize_resident_id(text)
        assert re.fullmatch(r"[0-9]{17}[0-9X]", number)
        assert with_check(number[:17]) == number
    else:
        _assert_refusal_explains(problem)


@given(st.text(alphabet=st.characters(categories=["L", "P", "S"]), min_size=1))
def test_resident_id_garbage_is_refused_with_a_reason(text):
    _assert_refusal_explains(resident_id_problem(text, TODAY))


# ---------------------------------------------------------------- mobile


@pytest.mark.parametrize(
    "number", ["13812345678", "14512345678", "16612345678", "17712345678", "19912345678"]
)
def test_every_mobile_range_from_13_to_19_is_accepted(number):
    assert mobile_problem(number) is None


@pytest.mark.parametrize(
    "typed",
    [
        "+86 138 1234 5678",
        "+86-13812345678",
        "008613812345678",
        "138-1234-5678",
        "１３８１２３４５６７８",
    ],
)
def test_country_code_spaces_and_dashes_are_dropped(typed):
    assert mobile_problem(typed) is None
    assert normalize_phone(typed) == "13812345678"


@pytest.mark.parametrize(
    ("number", "says"),
    [
        ("12812345678", "starts with 13 to 19"),
        ("10012345678", "starts with 13 to 19"),
        ("1381234567", "this has 10"),
        ("138123456789", "this has 12"),
        ("138abc45678", "only digits"),
        ("+44 7700 900123", "only digits"),
    ],
)
def test_a_wrong_mobile_says_what_is_wrong(number, says):
    problem = mobile_problem(number)
    assert problem is not None and problem.field == "mobile"
    assert says in problem.render()


@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True))
def test_no_mobile_number_in_the_allowed_ranges_is_refused(number):
    assert mobile_problem(number) is None


@given(st.text())
@example("١٣٨١٢٣٤٥٦٧٨")
def test_mobile_check_never_crashes_and_accepts_only_mobiles(text):
    problem = mobile_problem(text)
    if problem is None:
        assert re.fullmatch(r"1[3-9][0-9]{9}", normalize_phone(text))
    else:
        _assert_refusal_explains(problem)


# ---------------------------------------------------------------- desk phone


@pytest.mark.parametrize(
    "phone",
    [
        "0571-88888888",
        "057188888888",
        "010-12345678",
        "0571-88888888-123",
        "0571-88888888转123",
        "0571-88888888#8",
        "0571 8888 8888",
        "13812345678",
    ],
)
def test_desk_phone_may_be_a_landline_with_extension_or_a_mobile(phone):
    assert desk_phone_problem(phone) is None


@pytest.mark.parametrize(
    "phone", ["88888888", "0571-888", "571-88888888", "0571-88888888-1234567", "hotline"]
)
def test_desk_phone_without_area_code_or_with_nonsense_is_refused(phone):
    problem = desk_phone_problem(phone)
    assert problem is not None and problem.field == "desk_phone"
    assert "0571-88888888" in problem.render()


@given(st.text())
def test_desk_phone_check_never_crashes(text):
    problem = desk_phone_problem(text)
    if problem is not None:
        _assert_refusal_explains(problem)


# ---------------------------------------------------------------- bank card


@pytest.mark.parametrize(
    "card",
    [
        "4222222222222",
        "4111111111111111",
        "4111 1111 1111 1111",
        luhn_complete("622848040256489001"),
    ],
)
def test_bank_cards_of_13_to_19_digits_passing_luhn_are_accepted(card):
    assert bank_card_problem(card) is None


def test_a_card_with_a_mistyped_digit_fails_luhn():
    problem = bank_card_problem("4111111111111112")
    assert problem is not None and "Luhn" in problem.render()


@pytest.mark.parametrize(
    "card", ["411111111111", luhn_complete("6228480402564890012"), "4111-abcd", ""]
)
def test_a_card_number_of_the_wrong_length_is_refused(card):
    problem = bank_card_problem(card)
    assert problem is not None and "13 to 19 digits" in problem.render()


@given(st.text(alphabet="0123456789", min_size=12, max_size=18), st.data())
def test_every_single_digit_change_to_a_card_is_caught(body, data):
    card = luhn_complete(body)
    assert bank_card_problem(card) is None
    position = data.draw(st.integers(0, len(card) - 1))
    digit = data.draw(st.sampled_from("0123456789").filter(lambda d: d != card[position]))
    assert bank_card_problem(card[:position] + digit + card[position + 1 :]) is not None


@given(st.text())
def test_bank_card_check_never_crashes_and_accepts_only_card_numbers(text):
    problem = bank_card_problem(text)
    if problem is None:
        digits = re.sub(r"[\s\-]", "", text)
        assert re.fullmatch(r"[0-9]{13,19}", digits)
    else:
        _assert_refusal_explains(problem)


# ---------------------------------------------------------------- age


def test_age_counts_completed_years():
    assert age_on(dt.date(1960, 11, 28), TODAY) == 65
    assert age_on(dt.date(1960, 11, 27), TODAY) == 66


def test_a_29_february_birthday_counts_on_1_march_in_other_years():
    born = dt.date(2000, 2, 29)
    assert age_on(born, dt.date(2026, 2, 28)) == 25
    assert age_on(born, dt.date(2026, 3, 1)) == 26
