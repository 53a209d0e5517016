"""Confirming a print job with the Windows print spooler, as ``printing`` does with
CUPS: the window prints through Qt there (each page as an image), and Qt says nothing
of what became of the job, so the job is found in the printer's queue and followed
until the spooler says it printed, failed, or (after a while) still has it on a printer
that works. Only then does the caller say "printed" and audit it.

Which job is ours: Qt starts the document with the name it is given
(``QPrinter.setDocName``), so the queue's job ids are read before printing, and the
new job carrying that document name afterwards is the one (the highest id when there
are several).

The decision, from the spooler's status bits to printed / not printed (why) / still
pending, is :func:`job_verdict`, a pure function tested on every platform with the bit
values Microsoft documents:

- ``JOB_INFO_1.Status``: https://learn.microsoft.com/en-us/windows/win32/printdocs/job-info-1
- the values of those bits and of ``PRINTER_INFO_6.dwStatus``: [MS-RPRN] 2.2.3.12,
  https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-rprn/1625e9d9-29e4-48f4-b83d-3bd0fdaea787

NOT RUN ON WINDOWS. The ctypes calls to ``winspool.drv`` below (OpenPrinterW, EnumJobsW,
GetJobW, GetPrinterW, SetJobW, ClosePrinter) were written from Microsoft's
documentation on a Linux machine and have never been executed against a real spooler.
They are loaded only on win32 (:func:`available`); the structures' layout is checked on
Linux against the C declarations. Try them on a Windows desk PC with a real printer, a
paused queue and a printer switched off before trusting them.
"""

from __future__ import annotations

import ctypes
import logging
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from .printing import CONFIRM_SECONDS, POLL_SECONDS, PrintOutcome

log = logging.getLogger(__name__)

# JOB_INFO_1 / JOB_INFO_2 ``Status`` bits (winspool.h; [MS-RPRN] 2.2.3.12).
JOB_STATUS_PAUSED = 0x00000001
JOB_STATUS_ERROR = 0x00000002
JOB_STATUS_DELETING = 0x00000004
JOB_STATUS_SPOOLING = 0x00000008
JOB_STATUS_PRINTING = 0x00000010
JOB_STATUS_OFFLINE = 0x00000020
JOB_STATUS_PAPEROUT = 0x00000040
JOB_STATUS_PRINTED = 0x00000080
JOB_STATUS_DELETED = 0x00000100
JOB_STATUS_BLOCKED_DEVQ = 0x00000200
JOB_STATUS_USER_INTERVENTION = 0x00000400
JOB_STATUS_RESTART = 0x00000800
JOB_STATUS_COMPLETE = 0x00001000
JOB_STATUS_RETAINED = 0x00002000

# PRINTER_INFO_2 / PRINTER_INFO_6 status bits that mean the queue will not print now.
PRINTER_STATUS_PAUSED = 0x00000001
PRINTER_STATUS_ERROR = 0x00000002
PRINTER_STATUS_PENDING_DELETION = 0x00000004
PRINTER_STATUS_PAPER_JAM = 0x00000008
PRINTER_STATUS_PAPER_OUT = 0x00000010
PRINTER_STATUS_OFFLINE = 0x00000080
PRINTER_STATUS_NOT_AVAILABLE = 0x00001000
PRINTER_STATUS_USER_INTERVENTION = 0x00100000
PRINTER_STATUS_DOOR_OPEN = 0x00400000
PRINTER_STATUS_SERVER_OFFLINE = 0x02000000

