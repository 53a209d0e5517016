"""Demo data (services/demo.py): as many clients as asked, the same for the same seed."""

from __future__ import annotations

import pytest

from wealthdesk.domain.audit import AuditAction
from wealthdesk.services import audit
from wealthdesk.services.clients import count_clients, list_clients
from wealthdesk.services.demo import create_demo_clients, demo_drafts


@pytest.mark.slow
def test_an_empty_book_gets_exactly_the_number_of_demo_clients_asked_for(store, clock):
    # With the default seed, the old per-chunk generator repeated one ID number in its
    # second chunk of 5,000, so 10,000 asked for gave 9,999.
    assert create_demo_clients(10_000, 1, "desk1") == 10_000
    assert count_clients() == 10_000


def test_demo_clients_are_audited_and_carry_the_manager(store, clock):
    create_demo_clients(5, 4, "desk1", manager="李经理")
    assert {c.manager for c in list_clients()} == {"李经理"}
    entry = audit.entries()[0]
    assert entry.action is AuditAction.DEMO_CREATED and entry.detail == "5 clients, seed 4"


def test_the_same_seed_gives_the_same_drafts_and_a_longer_run_extends_a_shorter_one(clock):
    assert demo_drafts(30, 9) == demo_drafts(30, 9)
    assert demo_drafts(50, 9)[:30] == demo_drafts(30, 9)
    assert demo_drafts(30, 9) != demo_drafts(30, 10)


def make_mixed_book(tmp_path) -> list[int]:
    """Five demo clients among three real ones (created, imported); the real ones' ids."""
    from wealthdesk.domain.client import ClientDraft
    from wealthdesk.services.client_import import import_clients
    from wealthdesk.services.clients import create_client

    real = [create_client(ClientDraft(name="张伟", mobile="13812345678"), "desk1").id]
    create_demo_clients(5, 4, "desk1")
    csv = tmp_path / "clients.csv"
    csv.write_text("姓名,手机号码\n李娜,13912345678\n王芳,13700001111\n", encoding="utf-8")
    assert import_clients(csv, "desk1").imported == 2
    real += [c.id for c in list_clients() if c.name in ("李娜", "王芳")]
    return real


def test_demo_clients_are_marked_as_demo_and_real_ones_are_not(backend_store, clock, tmp_path):
    from wealthdesk.services.clients import get_client
    from wealthdesk.services.demo import count_demo_clients

    real = make_mixed_book(tmp_path)
    book = list_clients()
    assert sorted(c.id for c in book if not c.is_demo) == sorted(real)
    assert len([c for c in book if c.is_demo]) == count_demo_clients() == 5
    assert get_client(next(c.id for c in book if c.is_demo)).is_demo is True
    assert get_client(real[0]).is_demo is False


def test_removing_demo_data_removes_only_demo_clients_and_is_audited(
    backend_store, clock, tmp_path
):
    from wealthdesk.db.models import ClientSearchKey
    from wealthdesk.services.clients import search_clients
    from wealthdesk.services.demo import count_demo_clients, remove_demo_clients

    real = make_mixed_book(tmp_path)
    demo_names = {c.name for c in list_clients() if c.is_demo}

    assert remove_demo_clients("desk2") == 5

    assert sorted(c.id for c in list_clients()) == sorted(real)
    assert count_demo_clients() == 0 and count_clients() == 3
    assert {k.client_id for k in ClientSearchKey.select()} == set(real)
    for name in demo_names - {"张伟", "李娜", "王芳"}:
        assert search_clients(name).rows == []
    entry = audit.entries()[0]
    assert (entry.action, entry.actor, entry.detail) == (
        AuditAction.DEMO_REMOVED,
        "desk2",
        "5 clients",
    )
    assert entry.action.label == "Demo data removed"


def test_removing_demo_data_when_there_is_none_changes_nothing(backend_store, clock):
    from wealthdesk.services.demo import remove_demo_clients

    assert remove_demo_clients("desk1") == 0
    assert audit.entries() == []


def test_a_removal_that_fails_midway_keeps_every_demo_client(
    backend_store, clock, tmp_path, monkeypatch
):
    from wealthdesk.services import demo

    make_mixed_book(tmp_path)
    before = [(c.id, c.name) for c in list_clients()]

    def refuse(*args, **kwargs):
        raise RuntimeError("the audit log cannot be written")

    monkeypatch.setattr(demo.audit, "record", refuse)
    with pytest.raises(RuntimeError):
        demo.remove_demo_clients("desk1")
    assert [(c.id, c.name) for c in list_clients()] == before
    assert demo.count_demo_clients() == 5
