"""``wealthdesk calendar --month YYYY-MM`` and ``wealthdesk calendar import FILE.csv`` as
scripts use them: a fresh process each."""

from __future__ import annotations

from test_cli import home, run_cli, stored  # noqa: F401 (home is a fixture)

from wealthdesk.db.connection import sqlite_url

SCHEDULE = "日期,类型,名称\n2027-02-05,休,春节\n2027-02-09,休,春节\n2027-02-20,班,春节\n"


def test_a_month_without_a_schedule_lists_its_statutory_days_as_provisional(home, tmp_path):  # noqa: F811
    done = run_cli(
        home,
        "calendar",
        "--month",
        "2027-02",
        "--db",
        sqlite_url(tmp_path / "b.db"),
        "--lang",
        "en",
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "2027-02: statutory holidays computed by rule (provisional)"
    assert len(lines) == 1 + 28
    assert lines[4] == "2027-02-04 open"
    assert lines[5] == "2027-02-05 closed Spring Festival holiday provisional"
    assert lines[9] == "2027-02-09 open"
    assert lines[13] == "2027-02-13 closed Weekend"


def test_a_bundled_month_says_so_and_shows_its_make_up_days(home, tmp_path):  # noqa: F811
    done = run_cli(
        home,
        "calendar",
        "--month",
        "2026-10",
        "--db",
        sqlite_url(tmp_path / "b.db"),
        "--lang",
        "en",
    )
    lines = done.stdout.splitlines()
    assert lines[0] == "2026-10: the State Council's schedule (bundled)"
    assert "2026-10-01 closed National Day holiday" in lines
    assert "2026-10-10 open Make-up working day" in lines


def test_importing_a_schedule_prints_what_changed_and_the_month_follows_it(home, tmp_path):  # noqa: F811
    database = tmp_path / "b.db"
    path = tmp_path / "2027.csv"
    path.write_text(SCHEDULE, encoding="utf-8")
    done = run_cli(
        home, "calendar", "import", str(path), "--db", sqlite_url(database), "--lang", "en"
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout.splitlines()
    assert out[0].startswith("schedule for 2027 loaded: 3 days (replacing 0)")
    assert "2027-02-20 open Make-up working day (closed Weekend)" in out
    assert "2027-02-09 closed Spring Festival holiday (open)" in out
    month = run_cli(
        home, "calendar", "--month", "2027-02", "--db", sqlite_url(database), "--lang", "en"
    ).stdout.splitlines()
    assert month[0].startswith("2027-02: the State Council's schedule, loaded ")
    assert "2027-02-20 open Make-up working day" in month
    assert stored(database, "SELECT action FROM audit_entry") == [("calendar_loaded",)]


def test_a_bad_schedule_names_every_wrong_line_exits_2_and_loads_nothing(home, tmp_path):  # noqa: F811
    database = tmp_path / "b.db"
    path = tmp_path / "bad.csv"
    path.write_text(
        "date,kind,name\n2027-02-05,holiday,春节\n2027-02-31,holiday,春节\n2027-02-06,rest,春节\n",
        encoding="utf-8",
    )
    done = run_cli(
        home, "calendar", "import", str(path), "--db", sqlite_url(database), "--lang", "en"
    )
    assert done.returncode == 2
    errors = done.stderr.splitlines()
    assert errors[0] == f"wealthdesk: {path}: line 3: There is no such date: 2027-02-31."
    assert errors[1].startswith(f"wealthdesk: {path}: line 4: “rest” is not a kind of day")
    assert errors[2] == "wealthdesk: nothing loaded: 2 lines are wrong"
    assert done.stdout == ""
    assert stored(database, "SELECT COUNT(*) FROM holiday_schedule_day") == [(0,)]


def test_a_bad_month_is_one_line_and_exit_2(home, tmp_path):  # noqa: F811
    done = run_cli(
        home,
        "calendar",
        "--month",
        "2027-13",
        "--db",
        sqlite_url(tmp_path / "b.db"),
        "--lang",
        "en",
    )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1].endswith("2027-13 is not a month (YYYY-MM)")
    assert len(done.stderr.strip().splitlines()) == 1
