"""The product catalogue and clients' holdings: list, find, create, change, deactivate
products, import them from CSV; add, close and list a client's holdings, and find the
holdings that mature between two days (the care list's maturities).

The rules live in ``domain/product.py`` (and ``domain/product_csv.py`` for files); this
module keeps the rows and wraps each change in one transaction. Amounts are fen (分).
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import peewee

from ..db.connection import database
from ..db.models import Holding, Product
from ..db.transactions import is_postgres, writing
from ..domain.audit import AuditAction
from ..domain.client import ProductFamily
from ..domain.client_csv import CsvFileError
from ..domain.csv_file import decode_csv
from ..domain.errors import (
    QT_TRANSLATE_NOOP,
    ConflictError,
    NotFound,
    Problem,
    ValidationError,
)
from ..domain.product import (
    AMOUNT_MAX_FEN,
    ProductDraft,
    format_fen,
    normalize_code,
    normalize_product,
    product_problems,
)
from ..domain.product_csv import read_product_rows
from ..domain.times import stored_date
from . import audit, clients, clock
from .client_import import (
    ImportCancelled,
    ImportReport,
    Rejection,
    cancelled_report,
    new_report,
    read_csv_file,
)

log = logging.getLogger(__name__)
_PROGRESS_EVERY = 250


# ---------------------------------------------------------------- what goes in and out


@dataclass(frozen=True)
class ProductInfo:
    id: int
    code: str
    name: str
    family: ProductFamily
    risk_rating: int | None
    private: bool
    min_amount_fen: int
    term_days: int | None
    active: bool
    notes: str
    is_demo: bool
    row_version: int
    created_at: dt.datetime  # local
    updated_at: dt.datetime
    kind: str = ""  # ProductKind value or ""
    asset_class: str = ""  # AssetClass value of a private product
    cooling_off_hours: int = 24

    @property
    def draft(self) -> ProductDraft:
        return ProductDraft(
            code=self.code,
            name=self.name,
            family=self.family,
            risk_rating=self.risk_rating,
            private=self.private,
            min_amount_fen=self.min_amount_fen,
            term_days=self.term_days,
            active=self.active,
            notes=self.notes,
            kind=self.kind,
            asset_class=self.asset_class,
            cooling_off_hours=self.cooling_off_hours,
        )


@dataclass(frozen=True)
class HoldingInfo:
    id: int
    client_id: int
    product_id: int
    product_code: str
    product_name: str
    family: ProductFamily
    risk_rating: int | None
    amount_fen: int
    start_date: dt.date
    maturity_date: dt.date | None
    closed_on: dt.date | None

    @property
    def is_open(self) -> bool:
        return self.closed_on is None

    def days_to_maturity(self, today: dt.date) -> int | None:
        """Days from *today* to the maturity (0 today, negative when past); None without."""
        return None if self.maturity_date is None else (self.maturity_date - today).days


@dataclass(frozen=True)
class ClientHoldings:
    """A client's holdings, open ones first (by maturity), and the total of the open."""

    rows: tuple[HoldingInfo, ...]
    total_fen: int

    @property
    def open_rows(self) -> tuple[HoldingInfo, ...]:
        return tuple(h for h in self.rows if h.is_open)


# ---------------------------------------------------------------- the catalogue


def list_products(
    search: str = "",
    family: ProductFamily | None = None,
    include_inactive: bool = False,
) -> list[ProductInfo]:
    """The catalogue by family and code: products whose code or name holds *search*
    (any case), of *family* when given, the inactive ones only when asked."""
    query = Product.select().order_by(Product.family, Product.code)
    text = " ".join((search or "").split())
    if text:
        pattern = f"%{text}%"
        query = query.where(Product.code.contains(normalize_code(text)) | (Product.name**pattern))
    if family is not None:
        query = query.where(Product.family == ProductFamily(family).value)
    if not include_inactive:
        query = query.where(Product.active == True)  # noqa: E712 (peewee builds SQL)
    families = list(ProductFamily)
    rows = [_product(p) for p in query]
    rows.sort(key=lambda p: (families.index(p.family), p.code))
    return rows


def get_product(product_id: int) -> ProductInfo:
    sql, params = _product_by_id()
    row = database.execute_sql(sql, [product_id if p == -1 else p for p in params]).fetchone()
    if row is None:
        raise _product_gone()
    values = {f.name: f.python_value(v) for f, v in zip(_PRODUCT_FIELDS, row, strict=True)}
    return _product(Product(**values))


_PRODUCT_FIELDS = tuple(Product._meta.sorted_fields)


@functools.cache
def _product_by_id_for(backend: str) -> tuple[str, tuple]:
    """The one-product SELECT, compiled by peewee once per backend: building it anew was
    most of the time of a sale's check (its parameters: -1 stands for the product)."""
    sql, params = Product.select().where(Product.id == -1).sql()
    assert params.count(-1) == 1, params
    return sql, tuple(params)


