"""Risk assessments and consents (services/risk.py, services/consents.py) on both backends."""

from __future__ import annotations

import datetime as dt
import json
import random

import pytest

from wealthdesk.db.models import RiskAssessment
from wealthdesk.domain.audit import AuditAction
from wealthdesk.domain.client import ClientDraft, Horizon, MaritalStatus, Tier
from wealthdesk.domain.errors import ConflictError, NotFound, ValidationError
from wealthdesk.domain.risk import AssessmentState, RiskLevel, answers_for_score, score
from wealthdesk.services import audit, clients, consents, queue, risk


def client(name: str, tier: Tier = Tier.NORMAL) -> int:
    return clients.create_client(ClientDraft(name=name, tier=tier), "setup").id


def answers(points: int) -> dict[str, str]:
    found = answers_for_score(risk.questionnaire(), points)
    assert found is not None
    return found


def set_day(clock, day: dt.date) -> None:
    clock.set(dt.datetime.combine(day, dt.time(10, 0)))


def test_recording_scores_keeps_and_audits_the_assessment(backend_store, clock):
    zhang = client("张伟")
    visit = queue.check_in(queue.CheckIn(client_id=zhang), "lobby")

    info = risk.record_assessment(zhang, answers(58), "王经理 (desk 1)", visit_id=visit.id)

    assert (info.score, info.level) == (58, RiskLevel.C3)
    assert info.assessed_on == dt.date(2026, 11, 27)
    assert info.valid_until == dt.date(2027, 11, 26)
    assert info.questionnaire == "risk_default@2026.2"
    assert info.answers == answers(58)
    assert info.actor == "王经理 (desk 1)"
    assert info.state(clock.now.date()) is AssessmentState.VALID
    assert risk.latest(zhang) == info
    entry = next(e for e in audit.entries(zhang) if e.action is AuditAction.RISK_ASSESSED)
    assert entry.detail == f"risk_default@2026.2 visit {visit.id}"
    assert "58" not in entry.detail and "C3" not in entry.detail  # no profile in the log


def test_incomplete_answers_are_refused_and_nothing_is_kept(backend_store, clock):
    zhang = client("张伟")
    partial = answers(30)
    del partial["q10"]
    with pytest.raises(ValidationError) as caught:
        risk.record_assessment(zhang, partial, "m")
    assert caught.value.render() == "Question 14 is not answered."  # q10, printed 14th
    assert risk.latest(zhang) is None
    assert RiskAssessment.select().count() == 0


def test_a_client_or_visit_that_is_gone_is_refused(backend_store, clock):
    with pytest.raises(NotFound):
        risk.record_assessment(999, answers(30), "m")
    zhang = client("张伟")
    with pytest.raises(NotFound):
        risk.record_assessment(zhang, answers(30), "m", visit_id=999)
    assert RiskAssessment.select().count() == 0


def test_history_lists_every_assessment_newest_first(backend_store, clock):
    zhang = client("张伟")
    set_day(clock, dt.date(2024, 5, 6))
    first = risk.record_assessment(zhang, answers(15), "m")
    set_day(clock, dt.date(2025, 6, 1))
    second = risk.record_assessment(zhang, answers(88), "m")
    set_day(clock, dt.date(2026, 11, 27))

    assert [a.id for a in risk.history(zhang)] == [second.id, first.id]
    assert [a.level for a in risk.history(zhang)] == [RiskLevel.C5, RiskLevel.C1]
    latest = risk.latest(zhang)
    assert latest.id == second.id
    assert latest.state(dt.date(2026, 11, 27)) is AssessmentState.EXPIRED
    assert risk.latest_for_clients([zhang, client("李娜")]) == {zhang: latest}


