"""Previewing, printing and saving our PDFs through QtPdf: what is previewed is the very
file that prints, page for page, and what is saved is a copy of it."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEvent,
    QIODevice,
    QPointF,
    QRectF,
    QSize,
    QSizeF,
    Signal,
)
from PySide6.QtGui import QKeySequence, QPageLayout, QPageSize, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .. import local_settings
from ..domain.errors import os_error_reason, translate_value
from ..i18n import translate
from . import defs, interaction
from .icons import icon

log = logging.getLogger(__name__)

LAST_PRINTER = "print/last_printer"  # remembered on this PC after each print
LAST_SAVE_FOLDER = "print/last_save_folder"
PRINT_DPI = 300  # enough for text and QR codes; a printer's 1200 would only be slower


def printer_names() -> list[str]:
    """The printers this computer knows (none on a PC without any set up)."""
    return QPrinterInfo.availablePrinterNames()


class PdfPreview(QWidget):
    """A PDF shown page by page, fitted to the space it has; empty until given a file."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setPageSpacing(defs.SPACING)
        self.pages_label = QLabel()
        self.pages_label.setObjectName("secondaryText")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.pages_label)
        self.path: Path | None = None

    def show_file(self, path: Path) -> bool:
        """Show *path*; False (and an empty view) when it is not a readable PDF."""
        self.document.close()
        self.path = None
        if self.document.load(str(path)) != QPdfDocument.Error.None_:
            log.warning("cannot preview %s: %s", path, self.document.error())
            self._show_pages()
            return False
        self.path = path
        single = self.document.pageCount() == 1
        self.view.setZoomMode(
            QPdfView.ZoomMode.FitInView if single else QPdfView.ZoomMode.FitToWidth
        )
        self._show_pages()
        return True

    def show_bytes(self, data: bytes) -> bool:
        """Show a PDF made in memory (a notice's live preview); False when unreadable."""
        self.document.close()
        self.path = None
        self._buffer = QBuffer(self)  # the document reads from it while it is shown
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        if self.document.status() != QPdfDocument.Status.Ready:
            log.warning("cannot preview a PDF in memory: %s", self.document.error())
            self._show_pages()
            return False
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self._show_pages()
        return True

    def clear(self) -> None:
        self.document.close()
        self.path = None
        self._show_pages()

    def page_count(self) -> int:
        ready = self.document.status() == QPdfDocument.Status.Ready
        return self.document.pageCount() if ready else 0

    def _show_pages(self) -> None:
        count = self.page_count()
        self.pages_label.setText(
            QCoreApplication.translate("PdfPreview", "%n page(s)", "", count) if count else ""
        )

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._show_pages()
        super().changeEvent(event)


# ---------------------------------------------------------------- printing


def preferred_printer(names: list[str]) -> str:
    """The printer used last on this PC when it is still among *names*; else "" (the
    system's default)."""
    last = str(local_settings.state(LAST_PRINTER, "") or "")
    return last if last in names else ""


def prepare_printer(document: QPdfDocument) -> QPrinter:
    """A printer set up like the document's first page (size and orientation), on the
    printer used last time when it is still there."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if name := preferred_printer(printer_names()):
        printer.setPrinterName(name)
    if document.pageCount():
        size = document.pagePointSize(0)
        landscape = size.width() > size.height()
        portrait = QSizeF(min(size.width(), size.height()), max(size.width(), size.height()))
        page_size = QPageSize(
            portrait, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch
        )
        printer.setPageLayout(
            QPageLayout(
                page_size,
                QPageLayout.Orientation.Landscape
                if landscape
                else QPageLayout.Orientation.Portrait,
                printer.pageLayout().margins(),
            )
        )
    return printer


def render_to_printer(document: QPdfDocument, printer: QPrinter) -> int:
    """Paint every page of *document* on *printer*, each fitted to the printable area and
    centred; returns the pages printed. Raises ``OSError`` when the printer (or the file
    it prints to) cannot be opened."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(translate("PdfPreview", "The printer cannot be opened."))
    try:
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        dpi = min(printer.resolution(), PRINT_DPI)
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            image = document.render(
                page, QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            )
            scale = min(area.width() / image.width(), area.height() / image.height())
            size = QSizeF(image.width() * scale, image.height() * scale)
            # The painter's origin is the printable area's corner already.
            corner = QPointF((area.width() - size.width()) / 2, (area.height() - size.height()) / 2)
            painter.drawImage(QRectF(corner, size), image)
    finally:
        painter.end()
    return document.pageCount()


def print_pdf(parent: QWidget | None, document: QPdfDocument, title: str, ask: bool = True) -> bool:
    """Ask where to print *document* (Qt's print dialog, on the last printer) and print
    it; a clear message when this PC has no printer or the printer refuses. Without
    *ask* it goes straight to the last printer used, when it is still there (the
    dialog comes only the first time)."""
    printed, why_not = try_print(parent, document, title, ask)
    if why_not:
        interaction.warn(parent, translate("PdfPreview", "Not printed"), why_not)
    return printed


