"""The risk profile: the questionnaire (read from a data file a bank may replace), its
score, the level C1–C5 the score falls into, and how long an assessment stays valid."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum, IntEnum

from .client import Labeled
from .errors import QT_TRANSLATE_NOOP, Problem, ValidationError

QUESTION_COUNT = 10
MAX_SCORE = 100
VALID_YEARS = 1
EXPIRING_WITHIN_DAYS = 30  # "expires within 30 days" on the client screen and Today
KEY_MAX = 40  # risk_assessment.questionnaire is VARCHAR(40): "id@version"

# The upper end of each band (DESIGN.md): ≤20 C1, 21–45 C2, 46–70 C3, 71–85 C4, 86–100 C5.
_BAND_TOPS = (20, 45, 70, 85, MAX_SCORE)


class RiskLevel(IntEnum):
    """A client's risk profile, stored as 1–5; a Cn client may buy products rated R1…Rn."""

    C1 = 1
    C2 = 2
    C3 = 3
    C4 = 4
    C5 = 5

    @property
    def code(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        """English, marked for translation (context ``domain``): 保守型 … 进取型."""
        return _LEVEL_LABELS[self.value][0]

    @property
    def chinese(self) -> str:
        """The bank's own word (for documents that always carry it)."""
        return _LEVEL_LABELS[self.value][1]

    @property
    def band(self) -> tuple[int, int]:
        """The lowest and highest score of this level."""
        low = 0 if self.value == 1 else _BAND_TOPS[self.value - 2] + 1
        return low, _BAND_TOPS[self.value - 1]


_LEVEL_LABELS = {
    1: (QT_TRANSLATE_NOOP("domain", "Conservative"), "保守型"),
    2: (QT_TRANSLATE_NOOP("domain", "Cautious"), "稳健型"),
    3: (QT_TRANSLATE_NOOP("domain", "Balanced"), "平衡型"),
    4: (QT_TRANSLATE_NOOP("domain", "Growth"), "成长型"),
    5: (QT_TRANSLATE_NOOP("domain", "Aggressive"), "进取型"),
}


def level_for_score(score: int) -> RiskLevel:
    """The level a questionnaire's score falls into; a score outside 0–100 is a bug."""
    if not 0 <= score <= MAX_SCORE:
        raise ValueError(f"a risk score is 0 to {MAX_SCORE}, not {score}")
    for value, top in enumerate(_BAND_TOPS, start=1):
        if score <= top:
            return RiskLevel(value)
    raise AssertionError("unreachable")


class RiskModule(Labeled):
    """The five parts of every questionnaire."""

    FINANCIAL = "financial"
    EXPERIENCE = "experience"
    STYLE = "style"
    OBJECTIVES = "objectives"
    TOLERANCE = "tolerance"

    @classmethod
    def _labels(cls):
        return {
            "financial": QT_TRANSLATE_NOOP("domain", "Financial status"),
            "experience": QT_TRANSLATE_NOOP("domain", "Investment experience"),
            "style": QT_TRANSLATE_NOOP("domain", "Investment style"),
            "objectives": QT_TRANSLATE_NOOP("domain", "Investment objectives"),
            "tolerance": QT_TRANSLATE_NOOP("domain", "Loss tolerance"),
        }

    @classmethod
    def _aliases(cls):
        return {
            "financial": ("财务状况",),
            "experience": ("投资经验",),
            "style": ("投资风格",),
            "objectives": ("投资目标",),
            "tolerance": ("风险承受能力",),
        }


# ---------------------------------------------------------------- the questionnaire

# What a questionnaire must ask, each declared by the questions that cover it (issue 19;
# 《商业银行理财业务监督管理办法》(2018) and 《理财公司理财产品销售管理暂行办法》(2021) on
# the assessment's content). "age" may also be covered by the form's age rules, the age
# being taken from the client's ID.
REQUIRED_CONTENT = {
    "age": QT_TRANSLATE_NOOP("domain", "age"),
    "financial_status": QT_TRANSLATE_NOOP("domain", "financial status"),
    "experience": QT_TRANSLATE_NOOP("domain", "investment experience"),
    "objectives": QT_TRANSLATE_NOOP("domain", "investment objectives"),
    "expected_return": QT_TRANSLATE_NOOP("domain", "expected return"),
    "risk_preference": QT_TRANSLATE_NOOP("domain", "risk preference"),
    "liquidity": QT_TRANSLATE_NOOP("domain", "liquidity needs"),
    "risk_knowledge": QT_TRANSLATE_NOOP("domain", "risk knowledge"),
    "loss_tolerance": QT_TRANSLATE_NOOP("domain", "loss tolerance"),
}
LEVEL_COUNT = len(RiskLevel)  # at least five levels: C1 … C5, each with its band


@dataclass(frozen=True)
class Text:
    """A text of the questionnaire in Chinese, with its English translation (which a
    bank's file may leave out: Chinese is shown then)."""

    zh: str
    en: str = ""

    def pick(self, language: str) -> str:
        """The text for a UI in *language* (``zh_CN``, ``en``)."""
        return self.en if language.startswith("en") and self.en else self.zh


@dataclass(frozen=True)
class Option:
    id: str
    text: Text
    points: int
    cap: RiskLevel | None = None  # a knock-out: choosing it caps the level


@dataclass(frozen=True)
class Question:
    id: str
    number: int  # 1-based, as printed
    module: str
    text: Text
    options: tuple[Option, ...]
    covers: tuple[str, ...] = ()  # REQUIRED_CONTENT keys

    @property
    def max_points(self) -> int:
        return max(o.points for o in self.options)

    @property
    def min_points(self) -> int:
        return min(o.points for o in self.options)

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)


