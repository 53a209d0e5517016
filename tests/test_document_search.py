"""A client found at the desk by the number of the identity document they show, when it
is not a resident ID (issue 19): a passport, a residence permit or a permanent residence
ID typed in full, whatever its case, spaces or dashes, on SQLite and PostgreSQL. Only
the whole number finds them: not a part, not a near miss. The search index keeps a
digest of the number, never the number itself."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from wealthdesk.db.models import ClientSearchKey
from wealthdesk.domain.client import ClientDraft, IdDocType
from wealthdesk.domain.identity import resident_id_check_char
from wealthdesk.domain.search import query_prefixes
from wealthdesk.services import clients, suitability

ACTOR = "王经理 (desk 1)"
PASSPORT = "E12345678"
PERMIT = "810000199001011237"[:17] + resident_id_check_char("81000019900101123")
RESIDENT_ID = "11010519491231002X"


@pytest.fixture
def desk(backend_store, clock):
    clock.set(dt.datetime(2026, 11, 27, 10, 0))
    return clock


def a_client(name: str, **extra) -> int:
    return clients.create_client(ClientDraft(name=name, **extra), "setup").id


def found(query: str) -> list[int]:
    return [row.id for row in clients.search_clients(query).rows]


def with_document(name: str, kind: IdDocType, number: str) -> int:
    cid = a_client(name)
    suitability.record_identity_document(cid, kind, dt.date(2030, 5, 1), ACTOR, None, number)
    return cid


def test_a_passport_holder_is_found_by_the_whole_number_however_it_is_typed(desk):
    anna = with_document("Anna Smith", IdDocType.PASSPORT, PASSPORT)
    a_client("Bob Jones")
    for typed in ("E12345678", "e12345678", " e1234 5678 ", "E1234-5678", "Ｅ１２３４５６７８"):
        assert found(typed) == [anna], typed


def test_a_part_of_the_number_or_a_wrong_one_finds_nobody(desk):
    with_document("Anna Smith", IdDocType.PASSPORT, PASSPORT)
    for typed in ("E1234567", "12345678", "E123456789", "E12345679", "5678", "E1234"):
        assert found(typed) == [], typed


def test_a_residence_permit_holder_is_found_by_the_whole_number_only(desk):
    chan = with_document("陈大文", IdDocType.RESIDENCE_PERMIT, PERMIT)
    assert found(PERMIT) == [chan]
    assert found(PERMIT[:6] + " " + PERMIT[6:14] + " " + PERMIT[14:].lower()) == [chan]
    assert found(PERMIT[-6:]) == []  # the resident ID's tail search is not the permit's


def test_the_index_keeps_no_document_number(desk):
    cid = with_document("Anna Smith", IdDocType.PASSPORT, PASSPORT)
    keys = [k for (k,) in ClientSearchKey.select(ClientSearchKey.key).tuples()]
    assert keys and any(k.startswith("h") for k in keys)
    for number in (PASSPORT, PASSPORT[::-1], PASSPORT[1:], PASSPORT[1:][::-1]):
        assert not any(number.lower() in k.lower() for k in keys), number
    assert clients.reveal_identifier(cid, "id_doc_number", ACTOR) == PASSPORT


def test_a_new_number_replaces_the_old_and_a_resident_id_drops_it(desk):
    cid = with_document("Anna Smith", IdDocType.PASSPORT, PASSPORT)
    suitability.record_identity_document(cid, IdDocType.PASSPORT, None, ACTOR, None, "G98765432")
    assert found("G98765432") == [cid] and found(PASSPORT) == []
    suitability.record_identity_document(cid, IdDocType.RESIDENT_ID, None, ACTOR, None, RESIDENT_ID)
    assert found("G98765432") == []
    assert found(RESIDENT_ID) == [cid] and found("002X") == [cid]


def test_the_number_still_finds_after_the_profile_is_saved_and_not_after_erasure(desk):
    cid = with_document("Anna Smith", IdDocType.PASSPORT, PASSPORT)
    record = clients.get_client(cid)
    draft = replace(record.draft, name="Anna Smith-Lee", mobile="13812345678", id_number="")
    clients.update_client(cid, draft, record.row_version, ACTOR)
    assert found(PASSPORT) == [cid] and found("5678") == [cid]  # the mobile's tail
    clients.erase_client(cid, ACTOR)
    assert found(PASSPORT) == []


def test_a_whole_document_number_is_searched_beside_the_number_tails():
    assert len(query_prefixes("E12345678")) == 1
    assert [p[0] for p in query_prefixes("13812345678")] == ["m", "d", "h"]
    assert [p[0] for p in query_prefixes("5678")] == ["m", "d"]  # too short for a document
    assert query_prefixes("zhangwei")[0].startswith("p")
