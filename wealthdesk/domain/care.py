"""Client care as the rules see it: what puts a client on the day's care list, how a call
ends, colleague support, and the day's time on client work against the target.

Decisions the rules make (each tested in ``tests/test_care_rules.py``):

- **Birthdays** are listed from the day itself to :data:`BIRTHDAY_DAYS_AHEAD` days on,
  across month and year ends. Someone born on 29 February is greeted on 28 February in
  a year without one: the last day of their month, never a day in March.
- **Maturities**: open holdings maturing from today to *days* days on (both ends in).
- **Risk assessments**: a client's latest one expiring within
  :data:`RISK_EXPIRY_DAYS` days, or expired within the last :data:`RISK_EXPIRED_DAYS`
  days (an older expiry was either redone or is the client screen's business).
- **Follow-ups**: a service finished with the outcome "follow-up needed" is due
  :data:`FOLLOW_UP_AFTER_DAYS` days later; a call-back is due on its day.
- **No contact**: a contact is a finished service session, a call in which the client
  answered (reached, asked to be called back, declined) or a care task the manager
  marked done; a new client counts from when they were added. How long a silence may
  last depends on the tier: private banking a third of the branch's setting (30 of
  90 days), platinum half (45), gold the setting (90), standard twice it (180). At most
  :data:`NO_CONTACT_PER_DAY` silent clients join the list a day, the highest tier
  first and within a tier in the order they joined the book (a rotation: a client
  listed is not listed again while the task is open, and a contact starts their clock
  again): a list is a day's calls, not the whole book.
- **Invitations** go to clients of the event's tier and above who agreed to marketing
  contact, for events still ahead.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from .calendar import WorkingCalendar
from .client import Labeled, Tier
from .errors import QT_TRANSLATE_NOOP, Problem, Translate, translate_value

BIRTHDAY_DAYS_AHEAD = 7
RISK_EXPIRY_DAYS = 30
PLAN_REVIEW_DAYS_AHEAD = 14  # a plan's review is listed two weeks before it is due
RISK_EXPIRED_DAYS = 30
FOLLOW_UP_AFTER_DAYS = 3
NO_CONTACT_PER_DAY = 20
NOTES_MAX = 2000
CALL_MINUTES_MAX = 180
SUPPORT_MINUTES_MAX = 480
COLLEAGUE_MAX = 40  # colleague_support.colleague is VARCHAR(40)
EVENT_NAME_MAX = 80  # care_event.name is VARCHAR(80)
CALL_BACK_DAYS_MAX = 366


class CareKind(Labeled):
    """Why a client is on the care list; the order is the list's order within a day."""

    CALL_BACK = "call_back"
    SALE_CALLBACK = "sale_callback"
    RISK_RENEWAL = "risk_renewal"
    RISK_REMINDER = "risk_reminder"
    FOLLOW_UP = "follow_up"
    RISK_EXPIRY = "risk_expiry"
    MATURITY = "maturity"
    PLAN_REVIEW = "plan_review"
    BIRTHDAY = "birthday"
    INVITATION = "invitation"
    NO_CONTACT = "no_contact"

    @classmethod
    def _labels(cls):
        return {
            "call_back": QT_TRANSLATE_NOOP("domain", "Call back"),
            "sale_callback": QT_TRANSLATE_NOOP("domain", "After-sale call (65+)"),
            "risk_renewal": QT_TRANSLATE_NOOP("domain", "Risk assessment to renew"),
            "risk_reminder": QT_TRANSLATE_NOOP("domain", "Holdings above the risk level"),
            "follow_up": QT_TRANSLATE_NOOP("domain", "Follow-up"),
            "risk_expiry": QT_TRANSLATE_NOOP("domain", "Risk assessment expiring"),
            "maturity": QT_TRANSLATE_NOOP("domain", "Maturing holding"),
            "plan_review": QT_TRANSLATE_NOOP("domain", "Financial plan review"),
            "birthday": QT_TRANSLATE_NOOP("domain", "Birthday"),
            "invitation": QT_TRANSLATE_NOOP("domain", "Event invitation"),
            "no_contact": QT_TRANSLATE_NOOP("domain", "No contact for a while"),
        }

    @classmethod
    def _aliases(cls):
        return {
            "call_back": ("回电", "约定回电"),
            "sale_callback": ("售后回访", "回访"),
            "risk_renewal": ("风评重评", "重新评估"),
            "risk_reminder": ("风险提示",),
            "follow_up": ("跟进", "待跟进"),
            "risk_expiry": ("风评到期", "风险评估到期"),
            "maturity": ("产品到期", "到期"),
            "plan_review": ("规划复核", "理财规划复核"),
            "birthday": ("生日",),
            "invitation": ("活动邀约", "邀约"),
            "no_contact": ("久未联系",),
        }

    @property
    def rank(self) -> int:
        return _KIND_RANK[self]