def test_expiring_lists_latest_assessments_running_out_or_just_expired(backend_store, clock):
    today = dt.date(2026, 11, 27)
    soon, edge, later, lapsed, long_gone, renewed, never = (
        client(name) for name in ("张伟", "李娜", "王芳", "刘洋", "陈静", "杨帆", "赵敏")
    )
    # Assessed on the day that makes the last valid day what the name says.
    for who, last_day in (
        (soon, today + dt.timedelta(days=3)),
        (edge, today + dt.timedelta(days=30)),
        (later, today + dt.timedelta(days=31)),
        (lapsed, today - dt.timedelta(days=10)),
        (long_gone, today - dt.timedelta(days=31)),
        (renewed, today + dt.timedelta(days=2)),
    ):
        set_day(clock, last_day - dt.timedelta(days=364))
        risk.record_assessment(who, answers(40), "m")
    set_day(clock, today)
    risk.record_assessment(renewed, answers(40), "m")  # assessed again: not due

    found = risk.expiring(today)

    assert [(e.client_id, e.state, e.days_left) for e in found] == [
        (lapsed, AssessmentState.EXPIRED, -10),
        (soon, AssessmentState.EXPIRING, 3),
        (edge, AssessmentState.EXPIRING, 30),
    ]
    assert found[1].name == "张伟" and found[1].masked_name == "张*"
    assert found[1].level is RiskLevel.C2
    assert never not in {e.client_id for e in found}
    assert {e.client_id for e in risk.expiring(today, expired_within_days=60)} == {
        lapsed,
        long_gone,
        soon,
        edge,
    }


def test_consent_is_recorded_with_its_visit_and_audited(backend_store, clock):
    zhang = client("张伟")
    visit = queue.check_in(queue.CheckIn(client_id=zhang), "lobby")

    given = consents.record_consent(zhang, "survey", "m", visit_id=visit.id)

    assert given.purpose is consents.ConsentPurpose.SURVEY
    assert (given.client_id, given.visit_id, given.actor) == (zhang, visit.id, "m")
    assert given.given_at == clock.now
    assert consents.consents(zhang) == [given]
    assert any(e.action is AuditAction.CONSENT_RECORDED for e in audit.entries(zhang))
    with pytest.raises(ValueError):
        consents.record_consent(zhang, "marketing-spam", "m")


def test_the_survey_keeps_consent_profile_and_questionnaire_together(backend_store, clock):
    zhang = client("张伟")
    record = clients.get_client(zhang)
    draft = record.draft
    changed = type(draft)(
        **{
            **draft.__dict__,
            "marital_status": MaritalStatus.MARRIED,
            "dependants": 2,
            "horizon": Horizon.LONG,
            "training_needs": "基金定投入门",
        }
    )

    result = consents.save_survey(zhang, changed, record.row_version, "m", answers=answers(72))

    saved = clients.get_client(zhang).draft
    assert (saved.marital_status, saved.dependants, saved.horizon) == (
        MaritalStatus.MARRIED,
        2,
        Horizon.LONG,
    )
    assert saved.training_needs == "基金定投入门"
    assert saved.consent_data and saved.consent_data_on == dt.date(2026, 11, 27)
    assert result.assessment.level is RiskLevel.C4
    assert [c.purpose for c in consents.consents(zhang)] == [consents.ConsentPurpose.SURVEY]


def test_a_survey_refused_keeps_nothing(backend_store, clock):
    zhang = client("张伟")
    record = clients.get_client(zhang)
    clients.update_client(zhang, record.draft.__class__(name="张伟", occupation="教师"), 1, "x")
    with pytest.raises(ConflictError):
        consents.save_survey(zhang, record.draft, record.row_version, "m", answers=answers(50))
    partial = answers(50)
    del partial["q1"]
    with pytest.raises(ValidationError):
        consents.save_survey(zhang, record.draft, 2, "m", answers=partial)
    assert consents.consents(zhang) == []
    assert risk.latest(zhang) is None
    assert not clients.get_client(zhang).draft.consent_data


def test_demo_assessments_score_to_their_level_and_cover_every_state(backend_store, clock):
    ids = [client(f"客户{'甲乙丙丁戊己庚辛壬癸'[i % 10]}") for i in range(120)]
    today = dt.date(2026, 11, 27)

    made = risk.create_demo_assessments(random.Random(7), ids, today, "demo")

    assert made == RiskAssessment.select().count() >= 100
    form = risk.questionnaire()
    for row in RiskAssessment.select():
        points = score(form, json.loads(row.answers))
        assert points == row.score
        assert RiskLevel(row.level).band[0] <= points <= RiskLevel(row.level).band[1]
    latest = risk.latest_for_clients(ids)
    states = {a.state(today) for a in latest.values()}
    assert states == {AssessmentState.VALID, AssessmentState.EXPIRING, AssessmentState.EXPIRED}
    assert 0 < len(ids) - len(latest) < 30  # a few never assessed
    assert {a.level for a in latest.values()} == set(RiskLevel)
