"""The client book: create, update, find and reveal clients; every write audited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import peewee

from ..db.bulk import insert_rows
from ..db.connection import database
from ..db.models import (
    Appointment,
    CareCall,
    CareMessage,
    CareTask,
    Client,
    ClientSearchKey,
    FinancialPlan,
    Holding,
    QualifiedInvestor,
    RiskAssessment,
    Sale,
    Visit,
)
from ..domain.appointment import AppointmentStatus, CancelledBy
from ..domain.audit import AuditAction
from ..domain.care import CareTaskStatus
from ..domain.client import (
    ClientDraft,
    GenderCode,
    Horizon,
    IncomeBand,
    LiquidityNeed,
    MaritalStatus,
    ProductFamily,
    Tier,
    client_problems,
    normalize_draft,
    same_person_key,
)
from ..domain.errors import QT_TRANSLATE_NOOP, ConflictError, NotFound, Problem, ValidationError
from ..domain.identity import StoredDocument, age_on, normalize_phone
from ..domain.masking import mask_mobile, mask_resident_id
from ..domain.pinyin import name_pinyin
from ..domain.queue import OPEN_STATES
from ..domain.search import (
    KEY_END,
    client_search_keys,
    document_number_key,
    needs_more_digits,
    query_prefixes,
)
from . import audit, clock

SEARCH_LIMIT = 200


@dataclass(frozen=True)
class ClientSummary:
    """One line of the client table: identifiers masked."""

    id: int
    name: str
    tier: Tier
    gender: GenderCode | None
    age: int | None
    masked_mobile: str
    masked_id: str
    manager: str
    updated_at: dt.datetime
    is_demo: bool = False  # made by the demo, not a real client


@dataclass(frozen=True)
class ClientRecord:
    """A client for the detail form; ``draft.id_number``/``draft.mobile`` are None
    (unrevealed) and only the masked forms are carried."""

    id: int
    draft: ClientDraft
    masked_mobile: str
    masked_id: str
    row_version: int
    created_at: dt.datetime
    updated_at: dt.datetime
    is_demo: bool = False  # made by the demo, not a real client

    @property
    def has_mobile(self) -> bool:
        return bool(self.masked_mobile)

    @property
    def has_id_number(self) -> bool:
        return bool(self.masked_id)


@dataclass(frozen=True)
class Erasure:
    """What erasing a client's personal data kept, anonymised, and what it removed."""

    client_id: int
    sales_kept: int
    visits_kept: int
    holdings_removed: int
    appointments_cancelled: int
    care_tasks_removed: int


@dataclass(frozen=True)
class SearchResult:
    rows: list[ClientSummary]
    more: bool = False
    needs_more_digits: bool = False


# ---------------------------------------------------------------- reading


def count_clients() -> int:
    return Client.select().where(Client.in_book()).count()


_SUMMARY_FIELDS = (
    Client.id,
    Client.name,
    Client.tier,
    Client.gender,
    Client.birth_date,
    Client.mobile,
    Client.id_number,
    Client.manager,
    Client.updated_at,
    Client.pinyin_full,
    Client.is_demo,
)
_ID, _NAME, _PINYIN = 0, 1, 9  # positions in _SUMMARY_FIELDS


def list_clients(offset: int = 0, limit: int = SEARCH_LIMIT) -> list[ClientSummary]:
    """Clients in pinyin order, a page at a time."""
    query = (
        Client.select(*_SUMMARY_FIELDS)
        .where(Client.in_book())
        .order_by(Client.pinyin_full, Client.id)
        .offset(offset)
        .limit(limit)
        .tuples()
    )
    return _summaries(query)


