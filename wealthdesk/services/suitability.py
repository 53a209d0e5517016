"""What the suitability gate needs recorded about a client besides the risk assessment:
their identity document (type, number and expiry) and declared financial assets, and their
qualified-investor (合格投资者) record with its proof. The rules live in
``domain/investor.py`` and ``domain/suitability.py``; the sales service reads these
records inside the transaction that saves a sale."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..db.models import Client, QualifiedInvestor
from ..db.transactions import writing
from ..domain.audit import AuditAction
from ..domain.client import IdDocType
from ..domain.errors import QT_TRANSLATE_NOOP, Problem, ValidationError
from ..domain.identity import document_number_problem, normalize_document_number
from ..domain.investor import (
    Criterion,
    ProofKind,
    QualifiedInvestorDraft,
    criteria_met,
    qualified_investor_problems,
)
from ..domain.masking import mask_document_number
from ..domain.product import AMOUNT_MAX_FEN
from ..domain.risk import valid_until
from ..domain.times import stored_date
from . import audit, clients, clock


@dataclass(frozen=True)
class IdentityDocument:
    client_id: int
    doc_type: IdDocType
    expiry: dt.date | None
    financial_assets_fen: int | None
    # The document's number, masked: a resident ID's is the client's ID number, any
    # other document's its own (empty: not on record). The full one only through
    # clients.reveal_identifier(client_id, number_field, actor), audited.
    masked_number: str = ""

    @property
    def number_field(self) -> str:
        """Where the number is kept: the client's ``id_number`` for a resident ID, else
        ``id_doc_number`` (what :func:`clients.reveal_identifier` is asked for)."""
        return "id_number" if self.doc_type is IdDocType.RESIDENT_ID else "id_doc_number"

    @property
    def has_number(self) -> bool:
        return bool(self.masked_number)

    @property
    def birth_date_from_number(self) -> bool:
        """Does the document's number give the age (a resident ID), or does the gate take
        the birth date recorded in the client's profile."""
        return self.doc_type is IdDocType.RESIDENT_ID

    def expired(self, today: dt.date) -> bool:
        """Its expiry day passed: no sale until a renewed document is recorded."""
        return self.expiry is not None and self.expiry < today


@dataclass(frozen=True)
class QualifiedInvestorInfo:
    id: int
    client_id: int
    experience_years: int
    net_financial_assets_fen: int
    financial_assets_fen: int
    average_income_fen: int
    proof_kind: ProofKind
    proof_date: dt.date
    valid_until: dt.date
    actor: str

    def is_valid(self, today: dt.date) -> bool:
        return self.valid_until >= today

    @property
    def criteria(self) -> tuple[Criterion, ...]:
        """Which of 第五条's figures the record meets."""
        return criteria_met(
            self.net_financial_assets_fen, self.financial_assets_fen, self.average_income_fen
        )


def identity_document(client_id: int) -> IdentityDocument:
    row = (
        Client.select(
            Client.id_doc_type,
            Client.id_doc_expiry,
            Client.financial_assets_fen,
            Client.id_number,
            Client.id_doc_number,
        )
        .where(Client.id == client_id)
        .tuples()
        .first()
    )
    if row is None:
        clients.require_in_book(client_id)  # raises: no such client
    kind, expiry, assets, id_number, doc_number = row
    kind = IdDocType.parse(kind or "") or IdDocType.RESIDENT_ID
    return IdentityDocument(
        client_id,
        kind,
        stored_date(expiry),
        None if assets is None else int(assets),
        mask_document_number(id_number if kind is IdDocType.RESIDENT_ID else doc_number),
    )


_NO_TYPE = QT_TRANSLATE_NOOP(
    "domain",
    "Choose the document: resident ID card, residence permit, permanent residence ID or passport.",
)


