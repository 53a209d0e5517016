"""The financial plan (理财规划方案) as rules: the bank's model allocation per risk level,
the emergency reserve, the suggested allocation from the client's assessment and needs,
and which catalogue products may be proposed for each asset class.

How a suggestion is made (:func:`suggest_allocation`):

1. Each asset class but cash starts at a point of the model's range for the client's
   level: the middle; the low end of the risk classes (equity, metals, insurance) when
   the horizon is short or the liquidity need high (the money moves to the liquid
   class); three quarters up the equity and metals ranges when the client can lock money
   away for over three years. Cash and deposits take the rest, never less than its low
   end; more than its high end only on a short horizon or a high liquidity need.
2. The emergency reserve (``months`` of the household's monthly spending, more months
   for a higher liquidity need) and every goal due within a year are kept in cash; goals
   due in two or three years in fixed income. What they take comes out of the other
   classes in proportion.
3. Amounts are whole fen and add up to the money planned (holdings plus new money).

A product may be proposed (:func:`proposal_problems`) only when the sale could pass the
suitability gate (``domain/suitability.py``) at the proposed amount: on sale, within the
client's level with a valid assessment, at or above its minimum, not R4/R5 for a client
of 65 or over (the plan proposes nothing the sale needs an extra confirmation for), and
not a private product (the qualified-investor check belongs to the sale). Nothing in a
plan records a sale.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from .client import Horizon, Labeled, LiquidityNeed, ProductFamily
from .errors import QT_TRANSLATE_NOOP, Phrase, Problem, ValidationError
from .product import AMOUNT_MAX_FEN, HOLDING_FAMILIES, format_fen
from .suitability import suitability_problems

LEVELS = (1, 2, 3, 4, 5)
# Printed above the signatures when the branch set no text of its own (plan_disclosure).
DEFAULT_DISCLOSURE = QT_TRANSLATE_NOOP(
    "domain",
    "This plan is a suggestion made from the information the client gave and the risk "
    "profile they confirmed; it is not a promise of any return. Wealth management products "
    "are not deposits, and investment involves risk: the value of a product may fall as "
    "well as rise, and past performance does not guarantee future results. Before buying, "
    "read each product's prospectus and risk disclosure, and buy only what suits your risk "
    "profile. Every purchase is made separately, with its own suitability check and "
    "audio-video recording.",
)
NOTES_MAX = 2000
GOALS_MAX = 10
GOAL_YEARS_MAX = 60  # a goal further away than a working life is a typing slip


class AssetClass(Labeled):
    """The classes a plan allocates money to, in the order every table lists them."""

    CASH = "cash"
    FIXED_INCOME = "fixed_income"
    EQUITY = "equity"
    INSURANCE = "insurance"
    METALS = "metals"

    @classmethod
    def _labels(cls):
        return {
            "cash": QT_TRANSLATE_NOOP("domain", "Cash and deposits"),
            "fixed_income": QT_TRANSLATE_NOOP("domain", "Fixed-income products"),
            "equity": QT_TRANSLATE_NOOP("domain", "Mixed and equity products"),
            "insurance": QT_TRANSLATE_NOOP("domain", "Insurance"),
            "metals": QT_TRANSLATE_NOOP("domain", "Precious metals"),
        }

    @classmethod
    def _aliases(cls):
        return {
            "cash": ("现金及存款", "现金", "存款", "现金类"),
            "fixed_income": ("固收类", "固定收益", "固收", "固收类理财", "fixed"),
            "equity": ("混合及权益类", "权益类", "权益", "混合", "股票"),
            "insurance": ("保险", "保险类"),
            "metals": ("贵金属", "黄金", "gold"),
        }


CLASSES: tuple[AssetClass, ...] = tuple(AssetClass)
RISK_CLASSES = frozenset({AssetClass.EQUITY, AssetClass.METALS, AssetClass.INSURANCE})

# What a product's name says of its class, where its family and rating do not.
_INSURANCE_WORDS = ("保险", "寿险", "年金险", "两全", "医疗险", "重疾", "insurance")
_METAL_WORDS = ("贵金属", "黄金", "金条", "积存金", "白银", "银条", "gold", "silver")
_CASH_WORDS = ("现金管理", "货币", "money market")


def asset_class_of(family: ProductFamily, rating: int | None, name: str) -> AssetClass | None:
    """The asset class a catalogue product belongs to: a deposit (even a structured one)
    is cash; an intermediary product named as insurance or a precious metal is that; a
    cash-management or money-market product is cash; otherwise R1–R2 (or unrated) is
    fixed income and R3–R5 mixed and equity. None for what a client does not hold (a
    loan, a card)."""
    if family not in HOLDING_FAMILIES:
        return None
    if family is ProductFamily.LIABILITY:
        return AssetClass.CASH
    folded = unicodedata.normalize("NFKC", name or "").casefold()
    if family is ProductFamily.INTERMEDIARY:
        if any(word in folded for word in _INSURANCE_WORDS):
            return AssetClass.INSURANCE
        if any(word in folded for word in _METAL_WORDS):
            return AssetClass.METALS
    if any(word in folded for word in _CASH_WORDS):
        return AssetClass.CASH
    if rating is None or rating <= 2:
        return AssetClass.FIXED_INCOME
    return AssetClass.EQUITY


# ---------------------------------------------------------------- the bank's model


@dataclass(frozen=True)
class Band:
    """A class's share of the money for one risk level, in whole percent, low ≤ high."""

    low: int
    high: int

    def at(self, position: float) -> float:
        return self.low + position * (self.high - self.low)

    def text(self) -> str:
        return f"{self.low}–{self.high}%"


