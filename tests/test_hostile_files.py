"""Hostile files and text (issue 18): each test builds its own file and runs the real
command line or the services on a real database, then reads back what was stored or
written. An open quote never swallows rows; a line in another encoding is read right or
rejected, never stored garbled; no CSV the app writes carries a live formula; nothing a
file holds can drive the terminal; a huge header is named in a few words."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from test_cli import run_cli, stored

from wealthdesk.db.connection import sqlite_url
from wealthdesk.domain.csv_file import csv_writer, decode_csv, spreadsheet_safe
from wealthdesk.domain.identity import resident_id_check_char
from wealthdesk.services import clients
from wealthdesk.services.client_import import import_clients
from wealthdesk.services.products import import_products


def resident_id(birth: str, sequence: int) -> str:
    first17 = f"110105{birth}{sequence:03d}"
    return first17 + resident_id_check_char(first17)


FIVE = [
    ("李四", "13912345670", resident_id("19800101", 11)),
    ("王五", "13712345671", resident_id("19810202", 13)),
    ("赵六", "13612345672", resident_id("19820303", 15)),
    ("孙七", "13512345673", resident_id("19830404", 17)),
    ("周八", "13412345674", resident_id("19840505", 19)),
]


@pytest.fixture
def home(tmp_path):
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


@pytest.fixture
def database(tmp_path):
    return tmp_path / "branch.sqlite3"


def cli(home, database, *args: str):
    return run_cli(home, *args, "--db", sqlite_url(database), "--lang", "en")


def write(tmp_path, text: str | bytes, name: str = "clients.csv", encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode(encoding))
    return path


def rejections(report) -> dict[int, str]:
    return {r.line: r.render() for r in report.rejected}


# ---------------------------------------------------------------- a quote left open


def test_a_quote_left_open_in_an_occupation_rejects_its_row_and_keeps_the_five_after_it(
    home, database, tmp_path
):
    rows = [f"{name},{mobile},{number},会计" for name, mobile, number in FIVE]
    text = "\n".join(
        [
            "姓名,手机号码,身份证号码,职业",
            f'张三,13812345678,{resident_id("19790101", 21)},"工程师',
            *rows,
        ]
    )
    done = cli(home, database, "import-clients", str(write(tmp_path, text + "\n")))

    assert done.returncode == 1, done.stderr
    assert done.stdout.splitlines() == [
        "line 2: The quote opened on line 2 is not closed; the row runs to line 7.",
        "imported: 5, rejected: 1",
    ]
    assert sorted(stored(database, "SELECT name, mobile, id_number FROM client")) == sorted(FIVE)
    assert stored(database, "SELECT occupation FROM client WHERE occupation LIKE '%1%'") == []


def test_a_quote_closed_rows_later_cannot_hide_the_whole_rows_it_swallowed(
    backend_store, clock, tmp_path
):
    # The cells add up to the header's three: only the whole row on line 3 gives it away.
    text = '姓名,职业,手机号码\n张三,"工程师\n李四,医生,13912345678\n王五,律师",13712345678\n'
    report = import_clients(write(tmp_path, text), "desk1")
    assert rejections(report) == {
        2: "The quote opened on line 2 is not closed; the row runs to line 4."
    }
    people = {c.name: clients.get_client(c.id).draft for c in clients.list_clients()}
    assert sorted(people) == ["李四", "王五"]
    assert people["李四"].occupation == "医生"
    assert "139" not in people["王五"].occupation


def test_a_product_file_with_a_quote_left_open_in_its_notes_keeps_the_rows_after_it(
    home, database, tmp_path
):
    text = (
        "产品代码,产品名称,产品类别,风险等级,备注\n"
        'LC-001,稳健理财,理财,R2,"周末可办理\n'
        "JJ-002,债券基金,基金,R2,\n"
        "CK-003,三年定期,存款,,\n"
    )
    done = cli(home, database, "import-products", str(write(tmp_path, text, "products.csv")))
    assert done.returncode == 1, done.stderr
    assert done.stdout.splitlines()[0] == (
        "line 2: The quote opened on line 2 is not closed; the row runs to line 4."
    )
    assert sorted(stored(database, "SELECT code, notes FROM product")) == [
        ("CK-003", ""),
        ("JJ-002", ""),
    ]


def test_a_row_with_more_cells_than_the_header_is_rejected_not_shifted(
    backend_store, clock, tmp_path
):
    text = "姓名,职业,手机号码\n张三,高级,工程师,13812345678\n李四,医生,13912345678\n"
    report = import_clients(write(tmp_path, text), "desk1")
    assert rejections(report) == {
        2: "The line has 4 cells but the first line names 3 columns; a cell that holds "
        "the separator needs quotes around it."
    }
    assert [c.name for c in clients.list_clients()] == ["李四"]


def test_a_row_too_wide_with_a_bare_cr_in_a_quoted_cell_is_one_rejection_not_two_rows(
    backend_store, clock, tmp_path
):
    # An old Mac line end (a bare CR) inside a quoted occupation, and a separator
    # outside quotes: the row is too wide, its quotes all close. It was read as an open
    # quote and its second half ("工"",13812345678) imported as a client of its own.
    text = '姓名,职业,手机号码\n张三,"高级\r工",程师,13812345678\n李四,医生,13912345678\n'
    report = import_clients(write(tmp_path, text), "desk1")
    assert rejections(report) == {
        2: "The line has 4 cells but the first line names 3 columns; a cell that holds "
        "the separator needs quotes around it."
    }
    assert [c.name for c in clients.list_clients()] == ["李四"]


def test_a_line_break_inside_a_quoted_name_is_one_rejection_that_says_so(
    backend_store, clock, tmp_path
):
    text = '姓名,手机号码\n"张\n三",13812345678\n李四,13912345678\n'
    report = import_clients(write(tmp_path, text), "desk1")
    assert rejections(report) == {
        2: "The cell under 姓名 holds a line break; it must be on one line."
    }
    assert [c.name for c in clients.list_clients()] == ["李四"]


def test_a_quoted_cell_over_several_lines_in_the_notes_is_still_one_product(
    backend_store, clock, tmp_path
):
    text = (
        '产品代码,产品名称,产品类别,风险等级,备注\nLC-001,稳健理财,理财,R2,"周末可办理\n限柜台"\n'
    )
    report = import_products(write(tmp_path, text, "products.csv"), "desk1")
    assert (report.imported, report.rejected) == (1, [])


# ---------------------------------------------------------------- encodings


def test_a_utf8_line_in_a_gbk_file_is_read_right_and_a_broken_line_is_rejected(
    home, database, tmp_path
):
    name, mobile, number = FIVE[0]
    data = (
        "姓名,手机号码,身份证号码\n".encode("gbk")
        + f"欧阳娜娜,13512345678,{resident_id('19900101', 23)}\n".encode("gbk")
        + f"张伟,13812345678,{resident_id('19910101', 25)}\n".encode()  # pasted from UTF-8
        + b"\xff\xfe\xfd,13812345679,\n"  # neither
        + f"{name},{mobile},{number}\n".encode("gbk")
    )
    done = cli(home, database, "import-clients", str(write(tmp_path, data)))
    assert done.returncode == 1, done.stderr
    assert done.stdout.splitlines() == [
        "lines read as UTF-8, unlike the rest of the file: 3",
        "line 4: The line is neither UTF-8 nor GBK/GB18030 text; save the file as CSV UTF-8.",
        "imported: 3, rejected: 1",
    ]
    assert sorted(n for (n,) in stored(database, "SELECT name FROM client")) == sorted(
        ["欧阳娜娜", "张伟", name]
    )


def test_a_gbk_line_in_a_utf8_file_is_read_right(backend_store, clock, tmp_path):
    data = "姓名,职业\n张伟,教师\n".encode() + "李娜,医生\n".encode("gbk") + "王芳,会计\n".encode()
    report = import_clients(write(tmp_path, data), "desk1")
    assert (report.encoding, report.other_encoding, report.other_encoding_lines) == (
        "utf-8",
        "gb18030",
        [3],
    )
    people = {c.name: clients.get_client(c.id).draft.occupation for c in clients.list_clients()}
    assert people == {"张伟": "教师", "李娜": "医生", "王芳": "会计"}


def _both_ways() -> bytes:
    """GBK bytes of two common Chinese characters that are also UTF-8 for common
    characters (two Cyrillic or Greek letters): valid and plausible in both."""
    from wealthdesk.domain.csv_file import _uncommon

    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xC0):
            piece = bytes([lead, trail])
            try:
                gbk, utf8 = piece.decode("gb2312"), piece.decode("utf-8")
            except UnicodeDecodeError:
                continue
            if _uncommon(gbk) == _uncommon(utf8) == 0:
                return piece * 2
    raise AssertionError("no such bytes")


def test_a_line_that_reads_as_different_text_in_each_encoding_is_rejected_not_guessed(
    backend_store, clock, tmp_path
):
    ambiguous = _both_ways()
    data = "姓名,职业\n".encode("gbk") + "张伟,教师\n".encode("gbk") + ambiguous + b",x\n"
    report = import_clients(write(tmp_path, data), "desk1")
    assert rejections(report) == {
        3: "The line reads as different text in UTF-8 and in GBK; save the file as CSV "
        "UTF-8 and import it again."
    }
    assert [c.name for c in clients.list_clients()] == ["张伟"]


def test_a_file_that_is_not_text_at_all_is_refused_as_a_whole():
    from wealthdesk.domain.csv_file import CsvFileError

    with pytest.raises(CsvFileError, match="not text in UTF-8 or GBK"):
        decode_csv(b"PK\x03\x04\xff\xfe\x00\x80\nrest\n")


# ---------------------------------------------------------------- invisible characters


def test_a_hidden_bom_or_zero_width_space_in_an_id_number_is_dropped(
    backend_store, clock, tmp_path
):
    first, second = resident_id("19800101", 11), resident_id("19810202", 13)
    text = (
        "姓名,身份证号码,手机号码\n"
        f"张三,\ufeff{first},138\u200b1234\u20605678\n"
        f"李四,{second[:8]}\u200b{second[8:]},\n"
    )
    report = import_clients(write(tmp_path, text), "desk1")
    assert report.rejected == []
    people = {c.name: c.id for c in clients.list_clients()}
    numbers = {clients.reveal_identifier(i, "id_number", "test") for i in people.values()}
    assert numbers == {first, second}
    assert clients.reveal_identifier(people["张三"], "mobile", "test") == "13812345678"


# ---------------------------------------------------------------- the terminal


def test_escape_sequences_in_a_file_are_printed_as_text_not_run(home, database, tmp_path):
    text = "姓名,客户等级,\x1b]0;pwned\x07备注\n张三,\x1b[2J\x1b[31m金卡\r\n"
    done = cli(home, database, "import-clients", str(write(tmp_path, text)))
    assert done.returncode == 1
    for control in ("\x1b", "\x07", "\r"):
        assert control not in done.stdout and control not in done.stderr
    assert "\\x1b]0;pwned\\x07备注" in done.stdout
    assert "Unknown value \\x1b[2J\\x1b[31m金卡" in done.stdout


def test_a_header_of_200000_unknown_columns_is_named_in_a_short_line(home, database, tmp_path):
    header = ",".join(["姓名", *(f"列{i}" for i in range(200_000))])
    done = cli(home, database, "import-clients", str(write(tmp_path, header + "\n张三\n")))
    assert done.returncode == 0, done.stderr
    first, last = done.stdout.splitlines()
    assert first.startswith("ignored columns: 列0, 列1,") and first.endswith(" and 199980 more")
    assert len(first) < 400
    assert last == "imported: 1, rejected: 0"


# ---------------------------------------------------------------- formulas in what we write


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-12.50", "-12.50"),
        ("+86", "+86"),
        (-3, -3),
        ("张三", "张三"),
        ("", ""),
    ],
)
def test_a_cell_that_would_start_a_formula_is_written_as_text(value, written):
    assert spreadsheet_safe(value) == written


def test_the_csv_writer_keeps_negative_numbers_as_numbers(tmp_path):
    path = tmp_path / "x.csv"
    with path.open("w", newline="", encoding="utf-8") as file:
        csv_writer(file).writerows([["-12.50", -7, "=1+1"]])
    with path.open(newline="", encoding="utf-8") as file:
        assert list(csv.reader(file)) == [["-12.50", "-7", "'=1+1"]]


def _formula_cells(rows: list[list[str]]) -> list[str]:
    import re

    number = re.compile(r"[+-]?\d+(\.\d+)?")
    return [
        cell
        for row in rows
        for cell in row
        if cell[:1] in ("=", "+", "-", "@", "\t", "\r") and not number.fullmatch(cell)
    ]


def test_the_day_close_csv_files_carry_no_live_formula(backend_store, clock, tmp_path):
    from day_close_day import DAY, DESK, make_day

    from wealthdesk.db.models import Product, Sale, Visit
    from wealthdesk.reports.day_close import day_close_csv
    from wealthdesk.services import day_close

    make_day(clock)
    Product.update(name='=HYPERLINK("http://evil","账户")').execute()
    Sale.update(recording_ref="+cmd|' /C calc'!A0", desk="@SUM(1)").execute()
    Visit.update(desk="-1+1", outcome="=1+1").execute()
    visits, sold = day_close_csv(tmp_path, day_close.summary(DAY, DESK))

    read = []
    for path in (visits, sold):
        with path.open(encoding="utf-8-sig", newline="") as file:
            read.append(list(csv.reader(file)))
    assert _formula_cells(read[0] + read[1]) == []
    sales = [dict(zip(read[1][0], row, strict=True)) for row in read[1][1:]]
    assert {s["Product"] for s in sales} == {'\'=HYPERLINK("http://evil","账户")'}
    assert {s["Recording"] for s in sales} >= {"'+cmd|' /C calc'!A0"}
    assert all(float(s["Amount (yuan)"]) > 0 for s in sales)
    assert {row[3] for row in read[0][1:]} == {"'-1+1"}


def test_an_import_file_named_like_a_formula_is_exported_as_text(home, database, tmp_path):
    path = write(tmp_path, "姓名\n张三\n", name="=HYPERLINK(1)+cmd.csv")
    assert cli(home, database, "import-clients", str(path)).returncode == 0
    out = tmp_path / "audit.csv"
    done = cli(home, database, "audit-export", "--out", str(out))
    assert done.returncode == 0, done.stderr
    with out.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert _formula_cells(rows) == []
    assert any(row[-1].startswith("'=HYPERLINK(1)+cmd.csv: imported 1") for row in rows)


# ---------------------------------------------------------------- audit export, day close


def test_an_action_from_a_newer_release_is_exported_by_its_own_name(home, database, tmp_path):
    assert (
        cli(home, database, "import-clients", str(write(tmp_path, "姓名\n张三\n"))).returncode == 0
    )
    # A newer release writes its entry chained like every other (the log takes no other).
    from wealthdesk import db as storage
    from wealthdesk.db.connection import sqlite_url
    from wealthdesk.services import audit

    storage.connect(sqlite_url(database))
    try:
        with storage.database.atomic():
            audit.record("quantum_teleport", "desk9", None, "from release 99")
    finally:
        storage.close()
    out = tmp_path / "audit.csv"
    done = cli(home, database, "audit-export", "--out", str(out))
    assert done.returncode == 0, done.stderr
    with out.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    (future,) = [r for r in rows if r["actor"] == "desk9"]
    assert (future["action"], future["action_label"], future["detail"]) == (
        "quantum_teleport",
        "quantum_teleport",
        "from release 99",
    )


def _later(days: int) -> dt.date:
    return dt.date.today() + dt.timedelta(days=days)


@pytest.mark.parametrize(
    "period",
    [
        ["--date", "9999-12-31"],
        ["--month", "9999-12"],
        ["--week", "9999-12-31"],
        ["--date", "{in_two_days}"],
        ["--month", "{next_month}"],
    ],
)
def test_a_day_or_period_that_has_not_begun_is_refused_in_one_line(
    home, database, tmp_path, period
):
    upcoming = _later(40)
    values = {"in_two_days": _later(2).isoformat(), "next_month": f"{upcoming:%Y-%m}"}
    out = tmp_path / "close.pdf"
    done = cli(
        home, database, "day-close", period[0], period[1].format(**values), "--out", str(out)
    )
    assert done.returncode == 2
    (line,) = done.stderr.splitlines()
    assert line.startswith("wealthdesk: ") and "has not begun yet" in line
    assert "Traceback" not in done.stderr and not out.exists()


def test_an_audit_export_to_the_calendar_s_last_day_is_written(home, database, tmp_path):
    out = tmp_path / "audit.csv"
    done = cli(home, database, "audit-export", "--to", "9999-12-31", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_text("utf-8-sig").startswith("id,at,actor")


def test_a_line_break_in_a_name_in_a_file_of_short_rows_is_still_one_rejection(
    backend_store, clock, tmp_path
):
    # Hand-written files leave the empty cells at a row's end out.
    text = '姓名,职业,手机号码,备注,客户经理\n"张\n三",教师,13812345678\n李四,,13912345678\n'
    report = import_clients(write(tmp_path, text), "desk1")
    assert rejections(report) == {
        2: "The cell under 姓名 holds a line break; it must be on one line."
    }
    assert [c.name for c in clients.list_clients()] == ["李四"]


def test_a_quote_closed_on_the_next_line_cannot_hand_one_client_s_mobile_to_another(
    backend_store, clock, tmp_path
):
    # 张三's occupation opens a quote that 李四's occupation closes: without a check the
    # row reads as 张三 with 李四's mobile.
    text = '姓名,职业,手机号码\n张三,"工程师,x\n李四,"医生",13912345678\n王五,律师,13712345678\n'
    report = import_clients(write(tmp_path, text), "desk1")
    assert rejections(report)[2].startswith("The quote opened on line 2 is not closed")
    people = {c.name: c.id for c in clients.list_clients()}
    assert sorted(people) == ["李四", "王五"]
    assert clients.reveal_identifier(people["李四"], "mobile", "test") == "13912345678"
