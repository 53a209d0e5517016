"""China's public holidays: the statutory days computed by rule for a year the State
Council has not yet scheduled, and the schedule a branch loads (a CSV of holidays and
make-up working days) read and checked line by line."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from .errors import QT_TRANSLATE_NOOP, Problem

# The holiday regulations (全国年节及纪念日放假办法) as amended with effect from 2025:
# New Year's Day 1 day, Spring Festival 4 (除夕 to 初三), Qingming 1, Labour Day 2,
# Dragon Boat 1, Mid-Autumn 1, National Day 3. Earlier years had other rules, and every
# year from 2004 to 2026 has the State Council's schedule in the bundled data.
RULES_FROM = 2025
RULES_UNTIL = 2099  # the lunar library's tables reach further; the rules may not


class Holiday(StrEnum):
    """The statutory holidays, by the names chinese_calendar gives them (so a bundled,
    a loaded and a computed day share one name and one label)."""

    NEW_YEAR = "New Year's Day"
    SPRING_FESTIVAL = "Spring Festival"
    QINGMING = "Tomb-sweeping Day"
    LABOUR_DAY = "Labour Day"
    DRAGON_BOAT = "Dragon Boat Festival"
    MID_AUTUMN = "Mid-autumn Festival"
    NATIONAL_DAY = "National Day"


# How a schedule file may name a holiday (Chinese as the State Council writes it, or
# English), folded to lower case without spaces.
_HOLIDAY_ALIASES: dict[str, Holiday] = {
    alias: holiday
    for holiday, aliases in {
        Holiday.NEW_YEAR: ("元旦", "newyear", "newyear'sday", "newyearsday"),
        Holiday.SPRING_FESTIVAL: ("春节", "除夕", "springfestival", "chinesenewyear"),
        Holiday.QINGMING: ("清明", "清明节", "qingming", "tomb-sweepingday", "tombsweepingday"),
        Holiday.LABOUR_DAY: ("劳动节", "五一", "labourday", "laborday", "mayday"),
        Holiday.DRAGON_BOAT: ("端午", "端午节", "dragonboatfestival", "dragonboat"),
        Holiday.MID_AUTUMN: ("中秋", "中秋节", "mid-autumnfestival", "midautumnfestival"),
        Holiday.NATIONAL_DAY: ("国庆", "国庆节", "nationalday"),
    }.items()
    for alias in aliases
}


def holiday_named(name: str) -> Holiday | None:
    """The statutory holiday a schedule's *name* means (春节, "Spring Festival"), or None."""
    key = re.sub(r"\s+", "", unicodedata.normalize("NFKC", name or "")).lower()
    return _HOLIDAY_ALIASES.get(key)


def rules_cover(year: int) -> bool:
    """Whether the statutory holidays of *year* can be computed by the current rules."""
    return RULES_FROM <= year <= RULES_UNTIL


@functools.lru_cache(maxsize=32)
def statutory_holidays(year: int) -> dict[dt.date, Holiday]:
    """The statutory holidays of *year* by the regulations as amended for 2025, the lunar
    dates from lunar_python: the days themselves only. The State Council's schedule adds
    days in lieu of those falling on a weekend, bridges and make-up working days (调休),
    which no rule can foresee. Empty for a year the rules do not cover."""
    if not rules_cover(year):
        return {}
    from lunar_python import Lunar  # a megabyte of tables: loaded when first needed

    def solar(lunar_month: int, lunar_day: int) -> dt.date:
        s = Lunar.fromYmd(year, lunar_month, lunar_day).getSolar()
        return dt.date(s.getYear(), s.getMonth(), s.getDay())

    new_year = solar(1, 1)  # 初一; 除夕 is the day before, whether the 29th or the 30th
    days = {dt.date(year, 1, 1): Holiday.NEW_YEAR}
    for offset in range(-1, 3):
        days[new_year + dt.timedelta(days=offset)] = Holiday.SPRING_FESTIVAL
    days[qingming(year)] = Holiday.QINGMING
    days[dt.date(year, 5, 1)] = Holiday.LABOUR_DAY
    days[dt.date(year, 5, 2)] = Holiday.LABOUR_DAY
    days[solar(5, 5)] = Holiday.DRAGON_BOAT
    days[solar(8, 15)] = Holiday.MID_AUTUMN
    for day in (1, 2, 3):
        days[dt.date(year, 10, day)] = Holiday.NATIONAL_DAY
    return dict(sorted(days.items()))