@dataclass(frozen=True)
class ModelAllocation:
    """Level (1–5) → class → band; a class a level does not name is 0–0%."""

    bands: Mapping[int, Mapping[AssetClass, Band]]

    def band(self, level: int, asset_class: AssetClass) -> Band:
        return self.bands[level].get(asset_class, Band(0, 0))


def _model(rows: Mapping[int, Sequence[tuple[int, int]]]) -> ModelAllocation:
    return ModelAllocation(
        {
            level: {c: Band(low, high) for c, (low, high) in zip(CLASSES, bands, strict=True)}
            for level, bands in rows.items()
        }
    )


# As shipped: cash, fixed income, mixed and equity, insurance, precious metals.
DEFAULT_MODEL = _model(
    {
        1: ((40, 100), (0, 60), (0, 0), (0, 10), (0, 0)),
        2: ((20, 50), (40, 70), (0, 10), (0, 15), (0, 5)),
        3: ((10, 30), (30, 55), (10, 30), (0, 15), (0, 10)),
        4: ((5, 20), (20, 40), (30, 55), (0, 15), (0, 10)),
        5: ((5, 15), (10, 30), (45, 75), (0, 10), (0, 15)),
    }
)

_LEVEL = re.compile(r"^c?([1-5])$")
_PERCENT = re.compile(r"^(\d{1,3})%?$")


def model_text(model: ModelAllocation, separator: str = "\n") -> str:
    """The model as its file writes it, ``level,class,low,high`` a line under a header;
    with *separator* ``"; "`` as its setting keeps it, on one line without the header."""
    lines = [] if separator.strip() else ["level,class,low,high"]
    for level in LEVELS:
        for asset_class in CLASSES:
            band = model.band(level, asset_class)
            lines.append(f"C{level},{asset_class.value},{band.low},{band.high}")
    return separator.join(lines)


_ENTRY_SEPARATORS = re.compile(r"[\r\n;]+")


def parse_model(text: str) -> ModelAllocation:
    """The model written in *text* (see :func:`model_text`): entries one a line or with
    ``;`` between them, commas or tabs between an entry's fields, a header line and
    ``#`` comments allowed, class names in Chinese or English; empty text is the shipped
    model. Raises :class:`ValidationError` naming the first entries that are wrong."""
    if not (text or "").strip():
        return DEFAULT_MODEL
    problems: list[Problem] = []
    bands: dict[int, dict[AssetClass, Band]] = {}
    normalized = unicodedata.normalize("NFKC", text).replace("\t", ",").lstrip("\ufeff")
    for number, entry in enumerate(_ENTRY_SEPARATORS.split(normalized), start=1):
        cells = [cell.strip() for cell in entry.split(",")]
        if not any(cells) or cells[0].startswith("#"):
            continue
        if cells[0].casefold() in {"level", "风险等级", "等级"}:
            continue
        line = _model_line(cells, number)
        if isinstance(line, Problem):
            problems.append(line)
            continue
        level, asset_class, band = line
        if asset_class in bands.setdefault(level, {}):
            problems.append(
                Problem(
                    "plan_model",
                    QT_TRANSLATE_NOOP("domain", "Line {line}: C{level} {name} is given twice."),
                    {"line": number, "level": level, "name": asset_class.value},
                )
            )
        bands[level][asset_class] = band
    if not problems:
        for level in LEVELS:
            if level not in bands:
                problems.append(
                    Problem(
                        "plan_model",
                        QT_TRANSLATE_NOOP("domain", "The model gives no allocation for C{level}."),
                        {"level": level},
                    )
                )
                continue
            lows = sum(b.low for b in bands[level].values())
            highs = sum(b.high for b in bands[level].values())
            if lows > 100 or highs < 100:
                problems.append(
                    Problem(
                        "plan_model",
                        QT_TRANSLATE_NOOP(
                            "domain",
                            "For C{level} the low ends add up to {lows}% and the high ends to "
                            "{highs}%: an allocation of 100% must fit between them.",
                        ),
                        {"level": level, "lows": lows, "highs": highs},
                    )
                )
    if problems:
        raise ValidationError(problems[:5])
    return ModelAllocation(bands)


