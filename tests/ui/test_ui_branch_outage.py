"""A morning on a real PostgreSQL with the server stopped and restarted in the middle:
the desk (locked, its day-close page's minute refresh due), the lobby and the display
read again during the outage and show it calmly (no crash dialog, nothing raised), a
check-in tried meanwhile says the server cannot be reached in the user's language with
none of the driver's English, and once the server is back another desk's call (its own
process) reaches every window by itself."""

from __future__ import annotations

import argparse
import subprocess
import sys
import textwrap

import pytest
from pg_cluster import ThrowawayCluster, _postgres_unavailable

pytestmark = pytest.mark.postgres

DESK_CALLS = textwrap.dedent(
    """
    import sys
    from wealthdesk import db
    from wealthdesk.services import queue
    db.connect(sys.argv[1])
    visit = queue.call_next("2", "m2")
    print(visit.ticket if visit else "")
    """
)


@pytest.fixture(scope="module")
def own_server():
    """A server of this module's own, to stop and start without disturbing the others."""
    try:
        cluster = ThrowawayCluster()
        cluster.start()
    except Exception as exc:
        _postgres_unavailable(str(exc))
    yield cluster
    cluster.stop()


def test_a_server_stopped_and_restarted_mid_refresh_is_calm_everywhere(
    own_server, qtbot, prompts, language, tmp_path, monkeypatch
):
    from conftest import dispose
    from PySide6.QtCore import QCoreApplication

    from wealthdesk import db
    from wealthdesk.db.connection import ServerLost
    from wealthdesk.services import queue
    from wealthdesk.ui import application
    from wealthdesk.ui.branch.display_window import DisplayWindow
    from wealthdesk.ui.branch.lobby_window import LobbyWindow
    from wealthdesk.ui.desk.context import DeskContext

    raised = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, value, tb: raised.append(value))
    args = argparse.Namespace(db=own_server.url, lang="zh_CN", desk="1", role="desk")
    desk = application.open_window(args)
    lobby = LobbyWindow(DeskContext(desk="lobby", database=db.current()))
    display = DisplayWindow("西湖支行")
    try:
        for window in (lobby, display):
            qtbot.addWidget(window)
            window.show()
        width = lobby.width()
        queue.check_in(queue.CheckIn(walk_in_name="甲", for_desk="2"), "lobby")
        desk.go_to_key("dayclose")
        desk.lock()
        own_server.pause()
        try:
            # Every background refresh meets the lost server.
            desk.day_close_page.refresh()
            desk.today_page.refresh()
            desk.queue_page.refresh()
            desk._tick()
            lobby.refresh_desks()
            lobby.queue_page.refresh()
            display.refresh()
            desk.desk_keeper.beat()
            qtbot.waitUntil(lambda: not lobby.live.online, timeout=20_000)
            # An action meanwhile: refused in Chinese, without the driver's words.
            lobby.queue_page.check_in_search.setText("乙")
            assert lobby.queue_page.check_in_new_visitor() is None
            kind, _title, text = prompts.shown[-1]
            assert kind == "warn"
            assert text == ServerLost("").render(QCoreApplication.translate)
            for english in ("connection", "Connection refused", "server at", "port"):
                assert english not in text
        finally:
            own_server.resume()
        assert "error" not in prompts.kinds()  # no "WealthDesk hit a problem"
        assert raised == []
        assert lobby.width() == width  # no message widened the lobby
        qtbot.waitUntil(lambda: lobby.live.online, timeout=30_000)
        qtbot.waitUntil(lambda: display.live.online, timeout=30_000)
        called = subprocess.run(
            [sys.executable, "-c", DESK_CALLS, own_server.url],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert called.returncode == 0, called.stderr
        ticket = called.stdout.strip()
        assert ticket == "W001"
        qtbot.waitUntil(lambda: ticket in display.headline.text(), timeout=10_000)
        qtbot.waitUntil(
            lambda: any(
                lobby.desks_model.index(r, 2).data() == f"已呼叫 {ticket}"
                or ticket in str(lobby.desks_model.index(r, 2).data())
                for r in range(lobby.desks_model.rowCount())
            ),
            timeout=10_000,
        )
    finally:
        lobby.close()
        display.close()
        dispose(desk)
        db.close()