# What each condition is called in the reason shown (the spooler's own text, pStatus,
# comes first when it gives one). Kept as the spooler's words, like CUPS's keywords.
_JOB_WORDS = (
    (JOB_STATUS_ERROR, "error"),
    (JOB_STATUS_BLOCKED_DEVQ, "the driver cannot print the job"),
    (JOB_STATUS_OFFLINE, "printer offline"),
    (JOB_STATUS_PAPEROUT, "paper out"),
    (JOB_STATUS_USER_INTERVENTION, "the printer needs attention"),
    (JOB_STATUS_PAUSED, "job paused"),
    (JOB_STATUS_DELETING, "being deleted"),
    (JOB_STATUS_DELETED, "deleted"),
)
_PRINTER_WORDS = (
    (PRINTER_STATUS_PAUSED, "printer paused"),
    (PRINTER_STATUS_ERROR, "printer error"),
    (PRINTER_STATUS_PENDING_DELETION, "printer being deleted"),
    (PRINTER_STATUS_PAPER_JAM, "paper jam"),
    (PRINTER_STATUS_PAPER_OUT, "paper out"),
    (PRINTER_STATUS_OFFLINE, "printer offline"),
    (PRINTER_STATUS_NOT_AVAILABLE, "printer not available"),
    (PRINTER_STATUS_USER_INTERVENTION, "the printer needs attention"),
    (PRINTER_STATUS_DOOR_OPEN, "door open"),
    (PRINTER_STATUS_SERVER_OFFLINE, "print server offline"),
)
_PRINTER_STOPPED = 0
for _bit, _word in _PRINTER_WORDS:
    _PRINTER_STOPPED |= _bit
_WAITING_ON_PRINTER = (
    JOB_STATUS_OFFLINE | JOB_STATUS_PAPEROUT | JOB_STATUS_USER_INTERVENTION | JOB_STATUS_PAUSED
)

Kind = Literal["printed", "not_printed", "pending"]


@dataclass(frozen=True)
class Verdict:
    """What the spooler's status says of a job: *printed*, *not_printed* (with
    *problem*, a key of ``printing.REASONS``, and the spooler's *reason*), or *pending*
    (look again)."""

    kind: Kind
    problem: str = ""
    reason: str = ""
    withdraw: bool = False  # still in the queue: take it out, so "not printed" stays true


def _words(status: int, table) -> list[str]:
    return [word for bit, word in table if status & bit]


def job_verdict(
    status: int,
    status_text: str = "",
    printer_status: int = 0,
    gone: bool = False,
    final: bool = False,
) -> Verdict:
    """Decide from a job's ``Status`` bits (and ``pStatus`` text, which Microsoft says to
    read first when there is one), the printer's status bits, whether the job has left
    the queue since it was last seen (*gone*, with *status* its last bits), and whether
    the time to wait is up (*final*).

    - Printed: ``JOB_STATUS_PRINTED``, or ``JOB_STATUS_COMPLETE`` (handed to the printer;
      Microsoft notes it "may not be printed yet", as CUPS's "completed" for a network
      printer), with no error; or gone from the queue after it was last seen without an
      error or a deletion (the spooler drops a job once printed, unless it keeps them).
    - Not printed: an error, a job blocked by the driver, a job deleted; at the end of
      the wait a job still held up by the printer (offline, out of paper, needing
      attention, paused); at once, a job waiting on a printer that is stopped (paused,
      offline, out of paper…). Those still in the queue are withdrawn.
    - Pending: everything else (spooling, printing, queued), until *final*; at the end a
      job spooling or printing on a printer that works counts as printed (as a CUPS job
      queued on a printer that is not stopped does).
    """
    said = status_text.strip()
    failed = status & (JOB_STATUS_ERROR | JOB_STATUS_BLOCKED_DEVQ)
    if failed:
        reason = said or ", ".join(_words(status, _JOB_WORDS)) or "error"
        return Verdict("not_printed", "aborted", reason, withdraw=not gone)
    if status & (JOB_STATUS_PRINTED | JOB_STATUS_COMPLETE):
        return Verdict("printed")
    if status & (JOB_STATUS_DELETED | JOB_STATUS_DELETING):
        return Verdict("not_printed", "canceled", said or ", ".join(_words(status, _JOB_WORDS)))
    if gone:
        return Verdict("printed")
    if printer_status & _PRINTER_STOPPED and not status & JOB_STATUS_PRINTING:
        # Queued on a printer that is stopped (paused, offline…): it will not print now.
        words = said or ", ".join(_words(printer_status, _PRINTER_WORDS))
        return Verdict("not_printed", "stopped", words, withdraw=True)
    if not final:
        return Verdict("pending")
    if status & _WAITING_ON_PRINTER:
        problem = "held" if status == JOB_STATUS_PAUSED else "stopped"
        words = said or ", ".join(_words(status, _JOB_WORDS))
        return Verdict("not_printed", problem, words, withdraw=True)
    if printer_status & _PRINTER_STOPPED:
        words = said or ", ".join(_words(printer_status, _PRINTER_WORDS))
        return Verdict("not_printed", "stopped", words, withdraw=True)
    return Verdict("printed")


