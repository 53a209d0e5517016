"""Previewing, printing and saving our PDFs through QtPdf: what is previewed is the very
file that prints, page for page, and what is saved is a copy of it."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEvent,
    QIODevice,
    QObject,
    QPointF,
    QRectF,
    QSize,
    QSizeF,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QGuiApplication,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPainter,
    QShortcut,
    QWheelEvent,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .. import local_settings
from ..domain.errors import os_error_reason, translate_value
from ..i18n import translate
from ..private_files import copy_atomically, write_atomically
from ..services import printing, winspool
from . import defs, interaction
from .icons import icon
from .language import Retranslating

log = logging.getLogger(__name__)

LAST_PRINTER = "print/last_printer"  # remembered on this PC after each print
LAST_SAVE_FOLDER = "print/last_save_folder"
PRINT_DPI = 300  # enough for text and QR codes; a printer's 1200 would only be slower


def printer_names() -> list[str]:
    """The printers this computer knows (none on a PC without any set up): the print
    service's own list where it takes PDF files (CUPS), else Qt's."""
    if printing.available():
        return printing.printers()
    return QPrinterInfo.availablePrinterNames()


# The PDF a QPdfDocument was loaded from (a file or the bytes), kept on the document so
# that printing sends the PDF itself rather than pictures of its pages.
SOURCE = "wealthdesk_source"


def pdf_source(document: QPdfDocument) -> Path | bytes | None:
    return getattr(document, SOURCE, None)


# The zoom levels the +/- buttons, their shortcuts and Ctrl+wheel step through.
ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)
WHEEL_NOTCH = 120  # angleDelta of one notch of a mouse wheel

FIT_WIDTH = QPdfView.ZoomMode.FitToWidth
FIT_PAGE = QPdfView.ZoomMode.FitInView
CUSTOM = QPdfView.ZoomMode.Custom


def next_zoom(factor: float, steps: int) -> float:
    """The zoom *steps* levels of :data:`ZOOM_STEPS` above *factor* (below when
    negative), from wherever *factor* is (a fitted page is rarely on a level)."""
    if steps > 0:
        for _ in range(steps):
            factor = next((z for z in ZOOM_STEPS if z > factor * 1.001), ZOOM_STEPS[-1])
    elif steps < 0:
        for _ in range(-steps):
            factor = next((z for z in reversed(ZOOM_STEPS) if z < factor / 1.001), ZOOM_STEPS[0])
    return factor


class PdfPreview(Retranslating, QWidget):
    """A PDF shown page by page, empty until given a file; fitted to the width by default,
    or to the page, or zoomed with +/− (Ctrl++, Ctrl+-, Ctrl+0 fits the width again)
    and Ctrl+wheel; the zoom is shown in % whatever the mode."""

    zoom_changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setPageSpacing(defs.SPACING)
        self.view.setZoomMode(FIT_WIDTH)
        self.view.viewport().installEventFilter(self)
        self.view.zoomModeChanged.connect(self._show_zoom)
        self.view.zoomFactorChanged.connect(self._show_zoom)
        self.pages_label = QLabel()
        self.pages_label.setObjectName("secondaryText")
        self._zoom_chosen = False  # the manager chose a zoom: new content keeps it

        self.fit_width_button = self._zoom_button("fitWidth", lambda: self.fit(FIT_WIDTH))
        self.fit_page_button = self._zoom_button("fitPage", lambda: self.fit(FIT_PAGE))
        for button in (self.fit_width_button, self.fit_page_button):
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.zoom_out_button = self._zoom_button("zoomOut", lambda: self.zoom_by(-1))
        self.zoom_in_button = self._zoom_button("zoomIn", lambda: self.zoom_by(1))
        self.zoom_out_button.setText("−")
        self.zoom_in_button.setText("+")
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("zoomLevel")
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("400%  "))
        self.zoom_bar = QWidget()
        self.zoom_bar.setObjectName("zoomBar")
        bar = QHBoxLayout(self.zoom_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(defs.SPACING // 2)
        for widget in (
            self.fit_width_button,
            self.fit_page_button,
            self.zoom_out_button,
            self.zoom_label,
            self.zoom_in_button,
        ):
            bar.addWidget(widget)
        # Where the preview's window is: in a dialog the focus is mostly on its buttons.
        self._shortcuts = [
            (QShortcut(QKeySequence(defs.ZOOM_IN), self, lambda: self.zoom_by(1)), 1),
            (QShortcut(QKeySequence(defs.ZOOM_IN_UNSHIFTED), self, lambda: self.zoom_by(1)), 1),
            (QShortcut(QKeySequence(defs.ZOOM_OUT), self, lambda: self.zoom_by(-1)), -1),
            (QShortcut(QKeySequence(defs.ZOOM_FIT_WIDTH), self, lambda: self.fit(FIT_WIDTH)), 0),
        ]

        below = QHBoxLayout()
        below.setContentsMargins(0, 0, 0, 0)
        below.addWidget(self.pages_label)
        below.addStretch(1)
        below.addWidget(self.zoom_bar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(below)
        self.path: Path | None = None
        self.retranslate()

    def _zoom_button(self, name: str, slot) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setAutoRaise(False)
        button.clicked.connect(slot)
        return button

    # ------------------------------------------------------------ content
    def show_file(self, path: Path) -> bool:
        """Show *path*; False (and an empty view) when it is not a readable PDF."""
        self.document.close()
        self.path = None
        setattr(self.document, SOURCE, None)
        if self.document.load(str(path)) != QPdfDocument.Error.None_:
            log.warning("cannot preview %s: %s", path, self.document.error())
            self._show_pages()
            return False
        self.path = path
        setattr(self.document, SOURCE, Path(path))
        if not self._zoom_chosen:
            self.view.setZoomMode(FIT_WIDTH)  # readable: a page fitted whole is too small
        self._show_pages()
        return True

    def show_bytes(self, data: bytes) -> bool:
        """Show a PDF made in memory (a notice's live preview); False when unreadable.

        A notice drawn as it is typed is seen whole (fitted to the page) until the
        manager zooms; their zoom then stays while the notice is drawn again."""
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
        setattr(self.document, SOURCE, bytes(data))
        if not self._zoom_chosen:
            self.view.setZoomMode(FIT_PAGE)
        self._show_pages()
        return True

    def clear(self) -> None:
        self.document.close()
        self.path = None
        setattr(self.document, SOURCE, None)
        self._show_pages()

    def page_count(self) -> int:
        ready = self.document.status() == QPdfDocument.Status.Ready
        return self.document.pageCount() if ready else 0

    # ------------------------------------------------------------ zoom
    def fit(self, mode: QPdfView.ZoomMode) -> None:
        """Fit the pages to the width (FIT_WIDTH) or whole into the view (FIT_PAGE)."""
        self._zoom_chosen = True
        self.view.setZoomMode(mode)
        self._show_zoom()

    def zoom_by(self, steps: int, anchor: QPointF | None = None) -> None:
        """Zoom in (*steps* > 0) or out by that many levels; the point of the page under
        *anchor* (viewport coordinates; the view's centre by default) stays put."""
        before = self.zoom_factor()
        after = next_zoom(before, steps)
        self._zoom_chosen = True
        if after == before and self.view.zoomMode() == CUSTOM:
            return
        viewport = self.view.viewport()
        if anchor is None:
            anchor = QPointF(viewport.width() / 2, viewport.height() / 2)
        bars = (self.view.horizontalScrollBar(), self.view.verticalScrollBar())
        spots = (bars[0].value() + anchor.x(), bars[1].value() + anchor.y())
        self.view.setZoomFactor(after)
        self.view.setZoomMode(CUSTOM)
        ratio = after / before if before else 1.0
        for bar, spot, offset in zip(bars, spots, (anchor.x(), anchor.y()), strict=True):
            bar.setValue(round(spot * ratio - offset))
        self._show_zoom()

    def zoom_factor(self) -> float:
        """The zoom as shown now (1.0 is the page's printed size on this screen), also
        when the pages are fitted to the width or into the view."""
        mode = self.view.zoomMode()
        if mode == CUSTOM or not self.page_count():
            return self.view.zoomFactor()
        page = self.view.pageNavigator().currentPage()
        if not 0 <= page < self.page_count():
            page = 0
        # As QPdfView lays the page out: points at the screen's logical DPI.
        screen = self.screen() or QGuiApplication.primaryScreen()
        scale = screen.logicalDotsPerInch() / 72.0
        points = self.document.pagePointSize(page)
        width, height = points.width() * scale, points.height() * scale
        if width <= 0 or height <= 0:
            return self.view.zoomFactor()
        margins = self.view.documentMargins()
        viewport = self.view.viewport().size()
        across = (viewport.width() - margins.left() - margins.right()) / width
        if mode == FIT_WIDTH:
            return max(across, 0.0)
        down = (viewport.height() - self.view.pageSpacing()) / height
        return max(min(across, down), 0.0)

    def zoom_text(self) -> str:
        return translate("PdfPreview", "{percent}%").format(percent=round(self.zoom_factor() * 100))

    def _show_zoom(self, *_args) -> None:
        mode = self.view.zoomMode()
        self.fit_width_button.setChecked(mode == FIT_WIDTH)
        self.fit_page_button.setChecked(mode == FIT_PAGE)
        factor = self.zoom_factor()
        self.zoom_label.setText(self.zoom_text())
        self.zoom_in_button.setEnabled(factor < ZOOM_STEPS[-1] * 0.999 or mode != CUSTOM)
        self.zoom_out_button.setEnabled(factor > ZOOM_STEPS[0] * 1.001 or mode != CUSTOM)
        self.zoom_changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view.viewport():
            kind = event.type()
            if kind == QEvent.Type.Wheel and isinstance(event, QWheelEvent):
                if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                    notches = round(event.angleDelta().y() / WHEEL_NOTCH)
                    if notches:
                        self.zoom_by(notches, event.position())
                    return True  # Ctrl+wheel zooms, never scrolls
            elif kind == QEvent.Type.Resize:
                self._show_zoom()  # a fitted page changes its zoom with the view
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------ words
    def _show_pages(self) -> None:
        count = self.page_count()
        self.pages_label.setText(
            QCoreApplication.translate("PdfPreview", "%n page(s)", "", count) if count else ""
        )
        self._show_zoom()

    def retranslate(self) -> None:
        def tip(button: QToolButton, words: str, key) -> None:
            button.setToolTip(f"{words} ({defs.key_text(key)})" if key is not None else words)
            button.setAccessibleName(words)

        self.fit_width_button.setText(translate("PdfPreview", "Fit width"))
        self.fit_page_button.setText(translate("PdfPreview", "Fit page"))
        tip(
            self.fit_width_button,
            translate("PdfPreview", "Fit the pages to the width"),
            defs.ZOOM_FIT_WIDTH,
        )
        tip(self.fit_page_button, translate("PdfPreview", "Show the whole page"), None)
        tip(self.zoom_in_button, translate("PdfPreview", "Zoom in"), defs.ZOOM_IN)
        tip(self.zoom_out_button, translate("PdfPreview", "Zoom out"), defs.ZOOM_OUT)
        self.zoom_label.setToolTip(translate("PdfPreview", "Zoom (Ctrl+wheel)"))
        self._show_pages()


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
        down = printing.service_down() if printing.available() else None
        if down is not None:  # not a PC without printers: its print service is stopped
            return False, down.reason(QCoreApplication.translate)
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
    source = pdf_source(document)
    name = printer.printerName()
    to_file = printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
    try:
        if source is not None and to_file and printer.outputFileName():
            # "Print to file": the PDF itself, not pictures of its pages.
            try:
                copy_pdf(source, Path(printer.outputFileName()))
            except OSError as exc:
                cannot = translate("PdfPreview", "The printer cannot be opened.")
                reason = translate_value(os_error_reason(exc), QCoreApplication.translate)
                raise OSError(f"{cannot} ({reason})") from exc
        elif source is not None and not to_file and printing.knows(name):
            outcome = send_pdf(source, name, title, printer.copyCount())
            if not outcome.printed:
                return False, outcome.reason(QCoreApplication.translate)
        elif winspool.available() and name:
            # Windows: each page as an image through Qt, then the job confirmed with the
            # spooler (services/winspool.py; its ctypes calls are not yet tried on Windows).
            before = winspool.queue_job_ids(name)
            render_to_printer(document, printer)
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                outcome = winspool.confirm_job(name, printer.docName(), before)
            finally:
                QGuiApplication.restoreOverrideCursor()
            if not outcome.printed:
                return False, outcome.reason(QCoreApplication.translate)
        else:  # a print service that takes no PDF: each page as an image
            render_to_printer(document, printer)
    except OSError as exc:
        return False, f"{name or printer.outputFileName()}: {exc}"
    if name and not to_file:
        local_settings.set_state(LAST_PRINTER, name)
    return True, ""


def send_pdf(source: Path | bytes, printer: str, title: str, copies: int = 1):
    """Send the PDF to *printer* through the print service and wait (a busy cursor)
    until the service says what became of the job (a ``printing.PrintOutcome``)."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return printing.print_pdf(source, printer, title, copies)
    finally:
        QGuiApplication.restoreOverrideCursor()


def copy_pdf(source: Path | bytes, target: Path) -> Path:
    if isinstance(source, bytes):
        return write_atomically(target, source)
    return copy_atomically(source, target)


# ---------------------------------------------------------------- saving


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
        buttons.addWidget(self.preview.zoom_bar)
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
