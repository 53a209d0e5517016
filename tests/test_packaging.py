"""The installed program finds its icons, translations and styles; README and CI agree.

The package is built and installed (not editable) into a temporary folder, then run from
a folder outside the checkout, so nothing can quietly fall back to the source tree.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
CI_RUN = ROOT / ".ci" / "run"
QM_IN_PACKAGE = "wealthdesk/resources/translations/wealthdesk_zh_CN.qm"
# What the build reads; everything else in the checkout stays out of the copy.
BUILD_INPUTS = ("pyproject.toml", "setup.cfg", "README.md", "MANIFEST.in", "LICENSE")
BUILD_TREES = ("wealthdesk", "resources")
_NOT_BUILT = shutil.ignore_patterns("__pycache__", "*.pyc", "screenshots")


def _builds_without_index() -> bool:
    """Can this environment build the wheel itself (no build isolation, no downloads)?"""
    try:
        version = importlib.metadata.version("setuptools")
    except importlib.metadata.PackageNotFoundError:
        return False
    major, minor = (int(part) for part in re.findall(r"\d+", version)[:2])
    # setuptools 70.1 builds wheels on its own; older ones need the wheel package.
    return (major, minor) >= (70, 1) or importlib.util.find_spec("wheel") is not None


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """``pip install --no-deps --target`` of a copy of the checkout; returns the target."""
    work = tmp_path_factory.mktemp("packaging")
    source = work / "source"
    source.mkdir()
    for name in BUILD_INPUTS:
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, source / name)
    for name in BUILD_TREES:
        shutil.copytree(ROOT / name, source / name, ignore=_NOT_BUILT)
    target = work / "site"
    pip = [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(target)]
    if _builds_without_index():
        pip += ["--no-build-isolation", "--no-index"]
    done = subprocess.run(
        [*pip, str(source)], cwd=work, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, f"pip install failed:\n{done.stdout}\n{done.stderr}"
    return target


def _run_installed(installed: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    """Run Python with only the installed copy of wealthdesk importable (plus its deps)."""
    home = cwd / "home"
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("WEALTHDESK_", "XDG_")) and key != "PYTHONPATH"
    }
    env.update(
        PYTHONPATH=str(installed),
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "state"),
        QT_QPA_PLATFORM="offscreen",
        PYTHONIOENCODING="utf-8",
    )
    return subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


@pytest.fixture
def outside(tmp_path) -> Path:
    """A working folder that is not the checkout, so ``import wealthdesk`` cannot find it."""
    assert ROOT not in tmp_path.parents
    return tmp_path


def test_installed_package_ships_the_translation_icons_and_styles(installed):
    package = installed / "wealthdesk" / "resources"
    assert (installed / QM_IN_PACKAGE).is_file()
    assert (package / "styles" / "app.qss").is_file()
    shipped_icons = {p.name for p in (package / "icons").glob("*.svg")}
    assert shipped_icons == {p.name for p in (ROOT / "resources" / "icons").glob("*.svg")}
    # The files came from the wheel, not from a copy lying around: pip recorded them.
    record = next(installed.glob("wealthdesk-*.dist-info")) / "RECORD"
    recorded = {line.split(",")[0] for line in record.read_text(encoding="utf-8").splitlines()}
    assert QM_IN_PACKAGE in recorded
    assert "wealthdesk/resources/styles/app.qss" in recorded
    # The bank's risk questionnaire, which the risk tab and the survey read.
    assert "wealthdesk/resources/questionnaires/risk_default.json" in recorded


def test_installed_app_resolves_resources_inside_the_installation(installed, outside):
    used_icons = sorted(
        {
            name
            for path in (ROOT / "wealthdesk").rglob("*.py")
            for name in re.findall(r"""\bicon\(\s*["']([\w-]+)["']""", path.read_text("utf-8"))
        }
    )
    assert "app" in used_icons
    snippet = textwrap.dedent(
        f"""
        import json
        import wealthdesk
        from wealthdesk import assets
        print(json.dumps({{
            "package": wealthdesk.__file__,
            "resources": str(assets.resource_dir()),
            "icons": [str(assets.icon_path(name)) for name in {used_icons!r}],
            "translation": str(assets.translation_path("zh_CN")),
            "style": str(assets.style_path()),
        }}))
        """
    )
    done = _run_installed(installed, "-c", snippet, cwd=outside)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    for key in ("package", "resources", "translation", "style"):
        assert Path(found[key]).is_relative_to(installed), (key, found[key])
    for path in (found["translation"], found["style"], *found["icons"]):
        assert Path(path).is_file(), path
        assert Path(path).is_relative_to(installed), path


