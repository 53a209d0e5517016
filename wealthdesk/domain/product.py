"""The product catalogue as the rules see it: families, risk ratings R1–R5, the draft a
form or a CSV row proposes and its validation, and amounts of money in fen (分).

The product families are the client record's (:class:`~.client.ProductFamily`, the
"products of interest" of the needs survey): one list serves both, so a client's
interest in 基金 and a fund in the catalogue are the same family.

Which families take a risk rating (issue 19: every investment product is rated): a
wealth product (理财) and every intermediary product (中间业务: funds, insurance,
precious metals) are always rated; a deposit (负债) is rated when it is a structured
deposit (结构性存款) and may be unrated when it is a pure deposit; a loan or a bank card
is never rated. A private product (私募) is a wealth or intermediary product, always
rated, of one asset class whose floor (the least one client may put in) its minimum
meets: 《关于规范金融机构资产管理业务的指导意见》(2018) 第五条 — fixed income ¥300,000,
mixed ¥400,000, equity, commodity and derivatives ¥1,000,000.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

from .client import TEXT_MAX, Labeled, ProductFamily
from .errors import QT_TRANSLATE_NOOP, Phrase, Problem

CODE_MAX = 32
NAME_MAX = 80
TERM_MAX_DAYS = 36_500  # a 100-year policy is the longest term a catalogue holds
AMOUNT_MAX_FEN = 10**13  # ¥100 billion: anything larger is a typing slip
RATINGS = (1, 2, 3, 4, 5)

# Which families may carry what (see the module's words).
RATED_FAMILIES = frozenset({ProductFamily.WEALTH, ProductFamily.INTERMEDIARY})
UNRATED_FAMILIES = frozenset({ProductFamily.RETAIL_LOAN, ProductFamily.CARD})
PRIVATE_FAMILIES = frozenset({ProductFamily.WEALTH, ProductFamily.INTERMEDIARY})
# Sold in the branch, these need the reference of the sale's audio-video recording (双录).
RECORDED_FAMILIES = frozenset({ProductFamily.WEALTH, ProductFamily.INTERMEDIARY})
# What a client holds after buying (a loan is the bank's asset, a card holds nothing).
HOLDING_FAMILIES = frozenset(
    {ProductFamily.WEALTH, ProductFamily.LIABILITY, ProductFamily.INTERMEDIARY}
)

_CODE = re.compile(r"^[A-Z0-9][A-Z0-9._\-]*$")


class RiskRating(Labeled):
    """A product's risk rating; stored as its level 1–5."""

    R1 = "R1"
    R2 = "R2"
    R3 = "R3"
    R4 = "R4"
    R5 = "R5"

    @classmethod
    def _labels(cls):
        return {
            "R1": QT_TRANSLATE_NOOP("domain", "R1 low risk"),
            "R2": QT_TRANSLATE_NOOP("domain", "R2 medium-low risk"),
            "R3": QT_TRANSLATE_NOOP("domain", "R3 medium risk"),
            "R4": QT_TRANSLATE_NOOP("domain", "R4 medium-high risk"),
            "R5": QT_TRANSLATE_NOOP("domain", "R5 high risk"),
        }

    @classmethod
    def _aliases(cls):
        return {
            "R1": ("低风险", "PR1", "1", "R1级", "一级", "谨慎型"),
            "R2": ("中低风险", "较低风险", "PR2", "2", "R2级", "二级", "稳健型"),
            "R3": ("中风险", "中等风险", "PR3", "3", "R3级", "三级", "平衡型"),
            "R4": ("中高风险", "较高风险", "PR4", "4", "R4级", "四级", "进取型"),
            "R5": ("高风险", "PR5", "5", "R5级", "五级", "激进型"),
        }

    @property
    def level(self) -> int:
        return int(self.value[1])

    @classmethod
    def of(cls, level: int | None) -> RiskRating | None:
        return None if level is None else cls(f"R{level}")


