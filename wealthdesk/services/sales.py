"""The sales log: recording a sale through the suitability gate, cancelling one in its
cooling-off period, a client's sales, a day's sales and their totals, the suggested
sale type; and the demo's catalogue, holdings and sales.

The gate (``domain/suitability.py``) runs inside the write transaction that saves the
sale, on the client's latest risk assessment read in that same transaction, so a sale is
judged on what is stored at the moment it is saved; a refusal saves nothing. A sale of
a wealth, deposit or intermediary product also adds the client's holding of it (a loan
or a card holds nothing: ``domain/product.is_holding``); the holding starts on the day
of signing, matures after the product's term, and closes when the sale is cancelled.
"""

from __future__ import annotations

import datetime as dt
import functools
import random
from collections.abc import Sequence
from dataclasses import dataclass

import peewee

from ..db.connection import database
from ..db.models import (
    AuditEntry,
    CareTask,
    Client,
    Holding,
    Product,
    QualifiedInvestor,
    RiskAssessment,
    Sale,
    Visit,
)
from ..db.transactions import is_postgres, writing
from ..domain.audit import AuditAction
from ..domain.care import CareKind
from ..domain.client import IdDocType, ProductFamily
from ..domain.errors import (
    QT_TRANSLATE_NOOP,
    ConflictError,
    DomainError,
    NotFound,
    Problem,
    ValidationError,
)
from ..domain.identity import age_on
from ..domain.product import ProductDraft, is_holding
from ..domain.risk import valid_until as risk_valid_until
from ..domain.sales import (
    SalesTotals,
    SaleType,
    cancel_problem,
    cooling_off_end,
    recording_retention,
    sales_totals,
    suggest_sale_type,
)
from ..domain.settings import desk_qualifications
from ..domain.suitability import (
    DEFAULT_LARGE_SALE_PERCENT,
    DEFAULT_RECORDING_PATTERN,
    elderly_rule_applies,
    elderly_warning,
    large_sale_applies,
    needs_recording,
    suitability_problems,
)
from ..domain.times import stored_date, stored_value
from . import audit, clock
from . import calendar as calendar_service
from . import products as catalogue
from . import settings as settings_service

# ---------------------------------------------------------------- what goes in and out


@dataclass(frozen=True)
class SaleDraft:
    """What the sale form proposes. *sale_type* None takes the suggested one; the
    *recording_ref* is the 双录 reference; *elderly_confirmed* is the 65+ client's
    explicit confirmation of an R4/R5 product, asked for and given."""

    client_id: int
    product_id: int
    amount_fen: int | None
    sale_type: SaleType | None = None
    visit_id: int | None = None
    recording_ref: str = ""
    elderly_confirmed: bool = False
    guardian: str = ""  # a minor's guardian acting in the sale (name and relation)
    own_income_proof: str = ""  # a 16-17-year-old's proof of their own labour income
    large_confirmed: bool = False  # a 65+ client's second confirmation of a large sum
    signed_at: dt.datetime | None = None  # when the client signed (None: now)
    recorded_at: dt.datetime | None = None  # when the 双录 recording was made (None: signed)


@dataclass(frozen=True)
class SaleContext:
    """What the gate needs to know of a client, read once for a form that checks as the
    manager types: the latest assessment's level and last valid day, the birth date."""

    client_id: int
    client_level: int | None
    valid_until: dt.date | None
    birth_date: dt.date | None
    today: dt.date
    id_doc_expiry: dt.date | None = None
    # A resident ID's number gives the birth date; another document's does not (the
    # gate then asks the profile for it).
    birth_date_from_id: bool = True
    qualified_until: dt.date | None = None  # the client's qualified-investor record
    assets_fen: int | None = None  # declared, else what the client holds with the branch
    recording_pattern: str = DEFAULT_RECORDING_PATTERN
    large_share_percent: int = DEFAULT_LARGE_SALE_PERCENT
    qualifications: dict | None = None  # this desk's manager's, by family

    def problems(self, product: catalogue.ProductInfo, draft: SaleDraft) -> list[Problem]:
        """The gate's verdict on selling *product* as *draft* says."""
        return suitability_problems(
            family=product.family,
            rating=product.risk_rating,
            min_amount_fen=product.min_amount_fen,
            amount_fen=draft.amount_fen,
            client_level=self.client_level,
            assessment_valid_until=self.valid_until,
            today=self.today,
            birth_date=self.birth_date,
            recording_ref=draft.recording_ref,
            elderly_confirmed=draft.elderly_confirmed,
            kind=product.kind,
            private=product.private,
            qualified_until=self.qualified_until,
            guardian=draft.guardian,
            own_income_proof=draft.own_income_proof,
            id_doc_expiry=self.id_doc_expiry,
            birth_date_from_id=self.birth_date_from_id,
            recording_pattern=self.recording_pattern,
            qualifications=self.qualifications,
            large_confirmed=draft.large_confirmed,
            assets_fen=self.assets_fen,
            large_share_percent=self.large_share_percent,
        )

    def needs_elderly_confirmation(self, product: catalogue.ProductInfo) -> bool:
        return elderly_rule_applies(self.birth_date, self.today, product.risk_rating)

    def needs_large_confirmation(
        self, product: catalogue.ProductInfo, amount_fen: int | None
    ) -> bool:
        return large_sale_applies(
            self.birth_date,
            self.today,
            product.risk_rating,
            amount_fen,
            self.assets_fen,
            self.large_share_percent,
        )

    def warning(self, product: catalogue.ProductInfo) -> Problem | None:
        """What the form warns of without refusing (a 65+ client and a product from R3)."""
        return elderly_warning(self.birth_date, self.today, product.risk_rating)

    def is_minor(self) -> bool:
        return self.birth_date is not None and age_on(self.birth_date, self.today) < 18