def test_installed_cli_answers_help(installed, outside):
    done = _run_installed(installed, "-m", "wealthdesk", "--help", cwd=outside)
    assert done.returncode == 0, done.stderr
    assert "demo" in done.stdout
    assert "import-clients" in done.stdout


def _translation(context: str, source: str) -> str:
    root = ET.parse(ROOT / "resources" / "translations" / "wealthdesk_zh_CN.ts").getroot()
    for ctx in root.iter("context"):
        if ctx.findtext("name") != context:
            continue
        for message in ctx.iter("message"):
            if message.findtext("source") == source:
                return message.findtext("translation") or ""
    raise AssertionError(f"no translation of [{context}] {source!r}")


def test_installed_cli_speaks_chinese_from_the_shipped_translation(installed, outside):
    expected = _translation("cli", "demo clients created: {count}").format(count=5)
    assert re.search(r"[\u4e00-\u9fff]", expected), expected
    database = outside / "demo.sqlite3"
    command = ["demo", "--clients", "5", "--db", f"sqlite:///{database}", "--lang", "zh_CN"]
    done = _run_installed(installed, "-m", "wealthdesk", *command, cwd=outside)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == expected
    assert database.is_file()


# ------------------------------------------------------------------ README and CI


def _readme_command(marker: str) -> str:
    """The code block right after ``<!-- marker -->`` in README.md; it must be one line."""
    text = README.read_text(encoding="utf-8")
    match = re.search(rf"<!-- {re.escape(marker)} -->\s*```[a-z]*\n(.*?)```", text, flags=re.DOTALL)
    assert match, f"README.md has no code block after <!-- {marker} -->"
    lines = match.group(1).strip("\n").splitlines()
    assert len(lines) == 1, f"the {marker} command must be one copy-pasteable line: {lines}"
    return lines[0]


def _ci_test_command() -> str:
    match = re.search(r'^TEST_COMMAND="(.*)"$', CI_RUN.read_text(encoding="utf-8"), re.MULTILINE)
    assert match, ".ci/run does not define TEST_COMMAND"
    return match.group(1)


def test_readme_gives_exactly_two_setup_commands():
    text = README.read_text(encoding="utf-8")
    assert len(re.findall(r"<!-- setup-(?:app|tests) -->", text)) == 2
    app = _readme_command("setup-app")
    tests = _readme_command("setup-tests")
    # The app: a fresh venv, a real (not editable) install, then the installed command.
    assert app.startswith("python3 -m venv .venv && ")
    assert re.search(r"\bpip install \.(?=\s|$)", app) and " -e " not in app
    assert app.endswith(".venv/bin/wealthdesk")
    # The tests: a fresh venv with the test and postgres extras, pytest offscreen.
    assert tests.startswith("python3 -m venv .venv && ")
    assert "'.[test,postgres]'" in tests
    assert "QT_QPA_PLATFORM=offscreen" in tests and "-m pytest" in tests


def test_ci_runs_the_readme_test_command_word_for_word():
    script = CI_RUN.read_text(encoding="utf-8")
    assert _ci_test_command() == _readme_command("setup-tests")
    # .ci/run refuses to run when README.md lost the line, and then runs that very line.
    assert 'grep -qxF -- "$TEST_COMMAND" README.md' in script
    assert 'bash -c "$TEST_COMMAND"' in script
    checked = subprocess.run(["bash", "-n", str(CI_RUN)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr


def test_every_package_of_the_source_is_listed_for_installation():
    """setup.cfg names its packages one by one: a package split into a folder (the CLI,
    the care service, the day close's documents) that is not listed is missing from the
    installed app, which then fails only where that part is used."""
    import configparser

    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg", encoding="utf-8")
    listed = set(config["options"]["packages"].split())
    source = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "wealthdesk").rglob("__init__.py")
    }
    assert source - listed == set()
