"""Erasing a client's personal data at their request (PIPL), on SQLite and PostgreSQL:
nothing of the person is left in any table, what the bank must keep stays anonymised,
and nothing new can be recorded for them."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from compliance import qualify_desk

from wealthdesk.db.models import (
    ALL_MODELS,
    Appointment,
    CareCall,
    Client,
    ClientSearchKey,
    Holding,
    RiskAssessment,
    Sale,
    Visit,
)
from wealthdesk.domain.appointment import AppointmentStatus
from wealthdesk.domain.audit import AuditAction
from wealthdesk.domain.care import CallOutcome
from wealthdesk.domain.client import ClientDraft, ProductFamily
from wealthdesk.domain.errors import ConflictError, NotFound
from wealthdesk.domain.product import ProductDraft
from wealthdesk.domain.queue import ServiceOutcome, VisitKind
from wealthdesk.services import appointments, audit, care, clients, products, queue, sales
from wealthdesk.services.appointments import AppointmentDraft
from wealthdesk.services.queue import CheckIn
from wealthdesk.services.sales import SaleDraft

NAME, ID_NUMBER, MOBILE = "欧阳晓燕", "360426199101010071", "13812345678"
NEEDS = "孩子明年出国读书，想准备一笔学费"


@pytest.fixture
def client_with_history(backend_store, clock):
    """A client with a profile, an assessment, a sale (and its holding), a finished
    visit with notes, a care call with notes and an appointment next week."""
    draft = ClientDraft(
        name=NAME,
        id_number=ID_NUMBER,
        mobile=MOBILE,
        occupation="外科医生",
        personal_needs=NEEDS,
        consent_marketing=True,
    )
    client_id = clients.create_client(draft, "王经理").id
    qualify_desk("1")
    RiskAssessment.create(
        client=client_id,
        assessed_on=dt.date(2026, 11, 1),
        valid_until=dt.date(2027, 10, 31),
        answers=json.dumps({"q1": "b", "q2": "c"}),
        score=60,
        level=3,
        created_at=dt.datetime(2026, 11, 1, 2, 0),
    )
    product = products.create_product(
        ProductDraft(code="LC-90", name="稳盈90天", family=ProductFamily.WEALTH, risk_rating=3),
        "setup",
    ).id
    visit = queue.check_in(
        CheckIn(kind=VisitKind.WALK_IN, client_id=client_id, notes=f"{NAME}说{NEEDS}"), "lobby"
    )
    queue.call(visit.id, "1", "王经理")
    queue.start_service(visit.id, "王经理")
    sale = sales.record_sale(
        SaleDraft(client_id, product, 5_000_000, recording_ref="SL20260001", visit_id=visit.id),
        "王经理",
        "1",
    )
    queue.finish(visit.id, ServiceOutcome.FOLLOW_UP.value, "王经理")
    care.log_call(
        CallOutcome.REACHED,
        "王经理",
        "1",
        client_id=client_id,
        notes=f"{NAME}的手机{MOBILE}",
        duration_minutes=7,
    )
    booking = appointments.create(
        AppointmentDraft(
            start=dt.datetime(2026, 11, 30, 10, 0),
            client_id=client_id,
            notes="带上孩子的录取通知书",
        ),
        "王经理",
    )
    return client_id, sale.id, visit.id, booking.id


def test_erasing_leaves_nothing_of_the_person_in_any_table(client_with_history):
    client_id = client_with_history[0]
    clients.erase_client(client_id, "王经理")
    traces = ("欧阳", "晓燕", ID_NUMBER, MOBILE, "外科", "出国", "通知书", "1991-01-01")
    found = []
    for model in ALL_MODELS:
        for row in model.select().dicts():
            for column, value in row.items():
                if any(trace in str(value) for trace in traces):
                    found.append((model.__name__, column, value))
    assert found == []
    assert ClientSearchKey.select().where(ClientSearchKey.client == client_id).count() == 0


def test_the_records_the_bank_keeps_stay_anonymised(client_with_history):
    client_id, sale_id, visit_id, booking_id = client_with_history
    erasure = clients.erase_client(client_id, "王经理")
    assert (erasure.sales_kept, erasure.visits_kept, erasure.holdings_removed) == (1, 1, 1)
    assert erasure.appointments_cancelled == 1

    sale = Sale.get_by_id(sale_id)
    assert (sale.client_id, sale.amount_fen, sale.client_level, sale.product_rating) == (
        client_id,
        5_000_000,
        3,
        3,
    )
    assert sale.recording_ref == "SL20260001"
    visit = Visit.get_by_id(visit_id)
    assert (visit.client_id, visit.state, visit.ticket) == (client_id, "done", "W001")
    assert visit.notes == "" and visit.finished_at is not None
    assessment = RiskAssessment.get(RiskAssessment.client == client_id)
    assert (assessment.level, assessment.score, assessment.answers) == (3, 60, "")
    call = CareCall.get(CareCall.client == client_id)
    assert (call.duration_minutes, call.outcome, call.notes) == (7, "reached", "")
    assert Holding.select().where(Holding.client == client_id).count() == 0
    booking = Appointment.get_by_id(booking_id)
    assert booking.status == AppointmentStatus.CANCELLED.value and booking.notes == ""

    row = Client.get_by_id(client_id)
    assert row.name == clients.ERASED_NAME and row.erased_at is not None
    assert (row.mobile, row.id_number, row.birth_date, row.personal_needs) == (
        None,
        None,
        None,
        "",
    )
    # The sale still counts on its day.
    assert sales.day_totals(dt.date(2026, 11, 27)).amount_fen == 5_000_000


def test_an_erased_client_leaves_the_book_and_its_search(client_with_history):
    client_id = client_with_history[0]
    clients.erase_client(client_id, "王经理")
    assert clients.count_clients() == 0
    assert clients.list_clients() == []
    for query in ("欧阳", "oyxy", "5678", "0071"):
        assert clients.search_clients(query).rows == []
    assert clients.possible_duplicates(NAME, MOBILE) == []
    with pytest.raises(NotFound, match="erased at their request"):
        clients.get_client(client_id)
    with pytest.raises(NotFound, match="erased at their request"):
        clients.reveal_identifier(client_id, "mobile", "王经理")


def test_nothing_new_is_recorded_for_an_erased_client(client_with_history):
    client_id = client_with_history[0]
    clients.erase_client(client_id, "王经理")
    refusals = [
        lambda: queue.check_in(CheckIn(client_id=client_id), "lobby"),
        lambda: care.log_call(CallOutcome.REACHED, "王经理", "1", client_id=client_id),
        lambda: appointments.create(
            AppointmentDraft(start=dt.datetime(2026, 12, 1, 10, 0), client_id=client_id), "王经理"
        ),
        lambda: clients.erase_client(client_id, "王经理"),
    ]
    for refused in refusals:
        with pytest.raises(NotFound, match="erased at their request"):
            refused()


def test_the_care_list_makes_no_task_for_an_erased_client(client_with_history, clock):
    client_id = client_with_history[0]
    clients.erase_client(client_id, "王经理")
    # The kept assessment expires within the window, the kept visit asked for a
    # follow-up: neither makes a call to a person who is no longer in the book.
    clock.set(dt.datetime(2027, 10, 20, 9, 0))
    care.generate(clock.now.date(), None, 30, 1)
    assert [item for item in care.care_list() if item.client_id == client_id] == []


def test_the_erasure_is_audited_without_personal_data(client_with_history):
    client_id = client_with_history[0]
    clients.erase_client(client_id, "王经理")
    latest = audit.entries(client_id)[0]
    assert (latest.action, latest.actor, latest.client_id) == (
        AuditAction.CLIENT_ERASED,
        "王经理",
        client_id,
    )
    assert latest.detail == "sales=1,visits=1"


def test_a_client_in_the_queue_is_not_erased(backend_store, clock):
    client_id = clients.create_client(ClientDraft(name=NAME, mobile=MOBILE), "王经理").id
    queue.check_in(CheckIn(client_id=client_id), "lobby")
    with pytest.raises(ConflictError, match="in the queue now"):
        clients.erase_client(client_id, "王经理")
    assert Client.get_by_id(client_id).name == NAME