def _product_by_id() -> tuple[str, tuple]:
    return _product_by_id_for("postgresql" if is_postgres() else "sqlite")


def product_by_code(code: str) -> ProductInfo | None:
    row = Product.get_or_none(Product.code == normalize_code(code))
    return None if row is None else _product(row)


def check_product(draft: ProductDraft, editing_id: int | None = None) -> list[Problem]:
    """Every reason *draft* cannot be saved (the form's live check): the rules, and a
    code another product already has."""
    draft = normalize_product(draft)
    problems = product_problems(draft)
    if draft.code and not any(p.field == "code" for p in problems):
        taken = Product.select(Product.id).where(Product.code == draft.code)
        if editing_id is not None:
            taken = taken.where(Product.id != editing_id)
        if taken.exists():
            problems.append(_code_taken(draft.code))
    return problems


def create_product(draft: ProductDraft, actor: str, is_demo: bool = False) -> ProductInfo:
    draft = normalize_product(draft)
    with writing():
        problems = check_product(draft)
        if problems:
            raise ValidationError(problems)
        now = clock.now_utc()
        row = Product.create(**_columns(draft), is_demo=is_demo, created_at=now, updated_at=now)
        audit.record(AuditAction.PRODUCT_CREATED, actor, None, _detail(row.id, draft.code))
        return _product(row)


def update_product(
    product_id: int, draft: ProductDraft, actor: str, expected_version: int | None = None
) -> ProductInfo:
    """Save the changed product unless someone changed it since it was read
    (*expected_version*); a sale saved earlier keeps the rating it was sold under."""
    draft = normalize_product(draft)
    with writing():
        row = _product_row(product_id)
        problems = check_product(draft, editing_id=product_id)
        if problems:
            raise ValidationError(problems)
        _write(row, expected_version, **_columns(draft))
        audit.record(AuditAction.PRODUCT_UPDATED, actor, None, _detail(product_id, draft.code))
        return get_product(product_id)


def set_active(
    product_id: int, active: bool, actor: str, expected_version: int | None = None
) -> ProductInfo:
    """Take a product off sale (or back on): it stays in the catalogue, in holdings and
    in sales, but is no longer offered for a new sale."""
    with writing():
        row = _product_row(product_id)
        _write(row, expected_version, active=active)
        audit.record(
            AuditAction.PRODUCT_UPDATED,
            actor,
            None,
            f"{_detail(product_id, row.code)} {'active' if active else 'inactive'}",
        )
        return get_product(product_id)


def deactivate_product(
    product_id: int, actor: str, expected_version: int | None = None
) -> ProductInfo:
    return set_active(product_id, False, actor, expected_version)


# ---------------------------------------------------------------- importing


def import_products(
    path: Path,
    actor: str,
    progress: Callable[[int, int], bool] | None = None,
) -> ImportReport:
    """Import the products in *path*, as a client list is imported: each row checked
    with the product rules, a code already in the catalogue or earlier in the file
    refused, the rows that pass saved in one transaction (a cancel through *progress*
    returning False keeps nothing). Raises :class:`CsvFileError` when the file as a
    whole cannot be read."""
    decoded = decode_csv(read_csv_file(path))
    rows, ignored = read_product_rows(decoded.text)
    report = new_report(decoded, ignored)
    total_lines = max(decoded.text.count("\n"), 1)
    next_report = _PROGRESS_EVERY

    def keep_going(done: int) -> bool:
        return progress is None or progress(done, total_lines) is not False

    try:
        with writing():
            in_catalogue = {code for (code,) in Product.select(Product.code).tuples()}
            earlier: dict[str, int] = {}
            now = clock.now_utc()
            keep: list[dict] = []
            for row in rows:
                if row.problems or row.draft is None:
                    report.rejected.append(Rejection(row.line, row.problems))
                elif row.draft.code in earlier:
                    problem = Problem(
                        "code",
                        QT_TRANSLATE_NOOP("domain", "The same product code is on line {line}."),
                        {"line": earlier[row.draft.code]},
                    )
                    report.rejected.append(Rejection(row.line, (problem,)))
                elif row.draft.code in in_catalogue:
                    report.rejected.append(Rejection(row.line, (_code_taken(row.draft.code),)))
                else:
                    earlier[row.draft.code] = row.line
                    keep.append({**_columns(row.draft), "created_at": now, "updated_at": now})
                if row.line >= next_report:
                    next_report = row.line + _PROGRESS_EVERY
                    if not keep_going(min(row.line, total_lines)):
                        raise ImportCancelled
            for start in range(0, len(keep), 500):
                Product.insert_many(keep[start : start + 500]).execute()
            report.imported = len(keep)
            if not keep_going(total_lines):
                raise ImportCancelled
            report.rejected.sort(key=lambda r: r.line)
            audit.record(
                AuditAction.PRODUCTS_IMPORTED,
                actor,
                None,
                f"{Path(path).name}: imported {report.imported}, rejected {len(report.rejected)}",
            )
    except ImportCancelled:
        log.info("import of %s cancelled; nothing kept", path)
        return cancelled_report(report)
    log.info("imported %s: %d imported, %d rejected", path, report.imported, len(report.rejected))
    return report


