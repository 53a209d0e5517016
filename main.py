"""WealthDesk: start the desk window, or run a sub-command (``python main.py --help``)."""

import sys

from wealthdesk.app import main

if __name__ == "__main__":
    sys.exit(main())
