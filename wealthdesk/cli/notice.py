"""``notice lunch|away|closed|text …``: the door notice written as a PDF, printed, or both."""

from __future__ import annotations

import argparse
import sys

from .common import (
    EXIT_OK,
    EXIT_USAGE,
    actor_name,
    cannot_write,
    print_document,
    say,
    where_to,
)

# What a notice draft's fields are called on the command line, for naming them in a refusal.
_NOTICE_OPTIONS = {
    "start": "--from",
    "until": "--until",
    "back": "--back",
    "phone": "--phone",
    "reason": "--reason",
    "text": "--text",
    "qr": "--qr",
}


def write_notice(args: argparse.Namespace) -> int:
    """Write the door notice; nothing is written, and nothing logged, when it is refused."""
    from dataclasses import replace

    from .. import local_settings
    from ..domain.desk import return_time_problem
    from ..domain.errors import PROBLEM_SEPARATOR, DomainError
    from ..domain.notice import ClosedReason, NoticeKind, Orientation
    from ..i18n import translate
    from ..private_files import write_atomically
    from ..reports.fonts import cjk_font
    from ..reports.notice import render_notice
    from ..services import clock, notices

    desk = str(args.desk or local_settings.get("desk_number") or "1")
    kind = NoticeKind(args.notice_kind)
    draft = notices.draft_for(kind, desk)
    changes: dict[str, object] = {}
    if args.phone is not None:
        changes["phone"] = args.phone
    if args.notice_lang:
        changes["english"] = args.notice_lang == "en"
    if args.qr is not None:
        changes["qr"] = args.qr
    if args.orientation:
        changes["orientation"] = Orientation(args.orientation)
    for option in ("start", "until", "back"):
        if getattr(args, option, None) is not None:
            changes[option] = getattr(args, option)
    if kind is NoticeKind.CLOSED:
        # 培训, "meeting" or 已下班 is the reason itself; anything else is the reason in words.
        because = ClosedReason.parse(args.reason) if args.reason.strip() else ClosedReason.CLOSED
        if because is not None:
            changes.update(closed_reason=because, reason="")
        else:
            changes.update(closed_reason=ClosedReason.CLOSED, reason=args.reason)
    if kind is NoticeKind.TEXT:
        changes["text"] = "\n".join(args.text)
    draft = replace(draft, **changes)

    nowhere = where_to(args)
    if nowhere:  # a usage error, said as argparse says its own
        say(f"wealthdesk: error: {nowhere}", file=sys.stderr)
        return EXIT_USAGE
    if kind in (NoticeKind.AWAY, NoticeKind.CLOSED) and args.back is not None:
        # The rule the window follows: a return time that has passed is refused.
        late = return_time_problem(f"{args.back:%H:%M}", clock.now(), "back")
        if late is not None:
            say(f"wealthdesk: --back: {late.render(translate)}", file=sys.stderr)
            return EXIT_USAGE
    try:
        font = cjk_font(str(local_settings.get("pdf_font_path") or ""))
        data = render_notice(draft, font)
        if args.out is not None:
            with notices.recording(kind, "saved", actor_name(), desk, draft.closed_reason):
                write_atomically(args.out, data)
    except DomainError as exc:
        separator = translate("domain", PROBLEM_SEPARATOR)
        reasons = separator.join(
            (f"{_NOTICE_OPTIONS[p.field]}: " if p.field in _NOTICE_OPTIONS else "")
            + p.render(translate)
            for p in exc.problems
        )
        say(f"wealthdesk: {reasons}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        return cannot_write(args.out, exc)
    if args.out is not None:
        say(translate("cli", "notice saved: {path}").format(path=args.out))
    if not args.print_it:
        return EXIT_OK
    title = translate("cli", "Door notice")
    status, outcome = print_document(data, title, args.printer)
    if outcome.printed:  # only a job the printer took is logged as printed
        notices.record(kind, "printed", actor_name(), desk, draft.closed_reason)
    return status
