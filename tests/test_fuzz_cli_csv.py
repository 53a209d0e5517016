"""Fuzzing the command line's arguments and the client CSV's rows with hypothesis (issue 9):
whatever is typed or found in a file, the program ends with exit 0, 1 or 2 and no
traceback, a usage refusal names what is wrong on stderr, and every CSV row is either
imported or rejected with a reason — none is lost and nothing raises."""

from __future__ import annotations

import contextlib
import csv
import io
import os
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wealthdesk.db.connection import sqlite_url
from wealthdesk.domain.client_csv import CsvFileError
from wealthdesk.services.client_import import import_clients

# Cells as a hostile or careless file has them: quotes, separators, line breaks, control
# and invisible characters, Chinese text, numbers of every length.
CELL = st.one_of(
    st.text(
        alphabet=st.sampled_from(
            list("\"',;\n\r\t \x00\x1b\ufeff\u200b-=+@") + list("张伟欧阳李娜1234567890Xx")
        ),
        max_size=24,
    ),
    st.sampled_from(["13812345678", "11010519491231002X", "360426199101010071", "张伟"]),
)
ROW = st.lists(CELL, min_size=0, max_size=4)  # no wider than the header

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ
@given(rows=st.lists(ROW, min_size=1, max_size=8))
def test_every_csv_row_is_imported_or_rejected_with_a_reason(store, tmp_path, rows):
    path = tmp_path / "clients.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["姓名", "手机号", "身份证号", "职业"])
        writer.writerows(rows)
    try:
        report = import_clients(path, "fuzz")
    except CsvFileError as exc:  # the file as a whole refused: said why
        assert str(exc).strip()
        return
    data_rows = len(rows)
    assert report.imported + len(report.rejected) <= data_rows
    for rejection in report.rejected:
        assert rejection.line >= 2
        assert rejection.render().strip()  # every rejection names what is wrong


@FUZZ
@given(data=st.binary(max_size=400))
def test_any_bytes_as_a_client_file_are_read_or_refused_in_words(store, tmp_path, data):
    path = tmp_path / "anything.csv"
    path.write_bytes(data)
    try:
        import_clients(path, "fuzz")
    except CsvFileError as exc:
        assert str(exc).strip()


COMMANDS = [
    "demo",
    "import-clients",
    "import-products",
    "notice",
    "day-close",
    "backup",
    "restore",
    "audit-export",
    "audit-verify",
    "calendar",
    "questionnaire",
    "plan",
    "desk",
]
TOKENS = [
    "--date",
    "--week",
    "--month",
    "--out",
    "--csv",
    "--clients",
    "--seed",
    "--lang",
    "--print",
    "--printer",
    "--client",
    "--back",
    "--from",
    "--to",
    "--desk",
    "--answers",
    "--birth-date",
    "lunch",
    "away",
    "closed",
    "import",
    "check",
    "score",
    "reset-pin",
    "2026-12-07",
    "2026-02-30",
    "9999-12",
    "0",
    "-1",
    "5",
    "1e9",
    "out.pdf",
    "missing/folder/x.pdf",
    "",
    "--",
    "张伟",
    "\x1b[2J",
]
ARGV = st.tuples(
    st.sampled_from(COMMANDS),
    st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=12)), max_size=6),
)


@pytest.fixture
def in_a_folder(tmp_path, monkeypatch):
    """A folder to run in, with no PIN on standard input; what the program sets for its
    process (the file mask, the language) put back after, for the tests that follow."""
    from wealthdesk import i18n

    monkeypatch.chdir(tmp_path)  # what a random --out writes stays here
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # no PIN typed at reset-pin
    mask = os.umask(0o022)
    os.umask(mask)
    yield tmp_path
    os.umask(mask)
    from PySide6.QtCore import QCoreApplication

    if QCoreApplication.instance() is not None:
        i18n.install_language("en")  # the source strings, as the tests after expect


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(argv=ARGV)
def test_any_command_line_ends_in_0_1_or_2_and_a_refusal_says_why(in_a_folder, argv):
    from wealthdesk import app, db

    command, rest = argv
    args = [command, *rest, "--db", sqlite_url(in_a_folder / "fuzz.sqlite3")]
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = app.main(args)
            except SystemExit as exc:  # --help, and argparse's own exits
                status = exc.code if isinstance(exc.code, int) else 2
    finally:
        db.close()
    assert status in (0, 1, 2), (args, status, err.getvalue())
    assert "Traceback" not in err.getvalue() + out.getvalue(), args
    if status == 2:
        assert err.getvalue().strip(), args  # a refusal is said
    assert "\x1b" not in err.getvalue() + out.getvalue(), args  # escapes never reach a terminal
