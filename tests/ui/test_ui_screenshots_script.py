"""The README's screenshots are made by `.ci/screenshots.py` driving the real window:
when a change to the window breaks the script, the pictures silently go stale. This runs
it (offscreen, English, into a temporary folder) and checks that every picture the README
shows is made anew."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


def test_the_screenshot_script_makes_every_picture_the_readme_shows(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / ".ci" / "screenshots.py"),
            "--out",
            str(tmp_path),
            "--lang",
            "en",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    shown = set(
        re.findall(r"resources/screenshots/([a-z-]+)\.png", (ROOT / "README.md").read_text())
    )
    assert shown, "the README shows no screenshot"
    for name in sorted(shown):
        image = QImage(str(tmp_path / f"{name}-en.png"))
        assert not image.isNull(), f"{name}-en.png was not made"
        assert image.width() >= 200 and image.height() >= 100, name
    # Each picture shows its own screen: the client book's three pictures once showed the
    # Today page, the page the script had not turned away from.
    pixels = {}
    for name in sorted(shown):
        data = bytes(QImage(str(tmp_path / f"{name}-en.png")).constBits())
        pixels.setdefault(data, []).append(name)
    assert [names for names in pixels.values() if len(names) > 1] == []
