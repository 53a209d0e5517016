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
