"""Every setting, declared once: where it lives, its type, default and rule.

- ``BRANCH`` settings are shared by every desk and live in the database;
- ``DESK`` settings belong to one desk (its manager, phone, idle timeout) and live in the
  database under the desk's number, so they follow the desk in branch mode;
- ``PC`` settings belong to this computer (language, fonts, the desk number itself) and
  live in ``QSettings``, because they are needed before the database is open.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from .care_messages import DEFAULT_TEMPLATES, TEMPLATE_MAX, MessageKind, template_problem
from .complaints import DEFAULT_DEADLINE_DAYS
from .errors import QT_TRANSLATE_NOOP, Problem
from .names import NAME_MAX, name_problem


class Scope(StrEnum):
    BRANCH = "branch"
    DESK = "desk"
    PC = "pc"


class Kind(StrEnum):
    TEXT = "text"
    INT = "int"
    TIME = "time"
    BOOL = "bool"
    CHOICE = "choice"
    PATH = "path"


@dataclass(frozen=True)
class SettingSpec:
    key: str
    scope: Scope
    kind: Kind
    default: object
    label: str
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[str, ...] = ()
    check: Callable[[str, str], Problem | None] | None = None
    max_length: int = 200  # characters of a text setting; the form's field holds no more
    # The yes-or-no setting this one serves: it means nothing while that one is off
    # (the settings dialog greys it out then).
    requires: str = ""


def _optional_name(key: str, value: str) -> Problem | None:
    return name_problem(value.strip(), key) if value.strip() else None


def _optional_desk_phone(key: str, value: str) -> Problem | None:
    from .identity import desk_phone_problem  # the phone rules load when first checked

    return desk_phone_problem(value, key) if value else None


LANGUAGES = ("zh_CN", "en")
_TIME = re.compile(r"^(\d{2}):(\d{2})$")
LINK_MAX = 200
_LINK = re.compile(r"^https?://[^\s/?#]+\.[^\s]*$", re.IGNORECASE)


def link_problem(text: str, field: str = "notice_link") -> Problem | None:
    """Why *text* is not a web link a phone's camera opens from a QR code, or None."""
    link = (text or "").strip()
    if len(link) > LINK_MAX:
        return Problem(
            field,
            QT_TRANSLATE_NOOP("domain", "This text is longer than {max} characters."),
            {"max": LINK_MAX},
        )
    if not _LINK.match(link) or not link.isascii():
        return Problem(
            field,
            QT_TRANSLATE_NOOP(
                "domain",
                "A link starts with https:// or http://, like https://www.example.com/booking, "
                "and has no spaces or Chinese characters.",
            ),
        )
    return None


# The day close's end-of-day checklist as shipped (the setting day_close_checklist).
DAY_CLOSE_CHECKLIST = (
    QT_TRANSLATE_NOOP("domain", "Records reviewed"),
    QT_TRANSLATE_NOOP("domain", "Papers and vouchers filed"),
    QT_TRANSLATE_NOOP("domain", "Computer cleared"),
    QT_TRANSLATE_NOOP("domain", "Materials locked away"),
    QT_TRANSLATE_NOOP("domain", "Follow-ups set for tomorrow"),
)
CHECKLIST_ITEM_MAX = 80
_CHECKLIST_SEPARATORS = re.compile(r"[\n;；]+")


def checklist_items(text: str) -> list[str]:
    """The items of a day-close checklist setting, in order, blank ones and repeats left
    out."""
    items: dict[str, None] = {}
    for part in _CHECKLIST_SEPARATORS.split(text or ""):
        item = " ".join(part.split())
        if item:
            items.setdefault(item, None)
    return list(items)


def checklist_for_editing(text: str, translate: Callable[[str], str]) -> str:
    """The checklist setting as the settings field shows it: the shipped default in the
    manager's language (each item through *translate*), one the manager wrote as written."""
    if checklist_items(text) == list(DAY_CLOSE_CHECKLIST):
        return "; ".join(translate(item) for item in DAY_CLOSE_CHECKLIST)
    return text