@dataclass(frozen=True)
class Module:
    id: str
    title: Text
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class AgeCap:
    """Clients aged *from_age* to *to_age* (None: no upper end) are at most *cap*."""

    from_age: int
    to_age: int | None
    cap: RiskLevel

    def applies(self, age: int) -> bool:
        return age >= self.from_age and (self.to_age is None or age <= self.to_age)


# The shipped bands (DESIGN.md), for a form that states none: ≤20 C1 … 86–100 C5.
DEFAULT_BANDS = _BAND_TOPS


@dataclass(frozen=True)
class Questionnaire:
    id: str
    version: str
    title: Text
    modules: tuple[Module, ...]
    bands: tuple[int, ...] = DEFAULT_BANDS  # the top score of C1 … C5
    age_caps: tuple[AgeCap, ...] = ()

    @property
    def key(self) -> str:
        """What an assessment records as its questionnaire: ``risk_default@2026.1``."""
        return f"{self.id}@{self.version}"

    @property
    def questions(self) -> tuple[Question, ...]:
        return tuple(q for m in self.modules for q in m.questions)

    @property
    def max_score(self) -> int:
        return sum(q.max_points for q in self.questions)

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

    def band(self, level: RiskLevel) -> tuple[int, int]:
        low = 0 if level == 1 else self.bands[level - 2] + 1
        return low, self.bands[level - 1]

    def level_for(self, points: int) -> RiskLevel:
        """The level the form's bands put *points* in."""
        if not 0 <= points <= self.bands[-1]:
            raise ValueError(f"a score of this form is 0 to {self.bands[-1]}, not {points}")
        return RiskLevel(next(i for i, top in enumerate(self.bands, start=1) if points <= top))

    def knock_outs(self, answers: Mapping[str, str]) -> list[tuple[Question, Option]]:
        """The answers that cap the level, in the form's order."""
        found = []
        for question in self.questions:
            option = question.option(answers.get(question.id, ""))
            if option is not None and option.cap is not None:
                found.append((question, option))
        return found

    def age_cap(self, age: int | None) -> AgeCap | None:
        """The lowest cap of the age rules that apply (None: age unknown or no rule)."""
        if age is None:
            return None
        caps = [c for c in self.age_caps if c.applies(age)]
        return min(caps, key=lambda c: c.cap) if caps else None