class CareTaskStatus(Labeled):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"

    @classmethod
    def _labels(cls):
        return {
            "open": QT_TRANSLATE_NOOP("domain", "Open"),
            "done": QT_TRANSLATE_NOOP("domain", "Done"),
            "cancelled": QT_TRANSLATE_NOOP("domain", "Cancelled"),
        }


class CallOutcome(Labeled):
    REACHED = "reached"
    NO_ANSWER = "no_answer"
    CALL_BACK = "call_back"
    DECLINED = "declined"

    @classmethod
    def _labels(cls):
        return {
            "reached": QT_TRANSLATE_NOOP("domain", "Reached"),
            "no_answer": QT_TRANSLATE_NOOP("domain", "No answer"),
            "call_back": QT_TRANSLATE_NOOP("domain", "Call back later"),
            "declined": QT_TRANSLATE_NOOP("domain", "Declined"),
        }

    @classmethod
    def _aliases(cls):
        return {
            "reached": ("已接通", "接通"),
            "no_answer": ("未接通", "无人接听"),
            "call_back": ("约定回电", "回电"),
            "declined": ("婉拒", "拒绝"),
        }

    @property
    def closes_task(self) -> bool:
        """Reached, declined and call-back end the task (a call-back starts the next
        one); no answer leaves it open for another try."""
        return self is not CallOutcome.NO_ANSWER

    @property
    def is_contact(self) -> bool:
        """The client answered the phone."""
        return self is not CallOutcome.NO_ANSWER


_KIND_RANK = {kind: rank for rank, kind in enumerate(CareKind)}
CONTACT_OUTCOMES = tuple(o for o in CallOutcome if o.is_contact)


class SupportKind(Labeled):
    ASSET_ALLOCATION = "asset_allocation"
    RISK_RETURN = "risk_return"
    FAMILY_PLANNING = "family_planning"

    @classmethod
    def _labels(cls):
        return {
            "asset_allocation": QT_TRANSLATE_NOOP("domain", "Asset allocation"),
            "risk_return": QT_TRANSLATE_NOOP("domain", "Risk-return analysis"),
            "family_planning": QT_TRANSLATE_NOOP("domain", "Family financial planning"),
        }

    @classmethod
    def _aliases(cls):
        return {
            "asset_allocation": ("资产配置",),
            "risk_return": ("风险收益分析",),
            "family_planning": ("家庭财务规划",),
        }


# ---------------------------------------------------------------- dates


def birthday_in(birth: dt.date, year: int) -> dt.date:
    """The day *birth*'s birthday is celebrated in *year*: 29 February falls on
    28 February in a year without one."""
    if birth.month == 2 and birth.day == 29 and not calendar.isleap(year):
        return dt.date(year, 2, 28)
    return birth.replace(year=year)


def next_birthday(birth: dt.date, today: dt.date) -> dt.date:
    """The first celebrated birthday on or after *today*."""
    this_year = birthday_in(birth, today.year)
    return this_year if this_year >= today else birthday_in(birth, today.year + 1)


def birthday_due(
    birth: dt.date | None, today: dt.date, days_ahead: int = BIRTHDAY_DAYS_AHEAD
) -> dt.date | None:
    """The birthday to call for, when it is today or within *days_ahead* days; else None.
    Nobody is greeted for the day they were born on."""
    if birth is None:
        return None
    due = next_birthday(birth, today)
    if due.year == birth.year or (due - today).days > days_ahead:
        return None
    return due


def birthday_month_days(today: dt.date, days_ahead: int = BIRTHDAY_DAYS_AHEAD) -> list[str]:
    """The stored birth dates' ``MM-DD`` that can have a birthday in the window: each day
    of it, and 02-29 when the window holds 28 February of a year without one. What the
    service asks the database for, before :func:`birthday_due` decides."""
    wanted: list[str] = []
    for offset in range(days_ahead + 1):
        day = today + dt.timedelta(days=offset)
        wanted.append(f"{day:%m-%d}")
        if day.month == 2 and day.day == 28 and not calendar.isleap(day.year):
            wanted.append("02-29")
    return wanted