def search_clients(query: str, limit: int = SEARCH_LIMIT) -> SearchResult:
    """Clients whose name contains *query*, whose pinyin or initials start with it,
    whose mobile or ID number ends with it (at least 4 digits), or whose other identity
    document's number (a passport's, a residence permit's) it is, whole."""
    prefixes = query_prefixes(query)
    if not prefixes:
        return SearchResult([], needs_more_digits=needs_more_digits(query))
    ids: dict[int, None] = {}
    for prefix in prefixes:
        matches = (
            ClientSearchKey.select(ClientSearchKey.client)
            .where((ClientSearchKey.key >= prefix) & (ClientSearchKey.key < prefix + KEY_END))
            .order_by(ClientSearchKey.key)
            .limit(limit + 1)
            .tuples()
        )
        for (client_id,) in matches:
            ids[client_id] = None
    more = len(ids) > limit
    found = list(Client.select(*_SUMMARY_FIELDS).where(Client.id.in_(list(ids))).tuples())
    text = "".join(query.split()).lower()

    def rank(values: tuple) -> tuple:
        # The exact name first, then names that start with the query, then in the
        # book's own order (pinyin, syllable by syllable).
        name = values[_NAME].lower()
        return (name != text, not name.startswith(text), values[_PINYIN], values[_ID])

    found.sort(key=rank)
    return SearchResult(_summaries(found[:limit]), more=more)


def possible_duplicates(
    name: str, mobile: str, exclude_id: int | None = None, limit: int = 20
) -> list[ClientSummary]:
    """Clients who may be the one about to be saved: those with the same mobile number,
    the ones with the same name too first. Empty without a mobile. Found through the
    mobile's index; *exclude_id* leaves out the client being edited."""
    number = normalize_phone(mobile or "")
    if not number:
        return []
    query = Client.select(*_SUMMARY_FIELDS).where(Client.mobile == number)
    if exclude_id is not None:
        query = query.where(Client.id != exclude_id)
    found = _summaries(query.order_by(Client.id).limit(_SHARED_MOBILE_MAX).tuples())
    wanted = same_person_key(name, number)
    found.sort(key=lambda c: same_person_key(c.name, number) != wanted)
    return found[:limit]


# More clients than this on one mobile number is a shop's or a placeholder number.
_SHARED_MOBILE_MAX = 200


def get_client(client_id: int) -> ClientRecord:
    return _record(_row_in_book(client_id))


def require_in_book(client_id: int) -> None:
    """Refuse (NotFound) to record anything for a client who is not, or no longer, in
    the book: never there, or erased at their request."""
    birth_date_in_book(client_id)


def birth_date_in_book(client_id: int) -> dt.date | None:
    """:func:`require_in_book`, and the client's birth date (None when not known), in
    the same one read: the queue's check-in needs both."""
    found = (
        Client.select(Client.erased_at, Client.birth_date)
        .where(Client.id == client_id)
        .tuples()
        .first()
    )
    if found is None:
        raise _no_such_client()
    if found[0] is not None:
        raise _erased_client()
    birth = found[1]
    if birth is None or isinstance(birth, dt.date):
        return birth
    return dt.date.fromisoformat(str(birth))


# ---------------------------------------------------------------- writing


def create_client(draft: ClientDraft, actor: str) -> ClientRecord:
    today = clock.today()
    clean = normalize_draft(draft, today)
    _raise_problems(client_problems(clean, today))
    with database.atomic():
        _refuse_duplicate_id(clean.id_number)
        now = clock.now_utc()
        try:
            row = Client.create(**_columns(clean), created_at=now, updated_at=now, row_version=1)
        except peewee.IntegrityError as exc:
            raise _duplicate_id_error() from exc
        _write_search_keys([(row.id, clean)], {})  # a new client: no document yet
        audit.record(AuditAction.CLIENT_CREATED, actor, row.id)
    return _record(row)


def update_client(
    client_id: int, draft: ClientDraft, expected_version: int, actor: str
) -> ClientRecord:
    """Save a form's changes, unless someone else saved this client since it was read."""
    today = clock.today()
    with database.atomic():
        row = _row_in_book(client_id)
        if row.row_version != expected_version:
            raise _changed_elsewhere()
        merged = replace(
            draft,
            id_number=(row.id_number or "") if draft.id_number is None else draft.id_number,
            mobile=(row.mobile or "") if draft.mobile is None else draft.mobile,
        )
        clean = normalize_draft(merged, today)
        _raise_problems(client_problems(clean, today))
        if clean.id_number and clean.id_number != (row.id_number or ""):
            _refuse_duplicate_id(clean.id_number, exclude=client_id)
        before = _columns(_draft(row))
        after = _columns(clean)
        changed = sorted(k for k in after if after[k] != before[k])
        if not changed:
            return _record(row)
        try:
            updated = (
                Client.update(
                    **after, updated_at=clock.now_utc(), row_version=Client.row_version + 1
                )
                .where((Client.id == client_id) & (Client.row_version == expected_version))
                .execute()
            )
        except peewee.IntegrityError as exc:
            raise _duplicate_id_error() from exc
        if updated != 1:
            raise _changed_elsewhere()
        if {"name", "mobile", "id_number"} & set(changed):
            ClientSearchKey.delete().where(ClientSearchKey.client == client_id).execute()
            _write_search_keys([(client_id, clean)])
        # Which fields changed, never their values: the log itself must not leak data.
        audit.record(AuditAction.CLIENT_UPDATED, actor, client_id, ",".join(changed))
        # A change of income, occupation, liquidity need or marital status makes the
        # risk assessment stale (issue 19): marked for renewal, with a care task.
        from .risk import mark_for_renewal  # risk reads clients: imported when used

        mark_for_renewal(client_id, changed)
        return _record(Client.get_by_id(client_id))


