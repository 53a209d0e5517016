"""The window's start takes two short cuts, and neither changes what it does: it reads its
few options without the command line's parser (the same values, anything else goes to
the parser), and SQLite's quick check runs on a thread while the modules load, yet a
damaged file is still refused before anything is written to it."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from test_damaged_database import book, damage, fingerprint  # noqa: F401 (fixture)

from wealthdesk import early_check
from wealthdesk.app import window_arguments
from wealthdesk.cli import build_parser
from wealthdesk.db.connection import sqlite_url

ROOT = Path(__file__).resolve().parent.parent

WINDOW_LINES = [
    [],
    ["--db", "sqlite:///tmp/a.sqlite3"],
    ["--db=postgresql://desk@server/branch", "--lang", "en"],
    ["--lang=zh_CN", "--desk", "3", "--role", "lobby"],
    ["--role=display", "--desk=", "--db", "x", "--db", "y"],
]


@pytest.mark.parametrize("line", WINDOW_LINES)
def test_the_window_reads_its_options_as_the_command_lines_parser_does(line):
    parsed = vars(build_parser().parse_args(line))
    assert vars(window_arguments(line)) == parsed


@pytest.mark.parametrize(
    "line",
    [
        ["demo"],
        ["import-clients", "a.csv", "--db", "sqlite:///a"],
        ["--help"],
        ["--version"],
        ["--lang", "fr"],
        ["--role", "boss"],
        ["--la", "en"],  # an abbreviation: the parser decides
        ["--db"],
        ["--desk", "-1"],
        ["--db", "x", "backup"],
    ],
)
def test_anything_but_the_windows_options_goes_to_the_command_lines_parser(line):
    assert window_arguments(line) is None


def _sound_file(path: Path) -> Path:
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE t (x)")
        connection.execute("INSERT INTO t VALUES (1)")
    return path


def test_an_early_verdict_counts_only_for_the_same_unchanged_file(tmp_path):
    first = _sound_file(tmp_path / "a.sqlite3")
    other = _sound_file(tmp_path / "b.sqlite3")

    early_check.start(sqlite_url(first))
    assert early_check.passed(first)
    assert not early_check.passed(first), "a verdict is used once"

    early_check.start(sqlite_url(first))
    assert not early_check.passed(other)

    early_check.start(sqlite_url(first))
    early_check._pending.thread.join()  # the check is done, then the file is written
    with sqlite3.connect(first) as connection:
        connection.execute("INSERT INTO t VALUES (2)" + ", (3)" * 2000)
    assert not early_check.passed(first)


def test_the_early_check_reads_an_address_as_opening_the_database_does(tmp_path, monkeypatch):
    from wealthdesk.db.connection import parse_url

    folder = tmp_path / "客户 数据"
    folder.mkdir()
    sound = _sound_file(folder / "desk.sqlite3")
    monkeypatch.chdir(folder)
    for url in (sqlite_url(sound), "sqlite:///" + str(sound), f"sqlite:///{sound.as_uri()[7:]}"):
        early_check.start(url)
        assert early_check.passed(parse_url(url).path), url
    early_check.start("sqlite:///./desk.sqlite3")  # relative: left to connect() to check
    assert not early_check.passed(parse_url("sqlite:///./desk.sqlite3").path)


def test_an_early_check_of_a_damaged_file_does_not_pass_it(book, tmp_path):  # noqa: F811
    damage(book)
    early_check.start(sqlite_url(book))
    assert not early_check.passed(book)


def test_the_window_refuses_a_damaged_database_and_leaves_it_as_it_was(book, tmp_path):  # noqa: F811
    damage(book)
    before = fingerprint(book)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "WEALTHDESK_"))}
    env.update(
        HOME=str(tmp_path),
        QT_QPA_PLATFORM="offscreen",
        WEALTHDESK_EXIT_AFTER_SHOW="1",
        WEALTHDESK_HEADLESS="1",
    )
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", sqlite_url(book), "--lang", "en"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr[-2000:]
    assert "is damaged" in result.stderr
    assert fingerprint(book) == before


def _imported(tmp_path: Path, *args: str) -> set[str]:
    """The modules a run of main.py imports (from ``python -X importtime``)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "WEALTHDESK_"))}
    env.update(HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen", WEALTHDESK_EXIT_AFTER_SHOW="1")
    result = subprocess.run(
        [sys.executable, "-X", "importtime", str(ROOT / "main.py"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return {
        line.rsplit("|", 1)[1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }


def test_the_window_starts_without_the_command_line_or_the_pages_not_shown(tmp_path):
    modules = _imported(tmp_path, "--db", sqlite_url(tmp_path / "desk.sqlite3"))
    assert "wealthdesk.ui.main_window" in modules  # the window was started
    for unneeded in (
        "wealthdesk.cli",
        "reportlab",
        "wealthdesk.reports",
        "wealthdesk.domain.plan",
        "wealthdesk.services.client_import",
        "wealthdesk.ui.today.call_dialog",
        "wealthdesk.ui.complaints.complaints_register",
        "wealthdesk.ui.clients.clients_page",
        "wealthdesk.ui.day_close.day_close_page",
    ):
        assert unneeded not in modules, unneeded


def test_an_import_on_the_command_line_loads_no_window(tmp_path):
    csv = tmp_path / "clients.csv"
    csv.write_text("姓名,手机\n张三,13812345678\n", encoding="utf-8")
    database = sqlite_url(tmp_path / "desk.sqlite3")
    modules = _imported(tmp_path, "import-clients", str(csv), "--db", database)
    assert "wealthdesk.services.client_import" in modules  # the import ran
    for unneeded in ("PySide6.QtWidgets", "PySide6.QtGui", "wealthdesk.ui", "reportlab"):
        assert unneeded not in modules, unneeded
