"""The bundle's entry point: the same program as ``wealthdesk`` and ``python main.py``.

PyInstaller starts from a script, not from the package's console-script entry point;
this is that script. What its analysis cannot see from here is declared in
``wealthdesk.spec``; what only a bundle needs at start-up is done here.
"""

import os
import sys
from pathlib import Path

from wealthdesk.app import main


def _console_streams() -> None:
    """Windows' windowless wealthdesk-desk.exe has no console: sys.stdout and sys.stderr
    are None there, and a message written to them would end the program instead."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115


def _input_method() -> None:
    """Chinese typing under fcitx (UOS, Kylin). The PySide6 wheels carry Qt's ibus
    plugin and no fcitx one, so a desktop that asks Qt for "fcitx" would get no input
    method at all; fcitx5 also answers ibus's protocol (its ibus frontend), so ask for
    ibus instead. Without fcitx5 (fcitx 4) this changes nothing that worked."""
    if not sys.platform.startswith("linux"):
        return
    plugins = Path(getattr(sys, "_MEIPASS", "")) / "PySide6/Qt/plugins/platforminputcontexts"
    if list(plugins.glob("*fcitx*")):
        return  # a bundle that ships a fcitx plugin uses it
    asked = os.environ.get("QT_IM_MODULE", "")
    if asked.startswith("fcitx") or (not asked and "fcitx" in os.environ.get("XMODIFIERS", "")):
        os.environ["QT_IM_MODULE"] = "ibus"


if __name__ == "__main__":
    _console_streams()
    _input_method()
    sys.exit(main())
