"""The PDF preview every document goes through: the file shown is the file printed (to a
PDF printer offscreen) and the file saved; no printer, a refusing printer and an
unwritable folder each get a clear message and leave nothing behind."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QApplication
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


def test_a_pc_without_a_printer_is_told_to_add_one_or_save(dialog, prompts, no_printer):
    assert not dialog.print_document()
    kind, _title, text = prompts.shown[-1]
    assert kind == "warn" and "no printer" in text
    assert "print" not in prompts.kinds()  # the print dialog never opened


def test_a_stopped_print_service_is_said_stopped_not_a_pc_without_printers(
    dialog, prompts, cups_stopped
):
    assert not dialog.print_document()
    kind, _title, text = prompts.shown[-1]
    assert kind == "warn" and f"The print service (CUPS at {cups_stopped}) is not running" in text
    assert "no printer" not in text
    assert "print" not in prompts.kinds()


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


# ---------------------------------------------------------------- zoom


def one_portrait_page(path: Path) -> Path:
    """One A4 page in portrait, as the day's agenda is."""
    page = canvas.Canvas(str(path), pagesize=A4)
    page.setFont("Helvetica", 9)
    page.drawString(72, 760, "Agenda for Monday")
    page.showPage()
    page.save()
    return path


@pytest.fixture
def agenda(qtbot, tmp_path, prompts, language):
    language.install_language("en")
    shown = PdfPreviewDialog("Agenda", one_portrait_page(tmp_path / "agenda.pdf"), "a.pdf")
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow, timeout=2000)
    return shown


def page_width_shown(preview) -> float:
    """The page's width on screen in pixels, as QPdfView lays it out."""
    points = preview.document.pagePointSize(0).width()
    return points * preview.screen().logicalDotsPerInch() / 72 * preview.zoom_factor()


def percent(preview) -> int:
    text = preview.zoom_label.text()
    assert text.endswith("%")
    return int(text[:-1])


def test_a_one_page_document_opens_fitted_to_the_width_and_shows_its_zoom(agenda):
    preview = agenda.preview
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    assert preview.fit_width_button.isChecked() and not preview.fit_page_button.isChecked()
    usable = preview.view.viewport().width() - 2 * preview.view.documentMargins().left()
    assert abs(page_width_shown(preview) - usable) <= 2  # the page fills the width
    assert percent(preview) == round(preview.zoom_factor() * 100)
    assert percent(preview) > 90  # readable, not the whole page squeezed into the view
    for widget in (preview.fit_width_button, preview.zoom_in_button, preview.zoom_label):
        assert widget.isVisible()


def test_fit_page_shows_the_whole_page_and_fit_width_comes_back(agenda, qtbot):
    preview = agenda.preview
    width_zoom = percent(preview)
    qtbot.mouseClick(preview.fit_page_button, Qt.MouseButton.LeftButton)
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitInView
    assert preview.fit_page_button.isChecked() and not preview.fit_width_button.isChecked()
    points = preview.document.pagePointSize(0)
    scale = preview.screen().logicalDotsPerInch() / 72 * preview.zoom_factor()
    assert points.height() * scale <= preview.view.viewport().height()
    assert percent(preview) < width_zoom
    qtbot.mouseClick(preview.fit_width_button, Qt.MouseButton.LeftButton)
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    assert percent(preview) == width_zoom


def test_plus_and_minus_step_the_zoom_by_buttons_and_shortcuts(agenda, qtbot):
    preview = agenda.preview
    fitted = preview.zoom_factor()
    qtbot.mouseClick(preview.zoom_in_button, Qt.MouseButton.LeftButton)
    assert preview.view.zoomMode() == QPdfView.ZoomMode.Custom
    assert not preview.fit_width_button.isChecked()
    first = preview.zoom_factor()
    assert first == pdf_preview.next_zoom(fitted, 1) > fitted
    assert percent(preview) == round(first * 100)

    focus = agenda.focusWidget() or agenda
    qtbot.keyClick(focus, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert preview.zoom_factor() == pdf_preview.next_zoom(first, 1)
    qtbot.keyClick(focus, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)  # no Shift
    assert preview.zoom_factor() == pdf_preview.next_zoom(first, 2)
    qtbot.keyClick(focus, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(focus, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert preview.zoom_factor() == first
    qtbot.mouseClick(preview.zoom_out_button, Qt.MouseButton.LeftButton)
    assert preview.zoom_factor() == pdf_preview.next_zoom(first, -1) < first
    qtbot.keyClick(focus, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    assert preview.zoom_factor() == pytest.approx(fitted)


def test_ctrl_wheel_zooms_and_the_zoom_stops_at_its_limits(agenda):
    preview = agenda.preview
    viewport = preview.view.viewport()

    def wheel(notches: int, modifiers=Qt.KeyboardModifier.ControlModifier) -> None:
        centre = QPointF(viewport.width() / 2, viewport.height() / 2)
        event = QWheelEvent(
            centre,
            viewport.mapToGlobal(centre),
            QPoint(),
            QPoint(0, 120 * notches),
            Qt.MouseButton.NoButton,
            modifiers,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(viewport, event)

    fitted = preview.zoom_factor()
    wheel(1)
    assert preview.zoom_factor() == pdf_preview.next_zoom(fitted, 1)
    wheel(-3)
    assert preview.zoom_factor() == pdf_preview.next_zoom(pdf_preview.next_zoom(fitted, 1), -3)
    before = preview.zoom_factor()
    wheel(-1, Qt.KeyboardModifier.NoModifier)  # a plain wheel scrolls, it does not zoom
    assert preview.zoom_factor() == before
    wheel(-40)
    assert preview.zoom_factor() == pdf_preview.ZOOM_STEPS[0]
    assert not preview.zoom_out_button.isEnabled() and preview.zoom_in_button.isEnabled()
    wheel(40)
    assert preview.zoom_factor() == pdf_preview.ZOOM_STEPS[-1]
    assert percent(preview) == 400 and not preview.zoom_in_button.isEnabled()


def test_the_zoom_speaks_the_language(agenda, language, qtbot):
    preview = agenda.preview
    assert preview.fit_width_button.text() == "Fit width"
    assert "Ctrl+0" in preview.fit_width_button.toolTip()
    language.install_language("zh_CN")
    qtbot.waitUntil(lambda: preview.fit_width_button.text() == "适合宽度", timeout=2000)
    assert preview.zoom_in_button.toolTip().startswith("放大")