def checklist_to_store(text: str, translate: Callable[[str], str]) -> str:
    """What the settings field's *text* stores: the shipped default as its English source
    while it still reads as the default (in the manager's language or in English), so it
    follows the next language switch; anything the manager changed, as typed."""
    items = checklist_items(text)
    if items in (list(DAY_CLOSE_CHECKLIST), [translate(i) for i in DAY_CLOSE_CHECKLIST]):
        return "\n".join(DAY_CLOSE_CHECKLIST)
    return text


def day_close_checklist_problem(text: str, key: str = "day_close_checklist") -> Problem | None:
    """Why *text* is not a checklist: no item at all, or an item too long to tick."""
    items = checklist_items(text)
    if not items:
        return Problem(key, QT_TRANSLATE_NOOP("domain", "Give at least one checklist item."))
    for item in items:
        if len(item) > CHECKLIST_ITEM_MAX:
            return Problem(
                key,
                QT_TRANSLATE_NOOP("domain", "A checklist item has at most {max} characters."),
                {"max": CHECKLIST_ITEM_MAX},
            )
    return None


# A manager's sales qualification (issue 19): "first valid day  last valid day", e.g.
# "2024-03-01 2027-02-28" (a dash, a tilde or "to" may stand between); empty: none held.
QUALIFICATION_KEYS = {
    "wealth": "qualification_wealth",
    "fund": "qualification_fund",
    "insurance": "qualification_insurance",
}
_QUALIFICATION = re.compile(
    r"^\s*(\d{4}-\d{1,2}-\d{1,2})\s*(?:\s|~|～|–|—|至|to|\.\.)\s*(\d{4}-\d{1,2}-\d{1,2})\s*$"
)


def parse_qualification(text: str) -> tuple[dt.date, dt.date] | None:
    """The first and last valid days a qualification setting holds, or None."""
    match = _QUALIFICATION.match(text or "")
    if not match:
        return None
    start, end = parse_date(match.group(1)), parse_date(match.group(2))
    return (start, end) if start and end and start <= end else None


def qualification_problem(text: str, key: str) -> Problem | None:
    """Why *text* is not a qualification's two dates (empty: none held, which is fine)."""
    if not (text or "").strip() or parse_qualification(text) is not None:
        return None
    return Problem(
        key,
        QT_TRANSLATE_NOOP(
            "domain",
            "Write the first and the last valid day, like 2024-03-01 2027-02-28, or leave "
            "it empty when the manager holds none.",
        ),
    )


def desk_qualifications(values: dict[str, object]) -> dict[str, tuple[dt.date, dt.date]]:
    """The qualifications a desk's settings record, by family (wealth, fund, insurance)."""
    held = {}
    for family, key in QUALIFICATION_KEYS.items():
        dates = parse_qualification(str(values.get(key) or ""))
        if dates is not None:
            held[family] = dates
    return held


def _plan_model_problem(key: str, value: str) -> Problem | None:
    from .plan import model_problem  # the plans' rules: loaded when a plan setting is set

    return model_problem(value, key)


def _recording_pattern_problem(key: str, value: str) -> Problem | None:
    from .suitability import recording_pattern_problem

    return recording_pattern_problem(value, key)


