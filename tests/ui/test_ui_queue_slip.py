"""The queue slip at the lobby's check-in (issue 24), through a real CUPS print service
(tests/cups_server.py): with the branch's setting on, a visitor checked in at the lobby
gets an 80 mm slip on the receipt printer named in the settings, and the lobby is told;
with it off nothing is printed; a printer that does not exist is said plainly. The
check-in never waits for the printer."""

# ruff: noqa: F811 - the fixtures imported from the other tests are parameters here
from __future__ import annotations

import io

import pytest
from cups_server import QUEUE
from pypdf import PdfReader
from test_ui_branch_roles import lobby  # noqa: F401 - fixture

from wealthdesk.services import queue
from wealthdesk.services import settings as settings_service

MM = 72 / 25.4


@pytest.fixture
def slips_on(store):
    settings_service.save(
        {"queue_slip": True, "queue_slip_printer": QUEUE, "branch_name": "西湖支行"}, "1", "m"
    )


def test_a_visitor_checked_in_at_the_lobby_gets_a_slip_on_the_receipt_printer(
    cups, slips_on, lobby, qtbot, tmp_path
):
    queue.check_in(queue.CheckIn(walk_in_name="先到的"), "lobby")
    before = cups.mark()
    page = lobby.queue_page
    page.send_to.setCurrentIndex(page.send_to.findData("1"))
    page.check_in_search.setText("张先生")
    with qtbot.waitSignal(lobby.slips.finished, timeout=30_000) as told:
        visit = page.check_in_new_visitor()
        assert page.check_in_search.text() == ""  # checked in before the printer answers
    assert told.args == [visit.ticket, True, ""]
    assert lobby.statusBar().currentMessage() == f"Queue slip for {visit.ticket} printed."
    made = PdfReader(io.BytesIO(lobby.slips.last_pdf)).pages[0]
    assert abs(float(made.mediabox.width) - 80 * MM) < 0.5
    said = made.extract_text()
    assert "西湖支行" in said and "张" not in said  # the branch; nothing about the visitor
    # What the printer printed is that slip (cups-pdf's Ghostscript keeps the Latin text
    # readable, not the Chinese).
    printed = PdfReader(cups.take(before, tmp_path))
    assert abs(float(printed.pages[0].mediabox.width) - 80 * MM) < 1.5  # on the roll, not A4
    text = printed.pages[0].extract_text()
    assert visit.ticket in text and "People ahead of you: 1" in text
    assert "Please wait for desk 1" in text


def test_no_slip_is_printed_when_the_branch_turned_slips_off(cups, lobby, qtbot, prompts):
    page = lobby.queue_page
    page.check_in_search.setText("张先生")
    with qtbot.assertNotEmitted(lobby.slips.finished, wait=300):
        assert page.check_in_new_visitor() is not None
    assert cups.pending_jobs() == [] and cups.completed_jobs() == []


def test_a_receipt_printer_that_does_not_exist_is_said_not_printed(lobby, qtbot):
    settings_service.save({"queue_slip": True, "queue_slip_printer": "NoSuchReceipt"}, "1", "m")
    page = lobby.queue_page
    page.check_in_search.setText("张先生")
    with qtbot.waitSignal(lobby.slips.finished, timeout=30_000) as told:
        visit = page.check_in_new_visitor()
    ticket, printed, _why = told.args
    assert (ticket, printed) == (visit.ticket, False)
    message = lobby.statusBar().currentMessage()
    assert message.startswith(f"Queue slip for {visit.ticket} not printed: ")
