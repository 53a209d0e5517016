"""The suitability gate: may this client buy this product for this amount, now?

One pure function, :func:`suitability_problems`, answers with every reason a sale is
refused (empty: it may go ahead). The form asks it as the manager types, and the sales
service asks it again inside the transaction that saves the sale; there is no override
for any of its refusals. The rules (DESIGN.md, issues 6 and 19) and where they come from:

- **The client's document**: an expired identity document refuses every sale (实名制;
  《银行保险机构消费者权益保护管理办法》(2023) on knowing the client).
- **Minimum age** (民法典 第17–20条: adults are 18; a minor of 16 or 17 who lives on their
  own labour income counts as fully capable, 第18条): a client under 18 buys only with a
  guardian recorded for the sale, or, at 16–17, with the proof of their own labour income
  noted. An investment product needs the birth date on record: a resident ID's number
  gives it; for a residence permit, permanent residence ID or passport it is the birth
  date recorded in the client's profile.
- **Every investment product is rated** (wealth products, funds, investment-type
  insurance, structured deposits, precious metals, private products): an unrated one is
  not sold; only pure deposits, cards and loans may be unrated.
- A product rated Rn may be sold to a client of risk level Cn or above (C3 buys R1–R3),
  on a valid assessment: none, or one whose ``valid_until`` is before today, refuses.
  (《商业银行理财业务监督管理办法》(2018) and 《理财公司理财产品销售管理暂行办法》(2021).)
- **Private (私募) products** only to a qualified investor with a valid record
  (《关于规范金融机构资产管理业务的指导意见》(2018) 第五条, ``domain/investor.py``).
- **Clients aged 65 or over** (on the day of the sale, birthday included): a warning from
  R3 (:func:`elderly_warning`, shown, not a refusal); R4 or R5 needs the client's explicit
  confirmation, saved with the sale (a client whose birth date is not on record is
  treated alike); a single sale above a share of the client's recorded assets needs a
  second confirmation.
- The amount is at least the product's minimum (a bank card is sold without one).
- **双录**: a wealth or intermediary product, or a structured deposit, sold in the branch
  needs the reference of its audio-video recording, in the format the bank sets (by
  default at least 8 letters and digits); placeholders ("-", "无") are refused.
- **Who sells**: a wealth product, a fund or an insurance only by a manager holding the
  family's sales qualification on the day.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping

from .client import ProductFamily
from .errors import QT_TRANSLATE_NOOP, Phrase, Problem
from .identity import age_on, document_problem
from .investor import qualified_investor_problem
from .product import (
    AMOUNT_MAX_FEN,
    RECORDED_FAMILIES,
    format_fen,
    is_structured_deposit,
    needs_rating,
    qualification_for,
)

ELDERLY_AGE = 65
ELDERLY_RATINGS = frozenset({4, 5})
ELDERLY_WARNING_FROM = 3
ADULT_AGE = 18
OWN_INCOME_AGE = 16  # 民法典 第18条
RECORDING_REF_MAX = 64  # the Sale column's width
DEFAULT_RECORDING_PATTERN = r"[A-Za-z0-9]{8,64}"
DEFAULT_LARGE_SALE_PERCENT = 30
GUARDIAN_MAX = 80
# What a manager types when there is no reference: never one.
RECORDING_PLACEHOLDERS = frozenset(
    {"-", "--", "—", "——", "/", "无", "暂无", "没有", "待补", "补录", "后补", "略", "n/a", "na"}
    | {"none", "null", "nil", "test", "tbd", "todo", "xxx", "0", "000"}
)
# The manager's sales qualifications: family → (first valid day, last valid day).
Qualifications = Mapping[str, tuple[dt.date, dt.date]]

_NO_ASSESSMENT = QT_TRANSLATE_NOOP(
    "domain", "The client has no risk assessment: a rated product is sold only after one."
)
_EXPIRED = QT_TRANSLATE_NOOP(
    "domain",
    "The client's risk assessment expired on {date}: assess the client again before "
    "selling a rated product.",
)
_ABOVE_LEVEL = QT_TRANSLATE_NOOP(
    "domain",
    "The product is rated R{rating}, above the client's risk level C{level}: a C{level} "
    "client may buy products rated up to R{level}.",
)
_ELDERLY = QT_TRANSLATE_NOOP(
    "domain",
    "The client is {age}: a product rated R{rating} needs the client's explicit "
    "confirmation, recorded with the sale.",
)
_AGE_UNKNOWN = QT_TRANSLATE_NOOP(
    "domain",
    "The client's birth date is not on record: a product rated R{rating} needs the "
    "client's explicit confirmation, as for a client aged 65 or over.",
)
_NO_AMOUNT = QT_TRANSLATE_NOOP("domain", "Enter the amount.")
_BELOW_MINIMUM = QT_TRANSLATE_NOOP("domain", "The minimum for this product is ¥{minimum}.")
_TOO_MUCH = QT_TRANSLATE_NOOP("domain", "The amount is more than {max} yuan.")
_NO_RECORDING = QT_TRANSLATE_NOOP(
    "domain",
    "A wealth or intermediary product or a structured deposit sold in the branch needs "
    "the reference of its audio-video recording (双录); without a recording it cannot be "
    "sold.",
)
_PLACEHOLDER_RECORDING = QT_TRANSLATE_NOOP(
    "domain",
    "“{ref}” is not a recording reference: type the reference of the sale's audio-video "
    "recording (双录).",
)
_BAD_RECORDING = QT_TRANSLATE_NOOP(
    "domain",
    "The recording reference “{ref}” is not in the bank's format (by default at least 8 "
    "letters and digits).",
)
_UNRATED = QT_TRANSLATE_NOOP(
    "domain",
    "This investment product has no risk rating: it is sold only once the catalogue rates "
    "it R1 to R5.",
)
_NO_BIRTH_DATE = QT_TRANSLATE_NOOP(
    "domain",
    "The client's birth date is not on record: record their identity document before "
    "selling an investment product.",
)
# A passport, a permit, a permanent residence ID: the age is the profile's birth date.
_NO_BIRTH_DATE_ON_DOCUMENT = QT_TRANSLATE_NOOP(
    "domain",
    "The client's birth date is not on record, and only a resident ID's number gives it: "
    "record the birth date shown on their document in the client's profile before "
    "selling an investment product.",
)
_MINOR = QT_TRANSLATE_NOOP(
    "domain",
    "The client is {age}, under 18: record the guardian who acts for them in this sale "
    "(民法典 第19–20条).",
)
_MINOR_16 = QT_TRANSLATE_NOOP(
    "domain",
    "The client is {age}, under 18: record the guardian who acts for them, or the proof "
    "that they live on their own labour income (民法典 第18条).",
)
_GUARDIAN_TOO_LONG = QT_TRANSLATE_NOOP("domain", "This text is longer than {max} characters.")
_LARGE_SALE = QT_TRANSLATE_NOOP(
    "domain",
    "The client is {age} and this sale is more than {percent}% of the assets on record "
    "(¥{assets}): ask the client to confirm the amount a second time.",
)
_LARGE_SALE_NO_ASSETS = QT_TRANSLATE_NOOP(
    "domain",
    "The client is {age} and no assets are on record to weigh this sale against: ask the "
    "client to confirm the amount a second time (and record their assets on the document "
    "tab).",
)
_NOT_QUALIFIED = QT_TRANSLATE_NOOP(
    "domain",
    "This desk's manager holds no sales qualification for {family}: record it in the "
    "settings, or ask a qualified colleague to sell it.",
)
_QUALIFICATION_EXPIRED = QT_TRANSLATE_NOOP(
    "domain",
    "This desk's manager's sales qualification for {family} is valid from {start} to "
    "{end}: not today.",
)
_ELDERLY_WARNING = QT_TRANSLATE_NOOP(
    "domain",
    "The client is {age}: explain the risks of a product rated R{rating} with care, and "
    "make sure they understand them.",
)
QUALIFICATION_NAMES = {
    "wealth": QT_TRANSLATE_NOOP("domain", "wealth products"),
    "fund": QT_TRANSLATE_NOOP("domain", "funds"),
    "insurance": QT_TRANSLATE_NOOP("domain", "insurance"),
}
_RECORDING_TOO_LONG = QT_TRANSLATE_NOOP(
    "domain", "The recording reference is longer than {max} characters."
)


def elderly_rule_applies(birth_date: dt.date | None, today: dt.date, rating: int | None) -> bool:
    """Does buying a product rated *rating* need the 65+ confirmation from this client."""
    if rating not in ELDERLY_RATINGS:
        return False
    return birth_date is None or age_on(birth_date, today) >= ELDERLY_AGE


def is_elderly(birth_date: dt.date | None, today: dt.date) -> bool:
    return birth_date is not None and age_on(birth_date, today) >= ELDERLY_AGE


def elderly_warning(
    birth_date: dt.date | None, today: dt.date, rating: int | None
) -> Problem | None:
    """The warning a 65+ client's sale of a product rated R3 or above shows (not a
    refusal: R4 and R5 also need the confirmation)."""
    if rating is None or rating < ELDERLY_WARNING_FROM or not is_elderly(birth_date, today):
        return None
    return Problem(
        "elderly_warning", _ELDERLY_WARNING, {"age": age_on(birth_date, today), "rating": rating}
    )


def large_sale_applies(
    birth_date: dt.date | None,
    today: dt.date,
    rating: int | None,
    amount_fen: int | None,
    assets_fen: int | None,
    share_percent: int = DEFAULT_LARGE_SALE_PERCENT,
) -> bool:
    """Is this a 65+ client's single investment above *share_percent* of their recorded
    assets (none on record: any amount is)."""
    if rating is None or not amount_fen or not is_elderly(birth_date, today):
        return False
    return amount_fen * 100 > (assets_fen or 0) * share_percent


def assessment_problem(
    client_level: int | None, valid_until: dt.date | None, today: dt.date
) -> Problem | None:
    """Why the client's assessment cannot support a rated product's sale, or None."""
    if client_level is None or valid_until is None:
        return Problem("assessment", _NO_ASSESSMENT)
    if valid_until < today:
        return Problem("assessment", _EXPIRED, {"date": valid_until.isoformat()})
    return None


@functools.lru_cache(maxsize=32)
def _pattern(pattern: str) -> re.Pattern:
    try:
        return re.compile(pattern)
    except re.error:
        return re.compile(DEFAULT_RECORDING_PATTERN)


def recording_pattern_problem(pattern: str, field: str = "recording_ref_pattern") -> Problem | None:
    """Why *pattern* (the setting) is not a usable format for recording references."""
    try:
        compiled = re.compile(pattern)
    except re.error as exc:
        return Problem(
            field,
            QT_TRANSLATE_NOOP("domain", "This is not a valid pattern: {reason}."),
            {"reason": str(exc)},
        )
    if any(compiled.fullmatch(p) for p in RECORDING_PLACEHOLDERS):
        return Problem(
            field,
            QT_TRANSLATE_NOOP(
                "domain", "This pattern lets a placeholder such as “-” or “无” through."
            ),
        )
    return None


def is_placeholder(ref: str) -> bool:
    """ "-", "无", "n/a", "00000000": typed where no reference exists."""
    folded = ref.strip().casefold()
    if folded in RECORDING_PLACEHOLDERS:
        return True
    letters = [c for c in folded if c.isalnum()]
    return not letters or len(set(letters)) == 1


def recording_ref_problem(
    ref: str, required: bool, pattern: str = DEFAULT_RECORDING_PATTERN
) -> Problem | None:
    """Why *ref* cannot be a sale's 双录 reference: missing where required, too long, a
    placeholder, or not in the bank's format."""
    ref = (ref or "").strip()
    if not ref:
        return Problem("recording_ref", _NO_RECORDING) if required else None
    if len(ref) > RECORDING_REF_MAX:
        return Problem("recording_ref", _RECORDING_TOO_LONG, {"max": RECORDING_REF_MAX})
    if is_placeholder(ref):
        return Problem("recording_ref", _PLACEHOLDER_RECORDING, {"ref": ref})
    if not _pattern(pattern or DEFAULT_RECORDING_PATTERN).fullmatch(ref):
        return Problem("recording_ref", _BAD_RECORDING, {"ref": ref})
    return None


