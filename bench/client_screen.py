"""The client screen's benchmark: clearing a fully loaded screen when a service ends, the
desk is locked or left idle, against clearing the same number of bare Qt editors."""

from __future__ import annotations

import os
import statistics
import time

from harness import ACTOR, Figure, Goal, Run, benchmark, p95, say

CLEAR_GOAL_MS = 50.0
REPEATS = 60


def _bare_clear_ms(editors: int, count: int) -> list[float]:
    """The floor: emptying *editors* plain QLineEdits (with setText, as the app does) and
    two QPlainTextEdits with their undo stacks, in a shown window."""
    from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

    window = QWidget()
    column = QVBoxLayout(window)
    lines = [QLineEdit() for _ in range(editors)]
    texts = [QPlainTextEdit() for _ in range(2)]
    for widget in (*lines, *texts):
        column.addWidget(widget)
    window.show()
    samples = []
    for _ in range(count):
        for line in lines:
            line.setText("钱多多 13912345678")
        for text in texts:
            text.setPlainText("想了解养老规划和子女教育金")
        QApplication.processEvents()
        start = time.perf_counter()
        for line in lines:
            line.setText("")
        for text in texts:
            text.clear()
            text.document().clearUndoRedoStacks()
        QApplication.processEvents()
        samples.append((time.perf_counter() - start) * 1000)
    window.close()
    return samples


@benchmark("clear_client")
def clear_client(run: Run) -> list[Figure]:
    home = run.folder("clear-home")
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["HOME"] = str(home)
    os.environ["XDG_CONFIG_HOME"] = str(home / ".config")
    os.environ["XDG_DATA_HOME"] = str(home / ".local/share")
    import argparse

    from PySide6.QtWidgets import QApplication, QLineEdit

    from wealthdesk.db.connection import sqlite_url
    from wealthdesk.domain.client import ClientDraft, Horizon, IncomeBand, MaritalStatus, Tier
    from wealthdesk.services import clients, queue
    from wealthdesk.ui import application, interaction

    os.environ["WEALTHDESK_HEADLESS"] = "1"
    application.create_application()
    path = run.database_copy(run.sizes.queue_clients, "clear")
    window = application.open_window(
        argparse.Namespace(db=sqlite_url(path), lang="zh_CN", desk="1")
    )
    interaction.ask_unsaved = lambda parent: interaction.UnsavedChoice.DISCARD
    draft = ClientDraft(
        name="钱多多",
        mobile="13912345678",
        id_number="11010519491231002X",
        tier=Tier.GOLD,
        occupation="工程师",
        marital_status=MaritalStatus.MARRIED,
        dependants=2,
        income_band=IncomeBand.FROM_300K,
        horizon=Horizon.LONG,
        training_needs="想了解养老规划和子女教育金",
        personal_needs="每月固定定投",
        consent_data=True,
    )
    client_id = clients.create_client(draft, ACTOR).id
    say(f"   {REPEATS} times: call, open the client with both numbers shown, clear")
    samples = []
    for _ in range(REPEATS):
        queue.check_in(queue.CheckIn(client_id=client_id, notes="带了两份合同原件"), ACTOR)
        window.queue_page.refresh()
        window.session.call_next_action.trigger()
        window.session.start_action.trigger()
        form = window.service_page.form
        form.reveal("mobile")
        form.reveal("id_number")
        window.clients_page.search.setText("qdd")
        window.clients_page.run_search()
        window.clients_page.open_client(client_id)
        QApplication.processEvents()
        start = time.perf_counter()
        window.clear_client()
        QApplication.processEvents()
        samples.append((time.perf_counter() - start) * 1000)
        visit = window.session.current
        queue.finish(visit.id, "advised", ACTOR)
        window.session.reload()
    editors = len(window.findChildren(QLineEdit))
    window.close()
    bare = _bare_clear_ms(editors, REPEATS)
    value, floor = p95(samples), p95(bare)
    return [
        Figure(
            "clear_client",
            value,
            "ms",
            baseline=floor,
            ratio=value / floor if floor else None,
            goals=(Goal("value", "<=", CLEAR_GOAL_MS),),
            note=(
                f"p95 of {len(samples)} clears of the whole window (client screen with both "
                f"numbers shown, the client book's search and form, the check-in box); "
                f"median {statistics.median(samples):.2f} ms; baseline: emptying "
                f"{editors} bare QLineEdits and 2 QPlainTextEdits"
            ),
        )
    ]
