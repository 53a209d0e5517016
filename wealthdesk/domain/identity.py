"""Personal identifiers: resident ID (GB 11643) and its area code (GB/T 2260), the
client's identity document and its expiry, mobile, desk landline and bank card."""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass

from .errors import QT_TRANSLATE_NOOP, Problem

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
# re.ASCII: \d would otherwise accept any script's digits (١٢٣), which int() reads as
# numbers, so such an ID would pass its checksum yet never match the same ID typed in ASCII.
_ID_SHAPE = re.compile(r"^\d{17}[\dX]$", re.ASCII)
_MOBILE = re.compile(r"^1[3-9]\d{9}$", re.ASCII)
# Desk landlines: area code, number, optional extension (0571-88888888, 010-12345678-123).
_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}(?:[-#转]\d{1,6})?$", re.ASCII)
_SEPARATORS = re.compile(r"[\s\-]")
# Characters that show nothing (Unicode's format characters: a byte-order mark U+FEFF
# pasted from a file, zero-width spaces and joiners, soft hyphens, direction marks).
# Inside an identifier they are noise a person cannot see, so they are dropped.
_INVISIBLE = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000e0001\U000e0020-\U000e007f]"
)


def _halfwidth(text: str) -> str:
    """Full-width digits, letters and signs (a Chinese input method's １３８, Ｘ, ＋) as
    ASCII, without the invisible characters (a BOM or zero-width space in a pasted ID)."""
    return _INVISIBLE.sub("", unicodedata.normalize("NFKC", text or ""))


class Gender:
    MALE = "M"
    FEMALE = "F"


@dataclass(frozen=True)
class ResidentId:
    """A valid 18-character resident ID and what it tells about its holder."""

    number: str
    area: str
    birth_date: dt.date
    gender: str


def normalize_resident_id(text: str) -> str:
    return _SEPARATORS.sub("", _halfwidth(text)).upper()


def resident_id_check_char(first17: str) -> str:
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


@functools.lru_cache(maxsize=4096)  # a draft is checked several times on its way in
def resident_id_problem(
    text: str, today: dt.date | None = None, field: str = "id_number"
) -> Problem | None:
    """Why *text* is not a valid resident ID, or None when it is."""
    number = normalize_resident_id(text)
    if len(number) != 18:
        return Problem(
            field,
            QT_TRANSLATE_NOOP("domain", "The ID number must have 18 characters (it has {count})."),
            {"count": len(number)},
        )
    if not _ID_SHAPE.match(number):
        return Problem(
            field,
            QT_TRANSLATE_NOOP(
                "domain", "The ID number must be 17 digits followed by a digit or X."
            ),
        )
    try:
        birth = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return Problem(
            field,
            QT_TRANSLATE_NOOP("domain", "The ID number holds an impossible birth date {date}."),
            {"date": f"{number[6:10]}-{number[10:12]}-{number[12:14]}"},
        )
    today = today or dt.date.today()
    if birth > today:
        return Problem(
            field,
            QT_TRANSLATE_NOOP("domain", "The ID number holds a birth date in the future ({date})."),
            {"date": birth.isoformat()},
        )
    if birth.year < 1880:
        return Problem(
            field,
            QT_TRANSLATE_NOOP("domain", "The ID number holds an implausible birth year {year}."),
            {"year": birth.year},
        )
    expected = resident_id_check_char(number[:17])
    if number[17] != expected:
        return Problem(
            field,
            QT_TRANSLATE_NOOP(
                "domain",
                "The ID number's check character is wrong: it should be {expected}, not {actual}.",
            ),
            {"expected": expected, "actual": number[17]},
        )
    if not area_code_exists(number[:6]):
        return Problem(
            field,
            QT_TRANSLATE_NOOP(
                "domain",
                "The ID number's area code {area} is no administrative division code "
                "(GB/T 2260), now or in the past.",
            ),
            {"area": number[:6]},
        )
    return None


# The codes of the HK, Macao and Taiwan residents' residence permits (港澳台居民居住证,
# GB 11643 numbers since 2018): no county list holds them.
RESIDENCE_PERMIT_AREAS = frozenset({"810000", "820000", "830000"})


@functools.cache
def _division_codes():
    from stdnum import numdb  # python-stdnum's list of GB/T 2260 codes, past ones too

    return numdb.get("cn/loc")


@functools.lru_cache(maxsize=8192)
def area_code_exists(area: str) -> bool:
    """Is *area* (6 digits) a county-level code that exists or existed in GB/T 2260.

    Any year counts: the code is the place of registration when the card was issued,
    not at birth, so someone born in 1980 holds 110111 (房山区, created 1986).
    ``stdnum.cn.ric.validate`` checks the code in the birth year and refuses such a
    person; we only look the code up (python-stdnum's list marks each code's years)."""
    if area in RESIDENCE_PERMIT_AREAS:
        return True
    parts = _division_codes().info(area)
    return len(parts) == 2 and "county" in parts[1][1]