def needs_recording(family: ProductFamily, kind: str | None, rating: int | None) -> bool:
    """Sold in the branch, does the product need its 双录 reference."""
    return family in RECORDED_FAMILIES or is_structured_deposit(family, kind, rating)


def age_problem(
    birth_date: dt.date | None, today: dt.date, guardian: str, own_income_proof: str
) -> Problem | None:
    """Why a minor may not buy as recorded (民法典 第17–20条), or None."""
    if len(guardian or "") > GUARDIAN_MAX or len(own_income_proof or "") > GUARDIAN_MAX:
        field = "guardian" if len(guardian or "") > GUARDIAN_MAX else "own_income_proof"
        return Problem(field, _GUARDIAN_TOO_LONG, {"max": GUARDIAN_MAX})
    if birth_date is None:
        return None
    age = age_on(birth_date, today)
    if age >= ADULT_AGE or (guardian or "").strip():
        return None
    if age >= OWN_INCOME_AGE:
        if (own_income_proof or "").strip():
            return None
        return Problem("guardian", _MINOR_16, {"age": age})
    return Problem("guardian", _MINOR, {"age": age})


def qualification_problem(
    family: ProductFamily, kind: str | None, qualifications: Qualifications | None, today: dt.date
) -> Problem | None:
    """Why this desk's manager may not sell the product (None: no qualification is
    needed, or *qualifications* None: not checked, as for the demo's history)."""
    needed = qualification_for(family, kind)
    if needed is None or qualifications is None:
        return None
    name = Phrase(QUALIFICATION_NAMES[needed])
    held = qualifications.get(needed)
    if held is None:
        return Problem("manager", _NOT_QUALIFIED, {"family": name})
    start, end = held
    if not start <= today <= end:
        return Problem(
            "manager",
            _QUALIFICATION_EXPIRED,
            {"family": name, "start": start.isoformat(), "end": end.isoformat()},
        )
    return None


