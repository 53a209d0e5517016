"""Financial plans (理财规划方案): a client's suggested allocation from their valid
assessment, needs and holdings, the products proposed, and every saved version kept
with the client; the document's exports logged like every export of client data."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal

from ..db.connection import database
from ..db.models import FinancialPlan
from ..db.transactions import writing
from ..domain.audit import AuditAction
from ..domain.client import Horizon, LiquidityNeed, ProductFamily
from ..domain.errors import (
    QT_TRANSLATE_NOOP,
    NotFound,
    Phrase,
    Problem,
    ValidationError,
)
from ..domain.masking import mask_name
from ..domain.plan import (
    CLASSES,
    DEFAULT_MODEL,
    AssetClass,
    Band,
    ClassLine,
    Goal,
    GoalKind,
    PlanClient,
    PlanProduct,
    Proposal,
    ReserveRule,
    Suggestion,
    asset_class_of,
    fitting_products,
    goal_problems,
    model_text,
    notes_problem,
    parse_model,
    plan_assessment_problem,
    proposal_problems,
    suggest_allocation,
)
from ..domain.times import stored_date
from . import audit, clients, clock, settings
from . import products as catalogue
from . import risk as risk_service

How = Literal["printed", "saved"]
_EXPORT_ACTIONS: dict[str, AuditAction] = {
    "printed": AuditAction.PLAN_PRINTED,
    "saved": AuditAction.PLAN_EXPORTED,
}


# ---------------------------------------------------------------- what goes in and out


@dataclass(frozen=True)
class PlanInputs:
    """What the manager enters: money to invest besides the holdings, the household's
    monthly spending (for the reserve), goals, the products proposed as (product id,
    amount in fen), notes."""

    new_money_fen: int = 0
    monthly_spending_fen: int = 0
    goals: tuple[Goal, ...] = ()
    proposals: tuple[tuple[int, int], ...] = ()
    notes: str = ""


@dataclass(frozen=True)
class ProposedLine:
    product: PlanProduct
    amount_fen: int
    problems: tuple[Problem, ...] = ()  # why it may not be proposed (empty: it may)

    @property
    def asset_class(self) -> AssetClass | None:
        return self.product.asset_class


@dataclass(frozen=True)
class PlanView:
    """A plan as the tab and the document show it: fresh (``plan_id`` None) or a saved
    version. Client identifiers are masked; the name too (张*)."""

    client_id: int
    masked_name: str
    level: int
    assessed_on: dt.date
    valid_until: dt.date
    horizon: Horizon | None
    liquidity: LiquidityNeed | None
    inputs: PlanInputs
    suggestion: Suggestion
    proposals: tuple[ProposedLine, ...]
    disclosure: str  # empty: the shipped text (domain.plan.DEFAULT_DISCLOSURE)
    manager: str = ""
    branch: str = ""
    desk: str = ""
    candidates: Mapping[AssetClass, tuple[PlanProduct, ...]] = field(default_factory=dict)
    plan_id: int | None = None
    made_at: dt.datetime | None = None  # local

    @property
    def problems(self) -> list[Problem]:
        return [p for line in self.proposals for p in line.problems]

    @property
    def proposed_total_fen(self) -> int:
        return sum(line.amount_fen for line in self.proposals)


@dataclass(frozen=True)
class PlanVersion:
    """One saved version, as the client screen lists them."""

    id: int
    client_id: int
    made_at: dt.datetime  # local
    manager: str
    level: int
    total_fen: int
    products: int


# ---------------------------------------------------------------- making a plan


def plan_settings(desk: str = "1") -> tuple:
    """(model, reserve rule, disclosure, manager, branch) as the settings say; a model
    setting that cannot be read (written by hand into the database) is the shipped one."""
    values = settings.load(desk)
    try:
        model = parse_model(str(values["plan_model"]))
    except ValidationError:
        model = DEFAULT_MODEL
    rule = ReserveRule(
        int(values["plan_reserve_months_min"]), int(values["plan_reserve_months_max"])
    )
    return (
        model,
        rule,
        str(values["plan_disclosure"] or "").strip(),
        str(values["manager_name"]),
        str(values["branch_name"]),
    )


def read_model_file(path) -> str:
    """The model allocation in the file at *path* (CSV: ``level,class,low,high`` a line,
    UTF-8 or GBK, as a spreadsheet saves it), as the ``plan_model`` setting keeps it.
    Raises :class:`ValidationError` naming what is wrong, ``OSError`` when unreadable."""
    from pathlib import Path

    from ..domain.csv_file import CsvFileError, decode_csv

    try:
        text = decode_csv(Path(path).read_bytes()).text
    except CsvFileError as exc:
        problem = Problem("plan_model", exc.problem.template, exc.problem.params)
        raise ValidationError(problem) from None
    return model_text(parse_model(text), "; ")


def draft_plan(client_id: int, inputs: PlanInputs = PlanInputs(), desk: str = "1") -> PlanView:
    """The plan for *client_id* today from *inputs*: the suggestion, the products that
    fit each class and the proposed ones with their problems. Raises :class:`NotFound`
    for a client not in the book and :class:`ValidationError` (field ``assessment``)
    without a valid assessment: a plan is made for a confirmed risk level only."""
    record = clients.get_client(client_id)
    today = clock.today()
    assessment = risk_service.latest(client_id)
    level = int(assessment.level) if assessment else None
    valid_until = assessment.valid_until if assessment else None
    if problem := plan_assessment_problem(level, valid_until, today):
        raise ValidationError(problem)
    model, rule, disclosure, manager, branch = plan_settings(desk)
    draft = record.draft
    person = PlanClient(level, valid_until, draft.birth_date, today)
    current = dict.fromkeys(CLASSES, 0)
    for holding in catalogue.client_holdings(client_id).open_rows:
        place = asset_class_of(holding.family, holding.risk_rating, holding.product_name)
        if place is not None:
            current[place] += holding.amount_fen
    suggestion = suggest_allocation(
        model,
        level,
        current,
        inputs.new_money_fen,
        inputs.monthly_spending_fen,
        rule,
        draft.horizon,
        draft.liquidity_need,
        inputs.goals,
        today,
    )
    products = {p.id: _plan_product(p) for p in catalogue.list_products()}
    candidates = {
        c: tuple(
            fitting_products(products.values(), c, max(suggestion.line(c).suggested_fen, 0), person)
        )
        for c in CLASSES
    }
    lines = []
    for product_id, amount in inputs.proposals:
        product = products.get(product_id)
        if product is None:
            product = _plan_product(catalogue.get_product(product_id))  # off sale since
        lines.append(
            ProposedLine(product, amount, tuple(proposal_problems(product, amount, person)))
        )
    return PlanView(
        client_id=client_id,
        masked_name=mask_name(draft.name),
        level=level,
        assessed_on=assessment.assessed_on,
        valid_until=valid_until,
        horizon=draft.horizon,
        liquidity=draft.liquidity_need,
        inputs=inputs,
        suggestion=suggestion,
        proposals=tuple(lines),
        disclosure=disclosure,
        manager=manager,
        branch=branch,
        desk=desk,
        candidates=candidates,
    )


def input_problems(inputs: PlanInputs) -> list[Problem]:
    """What is wrong with the manager's entries themselves (amounts, goals, notes)."""
    today = clock.today()
    problems = []
    amounts = {"new_money": inputs.new_money_fen, "monthly_spending": inputs.monthly_spending_fen}
    for name, value in amounts.items():
        if value < 0:
            problems.append(Problem(name, QT_TRANSLATE_NOOP("domain", "Enter the amount.")))
    for goal in inputs.goals:
        problems += goal_problems(goal, today)
    if problem := notes_problem(inputs.notes):
        problems.append(problem)
    return problems


