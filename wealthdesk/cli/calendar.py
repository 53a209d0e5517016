"""``calendar [--month YYYY-MM]`` and ``calendar import FILE.csv``: a month's working
days, or the State Council's schedule for a year loaded."""

from __future__ import annotations

import argparse
import sys

from .common import EXIT_OK, EXIT_USAGE, actor_name


def show_or_load(args: argparse.Namespace) -> int:
    """Print a month's days (the first line says where they come from), or load a
    schedule: every wrong line on stderr and nothing loaded, else what changed."""
    if getattr(args, "calendar_action", None) == "import":
        return _load_schedule(args)
    from ..domain.calendar import SOURCE_LABELS
    from ..i18n import translate
    from ..services import calendar as calendar_service
    from ..services import clock

    first = args.month or clock.today().replace(day=1)
    schedule, days = calendar_service.month(first.year, first.month)
    where = translate("domain", SOURCE_LABELS[schedule.source])
    if schedule.loaded_at is not None:
        where = translate("cli", "the State Council's schedule, loaded {day} by {actor}").format(
            day=schedule.loaded_at.date().isoformat(), actor=schedule.loaded_by
        )
    print(f"{first:%Y-%m}: {where}")
    for status in days:
        print(_day_line(status))
    return EXIT_OK


def _day_line(status, was=None) -> str:
    """``YYYY-MM-DD open|closed [name] [provisional]`` (and what it was before)."""
    from ..i18n import translate

    words = [status.day.isoformat(), "open" if status.open else "closed"]
    if status.label:
        words.append(translate(status.label.context, str(status.label)))
    if status.provisional:
        words.append("provisional")
    if was is not None:
        words.append("(" + _day_line(was).split(" ", 1)[1] + ")")
    return " ".join(words)


def _load_schedule(args: argparse.Namespace) -> int:
    from ..domain.client_csv import CsvFileError
    from ..i18n import translate
    from ..services import calendar as calendar_service

    try:
        preview = calendar_service.load_schedule(args.file, actor_name())
    except CsvFileError as exc:
        named = "path" in exc.problem.params
        where = "" if named else f"{args.file}: "
        print(f"wealthdesk: {where}{exc.problem.render(translate)}", file=sys.stderr)
        return EXIT_USAGE
    except calendar_service.ScheduleRefused as exc:
        schedule = exc.preview.schedule
        for problem in schedule.file_problems:
            print(f"wealthdesk: {args.file}: {problem.render(translate)}", file=sys.stderr)
        for bad in schedule.bad_lines:
            reason = translate("cli", "line {line}: {reason}").format(
                line=bad.line, reason="; ".join(p.render(translate) for p in bad.problems)
            )
            print(f"wealthdesk: {args.file}: {reason}", file=sys.stderr)
        print(
            "wealthdesk: "
            + translate("cli", "nothing loaded: {count} lines are wrong").format(
                count=len(schedule.bad_lines) or 1
            ),
            file=sys.stderr,
        )
        return EXIT_USAGE
    schedule = preview.schedule
    print(
        translate(
            "cli",
            "schedule for {year} loaded: {days} days (replacing {replaced}); {changed} changed",
        ).format(
            year=schedule.year,
            days=len(schedule.days),
            replaced=preview.replaces,
            changed=len(preview.changes),
        )
    )
    for change in preview.changes:
        print(_day_line(change.after, was=change.before))
    return EXIT_OK