_REVEALS = {
    "mobile": AuditAction.REVEAL_MOBILE,
    "id_number": AuditAction.REVEAL_ID_NUMBER,
    # The number of the document shown when it is not the resident ID (a passport's…).
    "id_doc_number": AuditAction.REVEAL_DOC_NUMBER,
}


def reveal_identifier(client_id: int, field: str, actor: str) -> str:
    """The full mobile, ID number or document number, written to the audit log (which
    of them, never the value) before it is returned."""
    if field not in _REVEALS:
        raise ValueError(field)
    row = _row_in_book(client_id)
    with database.atomic():
        audit.record(_REVEALS[field], actor, client_id)
    return getattr(row, field) or ""


def record_id_number(client_id: int, number: str, actor: str) -> bool:
    """Make *number* (a valid resident ID, checked by the caller) the client's ID number,
    as the document tab records the resident ID the client showed: refused when another
    client holds it; the birth date and gender follow it, the search keys are rebuilt and
    the change is audited by its fields' names, as a form's save would be. Returns
    whether anything changed. Call inside the caller's transaction."""
    today = clock.today()
    row = _row_in_book(client_id)
    before = _draft(row)
    clean = normalize_draft(replace(before, id_number=number), today)
    if clean.id_number == (row.id_number or ""):
        return False
    _raise_problems(client_problems(clean, today))
    _refuse_duplicate_id(clean.id_number, exclude=client_id)
    after = _columns(clean)
    was = _columns(before)
    changed = [k for k in ("birth_date", "gender", "id_number") if after[k] != was[k]]
    try:
        Client.update(
            id_number=clean.id_number,
            birth_date=clean.birth_date,
            gender=after["gender"],
            updated_at=clock.now_utc(),
            row_version=Client.row_version + 1,
        ).where(Client.id == client_id).execute()
    except peewee.IntegrityError as exc:
        raise _duplicate_id_error() from exc
    ClientSearchKey.delete().where(ClientSearchKey.client == client_id).execute()
    _write_search_keys([(client_id, clean)])
    audit.record(AuditAction.CLIENT_UPDATED, actor, client_id, ",".join(changed))
    return True


# What an erased client is called wherever the bank's kept records name them.
ERASED_NAME = "—"

# The client's own columns, emptied; tier and manager stay, as the kept sales are
# counted by them, and they say nothing about the person.
_ERASED_COLUMNS = {
    "name": ERASED_NAME,
    "pinyin_full": "",
    "pinyin_initials": "",
    "gender": None,
    "birth_date": None,
    "id_number": None,
    "mobile": None,
    "occupation": "",
    "marital_status": None,
    "dependants": None,
    "income_band": None,
    "horizon": None,
    "liquidity_need": None,
    "interests": "",
    "training_needs": "",
    "personal_needs": "",
    "consent_data": False,
    "consent_data_on": None,
    "consent_marketing": False,
    "consent_marketing_on": None,
    "id_doc_expiry": None,
    "id_doc_number": None,
    "financial_assets_fen": None,
}