# ---------------------------------------------------------------- holdings


def client_holdings(client_id: int, include_closed: bool = False) -> ClientHoldings:
    """A client's holdings (open ones; closed ones too when asked), open first and by
    maturity, with the total of the open ones."""
    query = _holding_select().where(Holding.client == client_id)
    if not include_closed:
        query = query.where(Holding.closed_on.is_null())
    rows = [_holding(r) for r in query.tuples()]
    far = dt.date.max
    rows.sort(key=lambda h: (not h.is_open, h.maturity_date or far, h.start_date, h.id))
    return ClientHoldings(tuple(rows), sum(h.amount_fen for h in rows if h.is_open))


def holding_total(client_id: int) -> int:
    """The sum of a client's open holdings, in fen."""
    total = (
        Holding.select(peewee.fn.SUM(Holding.amount_fen))
        .where((Holding.client == client_id) & Holding.closed_on.is_null())
        .scalar()
    )
    return int(total or 0)


def add_holding(
    client_id: int,
    product_id: int,
    amount_fen: int,
    start_date: dt.date,
    actor: str,
    maturity_date: dt.date | None = None,
) -> HoldingInfo:
    """Record that a client holds *amount_fen* of a product from *start_date*. Without a
    *maturity_date* a product with a term matures that many days after the start."""
    with writing():
        holding_id = insert_holding(client_id, product_id, amount_fen, start_date, maturity_date)
        audit.record(AuditAction.HOLDING_ADDED, actor, client_id, f"holding {holding_id}")
        return get_holding(holding_id)


def insert_holding(
    client_id: int,
    product_id: int,
    amount_fen: int,
    start_date: dt.date,
    maturity_date: dt.date | None,
    created_at: dt.datetime | None = None,
) -> int:
    """Check and insert one holding; call inside a write transaction (also the sales
    service's, which adds the holding of a sale)."""
    clients.require_in_book(client_id)
    product = _product_row(product_id)
    if maturity_date is None and product.term_days:
        maturity_date = start_date + dt.timedelta(days=product.term_days)
    problems = []
    if not 0 < amount_fen <= AMOUNT_MAX_FEN:
        problems.append(
            Problem(
                "amount",
                QT_TRANSLATE_NOOP("domain", "The amount is more than 0 and at most {max} yuan."),
                {"max": format_fen(AMOUNT_MAX_FEN, cents=False)},
            )
        )
    if maturity_date is not None and maturity_date < start_date:
        problems.append(
            Problem(
                "maturity_date",
                QT_TRANSLATE_NOOP("domain", "The maturity is before the start."),
            )
        )
    if problems:
        raise ValidationError(problems)
    row = Holding.create(
        client=client_id,
        product=product_id,
        amount_fen=amount_fen,
        start_date=start_date,
        maturity_date=maturity_date,
        created_at=created_at or clock.now_utc(),
    )
    return row.id


def close_holding(holding_id: int, actor: str, closed_on: dt.date | None = None) -> HoldingInfo:
    """The holding was redeemed or paid out on *closed_on* (today by default); it leaves
    the client's total and the maturities."""
    closed_on = closed_on or clock.today()
    with writing():
        row = Holding.get_or_none(Holding.id == holding_id)
        if row is None:
            raise _holding_gone()
        if closed_on < row.start_date:
            raise ValidationError(
                Problem(
                    "closed_on",
                    QT_TRANSLATE_NOOP("domain", "A holding cannot close before it started."),
                )
            )
        closed = (
            Holding.update(closed_on=closed_on)
            .where((Holding.id == holding_id) & Holding.closed_on.is_null())
            .execute()
        )
        if closed != 1:
            raise ConflictError(
                Problem("holding", QT_TRANSLATE_NOOP("domain", "This holding is already closed."))
            )
        audit.record(AuditAction.HOLDING_CLOSED, actor, row.client_id, f"holding {holding_id}")
        return get_holding(holding_id)


def get_holding(holding_id: int) -> HoldingInfo:
    row = _holding_select().where(Holding.id == holding_id).tuples().first()
    if row is None:
        raise _holding_gone()
    return _holding(row)