def _model_line(cells: list[str], number: int) -> tuple[int, AssetClass, Band] | Problem:
    def wrong(text: str, **params: object) -> Problem:
        return Problem("plan_model", text, {"line": number, **params})

    if len(cells) < 4:
        return wrong(
            QT_TRANSLATE_NOOP(
                "domain", "Line {line}: write level, class, low %, high % (like C3,equity,10,30)."
            )
        )
    level_match = _LEVEL.match(cells[0].casefold())
    if level_match is None:
        return wrong(
            QT_TRANSLATE_NOOP("domain", "Line {line}: “{value}” is not a risk level C1 to C5."),
            value=cells[0],
        )
    asset_class = AssetClass.parse(cells[1])
    if asset_class is None:
        return wrong(
            QT_TRANSLATE_NOOP("domain", "Line {line}: “{value}” is not an asset class."),
            value=cells[1],
        )
    low, high = (_PERCENT.match(cell) for cell in cells[2:4])
    if low is None or high is None or not 0 <= int(low[1]) <= int(high[1]) <= 100:
        return wrong(
            QT_TRANSLATE_NOOP(
                "domain", "Line {line}: the range is two whole percents, low ≤ high ≤ 100."
            )
        )
    return int(level_match[1]), asset_class, Band(int(low[1]), int(high[1]))


def model_problem(text: str, key: str = "plan_model") -> Problem | None:
    """Why *text* is not a model allocation (the first reason), or None."""
    try:
        parse_model(text)
    except ValidationError as exc:
        first = exc.problems[0]
        return Problem(key, first.template, first.params)
    return None


# ---------------------------------------------------------------- the reserve and goals


@dataclass(frozen=True)
class ReserveRule:
    """The emergency reserve: from *months_min* (the client can lock money away) to
    *months_max* (needs money at short notice) months of the household's spending."""

    months_min: int = 3
    months_max: int = 6

    def months(self, liquidity: LiquidityNeed | None) -> int:
        low, high = sorted((self.months_min, self.months_max))
        if liquidity is LiquidityNeed.LOW:
            return low
        if liquidity is LiquidityNeed.HIGH:
            return high
        return (low + high + 1) // 2


class GoalKind(Labeled):
    EDUCATION = "education"
    RETIREMENT = "retirement"
    HOME = "home"
    OTHER = "other"

    @classmethod
    def _labels(cls):
        return {
            "education": QT_TRANSLATE_NOOP("domain", "Children's education"),
            "retirement": QT_TRANSLATE_NOOP("domain", "Retirement"),
            "home": QT_TRANSLATE_NOOP("domain", "Buying a home"),
            "other": QT_TRANSLATE_NOOP("domain", "Other goal"),
        }

    @classmethod
    def _aliases(cls):
        return {
            "education": ("子女教育", "教育金", "教育"),
            "retirement": ("养老", "退休", "养老规划"),
            "home": ("购房", "买房"),
            "other": ("其他",),
        }


@dataclass(frozen=True)
class Goal:
    """Money the client will need: how much (fen) and in which year."""

    kind: GoalKind
    amount_fen: int
    year: int


