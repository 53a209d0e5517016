"""The real program, started the way a manager starts it, opens its window and logs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "WEALTHDESK_"))}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", WEALTHDESK_EXIT_AFTER_SHOW="1")
    return env


def test_main_py_opens_the_window_on_the_default_sqlite_file(tmp_path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py")],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    databases = list(tmp_path.rglob("wealthdesk.sqlite3"))
    assert len(databases) == 1, "the default database is created in the user's data folder"
    assert "WealthDesk" in str(databases[0].parent)
    logs = list(tmp_path.rglob("wealthdesk.log"))
    assert logs and "starting" in logs[0].read_text(encoding="utf-8")


def test_an_unusable_database_ends_with_status_1_and_is_not_touched(tmp_path):
    bogus = tmp_path / "broken.sqlite3"
    bogus.write_bytes(b"\x00garbage" * 100)
    before = bogus.read_bytes()
    env = _env(tmp_path)
    env["WEALTHDESK_HEADLESS"] = "1"
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", f"sqlite:///{bogus}", "--lang", "en"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "is not a WealthDesk database" in result.stderr
    assert bogus.read_bytes() == before
