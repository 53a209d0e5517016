"""The suitability gate: may this client buy this product for this amount, now?

One pure function, :func:`suitability_problems`, answers with every reason a sale is
refused (empty: it may go ahead). The form asks it as the manager types, and the sales
service asks it again inside the transaction that saves the sale; there is no override
for any of its refusals. The rules (DESIGN.md, issue 6):

- A product rated Rn may be sold to a client of risk level Cn or above (C3 buys R1–R3).
- A rated product needs the client's valid risk assessment: none, or one whose
  ``valid_until`` is before today, refuses the sale. An assessment is valid *through*
  its ``valid_until`` day. (Every wealth product is rated and so is an intermediary
  product carrying investment risk; see ``domain/product.py``.)
- A client aged 65 or over (on the day of the sale, birthday included) buying R4 or R5
  needs an explicit extra confirmation, saved with the sale. A client whose birth date
  is not on record is treated alike: nothing shows the rule does not apply.
- The amount is at least the product's minimum (a bank card is sold without one).
- A wealth or intermediary product needs the reference of its audio-video recording
  (双录): every sale recorded at the desk is a sale in the branch.
"""

from __future__ import annotations

import datetime as dt

from .client import ProductFamily
from .errors import QT_TRANSLATE_NOOP, Problem
from .identity import age_on
from .product import AMOUNT_MAX_FEN, RECORDED_FAMILIES, format_fen

ELDERLY_AGE = 65
ELDERLY_RATINGS = frozenset({4, 5})
RECORDING_REF_MAX = 64  # the Sale column's width

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
    "A wealth or intermediary product sold in the branch needs the reference of its "
    "audio-video recording (双录); without a recording it cannot be sold.",
)
_RECORDING_TOO_LONG = QT_TRANSLATE_NOOP(
    "domain", "The recording reference is longer than {max} characters."
)


def elderly_rule_applies(birth_date: dt.date | None, today: dt.date, rating: int | None) -> bool:
    """Does buying a product rated *rating* need the 65+ confirmation from this client."""
    if rating not in ELDERLY_RATINGS:
        return False
    return birth_date is None or age_on(birth_date, today) >= ELDERLY_AGE


def assessment_problem(
    client_level: int | None, valid_until: dt.date | None, today: dt.date
) -> Problem | None:
    """Why the client's assessment cannot support a rated product's sale, or None."""
    if client_level is None or valid_until is None:
        return Problem("assessment", _NO_ASSESSMENT)
    if valid_until < today:
        return Problem("assessment", _EXPIRED, {"date": valid_until.isoformat()})
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
) -> list[Problem]:
    """Every reason the gate refuses the sale (see the module's rules); empty when it
    may be saved. *rating* and *client_level* are 1–5 (R1–R5, C1–C5) or None (an
    unrated product, a client never assessed); *amount_fen* None is an amount not (yet)
    entered. Each problem names the field it is about: ``assessment``, ``product``,
    ``elderly_confirmed``, ``amount`` or ``recording_ref``."""
    problems: list[Problem] = []
    if rating is not None:
        problem = assessment_problem(client_level, assessment_valid_until, today)
        if problem is not None:
            problems.append(problem)
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
    if wrong := _amount_problem(family, amount_fen, min_amount_fen):
        problems.append(wrong)
    ref = recording_ref.strip() if recording_ref else ""
    if family in RECORDED_FAMILIES and not ref:
        problems.append(Problem("recording_ref", _NO_RECORDING))
    elif len(ref) > RECORDING_REF_MAX:
        problems.append(Problem("recording_ref", _RECORDING_TOO_LONG, {"max": RECORDING_REF_MAX}))
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
    "ELDERLY_AGE",
    "ELDERLY_RATINGS",
    "RECORDING_REF_MAX",
    "assessment_problem",
    "elderly_rule_applies",
    "suitability_problems",
]