def goal_problems(goal: Goal, today: dt.date) -> list[Problem]:
    problems = []
    if not 0 < goal.amount_fen <= AMOUNT_MAX_FEN:
        problems.append(Problem("goal_amount", QT_TRANSLATE_NOOP("domain", "Enter the amount.")))
    if not today.year <= goal.year <= today.year + GOAL_YEARS_MAX:
        problems.append(
            Problem(
                "goal_year",
                QT_TRANSLATE_NOOP("domain", "The year is from {first} to {last}."),
                {"first": today.year, "last": today.year + GOAL_YEARS_MAX},
            )
        )
    return problems


def goal_class(goal: Goal, today: dt.date) -> AssetClass | None:
    """Where money for *goal* is set aside: cash when it is due within a year, fixed
    income in two or three years, nowhere in particular later."""
    years = goal.year - today.year
    if years <= 1:
        return AssetClass.CASH
    if years <= 3:
        return AssetClass.FIXED_INCOME
    return None


# ---------------------------------------------------------------- the suggestion


@dataclass(frozen=True)
class ClassLine:
    """One asset class of a plan: the model's band, what the client holds, what the
    plan suggests; the gap is what to add (negative: to reduce)."""

    asset_class: AssetClass
    band: Band
    current_fen: int
    suggested_fen: int

    @property
    def gap_fen(self) -> int:
        return self.suggested_fen - self.current_fen


@dataclass(frozen=True)
class Suggestion:
    level: int
    lines: tuple[ClassLine, ...]
    total_fen: int
    reserve_fen: int
    reserve_months: int
    notes: tuple[Problem, ...] = field(default=())  # why it looks as it does, in words
    shortfall_fen: int = 0  # what the reserve and near goals need beyond the money

    def line(self, asset_class: AssetClass) -> ClassLine:
        return next(line for line in self.lines if line.asset_class is asset_class)

    @property
    def current_total_fen(self) -> int:
        return sum(line.current_fen for line in self.lines)


def _positions(horizon: Horizon | None, liquidity: LiquidityNeed | None) -> dict:
    cautious = horizon is Horizon.SHORT or liquidity is LiquidityNeed.HIGH
    bold = horizon is Horizon.LONG and liquidity is LiquidityNeed.LOW
    positions = dict.fromkeys(CLASSES, 0.5)
    if cautious:
        positions.update(dict.fromkeys(RISK_CLASSES, 0.0))
    elif bold:
        positions.update({AssetClass.EQUITY: 0.75, AssetClass.METALS: 0.75})
    return positions


def target_weights(
    model: ModelAllocation,
    level: int,
    horizon: Horizon | None = None,
    liquidity: LiquidityNeed | None = None,
) -> dict[AssetClass, float]:
    """Step 1 of the module's rules: each class's share in percent, adding up to 100."""
    positions = _positions(horizon, liquidity)
    cautious = positions[AssetClass.EQUITY] == 0.0
    others = [c for c in CLASSES if c is not AssetClass.CASH]
    weights = {c: model.band(level, c).at(positions[c]) for c in others}
    cash_band = model.band(level, AssetClass.CASH)
    rest = 100 - sum(weights.values())
    if rest < cash_band.low:
        # Fixed income first gives way down to its own low end, then the rest in step.
        need = cash_band.low - rest
        for c in (AssetClass.FIXED_INCOME, *sorted(RISK_CLASSES)):
            give = min(need, weights[c] - model.band(level, c).low)
            weights[c] -= give
            need -= give
        if need > 0:
            scale = (100 - cash_band.low) / sum(weights.values())
            weights = {c: w * scale for c, w in weights.items()}
        rest = cash_band.low
    elif rest > cash_band.high and not cautious:
        excess = rest - cash_band.high
        room = {c: model.band(level, c).high - weights[c] for c in others}
        total_room = sum(room.values())
        moved = min(excess, total_room)
        if total_room > 0:
            for c in others:
                weights[c] += moved * room[c] / total_room
        rest -= moved
    weights[AssetClass.CASH] = rest
    return {c: weights[c] for c in CLASSES}


def _take(amounts: dict[AssetClass, int], sources: Sequence[AssetClass], need: int) -> int:
    """Take up to *need* fen out of *sources* in proportion to what each has; returns
    what was taken."""
    available = sum(amounts[c] for c in sources)
    need = min(need, available)
    if need <= 0:
        return 0
    taken = 0
    for c in sources:
        share = need * amounts[c] // available
        amounts[c] -= share
        taken += share
    for c in sorted(sources, key=lambda c: -amounts[c]):  # the rounding's few fen
        if taken == need:
            break
        bit = min(amounts[c], need - taken)
        amounts[c] -= bit
        taken += bit
    return taken