def age_on(birth: dt.date, day: dt.date) -> int:
    """Whole years on *day* (someone born on 29 February turns a year older on 28
    February of a year without one, as they are greeted)."""
    return day.year - birth.year - (day < birthday_in(birth, day.year))


def maturity_due(
    maturity: dt.date | None, closed_on: dt.date | None, today: dt.date, days: int
) -> bool:
    """An open holding maturing from *today* to *days* days on, both ends included."""
    if maturity is None or closed_on is not None:
        return False
    return today <= maturity <= today + dt.timedelta(days=days)


def risk_expiry_due(valid_until: dt.date, today: dt.date) -> bool:
    """A latest assessment expiring within :data:`RISK_EXPIRY_DAYS` days, or expired
    within the last :data:`RISK_EXPIRED_DAYS` (it is valid through *valid_until*)."""
    return (
        today - dt.timedelta(days=RISK_EXPIRED_DAYS)
        <= valid_until
        <= today + dt.timedelta(days=RISK_EXPIRY_DAYS)
    )


def risk_expired(valid_until: dt.date, today: dt.date) -> bool:
    return valid_until < today


def follow_up_due_date(finished: dt.date, calendar: WorkingCalendar | None = None) -> dt.date:
    """:data:`FOLLOW_UP_AFTER_DAYS` after the service, on a working day of *calendar*:
    a follow-up falling in the Spring Festival is due the day the branch opens again."""
    due = finished + dt.timedelta(days=FOLLOW_UP_AFTER_DAYS)
    if calendar is not None and not calendar.is_working_day(due):
        with contextlib.suppress(ValueError):  # a calendar with no working day at all
            due = calendar.next_working_day(due)
    return due


# ---------------------------------------------------------------- no contact

_SILENCE_SHARE = {
    Tier.PRIVATE: (1, 3),
    Tier.PLATINUM: (1, 2),
    Tier.GOLD: (1, 1),
    Tier.NORMAL: (2, 1),
}


