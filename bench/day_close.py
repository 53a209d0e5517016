"""Day close benchmark: a busy day's summary gathered and written as the PDF, against a
bare reportlab document holding the same tables as plain text."""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import time
from pathlib import Path

from harness import ACTOR, Figure, Goal, Run, benchmark, median, unavailable

GOAL_S = 1.0
DAY = dt.date(2026, 11, 27)
SIZES = {False: (300, 150, 300), True: (300, 150, 300)}  # visits, sales, calls
ROUNDS = {False: 7, True: 3}


def _busy_day(database: Path, visits: int, sales_count: int, calls: int) -> None:
    """The day made through the services with the clock set at each step."""
    from wealthdesk import db
    from wealthdesk.db.connection import sqlite_url

    db.connect(sqlite_url(database), database.parent / "backups")
    rng = random.Random(7)
    people, catalogue = _book(DAY, visits)
    _make_day(DAY, rng, people, catalogue, sales_count, calls)


def _qualify_desk(desk: str) -> None:
    """The desk's manager holds every sales qualification (the sale gate asks)."""
    from wealthdesk.domain.settings import QUALIFICATION_KEYS
    from wealthdesk.services import settings

    settings.save(
        {key: "2020-01-01 2099-12-31" for key in QUALIFICATION_KEYS.values()}, desk, ACTOR
    )


def _at(day: dt.date, minutes: float) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(9, 0)).astimezone() + dt.timedelta(minutes=minutes)