SPECS: dict[str, SettingSpec] = {
    s.key: s
    for s in (
        SettingSpec(
            "branch_name", Scope.BRANCH, Kind.TEXT, "", QT_TRANSLATE_NOOP("domain", "Branch name")
        ),
        SettingSpec(
            "office_open", Scope.BRANCH, Kind.TIME, "09:00", QT_TRANSLATE_NOOP("domain", "Opens at")
        ),
        SettingSpec(
            "lunch_start",
            Scope.BRANCH,
            Kind.TIME,
            "12:00",
            QT_TRANSLATE_NOOP("domain", "Lunch break from"),
        ),
        SettingSpec(
            "lunch_end",
            Scope.BRANCH,
            Kind.TIME,
            "14:00",
            QT_TRANSLATE_NOOP("domain", "Lunch break until"),
        ),
        SettingSpec(
            "office_close",
            Scope.BRANCH,
            Kind.TIME,
            "17:00",
            QT_TRANSLATE_NOOP("domain", "Closes at"),
        ),
        SettingSpec(
            # The branch's own closed days besides China's holidays: "2026-12-31, 2027-01-04".
            "closed_days",
            Scope.BRANCH,
            Kind.TEXT,
            "",
            QT_TRANSLATE_NOOP("domain", "Branch closed days (YYYY-MM-DD, comma-separated)"),
            check=lambda key, value: closed_days_problem(value, key),
            max_length=4000,
        ),
        SettingSpec(
            # Days the branch opens although the national calendar says closed: a make-up
            # Saturday of its own, an event Sunday, a holiday on duty.
            "open_days",
            Scope.BRANCH,
            Kind.TEXT,
            "",
            QT_TRANSLATE_NOOP("domain", "Branch open days (YYYY-MM-DD, comma-separated)"),
            check=lambda key, value: closed_days_problem(value, key),
            max_length=4000,
        ),
        SettingSpec(
            "appointment_reminder_minutes",
            Scope.BRANCH,
            Kind.INT,
            15,
            QT_TRANSLATE_NOOP("domain", "Appointment reminder, minutes before (0: none)"),
            minimum=0,
            maximum=240,
        ),
        SettingSpec(
            "appointment_grace_minutes",
            Scope.BRANCH,
            Kind.INT,
            30,
            QT_TRANSLATE_NOOP("domain", "Appointment unresolved, minutes after its end"),
            minimum=5,
            maximum=240,
        ),
        SettingSpec(
            # What the door notice's QR code opens instead of the desk phone (an
            # appointment page, the branch's WeChat account); empty: the phone.
            "notice_link",
            Scope.BRANCH,
            Kind.TEXT,
            "",
            QT_TRANSLATE_NOOP("domain", "Link for the QR code on door notices (empty: the phone)"),
            check=lambda key, value: link_problem(value, key) if value.strip() else None,
            max_length=LINK_MAX,
        ),
        SettingSpec(
            "notice_english",
            Scope.BRANCH,
            Kind.BOOL,
            False,
            QT_TRANSLATE_NOOP("domain", "Door notices: an English line under the Chinese"),
        ),
        SettingSpec(
            "notice_qr",
            Scope.BRANCH,
            Kind.BOOL,
            False,
            QT_TRANSLATE_NOOP("domain", "Door notices: a QR code for the phone or the link"),
        ),
        SettingSpec(
            # A yes or no rather than a choice: the settings form shows a choice's codes
            # as they are, and "landscape" would appear untranslated there.
            "notice_portrait",
            Scope.BRANCH,
            Kind.BOOL,
            False,
            QT_TRANSLATE_NOOP("domain", "Door notices: portrait pages (otherwise landscape)"),
        ),
        SettingSpec(
            "care_maturity_days",
            Scope.BRANCH,
            Kind.INT,
            30,
            QT_TRANSLATE_NOOP("domain", "Care list: holdings maturing within days"),
            minimum=1,
            maximum=180,
        ),
        SettingSpec(
            "care_no_contact_days",
            Scope.BRANCH,
            Kind.INT,
            90,
            QT_TRANSLATE_NOOP("domain", "Care list: clients not contacted for days"),
            minimum=7,
            maximum=365,
        ),
        SettingSpec(
            "client_work_target_hours",
            Scope.BRANCH,
            Kind.INT,
            5,
            QT_TRANSLATE_NOOP("domain", "Target: hours a day on client work"),
            minimum=1,
            maximum=12,
        ),
        SettingSpec(
            "working_hours",
            Scope.BRANCH,
            Kind.INT,
            8,
            QT_TRANSLATE_NOOP("domain", "Working hours a day"),
            minimum=1,
            maximum=12,
        ),
        SettingSpec(
            "welcome_done",
            Scope.BRANCH,
            Kind.BOOL,
            False,
            QT_TRANSLATE_NOOP("domain", "Welcome shown"),
        ),
        SettingSpec(
            "wait_target_minutes",
            Scope.BRANCH,
            Kind.INT,
            15,
            QT_TRANSLATE_NOOP("domain", "Day close: target wait, minutes"),
            minimum=1,
            maximum=120,
        ),
        SettingSpec(
            # One item a line (a semicolon also separates them, for a one-line field); the
            # default items are English source strings, shown translated (context domain).
            "day_close_checklist",
            Scope.BRANCH,
            Kind.TEXT,
            "\n".join(DAY_CLOSE_CHECKLIST),
            QT_TRANSLATE_NOOP("domain", "Day close: checklist items (one a line, or ; between)"),
            check=lambda key, value: day_close_checklist_problem(value, key),
            max_length=2000,
        ),
        SettingSpec(
            # The bank's model allocation per risk level for financial plans, one
            # "level,class,low,high" a line (domain/plan.py); empty: the shipped model.
            "plan_model",
            Scope.BRANCH,
            Kind.TEXT,
            "",
            QT_TRANSLATE_NOOP("domain", "Plans: model allocation (empty: as shipped)"),
            check=_plan_model_problem,
            max_length=4000,
        ),
        SettingSpec(
            "plan_reserve_months_min",
            Scope.BRANCH,
            Kind.INT,
            3,
            QT_TRANSLATE_NOOP("domain", "Plans: emergency reserve, fewest months of spending"),
            minimum=0,
            maximum=24,
        ),
        SettingSpec(
            "plan_reserve_months_max",
            Scope.BRANCH,
            Kind.INT,
            6,
            QT_TRANSLATE_NOOP("domain", "Plans: emergency reserve, most months of spending"),
            minimum=0,
            maximum=36,
        ),
        SettingSpec(
            # Printed on every plan above the signatures; empty: the shipped text.
            "plan_disclosure",
            Scope.BRANCH,
            Kind.TEXT,
            "",
            QT_TRANSLATE_NOOP("domain", "Plans: risk disclosure (empty: as shipped)"),
            max_length=2000,
        ),
        SettingSpec(
            # The bank's format of a 双录 reference, a regular expression the whole
            # reference must match; placeholders ("-", "无") are refused whatever it says.
            "recording_ref_pattern",
            Scope.BRANCH,
            Kind.TEXT,
            r"[A-Za-z0-9]{8,64}",
            QT_TRANSLATE_NOOP("domain", "Recording (双录) reference format (a pattern)"),
            check=_recording_pattern_problem,
        ),
        SettingSpec(
            "reassessments_per_day",
            Scope.BRANCH,
            Kind.INT,
            2,
            QT_TRANSLATE_NOOP("domain", "Risk assessments a client may take a day"),
            minimum=1,
            maximum=5,
        ),
        SettingSpec(
            "elderly_callback_working_days",
            Scope.BRANCH,
            Kind.INT,
            3,
            QT_TRANSLATE_NOOP(
                "domain", "Clients 65+: call back within working days of an R4/R5 sale"
            ),
            minimum=1,
            maximum=10,
        ),
        SettingSpec(
            "elderly_large_sale_percent",
            Scope.BRANCH,
            Kind.INT,
            30,
            QT_TRANSLATE_NOOP(
                "domain", "Clients 65+: second confirmation above this % of their assets"
            ),
            minimum=1,
            maximum=100,
        ),
        SettingSpec(
            # Older visitors (65 or over, by the birth date of their ID) and those marked
            # at check-in as needing assistance come after appointments, before the tiers.
            "queue_care_first",
            Scope.BRANCH,
            Kind.BOOL,
            True,
            QT_TRANSLATE_NOOP(
                "domain", "Queue: visitors aged 65 or over or needing assistance called first"
            ),
        ),
        SettingSpec(
            "complaint_deadline_days",
            Scope.BRANCH,
            Kind.INT,
            DEFAULT_DEADLINE_DAYS,
            QT_TRANSLATE_NOOP("domain", "Complaints: days to answer"),
            minimum=1,
            maximum=60,
        ),
        SettingSpec(
            # Off: calendar days, as the regulator counts them; on: the branch's working
            # days, from the one working calendar.
            "complaint_working_days",
            Scope.BRANCH,
            Kind.BOOL,
            False,
            QT_TRANSLATE_NOOP("domain", "Complaints: count working days (otherwise calendar days)"),
        ),
        SettingSpec(
            # The waiting-room display says each call and recall aloud (espeak-ng, SAPI);
            # silent where the computer has no speech engine or no sound output.
            "call_speech",
            Scope.BRANCH,
            Kind.BOOL,
            True,
            QT_TRANSLATE_NOOP("domain", "Waiting-room display: say each call aloud"),
        ),
        SettingSpec(
            "call_speech_volume",
            Scope.BRANCH,
            Kind.INT,
            80,
            QT_TRANSLATE_NOOP("domain", "Waiting-room display: volume of the calls (%)"),
            minimum=0,
            maximum=100,
            requires="call_speech",
        ),
        SettingSpec(
            "call_speech_english",
            Scope.BRANCH,
            Kind.BOOL,
            False,
            QT_TRANSLATE_NOOP("domain", "Waiting-room display: say each call in English too"),
            requires="call_speech",
        ),
        SettingSpec(
            # An 80 mm receipt (ticket, time, people ahead, the room) at the lobby's
            # check-in, on the receipt printer named below (the print service's name).
            "queue_slip",
            Scope.BRANCH,
            Kind.BOOL,
            False,
            QT_TRANSLATE_NOOP("domain", "Lobby check-in: print a queue slip"),
        ),
        SettingSpec(
            "queue_slip_printer",
            Scope.BRANCH,
            Kind.TEXT,
            "",
            QT_TRANSLATE_NOOP("domain", "Lobby: receipt printer (empty: the default printer)"),
            requires="queue_slip",
        ),
        *(
            SettingSpec(
                kind.setting,
                Scope.BRANCH,
                Kind.TEXT,
                DEFAULT_TEMPLATES[kind],
                label,
                check=template_problem,
                max_length=TEMPLATE_MAX,
            )
            for kind, label in (
                (MessageKind.BIRTHDAY, QT_TRANSLATE_NOOP("domain", "Message: birthday")),
                (MessageKind.MATURITY, QT_TRANSLATE_NOOP("domain", "Message: maturity offer")),
                (
                    MessageKind.RISK_EXPIRY,
                    QT_TRANSLATE_NOOP("domain", "Message: risk assessment expiring"),
                ),
                (
                    MessageKind.INVITATION,
                    QT_TRANSLATE_NOOP("domain", "Message: event invitation"),
                ),
                (MessageKind.FOLLOW_UP, QT_TRANSLATE_NOOP("domain", "Message: follow-up")),
            )
        ),
        SettingSpec(
            "manager_name",
            Scope.DESK,
            Kind.TEXT,
            "",
            QT_TRANSLATE_NOOP("domain", "Manager's name"),
            check=_optional_name,
            max_length=NAME_MAX,
        ),
        SettingSpec(
            "desk_phone",
            Scope.DESK,
            Kind.TEXT,
            "",
            QT_TRANSLATE_NOOP("domain", "Desk phone"),
            check=_optional_desk_phone,
        ),
        SettingSpec(
            QUALIFICATION_KEYS["wealth"],
            Scope.DESK,
            Kind.TEXT,
            "",
            QT_TRANSLATE_NOOP("domain", "Qualified to sell wealth products (from to)"),
            check=lambda key, value: qualification_problem(value, key),
        ),
        SettingSpec(
            QUALIFICATION_KEYS["fund"],
            Scope.DESK,
            Kind.TEXT,
            "",
            QT_TRANSLATE_NOOP("domain", "Qualified to sell funds (from to)"),
            check=lambda key, value: qualification_problem(value, key),
        ),
        SettingSpec(
            QUALIFICATION_KEYS["insurance"],
            Scope.DESK,
            Kind.TEXT,
            "",
            QT_TRANSLATE_NOOP("domain", "Qualified to sell insurance (from to)"),
            check=lambda key, value: qualification_problem(value, key),
        ),
        SettingSpec(
            "idle_timeout_minutes",
            Scope.DESK,
            Kind.INT,
            5,
            QT_TRANSLATE_NOOP("domain", "Clear the client screen after idle minutes"),
            minimum=1,
            maximum=15,
        ),
        SettingSpec(
            "close_queue_at_day_end",
            Scope.DESK,
            Kind.BOOL,
            True,
            QT_TRANSLATE_NOOP("domain", "At closing time, close visits still waiting as left"),
        ),
        SettingSpec(
            # Set through its own dialog, never shown: "scrypt$n$r$p$salt$hash" (pin.py).
            "pin_hash",
            Scope.DESK,
            Kind.TEXT,
            "",
            QT_TRANSLATE_NOOP("domain", "PIN"),
            max_length=400,
        ),
        SettingSpec(
            "desk_number", Scope.PC, Kind.TEXT, "1", QT_TRANSLATE_NOOP("domain", "Desk number")
        ),
        SettingSpec(
            "language",
            Scope.PC,
            Kind.CHOICE,
            "zh_CN",
            QT_TRANSLATE_NOOP("domain", "Language"),
            choices=LANGUAGES,
        ),
        SettingSpec(
            # Empty: the Documents/WealthDesk folder of the user who runs the app.
            "day_close_folder",
            Scope.PC,
            Kind.PATH,
            "",
            QT_TRANSLATE_NOOP("domain", "Folder for day-close reports"),
        ),
        SettingSpec(
            "pdf_font_path",
            Scope.PC,
            Kind.PATH,
            "",
            QT_TRANSLATE_NOOP("domain", "Font file for PDFs"),
        ),
    )
}