def parse_resident_id(text: str, today: dt.date | None = None) -> ResidentId:
    """The holder's data; call only on a number without a problem."""
    problem = resident_id_problem(text, today)
    if problem:
        raise ValueError(problem.render())
    number = normalize_resident_id(text)
    birth = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    gender = Gender.MALE if int(number[16]) % 2 == 1 else Gender.FEMALE
    return ResidentId(number=number, area=number[:6], birth_date=birth, gender=gender)


# ---------------------------------------------------------------- the document's number
# The number of the identity document a client shows, checked by that document's own
# rule. The kinds are IdDocType's values (domain/client.py builds on this module).
DOC_RESIDENT_ID = "resident_id"
DOC_RESIDENCE_PERMIT = "residence_permit"
DOC_PERMANENT_RESIDENCE = "permanent_resid"
DOC_PASSPORT = "passport"
DOC_NUMBER_MAX = 32  # the column's width; no rule below allows more than 18
PASSPORT_MIN, PASSPORT_MAX = 5, 17
_PR_2017 = re.compile(r"^[A-Z]{3}\d{12}$", re.ASCII)
_PR_2023 = re.compile(r"^9\d{16}[\dX]$", re.ASCII)
_LETTERS_AND_DIGITS = re.compile(r"^[A-Z0-9]+$", re.ASCII)
# What is typed where no passport number is at hand: never one.
PASSPORT_PLACEHOLDERS = frozenset(
    {"NONE", "NULL", "UNKNOWN", "TEST", "TESTS", "TODO", "PASSPORT", "NOPASSPORT", "HUZHAO"}
)
_ASCENDING = "0123456789" * 3
_DESCENDING = "9876543210" * 3


@dataclass(frozen=True)
class StoredDocument:
    """An identity document as it is stored, already checked: its type (an IdDocType
    value), its number when it is not a resident ID's (that one is the client's ID
    number), and its expiry (None: long-term or not on record)."""

    doc_type: str
    number: str | None = None
    expiry: dt.date | None = None


def normalize_document_number(text: str) -> str:
    """As typed or pasted (full-width, lower case, spaces, dashes) → as printed."""
    return _SEPARATORS.sub("", _halfwidth(text)).upper()


def is_placeholder_number(number: str) -> bool:
    """``00000``, ``XXXXXXX``, ``123456``, ``NONE``: typed where no number is at hand."""
    if number in PASSPORT_PLACEHOLDERS or len(set(number)) == 1:
        return True
    return number.isdigit() and (number in _ASCENDING or number in _DESCENDING)


def document_number_problem(
    kind: str, text: str, today: dt.date | None = None, field: str = "id_doc_number"
) -> Problem | None:
    """Why *text* is not the number of a document of *kind* (an IdDocType value), or None.

    - resident ID (《居民身份证法》, GB 11643): :func:`resident_id_problem`, and an area
      that is not one of the residence permits';
    - residence permit for HK, Macao and Taiwan residents (《港澳台居民居住证申领发放办法》,
      2018): a 公民身份号码 of 18 characters whose area is 810000 (Hong Kong), 820000
      (Macao) or 830000 (Taiwan), with its check character;
    - foreigner's permanent residence ID (国家移民管理局, 新版外国人永久居留身份证机读信息
      规则, 2023版): the 2017 card's 15 characters (3 letters, 12 digits), or the 2023
      card's 18 (17 digits starting with 9, and the check character of ISO 7064 MOD 11-2);
    - passport: 5 to 17 letters and digits, not a placeholder.
    """
    number = normalize_document_number(text)
    if not number:
        return Problem(field, QT_TRANSLATE_NOOP("domain", "Enter the document's number."))
    if kind == DOC_RESIDENT_ID:
        problem = resident_id_problem(number, today, field)
        if problem is None and number[:6] in RESIDENCE_PERMIT_AREAS:
            return Problem(
                field,
                QT_TRANSLATE_NOOP(
                    "domain",
                    "This number (area {area}) is a residence permit's, not a resident ID's: "
                    "choose the residence permit for HK, Macao and Taiwan residents.",
                ),
                {"area": number[:6]},
            )
        return problem
    if kind == DOC_RESIDENCE_PERMIT:
        if _ID_SHAPE.match(number) and number[:6] not in RESIDENCE_PERMIT_AREAS:
            return Problem(
                field,
                QT_TRANSLATE_NOOP(
                    "domain",
                    "A residence permit's number starts with 810000 (Hong Kong), 820000 "
                    "(Macao) or 830000 (Taiwan).",
                ),
            )
        return resident_id_problem(number, today, field)
    if kind == DOC_PERMANENT_RESIDENCE:
        return _permanent_residence_problem(number, field)
    if kind == DOC_PASSPORT:
        return _passport_problem(number, field)
    raise ValueError(kind)


