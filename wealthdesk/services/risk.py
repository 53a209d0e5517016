"""Risk assessments: the questionnaire in use, recording a client's answers (scored into
C1–C5, valid for a year), the latest and earlier ones, and those about to expire.

The rules live in ``domain/risk.py`` (what a questionnaire must hold, scoring); this
module reads the questionnaire's file and keeps the rows, one transaction a change,
each audited.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from peewee import fn

from ..assets import resource_dir
from ..db.bulk import insert_rows
from ..db.models import CareTask, Client, Holding, Product, RiskAssessment, Visit
from ..db.transactions import writing
from ..domain.audit import AuditAction
from ..domain.care import CareKind
from ..domain.client import Tier
from ..domain.errors import QT_TRANSLATE_NOOP, NotFound, Problem, ValidationError, os_error_reason
from ..domain.masking import mask_name
from ..domain.risk import (
    EXPIRING_WITHIN_DAYS,
    AssessmentState,
    Questionnaire,
    RiskLevel,
    answers_for_score,
    assess,
    assessment_state,
    days_left,
    parse_questionnaire,
    questionnaire_problem,
    valid_until,
)
from ..domain.times import stored_date
from . import audit, clients, clock
from . import settings as settings_service

QUESTIONNAIRE_FOLDER = "questionnaires"
DEFAULT_QUESTIONNAIRE = "risk_default.json"


def default_questionnaire_path() -> Path:
    """The questionnaire shipped with the program (a bank may replace the file)."""
    return resource_dir() / QUESTIONNAIRE_FOLDER / DEFAULT_QUESTIONNAIRE


def load_questionnaire(path: Path | str) -> Questionnaire:
    """Read and check a questionnaire file (UTF-8 JSON). Raises :class:`ValidationError`
    naming everything wrong with it: unreadable, not JSON, or breaking the rules of
    :func:`parse_questionnaire`."""
    path = Path(path)
    try:
        text = _read_form(path).decode("utf-8-sig")
    except OSError as exc:
        raise ValidationError(
            questionnaire_problem(
                QT_TRANSLATE_NOOP("domain", "The questionnaire {file} cannot be read: {reason}."),
                file=path.name,
                reason=os_error_reason(exc),
            )
        ) from exc
    except UnicodeDecodeError as exc:
        raise ValidationError(
            questionnaire_problem(
                QT_TRANSLATE_NOOP("domain", "The questionnaire {file} is not UTF-8 text."),
                file=path.name,
            )
        ) from exc
    try:
        data = json.loads(text)
    except RecursionError as exc:  # nested deeper than the reader goes: no form is
        raise ValidationError(
            questionnaire_problem(
                QT_TRANSLATE_NOOP(
                    "domain", "The questionnaire {file} is not valid JSON (nested too deeply)."
                ),
                file=path.name,
            )
        ) from exc
    except json.JSONDecodeError as exc:
        raise ValidationError(
            questionnaire_problem(
                QT_TRANSLATE_NOOP(
                    "domain", "The questionnaire {file} is not valid JSON (line {line}: {reason})."
                ),
                file=path.name,
                line=exc.lineno,
                reason=exc.msg,
            )
        ) from exc
    return parse_questionnaire(data)


MAX_FORM_BYTES = 2 << 20  # a questionnaire is a few dozen kB; the default one is 30 kB


def _read_form(path: Path) -> bytes:
    """The bytes of the questionnaire file *path*: only a regular file (a named pipe or
    a device would be waited on for ever or never end), opened without waiting for a
    pipe's writer, and at most :data:`MAX_FORM_BYTES`; else a :class:`ValidationError`
    naming the file."""
    import os
    import stat

    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
            if stat.S_ISDIR(os.fstat(file.fileno()).st_mode):
                raise IsADirectoryError(21, "Is a directory", str(path))
            raise ValidationError(
                questionnaire_problem(
                    QT_TRANSLATE_NOOP("domain", "The questionnaire {file} is not a file."),
                    file=path.name,
                )
            )
        data = file.read(MAX_FORM_BYTES + 1)
    if len(data) > MAX_FORM_BYTES:
        raise ValidationError(
            questionnaire_problem(
                QT_TRANSLATE_NOOP(
                    "domain", "The questionnaire {file} is too large ({limit} MB at most)."
                ),
                file=path.name,
                limit=MAX_FORM_BYTES >> 20,
            )
        )
    return data


_loaded: dict[Path, tuple[float, Questionnaire]] = {}


def questionnaire(path: Path | None = None) -> Questionnaire:
    """The questionnaire in use, read once and again whenever its file changes. Raises
    :class:`~wealthdesk.domain.errors.ValidationError` naming what is wrong with the
    file."""
    path = Path(path or default_questionnaire_path())
    try:
        stamp = path.stat().st_mtime
    except OSError:
        stamp = -1.0  # load_questionnaire says what is wrong
    cached = _loaded.get(path)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    loaded = load_questionnaire(path)
    _loaded[path] = (stamp, loaded)
    return loaded


@dataclass(frozen=True)
class AssessmentInfo:
    """One assessment as the risk tab shows it; *created_at* is local."""

    id: int
    client_id: int
    assessed_on: dt.date
    valid_until: dt.date
    questionnaire: str  # the file's "id@version" it was answered on
    answers: Mapping[str, str]  # question id → option id
    score: int
    level: RiskLevel
    actor: str
    created_at: dt.datetime
    signed_received_at: dt.datetime | None = None  # the client's signed form, local
    signed_received_by: str = ""
    renewal_reason: str = ""  # what in the record changed since (STALE_FIELDS)

    def state(self, today: dt.date) -> AssessmentState:
        return assessment_state(self.valid_until, today)

    def days_left(self, today: dt.date) -> int:
        return days_left(self.valid_until, today)


@dataclass(frozen=True)
class ExpiringAssessment:
    """A client whose latest assessment runs out soon or ran out lately (Today, care)."""

    client_id: int
    name: str
    masked_name: str
    tier: Tier
    assessment_id: int
    level: RiskLevel
    valid_until: dt.date
    state: AssessmentState  # EXPIRING or EXPIRED
    days_left: int  # negative once expired


# ---------------------------------------------------------------- writing


def record_assessment(
    client_id: int,
    answers: Mapping[str, str],
    actor: str,
    visit_id: int | None = None,
    questionnaire_path: Path | None = None,
) -> AssessmentInfo:
    """Score *answers* (question id → option id, every question once) and keep them as
    the client's assessment of today, valid for a year. *visit_id*, the visit under way,
    goes into the audit entry (an assessment has no column for it). Raises
    :class:`~wealthdesk.domain.errors.ValidationError` naming each question left
    unanswered, and :class:`~wealthdesk.domain.errors.NotFound` for a client or visit
    that no longer exists."""
    form = questionnaire(questionnaire_path)
    today = clock.today()
    ordered = {q.id: answers[q.id] for q in form.questions if q.id in answers}
    with writing():
        clients.require_in_book(client_id)
        if visit_id is not None and not Visit.select().where(Visit.id == visit_id).exists():
            raise NotFound(
                Problem("visit", QT_TRANSLATE_NOOP("domain", "This visit no longer exists."))
            )
        birth = Client.select(Client.birth_date).where(Client.id == client_id).scalar()
        result = assess(form, answers, stored_date(birth), today)
        points, level = result.points, result.level
        _limit_reassessments(client_id, today)
        before = latest(client_id)
        row = RiskAssessment.create(
            client=client_id,
            assessed_on=today,
            valid_until=valid_until(today),
            questionnaire=form.key,
            answers=json.dumps(ordered, ensure_ascii=False),
            score=points,
            level=int(level),
            actor=actor,
            created_at=clock.now_utc(),
        )
        # Which questionnaire and visit, never the answers or the level: the log itself
        # must not hold the client's profile.
        detail = form.key + (f" visit {visit_id}" if visit_id is not None else "")
        audit.record(AuditAction.RISK_ASSESSED, actor, client_id, detail)
        if before is not None and level < before.level:
            _holdings_above(client_id, level, row.id)
    return _info(row)


def _limit_reassessments(client_id: int, today: dt.date) -> None:
    """At most the setting reassessments_per_day assessments a client a day (issue 19:
    four in one minute took a client from C2 to C5)."""
    problem = reassessment_limit(client_id, today)
    if problem is not None:
        raise ValidationError(problem)


def reassessment_limit(client_id: int, today: dt.date | None = None) -> Problem | None:
    """Why the client cannot be assessed again today (the day's limit is reached), or
    None; the risk tab says it before the questionnaire is opened."""
    today = today or clock.today()
    allowed = int(settings_service.get("reassessments_per_day") or 2)
    made = (
        RiskAssessment.select()
        .where((RiskAssessment.client == client_id) & (RiskAssessment.assessed_on == today))
        .count()
    )
    if made < allowed:
        return None
    return Problem(
        "assessment",
        QT_TRANSLATE_NOOP(
            "domain",
            "The client's assessments today ({count}) reach the most a day allows: assess "
            "again tomorrow.",
        ),
        {"count": made},
    )


def _holdings_above(client_id: int, level: RiskLevel, assessment_id: int) -> None:
    """A lower re-assessment: the open holdings rated above the new level are listed in a
    risk reminder task (the client keeps them; the manager explains their risk)."""
    above = (
        Holding.select(Product.code, Product.risk_rating)
        .join(Product)
        .where(
            (Holding.client == client_id)
            & Holding.closed_on.is_null()
            & (Product.risk_rating > int(level))
        )
        .tuples()
    )
    codes = [f"{code} R{rating}" for code, rating in above]
    if not codes:
        return
    CareTask.insert(
        client=client_id,
        kind=CareKind.RISK_REMINDER.value,
        due_date=clock.today(),
        source=f"risk_reminder:{assessment_id}",
        title=f"C{int(level)}: " + ", ".join(codes)[:200],
        status="open",
        created_at=clock.now_utc(),
    ).on_conflict_ignore().execute()


def record_signed_form(assessment_id: int, actor: str, received_by: str = "") -> AssessmentInfo:
    """The client answered and confirmed the assessment themselves: the form they signed
    was received, by whom (the manager by default), now."""
    with writing():
        row = RiskAssessment.get_or_none(RiskAssessment.id == assessment_id)
        if row is None:
            raise NotFound(
                Problem(
                    "assessment",
                    QT_TRANSLATE_NOOP("domain", "This risk assessment no longer exists."),
                )
            )
        RiskAssessment.update(
            signed_received_at=clock.now_utc(),
            signed_received_by=(received_by or actor).strip(),
        ).where(RiskAssessment.id == assessment_id).execute()
        audit.record(AuditAction.RISK_FORM_SIGNED, actor, row.client_id, f"assessment {row.id}")
    return _info(RiskAssessment.get_by_id(assessment_id))


# What in a client's record makes their assessment stale when it changes (issue 19).
STALE_FIELDS = ("income_band", "occupation", "liquidity_need", "marital_status")


def mark_for_renewal(client_id: int, changed: list[str]) -> bool:
    """The client's record changed in *changed* (of :data:`STALE_FIELDS`): their latest
    assessment is marked for renewal and a care task made. Call inside the write that
    changed the record. Returns whether an assessment was marked."""
    fields = [f for f in changed if f in STALE_FIELDS]
    current = latest(client_id)
    if not fields or current is None:
        return False
    reason = ",".join(fields)
    RiskAssessment.update(renewal_reason=reason, renewal_since=clock.today()).where(
        RiskAssessment.id == current.id
    ).execute()
    CareTask.insert(
        client=client_id,
        kind=CareKind.RISK_RENEWAL.value,
        due_date=clock.today(),
        source=f"risk_renewal:{current.id}:{clock.today().isoformat()}",
        title=reason,
        status="open",
        created_at=clock.now_utc(),
    ).on_conflict_ignore().execute()
    return True


@dataclass(frozen=True)
class LevelJump:
    """A client's level raised by a re-assessment and, the same day, a sale above the
    level before it (Today, the day close, the week's and month's summaries)."""

    client_id: int
    masked_name: str
    old_level: int
    new_level: int
    sale_id: int
    product_code: str
    product_rating: int
    day: dt.date | None = None  # the day of the re-assessment and the sale


def level_jumps(day: dt.date | None = None) -> list[LevelJump]:
    """The day's sales rated above the level the client had before a re-assessment of
    the same day raised it."""
    from .sales import day_sales

    return _jumps_among(day_sales(day or clock.today()))


def level_jumps_between(first: dt.date, last: dt.date) -> list[LevelJump]:
    """The level jumps of every day from *first* to *last* (both included), in the order
    of the sales: each day judged as :func:`level_jumps` judges it."""
    from .sales import sales_between

    # Only the sales of clients re-assessed in the period can jump: a month's thousands
    # of sales are not read for the few who were.
    reassessed = RiskAssessment.select(RiskAssessment.client).where(
        RiskAssessment.assessed_on.between(first, last)
    )
    return _jumps_among(sales_between(first, last, reassessed))


def _jumps_among(sold: Sequence) -> list[LevelJump]:
    """Of *sold* (SaleInfo, in order), those rated above the client's level before a
    re-assessment made on the sale's day raised it. The clients' assessments are read in
    one query, so a month costs no more queries than a day."""
    rated = [s for s in sold if not s.cancelled and s.product_rating is not None]
    if not rated:
        return []
    client_ids = sorted({s.client_id for s in rated})
    levels: dict[int, list[tuple[int, dt.date]]] = {cid: [] for cid in client_ids}
    names: dict[int, str] = {}
    for start in range(0, len(client_ids), 500):  # bounded IN lists on both backends
        chunk = client_ids[start : start + 500]
        for cid, level, on in (
            RiskAssessment.select(
                RiskAssessment.client, RiskAssessment.level, RiskAssessment.assessed_on
            )
            .where(RiskAssessment.client.in_(chunk))
            .order_by(RiskAssessment.assessed_on, RiskAssessment.id)
            .tuples()
        ):
            levels[cid].append((level, stored_date(on)))
        names.update(Client.select(Client.id, Client.name).where(Client.id.in_(chunk)).tuples())
    jumps = []
    for sale in rated:
        day = sale.signed_at.date()
        rows = levels[sale.client_id]
        before = [lv for lv, on in rows if on < day]
        that_day = [lv for lv, on in rows if on == day]
        if not before or not that_day:
            continue
        old = before[-1]
        if max(that_day) > old and sale.product_rating > old:
            jumps.append(
                LevelJump(
                    sale.client_id,
                    mask_name(names.get(sale.client_id) or ""),
                    old,
                    max(that_day),
                    sale.id,
                    sale.product_code,
                    sale.product_rating,
                    day,
                )
            )
    return jumps


# ---------------------------------------------------------------- reading


def latest(client_id: int) -> AssessmentInfo | None:
    """The client's most recent assessment, or None."""
    row = (
        RiskAssessment.select()
        .where(RiskAssessment.client == client_id)
        .order_by(RiskAssessment.assessed_on.desc(), RiskAssessment.id.desc())
        .first()
    )
    return _info(row) if row else None


def history(client_id: int) -> list[AssessmentInfo]:
    """Every assessment of the client, newest first."""
    query = (
        RiskAssessment.select()
        .where(RiskAssessment.client == client_id)
        .order_by(RiskAssessment.assessed_on.desc(), RiskAssessment.id.desc())
    )
    return [_info(row) for row in query]


def latest_for_clients(client_ids: Iterable[int]) -> dict[int, AssessmentInfo]:
    """Each listed client's most recent assessment (clients without one left out), for
    lists that show a risk badge per row."""
    wanted = sorted(set(client_ids))
    found: dict[int, AssessmentInfo] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        query = (
            RiskAssessment.select()
            .where(RiskAssessment.client.in_(chunk))
            .order_by(RiskAssessment.assessed_on, RiskAssessment.id)
        )
        for row in query:
            found[row.client_id] = _info(row)  # later rows replace earlier ones
    return found


def expiring(
    today: dt.date,
    within_days: int = EXPIRING_WITHIN_DAYS,
    expired_within_days: int = EXPIRING_WITHIN_DAYS,
) -> list[ExpiringAssessment]:
    """Clients whose latest assessment expires within *within_days* days (its last valid
    day from today on) or expired in the last *expired_within_days* days, soonest
    first. A client assessed again since is not listed."""
    newer = RiskAssessment.alias()
    has_newer = newer.select().where(
        (newer.client == RiskAssessment.client)
        & (
            (newer.valid_until > RiskAssessment.valid_until)
            | ((newer.valid_until == RiskAssessment.valid_until) & (newer.id > RiskAssessment.id))
        )
    )
    low = today - dt.timedelta(days=expired_within_days)
    high = today + dt.timedelta(days=within_days)
    query = (
        RiskAssessment.select(
            RiskAssessment.id,
            RiskAssessment.client,
            RiskAssessment.level,
            RiskAssessment.valid_until,
            Client.name,
            Client.tier,
        )
        .join(Client)
        .where(
            (RiskAssessment.valid_until >= low)
            & (RiskAssessment.valid_until <= high)
            & ~fn.EXISTS(has_newer)
        )
        .order_by(RiskAssessment.valid_until, Client.pinyin_full, Client.id)
        .tuples()
    )
    out = []
    for assessment_id, client_id, level, until, name, tier in query:
        out.append(
            ExpiringAssessment(
                client_id=client_id,
                name=name,
                masked_name=mask_name(name),
                tier=Tier(tier),
                assessment_id=assessment_id,
                level=RiskLevel(level),
                valid_until=until,
                state=assessment_state(until, today, within_days),
                days_left=days_left(until, today),
            )
        )
    return out


# ---------------------------------------------------------------- the demo

# How the demo's clients stand: most assessed and valid, some about to expire, some
# expired, a few never assessed.
_DEMO_MISSING, _DEMO_EXPIRED, _DEMO_EXPIRING = 0.08, 0.10, 0.12
_DEMO_LEVEL_WEIGHTS = {1: 10, 2: 30, 3: 35, 4: 17, 5: 8}


def create_demo_assessments(
    rng: random.Random,
    client_ids: Sequence[int],
    today: dt.date,
    actor: str,
    questionnaire_path: Path | None = None,
) -> int:
    """Give most of *client_ids* an assessment answered so that it scores to the level
    stored: about 12% expiring within 30 days, 10% expired, 8% never assessed, the
    rest valid (a few also with an older one). Call inside the demo's transaction;
    returns how many assessments were made."""
    form = questionnaire(questionnaire_path)
    reachable = {s: answers_for_score(form, s) for s in range(form.max_score + 1)}
    scores_by_level: dict[int, list[int]] = {}
    for points, answers in reachable.items():
        if answers is not None:
            # The level the answers give, knock-outs included (no age rule: the
            # demo's stored level is the questionnaire's).
            scores_by_level.setdefault(int(assess(form, answers).level), []).append(points)
    levels = [lv for lv in _DEMO_LEVEL_WEIGHTS if lv in scores_by_level]
    weights = [_DEMO_LEVEL_WEIGHTS[lv] for lv in levels]
    now = clock.now_utc()
    rows = []
    for client_id in client_ids:
        roll = rng.random()
        if roll < _DEMO_MISSING:
            continue
        if roll < _DEMO_MISSING + _DEMO_EXPIRED:
            last_day = today - dt.timedelta(days=rng.randint(1, 240))
        elif roll < _DEMO_MISSING + _DEMO_EXPIRED + _DEMO_EXPIRING:
            last_day = today + dt.timedelta(days=rng.randint(0, EXPIRING_WITHIN_DAYS))
        else:
            last_day = today + dt.timedelta(days=rng.randint(EXPIRING_WITHIN_DAYS + 1, 364))
        assessed = _assessed_on_for(last_day)
        dates = [assessed]
        if rng.random() < 0.2:  # an older one, a year or so before
            dates.insert(0, assessed - dt.timedelta(days=rng.randint(366, 800)))
        for on in dates:
            level = rng.choices(levels, weights)[0]
            points = rng.choice(scores_by_level[level])
            answers = reachable[points]
            rows.append(
                (
                    client_id,
                    on,
                    valid_until(on),
                    form.key,
                    json.dumps(answers, ensure_ascii=False),
                    points,
                    level,
                    actor,
                    now,
                )
            )
    insert_rows(
        "risk_assessment",
        (
            "client_id",
            "assessed_on",
            "valid_until",
            "questionnaire",
            "answers",
            "score",
            "level",
            "actor",
            "created_at",
        ),
        rows,
        returning_id=False,
    )
    return len(rows)


def _assessed_on_for(last_day: dt.date) -> dt.date:
    """The day an assessment valid until *last_day* was made."""
    on = last_day - dt.timedelta(days=364)
    while valid_until(on) < last_day:
        on += dt.timedelta(days=1)
    while valid_until(on) > last_day:
        on -= dt.timedelta(days=1)
    return on


# ---------------------------------------------------------------- helpers


def _info(row: RiskAssessment) -> AssessmentInfo:
    try:
        answers = json.loads(row.answers or "{}")
    except ValueError:
        answers = {}
    return AssessmentInfo(
        id=row.id,
        client_id=row.client_id,
        assessed_on=row.assessed_on,
        valid_until=row.valid_until,
        questionnaire=row.questionnaire,
        answers=dict(answers) if isinstance(answers, dict) else {},
        score=row.score,
        level=RiskLevel(row.level),
        actor=row.actor,
        created_at=clock.to_local(row.created_at),
        signed_received_at=clock.to_local(row.signed_received_at),
        signed_received_by=row.signed_received_by or "",
        renewal_reason=row.renewal_reason or "",
    )


__all__ = [
    "MAX_FORM_BYTES",
    "STALE_FIELDS",
    "AssessmentInfo",
    "ExpiringAssessment",
    "LevelJump",
    "create_demo_assessments",
    "default_questionnaire_path",
    "expiring",
    "history",
    "latest",
    "latest_for_clients",
    "level_jumps",
    "level_jumps_between",
    "load_questionnaire",
    "mark_for_renewal",
    "questionnaire",
    "reassessment_limit",
    "record_assessment",
    "record_signed_form",
]