@dataclass(frozen=True)
class SaleInfo:
    id: int
    client_id: int
    product_id: int
    product_code: str
    product_name: str
    family: ProductFamily
    private: bool
    amount_fen: int
    sale_type: SaleType
    visit_id: int | None
    recording_ref: str
    signed_at: dt.datetime  # local
    cooling_off_until: dt.datetime | None
    cancelled_at: dt.datetime | None
    cancel_reason: str
    client_level: int | None
    product_rating: int | None
    elderly_confirmed: bool
    actor: str
    desk: str
    row_version: int
    guardian: str = ""
    own_income_proof: str = ""
    large_confirmed: bool = False
    recorded_at: dt.datetime | None = None  # local
    recording_retain_until: dt.date | None = None
    recording_checked: bool = False

    @property
    def cancelled(self) -> bool:
        return self.cancelled_at is not None

    def may_cancel(self, now: dt.datetime) -> bool:
        """Is the sale still within its cooling-off period at *now* (aware)."""
        return (
            self.cancelled_at is None
            and self.cooling_off_until is not None
            and now <= self.cooling_off_until
        )


# ---------------------------------------------------------------- the gate


def sale_context(client_id: int, desk: str = "1") -> SaleContext:
    """What the gate knows of *client_id* today, and of *desk*'s rules and manager (see
    :class:`SaleContext`)."""
    sql, params = _context_sql()
    row = database.execute_sql(sql, [client_id if p == -1 else p for p in params]).fetchone()
    if row is None:
        raise _client_gone()
    birth, level, until, expiry, declared, qualified, held, doc_type = row
    values = settings_service.load(desk)
    return SaleContext(
        client_id,
        level,
        stored_date(until),
        stored_date(birth),
        clock.today(),
        id_doc_expiry=stored_date(expiry),
        birth_date_from_id=(doc_type or IdDocType.RESIDENT_ID) == IdDocType.RESIDENT_ID,
        qualified_until=stored_date(qualified),
        assets_fen=int(declared) if declared is not None else int(held or 0),
        recording_pattern=str(values.get("recording_ref_pattern") or DEFAULT_RECORDING_PATTERN),
        large_share_percent=int(values.get("elderly_large_sale_percent") or 30),
        qualifications=desk_qualifications(values),
    )


@functools.cache
def _context_sql_for(backend: str) -> tuple[str, tuple]:
    """The client's birth date and latest assessment in one SELECT, compiled by peewee
    once per backend (building it anew was most of a gate decision's time), with its
    parameters: -1 stands for the client."""
    newer = RiskAssessment.alias()
    latest = (
        newer.select(newer.id)
        .where(newer.client == Client.id)
        .order_by(newer.assessed_on.desc(), newer.id.desc())
        .limit(1)
    )
    qualified = QualifiedInvestor.select(peewee.fn.MAX(QualifiedInvestor.valid_until)).where(
        QualifiedInvestor.client == Client.id
    )
    held = Holding.select(peewee.fn.SUM(Holding.amount_fen)).where(
        (Holding.client == Client.id) & Holding.closed_on.is_null()
    )
    sql, params = (
        Client.select(
            Client.birth_date,
            RiskAssessment.level,
            RiskAssessment.valid_until,
            Client.id_doc_expiry,
            Client.financial_assets_fen,
            qualified,
            held,
            Client.id_doc_type,
        )
        .join(RiskAssessment, peewee.JOIN.LEFT_OUTER, on=(RiskAssessment.id == latest))
        .where(Client.id == -1)
        .sql()
    )
    assert params.count(-1) == 1, params  # the client's id is the one -1
    return sql, tuple(params)


def _context_sql() -> tuple[str, tuple]:
    return _context_sql_for("postgresql" if is_postgres() else "sqlite")


def check_sale(draft: SaleDraft, desk: str = "1") -> list[Problem]:
    """Every reason the sale would be refused now, without saving anything."""
    product = catalogue.get_product(draft.product_id)
    return _refusals(sale_context(draft.client_id, desk), product, draft)


def _refusals(
    context: SaleContext, product: catalogue.ProductInfo, draft: SaleDraft
) -> list[Problem]:
    problems = []
    if not product.active:
        problems.append(
            Problem(
                "product",
                QT_TRANSLATE_NOOP("domain", "This product is no longer on sale."),
            )
        )
    problems.extend(_moment_problems(draft, context))
    return problems + context.problems(product, draft)


