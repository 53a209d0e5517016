"""Client search by name fragment, pinyin, initials and number tails, as index keys.

Every client is stored with a few short keys; a query becomes a handful of key-prefix
ranges, so a search reads only an index, however many clients there are:

- ``n`` + every suffix of the name: a name fragment ``伟`` is a prefix of ``伟``;
- ``p`` + the pinyin from every syllable on: ``zhangwei``, ``wei``;
- ``i`` + the initials: ``zw``;
- ``m`` + the mobile reversed, ``d`` + the ID number reversed: the last digits typed
  are a prefix of the reversed number.
"""

from __future__ import annotations

import re
import unicodedata

from .pinyin import HAN_CHARS, NamePinyin

MIN_TAIL_DIGITS = 4
_MAX_NAME_SUFFIXES = 12
KEY_END = chr(0x10FFFF)
_DIGITS = re.compile(r"^\d+[xX]?$", re.ASCII)
# A number as it is pasted or read out: 151-1259-7620, 151 1259 7620, +86 151 1259 7620,
# an ID tail 1231 002X.
_WRITTEN_NUMBER = re.compile(r"^(?:\+86)?[\d\s\-‐‑‒–—]*\d[\d\s\-‐‑‒–—]*[xX]?$")
_NUMBER_SEPARATORS = re.compile(r"[\s\-‐‑‒–—]")
_MOBILE_DIGITS = 11
_LETTERS = re.compile(r"^[A-Za-z][A-Za-z ']*$")
_CJK = re.compile(f"[{HAN_CHARS}]")


def client_search_keys(
    name: str, pinyin: NamePinyin, mobile: str = "", id_number: str = ""
) -> set[str]:
    keys: set[str] = set()
    compact = "".join(name.split())
    for i in range(min(len(compact), _MAX_NAME_SUFFIXES)):
        keys.add("n" + compact[i:].lower())
    syllables = pinyin.syllables
    for i in range(len(syllables)):
        keys.add("p" + "".join(syllables[i:]))
    if pinyin.initials:
        keys.add("i" + pinyin.initials)
    if mobile:
        keys.add("m" + mobile[::-1])
    if id_number:
        keys.add("d" + id_number.upper()[::-1])
    return keys


def query_prefixes(query: str) -> list[str]:
    """The key prefixes a typed query stands for; empty when it is too short to search."""
    text = _typed(query)
    if not text:
        return []
    digits = _number(text)
    if digits is not None:
        if len(digits) < MIN_TAIL_DIGITS:
            return []
        tail = digits.upper()[::-1]
        return ["m" + tail, "d" + tail]
    if _LETTERS.match(text):
        letters = re.sub(r"[ ']", "", text.lower())
        return ["p" + letters, "i" + letters, "n" + letters]
    if _CJK.search(text):
        return ["n" + "".join(text.split()).lower()]
    return []


def needs_more_digits(query: str) -> bool:
    """True for a number too short to search (fewer than four digits)."""
    digits = _number(_typed(query))
    return digits is not None and len(digits) < MIN_TAIL_DIGITS


def _number(text: str) -> str | None:
    """The digits (and a final X) of a typed or pasted number, without its spaces,
    dashes and country code; None when *text* is not a number."""
    if not _WRITTEN_NUMBER.match(text):
        return None
    digits = _NUMBER_SEPARATORS.sub("", text)
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("0086") and len(digits) == 4 + _MOBILE_DIGITS:
        digits = digits[4:]  # 0086 before a whole mobile number, never an ID's tail
    return digits if _DIGITS.match(digits) else None


def _typed(query: str) -> str:
    """The query as ASCII where an input method typed full-width (１３８, ｚｗ)."""
    return unicodedata.normalize("NFKC", query or "").strip()
