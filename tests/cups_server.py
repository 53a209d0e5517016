"""A print service of the tests' own: a private CUPS scheduler (cupsd) with its own
configuration folder, socket and port on 127.0.0.1, and a PDF printer queue, so that
printing is tested end to end without touching the machine's own CUPS.

As root (CI) the queue is cups-pdf (printer-driver-cups-pdf): CUPS filters the job and
cups-pdf writes the printed pages as a PDF into its output folder (/etc/cups/cups-pdf.conf's
``Out``, the user's ~/PDF by default). cups-pdf runs only as root; as another user the
queue is a raw one that writes the job to a file. Either way a test finds the printed
document by the job's title and reads it back.

The fixture is skipped, with the reason, only when CUPS's binaries are not installed."""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

CUPSD = "/usr/sbin/cupsd"
LPADMIN = "/usr/sbin/lpadmin"
CUPS_PDF = Path("/usr/lib/cups/backend/cups-pdf")
CUPS_PDF_PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")
QUEUE = "WealthDeskPDF"


def missing() -> str:
    """Why a private CUPS cannot be started here, or ""."""
    for binary in (CUPSD, LPADMIN, shutil.which("lp") or "/usr/bin/lp"):
        if not Path(binary).exists():
            return f"{binary} is not installed (apt-get install cups)"
    if os.geteuid() == 0 and not CUPS_PDF.exists():
        return f"{CUPS_PDF} is not installed (apt-get install printer-driver-cups-pdf)"
    return ""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# The whole test process speaks to one address for its print service, from the start:
# Qt's printing (through libcups) reads where the server is once per process, so a
# server named only when the printing tests come would stay unseen by the window's
# print path. Until the private CUPS starts there, nothing answers: no printers.
SESSION_PORT = _free_port()
os.environ["CUPS_SERVER"] = f"127.0.0.1:{SESSION_PORT}"