def suitability_problems(
    *,
    family: ProductFamily,
    rating: int | None,
    min_amount_fen: int,
    amount_fen: int | None,
    client_level: int | None,
    assessment_valid_until: dt.date | None,
    today: dt.date,
    birth_date: dt.date | None,
    recording_ref: str,
    elderly_confirmed: bool,
    kind: str = "",
    private: bool = False,
    qualified_until: dt.date | None = None,
    guardian: str = "",
    own_income_proof: str = "",
    id_doc_expiry: dt.date | None = None,
    birth_date_from_id: bool = True,
    recording_pattern: str = DEFAULT_RECORDING_PATTERN,
    qualifications: Qualifications | None = None,
    large_confirmed: bool = False,
    assets_fen: int | None = None,
    large_share_percent: int = DEFAULT_LARGE_SALE_PERCENT,
) -> list[Problem]:
    """Every reason the gate refuses the sale (see the module's rules); empty when it
    may be saved. *rating* and *client_level* are 1–5 (R1–R5, C1–C5) or None (an
    unrated product, a client never assessed); *amount_fen* None is an amount not (yet)
    entered; *qualified_until* the last valid day of the client's qualified-investor
    record; *qualifications* this desk's manager's (None: not checked); *assets_fen* the
    client's recorded assets; *birth_date_from_id* False when the client's document is
    not a resident ID (whose number gives the birth date), so a missing birth date is
    asked of the profile. Each problem names the field it is about: ``id_document``,
    ``guardian``, ``assessment``, ``product``, ``qualified_investor``,
    ``elderly_confirmed``, ``large_confirmed``, ``amount``, ``recording_ref`` or
    ``manager``."""
    problems: list[Problem] = []
    if wrong := document_problem(id_doc_expiry, today):
        problems.append(wrong)
    investment = needs_rating(family, kind, private) or rating is not None
    if investment and birth_date is None:
        missing = _NO_BIRTH_DATE if birth_date_from_id else _NO_BIRTH_DATE_ON_DOCUMENT
        problems.append(Problem("id_document", missing))
    if wrong := age_problem(birth_date, today, guardian, own_income_proof):
        problems.append(wrong)
    if rating is None and needs_rating(family, kind, private):
        problems.append(Problem("product", _UNRATED))
    if investment:
        problem = assessment_problem(client_level, assessment_valid_until, today)
        if problem is not None:
            problems.append(problem)
    if rating is not None:
        if client_level is not None and rating > client_level:
            problems.append(
                Problem("product", _ABOVE_LEVEL, {"rating": rating, "level": client_level})
            )
        if not elderly_confirmed and rating in ELDERLY_RATINGS:
            if birth_date is None:
                problems.append(Problem("elderly_confirmed", _AGE_UNKNOWN, {"rating": rating}))
            else:
                age = age_on(birth_date, today)
                if age >= ELDERLY_AGE:
                    problems.append(
                        Problem("elderly_confirmed", _ELDERLY, {"age": age, "rating": rating})
                    )
    if private and (wrong := qualified_investor_problem(qualified_until, today)):
        problems.append(wrong)
    if not large_confirmed and large_sale_applies(
        birth_date, today, rating, amount_fen, assets_fen, large_share_percent
    ):
        age = age_on(birth_date, today)
        if assets_fen:
            params = {
                "age": age,
                "percent": large_share_percent,
                "assets": format_fen(assets_fen, cents=False),
            }
            problems.append(Problem("large_confirmed", _LARGE_SALE, params))
        else:
            problems.append(Problem("large_confirmed", _LARGE_SALE_NO_ASSETS, {"age": age}))
    if wrong := _amount_problem(family, amount_fen, min_amount_fen):
        problems.append(wrong)
    if wrong := recording_ref_problem(
        recording_ref, needs_recording(family, kind, rating), recording_pattern
    ):
        problems.append(wrong)
    if wrong := qualification_problem(family, kind, qualifications, today):
        problems.append(wrong)
    return problems


def _amount_problem(
    family: ProductFamily, amount_fen: int | None, min_amount_fen: int
) -> Problem | None:
    if family is ProductFamily.CARD and not amount_fen:
        return None  # a card is issued, not bought for a sum
    if amount_fen is None or amount_fen <= 0:
        return Problem("amount", _NO_AMOUNT)
    if amount_fen < min_amount_fen:
        return Problem("amount", _BELOW_MINIMUM, {"minimum": format_fen(min_amount_fen)})
    if amount_fen > AMOUNT_MAX_FEN:
        return Problem("amount", _TOO_MUCH, {"max": format_fen(AMOUNT_MAX_FEN, cents=False)})
    return None


__all__ = [
    "DEFAULT_RECORDING_PATTERN",
    "ELDERLY_AGE",
    "ELDERLY_RATINGS",
    "RECORDING_REF_MAX",
    "age_problem",
    "assessment_problem",
    "elderly_rule_applies",
    "elderly_warning",
    "is_placeholder",
    "large_sale_applies",
    "needs_recording",
    "qualification_problem",
    "recording_pattern_problem",
    "recording_ref_problem",
    "suitability_problems",
]
