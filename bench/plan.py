"""Financial plan benchmark: a client's plan with 20 holdings and 10 proposed products
made and written as the PDF, against a bare reportlab document of the same tables."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from harness import ACTOR, Figure, Goal, Run, benchmark, median, unavailable

GOAL_S = 0.5
ROUNDS = {False: 15, True: 5}
WAN = 1_000_000


def _client_with_holdings(database: Path) -> tuple[int, tuple[tuple[int, int], ...]]:
    """A C4 client holding 20 products of every class, and 10 products to propose."""
    from wealthdesk import db
    from wealthdesk.db.connection import sqlite_url
    from wealthdesk.db.models import RiskAssessment
    from wealthdesk.domain.client import ClientDraft, ProductFamily
    from wealthdesk.domain.product import ProductDraft
    from wealthdesk.services import clients, products

    db.connect(sqlite_url(database), database.parent / "backups")
    client = clients.create_client(
        ClientDraft(name="钱多多", mobile="13912345678", id_number="360426199101010071"), ACTOR
    ).id
    RiskAssessment.create(
        client=client, assessed_on=dt.date(2026, 6, 1), valid_until=dt.date(2027, 5, 31),
        score=80, level=4, created_at=dt.datetime(2026, 6, 1),
    )  # fmt: skip
    kinds = [
        (ProductFamily.LIABILITY, None, "定期存款"),
        (ProductFamily.WEALTH, 2, "稳健理财"),
        (ProductFamily.WEALTH, 3, "混合类理财"),
        (ProductFamily.INTERMEDIARY, 4, "股票基金"),
        (ProductFamily.INTERMEDIARY, 2, "年金保险"),  # investment-type insurance: rated
        (ProductFamily.INTERMEDIARY, 3, "积存金"),
    ]
    ids = []
    for n in range(30):
        family, rating, word = kinds[n % len(kinds)]
        draft = ProductDraft(f"P{n:03d}", f"{word}{n}号", family, rating, min_amount_fen=WAN)
        ids.append(products.create_product(draft, ACTOR).id)
    for n in range(20):
        products.add_holding(client, ids[n], (n + 1) * 5 * WAN, dt.date(2026, 1, 5), ACTOR)
    proposals = tuple((ids[20 + n], 2 * WAN) for n in range(10))
    return client, proposals


@benchmark("plan_pdf")
def plan_pdf(run: Run) -> list[Figure]:
    from wealthdesk import db
    from wealthdesk.reports.fonts import FontError, cjk_font
    from wealthdesk.reports.plan import plan_pdf as write_plan
    from wealthdesk.services import clock, plan

    goals = (Goal("value", "<=", GOAL_S),)
    try:
        font = cjk_font()
    except FontError as exc:
        return [unavailable("plan_pdf", "s", exc.render(), goals)]
    folder = run.folder("plan")
    samples, bare = [], []
    try:
        with clock.at(dt.datetime(2026, 12, 7, 10, 0).astimezone()):
            client, proposals = _client_with_holdings(folder / "plan.sqlite3")
            inputs = plan.PlanInputs(new_money_fen=50 * WAN, monthly_spending_fen=2 * WAN,
                                     proposals=proposals)  # fmt: skip
            for _ in range(ROUNDS[run.quick]):  # interleaved: a busy moment slows both
                began = time.perf_counter()
                view = plan.draft_plan(client, inputs)
                write_plan(folder / "plan.pdf", view, font)
                samples.append(time.perf_counter() - began)
                began = time.perf_counter()
                _bare_document(folder / "bare.pdf", view, font)
                bare.append(time.perf_counter() - began)
    finally:
        db.close()
    assert not view.problems, view.problems
    value, floor = median(samples), median(bare)
    return [
        Figure(
            "plan_pdf",
            value,
            "s",
            baseline=floor,
            ratio=value / floor,
            goals=goals,
            note=(
                f"median of {len(samples)}: services.plan.draft_plan() then reports.plan."
                "plan_pdf() of a C4 client with 20 holdings and 10 proposed products on "
                "SQLite (a 30-product catalogue), written to a file; baseline: a bare "
                "reportlab SimpleDocTemplate with the allocation and products tables as plain "
                f"text in the same embedded font ({font.path.name}), interleaved"
            ),
        )
    ]


def _bare_document(target: Path, view, font) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    lines = [
        [line.asset_class.value, str(line.current_fen), str(line.suggested_fen)]
        for line in view.suggestion.lines
    ]
    proposed = [[p.product.code, p.product.name, str(p.amount_fen)] for p in view.proposals]
    plain = TableStyle([("FONTNAME", (0, 0), (-1, -1), font.name)])
    story = [Table(rows, style=plain) for rows in (lines, proposed) if rows]
    SimpleDocTemplate(str(target), pagesize=A4, initialFontName=font.name).build(story)
