"""Demo plans (services/demo.py create_demo_plans): some demo clients have saved plan
versions, made through the plan service as a manager makes them, on SQLite and
PostgreSQL; they go with the demo clients."""

from __future__ import annotations

import collections

from wealthdesk.db.models import AuditEntry, FinancialPlan
from wealthdesk.domain.audit import AuditAction
from wealthdesk.services import plan as plan_service
from wealthdesk.services import queue
from wealthdesk.services.clients import get_client
from wealthdesk.services.demo import create_demo_data, remove_demo_clients


def test_the_demo_gives_some_clients_saved_plans_the_gate_allows(backend_store, clock):
    report = create_demo_data(40, 2, "desk1", "李经理", "1", days=3)

    plans = list(FinancialPlan.select())
    assert report.plans == len(plans) >= 4
    by_client = collections.Counter(p.client_id for p in plans)
    assert all(get_client(cid).is_demo for cid in by_client)
    assert max(by_client.values()) == 2, "some clients came back: a revised version"
    saved = AuditEntry.select().where(AuditEntry.action == AuditAction.PLAN_SAVED.value)
    assert saved.count() == len(plans)  # each through the plan service, logged
    proposed = 0
    for client_id in by_client:
        versions = plan_service.client_plans(client_id)
        assert versions and 1 <= versions[0].level <= 5
        latest = plan_service.saved_plan(versions[0].id)
        proposed += len(latest.proposals)
        # What was proposed is still what the gate lets the client be proposed.
        assert plan_service.draft_plan(client_id, latest.inputs).problems == []
    assert proposed >= len(by_client), "the plans propose products, not only an allocation"


def test_todays_demo_visitors_and_appointments_are_planned_first(backend_store, clock):
    from wealthdesk.services import appointments, risk

    create_demo_data(40, 2, "desk1", days=3)
    today = clock.now.date()
    expected = {v.client_id for v in queue.visits(today) if v.client_id}
    expected |= {a.client_id for a in appointments.day(today) if a.client_id}
    expected = {c for c in expected if (a := risk.latest(c)) and a.valid_until >= today}
    planned = {p.client_id for p in FinancialPlan.select()}
    assert expected and expected <= planned, "the clients opened today show a plan"


def test_demo_plans_go_with_the_demo_clients_and_a_rerun_adds_none(backend_store, clock):
    report = create_demo_data(40, 2, "desk1", days=3)
    assert report.plans > 0
    assert create_demo_data(40, 2, "desk1", days=0).plans == 0  # the same clients: none new
    remove_demo_clients("desk1")
    assert FinancialPlan.select().count() == 0
