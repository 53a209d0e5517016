"""The window's print path through a real CUPS print service (tests/cups_server.py): the
preview's Print sends the PDF itself to the queue; the door notice printed behind the
lock is said printed, and logged, only when the queue took it; a queue that refuses
jobs is said not printed, with CUPS's reason, and nothing is logged."""

# ruff: noqa: F811 - the fixtures imported from the other tests are parameters here
from __future__ import annotations

import pytest
from cups_server import QUEUE
from pypdf import PdfReader
from test_ui_notice import logged, window  # noqa: F401 - fixtures
from test_ui_pdf_preview import two_landscape_pages

from wealthdesk import local_settings
from wealthdesk.domain.notice import NoticeKind
from wealthdesk.ui import pdf_preview
from wealthdesk.ui.pdf_preview import PdfPreviewDialog


def on_queue(printer) -> bool:
    """The print dialog's answer: the test's CUPS queue."""
    printer.setPrinterName(QUEUE)
    return True


@pytest.fixture
def dialog(qtbot, tmp_path, prompts, language):
    language.install_language("en")
    shown = PdfPreviewDialog("Test", two_landscape_pages(tmp_path / "shown.pdf"), "copy.pdf")
    qtbot.addWidget(shown)
    return shown


def test_the_preview_prints_the_pdf_itself_on_the_queue(cups, dialog, prompts, tmp_path):
    assert QUEUE in pdf_preview.printer_names()
    before = cups.mark()
    prompts.answer("print", on_queue)
    assert dialog.print_document()
    printed = PdfReader(cups.take(before, tmp_path))
    assert len(printed.pages) == 2
    assert "Page 2" in printed.pages[1].extract_text()  # text, not a picture of it
    assert "warn" not in prompts.kinds()
    assert local_settings.state(pdf_preview.LAST_PRINTER) == QUEUE


def test_a_queue_refusing_jobs_is_said_not_printed(cups, dialog, prompts):
    cups.run("cupsreject", "-r", "being serviced", QUEUE)
    prompts.answer("print", on_queue)
    assert not dialog.print_document()
    kind, _title, text = prompts.shown[-1]
    assert kind == "warn" and "not accepting jobs" in text and "being serviced" in text


def test_the_notice_behind_the_lock_is_printed_and_logged_once_the_queue_has_it(
    cups, window, prompts, tmp_path
):
    local_settings.set_state(pdf_preview.LAST_PRINTER, QUEUE)
    before = cups.mark()
    prompts.answer("dialog", lambda dialog: dialog.accept() or dialog.result())
    window.step_away_action.trigger()
    assert window.locked and "print" not in prompts.kinds()
    assert "Door notice printed" in window.lock_screen.notice_label.text()
    assert logged("printed") == [NoticeKind.AWAY]
    assert len(PdfReader(cups.take(before, tmp_path)).pages) == 1


def test_a_refusing_queue_behind_the_lock_is_said_and_not_logged(cups, window, prompts):
    local_settings.set_state(pdf_preview.LAST_PRINTER, QUEUE)
    cups.run("cupsreject", "-r", "paper jam", QUEUE)
    prompts.answer("dialog", lambda dialog: dialog.accept() or dialog.result())
    window.step_away_action.trigger()
    assert window.locked
    said = window.lock_screen.notice_label.text()
    assert "not printed" in said and "not accepting jobs" in said and "paper jam" in said
    assert window.lock_screen.save_notice_button.isVisibleTo(window.lock_screen)
    assert logged("printed") == []