def record_identity_document(
    client_id: int,
    doc_type: IdDocType | str,
    expiry: dt.date | None,
    actor: str,
    financial_assets_fen: int | None = None,
    number: str | None = None,
) -> IdentityDocument:
    """Record the document the client showed: its type, its *number* and its expiry
    (None: long-term), and the financial assets they declare (None: not declared).

    *number* is checked by the document's own rule (``domain.identity``); None keeps the
    number on record when the type is unchanged (a document of another type has none
    until it is typed); "" is refused. A resident ID's number becomes the client's ID
    number (duplicates refused; the birth date and gender follow it); another
    document's is kept beside it, and the age then comes from the birth date in the
    client's profile. An expired document is recorded as it is, and blocks every sale
    until a valid one is recorded. The audit entry names the type, the expiry and
    whether the number changed, never the number."""
    kind = IdDocType.parse(str(doc_type))
    problems = []
    if kind is None:
        problems.append(Problem("id_doc_type", _NO_TYPE))
    elif number is not None and (
        wrong := document_number_problem(kind.value, number, clock.today())
    ):
        problems.append(wrong)
    if financial_assets_fen is not None and not 0 <= financial_assets_fen <= AMOUNT_MAX_FEN:
        problems.append(
            Problem(
                "financial_assets",
                QT_TRANSLATE_NOOP("domain", "The financial assets are from 0 to {max} yuan."),
                {"max": AMOUNT_MAX_FEN // 100},
            )
        )
    if problems:
        raise ValidationError(problems)
    typed = None if number is None else normalize_document_number(number)
    with writing():
        clients.require_in_book(client_id)
        stored_kind, stored_number = (
            Client.select(Client.id_doc_type, Client.id_doc_number)
            .where(Client.id == client_id)
            .tuples()
            .first()
        )
        number_changed = False
        if kind is IdDocType.RESIDENT_ID:
            doc_number = None
            if typed is not None:
                number_changed = clients.record_id_number(client_id, typed, actor)
        else:
            kept = stored_number if stored_kind == kind.value else None
            doc_number = kept if typed is None else typed
            number_changed = doc_number != stored_number
        Client.update(
            id_doc_type=kind.value,
            id_doc_expiry=expiry,
            id_doc_number=doc_number,
            financial_assets_fen=financial_assets_fen,
            updated_at=clock.now_utc(),
        ).where(Client.id == client_id).execute()
        if doc_number != stored_number:
            clients.write_document_search_key(client_id, doc_number)
        detail = f"{kind.value} until {expiry.isoformat() if expiry else 'long-term'}"
        audit.record(
            AuditAction.ID_DOCUMENT_RECORDED,
            actor,
            client_id,
            detail + (", number changed" if number_changed else ""),
        )
    return identity_document(client_id)


def record_qualified_investor(
    client_id: int, draft: QualifiedInvestorDraft, actor: str
) -> QualifiedInvestorInfo:
    """Record the client's qualified-investor proof; refused, naming why, when the
    figures do not meet 资管新规 第五条 or the proof is missing, future or over a year old.
    Valid for a year from the proof's date."""
    today = clock.today()
    problems = qualified_investor_problems(draft, today)
    if problems:
        raise ValidationError(problems)
    with writing():
        clients.require_in_book(client_id)
        row = QualifiedInvestor.create(
            client=client_id,
            experience_years=draft.experience_years,
            net_financial_assets_fen=draft.net_financial_assets_fen,
            financial_assets_fen=draft.financial_assets_fen,
            average_income_fen=draft.average_income_fen,
            proof_kind=ProofKind.parse(draft.proof_kind).value,
            proof_date=draft.proof_date,
            valid_until=valid_until(draft.proof_date),
            actor=actor,
            created_at=clock.now_utc(),
        )
        audit.record(
            AuditAction.QUALIFIED_INVESTOR,
            actor,
            client_id,
            f"{row.proof_kind} {draft.proof_date.isoformat()}",
        )
    return _info(row)


def latest_qualified_investor(client_id: int) -> QualifiedInvestorInfo | None:
    """The client's record valid the longest, or None."""
    row = (
        QualifiedInvestor.select()
        .where(QualifiedInvestor.client == client_id)
        .order_by(QualifiedInvestor.valid_until.desc(), QualifiedInvestor.id.desc())
        .first()
    )
    return None if row is None else _info(row)


def _info(row: QualifiedInvestor) -> QualifiedInvestorInfo:
    return QualifiedInvestorInfo(
        id=row.id,
        client_id=row.client_id,
        experience_years=row.experience_years,
        net_financial_assets_fen=int(row.net_financial_assets_fen),
        financial_assets_fen=int(row.financial_assets_fen),
        average_income_fen=int(row.average_income_fen),
        proof_kind=ProofKind(row.proof_kind),
        proof_date=stored_date(row.proof_date),
        valid_until=stored_date(row.valid_until),
        actor=row.actor,
    )


__all__ = [
    "IdentityDocument",
    "QualifiedInvestorInfo",
    "identity_document",
    "latest_qualified_investor",
    "record_identity_document",
    "record_qualified_investor",
]
