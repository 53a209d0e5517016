"""Client consents (to record their risk tolerance, preferences, needs and family while
they wait), and the survey saved with one: consent, profile and questionnaire together."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace

from ..db.connection import database
from ..db.models import ClientConsent, Visit
from ..domain.audit import AuditAction
from ..domain.client import ClientDraft, Labeled
from ..domain.errors import QT_TRANSLATE_NOOP, NotFound, Problem
from . import audit, clients, clock, risk


class ConsentPurpose(Labeled):
    """What the client agreed to."""

    SURVEY = "survey"  # the risk and needs survey while waiting

    @classmethod
    def _labels(cls):
        return {
            "survey": QT_TRANSLATE_NOOP(
                "domain", "Recording risk tolerance, preferences, needs and family information"
            ),
        }


@dataclass(frozen=True)
class ConsentInfo:
    id: int
    client_id: int
    visit_id: int | None
    purpose: ConsentPurpose
    given_at: dt.datetime  # local
    actor: str


@dataclass(frozen=True)
class SurveyResult:
    """What :func:`save_survey` kept: the consent, the client's record as saved, and
    the assessment when the questionnaire was answered."""

    consent: ConsentInfo
    client: clients.ClientRecord
    assessment: risk.AssessmentInfo | None


def record_consent(
    client_id: int, purpose: ConsentPurpose | str, actor: str, visit_id: int | None = None
) -> ConsentInfo:
    """Keep that the client agreed to *purpose* now, in *visit_id* if given; audited."""
    purpose = ConsentPurpose(purpose)
    with database.atomic():
        clients.require_in_book(client_id)
        if visit_id is not None and not Visit.select().where(Visit.id == visit_id).exists():
            raise NotFound(
                Problem("visit", QT_TRANSLATE_NOOP("domain", "This visit no longer exists."))
            )
        row = ClientConsent.create(
            client=client_id,
            visit=visit_id,
            purpose=purpose.value,
            given_at=clock.now_utc(),
            actor=actor,
        )
        audit.record(AuditAction.CONSENT_RECORDED, actor, client_id, purpose.value)
    return _info(row)


def consents(client_id: int) -> list[ConsentInfo]:
    """The client's consents, newest first."""
    query = (
        ClientConsent.select()
        .where(ClientConsent.client == client_id)
        .order_by(ClientConsent.given_at.desc(), ClientConsent.id.desc())
    )
    return [_info(row) for row in query]


def save_survey(
    client_id: int,
    draft: ClientDraft,
    expected_version: int,
    actor: str,
    visit_id: int | None = None,
    answers: Mapping[str, str] | None = None,
) -> SurveyResult:
    """The survey filled in while the client waits, kept all or nothing: the consent
    (purpose survey), the client's preferences, needs and family from *draft* (through
    :func:`clients.update_client`, refused when someone saved the client since
    *expected_version*; the stored mobile and ID number are kept), and the
    questionnaire when *answers* are given. The client's consent to data collection is
    set from today if it was not given before."""
    with database.atomic():
        consent = record_consent(client_id, ConsentPurpose.SURVEY, actor, visit_id)
        if not draft.consent_data:
            draft = replace(draft, consent_data=True, consent_data_on=clock.today())
        draft = replace(draft, id_number=None, mobile=None)
        record = clients.update_client(client_id, draft, expected_version, actor)
        assessment = (
            risk.record_assessment(client_id, answers, actor, visit_id) if answers else None
        )
    return SurveyResult(consent, record, assessment)


def _info(row: ClientConsent) -> ConsentInfo:
    return ConsentInfo(
        id=row.id,
        client_id=row.client_id,
        visit_id=row.visit_id,
        purpose=ConsentPurpose(row.purpose),
        given_at=clock.to_local(row.given_at),
        actor=row.actor,
    )


__all__ = [
    "ConsentInfo",
    "ConsentPurpose",
    "SurveyResult",
    "consents",
    "record_consent",
    "save_survey",
]
