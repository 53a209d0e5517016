"""Issue 19's integrity of a risk assessment through the services, on SQLite and
PostgreSQL: the knock-outs and age rules applied when it is recorded, re-assessments
limited a day, the signed form received, a level raised and sold above the same day
flagged, and what makes an assessment stale (renewal marked, care tasks made)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from compliance import qualify_desk

from wealthdesk.db.models import CareTask, RiskAssessment
from wealthdesk.domain.care import CareKind
from wealthdesk.domain.client import ClientDraft, IncomeBand, ProductFamily
from wealthdesk.domain.errors import ValidationError
from wealthdesk.domain.product import ProductDraft
from wealthdesk.domain.risk import RiskLevel, answers_for_score
from wealthdesk.services import clients, products, risk, sales, settings
from wealthdesk.services.sales import SaleDraft

ACTOR = "王经理 (desk 1)"


def client(id_number: str = "360426199101010071") -> int:
    return clients.create_client(ClientDraft(name="张伟", id_number=id_number), "setup").id


def answers(points: int) -> dict[str, str]:
    return answers_for_score(risk.questionnaire(), points)


def best() -> dict[str, str]:
    form = risk.questionnaire()
    return {q.id: max(q.options, key=lambda o: o.points).id for q in form.questions}


def test_four_no_loss_answers_record_c1_not_c3(backend_store, clock):
    """Issue 19: a client who says they accept no loss of principal ended at C3."""
    zhang = client()
    chosen = best() | {"q9": "a"}  # 不能承受本金损失
    info = risk.record_assessment(zhang, chosen, ACTOR)
    assert info.score == 90 and info.level is RiskLevel.C1


def test_the_age_on_the_id_caps_the_level(backend_store, clock):
    child = client("110105201506010016")  # an 11-year-old
    info = risk.record_assessment(child, best(), ACTOR)
    assert info.level is RiskLevel.C1


def test_re_assessments_are_limited_a_day_by_the_setting(backend_store, clock):
    """Issue 19: four re-assessments in one minute took a client from C2 to C5."""
    zhang = client()
    risk.record_assessment(zhang, answers(30), ACTOR)
    risk.record_assessment(zhang, answers(60), ACTOR)
    with pytest.raises(ValidationError, match=r"assessments today \(2\) reach the most"):
        risk.record_assessment(zhang, best(), ACTOR)
    assert RiskAssessment.select().count() == 2
    settings.save({"reassessments_per_day": 3}, "1", "setup")
    risk.record_assessment(zhang, best(), ACTOR)
    clock.set(clock.now + dt.timedelta(days=1))
    risk.record_assessment(zhang, answers(30), ACTOR)  # a new day


def test_the_signed_form_is_recorded_with_who_and_when(backend_store, clock):
    zhang = client()
    info = risk.record_assessment(zhang, answers(50), ACTOR)
    assert info.signed_received_at is None
    signed = risk.record_signed_form(info.id, ACTOR, "李柜员")
    assert signed.signed_received_by == "李柜员" and signed.signed_received_at == clock.now


def test_a_level_raised_and_sold_above_the_old_level_the_same_day_is_flagged(backend_store, clock):
    qualify_desk("1")
    zhang = client()
    RiskAssessment.create(
        client=zhang,
        assessed_on=dt.date(2026, 6, 1),
        valid_until=dt.date(2027, 5, 31),
        score=30,
        level=2,
        created_at=dt.datetime(2026, 6, 1),
    )
    risk.record_assessment(zhang, best(), ACTOR)  # C5 today
    r4 = products.create_product(
        ProductDraft("LC-R4", "权益理财", ProductFamily.WEALTH, 4), "setup"
    ).id
    sales.record_sale(SaleDraft(zhang, r4, 5_000_000, recording_ref="SL20261127001"), ACTOR, "1")
    (jump,) = risk.level_jumps(dt.date(2026, 11, 27))
    assert (jump.old_level, jump.new_level, jump.product_rating) == (2, 5, 4)
    assert jump.masked_name == "张*"
    assert risk.level_jumps(dt.date(2026, 11, 28)) == []


def test_a_change_of_income_marks_the_assessment_for_renewal_with_a_care_task(backend_store, clock):
    zhang = client()
    risk.record_assessment(zhang, answers(50), ACTOR)
    record = clients.get_client(zhang)
    changed = dataclasses.replace(record.draft, income_band=list(IncomeBand)[-1])
    clients.update_client(zhang, changed, record.row_version, ACTOR)
    assert "income_band" in risk.latest(zhang).renewal_reason
    task = CareTask.get(CareTask.client == zhang)
    assert task.kind == CareKind.RISK_RENEWAL.value


def test_a_lower_re_assessment_flags_holdings_above_the_new_level(backend_store, clock):
    qualify_desk("1")
    zhang = client()
    risk.record_assessment(zhang, best(), ACTOR)  # C5
    r4 = products.create_product(
        ProductDraft("LC-R4", "权益理财", ProductFamily.WEALTH, 4), "setup"
    ).id
    sales.record_sale(SaleDraft(zhang, r4, 5_000_000, recording_ref="SL20261127001"), ACTOR, "1")
    risk.record_assessment(zhang, answers(30), ACTOR)  # C2
    task = CareTask.get((CareTask.client == zhang) & (CareTask.kind == "risk_reminder"))
    assert "LC-R4 R4" in task.title and task.title.startswith("C2")