def _moment_problems(draft: SaleDraft, context: SaleContext) -> list[Problem]:
    """The signing time is today and not yet to come (the cooling-off counts from it,
    not from when the sale was typed in); the recording was made by then."""
    now = clock.now()
    problems = []
    if draft.signed_at is not None:
        signed = clock.local(draft.signed_at)
        if signed > now or signed.date() != context.today:
            problems.append(
                Problem(
                    "signed_at",
                    QT_TRANSLATE_NOOP(
                        "domain", "The signing time is today, and not later than now."
                    ),
                )
            )
    if draft.recorded_at is not None:
        recorded = clock.local(draft.recorded_at)
        if recorded > now:
            problems.append(
                Problem(
                    "recorded_at",
                    QT_TRANSLATE_NOOP("domain", "The recording cannot be later than now."),
                )
            )
    return problems


def suggested_sale_type(client_id: int, product_id: int) -> SaleType:
    """The sale type selling *product_id* to *client_id* is (``domain/sales.py``)."""
    product = catalogue.get_product(product_id)
    return suggest_sale_type(_owned(client_id), product.id, product.family)


def _owned(client_id: int) -> list[tuple[int, ProductFamily]]:
    """What the client has or had: holdings, open or closed, and sales that stand."""
    sold = (
        Sale.select(Product.id, Product.family)
        .join(Product)
        .where((Sale.client == client_id) & Sale.cancelled_at.is_null())
        .tuples()
    )
    return catalogue.owned_products(client_id) + [(p, ProductFamily(f)) for p, f in sold]


# ---------------------------------------------------------------- recording and cancelling


def record_sale(draft: SaleDraft, actor: str, desk: str) -> SaleInfo:
    """Save the sale if the gate lets it through, with what the gate saw (the client's
    level, the product's rating, the 65+ confirmation), the end of a private product's
    cooling-off period, and the holding it gives the client. Raises
    :class:`ValidationError` with every reason when refused; nothing is saved then."""
    with writing():
        product = catalogue.get_product(draft.product_id)
        context = sale_context(draft.client_id, desk or "1")
        problems = _refusals(context, product, draft)
        if (
            draft.visit_id is not None
            and not Visit.select().where(Visit.id == draft.visit_id).exists()
        ):
            problems.append(
                Problem("visit", QT_TRANSLATE_NOOP("domain", "This visit no longer exists."))
            )
        if problems:
            raise ValidationError(problems)
        sale_type = draft.sale_type or suggest_sale_type(
            _owned(draft.client_id), product.id, product.family
        )
        now = clock.now_utc()
        signed = clock.to_stored(draft.signed_at) if draft.signed_at else now
        elderly = draft.elderly_confirmed and context.needs_elderly_confirmation(product)
        large = draft.large_confirmed and context.needs_large_confirmation(
            product, draft.amount_fen
        )
        ref = draft.recording_ref.strip()
        recorded = needs_recording(product.family, product.kind, product.risk_rating) or ref
        row = Sale.create(
            client=draft.client_id,
            product=product.id,
            amount_fen=draft.amount_fen or 0,
            sale_type=SaleType(sale_type).value,
            visit=draft.visit_id,
            recording_ref=ref,
            signed_at=signed,
            cooling_off_until=(
                cooling_off_end(signed, product.cooling_off_hours) if product.private else None
            ),
            client_level=context.client_level,
            product_rating=product.risk_rating,
            elderly_confirmed=elderly,
            actor=actor or "?",
            desk=desk or "",
            created_at=now,
            guardian=" ".join(draft.guardian.split()) if context.is_minor() else "",
            own_income_proof=(
                " ".join(draft.own_income_proof.split()) if context.is_minor() else ""
            ),
            large_confirmed=large,
            recorded_at=(clock.to_stored(draft.recorded_at) if draft.recorded_at else signed)
            if recorded
            else None,
            recording_retain_until=(
                recording_retention(context.today, product.term_days) if recorded else None
            ),
        )
        if elderly:
            _elderly_call_back(draft.client_id, row.id, product, context.today)
        if is_holding(product.family):
            # The holding is made at the sale's very moment: that is how a cancellation
            # finds it again (the schema keeps no link between the two).
            catalogue.insert_holding(
                draft.client_id, product.id, int(draft.amount_fen or 0), context.today, None, now
            )
        audit.record(AuditAction.SALE_RECORDED, actor, draft.client_id, _detail(row, product.code))
        return get_sale(row.id)


def _elderly_call_back(
    client_id: int, sale_id: int, product: catalogue.ProductInfo, today: dt.date
) -> None:
    """A 65+ client who bought R4/R5 is called back after the sale (回访), within the
    branch's working days (the setting elderly_callback_working_days)."""
    days = int(settings_service.get("elderly_callback_working_days") or 3)
    working = calendar_service.working_calendar()
    due = today
    for _ in range(days):
        due = working.next_working_day(due)
    CareTask.insert(
        client=client_id,
        kind=CareKind.SALE_CALLBACK.value,
        due_date=due,
        source=f"sale_callback:{sale_id}",
        title=f"{product.code} R{product.risk_rating}",
        status="open",
        created_at=clock.now_utc(),
    ).on_conflict_ignore().execute()


