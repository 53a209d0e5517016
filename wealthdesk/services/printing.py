"""Printing a PDF through the system's print service (CUPS), and telling the truth about
it: the PDF itself is sent (``lp``), and the job is then followed on the print service
until it is printing or printed, or refused, stopped, held, cancelled or aborted — only
then does the caller say "printed" (and audit it).

CUPS is asked over its own protocol (IPP over HTTP, on the server ``lp`` uses: the
``CUPS_SERVER`` environment variable, the client.conf files, else the local socket), so
that what the job became is read from the scheduler, not guessed from ``lp``'s success.
Nothing here imports Qt: the command line and the window print the same way."""

from __future__ import annotations

import http.client
import logging
import os
import re
import shutil
import socket
import struct
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from ..domain.errors import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

CONFIRM_SECONDS = 4.0  # how long a job is followed before a queued job counts as accepted
POLL_SECONDS = 0.15
_COMMAND_SECONDS = 30

# IPP job and printer states (RFC 8011).
PENDING, HELD, PROCESSING, STOPPED, CANCELED, ABORTED, COMPLETED = range(3, 10)
PRINTER_STOPPED = 5
_JOB_STATES = {
    PENDING: "pending",
    HELD: "held",
    PROCESSING: "processing",
    STOPPED: "stopped",
    CANCELED: "canceled",
    ABORTED: "aborted",
    COMPLETED: "completed",
}

REASONS = {
    "no_service": QT_TRANSLATE_NOOP(
        "printing", "This computer has no print service that takes PDF files (CUPS)."
    ),
    "not_running": QT_TRANSLATE_NOOP(
        "printing",
        "The print service (CUPS at {server}) is not running: nothing can be printed "
        "until it is started.",
    ),
    "no_printer": QT_TRANSLATE_NOOP(
        "printing", "No printer is set up, and there is no default printer."
    ),
    "unknown_printer": QT_TRANSLATE_NOOP("printing", "There is no printer called {printer}."),
    "refused": QT_TRANSLATE_NOOP("printing", "The printer {printer} refused the job: {reason}"),
    "stopped": QT_TRANSLATE_NOOP(
        "printing", "The printer {printer} is stopped: {reason}. The job was withdrawn."
    ),
    "held": QT_TRANSLATE_NOOP(
        "printing", "The print service holds the job on {printer}: {reason}. It was withdrawn."
    ),
    "canceled": QT_TRANSLATE_NOOP("printing", "The job on {printer} was cancelled: {reason}"),
    "aborted": QT_TRANSLATE_NOOP(
        "printing", "The print service gave up the job on {printer}: {reason}"
    ),
    "unanswered": QT_TRANSLATE_NOOP("printing", "The print service does not answer: {reason}"),
}


@dataclass(frozen=True)
class PrintOutcome:
    """What became of a print job: *printed* only when the print service has it printing,
    printed, or queued on a printer that is not stopped; else why not (*problem*, one of
    :data:`REASONS`, with its *values*)."""

    printed: bool
    printer: str = ""
    job_id: int | None = None
    state: str = ""  # the job's last state: pending, processing, completed…
    problem: str = ""
    values: tuple[tuple[str, str], ...] = ()

    def reason(self, translate=None) -> str:
        """Why it did not print, in the user's language ("" when it printed)."""
        if not self.problem:
            return ""
        text = REASONS[self.problem]
        if translate is not None:
            text = translate("printing", text)
        return text.format(**dict(self.values))


class _Refused(Exception):
    def __init__(self, problem: str, **values: str):
        super().__init__(problem)
        self.problem, self.values = problem, values


# ---------------------------------------------------------------- is there a service


def available() -> bool:
    """Whether this computer has a print service that takes PDF files: CUPS's ``lp``
    (Linux, macOS). Windows prints through Qt."""
    return sys.platform != "win32" and shutil.which("lp") is not None


def running() -> bool:
    """Whether the print service's scheduler answers (``lpstat -r``): with none, it knows
    no printer at all, and saying "no such printer" would send the user looking for one."""
    if not available():
        return False
    try:
        result = _run(["lpstat", "-r"])
    except OSError:
        return False
    return result.returncode == 0 and "not running" not in result.stdout


