"""Crash safety on SQLite: a process killed (SIGKILL) twenty times in the middle of bursts
of check-ins, new clients, sales and edits leaves a database that passes its integrity
check, holds every write the process had reported committed, and nothing half-written."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest

from wealthdesk import db
from wealthdesk.db.connection import sqlite_url
from wealthdesk.domain.client import ProductFamily
from wealthdesk.domain.product import ProductDraft
from wealthdesk.services import products

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

KILLS = 20

# Writes as fast as it can, saying each one only after its transaction returned.
BURST = textwrap.dedent(
    """
    import dataclasses, itertools, sys
    from wealthdesk import db
    from wealthdesk.domain.client import ClientDraft
    from wealthdesk.services import clients, queue, sales
    db.connect(sys.argv[1])
    product = int(sys.argv[2])
    run = sys.argv[3]
    for n in itertools.count():
        visit = queue.check_in(queue.CheckIn(walk_in_name=f"客{run}-{n}"), "lobby")
        print("visit", visit.id, visit.ticket, flush=True)
        name = "客户" + "甲乙丙丁戊己庚辛壬癸"[n % 10]
        client = clients.create_client(ClientDraft(name=name), "crash")
        print("client", client.id, flush=True)
        sale = sales.record_sale(
            sales.SaleDraft(client_id=client.id, product_id=product, amount_fen=100_000),
            "crash", "1",
        )
        print("sale", sale.id, client.id, flush=True)
        record = clients.get_client(client.id)
        edited = dataclasses.replace(record.draft, occupation=f"第{n}次修改")
        clients.update_client(client.id, edited, record.row_version, "crash")
        print("edit", client.id, f"第{n}次修改", flush=True)
    """
)


def test_twenty_kills_mid_burst_lose_nothing_reported_and_leave_nothing_half_done(tmp_path):
    path = tmp_path / "crash.sqlite3"
    url = sqlite_url(path)
    db.connect(url)
    deposit = products.create_product(
        ProductDraft("CK-1Y", "一年定期", ProductFamily.LIABILITY, term_days=365), "setup"
    )
    db.close()
    rng = random.Random(11)
    reported: dict[str, set] = {"visit": set(), "client": set(), "sale": set()}
    tickets: dict[int, str] = {}
    edits: dict[int, str] = {}
    for run in range(KILLS):
        burst = subprocess.Popen(
            [sys.executable, "-c", BURST, url, str(deposit.id), str(run)],
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        )
        # Let it get going (the interpreter and imports first), then kill it mid-write.
        first = burst.stdout.readline()
        assert first, "the burst wrote nothing before the kill"
        time.sleep(rng.uniform(0.05, 0.4))
        burst.send_signal(signal.SIGKILL)
        rest, _ = burst.communicate(timeout=30)
        assert burst.returncode == -signal.SIGKILL
        # A line the kill cut short (no newline yet) was never reported whole: left out.
        *whole, _cut = (first + rest).split("\n")
        for line in whole:
            if not line.strip():
                continue
            kind, *values = line.split()
            if kind in reported:
                reported[kind].add(int(values[0]))
            if kind == "visit":
                tickets[int(values[0])] = values[1]
            if kind == "edit":
                edits[int(values[0])] = values[1]
        with sqlite3.connect(path) as check:
            assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok", run
            assert check.execute("PRAGMA foreign_key_check").fetchall() == [], run

    with sqlite3.connect(path) as stored:
        visits = dict(stored.execute("SELECT id, ticket FROM visit"))
        client_ids = {cid for (cid,) in stored.execute("SELECT id FROM client")}
        sale_clients = dict(stored.execute("SELECT id, client_id FROM sale"))
        half_visits = stored.execute(
            "SELECT count(*) FROM visit WHERE ticket IS NULL OR ticket = ''"
        ).fetchone()[0]
        keyless = stored.execute(
            "SELECT count(*) FROM client c WHERE NOT EXISTS "
            "(SELECT 1 FROM client_search_key k WHERE k.client_id = c.id)"
        ).fetchone()[0]
        holdings = stored.execute("SELECT count(*) FROM holding").fetchone()[0]
        occupations = dict(stored.execute("SELECT id, occupation FROM client"))
    # Every write reported as committed is there, as it was reported.
    assert reported["visit"] <= set(visits)
    assert all(visits[v] == tickets[v] for v in reported["visit"])
    assert reported["client"] <= client_ids
    assert reported["sale"] <= set(sale_clients)
    assert edits and all(occupations[c] == text for c, text in edits.items())
    # Nothing half-written: a visit has its ticket, a sale its client and its holding, a
    # client its search keys; tickets stay unique.
    assert half_visits == 0 and keyless == 0
    assert set(sale_clients.values()) <= client_ids
    assert holdings == len(sale_clients)
    assert len(set(visits.values())) == len(visits)
    assert len(reported["visit"]) >= KILLS  # the bursts did write between the kills
