"""Client search by name fragment, pinyin, initials and number tails, as index keys.

Every client is stored with a few short keys; a query becomes a handful of key-prefix
ranges, so a search reads only an index, however many clients there are:

- ``n`` + every suffix of the name: a name fragment ``伟`` is a prefix of ``伟``;
- ``p`` + the pinyin from every syllable on: ``zhangwei``, ``wei``;
- ``i`` + the initials: ``zw``;
- ``m`` + the mobile reversed, ``d`` + the ID number reversed: the last digits typed
  are a prefix of the reversed number;
- ``h`` + a digest of another identity document's number (a passport, a residence
  permit, a permanent residence ID): found only when the whole number is typed (case,
  spaces and dashes ignored), never by a part of it, and the number itself is not
  written into the index (issue 19).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from .identity import normalize_document_number
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
# A whole document number as typed: letters and digits, at least one digit, 5 to 18 of
# them (a passport's 5 to 17, the residence permits' 15 or 18).
_DOCUMENT_NUMBER = re.compile(r"^(?=.*\d)[A-Z0-9]{5,18}$", re.ASCII)
_DIGEST_TAG = b"wealthdesk identity document v1\x00"
_DIGEST_HEX = 32


def document_number_key(number: str) -> str:
    """The index key of a document's number (as stored: normalised); the digest, never
    the number, so the index holds no clear document number."""
    digest = hashlib.sha256(_DIGEST_TAG + number.encode("utf-8")).hexdigest()
    return "h" + digest[:_DIGEST_HEX]


def client_search_keys(
    name: str,
    pinyin: NamePinyin,
    mobile: str = "",
    id_number: str = "",
    doc_number: str = "",
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
    if doc_number:
        keys.add(document_number_key(doc_number))
    return keys


def query_prefixes(query: str) -> list[str]:
    """The key prefixes a typed query stands for; empty when it is too short to search."""
    text = _typed(query)
    if not text:
        return []
    document = _document_number(text)
    whole = [document_number_key(document)] if document else []
    digits = _number(text)
    if digits is not None:
        if len(digits) < MIN_TAIL_DIGITS:
            return []
        tail = digits.upper()[::-1]
        return ["m" + tail, "d" + tail, *whole]
    if whole:
        return whole
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


def _document_number(text: str) -> str | None:
    """*text* as a whole document number would be stored (upper case, without spaces and
    dashes), or None when it cannot be one."""
    number = normalize_document_number(_NUMBER_SEPARATORS.sub("", text))
    return number if _DOCUMENT_NUMBER.match(number) else None


def _typed(query: str) -> str:
    """The query as ASCII where an input method typed full-width (１３８, ｚｗ)."""
    return unicodedata.normalize("NFKC", query or "").strip()