def parse_time(text: str) -> dt.time | None:
    """The time written HH:MM in *text*, or None when it is not one (9:00, 25:00)."""
    match = _TIME.match((text or "").strip())
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2))
    return dt.time(hour, minute) if hour < 24 and minute < 60 else None


def time_problem(text: str, field: str) -> Problem | None:
    """Why *text* is not a time written HH:MM (a setting, a door notice's times), or None."""
    if parse_time(text) is not None:
        return None
    if _TIME.match((text or "").strip()):
        return Problem(
            field,
            QT_TRANSLATE_NOOP("domain", "There is no such time: {value}."),
            {"value": text.strip()},
        )
    return Problem(field, QT_TRANSLATE_NOOP("domain", "A time is written HH:MM, like 14:00."))


# Between the branch's closed days: commas (either width), 、, semicolons or white space.
_DAY_SEPARATORS = re.compile(r"[\s,，、;；]+")
_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def closed_day_entries(text: str) -> list[str]:
    """The entries of a closed-days list as written, in order, empty ones dropped."""
    return [entry for entry in _DAY_SEPARATORS.split(text or "") if entry]


def parse_date(text: str) -> dt.date | None:
    """The date written YYYY-MM-DD in *text* (2026-10-01, 2026-1-4), or None."""
    match = _DATE.match((text or "").strip())
    if not match:
        return None
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def parse_closed_days(text: str) -> set[dt.date]:
    """The branch's closed days in the ``closed_days`` setting's text. An entry that is
    not a date is skipped: saving refuses one (:func:`closed_days_problem`), so only a
    damaged stored value has any, and the rest of the list still holds."""
    return {day for entry in closed_day_entries(text) if (day := parse_date(entry))}


