"""The one way every document the user saves is written: whole or not at all, and with
the permissions any file the user saves gets (the umask's), whether it comes from the
command line, a preview's "Save as PDF…", the agenda or the questionnaire."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def write_atomically(target: Path | str, data: bytes) -> Path:
    """Write *data* to a temporary file beside *target* and rename it over *target*, so
    a failed write leaves no broken file. Raises ``OSError``."""
    target = Path(target)
    # Not tempfile.mkstemp: its files are private (0600); a document gets the permissions
    # any file the user saves gets (the umask applies to os.open's 0666).
    partial = target.parent / f".{target.name}.{secrets.token_hex(4)}.part"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    handle = os.open(partial, flags, 0o666)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


def copy_atomically(source: Path | str, target: Path | str) -> Path:
    """A copy of *source* at *target*, written as :func:`write_atomically` writes."""
    return write_atomically(target, Path(source).read_bytes())
