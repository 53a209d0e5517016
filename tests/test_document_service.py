"""The client's identity document with its number, through the services on SQLite and
PostgreSQL (issue 19): each document's number kept with its type and checked by its own
rule, masked wherever it is read, revealed only through the audited path and never
written to the audit detail; the gate's age for a client whose document is not a
resident ID; and a schema-16 database upgraded to keep the number."""

from __future__ import annotations

import datetime as dt

import pytest
from compliance import qualify_desk

from wealthdesk import db
from wealthdesk.db import migrations
from wealthdesk.db.models import AuditEntry, Client, RiskAssessment, Sale
from wealthdesk.domain.audit import AuditAction
from wealthdesk.domain.client import ClientDraft, IdDocType, ProductFamily
from wealthdesk.domain.errors import ConflictError, ValidationError
from wealthdesk.domain.identity import resident_id_check_char
from wealthdesk.domain.product import ProductDraft
from wealthdesk.services import audit, clients, products, sales, suitability
from wealthdesk.services.sales import SaleDraft

ACTOR = "王经理 (desk 1)"
PASSPORT = "E12345678"
PERMIT = "810000199001011237"  # check character computed below
PR_2023 = "931840199001011230"
RESIDENT_ID = "11010519491231002X"
REF = "SL20261127001"


def complete(number: str) -> str:
    return number[:17] + resident_id_check_char(number[:17])


@pytest.fixture
def desk(backend_store, clock):
    clock.set(dt.datetime(2026, 11, 27, 10, 0))
    qualify_desk("1")
    return clock


def a_client(name: str = "Anna Smith", **extra) -> int:
    return clients.create_client(ClientDraft(name=name, **extra), "setup").id


def details(client_id: int) -> str:
    return " ".join(e.detail for e in audit.entries(client_id=client_id))


def test_a_passport_is_kept_with_its_number_masked_and_revealed_only_audited(desk):
    cid = a_client()
    doc = suitability.record_identity_document(
        cid, IdDocType.PASSPORT, dt.date(2030, 5, 1), ACTOR, None, "e1234 5678"
    )
    assert (doc.doc_type, doc.masked_number, doc.number_field) == (
        IdDocType.PASSPORT,
        "E1*****78",
        "id_doc_number",
    )
    assert Client.get_by_id(cid).id_doc_number == PASSPORT  # stored whole, as printed
    assert PASSPORT not in details(cid)  # the audit says a number changed, never which
    assert "number changed" in audit.entries(client_id=cid)[0].detail
    assert clients.reveal_identifier(cid, "id_doc_number", ACTOR) == PASSPORT
    entry = audit.entries(client_id=cid)[0]
    assert entry.action == AuditAction.REVEAL_DOC_NUMBER and entry.detail == ""


def test_each_documents_number_is_refused_by_its_own_rule_and_nothing_is_kept(desk):
    cid = a_client()
    cases = [
        (IdDocType.PASSPORT, "00000000", "is not a passport number"),
        (IdDocType.PERMANENT_RESIDENCE, "USA1100605010", "this has 13"),
        (IdDocType.RESIDENCE_PERMIT, RESIDENT_ID, "starts with 810000"),
        (IdDocType.RESIDENT_ID, complete(PERMIT), "residence permit"),
    ]
    for kind, number, reason in cases:
        with pytest.raises(ValidationError) as caught:
            suitability.record_identity_document(cid, kind, None, ACTOR, None, number)
        assert [p.field for p in caught.value.problems] == ["id_doc_number"]
        assert reason in caught.value.problems[0].render()
    row = Client.get_by_id(cid)
    assert (row.id_doc_type, row.id_doc_number, row.id_number) == ("resident_id", None, None)
    assert audit.entries(client_id=cid)[0].action == AuditAction.CLIENT_CREATED


def test_the_permit_and_the_permanent_residence_id_are_kept_beside_the_id_number(desk):
    cid = a_client("陈大文")
    permit = suitability.record_identity_document(
        cid, "港澳台居民居住证", None, ACTOR, None, complete(PERMIT)
    )
    assert permit.masked_number == "810000********" + complete(PERMIT)[-4:]
    pr = suitability.record_identity_document(
        cid, IdDocType.PERMANENT_RESIDENCE, None, ACTOR, None, complete(PR_2023)
    )
    assert pr.masked_number.startswith("931840")
    assert Client.get_by_id(cid).id_number is None  # no 公民身份号码 of a resident ID


def test_the_number_on_record_is_kept_when_none_is_typed_and_dropped_with_its_type(desk):
    cid = a_client()
    suitability.record_identity_document(cid, IdDocType.PASSPORT, None, ACTOR, None, PASSPORT)
    kept = suitability.record_identity_document(cid, IdDocType.PASSPORT, dt.date(2031, 1, 1), ACTOR)
    assert kept.masked_number == "E1*****78"
    # Another document's number is not the passport's: none until it is typed.
    other = suitability.record_identity_document(cid, IdDocType.PERMANENT_RESIDENCE, None, ACTOR)
    assert other.masked_number == "" and Client.get_by_id(cid).id_doc_number is None