def no_contact_days(tier: Tier, setting_days: int) -> int:
    """How many days *tier*'s client may go without contact (see the module's rules)."""
    times, per = _SILENCE_SHARE[Tier(tier)]
    return max(1, setting_days * times // per)


def no_contact_due(
    tier: Tier, last_contact: dt.date | None, added: dt.date, today: dt.date, setting_days: int
) -> bool:
    """Silent too long: no contact (or, never contacted, since being added) for more
    than the tier's days."""
    since = last_contact or added
    return (today - since).days > no_contact_days(tier, setting_days)


# ---------------------------------------------------------------- invitations

TIER_ORDER = (Tier.NORMAL, Tier.GOLD, Tier.PLATINUM, Tier.PRIVATE)


def tiers_from(min_tier: Tier) -> tuple[Tier, ...]:
    """The event's tier and every tier above it."""
    return TIER_ORDER[TIER_ORDER.index(Tier(min_tier)) :]


def invited(tier: Tier, consent_marketing: bool, min_tier: Tier) -> bool:
    return consent_marketing and Tier(tier) in tiers_from(min_tier)


def invitation_due(event_date: dt.date, today: dt.date) -> bool:
    """An invitation is worth a call until the event's day."""
    return event_date >= today


# ---------------------------------------------------------------- the list


def shown_until(
    kind: CareKind, today: dt.date, maturity_days: int, closed_until: dt.date | None = None
) -> dt.date:
    """The latest due date of an open task of *kind* the list shows on *today*: the
    window the task was made in, so a maturity stays listed until it is due; and at
    least every day the branch stays closed after *today* (*closed_until*, the day
    before it opens again), so a call due in a holiday is made before it."""
    ahead = {
        CareKind.BIRTHDAY: BIRTHDAY_DAYS_AHEAD,
        CareKind.MATURITY: maturity_days,
        CareKind.RISK_EXPIRY: RISK_EXPIRY_DAYS,
        CareKind.PLAN_REVIEW: PLAN_REVIEW_DAYS_AHEAD,
        CareKind.INVITATION: 366,  # until the event
    }.get(CareKind(kind), 0)
    return max(today + dt.timedelta(days=ahead), closed_until or today)


def list_order(kind: CareKind, due: dt.date, today: dt.date, task_id: int) -> tuple:
    """Overdue first (the oldest first), then by kind, then by due date."""
    if due < today:
        return (0, due, _KIND_RANK[kind], due, task_id)
    return (1, dt.date.min, _KIND_RANK[kind], due, task_id)


@dataclass(frozen=True)
class CareReason:
    """Why a task is on the list, as an English template marked for translation (context
    ``domain``) and its values; the UI renders it in the user's language."""

    template: str
    params: dict[str, object] = field(default_factory=dict)

    def render(self, translate: Translate | None = None) -> str:
        text = translate("domain", self.template) if translate else self.template
        return text.format(**{k: translate_value(v, translate) for k, v in self.params.items()})


_REASONS = {
    CareKind.BIRTHDAY: QT_TRANSLATE_NOOP("domain", "Birthday {due}: turns {detail}"),
    CareKind.MATURITY: QT_TRANSLATE_NOOP("domain", "Matures {due}: {detail}"),
    CareKind.RISK_EXPIRY: QT_TRANSLATE_NOOP("domain", "Risk assessment {detail} valid until {due}"),
    CareKind.FOLLOW_UP: QT_TRANSLATE_NOOP("domain", "Follow up by {due} on the visit of {detail}"),
    CareKind.CALL_BACK: QT_TRANSLATE_NOOP("domain", "Call back {due} {detail}"),
    CareKind.SALE_CALLBACK: QT_TRANSLATE_NOOP(
        "domain", "Call back by {due} after the sale of {detail} to a client aged 65+"
    ),
    CareKind.RISK_RENEWAL: QT_TRANSLATE_NOOP(
        "domain", "Assess again: the record changed ({detail})"
    ),
    CareKind.RISK_REMINDER: QT_TRANSLATE_NOOP(
        "domain", "Remind of the risk: holdings above the new level {detail}"
    ),
    CareKind.INVITATION: QT_TRANSLATE_NOOP("domain", "Invite to {detail} on {due}"),
    CareKind.NO_CONTACT: QT_TRANSLATE_NOOP("domain", "Last contact: {detail}"),
    CareKind.PLAN_REVIEW: QT_TRANSLATE_NOOP("domain", "Review the financial plan ({detail})"),
}
_EXPIRED = QT_TRANSLATE_NOOP("domain", "Risk assessment {detail} expired on {due}")
NEVER = QT_TRANSLATE_NOOP("domain", "never")


def care_reason(kind: CareKind, due: dt.date, detail: object, overdue: bool) -> CareReason:
    """The list's detail column: *detail* is what the task stored when it was made (the
    product and amount, the level, the event, the age, the call-back time…); an overdue
    risk task says the assessment has expired."""
    kind = CareKind(kind)
    template = _REASONS[kind]
    if kind is CareKind.RISK_EXPIRY and overdue:
        template = _EXPIRED
    return CareReason(template, {"due": f"{due:%m-%d}", "detail": detail})


def yuan(fen: int) -> str:
    """An amount in fen as the lists show it: ``¥50,000.00``."""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(int(fen)), 100)
    return f"{sign}¥{whole:,}.{cents:02d}"


# ---------------------------------------------------------------- calls and support


def call_problems(
    outcome: CallOutcome | str | None,
    duration_minutes: int,
    notes: str,
    call_back_at: dt.datetime | None,
    now: dt.datetime,
) -> list[Problem]:
    """Every reason a call cannot be logged as given."""
    problems: list[Problem] = []
    try:
        outcome = CallOutcome(outcome)
    except ValueError:
        problems.append(
            Problem("outcome", QT_TRANSLATE_NOOP("domain", "Choose how the call ended."))
        )
        outcome = None
    problems += _minutes_problems("duration", duration_minutes, CALL_MINUTES_MAX, allow_zero=True)
    problems += _notes_problems(notes)
    if outcome is CallOutcome.CALL_BACK:
        if call_back_at is None:
            problems.append(
                Problem(
                    "call_back_at",
                    QT_TRANSLATE_NOOP("domain", "Say when to call back."),
                )
            )
        elif call_back_at <= now:
            problems.append(
                Problem(
                    "call_back_at",
                    QT_TRANSLATE_NOOP("domain", "The call-back must be later than now."),
                )
            )
        elif call_back_at - now > dt.timedelta(days=CALL_BACK_DAYS_MAX):
            problems.append(
                Problem(
                    "call_back_at",
                    QT_TRANSLATE_NOOP("domain", "A call-back must be within a year."),
                )
            )
    return problems


