"""Finishing a service: the outcome proposed follows what the session recorded, and OK
with nothing ticked asks once."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QDialog
from test_ui_queue import serve, the_client

from wealthdesk.db.models import Sale
from wealthdesk.domain.care import CallOutcome
from wealthdesk.domain.client import ProductFamily
from wealthdesk.domain.product import ProductDraft
from wealthdesk.domain.queue import FinishCheck, ServiceOutcome, SessionActivity, VisitState
from wealthdesk.services import appointments, care, products, queue, sales
from wealthdesk.services.sales import SaleDraft


@pytest.fixture
def window(clock, main_window, language):
    language.install_language("en")
    main_window.go_to_key("queue")
    return main_window


def deposit() -> int:
    draft = ProductDraft("CK-1Y", "定期存款", ProductFamily.LIABILITY, None, term_days=365)
    return products.create_product(draft, "setup").id


def finish_seeing(seen: dict, ticks=tuple(FinishCheck)):
    """The finish dialog's answer: note what it proposes, tick *ticks*, press OK."""

    def answer(dialog) -> int:
        seen["outcome"] = ServiceOutcome(dialog.outcome.currentData())
        seen["why"] = dialog.why.text() if dialog.why.isVisibleTo(dialog) else ""
        for check in ticks:
            dialog.checks[check].setChecked(True)
        dialog.ok_button.click()
        return dialog.result()

    return answer


def finished_outcome(visit_id: int) -> str:
    return queue.get_visit(visit_id).outcome


def test_a_session_with_a_sale_is_filed_as_a_sale(window, prompts):
    client_id = the_client()
    visit = serve(window, client_id, prompts)
    sales.record_sale(SaleDraft(client_id, deposit(), 5_000_000, visit_id=visit.id), "manager", "1")
    seen: dict = {}
    prompts.answer("dialog", finish_seeing(seen))
    window.session.finish_action.trigger()
    assert seen == {"outcome": ServiceOutcome.SOLD, "why": "In this service, sales recorded: 1."}
    assert finished_outcome(visit.id) == ServiceOutcome.SOLD.value
    assert window.session.current is None


def test_an_appointment_booked_in_the_session_suggests_a_follow_up(window, prompts, clock):
    client_id = the_client()
    booked_before = appointments.AppointmentDraft(
        start=dt.datetime(2026, 11, 30, 10, 0), client_id=client_id
    )
    appointments.create(booked_before, "setup")  # before the visit: not this session's doing
    clock.set(clock.now + dt.timedelta(minutes=1))
    visit = serve(window, client_id, prompts)
    seen: dict = {}
    prompts.answer("dialog", finish_seeing(seen))
    clock.set(clock.now + dt.timedelta(minutes=10))
    appointments.create(
        appointments.AppointmentDraft(start=dt.datetime(2026, 12, 1, 10, 0), client_id=client_id),
        "manager",
    )
    window.session.finish_action.trigger()
    assert seen == {
        "outcome": ServiceOutcome.FOLLOW_UP,
        "why": "In this service, appointments booked: 1.",
    }
    assert finished_outcome(visit.id) == ServiceOutcome.FOLLOW_UP.value


def test_a_call_back_set_in_the_session_suggests_a_follow_up(window, prompts, clock):
    client_id = the_client()
    visit = serve(window, client_id, prompts)
    care.log_call(
        CallOutcome.CALL_BACK,
        "manager",
        "1",
        client_id=client_id,
        call_back_at=dt.datetime(2026, 11, 30, 15, 0).astimezone(),
    )
    seen: dict = {}
    prompts.answer("dialog", finish_seeing(seen))
    window.session.finish_action.trigger()
    assert seen["outcome"] is ServiceOutcome.FOLLOW_UP
    assert seen["why"] == "In this service, call-backs set: 1."
    assert finished_outcome(visit.id) == ServiceOutcome.FOLLOW_UP.value


def test_a_session_with_nothing_recorded_suggests_advice(window, prompts):
    visit = serve(window, the_client(), prompts)
    seen: dict = {}
    prompts.answer("dialog", finish_seeing(seen))
    window.session.finish_action.trigger()
    assert seen == {"outcome": ServiceOutcome.ADVISED, "why": ""}
    assert finished_outcome(visit.id) == ServiceOutcome.ADVISED.value


def test_a_sale_of_another_client_or_cancelled_is_not_this_session_s(window, prompts, clock):
    from wealthdesk.domain.client import ClientDraft
    from wealthdesk.services import clients

    client_id = the_client()
    other = clients.create_client(ClientDraft(name="孙丽"), "setup").id
    product = deposit()
    visit = serve(window, client_id, prompts)
    sales.record_sale(SaleDraft(other, product, 1_000_000), "manager", "1")
    assert queue.session_activity(visit.id) == SessionActivity()
    sold = sales.record_sale(SaleDraft(client_id, product, 1_000_000), "manager", "1")
    assert queue.session_activity(visit.id) == SessionActivity(sales=1)  # same client, no visit
    # Cancelled in its cooling-off (set here: only a private product's sale can be).
    Sale.update(cancelled_at=dt.datetime(2026, 11, 27, 2, 5)).where(Sale.id == sold.id).execute()
    assert queue.session_activity(visit.id) == SessionActivity()


def test_nothing_ticked_asks_once_and_no_brings_the_checklist_back(window, prompts):
    visit = serve(window, the_client(), prompts)
    asked: list[int] = []

    def answer(dialog) -> int:
        dialog.ok_button.click()  # nothing ticked: asked, and the manager says no
        asked.append(len([k for k in prompts.kinds() if k == "confirm"]))
        assert dialog.result() != QDialog.DialogCode.Accepted
        dialog.ok_button.click()  # asked again on this new press, and yes this time
        asked.append(len([k for k in prompts.kinds() if k == "confirm"]))
        return dialog.result()

    prompts.answer("dialog", answer)
    prompts.answer("confirm", False, True)
    window.session.finish_action.trigger()
    assert asked == [1, 2]  # one question per press of OK, never two for one
    question = next(text for kind, _title, text in prompts.shown if kind == "confirm")
    assert "without ticking anything" in question
    assert queue.get_visit(visit.id).state is VisitState.DONE
    assert queue.get_visit(visit.id).checklist == ()
    assert prompts.kinds().count("confirm") == 2  # finishing itself asked nothing more


def test_anything_ticked_finishes_without_a_question(window, prompts):
    visit = serve(window, the_client(), prompts)
    seen: dict = {}
    prompts.answer("dialog", finish_seeing(seen, ticks=(FinishCheck.DESK_TIDY,)))
    window.session.finish_action.trigger()
    assert "confirm" not in prompts.kinds()
    assert queue.get_visit(visit.id).checklist == (FinishCheck.DESK_TIDY,)