def test_a_resident_id_typed_for_the_document_becomes_the_clients_id_number(desk):
    cid = a_client("欧阳娜娜")
    doc = suitability.record_identity_document(
        cid, IdDocType.RESIDENT_ID, None, ACTOR, None, RESIDENT_ID.lower()
    )
    assert doc.masked_number == "110105********002X" and doc.number_field == "id_number"
    record = clients.get_client(cid)
    assert record.masked_id == "110105********002X"
    assert record.draft.birth_date == dt.date(1949, 12, 31)  # the age comes from the number
    assert clients.search_clients("002X").rows[0].id == cid
    assert RESIDENT_ID not in details(cid)
    assert audit.entries(client_id=cid)[1].detail == "birth_date,gender,id_number"
    other = a_client("张伟")
    with pytest.raises(ConflictError):
        suitability.record_identity_document(other, "resident_id", None, ACTOR, None, RESIDENT_ID)
    assert Client.get_by_id(other).id_number is None


def test_an_erased_client_keeps_no_document_number(desk):
    cid = a_client()
    suitability.record_identity_document(cid, IdDocType.PASSPORT, None, ACTOR, None, PASSPORT)
    clients.erase_client(cid, ACTOR)
    assert Client.get_by_id(cid).id_doc_number is None


# ---------------------------------------------------------------- the gate's age


def assessed(cid: int) -> None:
    RiskAssessment.create(
        client=cid,
        assessed_on=dt.date(2026, 6, 1),
        valid_until=dt.date(2027, 5, 31),
        score=90,
        level=5,
        created_at=dt.datetime(2026, 6, 1),
    )


def test_a_passport_holder_without_a_birth_date_is_refused_asking_for_it(desk):
    """The age for the age rules (民法典 第17–20条, 65+) comes from a resident ID's
    number; a passport gives none, so the profile's birth date is needed."""
    cid = a_client()
    assessed(cid)
    suitability.record_identity_document(cid, IdDocType.PASSPORT, None, ACTOR, None, PASSPORT)
    fund = products.create_product(
        ProductDraft(code="LC-1", name="理财1", family=ProductFamily.WEALTH, risk_rating=2),
        "setup",
    ).id
    with pytest.raises(ValidationError) as caught:
        sales.record_sale(SaleDraft(cid, fund, 5_000_000, recording_ref=REF), ACTOR, "1")
    (problem,) = caught.value.problems
    assert problem.field == "id_document"
    assert "only a resident ID's number gives it" in problem.render()
    assert "in the client's profile" in problem.render()
    assert Sale.select().count() == 0
    record = clients.get_client(cid)
    clients.update_client(
        cid,
        ClientDraft(**{**record.draft.__dict__, "birth_date": dt.date(1950, 3, 1)}),
        record.row_version,
        ACTOR,
    )
    # 76 on the day: the 65+ rule applies from the recorded birth date.
    with pytest.raises(ValidationError, match="The client is 76"):
        sales.record_sale(SaleDraft(cid, fund, 5_000_000, recording_ref=REF), ACTOR, "1")


# ---------------------------------------------------------------- the upgrade


def test_a_schema_16_database_upgrades_and_keeps_its_documents(backend_url, tmp_path, clock):
    clock.set(dt.datetime(2026, 11, 27, 10, 0))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:16])
        patch.setattr(migrations, "LATEST_VERSION", 16)
        db.connect(backend_url, tmp_path / "backups")
    try:
        assert "id_doc_number" not in {c.name for c in db.database.obj.get_columns("client")}
        db.database.obj.execute_sql(
            "INSERT INTO client (name, id_doc_type, id_doc_expiry, created_at, updated_at) "
            "VALUES ('Anna Smith', 'passport', '2030-05-01', '2026-01-01', '2026-01-01')"
        )
    finally:
        db.close()
    db.connect(backend_url, tmp_path / "backups")
    try:
        assert migrations.schema_version(db.database.obj) == 17
        cid = Client.get(Client.name == "Anna Smith").id
        doc = suitability.identity_document(cid)
        assert (doc.doc_type, doc.expiry, doc.masked_number) == (
            IdDocType.PASSPORT,
            dt.date(2030, 5, 1),
            "",
        )
        doc = suitability.record_identity_document(
            cid, IdDocType.PASSPORT, doc.expiry, ACTOR, None, PASSPORT
        )
        assert doc.masked_number == "E1*****78"
        assert AuditEntry.select().where(AuditEntry.detail.contains(PASSPORT)).count() == 0
    finally:
        db.close()