def support_problems(
    colleague: str, kind: SupportKind | str | None, duration_minutes: int, notes: str
) -> list[Problem]:
    problems: list[Problem] = []
    name = " ".join((colleague or "").split())
    if not name:
        problems.append(
            Problem("colleague", QT_TRANSLATE_NOOP("domain", "Name the colleague you supported."))
        )
    elif len(name) > COLLEAGUE_MAX:
        problems.append(
            Problem(
                "colleague",
                QT_TRANSLATE_NOOP("domain", "At most {max} characters."),
                {"max": COLLEAGUE_MAX},
            )
        )
    try:
        SupportKind(kind)
    except ValueError:
        problems.append(
            Problem("kind", QT_TRANSLATE_NOOP("domain", "Choose what kind of support it was."))
        )
    problems += _minutes_problems("duration", duration_minutes, SUPPORT_MINUTES_MAX)
    problems += _notes_problems(notes)
    return problems


def event_problems(
    name: str, event_date: dt.date | None, place: str, today: dt.date
) -> list[Problem]:
    problems: list[Problem] = []
    name = " ".join((name or "").split())
    if not name:
        problems.append(Problem("name", QT_TRANSLATE_NOOP("domain", "Give the event a name.")))
    elif len(name) > EVENT_NAME_MAX:
        problems.append(
            Problem(
                "name",
                QT_TRANSLATE_NOOP("domain", "At most {max} characters."),
                {"max": EVENT_NAME_MAX},
            )
        )
    if event_date is None:
        problems.append(Problem("event_date", QT_TRANSLATE_NOOP("domain", "Choose the day.")))
    elif event_date < today:
        problems.append(
            Problem(
                "event_date",
                QT_TRANSLATE_NOOP("domain", "The event's day has passed; choose a later one."),
            )
        )
    if len(place or "") > 200:
        problems.append(
            Problem("place", QT_TRANSLATE_NOOP("domain", "At most {max} characters."), {"max": 200})
        )
    return problems


def _minutes_problems(
    field_name: str, minutes: int, most: int, allow_zero: bool = False
) -> list[Problem]:
    least = 0 if allow_zero else 1
    if not isinstance(minutes, int) or not least <= minutes <= most:
        return [
            Problem(
                field_name,
                QT_TRANSLATE_NOOP("domain", "Minutes from {least} to {most}."),
                {"least": least, "most": most},
            )
        ]
    return []


def _notes_problems(notes: str) -> list[Problem]:
    if len(notes or "") > NOTES_MAX:
        return [
            Problem(
                "notes",
                QT_TRANSLATE_NOOP("domain", "At most {max} characters."),
                {"max": NOTES_MAX},
            )
        ]
    return []


# ---------------------------------------------------------------- time on client work


@dataclass(frozen=True)
class ClientWorkTime:
    """A day's minutes on client maintenance and sales, by source, against the target
    (*target_hours* of *working_hours*)."""

    service_minutes: int
    call_minutes: int
    support_minutes: int
    target_hours: int
    working_hours: int

    @property
    def total_minutes(self) -> int:
        return self.service_minutes + self.call_minutes + self.support_minutes

    @property
    def target_minutes(self) -> int:
        return self.target_hours * 60

    @property
    def share(self) -> float:
        """Of the target, 0.0 up (1.0 = met; more when exceeded)."""
        return self.total_minutes / self.target_minutes if self.target_minutes else 1.0

    @property
    def met(self) -> bool:
        return self.total_minutes >= self.target_minutes

    @property
    def share_of_day(self) -> float:
        """Of the working day."""
        return self.total_minutes / (self.working_hours * 60) if self.working_hours else 0.0

    @property
    def minutes_to_go(self) -> int:
        return max(0, self.target_minutes - self.total_minutes)


def client_work_total(
    service: Iterable[dt.timedelta],
    call_minutes: Iterable[int],
    support_minutes: Iterable[int],
    target_hours: int,
    working_hours: int,
) -> ClientWorkTime:
    """Add up the day's sessions (their lengths, to the minute), calls and support (their
    minutes)."""
    sessions = sum((max(d, dt.timedelta(0)) for d in service), dt.timedelta(0))
    return ClientWorkTime(
        service_minutes=int(sessions.total_seconds() // 60),
        call_minutes=sum(max(0, int(m)) for m in call_minutes),
        support_minutes=sum(max(0, int(m)) for m in support_minutes),
        target_hours=target_hours,
        working_hours=working_hours,
    )


def hours_minutes(minutes: int) -> tuple[int, int]:
    return divmod(max(0, int(minutes)), 60)