def new_job(before: Iterable[int], jobs: Iterable[tuple[int, str]], document: str) -> int | None:
    """Of the queue's *jobs* (id, document name), the one printed just now: not among the
    ids *before*, named *document*; the newest (highest id) when there are several."""
    known = set(before)
    ours = [job_id for job_id, name in jobs if job_id not in known and name == document]
    return max(ours) if ours else None


# ---------------------------------------------------------------- the spooler (win32)


class SYSTEMTIME(ctypes.Structure):
    _fields_ = [(name, ctypes.c_uint16) for name in (
        "wYear", "wMonth", "wDayOfWeek", "wDay",
        "wHour", "wMinute", "wSecond", "wMilliseconds",
    )]  # fmt: skip


class JOB_INFO_1W(ctypes.Structure):  # noqa: N801 - the name winspool.h gives it
    """``JOB_INFO_1`` as winspool.h declares it (DWORD is 32 bits, LPWSTR a pointer)."""

    _fields_ = [
        ("JobId", ctypes.c_uint32),
        ("pPrinterName", ctypes.c_wchar_p),
        ("pMachineName", ctypes.c_wchar_p),
        ("pUserName", ctypes.c_wchar_p),
        ("pDocument", ctypes.c_wchar_p),
        ("pDatatype", ctypes.c_wchar_p),
        ("pStatus", ctypes.c_wchar_p),
        ("Status", ctypes.c_uint32),
        ("Priority", ctypes.c_uint32),
        ("Position", ctypes.c_uint32),
        ("TotalPages", ctypes.c_uint32),
        ("PagesPrinted", ctypes.c_uint32),
        ("Submitted", SYSTEMTIME),
    ]


class PRINTER_INFO_6(ctypes.Structure):  # noqa: N801
    _fields_ = [("dwStatus", ctypes.c_uint32)]


JOB_CONTROL_DELETE = 5  # SetJob: delete the job
ERROR_INSUFFICIENT_BUFFER = 122
ERROR_INVALID_PARAMETER = 87  # GetJob of a job no longer in the queue


@dataclass(frozen=True)
class Job:
    job_id: int
    document: str
    status: int
    status_text: str


def available() -> bool:
    """Whether the Windows spooler can be asked (on Windows only)."""
    return sys.platform == "win32"


_api = None  # winspool.drv, bound on first use on Windows


