"""The command line as scripts use it: ``python main.py …`` in a fresh process."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from wealthdesk.db.connection import sqlite_url
from wealthdesk.domain.identity import mobile_problem, resident_id_problem

REPO = Path(__file__).resolve().parent.parent

BAD_ROWS_CSV = """姓名,身份证号码,手机号码,客户等级
张伟,11010519491231002X,13812345678,金卡
李娜,110105194912310021,13912345678,普通
王芳,360426199101010071,12812345678,白金
赵敏,11010519491231002X,13712345678,普通
欧阳娜娜,360426199101010071,13512345678,白金
"""


def run_cli(home: Path, *args: str) -> subprocess.CompletedProcess:
    """``python main.py ARGS`` with *home* as the user's home (data, logs, QSettings)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "WEALTHDESK_"))}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    return subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def stored(path: Path, sql: str) -> list[tuple]:
    if not path.exists():
        return []
    with sqlite3.connect(path) as connection:
        return connection.execute(sql).fetchall()


@pytest.fixture
def home(tmp_path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


@pytest.fixture
def database(tmp_path) -> Path:
    return tmp_path / "branch.sqlite3"


def csv_file(tmp_path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "clients.csv"
    path.write_bytes(text.encode(encoding))
    return path


# ---------------------------------------------------------------- import-clients


def test_import_reports_each_rejected_line_and_ends_with_the_counts(home, database, tmp_path):
    path = csv_file(tmp_path, BAD_ROWS_CSV, "gbk")
    done = run_cli(home, "import-clients", str(path), "--db", sqlite_url(database), "--lang", "en")

    assert done.returncode == 1, done.stderr
    lines = done.stdout.strip().splitlines()
    assert lines[-1] == "imported: 2, rejected: 3"
    assert [line.split(":")[0] for line in lines[:-1]] == ["line 3", "line 4", "line 5"]
    assert "should be X, not 1" in lines[0]
    assert "starts with 13 to 19" in lines[1]
    assert "same ID number is on line 2" in lines[2]
    assert done.stderr == ""
    assert sorted(stored(database, "SELECT name FROM client")) == [("张伟",), ("欧阳娜娜",)]


def test_a_clean_import_exits_0_and_the_last_line_stays_in_english(home, database, tmp_path):
    path = csv_file(tmp_path, "姓名,手机号码\n张三,13812345678\n李四,13912345678\n", "utf-8-sig")
    done = run_cli(home, "import-clients", str(path), "--db", sqlite_url(database))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "imported: 2, rejected: 0"


def test_an_import_loads_only_its_own_command_no_documents_and_no_widgets(home, database, tmp_path):
    """``wealthdesk import-clients`` imports its own command's module, not the others'
    (each command group is imported when it runs), nor reportlab, QtGui or QtWidgets."""
    path = csv_file(tmp_path, "姓名,手机号码\n张三,13812345678\n", "utf-8-sig")
    script = (
        "import sys\n"
        "from wealthdesk.app import main\n"
        "status = main(sys.argv[1:])\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith("
        "('reportlab', 'PySide6.QtGui', 'PySide6.QtWidgets', 'wealthdesk.cli.')))))\n"
        "sys.exit(status)\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "WEALTHDESK_"))}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    done = subprocess.run(
        [sys.executable, "-c", script, "import-clients", str(path), "--db", sqlite_url(database)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert lines[-2] == "imported: 1, rejected: 0"
    assert lines[-1].split() == ["wealthdesk.cli.common", "wealthdesk.cli.imports",
                                 "wealthdesk.cli.parser"]  # fmt: skip


def test_importing_the_same_file_twice_rejects_the_ids_already_in_the_book(
    home, database, tmp_path
):
    path = csv_file(tmp_path, BAD_ROWS_CSV)
    run_cli(home, "import-clients", str(path), "--db", sqlite_url(database))
    again = run_cli(home, "import-clients", str(path), "--db", sqlite_url(database))
    assert again.returncode == 1
    assert again.stdout.strip().splitlines()[-1] == "imported: 0, rejected: 5"
    assert len(stored(database, "SELECT id FROM client")) == 2


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"\xd0\xd5\xc3\xfb\xff,\xca\xd6\xbb\xfa\n13812345678\n", "UTF-8 or GBK"),  # the header
        ("手机号码\n13812345678\n".encode(), "姓名"),
        (b"", "empty"),
    ],
    ids=["undecodable", "no-name-column", "empty"],
)
def test_an_unreadable_file_exits_2_with_one_line_and_imports_nothing(
    home, database, tmp_path, content, says
):
    path = tmp_path / "clients.csv"
    path.write_bytes(content)
    done = run_cli(home, "import-clients", str(path), "--db", sqlite_url(database), "--lang", "en")
    assert done.returncode == 2
    assert len(done.stderr.splitlines()) == 1
    assert done.stderr.startswith("wealthdesk: ") and str(path) in done.stderr
    assert says in done.stderr
    assert "imported:" not in done.stdout
    assert stored(database, "SELECT id FROM client") == []


def test_a_missing_file_exits_2_naming_it(home, database, tmp_path):
    missing = tmp_path / "no-such.csv"
    done = run_cli(home, "import-clients", str(missing), "--db", sqlite_url(database))
    assert done.returncode == 2
    assert len(done.stderr.splitlines()) == 1 and str(missing) in done.stderr


def test_a_missing_file_is_named_once_with_a_reason_in_the_message_s_language(
    home, database, tmp_path
):
    missing = tmp_path / "no-such.csv"
    done = run_cli(
        home, "import-clients", str(missing), "--db", sqlite_url(database), "--lang", "en"
    )
    assert done.returncode == 2
    assert done.stderr.count(str(missing)) == 1, done.stderr
    assert done.stderr.strip() == (
        f"wealthdesk: The file {missing} cannot be read: there is no such file or folder"
    )


@pytest.mark.parametrize(
    "args",
    [
        ["import-clients"],
        ["import-clients", "{csv}", "{csv}"],
        ["import-clients", "{csv}", "--lang", "fr"],
        ["import-clients", "{csv}", "--db"],
        ["import-clients", "{csv}", "--verbose"],
        ["demo", "--clients", "0"],
        ["demo", "--clients", "many"],
        ["demo", "--clients", "3000000"],
        ["demo", "--seed", "x"],
        ["demo", "--days", "367"],
        ["demo", "--days", "-1"],
        ["demo", "--days", "a month"],
        ["bogus"],
    ],
)
def test_bad_arguments_exit_2_with_one_line_and_change_nothing(home, database, tmp_path, args):
    path = csv_file(tmp_path, BAD_ROWS_CSV)
    argv = [str(path) if a == "{csv}" else a for a in args]
    if "--db" not in argv:
        argv += ["--db", sqlite_url(database)] if argv[0] in ("demo", "import-clients") else []
    done = run_cli(home, *argv)
    assert done.returncode == 2
    assert len(done.stderr.splitlines()) == 1, done.stderr
    assert done.stderr.startswith("wealthdesk: error: ")
    assert "Traceback" not in done.stderr and done.stdout == ""
    assert not database.exists()


@pytest.mark.parametrize(
    ("url_of", "says"),
    [
        (lambda tmp: "mysql://host/db", "is not a database address"),
        (lambda tmp: sqlite_url(tmp / "notes.txt"), "is not a WealthDesk database"),
    ],
    ids=["bad-address", "not-a-database"],
)
def test_an_unusable_database_exits_2_with_one_line_and_is_left_untouched(
    home, tmp_path, url_of, says
):
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n")
    path = csv_file(tmp_path, BAD_ROWS_CSV)
    done = run_cli(home, "import-clients", str(path), "--db", url_of(tmp_path), "--lang", "en")
    assert done.returncode == 2
    assert len(done.stderr.splitlines()) == 1 and says in done.stderr
    assert notes.read_text() == "not a database\n"


# ---------------------------------------------------------------- demo


def demo_clients(home: Path, database: Path, *args: str) -> list[tuple]:
    done = run_cli(home, "demo", *args, "--db", sqlite_url(database), "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1].startswith("demo clients created: ")
    return stored(database, "SELECT name, id_number, mobile FROM client ORDER BY id")


def test_demo_with_the_same_seed_makes_the_same_clients(home, tmp_path):
    first = demo_clients(home, tmp_path / "a.sqlite3", "--clients", "40", "--seed", "7")
    second = demo_clients(home, tmp_path / "b.sqlite3", "--clients", "40", "--seed", "7")
    other = demo_clients(home, tmp_path / "c.sqlite3", "--clients", "40", "--seed", "8")
    assert len(first) == 40
    assert first == second
    assert [n for n, _, _ in first] != [n for n, _, _ in other]


def test_demo_clients_have_chinese_names_and_valid_unique_numbers(home, database):
    rows = demo_clients(home, database, "--clients", "60", "--seed", "3")
    assert len({id_number for _, id_number, _ in rows}) == 60
    for name, id_number, mobile in rows:
        assert 2 <= len(name) <= 4 and all("\u4e00" <= ch <= "\u9fff" for ch in name)
        assert resident_id_problem(id_number) is None
        assert mobile_problem(mobile) is None


def test_demo_again_with_the_same_seed_adds_no_duplicates_and_says_why(home, database):
    demo_clients(home, database, "--clients", "10", "--seed", "1")
    done = run_cli(home, "demo", "--clients", "10", "--db", sqlite_url(database), "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines() == [
        "demo visits created: 0",
        "demo appointments created: 0",
        "demo profiles created: 0 risk assessments, 0 products, 0 holdings, 0 sales, 0 care calls",
        "demo clients created: 0",
        "10 demo clients of seed 1 were already in the book; run demo with another seed "
        "(for example --seed 2) to add new ones.",
    ]
    assert len(stored(database, "SELECT id FROM client")) == 10


def test_demo_with_a_larger_count_adds_only_the_new_clients_and_says_so(home, database):
    demo_clients(home, database, "--clients", "10", "--seed", "5")
    done = run_cli(
        home, "demo", "--clients", "15", "--seed", "5", "--db", sqlite_url(database), "--lang", "en"
    )
    assert done.returncode == 0, done.stderr
    visits, booked, profiles, created, explanation = done.stdout.strip().splitlines()
    assert visits == "demo visits created: 0"  # the visits of these days are there already
    assert booked == "demo appointments created: 0"  # and so are the appointments
    assert profiles.startswith("demo profiles created: ") and "0 risk assessments" not in profiles
    assert created == "demo clients created: 5"
    assert explanation.startswith("10 demo clients of seed 5 were already in the book")
    assert len(stored(database, "SELECT id FROM client WHERE is_demo")) == 15


def test_demo_makes_the_visits_of_the_days_asked_for_and_counts_them_before_the_clients(
    home, database
):
    done = run_cli(
        home, "demo", "--clients", "20", "--days", "7", "--db", sqlite_url(database), "--lang", "en"
    )
    assert done.returncode == 0, done.stderr
    visits = stored(database, "SELECT service_date FROM visit")
    booked = stored(database, "SELECT id FROM appointment")
    assessed = stored(database, "SELECT id FROM risk_assessment")
    lines = done.stdout.strip().splitlines()
    assert lines[:2] + lines[3:] == [
        f"demo visits created: {len(visits)}",
        f"demo appointments created: {len(booked)}",
        "demo clients created: 20",
    ]
    assert lines[2].startswith(f"demo profiles created: {len(assessed)} risk assessments, ")
    assert len(booked) > 0
    # A week back and today: at least 5 working days of 8 or more visitors, and today.
    days = {day for (day,) in visits}
    assert len(visits) >= 5 * 8 and len(days) >= 5
    assert stored(database, "SELECT count(*) FROM visit WHERE client_id IS NOT NULL")[0][0] > 0


def test_demo_with_no_days_makes_only_today_with_a_few_left_waiting(home, database):
    demo_clients(home, database, "--clients", "10", "--days", "0")
    assert len(stored(database, "SELECT DISTINCT service_date FROM visit")) == 1
    states = [state for (state,) in stored(database, "SELECT state FROM visit")]
    assert 2 <= states.count("waiting") <= 4
    assert not {"called", "serving", "parked"} & set(states)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG folders are Linux's")
def test_without_db_the_cli_uses_the_same_data_folder_as_the_window(home):
    done = run_cli(home, "demo", "--clients", "3", "--lang", "en")
    assert done.returncode == 0, done.stderr
    expected = home / ".local" / "share" / "WealthDesk" / "WealthDesk" / "wealthdesk.sqlite3"
    assert len(stored(expected, "SELECT id FROM client")) == 3


def test_a_database_is_not_changed_by_a_refused_import(home, database, tmp_path):
    demo_clients(home, database, "--clients", "5", "--seed", "2")
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    path = tmp_path / "clients.csv"
    path.write_bytes(b"\xff\xfe\xfd")
    done = run_cli(home, "import-clients", str(path), "--db", sqlite_url(database))
    assert done.returncode == 2
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before


def test_a_lock_held_past_the_busy_timeout_is_one_line_and_imports_nothing(
    tmp_path, capsys, monkeypatch, qapp
):
    # In-process, so the wait for the lock can be 0.2 s instead of 5 s; run_command is
    # what `main.py import-clients` runs once the database is open. In English whatever
    # language an earlier test in this process left installed.
    from wealthdesk import cli, db, i18n
    from wealthdesk.db import connection

    i18n.install_language("en")

    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 200)
    path = tmp_path / "branch.sqlite3"
    opened = db.connect(sqlite_url(path))
    args = cli.build_parser().parse_args(["import-clients", str(csv_file(tmp_path, BAD_ROWS_CSV))])
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another window in the middle of a save
    try:
        status = cli.run_command(args, opened)
    finally:
        other.execute("ROLLBACK")
        other.close()
        db.close()

    out, err = capsys.readouterr()
    i18n.install_language("zh_CN")
    assert status == 2
    assert len(err.splitlines()) == 1 and "locked by another program" in err
    assert "imported:" not in out
    assert stored(path, "SELECT id FROM client") == []


def test_a_restore_onto_an_address_that_is_not_one_is_one_line(home, tmp_path):
    backup = tmp_path / "copy.sqlite3"
    done = run_cli(home, "restore", str(backup), "--db", "bogus://x", "--lang", "en")
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "wealthdesk: bogus://x is not a database address; use sqlite:///path/to/file.sqlite3 "
        "or postgresql://user@host:port/dbname."
    ]


