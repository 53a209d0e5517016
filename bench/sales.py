"""Sales benchmarks: one suitability gate decision, as a pure function and as the sales
service checks a sale on SQLite."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import time

from harness import ACTOR, Figure, Goal, Run, benchmark, median, p95

GATE_GOAL_MS = 1.0
DECISIONS = {False: 50_000, True: 20_000}
SERVICE_CLIENTS = 2_000
SERVICE_CHECKS = {False: 2_000, True: 500}


def _cases(count: int, rng: random.Random) -> list[dict]:
    """Varied decisions: every level and rating, missing, expired and valid assessments,
    ages around 65 and unknown, amounts around the minimum, with and without 双录."""
    from wealthdesk.domain.client import ProductFamily

    today = dt.date(2026, 11, 27)
    families = list(ProductFamily)
    cases = []
    for _ in range(count):
        level = rng.choice((None, 1, 2, 3, 4, 5))
        minimum = rng.choice((0, 100, 1_000_000, 100_000_000))
        cases.append(
            dict(
                family=rng.choice(families),
                rating=rng.choice((None, 1, 2, 3, 4, 5)),
                min_amount_fen=minimum,
                amount_fen=max(0, minimum + rng.randrange(-200, 10_000_000)),
                client_level=level,
                assessment_valid_until=(
                    None if level is None else today + dt.timedelta(days=rng.randrange(-60, 365))
                ),
                today=today,
                birth_date=(
                    None
                    if rng.random() < 0.05
                    else today - dt.timedelta(days=rng.randrange(18 * 365, 90 * 365))
                ),
                recording_ref=rng.choice(("", "SL20261127001")),
                elderly_confirmed=rng.random() < 0.5,
            )
        )
    return cases


@benchmark("suitability")
def suitability(run: Run) -> list[Figure]:
    from wealthdesk.domain.suitability import suitability_problems

    cases = _cases(DECISIONS[run.quick], random.Random(6))
    levels = {n: n for n in range(1, 6)}
    samples, bare, refused = [], [], 0
    perf = time.perf_counter
    for case in cases:
        began = perf()
        problems = suitability_problems(**case)
        samples.append((perf() - began) * 1000)
        refused += bool(problems)
        # The floor: the level check alone, a dict lookup and a comparison.
        began = perf()
        _ok = case["rating"] is None or case["rating"] <= levels.get(case["client_level"], 0)
        bare.append((perf() - began) * 1000)
    value, floor = p95(samples), p95(bare)
    return [
        Figure(
            "suitability",
            value,
            "ms",
            baseline=floor,
            ratio=value / floor,
            goals=(Goal("value", "<=", GATE_GOAL_MS),),
            note=(
                f"p95 of {len(samples):,} gate decisions through suitability_problems (every "
                "family, level and rating, missing, expired and valid assessments, ages "
                f"around 65 and unknown, amounts around the minimum, 双录 or not; {refused:,} "
                f"refused); median {median(samples) * 1000:.1f} µs; baseline: the level "
                "check alone (a dict lookup and a comparison)"
            ),
        ),
        *_service_figure(run),
    ]


def _service_figure(run: Run) -> list[Figure]:
    """check_sale on SQLite: the product, the client and the latest assessment read, then
    the gate; baseline: the same three reads with plain sqlite3."""
    from wealthdesk import db
    from wealthdesk.db.connection import sqlite_url
    from wealthdesk.db.models import RiskAssessment
    from wealthdesk.services import sales
    from wealthdesk.services.demo import create_demo_clients
    from wealthdesk.services.sales import SaleDraft

    path = run.folder("suitability_service") / "wealthdesk.sqlite3"
    db.connect(sqlite_url(path), run.folder("backups"))
    try:
        create_demo_clients(SERVICE_CLIENTS, 7, ACTOR)
        rng = random.Random(7)
        client_ids = list(range(1, SERVICE_CLIENTS + 1))
        sales.create_demo_products_and_sales(rng, [], dt.date.today(), ACTOR)
        today = dt.date.today()
        rows = []
        for cid in client_ids:
            for n in range(rng.randrange(0, 3)):
                on = today - dt.timedelta(days=400 * n + rng.randrange(0, 300))
                rows.append(
                    dict(
                        client=cid,
                        assessed_on=on,
                        valid_until=on + dt.timedelta(days=364),
                        score=50,
                        level=rng.randrange(1, 6),
                        created_at=dt.datetime(2026, 1, 1),
                    )
                )
        RiskAssessment.insert_many(rows).execute()
        product_ids = [p.id for p in sales.catalogue.list_products()]
        picks = [
            (rng.choice(client_ids), rng.choice(product_ids))
            for _ in range(SERVICE_CHECKS[run.quick])
        ]
        samples, bare, refused = [], [], 0
        plain = sqlite3.connect(path)
        perf = time.perf_counter
        for client_id, product_id in picks:
            draft = SaleDraft(client_id, product_id, 5_000_000, recording_ref="SL20261127001")
            began = perf()
            refused += bool(sales.check_sale(draft))
            samples.append((perf() - began) * 1000)
            began = perf()
            plain.execute("SELECT * FROM product WHERE id = ?", (product_id,)).fetchone()
            plain.execute("SELECT * FROM client WHERE id = ?", (client_id,)).fetchone()
            plain.execute(
                "SELECT level, valid_until FROM risk_assessment WHERE client_id = ? "
                "ORDER BY assessed_on DESC, id DESC LIMIT 1",
                (client_id,),
            ).fetchone()
            bare.append((perf() - began) * 1000)
        plain.close()
    finally:
        db.close()
    value, floor = p95(samples), p95(bare)
    return [
        Figure(
            "suitability_service",
            value,
            "ms",
            baseline=floor,
            ratio=value / floor,
            goals=(Goal("value", "<=", GATE_GOAL_MS),),
            note=(
                f"p95 of {len(samples):,} sales.check_sale calls on SQLite ({SERVICE_CLIENTS:,} "
                f"clients, 0-2 assessments each, the demo catalogue; {refused:,} refused): "
                "product, client and latest assessment read, then the gate; baseline: the same "
                "three SELECTs with plain sqlite3"
            ),
        )
    ]