@dataclass(frozen=True)
class Assessment:
    """A scored questionnaire: the points, the level their band gives, the knock-outs
    and age rule that applied, and the level that stands (the lowest of them)."""

    points: int
    band_level: RiskLevel
    knock_outs: tuple[tuple[Question, Option], ...]
    age_cap: AgeCap | None
    level: RiskLevel


def assess(
    questionnaire: Questionnaire,
    answers: Mapping[str, str],
    birth_date: dt.date | None = None,
    today: dt.date | None = None,
) -> Assessment:
    """Score *answers* (every question once; raises :class:`ValidationError` naming each
    that is not) and apply the knock-outs and the age rules: the level is the band's,
    capped by the lowest knock-out and age cap. Issue 19: four "cannot bear any loss of
    principal" answers ended at C3; the knock-out caps them at C1."""
    from .identity import age_on

    points = score(questionnaire, answers)
    band_level = questionnaire.level_for(points)
    knock = questionnaire.knock_outs(answers)
    age = age_on(birth_date, today or dt.date.today()) if birth_date else None
    cap = questionnaire.age_cap(age)
    levels = [band_level, *(o.cap for _, o in knock)] + ([cap.cap] if cap else [])
    return Assessment(points, band_level, tuple(knock), cap, RiskLevel(min(levels)))


def questionnaire_problem(template: str, **params: object) -> Problem:
    """A problem with the questionnaire (its file or its content)."""
    return Problem("questionnaire", template, params)


def _level(value: object) -> RiskLevel | None:
    """``"C1"`` … ``"C5"`` (or 1 … 5) as a level, else None."""
    text = str(value).strip().upper() if value is not None else ""
    text = text[1:] if text.startswith("C") else text
    return RiskLevel(int(text)) if text.isdigit() and 1 <= int(text) <= LEVEL_COUNT else None


