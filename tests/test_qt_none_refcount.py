"""PySide6 6.12.0 drops a reference to None on every invalid QVariant it returns, and to
True or False on every ``Signal.emit()``; the app must survive that (see
``wealthdesk._make_none_immortal``)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_many_invalid_variants_do_not_kill_the_process():
    script = textwrap.dedent(
        """
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        sys.path.insert(0, sys.argv[1])
        import wealthdesk  # applies the work-around
        from PySide6.QtGui import QStandardItemModel
        model = QStandardItemModel(1, 1)
        index = model.index(0, 0)
        for _ in range(200_000):
            assert index.data() is None
        print("survived")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(ROOT)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "survived" in result.stdout


def test_many_signal_emits_do_not_kill_the_process():
    script = textwrap.dedent(
        """
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        sys.path.insert(0, sys.argv[1])
        import wealthdesk  # applies the work-around
        from PySide6.QtCore import QObject, Signal

        class Emitter(QObject):
            changed = Signal(bool)

        emitter = Emitter()
        seen = []
        emitter.changed.connect(seen.append)
        for i in range(200_000):
            emitter.changed.emit(i % 2 == 0)
        assert len(seen) == 200_000
        print("survived")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(ROOT)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "survived" in result.stdout