_NOTE_RESERVE = QT_TRANSLATE_NOOP(
    "domain",
    "An emergency reserve of {months} months' spending (¥{amount}) is kept in cash and deposits.",
)
_NOTE_CAUTIOUS = QT_TRANSLATE_NOOP(
    "domain",
    "A short horizon or a high liquidity need: the risk classes are kept at the low end of "
    "the model's range, the rest in cash and deposits.",
)
_NOTE_BOLD = QT_TRANSLATE_NOOP(
    "domain",
    "Money that can stay invested for over three years: the equity and metals shares are "
    "towards the high end of the model's range.",
)
_NOTE_GOAL = QT_TRANSLATE_NOOP("domain", "{goal} in {year}: ¥{amount} set aside in {place}.")
_NOTE_SHORT = QT_TRANSLATE_NOOP(
    "domain",
    "The reserve and the goals due within three years need ¥{amount} more than the money planned.",
)


def suggest_allocation(
    model: ModelAllocation,
    level: int,
    current: Mapping[AssetClass, int],
    new_money_fen: int = 0,
    monthly_spending_fen: int = 0,
    reserve_rule: ReserveRule = ReserveRule(),
    horizon: Horizon | None = None,
    liquidity: LiquidityNeed | None = None,
    goals: Iterable[Goal] = (),
    today: dt.date | None = None,
) -> Suggestion:
    """The suggested allocation of the client's holdings (*current*, fen per class) plus
    *new_money_fen*, by the module's rules; the amounts add up to that total exactly."""
    today = today or dt.date.today()
    goals = tuple(goals)
    current_fen = {c: max(0, int(current.get(c, 0))) for c in CLASSES}
    total = sum(current_fen.values()) + max(0, new_money_fen)
    weights = target_weights(model, level, horizon, liquidity)
    amounts = {c: int(total * weights[c] / 100) for c in CLASSES}
    amounts[AssetClass.CASH] += total - sum(amounts.values())
    notes: list[Problem] = []
    positions = _positions(horizon, liquidity)
    if positions[AssetClass.EQUITY] == 0.0:
        notes.append(Problem("plan", _NOTE_CAUTIOUS))
    elif positions[AssetClass.EQUITY] > 0.5:
        notes.append(Problem("plan", _NOTE_BOLD))

    months = reserve_rule.months(liquidity)
    reserve = max(0, monthly_spending_fen) * months
    floors = dict.fromkeys(CLASSES, 0)
    floors[AssetClass.CASH] = reserve
    if reserve:
        notes.append(
            Problem("plan", _NOTE_RESERVE, {"months": months, "amount": format_fen(reserve, False)})
        )
    for goal in goals:
        place = goal_class(goal, today)
        if place is None:
            continue
        floors[place] += goal.amount_fen
        notes.append(
            Problem(
                "plan",
                _NOTE_GOAL,
                {
                    "goal": Phrase(goal.kind.label),
                    "year": goal.year,
                    "amount": format_fen(goal.amount_fen, False),
                    "place": Phrase(place.label),
                },
            )
        )
    others = [c for c in CLASSES if c is not AssetClass.CASH]
    need = floors[AssetClass.CASH] - amounts[AssetClass.CASH]
    amounts[AssetClass.CASH] += _take(amounts, others, need)
    risky = [c for c in others if c is not AssetClass.FIXED_INCOME]
    need = floors[AssetClass.FIXED_INCOME] - amounts[AssetClass.FIXED_INCOME]
    amounts[AssetClass.FIXED_INCOME] += _take(amounts, risky, need)
    shortfall = max(0, floors[AssetClass.CASH] + floors[AssetClass.FIXED_INCOME] - total)
    if shortfall:
        notes.append(Problem("plan", _NOTE_SHORT, {"amount": format_fen(shortfall, False)}))
    lines = tuple(ClassLine(c, model.band(level, c), current_fen[c], amounts[c]) for c in CLASSES)
    return Suggestion(level, lines, total, reserve, months, tuple(notes), shortfall)


# ---------------------------------------------------------------- products proposed


