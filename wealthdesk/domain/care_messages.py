"""Care messages to clients: the branch's templates (birthday, maturity, expiring
assessment, event invitation, follow-up), the client's surname and the details filled
in, which of them are marketing (sent only with the client's consent), the channels a
message goes out by, and the SMS platform's export file."""

from __future__ import annotations

import re
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .errors import QT_TRANSLATE_NOOP, Problem
from .labeled import Labeled

TEXT_MAX = 500  # what one message may hold (a long SMS is sent in parts)
TEMPLATE_MAX = 300


class MessageKind(Labeled):
    """Which template a message is made from."""

    BIRTHDAY = "birthday"
    MATURITY = "maturity"
    RISK_EXPIRY = "risk_expiry"
    INVITATION = "invitation"
    FOLLOW_UP = "follow_up"

    @classmethod
    def _labels(cls):
        return {
            "birthday": QT_TRANSLATE_NOOP("domain", "Birthday greeting"),
            "maturity": QT_TRANSLATE_NOOP("domain", "Maturity notice and offer"),
            "risk_expiry": QT_TRANSLATE_NOOP("domain", "Risk assessment expiring"),
            "invitation": QT_TRANSLATE_NOOP("domain", "Event invitation"),
            "follow_up": QT_TRANSLATE_NOOP("domain", "Follow-up after a visit"),
        }

    @property
    def marketing(self) -> bool:
        """Product offers and invitations are marketing: only for clients who consented
        to it. A greeting, an assessment's reminder and a follow-up are service."""
        return self in (MessageKind.MATURITY, MessageKind.INVITATION)

    @property
    def setting(self) -> str:
        """The branch setting that holds this kind's template."""
        return f"message_{self.value}"


# The care list's task kinds (CareKind codes: domain/care.py reads the settings' module
# through the calendar, so it is not imported here) that have a message of their own.
FOR_TASK: dict[str, MessageKind] = {
    "birthday": MessageKind.BIRTHDAY,
    "maturity": MessageKind.MATURITY,
    "risk_expiry": MessageKind.RISK_EXPIRY,
    "invitation": MessageKind.INVITATION,
    "follow_up": MessageKind.FOLLOW_UP,
    "call_back": MessageKind.FOLLOW_UP,
}


class MessageChannel(Labeled):
    """How a message goes out. Only the SMS platform's messages are exported; the
    others are copied and sent by the manager."""

    SMS = "sms"
    WECHAT = "wechat"
    OTHER = "other"

    @classmethod
    def _labels(cls):
        return {
            "sms": QT_TRANSLATE_NOOP("domain", "SMS (the bank's platform)"),
            "wechat": QT_TRANSLATE_NOOP("domain", "WeCom / WeChat"),
            "other": QT_TRANSLATE_NOOP("domain", "Other (copied)"),
        }


# The shipped templates: in Chinese, as the clients read them whatever the desk's
# language. The settings hold the branch's own once changed.
DEFAULT_TEMPLATES: dict[MessageKind, str] = {
    MessageKind.BIRTHDAY: (
        "尊敬的{name}：值此您生日之际，{branch}{manager}祝您生日快乐、身体健康、阖家幸福！"
    ),
    MessageKind.MATURITY: (
        "尊敬的{name}：您持有的{product}（{amount}）将于{date}到期。我行近期有多款产品"
        "可供选择，欢迎致电{phone}或到{branch}咨询。"
    ),
    MessageKind.RISK_EXPIRY: (
        "尊敬的{name}：您的风险承受能力评估（{level}）有效期至{date}，到期后将影响理财产品"
        "的购买。请您方便时到{branch}重新评估，咨询电话{phone}。"
    ),
    MessageKind.INVITATION: (
        "尊敬的{name}：诚邀您于{date}参加{branch}举办的“{event}”，地点：{place}。"
        "敬请致电{phone}预约座位。"
    ),
    MessageKind.FOLLOW_UP: (
        "尊敬的{name}：感谢您{date}到访{branch}。您关心的事项{manager}将继续为您跟进，"
        "如有疑问请致电{phone}。"
    ),
}

# What a template may name, with what each stands for (the settings field's hint).
PLACEHOLDERS = (
    "name",  # the surname and 先生 / 女士: 张先生
    "surname",
    "branch",
    "manager",
    "phone",  # the desk's phone
    "date",  # the birthday, maturity, expiry, event or visit day
    "product",
    "amount",
    "level",
    "event",
    "place",
)

_FORMATTER = string.Formatter()