def qingming(year: int) -> dt.date:
    """The day of the solar term Qingming (清明) in *year* (4 or 5 April), from the sun's
    longitude as lunar_python computes it (Beijing time)."""
    from lunar_python import Solar

    table = Solar.fromYmd(year, 4, 15).getLunar().getJieQiTable()
    s = table["清明"]
    return dt.date(s.getYear(), s.getMonth(), s.getDay())


# ---------------------------------------------------------------- a loaded schedule


class DayKind(StrEnum):
    """What a schedule says of a day: a holiday, or a weekend day worked (调休上班)."""

    HOLIDAY = "holiday"
    WORKDAY = "workday"


_KIND_ALIASES = {
    "holiday": DayKind.HOLIDAY,
    "假": DayKind.HOLIDAY,
    "休": DayKind.HOLIDAY,
    "放假": DayKind.HOLIDAY,
    "休息": DayKind.HOLIDAY,
    "节假日": DayKind.HOLIDAY,
    "假日": DayKind.HOLIDAY,
    "workday": DayKind.WORKDAY,
    "班": DayKind.WORKDAY,
    "上班": DayKind.WORKDAY,
    "补班": DayKind.WORKDAY,
    "调休上班": DayKind.WORKDAY,
    "工作日": DayKind.WORKDAY,
    "working day": DayKind.WORKDAY,
    "working_day": DayKind.WORKDAY,
}
_HEADERS = {
    "date": "date",
    "日期": "date",
    "kind": "kind",
    "type": "kind",
    "类型": "kind",
    "种类": "kind",
    "name": "name",
    "名称": "name",
    "节日": "name",
    "假日": "name",
}
NAME_MAX = 40
_SCHEDULE_DATE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")


@dataclass(frozen=True)
class ScheduleDay:
    """One day of the State Council's schedule: a holiday or a make-up working day, with
    the holiday it belongs to (春节, or "Spring Festival"; may be empty)."""

    day: dt.date
    kind: DayKind
    name: str = ""


@dataclass(frozen=True)
class ScheduleLine:
    """A line of a schedule file that is wrong, and why."""

    line: int
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class ParsedSchedule:
    """What a schedule file says: its year, its days, and every line that is wrong (a
    schedule with any is not loaded)."""

    year: int | None
    days: tuple[ScheduleDay, ...]
    bad_lines: tuple[ScheduleLine, ...]
    file_problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return self.year is not None and not self.bad_lines and not self.file_problems


def _problem(template: str, **params: object) -> Problem:
    return Problem("schedule", template, params)