def _permanent_residence_problem(number: str, field: str) -> Problem | None:
    if len(number) == 15:
        if _PR_2017.match(number):
            return None
        return Problem(
            field,
            QT_TRANSLATE_NOOP(
                "domain",
                "A permanent residence ID number of 15 characters (the 2017 card) is 3 "
                "letters followed by 12 digits.",
            ),
        )
    if len(number) == 18:
        if not _PR_2023.match(number):
            return Problem(
                field,
                QT_TRANSLATE_NOOP(
                    "domain",
                    "A permanent residence ID number of 18 characters (the 2023 card) starts "
                    "with 9 and is 17 digits followed by a digit or X.",
                ),
            )
        expected = resident_id_check_char(number[:17])
        if number[17] != expected:
            return Problem(
                field,
                QT_TRANSLATE_NOOP(
                    "domain",
                    "The ID number's check character is wrong: it should be {expected}, "
                    "not {actual}.",
                ),
                {"expected": expected, "actual": number[17]},
            )
        return None
    return Problem(
        field,
        QT_TRANSLATE_NOOP(
            "domain",
            "A permanent residence ID number has 15 characters (the 2017 card) or 18 (the "
            "2023 card); this has {count}.",
        ),
        {"count": len(number)},
    )


def _passport_problem(number: str, field: str) -> Problem | None:
    if not _LETTERS_AND_DIGITS.match(number):
        return Problem(
            field, QT_TRANSLATE_NOOP("domain", "A passport number has only letters and digits.")
        )
    if is_placeholder_number(number):
        return Problem(
            field,
            QT_TRANSLATE_NOOP(
                "domain",
                "“{number}” is not a passport number: type the number printed in the passport.",
            ),
            {"number": number},
        )
    if not PASSPORT_MIN <= len(number) <= PASSPORT_MAX:
        return Problem(
            field,
            QT_TRANSLATE_NOOP(
                "domain",
                "A passport number has {min} to {max} letters and digits (this has {count}).",
            ),
            {"min": PASSPORT_MIN, "max": PASSPORT_MAX, "count": len(number)},
        )
    return None


def normalize_phone(text: str) -> str:
    cleaned = _SEPARATORS.sub("", _halfwidth(text))
    if cleaned.startswith("+86"):
        cleaned = cleaned[3:]
    elif cleaned.startswith("0086"):
        cleaned = cleaned[4:]
    return cleaned


def mobile_problem(text: str, field: str = "mobile") -> Problem | None:
    """Why *text* is not a mainland mobile number (11 digits, 1[3-9]…), or None."""
    number = normalize_phone(text)
    if not number.isdigit() or not number.isascii():
        return Problem(field, QT_TRANSLATE_NOOP("domain", "A mobile number has only digits."))
    if len(number) != 11:
        return Problem(
            field,
            QT_TRANSLATE_NOOP("domain", "A mobile number has 11 digits (this has {count})."),
            {"count": len(number)},
        )
    if not _MOBILE.match(number):
        return Problem(
            field,
            QT_TRANSLATE_NOOP("domain", "A mobile number starts with 13 to 19."),
        )
    return None


def desk_phone_problem(text: str, field: str = "desk_phone") -> Problem | None:
    """A desk phone may be a mobile or a landline with area code and extension."""
    raw = _halfwidth(text).strip()
    if _LANDLINE.match(raw.replace(" ", "")) or mobile_problem(raw, field) is None:
        return None
    return Problem(
        field,
        QT_TRANSLATE_NOOP(
            "domain",
            "A desk phone is a mobile number or a landline with its area code, "
            "like 0571-88888888 or 0571-88888888-123.",
        ),
    )


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def bank_card_problem(text: str, field: str = "card") -> Problem | None:
    """Why *text* is not a bank card number (13–19 digits, Luhn), or None."""
    number = _SEPARATORS.sub("", _halfwidth(text))
    if not number.isascii() or not number.isdigit() or not 13 <= len(number) <= 19:
        return Problem(
            field, QT_TRANSLATE_NOOP("domain", "A bank card number has 13 to 19 digits.")
        )
    if not luhn_ok(number):
        return Problem(
            field,
            QT_TRANSLATE_NOOP("domain", "The bank card number fails its check digit (Luhn)."),
        )
    return None


def document_problem(expiry: dt.date | None, today: dt.date) -> Problem | None:
    """Why the client's identity document cannot support a sale today: it has expired
    (its expiry day is the last valid one). An expiry not on record is not a refusal
    here: a long-term (长期) resident ID has none."""
    if expiry is not None and expiry < today:
        return Problem(
            "id_document",
            QT_TRANSLATE_NOOP(
                "domain",
                "The client's identity document expired on {date}: see the renewed document "
                "and record it before any sale.",
            ),
            {"date": expiry.isoformat()},
        )
    return None


def age_on(birth: dt.date, day: dt.date) -> int:
    """Completed years on *day*; a 29 February birthday counts on 1 March in other years."""
    years = day.year - birth.year
    if (day.month, day.day) < (birth.month, birth.day):
        years -= 1
    return years
