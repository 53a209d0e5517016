"""Pinyin of names (surnames read as surnames) and the search keys built from it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wealthdesk.domain.pinyin import name_pinyin, split_surname
from wealthdesk.domain.search import (
    client_search_keys,
    needs_more_digits,
    query_prefixes,
)


@pytest.mark.parametrize(
    ("name", "full", "initials"),
    [
        ("张伟", "zhangwei", "zw"),
        ("单田芳", "shantianfang", "stf"),
        ("曾国藩", "zengguofan", "zgf"),
        ("解缙", "xiejin", "xj"),
        ("仇英", "qiuying", "qy"),
        ("区永", "ouyong", "oy"),
        ("查良镛", "zhaliangyong", "zly"),
        ("朴槿惠", "piaojinhui", "pjh"),
        ("尉迟恭", "yuchigong", "ycg"),
        ("欧阳娜娜", "ouyangnana", "oynn"),
        ("长孙无忌", "zhangsunwuji", "zswj"),
        ("单于丹", "chanyudan", "cyd"),
    ],
)
def test_surnames_are_read_as_surnames(name, full, initials):
    pinyin = name_pinyin(name)
    assert (pinyin.full, pinyin.initials) == (full, initials)


def test_the_same_characters_keep_their_ordinary_reading_in_a_given_name():
    assert name_pinyin("李单").full == "lidan"
    assert name_pinyin("李曾").full == "liceng"


def test_latin_names_are_their_own_pinyin():
    pinyin = name_pinyin("Zhang Wei")
    assert (pinyin.full, pinyin.initials) == ("zhangwei", "zw")


def test_compound_surnames_are_split_off_whole():
    assert split_surname("欧阳娜娜") == ("欧阳", "娜娜")
    assert split_surname("司马光") == ("司马", "光")
    assert split_surname("张伟") == ("张", "伟")


@settings(deadline=None)  # the first call loads pypinyin's dictionaries
@given(st.text())
def test_pinyin_of_any_text_is_lowercase_letters(text):
    pinyin = name_pinyin(text)
    assert all(s.isascii() and s.isalpha() and s.islower() for s in pinyin.syllables)
    assert len(pinyin.initials) == len(pinyin.syllables)


# ---------------------------------------------------------------- search keys


def finds(query: str, name: str, mobile: str = "", id_number: str = "") -> bool:
    """Whether a client with these details is found by *query*, as the index answers it."""
    keys = client_search_keys(name, name_pinyin(name), mobile, id_number)
    return any(key.startswith(prefix) for prefix in query_prefixes(query) for key in keys)


ZHANG_WEI = ("张伟", "13812345678", "11010519491231002X")


@pytest.mark.parametrize(
    "query",
    [
        "张伟",
        "张",
        "伟",
        "zhangwei",
        "zhang",
        "wei",
        "zw",
        "z",
        "ZW",
        "zhang wei",
        "5678",
        "12345678",
        "13812345678",
        "002X",
        "002x",
        "1231002X",
    ],
)
def test_a_client_is_found_by_name_pinyin_initials_and_number_tails(query):
    assert finds(query, *ZHANG_WEI)


@pytest.mark.parametrize("query", ["李", "wang", "zx", "1234", "1381", "0021", "伟张"])
def test_a_client_is_not_found_by_what_does_not_match(query):
    assert not finds(query, *ZHANG_WEI)


@pytest.mark.parametrize("query", ["５６７８", "ｚｗ", "００２Ｘ"])
def test_full_width_input_finds_the_same_clients(query):
    assert finds(query, *ZHANG_WEI)


def test_a_fragment_in_the_middle_of_a_long_name_is_found():
    assert finds("古丽", "阿依古丽·买买提")


def test_a_rare_character_name_is_found_by_that_character():
    assert finds("𠮷", "𠮷野家")


def test_three_digits_are_not_searched_but_say_more_are_needed():
    assert query_prefixes("567") == []
    assert needs_more_digits("567")
    assert not needs_more_digits("5678")
    assert not needs_more_digits("张")
    assert not needs_more_digits("")


def test_blank_and_punctuation_queries_search_nothing():
    assert query_prefixes("") == query_prefixes("   ") == query_prefixes("!?") == []


LI_NA = ("李娜", "15112597620", "360426199101010071")


@pytest.mark.parametrize(
    "query",
    [
        "151-1259-7620",
        "151 1259 7620",
        "+86 151 1259 7620",
        "+86-151-1259-7620",
        "+8615112597620",
        "0086 151 1259 7620",
        "１５１－１２５９－７６２０",
        "1259-7620",
        " 7620 ",
        "0101 0071",
        "19910101-0071",
    ],
)
def test_a_pasted_number_with_spaces_dashes_or_country_code_finds_the_client(query):
    assert finds(query, *LI_NA)


def test_an_id_tail_with_spaces_and_x_finds_the_client():
    assert finds("1231 002x", *ZHANG_WEI)
    assert finds("1949 1231 002X", *ZHANG_WEI)


def test_a_short_number_with_separators_still_asks_for_more_digits():
    assert query_prefixes("1-2 3") == []
    assert needs_more_digits("1-2 3")
    assert not finds("+86 151", *LI_NA)


def test_the_given_name_is_read_on_its_own_not_as_a_phrase_with_the_surname():
    # 王朝 is the word "dynasty" (wang chao); as a name 王朝阳 is Wang Zhaoyang.
    assert name_pinyin("王朝阳").full == "wangzhaoyang"
    assert name_pinyin("王朝阳").initials == "wzy"
