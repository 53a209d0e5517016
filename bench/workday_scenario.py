"""A working day at the desk at high speed, in one process: the real main window and the
real services on an SQLite file, the services' clock moved on a minute at a time and the
window's own timers fired as they fire at a desk (issue 9).

Each simulated hour: visitors check in (clients of the book and walk-ins), are called,
served on the client screen (a number revealed, which is audited) and finished through
the end-of-service dialog; the manager steps away once (the away dialog with its door
notice, printed behind the lock: no printer here, so the lock says it did not print),
the screen locks itself once after the idle timeout, and each lock is opened with the
PIN after one wrong try; the pages are visited. After the last hour, the day close
(the closing-time export: PDF and CSV files) is written.

The memory is read at the end of each simulated hour (:class:`HourReading`), after a
garbage collection and the deferred deletes, so that what grows is what stays. The
benchmark (``bench/workday.py``) and a short test (``tests/ui/test_ui_workday.py``)
run the same :func:`simulate_day`.

Only wealthdesk and Qt are needed here (no bench harness): the test imports it.
"""

from __future__ import annotations

import datetime as dt
import gc
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass

START = dt.datetime(2026, 11, 26, 9, 0)  # a Thursday, a working day
PIN = "246813"


@dataclass(frozen=True)
class HourReading:
    hour: int  # 1 … 8
    rss_bytes: int  # resident set size now (not the peak)
    traced_bytes: int  # Python's own allocations still held (tracemalloc), 0 when off
    widgets: int  # QWidget instances alive
    served: int  # visitors finished so far


@dataclass
class DayResult:
    hours: list[HourReading]
    served: int
    locks: int
    wrong_pins: int
    notices: int
    day_close_files: int
    before_close: HourReading | None = None  # hour 8's end before the day close


def rss_bytes() -> int:
    """The process's resident set size now, from /proc (Linux); 0 where there is none."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            pages = int(statm.read().split()[1])
    except (OSError, ValueError, IndexError):
        return 0
    import os

    return pages * os.sysconf("SC_PAGE_SIZE")


class SetClock:
    """The services' clock, moved by the scenario."""

    def __init__(self, start: dt.datetime):
        self.now = start.astimezone()

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, minutes: float) -> None:
        self.now += dt.timedelta(minutes=minutes)


class Headless:
    """Every prompt of ``ui/interaction.py`` answered as a manager going through the day
    answers it: dialogs accepted by a handler for their type, confirmations yes."""

    def __init__(self) -> None:
        from wealthdesk.ui import interaction

        self.interaction = interaction
        self.saved = {
            name: getattr(interaction, name)
            for name in (
                "run_dialog",
                "confirm",
                "choose",
                "info",
                "warn",
                "error",
                "explain",
                "choose_printer",
                "ask_unsaved",
            )
            if hasattr(interaction, name)
        }
        self.handlers: dict[str, Callable] = {}
        self.prompts: list[str] = []

    def __enter__(self) -> Headless:
        from PySide6.QtWidgets import QDialog

        def run_dialog(dialog) -> int:
            handler = self.handlers.get(type(dialog).__name__)
            self.prompts.append(type(dialog).__name__)
            if handler is None:
                return QDialog.DialogCode.Rejected
            handler(dialog)
            return dialog.result()

        def said(kind):
            return lambda *args, **kwargs: self.prompts.append(kind)

        it = self.interaction
        it.run_dialog = run_dialog
        it.confirm = lambda *args, **kwargs: True
        it.choose = lambda *args, **kwargs: "keep"  # stepping away: "let them wait"
        it.choose_printer = lambda *args, **kwargs: False  # no printer at this desk
        it.ask_unsaved = lambda *args, **kwargs: it.UnsavedChoice.DISCARD
        for kind in ("info", "warn", "error", "explain"):
            if kind in self.saved:
                setattr(it, kind, said(kind))
        return self

    def __exit__(self, *exc) -> None:
        for name, function in self.saved.items():
            setattr(self.interaction, name, function)


def _finish(dialog) -> None:
    from wealthdesk.domain.queue import ServiceOutcome

    for box in dialog.checks.values():
        box.setChecked(True)
    dialog.outcome.setCurrentIndex(dialog.outcome.findData(ServiceOutcome.ADVISED.value))
    dialog.accept()


def settle() -> None:
    """Run what is queued, delete what was let go, collect the garbage."""
    from PySide6.QtCore import QCoreApplication, QEvent

    for _ in range(2):
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def reading(hour: int, served: int) -> HourReading:
    from PySide6.QtWidgets import QApplication

    settle()
    traced = tracemalloc.get_traced_memory()[0] if tracemalloc.is_tracing() else 0
    return HourReading(hour, rss_bytes(), traced, len(QApplication.allWidgets()), served)


