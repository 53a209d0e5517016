"""Keep the translations in step with the source.

    python .ci/translations.py update   # extract tr() strings into resources/translations/*.ts
    python .ci/translations.py release  # build the .qm files the app loads
    python .ci/translations.py check    # fail when a .ts is stale, unfinished or its .qm old

The .ts files are the source of the translations (edit them with pyside6-linguist or by
hand); the .qm files are built from them and committed, so an installed app needs no
Qt tools.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_FILES = sorted((ROOT / "resources" / "translations").glob("wealthdesk_*.ts"))
LANGUAGES = ("zh_CN",)


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    if not Path(found).exists():
        sys.exit(f"{name} not found: install PySide6-Essentials in this environment")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "wealthdesk").rglob("*.py"))


def ts_path(language: str) -> Path:
    return ROOT / "resources" / "translations" / f"wealthdesk_{language}.ts"


def lupdate(target: Path) -> None:
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *sources(),
            "-no-obsolete",
            "-locations",
            "none",
            "-ts",
            str(target),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True
    )


def messages(ts: Path) -> dict[tuple[str, str], tuple[str, str | None]]:
    """(context, source) → (translation, type attribute)."""
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            # A plural message (numerus="yes") holds its text in <numerusform> children.
            forms = [form.text or "" for form in translation.iter("numerusform")]
            text = " ".join(forms) if forms else (translation.text or "")
            out[(name, message.findtext("source"))] = (text, translation.get("type"))
    return out


def problems() -> list[str]:
    found = []
    for language in LANGUAGES:
        ts = ts_path(language)
        if not ts.exists():
            found.append(f"{ts} is missing: run .ci/translations.py update")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / ts.name
            shutil.copy(ts, fresh)
            lupdate(fresh)
            current, updated = messages(ts), messages(fresh)
            for key in sorted(set(updated) - set(current)):
                found.append(f"{ts.name}: not extracted yet: [{key[0]}] {key[1]!r}")
            for key in sorted(set(current) - set(updated)):
                found.append(f"{ts.name}: no longer in the source: [{key[0]}] {key[1]!r}")
            for key, (text, kind) in sorted(current.items()):
                if not text.strip() or kind in ("unfinished", "vanished", "obsolete"):
                    found.append(f"{ts.name}: untranslated: [{key[0]}] {key[1]!r}")
            qm = ts.with_suffix(".qm")
            built = Path(tmp) / qm.name
            lrelease(ts, built)
            if not qm.exists() or qm.read_bytes() != built.read_bytes():
                found.append(f"{qm.name} is older than {ts.name}: run .ci/translations.py release")
    return found


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "check"
    if command == "update":
        for language in LANGUAGES:
            lupdate(ts_path(language))
            print("updated", ts_path(language))
        return 0
    if command == "release":
        for language in LANGUAGES:
            lrelease(ts_path(language), ts_path(language).with_suffix(".qm"))
            print("built", ts_path(language).with_suffix(".qm"))
        return 0
    if command == "check":
        found = problems()
        for line in found:
            print(line)
        return 1 if found else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
