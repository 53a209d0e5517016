"""``demo``: a database filled with realistic demo data."""

from __future__ import annotations

import argparse

from .common import EXIT_OK, actor_name, say


def make_demo_data(args: argparse.Namespace) -> int:
    from ..i18n import translate
    from ..services import settings
    from ..services.demo import create_demo_data

    desk = str(args.desk or "1")
    manager = str(settings.get("manager_name", desk))
    report = create_demo_data(args.clients, args.seed, actor_name(), manager, desk, args.days)
    say(translate("cli", "demo visits created: {count}").format(count=report.visits))
    say(translate("cli", "demo appointments created: {count}").format(count=report.appointments))
    say(
        translate(
            "cli",
            "demo profiles created: {assessments} risk assessments, {products} products, "
            "{holdings} holdings, {sales} sales, {calls} care calls",
        ).format(
            assessments=report.assessments,
            products=report.products,
            holdings=report.holdings,
            sales=report.sales,
            calls=report.calls,
        )
    )
    say(translate("cli", "demo clients created: {count}").format(count=report.clients))
    # The same seed makes the same clients; those already in the book are not added again.
    already = args.clients - report.clients
    if already:
        say(
            translate(
                "cli",
                "{count} demo clients of seed {seed} were already in the book; run demo with "
                "another seed (for example --seed {other}) to add new ones.",
            ).format(count=already, seed=args.seed, other=args.seed + 1)
        )
    return EXIT_OK