def service_down() -> PrintOutcome | None:
    """What any print comes to while the print service does not run (not printed: it is
    not running, and where it was looked for), or None when it runs."""
    if running():
        return None
    return PrintOutcome(False, problem="not_running", values=(("server", server()),))


def printers() -> list[str]:
    """The printers (queues) the print service knows, as CUPS names them."""
    if not available():
        return []
    try:
        result = _run(["lpstat", "-e"])
    except OSError:
        return []
    return [line.strip() for line in result.stdout.splitlines() if line.strip()]


def default_printer() -> str:
    """The print service's default printer, or ""."""
    if not available():
        return ""
    try:
        result = _run(["lpstat", "-d"])
    except OSError:
        return ""
    match = re.search(r":\s*(\S+)\s*$", result.stdout.strip())
    return match.group(1) if match and "no system default" not in result.stdout else ""


def knows(printer: str) -> bool:
    """Whether the print service has a printer called *printer*."""
    return bool(printer) and printer in printers()


# ---------------------------------------------------------------- printing


def print_pdf(
    pdf: Path | str | bytes,
    printer: str = "",
    title: str = "WealthDesk",
    copies: int = 1,
    confirm_seconds: float = CONFIRM_SECONDS,
    media: str = "",
) -> PrintOutcome:
    """Send *pdf* (a file, or the document's bytes) to *printer* (the default printer
    when "") and follow the job: see :class:`PrintOutcome`. A job found stopped or held
    is withdrawn (cancelled), so that "not printed" stays true. *media* names the paper
    when it is not A4 (``Custom.80x72mm``: a receipt), so it is not fitted onto a sheet."""
    if not available():
        return PrintOutcome(False, printer, problem="no_service")
    printer = printer or default_printer()
    if not printer or not knows(printer):
        # Only then asked: a printer the service knows says it is running.
        down = service_down()
        if down is not None:
            return down
    if not printer:
        return PrintOutcome(False, problem="no_printer")
    if not knows(printer):
        named = (("printer", printer),)
        return PrintOutcome(False, printer, problem="unknown_printer", values=named)
    try:
        job_id = _submit(pdf, printer, title, copies, media)
        return _follow(printer, job_id, confirm_seconds)
    except _Refused as refused:
        values = {"printer": printer, "reason": "", **refused.values}
        log.warning("not printed on %s: %s %s", printer, refused.problem, values["reason"])
        job = int(values.pop("job")) if "job" in values else None
        return PrintOutcome(False, printer, job, "", refused.problem, tuple(values.items()))


