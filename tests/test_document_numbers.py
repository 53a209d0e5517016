"""The number of the client's identity document, checked by each document's own rule
(issue 19), and how it is masked wherever it is listed or printed."""

from __future__ import annotations

import datetime as dt

import pytest

from wealthdesk.domain.identity import (
    document_number_problem,
    normalize_document_number,
    resident_id_check_char,
)
from wealthdesk.domain.masking import mask_document_number

TODAY = dt.date(2026, 11, 27)


def with_check(first17: str) -> str:
    return first17 + resident_id_check_char(first17)


def refusal(kind: str, text: str) -> str:
    problem = document_number_problem(kind, text, TODAY)
    assert problem is not None, text
    assert problem.field == "id_doc_number"
    return problem.render()


@pytest.mark.parametrize("kind", ["resident_id", "residence_permit", "permanent_resid", "passport"])
def test_every_document_needs_its_number_when_one_is_typed(kind):
    assert refusal(kind, "  ") == "Enter the document's number."


# ---------------------------------------------------------------- resident ID


def test_resident_id_number_follows_gb_11643():
    """《中华人民共和国居民身份证法》: the card carries the 公民身份号码 (GB 11643: 18
    characters, the last a check character)."""
    assert document_number_problem("resident_id", "11010519491231002X", TODAY) is None
    assert "it should be X, not 1" in refusal("resident_id", "110105194912310021")
    assert "18 characters (it has 15)" in refusal("resident_id", "110105491231002")


def test_resident_id_number_with_a_residence_permits_area_is_sent_to_the_permit():
    """The areas 810000/820000/830000 are the residence permits' (《港澳台居民居住证申领
    发放办法》, 2018), never a resident ID's."""
    text = refusal("resident_id", with_check("81000019900101123"))
    assert "area 810000" in text and "residence permit" in text


# ---------------------------------------------------------------- residence permit


@pytest.mark.parametrize("area", ["810000", "820000", "830000"])
def test_residence_permit_number_is_gb_11643_with_the_hk_macao_or_taiwan_area(area):
    """《港澳台居民居住证申领发放办法》 (2018): the permit carries a 公民身份号码 whose
    area is 810000 (Hong Kong), 820000 (Macao) or 830000 (Taiwan)."""
    number = with_check(f"{area}19900101123")
    assert document_number_problem("residence_permit", number, TODAY) is None
    assert document_number_problem("residence_permit", number.lower(), TODAY) is None


def test_residence_permit_number_with_a_county_area_is_refused():
    text = refusal("residence_permit", "11010519491231002X")
    assert "starts with 810000 (Hong Kong), 820000 (Macao) or 830000 (Taiwan)" in text


def test_residence_permit_number_needs_its_check_character_and_a_real_birth_date():
    good = with_check("81000019900101123")
    wrong = good[:17] + ("0" if good[17] != "0" else "1")
    assert "check character is wrong" in refusal("residence_permit", wrong)
    assert "impossible birth date 1990-02-30" in refusal(
        "residence_permit", with_check("81000019900230123")
    )
    assert "18 characters (it has 17)" in refusal("residence_permit", good[:17])


# ---------------------------------------------------------------- permanent residence ID


def test_permanent_residence_id_of_the_2017_card_is_3_letters_and_12_digits():
    """国家移民管理局, 新版外国人永久居留身份证机读信息规则 (2023版): the card before
    2023 carries 15 characters, 3 Latin letters (the nationality) and 12 digits."""
    assert document_number_problem("permanent_resid", "USA110060501001", TODAY) is None
    assert document_number_problem("permanent_resid", "usa 1100 6050 1001", TODAY) is None
    assert "3 letters followed by 12 digits" in refusal("permanent_resid", "US1110060501001")
    assert "3 letters followed by 12 digits" in refusal("permanent_resid", "USA11006050100X")


def test_permanent_residence_id_of_the_2023_card_starts_with_9_and_has_its_check_character():
    """The same rule (2023版, issued from 2023-12-01): 18 characters, 17 digits and a
    check character computed as the 公民身份号码's (ISO 7064 MOD 11-2); the first digit
    is 9, which no 公民身份号码 starts with."""
    number = with_check("93184019900101123")
    assert document_number_problem("permanent_resid", number, TODAY) is None
    wrong = number[:17] + ("0" if number[17] != "0" else "1")
    assert f"it should be {number[17]}, not {wrong[17]}" in refusal("permanent_resid", wrong)
    not_nine = with_check("13184019900101123")
    assert "starts with 9" in refusal("permanent_resid", not_nine)


@pytest.mark.parametrize(("text", "count"), [("USA11006050100", 14), ("9318401990010112345", 19)])
def test_permanent_residence_id_of_another_length_is_refused_with_its_length(text, count):
    assert f"15 characters (the 2017 card) or 18 (the 2023 card); this has {count}" in refusal(
        "permanent_resid", text
    )


# ---------------------------------------------------------------- passport


@pytest.mark.parametrize("number", ["E12345678", "EA1234567", "K12345678", "123456780", "AB123"])
def test_passport_number_is_5_to_17_letters_and_digits(number):
    assert document_number_problem("passport", number, TODAY) is None


def test_passport_number_typed_with_an_input_method_is_read_as_printed():
    assert normalize_document_number("ｅ１２３ ４５６-７８") == "E12345678"
    assert document_number_problem("passport", "ｅ１２３４５６７８", TODAY) is None


@pytest.mark.parametrize(("number", "count"), [("E123", 4), ("E" + "1234567890" * 2, 21)])
def test_passport_number_shorter_than_5_or_longer_than_17_is_refused(number, count):
    assert f"5 to 17 letters and digits (this has {count})" in refusal("passport", number)


@pytest.mark.parametrize("number", ["E1234/678", "护照E123456", "E12345678."])
def test_passport_number_with_other_signs_is_refused(number):
    assert refusal("passport", number) == "A passport number has only letters and digits."


@pytest.mark.parametrize(
    "number", ["00000", "XXXXXXXXX", "123456789", "98765", "none", "UNKNOWN", "passport"]
)
def test_passport_number_placeholder_is_refused(number):
    assert "is not a passport number" in refusal("passport", number)


# ---------------------------------------------------------------- masking


@pytest.mark.parametrize(
    ("number", "masked"),
    [
        ("11010519491231002X", "110105********002X"),  # a resident ID or a permit: as the ID
        ("USA110060501001", "USA110*****1001"),
        ("E12345678", "E1*****78"),
        ("AB123", "AB*23"),
        ("", ""),
        (None, ""),
    ],
)
def test_document_number_is_masked_keeping_no_more_than_the_id_rule(number, masked):
    assert mask_document_number(number) == masked
