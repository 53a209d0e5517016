"""The PDF preview every document goes through: the file shown is the file printed (to a
PDF printer offscreen) and the file saved; no printer, a refusing printer and an
unwritable folder each get a clear message and leave nothing behind."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from wealthdesk import local_settings
from wealthdesk.ui import pdf_preview
from wealthdesk.ui.pdf_preview import PdfPreviewDialog, preview_pdf_file


def two_landscape_pages(path: Path) -> Path:
    page = canvas.Canvas(str(path), pagesize=landscape(A4))
    for number in (1, 2):
        page.setFont("Helvetica", 48)
        page.drawString(100, 300, f"Page {number}")
        page.showPage()
    page.save()
    return path


@pytest.fixture
def dialog(qtbot, tmp_path, prompts, language):
    language.install_language("en")  # the messages below are read in English
    shown = PdfPreviewDialog("Test", two_landscape_pages(tmp_path / "shown.pdf"), "copy.pdf")
    qtbot.addWidget(shown)
    return shown


def to_file(target: Path):
    """A print dialog's answer: print to *target* as a PDF file (a printer's stand-in)."""

    def setup(printer) -> bool:
        printer.setOutputFormat(printer.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return True

    return setup


def test_the_preview_shows_every_page_of_the_file(dialog):
    assert dialog.preview.page_count() == 2
    assert dialog.preview.pages_label.text() != ""


def test_printing_keeps_the_pages_and_their_landscape_orientation(
    dialog, prompts, tmp_path, monkeypatch
):
    monkeypatch.setattr(pdf_preview, "printer_names", lambda: ["Office"])
    printed = tmp_path / "printed.pdf"
    prompts.answer("print", to_file(printed))
    with_signal = []
    dialog.printed.connect(lambda: with_signal.append(True))
    assert dialog.print_document()
    pages = PdfReader(printed).pages
    assert len(pages) == 2
    width, height = float(pages[0].mediabox.width), float(pages[0].mediabox.height)
    assert width > height  # landscape, as the document
    assert abs(width - 842) < 2 and abs(height - 595) < 2  # A4
    assert with_signal == [True]


def test_a_pc_without_a_printer_is_told_to_add_one_or_save(dialog, prompts, monkeypatch):
    monkeypatch.setattr(pdf_preview, "printer_names", lambda: [])
    assert not dialog.print_document()
    kind, _title, text = prompts.shown[-1]
    assert kind == "warn" and "no printer" in text
    assert "print" not in prompts.kinds()  # the print dialog never opened


def test_a_printer_that_cannot_be_opened_says_so(dialog, prompts, tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_preview, "printer_names", lambda: ["Office"])
    prompts.answer("print", to_file(tmp_path / "no-such-folder" / "printed.pdf"))
    assert not dialog.print_document()
    kind, _title, text = prompts.shown[-1]
    assert kind == "warn" and "no-such-folder" in text and "cannot be opened" in text


def test_the_last_printer_is_offered_again_while_it_is_there(qapp):
    local_settings.set_state(pdf_preview.LAST_PRINTER, "Lobby")
    assert pdf_preview.preferred_printer(["Office", "Lobby"]) == "Lobby"
    assert pdf_preview.preferred_printer(["Office"]) == ""  # removed since: the default


def test_saving_copies_the_file_shown(dialog, prompts, tmp_path):
    target = tmp_path / "saved"
    prompts.answer("save_file", str(target))
    saved = dialog.save_copy()
    assert saved == tmp_path / "saved.pdf"  # the extension is added
    assert saved.read_bytes() == (tmp_path / "shown.pdf").read_bytes()


def test_saving_into_a_missing_folder_says_why_and_leaves_nothing(dialog, prompts, tmp_path):
    prompts.answer("save_file", str(tmp_path / "missing" / "copy.pdf"))
    assert dialog.save_copy() is None
    kind, _title, text = prompts.shown[-1]
    assert kind == "warn" and "missing" in text
    assert not (tmp_path / "missing").exists()


def test_a_failed_write_removes_the_temporary_folder(qtbot, tmp_path):
    made = []

    def write(path: Path) -> Path:
        made.append(path)
        path.write_bytes(b"half")
        raise OSError("disk full")

    with pytest.raises(OSError):
        preview_pdf_file(None, "Test", write, "x.pdf")
    assert made and not made[0].parent.exists()


def test_closing_the_dialog_removes_its_temporary_file(qtbot):
    dialog = preview_pdf_file(None, "Test", two_landscape_pages, "x.pdf")
    qtbot.addWidget(dialog)
    path = dialog.preview.path
    assert path is not None and path.exists()
    dialog.reject()
    assert not path.exists() and dialog.preview.page_count() == 0