def try_print(
    parent: QWidget | None, document: QPdfDocument, title: str, ask: bool = True
) -> tuple[bool, str]:
    """Print *document* as :func:`print_pdf` does, saying nothing: (printed, why not),
    where why not is "" when the manager cancelled the print dialog. For the door
    notice printed behind the lock, whose outcome the lock screen tells."""
    if document.pageCount() == 0:
        return False, translate("PdfPreview", "There is nothing to print.")
    if not printer_names():
        return False, translate(
            "PdfPreview",
            "This computer has no printer set up. Add one in the system's printer "
            "settings, or save the PDF and print it from another computer.",
        )
    printer = prepare_printer(document)
    printer.setDocName(title)
    direct = not ask and bool(preferred_printer(printer_names()))
    if not direct and not interaction.choose_printer(parent, printer, title):
        return False, ""
    try:
        render_to_printer(document, printer)
    except OSError as exc:
        name = printer.printerName() or printer.outputFileName()
        return False, f"{name}: {exc}"
    if printer.printerName():
        local_settings.set_state(LAST_PRINTER, printer.printerName())
    return True, ""


# ---------------------------------------------------------------- saving


def copy_atomically(source: Path, target: Path) -> Path:
    """Copy *source* to *target* through a temporary file in the target's folder, so a
    failed copy leaves no half-written PDF there. Raises ``OSError``."""
    handle, temporary = tempfile.mkstemp(prefix=".wealthdesk-", suffix=".pdf", dir=target.parent)
    os.close(handle)
    try:
        shutil.copyfile(source, temporary)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def save_pdf_copy(parent: QWidget | None, source: Path, suggested: str, title: str) -> Path | None:
    """Ask where to save a copy of *source*; the path saved to, or None."""
    chosen = interaction.choose_save_file(
        parent, title, suggested, translate("PdfPreview", "PDF files (*.pdf)")
    )
    if not chosen:
        return None
    target = Path(chosen)
    if target.suffix.lower() != ".pdf":
        target = target.with_name(target.name + ".pdf")
    try:
        return copy_atomically(source, target)
    except OSError as exc:
        reason = translate_value(os_error_reason(exc), QCoreApplication.translate)
        interaction.warn(parent, translate("PdfPreview", "Not saved"), f"{target}: {reason}")
        return None


class PdfPreviewDialog(QDialog):
    """A finished PDF to look at, print (Ctrl+P) or save (Ctrl+S). It owns the temporary
    folder the PDF was written to and removes it when it closes."""

    printed = Signal()
    saved = Signal(Path)

    def __init__(
        self,
        title: str,
        path: Path,
        suggested_name: str,
        parent: QWidget | None = None,
        owned_folder: tempfile.TemporaryDirectory | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("pdfPreviewDialog")
        self.setWindowTitle(title)
        self.title = title
        self.suggested_name = suggested_name
        self._folder = owned_folder
        self.preview = PdfPreview(self)
        self.preview.show_file(path)
        self.print_button = QPushButton(icon("print"), translate("PdfPreview", "&Print…"))
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_document)
        self.save_button = QPushButton(icon("save"), translate("PdfPreview", "&Save as PDF…"))
        self.save_button.clicked.connect(self.save_copy)
        self.close_button = QPushButton(translate("PdfPreview", "Close"))
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_document)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_copy)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview.pages_label)
        buttons.addStretch(1)
        for button in (self.print_button, self.save_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(defs.MARGIN, defs.MARGIN, defs.MARGIN, defs.MARGIN)
        layout.addWidget(self.preview, 1)
        layout.addLayout(buttons)
        self.resize(900, 680)

    def print_document(self) -> bool:
        done = print_pdf(self, self.preview.document, self.title)
        if done:
            self.printed.emit()
        return done

    def save_copy(self) -> Path | None:
        if self.preview.path is None:
            return None
        folder = str(local_settings.state(LAST_SAVE_FOLDER, "") or Path.home())
        target = save_pdf_copy(
            self, self.preview.path, str(Path(folder) / self.suggested_name), self.title
        )
        if target is not None:
            local_settings.set_state(LAST_SAVE_FOLDER, str(target.parent))
            self.saved.emit(target)
        return target

    def done(self, result: int) -> None:
        self.forget()
        super().done(result)

    def forget(self) -> None:
        """Close the document and remove the temporary folder it came from."""
        self.preview.clear()
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None


def preview_pdf_file(
    parent: QWidget | None,
    title: str,
    write,
    suggested_name: str,
) -> PdfPreviewDialog:
    """Write a PDF with *write(path)* into a fresh temporary folder and return the
    dialog previewing it (not yet shown). *write*'s errors propagate, and the temporary
    folder is removed then."""
    folder = tempfile.TemporaryDirectory(prefix="wealthdesk-")
    try:
        path = Path(write(Path(folder.name) / suggested_name))
    except BaseException:
        folder.cleanup()
        raise
    return PdfPreviewDialog(title, path, suggested_name, parent, owned_folder=folder)


__all__ = [
    "PdfPreview",
    "PdfPreviewDialog",
    "copy_atomically",
    "prepare_printer",
    "preview_pdf_file",
    "print_pdf",
    "printer_names",
    "render_to_printer",
    "save_pdf_copy",
    "try_print",
]