def parse_questionnaire(data: object) -> Questionnaire:
    """A questionnaire from its JSON data, checked (the format: README beside the shipped
    file): an id and a version; any number of modules, each with an id and a title, and
    of questions, each in one module with at least two answers of whole, non-negative
    points; no id twice; every required content covered (:data:`REQUIRED_CONTENT`);
    bands for C1 … C5 ending at the total; knock-outs and age rules naming a level.
    Raises :class:`ValidationError` with every problem found."""
    problems: list[Problem] = []
    if not isinstance(data, dict):
        raise ValidationError(
            questionnaire_problem(
                QT_TRANSLATE_NOOP("domain", "The questionnaire is not a JSON object.")
            )
        )
    q_id = _plain(data.get("id"))
    version = _plain(data.get("version"))
    if not q_id or not version:
        problems.append(
            questionnaire_problem(
                QT_TRANSLATE_NOOP("domain", "The questionnaire needs an id and a version.")
            )
        )
    elif len(f"{q_id}@{version}") > KEY_MAX:
        problems.append(
            questionnaire_problem(
                QT_TRANSLATE_NOOP(
                    "domain",
                    "The questionnaire's id and version are longer than {max} characters.",
                ),
                max=KEY_MAX - 1,
            )
        )
    title = _text(data.get("title")) or Text(q_id)

    titles: dict[str, Text] = {}
    raw_modules = data.get("modules")
    for raw in raw_modules if isinstance(raw_modules, list) else []:
        module = _plain(raw.get("id")) if isinstance(raw, dict) else ""
        if not module:
            problems.append(
                questionnaire_problem(QT_TRANSLATE_NOOP("domain", "A module has no id."))
            )
            continue
        if module in titles:
            problems.append(
                questionnaire_problem(
                    QT_TRANSLATE_NOOP("domain", "The module {module} is listed twice."),
                    module=module,
                )
            )
        known = RiskModule.parse(module)
        titles[module] = _text(raw.get("title")) or Text(known.names()[-1] if known else module)

    questions: list[tuple[str, Question]] = []
    raw_questions = data.get("questions")
    raw_questions = raw_questions if isinstance(raw_questions, list) else []
    if not raw_questions:
        problems.append(
            questionnaire_problem(QT_TRANSLATE_NOOP("domain", "The questionnaire has no question."))
        )
    seen_questions: set[str] = set()
    for number, raw in enumerate(raw_questions, start=1):
        question = _question(raw, number, titles, seen_questions, problems)
        if question is not None:
            questions.append((question.module, question))

    used = {module for module, _ in questions}
    empty = [m for m in titles if m not in used]
    if empty and not problems:
        problems.append(
            questionnaire_problem(
                QT_TRANSLATE_NOOP("domain", "No question belongs to the module(s) {modules}."),
                modules=", ".join(empty),
            )
        )
    age_caps = _age_caps(data.get("age_rules"), problems)
    covered = {c for _, q in questions for c in q.covers} | ({"age"} if age_caps else set())
    missing = [key for key in REQUIRED_CONTENT if key not in covered]
    if missing and raw_questions:
        problems.append(
            questionnaire_problem(
                QT_TRANSLATE_NOOP(
                    "domain",
                    "No question covers what the rules require: {content} (declare it in "
                    'a question\'s "covers").',
                ),
                content=", ".join(missing),
            )
        )
    total = sum(q.max_points for _, q in questions)
    declared = data.get("total", total)
    if not problems and declared != total:
        problems.append(
            questionnaire_problem(
                QT_TRANSLATE_NOOP(
                    "domain",
                    "The highest answers add up to {total} points; the form says {max}.",
                ),
                total=total,
                max=declared,
            )
        )
    bands = _bands(data.get("bands"), total, problems)
    if problems:
        raise ValidationError(problems)
    # Numbered in the order printed: module by module.
    numbered = []
    number = 0
    for module_id, module_title in titles.items():
        qs = []
        for module, q in questions:
            if module != module_id:
                continue
            number += 1
            qs.append(Question(q.id, number, q.module, q.text, q.options, q.covers))
        numbered.append(Module(module_id, module_title, tuple(qs)))
    return Questionnaire(q_id, version, title, tuple(numbered), bands, tuple(age_caps))


def _bands(raw: object, total: int, problems: list[Problem]) -> tuple[int, ...]:
    """``[{"level": "C1", "max": 20}, …]``: the top score of each of C1 … C5, rising,
    the last the form's total. None given: the shipped 100-point bands."""
    if raw is None:
        if total != MAX_SCORE:
            problems.append(
                questionnaire_problem(
                    QT_TRANSLATE_NOOP(
                        "domain",
                        "A form of {total} points states its bands (the shipped ones are "
                        "for 100 points).",
                    ),
                    total=total,
                )
            )
        return DEFAULT_BANDS
    tops: dict[RiskLevel, int] = {}
    for entry in raw if isinstance(raw, list) else []:
        level = _level(entry.get("level")) if isinstance(entry, dict) else None
        top = entry.get("max") if isinstance(entry, dict) else None
        if level is None or isinstance(top, bool) or not isinstance(top, int):
            problems.append(
                questionnaire_problem(
                    QT_TRANSLATE_NOOP("domain", 'A band is written {"level": "C1", "max": 20}.')
                )
            )
            continue
        tops[level] = top
    ordered = tuple(tops.get(level, -1) for level in RiskLevel)
    if len(tops) != LEVEL_COUNT or -1 in ordered:
        problems.append(
            questionnaire_problem(
                QT_TRANSLATE_NOOP(
                    "domain", "The bands give every level C1 to C5 its highest score."
                )
            )
        )
        return DEFAULT_BANDS
    if any(b <= a for a, b in itertools.pairwise(ordered)) or ordered[0] < 0:
        problems.append(
            questionnaire_problem(
                QT_TRANSLATE_NOOP("domain", "The bands' highest scores must rise from C1 to C5.")
            )
        )
    if ordered[-1] != total:
        problems.append(
            questionnaire_problem(
                QT_TRANSLATE_NOOP(
                    "domain", "The C5 band ends at {top}, not at the form's total {total}."
                ),
                top=ordered[-1],
                total=total,
            )
        )
    return ordered


