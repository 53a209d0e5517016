"""Door notices (lunch break, temporarily away, closed, free text): the draft, its rules
and the words the printed notice says."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, replace

from .errors import QT_TRANSLATE_NOOP, Problem, ValidationError
from .identity import desk_phone_problem, normalize_phone
from .labeled import Labeled
from .names import name_problem
from .settings import link_problem, parse_time, time_problem

# A door is read from a few metres: a line longer than this would come out too small.
REASON_MAX = 20
TEXT_LINE_MAX = 20
TEXT_LINES_MAX = 5
BRANCH_MAX = 40


class NoticeKind(Labeled):
    LUNCH = "lunch"
    AWAY = "away"
    CLOSED = "closed"
    TEXT = "text"

    @classmethod
    def _labels(cls):
        return {
            "lunch": QT_TRANSLATE_NOOP("domain", "Lunch break"),
            "away": QT_TRANSLATE_NOOP("domain", "Temporarily away"),
            "closed": QT_TRANSLATE_NOOP("domain", "Closed"),
            "text": QT_TRANSLATE_NOOP("domain", "Free text"),
        }

    @classmethod
    def _aliases(cls):
        return {
            "lunch": ("午休", "中午休息"),
            "away": ("暂时离开", "离开"),
            "closed": ("暂停服务",),
            "text": ("自定义",),
        }


class ClosedReason(Labeled):
    """Why a closed desk is closed: training and meetings say so themselves; closed
    (已下班) alone says the desk is done for the day, or when it opens again; a reason
    typed in words is printed as well."""

    CLOSED = "closed"
    TRAINING = "training"
    MEETING = "meeting"

    @classmethod
    def _labels(cls):
        return {
            "closed": QT_TRANSLATE_NOOP("domain", "Closed"),
            "training": QT_TRANSLATE_NOOP("domain", "In training"),
            "meeting": QT_TRANSLATE_NOOP("domain", "In a meeting"),
        }

    @classmethod
    def _aliases(cls):
        return {
            "closed": ("暂停服务", "其他", "已下班", "下班"),
            "training": ("培训", "培训中", "参加培训"),
            "meeting": ("会议", "开会", "会议中", "参加会议"),
        }


class Orientation(Labeled):
    LANDSCAPE = "landscape"
    PORTRAIT = "portrait"

    @classmethod
    def _labels(cls):
        return {
            "landscape": QT_TRANSLATE_NOOP("domain", "Landscape"),
            "portrait": QT_TRANSLATE_NOOP("domain", "Portrait"),
        }


@dataclass(frozen=True)
class NoticeDraft:
    """What the notice dialog or the command line proposes to print.

    *start*/*until* are the lunch break's times (*until*: open again); *back* is when an
    away or closed desk expects to be back. *english* adds an English line under each
    Chinese one (a free-text notice has none: its words are the manager's own). *qr*
    adds a QR code for *qr_link*, or for the phone when there is no link. The draft has
    no field for a client: a notice on the door never shows anything about one.
    """

    kind: NoticeKind
    start: dt.time | None = None
    until: dt.time | None = None
    back: dt.time | None = None
    phone: str = ""
    closed_reason: ClosedReason = ClosedReason.CLOSED
    reason: str = ""
    text: str = ""
    branch: str = ""
    manager: str = ""
    english: bool = False
    qr: bool = False
    qr_link: str = ""
    orientation: Orientation = Orientation.LANDSCAPE


_REQUIRED_UNTIL = QT_TRANSLATE_NOOP("domain", "Give the time the desk opens again.")
_UNTIL_AFTER_FROM = QT_TRANSLATE_NOOP(
    "domain", "The end of the break ({until}) must be later than its start ({start})."
)
_REQUIRED_TEXT = QT_TRANSLATE_NOOP("domain", "Write the text of the notice.")
_TOO_LONG = QT_TRANSLATE_NOOP("domain", "This text is longer than {max} characters.")
_ONE_LINE = QT_TRANSLATE_NOOP("domain", "This text must fit on one line.")
_TOO_MANY_LINES = QT_TRANSLATE_NOOP(
    "domain", "A notice holds at most {max} lines of text (this has {count})."
)
_LINE_TOO_LONG = QT_TRANSLATE_NOOP(
    "domain",
    "Line {line} is longer than {max} characters; break it into shorter lines so that it "
    "stays readable from afar.",
)
_QR_NEEDS_TARGET = QT_TRANSLATE_NOOP(
    "domain",
    "A QR code needs the desk phone or a link for the QR code on door notices in Settings.",
)


def time_of(text: str, field: str) -> dt.time | None:
    """A notice's time typed HH:MM (None when left empty); raises :class:`ValidationError`
    naming *field* when it is not a time."""
    if not (text or "").strip():
        return None
    problem = time_problem(text, field)
    if problem is not None:
        raise ValidationError(problem)
    return parse_time(text)


def notice_problems(draft: NoticeDraft) -> list[Problem]:
    """Everything wrong with *draft*, each problem on the field to fix."""
    problems: list[Problem] = []
    kind = NoticeKind(draft.kind)
    if kind is NoticeKind.LUNCH:
        if draft.until is None:
            problems.append(Problem("until", _REQUIRED_UNTIL))
        elif draft.start is not None and _minute(draft.until) <= _minute(draft.start):
            problems.append(
                Problem(
                    "until",
                    _UNTIL_AFTER_FROM,
                    {"start": _hm(draft.start), "until": _hm(draft.until)},
                )
            )
    # Every closed category is a notice in itself: the reason in words is optional.
    if kind is NoticeKind.CLOSED and (problem := _line_problem(draft.reason, "reason", REASON_MAX)):
        problems.append(problem)
    if kind is NoticeKind.TEXT:
        problems += _text_problems(draft.text)
    if draft.phone.strip() and (problem := desk_phone_problem(draft.phone, "phone")):
        problems.append(problem)
    if problem := _line_problem(draft.branch, "branch", BRANCH_MAX):
        problems.append(problem)
    if draft.manager.strip() and (problem := name_problem(draft.manager.strip(), "manager")):
        problems.append(problem)
    # The link matters only for a QR code: without one it is not printed.
    if draft.qr and draft.qr_link.strip():
        if problem := link_problem(draft.qr_link, "qr_link"):
            problems.append(problem)
    elif draft.qr and not draft.phone.strip():
        problems.append(Problem("qr", _QR_NEEDS_TARGET))
    return problems


def require_valid(draft: NoticeDraft) -> None:
    """Raise :class:`ValidationError` with every problem of *draft*, if it has any."""
    problems = notice_problems(draft)
    if problems:
        raise ValidationError(problems)


def _line_problem(text: str, field: str, limit: int) -> Problem | None:
    text = (text or "").strip()
    if "\n" in text or "\r" in text:
        return Problem(field, _ONE_LINE)
    if len(text) > limit:
        return Problem(field, _TOO_LONG, {"max": limit})
    return None


def _text_problems(text: str) -> list[Problem]:
    lines = text_lines(text)
    if not lines:
        return [Problem("text", _REQUIRED_TEXT)]
    problems = []
    if len(lines) > TEXT_LINES_MAX:
        problems.append(
            Problem("text", _TOO_MANY_LINES, {"max": TEXT_LINES_MAX, "count": len(lines)})
        )
    for number, line in enumerate(lines, 1):
        if len(line) > TEXT_LINE_MAX:
            problems.append(Problem("text", _LINE_TOO_LONG, {"line": number, "max": TEXT_LINE_MAX}))
            break  # one is enough to show what to do
    return problems


def text_lines(text: str) -> list[str]:
    """A free-text notice's lines as printed: trimmed, blank ones dropped."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _minute(moment: dt.time) -> tuple[int, int]:
    return moment.hour, moment.minute


def _hm(moment: dt.time) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"


# ---------------------------------------------------------------- the printed words


@dataclass(frozen=True)
class NoticeLine:
    """One Chinese line of the notice and, when the draft asks for it, its English line.
    *strong* lines (the time the desk opens again) stand out in colour. *parts* are where
    a long headline may be broken on a page taller than wide (本人有事 / 暂时离开)."""

    chinese: str
    english: str = ""
    strong: bool = False
    parts: tuple[str, ...] = ()


@dataclass(frozen=True)
class NoticeText:
    """Everything a notice says, in reading order; the page layout is the report's."""

    header: NoticeLine
    headline: NoticeLine
    body: tuple[NoticeLine, ...]
    footer: str
    qr_value: str = ""  # what the QR code encodes; empty: no QR code
    qr_caption: NoticeLine | None = None
    title: str = ""  # the PDF's title, as a file manager shows it

    def lines(self) -> tuple[NoticeLine, ...]:
        return (self.header, self.headline, *self.body)

    def all_text(self) -> tuple[str, ...]:
        """Every string drawn on the page, for checking the font before writing."""
        texts = [t for line in self.lines() for t in (line.chinese, line.english)]
        if self.qr_caption is not None:
            texts += [self.qr_caption.chinese, self.qr_caption.english]
        return (*(t for t in texts if t), self.footer)


# The words of the notices themselves are document content in Chinese, with an English
# line for foreign visitors: they are not translated with the user interface.
_WEALTH_COUNTER = NoticeLine(
    "理财客户请到理财专柜办理业务", "Wealth clients, please go to the wealth counter"
)
_SORRY = NoticeLine("给您带来不便，敬请谅解", "We apologise for the inconvenience")
_DONE_FOR_TODAY = NoticeLine("理财经理今日已下班", "The wealth manager has finished for today")
_CLOSED_BECAUSE = {
    ClosedReason.TRAINING: NoticeLine("理财经理参加培训", "The wealth manager is in training"),
    ClosedReason.MEETING: NoticeLine("理财经理参加会议", "The wealth manager is in a meeting"),
}


def notice_text(draft: NoticeDraft) -> NoticeText:
    """What the notice of *draft* says; call it on a draft without problems."""
    kind = NoticeKind(draft.kind)
    phone = shown_phone(draft.phone)
    body: list[NoticeLine] = []
    if kind is NoticeKind.LUNCH:
        headline = NoticeLine("中午休息", "Lunch Break")
        until = _hm(draft.until) if draft.until else ""
        if draft.start is not None and until:
            span = f"{_hm(draft.start)}–{until}"
            body.append(NoticeLine(f"午休时间 {span}", f"Lunch break {span}"))
        body.append(_WEALTH_COUNTER)
        if until:
            body.append(NoticeLine(f"{until} 营业", f"Open again at {until}", strong=True))
    elif kind is NoticeKind.AWAY:
        headline = NoticeLine(
            "本人有事暂时离开", "Temporarily Away", parts=("本人有事", "暂时离开")
        )
        if phone:
            body.append(NoticeLine(f"请稍候或致电 {phone}", f"Please wait or call {phone}"))
        else:
            body.append(NoticeLine("请稍候", "Please wait a moment"))
        if draft.back is not None:
            back = _hm(draft.back)
            body.append(NoticeLine(f"预计 {back} 回来", f"Back at about {back}", strong=True))
    elif kind is NoticeKind.CLOSED:
        headline = NoticeLine("暂停服务", "Closed")
        because = ClosedReason(draft.closed_reason)
        reason = " ".join(draft.reason.split())
        if because in _CLOSED_BECAUSE:
            body.append(_CLOSED_BECAUSE[because])
            if reason:
                body.append(NoticeLine(reason))
        elif reason:
            body.append(NoticeLine(f"原因：{reason}"))
        if draft.back is not None:
            back = _hm(draft.back)
            body.append(
                NoticeLine(f"预计 {back} 恢复服务", f"Open again at about {back}", strong=True)
            )
        elif because is ClosedReason.CLOSED:
            # 已下班 with no time to come back: done for the day; the counter still serves.
            body += [_DONE_FOR_TODAY, _WEALTH_COUNTER]
        body.append(_SORRY)
    else:
        lines = text_lines(draft.text)
        headline = NoticeLine(lines[0] if lines else "")
        body += [NoticeLine(line) for line in lines[1:]]

    if not draft.english:
        headline = replace(headline, english="")
        body = [replace(line, english="") for line in body]
    branch = " ".join(draft.branch.split())
    header = NoticeLine(f"{branch}　理财室" if branch else "理财室", "Wealth Management")
    if not draft.english:
        header = replace(header, english="")
    manager = " ".join(draft.manager.split())
    footer = f"理财经理　{manager}" if manager else ""

    qr_value, caption = "", None
    if draft.qr:
        if draft.qr_link.strip():
            qr_value, caption = draft.qr_link.strip(), NoticeLine("扫码访问", "Scan to open")
        elif phone:
            qr_value, caption = tel_uri(phone), NoticeLine("扫码致电", "Scan to call")
        if caption is not None and not draft.english:
            caption = replace(caption, english="")
    return NoticeText(
        header=header,
        headline=headline,
        body=tuple(body),
        footer=footer,
        qr_value=qr_value,
        qr_caption=caption,
        title=headline.chinese,
    )


def shown_phone(text: str) -> str:
    """The phone as a notice prints it: half-width, trimmed, inner spaces dropped."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))


_EXTENSION = re.compile(r"^(0\d{2,3}-?\d{7,8})[-#转](\d{1,6})$")


def tel_uri(phone: str) -> str:
    """The ``tel:`` URI a phone's camera dials from a QR code: digits only, and a
    landline's extension after a comma, the pause every phone dialler understands
    (``tel:057188888888,123``)."""
    shown = shown_phone(phone)
    match = _EXTENSION.match(shown)
    if match:
        main, extension = match.groups()
        return f"tel:{_digits(main)},{extension}"
    return "tel:" + _digits(normalize_phone(shown))


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)
