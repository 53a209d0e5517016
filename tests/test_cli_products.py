"""``import-products FILE.csv`` on the command line, as scripts use it."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_cli import run_cli, stored

from wealthdesk.db.connection import sqlite_url

CATALOGUE = """产品代码,产品名称,产品类别,风险等级,起购金额,期限
LC-001,稳健添利90天,理财,R2,1万,90
LC-002,无评级理财,理财,,1万,
JJ-001,科技成长股票基金,基金,R4,10,
JJ-001,重复的基金,基金,R4,10,
"""


@pytest.fixture
def home(tmp_path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


@pytest.fixture
def database(tmp_path) -> Path:
    return tmp_path / "branch.sqlite3"


def csv_file(tmp_path, text: str, encoding: str) -> Path:
    path = tmp_path / "products.csv"
    path.write_bytes(text.encode(encoding))
    return path


def test_rejected_lines_are_listed_and_the_last_line_counts_exit_1(home, database, tmp_path):
    path = csv_file(tmp_path, CATALOGUE, "gbk")
    done = run_cli(home, "import-products", str(path), "--db", sqlite_url(database), "--lang", "en")
    assert done.returncode == 1, done.stderr
    lines = done.stdout.strip().splitlines()
    assert lines[-1] == "imported: 2, rejected: 2"
    assert lines[0].startswith("line 3: ") and "must be rated" in lines[0]
    assert lines[1].startswith("line 5: ") and "same product code is on line 4" in lines[1]
    assert done.stderr == ""
    assert sorted(stored(database, "SELECT code FROM product")) == [("JJ-001",), ("LC-001",)]


def test_a_clean_catalogue_exits_0(home, database, tmp_path):
    path = csv_file(tmp_path, "code,name,family\nKA-1,白金信用卡,card\n", "utf-8-sig")
    done = run_cli(home, "import-products", str(path), "--db", sqlite_url(database))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "imported: 1, rejected: 0"


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"\xb4\xfa\xc2\xeb\xff\n1\n", "UTF-8 or GBK"),  # the header itself
        ("产品名称\n理财\n".encode(), "产品代码"),
        (b"", "empty"),
    ],
    ids=["undecodable", "no-code-column", "empty"],
)
def test_an_unreadable_file_exits_2_with_one_line(home, database, tmp_path, content, says):
    path = tmp_path / "products.csv"
    path.write_bytes(content)
    done = run_cli(home, "import-products", str(path), "--db", sqlite_url(database), "--lang", "en")
    assert done.returncode == 2
    assert len(done.stderr.splitlines()) == 1 and str(path) in done.stderr
    assert says in done.stderr
    assert stored(database, "SELECT id FROM product") == []


def test_a_missing_file_or_argument_exits_2(home, database, tmp_path):
    missing = tmp_path / "no-such.csv"
    done = run_cli(home, "import-products", str(missing), "--db", sqlite_url(database))
    assert done.returncode == 2 and str(missing) in done.stderr
    bare = run_cli(home, "import-products", "--db", sqlite_url(database))
    assert bare.returncode == 2 and len(bare.stderr.splitlines()) == 1