def cancel_sale(
    sale_id: int, reason: str, actor: str, expected_version: int | None = None
) -> SaleInfo:
    """The client cancels a private product's purchase within its cooling-off period:
    the sale is marked cancelled with the reason (it then counts in no total) and its
    holding is closed today. Refused after the period, naming when it ended."""
    reason = " ".join((reason or "").split())
    with writing():
        row = Sale.get_or_none(Sale.id == sale_id)
        if row is None:
            raise _sale_gone()
        if expected_version is not None and row.row_version != expected_version:
            raise _changed_elsewhere()
        problem = cancel_problem(
            clock.to_local(row.cooling_off_until),
            row.cancelled_at,
            clock.now(),
            reason,
        )
        if problem is not None:
            raise (ValidationError if problem.field == "reason" else DomainError)(problem)
        written = (
            Sale.update(
                cancelled_at=clock.now_utc(),
                cancel_reason=reason,
                row_version=Sale.row_version + 1,
            )
            .where((Sale.id == sale_id) & (Sale.row_version == row.row_version))
            .execute()
        )
        if written != 1:
            raise _changed_elsewhere()
        Holding.update(closed_on=clock.today()).where(
            (Holding.client == row.client_id)
            & (Holding.product == row.product_id)
            & (Holding.created_at == row.created_at)
            & (Holding.amount_fen == row.amount_fen)
            & Holding.closed_on.is_null()
        ).execute()
        audit.record(AuditAction.SALE_CANCELLED, actor, row.client_id, f"sale {sale_id}")
        return get_sale(sale_id)


# ---------------------------------------------------------------- reading


def get_sale(sale_id: int) -> SaleInfo:
    row = _select().where(Sale.id == sale_id).tuples().first()
    if row is None:
        raise _sale_gone()
    return _info(row)


def client_sales(client_id: int, limit: int = 500) -> list[SaleInfo]:
    """A client's sales, newest first, cancelled ones included (and marked)."""
    query = (
        _select()
        .where(Sale.client == client_id)
        .order_by(Sale.signed_at.desc(), Sale.id.desc())
        .limit(limit)
    )
    return [_info(r) for r in query.tuples()]


def day_sales(day: dt.date | None = None) -> list[SaleInfo]:
    """The sales signed on *day* (local; today by default), in order, cancelled ones
    included (and marked)."""
    first, past = clock.stored_days(day or clock.today())
    query = (
        _select()
        .where((Sale.signed_at >= first) & (Sale.signed_at < past))
        .order_by(Sale.signed_at, Sale.id)
    )
    return [_info(r) for r in query.tuples()]


def sales_between(first: dt.date, last: dt.date, clients=None) -> list[SaleInfo]:
    """The sales signed from *first* to *last* (local days, both included), in order,
    cancelled ones included: one query where a day at a time would be one a day. With
    *clients* (a query selecting client ids), only theirs."""
    start, past = clock.stored_days(first, last + dt.timedelta(days=1))
    signed = (Sale.signed_at >= start) & (Sale.signed_at < past)
    if clients is not None:
        signed &= Sale.client.in_(clients)
    query = _select().where(signed).order_by(Sale.signed_at, Sale.id)
    return [_info(r) for r in query.tuples()]


# The suitability gate's reasons, by the field each refusal names (domain/suitability).
REFUSAL_REASONS = (
    "id_document",
    "guardian",
    "assessment",
    "product",
    "qualified_investor",
    "elderly_confirmed",
    "large_confirmed",
    "amount",
    "recording_ref",
    "manager",
)
# The reasons about the client and the product, rather than about the form's other fields.
SUITABILITY_REASONS = frozenset(
    {
        "id_document",
        "guardian",
        "assessment",
        "product",
        "qualified_investor",
        "elderly_confirmed",
        "large_confirmed",
        "manager",
    }
)


def refusal_met(
    draft: SaleDraft, family: ProductFamily | None, problems: Sequence[Problem]
) -> tuple[str, ...]:
    """The reasons of the refusal a manager met with *draft*, in the gate's order; ()
    when there was none to meet: the gate let it pass, or it was no sale attempt yet (no
    product, or no amount typed for a product bought for a sum). A form opened and
    closed untouched refuses nothing, and "amount" then is never "below the minimum".

    A product the client may not buy (no valid assessment, above their level, no 65+
    confirmation) is the refusal: the 双录 reference not typed yet for it is moot. The
    reference or the amount is the refusal only for a product the client may buy."""
    if family is None or not draft.product_id:
        return ()
    no_amount = not draft.amount_fen or draft.amount_fen <= 0
    if no_amount and family is not ProductFamily.CARD:  # a card is issued without a sum
        return ()
    fields = {p.field for p in problems}
    if fields & SUITABILITY_REASONS:
        fields &= SUITABILITY_REASONS
    return tuple(r for r in REFUSAL_REASONS if r in fields)


def record_refusal(
    client_id: int, product_id: int, reasons: Sequence[str], actor: str, desk: str = ""
) -> None:
    """A sale the suitability gate refused and the manager gave up (the dialog closed on a
    refusal): kept in the audit log with its reasons, for the day close's suitability
    events. Nothing of the sale is stored."""
    kept = sorted({r for r in reasons if r in REFUSAL_REASONS})
    if not kept:
        return
    with writing():
        audit.record(
            AuditAction.SALE_REFUSED,
            actor,
            client_id,
            f"product {product_id} desk {desk}: {','.join(kept)}",
        )


