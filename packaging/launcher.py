"""The bundle's entry point: the same program as ``wealthdesk`` and ``python main.py``.

PyInstaller starts from a script, not from the package's console-script entry point;
this is that script. What its analysis cannot see from here is declared in
``wealthdesk.spec``.
"""

import sys

from wealthdesk.app import main

if __name__ == "__main__":
    sys.exit(main())