def template_problem(text: str, key: str) -> Problem | None:
    """Why *text* is not a template: empty, too long, a ``{word}`` it cannot fill, or
    a brace left open."""
    text = text or ""
    if not text.strip():
        return Problem(key, QT_TRANSLATE_NOOP("domain", "A message template cannot be empty."))
    if len(text) > TEMPLATE_MAX:
        return Problem(
            key,
            QT_TRANSLATE_NOOP("domain", "This text is longer than {max} characters."),
            {"max": TEMPLATE_MAX},
        )
    try:
        fields = [name for _lit, name, _spec, _conv in _FORMATTER.parse(text) if name is not None]
    except ValueError:
        return Problem(
            key,
            QT_TRANSLATE_NOOP("domain", "A brace is left open: write each blank like {example}."),
            {"example": "{name}"},
        )
    unknown = [name for name in fields if name not in PLACEHOLDERS]
    if unknown:
        return Problem(
            key,
            QT_TRANSLATE_NOOP(
                "domain", "“{field}” cannot be filled in; a template may use: {known}."
            ),
            {"field": f"{{{unknown[0]}}}", "known": " ".join(f"{{{p}}}" for p in PLACEHOLDERS)},
        )
    return None


def honorific(name: str, gender: str | None) -> str:
    """How a message addresses the client: the surname and 先生 or 女士 (张先生,
    欧阳女士); 先生/女士 when the gender is not known."""
    surname = surname_of(name)
    title = {"M": "先生", "F": "女士"}.get(gender or "", "先生/女士")
    return f"{surname}{title}"


def surname_of(name: str) -> str:
    name = (name or "").strip()
    if not name:
        return ""
    from .pinyin import split_surname  # its tables load when a message is written

    return split_surname(name)[0]


@dataclass(frozen=True)
class MessageDetails:
    """What a message fills in besides the client: the branch, desk and task's details."""

    branch: str = ""
    manager: str = ""
    phone: str = ""
    date: str = ""
    product: str = ""
    amount: str = ""
    level: str = ""
    event: str = ""
    place: str = ""


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


def fill(template: str, name: str, gender: str | None, details: MessageDetails) -> str:
    """The message *template* makes for the client *name* (only the surname is used)
    with *details*; a detail the task does not have is left out, never printed as
    ``{product}``. The branch reads 我行 when it has no name."""
    values = _Blank(
        name=honorific(name, gender),
        surname=surname_of(name),
        branch=details.branch or "我行",
        manager=details.manager,
        phone=details.phone,
        date=details.date,
        product=details.product,
        amount=details.amount,
        level=details.level,
        event=details.event,
        place=details.place,
    )
    try:
        text = _FORMATTER.vformat(template, (), values)
    except (ValueError, IndexError, KeyError):
        text = template  # a damaged stored template is sent as written, never lost
    return _tidy(text)


_SPACES = re.compile(r"[ \t]+")


def _tidy(text: str) -> str:
    # An empty detail leaves "（）" or a double space: both go.
    return _SPACES.sub(" ", text.replace("（）", "").replace("()", "")).strip()


def message_problem(text: str) -> Problem | None:
    text = (text or "").strip()
    if not text:
        return Problem("text", QT_TRANSLATE_NOOP("domain", "The message is empty."))
    if len(text) > TEXT_MAX:
        return Problem(
            "text",
            QT_TRANSLATE_NOOP("domain", "This text is longer than {max} characters."),
            {"max": TEXT_MAX},
        )
    return None


def consent_problem(kind: MessageKind, consent_marketing: bool) -> Problem | None:
    """A marketing message to a client who has not consented to marketing is refused."""
    if kind.marketing and not consent_marketing:
        return Problem(
            "consent",
            QT_TRANSLATE_NOOP(
                "domain",
                "This client has not consented to marketing: an offer or an invitation "
                "cannot be sent to them. Call them about the task instead.",
            ),
        )
    return None


SMS_COLUMNS = ("mobile", "message")


def sms_csv(rows: Sequence[tuple[str, str]] | Sequence[Mapping[str, str]]) -> bytes:
    """The SMS platform's file: a header, then one mobile and its message a line, in
    UTF-8 with a byte-order mark (so Excel and the platform read the Chinese),
    CRLF line ends, every field quoted as needed."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(SMS_COLUMNS)
    for row in rows:
        mobile, text = (row["mobile"], row["message"]) if isinstance(row, Mapping) else row
        writer.writerow((mobile, _csv_safe(text)))
    return out.getvalue().encode("utf-8-sig")


def _csv_safe(text: str) -> str:
    # A cell starting with = + - @ is a formula to a spreadsheet that opens the file.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


__all__ = [
    "DEFAULT_TEMPLATES",
    "FOR_TASK",
    "PLACEHOLDERS",
    "SMS_COLUMNS",
    "MessageChannel",
    "MessageDetails",
    "MessageKind",
    "consent_problem",
    "fill",
    "honorific",
    "message_problem",
    "sms_csv",
    "surname_of",
    "template_problem",
]