class ProductKind(Labeled):
    """What an investment product is, where its family does not say it (a structured
    deposit among deposits, a fund or an insurance among intermediary products); empty
    for the rest. It decides the rating rule and which sales qualification sells it."""

    FUND = "fund"
    INVESTMENT_INSURANCE = "investment_insurance"
    PROTECTION_INSURANCE = "protection_insurance"
    STRUCTURED_DEPOSIT = "structured_deposit"
    PRECIOUS_METAL = "precious_metal"

    @classmethod
    def _labels(cls):
        return {
            "fund": QT_TRANSLATE_NOOP("domain", "Fund"),
            "investment_insurance": QT_TRANSLATE_NOOP("domain", "Investment-type insurance"),
            "protection_insurance": QT_TRANSLATE_NOOP("domain", "Protection insurance"),
            "structured_deposit": QT_TRANSLATE_NOOP("domain", "Structured deposit"),
            "precious_metal": QT_TRANSLATE_NOOP("domain", "Precious-metal investment"),
        }

    @classmethod
    def _aliases(cls):
        return {
            "fund": ("基金",),
            "investment_insurance": ("投资型保险", "投连险", "分红险", "万能险"),
            "protection_insurance": ("保障型保险",),
            "structured_deposit": ("结构性存款",),
            "precious_metal": ("贵金属投资", "贵金属", "积存金"),
        }


class AssetClass(Labeled):
    """A private product's asset class, with the least a qualified investor may put in
    (资管新规 第五条)."""

    FIXED_INCOME = "fixed_income"
    MIXED = "mixed"
    EQUITY = "equity"
    COMMODITY_DERIVATIVES = "derivatives"

    @classmethod
    def _labels(cls):
        return {
            "fixed_income": QT_TRANSLATE_NOOP("domain", "Fixed income"),
            "mixed": QT_TRANSLATE_NOOP("domain", "Mixed"),
            "equity": QT_TRANSLATE_NOOP("domain", "Equity"),
            "derivatives": QT_TRANSLATE_NOOP("domain", "Commodity and derivatives"),
        }

    @classmethod
    def _aliases(cls):
        return {
            "fixed_income": ("固定收益类", "固收"),
            "mixed": ("混合类",),
            "equity": ("权益类",),
            "derivatives": ("商品及金融衍生品类", "衍生品"),
        }

    @property
    def floor_fen(self) -> int:
        return PRIVATE_FLOORS_FEN[self]


PRIVATE_FLOORS_FEN = {
    AssetClass.FIXED_INCOME: 30_000_000,
    AssetClass.MIXED: 40_000_000,
    AssetClass.EQUITY: 100_000_000,
    AssetClass.COMMODITY_DERIVATIVES: 100_000_000,
}
COOLING_OFF_HOURS_MIN = 24  # 私募: at least 24 hours from signing
COOLING_OFF_HOURS_MAX = 24 * 30

# What a sales qualification covers (the manager's, issue 19): wealth products, funds,
# insurance.
QUALIFICATIONS = ("wealth", "fund", "insurance")


def needs_rating(family: ProductFamily, kind: str | None, private: bool) -> bool:
    """Must a product of *family* and *kind* be rated R1–R5 to be sold: every investment
    product (wealth, intermediary, a structured deposit, a private one); only pure
    deposits, cards and loans may be unrated."""
    return family in RATED_FAMILIES or private or kind == ProductKind.STRUCTURED_DEPOSIT


def is_structured_deposit(family: ProductFamily, kind: str | None, rating: int | None) -> bool:
    """A deposit that carries investment risk: declared so, or rated (the catalogue
    before issue 19 rated structured deposits without a kind)."""
    return family is ProductFamily.LIABILITY and (
        kind == ProductKind.STRUCTURED_DEPOSIT or rating is not None
    )


def qualification_for(family: ProductFamily, kind: str | None) -> str | None:
    """Which of the manager's sales qualifications a product needs, or None."""
    if family is ProductFamily.WEALTH:
        return "wealth"
    if kind == ProductKind.FUND:
        return "fund"
    if kind in (ProductKind.INVESTMENT_INSURANCE, ProductKind.PROTECTION_INSURANCE):
        return "insurance"
    return None


