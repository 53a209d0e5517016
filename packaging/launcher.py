"""The bundle's entry point: the same program as ``wealthdesk`` and ``python main.py``.

PyInstaller starts from a script, not from the package's console-script entry point;
this is that script. What its analysis cannot see from here is declared in
``wealthdesk.spec``.
"""

import os
import sys

from wealthdesk.app import main

if __name__ == "__main__":
    # Windows' windowless wealthdesk-desk.exe has no console: sys.stdout and sys.stderr
    # are None there, and a message written to them would end the program instead.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
    sys.exit(main())