def erase_client(client_id: int, actor: str) -> Erasure:
    """Erase a client's personal data at their request (PIPL art. 47), in one
    transaction: the profile is emptied and leaves the book and the search; holdings,
    open care tasks and bookings still to come go; what the bank must keep (sales with
    what the suitability gate saw, visits, assessments' levels, calls' outcomes and
    durations) stays, anonymised, under the same client number. Audited without data.

    Refused while the client is in today's queue: that visit is finished first.
    """
    now = clock.now_utc()
    with database.atomic():
        _row_in_book(client_id)
        in_queue = Visit.select().where(
            (Visit.client == client_id) & Visit.state.in_([s.value for s in OPEN_STATES])
        )
        if in_queue.exists():
            raise ConflictError(
                Problem(
                    "client",
                    QT_TRANSLATE_NOOP(
                        "domain",
                        "This client is in the queue now. Finish or close their visit first, "
                        "then erase their data.",
                    ),
                )
            )
        Client.update(
            **_ERASED_COLUMNS,
            erased_at=now,
            updated_at=now,
            row_version=Client.row_version + 1,
        ).where(Client.id == client_id).execute()
        ClientSearchKey.delete().where(ClientSearchKey.client == client_id).execute()
        holdings = Holding.delete().where(Holding.client == client_id).execute()
        # A plan is advice to the person, with the manager's notes on them: not kept.
        FinancialPlan.delete().where(FinancialPlan.client == client_id).execute()
        visits = (
            Visit.update(walk_in_name="", walk_in_phone="", notes="")
            .where(Visit.client == client_id)
            .execute()
        )
        RiskAssessment.update(answers="").where(RiskAssessment.client == client_id).execute()
        # The proof was seen (its kind and date stay); the person's figures go, and so
        # does the guardian's name on a minor's sale.
        QualifiedInvestor.update(
            net_financial_assets_fen=0, financial_assets_fen=0, average_income_fen=0
        ).where(QualifiedInvestor.client == client_id).execute()
        Sale.update(guardian="", own_income_proof="").where(Sale.client == client_id).execute()
        # The messages stay as contacts (their channel and day); their texts named the person.
        CareMessage.update(text="").where(CareMessage.client == client_id).execute()
        cancelled = (
            Appointment.update(
                status=AppointmentStatus.CANCELLED.value,
                cancelled_by=CancelledBy.BANK.value,
                cancelled_at=now,
                updated_at=now,
                row_version=Appointment.row_version + 1,
            )
            .where(
                (Appointment.client == client_id)
                & (Appointment.start_at > now)
                & Appointment.status.in_(
                    [AppointmentStatus.BOOKED.value, AppointmentStatus.CONFIRMED.value]
                )
            )
            .execute()
        )
        Appointment.update(prospect_name="", prospect_mobile="", notes="", topics="").where(
            Appointment.client == client_id
        ).execute()
        # The calls stay for the time on client work; their notes were about the person.
        CareCall.update(notes="").where(CareCall.client == client_id).execute()
        tasks = (
            CareTask.delete()
            .where((CareTask.client == client_id) & (CareTask.status == CareTaskStatus.OPEN.value))
            .execute()
        )
        CareTask.update(title="").where(CareTask.client == client_id).execute()
        sales = Sale.select().where(Sale.client == client_id).count()
        audit.record(AuditAction.CLIENT_ERASED, actor, client_id, f"sales={sales},visits={visits}")
    return Erasure(client_id, sales, visits, holdings, cancelled, tasks)


def insert_clean_drafts(
    drafts: Sequence[ClientDraft],
    is_demo: bool = False,
    documents: Sequence[StoredDocument | None] | None = None,
) -> list[int]:
    """Insert already normalised and validated drafts in bulk; call inside a transaction.

    Used by the import and the demo (*is_demo*), which check every draft first.
    *documents*, one per draft when given: the identity document each client showed
    (checked too), or None for the default (a resident ID, no expiry on record).
    """
    if not drafts:
        return []
    now = clock.now_utc()
    first = _columns(drafts[0])
    names = [*first, "created_at", "updated_at", "row_version", "is_demo"]
    rows = [(*_columns(d).values(), now, now, 1, is_demo) for d in drafts]
    ids = insert_rows("client", names, rows, returning_id=True)
    numbers: dict[int, str] = {}
    for client_id, doc in zip(ids, documents or (), strict=False):
        if doc is None:
            continue
        Client.update(
            id_doc_type=doc.doc_type, id_doc_number=doc.number, id_doc_expiry=doc.expiry
        ).where(Client.id == client_id).execute()
        if doc.number:
            numbers[client_id] = doc.number
    _write_search_keys(list(zip(ids, drafts, strict=True)), numbers)
    return ids