def save_plan(
    client_id: int, inputs: PlanInputs, actor: str, desk: str = "1"
) -> tuple[PlanVersion, PlanView]:
    """Keep this version of the client's plan (the suggestion as made now, the products
    proposed, the notes) and log it. Refused, with nothing saved, when an entry is wrong
    or a proposed product may not be proposed (the same rules as the sale's gate)."""
    with writing():
        view = draft_plan(client_id, inputs, desk)
        problems = input_problems(inputs) + view.problems
        if problems:
            raise ValidationError(problems)
        now = clock.now_utc()
        row = FinancialPlan.create(
            client=client_id,
            made_at=now,
            manager=view.manager,
            actor=actor,
            desk=desk,
            level=view.level,
            assessed_on=view.assessed_on,
            total_fen=view.suggestion.total_fen,
            content=json.dumps(_content(view), ensure_ascii=False),
        )
        audit.record(AuditAction.PLAN_SAVED, actor, client_id, f"plan {row.id}")
    return _version(row), _from_row(row)


def client_plans(client_id: int) -> list[PlanVersion]:
    """Every saved version of the client's plan, newest first."""
    query = (
        FinancialPlan.select()
        .where(FinancialPlan.client == client_id)
        .order_by(FinancialPlan.made_at.desc(), FinancialPlan.id.desc())
    )
    return [_version(row) for row in query]


