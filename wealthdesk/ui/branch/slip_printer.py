"""The lobby's queue slip: read at check-in (ticket, people ahead, the room, the branch),
then made into its 80 mm PDF and sent to the receipt printer on a worker thread, since
the print service is followed for seconds until it has the job (services/printing.py);
what became of it is told in the lobby's status bar."""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal

from ... import local_settings
from ...domain.errors import DomainError
from ...i18n import translate
from ...reports.fonts import cjk_font
from ...reports.queue_slip import queue_slip_pdf
from ...services import printing
from ...services import settings as settings_service
from ...services.queue_slip import QueueSlip, slip_for
from ...services.storage import StorageError, storage_errors

log = logging.getLogger(__name__)

FINISH_WAIT_MS = 10_000  # at closing, a slip being printed is waited for this long


class SlipPrinter(QObject):
    """Prints a visitor's slip when the branch's setting says so."""

    # The ticket, whether the printer has it, and why not ("" when it does); in the
    # window's thread.
    finished = Signal(str, bool, str)
    _printed = Signal(str, bool, str)  # from the worker thread
    # A test slip (Settings): whether the printer has it, and what to say about it.
    sample_finished = Signal(bool, str)
    _sample_printed = Signal(bool, str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # slips come out in the order of the check-ins
        self._printed.connect(self.finished)
        self._sample_printed.connect(self.sample_finished)
        self.last_pdf: bytes = b""  # the last slip made (what was sent to the printer)

    def wanted(self) -> tuple[bool, str]:
        """(whether slips are printed, on which printer: "" the default one)."""
        with storage_errors():
            values = settings_service.load(LOBBY_SETTINGS)
        return bool(values["queue_slip"]), str(values["queue_slip_printer"] or "").strip()

    def print_for(self, visit_id: int) -> bool:
        """Start printing the slip of *visit_id* when slips are on; False when they are
        off or the visit cannot be read (said in the log: the check-in itself is done)."""
        try:
            on, printer = self.wanted()
            if not on:
                return False
            with storage_errors():
                slip = slip_for(visit_id)
        except (DomainError, StorageError) as exc:
            log.warning("no queue slip for visit %s: %s", visit_id, exc)
            return False
        self._pool.start(lambda: self._print(slip, printer))
        return True

    def print_sample(self, printer: str, branch: str = "") -> None:
        """Start printing a test slip (a sample ticket, no visitor) on *printer* ("" the
        default one) the way a visitor's slip is printed; :attr:`sample_finished` says
        what became of it."""
        slip = QueueSlip(SAMPLE_TICKET, dt.datetime.now().replace(microsecond=0), 0, branch)
        self._pool.start(lambda: self._print_sample(slip, printer))

    def _print(self, slip: QueueSlip, printer: str) -> None:
        """On the worker thread: the PDF made and sent, the outcome signalled."""
        outcome = self._send(slip, printer)
        self._printed.emit(slip.ticket, outcome.printed, outcome.reason(QCoreApplication.translate))

    def _print_sample(self, slip: QueueSlip, printer: str) -> None:
        outcome = self._send(slip, printer)
        self._sample_printed.emit(outcome.printed, sample_outcome_text(outcome))

    def _send(self, slip: QueueSlip, printer: str) -> printing.PrintOutcome | _NotMade:
        """The slip's PDF made and sent to *printer*, the job followed (worker thread)."""
        try:
            font = cjk_font(str(local_settings.get("pdf_font_path") or ""))
            data = queue_slip_pdf(slip, font, QCoreApplication.translate)
        except DomainError as exc:  # no font, or one lacking the branch name's characters
            return _NotMade(exc.render(QCoreApplication.translate))
        self.last_pdf = data
        title = translate("SlipPrinter", "Queue slip {ticket}").format(ticket=slip.ticket)
        return printing.print_pdf(data, printer, title, media=printing.page_media(data))

    def wait(self, msecs: int = FINISH_WAIT_MS) -> bool:
        """Wait for the slips being printed (at closing); False if one still is."""
        return self._pool.waitForDone(msecs)


LOBBY_SETTINGS = "lobby"  # whose settings are read: only branch-wide ones matter here
SAMPLE_TICKET = "A000"  # a test slip's ticket: no visitor has it


class _NotMade:
    """A slip whose PDF could not be made (the font): not printed, and why."""

    printed = False
    printer = ""
    job_id = None
    state = ""

    def __init__(self, why: str):
        self._why = why

    def reason(self, _translate=None) -> str:
        return self._why


def outcome_text(ticket: str, printed: bool, reason: str) -> str:
    """What the lobby's status bar says about a slip."""
    if printed:
        return translate("SlipPrinter", "Queue slip for {ticket} printed.").format(ticket=ticket)
    return translate("SlipPrinter", "Queue slip for {ticket} not printed: {reason}").format(
        ticket=ticket, reason=reason
    )


def sample_outcome_text(outcome: printing.PrintOutcome | _NotMade) -> str:
    """What the settings say about a test slip: on which printer, the print service's job
    and whether it is printed already or waits its turn; else why it did not print."""
    if not outcome.printed:
        return translate("SlipPrinter", "The test slip was not printed: {reason}").format(
            reason=outcome.reason(QCoreApplication.translate)
        )
    if outcome.state == "completed":
        said = translate("SlipPrinter", "The test slip is printed on {printer} (job {job}).")
    else:
        said = translate(
            "SlipPrinter",
            "The print service has the test slip for {printer} (job {job}); it prints in turn.",
        )
    return said.format(printer=outcome.printer, job=outcome.job_id)


__all__ = ["SlipPrinter", "outcome_text", "sample_outcome_text"]
