"""``questionnaire check FILE`` and ``questionnaire score FILE --answers …``: a bank's
risk questionnaire checked, or answers scored on it (no database)."""

from __future__ import annotations

import argparse
import sys

from ..i18n import translate
from .common import EXIT_OK, EXIT_USAGE, printable, say


def check_or_score(args: argparse.Namespace) -> int:
    """Check a questionnaire file, or score answers on it: every problem on its own line
    on stderr and exit 2; else what the form is, or what the answers give."""
    import datetime as dt

    from ..domain.errors import ValidationError
    from ..domain.risk import REQUIRED_CONTENT, RiskLevel, assess
    from ..services.risk import load_questionnaire

    def fail(problems) -> int:
        for problem in problems:
            say(f"wealthdesk: {printable(problem.render(translate))}", file=sys.stderr)
        return EXIT_USAGE

    try:
        form = load_questionnaire(args.file)
    except ValidationError as exc:
        return fail(exc.problems)
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    if args.questionnaire_action == "check":
        say(
            translate(
                "cli", "{key}: {questions} questions in {modules} modules, {total} points"
            ).format(
                key=form.key,
                questions=len(form.questions),
                modules=len(form.modules),
                total=form.max_score,
            )
        )
        for module in form.modules:
            say(f"[{module.id}] {printable(module.title.zh)}")
            for q in module.questions:
                covers = ",".join(q.covers)
                say(
                    f"  {q.number}. ({q.id}) {printable(q.text.zh)}"
                    + (f"  [{covers}]" if covers else "")
                )
                for letter, option in zip(letters, q.options, strict=False):
                    cap = f"  -> {option.cap.code}" if option.cap else ""
                    say(f"     {letter}. {printable(option.text.zh)} ({option.points}){cap}")
        bands = ", ".join(f"{lv.code} {form.band(lv)[0]}-{form.band(lv)[1]}" for lv in RiskLevel)
        say(translate("cli", "bands: {bands}").format(bands=bands))
        knocks = [
            f"{q.number}={letters[i]} -> {o.cap.code}"
            for q in form.questions
            for i, o in enumerate(q.options)
            if o.cap
        ]
        say(translate("cli", "knock-outs: {items}").format(items=", ".join(knocks) or "-"))
        ages = [
            f"{c.from_age}-{c.to_age if c.to_age is not None else ''} -> {c.cap.code}"
            for c in form.age_caps
        ]
        say(translate("cli", "age rules: {items}").format(items=", ".join(ages) or "-"))
        say(translate("cli", "required content: {items}").format(items=", ".join(REQUIRED_CONTENT)))
        return EXIT_OK
    answers, problems = _parse_answers(form, args.answers, letters)
    if problems:
        return fail(problems)
    try:
        result = assess(form, answers, args.birth_date, dt.date.today())
    except ValidationError as exc:
        return fail(exc.problems)
    say(
        translate("cli", "points: {points} of {total} ({band})").format(
            points=result.points, total=form.max_score, band=result.band_level.code
        )
    )
    knocks = [
        f"{q.number}={letters[q.options.index(o)]} -> {o.cap.code}" for q, o in result.knock_outs
    ]
    say(translate("cli", "knock-outs: {items}").format(items=", ".join(knocks) or "-"))
    cap = result.age_cap
    say(
        translate("cli", "age rule: {rule}").format(
            rule=f"{cap.from_age}-{cap.to_age if cap.to_age is not None else ''} -> {cap.cap.code}"
            if cap
            else "-"
        )
    )
    say(
        translate("cli", "level: {level}").format(
            level=f"{result.level.code} {result.level.chinese}"
        )
    )
    return EXIT_OK


def _parse_answers(form, text: str, letters: str):
    """``1=A,2=C`` (the printed number and letter; a question id and option id also do)
    as question id → option id, and a problem for each pair that is not one."""
    from ..domain.errors import QT_TRANSLATE_NOOP, Problem

    answers: dict[str, str] = {}
    problems: list[Problem] = []
    by_number = {str(q.number): q for q in form.questions}
    for pair in filter(None, (p.strip() for p in text.replace("，", ",").split(","))):
        key, _, value = pair.partition("=")
        question = by_number.get(key.strip()) or form.question(key.strip())
        value = value.strip()
        option = None
        if question is not None and value:
            index = letters.find(value.upper()) if len(value) == 1 else -1
            if 0 <= index < len(question.options):
                option = question.options[index]
            else:
                option = question.option(value)
        if question is None or option is None:
            problems.append(
                Problem(
                    "answers",
                    QT_TRANSLATE_NOOP(
                        "domain", "“{pair}” is not a question's number and answer, like 3=B."
                    ),
                    {"pair": pair},
                )
            )
            continue
        if question.id in answers:
            problems.append(
                Problem(
                    "answers",
                    QT_TRANSLATE_NOOP("domain", "Question {number} is answered more than once."),
                    {"number": question.number},
                )
            )
        answers[question.id] = option.id
    return answers, problems