def _spooler():
    global _api
    if _api is None:
        if not available():
            raise OSError("the Windows print spooler exists only on Windows")
        from ctypes import wintypes

        api = ctypes.WinDLL("winspool.drv", use_last_error=True)
        api.OpenPrinterW.argtypes = [
            wintypes.LPWSTR, ctypes.POINTER(wintypes.HANDLE), ctypes.c_void_p
        ]  # fmt: skip
        api.OpenPrinterW.restype = wintypes.BOOL
        api.ClosePrinter.argtypes = [wintypes.HANDLE]
        api.ClosePrinter.restype = wintypes.BOOL
        api.EnumJobsW.argtypes = [
            wintypes.HANDLE, wintypes.DWORD, wintypes.DWORD, wintypes.DWORD,
            ctypes.c_void_p, wintypes.DWORD,
            ctypes.POINTER(wintypes.DWORD), ctypes.POINTER(wintypes.DWORD),
        ]  # fmt: skip
        api.EnumJobsW.restype = wintypes.BOOL
        api.GetJobW.argtypes = [
            wintypes.HANDLE, wintypes.DWORD, wintypes.DWORD,
            ctypes.c_void_p, wintypes.DWORD, ctypes.POINTER(wintypes.DWORD),
        ]  # fmt: skip
        api.GetJobW.restype = wintypes.BOOL
        api.GetPrinterW.argtypes = [
            wintypes.HANDLE, wintypes.DWORD, ctypes.c_void_p, wintypes.DWORD,
            ctypes.POINTER(wintypes.DWORD),
        ]  # fmt: skip
        api.GetPrinterW.restype = wintypes.BOOL
        api.SetJobW.argtypes = [
            wintypes.HANDLE, wintypes.DWORD, wintypes.DWORD, ctypes.c_void_p, wintypes.DWORD
        ]  # fmt: skip
        api.SetJobW.restype = wintypes.BOOL
        _api = api
    return _api


def _fail(call: str) -> OSError:
    code = ctypes.get_last_error()  # type: ignore[attr-defined]  # Windows only
    return OSError(code, f"{call}: {ctypes.FormatError(code)}")  # type: ignore[attr-defined]


class _Printer:
    """An open printer handle (OpenPrinterW … ClosePrinter)."""

    def __init__(self, name: str):
        from ctypes import wintypes

        self.api = _spooler()
        self.handle = wintypes.HANDLE()
        if not self.api.OpenPrinterW(name, ctypes.byref(self.handle), None):
            raise _fail(f"OpenPrinterW({name})")

    def __enter__(self) -> _Printer:
        return self

    def __exit__(self, *_exc) -> None:
        self.api.ClosePrinter(self.handle)

    def jobs(self) -> list[Job]:
        """Every job in the queue (EnumJobsW, level 1: asked once for the size needed)."""
        from ctypes import wintypes

        needed, count = wintypes.DWORD(), wintypes.DWORD()
        self.api.EnumJobsW(self.handle, 0, 0xFFFF, 1, None, 0, ctypes.byref(needed),
                           ctypes.byref(count))  # fmt: skip
        if not needed.value:
            return []
        buffer = ctypes.create_string_buffer(needed.value)
        if not self.api.EnumJobsW(self.handle, 0, 0xFFFF, 1, buffer, needed,
                                  ctypes.byref(needed), ctypes.byref(count)):  # fmt: skip
            raise _fail("EnumJobsW")
        entries = ctypes.cast(buffer, ctypes.POINTER(JOB_INFO_1W))
        return [_job(entries[n]) for n in range(count.value)]

    def job(self, job_id: int) -> Job | None:
        """The job (GetJobW, level 1), or None when it is no longer in the queue."""
        from ctypes import wintypes

        needed = wintypes.DWORD()
        if not self.api.GetJobW(self.handle, job_id, 1, None, 0, ctypes.byref(needed)):
            error = ctypes.get_last_error()  # type: ignore[attr-defined]
            if error == ERROR_INVALID_PARAMETER:
                return None
            if error != ERROR_INSUFFICIENT_BUFFER:
                raise _fail("GetJobW")
        buffer = ctypes.create_string_buffer(max(needed.value, ctypes.sizeof(JOB_INFO_1W)))
        if not self.api.GetJobW(self.handle, job_id, 1, buffer, len(buffer),
                                ctypes.byref(needed)):  # fmt: skip
            if ctypes.get_last_error() == ERROR_INVALID_PARAMETER:  # type: ignore[attr-defined]
                return None
            raise _fail("GetJobW")
        return _job(ctypes.cast(buffer, ctypes.POINTER(JOB_INFO_1W))[0])

    def status(self) -> int:
        """The printer's status bits (GetPrinterW, level 6)."""
        from ctypes import wintypes

        info = PRINTER_INFO_6()
        needed = wintypes.DWORD()
        if not self.api.GetPrinterW(self.handle, 6, ctypes.byref(info), ctypes.sizeof(info),
                                    ctypes.byref(needed)):  # fmt: skip
            raise _fail("GetPrinterW")
        return int(info.dwStatus)

    def withdraw(self, job_id: int) -> None:
        if not self.api.SetJobW(self.handle, job_id, 0, None, JOB_CONTROL_DELETE):
            log.warning("cannot withdraw print job %d: %s", job_id, _fail("SetJobW"))


