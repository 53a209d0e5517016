"""What the data-safety checks cost on a large book: SQLite's quick check (run at every
start and before every backup), the full integrity check it stands in for, and walking
the audit log's chain (audit-verify, the day close)."""

from __future__ import annotations

import sqlite3
import time

from harness import Figure, Run, benchmark

SIZES = {False: 100_000, True: 10_000}


def _timed(path, pragma: str) -> float:
    """Seconds for *pragma* on a cold connection (the file's pages in the OS cache, as
    at a desk's start after the first of the day)."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        began = time.perf_counter()
        verdict = connection.execute(pragma).fetchone()[0]
        spent = time.perf_counter() - began
    finally:
        connection.close()
    if verdict != "ok":
        raise RuntimeError(f"{pragma} on the demo database said {verdict}")
    return spent


@benchmark("integrity_check")
def integrity_check(run: Run) -> list[Figure]:
    from wealthdesk import db
    from wealthdesk.db.connection import sqlite_url
    from wealthdesk.domain.audit import AuditAction
    from wealthdesk.services import audit

    clients = SIZES[run.quick]
    path = run.database_copy(clients, "integrity")
    megabytes = path.stat().st_size / 1e6
    _timed(path, "PRAGMA quick_check(1)")  # warm the OS cache once, as a second start is
    quick = min(_timed(path, "PRAGMA quick_check(1)") for _ in range(3))
    full = min(_timed(path, "PRAGMA integrity_check(1)") for _ in range(2))
    per_million = quick * 1_000_000 / clients

    # The chain: 50,000 entries appended through the service, then verified.
    entries = 50_000 if not run.quick else 5_000
    db.connect(sqlite_url(path), run.folder("backups"))
    try:
        began = time.perf_counter()
        with db.database.atomic():
            for i in range(entries):
                audit.record(AuditAction.DESK_STATE, "bench", None, str(i))
        append_ms = (time.perf_counter() - began) * 1000 / entries
        began = time.perf_counter()
        report = audit.verify_chain()
        verify = time.perf_counter() - began
    finally:
        db.close()
    return [
        Figure(
            "integrity_quick_check",
            quick * 1000,
            "ms",
            baseline=full * 1000,
            ratio=quick / full,
            note=(
                f"PRAGMA quick_check on {clients:,} demo clients ({megabytes:,.0f} MB), best "
                f"of 3, file in the OS cache; baseline: the full integrity_check. Scaled "
                f"linearly to 1,000,000 clients: about {per_million:,.1f} s at every start "
                "and before every backup (the check reads every page once; a cold disk "
                "reads the file first)"
            ),
        ),
        Figure(
            "audit_chain_verify",
            verify * 1000,
            "ms",
            note=(
                f"audit.verify_chain over {report.entries:,} entries (intact: "
                f"{report.intact}); appending one chained entry cost {append_ms:.3f} ms"
            ),
        ),
    ]