# What an empty rating cell or choice may say.
UNRATED_WORDS = frozenset({"", "-", "—", "无", "不适用", "未评级", "n/a", "na", "none"})


@dataclass(frozen=True)
class ProductDraft:
    """What the form, a CSV row or the demo proposes to save for one product."""

    code: str
    name: str
    family: ProductFamily
    risk_rating: int | None = None  # 1–5 for R1–R5
    private: bool = False
    min_amount_fen: int = 0
    term_days: int | None = None
    active: bool = True
    notes: str = ""
    kind: str = ""  # ProductKind value, or "" for none
    asset_class: str = ""  # AssetClass value of a private product
    cooling_off_hours: int = COOLING_OFF_HOURS_MIN


def normalize_code(code: str) -> str:
    """A product code as the catalogue keeps it: full-width forms folded, no spaces,
    upper case (``zy2026-001`` is ``ZY2026-001``)."""
    return "".join(unicodedata.normalize("NFKC", code or "").split()).upper()


def normalize_product(draft: ProductDraft) -> ProductDraft:
    kind = ProductKind.parse(draft.kind) if draft.kind else None
    asset_class = AssetClass.parse(draft.asset_class) if draft.asset_class else None
    return replace(
        draft,
        kind=kind.value if kind else (draft.kind or "").strip(),
        asset_class=asset_class.value if asset_class else (draft.asset_class or "").strip(),
        code=normalize_code(draft.code),
        name=" ".join(unicodedata.normalize("NFKC", draft.name or "").split()),
        notes=(draft.notes or "").strip(),
    )


def product_problems(draft: ProductDraft) -> list[Problem]:
    """Every rule the (normalised) draft breaks; empty when it may be saved."""
    problems: list[Problem] = []
    if not draft.code:
        problems.append(
            Problem("code", QT_TRANSLATE_NOOP("domain", "The product code is required."))
        )
    elif len(draft.code) > CODE_MAX or not _CODE.match(draft.code):
        problems.append(
            Problem(
                "code",
                QT_TRANSLATE_NOOP(
                    "domain",
                    "A product code is up to {max} letters and digits, with . - _ between "
                    "them (like ZY2026-001).",
                ),
                {"max": CODE_MAX},
            )
        )
    if not draft.name:
        problems.append(
            Problem("name", QT_TRANSLATE_NOOP("domain", "The product name is required."))
        )
    elif len(draft.name) > NAME_MAX:
        problems.append(
            Problem(
                "name",
                QT_TRANSLATE_NOOP("domain", "The name is longer than {max} characters."),
                {"max": NAME_MAX},
            )
        )
    family = draft.family
    rating = draft.risk_rating
    if rating is not None and rating not in RATINGS:
        problems.append(
            Problem("risk_rating", QT_TRANSLATE_NOOP("domain", "A risk rating is R1 to R5."))
        )
    elif rating is None and needs_rating(family, draft.kind, draft.private):
        problems.append(
            Problem(
                "risk_rating",
                QT_TRANSLATE_NOOP("domain", "A wealth product must be rated R1 to R5.")
                if family is ProductFamily.WEALTH
                else QT_TRANSLATE_NOOP(
                    "domain",
                    "An investment product (fund, insurance, precious metal, structured "
                    "deposit, private product) must be rated R1 to R5.",
                ),
            )
        )
    elif rating is not None and family in UNRATED_FAMILIES:
        problems.append(
            Problem(
                "risk_rating",
                QT_TRANSLATE_NOOP("domain", "A loan or a bank card has no risk rating."),
            )
        )
    if draft.private and family not in PRIVATE_FAMILIES:
        problems.append(
            Problem(
                "private",
                QT_TRANSLATE_NOOP(
                    "domain", "Only a wealth product or a fund (intermediary product) is private."
                ),
            )
        )
    problems.extend(_kind_problems(draft))
    if not 0 <= draft.min_amount_fen <= AMOUNT_MAX_FEN:
        problems.append(
            Problem(
                "min_amount",
                QT_TRANSLATE_NOOP("domain", "The minimum amount is from 0 to {max} yuan."),
                {"max": format_fen(AMOUNT_MAX_FEN, cents=False)},
            )
        )
    if draft.term_days is not None and not 1 <= draft.term_days <= TERM_MAX_DAYS:
        problems.append(
            Problem(
                "term_days",
                QT_TRANSLATE_NOOP("domain", "The term is from 1 to {max} days, or empty for none."),
                {"max": TERM_MAX_DAYS},
            )
        )
    if len(draft.notes) > TEXT_MAX:
        problems.append(
            Problem(
                "notes",
                QT_TRANSLATE_NOOP("domain", "This text is longer than {max} characters."),
                {"max": TEXT_MAX},
            )
        )
    return problems