def _job(info: JOB_INFO_1W) -> Job:
    return Job(int(info.JobId), info.pDocument or "", int(info.Status), info.pStatus or "")


def queue_job_ids(printer: str) -> set[int]:
    """The ids of the jobs in *printer*'s queue now (read before printing); empty when the
    spooler cannot be asked (then every job named like ours counts as new)."""
    try:
        with _Printer(printer) as queue:
            return {job.job_id for job in queue.jobs()}
    except OSError as exc:
        log.warning("cannot read the queue of %s: %s", printer, exc)
        return set()


def confirm_job(
    printer: str, document: str, before: Iterable[int], confirm_seconds: float = CONFIRM_SECONDS
) -> PrintOutcome:
    """Follow the job just printed on *printer* under the name *document* (the ids
    *before* were in the queue already) until :func:`job_verdict` decides, and say what
    became of it. A job never seen in the queue (a fast printer may take it before it is
    looked for) counts as printed when the printer is not stopped."""
    deadline = time.monotonic() + confirm_seconds
    try:
        with _Printer(printer) as queue:
            job_id, last = None, None
            while True:
                final = time.monotonic() >= deadline
                if job_id is None:
                    job_id = new_job(before, ((j.job_id, j.document) for j in queue.jobs()),
                                     document)  # fmt: skip
                    if job_id is None:
                        if not final:
                            time.sleep(POLL_SECONDS)
                            continue
                        verdict = job_verdict(0, printer_status=queue.status(), final=True)
                        return _outcome(verdict, printer, None, "not seen")
                job = queue.job(job_id)
                if job is None:  # left the queue
                    status, text = (last.status, last.status_text) if last else (0, "")
                    verdict = job_verdict(status, text, gone=True)
                    return _outcome(verdict, printer, job_id, "gone")
                last = job
                verdict = job_verdict(job.status, job.status_text, queue.status(), final=final)
                if verdict.kind != "pending":
                    if verdict.withdraw:
                        queue.withdraw(job_id)
                    return _outcome(verdict, printer, job_id, hex(job.status))
                time.sleep(POLL_SECONDS)
    except OSError as exc:
        return PrintOutcome(False, printer, problem="unanswered",
                            values=(("printer", printer), ("reason", str(exc))))  # fmt: skip


def _outcome(verdict: Verdict, printer: str, job_id: int | None, state: str) -> PrintOutcome:
    if verdict.kind == "printed":
        log.info("print job %s-%s confirmed by the spooler (%s)", printer, job_id, state)
        return PrintOutcome(True, printer, job_id, state)
    values = (("printer", printer), ("reason", verdict.reason or "—"))
    log.warning("not printed on %s: %s %s", printer, verdict.problem, verdict.reason)
    return PrintOutcome(False, printer, job_id, state, verdict.problem, values)


__all__ = [
    "JOB_INFO_1W",
    "Job",
    "Verdict",
    "available",
    "confirm_job",
    "job_verdict",
    "new_job",
    "queue_job_ids",
]
