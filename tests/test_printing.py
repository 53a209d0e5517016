"""Printing through a real CUPS print service (a private scheduler with a cups-pdf queue,
tests/cups_server.py): the command line's --print sends the PDF itself, says printed and
logs it only when the print service took the job, and a queue that refuses jobs or is
stopped is reported as not printed, with the reason, and not logged."""

# ruff: noqa: F811 - the fixtures imported from the other tests are parameters here
from __future__ import annotations

import pytest
from cups_server import QUEUE
from pypdf import PdfReader
from test_cli import run_cli, stored
from test_cli_notice import LOGGED, desk_set_up, home, out  # noqa: F401 - fixtures

from wealthdesk.db.connection import sqlite_url
from wealthdesk.services import printing

A4 = (595.28, 841.89)


@pytest.fixture
def database(tmp_path):
    return tmp_path / "branch.sqlite3"


def is_a4(page) -> bool:
    size = sorted((float(page.mediabox.width), float(page.mediabox.height)))
    return all(abs(a - b) < 3 for a, b in zip(size, A4, strict=True))


def cli(home, database, *args):
    """The command line, its messages in English (a notice's --lang en)."""
    return run_cli(home, *args, "--lang", "en", "--db", sqlite_url(database))


def test_a_notice_printed_from_the_command_line_reaches_the_queue_whole(
    cups, home, desk_set_up, tmp_path
):
    before = cups.mark()
    done = cli(home, desk_set_up, "notice", "away", "--print", "--printer", QUEUE)
    assert done.returncode == 0, done.stderr
    assert f"printed on {QUEUE}" in done.stdout
    printed = PdfReader(cups.take(before, tmp_path))
    assert len(printed.pages) == 1 and is_a4(printed.pages[0])
    # Text, not a picture of the page (cups-pdf's Ghostscript keeps the digits readable).
    assert "0571-88886666" in printed.pages[0].extract_text()
    assert [row[1:] for row in stored(desk_set_up, LOGGED)] == [("notice_printed", "away 1")]


def test_the_day_close_printed_has_the_pages_of_the_summary_on_a4(cups, home, database, tmp_path):
    before = cups.mark()
    saved = tmp_path / "close.pdf"
    done = cli(home, database, "day-close", "--out", str(saved), "--print", "--printer", QUEUE)
    assert done.returncode == 0, done.stderr
    assert "day close saved" in done.stdout and f"printed on {QUEUE}" in done.stdout
    printed = PdfReader(cups.take(before, tmp_path))
    assert len(printed.pages) == len(PdfReader(saved).pages)
    assert all(is_a4(page) for page in printed.pages)
    audited = "SELECT action FROM audit_entry WHERE action = 'day_close_printed'"
    assert stored(database, audited) == [("day_close_printed",)]


def test_a_queue_that_refuses_jobs_is_not_printed_and_not_logged(cups, home, desk_set_up):
    cups.run("cupsreject", "-r", "paper jam in tray 2", QUEUE)
    done = cli(home, desk_set_up, "notice", "lunch", "--print", "--printer", QUEUE)
    assert done.returncode == 1
    assert len(done.stderr.splitlines()) == 1
    assert "not printed" in done.stderr and "not accepting jobs" in done.stderr
    assert "paper jam in tray 2" in done.stderr  # the reason CUPS was given
    assert stored(desk_set_up, LOGGED) == []
    assert cups.pending_jobs() == []


def test_a_stopped_printer_is_not_printed_and_its_job_is_withdrawn(cups, home, desk_set_up, out):
    cups.run("cupsdisable", "-r", "out of toner", QUEUE)
    saved = out / "n.pdf"
    done = cli(home, desk_set_up, "notice", "away", "--out", str(saved), "--print")
    assert done.returncode == 1, done.stdout
    assert "stopped" in done.stderr and "out of toner" in done.stderr
    assert saved.exists()  # what was asked to be saved is saved
    assert [row[1] for row in stored(desk_set_up, LOGGED)] == ["notice_saved"]
    assert cups.pending_jobs() == []  # it will not print behind the manager's back


def test_no_printer_of_that_name_is_a_usage_error(cups, home, desk_set_up):
    done = cli(home, desk_set_up, "notice", "away", "--print", "--printer", "Nowhere")
    assert done.returncode == 2
    assert "There is no printer called Nowhere" in done.stderr
    assert stored(desk_set_up, LOGGED) == []


def test_with_the_print_service_not_running_it_says_so_not_no_such_printer(
    cups_stopped, home, desk_set_up
):
    done = cli(home, desk_set_up, "notice", "away", "--print", "--printer", "NOPE")
    assert done.returncode == 2
    assert done.stderr.strip() == (
        f"wealthdesk: not printed: The print service (CUPS at {cups_stopped}) is not "
        "running: nothing can be printed until it is started."
    )
    assert stored(desk_set_up, LOGGED) == []
    # The default printer too: not "no printer is set up".
    outcome = printing.print_pdf(b"%PDF-1.4", "", "wealthdesk-test")
    assert (outcome.printed, outcome.problem) == (False, "not_running")


def test_the_service_follows_the_job_to_its_end(cups, tmp_path):
    from wealthdesk.reports.fonts import cjk_font
    from wealthdesk.reports.notice import render_notice
    from wealthdesk.services.notices import draft_for

    before = cups.mark()
    outcome = printing.print_pdf(render_notice(draft_for("text", text="Test"), cjk_font()),
                                 QUEUE, "wealthdesk-test")  # fmt: skip
    assert outcome.printed and outcome.job_id and outcome.state in ("completed", "processing")
    assert cups.take(before, tmp_path).stat().st_size > 0
