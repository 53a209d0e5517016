"""One logging set-up: a rotating file in the user's log folder."""

from __future__ import annotations

import logging
from pathlib import Path

LOG_NAME = "wealthdesk.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(folder: Path, level: int = logging.INFO) -> Path:
    """Log to ``folder/wealthdesk.log`` (5 files of 1 MB); returns the log's path.

    When the folder cannot be written, logging goes to stderr only and says so.
    """
    path = Path(folder) / LOG_NAME
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        if getattr(handler, "_wealthdesk", False):
            root.removeHandler(handler)
            handler.close()
    # sockets, pickle, queues: loaded when the log is set up, once the window is up
    from logging.handlers import RotatingFileHandler

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=4, encoding="utf-8"
        )
    except OSError as exc:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter(_FORMAT))
        handler._wealthdesk = True  # type: ignore[attr-defined]
        root.addHandler(handler)
        logging.getLogger(__name__).warning("cannot write the log file %s: %s", path, exc)
        return path
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler._wealthdesk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    _make_folders_private(path.parent)
    return path


def _make_folders_private(logs: Path) -> None:
    """The data, backups and log folders (and what the backups and log folders hold)
    this account's only, as new files are (see private_files)."""
    from .private_files import make_private, own_folders

    try:
        from .paths import backup_dir, data_dir
    except ImportError:  # no Qt: only the log folder is known
        make_private([logs, *logs.iterdir()])
        return
    make_private(own_folders(data_dir(), backup_dir(), logs))