def saved_plan(plan_id: int) -> PlanView:
    """A saved version as it was saved (the client's name as the book has it now)."""
    row = FinancialPlan.get_or_none(FinancialPlan.id == plan_id)
    if row is None:
        raise NotFound(Problem("plan", QT_TRANSLATE_NOOP("domain", "This plan no longer exists.")))
    return _from_row(row)


def plan_for_document(client_id: int, desk: str = "1") -> PlanView:
    """What ``wealthdesk plan`` prints: the latest saved version, or a fresh suggestion
    when there is none (which needs a valid assessment)."""
    clients.require_in_book(client_id)
    versions = client_plans(client_id)
    if versions:
        return saved_plan(versions[0].id)
    return draft_plan(client_id, PlanInputs(), desk)


def day_count(day: dt.date, desk: str | None = None) -> int:
    """Plans saved on *day* (local), at *desk* or at every desk, for the day close."""
    begin, end = clock.stored_days(day)
    query = FinancialPlan.select().where(
        (FinancialPlan.made_at >= begin) & (FinancialPlan.made_at < end)
    )
    if desk is not None:
        query = query.where(FinancialPlan.desk == desk)
    return query.count()


# ---------------------------------------------------------------- exports


def record_export(client_id: int, plan_id: int | None, how: How, actor: str) -> None:
    """Log that a plan of *client_id* was printed or saved as a file."""
    with database.atomic():
        detail = f"plan {plan_id}" if plan_id is not None else "plan (not saved)"
        audit.record(_EXPORT_ACTIONS[how], actor, client_id, detail)


@contextlib.contextmanager
def recording(client_id: int, plan_id: int | None, how: How, actor: str) -> Iterator[None]:
    """Log the export only if the block that writes the file succeeds (as
    ``notices.recording`` does): the entry first, taken back when the block fails."""
    with database.atomic():
        record_export(client_id, plan_id, how, actor)
        yield


# ---------------------------------------------------------------- storing a version


def _plan_product(info: catalogue.ProductInfo) -> PlanProduct:
    return PlanProduct(
        id=info.id,
        code=info.code,
        name=info.name,
        family=info.family,
        risk_rating=info.risk_rating,
        private=info.private,
        min_amount_fen=info.min_amount_fen,
        active=info.active,
    )


def _params_json(params: Mapping[str, object]) -> dict:
    return {k: {"phrase": str(v)} if isinstance(v, Phrase) else v for k, v in params.items()}


def _params_from(params: Mapping[str, object]) -> dict:
    return {
        k: Phrase(v["phrase"]) if isinstance(v, dict) and "phrase" in v else v
        for k, v in params.items()
    }