def day_refusals(day: dt.date | None = None) -> dict[str, int]:
    """How many refused sales named each reason on *day* (local; a sale refused for two
    reasons counts under both)."""
    first, past = clock.stored_days(day or clock.today())
    counts: dict[str, int] = {}
    query = AuditEntry.select(AuditEntry.detail).where(
        (AuditEntry.action == AuditAction.SALE_REFUSED.value)
        & (AuditEntry.at >= first)
        & (AuditEntry.at < past)
    )
    for (detail,) in query.tuples():
        for reason in detail.rpartition(": ")[2].split(","):
            if reason in REFUSAL_REASONS:
                counts[reason] = counts.get(reason, 0) + 1
    return counts


def day_totals(day: dt.date | None = None) -> SalesTotals:
    """The day's sales by family and sale type (count and fen), cancelled ones left out:
    what the day close reports."""
    return totals_of(day_sales(day))


def totals_of(sales: Sequence[SaleInfo]) -> SalesTotals:
    return sales_totals((s.family, s.sale_type, s.amount_fen, s.cancelled) for s in sales)


# ---------------------------------------------------------------- helpers


def _latest_assessment(client_id: int) -> tuple[int | None, dt.date | None]:
    row = (
        RiskAssessment.select(RiskAssessment.level, RiskAssessment.valid_until)
        .where(RiskAssessment.client == client_id)
        .order_by(RiskAssessment.assessed_on.desc(), RiskAssessment.id.desc())
        .tuples()
        .first()
    )
    if row is None:
        return None, None
    return row[0], stored_date(row[1])


def _select() -> peewee.ModelSelect:
    return Sale.select(
        Sale.id,
        Sale.client,
        Product.id,
        Product.code,
        Product.name,
        Product.family,
        Product.private,
        Sale.amount_fen,
        Sale.sale_type,
        Sale.visit,
        Sale.recording_ref,
        Sale.signed_at,
        Sale.cooling_off_until,
        Sale.cancelled_at,
        Sale.cancel_reason,
        Sale.client_level,
        Sale.product_rating,
        Sale.elderly_confirmed,
        Sale.actor,
        Sale.desk,
        Sale.row_version,
        Sale.guardian,
        Sale.own_income_proof,
        Sale.large_confirmed,
        Sale.recorded_at,
        Sale.recording_retain_until,
        Sale.recording_checked,
    ).join(Product)


def _info(row: tuple) -> SaleInfo:
    (
        sid,
        client,
        pid,
        code,
        name,
        family,
        private,
        amount,
        sale_type,
        visit,
        ref,
        signed,
        cooling,
        cancelled,
        reason,
        level,
        rating,
        elderly,
        actor,
        desk,
        version,
        guardian,
        income_proof,
        large,
        recorded,
        retain,
        checked,
    ) = row
    return SaleInfo(
        id=sid,
        client_id=client,
        product_id=pid,
        product_code=code,
        product_name=name,
        family=ProductFamily(family),
        private=bool(private),
        amount_fen=int(amount),
        sale_type=SaleType(sale_type),
        visit_id=visit,
        recording_ref=ref,
        signed_at=clock.to_local(stored_value(signed)),
        cooling_off_until=clock.to_local(stored_value(cooling)),
        cancelled_at=clock.to_local(stored_value(cancelled)),
        cancel_reason=reason,
        client_level=level,
        product_rating=rating,
        elderly_confirmed=bool(elderly),
        actor=actor,
        desk=desk,
        row_version=version,
        guardian=guardian or "",
        own_income_proof=income_proof or "",
        large_confirmed=bool(large),
        recorded_at=clock.to_local(stored_value(recorded)),
        recording_retain_until=stored_date(retain),
        recording_checked=bool(checked),
    )


def _detail(row: Sale, code: str) -> str:
    return f"sale {row.id} {code}"


def _client_gone() -> NotFound:
    return NotFound(Problem("client", QT_TRANSLATE_NOOP("domain", "This client no longer exists.")))


def _sale_gone() -> NotFound:
    return NotFound(Problem("sale", QT_TRANSLATE_NOOP("domain", "This sale no longer exists.")))


def _changed_elsewhere() -> ConflictError:
    return ConflictError(
        Problem(
            "sale",
            QT_TRANSLATE_NOOP(
                "domain",
                "Someone else changed this sale a moment ago; nothing was changed. "
                "Look at it again.",
            ),
        )
    )


# ---------------------------------------------------------------- the demo