@dataclass(frozen=True)
class PlanClient:
    """What the product rules need to know of the client."""

    level: int | None
    valid_until: dt.date | None
    birth_date: dt.date | None
    today: dt.date


@dataclass(frozen=True)
class PlanProduct:
    """A catalogue product as the plan sees it."""

    id: int
    code: str
    name: str
    family: ProductFamily
    risk_rating: int | None
    private: bool
    min_amount_fen: int
    active: bool

    @property
    def asset_class(self) -> AssetClass | None:
        return asset_class_of(self.family, self.risk_rating, self.name)


_NOT_ON_SALE = QT_TRANSLATE_NOOP("domain", "This product is no longer on sale.")
_PRIVATE = QT_TRANSLATE_NOOP(
    "domain",
    "A private product is not proposed in a plan: the qualified-investor check belongs to "
    "the sale.",
)
_NOT_HELD = QT_TRANSLATE_NOOP("domain", "A loan or a bank card has no place in a plan.")


def proposal_problems(product: PlanProduct, amount_fen: int | None, client: PlanClient):
    """Every reason *product* may not be proposed for *amount_fen*; empty when it may.
    The suitability gate's own verdict, with the elderly confirmation not given and no
    recording asked for (a plan records no sale), plus: on sale, not private, a class."""
    problems: list[Problem] = []
    if not product.active:
        problems.append(Problem("product", _NOT_ON_SALE))
    if product.private:
        problems.append(Problem("product", _PRIVATE))
    if product.asset_class is None:
        problems.append(Problem("product", _NOT_HELD))
    gate = suitability_problems(
        family=product.family,
        rating=product.risk_rating,
        min_amount_fen=product.min_amount_fen,
        amount_fen=amount_fen,
        client_level=client.level,
        assessment_valid_until=client.valid_until,
        today=client.today,
        birth_date=client.birth_date,
        recording_ref="",
        elderly_confirmed=False,
    )
    # What the sale itself asks for (its recording's reference, a 65+ client's second
    # confirmation of a large amount) is not the plan's to refuse.
    return problems + [p for p in gate if p.field not in ("recording_ref", "large_confirmed")]


def fitting_products(
    products: Iterable[PlanProduct], asset_class: AssetClass, room_fen: int, client: PlanClient
) -> list[PlanProduct]:
    """The products that may be proposed for *asset_class* with up to *room_fen* to
    place: of that class, their minimum within the room, passing
    :func:`proposal_problems` at their minimum; by rating, then code."""
    fitting = [
        p
        for p in products
        if p.asset_class is asset_class
        and p.min_amount_fen <= room_fen
        and not proposal_problems(p, max(p.min_amount_fen, 1), client)
    ]
    return sorted(fitting, key=lambda p: (p.risk_rating or 0, p.code))


@dataclass(frozen=True)
class Proposal:
    """A product the manager proposes, for an amount (fen)."""

    product: PlanProduct
    amount_fen: int


def default_amount(
    suggestion: Suggestion, proposals: Sequence[Proposal], product: PlanProduct
) -> int:
    """What to propose of *product* when picked: what its class still lacks after the
    products already proposed for it, never below the product's minimum."""
    asset_class = product.asset_class
    if asset_class is None:
        return product.min_amount_fen
    placed = sum(p.amount_fen for p in proposals if p.product.asset_class is asset_class)
    left = suggestion.line(asset_class).gap_fen - placed
    return max(left, product.min_amount_fen, 0)


def class_room(
    suggestion: Suggestion,
    proposals: Sequence[Proposal],
    asset_class: AssetClass,
    leaving_out: int | None = None,
) -> int:
    """What *asset_class* still lacks (fen) after the products proposed for it, but the
    one with id *leaving_out* (the one being changed); negative when over-filled."""
    placed = sum(
        p.amount_fen
        for p in proposals
        if p.product.asset_class is asset_class and p.product.id != leaving_out
    )
    return suggestion.line(asset_class).gap_fen - placed


def unplaced_fen(suggestion: Suggestion, proposals: Sequence[Proposal]) -> int:
    """What the classes that lack money still lack after the products proposed: the sum
    of each class's gap left (a class over-filled counts nothing, it fills no other)."""
    return sum(max(class_room(suggestion, proposals, c), 0) for c in CLASSES)