def maturing_between(first: dt.date, last: dt.date) -> list[HoldingInfo]:
    """Open holdings maturing from *first* to *last*, both included, by maturity."""
    query = (
        _holding_select()
        .where(
            Holding.closed_on.is_null()
            & (Holding.maturity_date >= first)
            & (Holding.maturity_date <= last)
        )
        .order_by(Holding.maturity_date, Holding.id)
    )
    return [_holding(r) for r in query.tuples()]


def owned_products(client_id: int) -> list[tuple[int, ProductFamily]]:
    """(product, family) of every holding the client has or had."""
    query = (
        Holding.select(Product.id, Product.family)
        .join(Product)
        .where(Holding.client == client_id)
        .tuples()
    )
    return [(pid, ProductFamily(family)) for pid, family in query]


# ---------------------------------------------------------------- helpers


def _product_row(product_id: int) -> Product:
    row = Product.get_or_none(Product.id == product_id)
    if row is None:
        raise _product_gone()
    return row


def _product_gone() -> NotFound:
    return NotFound(
        Problem("product", QT_TRANSLATE_NOOP("domain", "This product no longer exists."))
    )


def _product(row: Product) -> ProductInfo:
    return ProductInfo(
        id=row.id,
        code=row.code,
        name=row.name,
        family=ProductFamily(row.family),
        risk_rating=row.risk_rating,
        private=bool(row.private),
        min_amount_fen=int(row.min_amount_fen),
        term_days=row.term_days,
        active=bool(row.active),
        notes=row.notes,
        is_demo=bool(row.is_demo),
        row_version=row.row_version,
        created_at=clock.to_local(row.created_at),
        updated_at=clock.to_local(row.updated_at),
        kind=row.kind or "",
        asset_class=row.asset_class or "",
        cooling_off_hours=int(row.cooling_off_hours or 24),
    )


def _columns(draft: ProductDraft) -> dict[str, object]:
    return {
        "code": draft.code,
        "name": draft.name,
        "family": ProductFamily(draft.family).value,
        "risk_rating": draft.risk_rating,
        "private": bool(draft.private),
        "min_amount_fen": int(draft.min_amount_fen),
        "term_days": draft.term_days,
        "active": bool(draft.active),
        "notes": draft.notes,
        "kind": draft.kind or "",
        "asset_class": draft.asset_class or "",
        "cooling_off_hours": int(draft.cooling_off_hours),
    }


def _write(row: Product, expected_version: int | None, **changes) -> None:
    """Change *row* unless someone changed it since the caller (or this transaction)
    read it."""
    version = row.row_version if expected_version is None else expected_version
    written = (
        Product.update(**changes, updated_at=clock.now_utc(), row_version=Product.row_version + 1)
        .where((Product.id == row.id) & (Product.row_version == version))
        .execute()
    )
    if written != 1:
        raise ConflictError(
            Problem(
                "product",
                QT_TRANSLATE_NOOP(
                    "domain",
                    "Someone else changed this product a moment ago; nothing was changed. "
                    "Look at it again.",
                ),
            )
        )


def _code_taken(code: str) -> Problem:
    return Problem(
        "code",
        QT_TRANSLATE_NOOP("domain", "A product with the code {code} is already in the catalogue."),
        {"code": code},
    )


def _detail(product_id: int, code: str) -> str:
    return f"product {product_id} {code}"


def _holding_select() -> peewee.ModelSelect:
    return Holding.select(
        Holding.id,
        Holding.client,
        Product.id,
        Product.code,
        Product.name,
        Product.family,
        Product.risk_rating,
        Holding.amount_fen,
        Holding.start_date,
        Holding.maturity_date,
        Holding.closed_on,
    ).join(Product)


def _holding(row: Iterable) -> HoldingInfo:
    hid, client, pid, code, name, family, rating, amount, start, maturity, closed = row
    return HoldingInfo(
        id=hid,
        client_id=client,
        product_id=pid,
        product_code=code,
        product_name=name,
        family=ProductFamily(family),
        risk_rating=rating,
        amount_fen=int(amount),
        start_date=stored_date(start),
        maturity_date=stored_date(maturity),
        closed_on=stored_date(closed),
    )


def _holding_gone() -> NotFound:
    return NotFound(
        Problem("holding", QT_TRANSLATE_NOOP("domain", "This holding no longer exists."))
    )


__all__ = [
    "ClientHoldings",
    "CsvFileError",
    "HoldingInfo",
    "ImportReport",
    "ProductInfo",
    "add_holding",
    "check_product",
    "client_holdings",
    "close_holding",
    "create_product",
    "deactivate_product",
    "get_holding",
    "get_product",
    "holding_total",
    "import_products",
    "list_products",
    "maturing_between",
    "owned_products",
    "product_by_code",
    "set_active",
    "update_product",
]