# (code, name, family, rating, private, minimum in yuan, term in days)
DEMO_CATALOGUE: tuple[tuple[str, str, ProductFamily, int | None, bool, int, int | None], ...] = (
    ("LC-XJ001", "天天利现金管理类理财", ProductFamily.WEALTH, 1, False, 1, None),
    ("LC-WJ090", "稳健添利90天持有期理财", ProductFamily.WEALTH, 2, False, 10_000, 90),
    ("LC-WJ180", "稳健添利180天持有期理财", ProductFamily.WEALTH, 2, False, 10_000, 180),
    ("LC-GS365", "固收增强一年定开理财", ProductFamily.WEALTH, 2, False, 10_000, 365),
    ("LC-HH365", "平衡配置混合类理财", ProductFamily.WEALTH, 3, False, 10_000, 365),
    ("LC-QY730", "权益精选两年定开理财", ProductFamily.WEALTH, 4, False, 10_000, 730),
    ("LC-SM001", "私享鑫悦1号私募理财", ProductFamily.WEALTH, 4, True, 1_000_000, 365),
    ("CK-DQ1Y", "一年期整存整取定期存款", ProductFamily.LIABILITY, None, False, 50, 365),
    ("CK-DE3Y", "三年期大额存单", ProductFamily.LIABILITY, None, False, 200_000, 1095),
    ("CK-JG090", "挂钩黄金结构性存款90天", ProductFamily.LIABILITY, 1, False, 50_000, 90),
    ("CK-TZ007", "七天通知存款", ProductFamily.LIABILITY, None, False, 50_000, 7),
    ("JJ-HB001", "添益货币市场基金A", ProductFamily.INTERMEDIARY, 1, False, 1, None),
    ("JJ-ZQ001", "稳利纯债债券基金", ProductFamily.INTERMEDIARY, 2, False, 10, None),
    ("JJ-HH001", "均衡优选混合基金", ProductFamily.INTERMEDIARY, 3, False, 10, None),
    ("JJ-GP001", "科技成长股票基金", ProductFamily.INTERMEDIARY, 4, False, 10, None),
    ("JJ-QD001", "全球科技QDII基金", ProductFamily.INTERMEDIARY, 5, False, 100, None),
    ("JJ-SM001", "星河1号私募证券投资基金", ProductFamily.INTERMEDIARY, 5, True, 1_000_000, None),
    ("BX-ZS001", "福满堂增额终身寿险", ProductFamily.INTERMEDIARY, 2, False, 10_000, None),
    ("BX-YL001", "安享个人养老年金保险", ProductFamily.INTERMEDIARY, 1, False, 5_000, 3650),
    ("GJS-JC01", "如意积存金", ProductFamily.INTERMEDIARY, 3, False, 500, None),
    ("GJS-JT50", "福字金条50克", ProductFamily.INTERMEDIARY, 2, False, 30_000, None),
    ("DK-XF001", "个人消费贷款", ProductFamily.RETAIL_LOAN, None, False, 10_000, 1095),
    ("DK-JY001", "个人经营贷款", ProductFamily.RETAIL_LOAN, None, False, 100_000, 1095),
    ("KA-BJ001", "白金信用卡", ProductFamily.CARD, None, False, 0, None),
    ("KA-JK001", "金卡借记卡", ProductFamily.CARD, None, False, 0, None),
)
# What the family does not say of a demo product (issue 19): its kind, a private one's
# asset class.
DEMO_KINDS = {
    "CK-JG090": "structured_deposit",
    "JJ-HB001": "fund",
    "JJ-ZQ001": "fund",
    "JJ-HH001": "fund",
    "JJ-GP001": "fund",
    "JJ-QD001": "fund",
    "JJ-SM001": "fund",
    "BX-ZS001": "investment_insurance",
    "BX-YL001": "investment_insurance",
    "GJS-JC01": "precious_metal",
    "GJS-JT50": "precious_metal",
}
DEMO_ASSET_CLASSES = {"LC-SM001": "mixed", "JJ-SM001": "equity"}
DEMO_HOLDING_SHARE = 0.75  # of the demo clients hold something
DEMO_SALE_SHARE = 0.15  # of them bought something in the last month
DEMO_SALE_DAYS = 30


@dataclass(frozen=True)
class DemoSalesReport:
    products: int  # added to the catalogue (those already there are reused)
    holdings: int
    sales: int


@dataclass
class _DemoClient:
    id: int
    birth_date: dt.date | None
    level: int | None
    assessed_on: dt.date | None
    valid_until: dt.date | None
    owned: list[tuple[int, ProductFamily]]
    qualified_until: dt.date | None = None

    def level_on(self, day: dt.date) -> tuple[int | None, dt.date | None]:
        """The assessment the gate would have seen on *day* (none made later counts)."""
        if self.assessed_on is None or self.assessed_on > day:
            return None, None
        return self.level, self.valid_until


def create_demo_products_and_sales(
    rng: random.Random, client_ids: Sequence[int], today: dt.date, actor: str
) -> DemoSalesReport:
    """The demo catalogue (:data:`DEMO_CATALOGUE`, marked as demo, those already there
    reused), holdings for most of *client_ids* (some maturing in the coming weeks, the
    ones matured in the past paid out) and the sales of the last month, some of them on
    *today* before the clock's time.

    The sales pass the same gate as the desk's, on the assessment each client had on
    the day (run the demo risk assessments first to see rated products sold; without
    them only unrated products sell); a few private sales are cancelled within their
    cooling-off period. Rows are written in bulk, one transaction.
    """
    with writing():
        products = _demo_catalogue(actor)
        clients = _demo_clients(client_ids)
        _demo_qualified_investors(rng, clients, today, actor)
        holding_rows: list[dict] = []
        for client in clients:
            if rng.random() < DEMO_HOLDING_SHARE:
                holding_rows.extend(_demo_holdings(rng, client, products, today))
        sale_rows, sale_holdings = _demo_sales(rng, clients, products, today, actor)
        holding_rows.extend(sale_holdings)
        for start in range(0, len(holding_rows), 500):
            Holding.insert_many(holding_rows[start : start + 500]).execute()
        for start in range(0, len(sale_rows), 500):
            Sale.insert_many(sale_rows[start : start + 500]).execute()
        added = sum(1 for p in products if p.is_demo and p.created_now)
        audit.record(
            AuditAction.DEMO_CREATED,
            actor,
            None,
            f"{added} products, {len(holding_rows)} holdings, {len(sale_rows)} sales",
        )
    return DemoSalesReport(added, len(holding_rows), len(sale_rows))