def closed_days_problem(text: str, key: str = "closed_days") -> Problem | None:
    """Why *text* is not a list of dates, naming the first entry that is not one."""
    for entry in closed_day_entries(text):
        if parse_date(entry) is not None:
            continue
        if _DATE.match(entry):
            return Problem(
                key,
                QT_TRANSLATE_NOOP("domain", "There is no such date: {value}."),
                {"value": entry},
            )
        return Problem(
            key,
            QT_TRANSLATE_NOOP(
                "domain", "“{value}” is not a date; write each day YYYY-MM-DD, like 2026-10-01."
            ),
            {"value": entry},
        )
    return None


def coerce(key: str, raw: object) -> object:
    """A stored or typed value as the setting's type; the default when it cannot be read."""
    spec = SPECS[key]
    if raw is None:
        return spec.default
    try:
        if spec.kind is Kind.INT:
            return int(raw)
        if spec.kind is Kind.BOOL:
            if isinstance(raw, str):
                return raw.strip().lower() in {"1", "true", "yes", "on"}
            return bool(raw)
        return str(raw)
    except (TypeError, ValueError):
        return spec.default


def setting_problem(key: str, value: object) -> Problem | None:
    """Why *value* is not acceptable for the setting *key*, or None."""
    spec = SPECS.get(key)
    if spec is None:
        return Problem(
            key, QT_TRANSLATE_NOOP("domain", "There is no setting called {key}."), {"key": key}
        )
    if spec.kind is Kind.INT:
        if not isinstance(value, int) or isinstance(value, bool):
            return Problem(key, QT_TRANSLATE_NOOP("domain", "This must be a whole number."))
        if (
            spec.minimum is not None
            and spec.maximum is not None
            and not (spec.minimum <= value <= spec.maximum)
        ):
            return Problem(
                key,
                QT_TRANSLATE_NOOP("domain", "This must be from {min} to {max}."),
                {"min": spec.minimum, "max": spec.maximum},
            )
    if spec.kind is Kind.TIME and (problem := time_problem(str(value), key)):
        return problem
    if spec.kind is Kind.CHOICE and value not in spec.choices:
        return Problem(
            key,
            QT_TRANSLATE_NOOP("domain", "Choose one of: {choices}."),
            {"choices": ", ".join(spec.choices)},
        )
    if spec.kind is Kind.TEXT and len(str(value)) > spec.max_length:
        return Problem(
            key,
            QT_TRANSLATE_NOOP("domain", "This text is longer than {max} characters."),
            {"max": spec.max_length},
        )
    if spec.check:
        return spec.check(key, str(value))
    return None