class PrivateCups:
    """cupsd on 127.0.0.1 and a free port, its files in *folder*; ``environ`` points
    ``lp``, ``lpstat`` and the app at it (CUPS_SERVER)."""

    def __init__(self, folder: Path, port: int | None = None):
        self.folder = folder
        self.port = port or _free_port()
        self.process: subprocess.Popen | None = None
        self.root = os.geteuid() == 0
        self.raw_output = folder / "printed"
        self.environ = {"CUPS_SERVER": f"127.0.0.1:{self.port}"}

    # ------------------------------------------------------------ life
    def start(self) -> None:
        f = self.folder
        for sub in ("spool", "cache", "state", "tmp", "log", "ppd", "printed"):
            (f / sub).mkdir(parents=True, exist_ok=True)
        (f / "cupsd.conf").write_text(
            f"Listen 127.0.0.1:{self.port}\n"
            "LogLevel debug\nWebInterface No\nBrowsing No\nDefaultAuthType None\n"
            "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
            "<Location /admin>\n  Order allow,deny\n  Allow all\n</Location>\n"
            "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n",
            encoding="utf-8",
        )
        files = [
            f"ServerRoot {f}",
            f"RequestRoot {f / 'spool'}",
            f"CacheDir {f / 'cache'}",
            f"StateDir {f / 'state'}",
            f"TempDir {f / 'tmp'}",
            f"AccessLog {f / 'log' / 'access_log'}",
            f"ErrorLog {f / 'log' / 'error_log'}",
            f"PageLog {f / 'log' / 'page_log'}",
            "ServerBin /usr/lib/cups",
            "DataDir /usr/share/cups",
            "FileDevice Yes",
            "Sandboxing Relaxed",
        ]
        if self.root:
            # cupsd will not run its filters as root: as lp, which must reach the folder.
            files += ["User lp", "Group lp", "SystemGroup root"]
            for path in [f, *f.rglob("*")]:
                os.chown(path, 0, pwd.getpwnam("lp").pw_gid)
                path.chmod(0o775 if path.is_dir() else 0o664)
        else:
            user = pwd.getpwuid(os.getuid()).pw_name
            files += [f"SystemGroup {user}"]
        (f / "cups-files.conf").write_text("\n".join(files) + "\n", encoding="utf-8")
        self.process = subprocess.Popen(
            [CUPSD, "-f", "-c", str(f / "cupsd.conf"), "-s", str(f / "cups-files.conf")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"cupsd stopped: {self.process.stderr.read().decode()[-500:]}")
            if self.run("lpstat", "-r", check=False).stdout.strip() == "scheduler is running":
                break
            time.sleep(0.1)
        else:
            raise RuntimeError(f"cupsd did not answer on port {self.port}: {self.log()}")
        self.open_queue()

    def open_queue(self) -> None:
        """The PDF queue, and it the default printer (--print without --printer)."""
        self.add_queue(QUEUE)
        self.run(LPADMIN, "-d", QUEUE)

    def remove_queue(self) -> None:
        """No printer at all between printing tests: the other tests see this process's
        print service as a PC without a printer, whatever ran before them."""
        self.run("cancel", "-a", QUEUE, check=False)
        self.run(LPADMIN, "-x", QUEUE, check=False)

    def add_queue(self, name: str) -> None:
        """A PDF printer called *name*, enabled and accepting jobs."""
        if self.root:
            device = ["-v", "cups-pdf:/", "-P", str(CUPS_PDF_PPD)]
        else:
            # A raw queue writes the job as it came: the PDF the app sent.
            device = ["-v", f"file://{self.raw_output / name}-job.pdf", "-m", "raw"]
        self.run(LPADMIN, "-p", name, "-E", *device)
        self.run("cupsenable", name)
        self.run("cupsaccept", name)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    # ------------------------------------------------------------ use
    def run(self, *command: str, check: bool = True) -> subprocess.CompletedProcess:
        environ = {**os.environ, **self.environ, "LC_ALL": "C"}
        result = subprocess.run(
            list(command), env=environ, capture_output=True, text=True, timeout=60, check=False
        )
        if check and result.returncode:
            raise RuntimeError(f"{' '.join(command)}: {result.stderr.strip()}")
        return result

    def log(self) -> str:
        try:
            return (self.folder / "log" / "error_log").read_text(errors="replace")[-2000:]
        except OSError:
            return ""

    def completed_jobs(self, queue: str = QUEUE) -> list[str]:
        """The ids (``Queue-12``) of the jobs the queue has finished."""
        out = self.run("lpstat", "-W", "completed", "-o", queue, check=False).stdout
        return [line.split()[0] for line in out.splitlines() if line.strip()]

    def pending_jobs(self, queue: str = QUEUE) -> list[str]:
        out = self.run("lpstat", "-o", queue, check=False).stdout
        return [line.split()[0] for line in out.splitlines() if line.strip()]

    def mark(self) -> dict[Path, float]:
        """What the queue has printed so far: give it to :meth:`printed`."""
        return {path: path.stat().st_mtime_ns for path in self._outputs()}

    def printed(self, before: dict[Path, float], timeout: float = 60.0) -> Path:
        """The PDF the queue produced since *before* (waits for it; the file is removed
        from the printer's output folder once read, by :meth:`take`)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for found in self._outputs():
                if before.get(found) == found.stat().st_mtime_ns:
                    continue
                if found.stat().st_size and found.read_bytes().rstrip().endswith(b"%%EOF"):
                    return found
            time.sleep(0.1)
        raise AssertionError(f"nothing printed; CUPS said:\n{self.log()}")

    def take(self, before: dict[Path, float], into: Path) -> Path:
        """The printed PDF, moved out of the printer's output folder into *into*."""
        found = self.printed(before)
        target = into / "printed.pdf"
        shutil.move(found, target)
        return target

    def _outputs(self) -> list[Path]:
        folder = self.raw_output if not self.root else _cups_pdf_folder()
        return sorted(folder.glob("*.pdf")) if folder.is_dir() else []


def _cups_pdf_folder() -> Path:
    """Where cups-pdf writes a root user's jobs (its configuration's ``Out``)."""
    out = "${HOME}/PDF"
    try:
        for line in Path("/etc/cups/cups-pdf.conf").read_text().splitlines():
            if line.strip().startswith("Out "):
                out = line.split(None, 1)[1].strip()
    except OSError:
        pass
    user = pwd.getpwuid(os.getuid())
    return Path(out.replace("${HOME}", user.pw_dir).replace("${USER}", user.pw_name))


@pytest.fixture(scope="session")
def cups_server():
    """A private CUPS with the PDF queue :data:`QUEUE`, for the session."""
    reason = missing()
    if reason:
        pytest.skip(f"printing through CUPS cannot be tested: {reason}")
    # Not under pytest's temporary folder: that is private to its user (0700), and the
    # filters run as lp must reach their spool and temporary folders.
    folder = Path(tempfile.mkdtemp(prefix="wealthdesk-cups-"))
    folder.chmod(0o755)
    server = PrivateCups(folder, SESSION_PORT)
    try:
        server.start()
    except (RuntimeError, OSError) as exc:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)
        pytest.fail(f"the private CUPS did not start: {exc}", pytrace=False)
    server.remove_queue()  # the queue is there only while a printing test runs
    yield server
    server.stop()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def cups(cups_server, monkeypatch):
    """The private CUPS for one test: the app's and the commands' print service, its
    queue accepting and enabled again whatever the test before did to it."""
    for name, value in cups_server.environ.items():
        monkeypatch.setenv(name, value)
    cups_server.open_queue()  # enabled and accepting, whatever the test before did
    yield cups_server
    cups_server.remove_queue()


@pytest.fixture
def no_printer(cups_server, monkeypatch):
    """A PC without a printer: its print service runs (the private CUPS) and knows none
    (the queue is there only in the ``cups`` fixture's tests)."""
    for name, value in cups_server.environ.items():
        monkeypatch.setenv(name, value)
    return cups_server


@pytest.fixture
def cups_stopped(monkeypatch):
    """A PC whose print service is not running: CUPS_SERVER names a port nothing
    listens on."""
    if not shutil.which("lp"):
        pytest.skip("the CUPS client (lp) is not installed")
    where = f"127.0.0.1:{_free_port()}"
    monkeypatch.setenv("CUPS_SERVER", where)
    return where