def existing_people(keys: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
    """Which of these (name, mobile) :func:`same_person_key` keys belong to clients in
    the book; looked up by mobile, through its index."""
    wanted = set(keys)
    mobiles = sorted({mobile for _, mobile in wanted})
    found: set[tuple[str, str]] = set()
    for start in range(0, len(mobiles), 500):
        chunk = mobiles[start : start + 500]
        for name, mobile in (
            Client.select(Client.name, Client.mobile).where(Client.mobile.in_(chunk)).tuples()
        ):
            key = same_person_key(name, mobile)
            if key in wanted:
                found.add(key)
    return found


def existing_id_numbers(numbers: Iterable[str]) -> set[str]:
    wanted = [n for n in numbers if n]
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.update(
            n
            for (n,) in Client.select(Client.id_number).where(Client.id_number.in_(chunk)).tuples()
        )
    return found


# ---------------------------------------------------------------- helpers


def _row_in_book(client_id: int) -> Client:
    row = Client.get_or_none(Client.id == client_id)
    if row is None:
        raise _no_such_client()
    if row.erased_at is not None:
        raise _erased_client()
    return row


def _no_such_client() -> NotFound:
    return NotFound(Problem("client", QT_TRANSLATE_NOOP("domain", "This client no longer exists.")))


def _erased_client() -> NotFound:
    return NotFound(
        Problem(
            "client",
            QT_TRANSLATE_NOOP("domain", "This client's personal data was erased at their request."),
        )
    )


def _raise_problems(problems: list[Problem]) -> None:
    if problems:
        raise ValidationError(problems)


def _duplicate_id_error() -> ConflictError:
    return ConflictError(
        Problem(
            "id_number",
            QT_TRANSLATE_NOOP("domain", "A client with this ID number is already in the book."),
        )
    )


def _changed_elsewhere() -> ConflictError:
    return ConflictError(
        Problem(
            "client",
            QT_TRANSLATE_NOOP(
                "domain",
                "Someone else saved this client after you opened it. Your changes were not "
                "saved; reopen the client to see theirs.",
            ),
        )
    )


def _refuse_duplicate_id(id_number: str | None, exclude: int | None = None) -> None:
    if not id_number:
        return
    query = Client.select(Client.id).where(Client.id_number == id_number)
    if exclude is not None:
        query = query.where(Client.id != exclude)
    if query.exists():
        raise _duplicate_id_error()


def _write_search_keys(
    pairs: list[tuple[int, ClientDraft]], doc_numbers: dict[int, str] | None = None
) -> None:
    """The clients' search keys from their drafts, and from the number of the identity
    document other than a resident ID (*doc_numbers*; None: as on record)."""
    if doc_numbers is None:
        doc_numbers = _doc_numbers_on_record([client_id for client_id, _ in pairs])
    rows = [
        (key, client_id)
        for client_id, d in pairs
        for key in client_search_keys(
            d.name,
            name_pinyin(d.name),
            d.mobile or "",
            d.id_number or "",
            doc_numbers.get(client_id, ""),
        )
    ]
    insert_rows("client_search_key", ("key", "client_id"), rows, returning_id=False)


def _doc_numbers_on_record(client_ids: list[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    for start in range(0, len(client_ids), 500):
        chunk = client_ids[start : start + 500]
        query = Client.select(Client.id, Client.id_doc_number).where(
            Client.id.in_(chunk) & Client.id_doc_number.is_null(False)
        )
        found.update((cid, number) for cid, number in query.tuples() if number)
    return found


def write_document_search_key(client_id: int, number: str | None) -> None:
    """After the number of a client's identity document other than a resident ID changed
    (*number*: the stored one, None when there is none now): the client is found by the
    whole number typed at the desk, through its digest. Call inside the transaction."""
    ClientSearchKey.delete().where(
        (ClientSearchKey.client == client_id)
        & (ClientSearchKey.key >= "h")
        & (ClientSearchKey.key < "h" + KEY_END)
    ).execute()
    if number:
        ClientSearchKey.insert(key=document_number_key(number), client=client_id).execute()


# The widths of the pinyin columns (migration 1). They only order the book; search has
# keys of its own. A long name's pinyin (up to six letters a character and a space
# between syllables) is cut to fit, which PostgreSQL requires and SQLite would not notice.
_PINYIN_FULL_MAX, _PINYIN_INITIALS_MAX = 160, 40


def _columns(d: ClientDraft) -> dict[str, object]:
    pinyin = name_pinyin(d.name)
    return {
        "name": d.name,
        "pinyin_full": pinyin.sort_key[:_PINYIN_FULL_MAX],
        "pinyin_initials": pinyin.initials[:_PINYIN_INITIALS_MAX],
        "gender": d.gender.value if d.gender else None,
        "birth_date": d.birth_date,
        "id_number": d.id_number or None,
        "mobile": d.mobile or None,
        "tier": d.tier.value,
        "occupation": d.occupation,
        "marital_status": d.marital_status.value if d.marital_status else None,
        "dependants": d.dependants,
        "income_band": d.income_band.value if d.income_band else None,
        "horizon": d.horizon.value if d.horizon else None,
        "liquidity_need": d.liquidity_need.value if d.liquidity_need else None,
        "interests": ",".join(f.value for f in d.interests),
        "training_needs": d.training_needs,
        "personal_needs": d.personal_needs,
        "consent_data": bool(d.consent_data),
        "consent_data_on": d.consent_data_on,
        "consent_marketing": bool(d.consent_marketing),
        "consent_marketing_on": d.consent_marketing_on,
        "manager": d.manager,
    }


def _enum(kind, value):
    return kind(value) if value else None


def _draft(row: Client, reveal: bool = True) -> ClientDraft:
    return ClientDraft(
        name=row.name,
        id_number=(row.id_number or "") if reveal else None,
        mobile=(row.mobile or "") if reveal else None,
        gender=_enum(GenderCode, row.gender),
        birth_date=row.birth_date,
        tier=Tier(row.tier),
        occupation=row.occupation,
        marital_status=_enum(MaritalStatus, row.marital_status),
        dependants=row.dependants,
        income_band=_enum(IncomeBand, row.income_band),
        horizon=_enum(Horizon, row.horizon),
        liquidity_need=_enum(LiquidityNeed, row.liquidity_need),
        interests=tuple(ProductFamily(v) for v in row.interests.split(",") if v),
        training_needs=row.training_needs,
        personal_needs=row.personal_needs,
        consent_data=bool(row.consent_data),
        consent_data_on=row.consent_data_on,
        consent_marketing=bool(row.consent_marketing),
        consent_marketing_on=row.consent_marketing_on,
        manager=row.manager,
    )


def _record(row: Client) -> ClientRecord:
    return ClientRecord(
        id=row.id,
        draft=_draft(row, reveal=False),
        masked_mobile=mask_mobile(row.mobile),
        masked_id=mask_resident_id(row.id_number),
        row_version=row.row_version,
        created_at=clock.to_local(row.created_at),
        updated_at=clock.to_local(row.updated_at),
        is_demo=bool(row.is_demo),
    )


def _summaries(rows: Iterable[tuple]) -> list[ClientSummary]:
    """Table lines from plain tuples of :data:`_SUMMARY_FIELDS`: building peewee models
    and converting time zones row by row was most of a search's time."""
    today = clock.today()
    local_zone = clock.now().tzinfo
    utc = dt.UTC
    out = []
    for cid, name, tier, gender, birth, mobile, id_number, manager, updated, _p, demo in rows:
        out.append(
            ClientSummary(
                id=cid,
                name=name,
                tier=_TIERS[tier],
                gender=_GENDERS.get(gender),
                age=age_on(birth, today) if birth else None,
                masked_mobile=mask_mobile(mobile),
                masked_id=mask_resident_id(id_number),
                manager=manager,
                updated_at=updated.replace(tzinfo=utc).astimezone(local_zone),
                is_demo=bool(demo),
            )
        )
    return out


_TIERS = {t.value: t for t in Tier}
_GENDERS = {g.value: g for g in GenderCode}

__all__ = [
    "ERASED_NAME",
    "ClientRecord",
    "ClientSummary",
    "Erasure",
    "SearchResult",
    "count_clients",
    "create_client",
    "erase_client",
    "get_client",
    "list_clients",
    "possible_duplicates",
    "record_id_number",
    "require_in_book",
    "reveal_identifier",
    "search_clients",
    "update_client",
    "write_document_search_key",
]
