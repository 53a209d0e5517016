"""A short working day at high speed through the real window (the benchmark's scenario,
bench/workday_scenario.py, with fewer visitors): it runs to the day close, and nothing
piles up from one hour to the next — no widget, dialog or page left behind (issue 9).
The memory figures are the benchmark's (bench/workday.py), never asserted here."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from workday_scenario import PIN, START, SetClock, prepare_book, simulate_day

from wealthdesk.domain.audit import AuditAction
from wealthdesk.domain.pin import hash_pin
from wealthdesk.services import audit, queue
from wealthdesk.services import clock as service_clock
from wealthdesk.services import desk as desk_service
from wealthdesk.services import settings as settings_service


@pytest.fixture
def day_clock():
    fake = SetClock(START)
    service_clock.set_clock(fake)
    yield fake
    service_clock.set_clock(None)


@pytest.fixture
def desk(day_clock, store):
    settings_service.save(
        {"pin_hash": hash_pin(PIN, n=2**10, p=1), "manager_name": "王经理"}, "1", "setup"
    )
    return prepare_book(12)


def test_an_eight_hour_day_leaves_no_widget_behind_from_hour_to_hour(desk, day_clock, main_window):
    day = simulate_day(main_window, day_clock, desk, hours=8, visitors_per_hour=4)
    first, last = day.hours[0], day.hours[-1]
    assert [r.widgets for r in day.hours] == [first.widgets] * 8, day.hours
    assert last.widgets == first.widgets
    # The day happened: visitors served, locks by stepping away and by the idle timeout,
    # each opened after a wrong PIN, notices, and the closing-time day close.
    assert day.served >= 8 * 3
    assert day.locks == 16 and day.wrong_pins == 16 and day.notices == 8
    assert day.day_close_files >= 1
    assert not desk_service.lock_state("1").locked
    done = [v for v in queue.visits(START.date()) if v.state.value == "done"]
    assert len(done) == day.served
    recorded = [e.action for e in audit.entries(limit=2000)]
    assert recorded.count(AuditAction.DESK_LOCKED) == 16
    assert recorded.count(AuditAction.DAY_CLOSE_EXPORTED) == 1