def office_hours_problems(values: dict[str, object]) -> list[Problem]:
    """The office day must run open < lunch start < lunch end < close; the target of
    hours on client work fits in the working day; no day is both closed and open."""
    both = parse_closed_days(str(values.get("closed_days") or "")) & parse_closed_days(
        str(values.get("open_days") or "")
    )
    if both:
        return [
            Problem(
                "open_days",
                QT_TRANSLATE_NOOP("domain", "{date} is both a closed day and an open day."),
                {"date": min(both).isoformat()},
            )
        ]
    return _office_day_problems(values)


def _office_day_problems(values: dict[str, object]) -> list[Problem]:
    order = ("office_open", "lunch_start", "lunch_end", "office_close")
    times = [parse_time(str(values.get(k, SPECS[k].default))) for k in order]
    if any(t is None for t in times):
        return []  # each bad time already has its own problem
    for key, (earlier, later) in zip(order[1:], itertools.pairwise(times), strict=True):
        if not earlier < later:
            # Reported on the first time out of order, where the manager will look.
            return [
                Problem(
                    key,
                    QT_TRANSLATE_NOOP(
                        "domain", "The office day must run: opens, lunch from, lunch until, closes."
                    ),
                )
            ]
    target = values.get("client_work_target_hours", SPECS["client_work_target_hours"].default)
    hours = values.get("working_hours", SPECS["working_hours"].default)
    if isinstance(target, int) and isinstance(hours, int) and target > hours:
        return [
            Problem(
                "client_work_target_hours",
                QT_TRANSLATE_NOOP(
                    "domain",
                    "The target ({target} h) cannot be more than the working day ({hours} h).",
                ),
                {"target": target, "hours": hours},
            )
        ]
    return []