def _content(view: PlanView) -> dict:
    s = view.suggestion
    i = view.inputs
    return {
        "version": 1,
        "valid_until": view.valid_until.isoformat(),
        "horizon": view.horizon.value if view.horizon else None,
        "liquidity": view.liquidity.value if view.liquidity else None,
        "inputs": {
            "new_money_fen": i.new_money_fen,
            "monthly_spending_fen": i.monthly_spending_fen,
            "goals": [[g.kind.value, g.amount_fen, g.year] for g in i.goals],
            "notes": i.notes,
        },
        "lines": [
            [
                line.asset_class.value,
                line.band.low,
                line.band.high,
                line.current_fen,
                line.suggested_fen,
            ]
            for line in s.lines
        ],
        "reserve_fen": s.reserve_fen,
        "reserve_months": s.reserve_months,
        "shortfall_fen": s.shortfall_fen,
        "notes": [[n.template, _params_json(n.params)] for n in s.notes],
        "proposals": [
            [
                p.product.id,
                p.product.code,
                p.product.name,
                p.product.family.value,
                p.product.risk_rating,
                p.amount_fen,
            ]
            for p in view.proposals
        ],
        "disclosure": view.disclosure,
        "branch": view.branch,
    }


def _version(row: FinancialPlan) -> PlanVersion:
    try:
        products = len(json.loads(row.content or "{}").get("proposals", []))
    except ValueError:
        products = 0
    return PlanVersion(
        id=row.id,
        client_id=row.client_id,
        made_at=clock.to_local(row.made_at),
        manager=row.manager,
        level=row.level,
        total_fen=row.total_fen,
        products=products,
    )


def _from_row(row: FinancialPlan) -> PlanView:
    content = json.loads(row.content or "{}")
    record = clients.get_client(row.client_id)
    inputs_json = content.get("inputs", {})
    goals = tuple(Goal(GoalKind(k), int(a), int(y)) for k, a, y in inputs_json.get("goals", []))
    lines = tuple(
        ClassLine(AssetClass(c), Band(low, high), current, suggested)
        for c, low, high, current, suggested in content.get("lines", [])
    )
    suggestion = Suggestion(
        level=row.level,
        lines=lines,
        total_fen=sum(line.suggested_fen for line in lines),
        reserve_fen=int(content.get("reserve_fen", 0)),
        reserve_months=int(content.get("reserve_months", 0)),
        notes=tuple(Problem("plan", t, _params_from(p)) for t, p in content.get("notes", [])),
        shortfall_fen=int(content.get("shortfall_fen", 0)),
    )
    proposals = tuple(
        ProposedLine(
            PlanProduct(pid, code, name, ProductFamily(family), rating, False, 0, True), amount
        )
        for pid, code, name, family, rating, amount in content.get("proposals", [])
    )
    inputs = PlanInputs(
        new_money_fen=int(inputs_json.get("new_money_fen", 0)),
        monthly_spending_fen=int(inputs_json.get("monthly_spending_fen", 0)),
        goals=goals,
        proposals=tuple((p.product.id, p.amount_fen) for p in proposals),
        notes=str(inputs_json.get("notes", "")),
    )
    horizon, liquidity = content.get("horizon"), content.get("liquidity")
    return PlanView(
        client_id=row.client_id,
        masked_name=mask_name(record.draft.name),
        level=row.level,
        assessed_on=stored_date(row.assessed_on),
        valid_until=dt.date.fromisoformat(content["valid_until"]),
        horizon=Horizon(horizon) if horizon else None,
        liquidity=LiquidityNeed(liquidity) if liquidity else None,
        inputs=inputs,
        suggestion=suggestion,
        proposals=proposals,
        disclosure=str(content.get("disclosure", "")),
        manager=row.manager,
        branch=str(content.get("branch", "")),
        desk=row.desk,
        plan_id=row.id,
        made_at=clock.to_local(row.made_at),
    )


def proposals_of(view: PlanView) -> list[Proposal]:
    """The proposed lines as the domain's :class:`Proposal` (for ``default_amount``)."""
    return [Proposal(line.product, line.amount_fen) for line in view.proposals]


__all__ = [
    "PlanInputs",
    "PlanVersion",
    "PlanView",
    "ProposedLine",
    "client_plans",
    "day_count",
    "draft_plan",
    "input_problems",
    "plan_for_document",
    "plan_settings",
    "proposals_of",
    "record_export",
    "recording",
    "save_plan",
    "saved_plan",
]