def _book(day: dt.date, visits: int) -> tuple[list[int], list[int]]:
    """*visits* clients with a valid assessment and a catalogue of five products, made
    the hour before *day* opens."""
    from wealthdesk.db.models import RiskAssessment
    from wealthdesk.domain.client import ClientDraft, ProductFamily
    from wealthdesk.domain.product import ProductDraft
    from wealthdesk.services import clients, clock, products

    with clock.at(_at(day, -60)):
        names = ("张" + chr(0x5E00 + n // 50) + chr(0x6000 + n % 50) for n in range(visits))
        # Born in 1980 (a sale of an investment product needs the client's age on record).
        people = [
            clients.create_client(ClientDraft(name=name, birth_date=dt.date(1980, 5, 1)), ACTOR).id
            for name in names
        ]
        _qualify_desk("1")
        for cid in people:
            RiskAssessment.create(
                client=cid, assessed_on=dt.date(2026, 6, 1), valid_until=dt.date(2027, 5, 31),
                score=90, level=5, created_at=dt.datetime(2026, 6, 1),
            )  # fmt: skip
        catalogue = [
            products.create_product(
                ProductDraft(code=f"P{n}", name=f"产品{n}", family=family, risk_rating=rating),
                ACTOR,
            ).id
            for n, (family, rating) in enumerate(
                [
                    (ProductFamily.WEALTH, 2),
                    (ProductFamily.WEALTH, 3),
                    (ProductFamily.INTERMEDIARY, 3),
                    (ProductFamily.LIABILITY, None),
                    (ProductFamily.CARD, None),
                ]
            )
        ]
    return people, catalogue


def _make_day(
    day: dt.date,
    rng: random.Random,
    people: list[int],
    catalogue: list[int],
    sales_count: int,
    calls: int,
) -> None:
    """A busy *day*: each of *people* a visitor over eight hours, served for a while at
    desk 1; *sales_count* sales to some of them and *calls* care calls."""
    from wealthdesk.domain.care import CallOutcome
    from wealthdesk.domain.queue import ServiceOutcome, VisitKind
    from wealthdesk.services import care, clock, queue, sales

    def at(minutes: float) -> dt.datetime:
        return _at(day, minutes)

    outcomes = [o.value for o in ServiceOutcome if o is not ServiceOutcome.NOT_FILED]
    minute = 0.0
    served = []
    for n, cid in enumerate(people):
        minute += rng.uniform(0.5, 2.6)
        with clock.at(at(minute)):
            visit = queue.check_in(queue.CheckIn(VisitKind.WALK_IN, client_id=cid), ACTOR)
        with clock.at(at(minute + rng.uniform(0, 25))):
            queue.call(visit.id, "1", ACTOR)
            queue.start_service(visit.id, ACTOR)
        with clock.at(at(minute + 25 + rng.uniform(5, 30))):
            queue.finish(visit.id, rng.choice(outcomes), ACTOR)
        served.append((cid, visit.id, minute + 40))
        if n % 50 == 49:
            minute += 5
    for cid, visit_id, when in rng.sample(served, sales_count):
        product = rng.choice(catalogue)
        with clock.at(at(when)):
            sales.record_sale(
                sales.SaleDraft(cid, product, rng.randrange(1, 500) * 1_000_000,
                                visit_id=visit_id, recording_ref=f"SL{visit_id:08d}"),
                ACTOR, "1",
            )  # fmt: skip
    others = [o for o in CallOutcome if o is not CallOutcome.CALL_BACK]
    for n in range(calls):
        outcome = CallOutcome.CALL_BACK if n % 10 == 0 else rng.choice(others)
        with clock.at(at(n * 1.6)):
            care.log_call(
                outcome, ACTOR, "1", client_id=rng.choice(people),
                duration_minutes=rng.randrange(0, 8),
                call_back_at=at(24 * 60) if n % 10 == 0 else None,
            )  # fmt: skip


@benchmark("day_close_pdf")
def day_close_pdf(run: Run) -> list[Figure]:
    from wealthdesk import db
    from wealthdesk.reports import day_close as report
    from wealthdesk.reports.fonts import FontError, cjk_font
    from wealthdesk.services import clock, day_close

    goals = (Goal("value", "<=", GOAL_S),)
    try:
        font = cjk_font()
    except FontError as exc:
        return [unavailable("day_close_pdf", "s", exc.render(), goals)]
    visits, sales_count, calls = SIZES[run.quick]
    folder = run.folder("day_close")
    began = time.perf_counter()
    _busy_day(folder / "day.sqlite3", visits, sales_count, calls)
    made_in = time.perf_counter() - began
    target, bare_target = folder / "close.pdf", folder / "bare.pdf"
    samples, bare, gathered = [], [], []
    try:
        with clock.at(dt.datetime.combine(DAY, dt.time(18, 0)).astimezone()):
            for _ in range(ROUNDS[run.quick]):  # interleaved: a busy moment slows both
                began = time.perf_counter()
                summary = day_close.summary(DAY, "1")
                middle = time.perf_counter()
                report.day_close_pdf(target, summary, font)
                samples.append(time.perf_counter() - began)
                gathered.append(middle - began)
                began = time.perf_counter()
                _bare_document(bare_target, summary, font)
                bare.append(time.perf_counter() - began)
    finally:
        db.close()
    from pypdf import PdfReader

    page_count = len(PdfReader(target).pages)
    value, floor = median(samples), median(bare)
    return [
        Figure(
            "day_close_pdf",
            value,
            "s",
            baseline=floor,
            ratio=value / floor,
            goals=goals,
            note=(
                f"median of {len(samples)}: day_close.summary() then reports.day_close."
                f"day_close_pdf() of a busy day on SQLite ({visits} visits served at desk 1, "
                f"{sales_count} sales, {calls} care calls, made through the services with the "
                f"clock set in {made_in:.0f} s), {page_count} A4 pages written to a file; "
                f"gathering the figures took {median(gathered) * 1000:.0f} ms of it; baseline: "
                "a bare reportlab SimpleDocTemplate with the same visits and sales tables as "
                f"plain text cells in the same embedded font ({font.path.name}), interleaved"
            ),
        )
    ]


def _bare_document(target: Path, summary, font) -> None:
    """The same tables as plain strings: no styles, charts, header or page numbers."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    visits = [
        [r.ticket, r.masked_name, r.desk, str(r.arrived_at), str(r.called_at),
         str(r.finished_at), str(r.wait), str(r.service), r.outcome]
        for r in summary.visits
    ]  # fmt: skip
    sold = [
        [str(r.signed_at), r.masked_name, r.product_code, r.family.value, str(r.amount_fen)]
        for r in summary.sales.sales
    ]
    plain = TableStyle([("FONTNAME", (0, 0), (-1, -1), font.name)])
    story = [Table(rows, style=plain) for rows in (visits, sold) if rows]
    SimpleDocTemplate(str(target), pagesize=A4, initialFontName=font.name).build(story)


# ---------------------------------------------------------------- a month

MONTH = dt.date(2026, 12, 1)  # 23 working days: the first 22 busy, the last quiet
MONTH_GOAL_S = 5.0
BUSY_DAYS = 22
MONTH_ROUNDS = {False: 5, True: 3}


def _busy_month(run: Run) -> tuple[Path, list[dt.date], float | None]:
    """The database of 22 busy working days of MONTH (each as ``day_close_pdf``'s day),
    made through the services once (about a minute) and cached in ``bench/.cache/`` by
    size and schema version. Returns it, the busy days and how long making it took (None
    when it came from the cache)."""
    from harness import CACHE, say

    from wealthdesk import db
    from wealthdesk.db.connection import database, sqlite_url
    from wealthdesk.db.migrations import LATEST_VERSION
    from wealthdesk.domain.calendar import WorkingCalendar

    visits, sales_count, calls = SIZES[run.quick]
    stem = f"month-close-{BUSY_DAYS}x{visits}-{sales_count}-{calls}-seed7"
    path = CACHE / f"{stem}-schema{LATEST_VERSION}.sqlite3"
    calendar = WorkingCalendar()  # no closed days of the branch's own
    last = (MONTH + dt.timedelta(days=32)).replace(day=1)
    month = [MONTH + dt.timedelta(days=n) for n in range((last - MONTH).days)]
    days = [day for day in month if calendar.is_working_day(day)][:BUSY_DAYS]
    if path.exists():
        return path, days, None
    CACHE.mkdir(parents=True, exist_ok=True)
    for stale in CACHE.glob(f"{stem}-schema*.sqlite3"):
        stale.unlink()  # made by an older schema
    partial = CACHE / f"{stem}.{os.getpid()}.building"
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    say(f"making {BUSY_DAYS} busy days through the services (cached in bench/.cache/ afterwards)")
    began = time.perf_counter()
    db.connect(sqlite_url(partial), run.folder("month_backups"))
    try:
        rng = random.Random(7)
        people, catalogue = _book(days[0], visits)
        for number, day in enumerate(days, start=1):
            _make_day(day, rng, people, catalogue, sales_count, calls)
            if number % 5 == 0:
                say(f"  {number} of {BUSY_DAYS} days, {time.perf_counter() - began:.0f} s")
        database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    partial.replace(path)
    Path(f"{partial}-wal").unlink(missing_ok=True)
    Path(f"{partial}-shm").unlink(missing_ok=True)
    return path, days, time.perf_counter() - began


@benchmark("month_close_pdf")
def month_close_pdf(run: Run) -> list[Figure]:
    from wealthdesk import db
    from wealthdesk.db.connection import sqlite_url
    from wealthdesk.reports import day_close as report
    from wealthdesk.reports.fonts import FontError, cjk_font
    from wealthdesk.services import clock, day_close

    goals = (Goal("value", "<=", MONTH_GOAL_S),)
    try:
        font = cjk_font()
    except FontError as exc:
        return [unavailable("month_close_pdf", "s", exc.render(), goals)]
    cached, days, made_in = _busy_month(run)
    folder = run.folder("month_close")
    copy = folder / "month.sqlite3"
    shutil.copyfile(cached, copy)
    first, last = day_close.month_of(MONTH)
    target, day_target = folder / "month.pdf", folder / "day.pdf"
    samples, day_samples, gathered = [], [], []
    db.connect(sqlite_url(copy), folder / "backups")
    try:
        with clock.at(dt.datetime.combine(last, dt.time(18, 0)).astimezone()):
            for _ in range(MONTH_ROUNDS[run.quick]):  # interleaved with one day's close
                began = time.perf_counter()
                summary = day_close.period_summary(first, last, "1")
                middle = time.perf_counter()
                report.period_close_pdf(target, summary, font)
                samples.append(time.perf_counter() - began)
                gathered.append(middle - began)
                began = time.perf_counter()
                report.day_close_pdf(day_target, day_close.summary(days[0], "1"), font)
                day_samples.append(time.perf_counter() - began)
    finally:
        db.close()
    from pypdf import PdfReader

    page_count = len(PdfReader(target).pages)
    value, floor = median(samples), median(day_samples)
    made = f"made through the services in {made_in:.0f} s" if made_in is not None else "cached"
    visits, sales_count, calls = SIZES[run.quick]
    return [
        Figure(
            "month_close_pdf",
            value,
            "s",
            baseline=floor,
            ratio=value / floor,
            goals=goals,
            note=(
                f"median of {len(samples)}: day_close.period_summary() then reports.day_close."
                f"period_close_pdf() of {MONTH:%Y-%m} on SQLite: {len(days)} busy working days "
                f"({visits} visits served at desk 1, {sales_count} sales, {calls} care calls "
                f"each; {summary.visitors.arrived} visits in all; {made}), {page_count} A4 "
                f"pages written to a file; gathering the figures took "
                f"{median(gathered) * 1000:.0f} ms of it; baseline: one of those days' "
                "day_close.summary() and day_close_pdf(), interleaved"
            ),
        )
    ]