def _age_caps(raw: object, problems: list[Problem]) -> list[AgeCap]:
    """``[{"from": 70, "to": 79, "cap": "C3"}, …]`` ("to" may be left out)."""
    caps = []
    for entry in raw if isinstance(raw, list) else []:
        entry = entry if isinstance(entry, dict) else {}
        start, end, cap = entry.get("from"), entry.get("to"), _level(entry.get("cap"))
        ok = isinstance(start, int) and not isinstance(start, bool) and 0 <= start <= 150
        ok = ok and (end is None or (isinstance(end, int) and end >= start))
        if not ok or cap is None:
            problems.append(
                questionnaire_problem(
                    QT_TRANSLATE_NOOP(
                        "domain",
                        'An age rule is written {"from": 70, "to": 79, "cap": "C3"}.',
                    )
                )
            )
            continue
        caps.append(AgeCap(start, end, cap))
    return caps


def _question(
    raw: object,
    number: int,
    titles: dict[RiskModule, Text],
    seen: set[str],
    problems: list[Problem],
) -> Question | None:
    if not isinstance(raw, dict):
        problems.append(
            questionnaire_problem(
                QT_TRANSLATE_NOOP("domain", "Question {number} is not a JSON object."),
                number=number,
            )
        )
        return None
    found = len(problems)
    q_id = _plain(raw.get("id"))
    name = q_id or str(number)
    if not q_id:
        problems.append(
            questionnaire_problem(
                QT_TRANSLATE_NOOP("domain", "Question {number} has no id."), number=number
            )
        )
    elif q_id in seen:
        problems.append(
            questionnaire_problem(
                QT_TRANSLATE_NOOP("domain", "The question id {question} is used twice."),
                question=q_id,
            )
        )
    seen.add(q_id)
    module = _plain(raw.get("module"))
    if module not in titles:
        problems.append(
            questionnaire_problem(
                QT_TRANSLATE_NOOP(
                    "domain", "Question {question} names no module of the questionnaire."
                ),
                question=name,
            )
        )
    text = _text(raw.get("text"))
    if text is None:
        problems.append(
            questionnaire_problem(
                QT_TRANSLATE_NOOP("domain", "Question {question} has no Chinese text."),
                question=name,
            )
        )
    covers = raw.get("covers", [])
    covers = [covers] if isinstance(covers, str) else covers
    unknown = [c for c in covers if c not in REQUIRED_CONTENT] if isinstance(covers, list) else []
    if not isinstance(covers, list) or unknown:
        problems.append(
            questionnaire_problem(
                QT_TRANSLATE_NOOP(
                    "domain", "Question {question} covers unknown content: {content}."
                ),
                question=name,
                content=", ".join(map(str, unknown)) or str(covers),
            )
        )
        covers = []
    options: list[Option] = []
    option_ids: set[str] = set()
    raw_options = raw.get("options")
    for raw_option in raw_options if isinstance(raw_options, list) else []:
        option = raw_option if isinstance(raw_option, dict) else {}
        o_id = _plain(option.get("id"))
        o_text = _text(option.get("text"))
        points = option.get("points")
        if not o_id or o_text is None:
            problems.append(
                questionnaire_problem(
                    QT_TRANSLATE_NOOP(
                        "domain", "An answer of question {question} has no id or no Chinese text."
                    ),
                    question=name,
                )
            )
            continue
        if o_id in option_ids:
            problems.append(
                questionnaire_problem(
                    QT_TRANSLATE_NOOP(
                        "domain", "Question {question} has the answer id {option} twice."
                    ),
                    question=name,
                    option=o_id,
                )
            )
        option_ids.add(o_id)
        if isinstance(points, bool) or not isinstance(points, int) or points < 0:
            problems.append(
                questionnaire_problem(
                    QT_TRANSLATE_NOOP(
                        "domain",
                        "Answer {option} of question {question} needs whole points, 0 or more.",
                    ),
                    question=name,
                    option=o_id,
                )
            )
            continue
        cap = None
        if option.get("cap") is not None:
            cap = _level(option.get("cap"))
            if cap is None:
                problems.append(
                    questionnaire_problem(
                        QT_TRANSLATE_NOOP(
                            "domain",
                            "Answer {option} of question {question} caps the level at "
                            "C1 to C5, not {cap}.",
                        ),
                        question=name,
                        option=o_id,
                        cap=option.get("cap"),
                    )
                )
                continue
        options.append(Option(o_id, o_text, points, cap))
    if len(options) < 2 and len(problems) == found:
        problems.append(
            questionnaire_problem(
                QT_TRANSLATE_NOOP("domain", "Question {question} needs at least two answers."),
                question=name,
            )
        )
    if len(problems) > found:
        return None
    return Question(q_id, number, module, text, tuple(options), tuple(covers))