def _submit(pdf: Path | str | bytes, printer: str, title: str, copies: int, media: str) -> int:
    command = ["lp", "-d", printer, "-t", title or "WealthDesk", "-n", str(max(1, copies))]
    data = pdf if isinstance(pdf, bytes) else None
    try:
        content = data if data is not None else Path(pdf).read_bytes()
    except OSError as exc:
        raise _Refused("refused", reason=str(exc)) from exc
    if media:
        command += ["-o", f"media={media}"]
    elif _is_a4(content):  # on A4 paper whatever the printer's default (Letter…)
        command += ["-o", "media=A4"]
    command += ["-"] if data is not None else ["--", str(pdf)]
    try:
        result = subprocess.run(
            command,
            input=data,
            capture_output=True,
            timeout=_COMMAND_SECONDS,
            check=False,
            env=_environment(),
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise _Refused("unanswered", reason=str(exc)) from exc
    said = (result.stdout + result.stderr).decode("utf-8", "replace").strip()
    match = re.search(r"request id is \S+-(\d+)", said)
    if result.returncode != 0 or not match:
        reason = _lp_reason(said) or f"lp exit {result.returncode}"
        try:  # the reason the printer's keeper gave (cupsreject -r …)
            message = _first(printer_attributes(printer), "printer-state-message", "")
        except OSError:
            message = ""
        raise _Refused("refused", reason=f"{reason} ({message})" if message else reason)
    job_id = int(match.group(1))
    log.info("print job %s-%d sent (%s)", printer, job_id, title)
    return job_id


_MEDIA_BOX = re.compile(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]")
A4_POINTS = (595.28, 841.89)


def _is_a4(pdf: bytes) -> bool:
    """Whether the PDF's first page is A4 (upright or turned)."""
    match = _MEDIA_BOX.search(pdf)
    if not match:
        return False
    size = sorted((float(match.group(1)), float(match.group(2))))
    return all(abs(a - b) < 2 for a, b in zip(size, A4_POINTS, strict=True))


def page_media(pdf: bytes) -> str:
    """The paper of the PDF's first page for ``lp -o media=``: ``Custom.80x72mm`` (a
    receipt), or "" when its size cannot be read."""
    match = _MEDIA_BOX.search(pdf)
    if not match:
        return ""
    width, height = (round(float(side) * 25.4 / 72) for side in match.groups())
    return f"Custom.{width}x{height}mm"


def _lp_reason(said: str) -> str:
    lines = [line.removeprefix("lp: ").strip() for line in said.splitlines() if line.strip()]
    return "; ".join(lines)


def _follow(printer: str, job_id: int, confirm_seconds: float) -> PrintOutcome:
    """Watch job *job_id* until it prints or fails, or *confirm_seconds* pass."""
    deadline = time.monotonic() + confirm_seconds
    state = PENDING
    while True:
        try:
            job = job_attributes(job_id)
        except OSError as exc:
            raise _Refused("unanswered", reason=str(exc), job=str(job_id)) from exc
        state = _first(job, "job-state", PENDING)
        why = _job_reason(job)
        if state == COMPLETED or (state == PROCESSING and time.monotonic() >= deadline):
            return PrintOutcome(True, printer, job_id, _JOB_STATES[state])
        if state in (CANCELED, ABORTED):
            problem = "canceled" if state == CANCELED else "aborted"
            raise _Refused(problem, reason=why, job=str(job_id))
        if state in (STOPPED, HELD):
            _withdraw(job_id)
            raise _Refused("stopped" if state == STOPPED else "held", reason=why, job=str(job_id))
        if state == PENDING:
            queue = printer_attributes(printer)
            if _first(queue, "printer-state", 3) == PRINTER_STOPPED:
                _withdraw(job_id)
                raise _Refused("stopped", reason=_printer_reason(queue), job=str(job_id))
        if time.monotonic() >= deadline:
            # Queued behind other jobs on a printer that works: the service has it.
            return PrintOutcome(True, printer, job_id, _JOB_STATES.get(state, str(state)))
        time.sleep(POLL_SECONDS)


def _withdraw(job_id: int) -> None:
    try:
        _run(["cancel", str(job_id)])
    except OSError as exc:
        log.warning("cannot withdraw print job %d: %s", job_id, exc)


def _job_reason(job: dict) -> str:
    message = _first(job, "job-printer-state-message", "") or _first(job, "job-state-message", "")
    reasons = [r for r in job.get("job-state-reasons", []) if r != "none"]
    return "; ".join(str(p) for p in (message, ", ".join(reasons)) if p) or "—"


def _printer_reason(queue: dict) -> str:
    message = _first(queue, "printer-state-message", "")
    reasons = [r for r in queue.get("printer-state-reasons", []) if r != "none"]
    return "; ".join(str(p) for p in (message, ", ".join(reasons)) if p) or "—"


def _first(attributes: dict, name: str, default):
    values = attributes.get(name)
    return values[0] if values else default


def _run(command: list[str]) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=_COMMAND_SECONDS,
            check=False,
            env=_environment(),
        )
    except subprocess.TimeoutExpired as exc:
        raise OSError(f"{command[0]} did not answer") from exc


def _environment() -> dict[str, str]:
    # The commands' words are read by this module: the C locale's.
    return {**os.environ, "LC_ALL": "C", "LANG": "C"}


# ---------------------------------------------------------------- IPP, as much as needed

GET_JOB_ATTRIBUTES, GET_PRINTER_ATTRIBUTES = 0x0009, 0x000B
_TAG_OPERATION, _TAG_END = 0x01, 0x03
_INTEGER, _BOOLEAN, _ENUM = 0x21, 0x22, 0x23
_URI, _CHARSET, _LANGUAGE, _KEYWORD, _NAME = 0x45, 0x47, 0x48, 0x44, 0x42


