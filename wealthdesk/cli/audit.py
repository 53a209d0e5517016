"""``audit-export`` and ``audit-verify``: the audit log written as CSV for an inspection,
or its chain checked."""

from __future__ import annotations

import argparse
import sys

from .common import EXIT_OK, EXIT_REJECTED, EXIT_USAGE, actor_name, say, system_refused


def export_audit(args: argparse.Namespace) -> int:
    from ..i18n import translate
    from ..services import audit

    if args.first and args.last and args.first > args.last:
        say(
            "wealthdesk: "
            + translate("cli", "--from {first} is after --to {last}").format(
                first=args.first, last=args.last
            ),
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        count = audit.export_csv(args.out, args.first, args.last, actor_name(), translate)
    except OSError as exc:
        return system_refused(args.out, exc)
    say(translate("cli", "audit entries exported: {count}").format(count=count))
    return EXIT_OK


def verify_audit(args: argparse.Namespace | None = None) -> int:
    from ..i18n import translate
    from ..services import audit

    report = audit.verify_chain()
    if report.intact:
        say(audit.chain_verdict(report, translate))
        return EXIT_OK
    say(f"wealthdesk: {audit.chain_verdict(report, translate)}", file=sys.stderr)
    return EXIT_REJECTED
