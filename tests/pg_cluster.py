"""A throwaway PostgreSQL cluster for the tests and the benchmarks: initdb and pg_ctl in a
temporary folder, on 127.0.0.1 and a free port, trust authentication."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def _postgres_unavailable(reason: str):
    if os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}:
        pytest.fail(f"PostgreSQL is needed under CI: {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL not available: {reason}")


def _pg_binary(name: str) -> str | None:
    """``initdb``/``pg_ctl`` on PATH, else from the newest /usr/lib/postgresql/N/bin."""
    import glob
    import re
    import shutil

    found = shutil.which(name)
    if found:
        return found

    def version(path: str) -> int:
        match = re.search(r"/postgresql/(\d+)/", path)
        return int(match.group(1)) if match else 0

    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=version)
    return candidates[-1] if candidates else None


class ThrowawayCluster:
    """initdb + pg_ctl in a temporary folder, on 127.0.0.1 and a free port, trust auth.

    PostgreSQL refuses to run as root, so under root the binaries run as ``postgres``.
    """

    def __init__(self) -> None:
        import tempfile

        self.initdb, self.pg_ctl = _pg_binary("initdb"), _pg_binary("pg_ctl")
        if not (self.initdb and self.pg_ctl):
            raise RuntimeError("initdb/pg_ctl not found (apt-get install postgresql)")
        self.folder = Path(tempfile.mkdtemp(prefix="wealthdesk-pg-"))
        self.owner: str | None = None
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            import pwd

            try:
                account = pwd.getpwnam("postgres")
            except KeyError:
                raise RuntimeError("running as root and there is no 'postgres' user") from None
            os.chown(self.folder, account.pw_uid, account.pw_gid)
            self.owner = "postgres"
        self.data = self.folder / "data"
        self.port = self._free_port()
        self.started = False

    @staticmethod
    def _free_port() -> int:
        import socket

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            return sock.getsockname()[1]

    def _run(self, args: list[str], timeout: float = 60) -> None:
        import shlex
        import subprocess

        command = args
        if self.owner:
            command = ["su", self.owner, "-s", "/bin/sh", "-c", shlex.join(args)]
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        if done.returncode != 0:
            output = (done.stderr or done.stdout).strip().splitlines()
            raise RuntimeError(f"{Path(args[0]).name} failed: {' / '.join(output[-3:])}")

    def start(self) -> None:
        self._run(
            [
                self.initdb,
                "-D",
                str(self.data),
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--no-locale",
                "--no-sync",
            ]
        )
        self._serve()
        self.started = True

    def _serve(self) -> None:
        options = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.folder} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self._run(
            [
                self.pg_ctl,
                "-D",
                str(self.data),
                "-l",
                str(self.folder / "server.log"),
                "-o",
                options,
                "-w",
                "-t",
                "30",
                "start",
            ]
        )

    def pause(self) -> None:
        """Stop the server as an outage would (its data kept), until :meth:`resume`."""
        self._run([self.pg_ctl, "-D", str(self.data), "-m", "fast", "-w", "stop"])

    def resume(self) -> None:
        self._serve()

    def stop(self) -> None:
        import shutil

        try:
            if self.started:
                self._run([self.pg_ctl, "-D", str(self.data), "-m", "immediate", "-w", "stop"])
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"
