"""``day-close``: the day's summary PDF (and its visits and sales as CSV files), or a
week's or a month's, written, printed, or both."""

from __future__ import annotations

import argparse
import errno
import os
import sys
from pathlib import Path

from .common import (
    EXIT_OK,
    EXIT_USAGE,
    actor_name,
    cannot_write,
    print_document,
    remove,
    say,
    where_to,
)


def write_day_close(args: argparse.Namespace) -> int:
    """Write the day-close PDF (and the CSV files), or a week's or a month's summary;
    nothing is written when refused, and a failure of either leaves neither."""
    from .. import local_settings
    from ..domain.errors import DomainError
    from ..i18n import translate
    from ..private_files import write_atomically
    from ..reports.day_close import (
        day_close_csv_files,
        period_title,
        render_day_close,
        render_period_close,
    )
    from ..reports.fonts import cjk_font
    from ..services import day_close
    from ..services.clock import today

    desk = str(args.desk or local_settings.get("desk_number") or "1")
    nowhere = where_to(args)
    if nowhere:  # a usage error, said as argparse says its own
        say(f"wealthdesk: error: {nowhere}", file=sys.stderr)
        return EXIT_USAGE
    period = None
    if args.week is not None:
        period = day_close.week_of(args.week)
    elif args.month is not None:
        period = day_close.month_of(args.month)
    # A day that has not begun would give a report of nothing that looks like a real one.
    early = day_close.not_begun(*period) if period else day_close.not_begun(args.date or today())
    if early is not None:
        say(f"wealthdesk: {early.render(translate)}", file=sys.stderr)
        return EXIT_USAGE
    if period is not None and args.csv is not None:
        say(
            "wealthdesk: "
            + translate("cli", "--csv writes one day's visits and sales: give --date with it"),
            file=sys.stderr,
        )
        return EXIT_USAGE
    written: list[Path] = []
    target = args.out  # what a failure names: the PDF, or the folder of the CSV files
    try:
        font = cjk_font(str(local_settings.get("pdf_font_path") or ""))
        if period is not None:
            summary = day_close.period_summary(*period, desk)
            data = render_period_close(summary, font, translate)
            title = period_title(summary, translate)
        else:
            summary = day_close.with_audit_check(day_close.summary(args.date, desk))
            data = render_day_close(summary, font, translate)  # before the lock: it takes a while
            title = translate("cli", "Day close {date}").format(date=summary.day.isoformat())
            if args.csv is not None:
                target = args.csv
                if not args.csv.is_dir():
                    code = errno.ENOTDIR if args.csv.exists() else errno.ENOENT
                    raise OSError(code, os.strerror(code), str(args.csv))
                # Audited first: when the audit log cannot take the entry, no file.
                written = day_close.export_day(
                    summary.day,
                    desk,
                    actor_name(),
                    day_close_csv_files(args.csv, summary, translate),
                    None if args.out is None else (args.out, data),
                )
        if args.csv is None and args.out is not None:
            written.append(write_atomically(args.out, data))
    except DomainError as exc:
        remove(written)
        say(f"wealthdesk: {exc.render(translate)}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        remove(written)
        return cannot_write(args.out if exc.filename == str(args.out) else target, exc)
    if args.out is not None:
        say(translate("cli", "day close saved: {path}").format(path=args.out))
    for path in written:
        if path != args.out:
            say(translate("cli", "CSV saved: {path}").format(path=path))
    if not args.print_it:
        return EXIT_OK
    status, outcome = print_document(data, title, args.printer)
    if outcome.printed:
        day_close.record_print(summary.first if period else summary.day, desk, actor_name(), title)
    return status
