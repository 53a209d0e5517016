"""The complaints register's rules: channels, categories, the answer's deadline (the
clock runs from the day a complaint is received, in calendar or working days), what
makes a complaint overdue or due soon, and what a complaint must say to be registered."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import QT_TRANSLATE_NOOP, Problem
from .labeled import Labeled

if TYPE_CHECKING:  # the calendar reads the settings, which read this module's default
    from .calendar import WorkingCalendar

DEFAULT_DEADLINE_DAYS = 15  # the regulator's answer time (银行保险机构消费投诉处理管理办法)
DUE_SOON_DAYS = 3  # calendar days before the deadline a complaint counts as due soon
WHAT_MAX = 2000
RESOLUTION_MAX = 2000
HANDLER_MAX = 40  # complaint.handler is VARCHAR(40), like a manager's name
CONTACT_NAME_MAX = 40
CONTACT_PHONE_MAX = 20


class ComplaintChannel(Labeled):
    """How the complaint reached the branch."""

    IN_PERSON = "in_person"
    PHONE = "phone"
    LETTER = "letter"
    ONLINE = "online"
    REGULATOR = "regulator"

    @classmethod
    def _labels(cls):
        return {
            "in_person": QT_TRANSLATE_NOOP("domain", "In person at the branch"),
            "phone": QT_TRANSLATE_NOOP("domain", "By phone"),
            "letter": QT_TRANSLATE_NOOP("domain", "Letter or e-mail"),
            "online": QT_TRANSLATE_NOOP("domain", "Online (app, WeChat)"),
            "regulator": QT_TRANSLATE_NOOP("domain", "Passed on by the regulator or head office"),
        }

    @classmethod
    def _aliases(cls):
        return {
            "in_person": ("现场", "到店"),
            "phone": ("电话",),
            "letter": ("信函", "邮件"),
            "online": ("网络", "线上"),
            "regulator": ("监管转办", "上级转办"),
        }


class ComplaintCategory(Labeled):
    """What the complaint is about."""

    SERVICE = "service"
    WAITING = "waiting"
    SALE = "sale"
    PRODUCT = "product"
    FEES = "fees"
    ACCOUNT = "account"
    PRIVACY = "privacy"
    OTHER = "other"

    @classmethod
    def _labels(cls):
        return {
            "service": QT_TRANSLATE_NOOP("domain", "Service and attitude"),
            "waiting": QT_TRANSLATE_NOOP("domain", "Waiting time"),
            "sale": QT_TRANSLATE_NOOP("domain", "How a product was sold"),
            "product": QT_TRANSLATE_NOOP("domain", "A product's returns or terms"),
            "fees": QT_TRANSLATE_NOOP("domain", "Fees and charges"),
            "account": QT_TRANSLATE_NOOP("domain", "Accounts and transactions"),
            "privacy": QT_TRANSLATE_NOOP("domain", "Personal information"),
            "other": QT_TRANSLATE_NOOP("domain", "Other"),
        }

    @classmethod
    def _aliases(cls):
        return {
            "service": ("服务态度",),
            "waiting": ("等候时间",),
            "sale": ("销售行为",),
            "product": ("产品收益",),
            "fees": ("收费",),
            "account": ("账户交易",),
            "privacy": ("个人信息",),
            "other": ("其他",),
        }


class ComplaintStatus(Labeled):
    OPEN = "open"
    RESOLVED = "resolved"

    @classmethod
    def _labels(cls):
        return {
            "open": QT_TRANSLATE_NOOP("domain", "Being handled"),
            "resolved": QT_TRANSLATE_NOOP("domain", "Resolved"),
        }


class Urgency(Labeled):
    """Where an open complaint stands against its deadline."""

    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    IN_TIME = "in_time"
    CLOSED = "closed"

    @classmethod
    def _labels(cls):
        return {
            "overdue": QT_TRANSLATE_NOOP("domain", "Overdue"),
            "due_soon": QT_TRANSLATE_NOOP("domain", "Due soon"),
            "in_time": QT_TRANSLATE_NOOP("domain", "In time"),
            "closed": QT_TRANSLATE_NOOP("domain", "Resolved"),
        }


def deadline(
    received: dt.date,
    days: int = DEFAULT_DEADLINE_DAYS,
    working_days: bool = False,
    calendar: WorkingCalendar | None = None,
) -> dt.date:
    """The day by which the complaint received on *received* must be answered.

    Calendar days (the default, as the regulator counts them): *days* days after the
    day of receipt. Working days: the *days*-th working day after it, by the branch's
    one working calendar (national holidays, make-up working days, the branch's own
    closed and open days), so a complaint received before the Spring Festival gets
    its fifteen working days after the holiday."""
    if days < 1:
        raise ValueError(f"a deadline is at least one day, not {days}")
    if not working_days:
        return received + dt.timedelta(days=days)
    if calendar is None:
        raise ValueError("working days are counted on the branch's working calendar")
    day = received
    for _ in range(days):
        day = calendar.next_working_day(day)
    return day


def urgency(due: dt.date, today: dt.date, resolved: bool = False) -> Urgency:
    """Overdue after its deadline day, due soon within :data:`DUE_SOON_DAYS` of it."""
    if resolved:
        return Urgency.CLOSED
    if today > due:
        return Urgency.OVERDUE
    if (due - today).days <= DUE_SOON_DAYS:
        return Urgency.DUE_SOON
    return Urgency.IN_TIME


@dataclass(frozen=True)
class ComplaintDraft:
    """A complaint as the register's form gives it: a client of the book, or a visitor
    known by a name and a phone to answer them on."""

    client_id: int | None = None
    contact_name: str = ""
    contact_phone: str = ""
    channel: ComplaintChannel | str | None = ComplaintChannel.IN_PERSON
    category: ComplaintCategory | str | None = None
    what: str = ""
    handler: str = ""
    visit_id: int | None = None  # the queue visit it was made on, if any


def _tidy(text: str) -> str:
    return " ".join((text or "").split())


def draft_problems(draft: ComplaintDraft) -> list[Problem]:
    """Why *draft* cannot be registered: every reason, each on its field."""
    problems: list[Problem] = []
    name, phone = _contact(draft)
    if draft.client_id is None and not (name or phone):
        problems.append(
            Problem(
                "contact_name",
                QT_TRANSLATE_NOOP(
                    "domain",
                    "Choose the client, or give the visitor's name or a phone number to "
                    "answer them on.",
                ),
            )
        )
    if len(name) > CONTACT_NAME_MAX:
        problems.append(
            Problem(
                "contact_name",
                QT_TRANSLATE_NOOP("domain", "A name has at most {max} characters."),
                {"max": CONTACT_NAME_MAX},
            )
        )
    if phone and (not phone.isdigit() or len(phone) > CONTACT_PHONE_MAX or len(phone) < 7):
        problems.append(
            Problem(
                "contact_phone",
                QT_TRANSLATE_NOOP("domain", "A phone number has 7 to {max} digits."),
                {"max": CONTACT_PHONE_MAX},
            )
        )
    problems += choice_problems(draft.channel, draft.category)
    problems += what_problems(draft.what)
    problems += handler_problems(draft.handler)
    return problems


def choice_problems(channel: object, category: object) -> list[Problem]:
    """The channel and the category must each be one of their kind."""
    problems = []
    for field_name, kind, value, message in (
        (
            "channel",
            ComplaintChannel,
            channel,
            QT_TRANSLATE_NOOP("domain", "Choose how the complaint was made."),
        ),
        (
            "category",
            ComplaintCategory,
            category,
            QT_TRANSLATE_NOOP("domain", "Choose what the complaint is about."),
        ),
    ):
        if value is None:
            problems.append(Problem(field_name, message))
            continue
        try:
            kind(value)
        except ValueError:
            problems.append(Problem(field_name, message))
    return problems


def what_problems(what: str) -> list[Problem]:
    text = (what or "").strip()
    if not text:
        return [Problem("what", QT_TRANSLATE_NOOP("domain", "Write down what happened, as told."))]
    if len(text) > WHAT_MAX:
        return [_too_long("what", WHAT_MAX)]
    return []


def handler_problems(handler: str) -> list[Problem]:
    name = _tidy(handler)
    if not name:
        return [Problem("handler", QT_TRANSLATE_NOOP("domain", "Name who handles the complaint."))]
    if len(name) > HANDLER_MAX:
        return [_too_long("handler", HANDLER_MAX)]
    return []


def resolution_problems(resolution: str) -> list[Problem]:
    text = (resolution or "").strip()
    if not text:
        return [
            Problem(
                "resolution",
                QT_TRANSLATE_NOOP("domain", "Write down how the complaint was resolved."),
            )
        ]
    if len(text) > RESOLUTION_MAX:
        return [_too_long("resolution", RESOLUTION_MAX)]
    return []


def _too_long(field_name: str, most: int) -> Problem:
    return Problem(
        field_name,
        QT_TRANSLATE_NOOP("domain", "This text is longer than {max} characters."),
        {"max": most},
    )


def _contact(draft: ComplaintDraft) -> tuple[str, str]:
    from .identity import normalize_phone  # the phone rules load with the first complaint

    return _tidy(draft.contact_name), normalize_phone(draft.contact_phone or "")


def tidy_contact(draft: ComplaintDraft) -> tuple[str, str]:
    """The visitor's name and phone as stored (a client's own are read from the book)."""
    if draft.client_id is not None:
        return "", ""
    return _contact(draft)


__all__ = [
    "DEFAULT_DEADLINE_DAYS",
    "DUE_SOON_DAYS",
    "ComplaintCategory",
    "ComplaintChannel",
    "ComplaintDraft",
    "ComplaintStatus",
    "Urgency",
    "choice_problems",
    "deadline",
    "draft_problems",
    "handler_problems",
    "resolution_problems",
    "tidy_contact",
    "urgency",
    "what_problems",
]
