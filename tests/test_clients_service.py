"""The client book's use cases on SQLite and PostgreSQL (services/clients.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from wealthdesk.domain.audit import AuditAction
from wealthdesk.domain.client import ClientDraft, GenderCode, ProductFamily, Tier
from wealthdesk.domain.errors import ConflictError, NotFound, ValidationError
from wealthdesk.services import audit
from wealthdesk.services.clients import (
    count_clients,
    create_client,
    get_client,
    list_clients,
    possible_duplicates,
    reveal_identifier,
    search_clients,
    update_client,
)

pytestmark = pytest.mark.usefixtures("backend_store", "clock")

ZHANG = ClientDraft(
    name="张伟",
    id_number="11010519491231002X",
    mobile="13812345678",
    tier=Tier.GOLD,
    occupation="教师",
    interests=(ProductFamily.WEALTH, ProductFamily.CARD),
    consent_data=True,
)


def names(result) -> list[str]:
    return [row.name for row in result.rows]


# ---------------------------------------------------------------- create and read


def test_a_created_client_is_stored_with_masked_numbers_and_derived_facts():
    record = create_client(ZHANG, "desk1")
    assert record.masked_mobile == "138****5678"
    assert record.masked_id == "110105********002X"
    assert record.draft.id_number is None and record.draft.mobile is None
    assert record.draft.birth_date == dt.date(1949, 12, 31)
    assert record.draft.gender is GenderCode.FEMALE
    assert record.draft.consent_data_on == dt.date(2026, 11, 27)
    assert record.row_version == 1

    again = get_client(record.id)
    assert again == record
    assert again.draft.tier is Tier.GOLD
    assert again.draft.interests == (ProductFamily.WEALTH, ProductFamily.CARD)


def test_creating_a_client_is_audited_with_who_and_which():
    record = create_client(ZHANG, "desk1")
    (entry,) = audit.entries()
    assert (entry.action, entry.actor, entry.client_id) == (
        AuditAction.CLIENT_CREATED,
        "desk1",
        record.id,
    )


def test_an_invalid_client_is_refused_and_nothing_is_saved():
    bad = replace(ZHANG, id_number="110105194912310021", mobile="12812345678")
    with pytest.raises(ValidationError) as refused:
        create_client(bad, "desk1")
    assert {p.field for p in refused.value.problems} == {"id_number", "mobile"}
    assert "should be X" in refused.value.render()
    assert count_clients() == 0
    assert audit.entries() == []


@pytest.mark.parametrize("same_id", ["11010519491231002X", "110105 19491231 002x"])
def test_a_second_client_with_the_same_id_number_is_refused(same_id):
    create_client(ZHANG, "desk1")
    with pytest.raises(ConflictError, match="already in the book"):
        create_client(ClientDraft(name="李娜", id_number=same_id), "desk1")
    assert count_clients() == 1
    assert names(search_clients("李娜")) == []


def test_clients_without_id_numbers_do_not_collide():
    create_client(ClientDraft(name="张三"), "desk1")
    create_client(ClientDraft(name="李四"), "desk1")
    assert count_clients() == 2


def test_a_missing_client_is_reported_as_gone():
    with pytest.raises(NotFound, match="no longer exists"):
        get_client(424242)


def test_the_book_lists_clients_in_pinyin_order_a_page_at_a_time():
    for name in ("王芳", "安娜", "曾国藩", "李娜"):
        create_client(ClientDraft(name=name), "desk1")
    assert [c.name for c in list_clients()] == ["安娜", "李娜", "王芳", "曾国藩"]
    assert [c.name for c in list_clients(offset=1, limit=2)] == ["李娜", "王芳"]


def test_the_book_lists_clients_in_dictionary_order_syllable_by_syllable():
    for name in ("程伟", "陈伟", "陈", "车伟", "陈安", "Chen Wei"):
        create_client(ClientDraft(name=name), "desk1")
    assert [c.name for c in list_clients()] == ["车伟", "陈", "陈安", "陈伟", "Chen Wei", "程伟"]


def test_ages_in_the_list_are_counted_on_the_clock_s_day():
    create_client(ZHANG, "desk1")
    (row,) = list_clients()
    assert row.age == 76


# ---------------------------------------------------------------- update


def test_an_update_is_saved_and_bumps_the_version():
    record = create_client(ZHANG, "desk1")
    changed = replace(record.draft, occupation="退休", tier=Tier.PLATINUM)
    updated = update_client(record.id, changed, record.row_version, "desk2")
    assert updated.row_version == 2
    assert updated.draft.occupation == "退休" and updated.draft.tier is Tier.PLATINUM
    assert get_client(record.id) == updated


def test_an_update_without_revealing_keeps_the_stored_numbers():
    record = create_client(ZHANG, "desk1")
    # The form holds None for numbers it never revealed.
    updated = update_client(record.id, replace(record.draft, name="张伟伟"), 1, "desk1")
    assert updated.masked_id == "110105********002X"
    assert updated.masked_mobile == "138****5678"
    assert reveal_identifier(record.id, "mobile", "desk1") == "13812345678"


def test_the_update_audit_names_the_changed_fields_never_their_values():
    record = create_client(ZHANG, "desk1")
    changed = replace(record.draft, name="张卫", mobile="+86 139 8765 4321", occupation="律师")
    update_client(record.id, changed, record.row_version, "desk2")

    entry = audit.entries()[0]
    assert entry.action is AuditAction.CLIENT_UPDATED and entry.actor == "desk2"
    assert set(entry.detail.split(",")) >= {"name", "mobile", "occupation"}
    for value in ("张卫", "13987654321", "4321", "律师", "13812345678", "张伟"):
        assert value not in entry.detail


def test_saving_an_unchanged_client_changes_nothing():
    record = create_client(ZHANG, "desk1")
    same = update_client(record.id, record.draft, record.row_version, "desk1")
    assert same.row_version == 1
    assert len(audit.entries()) == 1


def test_a_stale_edit_is_refused_and_the_newer_save_survives():
    record = create_client(ZHANG, "desk1")
    update_client(record.id, replace(record.draft, occupation="医生"), 1, "desk1")

    with pytest.raises(ConflictError, match="Someone else saved this client"):
        update_client(record.id, replace(record.draft, occupation="律师"), 1, "desk2")

    stored = get_client(record.id)
    assert stored.draft.occupation == "医生" and stored.row_version == 2


def test_an_invalid_update_saves_nothing():
    record = create_client(ZHANG, "desk1")
    with pytest.raises(ValidationError):
        update_client(record.id, replace(record.draft, name="", occupation="律师"), 1, "desk1")
    stored = get_client(record.id)
    assert stored == record
    assert len(audit.entries()) == 1


def test_an_update_to_another_client_s_id_number_is_refused():
    create_client(ZHANG, "desk1")
    other = create_client(ClientDraft(name="李娜", id_number="360426199101010071"), "desk1")
    with pytest.raises(ConflictError, match="already in the book"):
        update_client(other.id, replace(other.draft, id_number="11010519491231002X"), 1, "desk1")
    assert get_client(other.id).masked_id == "360426********0071"


def test_updating_a_deleted_client_is_reported_as_gone():
    with pytest.raises(NotFound):
        update_client(424242, ZHANG, 1, "desk1")


# ---------------------------------------------------------------- search


@pytest.fixture
def book():
    create_client(ZHANG, "desk1")
    create_client(ClientDraft(name="张伟华", mobile="13900001111"), "desk1")
    create_client(ClientDraft(name="单田芳", id_number="360426199101010071"), "desk1")
    create_client(ClientDraft(name="欧阳娜娜", mobile="18612345670"), "desk1")


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("伟", ["张伟", "张伟华"]),
        ("张伟", ["张伟", "张伟华"]),
        ("田芳", ["单田芳"]),
        ("shantianfang", ["单田芳"]),
        ("shan", ["单田芳"]),
        ("zhangwei", ["张伟", "张伟华"]),
        ("zw", ["张伟", "张伟华"]),
        ("oynn", ["欧阳娜娜"]),
        ("5678", ["张伟"]),
        ("1111", ["张伟华"]),
        ("0071", ["单田芳"]),
        ("002X", ["张伟"]),
        ("dan", []),
        ("9999", []),
    ],
)
def test_search_finds_by_name_pinyin_initials_and_number_tails(book, query, found):
    assert sorted(names(search_clients(query))) == sorted(found)


def test_an_exact_name_comes_first(book):
    assert names(search_clients("张伟"))[0] == "张伟"


def test_three_digits_ask_for_more_instead_of_searching(book):
    result = search_clients("678")
    assert result.rows == [] and result.needs_more_digits


def test_search_results_carry_only_masked_numbers(book):
    (row,) = search_clients("5678").rows
    assert row.masked_mobile == "138****5678" and row.masked_id == "110105********002X"
    assert "13812345678" not in repr(row) and "11010519491231002X" not in repr(row)


def test_a_changed_mobile_is_found_by_its_new_digits_only():
    record = create_client(ZHANG, "desk1")
    update_client(record.id, replace(record.draft, mobile="13700009999"), 1, "desk1")
    assert names(search_clients("9999")) == ["张伟"]
    assert names(search_clients("5678")) == []


def test_a_renamed_client_is_found_by_the_new_name_only():
    record = create_client(ZHANG, "desk1")
    update_client(record.id, replace(record.draft, name="曾国藩"), 1, "desk1")
    assert names(search_clients("zgf")) == ["曾国藩"]
    assert names(search_clients("zw")) == []


def test_a_long_result_is_cut_and_says_there_is_more():
    for given in "一二三四五":
        create_client(ClientDraft(name="张" + given), "desk1")
    result = search_clients("张", limit=3)
    assert len(result.rows) == 3 and result.more
    assert not search_clients("张", limit=5).more


# ---------------------------------------------------------------- reveal


@pytest.mark.parametrize(
    ("field", "value", "action"),
    [
        ("mobile", "13812345678", AuditAction.REVEAL_MOBILE),
        ("id_number", "11010519491231002X", AuditAction.REVEAL_ID_NUMBER),
    ],
)
def test_revealing_a_number_returns_it_and_writes_an_audit_row(field, value, action):
    record = create_client(ZHANG, "desk1")
    assert reveal_identifier(record.id, field, "desk3") == value
    entry = audit.entries(client_id=record.id)[0]
    assert (entry.action, entry.actor, entry.client_id) == (action, "desk3", record.id)
    assert value not in entry.detail


def test_revealing_a_missing_client_writes_nothing():
    with pytest.raises(NotFound):
        reveal_identifier(424242, "mobile", "desk1")
    assert audit.entries() == []


def test_only_the_mobile_and_id_number_can_be_revealed():
    record = create_client(ZHANG, "desk1")
    with pytest.raises(ValueError):
        reveal_identifier(record.id, "name", "desk1")
    assert len(audit.entries()) == 1


def test_the_longest_allowed_name_is_saved_and_found_on_every_backend():
    longest = "欧阳" + "庄" * 38  # 40 characters, 230 letters of pinyin
    record = create_client(ClientDraft(name=longest), "desk1")
    assert get_client(record.id).draft.name == longest
    assert names(search_clients("庄庄庄")) == [longest]
    assert names(search_clients("ouyangzhuangzhuang")) == [longest]
    assert [c.name for c in list_clients()] == [longest]


@pytest.mark.parametrize("query", ["138-1234-5678", "138 1234 5678", "+86 138 1234 5678"])
def test_a_pasted_mobile_number_finds_its_client(book, query):
    assert names(search_clients(query)) == ["张伟"]


# ---------------------------------------------------------------- possible duplicates


@pytest.fixture
def shared_phone():
    """Three clients on one mobile number (a family), one elsewhere."""
    return {
        name: create_client(ClientDraft(name=name, mobile=mobile), "desk1").id
        for name, mobile in (
            ("张三丰", "13812345678"),
            ("张三", "13812345678"),
            ("李娜", "13812345678"),
            ("张三 ", "13900001111"),
        )
    }


def test_possible_duplicates_are_the_clients_on_the_same_mobile_same_name_first(shared_phone):
    found = possible_duplicates("张三", "+86 138-1234-5678")
    assert found[0].name == "张三"
    assert sorted(c.name for c in found) == ["张三", "张三丰", "李娜"]
    assert found[0].masked_mobile == "138****5678"


def test_the_client_being_edited_is_not_its_own_duplicate(shared_phone):
    found = possible_duplicates("张三", "13812345678", exclude_id=shared_phone["张三"])
    assert sorted(c.name for c in found) == ["张三丰", "李娜"]


@pytest.mark.parametrize("mobile", ["", "   ", "13700001111"])
def test_a_new_client_without_a_shared_mobile_has_no_possible_duplicates(shared_phone, mobile):
    assert possible_duplicates("张三", mobile) == []


def test_possible_duplicates_are_found_through_the_mobile_index(shared_phone):
    from wealthdesk import db

    database = db.database.obj
    if db.backend() != "sqlite":
        pytest.skip("the query plan is read on SQLite")
    statements = []
    real = database.execute_sql

    def recording(sql, params=None, *args, **kwargs):
        statements.append((sql, params))
        return real(sql, params, *args, **kwargs)

    database.execute_sql = recording
    try:
        possible_duplicates("张三", "13812345678")
    finally:
        del database.execute_sql
    (sql, params), *_ = [s for s in statements if s[0].lstrip().upper().startswith("SELECT")]
    plan = " ".join(str(r[-1]) for r in real("EXPLAIN QUERY PLAN " + sql, params).fetchall())
    assert "USING INDEX client_mobile (mobile=?)" in plan and "SCAN" not in plan, plan