def prepare_book(clients_count: int = 40) -> list[int]:
    """Clients of the book who come in during the day, and the desk's settings: a PIN,
    closing at 17:00 (the closing-time export), the queue kept open at closing time."""
    from wealthdesk.domain.client import ClientDraft, Tier
    from wealthdesk.services import clients

    surnames = "王李张刘陈杨赵黄周吴"
    given = ("伟", "芳", "娜", "敏", "静", "丽", "强", "磊")
    ids = []
    for n in range(clients_count):
        draft = ClientDraft(
            name=surnames[n % 10] + given[n % 8] + ("明" if n % 3 else ""),
            mobile=f"139{n:08d}",
            tier=list(Tier)[n % len(Tier)],
        )
        ids.append(clients.create_client(draft, "setup").id)
    return ids


def simulate_day(
    window,
    clock: SetClock,
    client_ids: list[int],
    *,
    hours: int = 8,
    visitors_per_hour: int = 10,
    on_hour: Callable[[HourReading], None] | None = None,
) -> DayResult:
    """Run *hours* simulated hours on *window* (opened on the clock's day at START)."""
    from wealthdesk.domain.desk import DeskState
    from wealthdesk.domain.errors import ConflictError
    from wealthdesk.services import queue

    session = window.session
    readings: list[HourReading] = []
    served = locks = wrong = notices = 0
    every = max(60 // visitors_per_hour, 1)
    serving_since: dt.datetime | None = None
    arrivals = 0
    files: list = []
    before_close = None

    def tick() -> None:
        window._clock.timeout.emit()
        if window.today_page.isVisible():
            window.today_page.timer.timeout.emit()
        window.idle.check()
        from PySide6.QtCore import QCoreApplication

        QCoreApplication.processEvents()

    def unlock() -> None:
        nonlocal wrong
        lock = window.lock_screen
        lock.monotonic = lambda: clock.now.timestamp()  # waits follow the simulated time
        lock.pin_field.setText("135790")
        lock.try_unlock()
        wrong += 1
        lock.pin_field.setText(PIN)
        lock.try_unlock()
        assert not window.locked, "the PIN did not open the lock"

    def step_away() -> None:
        nonlocal locks

        def away(dialog) -> None:
            nonlocal notices
            dialog.until.setText((clock.now + dt.timedelta(minutes=10)).strftime("%H:%M"))
            if dialog.notice_box is not None:
                dialog.notice_box.setChecked(True)
                notices += 1
            dialog.accept()

        headless.handlers["AwayDialog"] = away
        window.step_away(DeskState.AWAY)
        assert window.locked, "stepping away did not lock the desk"
        locks += 1

    with Headless() as headless:
        headless.handlers["FinishDialog"] = _finish
        for hour in range(1, hours + 1):
            for minute in range(60):
                clock.advance(1)
                if minute % every == 0:  # someone arrives
                    arrivals += 1
                    if arrivals % 3:
                        request = queue.CheckIn(client_id=client_ids[arrivals % len(client_ids)])
                    else:
                        request = queue.CheckIn(walk_in_name=f"访客{arrivals}")
                    try:
                        window.queue.check_in(request)
                    except ConflictError:  # still waiting from before: comes as a walk-in
                        window.queue.check_in(queue.CheckIn(walk_in_name=f"访客{arrivals}"))
                if window.locked:
                    pass
                elif session.current is not None and serving_since is not None:
                    long_enough = dt.timedelta(minutes=max(every - 1, 1))
                    if clock.now - serving_since >= long_enough and session.finish_service():
                        served += 1
                        serving_since = None
                elif minute < 40 and session.current is None:
                    window.go_to_key("queue")
                    session.call_next_action.trigger()
                    if session.current is not None:
                        session.start_action.trigger()
                        window.go_to_key("service")
                        form = window.service_page.form
                        if form is not None and session.current.client_id:
                            form.reveal("mobile")
                        serving_since = clock.now
                if minute == 41 and not window.locked:
                    if session.current is not None and session.finish_service():
                        served += 1
                        serving_since = None
                    step_away()
                if minute == 46 and window.locked:
                    unlock()
                    window.go_to_key("today")
                if not 47 < minute < 53:
                    window.idle.touch()  # the manager at work; from 47 on, not a touch
                if minute == 53 and window.locked:  # locked by itself after 5 minutes
                    locks += 1
                    unlock()
                    window.go_to_key("clients")
                    window.clients_page.search.setText("wm")
                    window.clients_page.run_search()
                if minute == 56:
                    window.go_to_key("dayclose")
                tick()
            window.idle.touch()
            if hour == hours:  # closing time: the day close's export
                before_close = reading(hour, served)
                window.go_to_key("dayclose")
                files = window.day_close_page.export_at_closing()
            result = reading(hour, served)
            readings.append(result)
            if on_hour is not None:
                on_hour(result)
    return DayResult(readings, served, locks, wrong, notices, len(files), before_close)
