"""``main.py notice …`` as scripts use it: a fresh process, a real database, real files."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from test_cli import run_cli, stored

from wealthdesk.db.connection import sqlite_url

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
pytestmark = pytest.mark.skipif(not WQY.is_file(), reason="fonts-wqy-microhei is not installed")

LOGGED = "SELECT actor, action, detail FROM audit_entry WHERE action LIKE 'notice%' ORDER BY id"


@pytest.fixture
def home(tmp_path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


@pytest.fixture
def database(tmp_path) -> Path:
    return tmp_path / "branch.sqlite3"


@pytest.fixture
def out(tmp_path) -> Path:
    folder = tmp_path / "notices"
    folder.mkdir()
    return folder


@pytest.fixture
def desk_set_up(database, tmp_path) -> Path:
    """A database whose settings name the branch, desk 1's manager and phone, and a
    lunch break from 11:30 to 13:30."""
    from wealthdesk import db
    from wealthdesk.services import settings

    db.connect(sqlite_url(database), tmp_path / "backups")
    try:
        settings.save(
            {
                "branch_name": "西湖支行",
                "manager_name": "王芳",
                "desk_phone": "0571-88886666",
                "lunch_start": "11:30",
                "lunch_end": "13:30",
            },
            "1",
            "t",
        )
    finally:
        db.close()
    return database


def notice(home: Path, database: Path, *args: str) -> subprocess.CompletedProcess:
    return run_cli(home, "notice", *args, "--db", sqlite_url(database))


def words(path: Path) -> str:
    return "".join("".join(page.extract_text().split()) for page in PdfReader(path).pages)


# ---------------------------------------------------------------- good runs


def test_a_lunch_notice_takes_the_branch_manager_and_lunch_break_from_the_settings(
    home, desk_set_up, out
):
    target = out / "lunch.pdf"
    done = notice(home, desk_set_up, "lunch", "--out", str(target), "--lang", "zh")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert str(target) in done.stdout
    text = words(target)
    for expected in ("中午休息", "西湖支行", "王芳", "11:30–13:30", "13:30营业"):
        assert expected in text, expected
    assert "Lunch" not in text


def test_the_times_on_the_line_replace_the_office_hours(home, desk_set_up, out):
    target = out / "lunch.pdf"
    done = notice(
        home, desk_set_up, "lunch", "--from", "12:00", "--until", "14:00", "--out", str(target)
    )
    assert done.returncode == 0, done.stderr
    assert "12:00–14:00" in words(target) and "14:00营业" in words(target)


def test_an_away_notice_in_english_portrait_with_a_qr_code(home, desk_set_up, out):
    target = out / "away.pdf"
    done = notice(
        home,
        desk_set_up,
        "away",
        "--back",
        "15:30",
        "--phone",
        "0571-88887777",
        "--lang",
        "en",
        "--qr",
        "--portrait",
        "--out",
        str(target),
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"notice saved: {target}"
    text = words(target)
    assert "本人有事" in text and "请稍候或致电0571-88887777" in text and "预计15:30回来" in text
    assert "Pleasewaitorcall0571-88887777" in text and "Backatabout15:30" in text
    box = PdfReader(target).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    if shutil.which("zbarimg") and shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-png", "-r", "150", "-singlefile", str(target), str(out / "scan")],
            check=True,
        )
        scanned = subprocess.run(
            ["zbarimg", "--raw", "-q", str(out / "scan.png")], capture_output=True, text=True
        )
        assert scanned.stdout.split() == ["tel:057188887777"]


@pytest.mark.parametrize(
    ("reason", "says"),
    [("培训", "理财经理参加培训"), ("meeting", "理财经理参加会议"), ("系统升级", "原因：系统升级")],
)
def test_a_closed_notice_gives_its_reason_and_return_time(home, desk_set_up, out, reason, says):
    target = out / "closed.pdf"
    done = notice(
        home, desk_set_up, "closed", "--reason", reason, "--back", "16:00", "--out", str(target)
    )
    assert done.returncode == 0, done.stderr
    text = words(target)
    assert "暂停服务" in text and says in text and "预计16:00恢复服务" in text


def test_a_closed_notice_without_a_reason_says_the_desk_is_done_for_today(home, desk_set_up, out):
    target = out / "closed.pdf"
    done = notice(home, desk_set_up, "closed", "--out", str(target))
    assert done.returncode == 0, done.stderr
    text = words(target)
    assert "暂停服务" in text and "理财经理今日已下班" in text and "原因" not in text


def test_a_free_text_notice_prints_each_line_given(home, desk_set_up, out):
    target = out / "text.pdf"
    done = notice(
        home,
        desk_set_up,
        "text",
        "--text",
        "理财室搬迁",
        "--text",
        "请到二楼 203 室",
        "--out",
        str(target),
    )
    assert done.returncode == 0, done.stderr
    assert "理财室搬迁" in words(target) and "请到二楼203室" in words(target)


def test_each_saved_notice_is_logged_for_the_day_close(home, desk_set_up, out):
    notice(home, desk_set_up, "lunch", "--out", str(out / "a.pdf"))
    notice(home, desk_set_up, "away", "--out", str(out / "b.pdf"))
    logged = stored(desk_set_up, LOGGED)
    assert [(action, detail) for _, action, detail in logged] == [
        ("notice_saved", "lunch 1"),
        ("notice_saved", "away 1"),
    ]
    assert all(actor.startswith("cli:") for actor, _, _ in logged)


def test_without_settings_the_notice_still_says_what_matters(home, database, out):
    target = out / "away.pdf"
    done = notice(home, database, "away", "--out", str(target))
    assert done.returncode == 0, done.stderr
    text = words(target)
    assert "本人有事" in text and "请稍候" in text and "理财室" in text


# ---------------------------------------------------------------- refusals


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["lunch"], "give --out F.pdf, --print or both"),
        (["lunch", "--printer", "Office", "--out", "{out}"], "--printer goes with --print"),
        (["lunch", "--until", "25:00", "--out", "{out}"], "There is no such time: 25:00."),
        (["lunch", "--from", "1200", "--out", "{out}"], "A time is written HH:MM, like 14:00."),
        (["away", "--back", "soon", "--out", "{out}"], "argument --back"),
        (["away", "--out", "{out}", "--lang", "fr"], "argument --lang: invalid choice"),
        (["away", "--out", "{out}", "--portrait", "--landscape"], "not allowed with"),
        (["text", "--out", "{out}"], "the following arguments are required: --text"),
        (["dinner", "--out", "{out}"], "invalid choice: 'dinner'"),
        (["--out", "{out}"], "argument KIND"),
        (["away", "--out", "{out}", "--verbose"], "unrecognized arguments: --verbose"),
    ],
)
def test_bad_arguments_exit_2_with_one_line_and_write_nothing(home, desk_set_up, out, args, says):
    argv = [str(out / "n.pdf") if a == "{out}" else a for a in args]
    if "--lang" not in argv:
        argv += ["--lang", "en"]
    done = notice(home, desk_set_up, *argv)
    assert done.returncode == 2
    assert len(done.stderr.splitlines()) == 1, done.stderr
    assert done.stderr.startswith("wealthdesk: error: ")
    assert says in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""
    assert list(out.iterdir()) == []
    assert stored(desk_set_up, LOGGED) == []


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (
            ["lunch", "--until", "11:00"],
            "--until: The end of the break (11:00) must be later than its start (11:30).",
        ),
        (["away", "--phone", "12345"], "--phone: A desk phone is a mobile number or a landline"),
        (["closed", "--reason", "系" * 21], "--reason: This text is longer than 20 characters."),
        (["text", "--text", "请" * 21], "--text: Line 1 is longer than 20 characters"),
        (["closed", "--reason", "系统升级😀"], "cannot show these characters: 😀"),
    ],
)
def test_rejected_notice_text_exits_2_naming_the_option_and_writes_nothing(
    home, desk_set_up, out, args, says
):
    done = notice(home, desk_set_up, *args, "--out", str(out / "n.pdf"), "--lang", "en")
    assert done.returncode == 2
    assert done.stderr.startswith("wealthdesk: ") and says in done.stderr
    assert len(done.stderr.splitlines()) == 1 and "Traceback" not in done.stderr
    assert done.stdout == ""
    assert list(out.iterdir()) == []
    assert stored(desk_set_up, LOGGED) == []


def test_a_qr_code_without_a_phone_or_link_is_refused(home, database, out):
    done = notice(home, database, "lunch", "--qr", "--out", str(out / "n.pdf"), "--lang", "en")
    assert done.returncode == 2
    assert "--qr: A QR code needs the desk phone or a link" in done.stderr
    assert list(out.iterdir()) == []


@pytest.mark.parametrize(
    ("where", "says"),
    [
        (lambda out: out / "no-such-folder" / "n.pdf", "there is no such file or folder"),
        (lambda out: out / "a-file" / "n.pdf", "part of the path is a file, not a folder"),
        (lambda out: out / "a-folder", "it is a folder, not a file"),
    ],
    ids=["missing-folder", "file-as-folder", "folder-as-file"],
)
def test_an_output_that_cannot_be_written_exits_2_and_leaves_nothing(
    home, desk_set_up, out, where, says
):
    (out / "a-file").write_text("notes")
    (out / "a-folder").mkdir()
    target = where(out)
    done = notice(home, desk_set_up, "lunch", "--out", str(target), "--lang", "en")
    assert done.returncode == 2
    assert done.stderr.strip() == f"wealthdesk: {target} cannot be written: {says}"
    assert sorted(p.name for p in out.iterdir()) == ["a-file", "a-folder"]
    assert list((out / "a-folder").iterdir()) == []
    assert stored(desk_set_up, LOGGED) == []


def test_a_font_set_in_the_settings_that_is_missing_exits_2_saying_so(home, desk_set_up, out):
    config = home / ".config" / "WealthDesk"
    config.mkdir(parents=True)
    (config / "WealthDesk.ini").write_text("[settings]\npdf_font_path=/no/such/font.ttf\n")
    done = notice(home, desk_set_up, "lunch", "--out", str(out / "n.pdf"), "--lang", "en")
    assert done.returncode == 2
    assert "The font file set in Settings does not exist: /no/such/font.ttf" in done.stderr
    assert list(out.iterdir()) == []


def test_an_unusable_database_exits_2_and_writes_nothing(home, tmp_path, out):
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n")
    done = run_cli(
        home,
        "notice",
        "lunch",
        "--out",
        str(out / "n.pdf"),
        "--db",
        sqlite_url(notes),
        "--lang",
        "en",
    )
    assert done.returncode == 2
    assert "is not a WealthDesk database" in done.stderr
    assert list(out.iterdir()) == []


def test_a_database_locked_past_the_busy_timeout_writes_no_notice(
    tmp_path, capsys, monkeypatch, qapp
):
    # In-process, so the wait for the lock can be 0.2 s; run_command is what
    # `main.py notice` runs once the database is open.
    from wealthdesk import cli, db, i18n
    from wealthdesk.db import connection

    i18n.install_language("en")
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 200)
    path = tmp_path / "branch.sqlite3"
    target = tmp_path / "n.pdf"
    opened = db.connect(sqlite_url(path))
    args = cli.build_parser().parse_args(["notice", "lunch", "--out", str(target)])
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another window in the middle of a save
    try:
        status = cli.run_command(args, opened)
    finally:
        other.execute("ROLLBACK")
        other.close()
        db.close()
    err = capsys.readouterr().err
    i18n.install_language("zh_CN")
    assert status == 2
    assert len(err.splitlines()) == 1 and "locked by another program" in err
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".part"] == []
    assert stored(path, LOGGED) == []


def test_notice_help_and_refusals_speak_chinese_by_default(home, database, out):
    done = run_cli(home, "notice", "lunch", "--until", "25:00", "--out", str(out / "n.pdf"))
    assert done.returncode == 2
    assert done.stderr.startswith("wealthdesk: error: argument --until: ")
    assert "25:00" in done.stderr and "There is no such time" not in done.stderr
