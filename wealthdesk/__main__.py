"""``python -m wealthdesk`` is the same as ``wealthdesk``."""

import sys

from .app import main

sys.exit(main())