_NOT_POSITIVE = QT_TRANSLATE_NOOP("domain", "Enter an amount above zero, like 50000 or 5万.")
_BELOW_MINIMUM = QT_TRANSLATE_NOOP(
    "domain", "{code} is bought from ¥{minimum}: ¥{amount} is below its minimum."
)
_OVER_GAP = QT_TRANSLATE_NOOP(
    "domain",
    "{code}: ¥{amount} is ¥{over} more than {place} still lacks (¥{room}); kept, but the "
    "plan now puts more there than it suggests.",
)


def amount_change(
    product: PlanProduct, amount_fen: int | None, room_fen: int
) -> tuple[Problem | None, Problem | None]:
    """A proposed product's amount changed by hand: (why it is refused, a warning).
    Refused when not an amount above zero (``None``: not an amount at all), above the
    largest amount, or below the product's minimum; kept with a warning when it is more
    than its class still lacks (*room_fen*: :func:`class_room` leaving it out)."""
    if not amount_fen or amount_fen <= 0:
        return Problem("amount", _NOT_POSITIVE), None
    if amount_fen > AMOUNT_MAX_FEN:
        too_much = QT_TRANSLATE_NOOP("domain", "The amount is more than {max} yuan.")
        return Problem("amount", too_much, {"max": format_fen(AMOUNT_MAX_FEN, cents=False)}), None
    if amount_fen < product.min_amount_fen:
        values = {
            "code": product.code,
            "minimum": format_fen(product.min_amount_fen, cents=False),
            "amount": format_fen(amount_fen, cents=amount_fen % 100 != 0),
        }
        return Problem("amount", _BELOW_MINIMUM, values), None
    place = product.asset_class
    room = max(room_fen, 0)
    if place is not None and amount_fen > room:
        values = {
            "code": product.code,
            "amount": format_fen(amount_fen, cents=amount_fen % 100 != 0),
            "over": format_fen(amount_fen - room, cents=(amount_fen - room) % 100 != 0),
            "place": Phrase(place.label),
            "room": format_fen(room, cents=False),
        }
        return None, Problem("amount", _OVER_GAP, values)
    return None, None


PLAN_REVIEW_AFTER = dt.timedelta(days=365)


def plan_review(
    made_on: dt.date,
    plan_level: int,
    assessment_level: int | None,
    assessed_on: dt.date | None,
) -> tuple[dt.date, bool]:
    """When the plan made on *made_on* for C{plan_level} is due for review: the day the
    client was assessed at another level since (True: the level changed), else a year
    after it was made (False)."""
    if (
        assessment_level is not None
        and assessed_on is not None
        and assessed_on >= made_on
        and assessment_level != plan_level
    ):
        return assessed_on, True
    return made_on + PLAN_REVIEW_AFTER, False


def notes_problem(notes: str) -> Problem | None:
    if len(notes or "") > NOTES_MAX:
        return Problem(
            "notes",
            QT_TRANSLATE_NOOP("domain", "This text is longer than {max} characters."),
            {"max": NOTES_MAX},
        )
    return None


def plan_assessment_problem(
    level: int | None, valid_until: dt.date | None, today: dt.date
) -> Problem | None:
    """Why no plan can be made from the client's assessment, or None: a plan's suggested
    allocation follows a valid assessment's level."""
    if level is None or valid_until is None:
        return Problem(
            "assessment",
            QT_TRANSLATE_NOOP(
                "domain", "The client has no risk assessment: a plan is made from a valid one."
            ),
        )
    if valid_until < today:
        return Problem(
            "assessment",
            QT_TRANSLATE_NOOP(
                "domain",
                "The client's risk assessment expired on {date}: assess the client again "
                "before making a plan.",
            ),
            {"date": valid_until.isoformat()},
        )
    return None


__all__ = [
    "CLASSES",
    "DEFAULT_MODEL",
    "AssetClass",
    "Band",
    "ClassLine",
    "Goal",
    "GoalKind",
    "ModelAllocation",
    "PlanClient",
    "PlanProduct",
    "Proposal",
    "ReserveRule",
    "Suggestion",
    "amount_change",
    "asset_class_of",
    "class_room",
    "default_amount",
    "fitting_products",
    "goal_class",
    "goal_problems",
    "model_problem",
    "model_text",
    "notes_problem",
    "parse_model",
    "plan_assessment_problem",
    "plan_review",
    "proposal_problems",
    "suggest_allocation",
    "target_weights",
    "unplaced_fen",
]