def _kind_problems(draft: ProductDraft) -> list[Problem]:
    """The kind fits the family; a private product names its asset class and its minimum
    meets that class's floor; the cooling-off lasts at least 24 hours."""
    problems: list[Problem] = []
    family = draft.family
    if draft.kind and ProductKind.parse(draft.kind) is None:
        problems.append(
            Problem(
                "kind",
                QT_TRANSLATE_NOOP("domain", "Unknown product kind {kind}."),
                {"kind": draft.kind},
            )
        )
    elif draft.kind:
        fits = (
            family is ProductFamily.LIABILITY
            if draft.kind == ProductKind.STRUCTURED_DEPOSIT
            else family is ProductFamily.INTERMEDIARY
        )
        if not fits:
            problems.append(
                Problem(
                    "kind",
                    QT_TRANSLATE_NOOP(
                        "domain",
                        "A structured deposit is a deposit product; a fund, an insurance or "
                        "a precious-metal investment is an intermediary product.",
                    ),
                )
            )
    if draft.private and family in PRIVATE_FAMILIES:
        asset_class = AssetClass.parse(draft.asset_class) if draft.asset_class else None
        if asset_class is None:
            problems.append(
                Problem(
                    "asset_class",
                    QT_TRANSLATE_NOOP(
                        "domain",
                        "A private product names its asset class: fixed income, mixed, "
                        "equity, or commodity and derivatives.",
                    ),
                )
            )
        elif draft.min_amount_fen < asset_class.floor_fen:
            # 《关于规范金融机构资产管理业务的指导意见》(2018) 第五条.
            problems.append(
                Problem(
                    "min_amount",
                    QT_TRANSLATE_NOOP(
                        "domain",
                        "A private {asset_class} product's minimum is at least ¥{floor} "
                        "(资管新规 第五条).",
                    ),
                    {
                        "asset_class": Phrase(asset_class.label),
                        "floor": format_fen(asset_class.floor_fen, cents=False),
                    },
                )
            )
    if not COOLING_OFF_HOURS_MIN <= draft.cooling_off_hours <= COOLING_OFF_HOURS_MAX:
        problems.append(
            Problem(
                "cooling_off_hours",
                QT_TRANSLATE_NOOP("domain", "The cooling-off period is from {min} to {max} hours."),
                {"min": COOLING_OFF_HOURS_MIN, "max": COOLING_OFF_HOURS_MAX},
            )
        )
    return problems


def is_risk_product(rating: int | None) -> bool:
    """A product whose sale depends on the client's risk level (and so on a valid
    assessment): any rated product, whatever its family: a structured deposit too."""
    return rating is not None


def needs_recording(family: ProductFamily) -> bool:
    """Sold in the branch, a wealth or intermediary product needs its 双录 reference."""
    return family in RECORDED_FAMILIES


def is_holding(family: ProductFamily) -> bool:
    """Does buying a product of *family* give the client a holding to keep track of."""
    return family in HOLDING_FAMILIES


# ---------------------------------------------------------------- amounts of money