def server() -> str:
    """Where CUPS listens, as ``lp`` finds it: host:port, or a socket's path."""
    if os.environ.get("CUPS_SERVER"):
        return os.environ["CUPS_SERVER"]
    for config in (Path.home() / ".cups" / "client.conf", Path("/etc/cups/client.conf")):
        try:
            for line in config.read_text(encoding="utf-8").splitlines():
                parts = line.split()
                if len(parts) == 2 and parts[0].lower() == "servername":
                    return parts[1]
        except OSError:
            continue
    for path in ("/run/cups/cups.sock", "/var/run/cups/cups.sock", "/private/var/run/cupsd"):
        if Path(path).exists():
            return path
    return "localhost:631"


class _SocketConnection(http.client.HTTPConnection):
    def __init__(self, path: str, timeout: float):
        super().__init__("localhost", timeout=timeout)
        self._path = path

    def connect(self) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(self.timeout)
        self.sock.connect(self._path)


def _attribute(tag: int, name: str, value: bytes) -> bytes:
    encoded = name.encode("ascii")
    return struct.pack(">BH", tag, len(encoded)) + encoded + struct.pack(">H", len(value)) + value


def _request(operation: int, resource: str, attributes: list[bytes]) -> dict[str, list]:
    body = struct.pack(">BBHI", 2, 0, operation, 1) + bytes([_TAG_OPERATION])
    body += _attribute(_CHARSET, "attributes-charset", b"utf-8")
    body += _attribute(_LANGUAGE, "attributes-natural-language", b"en")
    body += b"".join(attributes) + bytes([_TAG_END])
    where = server()
    if where.startswith("/"):
        connection: http.client.HTTPConnection = _SocketConnection(where, 10)
    else:
        host, _, port = where.rpartition(":") if ":" in where else (where, "", "631")
        connection = http.client.HTTPConnection(host or where, int(port or 631), timeout=10)
    try:
        connection.request("POST", resource, body, {"Content-Type": "application/ipp"})
        response = connection.getresponse()
        data = response.read()
    except (OSError, http.client.HTTPException) as exc:
        raise OSError(f"CUPS at {where}: {exc}") from exc
    finally:
        connection.close()
    if response.status != 200 or len(data) < 8:
        raise OSError(f"CUPS at {where}: HTTP {response.status}")
    status = struct.unpack(">H", data[2:4])[0]
    if status >= 0x0400:
        raise OSError(f"CUPS at {where}: IPP status 0x{status:04x}")
    return _parse(data[8:])


def _parse(data: bytes) -> dict[str, list]:
    found: dict[str, list] = {}
    index, name = 0, ""
    while index < len(data):
        tag = data[index]
        index += 1
        if tag <= 0x0F:
            if tag == _TAG_END:
                break
            continue
        length = struct.unpack(">H", data[index : index + 2])[0]
        index += 2
        if length:
            name = data[index : index + length].decode("ascii", "replace")
        index += length
        size = struct.unpack(">H", data[index : index + 2])[0]
        index += 2
        raw = data[index : index + size]
        index += size
        if tag in (_INTEGER, _ENUM) and size == 4:
            value: object = struct.unpack(">i", raw)[0]
        elif tag == _BOOLEAN and size == 1:
            value = bool(raw[0])
        else:
            value = raw.decode("utf-8", "replace")
        found.setdefault(name, []).append(value)
    return found


def job_attributes(job_id: int) -> dict[str, list]:
    """The job's state, its reasons and the printer's message about it."""
    return _request(
        GET_JOB_ATTRIBUTES,
        "/jobs/",
        [
            _attribute(_URI, "job-uri", f"ipp://localhost/jobs/{job_id}".encode()),
            _attribute(_NAME, "requesting-user-name", _user().encode()),
        ],
    )


def printer_attributes(printer: str) -> dict[str, list]:
    """The printer's state (idle, processing, stopped), its message and reasons."""
    uri = f"ipp://localhost/printers/{printer}".encode()
    return _request(
        GET_PRINTER_ATTRIBUTES,
        f"/printers/{printer}",
        [
            _attribute(_URI, "printer-uri", uri),
            _attribute(_NAME, "requesting-user-name", _user().encode()),
        ],
    )


def _user() -> str:
    try:
        import getpass

        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return "wealthdesk"