def _plain(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _text(value: object) -> Text | None:
    """``{"zh": …, "en": …}`` or a plain Chinese string; None without Chinese text."""
    if isinstance(value, str):
        return Text(value.strip()) if value.strip() else None
    if isinstance(value, dict):
        zh, en = _plain(value.get("zh")), _plain(value.get("en"))
        return Text(zh, en) if zh else None
    return None


# ---------------------------------------------------------------- scoring

Answers = Mapping[str, str] | Iterable[tuple[str, str]]


def answer_problems(questionnaire: Questionnaire, answers: Answers) -> list[Problem]:
    """Why *answers* (question id → option id, or pairs) cannot be scored: a question
    not answered, answered twice, an unknown question or answer. Empty when they can."""
    pairs = list(answers.items() if isinstance(answers, Mapping) else answers)
    problems: list[Problem] = []
    counted: dict[str, int] = {}
    for question_id, option_id in pairs:
        question = questionnaire.question(question_id)
        if question is None:
            problems.append(
                Problem(
                    "answers",
                    QT_TRANSLATE_NOOP("domain", "There is no question {question}."),
                    {"question": question_id},
                )
            )
            continue
        counted[question_id] = counted.get(question_id, 0) + 1
        if question.option(option_id) is None:
            problems.append(
                Problem(
                    question_id,
                    QT_TRANSLATE_NOOP("domain", "Question {number} has no answer {option}."),
                    {"number": question.number, "option": option_id},
                )
            )
    for question in questionnaire.questions:
        times = counted.get(question.id, 0)
        if times == 0:
            problems.append(
                Problem(
                    question.id,
                    QT_TRANSLATE_NOOP("domain", "Question {number} is not answered."),
                    {"number": question.number},
                )
            )
        elif times > 1:
            problems.append(
                Problem(
                    question.id,
                    QT_TRANSLATE_NOOP("domain", "Question {number} is answered more than once."),
                    {"number": question.number},
                )
            )
    return problems


def score(questionnaire: Questionnaire, answers: Answers) -> int:
    """The points of *answers*, every question answered exactly once; raises
    :class:`ValidationError` naming each question that is not."""
    pairs = list(answers.items() if isinstance(answers, Mapping) else answers)
    problems = answer_problems(questionnaire, pairs)
    if problems:
        raise ValidationError(problems)
    return sum(questionnaire.question(q).option(o).points for q, o in pairs)


def points_so_far(questionnaire: Questionnaire, answers: Mapping[str, str]) -> int:
    """The points of the questions answered until now (a form's running total)."""
    total = 0
    for question_id, option_id in answers.items():
        question = questionnaire.question(question_id)
        option = question.option(option_id) if question else None
        total += option.points if option else 0
    return total


def answers_for_score(questionnaire: Questionnaire, target: int) -> dict[str, str] | None:
    """Answers that score exactly *target* (the demo's), or None when none do."""
    # reachable[i][s]: an option of question i leading to a total s from the first i.
    questions = questionnaire.questions
    reachable: list[dict[int, tuple[int, str]]] = [{0: (0, "")}]
    for question in questions:
        step: dict[int, tuple[int, str]] = {}
        for total in reachable[-1]:
            for option in question.options:
                step.setdefault(total + option.points, (total, option.id))
        reachable.append(step)
    if target not in reachable[-1]:
        return None
    answers: dict[str, str] = {}
    total = target
    for index in range(len(questions), 0, -1):
        previous, option_id = reachable[index][total]
        answers[questions[index - 1].id] = option_id
        total = previous
    return {q.id: answers[q.id] for q in questions}


# ---------------------------------------------------------------- validity


def valid_until(assessed_on: dt.date) -> dt.date:
    """The last day an assessment made on *assessed_on* is valid: one year, i.e. the
    day before its anniversary (2026-11-27 → 2027-11-26). The anniversary of 29 February
    in a year without one is 1 March, so 2028-02-29 → 2029-02-28."""
    year = assessed_on.year + VALID_YEARS
    try:
        anniversary = assessed_on.replace(year=year)
    except ValueError:  # 29 February, and the year has none
        anniversary = dt.date(year, 3, 1)
    return anniversary - dt.timedelta(days=1)


class AssessmentState(Enum):
    """How a client's latest assessment stands today (colour is never the only sign:
    each state has its own words)."""

    VALID = "valid"
    EXPIRING = "expiring"  # valid, but for EXPIRING_WITHIN_DAYS days at most
    EXPIRED = "expired"
    MISSING = "missing"

    @property
    def is_valid(self) -> bool:
        """May wealth products be sold on it (DESIGN.md: not when expired or missing)?"""
        return self in (AssessmentState.VALID, AssessmentState.EXPIRING)

    @property
    def label(self) -> str:
        return {
            "valid": QT_TRANSLATE_NOOP("domain", "Valid"),
            "expiring": QT_TRANSLATE_NOOP("domain", "Expires soon"),
            "expired": QT_TRANSLATE_NOOP("domain", "Expired"),
            "missing": QT_TRANSLATE_NOOP("domain", "No assessment"),
        }[self.value]


def days_left(until: dt.date, today: dt.date) -> int:
    """Days from *today* to the last valid day: 0 on that day, negative after it."""
    return (until - today).days


def assessment_state(
    until: dt.date | None, today: dt.date, within_days: int = EXPIRING_WITHIN_DAYS
) -> AssessmentState:
    """VALID; EXPIRING from *within_days* days before the last valid day to that day;
    EXPIRED after it; MISSING without an assessment (*until* None)."""
    if until is None:
        return AssessmentState.MISSING
    left = days_left(until, today)
    if left < 0:
        return AssessmentState.EXPIRED
    if left <= within_days:
        return AssessmentState.EXPIRING
    return AssessmentState.VALID


__all__ = [
    "EXPIRING_WITHIN_DAYS",
    "MAX_SCORE",
    "QUESTION_COUNT",
    "REQUIRED_CONTENT",
    "AgeCap",
    "Assessment",
    "AssessmentState",
    "Module",
    "Option",
    "Question",
    "Questionnaire",
    "RiskLevel",
    "RiskModule",
    "Text",
    "answer_problems",
    "answers_for_score",
    "assess",
    "assessment_state",
    "days_left",
    "level_for_score",
    "parse_questionnaire",
    "points_so_far",
    "score",
    "valid_until",
]
