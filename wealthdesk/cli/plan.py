"""``plan --client N --out F.pdf``: a client's financial plan as a PDF."""

from __future__ import annotations

import argparse
import sys

from .common import EXIT_OK, EXIT_USAGE, actor_name, cannot_write, say


def write_plan(args: argparse.Namespace) -> int:
    """Write client N's plan: the latest saved version, or a fresh suggestion when there
    is none. An unknown client, no valid assessment or a path that cannot be written:
    one line, exit 2, no file; the file written is logged as an export of the client's."""
    from .. import local_settings
    from ..domain.errors import DomainError
    from ..i18n import translate
    from ..reports.fonts import cjk_font
    from ..reports.plan import plan_pdf
    from ..services import clock
    from ..services import plan as plan_service

    desk = str(args.desk or local_settings.get("desk_number") or "1")
    try:
        view = plan_service.plan_for_document(args.client, desk)
        font = cjk_font(str(local_settings.get("pdf_font_path") or ""))
        with plan_service.recording(view.client_id, view.plan_id, "saved", actor_name()):
            plan_pdf(args.out, view, font, clock.now(), translate, args.large_print)
    except DomainError as exc:
        say(f"wealthdesk: {exc.render(translate)}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        return cannot_write(args.out, exc)
    say(translate("cli", "plan saved: {path}").format(path=args.out))
    return EXIT_OK