def parse_schedule(text: str) -> ParsedSchedule:
    """Read a schedule with the columns ``date,kind,name`` (or 日期,类型,名称): *kind* is
    ``holiday`` or ``workday`` (休/班, 放假/上班 too), *name* the holiday. The schedule is
    for one year (the latest year of its dates); a day of the December before it is
    allowed, as a New Year's holiday may begin then. A make-up working day falls on a
    weekend. Every wrong line is reported with its number."""
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    numbered = [(n, row) for n, row in enumerate(rows, 1) if any(c.strip() for c in row)]
    if not numbered:
        return ParsedSchedule(
            None, (), (), (_problem(QT_TRANSLATE_NOOP("domain", "The file has no lines.")),)
        )
    header = numbered[0][1]
    columns = {
        _HEADERS.get(cell.strip().lower()): i
        for i, cell in enumerate(header)
        if _HEADERS.get(cell.strip().lower())
    }
    if "date" not in columns or "kind" not in columns:
        return ParsedSchedule(
            None,
            (),
            (),
            (
                _problem(
                    QT_TRANSLATE_NOOP(
                        "domain",
                        "The first line names the columns: date,kind,name (or 日期,类型,名称).",
                    )
                ),
            ),
        )
    read: list[tuple[int, ScheduleDay]] = []
    bad: list[ScheduleLine] = []
    first_line: dict[dt.date, int] = {}
    for number, row in numbered[1:]:

        def cell(column: str, row: list[str] = row) -> str:
            index = columns.get(column)
            return row[index].strip() if index is not None and index < len(row) else ""

        problems: list[Problem] = []
        day = _schedule_date(cell("date"), problems)
        kind = _KIND_ALIASES.get(cell("kind").lower())
        if kind is None:
            problems.append(
                _problem(
                    QT_TRANSLATE_NOOP(
                        "domain", "“{value}” is not a kind of day: write holiday or workday."
                    ),
                    value=cell("kind"),
                )
            )
        name = " ".join(cell("name").split())
        if len(name) > NAME_MAX:
            problems.append(
                _problem(
                    QT_TRANSLATE_NOOP("domain", "A holiday's name has at most {max} characters."),
                    max=NAME_MAX,
                )
            )
        if day is not None and kind is DayKind.WORKDAY and day.weekday() < 5:
            problems.append(
                _problem(
                    QT_TRANSLATE_NOOP(
                        "domain",
                        "{date} is a weekday: a make-up working day falls on a Saturday or Sunday.",
                    ),
                    date=day.isoformat(),
                )
            )
        if day is not None and day in first_line:
            problems.append(
                _problem(
                    QT_TRANSLATE_NOOP("domain", "{date} is already on line {line}."),
                    date=day.isoformat(),
                    line=first_line[day],
                )
            )
        if problems:
            bad.append(ScheduleLine(number, tuple(problems)))
        elif day is not None and kind is not None:
            first_line[day] = number
            read.append((number, ScheduleDay(day, kind, name)))
    year = max((d.day.year for _, d in read), default=None)
    if year is not None:
        for number, entry in read:
            if entry.day.year == year or (entry.day.year == year - 1 and entry.day.month == 12):
                continue
            bad.append(
                ScheduleLine(
                    number,
                    (
                        _problem(
                            QT_TRANSLATE_NOOP(
                                "domain",
                                "{date} is not in {year}: a schedule is for one year (with "
                                "the December before it).",
                            ),
                            date=entry.day.isoformat(),
                            year=year,
                        ),
                    ),
                )
            )
    file_problems: tuple[Problem, ...] = ()
    if not read and not bad:
        file_problems = (
            _problem(QT_TRANSLATE_NOOP("domain", "The file has no days under its first line.")),
        )
    return ParsedSchedule(
        year,
        tuple(sorted((d for _, d in read), key=lambda d: d.day)),
        tuple(sorted(bad, key=lambda b: b.line)),
        file_problems,
    )


def _schedule_date(text: str, problems: list[Problem]) -> dt.date | None:
    match = _SCHEDULE_DATE.match(unicodedata.normalize("NFKC", text))
    if match is None:
        problems.append(
            _problem(
                QT_TRANSLATE_NOOP(
                    "domain", "“{value}” is not a date; write it YYYY-MM-DD, like 2027-02-06."
                ),
                value=text,
            )
        )
        return None
    try:
        day = dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        problems.append(
            _problem(QT_TRANSLATE_NOOP("domain", "There is no such date: {value}."), value=text)
        )
        return None
    if not 2000 <= day.year <= 2100:
        problems.append(
            _problem(
                QT_TRANSLATE_NOOP("domain", "{value} is not a year from 2000 to 2100."),
                value=text,
            )
        )
        return None
    return day


def schedule_csv(days: Iterable[ScheduleDay]) -> str:
    """A schedule written as the file it can be loaded from (date,kind,name)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["date", "kind", "name"])
    for entry in days:
        writer.writerow([entry.day.isoformat(), entry.kind.value, entry.name])
    return out.getvalue()