_MONEY = re.compile(r"^(\d+(?:\.\d*)?|\.\d+)(万|亿|w|k)?$")
_UNITS = {None: 1, "万": 10_000, "w": 10_000, "亿": 100_000_000, "k": 1000}
_CURRENCY = re.compile(r"^(?:¥|￥|rmb|cny)|(?:元|块|rmb|cny)$")


def parse_money(text: str) -> int | None:
    """An amount of yuan as written at the desk, in fen: ``50000``, ``50,000.00``,
    ``¥5万``, ``5.5万元``, ``1亿``; None when *text* is not one (negative, more than two
    decimal places of yuan, or not a number)."""
    folded = unicodedata.normalize("NFKC", text or "").casefold()
    folded = "".join(folded.split()).replace(",", "")
    folded = _CURRENCY.sub("", folded)
    match = _MONEY.match(folded)
    if match is None:
        return None
    try:
        fen = Decimal(match.group(1)) * _UNITS[match.group(2)] * 100
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        return None
    if fen != fen.to_integral_value():
        return None  # a fraction of a fen
    return int(fen)


def money_problem(text: str, field: str) -> Problem | None:
    """Why *text* is not an amount of yuan, or None."""
    fen = parse_money(text)
    if fen is None:
        return Problem(
            field,
            QT_TRANSLATE_NOOP(
                "domain", "{value} is not an amount of yuan like 50000, 50,000.00 or 5万."
            ),
            {"value": (text or "").strip()},
        )
    if fen > AMOUNT_MAX_FEN:
        return Problem(
            field,
            QT_TRANSLATE_NOOP("domain", "The amount is more than {max} yuan."),
            {"max": format_fen(AMOUNT_MAX_FEN, cents=False)},
        )
    return None


def format_fen(fen: int, cents: bool = True) -> str:
    """Fen as yuan with thousands separators: 5000000 → ``50,000.00`` (``50,000``
    without *cents*, rounded down to the yuan)."""
    sign = "-" if fen < 0 else ""
    yuan, rest = divmod(abs(fen), 100)
    return f"{sign}{yuan:,}.{rest:02d}" if cents else f"{sign}{yuan:,}"


def format_fen_short(fen: int) -> str:
    """Fen as a desk writes a round sum: 5000000 → ``5万``, 12345600 → ``12.35万``,
    a sum under ¥10,000 in full yuan (``8,000``)."""
    if abs(fen) < 1_000_000:
        return format_fen(fen, cents=fen % 100 != 0)
    wan = Decimal(fen) / 1_000_000
    text = f"{wan:.2f}".rstrip("0").rstrip(".")
    return f"{text}万"


# ---------------------------------------------------------------- terms

_TERM = re.compile(r"^(\d+)(天|日|d|days?|个月|月|m|months?|年|y|years?)?$")
_TERM_DAYS = {
    None: 1,
    "天": 1,
    "日": 1,
    "d": 1,
    "day": 1,
    "days": 1,
    "个月": 30,
    "月": 30,
    "m": 30,
    "month": 30,
    "months": 30,
    "年": 365,
    "y": 365,
    "year": 365,
    "years": 365,
}


def parse_term(text: str) -> int | None:
    """A term in days as a catalogue writes it: ``90``, ``90天``, ``6个月`` (180), ``3年``
    (1095); None when *text* is not one."""
    folded = "".join(unicodedata.normalize("NFKC", text or "").casefold().split())
    match = _TERM.match(folded)
    if match is None:
        return None
    return int(match.group(1)) * _TERM_DAYS[match.group(2)]


__all__ = [
    "AMOUNT_MAX_FEN",
    "AssetClass",
    "ProductDraft",
    "ProductFamily",
    "ProductKind",
    "RiskRating",
    "format_fen",
    "format_fen_short",
    "is_holding",
    "is_risk_product",
    "is_structured_deposit",
    "money_problem",
    "needs_rating",
    "needs_recording",
    "normalize_code",
    "normalize_product",
    "parse_money",
    "parse_term",
    "product_problems",
    "qualification_for",
]