@dataclass(frozen=True)
class _DemoProduct:
    info: catalogue.ProductInfo
    created_now: bool

    @property
    def is_demo(self) -> bool:
        return self.info.is_demo


def _demo_catalogue(actor: str) -> list[_DemoProduct]:
    out = []
    for code, name, family, rating, private, minimum, term in DEMO_CATALOGUE:
        existing = catalogue.product_by_code(code)
        if existing is not None:
            out.append(_DemoProduct(existing, False))
            continue
        draft = ProductDraft(
            code,
            name,
            family,
            rating,
            private,
            minimum * 100,
            term,
            kind=DEMO_KINDS.get(code, ""),
            asset_class=DEMO_ASSET_CLASSES.get(code, ""),
        )
        out.append(_DemoProduct(catalogue.create_product(draft, actor, is_demo=True), True))
    return out


def _demo_clients(client_ids: Sequence[int]) -> list[_DemoClient]:
    wanted = list(dict.fromkeys(client_ids))
    births: dict[int, dt.date | None] = {}
    latest: dict[int, tuple[int, dt.date, dt.date]] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        for cid, birth in (
            Client.select(Client.id, Client.birth_date).where(Client.id.in_(chunk)).tuples()
        ):
            births[cid] = stored_date(birth)
        query = (
            RiskAssessment.select(
                RiskAssessment.client,
                RiskAssessment.level,
                RiskAssessment.assessed_on,
                RiskAssessment.valid_until,
            )
            .where(RiskAssessment.client.in_(chunk))
            .order_by(RiskAssessment.assessed_on, RiskAssessment.id)
            .tuples()
        )
        for cid, level, on, until in query:
            latest[cid] = (level, stored_date(on), stored_date(until))
    return [
        _DemoClient(cid, births[cid], *latest.get(cid, (None, None, None)), [])
        for cid in wanted
        if cid in births
    ]


DEMO_QUALIFIED_SHARE = 0.1  # of the demo clients proved they are qualified investors


def _demo_qualified_investors(
    rng: random.Random, clients: list[_DemoClient], today: dt.date, actor: str
) -> None:
    """Qualified-investor records for a few adult clients (proved in the last months);
    the others are not qualified, and the gate sells them no private product."""
    rows = []
    for client in clients:
        adult = client.birth_date is not None and age_on(client.birth_date, today) >= 18
        if not adult or rng.random() >= DEMO_QUALIFIED_SHARE:
            continue
        proved = today - dt.timedelta(days=rng.randrange(30, 300))
        client.qualified_until = risk_valid_until(proved)
        rows.append(
            {
                "client": client.id,
                "experience_years": rng.choice((2, 3, 5, 8, 12)),
                "net_financial_assets_fen": rng.choice((300, 450, 800)) * 1_000_000,
                "financial_assets_fen": rng.choice((500, 600, 1_000)) * 1_000_000,
                "average_income_fen": rng.choice((20, 40, 80)) * 1_000_000,
                "proof_kind": rng.choice(("asset_certificate", "tax_record")),
                "proof_date": proved,
                "valid_until": client.qualified_until,
                "actor": actor,
                "created_at": clock.now_utc(),
            }
        )
    if rows:
        QualifiedInvestor.insert_many(rows).execute()