def test_help_and_refusals_speak_the_users_language(home):
    help_zh = run_cli(home, "--help", "--lang", "zh_CN")
    assert help_zh.returncode == 0
    assert "生成演示数据" in help_zh.stdout and "从 CSV 文件导入客户" in help_zh.stdout
    refused = run_cli(home, "demo", "--clients", "0", "--lang", "zh_CN")
    assert refused.returncode == 2
    assert refused.stderr.startswith("wealthdesk: error: ")
    assert "不在 1 到 2000000 之间" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    english = run_cli(home, "demo", "--clients", "0", "--lang", "en")
    assert "is not between 1 and 2000000" in english.stderr


def test_an_empty_out_file_name_is_refused_before_anything_is_written(tmp_path):
    """``--out ""`` (a variable that was not set in a script) named the current folder
    and failed with the system's "Device or resource busy": it is a usage error naming
    --out, and nothing is written."""
    for command in (
        ["plan", "--client", "1"],
        ["notice", "lunch"],
        ["day-close"],
        ["audit-export"],
    ):
        done = run_cli(tmp_path, "--lang", "en", *command, "--out", "  ")
        assert done.returncode == 2, (command, done.stderr)
        [line] = done.stderr.strip().splitlines()
        assert "--out" in line and "empty" in line and "Device" not in line, line
    assert not any(path.suffix in (".pdf", ".csv") for path in tmp_path.rglob("*"))