def _demo_amount(rng: random.Random, product: catalogue.ProductInfo) -> int:
    """A round amount in fen at or above the product's minimum, as clients buy."""
    if product.private:
        return rng.choice((100, 150, 200, 300, 500)) * 1_000_000
    if product.family is ProductFamily.CARD:
        return 0
    steps = rng.choice((1, 2, 3, 5, 8, 10, 20, 30, 50, 100))
    return max(product.min_amount_fen, steps * 1_000_000 // rng.choice((1, 2, 5)))


def _demo_holdings(
    rng: random.Random,
    client: _DemoClient,
    products: list[_DemoProduct],
    today: dt.date,
) -> list[dict]:
    level = client.level or 2  # older purchases, from before the assessments on record
    fitting = [
        p.info
        for p in products
        if is_holding(p.info.family)
        and not p.info.private
        and (p.info.risk_rating is None or p.info.risk_rating <= level)
    ]
    rows = []
    for product in rng.sample(fitting, min(len(fitting), rng.choice((1, 1, 2, 2, 3, 4)))):
        term = product.term_days
        if term and rng.random() < 0.3:
            # Maturing in the coming weeks: what the care list calls about.
            maturity = today + dt.timedelta(days=rng.randrange(1, 36))
            start = maturity - dt.timedelta(days=term)
        else:
            start = today - dt.timedelta(days=rng.randrange(30, 730))
            maturity = start + dt.timedelta(days=term) if term else None
        closed = maturity if maturity is not None and maturity < today else None
        moment = dt.datetime.combine(start, dt.time(10, 0))
        rows.append(
            {
                "client": client.id,
                "product": product.id,
                "amount_fen": _demo_amount(rng, product),
                "start_date": start,
                "maturity_date": maturity,
                "closed_on": closed,
                "created_at": moment,
            }
        )
        client.owned.append((product.id, product.family))
    return rows


def _demo_sales(
    rng: random.Random,
    clients: list[_DemoClient],
    products: list[_DemoProduct],
    today: dt.date,
    actor: str,
) -> tuple[list[dict], list[dict]]:
    """Sales on the weekdays of the last month (and today before now) that pass the
    gate, and the holdings they give."""
    now = clock.now()
    zone = now.tzinfo
    working = calendar_service.working_calendar().is_working_day
    days = [
        today - dt.timedelta(days=n)
        for n in range(DEMO_SALE_DAYS, -1, -1)
        if working(today - dt.timedelta(days=n))
    ]
    on_sale = [p.info for p in products if p.info.active]
    buyers = [c for c in clients if rng.random() < DEMO_SALE_SHARE]
    planned = []
    for client in buyers:
        for _ in range(rng.choice((1, 1, 2))):
            day = rng.choice(days)
            minute = rng.randrange(9 * 60, 17 * 60)
            signed = dt.datetime.combine(day, dt.time(minute // 60, minute % 60), zone)
            if signed < now:
                planned.append((signed, client))
    planned.sort(key=lambda p: (p[0], p[1].id))
    sales, holdings, serial = [], [], 0
    for signed, client in planned:
        day = signed.date()
        level, until = client.level_on(day)
        for product in rng.sample(on_sale, 4):
            amount = _demo_amount(rng, product)
            serial += 1
            ref = f"SL{day:%Y%m%d}{serial:05d}"
            elderly = elderly_rule_applies(client.birth_date, day, product.risk_rating)
            refused = suitability_problems(
                family=product.family,
                rating=product.risk_rating,
                min_amount_fen=product.min_amount_fen,
                amount_fen=amount,
                client_level=level,
                assessment_valid_until=until,
                today=day,
                birth_date=client.birth_date,
                recording_ref=ref,
                elderly_confirmed=elderly,
                kind=product.kind,
                private=product.private,
                qualified_until=client.qualified_until,
                large_confirmed=elderly,  # the demo's elderly confirm both
                # The demo's history is not checked against today's qualifications.
                qualifications=None,
            )
            if refused:
                continue
            stored = signed.astimezone(dt.UTC).replace(tzinfo=None)
            cooling = (
                cooling_off_end(stored, product.cooling_off_hours) if product.private else None
            )
            cancelled = None
            if cooling is not None and rng.random() < 0.25:
                cancelled = stored + dt.timedelta(hours=rng.randrange(1, 20))
                if cancelled > clock.now_utc():
                    cancelled = None
            sales.append(
                {
                    "client": client.id,
                    "product": product.id,
                    "amount_fen": amount,
                    "sale_type": suggest_sale_type(client.owned, product.id, product.family).value,
                    "visit": None,
                    "recording_ref": ref,
                    "signed_at": stored,
                    "cooling_off_until": cooling,
                    "cancelled_at": cancelled,
                    "cancel_reason": "客户冷静期内改变主意" if cancelled else "",
                    "client_level": level,
                    "product_rating": product.risk_rating,
                    "elderly_confirmed": elderly,
                    "large_confirmed": elderly and product.risk_rating is not None,
                    "recorded_at": stored,
                    "recording_retain_until": recording_retention(day, product.term_days),
                    # Reviewed within days: the day close lists the last few days' ones.
                    "recording_checked": bool(ref) and day < today - dt.timedelta(days=4),
                    "actor": actor,
                    "desk": "1",
                    "created_at": stored,
                }
            )
            if is_holding(product.family):
                holdings.append(
                    {
                        "client": client.id,
                        "product": product.id,
                        "amount_fen": amount,
                        "start_date": day,
                        "maturity_date": (
                            day + dt.timedelta(days=product.term_days)
                            if product.term_days
                            else None
                        ),
                        "closed_on": (clock.to_local(cancelled).date() if cancelled else None),
                        "created_at": stored,
                    }
                )
            if cancelled is None:
                client.owned.append((product.id, product.family))
            break
    return sales, holdings


def remove_demo_products(actor: str) -> int:
    """Remove the demo products nobody holds or bought any more (run after the demo
    clients are removed, whose holdings and sales went with them); returns how many."""
    with writing():
        used = Holding.select(Holding.product).union(Sale.select(Sale.product))
        removed = Product.delete().where(Product.is_demo & Product.id.not_in(used)).execute()
        if removed:
            audit.record(AuditAction.DEMO_REMOVED, actor, None, f"{removed} products")
        return removed


__all__ = [
    "SaleContext",
    "SaleDraft",
    "SaleInfo",
    "cancel_sale",
    "check_sale",
    "client_sales",
    "create_demo_products_and_sales",
    "day_sales",
    "day_totals",
    "get_sale",
    "record_sale",
    "remove_demo_products",
    "sale_context",
    "suggested_sale_type",
    "totals_of",
]
